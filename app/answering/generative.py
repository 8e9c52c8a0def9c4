"""Generative answers from a LangChain chat model, verified against the passages.

The model gets numbered passages (delimited as data) and must cite every sentence. Its
streamed tokens go to the UI as they come; the finished text is then verified
(``verify.py``). A failed answer is regenerated once with the problems spelled out; if it
fails again, or the model errs, times out or is rate-limited, the extractive answer is
shown instead and marked ``mode="llm-fallback"``, ``verified=False``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from langchain_core.documents import Document
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from app.answering.events import AnswerDelta, ChatEvent, Final, Status
from app.answering.extractive import citation_for, retrieved_passages
from app.answering.instructions import without_instructions
from app.answering.models import Answer
from app.answering.verify import Verification, verify_answer

_ANGLES = str.maketrans({"<": "‹", ">": "›"})


@dataclass(frozen=True)
class AnswerPrompt:
    system: str
    passage: str
    user: str
    retry: str
    refusal: str
    fallback_unverified: str
    fallback_error: str


@dataclass(frozen=True)
class GenerationLimits:
    passages: int = 5  # passages given to the model (small models read few well)
    timeout_s: float = 60.0  # one attempt, first token to last
    max_tokens: int = 400  # streamed pieces kept from one attempt
    retries: int = 1  # regenerations after a failed verification


class GenerationTimeoutError(TimeoutError):
    pass


def passage_context(document: Document) -> str:
    """What the model reads of a passage, and what its answer is verified against."""
    heading = " › ".join(document.metadata.get("headings") or []) or document.metadata.get("heading", "")
    return f"{heading}\n{document.page_content}" if heading else document.page_content


def build_messages(prompt: AnswerPrompt, question: str, documents: Sequence[Document]) -> list[BaseMessage]:
    """System rules, then the passages as delimited data, then the question. Pure."""
    passages = "\n\n".join(
        prompt.passage.format(
            n=n,
            title=str(d.metadata.get("title", "")).translate(_ANGLES),
            heading=" › ".join(d.metadata.get("headings") or []).translate(_ANGLES),
            # Instructions planted in a report are data, not rules: the model never reads them.
            text=without_instructions(d.page_content).translate(_ANGLES),
        )
        for n, d in enumerate(documents, start=1)
    )
    return [
        SystemMessage(prompt.system),
        HumanMessage(prompt.user.format(passages=passages, question=question.translate(_ANGLES))),
    ]


def tidy(text: str) -> str:
    """The model's answer without surrounding blank space or runs of blank lines."""
    return re.sub(r"\n{3,}", "\n\n", text.strip())


class GenerativeAnswerer:
    def __init__(
        self,
        model: BaseChatModel,
        prompt: AnswerPrompt,
        extractive: Callable[[str, Sequence[Document]], Answer],
        explain_error: Callable[[Exception], str],
        limits: GenerationLimits | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._model = model
        self._prompt = prompt
        self._extractive = extractive
        self._explain_error = explain_error
        self._limits = limits or GenerationLimits()
        self._clock = clock

    def _generate(self, messages: list[BaseMessage], started: float, first_token: list[float]) -> Iterator[str]:
        """Stream one attempt's pieces; raises GenerationTimeoutError past the time limit."""
        deadline = self._clock() + self._limits.timeout_s
        for count, chunk in enumerate(self._model.stream(messages), start=1):
            piece = chunk.content if isinstance(chunk.content, str) else ""
            if piece and not first_token:
                first_token.append((self._clock() - started) * 1000)
            yield piece
            if self._clock() > deadline:
                raise GenerationTimeoutError(f"no complete answer within {self._limits.timeout_s:g} s")
            if count >= self._limits.max_tokens:
                return

    def stream(self, question: str, documents: Sequence[Document]) -> Iterator[ChatEvent]:
        started = self._clock()
        passages = list(documents[: self._limits.passages])
        if not passages:
            yield from self._fallback(question, documents, "", None)
            return
        contexts = [passage_context(d) for d in passages]
        messages = build_messages(self._prompt, question, passages)
        first_token: list[float] = []
        verification: Verification | None = None
        for attempt in range(1 + self._limits.retries):
            if attempt:
                yield Status("Câu trả lời chưa khớp nguồn, đang tạo lại…")
            text = ""
            try:
                for piece in self._generate(messages, started, first_token):
                    text += piece
                    if piece:
                        yield AnswerDelta(piece)
            except Exception as error:  # any failure of the model means: answer without it
                reason = self._explain_error(error)
                yield Status(reason)
                yield from self._fallback(
                    question, documents, self._prompt.fallback_error.format(reason=reason), first_token
                )
                return
            text = tidy(text)
            verification = verify_answer(text, contexts, self._prompt.refusal)
            if verification.ok:
                yield Final(self._verified(question, text, verification, passages, documents, first_token))
                return
            problems = "; ".join(verification.problems[:5])
            messages = [
                *messages,
                AIMessage(text),
                HumanMessage(self._prompt.retry.format(problems=problems, refusal=self._prompt.refusal)),
            ]
        yield from self._fallback(question, documents, self._prompt.fallback_unverified, first_token)

    def _verified(
        self,
        question: str,
        text: str,
        verification: Verification,
        passages: Sequence[Document],
        documents: Sequence[Document],
        first_token: list[float],
    ) -> Answer:
        if verification.refused:
            text, citations = self._prompt.refusal, []
        else:
            citations = [citation_for(n, passages[n - 1], "") for n in sorted(verification.cited)]
        return Answer(
            question=question,
            answer=text,
            refused=verification.refused,
            mode="llm",
            citations=citations,
            retrieved=retrieved_passages(documents),
            verified=True,
            ttft_ms=round(first_token[0], 1) if first_token else None,
        )

    def _fallback(
        self, question: str, documents: Sequence[Document], notice: str, first_token: list[float] | None
    ) -> Iterator[ChatEvent]:
        answer = self._extractive(question, documents)
        if notice:
            answer = replace(
                answer,
                mode="llm-fallback",
                verified=False,
                notice=notice,
                ttft_ms=round(first_token[0], 1) if first_token else None,
            )
        yield Final(answer)
