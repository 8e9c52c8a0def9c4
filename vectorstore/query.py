"""Question rewriting before search: period shorthand spelled out, abbreviations both ways.
Pure logic."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ingest.gazetteer import is_accented, tokenize
from ingest.glossary import glossary_rows
from ingest.normalize import fold, search_syllables


def glossary() -> tuple[tuple[str, str], ...]:
    """(abbreviation, expansion) pairs shipped with the package."""
    return tuple((abbreviation, expansion) for abbreviation, expansion, _ in glossary_rows())


@lru_cache(maxsize=1)
def name_tokens() -> frozenset[str]:
    """Search tokens of abbreviations that are proper names ("dbsh", "mtnb")."""
    return frozenset("".join(search_syllables(a)) for a, _, is_name in glossary_rows() if is_name)


# A report's period in shorthand: "6T/2031", "9T 2031", "6TĐN" (the first six months: what
# "6T" means unless "CN", the last six, follows).
_PERIOD_SHORTHAND = re.compile(
    r"(?<![\w/.,])([69])\s?t(đn|dn|cn)?(?:\s*/\s*(?=(?:19|20)\d{2}(?!\d))|(?!\w))", re.IGNORECASE
)


def spell_out_shorthand(question: str) -> str:
    """The question with its period shorthand written out ("6T 2031" → "6 tháng đầu năm
    2031"), without accents in a question typed without them. (Word shorthand, "so CK", "%
    KH", "nộp NS", was tried spelled out the same way: left out, it lost 3 of 252 answers.)"""
    question = unicodedata.normalize("NFC", question)
    if not _PERIOD_SHORTHAND.search(question):
        return question  # most questions: not tokenized here for their accents
    accented = is_accented(tokenize(question))

    def period(match: re.Match[str]) -> str:
        half = "cuối" if (match.group(2) or "").lower() == "cn" else "đầu"
        words = f"{match.group(1)} tháng {half} năm"
        return (words if accented else fold(words)) + (" " if "/" in match.group() else "")

    return _PERIOD_SHORTHAND.sub(period, question)


def expand_abbreviations(question: str) -> str:
    """Spell out the question's period shorthand, and append the other side of every glossary
    pair found in it."""
    question = spell_out_shorthand(question)
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
