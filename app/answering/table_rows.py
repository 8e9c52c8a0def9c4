"""A superlative asked over a table ("đơn vị nào xếp hạng nhất", "KCN nào ít lao động nhất"),
answered by the table's extreme row. Pure.

Ingest says each table row as one sentence, "Ban Quản lý … — Tổng điểm: 99,0; Xếp hạng: 1."
(``ingest.office.row_sentence``; told from other sentences by ``is_row_sentence``). The rows
of one table (one report, one heading path) are compared on the column the question names:
its largest figure for "cao nhất", "nhiều nhất", "đứng đầu", its smallest for "thấp nhất",
"ít nhất"; a rank column the other way round, since the first is ranked 1.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from app.answering import distinctions
from app.answering.direct import FIGURE_TYPES
from app.answering.features import Candidate, asks_entities
from app.answering.frame import AnswerType, QuestionFrame, parse_question, text_mentions
from app.answering.terms import terms_of
from ingest.gazetteer import province_keys
from ingest.normalize import fold, search_syllables
from ingest.office import is_row_sentence

CELL = re.compile(r"(?P<header>[^:;]{1,80}):\s*(?P<value>[^;]+)")
FIGURE = re.compile(r"-?\d[\d.,]*")
# "Xếp hạng", "Thứ hạng", "Xếp thứ": 1 is the first. Matched with accents, or as a two-word
# phrase without: "hang" alone is also "hàng" (goods), "thu" "doanh thu" (revenue).
RANK_HEADER = re.compile(r"\b(?:hạng|xếp thứ|xep hang|thu hang|xep thu)\b", re.IGNORECASE)
# A total: a column "Tổng điểm", a row "Tổng cộng", "Cộng", "Toàn tỉnh" ("cong" alone is also
# "công": "Công ty …" is a row like any other).
TOTAL = re.compile(r"^(?:tổng|cộng|toàn\s|tong\s+cong\b|tong\s+so\b)", re.IGNORECASE)
MIN_ROWS = 3  # fewer rows are no table to rank
# Asks who ranks first, naming no column: "đứng đầu", "dẫn đầu", "xếp thứ nhất" (folded).
FIRST_ASKED = re.compile(r"\b(?:dung dau|dan dau|xep thu nhat|xep hang nhat|dat hang nhat)\b")
# "lớn nhất", "ít nhất" right after what is ranked (folded): "Dự án có vốn đăng ký lớn nhất".
SUPERLATIVE = re.compile(r"\b(?:cao|lon|nhieu|thap|nho|it)\s+nhat\b")
# After it, "at least" or a record, not a rank: "ít nhất phải đạt 60", "cao nhất từ trước đến nay".
AT_LEAST_OR_RECORD = re.compile(r"\s*(?:\d|phai\b|la\s+\d|bang\b|dat\b|tu\s+truoc\b|tu\s+khi\b|trong\s+lich\s+su\b)")
# "… về chỉ số hài lòng của doanh nghiệp và …": what the ranking is on, up to its owner or the next clause.
RANKED_ON = re.compile(r"\bve\s+(.+?)(?=\s+(?:cua|va|voi|nam|trong)\b|[,?;.]|$)")


def row_cells(quote: str) -> tuple[str, dict[str, str]] | None:
    """A row sentence's label and its cells by header; None for any other sentence."""
    if not is_row_sentence(quote.strip()):
        return None
    label, _, said = quote.strip().partition(" — ")
    cells = {m["header"].strip(): m["value"].strip() for m in CELL.finditer(said.removesuffix("."))}
    return (label.strip(), cells) if cells else None


def figure(value: str) -> float | None:
    """The first figure of a cell as a number: "1.356,4 triệu USD" → 1356.4, "96,75" → 96.75."""
    match = FIGURE.search(value)
    if match is None:
        return None
    text = match.group().rstrip(".,")
    if "," in text:  # Vietnamese: "." groups thousands, "," marks decimals
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        return float(text)
    except ValueError:
        return None


BARE_FIGURE = re.compile(r"-?\d[\d.,]*%?")


