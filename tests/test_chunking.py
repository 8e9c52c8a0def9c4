from pathlib import Path

import pytest

from ingest.chunking import chunk_document, document_title
from ingest.models import Chunk, PageText
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


def test_a_hard_wrapped_numbered_item_is_a_paragraph_not_a_heading_over_its_second_line():
    page = PageText(
        1,
        "BÁO CÁO KẾT QUẢ 9 THÁNG NĂM 2031\n"
        "III. KHÓ KHĂN, VƯỚNG MẮC\n"
        "1. Công tác giải phóng mặt bằng còn chậm: còn 137,9 ha đất tại Khu đô thị -\n"
        "công nghiệp Kim Sơn chưa bàn giao được cho nhà đầu tư.\n"
        "2. Phối hợp với UBND các xã hoàn thành giải phóng mặt bằng tối thiểu 56 ha tại\n"
        "Khu công nghiệp Tân Lập.\n"
        "3. Phấn đấu cấp mới thêm tối thiểu 7 dự án, đưa tổng số dự án cấp mới cả năm\n"
        "2031 đạt trên 24 dự án.\n"
        "4. Nhiệm vụ khác\n"
        "Tổ chức Hội nghị đối thoại với doanh nghiệp vào quý IV năm 2031.",
    )
    chunks = chunk_document("d", "b.pdf", [page])
    items = [c for c in chunks if c.text.startswith(("1.", "2.", "3."))]
    assert [c.heading for c in items] == ["III. KHÓ KHĂN, VƯỚNG MẮC"] * 3
    assert "137,9 ha đất tại Khu đô thị - công nghiệp Kim Sơn" in items[0].text
    assert items[2].text.endswith("cả năm 2031 đạt trên 24 dự án.")
    assert chunks[-1].heading == "4. Nhiệm vụ khác"  # a short numbered line is still a heading


# --- web-page shapes (one paragraph per line, no blank lines) -----------------------
LONG = "Các doanh nghiệp trong khu công nghiệp duy trì sản xuất ổn định, đơn hàng xuất khẩu đều đặn và tăng dần. "


def web_chunks(text: str):
    return chunk_document("d", "bai.txt", [PageText(None, clean_text(text))])


def test_a_short_line_standing_alone_heads_the_paragraph_under_it():
    text = f"Tiêu đề bài viết về khu công nghiệp\n{LONG * 2}\nKết quả nổi bật\n{LONG * 3}"
    chunks = web_chunks(text)
    assert chunks[-1].heading == "Kết quả nổi bật"
    assert chunks[-1].text.startswith("Các doanh nghiệp")
    assert chunks[0].heading == ""


def test_each_question_of_an_interview_heads_the_answer_under_it_however_long():
    short = "PV: Tỷ lệ lấp đầy các KCN hiện nay ra sao, thưa ông?"
    long = "PV: Nhà ở cho công nhân là vấn đề được nhiều doanh nghiệp quan tâm. Ban Quản lý đã có giải pháp gì?"
    text = (
        f"Tiêu đề bài phỏng vấn về khu công nghiệp\n\n{short}\n\nÔng Trần Văn An: {LONG * 2}\n\n"
        f"{long}\n\nÔng Trần Văn An: Hiện nay khu nhà ở công nhân Tân Lập đã đưa vào sử dụng. {LONG}"
    )
    chunks = web_chunks(text)
    assert [c.heading for c in chunks] == [short, long]
    assert all(c.text.startswith("Ông Trần Văn An:") for c in chunks)


def test_headline_is_not_glued_to_the_first_paragraph():
    chunks = web_chunks(f"Tiêu đề bài viết về khu công nghiệp\n\n{LONG * 2}")
    assert chunks[0].title == "Tiêu đề bài viết về khu công nghiệp"
    assert chunks[0].text.startswith("Các doanh nghiệp")


@pytest.mark.parametrize(
    "line",
    [
        "Một câu dài không có dấu chấm ở cuối nhưng rõ ràng là nội dung bài viết chứ không phải là đề mục",
        "Về lâu dài các doanh nghiệp sẽ được hỗ trợ thì",
        "Nguyễn Văn Bình",
        "Trưởng ban Quản lý các khu công nghiệp tỉnh",
        "Ông Trần Văn An phát biểu tại hội nghị",
        "(Thời sự)",
        "Thứ Hai, 12/03/2032 14:05",
    ],
)
def test_lines_that_are_not_headings(line):
    chunks = web_chunks(f"Tiêu đề bài viết về khu công nghiệp\n{LONG * 2}\n{line}\n{LONG * 3}")
    assert all(line not in c.headings for c in chunks)


def test_menu_and_date_stamp_above_the_headline_are_dropped():
    text = f"Kinh tế\n\nThứ Hai, 12/03/2032 14:05\n\nTiêu đề bài viết về khu công nghiệp\n\n{LONG * 2}"
    chunks = web_chunks(text)
    assert [c.text for c in chunks] == [(LONG * 2).strip()]
    assert chunks[0].headings == ()


