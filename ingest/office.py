"""Office files other than .docx: spreadsheets (.xlsx with openpyxl, .xls with xlrd) read row
by row, legacy word-processor files converted by LibreOffice. Every failure is an ``IngestError``.

A spreadsheet row becomes one sentence that keeps its column headers ("Kim Sơn — Doanh thu:
12.345 tỷ đồng; Lao động: 678 người": a header's bracketed unit is said after the number),
so a cell can be found by what its column means and cited as a paragraph; each sheet is a
section headed by its name.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from ingest.docframe import MOTTO, is_header_line, is_signing_authority
from ingest.models import PageText
from ingest.normalize import clean_text, fold

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls")
ZIPPED_SPREADSHEETS = (".xlsx", ".xlsm")  # .xls is an OLE file, not a zip archive
CONVERTED_SUFFIXES = (".doc", ".rtf", ".odt")  # converted to .docx by LibreOffice
CONVERTED_SPREADSHEETS = (".ods",)  # converted to .xlsx by LibreOffice Calc
CONVERTED_SLIDES = (".ppt", ".odp")  # converted to .pptx by LibreOffice Impress
# The Debian package of LibreOffice that converts each kind of file to what we read.
_OFFICE_PACKAGE = {
    "docx": "libreoffice-writer-nogui",
    "xlsx": "libreoffice-calc-nogui",
    "pptx": "libreoffice-impress-nogui",
}
# LibreOffice starts in 2-4 s here and converts a report in about as long; a file that takes
# far longer is damaged or hostile.
CONVERSION_TIMEOUT_S = 120
MAX_SHEET_ROWS = 100_000  # rows read from one sheet: a report's table is far smaller


def _cell(value: object, number_format: str) -> str:
    """A cell as a report would print it: Vietnamese separators, percentages as percentages."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, int | float):
        if "%" in number_format:
            value = value * 100
        places = _decimal_places(number_format)
        if places is not None and math.isfinite(value) and abs(value) < MAX_FORMATTED:
            # As the sheet shows it: "0.0%" shows 1,0989 as 109,9%.
            value = float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
        if float(value).is_integer():
            text = f"{int(value):,}".replace(",", ".")
        else:
            text = f"{value:,.{places or 2}f}".rstrip("0").rstrip(".").translate(str.maketrans(",.", ".,"))
        return f"{text}%" if "%" in number_format else text
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


# The digits a number format shows after the decimal point, "0" and "#" alike ("0.0#": up to
# two), at most ``MAX_PLACES``; no more than a float holds are rounded (``MAX_FORMATTED``).
_FORMAT_NUMBER = re.compile(r"[#0,]*0(?:\.([0#]+))?")
MAX_PLACES = 6
MAX_FORMATTED = 1e15


def _decimal_places(number_format: str) -> int | None:
    section = re.sub(r'"[^"]*"|\[[^]]*\]|\\.', "", number_format.split(";", 1)[0])
    found = _FORMAT_NUMBER.search(section)
    return min(len(found.group(1) or ""), MAX_PLACES) if found else None


# A column header's unit in brackets: "Doanh thu (tỷ đồng)", "Lao động (người)", "Tỷ lệ (%)".
HEADER_UNIT = re.compile(r"^(?P<name>.+?)\s*\((?P<unit>[^()]{1,30})\)\s*$")  # "(triệu đồng/người/tháng)" is 22
NUMBER_CELL = re.compile(r"^-?\d[\d.,]*%?$")
YEAR_CELL = re.compile(r"^(?:19|20)\d{2}$")
SHARE_HEADER = re.compile(r"(?:^|\s)%(?:\s|$)")  # a header with "%" as a word of its own


