"""Does a sentence answer the question that was asked, or the same question about another
year, province, region, zone or person? Pure logic.

A constraint of the question (``QuestionFrame``: its years, provinces, regions, named
zones, people; and what it keeps apart, ``distinctions``: FDI or domestic capital, exports
or imports, new or standing projects, the award named) is met by a candidate sentence
when the sentence states it, or the sentence is silent about it and its paragraph,
headings, report title or document frame (the years and issuer found at ingest) state it.
A sentence that names another year and not the one asked is about that other year,
whatever its report covers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from langchain_core.documents import Document

from app.answering import distinctions
from app.answering.distinctions import Stated
from app.answering.frame import (
    DOCUMENT_NUMBER,
    MAX_SPAN,
    AnswerType,
    QuestionFrame,
    name_directions,
    ordinals_in,
    ranks_in,
    zone_as_written,
)
from app.answering.offices import offices_in
from ingest.docframe import without_issue_labels
from ingest.gazetteer import (
    MERGER_YEAR,
    absorbed_keys,
    appears_damaged,
    damaged_forms,
    display_name,
    find_places,
    merged_keys,
    provinces_in,
    region_of,
    regions_said,
)
from ingest.normalize import fold, is_ocr_text, runs_at, search_syllables, token_spans
from ingest.office import is_row_sentence
from ingest.sentences import split_sentences

# Years a sentence names without reporting on them: the year compared with ("so với cùng kỳ
# năm 2030") and the base year of constant prices ("theo giá so sánh năm …").
# Also with a few words between ("so với ước thực hiện năm 2031", "so với kế hoạch năm 2031").
# OCR damages the words around the year ("s0 v6i cung ky nim 2031"): still the year compared with.
COMPARED_YEAR = re.compile(
    r"(?:s[o0]\s+v[ớo6óơ]i|cùng\s+k[ỳì]|cung\s+k[yi]|giá\s+so\s+sánh|gia\s+so\s+sanh)\s+"
    r"(?:cùng\s+k[ỳì]\s+|cung\s+k[yi]\s+)?(?:n\w{1,2}m\s+)?(?:19|20)\d{2}"
    r"|s[o0]\s+v[ớo6óơ]i\s+(?:[^\s\d;,.()]+\s+){1,4}?(?:năm|nam)\s+(?:19|20)\d{2}"
    # "so với thời điểm 31/12/2030", "so với ngày 30/6/2031", "so với tháng 6/2031": a date compared with
    r"|s[o0]\s+v[ớo6óơ]i\s+(?:[^\s\d;,.()]+\s+){0,3}?(?:\d{1,2}\s*/\s*)?\d{1,2}\s*/\s*(?:19|20)\d{2}(?![\d/])",
    re.IGNORECASE,
)
# ... of them, a comparison with an earlier part of the same year ("so với đầu năm 2031", "so
# với tháng 6/2031", "so với ngày 30/6/2031"), which a sentence about later in that year makes
# (folded); not a year's end ("so với 31/12/2030": the year before).
COMPARED_EARLIER_IN_YEAR = re.compile(
    r"\b(?:dau|giua)\s+nam\b|\bthang\b|\bquy\b|(?<![\d/])(?!31\s*/\s*12\b)\d{1,2}\s*/\s*\d{1,2}\s*/"
)
# "… tăng 12,6% so với cùng kỳ năm 2031 (3.665 triệu USD)", "(cùng kỳ năm 2031 đạt 58,3%)": the
# year compared with, and its figure. The sentence is not about that year, but it states that
# year's figure: it answers a question asking for it.
# "so với cùng kỳ năm 2031", "cùng kỳ 2031": the year compared with, in its group.
COMPARED_WITH = (
    r"(?:s[o0]\s+v[ớo6óơ]i\s+|cùng\s+k[ỳì]\s+|cung\s+k[yi]\s+)(?:cùng\s+k[ỳì]\s+|cung\s+k[yi]\s+)?"
    r"(?:n\w{1,2}m\s+)?((?:19|20)\d{2})"
)
STATED_COMPARED_YEAR = re.compile(
    COMPARED_WITH + r"\s*(?:\([^()]*\d[^()]*\)|(?:là|la|đạt|dat|:)\s*\d)",
    re.IGNORECASE,
)
# "so với 61,2% của năm 2031", "so với mức 1,7 tỷ USD năm 2031": a base year with its figure.
# The sentence states that year's figure; its paragraph's other sentences are not about it.
BASE_FIGURE_YEAR = re.compile(
    r"so\s+v[ớo]i\s+(?:mức\s+|muc\s+)?\d[\d.,]*\s*%?(?:\s+[^\s;.\d]+){0,3}?\s+(?:của\s+|cua\s+)?"
    r"(?:năm|nam)\s+(?:19|20)\d{2}",
    re.IGNORECASE,
)
# "đạt 63,8% (năm 2031 là 59,2%)": the year before's figure in brackets. The sentence states
# it, but is about another year.
BRACKETED_BASE_YEAR = re.compile(
    r"\(\s*(?:năm|nam)\s+(?:19|20)\d{2}\s*(?:là|la|đạt|dat|:|-)\s*\d[^()]*\)", re.IGNORECASE
)
PERCENT_AFTER = re.compile(r"[\d.,]*\s*%")  # from the figure's first digit: a share, not an amount
YEAR = re.compile(r"(?<![\d.,/])(?:19|20)\d{2}(?![\d.,]\d)")
CITED_DOCUMENT = re.compile(
    DOCUMENT_NUMBER.pattern + r"(?:\)?\s*,?\s*(?:ban hành\s+|ban hanh\s+)?(?:ngày|ngay)\s+"
    r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+(?:tháng|thang)\s+\d{1,2}\s+(?:năm|nam)\s+\d{4}))?",
    re.IGNORECASE,
)
# The bloc as what a sentence reports on, folded: "các thành viên (của) Khối", "các đơn vị trong
# Khối", "toàn Khối", "các KCN, KKT trong Khối", "Khối (thi đua) đã thu hút / đạt / có"; not
# "Khối trưởng", "khối doanh nghiệp FDI", "dẫn đầu Khối", "khối lượng".
BLOC_ASKED = re.compile(r"\bkhoi\b")  # folded: a question on a bloc ("Khối Bắc Trung Bộ"), not on a region
BLOC_SAID = re.compile(
    r"\b(?:thanh\s+vien|don\s+vi(?:\s+thanh\s+vien)?)\s+(?:cua\s+|trong\s+|thuoc\s+)?khoi\b"
    r"|\b(?:toan|ca)\s+khoi\b"
    r"|\b(?:kcn|kkt|kcx)(?:\s*,\s*(?:kcn|kkt|kcx))*\s+(?:trong|cua|thuoc)\s+khoi\b"
    r"|\bkhoi\s+(?:thi\s+dua\s+)?(?:da\s+)?(?:thu\s+hut|dat|co)\b"
)
# A section heading on what comes next ("II. Phương hướng, nhiệm vụ 6 tháng cuối năm"): a plan.
FORWARD_SECTION = re.compile(r"\bphuong\s+huong\b|\bnhiem\s+vu\s+trong\s+tam\b")
# What a text leaves out of its figure: "(chưa tính KCN Tân Lập …)", "không kể tỉnh X",
# "ngoại trừ …", "Không tính …" opening a sentence; a name, up to the clause's end or to what
# the clause goes on to say of the rest ("chưa tính VAT năm 2031 đạt 120 tỷ đồng").
EXCLUDING = re.compile(
    r"(?i:\b(?:chưa|không|chua|khong)\s+(?:tính|kể|tinh|ke)|\bngo[ạa]i\s+tr[ừu]|(?<!khấu )(?<!loại )\btrừ)\b"
    r"(?=\s+(?:các\s+|cac\s+)?(?:KCN|KKT|KCX|khu|tỉnh|tinh|thành phố|[A-ZĐ]))"
    r"(?:(?!\s(?i:năm|nam|đạt|dat|là|la|có|co|tăng|tang|giảm|giam|chiếm|chiem)\b)[^,;.()\d]){0,60}",
)
# A footnote put back where it is referenced (``ingest.pdf_footnotes``, ``ingest.word_text``):
# "… 398,5 triệu USD (chú thích: không gồm 03 dự án chấm dứt năm 2022)". What it remarks on
# is not what the sentence reports: its years and places are no constraint the sentence meets.
NOTE = re.compile(r"\(chú thích:[^()]*(?:\([^()]*\)[^()]*)*\)")
# A share of the plan ("bằng 42,9% kế hoạch năm", "đạt 54% so với chỉ tiêu"): the plan is what
# the figure is measured against, not a figure the sentence gives. A question for the share or
# for how the result stands to the plan ("bằng bao nhiêu % kế hoạch?", "khu vực nào vượt kế
# hoạch cao hơn?", "so với kế hoạch năm thế nào?") is answered by such a sentence.
SHARE_OF_PLAN = re.compile(
    r"\d[\d.,]*\s*%\s*(?:so\s+v[ớo]i\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|ke\s+hoach|chi\s+tieu|KH)\b", re.IGNORECASE
)
SHARE_OF_PLAN_ASKED = re.compile(
    r"(?:%|phần\s+trăm|phan\s+tram|vượt|vuot|đạt|dat|hoàn\s+thành|hoan\s+thanh|bằng|bang|so\s+v[ớo]i)\s+"
    r"(?:(?:so\s+v[ớo]i|mức|muc)\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|ke\s+hoach|chi\s+tieu|KH)\b",
    re.IGNORECASE,
)
PLAN_GROUP, PLAN_SIDE = "figure", "plan"  # distinctions.tsv's "figure:plan"
FIGURE_ANSWERS = (AnswerType.NUMBER, AnswerType.PERCENT)
# A cell of a table row said as a sentence whose header names a year: "; Vốn đăng ký năm 2038: 655 triệu USD".
YEAR_CELL = re.compile(r"[^;—]*\b(?:năm|nam)\s+(?:19|20)\d{2}\s*:[^;]*", re.IGNORECASE)
YEAR_RANGE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-–—]|\s(?:đến|den|tới|toi)\s+(?:năm\s+|nam\s+)?)\s*((?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)
# "cả giai đoạn", "toàn giai đoạn", "giai đoạn này" (folded): the span of years the passage is about.
WHOLE_SPAN = re.compile(r"\b(?:(?:ca|toan|suot)\s+giai\s+doan|giai\s+doan\s+nay)\b(?!\s*(?:19|20)\d{2})", re.IGNORECASE)
# A span compared with ("gấp 2 lần so với giai đoạn 2026 - 2030"): named, not reported on.
COMPARED_SPAN = re.compile(
    r"so\s+v[ớo]i\s+(?:[^\s\d;,.()]+\s+){0,4}?(?:19|20)\d{2}\s*(?:[-–—]|\s(?:đến|den)\s+(?:năm\s+|nam\s+)?)\s*(?:19|20)\d{2}",
    re.IGNORECASE,
)


# Periods, matched on folded text ("ngày 09 tháng 01" is a date, not "9 tháng", nine months).
# A question for a whole year ("cả năm 2032", "đến hết năm 2033") is not answered by a
# figure for part of it ("từ đầu năm đến 26/9", "đến hết tháng 6").
# "kế hoạch cả năm" names the year's plan, not the period of the figure ("6 tháng đạt 62%
# kế hoạch cả năm").
# Nor a budget's: "dự toán năm", "dự toán cả năm".
WHOLE_YEAR = re.compile(r"\b(?<!hoach )(?<!nua )(?<!\bdu )(?<!du toan )(?:ca|toan|het|cuoi)\s+nam\b")
# ... named as what a figure is of ("…; Cả năm: 655,1", "cả năm thu hút 40 dự án"), not the
# end of a span ("6 tháng cuối năm"), nor a plan's or an aim's ("chỉ tiêu cả năm", "phấn đấu
# cả năm đạt", "dự kiến cả năm"), nor what a share compares with ("so với cả năm").
WHOLE_YEAR_AIMED = re.compile(r"\b(?:ca|toan)\s+nam\b")
WHOLE_YEAR_NAMED = re.compile(
    r"(?<!\bhoach\s)(?<!\btieu\s)(?<!\bkh\s)(?<!\bvoi\s)(?<!\bso\s)(?<!\bdau\s)(?<!\bkien\s)(?<!\buoc\s)(?<!\bdu\s)(?<!\btoan\s)"
    r"\b(?:ca|toan)\s+nam\b"
)
PART_OF_YEAR = re.compile(
    r"\b(?<!ngay\s)(?:\d{1,2}|mot|hai|ba|sau|chin)\s+thang\b|\bquy\s+(?:[ivx]+|\d)\b|\btu\s+dau\s+nam\b"
    r"|\b(?:het|den)\s+thang\b|\b(?:den|tinh den)\s+(?:ngay\s+)?(?!31\s*[-/]\s*12\b)\d{1,2}\s*[-/]\s*\d{1,2}\b"
    r"|\b(?:giua|nua dau|nua cuoi)\s+nam\b"
)  # "đến 31/12" is the end of the year, not part of it; "đến giữa năm" is
# A question for a plan or target of the whole year ("kế hoạch thu hút đầu tư cả năm 2032")
# is answered by a sentence that states the year's plan, whatever period it reports on ("6
# tháng đạt 56% kế hoạch cả năm 2032 (25 dự án)").
PLAN_ASKED = re.compile(r"\b(?:ke\s+hoach|chi\s+tieu|muc\s+tieu)\b")
PLAN_OF_YEAR = re.compile(r"\b(?:ke\s+hoach|chi\s+tieu|muc\s+tieu)\s+(?:ca\s+)?nam\b")
# "9 tháng", and the same span said from the start of the year: "từ đầu năm (2031) đến hết
# tháng 9". A bare "đến tháng 9/2031" is a point in time (a running total), not a span.
MONTHS = re.compile(
    r"\b(?<!ngay\s)(\d{1,2})\s+thang\b"
    r"|\btu\s+dau\s+nam(?:\s+(?:19|20)\d{2})?\s*,?\s+(?:den|toi)\s+(?:het\s+|cuoi\s+)?thang\s+(\d{1,2})\b"
)
N_MONTHS = re.compile(r"\b(?<!ngay\s)\d{1,2}\s+thang\b")  # "9 tháng": a span asked as such ("ngày 9 tháng 1": a date)
# A monthly report's period label ("tháng 11/2031") is an N-month span for a cumulative
# paragraph ("lũy kế từ đầu năm đến nay").
MONTH_OF_YEAR = re.compile(r"\bthang\s+(\d{1,2})\s*/\s*(?:19|20)\d{2}\b")
# The two halves of a year: a question for one is not answered by a sentence or paragraph
# about the other ("kế hoạch 6 tháng cuối năm" in a half-year report).
HALVES = {
    "6 tháng đầu năm": re.compile(r"\b(?:6|06|sau)\s+thang\s+dau\s+nam\b|\bnua\s+dau\s+nam\b"),
    "6 tháng cuối năm": re.compile(r"\b(?:6|06|sau)\s+thang\s+cuoi\s+nam\b|\bnua\s+cuoi\s+nam\b"),
}
# A quarter ("quý III", "quý 3/2031"): a question for one is not answered by a sentence (or,
# silent, its paragraph or heading) about another quarter or about some months of the year.
# "3 tháng đầu năm" is quý I; so is a running total to its end ("tính đến hết ngày 31 tháng 3").
FIRST_QUARTER = re.compile(
    r"\b(?:3|ba)\s+thang\s+dau\s+nam\b"
    r"|\b(?:den|toi)\s+het\s+(?:ngay\s+)?31\s*(?:/|-|\s+thang\s+)0?3\b|\b(?:den|toi)\s+het\s+thang\s+0?3\b"
)
QUARTER = re.compile(r"\bquy\s+(iv|i{1,3}|[1-4])(?![a-z])")
QUARTER_NUMBER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ROMAN_QUARTER = {1: "I", 2: "II", 3: "III", 4: "IV"}
# A calendar month ("tháng 5/2031", "Tháng 3:", "cuối tháng 9"), not a span ("5 tháng"), a
# date ("ngày 05 tháng 7") nor a running total's end ("đến hết tháng 6"): folded.
SINGLE_MONTH = re.compile(
    r"(?<!\d\s)(?<!\bden\s)(?<!\bhet\s)(?<!\btoi\s)(?<!\bden\scuoi\s)(?<!\btoi\scuoi\s)"
    r"\bthang\s+(\d{1,2})(?!\d|[.,]\d)"
)  # "cuối tháng 9" is that month's end; "đến cuối tháng 9" a running total's
# A running total to a date ("đến hết tháng 3/2031", "lũy kế") is no quarter's figure.
TO_DATE = re.compile(r"\b(?:den|toi)\s+(?:het|cuoi)\s+(?:thang|quy|ngay)\b|\bluy\s+ke\b")
YEAR_END_REVIEW = re.compile(r"\btong\s+ket\b")
MID_YEAR_REVIEW = re.compile(r"\bso\s+ket\b")
# The year a review meeting reviews ("Hội nghị tổng kết công tác thi đua năm 2031", held in
# January 2032): the first year named after "tổng kết"/"sơ kết" in its clause (folded).
# Not the year it is held in ("tổng kết tổ chức năm 2032"), nor after a comma ("Theo báo cáo
# tổng kết, năm 2032 …"), nor a span's first ("tổng kết 5 năm 2031-2035").
REVIEWED_YEAR = re.compile(
    r"\b(?:tong|so)\s+ket\b(?:(?!\b(?:to\s+chuc|dien\s+ra|vao|trong|tai)\b)(?!,\s*nam\b)[^.;:]){0,80}?"
    r"(?<!\d\s)\bnam\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)"
)
CUMULATIVE = re.compile(r"\b(?:tu\s+dau\s+nam|luy\s+ke)\b")
SINCE_FOUNDING = re.compile(r"\bluy\s+ke\b")  # a running total of all years, not from the year's start


@lru_cache(maxsize=4096)  # a paragraph's periods are read once per sentence of it
def period_parts(text: str) -> tuple[bool, bool, frozenset[int]]:
    """(asks/states a whole year, states part of a year, the "N tháng" spans named)."""
    folded = fold(text)
    return (
        bool(WHOLE_YEAR.search(folded)),
        bool(PART_OF_YEAR.search(folded)),
        frozenset(int(a or b) for a, b in MONTHS.findall(folded) if 1 <= int(a or b) <= 12),
    )


# The year of a date or a month ("31/3/2031", "tháng 3/2031", "quý I/2031"); not the year
# inside a document's number ("12/2031/NĐ-CP"), which is when it was issued.
# A full date, day and month given: "ngày 09 tháng 01 năm 2073", "9/1/2073", "3-4/1/2073".
FULL_DATE = re.compile(
    r"\b\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?:\s+(?:tháng|thang)\s+|\s*[/.-]\s*)\d{1,2}"
    r"(?:\s+(?:năm|nam)\s+|\s*[/.-]\s*)((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
DATED_YEAR = re.compile(r"(?:\b\d{1,2}|\b[IVX]{1,4})/(?:\d{1,2}/)?((?:19|20)\d{2})(?![\d/])")


def years_in(text: str, ranges: bool = True) -> frozenset[int]:
    """Years a text names, dated ones, and the years inside a span ("2031 – 2035") filled in;
    without ``ranges``, a span's years are left out (it is about the span, not its last year)."""
    if not ranges:
        text = YEAR_RANGE.sub(lambda m: " " if _is_span(m) else m.group(), text)
    years = {int(y) for y in [*YEAR.findall(text), *DATED_YEAR.findall(text)]}
    for match in YEAR_RANGE.finditer(text) if ranges else ():
        if _is_span(match):
            years.update(range(int(match.group(1)), int(match.group(2)) + 1))
    return frozenset(years)


