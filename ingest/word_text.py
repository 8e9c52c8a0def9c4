"""A Word (.docx) file's text as it reads now: paragraphs and tables in document order (the
tables inside a table's cells and the text boxes too), a reviewer's tracked insertions kept
and deletions left out, each footnote put back in brackets where it is referenced (as a
PDF's are, ``pdf_footnotes``), Word's list numbers written out ("1.", "1.1.", "a)") and its
bullets as "- ", and the page headers and footers apart.

python-docx reads a paragraph's text from its direct runs only: the runs a reviewer inserted
(``w:ins``) were lost with the deleted ones, so "trong đó có 9 dự án FDI và 5 dự án DDI" read
"… và dự án DDI" in a report with its changes still tracked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ingest.chunking import BULLET
from ingest.normalize import clean_text
from ingest.office import is_letterhead, table_sentences

if TYPE_CHECKING:
    from docx.blkcntnr import BlockItemContainer
    from docx.document import Document as DocxDocument
    from docx.oxml.text.parfmt import CT_PPr
    from docx.styles.style import ParagraphStyle
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import _Element

# Elements that hold runs inside a paragraph, read through: a link, a tracked insertion or
# move, a field's result, a smart tag, a content control. Not a deletion (``w:del``,
# ``w:moveFrom``): what was removed is no text of the report.
_RUN_HOLDERS = frozenset({"hyperlink", "ins", "moveTo", "fldSimple", "smartTag", "customXml", "sdt", "sdtContent"})
# ... and that hold paragraphs and tables in a body or a cell (not ``sdtPr``, its settings).
_BLOCK_HOLDERS = frozenset({"sdt", "sdtContent", "customXml"})
_NOTE_REFERENCES = frozenset({"footnoteReference", "endnoteReference"})
BODY_TEXT_LEVEL = 9  # OOXML's outline level of body text: no heading
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
TOP_NUMBER = re.compile(r"\d{1,2}[.)]")  # a list's first-level number: "1.", "2)"
# Numbers that state no figure: a year ("1. Kết quả năm 2030"), a span of months ("6 tháng
# đầu năm"), a date, a quarter, a document's number ("Nghị định 35/2022/NĐ-CP"): such a
# numbered paragraph may be a section's heading.
NO_FIGURE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}\s+th[áa]ng\b|\bqu[ýy]\s+\d\b|\b\d{1,4}(?:\s*/\s*[\w.-]+)+|\b\d{1,2}\s*-\s*\d{1,2}\b",
    re.IGNORECASE,
)


def read_word(path: Path) -> tuple[list[str], tuple[str, ...]]:
    """The file's lines (one paragraph or table row each) and its page headers' and footers' lines."""
    import docx

    document = docx.Document(str(path))
    notes = _notes(document)
    numbers = _ListNumbers(document)
    lines: list[str] = []
    # In document order: a table stays under the heading it belongs to.
    for block in _inner_content(document._body):
        if isinstance(block, docx.table.Table):
            lines += _table_lines(block, notes)
        else:
            text = _text(block._p, notes)
            style = block.style  # looked up once: python-docx searches the styles part for it
            label = numbers.label(block, style)  # counted whether shown or not, as Word counts
            if _is_list_item(block, style) and text.strip() and not BULLET.match(text):
                # A numbered line stating a figure is a list's item ("- Đào tạo 35 cán bộ"), not a
                # section ("1. Đặc điểm tình hình", "1.2. …", "a) …" keep their numbers).
                item = not label or (TOP_NUMBER.fullmatch(label) and _states_figure(text))
                text = f"- {text}" if item else f"{label} {text}"
            lines.append(text)
            lines += _text_boxes(block._p, notes)
    return lines, _headers_and_footers(document)


def _states_figure(text: str) -> bool:
    """A numbered line stating a figure ("Đào tạo 35 cán bộ") is a list's item, not a section."""
    return bool(re.search(r"\d", NO_FIGURE.sub(" ", text)))


def _inner_content(container: BlockItemContainer) -> Iterator[Paragraph | Table]:
    """A body's (header's, cell's) paragraphs and tables in document order, those inside a
    block-level content control (``w:sdt``: a template's fields, a form's boxes) too, which
    python-docx's ``iter_inner_content`` leaves out."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in _content_elements(container._element):
        yield Paragraph(element, container) if _local(element.tag) == "p" else Table(element, container)


def _paragraphs(cell: _Element) -> list[_Element]:
    """A cell's (``w:tc``) paragraphs, those inside its content controls too."""
    return [element for element in _content_elements(cell) if _local(element.tag) == "p"]