def _said_with_header(header: str, cell: str) -> str:
    """ "Doanh thu: 12.345 tỷ đồng": a number is said with the unit its header gives in
    brackets, or "%" when the header has it as a word ("% kế hoạch: 48,6%"), as a report would
    write it (so the figure is found with its unit)."""
    if not header:
        return cell
    with_unit = HEADER_UNIT.match(header)
    if with_unit and NUMBER_CELL.match(cell):
        unit = with_unit["unit"].strip()
        if unit != "%":
            return f"{with_unit['name']}: {cell} {unit}"
        return f"{with_unit['name']}: {cell if cell.endswith('%') else cell + '%'}"
    if SHARE_HEADER.search(header) and NUMBER_CELL.match(cell) and not cell.endswith("%"):
        return f"{header}: {cell}%"  # "% kế hoạch", "Tỷ lệ %": the column holds shares
    return f"{header}: {cell}"


Cells = list[str | None]  # a table row; None: the cell on its left spans this column too


# Columns of a report's table that are not data: its row numbers ("STT"), and its unit ("ĐVT"),
# which is said after each figure of the row instead.
# A scanned table's row numbers read by OCR: a few misread ("ý" for 3) still leave the column
# one of row numbers.
# The header of a column that places rows rather than names them (folded).
PLACE_HEADER = re.compile(r"^(?:tinh|thanh pho|tinh\s*[/,]\s*thanh pho|dia phuong|dia ban|vung)$")
# A cell that says the row has no figure there ("x" is not one: it ticks a box, a value).
NO_VALUE = frozenset({"-", "–", "—", "…"})
MIN_TITLED_COLUMNS = 3  # a row of one cell over a table this wide is its title
MIN_GROUPED_ROWS = 3  # rows that show a column groups them rather than names them
ROW_NUMBER_SHARE = 0.8
ROW_NUMBER_HEADERS = frozenset({"stt", "tt", "so tt", "so thu tu", "thu tu"})
UNIT_HEADERS = frozenset({"dvt", "don vi", "don vi tinh"})
MEASURE_UNIT_HEADERS = frozenset({"dvt", "don vi tinh"})  # "Đơn vị" alone may name the boards


# A table row as ``row_sentence`` says it: "Kim Sơn — Doanh thu: 12.345 tỷ đồng; …".
ROW_SENTENCE = re.compile(r"^[^—\n]{1,160} — [^:;\n]{1,120}: \S")


def is_row_sentence(text: str) -> bool:
    """A table row said as a sentence: what it measures is in the table's caption, not in it."""
    return bool(ROW_SENTENCE.match(text))


def row_sentence(headers: list[str], cells: list[str], default_unit: str = "") -> str:
    """ "Kim Sơn — Doanh thu: 12.345 tỷ đồng; Lao động: 678 người": the first cell names the
    row, the others are said with their column's header (its bracketed unit after the number),
    or alone when the column has none. A row-number column is left out; a unit column ("ĐVT:
    tỷ đồng"), or the unit in brackets after the row's name, or else the table's
    ``default_unit``, is said after each of the row's figures but those of a column of shares
    ("% kế hoạch")."""
    keys = [fold(h).strip(" .:") for h in headers]
    # A row-number column's cell in words is the row's label: "Tổng cộng" typed in a cell
    # merged over the STT column and the names' column.
    counted = [k in ROW_NUMBER_HEADERS and not _names_the_row(c) for k, c in zip(keys, cells, strict=False)]
    # "Đơn vị" heads a unit column ("tỷ đồng") or the boards the rows are about ("Ban Quản lý …",
    # "Tổng cộng"): the row's label, its first cell, is never its unit.
    label = next((i for i, (c, number) in enumerate(zip(cells, counted, strict=False)) if c and not number), -1)
    units = [
        i > label and k in UNIT_HEADERS and bool(_unit_cell(c, k))
        for i, (k, c) in enumerate(zip(keys, cells, strict=False))
    ]
    unit = next((_unit_cell(c, k) for k, c, is_unit in zip(keys, cells, units, strict=False) if is_unit), "")
    named = [
        (h, c)
        for h, c, number, is_unit in zip(headers, cells, counted, units, strict=False)
        if c and c.strip() not in NO_VALUE and not number and not is_unit
    ]
    if not named:
        return ""
    first = named[0][1]
    # "Lao động tăng mới (người)": the row's indicator names its unit, as a unit column would.
    in_name = HEADER_UNIT.match(first)
    own = in_name["unit"].strip() if in_name and _unit_like(in_name["unit"]) else ""
    if own == "%":  # "So sánh 2032/2031 (%)": a row of shares, whatever unit its columns count in
        parts = _shares(named[1:])
    else:
        unit = unit or own or default_unit
        parts = [
            _said_with_header(
                h, c if HEADER_UNIT.match(h) or SHARE_HEADER.search(h) else _with_unit(c, _counted_in(h) or unit)
            )
            for h, c in named[1:]
        ]
    return f"{first} — {'; '.join(parts)}." if parts else f"{first}."


