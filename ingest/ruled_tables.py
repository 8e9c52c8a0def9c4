"""Ruled tables on a scanned page. Pure: numpy on the page's grey pixels, and the boxes of the
words Tesseract read.

A table printed with its grid (the usual form of a scoring table or a table of figures in an
administrative report) is read by Tesseract's layout analysis as text mixed with "|" marks:
its rows run together and some are dropped. Here its grid is found from the page's long
straight runs of ink, the rules are whitened before the page is read, and each word read is
put in the cell its centre falls in, so that a row is read as a row.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from ingest.office import Cells

OcrWord = tuple[str, int, int, int, int]  # text, left, top, right, bottom (as ``ocr.OcrWord``)

# Measured on three scanned ruled tables (trial 12's investors by country at 200 dpi, trial
# 14's scoring table at 240 dpi askew by 0.4-0.55°, the test's at 200 dpi): every rule found
# and nothing else, at these values.
INK = 128  # grey level under which a pixel is ink (the middle of the scale)
# A horizontal rule is a run of ink at least this share of the page's width: no word or letter
# is that long, a table's rules are (the three tables span 79-90% of their page; their reports'
# other pages have no straight run of ink over 2% of the page's width). A vertical one crosses
# at least this share of its table's rows from rule to rule: no column of text crosses one (its
# lines are parted by white), and a row spanning the table ("I. TẬP THỂ") crosses none (the
# annex of the eighth trial has two such rows in 14: its longest stretch of a vertical rule was 45% of
# the table's height, under the 50% asked of a rule's longest run before).
MIN_RULE_SHARE = 0.25
MIN_COLUMN_RULE_SHARE = 0.5
# Pixels a rule may drift across its length and still be one rule: a page set level to within
# a fraction of a degree (``ocr.MIN_SKEW``) drifts by a few pixels over a table's width.
RULE_SLACK = 3
# A row of a table is no taller than this share of the page: rules further apart belong to
# two tables (or to a rule under a heading).
MAX_ROW_SHARE = 0.2
# Share of a band's height a vertical rule must cover to part two cells of that band; under it
# the cell spans both columns (a header merged across columns).
MIN_SEPARATOR_SHARE = 0.8
# Px of a rule's grey edge, either side, whitened with it: with none, trial 14's table read
# "SẺ SS nS" and "Sạc" out of what was left of its rules; with 2, clean cells.
HALO = 2
MIN_RULES = 3  # rules each way: a table has a header, one row and two columns at least
# A rule is a line: its run of ink (thickened by ``RULE_SLACK`` each side) is at most this
# share of the page's width thick, when it reaches the page's edge. Measured: the rules of
# four scanned tables and the test's are 8-15 px thick so (0.3-0.8% of their width); the dark
# table top around a photographed sheet (the eighth trial), 121-235 px (6.6-13%) from its edges,
# which read as rules made one grid of the whole page, whose one cell the OCR read as
# nothing. A dark band inside the page (a header row filled grey) is still a rule.
MAX_RULE_THICKNESS_SHARE = 0.02
EDGE_SHARE = 0.1  # of the page's height or width: how near its edge the surround lies
# A page left askew under ``ocr.MIN_SKEW`` (1°) is not set level, and a photographed page set
# level keeps its perspective: a vertical rule drifts across a row's height by up to the tangent
# of this angle. Measured: a phone photo's table (the twentieth trial), levelled, has its left
# rules leaning 1.9° (28 px over 860) while those near the middle stand straight; at 1° they
# crossed 4 of 9 rows and the first two columns (the zones' names) were lost.
SKEW_LEFT = math.tan(math.radians(3.0))


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[int, int], ...]  # each horizontal rule's first and last pixel row, top to bottom
    columns: tuple[tuple[int, int], ...]  # each vertical rule's first and last pixel column, left to right
    joined: frozenset[tuple[int, int]] = frozenset()  # (band, rule) where a vertical rule is absent

    @property
    def top(self) -> int:
        return self.rows[0][0]

    @property
    def box(self) -> tuple[int, int, int, int]:
        """Left, top, right, bottom (exclusive) of the table with its rules."""
        return self.columns[0][0], self.rows[0][0], self.columns[-1][1] + 1, self.rows[-1][1] + 1

    def row_of(self, y: float) -> int | None:
        return _band(self.rows, y)

    def column_of(self, x: float) -> int | None:
        return _band(self.columns, x)


def _band(rules: tuple[tuple[int, int], ...], at: float) -> int | None:
    for index, ((_, end), (start, _)) in enumerate(itertools.pairwise(rules)):
        if end <= at <= start:
            return index
    return None


def _longest_runs(mask: np.ndarray) -> np.ndarray:
    """For each row of ``mask``, its longest run of True."""
    longest = np.zeros(mask.shape[0], dtype=np.int32)
    current = np.zeros(mask.shape[0], dtype=np.int32)
    for column in mask.T:
        current = (current + 1) * column
        np.maximum(longest, current, out=longest)
    return longest


def _spread(mask: np.ndarray, reach: int) -> np.ndarray:
    """``mask`` with each row also True where a row within ``reach`` above or below is."""
    out = mask.copy()
    for shift in range(1, reach + 1):
        out[shift:] |= mask[:-shift]
        out[:-shift] |= mask[shift:]
    return out


def _thickened(mask: np.ndarray) -> np.ndarray:
    """A rule that drifts a few rows over its length (``RULE_SLACK``) is still one run."""
    return _spread(mask, RULE_SLACK)


def _spans(indices: np.ndarray, step: int = 1) -> list[tuple[int, int]]:
    """Runs of indices as (first, last): consecutive ones, or at most ``step`` apart."""
    spans: list[tuple[int, int]] = []
    for index in indices.tolist():
        if spans and index - spans[-1][1] <= step:
            spans[-1] = (spans[-1][0], index)
        else:
            spans.append((index, index))
    return spans


def _tables(rules: list[tuple[int, int]], height: int) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    for rule in rules:
        if groups and rule[0] - groups[-1][-1][1] <= MAX_ROW_SHARE * height:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    return [group for group in groups if len(group) >= MIN_RULES]


def _thin(spans: list[tuple[int, int]], width: int, length: int) -> list[tuple[int, int]]:
    """The spans that are rules: thin, or away from the page's edges (``length``: the page's
    size across them)."""
    edge = EDGE_SHARE * length
    return [
        (a, b) for a, b in spans if b - a + 1 <= MAX_RULE_THICKNESS_SHARE * width or (a > edge and b < length - edge)
    ]


def find_grids(page: np.ndarray) -> list[Grid]:
    """The ruled tables of a page (grey pixels, levelled), top to bottom."""
    ink = page < INK
    height, width = ink.shape
    rows = _longest_runs(_thickened(ink)) >= MIN_RULE_SHARE * width
    grids = []
    for rules in _tables(_thin(_spans(np.flatnonzero(rows)), width, height), height):
        # Pieces of one vertical rule a few pixels apart (a page left slightly askew) are one.
        verticals = _thin(_spans(np.flatnonzero(_crossing(ink, rules)), step=2 * RULE_SLACK), width, width)
        if len(verticals) < MIN_RULES:
            continue
        grids.append(Grid(tuple(rules), tuple(verticals), _joined(ink, tuple(rules), tuple(verticals))))
    return grids


def _crossing(ink: np.ndarray, rules: list[tuple[int, int]]) -> np.ndarray:
    """For each pixel column, whether a vertical rule runs there: it crosses enough of the
    table's rows, each from the rule above to the rule below."""
    crossed = np.zeros(ink.shape[1], dtype=np.int32)
    for (_, above), (below, _) in itertools.pairwise(rules):
        reach = RULE_SLACK + math.ceil(SKEW_LEFT * (below - above))  # a rule drifting a few pixels is one
        inside = _spread(ink[above + 1 : below].T, reach).T
        if len(inside):
            crossed += inside.all(axis=0)
    return crossed >= MIN_COLUMN_RULE_SHARE * (len(rules) - 1)


