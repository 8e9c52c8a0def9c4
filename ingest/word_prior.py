"""How often general Vietnamese text spells each word that loses its accents the same way:
the prior the accent repair weighs a word's spellings by when it stands alone, beside the
library's own clean reports (a library of an awards decision spells "tang" only as "tặng";
"tang 12,5%" is "tăng"). From ``wordfreq``'s Vietnamese list (about 10,700 words of
Wikipedia, subtitles, news and the web, shipped inside the package: nothing is downloaded).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ingest.normalize import ocr_key


@lru_cache(maxsize=1)
def spelling_shares() -> dict[str, dict[str, float]]:
    """OCR key of a word ("tang") → each spelling of it ("tăng", "tầng", "tặng" …) → its share
    of the key's uses in general text."""
    import wordfreq  # its list is read once, here: the repair is fitted lazily too

    by_key: dict[str, dict[str, float]] = defaultdict(dict)
    for word, frequency in wordfreq.get_frequency_dict("vi").items():
        if word.isalpha():  # one syllable: Vietnamese words are written apart
            spellings = by_key[ocr_key(word)]
            spellings[word] = spellings.get(word, 0.0) + frequency
    return {
        key: {word: frequency / sum(spellings.values()) for word, frequency in spellings.items()}
        for key, spellings in by_key.items()
    }
