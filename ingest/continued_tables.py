"""A table that goes on over a page break without its header row printed again. Pure.

On the first page its rows are said with their headers ("Ban Quản lý … — Điểm Khối chấm: 97,8;
Xếp hạng: 1.", ``office.row_sentence``); on the next page, read alone, its first row has
figures, so no header is found and the rows stay cells between " | " ("6. | Ban Quản lý … |
94,25 | 92,65 | 6"): rows whose figures no column names, and which the chunker takes for numbered
headings. Those rows are said with the headers of the row sentence that ends the page before,
when they have as many cells as it has (a row number aside).
"""

from __future__ import annotations

import re

from ingest.models import PageText
from ingest.office import ROW_NUMBER, is_row_sentence, row_sentence

# Lines above the continued rows on the new page: its number only ("2", "- 2 -", "Trang 2"):
# a caption or any other text there opens another table ("Bảng 2. Thu hút đầu tư").
PAGE_NUMBER = re.compile(r"^[-–\s]*(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?[-–\s]*$", re.IGNORECASE)


def _headers(row: str) -> list[str]:
    """The headers a row sentence said its cells with ("Điểm Khối chấm", "Xếp hạng")."""
    _, _, said = row.partition(" — ")
    return [cell.partition(":")[0].strip() for cell in said.rstrip(".").split("; ")]


def _last_row_sentence(text: str) -> str | None:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return lines[-1] if lines and is_row_sentence(lines[-1]) and ": " in lines[-1] else None


def _cells(line: str) -> list[str] | None:
    """A row's cells read as " | "-separated text, its row number left out; None for a line that
    is no such row."""
    if " | " not in line:
        return None
    cells = [c.strip() for c in line.split(" | ")]
    return cells[1:] if cells and ROW_NUMBER.match(cells[0]) else cells


def _continued(text: str, headers: list[str]) -> str:
    lines = text.split("\n")
    said: list[str] = []
    rows = 0
    for index, line in enumerate(lines):
        if not line.strip():
            said.append(line)
            continue
        cells = _cells(line.strip())
        if cells is None or len(cells) != len(headers) + 1:
            if rows:
                return "\n".join([*said, *lines[index:]])  # the rows end where the text goes on
            if not PAGE_NUMBER.match(line.strip()):
                return text  # text before any row: no table goes on here
            said.append(line)
            continue
        rows += 1
        said.append(row_sentence(["", *headers], cells) or line)
    return "\n".join(said)


def with_continued_rows(pages: list[PageText]) -> list[PageText]:
    """``pages`` with the rows of a table continued from the page before said with its headers."""
    out: list[PageText] = []
    for page in pages:
        last = _last_row_sentence(out[-1].text) if out else None
        text = _continued(page.text, _headers(last)) if last else page.text
        out.append(PageText(page.number, text, page.blocks) if text != page.text else page)
    return out
