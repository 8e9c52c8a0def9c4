"""Ruled tables of a PDF's text pages, read row by row (pdfplumber).

A PDF's text layer has no tables: pypdf reads a table as one run of words ("STT Chỉ tiêu ĐVT
Kế hoạch … 1 Số dự án cấp mới dự án 45 34 75,6 2 …"), its rows and columns gone. On a page
where pdfplumber finds ruled tables, the page is read again in bands from top to bottom: the
text between tables as text, each table as one sentence per row said with its header row
(``office.table_sentences``, as for a .docx or a spreadsheet). Pages without a ruled table
keep pypdf's text, unless pypdf read their accented letters out of their words: a PDF whose
font draws "Ả" as a glyph of its own after the line (LibreOffice with a font lacking
precomposed Vietnamese letters) reads "BAN QU N LÝ … Ả" in text order; pdfplumber places
each letter where it is printed. Anything pdfplumber cannot read leaves the page as pypdf
read it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.models import PageText
from ingest.normalize import clean_text, fold, is_vietnamese_syllable, unwrapped
from ingest.office import Cells, is_header_row, is_letterhead, table_sentences

log = logging.getLogger(__name__)


def _cells(row: list[str | None]) -> Cells:
    """A row as pdfplumber gives it (a cell's wrapped lines joined; None under a merged cell)."""
    return [None if cell is None else " ".join(unwrapped(cell).split()) for cell in row]


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def _band(page: Any, top: float, bottom: float, tables: list[Box]) -> str:
    """The text whose middle lies between ``top`` and ``bottom`` (a line just under a table
    may start a hair above its bottom rule) and outside every table (text set beside one)."""

    def kept(obj: dict[str, Any]) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return top <= y < bottom and not any(x0 <= x <= x1 and t <= y <= b for x0, t, x1, b in tables)

    return page.filter(kept).extract_text() or ""


def _table_text(rows: list[Cells]) -> str:
    """A data table one row per sentence; an official head or foot laid out as a table line by line."""
    if is_letterhead(rows):
        return "\n".join(cell for row in rows for cell in row if cell)
    return "\n\n".join(table_sentences(rows))


@dataclass
class _Page:
    text: str | None  # None: no ruled table on the page
    carried_out: list[Cells] | None = None  # the header rows of a table at the page's foot
    header_left_out: bool = False  # that table is only a header: the next page's table reads it
    took_carried: bool = False  # the first table went on from the header of the page before
    # The end of the last row of the page before, cut by the page break ("giai đoạn hai" of "KCN
    # Kim Sơn mở rộng giai đoạn hai"): the first row of the page's first table with only its first cell.
    tail: list[Cells] | None = None


def _header_rows(rows: list[Cells]) -> list[Cells]:
    """A table's first rows without a figure (its header, a header's wrapped line, a unit row)."""
    header: list[Cells] = []
    for row in rows:
        if not is_header_row(row):
            break
        header.append(row)
    return header if header and len(header[0]) >= 2 else []


def _is_tail(row: Cells) -> bool:
    """A row with words in its first cell only and its other cells empty: the rest of a row cut
    by a page break (a merged group row, "Nhóm B: …", has no other cells: None)."""
    return bool(row and row[0]) and len(row) > 1 and all(cell == "" for cell in row[1:])


def _page_text(
    page: Any,
    carried: list[Cells] | None = None,
    carried_alone: bool = False,
    keep_last: bool = False,
    tail: list[Cells] | None = None,
) -> _Page:
    """The page read in bands, its ruled tables as row sentences. A table at the top of the page
    that goes on from one at the foot of the page before takes its header rows (``carried``),
    unless it repeats them, and gives back the end of a row the break cut (``_Page.tail``,
    which the page before is read again with: ``tail``); a table at the page's foot that is
    only a header is left for the next page (unless ``keep_last``)."""
    tables = sorted(page.find_tables(), key=lambda table: table.bbox[1])
    if not tables:
        return _Page(None)
    boxes = [table.bbox for table in tables]
    parts: list[str] = []
    top = page.bbox[1]
    result = _Page(None)
    for index, table in enumerate(tables):
        _, table_top, _, bottom = table.bbox
        above = _band(page, top, table_top, boxes)
        parts.append(above)
        rows = [_cells(row) for row in table.extract()]
        # A table at the top going on from one at the foot of the page before: its header was
        # left alone there, or its rows have none of their own (a header not repeated per page).
        going_on = index == 0 and carried and len(carried[0]) == len(rows[0]) and not above.strip()
        if going_on and _is_tail(rows[0]):
            result.tail, rows = rows[:1], rows[1:]
        if going_on and (carried_alone or not _header_rows(rows)):
            rows = [*carried, *rows]
            result.took_carried = True
        last = index == len(tables) - 1
        if last and tail and rows and len(tail[0]) == len(rows[-1]):
            rows[-1] = [" ".join(filter(None, pair)) or None for pair in zip(rows[-1], tail[0], strict=True)]
        if last and not _band(page, bottom, page.bbox[3] + 1, boxes).strip():
            header = _header_rows(rows)
            result.carried_out = header or None
            if header and len(header) == len([row for row in rows if any(row)]) and not keep_last:
                result.header_left_out = True
                top = max(top, bottom)
                continue
        parts.append(_table_text(rows))
        parts.append(_band(page, max(top, table_top), bottom, boxes))  # text set beside the table
        top = max(top, bottom)
    parts.append(_band(page, top, page.bbox[3] + 1, boxes))
    result.text = "\n\n".join(part for part in parts if part.strip())
    return result


_WORD = re.compile(r"[^\W\d_]+")


def syllable_share(text: str) -> float:
    """The share of the words of ``text`` that can be Vietnamese syllables ("Quản" can, the "QU"
    and "N" of a "QU N" whose "Ả" was read apart cannot). Of two readings of one page, the one
    with the larger share has its letters in their words."""
    words = _WORD.findall(text)
    return sum(is_vietnamese_syllable(fold(word)) for word in words) / len(words) if words else 0.0


def with_tables(path: Path, pages: list[PageText]) -> list[PageText]:
    """``pages`` (pypdf's text, numbered from 1) with each page that holds a ruled table read
    again with its tables row by row (a table going on over a page break keeps its header), and
    each page without one read again where pypdf put its accented letters out of their words."""
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            rebuilt = list(pages)
            given: dict[int, tuple[list[Cells] | None, bool]] = {}  # page index → what it was read with

            def read(
                index: int,
                carried: list[Cells] | None,
                alone: bool,
                keep_last: bool = False,
                tail: list[Cells] | None = None,
            ) -> _Page:
                given[index] = (carried, alone)
                page = _page_text(pdf.pages[index], carried, alone, keep_last, tail)
                if page.text:
                    rebuilt[index] = PageText(rebuilt[index].number, clean_text(page.text))
                else:
                    placed = clean_text(pdf.pages[index].extract_text() or "")
                    if syllable_share(placed) > syllable_share(rebuilt[index].text):
                        rebuilt[index] = PageText(rebuilt[index].number, placed)
                return page

            carried: list[Cells] | None = None
            alone = False  # the carried header is a table of its own, left out of its page
            for index in range(len(pdf.pages)):
                scanned = index >= len(rebuilt) or not rebuilt[index].text  # read by OCR, not here
                page = None if scanned else read(index, carried, alone)
                if alone and (page is None or not page.took_carried):
                    read(index - 1, *given[index - 1], keep_last=True)  # the header stays on its page
                elif page is not None and page.tail:
                    read(index - 1, *given[index - 1], tail=page.tail)  # the cut row made whole
                carried, alone = (None, False) if page is None else (page.carried_out, page.header_left_out)
            if alone:
                read(len(pdf.pages) - 1, *given[len(pdf.pages) - 1], keep_last=True)
            return rebuilt
    except Exception as error:  # a damaged PDF pypdf could read: its text stays as pypdf gave it
        log.warning("%s: tables not read (%s: %s)", path.name, type(error).__name__, error)
        return pages
