"""Generative answers from a LangChain chat model, verified against the passages.

The model gets numbered passages (delimited as data) and must cite every sentence. Its
streamed tokens go to the UI as a draft (``AnswerDelta``: shown as unverified); the finished
text is then verified (``verify.py``), also against the extractive answer to the same
passages: an answer citing none of the passages that answer quotes fails, and a refusal fails
when it does answer. A failed answer is regenerated with the problems spelled out, at a
nonzero temperature (at 0 most retries came back byte for byte); if it fails again, or the
model errs, times out or is rate-limited, the extractive answer is shown instead and marked
``mode="llm-fallback"``, ``verified=False``. One deadline holds for the whole answer,
retries included, even while the model is still reading its prompt: the model runs in a
thread of its own that is told to stop and left behind.
"""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial

from langchain_core.documents import Document
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from app.answering.clip import clipped
from app.answering.constraints import PassageContext
from app.answering.events import AnswerDelta, ChatEvent, Final, Status
from app.answering.extractive import citation_for, retrieved_passages
from app.answering.instructions import without_instructions
from app.answering.models import Answer
from app.answering.verify import ExtractiveReading, Verification, refused_against, verify_answer

_ANGLES = str.maketrans({"<": "‹", ">": "›"})
# A retry's sampling temperature: Qwen2.5's own generation default (its generation_config.json).
RETRY_TEMPERATURE = 0.7
# Each of a passage's two section labels as the model reads it: 27 of the 35 distinct labels
# of the 34 indexed reports are shorter (median 39); the rest are mostly OCR paragraphs taken
# for headings, up to 100 words.
HEADING_CHARS = 60
_POLL_S = 0.25  # how often a wait for the model's next piece looks at the deadline: the most it is overrun by
_DONE = object()


@dataclass(frozen=True)
class AnswerPrompt:
    system: str
    passage: str
    user: str
    retry: str
    refusal: str
    same_report: str  # a passage's report line when the passage before it is from the same report
    refused_wrongly: str  # the problem of a refusal when the passages do answer
    fallback_unverified: str
    fallback_error: str
    fallback_unanswered: str  # the extractive answer refuses the passages the model answered from


@dataclass(frozen=True)
class GenerationLimits:
    passages: int = 3  # passages given to the model (small models read few well; each costs seconds)
    timeout_s: float = 60.0  # the whole answer: prompt reading, generation and retries
    max_tokens: int = 400  # streamed pieces kept from one attempt
    retries: int = 1  # regenerations after a failed verification


class GenerationTimeoutError(TimeoutError):
    pass


def _heading(document: Document) -> str:
    """The passage's section and the one above it ("1.5. Ban Quản lý các KCN tỉnh X › KCN Y":
    the upper one often names the province), each cut to ``HEADING_CHARS``; not the whole chain."""
    chain = [str(h) for h in document.metadata.get("headings") or [] if h]
    chain = chain or [str(document.metadata.get("heading", ""))]
    return " › ".join(clipped(h, HEADING_CHARS) for h in chain[-2:] if h)


def passage_context(document: Document) -> str:
    """What the model reads of a passage (its report, section and text), and what its answer
    is verified against."""
    lines = [str(document.metadata.get("title", "")), _heading(document), without_instructions(document.page_content)]
    return "\n".join(line for line in lines if line)


def build_messages(prompt: AnswerPrompt, question: str, documents: Sequence[Document]) -> list[BaseMessage]:
    """System rules, then the passages as delimited data, then the question. Pure. A report's
    title is given once, with its first passage (tokens are seconds of CPU on a small machine)."""
    blocks = []
    previous_title = None
    for n, document in enumerate(documents, start=1):
        title = str(document.metadata.get("title", ""))
        blocks.append(
            prompt.passage.format(
                n=n,
                title=(title if title != previous_title else prompt.same_report).translate(_ANGLES),
                heading=_heading(document).translate(_ANGLES),
                # Instructions planted in a report are data, not rules: the model never reads them.
                text=without_instructions(document.page_content).translate(_ANGLES),
            )
        )
        previous_title = title
    passages = "\n\n".join(blocks)
    return [
        SystemMessage(prompt.system),
        HumanMessage(prompt.user.format(passages=passages, question=question.translate(_ANGLES))),
    ]


def tidy(text: str) -> str:
    """The model's answer without surrounding blank space or runs of blank lines."""
    return re.sub(r"\n{3,}", "\n\n", text.strip())


