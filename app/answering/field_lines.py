"""Lines in which a document states its own facts under a label ("Thời gian: 14 giờ ngày …",
"Địa điểm: …", "Chủ trì: Ông …"), as minutes, invitations, notices and plans do. Pure; the
labels are in ``data/field_labels.tsv``.

Such a line shares few words with the question it answers ("Cuộc họp … tổ chức ở đâu?" and
"Địa điểm: Phòng họp tầng 3 …"), so the scorer rates it low and the question was refused
while the line was the first passage shown beside the refusal. ``answering_field`` finds the
line that states the field a question asks for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from app.answering.features import Candidate
from app.answering.frame import AnswerType, QuestionFrame
from app.answering.terms import terms_of
from ingest.normalize import runs_at, search_syllables

# A label opening a line, after a bullet or an item's number if any ("- Thời gian:", "1.
# Địa điểm:"): a few words, then a colon and its value ("Thư ký: Bà …").
LABELLED = re.compile(r"^\s*(?:[-+•*–]\s*|(?:\d{1,2}|[a-zđ])[.)]\s+)?([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,4})\s*:\s*\S")
# Terms of the question its document may lack, besides the words minutes need not hold
# (``unsaid`` in the data file): one, a word of the asker's own; two are another event's.
MAX_TERMS_UNSAID = 1
# What each kind of label answers.
ANSWERS = {
    "date": frozenset({AnswerType.DATE}),
    "place": frozenset({AnswerType.PLACE}),
    "role": frozenset({AnswerType.PERSON, AnswerType.ORGANISATION, AnswerType.LIST}),
}


@dataclass(frozen=True)
class _Label:
    kind: str
    roles: tuple[tuple[str, ...], ...]  # the wordings a question names the role by (role kind)


@lru_cache(maxsize=1)
def _entries() -> tuple[dict[tuple[str, ...], _Label], frozenset[str]]:
    """The labels, and the syllables of the words a meeting's minutes need not hold."""
    text = resources.files("app.answering").joinpath("data", "field_labels.tsv").read_text(encoding="utf-8")
    labels, unsaid = {}, set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, label, *role = line.split("\t")
        if kind == "unsaid":
            unsaid.update(search_syllables(label))
            continue
        roles = tuple(tuple(search_syllables(r)) for r in role[0].split("|")) if role else ()
        labels[tuple(search_syllables(label))] = _Label(kind, roles)
    return labels, frozenset(unsaid)


def _labels() -> dict[tuple[str, ...], _Label]:
    return _entries()[0]


def field_label(line: str) -> tuple[str, ...] | None:
    """The label a line opens with, as search syllables, when it is one of the known labels."""
    match = LABELLED.match(line)
    if match is None:
        return None
    label = tuple(search_syllables(match.group(1)))
    return label if label in _labels() else None


def asks_field(frame: QuestionFrame, label: tuple[str, ...]) -> bool:
    """The question asks for what ``label`` states: a date or place asked of a meeting or event
    ("Cuộc họp … tổ chức ở đâu", not "… trình trước ngày nào": the minutes' "Thời gian:" is the
    meeting's), a role asked who or which unit and named ("Ai chủ trì …")."""
    entry = _labels()[label]
    asked = set(frame.kinds_asked) | {frame.answer_type}
    if not asked & ANSWERS[entry.kind]:
        return False
    if entry.kind != "role":
        return frame.about_event
    question = search_syllables(frame.text)
    return any(runs_at(role, question) for role in entry.roles)


def _terms_of_document(doc_id: str | None, scored: Sequence[Candidate]) -> set[str]:
    """The terms of a document's retrieved sentences, its title and its headings."""
    texts: set[str] = set()  # its title and headings once, not once per sentence
    for candidate in scored:
        if candidate.doc_id == doc_id:
            meta = candidate.document.metadata
            texts.update([candidate.quote, str(meta.get("title", "")), *map(str, meta.get("headings") or ())])
    return {term for text in texts for term in terms_of(text)}


def answering_field(
    frame: QuestionFrame, eligible: Sequence[Candidate], scored: Sequence[Candidate]
) -> Candidate | None:
    """The likeliest labelled line stating the field asked, of the document of the likeliest
    sentence (``eligible`` best first), when that document speaks of what the question does:
    every term of the question is among its passages' but one (the question's own verb, "bắt
    đầu lúc mấy giờ"). Minutes answer "Ai chủ trì cuộc họp …", not "Ai chủ trì buổi làm việc
    với đoàn công tác …" nor "Lễ khởi công … diễn ra ngày nào"; a line of another document may
    be another meeting's."""
    if not eligible:
        return None
    document = eligible[0].doc_id
    for candidate in eligible:
        label = field_label(candidate.quote)
        if candidate.doc_id == document and label is not None and asks_field(frame, label):
            missing = set(frame.terms) - _terms_of_document(document, scored) - _entries()[1]
            return candidate if len(missing) <= MAX_TERMS_UNSAID else None
    return None
