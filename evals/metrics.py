"""Answer-quality metrics over gold questions. Pure: no model, no store.

Matching uses the index's own normalisation (``ingest.normalize``): diacritics folded,
OCR confusions undone, numbers compared by their digits (so "41.207", "41,207" and
"41207" agree, and "06" equals "6").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from app.answering.models import MAX_ANSWER_CHARS
from ingest.normalize import match_key, numbers_in, search_syllables


def _fact_tokens(text: str, ocr: bool) -> list[str]:
    return [t.lstrip("0") or "0" if t.isdigit() else t for t in search_syllables(text, ocr=ocr)]


def contains_fact(answer: str, alternative: str) -> bool:
    """The alternative's tokens occur contiguously in the answer's tokens, both read the
    same way: as clean text, or both with OCR confusions undone (a fact written without
    accents, "Bluewave", is not itself OCR text)."""
    for ocr in (False, True):
        needle = _fact_tokens(alternative, ocr)
        haystack = _fact_tokens(answer, ocr)
        if not needle:
            return True
        width = len(needle)
        if any(haystack[i : i + width] == needle for i in range(len(haystack) - width + 1)):
            return True
    return False


def key_facts_ok(answer: str, must_include: Sequence[Sequence[str]]) -> bool:
    """Every group has at least one alternative in the answer."""
    return all(any(contains_fact(answer, alt) for alt in group) for group in must_include)


def bold_fact_found(reference: str, fact: str) -> bool:
    """A bold fact of an answer's first line ("FDI: 278 dự án", "Ông Trần Văn Tân") agrees
    with the reference answer: its value (after a "label: ") occurs in it, or, for a figure,
    each of its numbers does ("84.517 tỉ đồng" against "84.517 tỷ đồng")."""
    value = fact.rsplit(": ", 1)[-1]
    numbers = numbers_in(value)
    if numbers:
        return set(numbers) <= set(numbers_in(reference))
    return contains_fact(reference, value)


def evidence_rank(passages: Sequence[str], evidence: Sequence[str]) -> int | None:
    """1-based rank of the first passage containing any evidence string, or None."""
    keys = [match_key(e) for e in evidence if e.strip()]
    for rank, passage in enumerate(passages, start=1):
        text = match_key(passage)
        if any(key in text for key in keys):
            return rank
    return None


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class QuestionResult:
    id: str
    doc: str | None
    category: str
    refused: bool
    evidence_rank: int | None  # None when not found in the retrieved passages
    has_evidence: bool
    key_facts: bool | None  # None for unanswerable questions
    latency_ms: float
    mode: str = "extractive"  # "llm" | "extractive" | "llm-fallback"
    ttft_ms: float | None = None
    cited_rank: int | None = None  # 1-based rank of the first cited passage holding the evidence
    too_long: bool = False  # the answer is longer than MAX_ANSWER_CHARS
    # The first line's bold facts all agree with the reference answer; None when there are none
    # (or no reference). A bold fact on a question the reports do not answer is never right.
    bold_right: bool | None = None

    @property
    def answerable(self) -> bool:
        return self.category != "unanswerable"

    @property
    def right(self) -> bool:
        """Answered with the key facts, or refused when the reports do not hold the answer."""
        return bool(self.key_facts) if self.answerable else self.refused

    @property
    def outcome(self) -> str:
        """One word for the snapshot: right, wrong, refused (answerable but refused), answered (should refuse)."""
        if self.answerable:
            return "refused" if self.refused else ("right" if self.key_facts else "wrong")
        return "right" if self.refused else "answered"


def score_question(gold: dict, answer_json: dict, retrieved_texts: Sequence[str]) -> QuestionResult:
    """``answer_json``: the ``ask --json`` object. An answer over ``MAX_ANSWER_CHARS`` does not
    count as right: a wall of text is not an answer."""
    answerable = gold.get("category") != "unanswerable"
    too_long = len(answer_json["answer"]) > MAX_ANSWER_CHARS
    cited_texts = [c.get("text", "") for c in answer_json.get("citations", [])]
    evidence = gold.get("evidence", [])
    return QuestionResult(
        id=gold["id"],
        doc=gold.get("doc"),
        category=gold.get("category", ""),
        refused=bool(answer_json["refused"]),
        evidence_rank=evidence_rank(retrieved_texts, gold.get("evidence", [])) if gold.get("evidence") else None,
        has_evidence=bool(gold.get("evidence")),
        key_facts=(
            not answer_json["refused"]
            and not too_long
            and key_facts_ok(answer_json["answer"], gold.get("must_include", []))
        )
        if answerable
        else None,
        latency_ms=float(answer_json.get("latency_ms", 0.0)),
        mode=str(answer_json.get("mode", "extractive")),
        ttft_ms=answer_json.get("ttft_ms"),
        cited_rank=evidence_rank(cited_texts, evidence) if evidence and not answer_json["refused"] else None,
        too_long=too_long,
        bold_right=_bold_right(gold, answer_json),
    )


def _bold_right(gold: dict, answer_json: dict) -> bool | None:
    facts = answer_json.get("direct") or ()
    if not facts or (gold.get("category") != "unanswerable" and not gold.get("answer")):
        return None
    if gold.get("category") == "unanswerable":
        return False
    return all(bold_fact_found(gold["answer"], fact) for fact in facts)


@dataclass(frozen=True)
class Summary:
    label: str
    questions: int
    hit_at_1: float | None  # retrieval: evidence in the first retrieved passage
    hit_at_5: float | None  # retrieval: evidence in the first five retrieved passages
    cited_hit_at_5: float | None  # what the user sees: evidence in one of the answer's first five citations
    key_fact_accuracy: float | None
    refusal_accuracy: float | None
    false_refusals: int
    latency_p50_ms: float
    latency_p95_ms: float
    verified_rate: float | None = None  # share of answers the model gave and the verifier passed (LLM mode)
    fallback_rate: float | None = None  # share replaced by the extractive answer (LLM mode)
    ttft_p50_ms: float | None = None
    bold_shown: int = 0  # answers whose first line states facts in bold
    bold_right: float | None = None  # share of those whose bold facts agree with the reference

    def as_dict(self) -> dict:
        return self.__dict__.copy()


def _share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 3) if flags else None


def summarise(label: str, results: Sequence[QuestionResult]) -> Summary:
    with_evidence = [r for r in results if r.has_evidence]
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    latencies = [r.latency_ms for r in results]
    generative = any(r.mode != "extractive" for r in results)
    first_tokens = [r.ttft_ms for r in results if r.ttft_ms is not None]
    return Summary(
        label=label,
        questions=len(results),
        hit_at_1=_share([r.evidence_rank == 1 for r in with_evidence]),
        hit_at_5=_share([r.evidence_rank is not None and r.evidence_rank <= 5 for r in with_evidence]),
        cited_hit_at_5=_share([r.cited_rank is not None and r.cited_rank <= 5 for r in with_evidence if r.answerable]),
        key_fact_accuracy=_share([bool(r.key_facts) for r in answerable]),
        refusal_accuracy=_share([r.refused for r in unanswerable]),
        false_refusals=sum(1 for r in answerable if r.refused),
        latency_p50_ms=round(percentile(latencies, 50), 1),
        latency_p95_ms=round(percentile(latencies, 95), 1),
        verified_rate=_share([r.mode == "llm" for r in results]) if generative else None,
        fallback_rate=_share([r.mode == "llm-fallback" for r in results]) if generative else None,
        ttft_p50_ms=round(percentile(first_tokens, 50), 1) if first_tokens else None,
        bold_shown=sum(1 for r in results if r.bold_right is not None),
        bold_right=_share([r.bold_right for r in results if r.bold_right is not None]),
    )


def summaries_by_doc(results: Sequence[QuestionResult]) -> list[Summary]:
    """Overall, then one row per source report (questions about "both" count for each)."""
    docs = sorted({r.doc for r in results if r.doc and r.doc != "both"})
    rows = [summarise("all", results)]
    for doc in docs:
        rows.append(summarise(doc, [r for r in results if r.doc in (doc, "both")]))
    return rows