def cell_facts(frame: QuestionFrame, quote: str) -> list[str]:
    """For a figure asked of a table row whose cells give bare numbers ("Điểm Khối chấm: 97,85"),
    the cell whose header the question names whole, most of it first ("bao nhiêu điểm Khối
    chấm": not "Điểm tự chấm"), as "header: value"; [] when none, or two, fit as well."""
    read = row_cells(quote) if frame.answer_type in FIGURE_TYPES else None
    if read is None:
        return []
    asked = set(frame.terms)
    # "Đơn vị nào xếp hạng cuối, được bao nhiêu điểm?": the rank says which row, not what is asked.
    cells = {h: v for h, v in read[1].items() if not (frame.superlative and RANK_HEADER.search(h))}
    named = [
        (len(words), f"{header}: {value}")
        for header, value in cells.items()
        if BARE_FIGURE.fullmatch(value) and (words := set(terms_of(header))) and words <= asked
    ]
    if not named:  # a cell with its unit, headed by a period too ("Năm 2025 Kế hoạch năm: 5.000,0 tỷ đồng")
        named = [
            (len(words), value)
            for header, value in cells.items()
            if _period_cell_fits(frame, header, value, asked) and (words := _measure_terms(header))
        ]
    best = max((n for n, _ in named), default=0)
    fits = [fact for n, fact in named if n == best]
    return fits if len(fits) == 1 else []


# What a column's header says of its period ("Năm 2025", "6 tháng đầu năm"), which the
# question's terms leave out: the rest of the header is what the column measures.
PERIOD_WORDS = frozenset({"nam", "thang", "dau", "cuoi", "quy", "ca", "ky"})


def _measure_terms(header: str) -> set[str]:
    return {t for t in terms_of(header) if t not in PERIOD_WORDS and not t.isdigit()}


def _period_cell_fits(frame: QuestionFrame, header: str, value: str, asked: set[str]) -> bool:
    """A cell whose value is a figure (with its unit), whose header names only what the question
    asks besides its period, and no year but those asked; a share for a share asked, else not."""
    if not FIGURE.match(value) or not _measure_terms(header) <= asked:
        return False
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", header)}
    if years and frame.years and not years <= set(frame.years):
        return False
    return value.rstrip(". ").endswith("%") == (frame.answer_type is AnswerType.PERCENT)


def ranked_row_label(frame: QuestionFrame, quote: str) -> str:
    """The row a superlative asked over a table is answered by: its label and the cell it is
    ranked on ("KKT Vũng Sâm — Lao động: 24.870 người" for "Khu nào có số lao động đông
    nhất?"; the label alone when ranked on a rank column); "" for any other question or quote."""
    read = row_cells(quote) if frame.superlative else None
    if read is None or TOTAL.match(read[0]):
        return ""
    label, cells = read
    if not any(c.isalpha() for c in label):  # the row's number ("2 — Đơn vị: Ban Quản lý …"): its first name
        label = next((value for value in cells.values() if any(c.isalpha() for c in value)), label)
    column = _column(frame, list(cells))
    if column is None or RANK_HEADER.search(column[1]) or figure(cells[column[1]]) is None:
        return label
    return f"{label} — {column[1]}: {cells[column[1]]}"


def _column(frame: QuestionFrame, headers: Sequence[str]) -> tuple[int, str] | None:
    """The header that shares most of the question's terms, and how many (none shared: no
    column asked). Among equals, a total ("Tổng điểm" beside "Điểm thưởng"), then the shortest."""
    terms = set(frame.terms)

    def fit(header: str) -> tuple[int, bool, int]:
        syllables = terms_of(header)  # as the question's terms are: "Xuất khẩu" → "xk"
        return len(terms & set(syllables)), bool(TOTAL.match(header)), -len(syllables)

    best = max(headers, key=fit, default=None)
    return (fit(best)[0], best) if best is not None and fit(best)[0] > 0 else None


