"""Accents put back into accent-less OCR text, from the library's own clean reports. Pure.

Each run of one to three words is looked up by its OCR key (``normalize.ocr_key``: folded,
OCR confusions undone, so "Ban Quan 1y" and "Ban Quản lý" share it) among the runs of clean
text, longest first, and takes the spelling those runs have most often. A word no clean report
spells stays as the OCR gave it. Numbers, acronyms and units are never changed: a repaired
passage states the same figures as its original.

Measured by ``bench/accents.py`` (accents stripped from a clean report, put back from the
others, syllables compared): see the README.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ingest.normalize import is_number, is_unit, ocr_key, token_spans

MAX_RUN = 3  # words looked up together: the context that tells "tỉnh" from "tính"
_SPACES = re.compile(r"[ \t]+")


def repairable(token: str) -> bool:
    """A word: not a number, an acronym ("KCN", "FDI") or a unit ("m3")."""
    return (
        any(ch.isalpha() for ch in token)
        and not is_number(token)
        and not (len(token) > 1 and token.isupper())
        and not is_unit(token)
    )


def _runs(text: str) -> Iterable[list[re.Match[str]]]:
    """Tokens of ``text`` in runs of words separated by spaces only (a comma ends a run)."""
    run: list[re.Match[str]] = []
    for match in token_spans(text):
        joined = run and _SPACES.fullmatch(text[run[-1].end() : match.start()])
        if run and (not joined or not repairable(match.group())):
            yield run
            run = []
        if repairable(match.group()):
            run.append(match)
    if run:
        yield run


def _cased(spelling: str, original: str) -> str:
    return spelling[:1].upper() + spelling[1:] if original[:1].isupper() else spelling


@dataclass(frozen=True)
class AccentRestorer:
    spellings: dict[tuple[str, ...], tuple[str, ...]]  # OCR keys of a run → its most frequent clean spelling

    @classmethod
    def fit(cls, clean_texts: Iterable[str]) -> AccentRestorer:
        counts: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}
        for text in clean_texts:
            for run in _runs(unicodedata.normalize("NFC", text)):
                words = [m.group() for m in run]
                keys = [ocr_key(w) for w in words]
                lowered = [w.lower() for w in words]
                for n in range(1, MAX_RUN + 1):
                    for start in range(len(words) - n + 1):
                        key = tuple(keys[start : start + n])
                        counts.setdefault(key, Counter())[tuple(lowered[start : start + n])] += 1
        return cls({key: seen.most_common(1)[0][0] for key, seen in counts.items()})

    def __len__(self) -> int:
        return len(self.spellings)

    def restore(self, text: str) -> str:
        """``text`` with each word the clean reports know spelled as they spell it."""
        replaced: list[tuple[int, int, str]] = []
        for run in _runs(text):
            keys = [ocr_key(m.group()) for m in run]
            start = 0
            while start < len(run):
                for n in range(min(MAX_RUN, len(run) - start), 0, -1):
                    spelling = self.spellings.get(tuple(keys[start : start + n]))
                    if spelling is not None:
                        for match, word in zip(run[start : start + n], spelling, strict=True):
                            replaced.append((match.start(), match.end(), _cased(word, match.group())))
                        start += n
                        break
                else:
                    start += 1
        out, last = [], 0
        for begin, end, word in replaced:
            out += [text[last:begin], word]
            last = end
        return "".join([*out, text[last:]])
