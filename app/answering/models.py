"""Typed results of the answer chain: what the CLI prints and the web app renders."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

# A longer answer is a wall of text, not an answer: the answerer never writes one and the
# evals count one as wrong.
MAX_ANSWER_CHARS = 1000
# What ``ask --json`` shows of a citation besides its ids and quote.
CITATION_FIELDS = ("n", "doc", "title", "period", "issuer", "heading", "page", "paragraph", "text", "score")


@dataclass(frozen=True)
class Citation:
    n: int
    chunk_id: str
    doc_id: str
    doc: str  # file name
    title: str
    heading: str
    page: int | None
    paragraph: int
    text: str  # the whole cited paragraph
    quote: str  # the sentence(s) of it used in the answer
    score: float
    period: str = ""  # the period its report covers ("6 tháng đầu năm 2031"), from the document frame
    issuer: str = ""  # the board or bloc that issued the report, from the document frame


@dataclass(frozen=True)
class RetrievedPassage:
    """A passage the retriever handed to the answerer (cited or not)."""

    chunk_id: str
    doc: str
    heading: str
    text: str
    score: float


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    refused: bool
    mode: str = "extractive"
    citations: list[Citation] = field(default_factory=list)
    retrieved: list[RetrievedPassage] = field(default_factory=list)
    latency_ms: float = 0.0
    standalone_question: str = ""  # the follow-up rewritten from the conversation; "" = asked as is
    verified: bool = True  # the shown answer passed citation checks (extractive quotes are verbatim)
    ttft_ms: float | None = None  # time to the model's first token (generative answers)
    notice: str = ""  # why a generated answer was replaced by the extractive one
    # What the first line states, shown in bold: the figures asked ("437 dự án"), or the
    # person, day, place or board ("Ông Trần Văn Tân").
    direct: tuple[str, ...] = ()
    # The answer as its quotes stand in the reports, when ``answer`` shows OCR quotes with their
    # accents put back (``app.render.readable``); "" when the two are the same.
    stored_answer: str = ""

    def with_latency(self, latency_ms: float) -> Answer:
        return replace(self, latency_ms=round(latency_ms, 1))

    def as_asked(self, question: str, standalone: str) -> Answer:
        """The answer to ``standalone``, recorded under the question the user typed."""
        return replace(self, question=question, standalone_question=standalone if standalone != question else "")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Answer:
        """An answer read back from its ``to_json`` object (the retrieved passages as ids only
        are not kept)."""
        return cls(
            question=str(data["question"]),
            answer=str(data["answer"]),
            refused=bool(data["refused"]),
            mode=str(data.get("mode", "extractive")),
            citations=[Citation(**c) for c in data.get("citations", [])],
            latency_ms=float(data.get("latency_ms", 0.0)),
            standalone_question=str(data.get("standalone_question", "")),
            verified=bool(data.get("verified", True)),
            ttft_ms=data.get("ttft_ms"),
            notice=str(data.get("notice", "")),
            direct=tuple(data.get("direct", ())),
            stored_answer=str(data.get("stored_answer", "")),
        )

    def to_json(self) -> dict[str, Any]:
        """The ``baocao ask --json`` object."""
        return (
            {
                "question": self.question,
                "answer": self.answer,
                "refused": self.refused,
                "mode": self.mode,
                "citations": [
                    {k: v for k, v in asdict(c).items() if k in CITATION_FIELDS}
                    | {"chunk_id": c.chunk_id, "doc_id": c.doc_id, "quote": c.quote}
                    for c in self.citations
                ],
                "retrieved": [p.chunk_id for p in self.retrieved],
                "latency_ms": self.latency_ms,
                "verified": self.verified,
                "ttft_ms": self.ttft_ms,
            }
            | ({"notice": self.notice} if self.notice else {})
            | ({"direct": list(self.direct)} if self.direct else {})
            | ({"stored_answer": self.stored_answer} if self.stored_answer else {})
            | ({"standalone_question": self.standalone_question} if self.standalone_question else {})
        )
