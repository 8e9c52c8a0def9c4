"""Text of scanned pages and images, read by Tesseract with its Vietnamese model.

Each page is rendered (PDF, with pdfium) or taken (image) at a resolution Tesseract reads
well, turned upright when Tesseract's orientation detection is sure, and read word by word
(``image_to_data``); the words are put back into Tesseract's own lines and paragraphs (its
layout analysis), one paragraph per line of the page text, as the chunker expects. The mean
word confidence of each page is kept: a page under ``LOW_CONFIDENCE`` is listed as hard to read.

Chosen over ocrmypdf: baocao needs the words and their layout, not a PDF with a text layer,
and pytesseract gives them from the same engine without a second pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
OCR_DPI = 300  # PDF pages are rendered at this resolution (Tesseract's documented optimum)
MIN_WIDTH = 2000  # pixels: a narrower scan (an A4 page under ~240 dpi) is enlarged before reading
MAX_UPSCALE = 4
MAX_PIXELS = 100_000_000  # a page image larger than this (e.g. 10,000 × 10,000) is refused: an image bomb
MAX_OCR_PAGES = 300  # about an hour of OCR on 2 cores; a longer scan is refused with the reason
LOW_CONFIDENCE = 60.0  # Tesseract's mean word confidence (0-100) under which a page is hard to read
MIN_ORIENTATION_CONFIDENCE = 2.0  # Tesseract's own advice for trusting its orientation guess


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float  # mean word confidence, 0-100 (0 when no word was read)
    words: int


class OcrUnavailableError(RuntimeError):
    """Tesseract or its Vietnamese model is not installed."""


def available() -> bool:
    import pytesseract

    try:
        return "vie" in pytesseract.get_languages()
    except (pytesseract.TesseractNotFoundError, OSError):
        return False


def _upright(image):
    """The page turned upright when Tesseract is sure of its orientation."""
    import pytesseract

    try:
        found = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:  # too little text to tell
        return image
    if found.get("rotate") and float(found.get("orientation_conf", 0)) >= MIN_ORIENTATION_CONFIDENCE:
        return image.rotate(-int(found["rotate"]), expand=True)
    return image


def _enlarged(image):
    if image.width >= MIN_WIDTH:
        return image
    factor = min(MAX_UPSCALE, -(-MIN_WIDTH // max(image.width, 1)))
    from PIL import Image

    return image.resize((image.width * factor, image.height * factor), Image.Resampling.LANCZOS)


def paragraphs_from_words(data: dict[str, list]) -> tuple[list[str], list[float]]:
    """Tesseract's words (``image_to_data`` as a dict) as paragraphs of text, in reading
    order, and the confidences of the words read."""
    paragraphs: dict[tuple[int, int], dict[int, list[str]]] = {}
    confidences = []
    for i, word in enumerate(data["text"]):
        word = str(word).strip()
        confidence = float(data["conf"][i])
        if not word or confidence < 0:
            continue
        confidences.append(confidence)
        key = (int(data["block_num"][i]), int(data["par_num"][i]))
        paragraphs.setdefault(key, {}).setdefault(int(data["line_num"][i]), []).append(word)
    texts = [" ".join(" ".join(words) for _, words in sorted(lines.items())) for _, lines in sorted(paragraphs.items())]
    return texts, confidences


def read_image(image) -> OcrPage:
    import pytesseract

    image = _enlarged(_upright(image.convert("L")))
    data = pytesseract.image_to_data(image, lang="vie", output_type=pytesseract.Output.DICT)
    texts, confidences = paragraphs_from_words(data)
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage("\n\n".join(texts), round(mean, 1), len(confidences))


def image_frames(path: Path) -> Iterator:
    """Each page of an image file (a multi-page TIFF has several)."""
    from PIL import Image, ImageSequence

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow raises DecompressionBombError above twice this
    with Image.open(path) as image:
        for frame in ImageSequence.Iterator(image):
            if frame.width * frame.height > MAX_PIXELS:
                raise ValueError(f"{frame.width} × {frame.height} pixels")
            yield frame.copy()


def pdf_pages(path: Path, numbers: Iterable[int]) -> Iterator:
    """PDF pages (1-based numbers) rendered at ``OCR_DPI``."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        for number in numbers:
            page = document[number - 1]
            yield page.render(scale=OCR_DPI / 72).to_pil()
            page.close()
    finally:
        document.close()
