"""The direct answer to "ai / ngày nào / ở đâu / Ban Quản lý nào": the person, day, place or
board the quote names for it, picked out of the quote that answers it ("**Ông Trần Văn Tân**
[1]"). Pure; the offices are read by ``app.answering.offices``.

Only the clause of the quote that says most of the question is read: "… tặng Cờ thi đua cho
A; tặng Bằng khen cho B" answers the Cờ with A. What the question itself names is not the
answer. A person or board is the one the text gives the office asked ("Ai là Khối phó?",
"… bầu A làm Khối trưởng và B làm Khối phó"), or, with no office asked, the clause's only
person, or the boards and zones it names after the question's words (those whose own words
hold the question's figures and name no other province). A day is the clause's only one, a
place the only one it says something happens at ("tại …"), and neither when another quote of
the answer says another. When nothing fits there is no direct line and the quote speaks
alone: a wrong bold name is worse than none (a fresh-eyes trial of the first version found 15
wrong lines of 41).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from app.answering import distinctions
from app.answering.constraints import years_in
from app.answering.direct import BOARD_ASKED, asked_provinces, place_fit
from app.answering.features import Candidate
from app.answering.field_lines import MAX_TERMS_UNSAID
from app.answering.frame import (
    DOCUMENT_NUMBER,
    AnswerType,
    QuestionFrame,
    superlatives_in,
    zone_name_spans,
    zone_spans,
)
from app.answering.offices import offices_held, offices_in
from app.answering.terms import terms_of
from ingest.gazetteer import display_name, find_places
from ingest.normalize import fold, numbers_in, search_syllables
from ingest.office import is_row_sentence
from ingest.people import person_spans
from ingest.sentences import CAPITAL

# The offices an emulation bloc or cluster gives its member units, not people (offices.txt keys).
UNIT_OFFICES = frozenset({"khối trưởng", "khối phó", "cụm trưởng", "cụm phó"})
NAMED_TYPES = (AnswerType.PERSON, AnswerType.DATE, AnswerType.PLACE, AnswerType.ORGANISATION, AnswerType.AWARD)
NEGATED = re.compile(r"\b(?:khong|chua|chang)\b")  # folded: "chưa được xét tặng …"
NEGATION_REACH = 25  # characters before an award
GIVEN_TO = re.compile(r"\bcho\b")  # folded: "tặng Bằng khen cho …"
AWARDER = re.compile(r"\s+((?:của|cua)\s+[^,;.()]{3,60}?)(?=\s+(?:cho|về|ve|vì|vi)\b|\s*[,;.(]|$)", re.IGNORECASE)
# A clause ends at ";" or at a full stop before the next sentence's capital.
CLAUSE_END = re.compile(rf";|(?<!\bKT)(?<!\bTL)(?<!\bTM)(?<!\bTUQ)\.\s+(?={CAPITAL}|[“\"(])|\n")  # not "KT. TRƯỞNG BAN"
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
# A bloc's two yearly meetings (folded): mid-year, and at the year's end.
MEETINGS = (("so ket", "tong ket"), ("tong ket", "so ket"))
# "tại (Trung tâm Hội nghị) tỉnh …": a venue of up to six words ("Hội trường Ủy ban nhân dân
# tỉnh …"), and no board among them (its province is the board's, see ``_place_keys``).
AT_PLACE = re.compile(r"\b(?:tai|o)\s+((?:\w+,?\s+){0,6})$")  # "tại thành phố Quy Nhơn, tỉnh …"
# A board ("Ban Quản lý các KCN tỉnh Kim Sơn", OCR's "Ban Quan Iy", "Ban Quén 1y", "Ban Qudn
# Iy") runs to the first place after it, unless a clause mark or another board comes first.
BOARD_START = re.compile(r"\b(?:ban\s+qu[a-z]{1,2}n\s+(?:ly|iy|1y|ty)|bql)\b")
BOARD_BREAK = re.compile(r"[,;:.()]")
PREDICATE_END = re.compile(r"[,;]|\bvà\b|\bva\b")  # what a name's own words say ends here
# The longest board name written out ("Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh Bà
# Rịa - Vũng Tàu") is 67 characters: a place further on is another clause's.
MAX_BOARD_CHARS = 80
# The words of a board's name before its place (folded), as boards are named: "Ban Quản lý các
# khu công nghiệp và chế xuất thành phố …", "… Khu kinh tế cửa khẩu tỉnh …".
BOARD_WORDS = (
    "cac khu kcn kkt kcx ccn cong nghiep kinh te che xuat nghe cao thong tin tap trung cua khau "
    "cum va tinh thanh pho tp"
)
ZONE_WORD = r"\b(?:kcn|kkt|kcx|ccn|khu\s+cong\s+nghiep|khu\s+kinh\s+te|khu\s+che\s+xuat|cum\s+cong\s+nghiep)"
ZONE_KIND = re.compile(rf"{ZONE_WORD}\s+$")
# What "… nào" asks for, folded: a board (``BOARD_ASKED``: units of a bloc are boards), or a zone.
ZONE_ASKED = re.compile(rf"{ZONE_WORD}\s+nao\b")


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


def _best_clause(quote: str, terms: frozenset[str], frame: QuestionFrame) -> str:
    """The clause naming most of the question's terms; of equals, the one naming most of the
    awards or sides it pins ("Bằng khen" in "… tặng Cờ thi đua cho A và B; ting Bằng khen cho
    C": OCR's "ting" for "tặng" had made the first clause the equal of the second), then the
    first."""
    clauses = _clauses(quote)
    if not clauses:
        return ""
    # Not an item of a list about another province than the one asked, when one is about it
    # ("… cho 03 cá nhân: ông A, … tỉnh X; bà B, … tỉnh Y; ông C, … tỉnh Z" for Z's).
    provinces = asked_provinces(frame)
    if any(provinces & {p.key for p in find_places(quote[a:b])} for a, b in clauses):
        clauses = [(a, b) for a, b in clauses if place_fit(quote[a:b], provinces)]
    pinned = distinctions.asked(frame.text)

    def named(span: tuple[int, int]) -> tuple[int, int]:
        clause = quote[span[0] : span[1]]
        stated = sum(distinctions.stated(item, clause) is distinctions.Stated.YES for item in pinned)
        return len(set(search_syllables(clause)) & terms), stated

    a, b = max(clauses, key=named)
    return quote[a:b]


def _by_office(frame: QuestionFrame, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Of the people or boards at ``spans``, those ``text`` gives the office the question asks
    ("… làm Khối trưởng và B làm Khối phó"); None when it asks none. Each one's office is in
    the words after it, up to the next ("ông X, Trưởng ban …"), else before it ("Khối phó …
    ông X"). An office announced before a list ("các Phó Trưởng ban gồm A (…) và B (…)")
    may be every item's: with another item holding none of its own, which one is asked is
    not said."""
    asked = offices_in(frame.text)
    if not asked:
        return None
    provinces = asked_provinces(frame)
    chosen, shared, officeless = [], False, False
    for k, (a, b) in enumerate(spans):
        # Up to the next one, within the clause: "A (Khối trưởng); B (Khối phó)".
        after = CLAUSE_END.split(text[b : spans[k + 1][0] if k + 1 < len(spans) else len(text)])[0]
        before = CLAUSE_END.split(text[spans[k - 1][1] if k else 0 : a])[-1]
        office = after if offices_held(after) else before
        officeless = officeless or not offices_held(office)
        # "Trưởng ban … Kim Sơn là ai?": not the Trưởng ban of another province, nor of
        # another year ("A, Khối trưởng năm 2032, trao cờ cho B, … Khối trưởng năm 2033"); a
        # term of office holds the years inside it ("nhiệm kỳ 2031-2036").
        years = years_in(office)
        if (
            asked <= offices_held(office)
            and place_fit(office, provinces)
            and not (frame.years and years and not years & frame.years)
        ):
            chosen.append((a, b))
            shared = shared or office is before
    return [] if shared and officeless else chosen


def _people(frame: QuestionFrame, clause: str) -> list[str]:
    """The person the clause gives the office the question asks for; with no office asked,
    the clause's only person."""
    # Not a person the question names ("Ông Trần Văn Tân giữ chức vụ gì?"); nor, when it names
    # one and asks no office, another person of the clause: it asks about the one it names.
    if frame.people and not offices_in(frame.text):
        return []
    spans = [
        (a, b)
        for a, b in person_spans(clause)
        if not any(name in " ".join(search_syllables(clause[a:b])) for name in frame.people)
    ]
    chosen = _by_office(frame, clause, spans)
    if chosen is None:
        names = list(dict.fromkeys(_as_name(clause[a:b]) for a, b in spans))
        return names if len(names) == 1 else []
    return list(dict.fromkeys(_as_name(clause[a:b]) for a, b in chosen))


def _awards(frame: QuestionFrame, quote: str) -> list[str]:
    """The awards the quote gives whom the question asks about (its province, person or zone,
    if it names one): those followed by "cho" and them ("tặng Cờ thi đua cho A, Bằng khen cho
    B và C"), or, with no "cho", said after them ("A được tặng Bằng khen"); not one the
    question names, nor one denied ("chưa được xét tặng Cờ thi đua")."""
    mentions = distinctions.award_mentions(quote)
    named = set(distinctions.awards_in(frame.text))
    given: list[tuple[str, str]] = []  # each award and whom it goes to
    for i, (start, end, award) in enumerate(mentions):
        if award in named or NEGATED.search(fold(quote[max(0, start - NEGATION_REACH) : start])):
            continue
        following = quote[end : mentions[i + 1][0] if i + 1 < len(mentions) else len(quote)]
        given_to = GIVEN_TO.search(fold(following))
        recipients = following[given_to.end() :] if given_to else quote[mentions[i - 1][1] if i else 0 : start]
        # Whose award it is says which ("Bằng khen của Thủ tướng Chính phủ").
        awarder = AWARDER.match(quote, end)
        given.append((f"{award} {' '.join(awarder.group(1).split())}" if awarder else award, recipients))
    # The province asked itself first: "Cờ thi đua cho … Hải Dương …; Bằng khen cho … Hải Phòng"
    # gives Hải Dương the Cờ only, though the 2025 merger joined the two.
    for merged in (False, True):
        found = [award for award, recipients in given if _names_whom(frame, recipients, merged)]
        if found:
            return list(dict.fromkeys(found))
    return []


def _names_anyone(frame: QuestionFrame) -> bool:
    return bool(asked_provinces(frame) or frame.people or frame.zones)


def _names_whom(frame: QuestionFrame, text: str, merged: bool = True) -> bool:
    """The text names whom the question asks about, if it names anyone (``merged``: a province
    the 2025 merger joined to the one asked counts as it)."""
    provinces = asked_provinces(frame) if merged else set(frame.provinces)
    said = " ".join(search_syllables(text))
    return (
        (not provinces or bool(provinces & {p.key for p in find_places(text)}))
        and all(name in said for name in frame.people)
        and all(zone in " ".join(terms_of(text)) for zone in frame.zones)
    )


def _as_name(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def _days(frame: QuestionFrame, clause: str) -> list[str]:
    """The clause's only day (or range of days), else its only month when it names no day."""
    found = _day_matches(frame, clause)
    return [DAY_WORDS.sub("", clause[found[0].start() : found[0].end()])] if len(found) == 1 else []


def _day_matches(frame: QuestionFrame, clause: str) -> list[re.Match[str]]:
    """The clause's days (folded), else its months when it names no day; not the question's."""
    folded = fold(clause)
    asked = set(numbers_in(frame.text))
    for pattern in (DATE, MONTH):
        found = [m for m in pattern.finditer(folded) if not set(numbers_in(m.group())) <= asked]
        if found:
            return found
    return []


def _places(frame: QuestionFrame, clause: str) -> list[str]:
    """The province or city the clause says something happens at ("tại Kim Sơn", "ở tỉnh …"),
    when it says one; not one the question names. Other places a clause names are a board's
    ("Ban Quản lý các KCN tỉnh Kim Sơn … đăng cai"), not where something was held."""
    keys = _place_keys(frame, clause)
    return [display_name("province", keys[0])] if len(keys) == 1 else []


def _held_at(before: str) -> bool:
    """The words before a place say something happens there: "tại" or "ở", then a venue's
    words at most, not a board's."""
    at = AT_PLACE.search(before)
    return at is not None and not BOARD_START.search(at.group(1))


def _place_keys(frame: QuestionFrame, clause: str) -> list[str]:
    """The provinces the clause says something happens at; not the question's."""
    asked = asked_provinces(frame)
    folded = fold(clause)
    at = [p for p in find_places(clause) if p.kind == "province" and p.key not in asked and _held_at(folded[: p.start])]
    return list(dict.fromkeys(p.key for p in at))


def _disputed(
    frame: QuestionFrame, kind: AnswerType, found: list[str], others: Sequence[str], terms: frozenset[str]
) -> bool:
    """Another quote of the answer says the thing asked happened elsewhere or on another day
    ("… năm 2032 sẽ tổ chức tại Tân Lập" beside the first quote's "… tại Kim Sơn"): which one
    answers is not settled by the first quote's rank."""
    if kind is AnswerType.PLACE:
        # Where something happens ("tại …"): a board named after its province is not a place.
        mine = {fold(name) for name in found}
        clauses = [_best_clause(q, terms, frame) for q in others]
        said = [{fold(display_name("province", key)) for key in _place_keys(frame, clause)} for clause in clauses]
    elif kind is AnswerType.DATE:
        mine = {tuple(numbers_in(day)) for day in found}
        clauses = [_best_clause(q, terms, frame) for q in others]
        said = [{tuple(numbers_in(m.group())) for m in _day_matches(frame, clause)} for clause in clauses]
    else:
        return False
    return any(other and not other & mine for other in said)


def _unread_boards(clause: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Where the clause names a board of a province whose name is not read as one ("Ban Quản
    lý các KCN tỉnh Bic Ninh", OCR's "Bắc Ninh"): an answer listing boards would lack it. A
    board named by no province ("các Ban Quản lý trong Khối") is not one."""
    folded, read = fold(clause), {start for start, _ in spans}
    starts = [m for m in BOARD_START.finditer(folded) if m.start() not in read]
    named = [(m.start(), PROVINCE_NAMED.match(folded, m.end())) for m in starts]
    return [start for start, name in named if name is not None and clause[name.start(1)].isupper()]


def _boards(clause: str) -> list[tuple[int, int]]:
    """Spans of the boards the clause names with their province, or with their zone's name
    when they run one zone: "Ban Quản lý" and the words of a board's name up to the first
    place ("các KCN và chế xuất", a zone's capitalised name; one other word, OCR's "cdc" for
    "các"), else up to the end of a zone's name ("Ban Quản lý Khu kinh tế Kim Sơn"); "… Kim
    Sơn đăng cai tổ chức tại Tân Lập" is no board of Tân Lập."""
    folded, places = fold(clause), find_places(clause)
    zone_ends = [b for _, b in zone_name_spans(clause)]
    starts = [m.start() for m in BOARD_START.finditer(folded)]
    spans = []
    for k, start in enumerate(starts):
        stop = min(starts[k + 1] if k + 1 < len(starts) else len(clause), start + MAX_BOARD_CHARS)
        name_start = BOARD_START.match(folded, start).end()
        # "Ban Quản lý KKT Nghi Tân và các KCN tỉnh …" runs to the province.
        place = next((p for p in places if start < p.start and p.end <= stop), None)
        if place is not None and not BOARD_BREAK.search(clause[start : place.start]):
            end = place.end
        else:
            end = min((e for e in zone_ends if start < e <= stop), default=None)
            if end is None or BOARD_BREAK.search(clause[start:end]):
                continue
        words = WORD.findall(clause[name_start:end])
        other = [w for w in words if fold(w) not in _board_words() and not w[:1].isupper()]
        if len(other) <= 1:
            spans.append((start, end))
    return spans


# A board's name going on to "tỉnh" / "thành phố" (OCR's "thành phê") and a capital: the
# province it names.
PROVINCE_NAMED = re.compile(
    r"(?:\s+(?:" + "|".join(BOARD_WORDS.split()) + r"))*?\s+(?:tinh|thanh\s+ph[oe]|tp\.?)\s+(\w)"
)


@lru_cache(maxsize=1)
def _board_words() -> frozenset[str]:
    return frozenset(BOARD_WORDS.split())


def _zones(frame: QuestionFrame, clause: str) -> list[tuple[int, int]]:
    """Spans of the zones the clause names by kind and name ("KCN Tân Lập"), not the question's."""
    folded, spans = fold(clause), []
    for a, b in zone_name_spans(clause):
        kind = ZONE_KIND.search(folded[:a])
        if kind is not None and not any(name.endswith(" ".join(search_syllables(clause[a:b]))) for name in frame.zones):
            spans.append((kind.start(), b))
    return spans


def _units(frame: QuestionFrame, clause: str, terms: frozenset[str]) -> list[str]:
    """The boards or zones asked ("Ban Quản lý nào", "KCN nào") that the clause names, of the
    province asked if one is: those it gives the office asked; else those whose own words hold
    the question's figures ("KCN nào đạt 78%?") and name no other province than the one asked;
    of these, the ones after the question's last word ("… tặng Cờ thi đua cho A và B"), else
    all."""
    folded = fold(frame.text)
    board = bool(BOARD_ASKED.search(folded))
    provinces = asked_provinces(frame)
    if board:
        read = _boards(clause)
        # "Ban Quản lý nào của tỉnh Kim Sơn …": the boards of the province asked.
        spans = [s for s in read if not provinces or any(p.key in provinces for p in find_places(clause[s[0] : s[1]]))]
    elif ZONE_ASKED.search(folded):
        read = spans = _zones(frame, clause)
    else:
        return []
    by_office = _by_office(frame, clause, spans)
    if by_office is not None:
        return _written(clause, by_office)
    # Each one's own words: up to the next name the clause reads, kept or not.
    owns = [clause[b : min((a for a, _ in read if a >= b), default=len(clause))] for _, b in spans]
    kept = [(span, own) for span, own in zip(spans, owns, strict=True) if place_fit(own, provinces)]
    # Those whose own words say most of the question ("KCN nào có tỷ lệ lấp đầy cao nhất?": "A
    # có tỷ lệ lấp đầy cao nhất (…), B có tỷ lệ lấp đầy thấp nhất"), when some say any of it;
    # their words up to a comma or "và" only: "cho A, và tặng Bằng khen cho B" says B's award.
    predicates = [PREDICATE_END.split(own, maxsplit=1)[0] for _, own in kept]
    said = [len(set(search_syllables(predicate)) & terms) for predicate in predicates]
    # "A có tỷ lệ lấp đầy cao nhất, B thấp nhất" for "… thấp nhất": not A, for all it says.
    opposite = {"most": "least", "least": "most"}.get(frame.superlative, "")
    said = [-1 if opposite in superlatives_in(predicate) else n for n, predicate in zip(said, predicates, strict=True)]
    for i in reversed(range(len(kept) - 1)):  # "A và B có … cao nhất": A says what B says
        if not predicates[i].strip():
            said[i] = said[i + 1]
    kept = [pair for pair, n in zip(kept, said, strict=True) if n == max(said)] if any(said) else kept
    figures = set(numbers_in(frame.text)) - {str(year) for year in frame.years}
    holding = [span for span, own in kept if figures and figures <= set(numbers_in(own))]
    spans = holding or [span for span, _ in kept]
    # The question's words outside the names: "đề nghị" is not the "Nghi" of "KKT Nghi Tân".
    outside = list(clause)
    for a, b in spans:
        outside[a:b] = " " * (b - a)
    last = max(_term_positions("".join(outside), terms), default=0)
    after = [s for s in spans if s[0] >= last]
    chosen, since = (after, last) if after else (spans, 0)
    if board and any(start >= since for start in _unread_boards(clause, read)):
        return []  # a board among them whose province is not read ("… tỉnh Bic Ninh")
    return _written(clause, chosen)


def _boards_in_office(frame: QuestionFrame, text: str) -> list[str]:
    """The boards ``text`` gives the office the question asks, when a unit holds it (a bloc's
    or a cluster's head or deputy; "Bằng khen của Bộ trưởng" asks for no board); else []."""
    if not offices_in(frame.text) or not offices_in(frame.text) <= UNIT_OFFICES:
        return []
    return _written(text, _by_office(frame, text, _boards(text)) or [])


def answering_office(frame: QuestionFrame, eligible: Sequence[Candidate]) -> Candidate | None:
    """For "Năm X đơn vị nào giữ vai trò Khối trưởng?" or "Ai là Trưởng ban …?", the likeliest
    sentence giving a board or a person that office ("Ban Quản lý các KCN tỉnh A (Khối trưởng
    năm X) đạt 98 điểm …", a report's signature "Lê Văn A, TRƯỞNG BAN."): it shares few words
    with the question and scores low, and the question was refused while it was retrieved."""
    if not offices_in(frame.text):
        return None
    person = frame.answer_type is AnswerType.PERSON
    return next(
        (c for c in eligible if _boards_in_office(frame, c.quote) or (person and _people(frame, c.quote))), None
    )


# A rank asked (folded): "xếp hạng 3", "hạng nhất", "dẫn đầu", "xếp cuối", "cuối bảng".
RANK_ASKED = re.compile(
    r"\b(?:xep\s+)?(?:hang|thu)\s+(?:\d+|nhat|nhi|ba)\b|\bdan\s+dau\b|\bxep\s+cuoi\b|\bcuoi\s+bang\b"
)


def _row_unit(frame: QuestionFrame, quote: str, terms: frozenset[str]) -> list[str]:
    """The board or zone a table's row is about ("Ban Quản lý KKT tỉnh A — Điểm: 97,85; Xếp
    hạng: 1"), when the question asks which one holds a rank or an extreme (the row chosen for
    it), or when the row says all the question does besides its places, years and a verb ("KCN nào đã
    lấp đầy 100%?": "KCN B — …; Tỷ lệ lấp đầy: 100%"): it answers for the unit it names first.
    A row that lacks some of it ("Bằng khen của Thủ tướng" asked, "Đề nghị: Bằng khen" said) is
    not said to answer."""
    asked = fold(frame.text)
    if not is_row_sentence(quote.strip()):
        return []
    besides = {s for key in (*frame.provinces, *frame.regions) for s in key.split()} | {str(y) for y in frame.years}
    unsaid = terms - besides - _board_words() - set(search_syllables(quote))
    said_all = len(unsaid) <= MAX_TERMS_UNSAID  # but the asker's own verb ("… làm chủ đầu tư KCN nào")
    if not (frame.superlative or RANK_ASKED.search(asked) or said_all):
        return []
    label = quote.strip().partition(" — ")[0]
    if BOARD_ASKED.search(asked):
        return [label] if _boards(label) else []
    return [label] if ZONE_ASKED.search(asked) and _zones(frame, label) else []


def _written(clause: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    return list(dict.fromkeys(" ".join(clause[a:b].split()) for a, b in spans))


def _other_meeting(frame: QuestionFrame, quote: str) -> bool:
    """The question asks of one of a bloc's two yearly meetings, the quote names only the
    other: its day and place are that meeting's. (Tried as a distinction of every answer, it
    moved the left-out fit: one more question refused.)"""
    asked, said = fold(frame.text), fold(quote)
    return any(
        re.search(rf"\b{mine}\b", asked) and not re.search(rf"\b{mine}\b", said) and re.search(rf"\b{other}\b", said)
        for mine, other in MEETINGS
    )


def named_facts(frame: QuestionFrame, quote: str, terms: Iterable[str], others: Sequence[str] = ()) -> list[str]:
    """What ``quote`` names for each "ai / ngày nào / ở đâu / … nào" of the question, as written
    ("Ông Trần Văn Tân", "14/7/2031", "Kim Sơn"); [] unless every kind asked is found, and no
    day or place of the answer's ``others`` quotes disputes it."""
    kinds = [kind for kind in frame.kinds_asked if kind in NAMED_TYPES]
    if not kinds or frame.answer_type not in NAMED_TYPES:
        return []
    if _other_meeting(frame, quote):
        return []
    wanted = frozenset(terms)
    clause = _best_clause(quote, wanted, frame)
    facts: list[str] = []
    for kind in kinds:
        if kind is AnswerType.ORGANISATION:
            # The board given the office asked may be in another clause of a list ("A (Khối
            # trưởng); B (Khối phó); …"); without one, only the clause says which.
            found = _units(frame, clause, wanted) or (_units(frame, quote, wanted) if offices_in(frame.text) else [])
            found = found or _row_unit(frame, quote, wanted)
        elif kind is AnswerType.AWARD:
            # Asked of no one, one award only: several are each someone's or something's.
            found = _awards(frame, quote)
            found = found if _names_anyone(frame) or len(found) == 1 else []
        else:
            # A day, place or person the clause lacks may be the whole quote's only one
            # ("Sáng ngày 5/7/2031, … ; … tại tỉnh Kim Sơn").
            find = {AnswerType.PERSON: _people, AnswerType.DATE: _days, AnswerType.PLACE: _places}[kind]
            found = find(frame, clause) or find(frame, quote)
            if kind is AnswerType.PERSON and not found:
                # "Ai là Khối trưởng …?": an office a bloc gives a board ("Ban Quản lý các KCN
                # tỉnh A - Khối trưởng …", "…; Ban Quản lý … tỉnh B (Khối Phó); …").
                found = _boards_in_office(frame, clause) or _boards_in_office(frame, quote)
        if not found or _disputed(frame, kind, found, others, wanted):
            return []
        facts.extend(found)
    return facts


# "KCN nào còn vướng GPMB, còn bao nhiêu ha?": a zone asked beside a figure (folded).
ZONE_ASKED = re.compile(r"\b(?:kcn|kkt|kcx|khu(?:\s+cong\s+nghiep|\s+kinh\s+te|\s+che\s+xuat)?)\s+nao\b")


def zone_asked_beside(frame: QuestionFrame, quote: str) -> str:
    """The zone a question asks for beside its figures ("KCN nào …, còn bao nhiêu ha?",
    "Công ty X đầu tư vào KCN nào, vốn bao nhiêu?"), when the quote that gives the figures
    names one zone only and the question names none; "" otherwise."""
    if frame.zones or not ZONE_ASKED.search(fold(frame.text).lower()):
        return ""
    named = list(dict.fromkeys(quote[a:b] for a, b in zone_spans(quote)))
    return named[0] if len(named) == 1 else ""


# "… số hiệu gì", "… số mấy": a document's number asked (folded).
NUMBER_ASKED = re.compile(r"\bso (?:hieu|ky hieu|may|bao nhieu|van ban)\b")
DAY_ASKED = re.compile(r"\b(?:ngay nao|ngay may|khi nao|bao gio)\b")
# "ngày 12 tháng 7 năm 2054", "ngày 20/4/2054"
WRITTEN_DATE = re.compile(r"ng[àa]y\s+(?:\d{1,2}\s+th[áa]ng\s+\d{1,2}\s+n[ăa]m\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})")


def document_facts_said(frame: QuestionFrame, quote: str) -> tuple[str, ...]:
    """A document's own number and date, as its header line says them, for a question on
    them ("Báo cáo … có số hiệu gì, ban hành ngày nào?": "Số 14/BC-KTĐ; ngày 12 tháng 7 năm
    2054"); each only when asked and said."""
    if "issued" not in frame.document_facts:
        return ()
    asked = fold(frame.text).lower()
    said: list[str] = []
    number = DOCUMENT_NUMBER.search(quote) if NUMBER_ASKED.search(asked) else None
    if number:
        said.append(f"Số {number.group()}")
    day = WRITTEN_DATE.search(quote) if DAY_ASKED.search(asked) else None
    if day:
        said.append(day.group())
    return tuple(said)
