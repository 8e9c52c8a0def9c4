"""A PDF's running header and footer, taken out of its pages and kept apart. Pure.

Reports printed from Word repeat a line at the top or foot of every page (the board's name
and the report's title, "Báo cáo số 412/BC-BQL – Trang 2/5"). Left in the text, it is glued
to the paragraph or table row that a page break cuts, and answers quote it. Kept apart, it
may still say who wrote the document (``docframe``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ingest.models import PageText
from ingest.normalize import fold

EDGE_LINES = 2  # lines looked at, at the top and at the foot of each page
# A line at the edge of at least this share of the pages (and of two pages at least) runs
# over the document: a paragraph's line does not come back at the same place page after page.
MIN_SHARE = 0.5
_DIGITS = re.compile(r"\d+")


def _key(line: str) -> str:
    """A line as it repeats: page numbers and dates aside ("Trang 2/5" is "Trang 3/5")."""
    return _DIGITS.sub("#", fold(line).strip())


def _edges(lines: list[str]) -> set[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return {*filled[:EDGE_LINES], *filled[-EDGE_LINES:]}


def split_running_lines(pages: list[PageText]) -> tuple[list[PageText], tuple[str, ...]]:
    """``pages`` without the lines repeated at the top or foot of most of them, and those
    lines, each once, as first printed: kept out of the text, they may be all that names the
    board that wrote it (a slide deck's "BAN QUẢN LÝ CÁC KCN TỈNH X — …" over every slide)."""
    split = [page.text.split("\n") for page in pages]
    seen = Counter(key for lines in split for key in {_key(lines[i]) for i in _edges(lines)} if key.strip("# "))
    running = {key for key, count in seen.items() if count >= max(2, MIN_SHARE * len(pages))}
    if not running:
        return pages, ()
    out, dropped = [], {}
    for page, lines in zip(pages, split, strict=True):
        edges = _edges(lines)
        kept = []
        for i, line in enumerate(lines):
            key = _key(line) if i in edges else ""
            if key in running:
                dropped.setdefault(key, line.strip())
            else:
                kept.append(line)
        out.append(replace(page, text="\n".join(kept).strip()))
    return out, tuple(dropped.values())