def _is_span(match: re.Match[str]) -> bool:
    return 0 < int(match.group(2)) - int(match.group(1)) <= MAX_SPAN


def spans_in(text: str) -> frozenset[tuple[int, int]]:
    """The spans of years a text names ("giai đoạn 2031 - 2035", "từ năm 2031 đến năm 2035")."""
    return frozenset((int(m.group(1)), int(m.group(2))) for m in YEAR_RANGE.finditer(text) if _is_span(m))


@dataclass(frozen=True)
class Mentions:
    years: frozenset[int] = frozenset()
    provinces: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    syllables: tuple[str, ...] = ()
    ocr: bool = False  # accent-less OCR text: names are also looked for by edit distance
    capitals: tuple[bool, ...] = ()  # per syllable: typed with a capital (a province's name is)

    @staticmethod
    @lru_cache(maxsize=4096)
    def of(text: str, around: bool = False) -> Mentions:
        """``around``: the text is what surrounds a sentence (its paragraph), whose base years
        with their figures are not what the other sentences are about. What it leaves out
        ("chưa tính KCN Tân Lập đang giải phóng mặt bằng") it is not about."""
        text = EXCLUDING.sub(" ", NOTE.sub(" ", text))
        places = find_places(text)
        syllables = tuple(search_syllables(text))
        # A cited document's number and date ("Thông tư số 07/2031/TT-BNV ngày 14 tháng 6 năm
        # 2031") say when it was issued, not what the text is about.
        compared = COMPARED_YEAR.sub(" ", COMPARED_SPAN.sub(" ", CITED_DOCUMENT.sub(" ", text)))
        return Mentions(
            years=years_in(BRACKETED_BASE_YEAR.sub(" ", BASE_FIGURE_YEAR.sub(" ", compared)) if around else compared),
            provinces=frozenset(p.key for p in places if p.kind == "province"),
            regions=frozenset(key for p in places if p.kind == "region" for key in regions_said(p)),
            syllables=syllables,
            ocr=is_ocr_text(text),
            capitals=_capitals(text, syllables),
        )

    @staticmethod
    def of_places(places: tuple[str, ...]) -> Mentions:
        """The places of a document frame ("province:hung yen", "region:dbsh")."""
        pairs = [p.partition(":")[::2] for p in places]
        return Mentions(
            provinces=frozenset(key for kind, key in pairs if kind == "province"),
            regions=frozenset(key for kind, key in pairs if kind == "region"),
        )

    def __or__(self, other: Mentions) -> Mentions:
        return Mentions(
            self.years | other.years,
            self.provinces | other.provinces,
            self.regions | other.regions,
            (*self.syllables, "|", *other.syllables),
            self.ocr or other.ocr,
            (*self.capitals, False, *other.capitals) if self._lined_up and other._lined_up else (),
        )

    @property
    def _lined_up(self) -> bool:
        return len(self.capitals) == len(self.syllables)


