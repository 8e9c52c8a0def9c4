"""The units a report's figures come with (``data/units.txt``) and the ones a text names as
counted ("Số lao động …", "tổng số dự án"). Pure."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ingest.normalize import search_syllables

# "số lao động … là bao nhiêu", "So sánh số lao động …": the unit is named after "số", not
# after the question word. Unaccented, "so" is also "so sánh", "sơ kết": only a unit after it
# counts. "một số dự án", "đa số", "phần lớn số" are some or most, not a number; unaccented
# "co so" is "cơ sở".
COUNTED = {
    True: re.compile(r"(?<!một )(?<!đa )(?<!lớn )\bsố\b"),
    False: re.compile(r"(?<!mot )(?<!da )(?<!lon )(?<!co )\bso\b"),
}


@lru_cache(maxsize=1)
def unit_groups() -> tuple[tuple[str, ...], ...]:
    """Each line of units.txt: units (as written) that count the same thing."""
    text = resources.files("app.answering").joinpath("data", "units.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(tuple(u.strip() for u in line.split("|")) for line in lines)


def unit_key(unit: str) -> str:
    return " ".join(search_syllables(unit)) or unit.strip()  # "%" has no syllable: itself


@lru_cache(maxsize=1)
def same_units() -> dict[str, frozenset[str]]:
    """Folded unit → the folded units that count the same thing (itself included)."""
    return {unit_key(u): frozenset(unit_key(v) for v in group) for group in unit_groups() for u in group}


def unit_kind(unit: str) -> str:
    """One name for the units that count the same thing ("người" and "lao động": "lao dong")."""
    key = unit_key(unit)
    return min(same_units().get(key, {key}))


def unit_at(syllables: tuple[str, ...] | list[str]) -> str | None:
    """The unit the syllables start with ("lao dong dang lam" → lao dong), if any."""
    joined = " ".join(syllables)
    return next((u for u in _units_by_length() if u != "%" and f"{joined} ".startswith(f"{u} ")), None)


@lru_cache(maxsize=1)
def _units_by_length() -> tuple[str, ...]:
    return tuple(sorted(same_units(), key=len, reverse=True))


def counted(text: str, accented: bool) -> list[tuple[str, tuple[str, ...]]]:
    """The units the text names as counted ("Số lao động", "tổng số dự án"), in order, each
    with the syllables after it ("số lao động nữ tại …" → lao dong, (nu, tai, …))."""
    lowered = " ".join(text.lower().split())
    found = []
    for match in COUNTED[accented].finditer(lowered):
        after = search_syllables(lowered[match.end() :])
        unit = unit_at(after[:6])
        if unit is not None:
            found.append((unit, tuple(after[len(unit.split()) :])))
    return found


def counted_units(text: str, accented: bool) -> list[str]:
    """The units the text names as counted, in order."""
    return [unit for unit, _ in counted(text, accented)]