ROMAN_NUMBER = re.compile(r"^[IVXLC]+$")


def _names_the_row(cell: str) -> bool:
    """A cell in words ("Tổng cộng", "Toàn tỉnh"), not a row's number ("1", "I", "a)")."""
    words = re.findall(r"[^\W\d_]{3,}", cell)
    return bool(words) and not (len(words) == 1 and ROMAN_NUMBER.match(words[0]))


def _shares(named: list[tuple[str, str]]) -> list[str]:
    """ "Doanh thu: 112,4%; …": each figure a share, said with its column's name without the
    column's unit ("Doanh thu (tỷ đồng)" counts the other rows)."""
    parts = []
    for header, cell in named:
        with_unit = HEADER_UNIT.match(header)
        name = with_unit["name"] if with_unit else header
        said = _with_unit(cell, "%")
        parts.append(f"{name}: {said}" if name else said)
    return parts


def _unit_cell(cell: str, header: str) -> str:
    """A unit column's cell as said after a figure; "" when it is no unit. Under "Đơn vị tính"
    ("ĐVT") a table capitalises its units: "Dự án", "Triệu USD" → "dự án", "triệu USD". Under
    "Đơn vị" a capitalised cell is a unit of the board ("Văn phòng", "Ban Quản lý …")."""
    said = cell
    if header in MEASURE_UNIT_HEADERS and cell[:1].isupper() and not cell.split()[0].isupper():
        said = cell[:1].lower() + cell[1:]
    return said if said and _unit_like(said) else ""


def _unit_like(text: str) -> bool:
    """ "tỷ đồng", "triệu USD", "người/tháng": a few words and no name ("khu vực Hải Dương cũ"
    in brackets after a zone's name says where it is, not what its figures count)."""
    words = text.split()
    return len(words) <= 3 and not any(w[:1].isupper() and not w.isupper() for w in words)


def is_letterhead(rows: list[Cells]) -> bool:
    """The layout table of an official document's head (issuer | state motto, number | place
    and date) or foot ("Nơi nhận" | signature): text to read line by line, not a data table."""
    cells = [fold(c) for row in rows for c in row if c]
    return any(MOTTO.search(c) or c.startswith("noi nhan") for c in cells)


# A column that names what it counts ("Số vụ tranh chấp lao động", "Số dự án cấp mới"): its
# figures are in that, not in the table's unit ("Đơn vị tính: người").
COUNTED_HEADER = re.compile(r"^(?:tổng\s+)?số\s+(vụ|cuộc|dự án|doanh nghiệp|lượt|hồ sơ|đoàn|KCN|KKT)\b", re.IGNORECASE)


def _counted_in(header: str) -> str:
    said = COUNTED_HEADER.match(header.strip())
    return said.group(1).lower().replace("kcn", "KCN").replace("kkt", "KKT") if said else ""


def _with_unit(cell: str, unit: str) -> str:
    if not unit or not NUMBER_CELL.match(cell) or cell.endswith("%"):
        return cell
    return f"{cell}%" if unit == "%" else f"{cell} {unit}"


def is_header_row(row: Cells) -> bool:
    """A table row without a figure: a header (or a header's wrapped line). Years that name
    its columns ("2031 | 2032 | 2033", a series) are no figures."""
    cells = [c.strip() for c in row if c]
    years = [c for c in cells if YEAR_CELL.match(c)]
    return not any(NUMBER_CELL.match(c) for c in cells if len(years) < 2 or c not in years)