def _capitals(text: str, syllables: tuple[str, ...]) -> tuple[bool, ...]:
    """Whether each of ``syllables`` (``search_syllables(text)``) was typed with a capital;
    () when a token gave no syllable and the two no longer line up (no capital is required then)."""
    spans = token_spans(text)
    return tuple(m.group()[:1].isupper() for m in spans) if len(spans) == len(syllables) else ()


def stored_years(meta: dict) -> tuple[int, ...]:
    """The years a passage's report is about, as stored with it ("2031,2032"), its own first."""
    return tuple(int(y) for y in str(meta.get("doc_years", "")).split(",") if y.strip().isdigit())


@dataclass(frozen=True)
class PassageContext:
    """What a passage states around its sentences: paragraph, headings + title, document frame."""

    paragraph: Mentions
    framing: Mentions  # headings, title, issuer and the places of the document frame
    document_years: frozenset[int]
    paragraph_text: str = ""
    framing_text: str = ""  # headings, title and the document's period label
    # The years the nearest heading that names any is about ("I. Kết quả thực hiện năm 2031"
    # in a plan for 2032): they, not the title's, are the years of its silent sentences.
    section_years: frozenset[int] = frozenset()
    headings: tuple[str, ...] = ()  # the section headings, outermost first
    # The provinces the passage's report names in its other passages at hand: a report that
    # names a province on its own is not speaking of it as merged into another in 2025.
    apart: frozenset[str] = frozenset()
    period: str = ""  # the report's own period, as its frame read it ("quý I năm 2031")

    @staticmethod
    def of(document: Document, apart: frozenset[str] = frozenset()) -> PassageContext:
        meta = document.metadata
        framing_text = " \n ".join([str(meta.get("title", "")), str(meta.get("issuer", "")), *meta.get("headings", [])])
        doc_years = frozenset(stored_years(meta))
        doc_places = tuple(p for p in str(meta.get("doc_places", "")).split(",") if p)
        headed = Mentions.of(" \n ".join(meta.get("headings", [])))
        if headed.provinces:
            # A section headed by a province is about that province, whatever the report's
            # most named ones are ("1.11. Ban Quản lý các KCN tỉnh Kim Sơn" in a bloc report).
            doc_places = tuple(p for p in doc_places if not p.startswith("province:"))
        framing = Mentions.of(framing_text) | Mentions.of_places(doc_places)
        period_text = f"{framing_text} \n {meta.get('period', '')}"
        headings = list(meta.get("headings", []))
        # The report's own year: the first of its years (its title's; "Báo cáo kết quả năm
        # 2031 và phương hướng năm 2032" names 2031 first), not the latest.
        own_year = next(iter(stored_years(meta)), None)
        section_years = _section_years(headings, own_year)
        return PassageContext(
            Mentions.of(document.page_content, around=True),
            framing,
            doc_years,
            document.page_content,
            period_text,
            section_years,
            tuple(headings),
            apart,
            str(meta.get("period", "")),
        )