def _said_in_a_sentence(frame: QuestionFrame, candidates: Sequence[Candidate]) -> bool:
    """Whether a sentence (not a table's row) says who ranks first on what the question ranks
    on: "dẫn đầu Khối về chỉ số hài lòng của doanh nghiệp" (a sentence with "dẫn đầu" and
    "chỉ số hài lòng"), or "Dự án có vốn đăng ký lớn nhất … là …" for "Dự án có vốn đăng ký
    lớn nhất … là của công ty nào" (the superlative and what it ranks, the words before it). A
    ranking on nothing named ("đơn vị nào dẫn đầu Khối") is the table's."""
    text = unicodedata.normalize("NFC", frame.text)
    folded = fold(text)  # as long as the NFC text: a match's offsets are the text's
    ranking = FIRST_ASKED.search(folded)
    about = RANKED_ON.search(folded, ranking.end()) if ranking else None
    terms = set(parse_question(about.group(1)).terms) & set(frame.terms) if about else set()
    if not terms and (superlative := SUPERLATIVE.search(folded)):
        asked = set(frame.terms)
        ranked = [t for t in terms_of(text[: superlative.start()]) if t in asked]
        return any(
            row_cells(c.quote) is None and _ranks_as_asked(c.quote, superlative.group(), ranked) for c in candidates
        )
    return bool(terms) and any(
        row_cells(c.quote) is None and FIRST_ASKED.search(fold(c.quote)) and terms <= set(terms_of(c.quote))
        for c in candidates
    )


def _ranks_as_asked(sentence: str, superlative: str, ranked: list[str]) -> bool:
    """The sentence ranks what the question does: the superlative asked ("lớn nhất"), right
    after the question's last words before it ("vốn đăng ký"), with the question's first one
    (what is ranked, "Dự án", "KCN") before it. Not "Dự án có vốn đăng ký lớn nhất … tại KCN
    X" for "KCN nào có vốn đăng ký lớn nhất", nor "… đạt mức lớn nhất từ trước đến nay", nor
    "ít nhất phải đạt 60 dự án" (at least)."""
    if not ranked:
        return False
    text = unicodedata.normalize("NFC", sentence)
    folded = fold(text)
    wanted = set(ranked)
    for match in re.finditer(rf"\b{superlative}\b", folded):
        if AT_LEAST_OR_RECORD.match(folded, match.end()):
            continue
        said = [t for t in terms_of(text[: match.start()]) if t in wanted]
        tail = ranked[-2:]
        if said[-len(tail) :] == tail and ranked[0] in said:
            return True
    return False


# The whole asked: "toàn Khối", "cả tỉnh", "tổng cộng", "tổng diện tích", an average
# ("bình quân") (folded).
WHOLE_ASKED = re.compile(
    r"\b(?:toan|ca)\s+(?:khoi|tinh|vung)\b|\btong\s+cong\b"
    r"|\bcac\s+(?:kcn|kkt|kcx|khu\s+cong\s+nghiep|khu\s+kinh\s+te)\b"  # "các KCN Đồng Nai": all of them
)
# ... or a sum or an average over all ("tổng diện tích các KCN", "bình quân các KCN", "tổng số
# dự án của các đơn vị trong Khối"): not one project's, company's or month's ("tổng vốn đầu tư
# của dự án X", "tổng doanh thu tháng 5").
OVER_ALL_ASKED = re.compile(
    r"\b(?:tong|binh\s+quan|trung\s+binh)\b.*\bcac\s+(?:kcn|kkt|kcx|khu|du\s+an|doanh\s+nghiep|don\s+vi|thanh\s+vien)\b"
)


def asks_whole(frame: QuestionFrame) -> bool:
    """The question asks for a whole over the rows ("toàn Khối", "các KCN tỉnh X", "tổng … các
    KCN"), naming no zone."""
    asked = fold(frame.text)
    return not frame.zones and bool(WHOLE_ASKED.search(asked) or OVER_ALL_ASKED.search(asked))


def is_total_row(text: str) -> bool:
    cells = row_cells(text)
    return cells is not None and TOTAL.match(cells[0]) is not None


# A zone's row: "KCN …", "KKT …" ("KKTT …" as OCR reads it), "Khu công nghiệp …".
ZONE_ROW = re.compile(r"^(?:K[CK][NTX]\w*|CCN|Khu\s+(?:công|kinh|chế))\b", re.IGNORECASE)


