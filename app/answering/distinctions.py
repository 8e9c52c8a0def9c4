"""Things a report keeps apart (FDI and domestic capital, exports and imports, new and
standing projects) and awards a question names. Pure; the lists are in
``data/distinctions.tsv``.

``asked(question)`` gives what a question pins down; ``check(asked, sentence, around)``
says, for each, whether a sentence (with its paragraph and headings) states it, is silent,
or states only something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources

from ingest.normalize import fold, runs_at, search_syllables

BOTH = "both"  # a side of a pair that names every side ("xuất nhập khẩu")
NONE = "none"  # a phrase holding a side's word that names no side ("chỉ tiêu chủ yếu")
SIDED = ("pair", "framed", "country", "measure", "measure_named")  # kinds whose sides exclude each other
NEVER_ASKED = "measure_named"  # a side named in passing: stated by sentences, pinned by no question


@dataclass(frozen=True)
class Asked:
    kind: str  # "pair" or "named"
    group: str  # "origin", "trade", … for a pair; "award" for a named thing
    side: str  # the side asked ("foreign"), or the thing named ("Cờ thi đua")
    label: str  # as the user reads it


class Stated(Enum):
    YES = "yes"  # the text states what was asked
    SILENT = "silent"  # the text says nothing either way
    OTHER = "other"  # the text states only something else of the same group


@dataclass(frozen=True)
class _Entry:
    kind: str
    group: str
    side: str
    label: str
    phrases: tuple[tuple[str, ...], ...]
    swaps: bool = False  # a follow-up may name it alone in place of the other side


@lru_cache(maxsize=1)
def _entries() -> tuple[_Entry, ...]:
    text = resources.files("app.answering").joinpath("data", "distinctions.tsv").read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, group, label, phrases, *flags = line.split("\t")
        group, _, side = group.partition(":")
        side = side or label
        forms = tuple(tuple(search_syllables(p)) for p in phrases.split("|"))
        entries.append(_Entry(kind, group, side, label, forms, "swap" in flags))
    return tuple(entries)


@lru_cache(maxsize=8192)
def _named(text: str) -> dict[str, frozenset[str]]:
    """For each group, the sides (or named things) ``text`` names."""
    syllables = tuple(search_syllables(text))
    found: dict[str, set[str]] = {}
    masked: set[int] = set()
    # Phrases naming both sides first, so that "xuất nhập khẩu" is not read as "nhập khẩu".
    for entry in sorted(_entries(), key=lambda e: e.side not in (BOTH, NONE)):
        sides = {e.side for e in _entries() if e.group == entry.group and e.side not in (BOTH, NONE)}
        for phrase in entry.phrases:
            for start in runs_at(phrase, syllables):
                span = set(range(start, start + len(phrase)))
                if span & masked:
                    continue
                if entry.side == NONE:
                    masked |= span
                    continue
                found.setdefault(entry.group, set()).update(sides if entry.side == BOTH else {entry.side})
                if entry.side == BOTH:
                    masked |= span
    return {group: frozenset(sides) for group, sides in found.items()}


@lru_cache(maxsize=1024)  # asked once per candidate sentence of a question
def asked(question: str) -> tuple[Asked, ...]:
    """What the question pins down: one side of a pair (a question naming both sides pins
    nothing), and every award it names."""
    named = _named(question)
    out: list[Asked] = []
    for entry in _entries():
        sides = named.get(entry.group, frozenset())
        if entry.side in (BOTH, NONE) or entry.side not in sides or entry.kind == NEVER_ASKED:
            continue
        if entry.kind in SIDED and len(sides) > 1:
            continue
        item = Asked(entry.kind, entry.group, entry.side, entry.label)
        if item not in out:
            out.append(item)
    return tuple(out)


def _mentions(text: str, entries: list[_Entry]) -> list[tuple[int, int, _Entry]]:
    folded = fold(text).lower()  # fold keeps offsets
    found = [
        (match.start(), match.end(), entry)
        for entry in entries
        for phrase in entry.phrases
        for match in re.finditer(r"\b" + r"\s+".join(map(re.escape, phrase)) + r"\b", folded)
    ]
    return sorted(found, key=lambda found: found[:2])


def award_mentions(text: str) -> list[tuple[int, int, str]]:
    """Where ``text`` names an award ("Cờ thi đua", "Bằng khen"): (start, end, label), in order."""
    awards = [entry for entry in _entries() if entry.kind == "named" and entry.group == "award"]
    return [(start, end, entry.label) for start, end, entry in _mentions(text, awards)]


def swapped_sides(text: str) -> list[tuple[int, int, str, str]]:
    """Where ``text`` names a side a follow-up may name in place of the other ("FDI", "vốn
    trong nước", "xuất khẩu"): (start, end, group, side), in order; one phrase may name a
    side of several pairs."""
    sides = [entry for entry in _entries() if entry.swaps]
    return [(start, end, entry.group, entry.side) for start, end, entry in _mentions(text, sides)]


def awards_in(text: str) -> list[str]:
    """The awards ``text`` names, as labelled, in its order."""
    return list(dict.fromkeys(label for _, _, label in award_mentions(text)))


# The kinds whose side a figure's own clause pins: not "framed" (a plan's share, "bằng 105%
# kế hoạch", sits in the clause of the result it measures) nor the measures (a summary joins
# "12 dự án FDI với vốn …" from clauses naming labour and capital).
PINNED_BY_CLAUSE = ("pair", "country")


def sides_named(text: str) -> dict[str, frozenset[str]]:
    """For each group of a kind pinned by a clause (FDI/DDI, xuất/nhập khẩu, a country, …), the
    sides ``text`` names, as the user reads them ("vốn đầu tư nước ngoài (FDI)")."""
    labels = {(e.group, e.side): e.label for e in _entries() if e.kind in PINNED_BY_CLAUSE}
    return {
        group: frozenset(labels[group, side] for side in sides if (group, side) in labels)
        for group, sides in _named(text).items()
        if any((group, side) in labels for side in sides)
    }


def names_another(item: Asked, text: str) -> bool:
    """The text names another of ``item``'s group and not it: "… trao Giấy khen cho 22 doanh
    nghiệp" is about the Giấy khen, whatever award its paragraph named before."""
    sides = _named(text).get(item.group, frozenset())
    return bool(sides) and item.side not in sides


def stated(item: Asked, text: str, alone: bool = False) -> Stated:
    """``alone``: a text naming the side asked beside another ("FDI và DDI") is SILENT, as it
    does not single out what was asked."""
    sides = _named(text).get(item.group, frozenset())
    if item.side in sides:
        return Stated.SILENT if alone and len(sides) > 1 else Stated.YES
    if item.kind in SIDED and sides:
        return Stated.OTHER
    return Stated.SILENT
