"""The quality bar as a regression gate: the dev set and the project's own set."""

from __future__ import annotations

import pytest

from app.service import Baocao
from app.settings import PROJECT_ROOT
from evals.runner import run_eval

pytestmark = pytest.mark.integration

EVAL_DIR = PROJECT_ROOT / "data" / "eval"


@pytest.mark.parametrize(
    ("gold", "min_key_facts"),
    [("dev_qa.jsonl", 0.85), ("extra_qa.jsonl", 0.85)],
)
def test_quality_bar(sample_service: Baocao, tmp_path, gold: str, min_key_facts: float):
    results, rows = run_eval(sample_service, EVAL_DIR / gold, tmp_path / "results.jsonl")
    overall, per_report = rows[0], rows[1:]
    assert len(per_report) == 2
    for row in per_report:
        assert row.hit_at_5 is not None and row.hit_at_5 >= 0.95, row
    assert overall.key_fact_accuracy is not None and overall.key_fact_accuracy >= min_key_facts, overall
    assert overall.refusal_accuracy is not None and overall.refusal_accuracy >= 0.8, overall
    assert len((tmp_path / "results.jsonl").read_text(encoding="utf-8").splitlines()) == len(results)