def total_first(frame: QuestionFrame, ranked: Sequence[Candidate]) -> list[Candidate]:
    """``ranked`` with its table's total row first when the question asks for the whole ("xuất
    khẩu toàn Khối", "tổng diện tích các KCN tỉnh X") and its first is a member's row of that
    table: a member's row shares the total's words and may outrank it by a hair. Not when the
    question names a zone, or the province that row is of (a bloc's table of provinces)."""
    if not ranked or not asks_whole(frame):
        return list(ranked)
    first = row_cells(ranked[0].quote)
    if first is None:
        return _total_line_first(frame, ranked)
    if TOTAL.match(first[0]):
        return list(ranked)
    # A zone named after its province ("KKT Đông Nam Quảng Trị") is a member's row all the same.
    if not ZONE_ROW.match(first[0]) and set(frame.provinces) & set(text_mentions(first[0]).provinces):
        return list(ranked)
    table = _table_of(ranked[0])
    total = next(
        (c for c in ranked if _table_of(c) == table and (cells := row_cells(c.quote)) and TOTAL.match(cells[0])), None
    )
    return put_first(total, ranked)


# A list's labelled line of parts ("- Bằng khen …: 01 tập thể;") and its sum ("Tổng số: 09 tập
# thể và 08 cá nhân."), as written.
LABELLED_PART = re.compile(r"^\W*[^:;]{3,80}:\s*\d")
TOTAL_LINE = re.compile(r"^\W*(?:tổng\s+số|tổng\s+cộng|cộng)\s*:\s*\d", re.IGNORECASE)
TOTAL_ASKED = re.compile(r"\btong\s+(?:cong|so)\b")  # folded: "tổng cộng bao nhiêu …", "tổng số …"


def _total_line_first(frame: QuestionFrame, ranked: Sequence[Candidate]) -> list[Candidate]:
    """``ranked`` with a list's sum line first when the question asks for the sum ("tổng cộng
    bao nhiêu tập thể và cá nhân?": not "Bằng khen …: 01 tập thể") and pins no part of it ("…
    bao nhiêu dự án FDI?" is the FDI line's), and its first is a labelled part of that list in
    the same report."""
    first = ranked[0]
    if not TOTAL_ASKED.search(fold(frame.text)) or distinctions.asked(frame.text):
        return list(ranked)
    if TOTAL_LINE.match(first.quote) or not LABELLED_PART.match(first.quote):
        return list(ranked)
    total = next((c for c in ranked if c.doc_id == first.doc_id and TOTAL_LINE.match(c.quote)), None)
    return put_first(total, ranked)


def record_of_named(frame: QuestionFrame, eligible: Sequence[Candidate]) -> Candidate | None:
    """The row a table gives the person the question names, when one of its columns is what
    the question asks ("Ông X công tác ở đơn vị nào?": "Ông X — Chức vụ: …; Đơn vị: Ban Quản lý
    …"): the person's record, though it shares no other word with the question and scores low."""
    if not frame.people:
        return None
    asked = set(search_syllables(frame.text))
    for candidate in eligible:
        cells = row_cells(candidate.quote)
        if cells is None:
            continue
        label, by_header = cells
        named = set(search_syllables(label))
        headers = [set(search_syllables(header)) for header in by_header]
        if any(set(person.split()) <= named for person in frame.people) and any(h and h <= asked for h in headers):
            return candidate
    return None


BOARD = re.compile(r"\b(?:ban\s+quan\s+ly|bql)\b")  # folded; ``match``: a label naming a board first


def row_of_named_board(frame: QuestionFrame, eligible: Sequence[Candidate]) -> Candidate | None:
    """The row a table gives the board the question names, when the likeliest passage is the
    row of one of its units ("BQL các KCN tỉnh X được đề nghị khen thưởng gì?": "Ban Quản lý
    các KCN tỉnh X — …; Hình thức khen thưởng: Cờ thi đua", not "Phòng Quản lý doanh nghiệp,
    Ban Quản lý các KCN tỉnh X — …; Hình thức khen thưởng: Bằng khen"); None otherwise."""
    if not eligible or not frame.provinces or asks_entities(frame) or not BOARD.search(fold(frame.text).lower()):
        return None  # "Ban Quản lý nào …" asks which
    first = row_cells(eligible[0].quote)
    if first is None:
        return None
    asked = set(frame.provinces)
    label = fold(first[0]).lower()
    board_at = BOARD.search(label)
    # The likeliest is the row of a unit of the board asked ("Phòng X, Ban Quản lý … tỉnh Y"),
    # a unit the question does not name itself ("Phòng X của BQL … có …?").
    if board_at is None or board_at.start() == 0 or not asked <= province_keys(label):
        return None
    if set(terms_of(label[: board_at.start()])) <= set(frame.terms):
        return None
    for candidate in eligible[1:]:
        cells = row_cells(candidate.quote)
        if candidate.doc_id != eligible[0].doc_id or cells is None or not BOARD.match(fold(cells[0]).lower()):
            continue
        if asked <= province_keys(cells[0]):
            return candidate
    return None


