"""The expected outcome of every gold question (``evals/snapshot.jsonl``), so that a change
shows which questions flipped, not only whether a bar was missed. Pure apart from the
two small read/write helpers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evals.metrics import QuestionResult


@dataclass(frozen=True)
class Flip:
    id: str
    before: str
    after: str


def outcomes(results: Sequence[QuestionResult]) -> dict[str, str]:
    return {r.id: r.outcome for r in results}


def flips(before: dict[str, str], results: Sequence[QuestionResult]) -> list[Flip]:
    """Questions whose outcome differs from the snapshot (new questions count as a flip from "—")."""
    return [
        Flip(qid, before.get(qid, "—"), after) for qid, after in outcomes(results).items() if before.get(qid) != after
    ]


def read_snapshot(path: Path) -> dict[str, str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["id"]: row["outcome"] for row in rows}


def write_snapshot(path: Path, results: Sequence[QuestionResult], keep: dict[str, str] | None = None) -> None:
    """Record these outcomes, keeping the rows of other sets already in the file."""
    merged = dict(keep or {}) | outcomes(results)
    lines = [json.dumps({"id": qid, "outcome": outcome}) for qid, outcome in sorted(merged.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
