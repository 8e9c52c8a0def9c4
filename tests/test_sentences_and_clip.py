"""Sentence ends (``ingest.sentences``), long quotes cut to their clauses (``app.answering.clip``)
and person names (``ingest.people``)."""

import pytest

from app.answering.clip import clip_quote, clipped_title
from app.answering.extractive import focus_terms
from app.answering.features import split_sentences as answer_sentences
from app.answering.frame import parse_question
from app.answering.terms import terms_of
from ingest.people import names_a_person
from ingest.sentences import split_sentences

pytestmark = pytest.mark.unit


def test_sentences_end_before_vietnamese_capitals_beyond_a_to_z():
    text = "Tầm nhìn đến năm 2061. Đến nay có 9 KCN. Ở Kim Sơn có 4 KCN. Ước tính 3 dự án. Ưu tiên thu hút FDI."
    expected = [
        "Tầm nhìn đến năm 2061.",
        "Đến nay có 9 KCN.",
        "Ở Kim Sơn có 4 KCN.",
        "Ước tính 3 dự án.",
        "Ưu tiên thu hút FDI.",
    ]
    assert split_sentences(text) == expected
    assert answer_sentences(text) == expected


def test_no_sentence_ends_before_a_lower_case_word_or_after_an_abbreviation():
    assert split_sentences("Đạt 5 tr. đồng. TP. Thủ Đức có 2 KCN.") == ["Đạt 5 tr. đồng.", "TP. Thủ Đức có 2 KCN."]
    # A table's "tr. USD" (triệu): the row was cut at its first figure's unit.
    row = "KCN Tân Lập — Vốn FDI mới: 61,2 tr. USD; Lao động: 6.140 người."
    assert split_sentences(row) == [row]
    assert split_sentences("Một; Hai; ba", marks=";") == ["Một;", "Hai; ba"]


def test_a_stray_full_stop_after_a_word_no_sentence_ends_on_cuts_nothing():
    # OCR's "là. 31.460 người": one sentence; a list's next item still starts one.
    text = "Tổng số lao động đến ngày 30/6/2061 là. 28.415 người, đạt 93,1% kế hoạch. 2. Nhiệm vụ khác."
    assert split_sentences(text) == [
        "Tổng số lao động đến ngày 30/6/2061 là. 28.415 người, đạt 93,1% kế hoạch.",
        "2.",
        "Nhiệm vụ khác.",
    ]
    assert answer_sentences(text)[0].startswith("Tổng số lao động đến ngày 30/6/2061 là. 28.415 người")
    # ... nor after a possessive, nor after a title before a person's name (OCR'd from a scan).
    chair = "Chủ trì: ông. Trần Văn Khê, Trưởng ban. Thư ký: bà Lê Thị Hoa."
    assert split_sentences(chair) == ["Chủ trì: ông. Trần Văn Khê, Trưởng ban.", "Thư ký: bà Lê Thị Hoa."]
    flag = "a) Cờ thi đua của. Chính phủ: Ban Quản lý KKT tỉnh Kim Sơn."
    assert split_sentences(flag) == [flag]
    # A title that ends a sentence as a pronoun still does, before a name too; so do "cua"
    # typed without accents (a crab) and a place's "Bà".
    assert split_sentences("Đoàn đã làm việc với ông. Trần Văn Khê trình bày báo cáo.") == [
        "Đoàn đã làm việc với ông.",
        "Trần Văn Khê trình bày báo cáo.",
    ]
    assert len(split_sentences("Sản lượng chủ yếu là tôm, cá và cua. Giá trị đạt 120 tỷ đồng.")) == 2
    assert len(split_sentences("Năm 2031 đón khách tại núi Bà. Tây Ninh đón 2 triệu lượt khách.")) == 2


LONG = (
    "KCN Kim Sơn A hiện có số dự án lớn nhất với 247 dự án, bao gồm 97 dự án có vốn đầu tư nước ngoài với "
    "tổng vốn đăng ký là 1.432 triệu đô la Mỹ và 152 dự án trong nước với tổng vốn đăng ký là 21.765 tỷ đồng; "
    "tiếp đến là KCN Hòa Bình II với 109 dự án có vốn đầu tư nước ngoài với tổng vốn đăng ký 3.417 triệu đô la Mỹ; "
    "đứng thứ ba là KCN Dệt May Kim Sơn với 76 dự án, trong đó 39 dự án FDI với tổng vốn đăng ký "
    "587 triệu USD và 32 dự án trong nước vốn 2.719 tỷ đồng."
)


def clip(question: str, limit: int) -> str:
    return clip_quote(LONG, focus_terms(parse_question(question)), limit, terms_of)


