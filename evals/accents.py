"""How well accents are put back into accent-less text (``ingest.accents``), measured on
clean reports: strip one report's accents, repair it from the other reports alone, compare.

``python -m evals.accents FOLDER_OR_FILE...`` (``make accents``) prints, per report and
overall, the share of words spelled as the original before the repair (words that never had
accents) and after it, and checks that no number changed.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.accents import AccentRestorer, repairable
from ingest.gazetteer import place_names
from ingest.normalize import looks_accentless, numbers_in, strip_accents, token_spans


@dataclass(frozen=True)
class RepairScore:
    words: int
    right_before: int  # words already right without accents
    right_after: int
    numbers_kept: bool

    @property
    def before(self) -> float:
        return self.right_before / self.words if self.words else 1.0

    @property
    def after(self) -> float:
        return self.right_after / self.words if self.words else 1.0


def _words(text: str) -> list[str]:
    return [m.group().lower() for m in token_spans(text) if repairable(m.group())]


def score_repair(original: str, stripped: str, repaired: str) -> RepairScore:
    """Word by word (the three texts have the same words in the same places)."""
    reference, before, after = _words(original), _words(stripped), _words(repaired)
    return RepairScore(
        words=len(reference),
        right_before=sum(a == b for a, b in zip(reference, before, strict=True)),
        right_after=sum(a == b for a, b in zip(reference, after, strict=True)),
        numbers_kept=numbers_in(repaired) == numbers_in(original),
    )


def leave_one_out(texts: dict[str, str]) -> dict[str, RepairScore]:
    """Each clean report repaired from the vocabulary of the others only."""
    scores = {}
    for name, text in texts.items():
        restorer = AccentRestorer.fit((t for other, t in texts.items() if other != name), place_names())
        stripped = strip_accents(text)
        scores[name] = score_repair(text, stripped, restorer.restore(stripped))
    return scores


def _clean_reports(paths: Sequence[Path]) -> dict[str, str]:
    files = [f for p in paths for f in (sorted(p.rglob("*.txt")) if p.is_dir() else [p])]
    texts = {f.name: unicodedata.normalize("NFC", f.read_text(encoding="utf-8")) for f in files}
    return {name: text for name, text in texts.items() if not looks_accentless(text)}


def main(arguments: Sequence[str]) -> None:
    scores = leave_one_out(_clean_reports([Path(a) for a in arguments]))
    for name, score in scores.items():
        kept = f"numbers kept: {score.numbers_kept}"
        print(f"{name:40} {score.words:6d} words  {score.before:.3f} → {score.after:.3f}  {kept}")
    words = sum(s.words for s in scores.values())
    before = sum(s.right_before for s in scores.values()) / words
    after = sum(s.right_after for s in scores.values()) / words
    kept = all(s.numbers_kept for s in scores.values())
    print(
        f"{len(scores)} clean reports, {words} words: right {before:.3f} without accents → {after:.3f} repaired; "
        f"numbers kept in all: {kept}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
