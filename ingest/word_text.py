"""A Word (.docx) file's text as it reads now: paragraphs and tables in document order, a
reviewer's tracked insertions kept and deletions left out, each footnote put back in
brackets where it is referenced (as a PDF's are, ``pdf_footnotes``), the marks of Word's
lists written as "- ", and the page headers and footers apart.

python-docx reads a paragraph's text from its direct runs only: the runs a reviewer inserted
(``w:ins``) were lost with the deleted ones, so "trong đó có 9 dự án FDI và 5 dự án DDI" read
"… và dự án DDI" in a report with its changes still tracked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.chunking import BULLET
from ingest.normalize import clean_text
from ingest.office import is_letterhead, table_sentences

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.text.parfmt import CT_PPr
    from docx.table import _Cell, _Row
    from docx.text.paragraph import Paragraph
    from lxml.etree import _Element

# Elements that hold runs inside a paragraph, read through: a link, a tracked insertion or
# move, a field's result, a smart tag, a content control. Not a deletion (``w:del``,
# ``w:moveFrom``): what was removed is no text of the report.
_RUN_HOLDERS = frozenset({"hyperlink", "ins", "moveTo", "fldSimple", "smartTag", "customXml", "sdt", "sdtContent"})
_NOTE_REFERENCES = frozenset({"footnoteReference", "endnoteReference"})
BODY_TEXT_LEVEL = 9  # OOXML's outline level of body text: no heading


def read_word(path: Path) -> tuple[list[str], tuple[str, ...]]:
    """The file's lines (one paragraph or table row each) and its page headers' and footers' lines."""
    import docx

    document = docx.Document(str(path))
    notes = _notes(document)
    lines: list[str] = []
    # In document order: a table stays under the heading it belongs to.
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            rows = [_row_cells(row, notes) for row in block.rows]
            if is_letterhead(rows):  # each cell's lines, as the head of a report prints them
                lines += [_text(p._p, notes) for row in block.rows for cell in _distinct(row) for p in cell.paragraphs]
            else:
                lines += table_sentences(rows)
        else:
            text = _text(block._p, notes)
            marked = _is_list_item(block) and text.strip() and not BULLET.match(text)
            lines.append(f"- {text}" if marked else text)
    return lines, _headers_and_footers(document)


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
            for block in part.iter_inner_content():  # a header laid out in a table too
                paragraphs = (
                    [p for row in block.rows for cell in _distinct(row) for p in cell.paragraphs]
                    if isinstance(block, docx.table.Table)
                    else [block]
                )
                for paragraph in paragraphs:
                    for line in clean_text(_text(paragraph._p, {})).split("\n"):
                        if any(c.isalpha() for c in line):  # not a bare page number
                            seen.setdefault(line.strip())
    return tuple(seen)


def _is_list_item(paragraph: Paragraph) -> bool:
    """A paragraph Word numbers or bullets (its own numbering, or its style's: "List Bullet",
    "List Number"): the mark Word prints is not in its text, so it is written as "- ", the
    item an announcing lead-in ("… như sau:") heads. A heading is never an item, nor is a
    paragraph whose numbering is numId 0: OOXML's "no numbering", which LibreOffice writes
    on every heading of a document it converts."""
    numbered = _numbering(paragraph._p.pPr)
    style = paragraph.style
    while style is not None:
        outline = style.element.pPr.outlineLvl if style.element.pPr is not None else None
        if outline is not None and outline.val != BODY_TEXT_LEVEL:
            return False
        if numbered is None:
            numbered = _numbering(style.element.pPr)
        style = style.base_style
    return bool(numbered)


def _numbering(properties: CT_PPr | None) -> bool | None:
    """Whether these paragraph properties number the paragraph; None when they say nothing."""
    if properties is None or properties.numPr is None:
        return None
    number = properties.numPr.numId
    return number is None or number.val != 0


def _row_cells(row: _Row, notes: dict[str, str]) -> list[str | None]:
    """A table row's cells, one per column; None where the cell on the left spans this
    column too (python-docx repeats a merged cell in every column it covers)."""
    cells: list[str | None] = []
    previous = None
    for cell in row.cells:
        text = "\n".join(_text(p._p, notes) for p in cell.paragraphs)
        cells.append(None if cell._tc is previous else " ".join(text.split()))
        previous = cell._tc
    return cells


def _distinct(row: _Row) -> list[_Cell]:
    cells: list[_Cell] = []
    for cell in row.cells:
        if not cells or cell._tc is not cells[-1]._tc:
            cells.append(cell)
    return cells