def _content_elements(element: _Element) -> Iterator[_Element]:
    for child in element:
        name = _local(child.tag)
        if name in ("p", "tbl"):
            yield child
        elif name in _BLOCK_HOLDERS:
            yield from _content_elements(child)


def _table_lines(table: Table, notes: dict[str, str]) -> list[str]:
    """A table's rows as sentences (a letterhead's cells as lines), then those of the tables
    inside its cells (a member's criteria scores in its cell), which python-docx's cell text
    leaves out."""
    from docx.table import Table

    grid = _grid(table._tbl)
    rows = [_row_cells(row, notes) for row in grid]
    if is_letterhead(rows):  # each cell's lines, as the head of a report prints them
        lines = [_text(p, notes) for row in grid for cell in _distinct(row) for p in _paragraphs(cell)]
    else:
        lines = table_sentences(rows)
    inner = [e for row in grid for cell in _distinct(row) for e in _content_elements(cell)]
    for element in inner:
        if _local(element.tag) == "tbl":
            lines += _table_lines(Table(element, table._parent), notes)
        else:  # a text box anchored in a cell's paragraph ("Vốn FDI cấp mới: 118,6 triệu USD")
            lines += _text_boxes(element, notes)
    return lines


def _grid(table: _Element) -> list[list[_Element]]:
    """Each row's cells (``w:tc``) by grid column: a cell spanning columns in each of them, a
    vertically merged one in each row it covers. Built once, row after row: python-docx finds
    a merged cell by walking up the rows from each, which is quadratic in a table's length and
    overflows the stack past about a thousand rows (a province's column merged over its zones)."""
    grid: list[list[_Element]] = []
    above: dict[int, _Element] = {}  # the cell last started in each grid column
    for tr in table.tr_lst:
        row: list[_Element] = []
        for tc in tr.tc_lst:
            column = len(row)
            origin = above.get(column, tc) if tc.vMerge == "continue" else tc
            for _ in range(max(tc.grid_span, 1)):
                above[len(row)] = origin
                row.append(origin)
        grid.append(row)
    return grid


def _text_boxes(paragraph: _Element, notes: dict[str, str]) -> list[str]:
    """The paragraphs of the text boxes anchored in a paragraph ("Những con số nổi bật …"),
    each once: Word stores a box twice, as a drawing and as its older VML fallback."""
    boxes = [
        box
        for box in paragraph.iter(f"{{{_W}}}txbxContent")
        # Not the VML copy, nor a box inside a box: its paragraphs are read with the outer box's.
        if not any(_local(above.tag) in ("Fallback", "txbxContent") for above in box.iterancestors())
    ]
    return [_text(p, notes) for box in boxes for p in box.iter(f"{{{_W}}}p")]


def _text(paragraph: _Element, notes: dict[str, str]) -> str:
    """A paragraph's text as it reads now (see the module docstring)."""
    return "".join(_pieces(paragraph, notes))


def _pieces(element: _Element, notes: dict[str, str]) -> Iterator[str]:
    for child in element:
        name = _local(child.tag)
        if name == "r":
            yield child.text  # python-docx's run text: its text, tabs and line breaks
            for reference in child:
                note = notes.get(_note_key(reference)) if _local(reference.tag) in _NOTE_REFERENCES else None
                if note:
                    yield f" (chú thích: {note})"
        elif name in _RUN_HOLDERS:
            yield from _pieces(child, notes)


def _notes(document: DocxDocument) -> dict[str, str]:
    """Footnotes and endnotes by kind and id ("footnote 2"), each as one line of text; the
    separator lines Word keeps among them are none."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    notes: dict[str, str] = {}
    for relation in document.part.rels.values():
        kind = {RT.FOOTNOTES: "footnote", RT.ENDNOTES: "endnote"}.get(relation.reltype)
        if kind is None or relation.is_external:
            continue
        for note in parse_xml(relation.target_part.blob):
            if _local(note.tag) != kind or _attribute(note, "type") not in ("", "normal"):
                continue
            paragraphs = [p for p in note if _local(p.tag) == "p"]
            text = " ".join(clean_text(_text(p, {})).strip() for p in paragraphs).strip().rstrip(".")
            if text:
                notes[f"{kind} {_attribute(note, 'id')}"] = text
    return notes


def _note_key(reference: _Element) -> str:
    kind = "footnote" if _local(reference.tag) == "footnoteReference" else "endnote"
    return f"{kind} {_attribute(reference, 'id')}"


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attribute(element: _Element, name: str) -> str:
    """A ``w:`` attribute's value, "" when absent."""
    from docx.oxml.ns import qn

    return element.get(qn(f"w:{name}"), "")


