"""The web chat served by a real Gradio server on 127.0.0.1, queried over HTTP."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from gradio_client import Client

from app.service import Baocao
from app.web import build_app

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(sample_service: Baocao) -> Iterator[str]:
    demo = build_app(sample_service).queue()
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


def test_ask_over_http_returns_a_cited_answer(server_url: str):
    client = Client(server_url, verbose=False)
    payload = client.predict(
        "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 của các KCN tỉnh Bến Tre đạt bao nhiêu % kế hoạch năm?",
        api_name="/ask",
    )
    assert payload["refused"] is False
    assert "44,88%" in payload["answer"]
    assert payload["citations"][0]["heading"] == "1.13. Ban Quản lý các KCN tỉnh Bến Tre"


def test_unanswerable_over_http_is_refused(server_url: str):
    client = Client(server_url, verbose=False)
    question = "Hội thao của Khối thi đua Miền Tây Nam Bộ năm 2020 tổ chức ở đâu, ngày nào?"
    payload = client.predict(question, api_name="/ask")
    assert payload["refused"] is True and payload["citations"] == []
