"""A PDF page's footnotes, put back beside what they annotate. Pure.

A report printed from Word sets a footnote's reference as a small raised number glued to the
word or figure before it ("tỷ lệ lấp đầy đạt 71,4%¹."), and the note itself in small type at
the foot of the page. The text layer reads both as plain text: the reference becomes a digit
of the figure ("71,4%1", "năm 20762"), and the note a paragraph of its own ("1Tỷ lệ lấp đầy
tính trên …") under whatever heading comes before it on the page, so that neither a bold
figure nor a question on the note finds it. Here the reference is replaced by the note, in
brackets where it was made ("đạt 71,4% (chú thích: Tỷ lệ lấp đầy tính trên …).").

Only a small number set on or above a line of body type, for which a note of that number is
set at the foot of the same page, is taken for a reference: "1.200 m2" with a raised 2 and no note
2 is left as it is, and so is a unit's exponent even when there is such a note.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MARKER = re.compile(r"\d{1,2}|[*†]")
# A raised number at most this share of the type before it is a superscript. Word sets
# superscripts at about 58% of the body's size; the share leaves room for scaled fonts.
SUPERSCRIPT_SHARE = 0.8
# Type at most this share of the body's is a note's (Word: 10 pt notes under 13 pt text).
NOTE_SHARE = 0.92
# A note's lines follow each other at about 1.2 times its type size; a wider gap (to the
# page number below it) ends the note.
NOTE_LINE_GAP = 1.8
BASELINE_SLACK = 0.5  # points: a subscript ("CO₂") is set lower than that
# A unit's exponent ("m2", "(m²)", "km2", "1.200m²"), not a reference. (A number's reference
# "đạt 3.900¹" is far commoner in reports than a bare number's exponent.)
EXPONENT_BEFORE = re.compile(r"(?:^|[\W\d])(?:k|c|d|m)?m$")
# A page number ("Trang 2", "- 3 -", "2/5"): no line of a note, nor of the body above notes.
PAGE_NUMBER = re.compile(r"^\s*(?:trang\s*)?[-–]?\s*\d{1,4}\s*[-–]?\s*(?:/\s*\d{1,4})?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Run:
    """A piece of a page's text layer as drawn: its text, type size and baseline height."""

    text: str
    size: float
    y: float


@dataclass(frozen=True)
class _Note:
    marker: str
    opening: str  # the marker and the note's first run, as the text layer reads them
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return " ".join(" ".join(run.text.split()) for run in self.runs).strip()


def _body_size(runs: Sequence[Run]) -> float:
    sizes = Counter[float]()
    for run in runs:
        sizes[round(run.size, 1)] += len(run.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _is_marker(run: Run) -> bool:
    return MARKER.fullmatch(run.text.strip()) is not None


def _notes(runs: Sequence[Run], body: float) -> dict[str, _Note]:
    """The notes at the foot of the page by marker: a small marker set on or over a line of
    note type that opens with no closing mark, below every line of body type but a page number
    (not a small-type table's "(m²)" header)."""
    notes: dict[str, _Note] = {}
    lowest_body = min(
        (run.y for run in runs if run.size > NOTE_SHARE * body and not PAGE_NUMBER.match(run.text)),
        default=float("inf"),
    )
    for i, run in enumerate(runs[:-1]):
        first = runs[i + 1]
        if (
            not _is_marker(run)
            or not run.size < first.size <= NOTE_SHARE * body
            or run.y < first.y - BASELINE_SLACK
            or not run.y < lowest_body
            or first.text.strip()[:1] in ")]},.;:%"
        ):
            continue
        taken = [first]
        for following in runs[i + 2 :]:
            previous = taken[-1]
            if _is_marker(following) and following.size < previous.size:
                break  # the next note
            if (
                abs(following.size - first.size) > 0.5
                or previous.y - following.y > NOTE_LINE_GAP * first.size
                or PAGE_NUMBER.match(following.text)
            ):
                break  # body type again, or the page number under the notes
            taken.append(following)
        marker = run.text.strip()
        notes.setdefault(marker, _Note(marker, marker + first.text, tuple(taken)))
    return notes


def _references(runs: Sequence[Run], body: float, notes: dict[str, _Note]) -> list[tuple[str, str]]:
    """(the text before it, marker) of each raised number glued to body type with a note."""
    found: list[tuple[str, str]] = []
    for before, run in itertools.pairwise(runs):
        marker = run.text.strip()
        if (
            marker in notes
            and _is_marker(run)
            and before.size > NOTE_SHARE * body
            and run.size <= SUPERSCRIPT_SHARE * before.size
            and run.y >= before.y - BASELINE_SLACK  # raised by its matrix, or by a text rise not seen here
            and before.text.strip()
            and not before.text.endswith(" ")
            and not EXPONENT_BEFORE.search(before.text)
        ):
            found.append((before.text, marker))
    return found


def _without_note(text: str, note: _Note, normalise: Callable[[str], str]) -> str:
    """``text`` without the note's lines (the text layer reads them one after another)."""
    opening = normalise(note.opening)
    start = text.find(opening)
    if start < 0:
        return text
    end = start + len(opening)
    for run in note.runs[1:]:
        line = normalise(run.text)
        at = text.find(line, end)
        if at < 0 or text[end:at].strip():
            break
        end = at + len(line)
    if end < len(text) and text[end] == "\n":
        end += 1
    return text[:start] + text[end:]


def with_footnotes(text: str, runs: Sequence[Run], normalise: Callable[[str], str] = str.strip) -> str:
    """A page's text with each footnote in brackets at its reference, not at the page's foot.
    ``runs``: the page as drawn; ``normalise``: what made ``text`` of the text layer, applied
    to the runs to find them in it."""
    body = _body_size(runs)
    notes = _notes(runs, body)
    if not notes:
        return text
    references = _references(runs, body, notes)
    done: list[str] = []
    for before, marker in references:
        glued = normalise(before[-20:]) + marker
        at = text.find(glued)
        if at < 0 or (at + len(glued) < len(text) and text[at + len(glued)].isdigit()):
            continue
        cut = at + len(glued) - len(marker)
        note = normalise(notes[marker].text).rstrip(".")
        text = f"{text[:cut]} (chú thích: {note}){text[cut + len(marker) :]}"
        done.append(marker)
    for marker in dict.fromkeys(done):
        text = _without_note(text, notes[marker], normalise)
    return text
