"""Photographed pages of one report, one file each ("bao_cao_trang1.jpg", "bao_cao_trang2.jpg").
Pure.

A phone photographs a report page by page. A page after the first has no title, issuer or
period of its own, so it was indexed as a report of its own about nothing: every question
naming the report's province or period failed on it (a blind trial lost 8 of 9 questions on a
second page). Image files of one folder whose names differ only by a page number at their end
are a series; a page after the series' first takes that page's frame, unless it opens a
document of its own (``ingest.docframe.continued_frame``), whether its first page is in the
same batch or was stored before. A page stored before its first page, and unchanged since,
keeps the frame it was stored with until it is read again (``baocao reindex``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePosixPath

from ingest.ocr import IMAGE_SUFFIXES

# A page number ends the name, after something else: "trang2", "p_2", "scan (2)". Up to three
# digits: a camera's "IMG_0412" numbers shots, not pages; "bao_cao_2031" is a year.
PAGE_NUMBER = re.compile(r"^(?P<stem>.*\D)(?P<number>\d{1,3})\)?$")


def page_of(key: str) -> tuple[str, int] | None:
    """The series and page number of a photographed page's key, or None."""
    path = PurePosixPath(key)
    match = PAGE_NUMBER.match(path.stem) if path.suffix.lower() in IMAGE_SUFFIXES else None
    if match is None:
        return None
    return f"{path.parent}/{match['stem'].rstrip('(')}{path.suffix.lower()}", int(match["number"])


def first_pages(keys: Sequence[str], stored: Sequence[str] = ()) -> dict[str, str]:
    """For each key that goes on from an earlier page of its series among ``keys`` or the keys
    already ``stored``, the key of the series' first page."""
    pages = {key: page for key in (*stored, *keys) if (page := page_of(key)) is not None}
    lowest: dict[str, tuple[int, str]] = {}
    for key, (series, number) in pages.items():
        if series not in lowest or number < lowest[series][0]:
            lowest[series] = (number, key)
    return {key: lowest[page[0]][1] for key in keys if (page := pages.get(key)) and lowest[page[0]][1] != key}
