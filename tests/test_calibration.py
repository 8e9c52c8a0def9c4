"""Labelling real model answers and scoring the verifier on them (invented records; the
committed calibration set of Qwen2.5-Coder answers is replayed in test_verifier_on_real_answers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.prompts import answer_prompt
from evals.calibration import label, read_records, verifier_scores

pytestmark = pytest.mark.unit

REFUSAL = answer_prompt().refusal
PASSAGE = "Báo cáo năm 2031\nKCN Kim Sơn\nDoanh thu đạt 1.234 tỷ đồng, bằng 61,25% kế hoạch năm 2031."


def record(answer: str, must_include: list[list[str]] | None = None, answerable: bool = True) -> dict:
    return {"answer": answer, "must_include": must_include or [], "answerable": answerable, "passages": [PASSAGE]}


def test_an_answer_is_right_with_every_key_fact_and_no_figure_from_elsewhere():
    facts = [["1.234 tỷ đồng"]]
    assert label(record("1. Doanh thu đạt 1.234 tỷ đồng [1].", facts), REFUSAL)  # list number, marker: no figures
    assert not label(record("Doanh thu đạt 1.243 tỷ đồng [1].", facts), REFUSAL)  # a key fact missing
    assert not label(record("Doanh thu đạt 1.234 tỷ đồng, tăng 7% [1].", facts), REFUSAL)  # 7% is not there
    assert not label(record(REFUSAL, facts), REFUSAL)


def test_an_unanswerable_question_is_answered_right_only_by_the_refusal():
    assert label(record(REFUSAL, answerable=False), REFUSAL)
    assert not label(record("Doanh thu đạt 1.234 tỷ đồng [1].", answerable=False), REFUSAL)


def test_the_verifier_is_scored_on_right_answers_passed_and_wrong_ones_caught():
    records = [
        record("Doanh thu đạt 1.234 tỷ đồng [1].") | {"right": True},  # passed
        record("Doanh thu đạt 61,25% kế hoạch.") | {"right": True},  # uncited, yet supported: passed
        record("Doanh thu đạt 2.234 tỷ đồng [1].") | {"right": False},  # caught
        record("Doanh thu đạt 61,25% kế hoạch năm 2031 [1].") | {"right": False},  # not caught
    ]
    scores = verifier_scores(records, REFUSAL)
    assert (scores.right_passed, scores.right, scores.wrong_caught, scores.wrong) == (2, 2, 1, 2)
    assert scores.pass_rate == 1.0 and scores.catch_rate == 0.5


CALIBRATION = Path(__file__).resolve().parents[1] / "evals" / "calibration" / "dev_qwen.jsonl"


def test_the_verifier_on_real_qwen_answers_holds_its_measured_figures():
    """Replays the committed answers of Qwen2.5-Coder-1.5B to the 30 dev questions (see
    evals/calibration/README.md): a change to the verifier that passes fewer right answers or
    catches fewer wrong ones shows here."""
    records = read_records(CALIBRATION)
    assert len(records) == 30 and all(label(r, REFUSAL) == r["right"] for r in records if "review" not in r)
    scores = verifier_scores(records, REFUSAL)
    assert (scores.right, scores.wrong) == (11, 19)  # four labels read by hand ("review")
    assert all(len(r["frames"]) == len(r["passages"]) for r in records)  # the reports' frames, as the app has them
    assert all("extractive" in r for r in records)  # and the extractive answer to the same retrieval
    # Measured: all 11 and all 19; 18 caught without the extractive reading (an OCR paragraph
    # of the speaker's other remarks pasted back as what she asked of the boards).
    assert scores.right_passed >= 11 and scores.wrong_caught >= 19


def test_a_refusal_of_passages_the_extractive_reading_answers_from_is_not_passed():
    # As the app decides: the passages hold an answer, so the refusal is a wrong answer caught.
    answered = {"refused": False, "passages": [1]}
    records = [record(REFUSAL, [["1.234 tỷ đồng"]]) | {"right": False, "extractive": answered}]
    assert verifier_scores(records, REFUSAL).wrong_caught == 1
    refused = {"refused": True, "passages": []}
    records = [record(REFUSAL, answerable=False) | {"right": True, "extractive": refused}]
    assert verifier_scores(records, REFUSAL).right_passed == 1


TRIALS = CALIBRATION.with_name("trials_qwen.jsonl")


def test_the_verifier_on_real_qwen_answers_to_trial_questions_holds_its_measured_figures():
    """Replays the committed answers of Qwen2.5-Coder-1.5B to 168 questions of the blind trials
    (invented documents; see evals/calibration/README.md): batches 5–7 were read to find the
    verifier's rules, batch 8 was made after them."""
    records = read_records(TRIALS)
    assert len(records) == 168 and all(label(r, REFUSAL) == r["right"] for r in records if "review" not in r)
    assert all(len(r["frames"]) == len(r["passages"]) and "extractive" in r for r in records)
    scores = verifier_scores(records, REFUSAL)
    assert (scores.right, scores.wrong) == (75, 93)  # nine labels read by hand ("review")
    # Measured: 57 of 75 passed, 85 of 93 caught (b28f986's verifier: 46 and 80).
    assert scores.right_passed >= 57 and scores.wrong_caught >= 85
    held_out = verifier_scores([r for r in records if r["batch"] == 8], REFUSAL)
    assert held_out.right_passed >= 15 and held_out.wrong_caught >= 25  # of 21 and 27