def put_first(first: Candidate | None, ranked: Sequence[Candidate]) -> list[Candidate]:
    """``ranked`` with ``first`` moved to its head; as it is when ``first`` is None."""
    return list(ranked) if first is None else [first, *(c for c in ranked if c is not first)]


def _table_of(candidate: Candidate) -> tuple[str, tuple[str, ...]]:
    meta = candidate.document.metadata
    return str(meta.get("doc_id", "")), tuple(meta.get("headings", ()))


def extreme_row(frame: QuestionFrame, candidates: Sequence[Candidate]) -> Candidate | None:
    """The row of a table among ``candidates`` with the largest (``frame.superlative`` "most")
    or smallest ("least") figure in the column the question names, in the table whose column
    fits the question best; None when no table of ``MIN_ROWS`` rows names a column asked."""
    if not frame.superlative:
        return None
    # Each row's halves, when a sheet printed across two pages repeats its label column on
    # the second ("Ban Quản lý … — Tiêu chí 1: …" and "Ban Quản lý … — Tổng điểm: …; Xếp hạng: …").
    tables: dict[tuple[str, tuple[str, ...]], dict[str, list[tuple[Candidate, dict[str, str]]]]] = {}
    for candidate in candidates:
        parsed = row_cells(candidate.quote)
        if parsed is None or TOTAL.match(parsed[0]):
            continue  # a total row ("Tổng cộng — …") is no row to rank
        tables.setdefault(_table_of(candidate), {}).setdefault(parsed[0], []).append((candidate, parsed[1]))
    if _said_in_a_sentence(frame, candidates):
        return None  # "… dẫn đầu Khối về chỉ số hài lòng …": the sentence saying so, not a table's first row
    fitting = []
    # "Đơn vị nào đứng đầu …?", not "Người đứng đầu Ban … là ai?" (its head, a person).
    first_asked = frame.answer_type is AnswerType.ORGANISATION and bool(FIRST_ASKED.search(fold(frame.text)))
    for rows in tables.values():
        headers = list(dict.fromkeys(h for halves in rows.values() for _, cells in halves for h in cells))
        column = _column(frame, headers)
        if column is None and first_asked:
            # "Đơn vị nào đứng đầu Khối?" names no column: who ranks first is asked.
            column = next(((0, h) for h in headers if RANK_HEADER.search(h)), None)
        if len(rows) >= MIN_ROWS and column is not None:
            fitting.append((column[0], len(rows), column[1], rows))
    if not fitting:
        return None
    _, _, column, rows = max(fitting, key=lambda t: (t[0], t[1]))
    ranked = bool(RANK_HEADER.search(column))
    largest = (frame.superlative == "most") != ranked
    valued = []
    for halves in rows.values():  # the half of each row that has the column
        half = next(((c, cells) for c, cells in halves if column in cells), None)
        if half is not None and (value := figure(half[1][column])) is not None:
            valued.append((value, half[0]))
    if not valued:
        return None
    return (max if largest else min)(valued, key=lambda pair: pair[0])[1]


def named_rows(frame: QuestionFrame, rows: Sequence[str]) -> list[int]:
    """Indexes of the table rows a figure question names by their label: every content term of
    the label ("Giá trị xuất khẩu") is one of the question's, and so is every province it names
    ("Ban Quản lý Khu kinh tế tỉnh Gia Lai"); a row with a column per year must have the year
    asked, when one is. Such a row shares few words with the question (the report's board and
    the indicator's unit are said once, above the table), so it ranks below long paragraphs
    that repeat them."""
    if frame.answer_type not in FIGURE_TYPES:
        return []
    asked = set(frame.terms)
    found = []
    for i, row in enumerate(rows):
        parsed = row_cells(row)
        if parsed is None:
            continue
        label = parse_question(parsed[0])
        if not label.terms or not set(label.terms) <= asked or not set(label.provinces) <= set(frame.provinces):
            continue
        years = text_mentions(row).years
        if frame.years and years and not frame.years & years:
            continue
        found.append(i)
    return found
