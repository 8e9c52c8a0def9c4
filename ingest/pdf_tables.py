"""Ruled tables of a PDF's text pages, read row by row (pdfplumber).

A PDF's text layer has no tables: pypdf reads a table as one run of words ("STT Chỉ tiêu ĐVT
Kế hoạch … 1 Số dự án cấp mới dự án 45 34 75,6 2 …"), its rows and columns gone. On a page
where pdfplumber finds ruled tables, the page is read again in bands from top to bottom: the
text between tables as text, each table as one sentence per row said with its header row
(``office.table_sentences``, as for a .docx or a spreadsheet). Pages without a ruled table
keep pypdf's text. Anything pdfplumber cannot read leaves the page as pypdf read it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ingest.models import PageText
from ingest.normalize import clean_text
from ingest.office import Cells, is_letterhead, table_sentences

log = logging.getLogger(__name__)


def _cells(row: list[str | None]) -> Cells:
    """A row as pdfplumber gives it (a cell's wrapped lines joined; None under a merged cell)."""
    return [None if cell is None else " ".join(cell.split()) for cell in row]


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


def _page_text(page: Any) -> str | None:
    """The page read in bands, its ruled tables as row sentences; None when it has none."""
    tables = sorted(page.find_tables(), key=lambda table: table.bbox[1])
    if not tables:
        return None
    boxes = [table.bbox for table in tables]
    parts: list[str] = []
    top = page.bbox[1]
    for table in tables:
        _, table_top, _, bottom = table.bbox
        parts.append(_band(page, top, table_top, boxes))
        parts.append(_table_text([_cells(row) for row in table.extract()]))
        parts.append(_band(page, max(top, table_top), bottom, boxes))  # text set beside the table
        top = max(top, bottom)
    parts.append(_band(page, top, page.bbox[3] + 1, boxes))
    return "\n\n".join(part for part in parts if part.strip())


def with_tables(path: Path, pages: list[PageText]) -> list[PageText]:
    """``pages`` (pypdf's text, numbered from 1) with each page that holds a ruled table read
    again with its tables row by row."""
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            rebuilt = list(pages)
            for index, page in enumerate(pdf.pages):
                if index >= len(rebuilt) or not rebuilt[index].text:
                    continue  # a scanned page: read by OCR, not here
                text = _page_text(page)
                if text:
                    rebuilt[index] = PageText(rebuilt[index].number, clean_text(text))
            return rebuilt
    except Exception as error:  # a damaged PDF pypdf could read: its text stays as pypdf gave it
        log.warning("%s: tables not read (%s: %s)", path.name, type(error).__name__, error)
        return pages
