"""A section whose heading is what a question asks for. Pure logic.

"Phương hướng 6 tháng cuối năm 2031 của Khối … gồm những nhiệm vụ gì?" is answered by the
items under "III. Phương hướng hoạt động 6 tháng cuối năm 2031", though none of them repeats
the question's words: the scorer rates each low, and the question was refused while its
section was the first passage shown beside the refusal. ``answering_section`` finds that
section's items.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.answering.features import Candidate
from app.answering.frame import AnswerType, QuestionFrame, list_verbs
from ingest.normalize import search_syllables


def _headings(candidate: Candidate) -> tuple[str, ...]:
    return tuple(candidate.document.metadata.get("headings") or ())


def names_the_question(frame: QuestionFrame, heading: str, framing: str) -> bool:
    """The heading names what the question asks for: most of its terms (the heading is about
    it, not one word of it), and the report's title and outer headings the rest ("Khối …")."""
    terms = set(frame.terms) - list_verbs()
    named = terms & set(search_syllables(heading))
    return bool(terms) and 2 * len(named) >= len(terms) and terms <= named | set(search_syllables(framing))


def answering_section(frame: QuestionFrame, eligible: Sequence[Candidate]) -> list[Candidate]:
    """For a question asking for a list, the items (their first sentences, in order) of the
    section of the likeliest sentence whose heading names the question; [] when none does."""
    if frame.answer_type is not AnswerType.LIST:
        return []
    for candidate in eligible:
        headings = _headings(candidate)
        if not headings:
            continue
        framing = " \n ".join([str(candidate.document.metadata.get("title", "")), *headings[:-1]])
        if not names_the_question(frame, headings[-1], framing):
            continue
        items: dict[str, Candidate] = {}
        for c in sorted(eligible, key=_place_in_paragraph):
            # Each item's first sentence that says something ("1." alone is its number).
            if c.doc_id == candidate.doc_id and _headings(c) == headings and any(ch.isalpha() for ch in c.quote):
                items.setdefault(c.chunk_id, c)
        return sorted(items.values(), key=lambda c: c.document.metadata.get("paragraph", 0))
    return []


def _place_in_paragraph(candidate: Candidate) -> int:
    return candidate.document.page_content.find(candidate.quote)
