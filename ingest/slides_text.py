"""A slide deck's (.pptx) text, one page per slide: its title as the heading, then its text
boxes, tables and grouped shapes from top to bottom, its speaker notes in brackets, and the
lines of its footers apart (the footer placeholders, and any line at the edge of most slides:
printed on every slide, they may be all that names the board).

A bullet of a slide's body becomes a "- " item: a slide is a list of points under its title
("Cấp mới 25 dự án …"), not a paragraph of prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.chunking import BULLET
from ingest.models import PageText
from ingest.normalize import clean_text
from ingest.office import Cells, table_sentences
from ingest.running_lines import split_running_lines

if TYPE_CHECKING:
    from pptx.shapes.base import BaseShape
    from pptx.slide import Slide
    from pptx.table import Table
    from pptx.text.text import TextFrame

_RUNNING_PLACEHOLDERS = ("FOOTER", "SLIDE_NUMBER", "DATE")  # printed on every slide
_BULLETED_PLACEHOLDERS = ("BODY", "OBJECT")  # a body's paragraphs are bullets unless told otherwise
_BULLET_MARKS = frozenset({"buChar", "buAutoNum", "buBlip"})  # a paragraph's own bullet (a converted deck's)
_PARAGRAPH_BREAKS = re.compile(r"\n\s*\n\s*")  # what a running line taken out leaves: one break


def read_slides(path: Path) -> tuple[list[PageText], tuple[str, ...]]:
    """One page per slide (numbered as the deck shows them), each text box a block of its own
    (boxes side by side are columns, not one sentence; ``_frame_lines``), and the footers' lines."""
    import pptx

    deck = pptx.Presentation(str(path))
    slides: list[PageText] = []
    notes: dict[int, str] = {}
    running: dict[str, None] = {}
    for number, slide in enumerate(deck.slides, start=1):
        lines = list(_slide_lines(slide, running))
        slides.append(PageText(number, clean_text("\n\n".join(lines)), blocks=True))
        notes[number] = _notes(slide)
    # A template's text box on every slide (the board's name) runs over the deck as a footer
    # does; looked for before the notes are put under each slide, which would hide it.
    kept, repeated = split_running_lines(slides)
    pages = []
    for page in kept:
        said = [_PARAGRAPH_BREAKS.sub("\n\n", page.text).strip(), notes[page.number or 0]]
        text = "\n\n".join(part for part in said if part)
        if text:
            pages.append(replace(page, text=text))
    return pages, tuple(dict.fromkeys([*running, *repeated]))


def _slide_lines(slide: Slide, running: dict[str, None]) -> Iterator[str]:
    title = slide.shapes.title
    if title is not None and title.has_text_frame and title.text_frame.text.strip():
        yield " ".join(title.text_frame.text.split())  # a title wrapped by hand is one heading
    for shape in _in_reading_order(slide.shapes):
        if title is not None and shape.shape_id == title.shape_id:
            continue
        kind = _placeholder_kind(shape)
        if kind in _RUNNING_PLACEHOLDERS:
            if shape.has_text_frame and any(c.isalpha() for c in shape.text_frame.text):
                running.setdefault(" ".join(shape.text_frame.text.split()))
            continue
        yield from _shape_lines(shape, bulleted=kind in _BULLETED_PLACEHOLDERS)


def _notes(slide: Slide) -> str:
    """The speaker's notes of a slide in brackets, after its text ("" when none)."""
    frame = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
    said = clean_text(" ".join(frame.text.split())) if frame is not None else ""
    return f"(ghi chú: {said})" if said else ""


def _shape_lines(shape: BaseShape, bulleted: bool) -> Iterator[str]:
    if shape.shape_type is not None and getattr(shape, "shapes", None) is not None:  # a group
        for inner in _in_reading_order(shape.shapes):
            yield from _shape_lines(inner, bulleted=False)
    elif getattr(shape, "has_table", False):
        yield from table_sentences(_table_rows(shape.table))
    elif getattr(shape, "has_text_frame", False):
        yield from _frame_lines(shape.text_frame, bulleted)


def _frame_lines(frame: TextFrame, bulleted: bool) -> Iterator[str]:
    """A text box's blocks: each bullet one (``bulleted``: a body placeholder's, whose
    paragraphs are bullets unless one says not), its other paragraphs together, one per line
    ("KCN đang xây dựng hạ tầng: 4" over the names it counts: one box, one block)."""
    plain: list[str] = []
    for paragraph in frame.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        marks = {_local(child.tag) for child in paragraph._pPr} if paragraph._pPr is not None else set()
        listed = "buNone" not in marks and (bulleted or paragraph.level > 0 or bool(marks & _BULLET_MARKS))
        if not listed:
            plain.append(text)
            continue
        if plain:
            yield "\n".join(plain)
            plain = []
        yield text if BULLET.match(text) else f"- {text}"
    if plain:
        yield "\n".join(plain)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _table_rows(table: Table) -> list[Cells]:
    """One cell per column: None where a merged cell on the left covers this column too (as
    a Word row says it), the merged cell's text again in the rows below it that it covers."""
    rows: list[Cells] = [[" ".join(cell.text.split()) for cell in row.cells] for row in table.rows]
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if not cell.is_merge_origin:
                continue
            for below in range(r, min(r + cell.span_height, len(rows))):
                for right in range(c, min(c + cell.span_width, len(rows[below]))):
                    if right > c:
                        rows[below][right] = None
                    elif below > r:
                        rows[below][right] = rows[r][c]
    return rows


def _in_reading_order(shapes: object) -> list[BaseShape]:
    """Top to bottom, then left to right: the order the slide is read in, not the order drawn."""
    return sorted(shapes, key=lambda shape: (shape.top or 0, shape.left or 0))  # type: ignore[call-overload]


def _placeholder_kind(shape: BaseShape) -> str:
    if not shape.is_placeholder:
        return ""
    try:
        return shape.placeholder_format.type.name or ""
    except (AttributeError, ValueError):  # a placeholder of a kind python-pptx does not name
        return ""
