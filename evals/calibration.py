"""A labelled set of real model answers, to measure the verifier: how many right answers it
passes and how many wrong ones it catches.

``generate`` asks a model (any OpenAI-compatible endpoint; ``make qwen-server`` serves
Qwen2.5-Coder-1.5B) each gold question with the passages baocao would give it, and keeps the
first, unretried answer with those passages. ``label`` (pure) marks each answer right or
wrong against the gold: an answerable question is answered right when every key fact is
in the answer and no figure of the answer is missing from the passages; an unanswerable one
when the answer is the refusal. ``verifier_scores`` (pure) replays the verifier over the set.

    python -m evals.calibration generate --set data/eval/dev_qa.jsonl --out evals/calibration/dev.jsonl
    python -m evals.calibration score evals/calibration/dev.jsonl
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from langchain_core.documents import Document

from app.answering.constraints import PassageContext
from app.answering.verify import (
    LIST_MARK,
    MARKER,
    ExtractiveReading,
    figures,
    is_refusal,
    refused_against,
    verify_answer,
    with_markers,
)
from evals.metrics import key_facts_ok

app = typer.Typer(help="Calibration set of real model answers for the LLM verifier.")


def label(record: dict, refusal: str) -> bool:
    """Whether the model's answer is right (see the module's docstring). Pure."""
    answer = record["answer"]
    if not record["must_include"] and not record["answerable"]:
        return is_refusal(answer, refusal)
    if is_refusal(answer, refusal) or not key_facts_ok(answer, record["must_include"]):
        return False
    shown = {key for passage in record["passages"] for key, _ in figures(passage)}
    claims = "\n".join(LIST_MARK.sub("", line) for line in MARKER.sub(" ", with_markers(answer)).splitlines())
    return all(key in shown for key, _ in figures(claims))


@dataclass(frozen=True)
class VerifierScores:
    right: int
    wrong: int
    right_passed: int
    wrong_caught: int

    @property
    def pass_rate(self) -> float | None:
        """Right answers passed (the issue's goal: ≥ 0.90)."""
        return round(self.right_passed / self.right, 3) if self.right else None

    @property
    def catch_rate(self) -> float | None:
        """Wrong answers caught (the issue's goal: ≥ 0.95)."""
        return round(self.wrong_caught / self.wrong, 3) if self.wrong else None


# What the verifier needs of a passage's report beyond its text (``PassageContext.of``).
FRAME_KEYS = ("title", "issuer", "headings", "doc_years", "doc_places", "period")


def report_frame(document: Document) -> dict:
    return {key: document.metadata[key] for key in FRAME_KEYS if key in document.metadata}


def passage_contexts(record: dict) -> list[PassageContext] | None:
    """What each passage's report states around it, as the app gives the verifier (None for
    a record made before frames were kept: the verifier then reads the passages alone)."""
    frames = record.get("frames")
    if frames is None:
        return None
    return [
        PassageContext.of(Document(page_content=passage, metadata=frame))
        for passage, frame in zip(record["passages"], frames, strict=True)
    ]


def recorded_reading(record: dict) -> ExtractiveReading | None:
    """The extractive answer to the record's question, as the app gives the verifier (None for
    a record made before it was kept)."""
    reading = record.get("extractive")
    return None if reading is None else ExtractiveReading(reading["refused"], tuple(reading["passages"]))


def verifier_scores(records: Sequence[dict], refusal: str) -> VerifierScores:
    """The verifier replayed on labelled answers. Pure."""
    right = wrong = passed = caught = 0
    for record in records:
        question = record.get("question", "")
        contexts = passage_contexts(record)
        reading = recorded_reading(record)
        verification = verify_answer(record["answer"], record["passages"], refusal, question, contexts, reading)
        # As the app decides: a refusal of passages the extractive reading answers from fails.
        ok = verification.ok and not refused_against(verification, reading)
        if record["right"]:
            right += 1
            passed += ok
        else:
            wrong += 1
            caught += not ok
    return VerifierScores(right, wrong, passed, caught)


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@app.command()
def generate(
    gold: Annotated[Path, typer.Option("--set", help="Gold questions (.jsonl)")],
    out: Annotated[Path, typer.Option(help="Where the answers go (.jsonl; appended, questions done are skipped)")],
    base_url: Annotated[str, typer.Option(help="OpenAI-compatible endpoint")] = "http://127.0.0.1:8766/v1",
    model: Annotated[str, typer.Option(help="Model name at the endpoint")] = "qwen2.5-coder-1.5b",
    limit: Annotated[int, typer.Option(help="At most this many questions (every n-th, spread over the set)")] = 0,
) -> None:
    """Answer each gold question once with the model, as baocao would ask it."""
    from langchain_openai import ChatOpenAI

    from app.answering.generative import build_messages, extractive_reading, passage_context
    from app.prompts import answer_prompt
    from app.service import Baocao
    from app.settings import Settings
    from evals.runner import read_gold

    settings = Settings()
    service = Baocao(settings)
    prompt = answer_prompt()
    chat = ChatOpenAI(base_url=base_url, model=model, api_key="not-needed", temperature=0.0, max_tokens=300)
    questions = list(read_gold(gold))
    if limit and limit < len(questions):
        step = len(questions) / limit
        questions = [questions[int(i * step)] for i in range(limit)]
    done = {r["id"] for r in read_records(out)} if out.exists() else set()
    out.parent.mkdir(parents=True, exist_ok=True)
    for item in questions:
        if item["id"] in done:
            continue
        retrieved = service.retriever.invoke(item["question"])
        documents = retrieved[: settings.llm_passages]
        extractive = service.extractive.answer(item["question"], retrieved)  # the verifier's second reading
        started = time.perf_counter()
        answer = chat.invoke(build_messages(prompt, item["question"], documents)).content
        record = {
            "id": item["id"],
            "set": gold.name,
            "question": item["question"],
            "answerable": item.get("category") != "unanswerable",
            "must_include": item["must_include"],
            "passages": [passage_context(d) for d in documents],
            "sources": [d.metadata.get("source", "") for d in documents],
            "frames": [report_frame(d) for d in documents],
            "extractive": _reading_record(extractive_reading(extractive, documents)),
            "answer": answer,
            "seconds": round(time.perf_counter() - started, 1),
        }
        record["right"] = label(record, prompt.refusal)
        with out.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        typer.echo(f"{item['id']}: {'right' if record['right'] else 'wrong'} ({record['seconds']} s)")


def _reading_record(reading: ExtractiveReading) -> dict:
    return {"refused": reading.refused, "passages": list(reading.passages)}


@app.command()
def add_context(path: Annotated[Path, typer.Argument(help="Calibration file (.jsonl), rewritten in place")]) -> None:
    """Add what the app gives the verifier beside the passages, for sets made before it was
    kept: each passage's report frame, and the extractive answer to the same retrieval. The
    question is retrieved again (on the index the set was made on) and each passage found by
    its text (its title and heading may read otherwise since); a record with a passage not
    found is left as it is."""
    from app.answering.generative import extractive_reading
    from app.answering.instructions import without_instructions
    from app.service import Baocao
    from app.settings import Settings

    service = Baocao(Settings())
    records = read_records(path)
    added = 0
    for record in records:
        retrieved = service.retriever.invoke(record["question"])
        found = [
            next((d for d in retrieved if passage.endswith(without_instructions(d.page_content))), None)
            for passage in record["passages"]
        ]
        documents = [d for d in found if d is not None]
        if len(documents) == len(found):
            record["frames"] = [report_frame(d) for d in documents]
            answer = service.extractive.answer(record["question"], retrieved)
            record["extractive"] = _reading_record(extractive_reading(answer, documents))
            added += 1
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    typer.echo(f"{added} of {len(records)} records given their passages' report frames and extractive answer")


@app.command()
def score(paths: Annotated[list[Path], typer.Argument(help="Calibration files (.jsonl)")]) -> None:
    """The verifier's pass rate on right answers and catch rate on wrong ones."""
    from app.prompts import answer_prompt

    records = [r for path in paths for r in read_records(path)]
    scores = verifier_scores(records, answer_prompt().refusal)
    typer.echo(
        f"{len(records)} answers: {scores.right} right, {scores.wrong} wrong; "
        f"right passed {scores.right_passed}/{scores.right} ({scores.pass_rate}), "
        f"wrong caught {scores.wrong_caught}/{scores.wrong} ({scores.catch_rate})"
    )


if __name__ == "__main__":
    app()