@pytest.mark.parametrize(
    "stamp", ["Thứ Bảy, 12/03/2032 - 09:15 | Kinh tế - Đầu tư", "Thứ Năm - 11/01/2032 08:31 SA", "17:38' - 19/10/2032"]
)
def test_a_date_stamp_right_under_the_headline_is_dropped_not_glued_to_it(stamp: str):
    text = f"Tiêu đề bài viết về khu công nghiệp\n{stamp}\n{LONG * 2}"
    assert [c.text for c in web_chunks(text)] == [(LONG * 2).strip()]


def test_a_stored_page_date_stamp_is_not_part_of_the_text():
    chunks = web_chunks(f" date 2032-05 {LONG * 2}")
    assert chunks[0].text.startswith("Các doanh nghiệp")


@pytest.mark.parametrize(
    "text",
    [
        "Báo cáo nhanh\n\nCác KCN thu hút 45 dự án trong quý I năm 2031.\n",  # a title and one paragraph
        "Các KCN thu hút 45 dự án trong quý I năm 2031.\n\nTổng vốn đạt 120 triệu USD.\n",  # no title at all
        "BÁO CÁO\n\nCác KCN thu hút 45 dự án trong quý I năm 2031.\n\nTổng vốn đạt 120 triệu USD.\n",
    ],
    ids=["title-and-paragraph", "two-paragraphs", "heading-and-two"],
)
def test_a_short_report_keeps_every_paragraph_even_the_one_its_title_is_made_from(text: str):
    chunks = chunk_document("d", "ngan.txt", [PageText(None, clean_text(text))])
    texts = [c.text for c in chunks]
    assert "Các KCN thu hút 45 dự án trong quý I năm 2031." in texts
    assert ("Tổng vốn đạt 120 triệu USD." in texts) is ("Tổng vốn" in text)
    assert [c.paragraph for c in chunks] == list(range(1, len(chunks) + 1))


AUTHOR_BOX = """Kim Sơn thu hút đầu tư mới vào các khu công nghiệp trong năm 2031

Lê Văn An

Ủy viên Ban Chấp hành Đảng bộ tỉnh,

Trưởng ban Quản lý Khu kinh tế Kim Sơn

Năm 2031, các KCN thu hút 40 dự án mới với tổng vốn đăng ký 900 tỷ đồng, tăng 12% so với năm trước.

TRƯỞNG BAN

Trần Thị Bình
"""


def test_a_name_and_its_lines_of_office_are_one_paragraph():
    texts = [c.text for c in chunk_document("d", "a.txt", [PageText(None, AUTHOR_BOX)])]
    assert "Lê Văn An, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Trưởng ban Quản lý Khu kinh tế Kim Sơn." in texts
    assert "Trần Thị Bình, TRƯỞNG BAN." in texts  # a signature: the office above the name
    assert not any(t in ("Lê Văn An", "Trưởng ban Quản lý Khu kinh tế Kim Sơn") for t in texts)


def test_a_lettered_item_closes_the_lettered_lead_in_before_it():
    # "c) … cá nhân:" heads its own bullets, not "d) …", its sibling, nor what follows.
    text = (
        "BIÊN BẢN HỌP XÉT THI ĐUA NĂM 2033\n\nI. Nội dung cuộc họp\n\n2. Kết quả bình xét\n\n"
        "c) Đề nghị tặng Bằng khen cho 02 cá nhân:\n\n"
        "- Bà Lê Thị Thu Trang, Trưởng phòng Quản lý đầu tư (6/6 phiếu);\n\n"
        "d) Đề nghị tặng Cờ thi đua cho Ban Quản lý các KCN tỉnh Kim Sơn, đơn vị dẫn đầu Khối năm 2033.\n"
    )
    chunks = chunk_document("doc", "bien_ban.txt", [PageText(None, text)])
    bullet, sibling = (c for c in chunks if c.text.startswith(("- Bà", "d)")))
    assert bullet.headings[-1] == "c) Đề nghị tặng Bằng khen cho 02 cá nhân:"
    assert sibling.headings == ("I. Nội dung cuộc họp", "2. Kết quả bình xét")


def test_an_official_document_keeps_its_number_and_date_as_its_first_paragraph():
    # "Quyết định số mấy, ban hành ngày nào?" is answered from the header the title skips.
    text = (
        "ỦY BAN NHÂN DÂN TỈNH KIM SƠN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 77/QĐ-UBND\n\nKim Sơn, ngày 14 tháng 02 năm 2035\n\nQUYẾT ĐỊNH\n\n"
        "Về việc tặng Bằng khen cho các tập thể có thành tích xuất sắc\n\n"
        "Điều 1. Tặng Bằng khen cho 03 tập thể đã có thành tích xuất sắc trong năm 2034.\n"
    )
    chunks = chunk_document("doc", "qd.txt", [PageText(1, text)])
    # The issuer above them is read with them: the header, not a paragraph of its own.
    assert chunks[0].text == "ỦY BAN NHÂN DÂN TỈNH KIM SƠN\nSố: 77/QĐ-UBND\nKim Sơn, ngày 14 tháng 02 năm 2035"
    assert chunks[0].paragraph == 1 and chunks[0].page == 1
    assert chunks[0].title.startswith("QUYẾT ĐỊNH")  # still not the title
    assert any("Điều 1." in c.text for c in chunks[1:])


