"""Plain data records that flow from ingest to the store and the answerer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

HEADING_CONTEXT_CHARS = 160  # a long lead-in paragraph heads its bullets by its opening words


@dataclass(frozen=True)
class PageText:
    """Cleaned text of one page (``number`` is None for formats without pages)."""

    number: int | None
    text: str
    # Its blank lines always part paragraphs (a web page: its markup said where). Otherwise a
    # blank line may fall inside a sentence (OCR) and the chunker judges each.
    blocks: bool = False


@dataclass(frozen=True)
class ParsedDocument:
    source: str  # file name shown in citations; re-ingesting the same name replaces it
    content_hash: str  # sha256 of the file bytes
    pages: list[PageText]
    kind: str  # "pdf", "txt", "md", "docx"
    encoding: str = ""  # a text file's encoding when it was converted ("TCVN3 (ABC)", "Windows-1258")
    ocr_pages: tuple[tuple[int, float], ...] = ()  # (page, mean word confidence) of each page read by OCR
    title: str = ""  # the title the file declares (a web page's headline), "" when none
    # Lines printed on every page (a PDF's running header and footer, a Word file's page header
    # and footer), kept out of the text: what the document frame may read its issuer from.
    running_lines: tuple[str, ...] = ()
    # The closing lines of a saved e-mail's report ("… / Ban Quản lý các KCN tỉnh X"): who wrote
    # it, where the subject a reply keeps names who asked for it.
    signature: tuple[str, ...] = ()

    @property
    def ocr_confidence(self) -> float | None:
        """Mean word confidence over the OCR'd pages (None: no page was OCR'd)."""
        if not self.ocr_pages:
            return None
        return round(sum(c for _, c in self.ocr_pages) / len(self.ocr_pages), 1)

    @property
    def doc_id(self) -> str:
        return doc_id_of(self.content_hash)

    @property
    def page_count(self) -> int | None:
        numbered = [p.number for p in self.pages if p.number is not None]
        return max(numbered) if numbered else None


# A paragraph leading into a list ("…, cụ thể như sau:") heads its items (``chunking``), but
# longer than this it is a sentence of the report, not the name of a section: where a passage
# is shown, the section named is the heading above it. The lead-ins heading items in the 34
# indexed reports are 26-71 characters when they name a topic ("- Công tác bảo vệ môi
# trường:") and 210-574 when they are a paragraph (a board's results, an OCR speech).
SECTION_LABEL_CHARS = 80


def section_headings(headings: Sequence[str]) -> tuple[str, ...]:
    """The headings that name a section, outermost first (``SECTION_LABEL_CHARS``)."""
    return tuple(h for h in headings if not (h.endswith(":") and len(h) > SECTION_LABEL_CHARS))


def nearest_section(headings: Sequence[str]) -> str:
    """The nearest heading that names a section (``section_headings``), or ""."""
    named = section_headings(headings)
    return named[-1] if named else ""


@dataclass(frozen=True)
class Chunk:
    """One paragraph or bullet with the headings it sits under."""

    chunk_id: str  # "<doc_id>-p<paragraph>": stable across re-ingest of the same file
    doc_id: str
    source: str
    title: str
    headings: tuple[str, ...]  # outermost first: ("II. Kết quả…", "1.5. Ban Quản lý KKT tỉnh Đồng Tháp")
    text: str  # display text, lines joined
    page: int | None
    paragraph: int  # 1-based position among the document's paragraphs
    # The document frame (ingest.docframe), repeated on every chunk: what the report covers.
    doc_years: tuple[int, ...] = ()  # years the report is about, most important first
    period: str = ""  # its period as a label ("6 tháng đầu năm 2031")
    issuer: str = ""  # the board or bloc that issued it, as written
    doc_places: tuple[str, ...] = ()  # provinces/regions the report is about ("province:hung yen")
    metadata: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def heading(self) -> str:
        """The nearest section heading, for display."""
        return self.headings[-1] if self.headings else ""

    @property
    def section(self) -> str:
        """The nearest heading that names a section (``section_headings``), for a reader."""
        return nearest_section(self.headings)

    def context_text(self) -> str:
        """What gets embedded and keyword-indexed: title, nearest headings, paragraph."""
        parts = [self.title, *(h[:HEADING_CONTEXT_CHARS] for h in self.headings[-2:]), self.text]
        return "\n".join(p for p in parts if p)


def doc_id_of(content_hash: str) -> str:
    """A document's id: the start of its file's SHA-256 (the same bytes are the same report)."""
    return content_hash[:16]
