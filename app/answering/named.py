"""The direct answer to "ai / ngày nào / ở đâu / Ban Quản lý nào": the person, day, place or
board the quote names for it, picked out of the quote that answers it ("**Ông Trần Văn Tân**
[1]"). Pure; the offices are in ``data/offices.txt``.

Only the clause of the quote that says most of the question is read: "… tặng Cờ thi đua cho
A; tặng Bằng khen cho B" answers the Cờ with A. What the question itself names is not the
answer. A person is the one the clause gives the office asked ("Ai là Khối phó?"), or the only
person of the clause when no office is asked; a day or a place is the clause's only one (a
place said with "tại" / "ở" first); boards and zones are those the clause names after the
question's last word, else all of its. When nothing fits there is no direct line and the quote
speaks alone: a wrong bold name is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from app.answering.direct import asked_provinces, place_fit
from app.answering.frame import AnswerType, QuestionFrame, zone_name_spans
from ingest.gazetteer import display_name, find_places
from ingest.normalize import fold, search_syllables
from ingest.people import person_spans
from ingest.sentences import CAPITAL

NAMED_TYPES = (AnswerType.PERSON, AnswerType.DATE, AnswerType.PLACE, AnswerType.ORGANISATION)
# A clause ends at ";" or at a full stop before the next sentence's capital.
CLAUSE_END = re.compile(rf";|\.\s+(?={CAPITAL}|[“\"(])|\n")
WORD = re.compile(r"\w+")

# Days, matched folded: "14/7/2031", "3-4/1/2031", "ngày 16/6" (no year: only after "ngày"),
# "ngày 5 tháng 7 năm 2031"; "từ ngày 16/6 đến 17/6/2031" is one range.
_DAY = r"\d{1,2}(?:\s*[-–]\s*\d{1,2})?"
_FULL_DATE = rf"(?<![\d/.,]){_DAY}/\d{{1,2}}/(?:19|20)\d{{2}}(?![\d/])"
_DAY_MONTH = rf"\bngay\s+{_DAY}/\d{{1,2}}(?![\d/])"
_WORDED_DATE = rf"\bngay\s+{_DAY}\s+thang\s+\d{{1,2}}(?:\s+nam\s+(?:19|20)\d{{2}})?\b"
DATE = re.compile(
    rf"(?:\btu\s+)?(?:\bngay\s+)?(?:{_FULL_DATE}|{_DAY_MONTH}|{_WORDED_DATE})"
    rf"(?:\s+(?:den|va|-|–)\s+(?:ngay\s+)?(?:{_FULL_DATE}|{_DAY}/\d{{1,2}}(?![\d/])))?"
)
MONTH = re.compile(r"\bthang\s+\d{1,2}(?:/|\s+nam\s+)(?:19|20)\d{2}\b")  # "tháng 11/2031"
DAY_WORDS = re.compile(r"^(?:từ\s+|tu\s+)?(?:ngày\s+|ngay\s+)?", re.IGNORECASE)
AT_PLACE = re.compile(r"\b(?:tai|o)\s+(?:\w+\s+){0,3}$")  # "tại (Nhà thi đấu) tỉnh …"
# A board ("Ban Quản lý các KCN tỉnh Kim Sơn", OCR's "Ban Quan Iy") runs to the first place
# after it, unless a clause mark or another board comes first.
BOARD_START = re.compile(r"\b(?:ban\s+quan\s+(?:ly|iy|1y|ty)|bql)\b")
BOARD_BREAK = re.compile(r"[,;:.()]")
# The longest board name written out ("Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh Bà
# Rịa - Vũng Tàu") is 67 characters: a place further on is another clause's.
MAX_BOARD_CHARS = 80
ZONE_WORD = r"\b(?:kcn|kkt|kcx|ccn|khu\s+cong\s+nghiep|khu\s+kinh\s+te|khu\s+che\s+xuat|cum\s+cong\s+nghiep)"
ZONE_KIND = re.compile(rf"{ZONE_WORD}\s+$")
# What "… nào" asks for, folded: a board (units of a bloc are boards), or a zone.
BOARD_ASKED = re.compile(r"\b(?:ban\s+quan\s+ly|bql|don\s+vi|co\s+quan|tap\s+the|thanh\s+vien)\s+nao\b")
ZONE_ASKED = re.compile(rf"{ZONE_WORD}\s+nao\b")


@lru_cache(maxsize=1)
def _offices() -> tuple[tuple[str, str], ...]:
    """(folded form, office key) for each office and its other forms ("trưởng bql"), longest first."""
    text = resources.files("app.answering").joinpath("data", "offices.txt").read_text(encoding="utf-8")
    rows = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    forms = [(fold(form.strip()), fold(row.split("|")[0].strip())) for row in rows for form in row.split("|")]
    return tuple(sorted(forms, key=lambda pair: len(pair[0]), reverse=True))


def offices_in(text: str) -> set[str]:
    """The offices ``text`` names, each phrase read once at its longest ("phó trưởng ban" is
    not also "trưởng ban")."""
    folded, found = fold(text), set()
    for form, key in _offices():
        pattern = re.compile(rf"\b{re.escape(form)}\b")
        if pattern.search(folded):
            found.add(key)
            folded = pattern.sub(lambda m: " " * len(m.group()), folded)
    return found


def _clauses(quote: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in CLAUSE_END.finditer(quote):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(quote)))
    return [(a, b) for a, b in spans if quote[a:b].strip()]


def _term_positions(text: str, terms: frozenset[str]) -> list[int]:
    """Where ``text``'s words are terms of the question (character offsets of their ends)."""
    return [m.end() for m in WORD.finditer(text) if set(search_syllables(m.group())) & terms]


