"""Run a gold question file through the answer service and score it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from app.answering.models import Answer
from evals.metrics import QuestionResult, Summary, score_question, summaries_by_doc


class AnswersQuestions(Protocol):
    def ask(self, question: str) -> Answer: ...

    def readable(self, answer: Answer) -> Answer: ...


def read_gold(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}:{number}: not a JSON object ({error})") from error


def run_eval(
    service: AnswersQuestions,
    gold_path: Path,
    output: Path | None = None,
    on_question: Callable[[str], None] | None = None,
) -> tuple[list[QuestionResult], list[Summary]]:
    results: list[QuestionResult] = []
    lines: list[str] = []
    for gold in read_gold(gold_path):
        if on_question:
            on_question(gold["id"])
        answer = service.readable(service.ask(gold["question"]))  # scored as the user reads it
        record = answer.to_json() | {"id": gold["id"]}
        lines.append(json.dumps(record, ensure_ascii=False))
        results.append(score_question(gold, record, [p.text for p in answer.retrieved]))
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return results, summaries_by_doc(results)