def test_an_official_header_typed_without_blank_lines_still_gives_its_number_and_date():
    text = (
        "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH KIM SƠN\nSố: 12/QĐ-BQL\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKim Sơn, ngày 3 tháng 4 năm 2035\n\n"
        "QUYẾT ĐỊNH\nVề việc tặng Giấy khen năm 2034\n\n"
        "Điều 1. Tặng Giấy khen cho 05 tập thể có thành tích xuất sắc năm 2034.\n"
    )
    chunks = chunk_document("doc", "qd.txt", [PageText(None, text)])
    assert (
        chunks[0].text
        == "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH KIM SƠN\nSố: 12/QĐ-BQL\nKim Sơn, ngày 3 tháng 4 năm 2035"
    )
    assert any(c.text.startswith("Điều 1.") for c in chunks)


def test_a_numbered_item_wrapped_before_a_bracket_or_a_zone_s_name_stays_one_paragraph():
    # A PDF's lines: neither item's first line is a heading over the rest of it.
    text = (
        "IV. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2035\n"
        "3. Khởi công xây dựng hạ tầng KCN Tân Lập giai đoạn 2\n"
        "(diện tích 185 ha) trong quý III/2035.\n"
        "4. Hoàn thành nâng công suất nhà máy xử lý nước thải KCN\n"
        "Kim Sơn trong tháng 11/2035.\n"
    )
    chunks = chunk_document("doc", "a.pdf", [PageText(1, "BÁO CÁO SƠ KẾT\n\n" + text)])
    items = [c for c in chunks if c.text[:2] in ("3.", "4.")]
    assert [c.text for c in items] == [
        "3. Khởi công xây dựng hạ tầng KCN Tân Lập giai đoạn 2 (diện tích 185 ha) trong quý III/2035.",
        "4. Hoàn thành nâng công suất nhà máy xử lý nước thải KCN Kim Sơn trong tháng 11/2035.",
    ]
    assert all(c.headings[-1].startswith("IV.") for c in items)


def chunks_by_start(text: str) -> dict[str, Chunk]:
    """The chunks of a one-page text by their first 8 characters."""
    return {c.text[:8]: c for c in chunk_document("doc", "doc.txt", [PageText(1, text)])}


def test_an_article_of_a_decision_ends_the_sub_headings_of_the_article_before_it():
    text = (
        "QUYẾT ĐỊNH\n\nVề việc tặng Bằng khen năm 2034\n\n"
        "Điều 1. Tặng Bằng khen cho 02 tập thể và 01 cá nhân có thành tích xuất sắc năm 2034:\n\n"
        "I. Tập thể (02 tập thể):\n\n1. Phòng Quản lý Đầu tư;\n\n2. Công ty TNHH Kim Sơn;\n\n"
        "II. Cá nhân (01 cá nhân):\n\n1. Ông Trần Văn Tân Lập, Chuyên viên;\n\n"
        "Điều 2. Mỗi tập thể được tặng kèm tiền thưởng 3.100.000 đồng.\n\n"
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.\n"
    )
    by_start = chunks_by_start(text)
    assert by_start["1. Ông T"].headings[-1] == "II. Cá nhân (01 cá nhân):"
    first = by_start["Điều 1. "].headings
    assert by_start["Điều 2. "].headings == first  # not under "II. Cá nhân"
    assert by_start["Điều 3. "].headings == first


def test_the_foot_of_an_official_document_sits_under_no_section_of_its_body():
    text = (
        "TỜ TRÌNH\n\nĐề nghị tặng Cờ thi đua năm 2034\n\n"
        "4. Đề nghị tặng Bằng khen cho cá nhân:\n\n- Bà Lê Thị Kim Sơn, Trưởng phòng Quản lý đầu tư.\n\n"
        "Nơi nhận:\n\n- Như trên;\n\n- Lưu: VT.\n\n"
        "KT. TRƯỞNG KHỐI PHÓ TRƯỞNG KHỐI Trần Văn Tân Lập\n"
    )
    by_start = chunks_by_start(text)
    assert by_start["- Bà Lê "].headings == ("4. Đề nghị tặng Bằng khen cho cá nhân:",)
    assert by_start["Nơi nhận"].headings == ()
    assert by_start["- Như tr"].headings == ("Nơi nhận:",)
    # The signature is a paragraph (a heading at the end of a text was no paragraph at all).
    assert by_start["KT. TRƯỞ"].headings == ()
    assert "Trần Văn Tân Lập" in by_start["KT. TRƯỞ"].text


