"""How well accents are put back into accent-less text (``ingest.accents``), measured on
clean reports: strip one report's accents, repair it from other reports alone, compare.

``python -m evals.accents FOLDER_OR_FILE...`` (``make accents``) prints, per report and
overall, the share of words spelled as the original before the repair (words that never had
accents) and after it, the share put back as another word (misleading: "tặng" for "tăng"),
and checks that no number changed. Each report is repaired from all the others (a large
library) and from two of them drawn with a fixed seed (a small one: a user's first reports).

``--grid`` fits the weight of the general prior and the share a word's spelling must hold
(``ingest.accents.PRIOR_USES``, ``MIN_SHARE``): for each pair of the grid, both libraries'
words right less twice those misled (a word put back as another both loses the reading and
states a wrong one), averaged; the best pair is printed last.
"""

from __future__ import annotations

import itertools
import random
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.accents import MIN_SHARE, PRIOR_USES, AccentRestorer, repairable
from ingest.gazetteer import place_names
from ingest.normalize import looks_accentless, numbers_in, strip_accents, token_spans
from ingest.word_prior import spelling_shares

SMALL_LIBRARY = 2  # reports a small library repairs from
SEED = 7  # draws the small libraries: the same every run
GRID_PRIOR_USES = (0.0, 5.0, 10.0, 20.0)
GRID_MIN_SHARE = (0.0, 0.6, 0.7, 0.8)
MISLED_COST = 2.0  # a word misled counts as two words right lost (see above)


@dataclass(frozen=True)
class RepairScore:
    words: int
    right_before: int  # words already right without accents
    right_after: int
    numbers_kept: bool
    misled: int = 0  # words put back as another word than the original

    @property
    def before(self) -> float:
        return self.right_before / self.words if self.words else 1.0

    @property
    def after(self) -> float:
        return self.right_after / self.words if self.words else 1.0

    @property
    def misleading(self) -> float:
        return self.misled / self.words if self.words else 0.0


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
        misled=sum(a != c and b != c for a, b, c in zip(reference, before, after, strict=True)),
    )


Fit = Callable[[list[str]], AccentRestorer]


def repaired_from(texts: dict[str, str], library: Callable[[str], list[str]], fit: Fit) -> dict[str, RepairScore]:
    """Each clean report repaired from the reports ``library`` gives for it."""
    scores = {}
    for name, text in texts.items():
        restorer = fit(library(name))
        stripped = strip_accents(text)
        scores[name] = score_repair(text, stripped, restorer.restore(stripped))
    return scores


def _fit(prior_uses: float = PRIOR_USES, min_share: float = MIN_SHARE) -> Fit:
    names, prior = place_names(), spelling_shares()
    return lambda clean: AccentRestorer.fit(clean, names, prior, prior_uses, min_share)


def leave_one_out(texts: dict[str, str], fit: Fit | None = None) -> dict[str, RepairScore]:
    """Each clean report repaired from the vocabulary of the others only."""
    return repaired_from(texts, lambda name: [t for other, t in texts.items() if other != name], fit or _fit())


def small_libraries(texts: dict[str, str], fit: Fit | None = None) -> dict[str, RepairScore]:
    """Each clean report repaired from ``SMALL_LIBRARY`` others, drawn with ``SEED``."""
    draw = random.Random(SEED)
    names = list(texts)
    drawn = {n: draw.sample([m for m in names if m != n], min(SMALL_LIBRARY, len(names) - 1)) for n in names}
    return repaired_from(texts, lambda name: [texts[m] for m in drawn[name]], fit or _fit())


def _overall(scores: dict[str, RepairScore]) -> tuple[float, float, float]:
    words = sum(s.words for s in scores.values()) or 1
    return (
        sum(s.right_before for s in scores.values()) / words,
        sum(s.right_after for s in scores.values()) / words,
        sum(s.misled for s in scores.values()) / words,
    )


def _clean_reports(paths: Sequence[Path]) -> dict[str, str]:
    files = [f for p in paths for f in (sorted(p.rglob("*.txt")) if p.is_dir() else [p])]
    texts = {f.name: unicodedata.normalize("NFC", f.read_text(encoding="utf-8")) for f in files}
    return {name: text for name, text in texts.items() if not looks_accentless(text)}


def grid(texts: dict[str, str]) -> tuple[float, float]:
    """Prints each pair's outcome in both libraries; returns the best pair."""
    best: tuple[float, tuple[float, float]] | None = None
    for prior_uses, min_share in itertools.product(GRID_PRIOR_USES, GRID_MIN_SHARE):
        fit = _fit(prior_uses, min_share)
        (_, large, large_misled), (_, small, small_misled) = (
            _overall(leave_one_out(texts, fit)),
            _overall(small_libraries(texts, fit)),
        )
        score = (large - MISLED_COST * large_misled + small - MISLED_COST * small_misled) / 2
        print(
            f"prior uses {prior_uses:4.0f}, min share {min_share:.2f}: large right {large:.3f} misled "
            f"{large_misled:.3f}; small right {small:.3f} misled {small_misled:.3f}; score {score:.4f}",
            flush=True,
        )
        if best is None or score > best[0]:
            best = (score, (prior_uses, min_share))
    assert best is not None
    print(f"best: prior uses {best[1][0]:.0f}, min share {best[1][1]:.2f} (score {best[0]:.4f})")
    return best[1]


def main(arguments: Sequence[str]) -> None:
    texts = _clean_reports([Path(a) for a in arguments if a != "--grid"])
    if "--grid" in arguments:
        grid(texts)
        return
    scores = leave_one_out(texts)
    for name, score in scores.items():
        kept = f"numbers kept: {score.numbers_kept}"
        print(
            f"{name:40} {score.words:6d} words  {score.before:.3f} → {score.after:.3f}  "
            f"misled {score.misleading:.3f}  {kept}"
        )
    kept = all(s.numbers_kept for s in scores.values())
    words = sum(s.words for s in scores.values())
    for label, measured in (("from the others", scores), (f"from {SMALL_LIBRARY} others", small_libraries(texts))):
        before, after, misled = _overall(measured)
        print(
            f"{len(texts)} clean reports, {words} words, each repaired {label}: right {before:.3f} without "
            f"accents → {after:.3f} repaired, {misled:.3f} put back as another word"
        )
    print(f"numbers kept in all: {kept}")


if __name__ == "__main__":
    main(sys.argv[1:])
