"""Opt-in (`make test-llm-real`): pinned dev questions answered by Qwen2.5-Coder-1.5B-Instruct
through llama.cpp's server, the model a real deployment on a small machine would run.
Collected only when BAOCAO_QWEN_GGUF names the assembled model (tests/conftest.py)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.service import Baocao
from evals.metrics import key_facts_ok

from .conftest import make_settings
from .live import free_port, server_process

pytestmark = [pytest.mark.llm]

# Dev questions with one figure to find (the calibration set shows Qwen answering such ones).
PINNED = ("d003", "d006", "d014", "d021")
DEV = Path(__file__).resolve().parents[1] / "data" / "eval" / "dev_qa.jsonl"


@pytest.fixture(scope="module")
def qwen_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", os.environ["BAOCAO_QWEN_GGUF"]]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", "2"]
    url = f"http://127.0.0.1:{port}/v1"
    with server_process(command, f"{url}/models", tmp_path_factory.mktemp("qwen") / "server.log", timeout_s=300):
        yield url


def test_pinned_questions_are_answered_by_the_model_and_verified(sample_service: Baocao, qwen_server: str):
    service = Baocao(
        make_settings(sample_service.settings.home, llm_base_url=qwen_server, llm_model="qwen", llm_timeout_s=180.0)
    )
    gold = {g["id"]: g for g in map(json.loads, DEV.read_text(encoding="utf-8").splitlines()) if g["id"] in PINNED}
    verified = 0
    for qid in PINNED:
        answer = service.ask(gold[qid]["question"])
        assert answer.mode in ("llm", "llm-fallback"), qid
        if answer.mode == "llm":  # shown as the model wrote it: verified, and right
            assert answer.verified and key_facts_ok(answer.answer, gold[qid]["must_include"]), (qid, answer.answer)
            verified += 1
    assert verified >= len(PINNED) // 2  # most of them in the model's own words, not all replaced by quotes