# A section about the year after the report's, named so ("5. Kế hoạch năm tới", "Phương
# hướng nhiệm vụ năm sau"); matched folded.
NEXT_YEAR = re.compile(r"\bnam\s+(?:toi|sau|ke\s+tiep)\b")


def _section_years(headings: Sequence[str], report_year: int | None) -> frozenset[int]:
    """The years of the nearest heading that says which: those it names, or the year after the
    report's for "năm tới" / "năm sau"."""
    for heading in reversed(headings):
        years = Mentions.of(heading).years
        if years:
            return years
        if report_year is not None and NEXT_YEAR.search(fold(heading)):
            return frozenset({report_year + 1})
    return frozenset()


@dataclass(frozen=True)
class ConstraintCheck:
    met: bool  # every constraint of the question holds for this sentence
    in_sentence_share: float  # share of the question's constraints the sentence states itself
    satisfied: frozenset[str] = frozenset()  # constraint values met ("năm 2031", "province:dong nai")
    failed: tuple[str, ...] = ()  # constraint values not met, as labels for the user
    held: tuple[str, ...] = ()  # what the passage states instead (its years), for a helpful refusal
    conflicts: tuple[str, ...] = field(default=())
    assumed: frozenset[str] = frozenset()  # met only because the report is undated: not stated
    # A province asked met by one the 2025 merger linked to it (asked key, key stated): "Long An"
    # for "Tây Ninh" (merged into it), "Phú Thọ" for "Vĩnh Phúc" (which it became part of). The
    # answer says so.
    merged_into: tuple[tuple[str, str], ...] = ()

    @property
    def stated(self) -> frozenset[str]:
        """Constraint values the passage states (an undated report does not state a year)."""
        return self.satisfied - self.assumed


def constraint_key(kind: str, value: object) -> str:
    """A constraint as the checks name it: ("year", 2031) → "năm 2031", ("province", "ha nam")
    → "province:ha nam"; "region" and "name" as provinces are."""
    if kind == "span":  # ("span", "2031–2035")
        return f"giai đoạn {value}"
    return f"năm {value}" if kind == "year" else f"{kind}:{value}"


def constraint_label(constraint: str, question: str = "") -> str:
    """A constraint value as the user reads it: "province:ha nam" → "Hà Nam", a zone as the
    question writes it ("name:kcn tan lap" → "KCN Tân Lập")."""
    kind, _, value = constraint.partition(":")
    if kind in ("province", "region"):
        return display_name(kind, value)
    if kind != "name":
        return constraint
    written = zone_as_written(question, value) or value
    first, _, rest = written.partition(" ")
    return f"{first.upper()} {rest}" if first in ZONE_KINDS else written  # not found: "KCN tan lap"


ZONE_KINDS = frozenset({"kcn", "kkt", "kcx", "ccn", "cnc"})


# A zone by its name: its kind, then a capital ("KCN Tân Lập", OCR'd "KCN Bau Can Tay"), and
# an average over the zones ("bình quân các KCN", "trung bình"): folded search form.
_ZONE_KIND = r"(?:kcn|kkt|kcx|ccn|khu (?:cong nghiep|kinh te|che xuat)|cum cong nghiep)"
_ZONE_THEN_WORD = re.compile(rf"\b{_ZONE_KIND}[ \t]+(?!{_ZONE_KIND}\b)([^\W\d_])", re.IGNORECASE)
_AVERAGE = re.compile(r"\b(?:binh quan|trung binh)\b")


@lru_cache(maxsize=4096)
def _speaks_of_zones(sentence: str) -> bool:
    """The sentence names a zone of its own or gives an average over the zones. (The zones
    together are not enough: "các KCN của tỉnh" hold the one asked.)"""
    sentence = unicodedata.normalize("NFC", sentence)
    folded = fold(sentence)  # same length and offsets as the NFC sentence
    # "các KCN Quảng Ngãi" are the province's zones, which hold the one asked.
    provinces = {p.start for p in find_places(sentence) if p.kind == "province"}
    named = any(
        sentence[m.start(1)].isupper() and m.start(1) not in provinces for m in _ZONE_THEN_WORD.finditer(folded)
    )
    return named or bool(_AVERAGE.search(" ".join(search_syllables(sentence))))


ROMAN_NUMERALS = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9"}
ROMAN_OF = {digit: roman for roman, digit in ROMAN_NUMERALS.items()}


def _name_keys(name: str, person: bool, whole: bool) -> tuple[str, ...]:
    """The part of a name a passage must state: a person's last two syllables ("Thu Hương"
    for "Bùi Thị Thu Hương"); a zone's name after its kind, whole when the question wrote it
    in capitals (``whole``: "KCN Long Giao Nam" is not "KCN Long Giao Bắc"), else its first
    two words ("kcn lapha moi" → "lapha moi"), since a question typed in lower case may run on
    past the name, and a third that tells zones of that stem apart, a direction or a number
    ("kcn tinh phong dong" is not "KCN Tịnh Phong Tây"). A zone's number may be written either
    way ("III", "3")."""
    words = name.split()
    if person:
        return (" ".join(words[-2:]),)
    if len(words) > 1 and words[0] in ZONE_KINDS:
        words = words[1:]
    if not whole:
        third = words[2:3]
        telling = bool(third) and (third[0] in name_directions() or third[0] in ROMAN_NUMERALS or third[0].isdigit())
        words = words[: 3 if telling else 2]  # "kcn vetra 2" typed for "KCN Vetra II": its number either way too
    digits = [ROMAN_NUMERALS.get(w, w) for w in words]
    romans = [ROMAN_OF.get(w, w) for w in words]
    return tuple(dict.fromkeys([" ".join(words), " ".join(digits), " ".join(romans)]))


def _states_name(key: str, mentions: Mentions, whole: bool) -> bool:
    """The name is in the text, a letter of damage allowed (OCR); as written when it is a
    zone's whole name in a text that is no OCR ("Long Giao Bắc" is one letter in five from
    "Long Giao Nam"), and always in its number ("KCN Kim Sơn 2" is not "KCN Kim Sơn 3")."""
    words = key.split()
    if (whole and not mentions.ocr) or words[-1].isdigit() or words[-1] in ROMAN_NUMERALS:
        return bool(runs_at(words, mentions.syllables))
    return appears_damaged(key, mentions.syllables)


def _named_in_ocr(kind: str, key: str, mentions: Mentions) -> bool:
    """OCR text loses accents and misreads letters ("dong bang séng Hong"): look for the
    place's names by edit distance."""
    capitals = mentions.capitals if kind == "province" else None  # a region is written in lower case
    return mentions.ocr and any(
        appears_damaged(form, mentions.syllables, capitals) for form in damaged_forms(kind, key)
    )


def _province_met(key: str, mentions: Mentions, others: frozenset[str] = frozenset(), merged: bool = True) -> bool:
    """``others``: the other provinces the question names. "Bạc Liêu và Cà Mau" asks about
    two provinces, not about the merged Cà Mau twice: neither then stands for the other.
    ``merged``: the passage may speak of the provinces as merged in 2025; a report of 2031
    on Vĩnh Long covers the former Bến Tre, one of 2014 does not."""
    linked = (merged_keys(key) if merged else frozenset({key})) - others
    return bool(linked & mentions.provinces) or _named_in_ocr("province", key, mentions)


def _region_met(key: str, mentions: Mentions, by_province: bool = True) -> bool:
    """The region is named (``regions_said``: "Khối … vùng Bắc Trung Bộ và Duyên hải miền
    Trung" names "Khối Bắc Trung Bộ"), or (``by_province``) a province of it is."""
    if key in mentions.regions or _named_in_ocr("region", key, mentions):
        return True
    return by_province and any(key in region_of(p) for p in mentions.provinces)


def stated_years(sentence: str) -> frozenset[int]:
    """The years a sentence reports on: named, not compared with, not inside a range, not
    those of a document it cites."""
    return years_in(COMPARED_YEAR.sub(" ", CITED_DOCUMENT.sub(" ", NOTE.sub(" ", sentence))), ranges=False)


