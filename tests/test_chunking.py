import pytest

from ingest.chunking import chunk_document, document_title
from ingest.models import PageText
from ingest.normalize import clean_text

from .conftest import CLEAN_REPORT, OCR_REPORT, SAMPLES

pytestmark = pytest.mark.unit


def chunks_of(name: str):
    text = clean_text((SAMPLES / name).read_text(encoding="utf-8"))
    return chunk_document("doc", name, [PageText(None, text)])


def test_bullets_carry_their_numbered_section_heading():
    chunks = chunks_of(CLEAN_REPORT)
    lao_dong = next(c for c in chunks if "36.818 lao động" in c.text)
    assert lao_dong.heading == "1.4. Ban Quản lý các KCX và CN Cần Thơ"
    assert lao_dong.headings[0].startswith("II. Kết quả")


def test_plus_bullets_keep_their_dash_lead_in():
    chunks = chunks_of(CLEAN_REPORT)
    gtsx = next(c for c in chunks if "29.692,89" in c.text)
    assert gtsx.heading.startswith("- Về hoạt động sản xuất kinh doanh")
    assert "1.2. Ban Quản lý các KCN tỉnh Tiền Giang" in gtsx.headings


def test_hard_wrapped_ocr_lines_become_one_paragraph():
    chunks = chunks_of(OCR_REPORT)
    members = next(c for c in chunks if "gom 11 don vi thanh vién" in c.text)
    # The list runs over 8 OCR lines with stray blank lines; all of it is one chunk.
    assert "Ha Noi." in members.text and "\n" not in members.text


def test_chunk_ids_are_stable_and_unique():
    first, second = chunks_of(CLEAN_REPORT), chunks_of(CLEAN_REPORT)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in second]
    assert len({c.chunk_id for c in first}) == len(first)


def test_long_paragraphs_are_split_at_sentence_ends():
    sentence = "Đây là một câu khá dài về kết quả thu hút đầu tư của khu công nghiệp. "
    chunks = chunk_document("d", "f", [PageText(1, "Tiêu đề báo cáo năm nay\n\n" + sentence * 40)])
    assert len(chunks) > 1
    assert all(len(c.text) <= 1400 for c in chunks)
    assert {c.paragraph for c in chunks} == {1}


def test_title_is_the_opening_lines():
    assert document_title([PageText(None, "BÁO CÁO\n\nSơ kết công tác thi đua\nnăm 2020\n\nCăn cứ")]).startswith(
        "BÁO CÁO — Sơ kết công tác thi đua năm 2020"
    )


def test_a_pdf_title_stops_at_the_first_section_or_the_body():
    page = PageText(
        1,
        "BÁO CÁO KẾT QUẢ CÔNG TÁC NĂM 2021 CỦA BAN QUẢN LÝ CÁC KCN TỈNH THÁI\nNGUYÊN\n"
        "I. Tình hình thu hút đầu tư\nNăm 2021, các KCN thu hút mới 14 dự án.",
    )
    assert document_title([page]) == "BÁO CÁO KẾT QUẢ CÔNG TÁC NĂM 2021 CỦA BAN QUẢN LÝ CÁC KCN TỈNH THÁI NGUYÊN"
    body = PageText(1, "BÁO CÁO TÌNH HÌNH THU HÚT ĐẦU TƯ NĂM 2021\nNăm 2021, các KCN thu hút mới 14 dự án.")
    assert document_title([body]) == "BÁO CÁO TÌNH HÌNH THU HÚT ĐẦU TƯ NĂM 2021"
