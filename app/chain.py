"""The retrieval → answer flow as a LangChain runnable: ``question -> Answer``.

The answerer is one step of the chain, so a generative answerer can replace or wrap
the extractive one without touching retrieval.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda, RunnablePassthrough

from app.answering.extractive import Phrasing, Thresholds, answer_extractively
from app.answering.models import Answer
from app.prompts import extractive_phrasing
from vectorstore.keyword import KeywordIndex


def build_chain(
    retriever: BaseRetriever,
    keyword_index: Callable[[], KeywordIndex],
    phrasing: Phrasing | None = None,
    thresholds: Thresholds | None = None,
) -> Runnable[str, Answer]:
    wording = phrasing or extractive_phrasing()
    limits = thresholds or Thresholds()

    def answer(inputs: dict[str, Any]) -> Answer:
        return answer_extractively(inputs["question"], inputs["documents"], keyword_index(), wording, limits)

    return (
        RunnableLambda(lambda question: {"question": question})
        | RunnablePassthrough.assign(documents=itemgetter("question") | retriever)
        | RunnableLambda(answer)
    )