# A former province named as such ("khu vực Hà Nam cũ", "tỉnh Bến Tre (cũ)"), or the merger of
# provinces itself ("sau sáp nhập", "hợp nhất tỉnh"): as written, accents and all (OCR text
# without them says nothing here); not "nhà xưởng cũ", "doanh nghiệp … sáp nhập".
FORMER_AFTER = re.compile(r"\s*\(?\s*cũ\b", re.IGNORECASE)
MERGER_SAID = re.compile(
    r"\b(?:sau|trước)\s+(?:khi\s+)?(?:sáp nhập|hợp nhất)\b"
    r"|\b(?:sáp nhập|hợp nhất)\s+(?:các\s+)?(?:tỉnh|đơn vị hành chính)\b",
    re.IGNORECASE,
)


def _speaks_of_merger(*texts: str) -> bool:
    for text in map(lambda t: unicodedata.normalize("NFC", t), texts):
        if MERGER_SAID.search(text):
            return True
        if any(p.kind == "province" and FORMER_AFTER.match(text, p.end) for p in find_places(text)):
            return True
    return False


def _reviewed_years(text: str) -> frozenset[int]:
    return frozenset(int(year) for year in REVIEWED_YEAR.findall(fold(text)))


def _compared_years(text: str) -> frozenset[int]:
    """The years a text compares with ("so với cuối năm 2030", "cùng kỳ 2030")."""
    return frozenset(year for match in COMPARED_YEAR.finditer(text) for year in years_in(match.group(), ranges=False))


def check_constraints(frame: QuestionFrame, sentence: str, context: PassageContext) -> ConstraintCheck:
    # A sentence about a span of years ("tăng bình quân giai đoạn 2032-2035 khoảng 15%/năm")
    # does not state the figure of a year inside it; its paragraph still covers them.
    own = replace(Mentions.of(sentence), years=stated_years(sentence))
    around = context.paragraph | context.framing
    satisfied: set[str] = set()
    failed: list[str] = []
    in_sentence = 0
    total = 0
    conflicts: list[str] = []
    assumed: set[str] = set()

    def record(label: str, in_own: bool, in_around: bool) -> None:
        nonlocal in_sentence, total
        total += 1
        in_sentence += in_own
        if in_own or in_around:
            satisfied.add(label)
        else:
            failed.append(label)

    # A report whose years are unknown (an undated page) can neither confirm nor contradict a year.
    undated = not (context.paragraph.years or context.framing.years or context.document_years)
    # A base year with its figure ("(năm 2031 là 59,2%)", "so với 59,4% của năm 2031") is stated,
    # but the sentence is about another year: the report's, when it names none other.
    based = BRACKETED_BASE_YEAR.search(sentence) or BASE_FIGURE_YEAR.search(sentence)
    unbased = BASE_FIGURE_YEAR.sub(" ", BRACKETED_BASE_YEAR.sub(" ", sentence))
    main_years = stated_years(unbased) if based else own.years
    if is_row_sentence(sentence):
        # A table row's cell headed by a year ("Vốn đăng ký năm 2038: 655 triệu USD") is that
        # cell's: the row is about its table's year unless its other cells name one.
        main_years = stated_years(YEAR_CELL.sub(" ", sentence))
    if frame.answer_type is AnswerType.DATE:
        # The date asked is the answer, not the period the sentence is about: a year's review
        # meets in January of the next ("Thời gian: ngày 09 tháng 01 năm 2073" for 2072's).
        main_years = main_years & stated_years(FULL_DATE.sub(" ", sentence))
    # ... not a share of it: a table row's "So với năm 2023: 93,8%" compares, it states no 2023 figure.
    stated_compared = {
        int(match.group(1))
        for match in STATED_COMPARED_YEAR.finditer(sentence)
        if not PERCENT_AFTER.match(sentence, match.end() - 1)
    }
    # A year the question only compares with ("… tăng bao nhiêu so với cuối năm 2030?") is met
    # by a sentence that compares with it: the question asks of the report's own period.
    compared_with = (_compared_years(frame.text) - stated_years(frame.text)) & _compared_years(sentence)
    # A sentence about a span of years ("Giai đoạn 2031 – 2035, … 58 dự án") reports on the
    # span, not on a year of it: it is not silent on the year asked, nor does it state it.
    main_spans = spans_in(COMPARED_SPAN.sub(" ", sentence)) - set(frame.spans)
    # "Hội nghị tổng kết năm 2032 ở đâu?": not the meeting reviewing 2031, held in 2032.
    reviewed_said = _reviewed_years(sentence)
    other_review = (_reviewed_years(frame.text) - reviewed_said) if reviewed_said else frozenset()
    main_years |= reviewed_said if other_review else frozenset()
    # "đạt X (tăng 4,3% so với cùng kỳ năm 2030)": about a period after 2030, whatever its
    # paragraph names ("so với đầu năm 2030" may be about later in 2030).
    compared_only = {
        year
        for match in COMPARED_YEAR.finditer(sentence)
        if not COMPARED_EARLIER_IN_YEAR.search(fold(match.group()))
        for year in years_in(match.group(), ranges=False)
    }
    # A silent sentence is of the year its paragraph last named before it ("… danh hiệu thi đua
    # năm 2038. Khối thống nhất đề nghị tặng Cờ thi đua cho …"), not of one a caption glued before names.
    years_before = _years_named_before(sentence, context.paragraph_text)
    for year in sorted(frame.years):
        in_own = year not in other_review and (year in own.years or year in stated_compared or year in compared_with)
        # A sentence naming only other years is about them, not about the year asked (a year
        # before's figure in brackets aside); in a comparison, a sentence about one of the
        # years asked is about that one only.
        silent = not main_years if frame.comparison else not (main_years - frame.years)
        silent = silent and not main_spans and year not in compared_only
        # A paragraph that names its years says which of the report's years it is about.
        # So does a heading that names its years, over the report's title and frame.
        in_around = silent and (
            undated
            or year in (years_before or context.paragraph.years)
            or year in (context.section_years or context.framing.years)
            or (year in context.document_years and not context.paragraph.years and not context.section_years)
        )
        if not in_own and not silent:
            conflicts.append(constraint_key("year", year))
        if in_around and not in_own and undated:
            assumed.add(constraint_key("year", year))
        record(constraint_key("year", year), in_own, in_around)
    for span in frame.spans:
        _check_span(frame, span, sentence, main_years, context, undated, record, conflicts)
    _check_period(frame.text, sentence, context, record, frame.answer_type in FIGURE_ANSWERS)
    passage_years = own.years | context.paragraph.years | context.framing.years | context.document_years
    merged = not passage_years or max(passage_years) >= MERGER_YEAR  # an undated passage may be either
    merged_into: list[tuple[str, str]] = []
    for key in frame.provinces:
        others = frozenset(frame.provinces) - {key}
        # A report of 2087 with a section on Hà Nam and one on Ninh Bình keeps them apart;
        # one that speaks of "Hà Nam cũ" or of the merger does not.
        # One asked as the former unit ("tỉnh Đồng Nai cũ") is that unit alone.
        linked = (
            merged
            and key not in frame.former
            and (key not in context.apart or _speaks_of_merger(sentence, context.paragraph_text))
        )
        in_own = _province_met(key, own, others, linked)
        # Likewise a sentence about other provinces only is not about the one asked.
        silent = not own.provinces
        in_around = silent and _province_met(key, around, others, linked)
        record(constraint_key("province", key), in_own, in_around)
        stated = own.provinces if in_own else around.provinces if in_around else frozenset()
        if stated and key not in stated:
            merged_into += [(key, old) for old in sorted((absorbed_keys(key) - others) & stated)]
            became = merged_keys(key) - absorbed_keys(key) - {key}  # the unit the one asked is part of
            merged_into += [(key, new) for new in sorted((became - others) & stated)]
    # Not for a superlative ("đơn vị nào xếp hạng cuối, bao nhiêu điểm?"): it asks for a member's row.
    whole_region_figure = (
        frame.answer_type in FIGURE_ANSWERS and not frame.provinces and not frame.zones and not frame.superlative
    )
    for key in frame.regions:
        # A report framed by another region (a bloc's) is not about this one for naming a
        # province of it: Gia Lai, since 2025 in Tây Nguyên and Nam Trung Bộ alike, is a
        # member of the Nam Trung Bộ bloc there. A region inside the one asked is part of it
        # (Đông Nam Bộ of "miền Nam").
        by_province = not context.framing.regions or any(
            provinces_in(framed) <= provinces_in(key) for framed in context.framing.regions
        )
        if whole_region_figure and not BLOC_SAID.search(fold(sentence)):
            # "Tổng vốn FDI của Khối ĐBSH": the region's own figure, not that of one of its
            # provinces (a province's report, a section or sentence on one province; a
            # sentence listing the members, or saying "các thành viên Khối", is about them all).
            headed = Mentions.of(" \n ".join(context.headings)).provinces
            about_province = len(own.provinces) == 1 or (not own.provinces and len(headed) == 1)
            record(
                constraint_key("region", key),
                _region_met(key, own, by_province=False),
                not about_province and _region_met(key, around, by_province=False),
            )
            continue
        # A sentence about provinces of other regions only is not about the one region asked,
        # whatever its report's bloc ("Tỉnh nào ở Bắc Trung Bộ …": not "tỉnh Quảng Ngãi thu hút
        # 40 dự án"); a bloc asked has members beyond the region it is named by ("Khối Bắc Trung
        # Bộ" for the bloc of "Bắc Trung Bộ và Duyên hải miền Trung"), and two regions named may
        # be one bloc's area ("Khối Nam Trung Bộ và Tây Nguyên").
        elsewhere = (
            len(frame.regions) == 1
            and not BLOC_ASKED.search(fold(frame.text).lower())
            and bool(own.provinces)
            and not any(key in region_of(p) for p in own.provinces)
        )
        record(
            constraint_key("region", key),
            _region_met(key, own, by_province),
            not elsewhere and _region_met(key, around, by_province),
        )
    for name in (*frame.zones, *frame.people):
        person = name in frame.people
        whole = frame.names_capitalised and not person
        keys = _name_keys(name, person=person, whole=whole)
        # Like a province, a zone named around a sentence that names other zones, or gives their
        # average ("bình quân các KCN đạt 84%"), is not what the sentence is about.
        silent = person or not _speaks_of_zones(sentence)
        in_own = any(_states_name(key, own, whole) for key in keys)
        in_around = silent and any(_states_name(key, around, whole) for key in keys)
        record(constraint_key("name", name), in_own, in_around)
    for n in sorted(frame.ordinals):
        # "Hội thao lần thứ III": not a sentence, paragraph or section about the fourth; one
        # that names no time of that event may be about it ("Đại hội Đảng bộ lần thứ XXI" is
        # another event's).
        event = frame.ordinal_event
        said = ordinals_in(sentence, event)
        around_said = ordinals_in(context.paragraph_text, event) | ordinals_in(context.framing_text, event)
        record(f"lần thứ {n}", n in said, not said and (n in around_said or not around_said))
    for n in sorted(frame.ranks):
        # "Đơn vị nào xếp hạng ba?": not "Hạng 5: …" of the list, whatever else it shares.
        stated = ranks_in(sentence)
        record(f"hạng {n}", n in stated, not stated)
    for number in frame.documents:
        key = _number_key(number)
        # A sentence naming only other documents of the kind asked ("Căn cứ Quyết định số
        # 45/QĐ-UBND ngày …" for a question on another decision) is about them; one naming a
        # document of another kind ("Xét Tờ trình số 27/TTr-…") may still be about the one asked.
        silent = not any(
            _document_kind(n.group()) == _document_kind(number) for n in DOCUMENT_NUMBER.finditer(sentence)
        )
        record(
            number,
            _names_document(key, sentence),
            silent and (_names_document(key, context.paragraph_text) or _names_document(key, context.framing_text)),
        )
    kept_apart = _check_distinctions(frame, sentence, context, record) + _check_offices(frame, sentence, record)
    met = not failed if not frame.comparison else _each_kind_met(frame, satisfied) and not set(kept_apart) & set(failed)
    held = _places_held(failed, own, context) + tuple(
        str(y) for y in sorted(own.years or context.paragraph.years or context.document_years)
    )
    return ConstraintCheck(
        met=met,
        in_sentence_share=in_sentence / total if total else 1.0,
        satisfied=frozenset(satisfied),
        failed=tuple(failed),
        held=held,
        conflicts=tuple(conflicts),
        assumed=frozenset(assumed),
        merged_into=tuple(merged_into),
    )