def test_a_long_quote_keeps_the_clause_about_the_question_and_the_figures_after_it():
    quote = clip("KCN Dệt May Kim Sơn có bao nhiêu dự án FDI, vốn đăng ký bao nhiêu?", 200)
    assert quote.startswith("… đứng thứ ba là KCN Dệt May Kim Sơn với 76 dự án")
    assert "39 dự án FDI" in quote and "587 triệu USD" in quote
    assert len(quote) <= 200


def test_a_quote_that_fits_is_kept_whole_and_one_with_nothing_to_go_by_keeps_its_start():
    assert clip("KCN Dệt May Kim Sơn có bao nhiêu dự án FDI?", len(LONG)) == LONG
    start = clip("Tình hình chung ra sao?", 120)
    assert start.startswith("KCN Kim Sơn A hiện có") and start.endswith(" …")
    assert len(start) <= 120


def test_a_clause_longer_than_the_limit_is_cut_inside_with_a_mark():
    quote = clip("KCN Kim Sơn A có bao nhiêu dự án?", 60)
    assert quote.endswith(" …") and len(quote) <= 60


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Ông Nguyễn Mạnh Hùng phát biểu khai mạc.", True),
        ("Phó Vụ trưởng Trần Quốc Bình cho biết thêm.", True),
        ("Lê Văn Tâm", True),
        ("Ong Pham Minh Thanh - Khoi truong", True),  # OCR without accents
        ("Các KCN tỉnh Bà Rịa - Vũng Tàu thu hút 12 dự án.", False),  # "bà" before a place
        ("KCN Tân Lập II và các KCN Hà Nam.", False),
        ("ông đã có nhiều đóng góp", False),
    ],
)
def test_person_names_are_found_and_places_are_not_taken_for_them(text, named):
    assert names_a_person(text) is named


def test_a_long_title_keeps_its_end_which_says_whose_report_it_is():
    title = (
        "BÁO CÁO — Kết quả thu hút đầu tư, sản xuất kinh doanh và công tác thi đua khen thưởng năm 2093 của các "
        "khu công nghiệp tỉnh Kim Sơn"
    )
    shown = clipped_title(title, 90)
    assert len(shown) <= 90
    assert shown.startswith("BÁO CÁO — Kết quả thu hút đầu tư")
    assert shown.endswith("tỉnh Kim Sơn") and " … " in shown
    assert clipped_title("Báo cáo năm 2093", 90) == "Báo cáo năm 2093"
    unspaced = "Bao_cao_ket_qua_thuc_hien_nhiem_vu_va_phuong_huong_nam_2095_cua_ban_quan_ly"
    assert len(clipped_title(unspaced, 40)) <= 40


def test_a_long_table_row_cut_keeps_the_name_of_its_row():
    row = (
        "Tháng 6/2031 — Số lao động KCN Tân Lập: 12.330 người; Số lao động KCN Kim Sơn: 9.800 người; Số lao động "
        "KCN Vetra: 14.200 người; Tổng số lao động: 41.678 người; Lao động nữ: 23.100 người; Lao động nước ngoài: "
        "412 người."
    )
    cut = clip_quote(row, focus_terms(parse_question("Tổng số lao động tháng 6/2031?")), 160, terms_of)
    assert cut.startswith("Tháng 6/2031 — ") and "Tổng số lao động: 41.678 người" in cut and len(cut) <= 160


def test_a_sentence_ending_on_a_verb_still_ends_and_a_signature_s_kt_is_no_end():
    assert split_sentences("Có 3 dự án chưa giải quyết được. 12 dự án khác đã xong.") == [
        "Có 3 dự án chưa giải quyết được.",
        "12 dự án khác đã xong.",
    ]
    assert split_sentences("Trần Văn Tân, KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký).") == [
        "Trần Văn Tân, KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký)."
    ]


def test_a_table_row_with_numbered_headers_is_one_sentence():
    # A spreadsheet's two header rows said before each cell: "I. … 1. …" are no sentence ends.
    row = (
        "Ban Quản lý KKT tỉnh Kim Sơn — I. Nhiệm vụ chuyên môn (50 điểm) 1. Thu hút đầu tư: 12,5 tối đa 15; "
        "I. Nhiệm vụ chuyên môn (50 điểm) 2. Cải cách hành chính: 13,5 tối đa 15."
    )
    assert answer_sentences(row) == [row]
    # Prose is still cut at its full stops, a dateline over it too.
    assert answer_sentences("Thu hút đầu tư tốt. Cấp mới 12 dự án.") == ["Thu hút đầu tư tốt.", "Cấp mới 12 dự án."]
    assert len(answer_sentences("Hà Nội — Ngày 5/3: Khối họp. Sau đó 12 dự án được cấp.")) == 2