def extractive_reading(answer: Answer, passages: Sequence[Document]) -> ExtractiveReading:
    """Which of the model's passages (numbered from 1) the extractive ``answer`` quotes."""
    quoted = {citation.chunk_id for citation in answer.citations}
    numbers = [n for n, d in enumerate(passages, start=1) if d.metadata.get("chunk_id") in quoted]
    return ExtractiveReading(answer.refused, tuple(numbers))


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

    def _pieces(self, messages: list[BaseMessage], deadline: float, temperature: float | None) -> Iterator[str]:
        """The model's pieces as they come; ``GenerationTimeoutError`` at ``deadline``, even
        before the first one. The model runs in a thread of its own: a local model reading a
        long prompt cannot be interrupted, so it is told to stop and left to finish."""
        model = self._model if temperature is None else self._model.bind(temperature=temperature)
        pieces: queue.Queue = queue.Queue()
        stop = threading.Event()

        def pump() -> None:
            try:
                for count, chunk in enumerate(model.stream(messages), start=1):
                    pieces.put(chunk.content if isinstance(chunk.content, str) else "")
                    if stop.is_set() or count >= self._limits.max_tokens:
                        break
            except Exception as error:  # handed to the caller, which falls back
                pieces.put(error)
            pieces.put(_DONE)

        threading.Thread(target=pump, name="llm-answer", daemon=True).start()
        try:
            while True:
                if self._clock() > deadline:
                    raise GenerationTimeoutError(f"no complete answer within {self._limits.timeout_s:g} s")
                try:
                    piece = pieces.get(timeout=_POLL_S)
                except queue.Empty:
                    continue
                if piece is _DONE:
                    return
                if isinstance(piece, Exception):
                    raise piece
                yield piece
        finally:
            stop.set()

    def stream(self, question: str, documents: Sequence[Document]) -> Iterator[ChatEvent]:
        # Made at most once: the verifier reads it beside the model (which passages answer, or a
        # refusal), and it stands in for an answer that failed.
        extractive = cache(partial(self._extractive, question, documents))
        started = self._clock()
        deadline = started + self._limits.timeout_s
        passages = list(documents[: self._limits.passages])
        if not passages:
            yield from self._fallback(extractive(), "", None)
            return
        contexts = [passage_context(d) for d in passages]
        frames = [PassageContext.of(d) for d in passages]  # what each passage's report states around it
        messages = build_messages(self._prompt, question, passages)
        first_token: list[float] = []
        for attempt in range(1 + self._limits.retries):
            if attempt:
                yield Status("Câu trả lời chưa khớp nguồn, đang tạo lại…")
            text = ""
            try:
                for piece in self._pieces(messages, deadline, RETRY_TEMPERATURE if attempt else None):
                    if piece and not first_token:
                        first_token.append((self._clock() - started) * 1000)
                    text += piece
                    if piece:
                        yield AnswerDelta(piece)
            except Exception as error:  # any failure of the model means: answer without it
                reason = self._explain_error(error)
                yield Status(reason)
                yield from self._fallback(extractive(), self._prompt.fallback_error.format(reason=reason), first_token)
                return
            text = tidy(text)
            reading = extractive_reading(extractive(), passages)
            verification = verify_answer(text, contexts, self._prompt.refusal, question, frames, reading)
            if verification.ok and refused_against(verification, reading):
                verification = replace(verification, ok=False, problems=(self._prompt.refused_wrongly,))
            if verification.ok:
                yield Final(self._verified(question, text, verification, passages, documents, first_token))
                return
            if reading.refused:  # only the refusal could pass, and the extractive answer is that refusal
                yield from self._fallback(extractive(), self._prompt.fallback_unanswered, first_token)
                return
            problems = "; ".join(verification.problems[:5])
            messages = [*messages, AIMessage(text), HumanMessage(self._prompt.retry.format(problems=problems))]
        yield from self._fallback(extractive(), self._prompt.fallback_unverified, first_token)

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
            spans = dict(verification.spans)
            citations = [citation_for(n, passages[n - 1], spans.get(n, "")) for n in sorted(verification.cited)]
        return Answer(
            question=question,
            answer=verification.read_as or text,
            refused=verification.refused,
            mode="llm",
            citations=citations,
            retrieved=retrieved_passages(documents),
            verified=True,
            ttft_ms=round(first_token[0], 1) if first_token else None,
        )

    def _fallback(self, answer: Answer, notice: str, first_token: list[float] | None) -> Iterator[ChatEvent]:
        if notice:
            answer = replace(
                answer,
                mode="llm-fallback",
                verified=False,
                notice=notice,
                ttft_ms=round(first_token[0], 1) if first_token else None,
            )
        yield Final(answer)