def _spread(row: Cells) -> list[str]:
    """A header row with a merged cell's text under every column it spans."""
    out: list[str] = []
    for cell in row:
        out.append(out[-1] if cell is None and out else cell or "")
    return out


def _named_by_both(top: list[str], under: Cells) -> list[str]:
    """Each column named by its two header rows ("Thực hiện" over "Năm 2031"); an empty or
    spanned cell under adds nothing (a header cell spanning both rows). The upper one's unit
    in brackets goes last, where a figure's unit is read from ("Diện tích (ha)" over "Quy
    hoạch" is "Diện tích Quy hoạch (ha)")."""
    named = []
    for upper, lower in zip(top, [c or "" for c in under], strict=False):
        with_unit = HEADER_UNIT.match(upper)
        if with_unit and lower and lower != upper and not HEADER_UNIT.match(lower):
            named.append(f"{with_unit['name']} {lower} ({with_unit['unit'].strip()})")
        else:
            named.append(" ".join(dict.fromkeys(p for p in (upper, lower) if p)))
    return named


def table_sentences(rows: list[Cells]) -> list[str]:
    """A report's table as sentences. When its first filled row is a header (no figure in it)
    and rows follow, each row is said with the headers (``row_sentence``); a header cell
    merged across columns ("Thực hiện" over "Năm 2031 | Năm 2032") with the row under it
    names each column ("Thực hiện Năm 2031"). Otherwise each row's cells side by side, as
    printed. A data cell merged across columns is said once."""
    filled = [row for row in rows if any(row)]
    # A first row of one cell across a wider table is its title ("BIỂU TỔNG HỢP …"), said
    # before it: spread over the header under it, it was glued to every column's name.
    titles = []
    while len(filled) > 2 and len(filled[0]) >= MIN_TITLED_COLUMNS and _single_cell(filled[0]):
        titles.append(next(c for c in filled[0] if c and c.strip()).strip())
        filled = filled[1:]
    if len(filled) < 2 or len(filled[0]) < 2 or not is_header_row(filled[0]):
        return [*titles, *(" | ".join(c for c in row if c) for row in filled)]
    return [*titles, *_header_table_sentences(filled)]


def _single_cell(row: Cells) -> bool:
    """One cell filled, the first: a title ("BIỂU TỔNG HỢP …"), not a group over some columns
    beside an empty corner ("", "Năm 2052")."""
    return bool(row[0] and row[0].strip()) and sum(1 for c in row if c and c.strip()) == 1


def _header_table_sentences(filled: list[Cells]) -> list[str]:
    """The rows under a header (``table_sentences``), each said with the headers."""
    headers = _spread(filled[0])
    body = filled[1:]
    # Further header rows: under a merged cell ("Thực hiện" over "Năm 2031 | Năm 2032"), or a
    # header's wrapped lines that the PDF set as rows of their own ("Diện tích đất" over
    # "công nghiệp"): no figure, and nothing in the first column.
    while len(body) > 1 and is_header_row(body[0]) and not _units_of(body[0]):
        if None not in filled[0] and (body[0][0] or "").strip():
            break
        headers = _named_by_both(headers, body[0])
        body = body[1:]
    # A unit row ("Đơn vị tính | ha | % | người"): each column's unit, said after its figures.
    units = _units_of(body[0]) if len(body) > 1 else None
    if units:
        headers = [
            f"{h} ({u})" if u and h and not HEADER_UNIT.match(h) else h for h, u in zip(headers, units, strict=False)
        ]
        body = body[1:]
    rows = _filled_down(body)
    numbered = _row_number_column(rows)
    if numbered is not None and numbered + 1 < len(headers) and _names_a_column(headers[numbered]):
        # "Xếp hạng | Đơn vị | Điểm": a rank, said after the row's name ("… — Xếp hạng: 1").
        order = [*range(numbered), numbered + 1, numbered, *range(numbered + 2, len(headers))]
        headers = [headers[i] for i in order]
        rows = [[row[i] if i < len(row) else "" for i in order] + row[len(order) :] for row in rows]
    elif numbered is not None and numbered < len(headers):  # "TT" misread by OCR, or left blank
        headers = [*headers[:numbered], "TT", *headers[numbered + 1 :]]
    group = _group_column(headers, rows)
    if group is not None:
        # "Tỉnh | Khu công nghiệp | …": the zone names the row, its province is a cell of it.
        order = [*range(group), group + 1, group, *range(group + 2, len(headers))]
        headers = [headers[i] for i in order]
        rows = [[row[i] if i < len(row) else "" for i in order] + row[len(order) :] for row in rows]
    return [s for s in (row_sentence(headers, row) for row in rows) if s]