def _headers_and_footers(document: DocxDocument) -> tuple[str, ...]:
    """The lines of a Word file's page headers and footers, each once: printed on every page,
    they are no paragraph of it, but may be all that names the board that wrote it."""
    import docx

    seen: dict[str, None] = {}
    even = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        parts = [section.header, section.footer]
        if section.different_first_page_header_footer:  # else Word never shows them
            parts += [section.first_page_header, section.first_page_footer]
        if even:
            parts += [section.even_page_header, section.even_page_footer]
        for part in parts:
            if part.is_linked_to_previous:
                continue  # none of its own: the previous section's, or none at all
            for block in _inner_content(part):  # a header laid out in a table too
                paragraphs = (
                    [p for row in _grid(block._tbl) for cell in _distinct(row) for p in _paragraphs(cell)]
                    if isinstance(block, docx.table.Table)
                    else [block._p]
                )
                for paragraph in paragraphs:
                    for line in clean_text(_text(paragraph, {})).split("\n"):
                        if any(c.isalpha() for c in line):  # not a bare page number
                            seen.setdefault(line.strip())
    return tuple(seen)


def _is_list_item(paragraph: Paragraph, style: ParagraphStyle | None) -> bool:
    """A paragraph Word numbers or bullets (its own numbering, or its style's: "List Bullet",
    "List Number"): the mark Word prints is not in its text, so it is written as "- ", the
    item an announcing lead-in ("… như sau:") heads. A heading is never an item, nor is a
    paragraph whose numbering is numId 0: OOXML's "no numbering", which LibreOffice writes
    on every heading of a document it converts."""
    numbered = _numbering(paragraph._p.pPr)
    for ancestor in _style_chain(style):
        outline = ancestor.element.pPr.outlineLvl if ancestor.element.pPr is not None else None
        if outline is not None and outline.val != BODY_TEXT_LEVEL:
            return False
        if numbered is None:
            numbered = _numbering(ancestor.element.pPr)
    return bool(numbered)


def _style_chain(style: ParagraphStyle | None) -> Iterator[ParagraphStyle]:
    """A style and those it is based on, each once: a file whose styles are based on each
    other (converters write such) would loop forever."""
    seen: set[str] = set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        yield style
        style = style.base_style


def _numbering(properties: CT_PPr | None) -> bool | None:
    """Whether these paragraph properties number the paragraph; None when they say nothing."""
    if properties is None or properties.numPr is None:
        return None
    number = properties.numPr.numId
    return number is None or number.val != 0


def _xpath(element: _Element, path: str) -> list:
    """``path`` (with the ``w:`` prefix) evaluated on any element, python-docx's or lxml's own."""
    return _compiled(path)(element)


@lru_cache(maxsize=256)
def _compiled(path: str) -> Callable[[_Element], list]:
    from lxml import etree

    return etree.XPath(path, namespaces=_NS)


