"""The words that name a sum of money in a question ("vốn", "doanh thu", "xuất khẩu"), and
those that only say a value is meant ("giá trị", "kim ngạch"). Pure; the words are in
``data/money_words.txt``."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _money_table() -> dict[str, bool]:
    """Each money word of money_words.txt, and whether it is only a head ("giá trị")."""
    text = resources.files("app.answering").joinpath("data", "money_words.txt").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {row[0].strip(): row[1:2] == ["head"] for row in rows}


def money_words() -> frozenset[str]:
    return frozenset(_money_table())


def money_named(words: frozenset[str]) -> frozenset[str]:
    """The money words of ``words`` that say what a value is of, when some do ("giá trị xuất
    khẩu" → xk: "kim ngạch xuất khẩu" and "xuất khẩu đạt" state it too); else the heads."""
    specific = frozenset(w for w in words if w in _money_table() and not _money_table()[w])
    return specific or (words & money_words())


def heads_beside_what(words: frozenset[str]) -> frozenset[str]:
    """The head words of ``words`` ("giá trị") when ``words`` also say what the value is of."""
    money = words & money_words()
    return money - money_named(money)