def _group_column(headers: list[str], rows: list[list[str]]) -> int | None:
    """The column that would name each row (its first, row numbers aside) when it only places
    them (a province over its zones: headed by a place's word, a value shared by several
    rows) and the column after it names each row apart; None otherwise."""
    keys = [fold(h).strip(" .:") for h in headers]
    first = next((i for i, k in enumerate(keys) if k not in ROW_NUMBER_HEADERS and k != "tt"), None)
    if first is None or first + 1 >= len(headers) or len(rows) < MIN_GROUPED_ROWS:
        return None
    if not PLACE_HEADER.match(keys[first]):
        return None
    values = [r[first].strip() for r in rows if first < len(r) and r[first].strip()]
    names = [r[first + 1].strip() for r in rows if first + 1 < len(r) and r[first + 1].strip()]
    grouped = len(set(values)) < len(values)
    apart = len(names) == len(rows) and len(set(names)) == len(names) and not any(NUMBER_CELL.match(n) for n in names)
    return first if grouped and apart else None


def _names_a_column(header: str) -> bool:
    """A header of words ("Xếp hạng", "Hạng"), not the row numbers' ("STT", "S.T.T", "Số TT",
    "STT/No.") nor a short run of letters OCR made of them ("SIT", "T1")."""
    words = re.findall(r"[a-z]+", fold(header).split("/")[0])
    numbers = {h.replace(" ", "") for h in ROW_NUMBER_HEADERS}
    return (
        "".join(words) not in numbers
        and (len(words) > 1 or any(len(w) > 3 for w in words))
        and bool(
            RANK_WORDS.search(fold(header))  # what a column of 1, 2, 3 … names, when not the rows' numbers
        )
    )


RANK_WORDS = re.compile(r"\b(?:hang|thu)\b")  # "Xếp hạng", "Hạng", "Thứ hạng", "Xếp thứ" (folded)
# A row's number, with the marks OCR leaves about it ("3ˆ", "4.", "'5").
ROW_NUMBER = re.compile(r"^(?:[^\w\s]|[ˆ˜ʼ])*\d{1,3}(?:[^\w\s]|[ˆ˜ʼ])*$")


def _row_number_column(rows: list[list[str]]) -> int | None:
    """The column that numbers the rows (1, 2, 3 …): the first column with anything in it,
    when it holds a row number in at least ``ROW_NUMBER_SHARE`` of the rows."""
    first = next((i for i in range(max(map(len, rows), default=0)) if any(i < len(r) and r[i] for r in rows)), None)
    if first is None or len(rows) < 2:
        return None
    numbers = sum(bool(ROW_NUMBER.match(r[first].strip())) for r in rows if first < len(r))
    return first if numbers >= ROW_NUMBER_SHARE * len(rows) else None


def _filled_down(body: list[Cells]) -> list[list[str]]:
    """Rows whose leading cells are left blank under a group's label ("Cờ thi đua của Chính
    phủ" over the two boards voted on for it), with the label carried down, as a reader takes
    them. Only for a row that fills at least two cells after the blank run: a row with one
    cell is a wrapped line of the row above, not a row of its group."""
    rows: list[list[str]] = []
    for row in body:
        cells = [c or "" for c in row]
        blank = next((i for i, c in enumerate(cells) if c.strip()), len(cells))
        above = rows[-1] if rows else []
        if blank > 0 and sum(bool(c.strip()) for c in cells) >= 2 and len(above) >= blank:
            cells[:blank] = above[:blank]
        rows.append(cells)
    return rows


