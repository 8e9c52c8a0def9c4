"""What a question asks for: its content terms, names, numbers and the kind of answer.
Pure logic over the same search form the indexes use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ingest.normalize import fold, numbers_in, search_syllables
from vectorstore.query import expand_abbreviations

# Folded function words and question words: they say nothing about where the answer is.
STOPWORDS = frozenset(
    """
    bao nhieu may nao gi ai dau khi sao the nhu la co cua cac nhung duoc va trong cho voi ve tai o
    theo thi hay hoac tu den nay do mot so da se dang con bi boi vao ra len xuong hon nhat rat cung
    ke du gom ra sao the nao hien nay
    """.split()
)
# Generic capitalised words that are not names ("Ban Quản lý", "Khối thi đua").
GENERIC_CAPITALISED = frozenset(
    fold(w)
    for w in """Ban Quản Khối Khu Bộ Kế Hoạch Đầu Tư Hội Nghị Cờ Bằng Thi Đua Sở Ủy Nhà Nước Theo Trong
    Đến Năm Tháng Ngày Về Đối Với Các Những Có Tổng Giá Trị Lũy Nộp Hội Đồng Quyết Định Văn Bản Ông Bà
    Đơn Vị So Sánh Phong Trào Quy Chế Công Tác Kết Quả Chỉ Tiêu Báo Cáo Khen Thưởng Ai Nào""".split()
)


class AnswerType(StrEnum):
    NUMBER = "number"
    DATE = "date"
    PLACE = "place"
    PERSON = "person"
    LIST = "list"
    OTHER = "other"


_TYPE_CUES: tuple[tuple[AnswerType, tuple[str, ...]], ...] = (
    (AnswerType.DATE, ("ngay nao", "khi nao", "bao gio", "luc nao", "thoi gian nao", "thang nao", "nam nao", "thoi diem nao")),
    (AnswerType.PLACE, ("o dau", "tai dau", "noi nao", "dia diem", "dia phuong nao", "tinh nao")),
    (AnswerType.PERSON, ("la ai", "ai la", "nguoi nao", "ong nao", "ba nao")),
    (AnswerType.NUMBER, ("bao nhieu", "may ", "so luong", "ty le", "muc nao")),
    (AnswerType.LIST, ("nhung", "liet ke", "ke du", "ke ten", "gom nhung")),
)


@dataclass(frozen=True)
class QuestionProfile:
    text: str
    terms: tuple[str, ...]  # content syllables (search form), in order
    bigrams: frozenset[str]
    numbers: frozenset[str]
    names: tuple[str, ...]  # proper names, search form ("hau giang", "phu quoc")
    types: frozenset[AnswerType]


def _answer_types(folded: str) -> frozenset[AnswerType]:
    padded = f" {folded} "
    found = {kind for kind, cues in _TYPE_CUES if any(f" {cue}" in padded for cue in cues)}
    if re.search(r"(^|\s)ai(\s|\?|$)", folded):
        found.add(AnswerType.PERSON)
    return frozenset(found or {AnswerType.OTHER})


def _names(question: str) -> tuple[str, ...]:
    """Runs of capitalised syllables that are not generic words, e.g. "Hậu Giang"."""
    words = re.findall(r"[^\W\d_]+", question)
    names: list[str] = []
    run: list[str] = []
    for position, word in enumerate(words):
        capitalised = word[:1].isupper() and not word.isupper() and position > 0
        if capitalised and fold(word) not in GENERIC_CAPITALISED:
            run.append(word)
            continue
        if run:
            names.append(" ".join(search_syllables(" ".join(run))))
            run = []
    if run:
        names.append(" ".join(search_syllables(" ".join(run))))
    return tuple(dict.fromkeys(n for n in names if n))


def profile_question(question: str) -> QuestionProfile:
    expanded = expand_abbreviations(question)
    syllables = [s for s in search_syllables(expanded) if not s.isdigit()]
    terms = tuple(dict.fromkeys(s for s in syllables if s not in STOPWORDS and len(s) > 1))
    bigrams = frozenset(f"{a}_{b}" for a, b in zip(syllables, syllables[1:], strict=False) if a not in STOPWORDS or b not in STOPWORDS)
    return QuestionProfile(
        text=question,
        terms=terms,
        bigrams=bigrams,
        numbers=frozenset(numbers_in(question)),
        names=_names(question),
        types=_answer_types(fold(question)),
    )
