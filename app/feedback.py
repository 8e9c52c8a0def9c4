"""Thumbs up/down on answers, appended to a local JSONL file.

Each line keeps the question, the answer JSON (``ask --json``) and the verdict, so the
eval tooling can read it back: ``baocao feedback`` summarises it and exports the disliked
questions as a skeleton of new gold questions.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def feedback_record(answer_json: dict[str, Any], liked: bool, user: str | None, when: datetime) -> dict[str, Any]:
    return {
        "time": when.astimezone(UTC).isoformat(timespec="seconds"),
        "user": user or "",
        "liked": liked,
        "question": answer_json.get("question", ""),
        "standalone_question": answer_json.get("standalone_question", ""),
        "answer": answer_json,
    }


def gold_skeleton(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Disliked answers as rows of the gold-question format, to be completed by a person."""
    rows, seen = [], set()
    for record in records:
        question = record.get("standalone_question") or record.get("question", "")
        if record.get("liked") or not question or question in seen:
            continue
        seen.add(question)
        cited = [c.get("doc", "") for c in record.get("answer", {}).get("citations", [])]
        rows.append(
            {
                "id": f"fb{len(rows) + 1:03d}",
                "question": question,
                "category": "",
                "doc": cited[0] if cited else None,
                "answer": "",
                "must_include": [],
                "evidence": [],
                "rejected_answer": record.get("answer", {}).get("answer", ""),
            }
        )
    return rows


class FeedbackLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def append(self, record: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(record, ensure_ascii=False)
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")

    def read(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        with self.path.open(encoding="utf-8") as lines:
            return [json.loads(line) for line in lines if line.strip()]
