"""Vietnamese place names (provinces, centrally-run cities) found in text. Pure.

Matching is on folded text (``fold`` keeps one character per NFC character, so the spans
index the NFC text as well): "con bac lieu" finds "Bạc Liêu" typed without accents.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ingest.normalize import fold


@lru_cache(maxsize=1)
def _places() -> tuple[str, ...]:
    """Folded place names, longest first (so "thua thien hue" wins over "hue")."""
    lines = Path(__file__).with_name("places.txt").read_text(encoding="utf-8").splitlines()
    names = {fold(line.strip()).replace("–", "-") for line in lines if line.strip() and not line.startswith("#")}
    return tuple(sorted(names, key=len, reverse=True))


def place_spans(folded: str) -> list[tuple[int, int]]:
    """Non-overlapping spans of place names in a folded text, in order."""
    spans: list[tuple[int, int]] = []
    for name in _places():
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
            if not any(start < match.end() and match.start() < end for start, end in spans):
                spans.append(match.span())
    return sorted(spans)
