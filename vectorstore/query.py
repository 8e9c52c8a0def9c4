"""Question rewriting before search: abbreviations both ways. Pure logic."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.glossary import glossary_rows
from ingest.normalize import fold, search_syllables


def glossary() -> tuple[tuple[str, str], ...]:
    """(abbreviation, expansion) pairs shipped with the package."""
    return tuple((abbreviation, expansion) for abbreviation, expansion, _ in glossary_rows())


@lru_cache(maxsize=1)
def name_tokens() -> frozenset[str]:
    """Search tokens of abbreviations that are proper names ("dbsh", "mtnb")."""
    return frozenset("".join(search_syllables(a)) for a, _, is_name in glossary_rows() if is_name)


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


@lru_cache(maxsize=1)
def _abbreviation_phrases() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First syllable -> (expansion as search syllables, abbreviation as one search token),
    longest first."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for abbreviation, expansion in glossary():
        token = "".join(search_syllables(abbreviation))
        phrase = tuple(search_syllables(expansion))
        if token and len(phrase) > 1:
            by_first.setdefault(phrase[0], []).append((phrase, token))
    return {first: tuple(sorted(pairs, key=lambda pair: -len(pair[0]))) for first, pairs in by_first.items()}


@lru_cache(maxsize=1)
def abbreviation_expansions() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Abbreviation token -> its spelled-out forms, as search syllables."""
    expansions: dict[str, list[tuple[str, ...]]] = {}
    for pairs in _abbreviation_phrases().values():
        for phrase, token in pairs:
            expansions.setdefault(token, []).append(phrase)
    return {token: tuple(phrases) for token, phrases in expansions.items()}


def abbreviation_spans(syllables: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, term)`` for each term of ``fold_abbreviations(syllables)``: a spelled-out
    glossary phrase spans its syllables, any other term one syllable."""
    phrases = _abbreviation_phrases()
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(syllables):
        for phrase, token in phrases.get(syllables[i], ()):
            if tuple(syllables[i : i + len(phrase)]) == phrase:
                spans.append((i, i + len(phrase), token))
                i += len(phrase)
                break
        else:
            spans.append((i, i + 1, syllables[i]))
            i += 1
    return spans


def fold_abbreviations(syllables: list[str]) -> list[str]:
    """Replace spelled-out glossary phrases by their abbreviation token, so that
    "khu công nghiệp" and "KCN" are one term when answers are scored."""
    return [term for _, _, term in abbreviation_spans(syllables)]


def syllable_terms(syllables: list[str]) -> set[str]:
    """Terms of search-form syllables; "KCN" and "khu công nghiệp" count as one term."""
    return set(syllables) | set(fold_abbreviations(syllables))


def chunk_terms(text: str) -> set[str]:
    """Search-form terms of a text (see ``syllable_terms``)."""
    return syllable_terms(search_syllables(text))