def test_a_signature_s_lines_are_one_paragraph_with_the_name():
    text = "QUYẾT ĐỊNH\n\nĐiều 1. Tặng Bằng khen cho 02 tập thể.\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nTrần Văn Tân\n"
    chunks = chunk_document("doc", "qd.txt", [PageText(1, text)])
    assert chunks[-1].text == "Trần Văn Tân, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH."
    # A table cell's lines of offices, its "(Đã ký)" among them, then the name in a cell below
    # (a decision converted from .rtf, an invented one, with the list it attaches after them).
    text = (Path(__file__).parent / "fixtures" / "decision_signed_in_a_table.txt").read_text(encoding="utf-8")
    chunks = chunk_document("doc", "qd.docx", [PageText(None, text)])
    assert "Trần Văn Tân, KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký)." in [c.text for c in chunks]


@pytest.mark.parametrize(
    "foot",
    [
        "TRƯỞNG BAN\n\n(Đã ký)\n\nTrần Văn Tân\n",  # a Word table's cells, one paragraph each
        "TRƯỞNG BAN\n(Đã ký)\nTrần Văn Tân\n",  # typed as lines
    ],
)
def test_a_head_signing_in_person_is_a_signature(foot: str):
    from ingest.docframe import is_signature

    text = "BÁO CÁO\n\nNăm 2036 các KCN thu hút 41 dự án đầu tư, tăng mạnh so với cùng kỳ năm trước.\n\n" + foot
    last = chunk_document("doc", "bc.docx", [PageText(1, text)])[-1]
    assert "Trần Văn Tân" in last.text and "TRƯỞNG BAN" in last.text
    assert is_signature(last.heading, last.text)
    # The authority heading a decision is no signature: it names no one.
    assert not is_signature("", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIM SƠN")


def test_a_paragraph_cut_by_a_page_break_goes_on_over_it_but_a_heading_does_not():
    cut = (
        "2. Điểm bình quân của Khối năm 2036 đạt 94,83 điểm, tăng 0,93 điểm so với năm 2035. "
        "Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà"
    )
    pages = [
        PageText(1, f"BÁO CÁO KẾT QUẢ NĂM 2036\n\n{cut}"),
        PageText(2, 'Nẵng được cộng 2,5 điểm thưởng do mô hình "Một cửa" được công nhận.\n\nII. KẾT LUẬN'),
        PageText(3, "Khối thống nhất đề nghị khen thưởng cho Ban Quản lý các KCN tỉnh Kim Sơn năm 2036."),
    ]
    chunks = chunk_document("d", "tb.pdf", pages)
    assert any(
        c.text.endswith('khu công nghiệp Đà Nẵng được cộng 2,5 điểm thưởng do mô hình "Một cửa" được công nhận.')
        for c in chunks
    )
    last = chunks[-1]
    assert last.text.startswith("Khối thống nhất") and last.headings == ("II. KẾT LUẬN",)


@pytest.mark.parametrize(
    "foot",
    [
        # A text layer reading the two columns across: each line holds a recipient and a part.
        "Nơi nhận: KT. TRƯỞNG BAN\n- UBND tỉnh (để b/c); PHÓ TRƯỞNG BAN\n- Bộ Tài chính;\n(Đã ký)\n"
        "- Khối thi đua các BQL KCN vùng Kim Sơn;\nTrần Văn Tân\n- Lưu: VT.\n",
        # A plain-text copy without accents, the name after the last item.
        "Noi nhan: KT. TRUONG BAN\n- UBND tinh (b/c); PHO TRUONG BAN\n- Bo Tai chinh; (Da ky)\n"
        "- Luu: VT, QLDT. Tran Van Tan\n",
        # OCR: a speck before the name, the mark after the last item.
        "Nơi nhận: TM. KHỐI THI ĐUA - Vụ Thi đua - Khen thưởng; KHỐI TRƯỞNG\n\n- Lưu: VT, Khối. (Đã ký)\n\n"
        "bu Nế Trần Văn Tân\n",
    ],
)
def test_a_foot_read_across_its_columns_keeps_the_signer_s_name_with_the_signature(foot: str):
    from ingest.docframe import is_signature

    text = "BÁO CÁO\n\nNăm 2036 các KCN thu hút 41 dự án đầu tư, tăng mạnh so với cùng kỳ năm trước.\n\n" + foot
    chunks = chunk_document("doc", "bc.pdf", [PageText(1, text)])
    signature = [c for c in chunks if "Tân" in c.text or "Tan" in c.text]
    assert len(signature) == 1 and is_signature(signature[0].heading, signature[0].text)
    name = "Tran Van Tan" if "Tran" in foot else "Trần Văn Tân"
    assert signature[0].text.startswith(("KT.", "TM.")) and signature[0].text.endswith(name)
    # No part of the signature is left among the recipients, nor the recipients in it.
    recipients = " ".join(c.text for c in chunks if c is not signature[0])
    assert not any(part in recipients for part in ("TRƯỞNG BAN", "TRUONG BAN", "KHỐI TRƯỞNG", "Đã ký", "Da ky"))
    assert "Lưu" not in signature[0].text and "Luu" not in signature[0].text


def test_a_typed_foot_and_a_recipient_named_by_a_person_stay_as_they_are():
    from ingest.signature_block import untangle_foot

    typed = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "KT. TRƯỞNG BAN", "", "PHÓ TRƯỞNG BAN", "", "Trần Văn Tân"]
    assert untangle_foot(typed) == typed
    # A recipient who is a person ends in a name, but not after an item's end: no signature.
    named = ["Nơi nhận:", "- Ông Trần Văn Tân;", "- Bà Lê Thị Kim Sơn", "- Lưu: VT."]
    assert untangle_foot(named) == named