def _to_roman(n: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"))
    numerals += ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, numeral in numerals:
        while n >= value:
            out, n = out + numeral, n - value
    return out


class _ListNumbers:
    """The numbers Word prints before the paragraphs it numbers ("1.", "1.1.", "a)"), counted
    in document order from the file's numbering definitions: not in the paragraphs' text, and
    without them "1. Đặc điểm tình hình" read as a bullet "- Đặc điểm tình hình", no heading."""

    FORMATS: ClassVar[dict[str, Callable[[int], str]]] = {
        "decimal": str,
        "decimalZero": lambda n: f"{n:02d}",
        "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
        "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
        "lowerRoman": lambda n: _to_roman(n).lower(),
        "upperRoman": _to_roman,
    }

    def __init__(self, document: DocxDocument) -> None:
        try:
            self._definitions = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            self._definitions = None
        self._counts: dict[str, list[int | None]] = {}  # per list, each level's count; None: not started
        self._levels: dict[tuple[str, int], _Element | None] = {}  # each level's definition, found once

    def _level(self, num_id: str, level: int) -> _Element | None:
        if (num_id, level) not in self._levels:
            self._levels[num_id, level] = self._find_level(num_id, level)
        return self._levels[num_id, level]

    def _find_level(self, num_id: str, level: int) -> _Element | None:
        if self._definitions is None:
            return None
        abstract = _xpath(self._definitions, f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not abstract:
            return None
        path = f'./w:abstractNum[@w:abstractNumId="{abstract[0]}"]/w:lvl[@w:ilvl="{level}"]'
        found = _xpath(self._definitions, path)
        return found[0] if found else None

    def label(self, paragraph: Paragraph, style: ParagraphStyle | None) -> str:
        """The number printed before ``paragraph`` (of ``style``); "" for a bullet or none."""
        numbered = _number_properties(paragraph, style)
        if numbered is None:
            return ""
        num_id, level = numbered
        definition = self._level(num_id, level)
        if definition is None:
            return ""
        counts = self._counts.setdefault(num_id, [None] * 9)
        current = counts[level]
        counts[level] = current + 1 if current is not None else self._start(num_id, level, definition)
        counts[level + 1 :] = [None] * (len(counts) - level - 1)
        text = next(iter(_xpath(definition, "./w:lvlText/@w:val")), "")
        formats = [self._format(num_id, k) for k in range(len(counts))]
        if formats[level] is None:
            return ""  # a bullet, or a format not written here
        shown = re.sub(r"%(\d)", lambda m: self._shown(counts, formats, int(m.group(1)) - 1), text)
        return shown.strip()

    def _start(self, num_id: str, level: int, definition: _Element) -> int:
        """Where a list's level starts: the list's own override ("continue at 4", ``w:num``'s
        ``w:startOverride``), else its definition's ``w:start``."""
        override = []
        if self._definitions is not None:
            path = f'./w:num[@w:numId="{num_id}"]/w:lvlOverride[@w:ilvl="{level}"]/w:startOverride/@w:val'
            override = _xpath(self._definitions, path)
        start = next(iter(override), None) or next(iter(_xpath(definition, "./w:start/@w:val")), "1")
        return int(start) if str(start).isdigit() else 1

    def _format(self, num_id: str, level: int) -> Callable[[int], str] | None:
        definition = self._level(num_id, level)
        kind = next(iter(_xpath(definition, "./w:numFmt/@w:val")), "decimal") if definition is not None else ""
        return self.FORMATS.get(kind)

    @staticmethod
    def _shown(counts: list[int | None], formats: list[Callable[[int], str] | None], level: int) -> str:
        form = formats[level] if 0 <= level < len(formats) else None
        count = counts[level] if 0 <= level < len(counts) else None
        return form(count if count is not None else 1) if form is not None else ""  # a level above not begun: 1


def _number_properties(paragraph: Paragraph, style: ParagraphStyle | None) -> tuple[str, int] | None:
    """The numbering (numId, level) of a paragraph, each from the nearest of its own properties
    and its styles' that says it (Word's Tab on a numbered style's paragraph writes only its
    level); None when none (or numId 0: "no numbering")."""
    num_id = level = None
    for properties in (paragraph._p.pPr, *(ancestor.element.pPr for ancestor in _style_chain(style))):
        if properties is None or properties.numPr is None:
            continue
        if level is None and properties.numPr.ilvl is not None:
            level = properties.numPr.ilvl.val
        if num_id is None and properties.numPr.numId is not None:
            num_id = properties.numPr.numId.val
    if num_id is None or num_id == 0:
        return None
    return str(num_id), int(level or 0)


def _row_cells(row: list[_Element], notes: dict[str, str]) -> list[str | None]:
    """A table row's cells, one per column; None where the cell on the left spans this
    column too (``_grid`` repeats a merged cell in every column it covers)."""
    cells: list[str | None] = []
    previous = None
    for cell in row:
        text = "\n".join(_text(p, notes) for p in _paragraphs(cell))
        cells.append(None if cell is previous else " ".join(text.split()))
        previous = cell
    return cells


def _distinct(row: list[_Element]) -> list[_Element]:
    cells: list[_Element] = []
    for cell in row:
        if not cells or cell is not cells[-1]:
            cells.append(cell)
    return cells
