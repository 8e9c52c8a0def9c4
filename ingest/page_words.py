"""A page of an original report as an image, with the words on it and where they are.

A PDF page with a text layer is rendered by pdfium and its words are taken from that layer
(their character boxes); a scanned page, or an image file, shows the words ingest read on it
and their boxes, kept with the page's text in the OCR cache (``ingest.ocr.PageReader``: read
again by Tesseract only when the cache lost it), on the page as it was read.
What a cited passage covers on the page is then found among these words (pure:
``app.web.passage_box``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest import ocr
from ingest.loaders import MIN_TEXT_CHARS  # fewer characters in the text layer: a scanned page

RENDER_DPI = 110  # a text page shown at about its printed size on a screen (A4: 910 px wide)


@dataclass(frozen=True)
class Word:
    text: str
    box: tuple[float, float, float, float]  # left, top, right, bottom, in pixels of the page image


@dataclass(frozen=True)
class PageImage:
    image: object  # a PIL image
    words: tuple[Word, ...]


class PageNotFoundError(LookupError):
    """The report has no such page."""


class PageUnreadableError(RuntimeError):
    """The page cannot be rendered (a damaged file, an image too large)."""


def page_image(path: Path, page: int, reader: ocr.PageReader | None = None) -> PageImage:
    """Page ``page`` (1-based) of a PDF, or frame ``page`` of an image file, with its words; a
    scanned page's words come from ``reader`` (the report's OCR cache). Kept for the last few
    pages asked for. Raises ``PageNotFoundError`` or ``PageUnreadableError``."""
    import pypdfium2
    from PIL import UnidentifiedImageError

    try:
        return _page_image(str(path), path.stat().st_mtime_ns, page, reader or ocr.PageReader())
    except (pypdfium2.PdfiumError, UnidentifiedImageError, OSError, ValueError) as error:
        raise PageUnreadableError(str(error)) from error


@lru_cache(maxsize=16)
def _page_image(path: str, _modified: int, page: int, reader: ocr.PageReader) -> PageImage:
    if Path(path).suffix.lower() in ocr.IMAGE_SUFFIXES:
        frames = list(ocr.image_frames(Path(path)))
        if not 1 <= page <= len(frames):
            raise PageNotFoundError(page)
        return _scanned(frames[page - 1], reader)
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        if not 1 <= page <= len(document):
            raise PageNotFoundError(page)
        pdf_page = document[page - 1]
        words = _text_layer_words(pdf_page)
        if sum(len(w.text) for w in words) < MIN_TEXT_CHARS:
            return _scanned(ocr.page_image(pdf_page), reader)
        return PageImage(pdf_page.render(scale=RENDER_DPI / 72).to_pil(), tuple(words))
    finally:
        document.close()


def _scanned(image, reader: ocr.PageReader) -> PageImage:
    if not ocr.available():  # the page is shown, only nothing can be marked on it
        return PageImage(image, ())
    read = reader.read(image)
    words = [Word(text, (left, top, right, bottom)) for text, left, top, right, bottom in read.boxes]
    return PageImage(ocr.shown_page(image, read.turned, read.skew), tuple(words))


def _text_layer_words(pdf_page) -> list[Word]:
    """The words of a PDF page's text layer with their boxes, in image pixels at ``RENDER_DPI``."""
    text_page = pdf_page.get_textpage()
    scale = RENDER_DPI / 72
    height = pdf_page.get_height()
    words: list[Word] = []
    letters: list[str] = []
    box: list[float] = []
    try:
        for index in range(text_page.count_chars()):
            char = text_page.get_text_range(index, 1)
            if not char or char.isspace():
                if letters:
                    words.append(Word("".join(letters), (box[0], box[1], box[2], box[3])))
                letters, box = [], []
                continue
            left, bottom, right, top = text_page.get_charbox(index)
            rect = [left * scale, (height - top) * scale, right * scale, (height - bottom) * scale]
            box = (
                rect
                if not box
                else [min(box[0], rect[0]), min(box[1], rect[1]), max(box[2], rect[2]), max(box[3], rect[3])]
            )
            letters.append(char)
        if letters:
            words.append(Word("".join(letters), (box[0], box[1], box[2], box[3])))
    finally:
        text_page.close()
    return words