def _document_kind(number: str) -> str:
    """The kind of an official document by its number's code: "45/2031/QĐ-UBND" → "qd"."""
    code = next((part for part in number.split("/") if part[:1].isalpha()), "")
    return fold(code.split("-")[0])


@lru_cache(maxsize=4096)  # a paragraph's key is asked once per sentence of it
def _names_document(key: str, text: str) -> bool:
    """``text`` names the document numbered ``key`` (as ``_number_key`` gives it): the same
    number and issuer's code ("418/qd-bkhdt" in "418/QĐĐ-BKHĐT", a scan's doubled letter), or
    the number with any code for a number asked without one's issuer ("418/qd")."""
    number, _, code = key.partition("/")
    issuer = code.rsplit("-", 1)[1] if "-" in code else ""
    year = r"(?:/\d{4})?"
    pattern = rf"(?<![\d/]){re.escape(number)}{year}/[a-z]{{1,10}}" + (
        rf"(?:-[a-z]{{1,15}})*-{re.escape(issuer)}" if issuer else ""
    )
    said = _number_key(text)
    return key in said or re.search(pattern, said) is not None


def _number_key(text: str) -> str:
    """A document number as compared: folded, without spaces ("77 / QĐ-UBND" = "77/qd-ubnd")."""
    return re.sub(r"\s+", "", fold(text))


def _places_held(failed: list[str], own: Mentions, context: PassageContext) -> tuple[str, ...]:
    """The places a passage is about, when the place asked is not one of them: a refusal that
    quotes it as the nearest must not let it pass for the place asked ("Long An, 2031", not
    "2031", for a question about Đồng Nai)."""
    held: list[str] = []
    for kind in ("province", "region"):
        if not any(label.startswith(f"{kind}:") for label in failed):
            continue
        for mentions in (own, context.paragraph, context.framing):
            # A province's figure where a region's was asked is held as that province's.
            shown = "province" if kind == "province" or mentions.provinces else "region"
            keys = mentions.provinces if shown == "province" else mentions.regions
            if keys:
                held.extend(display_name(shown, key) for key in sorted(keys))
                break
    return tuple(held)


def province_about(sentence: str, context: PassageContext) -> str:
    """The one province a sentence is about, as the user reads it ("Bến Tre"): its section's,
    else the one it names; "" when none or several, or when it reports on the bloc. Not its
    report's: a province's page may report its bloc's figures ("các KCN thuộc Khối thi đua
    số 2 thu hút 58 dự án")."""
    if BLOC_SAID.search(fold(sentence)):
        return ""  # "các thành viên Khối thu hút 52 dự án, trong đó tỉnh A dẫn đầu": the bloc's
    # A section's headings, not a list's lead-in paragraph over its items ("Hội nghị … tại
    # thành phố Sóc Trăng. Khối thống nhất xếp hạng như sau:" over "Hạng 1: … Cần Thơ …").
    sections = [h for h in context.headings if not (h.endswith(":") and len(split_sentences(h)) > 1)]
    headed = Mentions.of(" \n ".join(sections)).provinces
    for provinces in (headed, Mentions.of(sentence).provinces):  # a section's sentence may name a partner
        if provinces:
            return display_name("province", next(iter(provinces))) if len(provinces) == 1 else ""
    return ""


def _check_span(
    frame: QuestionFrame,
    span: tuple[int, int],
    sentence: str,
    main_years: frozenset[int],
    context: PassageContext,
    undated: bool,
    record: Callable[[str, bool, bool], None],
    conflicts: list[str],
) -> None:
    """A span of years asked ("giai đoạn 2031 – 2035") is met by a sentence naming it (compared
    with or not), or, when it names no year, by its paragraph, headings or report covering the
    span. Asked which year of it ("Năm nào trong giai đoạn … cao nhất?"), a year inside it is
    an answer, not another period."""
    label = constraint_key("span", f"{span[0]}–{span[1]}")
    inside = frozenset(range(span[0], span[1] + 1))
    which_year = frame.answer_type is AnswerType.DATE or bool(frame.superlative)

    def covers(years: frozenset[int]) -> bool:
        return {span[0], span[1]} <= years

    around = (
        undated
        or covers(context.paragraph.years)
        or covers(context.section_years or context.framing.years)
        or (covers(context.document_years) and not context.paragraph.years and not context.section_years)
    )
    # "… cả giai đoạn đạt X tỷ đồng; riêng năm 2034 …": the span its passage or report is about.
    passage_span = any(
        covers(years)
        for years in (context.paragraph.years, context.section_years, context.framing.years, context.document_years)
    )
    in_own = (
        span in spans_in(sentence)
        or (which_year and bool(main_years & inside))
        or (passage_span and bool(WHOLE_SPAN.search(fold(sentence))))
        or covers(main_years)  # "năm 2069 đạt X, năm 2070 đạt Y" for "năm 2069 - 2070"
    )
    silent = not main_years and not spans_in(COMPARED_SPAN.sub(" ", sentence))
    in_around = silent and around
    if not in_own and not silent:
        conflicts.append(label)
    record(label, in_own, in_around)


