"""Synthetic archives built from the sample reports. Pure.

Each variant of a sample report names another province, shifts the years and changes every
other number, so its paragraphs are new text (new embeddings, new keyword postings) with
the structure of a real report: headings, bullets, OCR damage where the template had it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from app.answering.places import place_spans
from ingest.normalize import fold

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Provinces the sample reports never name, and years always shifted: the original report stays
# the only one with its places and years, so a question about it has one right paragraph.
PROVINCES = (
    "Bắc Giang", "Bắc Kạn", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cao Bằng", "Đà Nẵng",
    "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Gia Lai", "Hà Giang", "Hà Tĩnh", "Hòa Bình", "Khánh Hòa",
    "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Nghệ An", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Trị", "Sơn La", "Tây Ninh", "Thái Nguyên", "Thanh Hóa",
    "Tuyên Quang", "Yên Bái",
)  # fmt: skip
YEAR_SHIFTS = (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5)


def _shift_digits(number: str, shift: int) -> str:
    return "".join(str((int(ch) + shift) % 10) if ch.isdigit() else ch for ch in number)


def variant(text: str, index: int) -> str:
    """The ``index``-th variant of a report text (index 0 changes nothing)."""
    if index == 0:
        return text
    province = PROVINCES[index % len(PROVINCES)]
    folded = fold(text)
    pieces, last = [], 0
    for start, end in place_spans(folded):
        pieces += [text[last:start], province]
        last = end
    text = "".join([*pieces, text[last:]])
    year_shift = YEAR_SHIFTS[(index // len(PROVINCES)) % len(YEAR_SHIFTS)]
    digit_shift = index // (len(PROVINCES) * len(YEAR_SHIFTS)) + 1

    def number(match: re.Match[str]) -> str:
        value = match.group(0)
        if _YEAR.fullmatch(value):
            return str(int(value) + year_shift)
        return _shift_digits(value, digit_shift)

    return _NUMBER.sub(number, text)


def archive(templates: Sequence[tuple[str, str, int]], target_chunks: int) -> Iterator[tuple[str, str]]:
    """(file name, text) of report variants until about ``target_chunks`` chunks;
    ``templates`` are (file name, text, chunks it makes)."""
    made, index = 0, 0
    while made < target_chunks:
        for name, text, chunks in templates:
            stem = name.rsplit(".", 1)[0]
            yield f"{stem}_v{index:05d}.txt", variant(text, index)
            made += chunks
            if made >= target_chunks:
                return
        index += 1