def _best_clause(quote: str, terms: frozenset[str]) -> str:
    """The clause naming most of the question's terms (the first of equals)."""
    clauses = _clauses(quote)
    if not clauses:
        return ""
    a, b = max(clauses, key=lambda span: len(set(search_syllables(quote[span[0] : span[1]])) & terms))
    return quote[a:b]


def _people(frame: QuestionFrame, clause: str) -> list[str]:
    """The person the clause gives the office the question asks for; with no office asked,
    the clause's only person."""
    asked = offices_in(frame.text)
    # Not a person the question names ("Ông Trần Văn Tân giữ chức vụ gì?").
    spans = [
        (a, b)
        for a, b in person_spans(clause)
        if not any(name in " ".join(search_syllables(clause[a:b])) for name in frame.people)
    ]
    names = list(dict.fromkeys(_as_name(clause[a:b]) for a, b in spans))
    if not asked:
        return names if len(names) == 1 else []
    provinces = asked_provinces(frame)
    chosen = []
    for k, (a, b) in enumerate(spans):
        after = clause[b : spans[k + 1][0] if k + 1 < len(spans) else len(clause)]
        before = clause[spans[k - 1][1] if k else 0 : a]
        # "ông X, Trưởng ban …", else "Khối phó … ông X"
        office = after if offices_in(after) else before
        # "Trưởng ban … Kim Sơn là ai?": not the Trưởng ban of another province.
        if asked <= offices_in(office) and place_fit(office, provinces):
            chosen.append(_as_name(clause[a:b]))
    return list(dict.fromkeys(chosen))


def _as_name(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def _days(frame: QuestionFrame, clause: str) -> list[str]:
    """The clause's only day (or range of days), else its only month when it names no day."""
    folded = fold(clause)
    asked = set(re.findall(r"\d+", frame.text))
    for pattern in (DATE, MONTH):
        found = [m for m in pattern.finditer(folded) if not set(re.findall(r"\d+", m.group())) <= asked]
        if found:
            return [DAY_WORDS.sub("", clause[found[0].start() : found[0].end()])] if len(found) == 1 else []
    return []


def _places(frame: QuestionFrame, clause: str) -> list[str]:
    """The province or city the clause says something happens at ("tại Kim Sơn", "ở tỉnh …"),
    or its only one; not one the question names."""
    asked = asked_provinces(frame)
    places = [p for p in find_places(clause) if p.kind == "province" and p.key not in asked]
    folded = fold(clause)
    at = [p for p in places if AT_PLACE.search(folded[: p.start])]
    keys = list(dict.fromkeys(p.key for p in (at or places)))
    return [display_name("province", keys[0])] if len(keys) == 1 else []


def _boards(clause: str) -> list[tuple[int, int]]:
    """Spans of the boards the clause names with their province."""
    folded, places = fold(clause), find_places(clause)
    starts = [m.start() for m in BOARD_START.finditer(folded)]
    spans = []
    for k, start in enumerate(starts):
        stop = min(starts[k + 1] if k + 1 < len(starts) else len(clause), start + MAX_BOARD_CHARS)
        place = next((p for p in places if start < p.start and p.end <= stop), None)
        if place is not None and not BOARD_BREAK.search(clause[start : place.start]):
            spans.append((start, place.end))
    return spans


def _zones(frame: QuestionFrame, clause: str) -> list[tuple[int, int]]:
    """Spans of the zones the clause names by kind and name ("KCN Tân Lập"), not the question's."""
    folded, spans = fold(clause), []
    for a, b in zone_name_spans(clause):
        kind = ZONE_KIND.search(folded[:a])
        if kind is not None and not any(name.endswith(" ".join(search_syllables(clause[a:b]))) for name in frame.zones):
            spans.append((kind.start(), b))
    return spans


def _units(frame: QuestionFrame, clause: str, terms: frozenset[str]) -> list[str]:
    """The boards or zones asked ("Ban Quản lý nào", "KCN nào") that the clause names after the
    question's last word in it ("… tặng Cờ thi đua cho A và B"), else all it names."""
    folded = fold(frame.text)
    if BOARD_ASKED.search(folded):
        asked = asked_provinces(frame)
        spans = [s for s in _boards(clause) if not any(p.key in asked for p in find_places(clause[s[0] : s[1]]))]
    elif ZONE_ASKED.search(folded):
        spans = _zones(frame, clause)
    else:
        return []
    last = max(_term_positions(clause, terms), default=0)
    after = [s for s in spans if s[0] >= last]
    return list(dict.fromkeys(" ".join(clause[a:b].split()) for a, b in (after or spans)))


def named_facts(frame: QuestionFrame, quote: str, terms: Iterable[str]) -> list[str]:
    """What ``quote`` names for each "ai / ngày nào / ở đâu / … nào" of the question, as written
    ("Ông Trần Văn Tân", "14/7/2031", "Kim Sơn"); [] unless every kind asked is found."""
    kinds = [kind for kind in frame.kinds_asked if kind in NAMED_TYPES]
    if not kinds or frame.answer_type not in NAMED_TYPES:
        return []
    wanted = frozenset(terms)
    clause = _best_clause(quote, wanted)
    facts: list[str] = []
    for kind in kinds:
        if kind is AnswerType.ORGANISATION:
            found = _units(frame, clause, wanted)
        else:
            # A day, place or person the clause lacks may be the whole quote's only one
            # ("Sáng ngày 5/7/2031, … ; … tại tỉnh Kim Sơn").
            find = {AnswerType.PERSON: _people, AnswerType.DATE: _days, AnswerType.PLACE: _places}[kind]
            found = find(frame, clause) or find(frame, quote)
        if not found:
            return []
        facts.extend(found)
    return facts
