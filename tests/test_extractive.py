"""The extractive answerer on hand-made passages. ``FakeLexicon`` stands in for the
keyword index's corpus statistics so these stay narrow unit tests."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from app.answering.extractive import Phrasing, answer_extractively, split_sentences
from ingest.normalize import search_syllables

pytestmark = pytest.mark.unit

PHRASING = Phrasing(
    refusal="KHÔNG CÓ",
    intro="Theo các báo cáo:",
    item_with_heading="- {heading}: {quote} [{n}]",
    item="- {quote} [{n}]",
)


class FakeLexicon:
    """Uniform IDF, no OCR variants, document terms from the given passages."""

    def __init__(self, documents: list[Document]) -> None:
        self._terms = {d.metadata["doc_id"]: set(search_syllables(d.page_content)) for d in documents}

    def idf(self, term: str) -> float:
        return 1.0

    def variants(self, term: str) -> frozenset[str]:
        return frozenset([term])

    def spelling(self, term: str) -> str:
        return term

    def document_terms(self, doc_id: str) -> frozenset[str]:
        return frozenset(self._terms.get(doc_id, ()))


def passage(text: str, heading: str = "", n: int = 1, doc: str = "d1") -> Document:
    return Document(
        page_content=text,
        metadata={
            "chunk_id": f"{doc}-p{n:04d}",
            "doc_id": doc,
            "source": f"{doc}.txt",
            "title": "Báo cáo",
            "heading": heading,
            "headings": [heading] if heading else [],
            "page": None,
            "paragraph": n,
            "score": 1.0 / n,
        },
    )


def ask(question: str, documents: list[Document]):
    return answer_extractively(question, documents, FakeLexicon(documents), PHRASING)


CAN_THO = passage(
    "- Tổng số lao động đang làm việc tại các khu công nghiệp đến tháng 06/2020 là 36.818 lao động. "
    "Thu nhập bình quân đạt 6 triệu đồng.",
    heading="1.4. Ban Quản lý các KCX và CN Cần Thơ",
    n=1,
)
BEN_TRE = passage(
    "- Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 là 8.802,05 tỷ đồng, đạt 44,88% kế hoạch năm 2020.",
    heading="1.13. Ban Quản lý các KCN tỉnh Bến Tre",
    n=2,
)


def test_quotes_the_sentence_that_answers_and_cites_it():
    answer = ask("Tổng số lao động tại các KCN Cần Thơ là bao nhiêu?", [BEN_TRE, CAN_THO])
    assert not answer.refused
    assert "36.818" in answer.answer and "[1]" in answer.answer
    assert "Thu nhập" not in answer.answer  # the other sentence of the paragraph is not quoted
    (citation,) = answer.citations
    assert citation.heading == "1.4. Ban Quản lý các KCX và CN Cần Thơ"
    assert citation.text == CAN_THO.page_content


def test_question_without_diacritics_gets_the_same_quote():
    with_accents = ask("Tổng số lao động tại các KCN Cần Thơ là bao nhiêu?", [BEN_TRE, CAN_THO])
    without = ask("tong so lao dong tai cac KCN Can Tho la bao nhieu", [BEN_TRE, CAN_THO])
    assert with_accents.citations[0].quote == without.citations[0].quote


def test_refuses_when_the_passages_do_not_answer():
    answer = ask("Hội thao của Khối được tổ chức ở đâu và vào ngày nào?", [BEN_TRE, CAN_THO])
    assert answer.refused and answer.answer == "KHÔNG CÓ" and not answer.citations


def test_a_passage_about_another_province_does_not_answer():
    answer = ask("Giá trị sản xuất công nghiệp của các KCN tỉnh Long An đạt bao nhiêu % kế hoạch?", [BEN_TRE])
    assert answer.refused


def test_a_number_question_needs_a_number():
    words_only = passage("Công tác khen thưởng được chú trọng, công khai, kịp thời.", n=3)
    assert ask("Có bao nhiêu tập thể được khen thưởng?", [words_only]).refused


def test_comparison_quotes_each_named_unit():
    bac_lieu = passage(
        "- Tổng số lao động đang làm việc tại các KCN là 1.860 lao động.", "1.3. Ban Quản lý các KCN tỉnh Bạc Liêu", 4
    )
    ca_mau = passage("Tình hình lao động: 1.276 lao động, giảm 315 lao động.", "1.8. Ban Quản lý KKT tỉnh Cà Mau", 5)
    answer = ask("So sánh số lao động trong các KCN tỉnh Bạc Liêu và tỉnh Cà Mau.", [bac_lieu, ca_mau])
    assert "1.860" in answer.answer and "1.276" in answer.answer
    assert [c.n for c in answer.citations] == [1, 2]


def test_long_sentences_are_quoted_by_clause():
    text = "; ".join(f"chỉ tiêu số {i} đạt {i}0% kế hoạch" for i in range(1, 30)) + "."
    assert len(split_sentences(text)) > 1
    assert len(split_sentences(text, keep_long=True)) == 1