@pytest.mark.parametrize("page_number", ["2", "- 2 -", "– 12 –"])
def test_a_page_number_between_a_lead_in_and_its_items_is_not_a_paragraph(page_number: str):
    # A scan's page number on a line of its own is no paragraph: kept, it closed the lead-in,
    # and the items on the next page lost the heading that says what they are (or, after an
    # item ending in ";", it was glued to that item).
    text = (
        "TỜ TRÌNH\n\nĐề nghị khen thưởng năm 2034\n\n"
        "3. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (02 cá nhân):\n\n"
        f"- Ông Trần Văn Tân, Phó Trưởng ban;\n\n{page_number}\n\n- Bà Lê Thị Kim Sơn, Chánh Văn phòng.\n"
    )
    chunks = chunk_document("doc", "to_trinh.txt", [PageText(None, text)])
    items = [c for c in chunks if c.text.startswith("- ")]
    # neither a paragraph of its own nor glued to the item before it
    assert [c.text for c in items] == ["- Ông Trần Văn Tân, Phó Trưởng ban;", "- Bà Lê Thị Kim Sơn, Chánh Văn phòng."]
    assert [c.headings[-1] for c in items] == ["3. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (02 cá nhân):"] * 2


def test_a_region_s_name_cut_by_ocr_blank_lines_keeps_its_sentence_whole():
    wrapped = "cac Ban Quan ly da thu hut nhieu du an moi, tao viec lam cho nguoi lao dong tai dia phuong va"
    text = (
        f"Nam 2031 {wrapped}\n{wrapped}\n{wrapped}\n{wrapped} tinh.\n\n"
        "Khoi thi dua cac Ban Quan ly KCN cac tinh dong bang song\n\n\n"
        "Cuu Long gom 13 don vi thanh vien: Ban Quan ly cac KCN tinh Kim Son; Ban Quan ly cac KCN tinh\n"
        "Tan Lap; Ban Quan ly KKT tinh Nghi Tan.\n"
    )
    chunks = chunk_document("doc", "ocr.txt", [PageText(None, text)])
    members = next(c for c in chunks if "gom 13 don vi" in c.text)
    # Not a heading "… dong bang song" over a paragraph starting "Cuu Long gom …".
    assert "dong bang song Cuu Long gom 13 don vi" in members.text
    assert not any(h.endswith("dong bang song") for h in members.headings)


def test_a_table_row_said_as_a_sentence_is_a_paragraph_of_its_own():
    # A sheet's title, the note under it (no full stop), then its rows: the first row is no
    # more of the note.
    text = (
        "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2039 CỦA KHỐI THI ĐUA CÁC BAN QUẢN LÝ KCN, KKT\n\n"
        "(Kèm theo Biên bản họp Khối ngày 08/01/2040 tại thành phố Kim Sơn; Khối trưởng năm 2039: Kim Sơn)\n\n"
        "Ban Quản lý các KCN tỉnh Kim Sơn — Dự án mới: 58 dự án; Tổng điểm: 98,6; Xếp hạng: 1.\n\n"
        "Ban Quản lý các KCN tỉnh Tân Lập — Dự án mới: 34 dự án; Tổng điểm: 96,8; Xếp hạng: 2."
    )
    chunks = chunk_document("doc", "bang.xlsx", [PageText(None, text)])
    assert [c.text for c in chunks if "Xếp hạng" in c.text] == text.split("\n\n")[2:]