# A horizon a text looks to ("đến năm 2030", "tầm nhìn đến năm 2045"): no year it reports on.
HORIZON = re.compile(r"\b(?:tầm nhìn\s+|tam nhin\s+)?(?:đến|den)\s+(?:năm|nam)\s+(?:19|20)\d{2}\b", re.IGNORECASE)


# A clause comparing with another period ("so với …", "tăng …", "bằng 120% năm 2022", "gấp 1,2
# lần năm 2022", "cao hơn năm 2022", "tương đương năm 2022"): its year is the one compared with.
COMPARING = re.compile(
    r"\s*(?:so\s+(?:với|voi|cùng|cung)|tăng|tang|giảm|giam|(?:bằng|bang|gấp|gap)(?=\s+\d)"
    r"|(?:cao|thấp|thap|nhiều|nhieu|ít|it)\s+(?:hơn|hon)|tương\s+đương|tuong\s+duong)\b",
    re.IGNORECASE,
)


def _years_named_before(sentence: str, paragraph: str) -> frozenset[int]:
    """The year its paragraph names last before ``sentence`` (in the last sentence before it
    that names any, the last clause that does: a caption glued before it names another);
    none when it opens its paragraph or none is named before it."""
    at = paragraph.find(sentence)
    if at <= 0:
        return frozenset()
    for before in reversed(split_sentences(paragraph[:at])):
        for clause in reversed(re.split(r"[;:]|,\s", before)):  # not "61,2%"
            if COMPARING.match(clause):
                continue  # "…, so với 61,2% của năm 2031": the year compared with
            named = Mentions.of(HORIZON.sub(" ", clause), around=True).years
            if named:
                return frozenset(named)
    return frozenset()


def _check_period(
    question: str,
    sentence: str,
    context: PassageContext,
    record: Callable[[str, bool, bool], None],
    asks_figure: bool = False,
) -> None:
    sentence = without_issue_labels(sentence)
    whole, part, months = period_parts(question)
    whole = whole and not part  # "6 tháng cuối năm" is part of the year
    asked = fold(question)
    # A year-end review ("hội nghị tổng kết") is about the whole year; a "sơ kết" about part of it.
    reviewed = not whole and bool(YEAR_END_REVIEW.search(asked)) and not MID_YEAR_REVIEW.search(asked)
    reviewed_event = reviewed and not asks_figure
    whole = whole or reviewed
    nearest_first = (sentence, context.paragraph_text, *reversed(context.headings))
    half = _other_half(asked, nearest_first, record)
    # A report's own period says when its silent figures are of (its frame's period first: a
    # title "… quý I … và nhiệm vụ quý II" reports on quý I); an event it tells of may fall
    # in any quarter of its year.
    framing = (context.period if quarters_stated(context.period) else context.framing_text) if asks_figure else ""
    month = asks_figure and _other_month(asked, nearest_first, record)  # an event's month is its date's
    cut_off = asks_figure and _other_cut_off(asked, nearest_first, record)
    if half or _other_quarter(asked, nearest_first, framing, record) or month or cut_off:
        return
    if not (whole or months):
        return
    sentence_whole, sentence_part, sentence_months = period_parts(sentence)
    _, paragraph_part, paragraph_months = period_parts(context.paragraph_text)
    _, framing_part, framing_months = period_parts(context.framing_text)
    report_months = {int(n) for n in MONTH_OF_YEAR.findall(fold(context.framing_text)) if 1 <= int(n) <= 12}
    framing_part = framing_part or bool(report_months)
    cumulative = _cumulative(sentence) or _cumulative(context.paragraph_text)
    if cumulative:
        framing_months |= report_months
    if whole:
        if PLAN_ASKED.search(asked) and PLAN_OF_YEAR.search(fold(sentence)):
            record("cả năm", True, True)
            return
        # The year-end review asked about, named by the sentence: a half-year report's plan
        # says when it will be held ("Tổ chức Hội nghị tổng kết … vào tháng 12 …"), beside the
        # mid-year one in a clause of its own ("Hội nghị sơ kết … tháng 7 …; Hội nghị tổng kết
        # …"). Not for a figure: "tổng kết" beside a half-year's figure does not make it the year's.
        clauses = [(fold(c), period_parts(c)[1]) for c in sentence.split(";")]
        beside_mid_year = all(MID_YEAR_REVIEW.search(c) for c, part in clauses if part)
        if reviewed_event and beside_mid_year and any(YEAR_END_REVIEW.search(c) and not part for c, part in clauses):
            record("cả năm", True, True)
            return
        # The sentence, its paragraph or its report (a monthly or half-year report) must not
        # be about part of the year, unless the sentence itself says it covers the whole year
        # (a table row "… — Quý I: X; …; Cả năm: Y").
        # An aim for the whole year ("phấn đấu cả năm đạt …") answers a plan asked.
        aimed = bool(PLAN_ASKED.search(asked) and WHOLE_YEAR_AIMED.search(fold(sentence)))
        partial = not (aimed or WHOLE_YEAR_NAMED.search(fold(sentence))) and (
            sentence_part or paragraph_part or (framing_part and not sentence_whole)
        )
        record("cả năm", False, not partial)
        return
    # "Từ đầu năm đến tháng 8" asked of an article that says "từ đầu năm đến nay" and states
    # no span anywhere: the article's running total is the figure asked for.
    to_date = cumulative and not (sentence_months or paragraph_months or framing_months) and not N_MONTHS.search(asked)
    for span in sorted(months):
        label = f"{span} tháng"
        in_own = span in sentence_months
        # A sentence about the whole year ("doanh thu cả năm đạt …") is not about N months.
        silent = not sentence_months and not sentence_whole
        # Unless the nearest text naming a half names the half asked: under "III. Nhiệm vụ 6
        # tháng cuối năm", "thu hút thêm 12 dự án, đưa tổng số cả năm lên 30" is the half's task.
        in_half = half is False and span == 6
        record(label, in_own, in_half or (silent and (span in paragraph_months or span in framing_months or to_date)))


def _quarters(folded: str) -> set[int]:
    return {QUARTER_NUMBER[q] for q in QUARTER.findall(folded)}


def months_named(text: str) -> set[int]:
    """The calendar months a text names ("Tháng 3: 8 dự án", "tháng 5/2031")."""
    return {int(n) for n in SINGLE_MONTH.findall(fold(text)) if 1 <= int(n) <= 12}


def quarters_stated(text: str) -> set[int]:
    """The quarters a text names, "3 tháng đầu năm" as quý I."""
    folded = fold(text)
    first = any(_from_year_start(folded, match) for match in FIRST_QUARTER.finditer(folded))
    return _quarters(folded) | ({1} if first else set())


def _from_year_start(folded: str, match: re.Match[str]) -> bool:
    """Whether a match of ``FIRST_QUARTER`` counts from the year's start: "lũy kế đến hết 31/3"
    is the total of all years to that day, but only a "lũy kế" of its own clause says so
    ("…; lũy kế đến nay có 120 dự án" after "3 tháng đầu năm" does not)."""
    if match.group().startswith(("3", "ba")):  # "3 tháng đầu năm": the quarter, whatever is summed
        return True
    clause = re.split(r"[;,.:()]", folded[: match.start()])[-1]
    return not SINCE_FOUNDING.search(clause)


def _other_quarter(asked: str, texts: Sequence[str], framing: str, record: Callable[[str, bool, bool], None]) -> bool:
    """Record a failed quarter when the nearest text that names a period is about another
    quarter, or about some months ("9 tháng": a table under "Kết quả 9 tháng năm 2036") or a
    running total and no quarter; or, none naming one, when the report (``framing``: its
    title, headings and period) is of another quarter or of a whole year and no part of it
    ("Báo cáo kết quả năm 2036"); True when it did."""
    wanted = _quarters(asked)
    if len(wanted) != 1:
        return False
    label = f"quý {ROMAN_QUARTER[next(iter(wanted))]}"
    nearest = _nearest_names(wanted, texts, quarters_stated, lambda text: bool(TO_DATE.search(fold(text))))
    if nearest is not None:
        if not nearest:
            record(label, False, False)
        return not nearest
    framing = fold(framing)
    stated = quarters_stated(framing)
    if not wanted <= stated if stated else years_in(framing) and not PART_OF_YEAR.search(framing):
        record(label, False, False)
        return True
    return False


