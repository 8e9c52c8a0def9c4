"""Question rewriting before search: abbreviations both ways. Pure logic."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ingest.normalize import fold


@lru_cache(maxsize=1)
def glossary() -> tuple[tuple[str, str], ...]:
    """(abbreviation, expansion) pairs shipped with the package."""
    text = resources.files("vectorstore").joinpath("glossary.tsv").read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            abbreviation, expansion = line.split("\t", 1)
            pairs.append((abbreviation.strip(), expansion.strip()))
    return tuple(pairs)


def expand_abbreviations(question: str) -> str:
    """Append the other side of every glossary pair found in the question."""
    folded = fold(question)
    additions = []
    for abbreviation, expansion in glossary():
        short = fold(abbreviation)
        has_short = re.search(rf"(?<![\w&-]){re.escape(short)}(?![\w&-])", folded) is not None
        has_long = fold(expansion) in folded
        if has_short and not has_long:
            additions.append(expansion)
        elif has_long and not has_short:
            additions.append(abbreviation)
    return question if not additions else f"{question} ({'; '.join(additions)})"