def _units_of(row: Cells) -> list[str] | None:
    """The units of a unit row under a table's header ("Đơn vị tính | ha | % | triệu USD"),
    column by column ("" where none); None when the row is not one."""
    cells = [c or "" for c in row]
    named = [i for i, c in enumerate(cells) if fold(c).strip(" .:") in UNIT_HEADERS]
    if not named or not is_header_row(row):
        return None
    units = ["" if i <= named[0] else c for i, c in enumerate(cells)]
    return units if any(units) and all(_unit_like(u) for u in units if u) else None


Rows = Iterator[list[str]]  # a sheet's rows, each as its cells would be printed


def _xlsx_sheets(path: Path) -> Iterator[tuple[str, Rows]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            rows = ([_cell(c.value, getattr(c, "number_format", "") or "") for c in row] for row in sheet.iter_rows())
            yield sheet.title, rows
    finally:
        workbook.close()


def _xls_sheets(path: Path) -> Iterator[tuple[str, Rows]]:
    """An Excel 97-2003 workbook (xlrd): numbers keep their format ("0%"), dates are dates."""
    import xlrd

    book = xlrd.open_workbook(path, formatting_info=True, on_demand=True)

    def value(cell: xlrd.sheet.Cell) -> object:
        if cell.ctype == xlrd.XL_CELL_DATE:
            return xlrd.xldate_as_datetime(cell.value, book.datemode)
        if cell.ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(cell.value)
        if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
            return None
        return cell.value

    def number_format(cell: xlrd.sheet.Cell) -> str:
        shown = book.format_map.get(book.xf_list[cell.xf_index].format_key)
        return shown.format_str if shown is not None else ""

    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            rows = ([_cell(value(c), number_format(c)) for c in sheet.row(n)] for n in range(sheet.nrows))
            yield sheet.name, rows
            book.unload_sheet(index)
    finally:
        book.release_resources()


# A sheet's unit line above its table: "Đơn vị: tỷ đồng", "(ĐVT: triệu USD)", "Đơn vị tính: ha".
# "Đơn vị tính: tỷ đồng", "(ĐVT: người)"; of several ("Đơn vị tính: người; thu nhập: triệu
# đồng/người/tháng"), the first is the sheet's, the others a column's, whose header says it too.
SHEET_UNIT = re.compile(
    r"^\(?\s*(?:đơn vị(?: tính)?|đvt)\s*:\s*(?P<unit>[^();]{1,20}?)\s*(?:;[^()]*)?\)?\.?$", re.IGNORECASE
)


# A sheet's foot: who made it and who signs ("Người lập biểu | KT. TRƯỞNG BAN"), where it goes.
FOOT_OPENERS = ("noi nhan", "nguoi lap bieu", "nguoi lap")


def _head_or_foot(cell: str) -> bool:
    """A cell of the document's head (the state motto, "Số: 12/BC-BQL", "Kim Sơn, ngày …") or
    of its foot ("Nơi nhận:", "Người lập biểu", "KT. TRƯỞNG BAN")."""
    return is_header_line(cell) or _opens_foot(cell)


def _opens_foot(cell: str) -> bool:
    return is_signing_authority(cell) or fold(cell).strip().startswith(FOOT_OPENERS)


def sheet_lines(rows: Iterable[list[str]]) -> list[str]:
    """A sheet as lines of text. Rows above its table (the board that issued it, a title) are
    said as they are, but a unit line, said after each figure instead; the table's header is its
    first row of two or more cells without a figure (with the row under it when that is a
    header too: "Doanh thu" over "Năm 2031 | Năm 2032"), and every row under it one sentence
    (``row_sentence``), its figures said with the sheet's unit when neither their column nor
    the row gives one. A row of one cell under the table (a note, a group's name) is said as it
    is. The document's head and foot laid out in cells (issuer | state motto, number | place
    and date; "Người lập biểu" | "KT. TRƯỞNG BAN", names) are read cell by cell, as a letterhead
    table of a Word file is: taken for the table's header, they had labelled every figure
    "UBND TỈNH …"."""
    lines: list[str] = []
    headers: list[str] | None = None
    unit = ""
    pending: list[str] | None = None  # a header row that may have a second one under it
    foot = False  # the signature block has begun: every row after it is lines
    for cells in rows:
        filled = [c for c in cells if c]
        if not filled:
            continue
        foot = foot or any(_opens_foot(c) for c in filled)
        if foot or any(_head_or_foot(c) for c in filled):
            if pending is not None:  # not a header after all: a line above the table
                lines.append(" | ".join(c for c in pending if c))
                pending = None
            lines.extend(filled)
            continue
        if pending is not None:
            if len(filled) > 1 and is_header_row(cells) and "" in pending:
                headers = _named_by_both(_spread([c or None for c in pending]), cells)
                pending = None
                continue
            headers, pending = pending, None
        if headers is None and len(filled) > 1 and is_header_row(cells):
            pending = cells
            continue
        if headers is None or len(filled) == 1:
            line = " | ".join(filled)
            said = SHEET_UNIT.match(line) if headers is None else None
            if said:
                unit = said["unit"].strip()
                continue  # said after each figure instead (alone, it would head the table as its section)
            lines.append(line)
            continue
        sentence = row_sentence(headers, cells, unit)
        if sentence:
            lines.append(sentence)
    if pending is not None:
        lines.append(" | ".join(c for c in pending if c))
    return lines


def read_spreadsheet(path: Path) -> list[PageText]:
    """Each sheet a section headed by its name (``sheet_lines``)."""
    from ingest.loaders import IngestError

    sheets = _xls_sheets if path.suffix.lower() == ".xls" else _xlsx_sheets
    sections = []
    try:
        for title, rows in sheets(path):
            lines = [title, *sheet_lines(itertools.islice(rows, MAX_SHEET_ROWS))]
            if len(lines) > 1:
                sections.append("\n\n".join(lines))
    except Exception as error:  # openpyxl and xlrd raise many kinds for a damaged file
        raise IngestError(
            path.name, "tệp Excel bị hỏng hoặc không đọc được", f"the spreadsheet is corrupt ({error})"
        ) from error
    return [PageText(None, clean_text("\n\n".join(sections)))]


def convert_with_office(path: Path, target: str) -> Path:
    """A .doc/.rtf/.odt converted to .docx (an .ods to .xlsx, a .ppt/.odp to .pptx) in a
    temporary folder by LibreOffice (headless, its own profile, killed after
    ``CONVERSION_TIMEOUT_S``). The caller removes the folder."""
    from ingest.loaders import IngestError

    package = _OFFICE_PACKAGE[target]
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise IngestError(
            path.name,
            f"cần LibreOffice để đọc tệp {path.suffix}; hãy cài gói {package} hoặc lưu thành .{target}",
            f"reading {path.suffix} needs LibreOffice (Debian: {package}), or save it as .{target}",
        )
    folder = Path(tempfile.mkdtemp(prefix="baocao-office-"))
    source = folder / f"input{path.suffix.lower()}"  # a plain name: the report's own may confuse the command line
    shutil.copyfile(path, source)
    command = [
        office,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        target,
        "--outdir",
        str(folder),
        str(source),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERSION_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise IngestError(
            path.name,
            f"LibreOffice không chuyển được tệp sau {CONVERSION_TIMEOUT_S} giây",
            f"LibreOffice did not convert the file within {CONVERSION_TIMEOUT_S} s",
        ) from error
    converted = folder / f"input.{target}"
    if not converted.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        raise IngestError(
            path.name,
            f"LibreOffice không mở được tệp {path.suffix} này (hỏng hoặc không phải văn bản; "
            f"nếu tệp không hỏng, hãy cài gói {package})",
            f"LibreOffice could not open this {path.suffix} file (damaged or not a document; if it is "
            f"sound, install {package})",
        )
    return converted
