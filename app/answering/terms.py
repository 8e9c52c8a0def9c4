"""The search terms of a text as the answerer compares them: syllables without accents, known
phrases folded to their abbreviation ("khu công nghiệp" → kcn). Pure."""

from __future__ import annotations

from ingest.normalize import search_syllables
from vectorstore.query import fold_abbreviations


def terms_of(text: str) -> list[str]:
    return fold_abbreviations(search_syllables(text))
