"""What a question asks for: its content terms, names, numbers and the kind of answer.
Pure logic over the same search form the indexes use."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import StrEnum

from ingest.normalize import fold, numbers_in, search_syllables
from vectorstore.query import fold_abbreviations, name_tokens

# Folded function words and question words: they say nothing about where the answer is.
STOPWORDS = frozenset(
    [
        "bao",
        "nhieu",
        "may",
        "nao",
        "gi",
        "ai",
        "dau",
        "khi",
        "sao",
        "the",
        "nhu",
        "la",
        "co",
        "cua",
        "cac",
        "nhung",
        "duoc",
        "va",
        "trong",
        "cho",
        "voi",
        "tai",
        "o",
        "theo",
        "thi",
        "hay",
        "hoac",
        "den",
        "nay",
        "do",
        "mot",
        "da",
        "se",
        "dang",
        "con",
        "bi",
        "boi",
        "vao",
        "len",
        "xuong",
        "hon",
        "nhat",
        "rat",
        "cung",
        "hien",
        "ra",
        "ong",
        "ba",
    ]
)
# Phrases that frame a question ("kể đủ", "so sánh") rather than say what it is about.
FRAMING = (
    "ke du",
    "ke ten",
    "liet ke",
    "cho biet",
    "so sanh",
    "nhu the nao",
    "la gi",
    "nhac den",
    "de cap",
    "trinh bay",
    "giua",
    "yeu cau",
    "noi dung",
    "luu y",
    "dieu gi",
)
# Generic capitalised words that are not names ("Ban Quản lý", "Khối thi đua").
GENERIC_CAPITALISED = frozenset(
    fold(w)
    for w in [
        "Ban",
        "Quản",
        "Khối",
        "Khu",
        "Bộ",
        "Kế",
        "Hoạch",
        "Đầu",
        "Tư",
        "Hội",
        "Nghị",
        "Cờ",
        "Bằng",
        "Thi",
        "Đua",
        "Sở",
        "Ủy",
        "Nhà",
        "Nước",
        "Theo",
        "Trong",
        "Đến",
        "Năm",
        "Tháng",
        "Ngày",
        "Về",
        "Đối",
        "Với",
        "Các",
        "Những",
        "Có",
        "Tổng",
        "Giá",
        "Trị",
        "Lũy",
        "Nộp",
        "Hội",
        "Đồng",
        "Quyết",
        "Định",
        "Văn",
        "Bản",
        "Ông",
        "Bà",
        "Đơn",
        "Vị",
        "So",
        "Sánh",
        "Phong",
        "Trào",
        "Quy",
        "Chế",
        "Công",
        "Tác",
        "Kết",
        "Quả",
        "Chỉ",
        "Tiêu",
        "Báo",
        "Cáo",
        "Khen",
        "Thưởng",
        "Ai",
        "Nào",
        "Trưởng",
        "Phó",
        "Chủ",
        "Tịch",
        "Giám",
        "Đốc",
        "Vụ",
        "Trưởng",
        "Khối",
        "Tỉnh",
        "Thành",
        "Phố",
    ]
)


class AnswerType(StrEnum):
    NUMBER = "number"
    AWARD = "award"
    DATE = "date"
    PLACE = "place"
    PERSON = "person"
    LIST = "list"
    OTHER = "other"


_TYPE_CUES: tuple[tuple[AnswerType, tuple[str, ...]], ...] = (
    (
        AnswerType.DATE,
        ("ngay nao", "khi nao", "bao gio", "luc nao", "thoi gian nao", "thang nao", "nam nao", "thoi diem nao"),
    ),
    (AnswerType.PLACE, ("o dau", "tai dau", "noi nao", "dia diem", "dia phuong nao", "tinh nao")),
    (AnswerType.PERSON, ("la ai", "ai la", "nguoi nao", "ong nao", "ba nao")),
    (AnswerType.NUMBER, ("bao nhieu", "may ", "so luong", "ty le", "muc nao")),
    (AnswerType.AWARD, ("hinh thuc khen thuong", "danh hieu", "khen thuong nao", "de nghi tang", "duoc tang")),
    (AnswerType.LIST, ("nhung", "liet ke", "ke du", "ke ten", "gom nhung")),
)


@dataclass(frozen=True)
class QuestionProfile:
    text: str
    terms: tuple[str, ...]  # content syllables (search form), in order
    bigrams: frozenset[str]
    numbers: frozenset[str]
    names: tuple[str, ...]  # proper names, search form ("hau giang", "phu quoc"), people included
    types: frozenset[AnswerType]
    people: tuple[str, ...] = ()  # names that follow "ông"/"bà"


def _answer_types(folded: str) -> frozenset[AnswerType]:
    padded = f" {folded} "
    found = {kind for kind, cues in _TYPE_CUES if any(f" {cue}" in padded for cue in cues)}
    if re.search(r"(^|\s)ai(\s|\?|$)", folded):
        found.add(AnswerType.PERSON)
    return frozenset(found or {AnswerType.OTHER})


_PERSON_TITLES = frozenset({"ông", "bà", "anh", "chị"})


def _names(question: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(names, people): runs of capitalised syllables that are not generic words. A run
    after "ông"/"bà" is a person; other long runs are split into two-syllable names,
    since place names come in pairs ("An Nghiệp Sóc Trăng" -> "An Nghiệp", "Sóc Trăng")."""
    words = re.findall(r"[^\W\d_]+", question)
    runs: list[tuple[list[str], bool]] = []
    run: list[str] = []
    person = False
    for position, word in enumerate(words):
        capitalised = word[:1].isupper() and not word.isupper() and position > 0
        middle_name = bool(run) and word in ("Thị", "Văn", "Thi", "Van")  # "Bùi Thị Thu Hương"
        if capitalised and (middle_name or fold(word) not in GENERIC_CAPITALISED):
            if not run:
                person = position > 0 and words[position - 1].lower() in _PERSON_TITLES
            run.append(word)
            continue
        if run:
            runs.append((run, person))
            run = []
    if run:
        runs.append((run, person))
    names: list[str] = []
    people: list[str] = []
    for words_of_run, is_person in runs:
        syllables = search_syllables(" ".join(words_of_run))
        if is_person:
            people.append(" ".join(syllables))
        elif len(syllables) >= 4 and len(syllables) % 2 == 0:
            names.extend(" ".join(syllables[i : i + 2]) for i in range(0, len(syllables), 2))
        else:
            names.append(" ".join(syllables))
    return tuple(dict.fromkeys(n for n in names if n)), tuple(dict.fromkeys(p for p in people if p))


def _without_framing(syllables: list[str]) -> list[str]:
    text = f" {' '.join(syllables)} "
    for phrase in FRAMING:
        text = text.replace(f" {phrase} ", " | ")
    return text.split()


def profile_question(question: str) -> QuestionProfile:
    syllables = _without_framing(fold_abbreviations([s for s in search_syllables(question) if not s.isdigit()]))
    terms = tuple(dict.fromkeys(s for s in syllables if s not in STOPWORDS and len(s) > 1 and s != "|"))
    # Word pairs keep compounds that contain a function word ("chú trọng", "thi đua").
    bigrams = frozenset(
        f"{a}_{b}"
        for a, b in itertools.pairwise(syllables)
        if "|" not in (a, b) and (a not in STOPWORDS or b not in STOPWORDS)
    )
    bloc_names = tuple(t for t in terms if t in name_tokens())
    names, people = _names(question)
    return QuestionProfile(
        text=question,
        terms=terms,
        bigrams=bigrams,
        numbers=frozenset(numbers_in(question)),
        names=names + people + bloc_names,
        people=people,
        types=_answer_types(fold(question)),
    )
