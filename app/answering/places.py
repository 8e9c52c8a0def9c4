"""Vietnamese province names found in text: a thin view of ``ingest.gazetteer``. Pure.

Takes the text as written (accented or not) or its folded form: ``fold`` keeps one character
per NFC character, so spans found in either index both.
"""

from __future__ import annotations

from ingest.gazetteer import find_places


def place_spans(text: str) -> list[tuple[int, int]]:
    """Non-overlapping spans of province names in ``text``, in order."""
    return [(m.start, m.end) for m in find_places(text) if m.kind == "province"]
