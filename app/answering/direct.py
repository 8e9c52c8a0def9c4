"""The direct answer: the figure a "how many / how much / what share" question asks for,
picked out of the quote that answers it ("**437 dự án** [1]"). Pure; the units are in
``data/units.txt``.

A figure is a number with its unit. The question says which unit it wants: the words after
"bao nhiêu" / "mấy" ("bao nhiêu dự án" → dự án), "%" for a share; a money question ("vốn",
"doanh thu"… "đạt bao nhiêu") takes a money unit. Of the quote's figures in that unit, the
one the question's cue follows is taken, then a whole over a part of it ("…, trong đó …"),
then the one whose own label (the words of its clause before it) names most of the question,
then the one with most of the question's words close by. When no figure fits, there is no
direct answer and the quote speaks alone: a wrong bold figure is worse than none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import dropwhile, pairwise, takewhile

from app.answering import distinctions
from app.answering.constraints import (
    COMPARED_SPAN,
    COMPARED_WITH,
    COMPARED_YEAR,
    YEAR,
    months_named,
    period_parts,
    quarters_stated,
    spans_in,
    years_in,
)
from app.answering.frame import AnswerType, QuestionFrame, zone_name_spans
from app.answering.money import money_named, money_words
from app.answering.terms import terms_of
from app.answering.units import counted, counted_units, same_units, unit_at, unit_groups, unit_key
from ingest.gazetteer import display_name, find_places, merged_keys, province_keys
from ingest.glossary import glossary_rows
from ingest.normalize import fold, runs_at, search_syllables, strip_accents
from ingest.office import is_row_sentence
from vectorstore.query import chunk_terms

# A figure's own clause: the cue ("bao nhiêu FDI") must follow it within a few syllables
# ("281 dự án FDI"), the question's other words lie within about ten syllables either side.
NEAR = 4
AROUND = 60  # characters
MAX_INSERTION = 80  # characters of a bracketed part skipped after a figure: a clause, not a paragraph
LABEL_BOUNDARIES = (";", ":", "—", "–")
CLAUSE_BOUNDARIES = (";", "—", "–", "(")  # a ":" ends a label, not the clause its subject names
# A clause that opens on "của …" leaves out the head it shares with the sentence's first clause.
ELIDED_HEAD = re.compile(r"\s*(?:của|cua)\s", re.IGNORECASE)
CLOSED_PARENTHESES = re.compile(r"\([^()]*\)")
# "… vốn đầu tư nước ngoài (FDI)", not past "và" ("N dự án FDI và các dự án trong nước (DDI)").
ACRONYM_AFTER = re.compile(r"(?:(?!\s(?:và|va)\s)[^,;:()\d])*\(([A-ZĐ]{2,6})\)")
AFTER_FIGURE = (",", ")", " và ")  # what ends the words that follow a figure and describe it
# Words of a part's label that say nothing of what it counts ("trong đó có …", "… chiếm").
PART_FILLER = frozenset({"co", "la", "dat", "chiem", "gom"})
PART_OF_PREVIOUS = re.compile(r"\btrong (?:so )?do\b|\bgom\b")  # "trong (số) đó", "(bao) gồm"
LAST_SEPARATOR = re.compile(r"[(,;](?=[^(,;]*$)")  # where the label of a bracket's last item starts
# "61,2% của năm 2031", "9.650 tỷ đồng năm 2031", "180 ha (năm 2031)": the year a figure is
# of, named after it (a bracket that goes on, "(năm 2031 đạt …", names another figure's).
YEAR_AFTER = re.compile(
    r"^\s*(?:\)?\s*(?:của\s+|cua\s+|trong\s+)?(?:năm|nam)\s+((?:19|20)\d{2})\b"
    r"|\(\s*(?:năm|nam)\s+((?:19|20)\d{2})\s*\))",
    re.IGNORECASE,
)
# The year compared with, named right before its figure: "so với cùng kỳ năm 2031 (…" or
# "cùng kỳ năm 2031 đạt …" (``_compared_year``).
COMPARED_AT_END = re.compile(COMPARED_WITH + r"\s*(?:là|la|đạt|dat|:)?\s*$", re.IGNORECASE)
COMPARED_AT_START = re.compile(r"^\s*" + COMPARED_WITH + r"\b", re.IGNORECASE)
FRACTION_BEFORE = re.compile(r"(?<![\d/.,])(\d{1,4}(?:[.,]\d{1,2})?\s*/\s*)$")  # "8/9", "97,5/100"
# "mở rộng từ 180 ha lên 265 ha", "giảm từ X xuống Y": a change's starting figure. "từ X đến
# Y" is a range, not a change, and is left alone.
CHANGE_FROM = re.compile(r"(?:^|\s)(?:từ|tu)\s*$", re.IGNORECASE)
CHANGE_TO = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:lên|len|xuống|xuong|thành|thanh)\s+(?:còn\s+|con\s+)?\d", re.IGNORECASE
)
# Folded: "mở rộng từ bao nhiêu ha", "ban đầu", "trước khi điều chỉnh", "trước đây".
WHICH = re.compile(r"\b(\w+)\s+nao\b")  # folded
# A rise said against a base ("tăng 18,7% so với cùng kỳ", "tăng 12% so CK"), folded: the answer
# to "tăng bao nhiêu so với cùng kỳ", not an amount added ("số vốn tăng thêm 143,2 triệu USD").
AGAINST = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:so\s+voi|so\s+cung\s+ky|so\s+ck)\b")
ASKS_FROM = re.compile(r"\btu\s+(?:bao nhieu|may)\b|\bban dau\b|\btruoc (?:khi|day)\b")
# A list item's label: "b) Doanh thu:", "- Lao động:", "2. Nộp ngân sách:" (no figure in it).
ITEM_LABEL = re.compile(r"^\s*(?:[a-zđ]\)|\d{1,2}[.)]|[-+•])?\s*([^:;\d()]{2,40}):")
AND = re.compile(r"\s(?:và|va)\s", re.IGNORECASE)
ANY_MONEY = re.compile(r"\s*(?:tiền|tien)\b", re.IGNORECASE)  # as typed: "tiến độ" is progress
GLUE = frozenset({"thi", "duoc", "la"})  # "thì", "được", "là" (folded)
RANGE_BEFORE = re.compile(r"\btu\s+\d+(?:[.,]\d+)*\s+den\s+(?:duoi\s+|tren\s+)?$", re.IGNORECASE)  # folded
AND_ABOVE = re.compile(r"\s*tro\s+len\b", re.IGNORECASE)  # folded: "… trở lên"
OWNER = re.compile(r"\b(?:của|cua)\b", re.IGNORECASE)
MONEY = ("dong", "usd", "do la my")  # a money unit ends in one of these (folded)
FIGURE_TYPES = (AnswerType.NUMBER, AnswerType.PERCENT)


@lru_cache(maxsize=1)
def _measures() -> dict[str, str]:
    """What a question measures (search form) → the unit its figure comes in (measures.tsv)."""
    text = resources.files("app.answering").joinpath("data", "measures.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {" ".join(search_syllables(words)): unit_key(unit) for words, unit in rows}


@lru_cache(maxsize=1)
def _figure() -> re.Pattern[str]:
    # As written and without accents: an OCR report that lost them writes "2.345 lao dong".
    units = sorted({form for group in unit_groups() for u in group for form in (u, fold(u))}, key=len, reverse=True)
    alternatives = "|".join(re.escape(u) for u in units)
    return re.compile(rf"(?<![\w.,])(\d+(?:[.,]\d+)*)\s*({alternatives})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _searchable(quote: str) -> str:
    """The text figures are looked for in: the quote without accents, which OCR misreads
    ("1.204 triéu USD" for "triệu"), positions kept; a figure is still given as the quote
    writes it."""
    plain = strip_accents(quote)
    return plain if len(plain) == len(quote) else quote


# "mấy" is a question word only with its accents ("máy" is a machine); unaccented, "may" is taken.
ASKING = {True: re.compile(r"\b(?:bao nhiêu|mấy|bn)\b"), False: re.compile(r"\b(?:bao nhieu|may|bn)\b")}
PART_END = re.compile(r"[,;?!.]|\bvà\b|\bva\b")
# Words (search form) that open where a figure is, not which one it is, when a place follows
# them: "trong các KCN", "tại KCN", "ở tỉnh", "thuộc khu kinh tế", "trên địa bàn" ("trong
# nước" is a side, "tai nạn" an accident, "thuộc đối tượng" a kind, "ở độ tuổi" an age).
WHERE = frozenset({"trong", "tai", "o", "thuoc", "tren"})
PLACE_AFTER_WHERE = frozenset({"cac", "khu", "kcn", "kkt", "kcx", "ccn", "tinh", "thanh", "tp", "huyen", "dia", "toan"})
CHANGE_VERBS = frozenset({"tang", "giam"})  # "tăng bao nhiêu so với cùng kỳ": the rise, not the level


OTHER_QUESTION_WORDS = frozenset({"nao", "gi", "sao", "dau", "ai"})  # folded: "nào", "gì", "thế nào", "ở đâu"
ASKED_BY_WORDS = 2  # "cá nhân nào", "doanh nghiệp ở đâu": the question word right after the unit


def _also_counted(rest: str, unit: str | None, skip: int) -> str | None:
    """The unit named right after the one a "bao nhiêu" asks for, after a comma or "và"
    ("bao nhiêu tập thể, cá nhân", "bao nhieu tap the ca nhan"), when it is another; not one
    after a slash ("doanh nghiệp/dự án" counts one thing)."""
    if unit in (None, "", "%") or fold(rest).lstrip().lower().removeprefix(unit).lstrip().startswith("/"):
        return None
    following = tuple(search_syllables(rest))[skip:]
    following = following[1:] if following[:1] == ("va",) else following
    also = unit_at(following)
    if also is None or _fits(also, unit):  # the same unit again, or one counting the same thing
        return None
    # "bao nhiêu dự án, doanh nghiệp nào …": the second is asked by another question word, right
    # after it (not the "đầu" of "6 tháng đầu năm" further on, folded as "đâu" is).
    after_also = following[len(also.split()) : len(also.split()) + ASKED_BY_WORDS]
    return None if set(after_also) & OTHER_QUESTION_WORDS else also


@dataclass(frozen=True)
class _Ask:
    """One "bao nhiêu" of the question."""

    unit: str | None  # the folded unit asked for; "" a sum of money; None when it names none
    # Its words after the unit up to the next comma or period ("bao nhiêu cá nhân đăng ký danh
    # hiệu Chiến sĩ thi đua"): the words that follow a figure in a report describe it alike.
    described: tuple[str, ...]
    label: str  # what says which figure is which when several are asked ("FDI"), as typed
    money: frozenset[str] = frozenset()  # for a sum of money, the words naming it ("doanh", "thu")
    verb: str = ""  # the word it is asked with ("đạt bao nhiêu" → dat): it names no figure
    change: bool = False  # "tăng bao nhiêu (người)": the figure of the rise, not the level

    @property
    def cue(self) -> tuple[str, ...]:
        """Its first two words after the unit ("bao nhiêu FDI" → fdi): they name the figure."""
        return self.described[:2]


def _sides_joined(after_unit: str) -> list[str]:
    """The two sides of one pair named after a unit with "và" ("FDI và DDI", "xuất khẩu và
    nhập khẩu"), as typed; [] for anything else."""
    mentions = distinctions.swapped_sides(after_unit)
    if len(mentions) < 2 or mentions[0][0] != 0 or mentions[0][2] != mentions[1][2]:
        return []
    (_, first_end, _, first), (second_start, second_end, _, second) = mentions[:2]
    joined = fold(after_unit[first_end:second_start]).strip().lower()
    if first == second or joined not in ("va", ",", ", va"):  # "xuất nhập khẩu" is both, not two
        return []
    return [after_unit[:first_end], after_unit[second_start:second_end]]


def _described(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words after the unit, up to a period ("bao nhiêu trong năm 2031", "bao nhiêu hồ sơ
    trong 6 tháng": the period is a constraint of the question, not a word that names the
    figure; a word before a number introduces one) or a place ("bao nhiêu phần trăm trong các
    KCN Kim Sơn": where, not which figure; "trong nước" still names one)."""
    naming: list[str] = []
    # Glue before them names nothing ("bao nhiêu điểm thì được xếp loại xuất sắc": not "thi" of
    # "thi đua"): the words that follow it do (a negation does: "chưa có công đoàn").
    words = tuple(dropwhile(lambda word: word in GLUE, words))
    for i, word in enumerate(words):
        if word.isdigit() or (words[i + 1 : i + 2] and words[i + 1].isdigit()):
            break
        if word in WHERE and words[i + 1 : i + 2] and words[i + 1] in PLACE_AFTER_WHERE:
            break
        naming.append(word)
    return tuple(naming)


def as_how_many(frame: QuestionFrame) -> str:
    """The question with "là bao nhiêu" after it: what "So sánh số dự án …" asks."""
    return frame.text.rstrip(" ?.") + (" là bao nhiêu" if frame.accented else " la bao nhieu")


def names_a_side(frame: QuestionFrame) -> bool:
    """The question names a side ("số dự án FDI"): read as "… là bao nhiêu", the words after
    "bao nhiêu" would not say it, and the whole (FDI and DDI) would be taken for its part."""
    return any(a.group == "origin" for a in distinctions.asked(frame.text))


def _implied_how_many(frame: QuestionFrame) -> str | None:
    """ "Số lao động tại các KCN?" names the figure it asks and no "bao nhiêu" asks it: read as
    "… là bao nhiêu", unless it names a side."""
    if frame.answer_type not in FIGURE_TYPES or not counted_units(frame.text, frame.accented):
        return None
    if ASKING[frame.accented].search((frame.text if frame.accented else fold(frame.text)).lower()):
        return None
    return None if names_a_side(frame) else as_how_many(frame)


def _asks(frame: QuestionFrame) -> list[_Ask]:
    """Each "bao nhiêu" of the question, in order ("bao nhiêu % kế hoạch" → %, cue ke hoach)."""
    asked = _implied_how_many(frame) or frame.text
    text = asked if frame.accented else fold(asked)
    lowered = text.lower()
    asks: list[_Ask] = []
    previous_end = 0
    for match in ASKING[frame.accented].finditer(lowered):
        part = PART_END.split(text[match.end() :], maxsplit=1)[0]
        after = tuple(search_syllables(part))
        since_last = text[previous_end : match.start()]
        before = tuple(search_syllables(since_last.lower()))
        previous_end = match.end()
        percent = part.lstrip().startswith("%")
        unit = "%" if percent else unit_at(after)
        named_after = unit is not None
        money = frozenset((chunk_terms(since_last.lower()) | set(after[:2])) & money_words())
        if unit is None and ANY_MONEY.match(part):  # "bao nhiêu tiền": a sum of money, named by nothing
            unit, after = "", after[1:]
        if unit is None:  # "số lao động … là bao nhiêu": the words after it describe the figure
            unit, after = next(iter(counted(since_last, frame.accented)[-1:]), (None, after))
        if unit is None and money:
            # "vốn bao nhiêu", "bao nhiêu vốn FDI"; "vốn … (tính) bằng tỷ đồng là bao nhiêu": that unit
            unit = next((u for i, w in enumerate(before) if w == "bang" and (u := unit_at(before[i + 1 :]))), "")
        measured = None
        if unit is None:  # "diện tích sử dụng đất bao nhiêu": an area
            measured = next((words for words in _measures() if f" {words} " in f" {' '.join(before)} "), None)
            unit = _measures()[measured] if measured else None
        skip = len(unit.split()) if named_after and unit not in ("", "%") else 0
        # "bao nhiêu FDI" names no unit: its words say which figure it is; "bao nhiêu dự án
        # trong nước" names one: the words after it do.
        typed = part.split()
        after_unit = typed[len(unit.split()) :] if named_after and unit else typed  # "%" is a typed word of its own
        label = " ".join(typed[:3] if unit is None else after_unit[:2])
        # The words that name the sum, not a place that happens to hold one ("Kim Sơn").
        named = money_named(money & set(frame.terms)) if unit == "" else frozenset()
        verb = before[-1] if before else ""
        change = verb in CHANGE_VERBS
        # "bao nhiêu tập thể, cá nhân": a second unit right after the first is asked too.
        also = _also_counted(text[match.end() :], unit, skip) if named_after else None
        rest = after[skip:]
        if also and rest[: len(also.split())] == tuple(also.split()):  # typed with no comma
            rest = rest[len(also.split()) :]
        described = _described(rest)
        if measured and not described:
            # "Diện tích mặt nước bao nhiêu?": the words after the measure name the figure, as
            # the words after a unit do ("80.000 ha mặt nước").
            rest = " ".join(before).split(measured, 1)[1].split()
            described = tuple(takewhile(lambda word: word in frame.terms, rest))  # not "… các KCN"
        if unit == "":  # "bao nhiêu vốn vào KCN": "vốn" names the sum, not the words after its figure
            described = tuple(dropwhile(lambda word: word in money_words(), described))
        share = unit is not None and unit != "%" and unit in same_units()["%"]  # "mấy phần trăm", as "bao nhiêu %"
        # ... up to the clause's end: "và" ends ``part``.
        clause = re.split(r"[,;?.]", text[match.end() :], maxsplit=1)[0].split()[len(unit.split()) :] if unit else []
        sides = _sides_joined(" ".join(clause)) if named_after else []
        if sides:  # "bao nhiêu dự án FDI và DDI": the count of each side, each said with its side
            asks += [_Ask(unit, tuple(search_syllables(side)), side, named, verb, change) for side in sides]
            continue
        asks.append(_Ask("%" if share else unit, described, label, named, verb, change))
        if also:
            asks.append(_Ask(also, described, "", named, verb, change))
    if frame.answer_type is AnswerType.PERCENT:  # "tỷ lệ lấp đầy là bao nhiêu": a share
        # ... but a count named beside it stays a count ("cấp mới bao nhiêu dự án, bằng mấy
        # phần trăm kế hoạch": the projects, then the share), and so does a sum beside a share
        # typed as one ("xuất khẩu đạt bao nhiêu, tăng bao nhiêu %": the sum, then its rise).
        share_typed = any(ask.unit == "%" for ask in asks)
        asks = [
            ask
            if ask.unit not in (None, "", "%") or (ask.unit == "" and share_typed)
            else replace(ask, unit="%", label="", money=frozenset())
            for ask in asks
        ] or [_Ask("%", (), "")]
    return asks


# What a figure is of, said right after it: "tăng 21,4% về số dự án và tăng 35,6% về vốn".
SAID_AFTER = re.compile(r"\s+(?:về|đối với|ve|doi voi)\s+([^,;:()]*?)(?=\s+(?:và|va|so)\s|[,;:()]|$)", re.IGNORECASE)


def _previous_end(figures: list[re.Match[str]], match: re.Match[str]) -> int:
    """Where the last of ``figures`` before ``match`` ends (0: none)."""
    return max((m.end() for m in figures if m.end() <= match.start()), default=0)


def _label_before(quote: str, match: re.Match[str], previous_end: int = 0) -> str:
    """What names a figure: the words before it since the previous ";", ":" or "—", within
    about ten syllables ("…; nộp ngân sách 2.158 tỷ đồng", "cụ thể: Tổng doanh thu đạt 87 tỷ
    USD", "với tổng vốn đăng ký là 5.286 tỷ đồng"); a "label:" just before it names it
    ("Thực hiện 6 tháng năm 2032: 1.047 triệu USD"). After another figure of its unit, the
    words up to the first "," ")" or "và" still describe that one ("281 dự án có vốn nước
    ngoài (FDI) và 156 dự án": nothing names 156; "43.218 người, tăng 3.917 người": "tăng")."""
    start = max(0, match.start() - AROUND)
    before = quote[max(start, previous_end) : match.start()].rstrip()
    if before.endswith(":"):
        before = before[:-1]
    ends = [before.rfind(mark) + 1 for mark in LABEL_BOUNDARIES if mark in before]
    if ends:
        return before[max(ends) :]
    if previous_end > start:
        ends = [before.find(mark) + len(mark) for mark in AFTER_FIGURE if mark in before]
        return before[min(ends, default=0) :]
    return before


def _own_words(quote: str, match: re.Match[str]) -> str:
    """The words of a figure since the previous figure of any unit ("…, trong khi năm 2031
    đạt"), and those that say after it what it is of ("tăng 35,6% về vốn", "400 triệu USD
    đối với vốn FDI"): what sets it apart from the figures of its clause."""
    return f"{_own_label(quote, match)} {_said_after(quote, match)}"


def _own_label(quote: str, match: re.Match[str]) -> str:
    """The words of a figure since the previous figure of any unit."""
    previous_end = max((m.end() for m in _figure().finditer(_searchable(quote)) if m.end() <= match.start()), default=0)
    return _label_before(quote, match, previous_end)


def _said_after(quote: str, match: re.Match[str]) -> str:
    """ "về vốn", "đối với vốn FDI" right after a figure, up to "và", a comma or the clause's end."""
    after = SAID_AFTER.match(quote, match.end())
    return after.group(1) if after else ""


def _change_target(quote: str, match: re.Match[str]) -> int | None:
    """Where the figure a change came to starts, when ``match`` is the one it started from:
    "từ 180 ha lên 265 ha"."""
    before = quote[max(0, match.start() - 12) : match.start()]
    to = CHANGE_TO.match(quote, match.end(), match.end() + MAX_INSERTION)
    return to.end() - 1 if to and CHANGE_FROM.search(before) else None


def _asks_the_compared(frame: QuestionFrame, quote: str) -> bool:
    """The question asks of the period the quote compares with, and not of another it names."""
    compared = " ".join(m.group() for m in (*COMPARED_SPAN.finditer(quote), *COMPARED_YEAR.finditer(quote)))
    rest = COMPARED_YEAR.sub(" ", COMPARED_SPAN.sub(" ", quote))
    asked_spans, asked_years = set(frame.spans), set(frame.years)
    in_compared = asked_spans & spans_in(compared) or asked_years & years_in(compared, ranges=False)
    in_rest = asked_spans & spans_in(rest) or asked_years & years_in(rest, ranges=False)
    return bool(in_compared) and not in_rest


def _changes(figures: list[re.Match[str]], quote: str) -> dict[int, re.Match[str]]:
    """Each figure a change came to, by its position, with the figure it started from."""
    return {
        after.start(): before for before, after in pairwise(figures) if _change_target(quote, before) == after.start()
    }


LABEL_CLAUSE = re.compile(r"[,;—]")  # a figure's own label is after the last of these
# A figure labelled as the same period of the year before, its year unnamed ("Cùng kỳ năm
# trước: X", "Năm trước: Y"); not a growth "so với cùng kỳ" (folded).
SAME_PERIOD_BEFORE = re.compile(r"(?<!\bso\s)(?<!\bvoi\s)\b(?:cung\s+ky|nam\s+truoc)\b")
# "… năm 2031, 2032 và 2033 … tương ứng là A, B và C": each figure of the list is of the
# year named in its place (folded).
RESPECTIVELY = re.compile(r"\b(?:tuong ung|lan luot)\b")
LIST_SEPARATOR = re.compile(r"\s*(?:,|;|và|va)?\s*(?:và|va)?\s*", re.IGNORECASE)


def _respective_year(quote: str, match: re.Match[str]) -> int | None:
    """The year a figure of a "tương ứng"/"lần lượt" list is of: the year named in its place
    before the list, when the years named there are as many as the figures listed."""
    markers = [m for m in RESPECTIVELY.finditer(fold(quote)) if m.end() <= match.start()]
    if not markers:
        return None
    marker = markers[-1]
    listed: list[re.Match[str]] = []
    for figure in _figure().finditer(_searchable(quote), marker.end()):
        previous_end = listed[-1].end() if listed else None
        if previous_end is not None and not LIST_SEPARATOR.fullmatch(quote, previous_end, figure.start()):
            break
        if previous_end is None and _figure().search(_searchable(quote), marker.end(), figure.start()):
            break
        listed.append(figure)
    # The years of the list's own clause ("năm 2092 lần lượt A và B": one year, two figures,
    # no list of years); else, none there, those named before it ("giá trị xuất khẩu năm
    # 2031 …, năm 2032 … và năm 2033 …; nộp ngân sách tương ứng là A, B và C").
    before = COMPARED_YEAR.sub(" ", quote[: marker.start()])
    clause = re.split(r"[;.]", before)[-1]
    years = list(dict.fromkeys(int(y) for y in YEAR.findall(clause) or YEAR.findall(before)))
    starts = [f.start() for f in listed]
    if len(listed) < 2 or len(years) != len(listed) or match.start() not in starts:
        return None
    return years[starts.index(match.start())]


def _year_fit(quote: str, match: re.Match[str], own_words: str, asked: frozenset[int]) -> int:
    """2: the figure's own words or the words right after it name a year asked ("…, trong
    khi năm 2031 đạt 9.650 tỷ đồng", "61,2% của năm 2031"), or its place in a list said
    "tương ứng" to the years named before it; 0: they name only other years (a base year "so
    với cùng kỳ năm …" names none); 1: they name none, or none is asked. The figures of one
    clause share its subject's year: it decides nothing."""
    compared = _compared_year(quote[: match.start()])
    if compared is None:
        compared = _respective_year(quote, match)
    if compared is not None:
        return 2 if compared in asked else 0 if asked else 1
    if SAME_PERIOD_BEFORE.search(fold(_own_label(quote, match))) and not years_in(_own_label(quote, match)):
        return 0 if asked else 1  # "…; Cùng kỳ năm trước: 119 triệu USD": the year before's
    label = COMPARED_YEAR.sub(" ", own_words)
    after = YEAR_AFTER.match(quote[match.end() : match.end() + AROUND])
    years = years_in(label) | ({int(after.group(1) or after.group(2))} if after else set())
    # Else its clause's ("…; kế hoạch năm 2032 tạo việc làm cho 7.500 lao động, nâng tổng số lên
    # 93.950 người"), else its sentence's before it ("Năm 2031, doanh thu …; xuất khẩu đạt X").
    for before in (_clause_tail(quote[: match.start()]), quote[: match.start()]):
        years = years or years_in(COMPARED_YEAR.sub(" ", before))
    if not asked or not years:
        return 1
    return 2 if years & asked else 0


def _open_bracket(before: str) -> int:
    """Where the bracket a figure stands in opens (``before``: the quote up to the figure); -1
    when it stands in none."""
    opened = before.rfind("(")
    return opened if opened > before.rfind(")") else -1


def _compared_year(before: str) -> int | None:
    """The year a figure is of when it is the figure of the year compared with: "… so với
    cùng kỳ năm 2031 (3.665 triệu USD)", "(cùng kỳ năm 2031 đạt 58,3%)", "cùng kỳ năm 2031 là
    11,7 triệu đồng"; ``before``: the quote up to the figure."""
    opened = _open_bracket(before)
    if opened >= 0:
        inside = COMPARED_AT_START.match(before[opened + 1 :])
        if inside:
            return int(inside.group(1))
        outside = COMPARED_AT_END.search(before[:opened])
        return int(outside.group(1)) if outside else None
    said = COMPARED_AT_END.search(before)
    return int(said.group(1)) if said else None


def _span_words(quote: str, match: re.Match[str], own_words: str) -> str:
    """The words that say which span a figure is of: its own, else its clause's before it
    ("Lũy kế đến hết năm 2032, … có 612 dự án còn hiệu lực, trong đó có 398 dự án FDI": both
    figures are of the span the clause opens with), else what the sentence opens with before
    its first comma, when that holds no figure ("Trong 6 tháng đầu năm 2032, doanh thu đạt X;
    xuất khẩu đạt Y")."""
    before = quote[: match.start()]
    sentence = SENTENCE_GAP.split(before)[-1]  # its own sentence's opening, not the quote's first one
    opening = sentence.split(",", 1)[0] if "," in sentence else ""
    for words in (own_words, _clause_tail(before), "" if _figure().search(opening) else opening):
        whole, _, months = period_parts(words)
        if whole or months or quarters_stated(words) or months_named(words):
            return words
    return own_words


WHOLE_YEAR_SAID = re.compile(r"\b(?:ca|toan)\s+nam\b")  # "cả năm", "toàn năm" (folded)
SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")


def _period_fit(
    own_words: str, asked: tuple[bool, bool, frozenset[int]], quarters: set[int], month: set[int] = frozenset()
) -> int:
    """How the span a figure's own words name ("6 tháng đầu năm 2031 đạt X", "cả năm đạt Y",
    "Thực hiện Quý II: Z", "Tháng 5: W") stands to the span asked (``period_parts``, the
    quarters and the calendar month of the question): 0 another span, 2 the span asked, 1 none
    named or none asked."""
    whole, part, months = asked
    said_whole, _, said_months = period_parts(own_words)
    if month and not quarters:
        said_month = months_named(own_words)
        if said_month:
            return 2 if said_month & month else 0
        # "tháng 5" asked: not a running total's, a quarter's or the year's figure.
        return 0 if said_whole or said_months or quarters_stated(own_words) else 1
    if quarters:
        said_quarters = quarters_stated(own_words) | ({1} if said_months == {3} else set())  # "Trong 3 tháng"
        if said_quarters:
            return 2 if said_quarters & quarters else 0
        # "quý II" asked: not the figure of the whole year or of some months.
        return 0 if said_whole or said_months else 1
    if whole and not part:
        if months_named(LABEL_CLAUSE.split(own_words)[-1]) and not said_whole:
            return 0  # "Tháng 1: X" is one month's, not the year's ("Theo báo cáo tháng 1, …" is no label)
        return 0 if said_months and not said_whole else 2 if said_whole else 1
    if part and months and not said_months and WHOLE_YEAR_SAID.search(fold(own_words)):
        # "6 tháng cuối năm" asked: not "…, để cả năm đạt trên 600 triệu USD" ("đến cuối năm
        # đạt X" may be the half-year's target)
        return 0
    if months and said_months:
        return 2 if months & said_months else 0
    if months and not said_whole and months_named(own_words):
        return 0  # "9 tháng" asked: not "Trong tháng 9, … 02 dự án", one month's
    return 1


def _named(name: str, words: str) -> bool:
    """The words name a zone ("kcn lai vu dong", search form), typed with or without accents,
    its kind spelt out or not ("Khu công nghiệp Lai Vu Đông")."""
    return bool(runs_at(name.split(), terms_of(words)))


KIND_BEFORE_NAME = 30  # characters: "Khu công nghiệp" before a zone's name
WHOLE_SAID = re.compile(r"\b(?:toan|ca)\s+(?:tinh|khoi|vung|thanh pho)\b|\bcac\s+(?:kcn|kkt|khu)\b|\bbinh quan\b")


def _zone_of_sentence(before: str, zones: tuple[str, ...]) -> bool:
    """The sentence names, before a figure whose own words name no zone, only zones asked: the
    figure is theirs ("Doanh thu … trong KKT A đạt X; kim ngạch xuất khẩu đạt Y": Y is A's),
    unless its clause says it is a whole's ("…; kim ngạch xuất khẩu toàn tỉnh đạt Z")."""
    if WHOLE_SAID.search(fold(_clause_tail(before))):
        return False
    named = [before[max(0, a - KIND_BEFORE_NAME) : b] for a, b in zone_name_spans(before)]
    return bool(named) and all(any(_named(zone, name) for zone in zones) for name in named)


def _clause_tail(before: str) -> str:
    """The last clause of a text: from its last ";", dash or open "(" on. A closed aside is
    inside the clause ("Giá trị sản xuất (theo giá hiện hành) … là X": X is the value's)."""
    outside = CLOSED_PARENTHESES.sub(lambda aside: " " * len(aside.group()), before)
    return before[max(outside.rfind(mark) + 1 for mark in CLAUSE_BOUNDARIES) :]


def _pins_for(ask: _Ask, asks: list[_Ask], pinned: tuple[distinctions.Asked, ...]) -> tuple[distinctions.Asked, ...]:
    """The sides one of several "bao nhiêu" pins: not those another one's own words name ("bao
    nhiêu dự án còn hiệu lực, bao nhiêu dự án FDI": FDI is the second's, not the first's),
    unless it names none itself."""
    if len(asks) < 2:
        return pinned
    named = [{item.group for item in distinctions.asked(" ".join(a.described))} for a in asks]
    own = named[asks.index(ask)]
    if not own:  # "…, tổng vốn bao nhiêu?": of what the one before it asked
        return pinned
    others = {group for a, groups in zip(asks, named, strict=True) if a is not ask for group in groups}
    return tuple(item for item in pinned if item.group not in others - own)


def _side_fit(own_words: str, clauses: tuple[str, ...], pinned: tuple[distinctions.Asked, ...]) -> int:
    """How the figure's own words ("…, trong đó khu vực FDI đạt 304 triệu USD") stand to the
    sides the question pins down ("bao nhiêu … FDI"): 2 they name the side asked, 0 only
    another side, 1 neither (or nothing is pinned). Words that name no side leave it to the
    figure's clause ("…; vốn cấp mới dự án DDI là X, vốn tăng thêm là Y": Y is DDI's too),
    then to the clause its brackets stand in ("xuất khẩu đạt X (kế hoạch Y)")."""
    pairs = [item for item in pinned if item.kind == "pair"]
    for words in (own_words, *clauses):
        said = [distinctions.stated(item, words, alone=True) for item in pairs]
        if any(s is distinctions.Stated.OTHER for s in said):
            return 0
        if any(s is distinctions.Stated.YES for s in said):
            return 2
        if any(distinctions.stated(item, words) is distinctions.Stated.YES for item in pairs):
            return 1  # the side asked beside another ("FDI và DDI đạt …"): a sum over both
    return 1


def _clause_subject(quote: str, match: re.Match[str]) -> str:
    """The subject of the clause a figure sits in: the words from the previous ";", dash or
    the "(" it is inside of (a closed "(…)" before it is left out) to the clause's first
    number. It names every figure of the clause ("…; Giá trị xuất khẩu đạt: 176 triệu USD,
    tăng 7% và đạt 53% kế hoạch": 53% is the export's share, though its own label only says
    "đạt"), and names them alike: the figures of one clause tie on it. The figure of the year
    compared with in brackets, or a figure that opens them ("bằng 47% kế hoạch năm 2031 (Z)"),
    is named by the clause outside them ("Tổng doanh thu … đạt X, tăng 12% so với cùng kỳ năm
    2031 (Y)")."""
    before = quote[: match.start()]
    opened = _open_bracket(before)
    if opened >= 0 and (not before[opened + 1 :].strip() or _compared_year(before) is not None):
        before = before[:opened]
    opened_text = CLOSED_PARENTHESES.sub(" ", before)
    clause = _clause_tail(opened_text)
    if ELIDED_HEAD.match(clause):  # "X của tỉnh A đạt …; của tỉnh B đạt Y": Y is B's X
        clause = f"{_clause_subject_of(opened_text[: len(opened_text) - len(clause)])} {clause}"
    return _up_to_number(clause)


def _bracket_owner(quote: str, match: re.Match[str]) -> str:
    """For a figure inside brackets, the subject of the clause they stand in: what the figure
    is of ("Kim ngạch xuất khẩu … đạt 95,2% kế hoạch năm (kế hoạch 15.000 triệu USD)");
    "" outside brackets."""
    before = quote[: match.start()]
    opened = _open_bracket(before)
    if opened < 0:
        return ""
    return _up_to_number(_clause_tail(CLOSED_PARENTHESES.sub(" ", before[:opened])))


def _clause_subject_of(text: str) -> str:
    """The subject of the first clause of ``text``: its words up to its first number."""
    ends = [i for i in (text.find(mark) for mark in CLAUSE_BOUNDARIES) if i >= 0]
    return _up_to_number(text[: min(ends, default=len(text))])


def _up_to_number(clause: str) -> str:
    """``clause`` up to its first digit."""
    first_number = re.search(r"\d", clause)
    return clause[: first_number.start()] if first_number else clause


def _rest_after(quote: str, match: re.Match[str]) -> str:
    """What follows a figure, past brackets that open right after it: in "52 dự án (gồm 9 dự
    án FDI) có hệ thống xử lý khí thải", the 52 are those "có hệ thống xử lý"."""
    rest = quote[match.end() : match.end() + AROUND + MAX_INSERTION]
    inserted = re.match(rf"\s*\([^()]{{0,{MAX_INSERTION}}}\)", rest)
    return (rest[inserted.end() :] if inserted else rest)[:AROUND]


def _words_after(quote: str, match: re.Match[str]) -> str:
    """The words that follow a figure up to the end of its clause or the next figure."""
    rest = _rest_after(quote, match)
    end = min((i for i in (rest.find(mark) for mark in (*CLAUSE_BOUNDARIES, ",", ")")) if i >= 0), default=len(rest))
    return _up_to_number(rest[:end])


def _acronym_after(quote: str, match: re.Match[str]) -> set[str]:
    """The acronym in brackets that ends what a figure is of: "293 dự án có vốn đầu tư nước
    ngoài (FDI)" are the FDI ones, however many words the acronym stands for."""
    named = ACRONYM_AFTER.match(quote, match.end(), match.end() + AROUND)
    return set(search_syllables(named.group(1))) if named else set()


def _words_around(quote: str, match: re.Match[str]) -> set[str]:
    return chunk_terms(quote[max(0, match.start() - AROUND) : match.end() + AROUND])


def _fits(unit: str, wanted: str) -> bool:
    key = unit_key(unit)
    if wanted == "":  # a sum of money, or a rate of one ("9,6 triệu đồng/người/tháng")
        return unit_key(unit.split("/")[0]).endswith(MONEY)
    return key in same_units().get(wanted, frozenset({wanted}))


def direct_facts(frame: QuestionFrame, quote: str, terms: Iterable[str]) -> list[str]:
    """The figures of ``quote`` that answer ``frame``'s question, as written ("6,12 tỷ USD")."""
    if frame.answer_type not in FIGURE_TYPES:
        return []
    asks = _asks(frame)
    figures = [m for m in _figure().finditer(_searchable(quote)) if not _is_question_figure(m, frame)]
    wanted_terms = set(terms)
    # What the question names: its content words and its numbers, but not the verb it asks
    # with ("đạt bao nhiêu", "là bao nhiêu": every clause of a report "đạt" something).
    asked = (wanted_terms | {s for s in search_syllables(frame.text) if s.isdigit()}) - {a.verb for a in asks}
    # "giá trị xuất khẩu": the label "giá trị sản xuất" shares the head, not what is asked.
    asked = (asked - money_words()) | money_named(asked & money_words())
    # The question's numbers (its year, its period's months) and its province's words: weighed
    # as constraints below (``_year_fit``, ``_period_fit``, ``place_fit``), not as words of a
    # figure's label; the province is a sentence's subject, named once before its first figure.
    constraint_words = {word for word in asked if word.isdigit()}
    constraint_words |= {syllable for key in frame.provinces for syllable in key.split()} & asked
    # What the question measures: its words before "của" ("nộp ngân sách của các KCN …").
    owner = OWNER.search(frame.text)
    head = chunk_terms(frame.text[: owner.start()]) & asked if owner else asked
    # A table row ("Doanh thu — Kế hoạch: …; Thực hiện: …", see ``ingest.office``) names
    # every figure of it by its first cell.
    row_name = chunk_terms(quote.split(" — ", 1)[0]) if " — " in quote else set()
    # So does a list item's label ("b) Doanh thu: năm 2031 đạt X; kế hoạch năm 2032 đạt Y").
    item = ITEM_LABEL.match(quote)
    row_name |= chunk_terms(item.group(1)) if item else set()
    facts: list[str] = []
    taken: set[int] = set()
    previous: str | None = None
    units_asked = [ask.unit for ask in asks if ask.unit is not None]
    question_pins = distinctions.asked(frame.text)
    asked_period = period_parts(frame.text)
    asked_quarters = quarters_stated(frame.text)
    asked_month = months_named(frame.text) if len(months_named(frame.text)) == 1 else set()
    if frame.years and not any(asked_period) and not asked_month:
        # "Năm 2032 vốn FDI tăng thêm bao nhiêu?" asks for the year's figure, not the first
        # half's ("Trong 6 tháng đầu năm 2032, … vốn FDI tăng thêm X").
        asked_period = (True, False, frozenset())
    provinces = asked_provinces(frame)
    region_only = bool(frame.regions) and not provinces
    plan_asked = asks_plan(frame.text)
    target_asked = plan_asked or bool(TARGET_ASKED.search(fold(frame.text)))  # "phấn đấu đạt bao nhiêu"
    # "So với giai đoạn 2026–2030, số dự án tăng từ 109 lên 151": asked of the period compared
    # with, the figure the change started from is its.
    start_asked = bool(ASKS_FROM.search(fold(frame.text).lower())) or _asks_the_compared(frame, quote)
    started_at = _changes(figures, quote)
    against_asked = bool(AGAINST.search(fold(frame.text)))
    # What "… nào" asks for names no figure ("khu nào … cao hơn": not the "toàn khu" after one).
    which = {m.group(1) for m in WHICH.finditer(fold(frame.text))}
    for ask in asks:
        pinned = _pins_for(ask, asks, question_pins)
        origin_asked = any(item.group == "origin" for item in pinned)
        rise = _change_figure(quote, ask, taken, asked, head, pinned, against_asked) if ask.change else None
        if rise is not None:  # "tăng bao nhiêu": "tăng 6,7%", not the level before it
            taken.add(rise.start())
            facts.append(_as_written(quote, rise))
            continue
        if ask.change and (ask.unit is None or against_asked):
            # "đạt bao nhiêu, tăng bao nhiêu so CK" with no "tăng X" in the quote: the rise is
            # not a sum in the unit asked before ("So cùng kỳ: 120%" beside "Kế hoạch: X tỷ"),
            # nor the level reached ("tăng bao nhiêu triệu USD so với cùng kỳ": not "đạt 504 triệu").
            continue
        unit = previous if ask.unit is None else ask.unit  # "mấy dự án, bao nhiêu FDI": dự án again
        if unit is None:
            continue
        previous = unit
        same_unit = [m for m in figures if _fits(m.group(2), unit)]
        fitting = [m for m in same_unit if m.start() not in taken]
        # A sum of money is the one the question names: "doanh thu … bao nhiêu" is not
        # answered by the investment figure of the same quote.
        # ... by words around it or by the subject of its clause ("vốn đầu tư trong nước năm
        # 2032 đạt X tỷ đồng với 23 dự án, trong khi năm 2031 đạt Y tỷ đồng").
        fitting = [
            m
            for m in fitting
            if ask.money
            <= _words_around(quote, m)
            | row_name
            | chunk_terms(_clause_subject(quote, m))
            | chunk_terms(_bracket_owner(quote, m))
        ]
        if region_only:
            # "Khối … thu hút bao nhiêu dự án?": not one member's figure ("Tỉnh A thu hút 21 dự án,
            # tỉnh B 13 dự án …"), which a sentence listing the members gives each.
            fitting = [m for m in fitting if not any(p.kind == "province" for p in find_places(_own_words(quote, m)))]
        if not fitting:
            continue
        # The question's words that few of a table row's cell headers hold tell its cells apart:
        # "lao động nữ" among "Số lao động theo KCN A: …; Tổng số lao động: …; Trong đó: lao động
        # nữ: …" (a sentence's clauses are no parallel labels: their words weigh as they are).
        labels = [chunk_terms(_label_before(quote, m, _previous_end(same_unit, m))) & asked for m in fitting]
        held = Counter(term for words in labels for term in words)
        parallel = is_row_sentence(quote.strip())
        telling = {term: 1 / count for term, count in held.items() if parallel and 2 * count <= len(labels)}

        def closeness(
            match: re.Match[str],
            cue: tuple[str, ...] = ask.cue,
            described_by: tuple[str, ...] = ask.described,
            same_unit: list[re.Match[str]] = same_unit,
            unit_words: frozenset[str] = frozenset(unit.split()),
            verb: str = ask.verb,
            unit_asked: str = unit,
            telling: dict[str, float] = telling,
            pinned: tuple[distinctions.Asked, ...] = pinned,
            origin_asked: bool = origin_asked,
            row: bool = parallel,
        ) -> tuple[bool, int, int, int, bool, bool, int, int, int, int, int, float, int, bool, int, int, int, int]:
            # Up to the clause's end: past a ";" is the next cell's or clause's ("817 người; Lao động nghỉ việc: …").
            # Inside brackets, up to their end: "33 dự án (trong đó 12 dự án FDI) còn hiệu lực"
            # says "còn hiệu lực" of the 33.
            bracketed = _open_bracket(quote[: match.start()]) >= 0
            after: set[str] = set()
            for window in (quote[match.end() : match.end() + AROUND], _rest_after(quote, match)):
                window = window.split(";")[0]
                after |= set(search_syllables(window.split(")")[0] if bracketed else window)[:NEAR])
            after |= _acronym_after(quote, match)
            # The cue's first word names the figure most closely ("bao nhiêu dự án FDI còn hiệu
            # lực": "358 dự án FDI" over "523 dự án còn hiệu lực").
            cued = sum(2 if i == 0 else 1 for i, word in enumerate(cue) if word in after)
            # Then the rest of what follows the unit asked: "… 41 cá nhân đăng ký hoàn thành
            # nhiệm vụ, 07 cá nhân đăng ký đề tài Chiến sỹ thi đua" for "bao nhiêu cá nhân
            # đăng ký Chiến sĩ thi đua".
            described = len(set(described_by) & set(search_syllables(_words_after(quote, match))))
            # The figure's own label ("Thực hiện 6 tháng năm 2032: 1.047 triệu USD") against
            # what the question names, its numbers included.
            after_figure = _previous_end(same_unit, match)
            label_text = _label_before(quote, match, after_figure)
            label = chunk_terms(label_text)
            # A row's cell of one side when the question asks none ("Số dự án cấp mới FDI: 19;
            # …; Số dự án cấp mới Tổng: 31" for "bao nhiêu dự án"): a part, as "trong đó" says.
            side_cell = row and not origin_asked and any(a.group == "origin" for a in distinctions.asked(label_text))
            # Its words first: the question's year and period are weighed above ("Năm 2032, vốn
            # cấp mới dự án DDI là X, vốn tăng thêm là Y" for "vốn DDI tăng thêm năm 2032").
            labelled = len(label & asked - constraint_words)
            told = sum(telling.get(term, 0.0) for term in label - constraint_words)  # the rarer, the more
            # Of equals, the one the question's verb comes right before ("vốn FDI … đạt bao
            # nhiêu": "…; tổng vốn FDI đạt 398,1 triệu USD", not "… với tổng vốn 301,7 triệu USD").
            said_with = bool(verb) and search_syllables(quote[max(0, match.start() - AROUND) : match.start()])[-1:] == [
                verb
            ]
            # "58,34%, trong số đó 4 khu lấp đầy 100%": a part of the figure before it, not
            # the answer to a question whose cue names no part ("bao nhiêu FDI" names one),
            # nor whose words name none that the whole's clause does not ("lao động nữ chiếm
            # bao nhiêu %": "… 187.420 lao động (tăng 6,4%), trong đó lao động nữ chiếm 58,3%").
            between = quote[after_figure : match.start()]
            part = after_figure and PART_OF_PREVIOUS.search(fold(between))
            opened = _open_bracket(quote[: match.start()])
            if not part and opened >= 0 and any(m.end() <= opened for m in same_unit):
                # "63 dự án mới (gồm 47 dự án FDI và 16 dự án DDI)": every figure of the bracket is a part.
                between = quote[opened : match.start()]
                part = PART_OF_PREVIOUS.search(fold(between))
                if not part and any(not quote[m.end() : opened].strip() for m in same_unit):
                    # A bracket right after the whole's figure lists its parts, each by its own
                    # label: "45.210 người (lao động nữ chiếm 61%, lao động nước ngoài 1.204 người)".
                    part = LAST_SEPARATOR.search(between)
            # The part's own words: those after "trong đó" ("trong đó lao động nữ chiếm").
            part_words = chunk_terms(between[part.end() :]) if part else set()
            whole_clause = (
                chunk_terms(_clause_tail(CLOSED_PARENTHESES.sub(" ", quote[:after_figure]))) if part else set()
            )
            # ... and no word the question lacks ("trong đó vốn đầu tư đăng ký mới" is not "vốn
            # đầu tư đăng ký").
            part_asked = bool(part_words & asked - constraint_words - unit_words - whole_clause) and not (
                part_words - wanted_terms - constraint_words - unit_words - PART_FILLER
            )
            whole = bool(cue) or not part or part_asked
            # Then the subject of its clause, when its own label says nothing of the question.
            clause = len(chunk_terms(_clause_subject(quote, match)) & asked)
            around = len(_words_around(quote, match) & wanted_terms)
            # First of all, the figure of the year asked ("năm 2031 đạt X, trong khi năm 2032 đạt Y").
            own_words = _own_words(quote, match)
            if match.start() in started_at:  # "KCN X năm 2033 … từ 180 ha lên 265 ha": both are X's
                own_words = f"{_own_words(quote, started_at[match.start()])} {own_words}"
            dated = _year_fit(quote, match, own_words, frame.years)
            # After the cue, the side asked ("XK của DN FDI": "…, trong đó khu vực FDI đạt Y", not
            # the sum of FDI and DDI before it), which may be a part of the figure before it.
            # The words right after it count: "15 dự án DDI" is no answer to "bao nhiêu dự án FDI".
            stated = f"{own_words} {match.group(2)} {_words_after(quote, match)}"
            side = _side_fit(stated, (_clause_tail(quote[: match.start()]), _bracket_owner(quote, match)), pinned)
            # A part names the side asked itself ("…, trong đó khu vực FDI đạt Y"), not by its clause.
            named_side = side == 2 and _side_fit(own_words, (), pinned) == 2
            spanned = _period_fit(_span_words(quote, match, own_words), asked_period, asked_quarters, asked_month)
            # Then not another province than the one asked ("… tỉnh A đạt X; của tỉnh B đạt Y").
            placed = place_fit(own_words, provinces, frame.zones)
            # The zone asked, when the figure's own words name it ("bình quân đạt 76%; riêng KCN
            # X đạt tối thiểu 60%").
            # A part of a zone's figure is the zone's too ("KCN X với 68 dự án, bao gồm 35 dự án FDI").
            whole_words = next((_own_words(quote, m) for m in same_unit if part and m.end() == after_figure), "")
            zoned = any(_named(zone, own_words) or _named(zone, whole_words) for zone in frame.zones) or (
                not zone_name_spans(own_words) and _zone_of_sentence(quote[: match.start()], frame.zones)
            )
            # "mở rộng lên bao nhiêu ha": the figure a change came to, not the one it started from.
            arrived = start_asked or _change_target(quote, match) is None
            # A share is named by the words after it ("…, 100% trả kết quả đúng hạn, trong đó 87%
            # hồ sơ được nộp trực tuyến"), the whole's or a part's alike.
            # ... up to "và", past which another figure's are ("64,2% và KCN B đạt 41,5%").
            named_after = (
                len(set(search_syllables(AND.split(_words_after(quote, match))[0])) & asked - which)
                if unit_asked == "%"
                else 0
            )
            return (
                # Before all, a result's figure for a result asked, a plan's for a plan.
                plan_fit(quote, match, unit_asked, plan_asked),
                dated,
                placed,
                spanned,
                zoned,
                arrived,
                cued,
                described,
                side,
                named_after,
                # A part the question names over its whole ("…, trong đó lao động nữ 27.300 người").
                2 if part and part_asked else 0 if side_cell else int(whole or named_side),
                told,
                labelled,
                said_with,
                clause,
                len(label & constraint_words),
                around,
                -match.start(),
            )

        # Not a figure of another year or span than the one asked ("so với cùng kỳ năm 2031
        # (X)"; "6 tháng cuối năm": "X, để cả năm 2031 đạt Y"), nor of another side than the
        # question's ("bao nhiêu dự án FDI": not "15 dự án DDI") unless this ask's own words
        # follow it ("…, bao nhiêu trong nước": "156 dự án đầu tư trong nước"), nor a plan's for a
        # result asked ("Tổng kế hoạch vốn … là 512 tỷ đồng; … đã giải ngân 203,4 tỷ đồng"),
        # nor, for a former province asked ("A cũ"), one whose own words name other provinces
        # only ("…; các KCN thuộc tỉnh B cũ thu hút X"), however well it fits otherwise.
        ranked = [
            (fit, m)
            for m in fitting
            if (fit := closeness(m))[1] != 0
            and fit[3] != 0
            and (fit[2] != 0 or not frame.former)
            and (fit[8] != 0 or fit[6] + fit[7] > 0)
            and (target_asked or unit == "%" or not is_planned(quote, m))
        ]
        if not ranked:
            continue
        (_, _, _, _, _, _, cued_best, *_), best = max(ranked, key=lambda pair: pair[0])
        if ask.unit == "%" and ask.cue and not cued_best:
            # "bao nhiêu % kế hoạch" with no share followed by "kế hoạch": a growth rate of the
            # same clause is no answer (left out: 0 bold figures holding a gold fact lost).
            continue
        taken.add(best.start())
        fact = _as_written(quote, best)
        # Say which of the figures this one is: "FDI: 281 dự án", when it names no unit or
        # when another "bao nhiêu" asks the same unit ("bao nhiêu dự án FDI và bao nhiêu dự án
        # trong nước").
        if ask.label and (ask.unit is None or units_asked.count(unit) > 1):
            fact = f"{ask.label}: {fact}"
        if fact not in facts:
            facts.append(fact)
    return facts


@lru_cache(maxsize=1)
def _qualifiers() -> str:
    """The words of figure_qualifiers.txt, folded, as a regular expression's alternatives."""
    text = resources.files("app.answering").joinpath("data", "figure_qualifiers.txt").read_text(encoding="utf-8")
    words = [fold(line.strip()) for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def _qualifier() -> re.Pattern[str]:
    """A qualifier at the end of the text before a figure."""
    return re.compile(rf"(?:^|\s)((?:{_qualifiers()}))\s*$", re.IGNORECASE)


def _as_written(quote: str, match: re.Match[str]) -> str:
    """A figure as the report gives it, with a word that says it is not exact ("trên 55%")."""
    number, unit = quote[match.start(1) : match.end(1)], quote[match.start(2) : match.end(2)]
    figure = f"{number}{'' if unit == '%' else ' '}{unit}"
    before = quote[max(0, match.start() - 20) : match.start()]
    whole = FRACTION_BEFORE.search(before)  # "8/9 KCN": eight of nine, not nine; "97,5/100 điểm"
    if whole:
        figure, before = whole.group(1) + figure, before[: whole.start()]
    # "từ 95 điểm trở lên", "từ 85 đến dưới 95 điểm": a bound or a range, as the report says it.
    if AND_ABOVE.match(fold(quote[match.end() : match.end() + 20])):
        figure = f"từ {figure} trở lên" if re.search(r"\btu\s*$", fold(before)) else f"{figure} trở lên"
    ranged = RANGE_BEFORE.search(fold(before))
    if ranged:
        return f"{before[ranged.start() :]}{figure}"
    qualifier = _qualifier().search(fold(before))  # fold keeps positions: the words as typed
    return f"{before[qualifier.start(1) : qualifier.end(1)]} {figure}" if qualifier else figure


def _change_figure(
    quote: str,
    ask: _Ask,
    taken: set[int],
    asked: set[str],
    head: set[str],
    pinned: tuple[distinctions.Asked, ...] = (),
    against: bool = False,
) -> re.Match[str] | None:
    """The figure right after the verb asked with ("tăng 6,7% so với cùng kỳ"), in the unit
    asked when one is named ("tăng bao nhiêu người": "tăng 3.917 người"); never an amount
    added when the question asks against a base (``against``: "so với cùng kỳ"; "số vốn tăng
    thêm 121,7 triệu USD" is none). Of several: not another side than the one asked
    (``pinned``: "DDI", not the FDI rise beside it); then the one whose clause names most of
    what the question measures (``head``: "nộp ngân sách" of "nộp ngân sách của các KCN … tăng
    bao nhiêu"), then of the question ("doanh thu tăng 12%; nộp ngân sách tăng 9%"); of
    equals, one said against a base."""
    folded = fold(quote)  # same length as the quote: positions map back
    rises: dict[int, re.Match[str]] = {}
    for word in re.finditer(rf"\b{ask.verb}\s+(them\s+)?(?:(?:{_qualifiers()})\s+)?", folded, re.IGNORECASE):
        figure = _figure().match(_searchable(quote), word.end())
        added = bool(word.group(1))  # "tăng thêm": an amount added, no rise against a base
        fits = figure is not None and (not ask.unit or _fits(figure.group(2), ask.unit))
        if figure is not None and fits and figure.start() not in taken and not (against and added):
            rises[figure.start()] = figure

    def named(m: re.Match[str]) -> tuple[bool, int, int, int, int, bool, int]:
        subject = chunk_terms(_clause_subject(quote, m))
        own = chunk_terms(_own_label(quote, m))  # ", trong khi vốn DDI tăng 25%"
        said = chunk_terms(_said_after(quote, m))  # "tăng 35,6% về vốn"
        said_against = bool(AGAINST.match(folded, m.end()))
        # Not the other side's ("DDI … tăng 74%; FDI … tăng 21%"); a rise naming none may be the one.
        other_side = _side_fit(_own_words(quote, m), (_clause_tail(quote[: m.start()]),), pinned) == 0
        return (
            not other_side,
            len(subject & head),
            len(own & asked),
            len(said & asked),
            len(subject & asked),
            not against or said_against,
            -m.start(),
        )

    return max(rises.values(), key=named, default=None)


def asks_a_figure(frame: QuestionFrame) -> bool:
    """The question asks a figure with its words ("bao nhiêu dự án", "mấy %"), not only names
    one ("So sánh số dự án …", "vốn FDI năm 2031")."""
    return frame.answer_type in FIGURE_TYPES and bool(_asks(frame))


def asked_units(frame: QuestionFrame) -> list[str]:
    """The units the question's "bao nhiêu"s ask for, each once, in order ("" a sum of money):
    "thuê bao nhiêu ha và sử dụng bao nhiêu lao động" → ha, lao dong."""
    asked = [ask.unit for ask in _asks(frame) if ask.unit is not None] if frame.answer_type in FIGURE_TYPES else []
    # "So sánh số lao động …" asks for figures too, though no "bao nhiêu" says so.
    return list(dict.fromkeys([*asked, *counted_units(frame.text, frame.accented)]))


def holds_figure(frame: QuestionFrame, quote: str, unit: str) -> bool:
    """Whether ``quote`` states a figure in ``unit`` that the question does not state itself."""
    return any(
        _fits(m.group(2), unit) for m in _figure().finditer(_searchable(quote)) if not _is_question_figure(m, frame)
    )


# A number of the question that says when, not how much: "tháng 6", "6 tháng", "quý 2",
# "ngày 15/6/2031", a year (folded).
PERIOD_NUMBER = re.compile(
    r"\b(?:thang|quy|ngay)\s+\d{1,2}(?:\s*/\s*\d{1,4}){0,2}\b|\b\d{1,2}\s+thang\b"
    r"|\b\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\b|\b(?:19|20)\d{2}\b"
)


@lru_cache(maxsize=512)
def _question_figures(question: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+(?:[.,]\d+)*", PERIOD_NUMBER.sub(" ", fold(question))))


def _is_question_figure(match: re.Match[str], frame: QuestionFrame) -> bool:
    """A figure the question itself states ("nhà máy 617 tỉ") is not its answer; the number of
    a period it names is no figure ("Tháng 6 cấp mới bao nhiêu dự án?": "6 dự án")."""
    return match.group(1) in _question_figures(frame.text)


# The report's own board said as the subject of its sentence: "Ban Quản lý được Khối đề nghị
# …", "Đơn vị đã …" (a board named in full goes on: "Ban Quản lý các KCN tỉnh …").
SELF_REFERENCE = re.compile(
    r"(?:^|[,;:(]\s*|\.\s+)(?:Ban Quản lý|Ban|Đơn vị)\s+(?:đã|được|đạt|xếp|là|tiếp tục|có|đứng)\s", re.IGNORECASE
)
BOARD = re.compile(r"^ban\s+quan\s+ly\b")
# A board asked for ("Ban Quản lý nào", "Ban Quản lý KCN nào", "đơn vị nào", "tổ chức nào";
# folded): not a project, a company or a zone ("dự án nào", "doanh nghiệp nào", "KCN nào"),
# which no board answers.
BOARD_ASKED = re.compile(
    r"\b(?:ban\s+quan\s+ly|bql)(?:\s+(?:cac\s+)?(?:kcn|kkt|kcx|khu\s+(?:cong\s+nghiep|kinh\s+te|che\s+xuat)))?"
    r"\s+nao\b|\b(?:don\s+vi|co\s+quan|to\s+chuc|tap\s+the|thanh\s+vien)\s+nao\b"
)


def _as_name(issuer: str) -> str:
    """A letterhead's capitals as a name is written: "BAN QUẢN LÝ CÁC KCN TỈNH KIM SƠN" ->
    "Ban Quản lý các KCN tỉnh Kim Sơn" (acronyms and place names keep their capitals)."""
    if not issuer.isupper():
        return issuer
    acronyms = {fold(abbreviation) for abbreviation, _, _ in glossary_rows()}
    text = " ".join(w if fold(w) in acronyms else w.lower() for w in issuer.split())
    for place in reversed(find_places(text)):
        text = text[: place.start] + display_name(place.kind, place.key) + text[place.end :]
    return "Ban Quản lý" + text[len("ban quản lý") :] if BOARD.match(fold(text)) else text


def own_board(frame: QuestionFrame, quote: str, issuer: str) -> str:
    """The board that issued the report, for "đơn vị nào …" answered by a sentence whose
    subject is the report's own board ("Ban Quản lý được Khối đề nghị tặng Cờ thi đua"): the
    sentence does not say which board it is; its letterhead does. "" otherwise."""
    if frame.answer_type is not AnswerType.ORGANISATION or not BOARD.match(fold(issuer.strip())):
        return ""
    if not BOARD_ASKED.search(fold(frame.text)):  # "… là dự án nào?": "Ban Quản lý đã cấp …" names none
        return ""
    return _as_name(" ".join(issuer.split())) if SELF_REFERENCE.search(quote) else ""


# "… có đạt kế hoạch không?" names a plan; the quote's share of it settles the question
# ("đạt 79,05% kế hoạch năm", "vượt 4,35% kế hoạch", "đạt 48,3% (so kế hoạch năm điều chỉnh)").
# Matched folded.
PLAN_WORD = r"(?:ke hoach|kh|chi tieu|muc tieu)"
PLAN_ASKED = re.compile(rf"\b{PLAN_WORD}\b")
# The words of a question on a plan that every share's phrase has ("đạt … kế hoạch").
PLAN_TERMS = frozenset({"dat", "ke", "hoach", "kh", "hoan", "thanh", "chi", "tieu", "muc", "vuot", "bang"})
# A bracket after the share compares it with the plan ("(so kế hoạch …"); a growth or a part
# ("tăng 12% (kế hoạch …)", "chiếm 40%") is no share of the plan.
PLAN_SHARE = re.compile(
    r"(?<!\btang\s)(?<!\bgiam\s)(?<!\bchiem\s)(?<![\d.,])(?:\b(?P<verb>vuot|bang|dat|hoan thanh)\s+)?"
    r"(?P<share>\d{1,3}(?:[.,]\d+)?)\s*%\s*"
    rf"(?:\(\s*so(?:\s+voi)?\s+|so voi\s+|so\s+|cua\s+)?(?P<plan>{PLAN_WORD})\b"
)
# The share after the plan, in brackets: "chưa đạt kế hoạch (đạt 87,7%)"; or a table's cell
# headed by the plan ("Giá trị xuất khẩu — …; So với KH: 103,7%", "Tỷ lệ so với kế hoạch
# năm 2031 (%): 98,2%").
PLAN_SHARE_AFTER = re.compile(
    rf"\b(?P<verb>)(?:chua\s+)?(?:dat|hoan thanh)\s+{PLAN_WORD}\s*\(\s*(?:dat\s+|bang\s+)?"
    r"(?P<share>\d{1,3}(?:[.,]\d+)?)\s*%"
    rf"|(?:^|[;—:,]\s*)(?:(?:ty\s+le|%|th|thuc\s+hien)\s+)?so(?:\s+voi)?\s+(?P<plan>{PLAN_WORD})"
    r"(?:\s+(?:nam\s+)?\d{4})?\s*(?:\(%\))?"
    r"\s*:\s*(?P<cell>\d{1,3}(?:[.,]\d+)?)\s*%"
)  # the cell's label is the share: not "Tăng so với KH: 10,6%"


# A plan's figure: "kế hoạch", "chỉ tiêu" right before it ("… đạt 78,9% kế hoạch (kế hoạch
# 15.010 tỷ đồng)", "Kế hoạch năm 2032: 70%"), folded; not a ratio of plan to result ("Tỷ lệ KH
# 2032/TH 2031").
_PLAN_LABEL = re.compile(rf"\b{PLAN_WORD}\b(?:\s+(?:nam|giao|la|dat|de ra))*(?:\s+\d{{4}})?\s*$")
TARGET_ASKED = re.compile(r"\b(?:phan dau|du kien|du toan|duoc giao)\b")  # folded
# A clause a plan or an aim heads ("Tổng kế hoạch vốn …", "Phấn đấu cấp mới tối thiểu 10 dự án").
_PLAN_HEADS = re.compile(rf"(?:tong\s+)?(?:{PLAN_WORD}|phan dau|du kien)\b")
_PLAN_OPENS = re.compile(rf"\s*{PLAN_WORD}\b")  # a bracket the plan opens: "(kế hoạch năm là X …"


# What names a plan in a question without asking for its figure: a share of it ("đạt bao nhiêu
# % kế hoạch": the result's share), the ministry ("Bộ Kế hoạch và Đầu tư", "Sở KH&ĐT"), "theo kế
# hoạch" (folded).
_PLAN_NOT_ASKED = re.compile(
    rf"(?:bao nhieu\s*(?:%|phan tram)|%|phan tram)\s*(?:so voi\s+|cua\s+)?{PLAN_WORD}\b"
    rf"|\bso\s+(?:voi\s+)?{PLAN_WORD}\b"  # "đạt bao nhiêu và so với kế hoạch?": the result, then its share
    r"|\bke hoach (?:va|&) dau tu\b|\bkh\s*&\s*dt\b|\bkhdt\b|\btheo ke hoach\b"
)


def asks_plan(question: str) -> bool:
    """The question asks for a plan's figure ("chỉ tiêu … năm 2032 là bao nhiêu", "kế hoạch vốn
    FDI"), not a result measured against one ("… đạt bao nhiêu % kế hoạch")."""
    return bool(PLAN_ASKED.search(_PLAN_NOT_ASKED.sub(" ", fold(question))))


def plan_fit(quote: str, match: re.Match[str], unit: str, plan_asked: bool) -> bool:
    """Whether a figure is a plan's as much as the question asks for one: a result asked
    ("nộp ngân sách … bao nhiêu tỷ đồng") is not the plan's figure beside it, nor the reverse
    ("chỉ tiêu … năm 2032 là bao nhiêu"). A share ("78,9% kế hoạch") is weighed by its cue."""
    if unit == "%" and not plan_asked:
        return True
    return is_planned(quote, match) == plan_asked


def is_planned(quote: str, match: re.Match[str]) -> bool:
    """The figure is a plan's: "kế hoạch năm 2032 là X", a clause the plan heads ("Tổng kế
    hoạch vốn đầu tư công năm 2032 được giao là X"), a bracket it opens ("(kế hoạch năm là X
    đối với …, và Y đối với …)")."""
    label = fold(_own_label(quote, match)).strip(" :(")
    clause = re.split(r"[;,]", fold(_clause_tail(quote[: match.start()])))[-1].strip()
    if (_PLAN_LABEL.search(label) or _PLAN_HEADS.match(clause)) and "/" not in label:
        return True
    opened = _open_bracket(quote[: match.start()])
    return opened >= 0 and bool(_PLAN_OPENS.match(fold(quote[opened + 1 : match.start()])))


def asked_provinces(frame: QuestionFrame) -> set[str]:
    """The provinces asked, with those the 2025 merger linked to them, unless asked as the
    former units ("tỉnh Đồng Nai cũ": not the province merged into it)."""
    return {key for asked in frame.provinces for key in ({asked} if asked in frame.former else merged_keys(asked))}


def place_fit(own_words: str, asked: set[str], zones: Iterable[str] = ()) -> int:
    """0: the words name provinces, none of them asked; 1 otherwise. Naming the one asked earns
    nothing more: the sentence's subject often names it beside a figure of another metric
    (5 bold figures of the web set went wrong when it did). A zone asked that is named like a
    province ("KCN Hòa Bình" of Kon Tum, in ``zones``) names no province."""
    named = province_keys(own_words)
    # (A figure's own words may start after the zone's kind: " Hòa Bình đã lấp đầy 100%".)
    names = [zone.split(maxsplit=1)[-1] for zone in zones]
    named -= {key for name in names if _named(name, own_words) for key in named if key in name}
    return 0 if named and asked and not named & asked else 1


def plan_verdict(frame: QuestionFrame, quote: str) -> str:
    """For a yes/no question on a plan ("… có đạt kế hoạch không?", "… đã đạt KH chưa?"):
    whether the quote's share of the plan reaches it, with the share as written ("Chưa đạt:
    79,05% kế hoạch", "Vượt: 104,35% kế hoạch", "Vượt 4,35% kế hoạch"); "" when the quote gives
    no share of a plan."""
    if frame.answer_type is not AnswerType.YES_NO or not PLAN_ASKED.search(fold(frame.text)):
        return ""
    folded = fold(quote)  # fold keeps positions: the words as written
    shares = sorted([*PLAN_SHARE.finditer(folded), *PLAN_SHARE_AFTER.finditer(folded)], key=lambda m: m.start())
    if not shares:
        return ""
    # The share of the figure asked: the one whose words since the share before it name most
    # of the question's ("doanh thu … bằng 101,4% kế hoạch; xuất khẩu … bằng 99,4% kế hoạch"),
    # and not another province than the one asked ("… tỉnh A đạt 104,6% kế hoạch; của tỉnh B
    # đạt 91,2% kế hoạch": A's words name more of a question on B's export than B's do).
    # The question's content terms, zones and regions, not its plan words: "năm" of "6 tháng
    # đầu năm" had made "… kế hoạch năm (trong đó doanh thu xuất khẩu: …, đạt 7% kế hoạch"
    # the revenue's share of the plan.
    zones = {term for zone in frame.zones for term in terms_of(zone)}
    asked = (set(frame.terms) | zones | set(frame.regions)) - PLAN_TERMS
    provinces = asked_provinces(frame)
    starts = [0, *(m.end() for m in shares[:-1])]
    spans = [quote[start : m.start()] for start, m in zip(starts, shares, strict=True)]
    named = [(place_fit(words, provinces), len(set(terms_of(words)) & asked)) for words in spans]
    match = shares[named.index(max(named))]
    # The share and the plan's word as written, without what stands between them ("48,3% (so
    # kế hoạch" is "48,3% kế hoạch").
    written = match.group("share") or match.group("cell")
    said = f"{written}%"
    if match.groupdict().get("plan"):
        said += f" {quote[match.start('plan') : match.end('plan')]}"
    if match.group("verb") == "vuot":  # "vượt 4,35% kế hoạch": over the plan by that share
        return f"{quote[match.start('verb') : match.end('verb')].capitalize()} {said}"
    share = float(written.replace(",", "."))
    verdict = "Vượt" if share > 100 else "Đạt" if share == 100 else "Chưa đạt"
    return f"{verdict}: {said}"
