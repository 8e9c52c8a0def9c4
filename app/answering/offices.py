"""The offices a person or a board holds ("Trưởng ban", "Khối phó"), as a text names them.
Pure; the list is in ``data/offices.txt``, matched folded and longest first, so that "phó
trưởng ban" is not also read as "trưởng ban"."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ingest.normalize import fold


@lru_cache(maxsize=1)
def _offices() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern of a folded form, office key) for each office and its other forms ("trưởng
    bql"), longest first. An office's key is its first form as written ("phó trưởng ban")."""
    text = resources.files("app.answering").joinpath("data", "offices.txt").read_text(encoding="utf-8")
    rows = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    forms = [(fold(form.strip()), row.split("|")[0].strip()) for row in rows for form in row.split("|")]
    longest_first = sorted(forms, key=lambda pair: len(pair[0]), reverse=True)
    return tuple((re.compile(rf"\b{re.escape(form)}\b"), key) for form, key in longest_first)


@lru_cache(maxsize=8192)
def offices_in(text: str) -> frozenset[str]:
    """The offices ``text`` names, each phrase read once at its longest."""
    return _named(text, held_only=False)


# "KT. TRƯỞNG BAN" / "PHÓ TRƯỞNG BAN": signed on behalf of the office after "KT.", "TL.",
# "TUQ." or "TM." (folded), by the one who holds the next.
ON_BEHALF = re.compile(r"\b(?:kt|tl|tuq|tm)\.\s*$")


@lru_cache(maxsize=8192)
def offices_held(text: str) -> frozenset[str]:
    """The offices ``text`` names as held: not one signed on behalf of ("KT. TRƯỞNG BAN")."""
    return _named(text, held_only=True)


def _named(text: str, held_only: bool) -> frozenset[str]:
    """Each office phrase read once at its longest (blanked once read), ``held_only`` leaving
    out one signed on behalf of."""
    folded, found = fold(text), set()
    for pattern, key in _offices():
        if any(not (held_only and ON_BEHALF.search(folded[: m.start()])) for m in pattern.finditer(folded)):
            found.add(key)
        folded = pattern.sub(lambda m: " " * len(m.group()), folded)
    return frozenset(found)