def _joined(ink: np.ndarray, rows: tuple[tuple[int, int], ...], columns: tuple[tuple[int, int], ...]) -> frozenset:
    joined = set()
    for band, ((_, above), (below, _)) in enumerate(itertools.pairwise(rows)):
        for rule, (start, end) in enumerate(columns[1:-1], start=1):
            inside = ink[above + 1 : below, max(start - RULE_SLACK, 0) : end + RULE_SLACK + 1]
            if inside.size and inside.any(axis=1).mean() < MIN_SEPARATOR_SHARE:
                joined.add((band, rule))
    return frozenset(joined)


def _run_lengths(mask: np.ndarray) -> np.ndarray:
    """For each True pixel of ``mask``, the length of the run of True along its row it is in."""
    forward = np.zeros(mask.shape, dtype=np.int32)
    backward = np.zeros(mask.shape, dtype=np.int32)
    width = mask.shape[1]
    for x in range(width):
        forward[:, x] = (forward[:, x - 1] + 1) * mask[:, x] if x else mask[:, x]
        back = width - 1 - x
        backward[:, back] = (backward[:, back + 1] + 1) * mask[:, back] if x else mask[:, back]
    return np.where(mask, forward + backward - 1, 0)


def without_rules(page: np.ndarray, grids: list[Grid]) -> np.ndarray:
    """The page with its tables' rules whitened, for Tesseract to read the cells' words only.
    Only the rules' own ink goes: near each rule, the pixels in a straight run longer than half
    the smallest cell (no letter's stroke is), so the letters touching a rule keep their
    accents."""
    out = page.copy()
    ink = page < INK
    for grid in grids:
        left, right = grid.columns[0][0], grid.columns[-1][1] + 1
        top, bottom = grid.rows[0][0], grid.rows[-1][1] + 1
        # Whitened to the table's own paper, not to white: in a phone photo's table (grey paper,
        # the twentieth trial) white stripes left its header read "Khu công srị:|_ nghiệp", its
        # paper's grey "Khu công nghiệp".
        paper = int(np.median(page[top:bottom, left:right]))
        cell_height = min(b[0] - a[1] for a, b in itertools.pairwise(grid.rows))
        cell_width = min(b[0] - a[1] for a, b in itertools.pairwise(grid.columns))
        for start, end in grid.rows:
            rows = slice(max(start - RULE_SLACK, 0), end + RULE_SLACK + 1)
            rule = _run_lengths(ink[rows, left:right]) >= cell_width / 2
            out[rows, left:right][_with_halo(rule)] = paper
        for start, end in grid.columns:
            columns = slice(max(start - RULE_SLACK, 0), end + RULE_SLACK + 1)
            rule = _run_lengths(ink[top:bottom, columns].T) >= cell_height / 2
            out[top:bottom, columns][_with_halo(rule).T] = paper
    return out