def test_a_list_counted_from_one_under_a_numbered_heading_stays_under_it():
    # "1. Các chỉ tiêu chủ yếu", its lead-in, then items "1." … "3.": the items were read as
    # the heading's siblings, and filed under the section above without it.
    text = (
        "BÁO CÁO 6 THÁNG ĐẦU NĂM 2033\n\nIII. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM 2033\n\n1. Các chỉ tiêu chủ yếu\n\n"
        "Phấn đấu 6 tháng cuối năm 2033 đạt các chỉ tiêu sau:\n\n"
        "1. Thu hút vốn FDI đạt 240 triệu USD, để cả năm đạt trên 600 triệu USD.\n\n"
        "2. Giá trị xuất khẩu đạt 2.900 triệu USD.\n\n"
        "2. Nhiệm vụ trọng tâm\n\n"
        "1. Đẩy nhanh giải phóng mặt bằng KCN Kim Sơn giai đoạn 2, hoàn thành trước quý IV.\n\n"
        "2. Tổ chức hội nghị xúc tiến đầu tư vào tháng 10/2033.\n"
    )
    chunks = chunk_document("doc", "bao_cao.txt", [PageText(None, text)])
    lead_in = "Phấn đấu 6 tháng cuối năm 2033 đạt các chỉ tiêu sau:"
    targets = ("III. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM 2033", "1. Các chỉ tiêu chủ yếu", lead_in)
    tasks = ("III. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM 2033", "2. Nhiệm vụ trọng tâm")
    assert [c.headings for c in chunks if c.text[:2] in ("1.", "2.")] == [targets, targets, tasks, tasks]


