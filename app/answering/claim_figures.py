"""The figures and names of a generated claim, and whether each figure is said of what its
source says it is of. Pure.

A small model copies a passage's figure and pins it on the thing named beside it: "Trung Quốc
dẫn đầu với 17 dự án" from "Hàn Quốc dẫn đầu về số dự án với 17 dự án, tiếp theo là Trung
Quốc 11 dự án". Every word and figure of the claim is in the passage; only the figure's own
clause says whose it is. ``mistied_figures`` compares, for each figure of a claim, the clause of
the claim holding it with the clauses of the passage holding it: when both name something of one
kind (a province that owns the figure, a zone, a person, a country; a side of FDI/DDI, xuất/nhập
khẩu, cấp mới/còn hiệu lực) and have none of it in common, the figure is mistied. A clause
naming nothing of a kind leaves it open: a claim may name what the passage's heading or title
says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.answering.distinctions import sides_named
from app.answering.places import place_spans
from ingest.gazetteer import display_name, find_places, merged_keys
from ingest.normalize import canon_syllable, fold, match_key, number_key
from ingest.office import is_row_sentence
from ingest.people import person_names

# A figure stands apart from letters: the "2" of "KCN Kim Sơn A2" or "QL5" is part of a name.
NUMBER_UNIT = re.compile(r"(?<![^\W_])(\d+(?:[.,]\d+)*)(?:\s*(%)|\s+([^\W\d_]+))?")
ZONE_NAME = re.compile(
    r"\b(?:KCN|KKT|KCX|[Kk]hu công nghiệp|[Kk]hu kinh tế|[Kk]hu chế xuất)\s+((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ]\w*\s?){1,3})"
)
# First syllables (folded) of the units a figure may carry; a figure's unit must match.
UNITS = frozenset(
    {"ty", "trieu", "nghin", "ngan", "usd", "dong", "ha", "hecta", "km", "m2", "tan"}  # money, area, weight
    | {"du", "lao", "nguoi", "doanh", "luot", "buoi", "tap", "ca", "cong", "don"}  # dự án, lao động, người…
)
# "12.345 lao động" counts the same people as "12.345 người".
UNIT_KIND = {"lao": "nguoi"}
# Where a claim's or passage's clause ends: a sentence's end, ";", a comma before a space (not
# the decimal comma of "38,4"), brackets.
CLAUSE_BREAK = re.compile(r"(?<=[.!?…])\s+|;|,\s|[()]")
YEAR = re.compile(r"(?:19|20)\d{2}")
# Before a province named as where something happened ("tại Hà Nội", "ở tỉnh Bắc Ninh").
LOCATION_BEFORE = re.compile(r"\b(?:tại|ở|tai|o)\s+(?:(?:tỉnh|thành phố|tinh|thanh pho|tp\.?)\s+)?$", re.IGNORECASE)


def _value(number: str) -> str:
    """A number as a value: "06" is 6 (a count, a month); "0,5" keeps its digits."""
    digits = number_key(number)
    return digits.lstrip("0") or "0" if number.isdigit() else digits


def _figure(number: str, percent: str, word: str) -> tuple[str, str]:
    """A ``NUMBER_UNIT`` match as (value key, unit kind or "")."""
    unit = "%" if percent else canon_syllable(fold(word)) if word else ""
    unit = UNIT_KIND.get(unit, unit)
    return _value(number), unit if unit in UNITS or unit == "%" else ""


def figures(text: str) -> list[tuple[str, str]]:
    """(value key, unit kind or "") of every number in a text."""
    return [_figure(*match) for match in NUMBER_UNIT.findall(text)]


def figure_anchors(text: str) -> set[str]:
    """The figures a clause can be tied by: those with a unit or written with a separator
    ("17 dự án", "38,4 ha", "1.006,5"), not a year or a bare small number (a day, a rank)."""
    anchors = set()
    for number, percent, word in NUMBER_UNIT.findall(text):
        value, unit = _figure(number, percent, word)
        if not YEAR.fullmatch(number) and (unit or not number.isdigit()):
            anchors.add(value)
    return anchors


def names_in(text: str) -> list[str]:
    """The provinces, zones and people ``text`` names, as written (accents tell "Kim Sơn là"
    from the province Sơn La)."""
    return [text[start:end] for start, end in place_spans(text)] + [name for _, name in _zones_and_people(text)]


def _zones_and_people(text: str) -> list[tuple[str, str]]:
    zones = [("zone", m.group(1).strip()) for m in ZONE_NAME.finditer(text)]
    return zones + [("person", name) for name in person_names(text)]


def _owners(text: str) -> list[tuple[str, str]]:
    """What a clause ties its figures to, by kind: the provinces it names (as gazetteer keys,
    with those a 2025 merger joined: "TP.HCM" is "Thành phố Hồ Chí Minh"), but not one named as
    where something happened ("tổ chức tại Hà Nội": the host board's figure is still its own),
    the zones and the people."""
    owners = [
        ("place", key)
        for place in find_places(text)
        if place.kind == "province" and not LOCATION_BEFORE.search(text[: place.start])
        for key in merged_keys(place.key)
    ]
    return owners + _zones_and_people(text)


def clauses(sentence: str) -> list[str]:
    """The clauses of a sentence; a table row's cells each with the row's label ("KCN Kim Sơn —
    Doanh thu: 12 tỷ đồng; Xuất khẩu: 3 triệu USD": the export is Kim Sơn's too)."""
    sentence = sentence.strip()
    if is_row_sentence(sentence):
        label, _, cells = sentence.partition(" — ")
        return [f"{label} — {cell}" for cell in cells.split(";") if cell.strip()]
    return [clause for clause in CLAUSE_BREAK.split(sentence) if clause.strip()]


def _kinds(clause: str) -> dict[str, set[str]]:
    """What a clause names, by kind: places, zones, people (a zone is no other place: a table
    row "Quảng Trị — KCN X: …; Số dự án FDI: 6" names both), and each group of sides it names
    (country, FDI/DDI, xuất/nhập khẩu, …)."""
    kinds: dict[str, set[str]] = {group: set(sides) for group, sides in sides_named(clause).items()}
    for kind, name in _owners(clause):
        kinds.setdefault(kind, set()).add(name)
    return kinds


def _agrees(claimed: set[str], stated: set[str], kind: str) -> bool:
    if kind not in ("zone", "person"):
        return bool(claimed & stated)
    claimed, stated = {match_key(name) for name in claimed}, {match_key(name) for name in stated}
    # "Trần Văn Khải" is named by "ông Khải"'s full name, "KCN Tân Lập" by "KCN Tân Lập II".
    return any(a in b or b in a for a in claimed for b in stated)


def mistied_figures(claim: str, sources: Sequence[str]) -> list[tuple[str, str, str]]:
    """(figure, what the claim ties it to, what the sources tie it to) for each figure of
    ``claim`` that every clause of ``sources`` holding it ties to something else of a kind."""
    # Each source clause's figures and names, read once for all the claim's figures.
    source_clauses = [
        (anchors, _kinds(clause))
        for source in sources
        for line in source.splitlines()
        for clause in clauses(line)
        if (anchors := figure_anchors(clause))
    ]
    mistied = []
    for clause in clauses(claim):
        claimed = _kinds(clause)
        for value in sorted(figure_anchors(clause)):
            holding = [kinds for anchors, kinds in source_clauses if value in anchors]
            if not holding:
                continue
            conflicts = [_conflict(claimed, stated) for stated in holding]
            if all(conflicts):
                kind, said, stated = conflicts[0]
                mistied.append((value, _shown(kind, said), _shown(kind, stated)))
    return mistied


def _shown(kind: str, names: set[str]) -> str:
    return ", ".join(sorted(display_name("province", name) if kind == "place" else name for name in names))


def _conflict(claimed: dict[str, set[str]], stated: dict[str, set[str]]) -> tuple[str, set[str], set[str]] | None:
    for kind, said in claimed.items():
        if kind in stated and not _agrees(said, stated[kind], kind):
            return kind, said, stated[kind]
    return None


def cells_of_figures(sentence: str, claim: str) -> str:
    """A table row cut down to its label and the cells holding the figures of ``claim``, said
    as a sentence that is no row: "Diện tích cho thuê mới, 6 tháng đầu năm 2030: 38,4 ha". A
    cell's header says which year or period its figure is of; the whole row names them all. Any
    other sentence, or a row holding none of the figures, is returned as it is."""
    if not is_row_sentence(sentence.strip()):
        return sentence
    wanted = figure_anchors(claim)
    label, _, cells = sentence.strip().partition(" — ")
    kept = [cell.strip() for cell in cells.split(";") if figure_anchors(cell) & wanted]
    return f"{label}, {'; '.join(kept)}" if kept else sentence