def without_tables(page: np.ndarray, grids: list[Grid]) -> np.ndarray:
    """The page with its tables blanked: read on their own (``ocr``), not again with the page."""
    out = page.copy()
    for grid in grids:
        left, top, right, bottom = grid.box
        out[top:bottom, left:right] = 255
    return out


def _with_halo(rule: np.ndarray) -> np.ndarray:
    """A rule's pixels and the grey edge a scan gives it (``HALO`` pixels either side across
    it): left, Tesseract reads the faint line that remains as letters."""
    return _spread(rule, HALO)


def _cell_text(words: list[OcrWord]) -> str:
    """A cell's words in reading order: line by line (a word starting below the middle of the
    line's first word opens a new line), left to right."""
    lines: list[list[OcrWord]] = []
    for word in sorted(words, key=lambda w: w[2]):
        first = lines[-1][0] if lines else None
        if first is not None and word[2] < (first[2] + first[4]) / 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return " ".join(w[0] for line in lines for w in sorted(line, key=lambda w: w[1]))


def table_rows(grid: Grid, words: list[OcrWord]) -> list[Cells]:
    """The rows of ``grid`` filled with the words whose centre falls in a cell (None where the
    cell on the left spans the column)."""
    cells: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        row = grid.row_of((word[2] + word[4]) / 2)
        column = grid.column_of((word[1] + word[3]) / 2)
        if row is None or column is None:
            continue
        while column > 0 and (row, column) in grid.joined:
            column -= 1  # the word is in the cell that spans from the left
        cells.setdefault((row, column), []).append(word)
    rows: list[Cells] = []
    for row in range(len(grid.rows) - 1):
        rows.append(
            [
                None if (row, column) in grid.joined else _cell_text(cells.get((row, column), []))
                for column in range(len(grid.columns) - 1)
            ]
        )
    return rows