def test_a_typeset_decision_keeps_its_parts_apart_and_its_wrapped_words_whole():
    # A decision printed to PDF: its text layer is hard-wrapped lines, no blank line anywhere.
    first = (
        "ỦY BAN NHÂN DÂN\nTỈNH KIM SƠN\nSố: 77/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nKim Sơn, ngày 14 tháng 02 năm 2035\nQUYẾT ĐỊNH\n"
        "Về việc tặng Bằng khen của Chủ tịch\nỦy ban nhân dân tỉnh\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIM SƠN\n"
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2032;\n"
        "Căn cứ Quyết định số 35/2034/QĐ-UBND ngày 14 tháng 9 năm 2034 của UBND\ntỉnh ban hành Quy chế;\n"
        "Theo đề nghị của Trưởng ban Ban Quản lý Khu kinh tế Kim Sơn.\nQUYẾT ĐỊNH:\n"
        "Điều 1. Tặng Bằng khen cho 04 tập thể và 06 cá nhân đã có thành tích xuất sắc trong thu hút\n"
        "đầu tư giai đoạn 2031\n– 2035 (có danh sách kèm theo).\n"
        "Điều 2. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này.\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Hậu"
    )
    second = (
        "DANH SÁCH\nTẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN\nII. CÁ NHÂN\n\n"
        "Ông Park Min-\nho, Tổng Giám đốc Công ty Kim Sơn."
    )
    pages = [PageText(1, first), PageText(2, second)]
    texts = [c.text for c in chunk_document("doc", "qd.pdf", pages)]
    assert (
        chunk_document("doc", "qd.pdf", pages)[0].title
        == "QUYẾT ĐỊNH số 77/QĐ-UBND — Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    )
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2032;" in texts  # each basis its own paragraph
    assert "Theo đề nghị của Trưởng ban Ban Quản lý Khu kinh tế Kim Sơn." in texts
    assert any(t.endswith("giai đoạn 2031 – 2035 (có danh sách kèm theo).") for t in texts)  # a range, not a bullet
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Hậu" in texts  # the annex's title is not signed on
    assert "Ông Park Min-ho, Tổng Giám đốc Công ty Kim Sơn." in texts


def test_a_bullet_counting_after_a_line_ending_in_a_year_is_still_a_bullet():
    text = (
        "BÁO CÁO NĂM 2033\n\nI. Thu hút đầu tư\n\nSố dự án được cấp mới trong các KCN năm 2033\n"
        "- 12 dự án FDI với tổng vốn 120 triệu USD;\n- 2033 lao động được tuyển mới.\n"
    )
    chunks = chunk_document("d", "bao_cao.pdf", [PageText(1, text)])
    assert [c.text for c in chunks] == ["- 12 dự án FDI với tổng vốn 120 triệu USD;", "- 2033 lao động được tuyển mới."]
    assert all(c.headings[-1] == "Số dự án được cấp mới trong các KCN năm 2033" for c in chunks)


def test_a_lead_in_s_numbered_items_stay_its_items_through_their_bullets():
    text = (
        "BÁO CÁO 2033\n\nIII. PHƯƠNG HƯỚNG\n\n1. Các chỉ tiêu chủ yếu\n\nPhấn đấu đạt các chỉ tiêu sau:\n\n"
        "1. Thu hút vốn đầu tư như sau:\n\n- Vốn FDI 240 triệu USD;\n\n- Vốn DDI 1.200 tỷ đồng.\n\n"
        "2. Giá trị xuất khẩu 2.900 triệu USD.\n\n3. Nộp ngân sách đạt 2.600 tỷ đồng\n\n"
        "2. Nhiệm vụ trọng tâm\n\nTập trung giải phóng mặt bằng.\n"
    )
    chunks = {c.text: c.headings for c in chunk_document("d", "bao_cao.txt", [PageText(None, text)])}
    targets = ("III. PHƯƠNG HƯỚNG", "1. Các chỉ tiêu chủ yếu", "Phấn đấu đạt các chỉ tiêu sau:")
    assert chunks["2. Giá trị xuất khẩu 2.900 triệu USD."] == targets
    assert chunks["3. Nộp ngân sách đạt 2.600 tỷ đồng"] == targets  # an item, no full stop: not a heading
    assert chunks["Tập trung giải phóng mặt bằng."] == ("III. PHƯƠNG HƯỚNG", "2. Nhiệm vụ trọng tâm")
    # A section announced by a lead-in is still a section: "… như sau:" / "1. Kết quả năm 2039".
    text = (
        "TỜ TRÌNH\nVề việc đề nghị khen thưởng năm 2039\n\nKính gửi: Ủy ban nhân dân tỉnh Kim Sơn.\n\n"
        "Căn cứ kết quả thực hiện nhiệm vụ năm 2039, Ban Quản lý các khu công nghiệp tỉnh Kim Sơn kính trình "
        "Ủy ban nhân dân tỉnh xem xét như sau:\n\n1. Kết quả thực hiện nhiệm vụ năm 2039\n\n"
        "Năm 2039, các khu công nghiệp trên địa bàn tỉnh tiếp tục thu hút đầu tư mạnh mẽ với 48 dự án mới.\n"
    )
    (*_, last) = chunk_document("d", "tt.txt", [PageText(None, text)])
    assert last.headings[-1] == "1. Kết quả thực hiện nhiệm vụ năm 2039"


def test_a_preamble_s_words_in_lower_case_go_on_a_sentence():
    # OCR leaves blank lines inside sentences: "theo đề nghị", "căn cứ" there open no paragraph.
    text = (
        "BÁO CÁO NĂM 2033\n\nI. Thu hút đầu tư\n\nTrong năm, Ban Quản lý đã cấp mới 12 dự án đầu tư, điều chỉnh\n\n"
        "theo đề nghị của nhà đầu tư 8 dự án với tổng vốn tăng thêm 120 triệu USD.\n"
    )
    chunks = chunk_document("d", "bao_cao.txt", [PageText(1, text)])
    assert [c.text for c in chunks] == [
        "Trong năm, Ban Quản lý đã cấp mới 12 dự án đầu tư, điều chỉnh theo đề nghị của nhà đầu tư 8 dự án "
        "với tổng vốn tăng thêm 120 triệu USD."
    ]


def _pdf_page(text: str) -> list[Chunk]:
    return chunk_document("d", "giao_ban.pdf", [PageText(1, text)])


def test_labelled_items_under_a_lead_in_are_items_whatever_their_figures():
    # Split off one a line, a short "Hạng 3: … - 90 điểm" was a free heading: never a chunk.
    chunks = _pdf_page(
        "BÁO CÁO\nKết quả thi đua năm 2038\nKết quả chấm điểm các khu như sau:\nDẫn đầu: KCN Tân Lập\n"
        "Hạng 2: KCN Kim Sơn - 94 điểm\nHạng 3: KCN Tân Khê - 90 điểm\n2. Tồn tại, hạn chế\n"
        "Một số KCN chưa hoàn thành hạ tầng xử lý nước thải tập trung theo quy định."
    )
    items = ["Dẫn đầu: KCN Tân Lập", "Hạng 2: KCN Kim Sơn - 94 điểm", "Hạng 3: KCN Tân Khê - 90 điểm"]
    listed = [c for c in chunks if c.text in items]
    assert [c.text for c in listed] == items
    assert all(c.headings[-1].endswith("Kết quả chấm điểm các khu như sau:") for c in listed)


def test_a_labelled_line_is_data_not_a_heading_but_a_section_s_label_heads():
    text = (
        "BÁO CÁO KẾT QUẢ NĂM 2038\n\nKhông đạt kế hoạch thu hút đầu tư.\n\nNguyên nhân: thiếu quỹ đất sạch"
        "\n\nPhần 2: Phương hướng năm 2039\n\nThu hút 29 dự án mới."
    )
    chunks = chunk_document("d", "bao_cao.docx", [PageText(None, text, blocks=True)])  # a paragraph a line
    assert [(c.headings, c.text) for c in chunks][1:] == [
        ((), "Nguyên nhân: thiếu quỹ đất sạch"),
        (("Phần 2: Phương hướng năm 2039",), "Thu hút 29 dự án mới."),
    ]


def test_prose_wrapped_before_a_label_and_a_semicolon_list_stay_one_paragraph():
    # Each line fills the page's width: wrapped, not broken on purpose.
    wrapped = (
        "Năm 2038, các doanh nghiệp trong KCN Tân Lập đạt doanh thu 1.294 tỷ đồng, tăng 8% so với năm\n"
        "trước, thu hút thêm 29 dự án mới với tổng vốn đăng ký 731 triệu USD và giải quyết việc làm\n"
        "cho 2.156 lao động của địa phương; các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch, cụ thể là\n"
        "Xuất khẩu: 253 triệu USD, tăng 6% so với cùng kỳ năm trước, chiếm phần lớn kim ngạch toàn tỉnh.\n"
        "Các doanh nghiệp nộp ngân sách 98 tỷ đồng; trong đó doanh nghiệp FDI đóng góp phần lớn nhất;\n"
        "Nhập khẩu: 223 triệu USD, giảm nhẹ so với cùng kỳ."
    )
    assert len(_pdf_page(wrapped)) == 1


@pytest.mark.parametrize("amount", ["Tổng vốn 45,6 triệu USD", "Tổng vốn 45,6 tr. USD"])
def test_a_short_line_stating_a_figure_with_its_unit_is_data_not_a_heading(amount: str):
    text = (
        f"BÁO CÁO KẾT QUẢ NĂM 2038\n\nThu hút đầu tư năm 2038 đạt khá.\n\n{amount}"
        "\n\nCác dự án triển khai đúng tiến độ."
    )
    chunks = chunk_document("d", "bao_cao.docx", [PageText(None, text, blocks=True)])
    assert amount in [c.text for c in chunks]
    assert all(amount not in c.headings for c in chunks)


def test_names_listed_by_commas_on_a_line_of_their_own_are_no_heading():
    # A slide's column "KCN Tân Lập, KCN Phước Hòa, KCN Hòa Bình Mới" had headed the notes under it.
    text = (
        "I. TỔNG QUAN\n\nKCN đang xây dựng hạ tầng: 3\n\nKCN Tân Lập, KCN Phước Hòa, KCN Hòa Bình Mới"
        "\n\nDiện tích đất dành cho nhà ở công nhân là 186,4 ha."
    )
    pages = [PageText(1, "HỘI NGHỊ TỔNG KẾT NĂM 2038", blocks=True), PageText(2, text, blocks=True)]
    chunks = [c for c in chunk_document("d", "hoi_nghi.pptx", pages) if c.page == 2]
    assert chunks and all(c.headings == ("I. TỔNG QUAN",) for c in chunks), [c.headings for c in chunks]


def test_a_heading_with_nothing_under_it_is_stored_as_text():
    # OCR left item c) without its full stop ("..ˆ `"): it looked like a heading, and d) closed
    # its section at once. Its text is a proposal all the same; a section's own heading is not.
    minutes = (
        "BIÊN BẢN HỌP KHỐI THI ĐUA\n\nII. NỘI DUNG CUỘC HỌP\n\n3. Kết quả bỏ phiếu kín, Khối thống nhất đề nghị:\n\n"
        "a) Cờ thi đua của Chính phủ: Ban Quản lý KKT tỉnh Kim Sơn, đạt 8/8 phiếu.\n\n"
        "c) Bằng khen của Bộ trưởng Bộ Tài chính cho Ban Quản lý các KCN tỉnh Tân Khê ..ˆ `\n\n"
        "d) Bằng khen của Thủ tướng Chính phủ cho cá nhân: ông Trần Văn Khê, đạt 8/8 phiếu.\n\n"
        "4. Bầu Khối trưởng năm 2047\n\nKhối thống nhất bầu Ban Quản lý KKT tỉnh Kim Sơn làm Khối trưởng.\n"
    )
    chunks = chunk_document("d", "bien_ban.txt", [PageText(1, minutes)])
    texts = [c.text for c in chunks]
    proposal = next(c for c in chunks if c.text.startswith("c) Bằng khen của Bộ trưởng"))
    assert proposal.headings == ("II. NỘI DUNG CUỘC HỌP", "3. Kết quả bỏ phiếu kín, Khối thống nhất đề nghị:")
    assert (
        texts.index(proposal.text)
        == texts.index("d) Bằng khen của Thủ tướng Chính phủ cho cá nhân: ông Trần Văn Khê, đạt 8/8 phiếu.") - 1
    )
    assert "4. Bầu Khối trưởng năm 2047" not in texts and "II. NỘI DUNG CUỘC HỌP" not in texts


def test_headings_in_a_row_stay_headings():
    # A table of contents is headings closed by headings: none of its lines is text to quote.
    report = (
        "BÁO CÁO Tình hình hoạt động các khu công nghiệp năm 2031\n\nMỤC LỤC\n\n"
        "I. Kết quả thực hiện nhiệm vụ năm 2031\n\nII. Khó khăn, vướng mắc trong triển khai thực hiện\n\n"
        "III. Phương hướng, nhiệm vụ trọng tâm năm 2032\n\n"
        "I. Kết quả thực hiện nhiệm vụ năm 2031\n\nThu hút đầu tư đạt 120 triệu USD.\n"
    )
    texts = [c.text for c in chunk_document("d", "bao_cao.txt", [PageText(1, report)])]
    assert "Thu hút đầu tư đạt 120 triệu USD." in texts
    assert not [text for text in texts if text.startswith(("I.", "II.", "III."))]
