"""Does a sentence name a person? Pure; the family names are in ``data/surnames.txt``.

A name is a title ("ông", "bà", "đồng chí") before two capitalised syllables, or a common
family name before two or three of them ("Nguyễn Văn An", OCR's "Pham Minh Phuong"),
unless the run is a place ("Hồ Chí Minh").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ingest.gazetteer import find_places
from ingest.normalize import fold
from ingest.sentences import CAPITAL, TITLE_WORD

# "ông", "bà", "đồng chí" before a name, and their OCR forms without accents.
TITLE = r"(?i:ông|bà|đồng chí|ong|ba|dong chi)\s+"
TITLED = re.compile(rf"\b{TITLE}{CAPITAL}\w*\s+{CAPITAL}\w*")
# A whole titled name: up to four capitalised syllables ("ông Trần Văn Tân"), one maybe joined
# by a hyphen to a short syllable of a foreign name, unaccented ("ông Kim Joon-ho", "Lee
# Jae-Won"; not "Tân-Trưởng ban", "Hùng-nguyên Trưởng ban", "Hoa-kế toán").
TITLED_NAME = re.compile(rf"\b{TITLE}{TITLE_WORD}(?:\s+{TITLE_WORD}(?:-[A-Za-z][a-z]{{1,4}})?){{1,3}}(?!\w)")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The common family names of ``data/surnames.txt``, spelled with their accents."""
    text = resources.files("ingest").joinpath("data", "surnames.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _named_person() -> re.Pattern[str]:
    names = set(surnames())
    names |= {fold(name).capitalize() for name in names}  # OCR text without accents
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:\s+{TITLE_WORD}){{2,3}}(?!\w)")


def person_names(text: str) -> list[str]:
    """The people a text names, as written ("ông Nguyễn Văn An", "Trần Thị Bình")."""
    runs = [*TITLED.finditer(text), *_named_person().finditer(text)]
    if not runs:
        return []
    places = find_places(text)  # "Bà Rịa - Vũng Tàu" is a place, not "bà Rịa"
    return [m.group(0) for m in runs if not any(p.start < m.end() and m.start() < p.end for p in places)]


def person_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names people, whole names with their title, in text order."""
    runs = sorted(
        [(m.start(), m.end()) for m in (*TITLED_NAME.finditer(text), *_named_person().finditer(text))],
        key=lambda span: (span[0], -span[1]),
    )
    places = find_places(text) if runs else []
    spans: list[tuple[int, int]] = []
    for start, end in runs:
        if spans and start < spans[-1][1]:
            continue  # "Trần Văn Tân" inside "ông Trần Văn Tân"
        if not any(p.start < end and start < p.end for p in places):
            spans.append((start, end))
    return spans


def names_a_person(text: str) -> bool:
    return bool(person_names(text))
