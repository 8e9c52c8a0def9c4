"""The retrieval → answer flow as a LangChain runnable that streams events:
``chain.stream(question)`` yields ``Status`` / ``AnswerDelta`` events and one ``Final``;
``config={"configurable": {REPORTS: frozenset(doc_ids)}}`` restricts retrieval to those reports.

The answerer is one step of the chain: the extractive one, or a generative one that
falls back to it, without touching retrieval.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import Any, Protocol

from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import (
    ConfigurableField,
    Runnable,
    RunnableGenerator,
    RunnableLambda,
    RunnablePassthrough,
)

from app.answering.events import AnswerDelta, ChatEvent, Final
from app.answering.extractive import Lexicon, Phrasing, Selection, answer_extractively, select_quotes
from app.answering.features import candidates_for
from app.answering.frame import QuestionFrame, parse_question
from app.answering.models import Answer
from app.answering.scorer import Weights


class Answerer(Protocol):
    def stream(self, question: str, documents: Sequence[Document]) -> Iterator[ChatEvent]: ...


class ExtractiveAnswerer:
    """Quotes the retrieved sentences that answer the question (no LLM); answers in one piece."""

    def __init__(
        self,
        keyword_index: Callable[[], Lexicon],
        phrasing: Phrasing,
        weights: Callable[[], Weights],
        library: Callable[[], tuple[frozenset[str], ...]] = tuple,
    ) -> None:
        """``weights`` loads the scorer's weights when first needed, so that ``baocao tune``
        can run while the weights file does not fit the features yet. ``library``: what each
        indexed report is about, its years, provinces and regions (what a refusal may not deny)."""
        self._keyword_index = keyword_index
        self.phrasing = phrasing
        self._load_weights = weights
        self._weights: Weights | None = None
        self._library = library

    @property
    def weights(self) -> Weights:
        if self._weights is None:
            self._weights = self._load_weights()
        return self._weights

    def answer(self, question: str, documents: Sequence[Document]) -> Answer:
        return answer_extractively(
            question, documents, self._keyword_index(), self.phrasing, self.weights, self._library
        )

    def explain(self, question: str, documents: Sequence[Document]) -> tuple[QuestionFrame, Selection]:
        """The question's frame and every candidate sentence, scored (for ``ask --explain``)."""
        frame = parse_question(question)
        return frame, select_quotes(frame, candidates_for(frame, documents, self._keyword_index()), self.weights)

    def stream(self, question: str, documents: Sequence[Document]) -> Iterator[ChatEvent]:
        answer = self.answer(question, documents)
        yield AnswerDelta(answer.answer)
        yield Final(answer)


REPORTS = "reports"  # the configurable field: doc ids a question is restricted to


def build_chain(retriever: BaseRetriever, answerer: Answerer) -> Runnable[str, ChatEvent]:
    def answer_events(inputs: Iterator[dict[str, Any]]) -> Iterator[ChatEvent]:
        # Streamed, ``assign`` hands over its input and each assigned key as separate pieces.
        merged: dict[str, Any] = {}
        for piece in inputs:
            merged.update(piece)
        yield from answerer.stream(merged["question"], merged["documents"])

    return (
        RunnableLambda(lambda question: {"question": question})
        | RunnablePassthrough.assign(documents=itemgetter("question") | _restrictable(retriever))
        | RunnableGenerator(answer_events)
    )


def _restrictable(retriever: BaseRetriever) -> Runnable:
    """The retriever with its ``only`` field (when it has one) settable per call as ``REPORTS``."""
    if "only" not in type(retriever).model_fields:
        return retriever
    return retriever.configurable_fields(
        only=ConfigurableField(id=REPORTS, name="Reports", description="doc ids the question is restricted to")
    )


def final_answer(events: Iterator[ChatEvent]) -> Answer:
    """The answer a stream of events ends with."""
    answer = None
    for event in events:
        if isinstance(event, Final):
            answer = event.answer
    if answer is None:
        raise RuntimeError("the answer stream ended without a final answer")
    return answer
