"""Reciprocal rank fusion: pure, so it is easy to test and tune."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

RRF_K = 60  # the constant from Cormack et al.; damps the head of each list


def reciprocal_rank_fusion(
    rankings: Mapping[str, Sequence[str]], weights: Mapping[str, float] | None = None, k: int = RRF_K
) -> list[tuple[str, float]]:
    """Fuse ranked id lists into one ranking: score = sum of weight / (k + rank)."""
    scores: dict[str, float] = {}
    for name, ids in rankings.items():
        weight = (weights or {}).get(name, 1.0)
        for rank, item in enumerate(ids, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
