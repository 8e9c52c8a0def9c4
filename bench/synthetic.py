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
PROVINCES = (
    "An Giang", "Bắc Giang", "Bình Dương", "Cà Mau", "Đồng Nai", "Gia Lai", "Hà Nam", "Hải Dương", "Khánh Hòa",
    "Long An", "Nghệ An", "Ninh Bình", "Phú Thọ", "Quảng Nam", "Quảng Ninh", "Sóc Trăng", "Tây Ninh",
    "Thái Bình", "Thanh Hóa", "Tiền Giang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Lào Cai", "Hưng Yên",
)  # fmt: skip


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
    year_shift = (index // len(PROVINCES)) % 11 - 5
    digit_shift = index // (len(PROVINCES) * 11) + 1

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
