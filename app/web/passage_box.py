"""Where a cited passage lies on its page: the words of the page it covers, as one box per
line, and the page image with those boxes drawn. Pure (no files; Pillow draws in memory).

The passage's words are aligned with the page's (``difflib``, accent- and case-free, so a
text layer that splits words differently or an OCR word read two ways still lines up); the
longest run of words both share anchors the passage, and the other shared runs near it
extend it, so a common phrase elsewhere on the page ("của các KCN") is not marked.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from ingest.normalize import fold
from ingest.page_words import Word

Box = tuple[float, float, float, float]

MIN_RUN = 2  # words in a row: one shared word ("năm", "của") is found all over a page
PADDING = 3  # pixels around a marked line
DISPLAY_WIDTH = 1000  # pixels: a page read from an enlarged scan is shown no wider than this
FILL = (255, 214, 10, 90)  # the marked lines: translucent yellow, the text still readable
OUTLINE = (212, 120, 0, 255)
_NOT_WORD = re.compile(r"[^\w%]+")


def _key(text: str) -> str:
    return _NOT_WORD.sub("", fold(text).lower())


def covered_words(words: Sequence[Word], passage: str) -> list[int]:
    """Indices of the page's words the passage covers, in reading order (empty when the
    passage is not on the page)."""
    page = [_key(w.text) for w in words]
    wanted = [k for k in (_key(t) for t in passage.split()) if k]
    if not page or not wanted:
        return []
    runs = [b for b in SequenceMatcher(None, page, wanted, autojunk=False).get_matching_blocks() if b.size >= MIN_RUN]
    if not runs:
        return []
    anchor = max(runs, key=lambda b: b.size)
    # The passage spans at most its own length on the page, on either side of its anchor.
    low, high = anchor.a - len(wanted), anchor.a + anchor.size + len(wanted)
    near = [b for b in runs if low <= b.a and b.a + b.size <= high]
    return list(range(min(b.a for b in near), max(b.a + b.size for b in near)))


def line_boxes(words: Sequence[Word], indices: Sequence[int]) -> list[Box]:
    """One box per line of the given words: a word starts a new line when it does not overlap
    the current line's height or lies left of its last word."""
    boxes: list[list[float]] = []
    for index in indices:
        left, top, right, bottom = words[index].box
        if boxes:
            line = boxes[-1]
            same_line = top < line[3] and bottom > line[1] and left >= line[2] - PADDING
            if same_line:
                line[:] = [line[0], min(line[1], top), max(line[2], right), max(line[3], bottom)]
                continue
        boxes.append([left, top, right, bottom])
    return [(b[0] - PADDING, b[1] - PADDING, b[2] + PADDING, b[3] + PADDING) for b in boxes]


def passage_boxes(words: Sequence[Word], passage: str) -> list[Box]:
    return line_boxes(words, covered_words(words, passage))


def marked_png(image, boxes: Sequence[Box]) -> bytes:
    """The page as PNG with ``boxes`` marked, no wider than ``DISPLAY_WIDTH``."""
    from PIL import Image, ImageDraw

    page = image.convert("RGBA")
    overlay = Image.new("RGBA", page.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for box in boxes:
        draw.rectangle(box, fill=FILL, outline=OUTLINE, width=3)
    page = Image.alpha_composite(page, overlay).convert("RGB")
    if page.width > DISPLAY_WIDTH:
        page = page.resize((DISPLAY_WIDTH, round(page.height * DISPLAY_WIDTH / page.width)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    page.save(out, format="PNG", optimize=True)
    return out.getvalue()
