"""Tables typed in a plain-text report, read as an office file's tables are: one sentence per
row, said with its column headers (``office.table_sentences``). Pure.

Staff type tables into .txt files two ways: cells between "|" (with or without a "---|---"
rule under the header), or columns lined up with runs of spaces or tabs. Glued into one
paragraph, a row's figures lose the years and indicators their columns name.
"""

from __future__ import annotations

import itertools
import re

from ingest.office import table_sentences

_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:[|+]\s*:?-{3,}:?\s*)*\|?\s*$")  # "----|------"
_GAP = re.compile(r" {2,}|\t+")  # what lines columns up: a single space is inside a cell
MIN_COLUMNS = 3  # two columns are a header's layout ("KHỐI THI ĐUA    CỘNG HÒA …"), not a table
MIN_ALIGNED_ROWS = 3  # lined-up columns: a header and two rows, so it is no chance alignment


def _pipe_cells(line: str) -> list[str] | None:
    if line.count("|") < MIN_COLUMNS - 1:
        return None
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _aligned_cells(line: str) -> list[str] | None:
    cells = [cell.strip() for cell in _GAP.split(line.strip())]
    return cells if len(cells) >= MIN_COLUMNS else None


# A cell that is a figure, with or without its unit: "47", "61,2%", "1.250 triệu USD", "47 dự án".
_FIGURE_CELL = re.compile(r"^-?\d[\d.,]*%?(?:\s|$)")


def _has_figure(rows: list[list[str]]) -> bool:
    return any(_FIGURE_CELL.match(cell) for row in rows[1:] for cell in row)


def _block(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """The table starting at ``lines[start]`` (its rows, the index after it), or no rows."""
    for cells_of, min_rows in ((_pipe_cells, 2), (_aligned_cells, MIN_ALIGNED_ROWS)):
        header = cells_of(lines[start])
        if header is None:
            continue
        rows, end = [header], start + 1
        while end < len(lines):
            if _RULE.match(lines[end]):
                end += 1
                continue
            cells = cells_of(lines[end])
            if cells is None or len(cells) != len(header):
                break
            rows.append(cells)
            end += 1
        if len(rows) >= min_rows and _has_figure(rows):
            return rows, end
    return [], start + 1


# A rule of dash runs lined up under a header's columns ("-------   -----   ---------"): where
# each run lies is where its column lies.
_DASH_RULE = re.compile(r"^\s*[-=]{2,}(?:\s+[-=]{2,}){2,}\s*$")
MAX_HEADER_LINES = 3  # a header's wrapped lines above its rule ("Dự án" / "mới")


def _ruled_block(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """The table whose header starts at ``lines[start]`` and whose rule of dash runs follows it
    within ``MAX_HEADER_LINES`` lines: cells cut where the rule's runs lie, a header's wrapped
    lines joined column by column, a rule before the total row skipped; or no rows."""
    rule = next(
        (i for i in range(start + 1, min(start + 1 + MAX_HEADER_LINES, len(lines))) if _DASH_RULE.match(lines[i])),
        None,
    )
    if rule is None or not all(lines[i].strip() for i in range(start, rule)):
        return [], start + 1
    runs = [m.span() for m in re.finditer(r"[-=]+", lines[rule])]
    # Each column from midway in the gap before its run to midway in the gap after it.
    cuts = [0, *((a_end + b_start) // 2 for (_, a_end), (b_start, _) in itertools.pairwise(runs)), None]

    def cells(line: str) -> list[str]:
        return [line[a:b].strip() for a, b in itertools.pairwise(cuts)]

    def crosses(line: str) -> bool:  # text running over a cut: a caption above, a value wider than its rule
        return any(0 < c < len(line) and line[c - 1] != " " and line[c] != " " for c in cuts[1:-1])

    if any(crosses(lines[i]) for i in range(start, rule)):
        return [], start + 1
    header_lines = [cells(lines[i]) for i in range(start, rule)]
    header = [" ".join(p for p in parts if p) for parts in zip(*header_lines, strict=True)]
    rows, end = [header], rule + 1
    while end < len(lines) and lines[end].strip():
        if not _DASH_RULE.match(lines[end]):
            if crosses(lines[end]):
                return [], start + 1  # not cut where its rule says: read as lined-up columns
            rows.append(cells(lines[end]))
        end += 1
    if len(rows) < MIN_ALIGNED_ROWS or not _has_figure(rows):
        return [], start + 1
    return rows, end


def with_table_sentences(text: str) -> str:
    """``text`` with each typed table replaced by its rows as sentences, one paragraph each."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        rows, end = _ruled_block(lines, index)
        if not rows:
            rows, end = _block(lines, index)
        if rows:
            out += ["", *"\n\n".join(table_sentences(list(rows))).split("\n"), ""]
            index = end
        else:
            out.append(lines[index])
            index += 1
    return "\n".join(out)