def _other_month(asked: str, texts: Sequence[str], record: Callable[[str, bool, bool], None]) -> bool:
    """Record a failed month when the nearest text that names a period names other months only
    ("Doanh thu — Tháng 1: …; …; Tháng 6: …" for "tháng 7"), or a span of months, a quarter or
    a year and no month ("Lũy kế 6 tháng: …", "Năm 2031 doanh thu đạt …" for "tháng 5"); True
    when it did."""
    wanted = months_named(asked)
    if len(wanted) != 1:
        return False
    nearest = _nearest_names(
        wanted, texts, months_named, lambda text: bool(quarters_stated(text) or stated_years(text))
    )
    if nearest is False:
        record(f"tháng {next(iter(wanted))}", False, False)
    return nearest is False


# "đến ngày 31/12/2031", "tính đến hết ngày 30/6/2031" (folded): the day a running figure is
# counted to. "so với ngày 31/12/2030" is a base, not one.
CUT_OFF = re.compile(r"\b(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d{2})\b")


def _cut_offs(text: str) -> set[tuple[int, int, int]]:
    return {(int(d), int(m), int(y)) for d, m, y in CUT_OFF.findall(fold(text))}


def _other_cut_off(asked: str, texts: Sequence[str], record: Callable[[str, bool, bool], None]) -> bool:
    """Record a failed day when the nearest text that counts a figure to a day counts it to
    another ("đến ngày 30/6/2031" for "đến ngày 31/12/2031"); True when it did."""
    wanted = _cut_offs(asked)
    if len(wanted) != 1:
        return False
    stated = next((days for days in map(_cut_offs, texts) if days), set())
    if stated and not wanted <= stated:
        day, month, year = next(iter(wanted))
        record(f"đến ngày {day}/{month}/{year}", False, False)
        return True
    return False


def _nearest_names(
    wanted: set[int], texts: Sequence[str], named: Callable[[str], set[int]], other: Callable[[str], bool]
) -> bool | None:
    """Whether the nearest of ``texts`` that names a period (``named`` ones, a span of months,
    or an ``other`` kind) names the ones ``wanted``; None when none names a period."""
    for text in texts:
        stated = named(text)
        if stated or period_parts(text)[2] or other(text):
            return wanted <= stated
    return None


def _other_half(asked: str, texts: Sequence[str], record: Callable[[str, bool, bool], None]) -> bool | None:
    """Record a failed half-year when the sentence (or, silent, its paragraph, or else its
    nearest heading naming a half: "IV. Nhiệm vụ 6 tháng cuối năm") is about the other half
    of the year than the question; True when it did, False when that text names the half
    asked, None when no half is asked or named. ``texts``: nearest first."""
    wanted = [label for label, pattern in HALVES.items() if pattern.search(asked)]
    if len(wanted) != 1:
        return None
    for text in map(fold, texts):
        stated = {label for label, pattern in HALVES.items() if pattern.search(text)}
        if stated:
            if wanted[0] in stated:
                return False
            record(wanted[0], False, False)
            return True
    return None


def _check_distinctions(
    frame: QuestionFrame, sentence: str, context: PassageContext, record: Callable[[str, bool, bool], None]
) -> list[str]:
    """FDI asked, only domestic capital stated; an award asked, none named; revenue asked, only
    capital and jobs stated: not the answer. Returns the labels recorded."""
    labels = []
    asked = distinctions.asked(frame.text)
    awards = [item for item in asked if item.group == "award"]
    # The plan's own figure asked ("Kế hoạch năm 2025 về vốn DDI là bao nhiêu?"), not how a
    # result stands to it: a sentence giving the result as a share of the plan does not give it.
    sentence_said = sentence if SHARE_OF_PLAN_ASKED.search(frame.text) else SHARE_OF_PLAN.sub(" ", sentence)
    for item in asked:
        if item.kind == "measure" and frame.several_asked:
            continue  # "bao nhiêu dự án … và tạo việc làm cho bao nhiêu lao động": a part each
        own = distinctions.stated(item, sentence_said)
        if item.kind in ("pair", "measure"):
            # A sentence silent on the distinction takes it from its headings and title.
            around = own is Stated.SILENT and distinctions.stated(item, context.framing_text) is not Stated.OTHER
        elif item.kind == "framed":
            # Its section says which side a sentence is on, whatever its verbs ("đạt" in a
            # plan): the nearest heading that names a side, else the title.
            framed = _framed_by(item, context)
            around = framed is Stated.YES or (own is Stated.SILENT and framed is not Stated.OTHER)
        else:
            # Named by the sentence, its paragraph or its headings (a list under "Đề nghị tặng
            # Cờ thi đua cho:"). An award, by its paragraph before it only ("… tặng Cờ thi đua
            # cho hai đơn vị. Đó là …"): a photo caption glued to the paragraph it heads does
            # not take the award its next sentence names.
            # Nor, by its paragraph, a sentence naming only another award than those asked ("…
            # trao Giấy khen cho …" after "… trao Bằng khen cho …"): that one is its subject.
            # (A heading still frames it: "Đề nghị tặng Cờ thi đua" over "… đã được tặng Bằng khen".)
            at = context.paragraph_text.find(sentence) if item.group == "award" else -1
            before = context.paragraph_text[:at] if at >= 0 else context.paragraph_text
            other = (
                item.group == "award"
                and distinctions.names_another(item, sentence)
                and not any(distinctions.stated(a, sentence) is Stated.YES for a in awards)
            )
            around = (not other and distinctions.stated(item, before) is Stated.YES) or (
                distinctions.stated(item, context.framing_text) is Stated.YES
            )
        record(item.label, own is Stated.YES, around)
        labels.append(item.label)
    return labels


def _framed_by(item: distinctions.Asked, context: PassageContext) -> Stated:
    """Which side of ``item`` a passage's section is on: its nearest heading that names one
    ("V. Phương hướng, nhiệm vụ năm 2035" over "1. Các chỉ tiêu:": a plan), else its title
    (whose "… và phương hướng năm 2035" names the report's last part, not all of it)."""
    for heading in reversed(context.headings):
        stated = distinctions.stated(item, heading)  # "Các chỉ tiêu chủ yếu" names none
        if stated is Stated.SILENT and FORWARD_SECTION.search(fold(heading)):
            stated = Stated.YES if item.group == PLAN_GROUP and item.side == PLAN_SIDE else Stated.OTHER
        if stated is not Stated.SILENT:
            return stated
    return distinctions.stated(item, context.framing_text)


def _check_offices(frame: QuestionFrame, sentence: str, record: Callable[[str, bool, bool], None]) -> list[str]:
    """Who holds an office ("Ai là Trưởng ban …?", "Ban Quản lý nào là Khối phó?"): a sentence
    naming only other offices ("ông A, Phó Trưởng ban …") is about someone else; one naming
    none may still be about the holder, and one office of several asked is enough. Only for a
    question asking who or which board: in "Ông X, Trưởng ban, đã trao bao nhiêu Bằng khen?"
    the office only says who X is. Returns the label recorded."""
    asked = sorted(offices_in(frame.text))
    if not asked or frame.answer_type not in (AnswerType.PERSON, AnswerType.ORGANISATION):
        return []
    stated = offices_in(sentence)
    # As a refusal names it: "Không có thông tin về Trưởng ban".
    label = ", ".join(office[:1].upper() + office[1:] for office in asked)
    record(label, bool(stated & set(asked)), not stated)
    return [label]


@lru_cache(maxsize=4096)
def _cumulative(text: str) -> bool:
    return bool(CUMULATIVE.search(fold(text)))


def _each_kind_met(frame: QuestionFrame, satisfied: set[str]) -> bool:
    """A comparison is answered part by part: one part of each kind is enough for a quote.
    Places, zones and people are one kind: "KKT Đông Hải (Kim Sơn) với Hà Nam"
    names a zone of one part only."""
    kinds = {
        "năm": [
            *(constraint_key("year", y) for y in frame.years),
            *(constraint_key("span", f"{a}–{b}") for a, b in frame.spans),
        ],
        "where": [
            *(constraint_key("province", k) for k in frame.provinces),
            *(constraint_key("region", k) for k in frame.regions),
            *(constraint_key("name", n) for n in (*frame.zones, *frame.people)),
        ],
    }
    return all(not labels or any(label in satisfied for label in labels) for labels in kinds.values())
