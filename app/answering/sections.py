"""A section whose heading is what a question asks for. Pure logic.

"Phương hướng 6 tháng cuối năm 2031 của Khối … gồm những nhiệm vụ gì?" is answered by the
items under "III. Phương hướng hoạt động 6 tháng cuối năm 2031", though none of them repeats
the question's words: the scorer rates each low, and the question was refused while its
section was the first passage shown beside the refusal. ``answering_section`` finds that
section's items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.answering.features import Candidate
from app.answering.frame import AnswerType, QuestionFrame, list_verbs
from ingest.chunking import is_list_item
from vectorstore.query import chunk_terms

WORD = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more


def _headings(candidate: Candidate) -> tuple[str, ...]:
    return tuple(candidate.document.metadata.get("headings") or ())


def names_the_question(frame: QuestionFrame, heading: str, framing: str) -> bool:
    """The heading names what the question asks for: most of its terms (the heading is about
    it, not one word of it), and the report's title, issuer and outer headings the rest ("Khối …")."""
    terms = set(frame.terms) - list_verbs()
    named = terms & chunk_terms(heading)
    return bool(terms) and 2 * len(named) >= len(terms) and terms <= named | chunk_terms(framing)


def naming_section(
    frame: QuestionFrame, title: str, issuer: str, headings: Sequence[str], announced: bool = False
) -> tuple[str, ...] | None:
    """The heading path, down to the innermost heading of ``headings`` that names what the
    question asks for (``announced``: and announces its items), of a passage of the report
    ``title`` by ``issuer``; None when none does."""
    framed_by = " \n ".join([title, issuer])  # who writes it
    for depth in range(len(headings), 0, -1):  # the narrowest section that answers first
        framing = " \n ".join([framed_by, *headings[: depth - 1]])
        heading = headings[depth - 1]
        if (not announced or heading.rstrip().endswith(":")) and names_the_question(frame, heading, framing):
            return tuple(headings[:depth])
    return None


def answering_section(
    frame: QuestionFrame, eligible: Sequence[Candidate], announced: bool = False, likeliest: bool = False
) -> list[Candidate]:
    """For a question asking for a list, the items (their first sentences, in order) of the
    section of the likeliest sentence whose heading names the question, its own or an outer
    one ("II. Phương hướng …" over "1. Công tác thi đua", "2. Công tác khen thưởng"); []
    when none does. ``announced``: only a heading that announces its items ("1. Nội dung thi
    đua: … các nhiệm vụ sau:"), not one that names a topic ("II. Tình hình các KCN trên địa
    bàn tỉnh" for "Các KCN … gồm những KCN nào?"). ``likeliest``: only the section of the
    likeliest sentence, when it is an item of a list (its paragraphs of prose are no list: the
    sentence that answers may be the second of one)."""
    if frame.answer_type is not AnswerType.LIST:
        return []
    if likeliest and not (eligible and is_list_item(eligible[0].document.page_content)):
        return []
    for candidate in eligible[:1] if likeliest else eligible:
        meta = candidate.document.metadata
        title, issuer = str(meta.get("title", "")), str(meta.get("issuer", ""))
        path = naming_section(frame, title, issuer, _headings(candidate), announced)
        if path is not None:
            return _items(eligible, candidate.doc_id, path)
    return []


def _items(eligible: Sequence[Candidate], doc_id: str, path: tuple[str, ...]) -> list[Candidate]:
    """Each paragraph's first sentence that says something ("1." alone is its number, OCR's
    "o." a speck), of the section at ``path`` and its sub-sections, in the report's order."""
    items: dict[str, Candidate] = {}
    for c in sorted(eligible, key=_place_in_paragraph):
        if c.doc_id == doc_id and _headings(c)[: len(path)] == path and WORD.search(c.quote):
            items.setdefault(c.chunk_id, c)
    return sorted(items.values(), key=lambda c: c.document.metadata.get("paragraph", 0))


def _place_in_paragraph(candidate: Candidate) -> int:
    return candidate.document.page_content.find(candidate.quote)
