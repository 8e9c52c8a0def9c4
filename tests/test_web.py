"""The web app served by a real server on 127.0.0.1 (FastAPI + Gradio), queried over HTTP."""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from gradio_client import Client

from app.service import Baocao

from .conftest import CLEAN_REPORT, make_settings
from .live import live_server

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server_url(web_service: Baocao) -> Iterator[str]:
    with live_server(web_service, web_service.settings) as url:
        yield url


def fetch(url: str, auth: tuple[str, str] | None = None) -> tuple[int, str, str]:
    """(status, content type, body) of a GET."""
    request = urllib.request.Request(url)
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(":".join(auth).encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("content-type", ""), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("content-type", ""), error.read().decode("utf-8", "replace")


def doc_id_of(service: Baocao, source: str) -> str:
    return next(d.doc_id for d in service.documents() if d.source == source)


def test_ask_over_http_returns_a_cited_answer(server_url: str):
    client = Client(server_url + "/", verbose=False)
    payload = client.predict(
        "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 của các KCN tỉnh Bến Tre đạt bao nhiêu % kế hoạch năm?",
        api_name="/ask",
    )
    assert payload["refused"] is False
    assert "44,88%" in payload["answer"]
    assert payload["citations"][0]["heading"] == "1.13. Ban Quản lý các KCN tỉnh Bến Tre"


def test_unanswerable_over_http_is_refused(server_url: str):
    client = Client(server_url + "/", verbose=False)
    question = "Nộp ngân sách của KKT, KCN tỉnh Trà Vinh 6 tháng đầu năm 2023?"
    payload = client.predict(question, api_name="/ask")
    assert payload["refused"] is True and "năm 2023" in payload["answer"]


def test_source_view_has_every_paragraph_with_its_anchor(server_url: str, web_service: Baocao):
    doc_id = doc_id_of(web_service, CLEAN_REPORT)
    status, content_type, page = fetch(f"{server_url}/source/{doc_id}")
    assert status == 200 and content_type.startswith("text/html")
    paragraphs = {c.paragraph for c in web_service.paragraphs(doc_id)}
    assert all(f'id="p-{n}"' in page for n in paragraphs)
    assert "<h2>1.13. Ban Quản lý các KCN tỉnh Bến Tre</h2>" in page


def test_the_original_file_is_served_by_document_id(server_url: str, web_service: Baocao):
    status, content_type, body = fetch(f"{server_url}/files/{doc_id_of(web_service, CLEAN_REPORT)}")
    assert status == 200 and content_type.startswith("text/plain")
    assert "Ban Quản lý các KCN tỉnh Bến Tre" in body


@pytest.mark.parametrize(
    "path",
    [
        "/source/ffffffffffffffff",
        "/source/..%2F..%2Fetc%2Fpasswd",
        "/files/ffffffffffffffff",
        "/files/..%2F..%2Fetc%2Fpasswd",
        "/files/%2E%2E",
    ],
)
def test_unknown_documents_and_paths_are_404(server_url: str, path: str):
    status, _, body = fetch(server_url + path)
    assert status == 404
    assert "root:" not in body


def test_login_is_required_when_configured(web_service: Baocao):
    settings = make_settings(web_service.settings.home, auth="chief:s3cret,staff:pw")
    with live_server(web_service, settings) as url:
        assert fetch(url + "/")[0] == 401
        assert fetch(url + "/source/" + doc_id_of(web_service, CLEAN_REPORT))[0] == 401
        assert fetch(url + "/", auth=("staff", "wrong"))[0] == 401
        status, _, page = fetch(url + "/", auth=("staff", "pw"))
        assert status == 200 and "<html" in page.lower()
        assert fetch(url + "/source/" + doc_id_of(web_service, CLEAN_REPORT), auth=("chief", "s3cret"))[0] == 200


def test_questions_asked_at_once_are_answered_side_by_side_as_they_are_one_by_one(server_url: str, web_service: Baocao):
    """Answers run on a pool of workers (BAOCAO_ANSWER_WORKERS): the shared model, caches and
    indexes give each of eight simultaneous askers the answer it gets alone."""
    import json
    from concurrent.futures import ThreadPoolExecutor

    from app.settings import PROJECT_ROOT

    gold = PROJECT_ROOT / "data" / "eval" / "dev_qa.jsonl"
    questions = [json.loads(line)["question"] for line in gold.read_text(encoding="utf-8").splitlines()[:8]]
    alone = [web_service.readable(web_service.ask(q)).answer for q in questions]  # as the API gives it
    clients = [Client(server_url + "/", verbose=False) for _ in questions]
    with ThreadPoolExecutor(len(questions)) as pool:
        asked = zip(clients, questions, strict=True)
        together = list(pool.map(lambda pair: pair[0].predict(pair[1], api_name="/ask"), asked))
    assert [payload["answer"] for payload in together] == alone


def test_baocao_ask_answers_through_the_running_app_of_the_same_library(
    web_service: Baocao, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    from typer.testing import CliRunner

    from app import cli

    question = "Đến tháng 6/2020, tổng số lao động đang làm việc tại các khu công nghiệp Cần Thơ là bao nhiêu?"
    with live_server(web_service, web_service.settings) as url:
        monkeypatch.setenv("BAOCAO_HOME", str(web_service.settings.home))
        monkeypatch.setenv("BAOCAO_PORT", url.rsplit(":", 1)[1])

        def no_local_library(*_args, **_kwargs):
            raise AssertionError("the CLI loaded the library although the app answers")

        with monkeypatch.context() as patched:
            patched.setattr(cli, "_service", no_local_library)
            asked = CliRunner().invoke(cli.app, ["ask", question])
        assert asked.exit_code == 0, asked.output
        assert "36.818" in asked.output and "[1] «" in asked.output  # the answer and its named source
        as_json = CliRunner().invoke(cli.app, ["ask", "--json", question])
        assert '"refused": false' in as_json.output
        # Another library (another home) is never answered by this app: the CLI answers itself.
        monkeypatch.setenv("BAOCAO_HOME", str(tmp_path / "other"))
        monkeypatch.setenv("BAOCAO_SAMPLES_DIR", str(tmp_path / "no-samples"))
        other = CliRunner().invoke(cli.app, ["ask", question])
        assert other.exit_code == 0 and "36.818" not in other.output


def test_baocao_docs_lists_reports_by_title_and_period_with_whole_ids(
    sample_service: Baocao, monkeypatch: pytest.MonkeyPatch
):
    from typer.testing import CliRunner

    from app import cli

    monkeypatch.setattr(cli, "_service", lambda: sample_service)
    listed = CliRunner().invoke(cli.app, ["docs"], env={"COLUMNS": "80"})
    assert listed.exit_code == 0, listed.output
    for doc in sample_service.documents():
        assert doc.doc_id in listed.output  # typed back into `baocao remove`: never cut at 80 columns
    wide = CliRunner().invoke(cli.app, ["docs"], env={"COLUMNS": "250"}).output
    assert "Sơ kết công tác thi đua" in wide and "(6 tháng đầu năm 2020)" in wide  # title and period, not a file name
