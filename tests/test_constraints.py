"""Does a sentence answer the question asked, or the same question about another year,
province, region, zone or period? (``app.answering.constraints``)"""

import pytest
from langchain_core.documents import Document

from app.answering.constraints import ConstraintCheck, Mentions, PassageContext, _named_in_ocr, check_constraints
from app.answering.frame import parse_question
from ingest.gazetteer import merged_keys

pytestmark = pytest.mark.unit

ASKED_2031 = "Năm 2031 thu hút được bao nhiêu dự án đầu tư?"
SILENT = "Các KCN thu hút thêm 45 dự án mới."


def passage(text: str, **meta) -> Document:
    metadata = {
        "title": "Báo cáo tình hình hoạt động các khu công nghiệp",
        "issuer": "Ban Quản lý các KCN",
        "headings": ["I. Kết quả thu hút đầu tư"],
        "doc_years": "2031",
        "doc_places": "province:dong nai",
        "period": "năm 2031",
        "chunk_id": "d-p0001",
        "doc_id": "d",
        "source": "a.txt",
        "paragraph": 1,
    }
    return Document(page_content=text, metadata=metadata | meta)


def check(question: str, sentence: str, paragraph: str | None = None, **meta) -> ConstraintCheck:
    document = passage(sentence if paragraph is None else paragraph, **meta)
    return check_constraints(parse_question(question), sentence, PassageContext.of(document))


# An undated, placeless document: only the sentence itself can meet a constraint.
BARE = {"title": "Báo cáo", "issuer": "", "headings": [], "doc_years": "", "doc_places": "", "period": ""}


# --- years ----------------------------------------------------------------------------


def test_year_stated_by_the_sentence_is_met_in_the_sentence():
    result = check(ASKED_2031, "Năm 2031, các KCN thu hút 45 dự án mới.")
    assert result.met
    assert result.satisfied == {"năm 2031"}
    assert result.in_sentence_share == 1.0


def test_a_sentence_naming_only_another_year_does_not_answer():
    result = check(ASKED_2031, "Năm 2029, các KCN thu hút 45 dự án mới.")
    assert not result.met
    assert result.failed == ("năm 2031",)
    assert result.conflicts == ("năm 2031",)
    assert result.held == ("2029",)  # what to tell the user the passage is about


def test_a_sentence_about_a_span_of_years_states_none_inside_it():
    question = "Doanh thu năm 2033 của các KCN là bao nhiêu?"
    span = "Doanh thu tăng đều qua các năm, tốc độ tăng bình quân giai đoạn 2032-2035 khoảng 15,1%/năm."
    assert not check(question, span, doc_years="2031,2035").met
    # A year named inside the sentence, or a question on the span itself, still is.
    assert check(question, "Giai đoạn 2032-2035, riêng năm 2033 doanh thu đạt 28.902 tỷ đồng.").met
    assert check("Doanh thu giai đoạn 2032-2035 tăng bình quân bao nhiêu?", span).met


def test_a_span_of_years_is_one_constraint_not_its_two_ends():
    # A sentence about the span does not state its last year's figure, nor its first's.
    total = "Giai đoạn 2031 – 2035, các KCN thu hút 162 dự án FDI và 58 dự án trong nước cấp mới."
    for question in ("Năm 2035 có bao nhiêu dự án trong nước cấp mới?", "Năm 2031 có bao nhiêu dự án trong nước?"):
        result = check(question, total, doc_years="2035,2031", period="2031–2035")
        assert not result.met and result.conflicts, question
    # Asked of the span, it is met by the sentence naming it in either form, not by one year's.
    asked = "Giai đoạn 2031-2035 các KCN thu hút bao nhiêu dự án trong nước?"
    assert check(asked, total).met
    assert check(asked, total.replace("Giai đoạn 2031 – 2035", "Từ năm 2031 đến năm 2035")).met
    assert not check(asked, "Năm 2033, các KCN thu hút 9 dự án trong nước.").met
    # So does one that says "cả giai đoạn" in a passage about the span, though it names a year too.
    whole = "Nộp ngân sách của doanh nghiệp cả giai đoạn đạt 11.486 tỷ đồng; riêng năm 2034 nộp 2.653 tỷ đồng."
    assert check("tong nop ngan sach ca giai doan 2031-2035", whole, doc_years="2035,2031").met
    assert not check("tong nop ngan sach ca giai doan 2036-2040", whole, doc_years="2035,2031").met
    # A silent sentence is the span's when its report covers it.
    assert check(asked, "Các KCN thu hút 58 dự án trong nước.", doc_years="2035,2031").met
    # Asked which year of it, a sentence on one year of it answers; on a year outside, not.
    which = "Năm nào trong giai đoạn 2031–2035 vốn FDI cao nhất?"
    assert check(which, "Năm 2035 vốn FDI đạt 1.317,6 triệu USD, cao nhất từ trước đến nay.").met
    assert not check(which, "Năm 2029 vốn FDI đạt 1.402 triệu USD, cao nhất từ trước đến nay.").met


def test_a_span_compared_with_is_named_not_reported_on():
    rise = "Vốn FDI đạt 4.599 triệu USD, gấp 1,9 lần so với giai đoạn 2026 – 2030."
    assert check("Vốn FDI năm 2035 đạt bao nhiêu?", rise, doc_years="2035").met
    assert not check("Vốn FDI năm 2030 đạt bao nhiêu?", rise, doc_years="2035").met
    assert check("Vốn FDI giai đoạn 2026 – 2030 là bao nhiêu?", rise, doc_years="2035").met


def test_a_year_the_question_only_compares_with_is_met_by_a_sentence_comparing_with_it():
    # The report is of 2032; the question asks of its period, compared with the end of 2031.
    rise = "KCN Tân Lập có tỷ lệ lấp đầy 41,7%, tăng 9,3 điểm phần trăm so với cuối năm 2031."
    for question in (
        "Tỷ lệ lấp đầy KCN Tân Lập tăng bao nhiêu so với cuối năm 2031?",
        "ty le lap day kcn tan lap tang bao nhieu so voi cuoi nam 2031",
    ):
        assert check(question, rise, doc_years="2032", period="năm 2032").met, question
    # A sentence comparing with another year does not meet it.
    other = rise.replace("2031", "2030")
    assert not check("Tỷ lệ lấp đầy KCN Tân Lập tăng bao nhiêu so với cuối năm 2031?", other, doc_years="2032").met


def test_a_base_year_with_its_figure_leaves_the_sentence_to_the_report_s_year():
    # "… đạt 67,8%, tăng so với 59,4% của năm 2031", in a report of 2032: both years stated.
    sentence = "KCN Tân Lập có 58 dự án; tỷ lệ lấp đầy đạt 67,8%, tăng so với 59,4% của năm 2031."
    both = check("Tỷ lệ lấp đầy KCN Tân Lập thay đổi thế nào giữa năm 2031 và năm 2032?", sentence, doc_years="2032")
    assert both.met and both.satisfied >= {"năm 2031", "năm 2032"}
    assert check("Tỷ lệ lấp đầy KCN Tân Lập năm 2032 là bao nhiêu?", sentence, doc_years="2032").met
    assert not check("Tỷ lệ lấp đầy KCN Tân Lập năm 2033 là bao nhiêu?", sentence, doc_years="2032").met


def test_a_silent_sentence_takes_the_year_of_its_document():
    result = check(ASKED_2031, SILENT)
    assert result.met
    assert result.in_sentence_share == 0.0


def test_a_silent_sentence_in_a_report_of_another_year_does_not_answer():
    result = check(ASKED_2031, SILENT, doc_years="2029", period="năm 2029")
    assert not result.met
    assert result.failed == ("năm 2031",)
    assert result.conflicts == ()  # the sentence itself names no other year


def test_a_table_row_s_cell_headed_by_a_year_leaves_the_row_to_its_table_s_year():
    row = "Ban Quản lý các KCN tỉnh Kim Sơn — Dự án mới: 41 dự án; Vốn đăng ký năm 2038: 980,4 triệu USD; Xếp hạng: 2."
    table = {"title": "Bảng tổng hợp kết quả chấm điểm thi đua năm 2039", "doc_years": "2039", "headings": []}
    assert check("Ban Quản lý các KCN tỉnh Kim Sơn xếp hạng mấy năm 2039?", row, **table).met
    assert check("Năm 2038 Kim Sơn có vốn đăng ký bao nhiêu?", row, **table).met
    assert not check("Năm 2037 Kim Sơn thu hút bao nhiêu dự án mới?", row, **table).met


def test_a_compared_year_is_not_the_year_the_sentence_reports():
    sentence = "Các KCN thu hút 45 dự án, tăng 12% so với cùng kỳ năm 2030."
    assert check(ASKED_2031, sentence).met
    # ... and the same sentence does not answer for the year it compares with.
    assert not check("Năm 2030 thu hút được bao nhiêu dự án đầu tư?", sentence).met


def test_a_sentence_comparing_with_the_year_asked_is_not_about_it_whatever_its_paragraph_names():
    # "còn năm 2030?" after the 2031 figure: the sentence's only year is the one it compares
    # with, and its paragraph names 2030 only in a comparison a scan has damaged.
    sentence = "Cac KCN co 3.482 du an FDI voi tong von dau tu dat 61,9 ty USD (tang 4,3% so voi cung ky nam 2030)"
    paragraph = f"{sentence}; va 2.764 du an DDI voi tong von 517 ty dong (ting 17% s0 v6i cung ky nim 2030)."
    report = {**BARE, "doc_years": "2031", "period": "năm 2031"}
    asked = "Tổng vốn đầu tư của các dự án FDI năm 2030 là bao nhiêu?"
    assert not check(asked, sentence, paragraph, **report).met
    assert not check(asked, paragraph, **report).met
    assert check(asked.replace("2030", "2031"), sentence, paragraph, **report).met


@pytest.mark.parametrize(
    ("compared", "met"),
    [
        ("so với cùng kì năm 2030", False),
        ("so vói năm 2030", False),  # OCR's accent on "với"
        ("so với thực hiện năm 2030", False),
        ("so với cùng thời điểm năm 2030", False),
        ("so với đầu năm 2030", True),  # earlier in the same year: the sentence may be about 2030
        ("so với thời điểm 31/12/2030", False),  # a date compared with: the end of 2030
        ("so với ngày 30/6/2030", True),  # ... or a day of 2030 the sentence may be later in
    ],
)
def test_a_comparison_with_the_year_asked_in_other_words_is_not_about_it(compared, met):
    sentence = f"Doanh thu của các doanh nghiệp đạt 1.380 triệu USD, tăng 9,2% {compared}."
    paragraph = f"{sentence} Năm 2030 các KCN của tỉnh gặp nhiều khó khăn."
    question = "Doanh thu của các doanh nghiệp năm 2030 là bao nhiêu?"
    assert check(question, sentence, paragraph, **{**BARE, "doc_years": "2031"}).met is met


def test_a_figure_compared_with_the_year_before_s_end_is_of_the_report_s_year():
    # "… 41.260 người, tăng 2.315 người so với thời điểm 31/12/2030" in a half-year report
    # of 2031 answers for 2031 (it was refused: the date's year was taken as the sentence's).
    sentence = "Tổng số lao động làm việc tại các khu là 41.260 người, tăng 2.315 người so với thời điểm 31/12/2030."
    half_year = {"doc_years": "2031", "period": "6 tháng đầu năm 2031"}
    assert check("Tổng số lao động đến giữa năm 2031 là bao nhiêu?", sentence, **half_year).met
    assert not check("Tổng số lao động năm 2030 là bao nhiêu?", sentence, **half_year).met


def test_the_base_year_of_constant_prices_is_not_the_year_the_sentence_reports():
    sentence = "Giá trị sản xuất công nghiệp (theo giá so sánh năm 2011) đạt 4.315 tỷ đồng."
    result = check("Năm 2031 giá trị sản xuất công nghiệp đạt bao nhiêu?", sentence)
    assert result.met and result.conflicts == ()
    assert check_constraints(
        parse_question("Năm 2033 giá trị sản xuất đạt bao nhiêu?"), sentence, PassageContext.of(passage(sentence))
    ).held == ("2031",)  # a refusal names the report's year, not the base year


def test_a_silent_sentence_takes_the_years_its_paragraph_names_before_the_documents():
    # A news page of 2032 that compares with 2031: its paragraph about 2032 does not say
    # what 2031's figure of another sentence was, though the page names 2031 elsewhere.
    paragraph = "Trong năm 2032, tỷ lệ lấp đầy đạt 68,5%, so với 61,2% của năm 2031. " + SILENT
    two_years = {"doc_years": "2032,2031", "period": "năm 2032"}
    assert not check(ASKED_2031, SILENT, paragraph=paragraph, **two_years).met
    assert check("Năm 2032 thu hút được bao nhiêu dự án đầu tư?", SILENT, paragraph=paragraph, **two_years).met
    # The sentence with the base figure does state that year's figure.
    base = "Trong năm 2032, tỷ lệ lấp đầy đạt 68,5%, so với 61,2% của năm 2031."
    assert check("Tỷ lệ lấp đầy năm 2031 là bao nhiêu?", base, paragraph=paragraph, **two_years).met


def test_a_silent_sentence_takes_the_years_its_section_names_before_the_title_s():
    # A plan for 2032 reports 2031's results first: "I. Kết quả thực hiện năm 2031" says what
    # the silent sentences under it are about, whatever year the plan's title names.
    plan = {"title": "Kế hoạch phát triển các KCN năm 2032", "doc_years": "2032", "period": "năm 2032"}
    results = {**plan, "headings": ["I. Kết quả thực hiện năm 2031", "3. Lao động"]}
    targets = {**plan, "headings": ["II. Nhiệm vụ năm 2032", "1. Chỉ tiêu chủ yếu"]}
    asked_2032 = ASKED_2031.replace("2031", "2032")
    assert check(ASKED_2031, SILENT, **results).met
    assert not check(asked_2032, SILENT, **results).met
    assert check(asked_2032, SILENT, **targets).met
    assert not check(ASKED_2031, SILENT, **targets).met
    # A section whose headings name no year is the report's.
    assert check(asked_2032, SILENT, **{**plan, "headings": ["3. Lao động"]}).met


def test_the_year_before_s_figure_in_brackets_is_stated_but_not_what_the_sentence_is_about():
    sentence = "Tỷ lệ lấp đầy bình quân các KCN đạt 63,8% (năm 2031 là 59,2%)."
    of_2032 = {"doc_years": "2032", "period": "năm 2032"}
    assert check("Tỷ lệ lấp đầy bình quân năm 2032 là bao nhiêu?", sentence, **of_2032).met
    assert check("Tỷ lệ lấp đầy bình quân năm 2031 là bao nhiêu?", sentence, **of_2032).met
    assert not check("Tỷ lệ lấp đầy bình quân năm 2033 là bao nhiêu?", sentence, **of_2032).met


def test_the_year_of_a_date_or_a_month_is_stated_but_not_that_of_a_document_number():
    # A report of the year before, whose sentences date themselves.
    earlier = BARE | {"doc_years": "2030"}
    question = "Đến hết tháng 3/2031 KKT có bao nhiêu dự án còn hiệu lực?"
    result = check(question, "Đến hết tháng 3/2031, KKT có 64 dự án còn hiệu lực.", **earlier)
    assert result.met and "năm 2031" in result.satisfied
    assert check("Quý I/2031 KKT thu hút bao nhiêu dự án?", "Quý I/2031 KKT thu hút 5 dự án.", **earlier).met
    # "12/2031/NĐ-CP" was issued in 2031; it does not date the sentence.
    assert not check(question, "Theo Nghị định 12/2031/NĐ-CP, KKT có 64 dự án còn hiệu lực.", **earlier).met


def test_a_quarter_asked_is_not_answered_by_another_quarter_or_by_some_months():
    question = "Doanh thu quý II năm 2031 của doanh nghiệp KCN là bao nhiêu?"
    other = check(question, "Riêng quý III năm 2031, doanh thu đạt 7,12 tỷ USD.", **BARE)
    assert not other.met and other.failed == ("quý II",)
    assert not check(question, "Doanh thu 9 tháng năm 2031 đạt 20 tỷ USD.", **BARE).met
    assert not check(question, "Đến hết tháng 6/2031, lũy kế doanh thu đạt 20 tỷ USD.", **BARE).met
    assert check(question, "Doanh thu quý 2/2031 đạt 6 tỷ USD.", **BARE).met
    # Silent, a sentence takes its quarter from its paragraph.
    paragraph = "Quý III năm 2031, tình hình có nhiều khởi sắc. Doanh thu đạt 6 tỷ USD."
    assert not check(question, "Doanh thu đạt 6 tỷ USD.", paragraph=paragraph, **BARE).met
    # "3 tháng đầu năm" is the first quarter.
    first = {"headings": ["I. Kết quả 3 tháng đầu năm 2031"]}
    assert check("Quý I năm 2031 thu hút bao nhiêu dự án?", "Các KCN thu hút 12 dự án.", **first).met
    # A table under "9 tháng" is no quarter's.
    table = {"headings": ["Bảng 1. Kết quả thu hút đầu tư 9 tháng năm 2031 theo từng khu"]}
    row = "KCN Tân Lập — Dự án mới: 7 dự án; Vốn đăng ký: 1.640 tỷ đồng."
    assert check("KCN Tân Lập thu hút bao nhiêu dự án trong quý II năm 2031?", row, **table).failed == ("quý II",)
    # "quy hoạch", "quy mô": no quarter.
    assert check(question, "Quy mô doanh thu quý II năm 2031 đạt 6 tỷ USD.", **BARE).met


def test_a_month_asked_is_not_answered_by_a_row_of_other_months_or_by_a_running_total():
    row = "Doanh thu — Tháng 1: 310,2 triệu USD; Tháng 2: 297 triệu USD; Lũy kế 2 tháng: 607,2 triệu USD."
    assert check("Doanh thu tháng 2 năm 2031 là bao nhiêu?", row).met
    assert check("Doanh thu tháng 7 năm 2031 là bao nhiêu?", row).failed == ("tháng 7",)
    assert check("Doanh thu cuối tháng 9 năm 2031 là bao nhiêu?", row).failed == ("tháng 9",)
    assert check("Doanh thu tháng 7, năm 2031 là bao nhiêu?", row).failed == ("tháng 7",)
    assert not check("Doanh thu tháng 2 năm 2031 là bao nhiêu?", "Lũy kế 2 tháng doanh thu đạt 608,2 triệu USD.").met
    # ... nor by the year's figure.
    year = "Doanh thu của các doanh nghiệp năm 2031 ước đạt 3.740 triệu USD."
    assert check("Doanh thu tháng 9/2031 là bao nhiêu?", year).failed == ("tháng 9",)
    assert check("Doanh thu tháng 9/2031 là bao nhiêu?", "Trong tháng 9 năm 2031, doanh thu đạt 340 triệu USD.").met
    # A date's month is no month asked; nor is an event's (its date says when it was).
    assert check("Ngày 05 tháng 7 năm 2031 Khối họp ở đâu?", "Khối họp tại tỉnh Kim Sơn.").met
    meeting = "Ngày 05/7/2031, Khối tổ chức Hội nghị sơ kết 6 tháng đầu năm tại tỉnh Kim Sơn."
    assert check("Hội nghị sơ kết tháng 7/2031 của Khối tổ chức ở đâu?", meeting).met


def test_a_quarter_asked_of_a_silent_sentence_is_the_report_s():
    question = "Doanh thu quý II năm 2031 của doanh nghiệp KCN là bao nhiêu?"
    sentence = "Doanh thu của doanh nghiệp KCN đạt 6 tỷ USD."
    # A report of the whole year 2031 (the default frame) is no quarter's; one of quý II is.
    assert check(question, sentence).failed == ("quý II",)
    assert check(question, sentence, title="Báo cáo tình hình quý II năm 2031", period="quý II năm 2031").met
    assert not check(question, sentence, title="Báo cáo tình hình quý III năm 2031", period="quý III năm 2031").met
    # ... nor one of quý II and of the tasks of quý III.
    both = "Báo cáo tình hình quý II năm 2031 và nhiệm vụ trọng tâm quý III năm 2031"
    assert check(question, sentence, title=both, period="quý II năm 2031").met
    # An event of the report's year may fall in the quarter asked.
    assert check("Hội nghị quý II năm 2031 tổ chức ở đâu?", "Hội nghị được tổ chức tại tỉnh Kim Sơn.").met
    # A report of part of the year, or of no known period, may hold it.
    assert check(question, sentence, title="Báo cáo 6 tháng đầu năm 2031", period="6 tháng đầu năm 2031").met
    assert check(question, sentence, **BARE).met


def test_a_review_meeting_asked_by_the_year_it_reviews_is_not_the_one_held_that_year():
    held = (
        "Ngày 8-9/1/2094 tại tỉnh Kim Sơn, Khối thi đua tổ chức Hội nghị tổng kết công tác thi đua, "
        "khen thưởng năm 2093 và phát động phong trào thi đua năm 2094."
    )
    assert check("Hội nghị tổng kết năm 2093 của Khối được tổ chức ở đâu?", held, **BARE).met
    result = check("Hội nghị tổng kết năm 2094 của Khối được tổ chức ở đâu?", held, **BARE)
    assert result.failed == ("năm 2094",) and result.conflicts == ("năm 2094",)
    # The year's meeting, named by the year it reviews, answers.
    planned = "Hội nghị tổng kết năm 2094 của Khối sẽ do tỉnh Tân Lập đăng cai."
    assert check("Hội nghị tổng kết năm 2094 của Khối được tổ chức ở đâu?", planned, **BARE).met
    # Asked by the year it is held in, the meeting held that year answers.
    assert check("Năm 2094 Khối tổ chức hội nghị tổng kết ở đâu?", held, **BARE).met
    assert check("Hội nghị tổng kết tổ chức năm 2094 ở đâu?", held, **BARE).met
    assert check("Theo báo cáo tổng kết, năm 2094 Khối tổ chức hội nghị ở đâu?", held, **BARE).met


def test_an_undated_document_neither_confirms_nor_contradicts_a_year():
    result = check(ASKED_2031, SILENT, **BARE)
    assert result.met
    assert result.held == ()


# --- provinces and regions ------------------------------------------------------------


def test_a_sentence_about_another_province_only_does_not_answer():
    result = check("Tỉnh Hà Nam có bao nhiêu KCN?", "Tỉnh Hưng Yên có 12 KCN đang hoạt động.", doc_places="")
    assert not result.met
    assert result.failed == ("province:ha nam",)
    # A refusal quoting it as the nearest says whose figure it is, not only its year.
    assert result.held == ("Hưng Yên", "2031")


def test_the_province_of_the_report_is_held_when_the_sentence_names_none():
    result = check("Tỉnh Hà Nam có bao nhiêu KCN?", "Trên địa bàn có 12 KCN đang hoạt động.")
    assert result.failed == ("province:ha nam",)
    assert result.held == ("Đồng Nai", "2031")


def test_places_are_not_held_when_the_place_asked_is_met():
    result = check("Năm 2031 tỉnh Đồng Nai thu hút được bao nhiêu dự án?", "Năm 2029, các KCN thu hút 45 dự án mới.")
    assert result.failed == ("năm 2031",)
    assert result.held == ("2029",)


@pytest.mark.parametrize(
    "meta",
    [
        {"doc_places": "province:ha nam"},
        {"doc_places": "", "title": "Báo cáo công tác năm 2031 của tỉnh Hà Nam"},
        {"doc_places": "", "issuer": "UBND tỉnh Hà Nam"},
    ],
    ids=["doc_places", "title", "issuer"],
)
def test_the_province_may_come_from_the_document_frame(meta):
    result = check("Tỉnh Hà Nam có bao nhiêu KCN?", "Toàn tỉnh có 12 KCN đang hoạt động.", **meta)
    assert result.met
    assert result.satisfied == {"province:ha nam"}


def test_a_province_named_nowhere_is_not_met():
    assert not check("Tỉnh Hà Nam có bao nhiêu KCN?", "Toàn tỉnh có 12 KCN đang hoạt động.", doc_places="").met


def test_a_merged_province_answers_for_its_former_name_and_back():
    old, new = "ha nam", "ninh binh"
    assert new in merged_keys(old) and old in merged_keys(new)  # the pair is real in the gazetteer
    assert check("Tỉnh Hà Nam có bao nhiêu KCN?", "Tỉnh Ninh Bình có 12 KCN.", **BARE).met
    assert check("Tỉnh Ninh Bình có bao nhiêu KCN?", "Tỉnh Hà Nam có 12 KCN.", **BARE).met
    assert not check("Tỉnh Ninh Bình có bao nhiêu KCN?", "Tỉnh Đồng Nai có 12 KCN.", **BARE).met


def test_a_province_asked_as_the_former_one_is_that_one_alone():
    # "Hà Nam cũ": the former unit, not Ninh Bình into which it merged, nor Ninh Bình cũ.
    for question in ("Các KCN thuộc tỉnh Hà Nam cũ có bao nhiêu dự án?", "cac kcn tinh ha nam cu co bao nhieu du an"):
        assert parse_question(question).former == ("ha nam",)
        assert not check(question, "Các KCN thuộc tỉnh Ninh Bình cũ có 12 dự án.", doc_years="2093").met
        assert check(question, "Các KCN thuộc tỉnh Hà Nam cũ có 31 dự án.", doc_years="2093").met
    assert parse_question("Các KCN tỉnh Hà Nam có bao nhiêu dự án?").former == ()
    assert check("Các KCN tỉnh Hà Nam có bao nhiêu dự án?", "Các KCN tỉnh Ninh Bình có 43 dự án.", **BARE).met


def test_a_report_from_before_the_merger_speaks_of_the_former_provinces():
    question = "Tỉnh Hà Nam có bao nhiêu KCN?"
    headed = {"headings": ["1.2. Ban Quản lý các KCN tỉnh Ninh Bình"], "doc_places": ""}
    assert not check(question, "Toàn tỉnh có 12 KCN.", doc_years="2014", **headed).met  # the former Ninh Bình
    assert check(question, "Toàn tỉnh có 12 KCN.", doc_years="2031", **headed).met  # the merged one


def test_a_report_naming_a_province_on_its_own_keeps_it_apart_from_the_one_it_merged_into():
    # A report of 2087 with an article on Hà Nam and one on Ninh Bình: the merger of 2025 does
    # not make its Hà Nam figures Ninh Bình's.
    question = "Tỷ lệ lấp đầy các KCN tỉnh Ninh Bình là bao nhiêu?"
    sentence = "Các KCN tỉnh Hà Nam có tỷ lệ lấp đầy 76,5%."
    document = passage(sentence, doc_years="2087", doc_places="")
    frame = parse_question(question)
    assert check_constraints(frame, sentence, PassageContext.of(document)).met
    assert not check_constraints(frame, sentence, PassageContext.of(document, apart=frozenset({"ninh binh"}))).met
    # A report that speaks of the former province as such ("Hà Nam cũ") speaks of the merger.
    former = "Các KCN khu vực Hà Nam cũ có tỷ lệ lấp đầy 76,5%."
    document = passage(former, doc_years="2093", doc_places="")
    assert check_constraints(frame, former, PassageContext.of(document, apart=frozenset({"ninh binh"}))).met
    # ... but an old workshop ("nhà xưởng cũ") or a merger of companies is no merger of provinces.
    old_workshop = "Các KCN tỉnh Hà Nam có tỷ lệ lấp đầy 76,5%, kể cả nhà xưởng cũ."
    document = passage(old_workshop, doc_years="2093", doc_places="")
    assert not check_constraints(frame, old_workshop, PassageContext.of(document, apart=frozenset({"ninh binh"}))).met


def test_a_section_headed_by_a_province_is_not_about_the_report_s_main_province():
    question = "Tỉnh Đồng Nai có bao nhiêu KCN?"
    assert check(question, "Toàn tỉnh có 12 KCN.").met  # the report is about Đồng Nai
    assert not check(question, "Toàn tỉnh có 12 KCN.", headings=["1.3. Ban Quản lý các KCN tỉnh Long An"]).met


def test_two_merged_provinces_named_together_are_two_provinces():
    both = "So sánh số KCN của tỉnh Hà Nam và tỉnh Ninh Bình."
    satisfied = check(both, "Tỉnh Hà Nam có 12 KCN.", **BARE).satisfied
    assert "province:ha nam" in satisfied and "province:ninh binh" not in satisfied


def test_a_province_of_the_region_asked_answers_for_the_region():
    question = "KCN nào của vùng Đồng bằng sông Hồng được thành lập mới?"
    assert check(question, "Tỉnh Hưng Yên thành lập mới KCN Tân Lập.", **BARE).met
    result = check(question, "Tỉnh Tây Ninh thành lập mới KCN Tân Lập.", **BARE)
    assert not result.met
    assert result.failed == ("region:dbsh",)


def test_a_figure_asked_of_a_region_is_not_one_provinces_figure():
    question = "Vùng Đồng bằng sông Hồng có bao nhiêu KCN?"
    result = check(question, "Tỉnh Hưng Yên có 12 KCN đang hoạt động.", **BARE)
    assert not result.met
    assert result.held == ("Hưng Yên",)  # a refusal shows whose figure the nearest is
    assert check(question, "Vùng Đồng bằng sông Hồng có 47 KCN đang hoạt động.", **BARE).met
    # A bloc's report: its own figures are the region's; a section on one member is that member's.
    bloc = {**BARE, "title": "Báo cáo của Khối thi đua các Ban Quản lý KCN vùng Đồng bằng sông Hồng năm 2095"}
    assert check(question, "Các tỉnh trong Khối có 47 KCN đang hoạt động.", **bloc).met
    member = {**bloc, "headings": ["1.2. Ban Quản lý các KCN tỉnh Hưng Yên"]}
    assert not check(question, "Có 12 KCN đang hoạt động.", **member).met
    # A member's own sentence naming the bloc otherwise ("Là Khối trưởng …", "khối doanh nghiệp
    # FDI") is still the member's.
    for said in ("Là Khối trưởng, Ban Quản lý có 12 KCN đang hoạt động.", "Khối doanh nghiệp FDI có 12 KCN."):
        assert not check(question, said, **member).met
    # A province's newsletter telling of its bloc: "các thành viên Khối" are the region's boards.
    newsletter = {**BARE, "title": "Bản tin Khu công nghiệp tỉnh Thái Bình", "doc_places": "province:thai binh"}
    assert check(question, "Các thành viên Khối có 47 KCN đang hoạt động.", **newsletter).met
    assert not check(question, "Tỉnh có 12 KCN đang hoạt động.", **newsletter).met
    # "Tổng số lao động trong các KCN Khối Tây Nam Bộ": "Khối" names the bloc, not a zone "KCN Khối".
    assert parse_question("Tổng số lao động trong các KCN Khối Tây Nam Bộ là bao nhiêu?").zones == ()


def test_a_province_of_the_region_asked_does_not_answer_in_a_report_of_another_region():
    # Gia Lai lies in Tây Nguyên and, since 2025, in Nam Trung Bộ too: in the Nam Trung Bộ
    # bloc's minutes it answers for that bloc, not for the Tây Nguyên one.
    bloc = {**BARE, "title": "Biên bản họp Khối thi đua vùng Duyên hải Nam Trung Bộ năm 2095"}
    sentence = "Chủ trì hội nghị: ông Trần Văn Tân, Trưởng ban Ban Quản lý Khu kinh tế tỉnh Gia Lai."
    assert check("Ai chủ trì hội nghị của Khối thi đua vùng Tây Nguyên?", sentence, **BARE).met
    assert not check("Ai chủ trì hội nghị của Khối thi đua vùng Tây Nguyên?", sentence, **bloc).met
    assert check("Ai chủ trì hội nghị của Khối thi đua Nam Trung Bộ?", sentence, **bloc).met
    # A region inside the one asked is part of it.
    southeast = {**BARE, "title": "Báo cáo của Khối thi đua các Ban Quản lý KCN vùng Đông Nam Bộ năm 2095"}
    assert check("Tỉnh nào ở miền Nam có 412 dự án?", "Tỉnh Đồng Nai có 412 dự án.", **southeast).met


def test_a_bloc_named_by_a_part_of_its_regions_name_is_that_bloc():
    # "Khối Bắc Trung Bộ": the bloc of "vùng Bắc Trung Bộ và Duyên hải miền Trung", called by
    # the first part of its name; another region's bloc, or a smaller grouping, is not it.
    bloc = {
        **BARE,
        "title": "Tờ trình của Khối thi đua các Ban Quản lý KCN, KKT vùng Bắc Trung Bộ và Duyên hải miền Trung",
    }
    sentence = "Hội nghị thống nhất Ban Quản lý Khu kinh tế tỉnh Kim Sơn làm Khối trưởng năm 2096."
    assert check("Khối trưởng năm 2096 của Khối Bắc Trung Bộ là đơn vị nào?", sentence, **bloc).met
    assert check("khoi truong nam 2096 cua khoi bac trung bo", sentence, **bloc).met
    # Only the part its words name: not Nam Trung Bộ, and "miền Trung" alone names neither.
    assert not check("khoi truong nam 2096 cua khoi nam trung bo", sentence, **bloc).met
    # ... nor a sentence about a province of another region in that bloc's report.
    assert not check(
        "Tỉnh nào ở Bắc Trung Bộ thu hút 40 dự án năm 2096?", "Tỉnh Quảng Ngãi thu hút 40 dự án.", **bloc
    ).met
    assert check("Tỉnh nào ở Bắc Trung Bộ thu hút 40 dự án năm 2096?", "Tỉnh Hà Tĩnh thu hút 40 dự án.", **bloc).met
    # A bloc asked by its region's name has members beyond it (Đắk Lắk in that bloc).
    member = "Ban Quản lý các KCN tỉnh Đắk Lắk — Tổng điểm: 93,6; Xếp hạng: 10."
    assert check("Đơn vị nào có điểm thấp nhất Khối Bắc Trung Bộ năm 2096?", member, **bloc).met
    # A bloc named by two regions is one area: a province of either is of it.
    joint = {**BARE, "title": "Báo cáo của Khối thi đua các Ban Quản lý KKT Nam Trung Bộ và Tây Nguyên năm 2096"}
    held = "Hội nghị tổ chức ngày 15/3/2096 tại thành phố Quy Nhơn, tỉnh Bình Định."
    assert check("Hội nghị của khối Nam Trung Bộ và Tây Nguyên năm 2096 tổ chức ở đâu?", held, **joint).met
    storm = {**BARE, "title": "Báo cáo về tình hình bão lũ các tỉnh miền Trung năm 2096"}
    assert not check("Khối trưởng năm 2096 của Khối Bắc Trung Bộ là đơn vị nào?", sentence, **storm).met
    assert not check("Khối trưởng năm 2096 của Khối Tây Nguyên là đơn vị nào?", sentence, **bloc).met
    key_area = {**BARE, "title": "Báo cáo của vùng kinh tế trọng điểm miền Trung năm 2096"}
    assert not check("Khối trưởng năm 2096 của Khối Bắc Trung Bộ là đơn vị nào?", sentence, **key_area).met


@pytest.mark.parametrize(
    ("question", "sentence", "met"),
    [
        ("Vùng Đồng bằng sông Hồng có bao nhiêu KCN?", "Cac KCN vung dong bang song hang thu hut 45 du an.", True),
        ("Vùng Đồng bằng sông Hồng có bao nhiêu KCN?", "Cac KCN vung dong bang song cuu long thu hut 45 du an.", False),
        ("Tỉnh Hà Nam có bao nhiêu KCN?", "Cac KCN tinh ha nem thu hut 45 du an trong nam.", True),
        ("Tỉnh Hà Nam có bao nhiêu KCN?", "Cac KCN tinh ha noi thu hut 45 du an trong nam.", False),  # two letters off
        # One letter off but neither capitalised nor after "tỉnh": words, not a place ("cần tổ chức").
        ("Cần Thơ có bao nhiêu lao động?", "Cac Ban Quan 1y can t6 chirc phat dong thi dua cho nguoi lao dong.", False),
        ("Cần Thơ có bao nhiêu lao động?", "Cac KCX va KCN Can Thg co 12.345 nguoi lao dong.", True),
    ],
)
def test_ocr_text_names_a_place_with_one_misread_letter(question, sentence, met):
    assert check(question, sentence, **BARE).met is met


def test_edit_distance_is_only_for_ocr_text():
    accented = Mentions.of("Các KCN vùng đồng bằng sông Hàng thu hút 45 dự án.")
    ocr = Mentions.of("Cac KCN vung dong bang song hang thu hut 45 du an.")
    assert not accented.ocr and ocr.ocr
    assert not _named_in_ocr("region", "dbsh", accented)
    assert _named_in_ocr("region", "dbsh", ocr)


# --- periods --------------------------------------------------------------------------


def test_a_section_on_the_year_ahead_is_about_the_year_after_the_report_s():
    # "5. Kế hoạch năm tới" in a report on 2031: its targets are 2032's, not 2031's figures.
    ahead = {"headings": ["5. Kế hoạch năm tới"]}
    target = "Trong năm tới, phấn đấu thu hút thêm 45 dự án."
    assert not check(ASKED_2031, target, **ahead).met
    assert check(ASKED_2031.replace("2031", "2032"), target, **ahead).met
    assert check(ASKED_2031, target, **{"headings": ["5. Kết quả thu hút đầu tư"]}).met


def test_the_year_ahead_is_the_year_after_the_report_s_own_not_its_latest():
    # "Kết quả năm 2031 và phương hướng năm 2032": its "năm tới" is 2032.
    both = {"title": "Báo cáo kết quả năm 2031 và phương hướng năm 2032", "doc_years": "2031,2032"}
    ahead = {**both, "headings": ["II. Phương hướng nhiệm vụ năm tới"]}
    target = "Phấn đấu thu hút thêm 45 dự án."
    assert check(ASKED_2031.replace("2031", "2032"), target, **ahead).met
    assert not check(ASKED_2031.replace("2031", "2033"), target, **ahead).met


def test_a_year_end_review_asked_about_is_met_by_a_sentence_naming_it():
    # A half-year report's plan says when the year's review will be held: the question asks
    # about that meeting, not about a figure of the whole year.
    half = {"title": "Báo cáo sơ kết 6 tháng đầu năm 2031", "period": "6 tháng đầu năm 2031"}
    plan = "Tổ chức Hội nghị tổng kết công tác thi đua năm 2031 vào tháng 12 năm 2031 tại tỉnh Kim Sơn."
    assert check("Hội nghị tổng kết thi đua năm 2031 tổ chức ở đâu?", plan, **half).met
    assert not check("Hội nghị tổng kết thi đua năm 2031 tổ chức ở đâu?", SILENT, **half).met
    # Not a half-year figure beside the words "tổng kết".
    figure = "Chuẩn bị Hội nghị tổng kết năm 2031; doanh thu 6 tháng đầu năm 2031 đạt 4.310 tỷ đồng."
    assert not check("Hội nghị tổng kết năm 2031 tổ chức ở đâu?", figure, **half).met
    assert not check(
        "Tổng kết năm 2031, doanh thu đạt bao nhiêu?", plan.replace("Tổ chức", "Doanh thu 90 tỷ đồng,"), **half
    ).met


def test_the_time_of_a_recurring_event_asked_is_not_another_time():
    question = "Hội thao Khối thi đua lần thứ III tổ chức ở đâu?"
    assert not check(question, "Hội thao lần thứ IV được tổ chức tại thành phố Kim Sơn.").met
    assert check(question, "Hội thao lần thứ ba được tổ chức tại thành phố Kim Sơn.").met
    # A sentence naming no time is read with its paragraph, and met when nothing names one.
    held = "Hội thao được tổ chức tại thành phố Kim Sơn."
    assert not check(question, held, paragraph=f"Ngày 25/4, Khối tổ chức Hội thao lần thứ 4. {held}").met
    assert check(question, held).met
    assert "lần thứ 3" in check(question, "Hội thao lần thứ IV được tổ chức tại Kim Sơn.").failed
    # Another event's time says nothing of this one's.
    congress = "Thiết thực chào mừng Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI, Hội thao được tổ chức tại Kim Sơn."
    assert check(question, congress).met


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Hội thao lần thứ IV năm 2037", {4}),
        ("hoi thao lan thu iii", {3}),  # typed without accents
        ("Lần thứ tư", {4}),
        ("lần thứ 5", {5}),
        ("lần thứ tự", set()),  # "thứ tự": an order, not the fourth
        ("lần thứ vi phạm", set()),  # lower case beside accents: a word, not a numeral
        ("lần thứ hai mươi", set()),  # a compound is left alone, not read as the second
        ("lần thứ mười một", set()),
    ],
)
def test_which_time_a_text_names(text: str, times: set[int]):
    from app.answering.frame import ordinals_in

    assert ordinals_in(text) == times


def test_a_whole_year_question_is_not_answered_by_part_of_the_year():
    question = "Cả năm 2031 thu hút được bao nhiêu dự án đầu tư?"
    result = check(question, "Từ đầu năm đến hết tháng 9, các KCN thu hút 45 dự án.")
    assert not result.met
    assert result.failed == ("cả năm",)
    assert "năm 2031" in result.satisfied
    assert check(question, "Trong năm, các KCN thu hút 45 dự án.").met


def test_a_sentence_stating_the_whole_year_beside_its_quarters_answers_a_whole_year_question():
    question = "Vốn FDI đăng ký cấp mới cả năm 2093 là bao nhiêu?"
    row = "Vốn FDI đăng ký cấp mới — Quý I: 121,5 triệu USD; Quý II: 207,3 triệu USD; Cả năm 2093: 655,1 triệu USD."
    assert check(question, row).met
    assert not check(question, "Vốn FDI đăng ký cấp mới — Quý I: 121,5 triệu USD; Quý II: 207,3 triệu USD.").met
    # ... or in words ("cả năm thu hút 40 dự án") beside a part of the year.
    assert check(
        "Cả năm 2031 các KCN thu hút bao nhiêu dự án?", "Trong quý IV thu hút 9 dự án; cả năm thu hút 40 dự án."
    ).met
    # ... not an aim for the year in a half-year report.
    half = {"title": "Báo cáo sơ kết 6 tháng đầu năm 2093", "period": "6 tháng đầu năm 2093"}
    assert not check(question, "6 tháng đầu năm thu hút 19 dự án, phấn đấu cả năm đạt 40 dự án.", **half).met
    # ... also in a paragraph about part of the year.
    paragraph = f"Tính đến hết tháng 6, tình hình như sau. {row}"
    assert check(question, row, paragraph=paragraph).met


def test_a_partial_sentence_in_a_partial_paragraph_fails_a_whole_year_question():
    paragraph = "Tính đến hết tháng 6, tình hình như sau. Các KCN thu hút 45 dự án."
    assert not check("Cả năm 2031 thu hút được bao nhiêu dự án đầu tư?", SILENT, paragraph=paragraph).met


def test_a_half_year_question_is_not_answered_by_nine_months():
    question = "6 tháng đầu năm 2031 thu hút được bao nhiêu dự án đầu tư?"
    result = check(question, "Trong 9 tháng, các KCN thu hút 45 dự án.")
    assert not result.met
    assert result.failed == ("6 tháng",)
    assert check(question, "Trong 6 tháng, các KCN thu hút 45 dự án.").met


def test_the_other_half_of_the_year_does_not_answer():
    late = "6 tháng cuối năm 2031 các KCN thu hút được bao nhiêu dự án đầu tư?"
    result = check(late, "Trong 6 tháng đầu năm 2031, các KCN thu hút 45 dự án.")
    assert not result.met and result.failed == ("6 tháng cuối năm",)
    # A silent sentence in a paragraph about the other half.
    paragraph = "Kết quả 6 tháng đầu năm như sau. Các KCN thu hút 45 dự án mới."
    assert not check(late, "Các KCN thu hút 45 dự án mới.", paragraph=paragraph).met
    assert check(late, "Trong 6 tháng cuối năm 2031, các KCN thu hút 45 dự án.").met
    early = "Nửa đầu năm 2031 các KCN thu hút được bao nhiêu dự án đầu tư?"
    assert not check(early, "Kế hoạch 6 tháng cuối năm 2031: thu hút 45 dự án.").met


def test_the_plan_for_the_whole_year_is_no_whole_year_period():
    # "… bằng mấy phần trăm kế hoạch cả năm": a half-year figure set against the year's plan.
    question = "6 tháng đầu năm 2031 các KCN thu hút bao nhiêu dự án, bằng mấy phần trăm kế hoạch cả năm?"
    assert check(question, "Trong 6 tháng đầu năm 2031, các KCN thu hút 45 dự án, bằng 57,5% kế hoạch năm.").met
    # A question for the whole year still is one.
    assert not check("Cả năm 2031 thu hút bao nhiêu dự án?", "Trong 6 tháng, các KCN thu hút 45 dự án.").met


def test_months_counted_from_the_start_of_the_year_are_an_n_month_span():
    question = "9 tháng đầu năm 2031 thu hút được bao nhiêu dự án đầu tư?"
    assert check(question, "Tính từ đầu năm đến hết tháng 9, các KCN thu hút 45 dự án.").met
    assert check(question, "Từ đầu năm 2031 đến tháng 9, các KCN thu hút 45 dự án.").met
    # A running total "đến tháng 9" is a point in time: it asks for no span of months.
    assert check("Lũy kế đến tháng 9/2031 có bao nhiêu dự án?", "Các KCN có 45 dự án.", period="tháng 6/2031").met
    result = check(question, "Tính từ đầu năm đến hết tháng 6, các KCN thu hút 45 dự án.")
    assert not result.met and result.failed == ("9 tháng",)


def test_a_monthly_report_gives_the_n_month_span_only_to_a_cumulative_paragraph():
    question = "11 tháng năm 2031 thu hút được bao nhiêu dự án đầu tư?"
    cumulative = "Lũy kế từ đầu năm đến nay, các KCN thu hút 45 dự án."
    assert check(question, cumulative, period="tháng 11/2031").met
    assert not check(question, "Trong tháng, các KCN thu hút 5 dự án.", period="tháng 11/2031").met
    assert not check(question, cumulative, period="tháng 10/2031").met


def test_a_whole_year_question_is_not_answered_from_a_monthly_report():
    question = "Cả năm 2031 thu hút được bao nhiêu dự án đầu tư?"
    stock = "Lũy kế đến nay, có 713 dự án còn hiệu lực."
    assert not check(question, stock, period="tháng 4/2031").met
    assert check(question, stock, period="năm 2031").met
    assert check(question, "Đến hết năm 2031, có 713 dự án còn hiệu lực.", period="tháng 12/2031").met


def test_a_running_total_answers_a_year_to_date_question_but_not_a_whole_year_one():
    running = "Từ đầu năm đến nay, các KCN thu hút 45 dự án."
    assert check("Từ đầu năm 2031 đến tháng 8, các KCN thu hút bao nhiêu dự án?", running, period="").met
    assert not check("8 tháng đầu năm 2031 các KCN thu hút bao nhiêu dự án?", running, period="").met
    assert not check("Cả năm 2031 các KCN thu hút bao nhiêu dự án?", SILENT, period="từ đầu năm đến nay").met


def test_a_year_end_review_is_not_answered_by_the_mid_year_one():
    mid_year = "Ngày 9/7/2031, Khối tổ chức Hội nghị sơ kết 6 tháng đầu năm tại Lai Châu."
    assert not check("Hội nghị tổng kết năm 2031 của Khối tổ chức ở đâu?", mid_year).met
    assert check("Hội nghị sơ kết năm 2031 của Khối tổ chức ở đâu?", mid_year).met
    # Asked about both, a sentence about either one answers its part.
    assert check("Hội nghị sơ kết và hội nghị tổng kết năm 2031 tổ chức ở đâu?", mid_year).met


# --- zones ----------------------------------------------------------------------------


def test_a_zone_must_be_named_by_the_passage():
    question = "KCN Phước Lâm Đông có bao nhiêu lao động?"
    assert parse_question(question).zones == ("kcn phuoc lam dong",)
    assert check(question, "KCN Phước Lâm Đông có 8.500 lao động.").met
    result = check(question, "KCN Long Thạnh có 8.500 lao động.")
    assert not result.met
    assert result.failed == ("name:kcn phuoc lam dong",)


def test_a_zone_named_in_the_heading_covers_a_silent_sentence():
    result = check("KCN Phước Lâm Đông có bao nhiêu dự án?", "Toàn KCN có 85 dự án.", headings=["KCN Phước Lâm Đông"])
    assert result.met
    assert result.in_sentence_share == 0.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Tỷ lệ lấp đầy bình quân các KCN đạt 81,5%.",  # the zones' average
        "Ty le lap day binh quan cac KCN dang hoat dong dat 81,5%.",  # the same, OCR'd
        "KCN Long Thạnh có tỷ lệ lấp đầy cao nhất (81,5%).",  # another zone
    ],
)
def test_a_zone_named_around_a_sentence_about_other_zones_is_not_met(sentence):
    paragraph = f"Tỉnh thành lập KCN Phước Lâm Đông rộng 350 ha. {sentence}"
    result = check("Tỷ lệ lấp đầy của KCN Phước Lâm Đông là bao nhiêu?", sentence, paragraph)
    assert result.failed == ("name:kcn phuoc lam dong",)


@pytest.mark.parametrize(
    "sentence",
    ["Tỷ lệ lấp đầy đạt 81,5%.", "Tỷ lệ lấp đầy các KCN của tỉnh đạt 81,5%.", "Các KCN Đồng Nai lấp đầy 81,5%."],
)
def test_a_zone_named_around_a_silent_sentence_is_met(sentence):
    paragraph = f"KCN Phước Lâm Đông rộng 350 ha. {sentence}"
    assert check("Tỷ lệ lấp đầy của KCN Phước Lâm Đông là bao nhiêu?", sentence, paragraph).met


# --- comparisons ----------------------------------------------------------------------


def test_one_part_of_a_comparison_is_enough_for_a_quote():
    question = "So sánh số dự án năm 2030 và năm 2031?"
    assert parse_question(question).comparison
    result = check(question, "Năm 2030, các KCN thu hút 40 dự án.", **BARE)
    assert result.met
    assert result.satisfied == {"năm 2030"}
    assert not check(question, "Năm 2029, các KCN thu hút 40 dự án.", **BARE).met


def test_a_comparison_part_stated_for_one_year_does_not_satisfy_the_other():
    result = check("So sánh số dự án năm 2030 và năm 2031?", "Năm 2030, các KCN thu hút 40 dự án.")
    assert result.met
    assert result.satisfied == {"năm 2030"}


# --- what a report keeps apart (``app.answering.distinctions``) ------------------------------

FDI_ASKED = "Năm 2031 các KCN thu hút bao nhiêu vốn FDI?"


def test_a_sentence_about_domestic_capital_does_not_answer_a_question_about_fdi():
    domestic = check(FDI_ASKED, "Các KCN thu hút 4.321 tỷ đồng vốn đầu tư trong nước (DDI).")
    assert not domestic.met
    assert domestic.failed == ("vốn đầu tư nước ngoài (FDI)",)
    assert check(FDI_ASKED, "Các KCN thu hút 436 triệu USD vốn đầu tư nước ngoài.").met
    # A sentence naming both sides, or neither, may still be the answer.
    assert check(FDI_ASKED, "Vốn FDI đạt 436 triệu USD, vốn DDI đạt 4.321 tỷ đồng.").met
    assert check(FDI_ASKED, "Các KCN thu hút 436 triệu USD.").met


def test_a_silent_sentence_takes_the_distinction_from_its_heading():
    under_domestic = check(FDI_ASKED, "Các KCN thu hút 4.321 tỷ đồng.", headings=["2. Thu hút đầu tư trong nước"])
    assert not under_domestic.met
    assert check(FDI_ASKED, "Các KCN thu hút 436 triệu USD.", headings=["1. Thu hút FDI"]).met


def test_new_projects_are_not_standing_ones_and_exports_are_not_imports():
    assert not check("Năm 2031 cấp mới bao nhiêu dự án?", "Có 321 dự án còn hiệu lực.").met
    assert not check("Năm 2031 có bao nhiêu dự án còn hiệu lực?", "Năm 2031 cấp mới 21 dự án.").met
    assert not check("Kim ngạch xuất khẩu năm 2031 đạt bao nhiêu?", "Nhập khẩu đạt 1,23 tỷ USD.").met
    # "xuất nhập khẩu" names both sides: it neither asks for one nor rules one out.
    assert check("Kim ngạch xuất khẩu năm 2031 đạt bao nhiêu?", "Xuất nhập khẩu đạt 2,34 tỷ USD.").met
    assert check("Kim ngạch xuất nhập khẩu năm 2031 đạt bao nhiêu?", "Nhập khẩu đạt 1,23 tỷ USD.").met


def test_an_export_question_is_not_answered_by_the_industrial_output_sentence_beside_it():
    paragraph = (
        "Giá trị sản xuất công nghiệp năm 2031 là 8.765,4 tỷ đồng. "
        "Tổng kim ngạch xuất khẩu năm 2031 là 432,1 triệu USD."
    )
    question = "Giá trị xuất khẩu của các KCN năm 2031 đạt bao nhiêu?"
    assert not check(question, "Giá trị sản xuất công nghiệp năm 2031 là 8.765,4 tỷ đồng.", paragraph=paragraph).met
    assert check(question, "Tổng kim ngạch xuất khẩu năm 2031 là 432,1 triệu USD.", paragraph=paragraph).met
    assert not check("Giá trị sản xuất công nghiệp năm 2031 đạt bao nhiêu?", "Xuất khẩu đạt 432,1 triệu USD.").met


def test_an_award_the_question_names_must_be_named_by_the_sentence_its_paragraph_or_headings():
    question = "Đơn vị nào đạt giải Nhất hội thao năm 2031?"
    sports_day = "Hội thao năm 2031 có 12 đoàn tham gia."
    assert not check(question, sports_day).met
    assert check(question, "Đoàn Kim Sơn đạt giải Nhất.").met
    named_before = "Giải Nhất thuộc về hai đoàn. Đó là đoàn Kim Sơn và đoàn Hòa Bình."
    assert check(question, "Đó là đoàn Kim Sơn và đoàn Hòa Bình.", paragraph=named_before).met
    # A sentence naming another award only is about that one, whatever its paragraph named.
    listed = "Giải Nhất: đoàn Kim Sơn. Giải Nhì: đoàn Hòa Bình."
    assert not check(question, "Giải Nhì: đoàn Hòa Bình.", paragraph=listed).met
    bang_khen = "Chủ tịch UBND tỉnh trao Bằng khen cho 15 doanh nghiệp. Ban Quản lý trao Giấy khen cho 22 doanh nghiệp."
    giay_khen = "Ban Quản lý trao Giấy khen cho 22 doanh nghiệp."
    assert not check("Bao nhiêu doanh nghiệp được tặng Bằng khen?", giay_khen, paragraph=bang_khen).met
    # Another award asked with it, or a heading naming the one asked, still lets it answer.
    overall = "Kết quả toàn đoàn như sau. Giải Nhì thuộc về đoàn Tân Lập."
    assert check("Đoàn nào đạt giải Nhì toàn đoàn?", "Giải Nhì thuộc về đoàn Tân Lập.", paragraph=overall).met
    past = "Ban Quản lý các KCN tỉnh Kim Sơn, đã 3 năm liền được tặng Bằng khen."
    framed = {"headings": ["III. Đề nghị tặng Cờ thi đua năm 2061"]}
    assert check("Đơn vị nào được đề nghị tặng Cờ thi đua năm 2061?", past, **framed).met
    assert check(
        "Đơn vị nào được tặng Cờ thi đua năm 2031?",
        "Ban Quản lý các KCN tỉnh Kim Sơn.",
        headings=["Đề nghị tặng Cờ thi đua"],
    ).met


def test_an_award_named_after_the_sentence_in_its_paragraph_is_not_its_own():
    # A photo caption glued to the paragraph it heads, then the sentence naming the award.
    question = "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2031?"
    caption = "Tặng hoa chúc mừng Khối trưởng năm 2032 Tại Hội nghị, Khối đã đánh giá thi đua năm 2031."
    award = "Hội nghị nhất trí đề nghị tặng Cờ thi đua cho Ban Quản lý các KCN tỉnh Kim Sơn."
    paragraph = f"{caption} {award}"
    assert not check(question, caption, paragraph=paragraph, **BARE).met
    assert check(question, award, paragraph=paragraph, **BARE).met
    # named before it, the award is what the sentence goes on about ("Đó là …")
    named_first = "Năm 2031, Bộ tặng Cờ thi đua cho hai đơn vị. Đó là Ban Quản lý các KCN tỉnh Kim Sơn và Hà Nam."
    assert check(question, "Đó là Ban Quản lý các KCN tỉnh Kim Sơn và Hà Nam.", paragraph=named_first, **BARE).met


def test_the_workforce_at_work_and_the_new_jobs_made_are_kept_apart():
    target = "Năm 2032, các KCN phấn đấu tạo việc làm mới cho 6.000 lao động."
    total = "Đến cuối năm 2032, tổng số lao động đang làm việc tại các KCN là 58.742 người."
    assert not check("Tổng số lao động trong các KCN năm 2032 là bao nhiêu?", target).met
    assert check("Tổng số lao động trong các KCN năm 2032 là bao nhiêu?", total).met
    assert not check("Năm 2032 các KCN tạo việc làm mới cho bao nhiêu lao động?", total).met
    assert check("Năm 2032 các KCN tạo việc làm mới cho bao nhiêu lao động?", target).met


def test_an_award_is_named_in_either_spelling_of_i_and_y():
    question = "Có bao nhiêu cá nhân đăng ký Chiến sĩ thi đua cơ sở năm 2031?"
    assert check(question, "Có 07 cá nhân đăng ký Chiến sỹ thi đua cấp cơ sở năm 2031.").met
    assert check("Ai được tặng Kỷ niệm chương năm 2031?", "Ông Trần Văn Tân được tặng Kỉ niệm chương.").met


def test_a_comparison_of_two_provinces_takes_a_quote_for_each_though_a_zone_names_one_of_them():
    question = "So sánh tỷ lệ lấp đầy KCN của Kim Sơn (KKT Đông Hải) với các KCN của Hà Nam năm 2031."
    other_part = check(question, "Các KCN tỉnh Hà Nam có tỷ lệ lấp đầy 61,7%.", doc_places="province:ha nam")
    assert other_part.met
    assert "province:ha nam" in other_part.satisfied


LATER = {"doc_years": "2035", "period": "năm 2035"}


def test_the_year_compared_with_answers_for_its_own_figure():
    # "… so với cùng kỳ năm 2034 (3.665 triệu USD)": the sentence states 2034's figure.
    sentence = (
        "Doanh thu 6 tháng đầu năm 2035 đạt 4.127 triệu USD, tăng 12,6% so với cùng kỳ năm 2034 (3.665 triệu USD)."
    )
    asked_2034 = "Doanh thu 6 tháng đầu năm 2034 là bao nhiêu?"
    result = check(asked_2034, sentence, **LATER)
    assert result.met and result.conflicts == ()
    assert check(
        "Tỷ lệ lấp đầy cùng kỳ năm 2034 là bao nhiêu?", "Tỷ lệ lấp đầy đạt 62,6% (cùng kỳ năm 2034 đạt 58,3%).", **LATER
    ).met
    assert check(
        ASKED_2031.replace("2031", "2034"), "So với cùng kỳ năm 2034 (cấp mới 11 dự án), số dự án tăng 27%.", **LATER
    ).met
    # Without its figure, the year compared with is still not answered.
    assert not check(asked_2034, "Doanh thu đạt 4.127 triệu USD, tăng 12,6% so với cùng kỳ năm 2034.", **LATER).met


def test_a_year_compared_with_after_a_few_words_is_not_the_year_the_sentence_reports():
    plan = {"title": "Kế hoạch phát triển các KCN năm 2032", "doc_years": "2032", "period": "năm 2032"}
    targets = {**plan, "headings": ["II. Mục tiêu, chỉ tiêu năm 2032"]}
    sentence = "Tổng doanh thu đạt 16.200 triệu USD, tăng 14,3% so với ước thực hiện năm 2031."
    assert check("Chỉ tiêu doanh thu năm 2032 là bao nhiêu?", sentence, **targets).met
    accentless = "Tong doanh thu dat 16.200 trieu USD, tang 14,3% so voi uoc thuc hien nam 2031."
    assert check("chi tieu doanh thu nam 2032 la bao nhieu", accentless, **targets).met


def test_the_plan_for_the_whole_year_answers_a_question_for_that_plan():
    half_year = {"title": "Báo cáo sơ kết 6 tháng đầu năm 2031", "period": "6 tháng đầu năm 2031"}
    question = "Kế hoạch thu hút đầu tư cả năm 2031 là bao nhiêu dự án?"
    sentence = "Kế hoạch cả năm 2031 là thu hút 25 dự án mới; như vậy 6 tháng đầu năm đạt 56% kế hoạch."
    assert check(question, sentence, **half_year).met
    # "đến 31/12" is the end of the year, not part of it.
    assert check(
        "Cả năm 2031 doanh thu phấn đấu đạt bao nhiêu?", "Phấn đấu đến 31/12/2031 doanh thu cả năm đạt 8.740 triệu USD."
    ).met
    # A question for the year's result is still not answered by the half year's.
    assert not check("Cả năm 2031 thu hút bao nhiêu dự án?", sentence, **half_year).met


def test_a_heading_about_the_other_half_of_the_year_says_what_its_silent_sentences_are_about():
    question = "Kim ngạch xuất khẩu 6 tháng đầu năm 2031 đạt bao nhiêu?"
    sentence = "Phấn đấu đến 31/12/2031 kim ngạch xuất khẩu đạt 6.800 triệu USD."
    late = {"headings": ["IV. Nhiệm vụ trọng tâm 6 tháng cuối năm 2031"]}
    result = check(question, sentence, **late)
    assert not result.met and result.failed == ("6 tháng đầu năm",)
    assert check(question, "Kim ngạch xuất khẩu đạt 3.215 triệu USD.", headings=["3. Kết quả 6 tháng đầu năm"]).met


def test_under_a_heading_naming_the_half_asked_a_sentence_also_naming_the_year_is_the_halfs():
    question = "Trong 6 tháng cuối năm 2031, Ban Quản lý phấn đấu thu hút thêm bao nhiêu dự án mới?"
    sentence = "Phấn đấu thu hút thêm tối thiểu 12 dự án mới, đưa tổng số dự án cấp mới cả năm 2031 đạt 30 dự án."
    assert check(question, sentence, headings=["III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2031"]).met
    # Under a heading naming the other half, or none, the year's sentence is not the half's.
    assert not check(question, sentence, headings=["II. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2031"]).met
    assert not check(question, sentence, headings=["III. Phương hướng, nhiệm vụ"]).met


def test_a_sentence_about_the_whole_year_does_not_answer_for_some_months():
    half_year = {"title": "Báo cáo sơ kết 6 tháng đầu năm 2031", "period": "6 tháng đầu năm 2031"}
    question = "Kim ngạch xuất khẩu 6 tháng năm 2031 đạt bao nhiêu?"
    assert not check(question, "Kim ngạch xuất khẩu cả năm đạt 6.800 triệu USD.", **half_year).met
    assert check(question, "Kim ngạch xuất khẩu đạt 3.215 triệu USD.", **half_year).met


def test_a_document_number_asked_is_met_by_the_document_that_bears_it():
    question = "Quyết định số 77/QĐ-UBND tặng Bằng khen cho bao nhiêu tập thể?"
    sentence = "Điều 1. Tặng Bằng khen cho 03 tập thể đã có thành tích xuất sắc."
    numbered = {"title": "QUYẾT ĐỊNH số 77/QĐ-UBND — Về việc tặng Bằng khen"}
    assert check(question, sentence, **numbered).met
    assert check(question.replace("QĐ", "QD"), sentence, **numbered).met  # typed without accents
    result = check(question, sentence, title="QUYẾT ĐỊNH số 45/QĐ-UBND — Về việc tặng Bằng khen")
    assert not result.met and result.failed == ("77/QĐ-UBND",)
    # A preamble naming another decision is not the one asked.
    assert not check(question, "Căn cứ Quyết định số 45/QĐ-UBND ngày 10/12/2031 của Ủy ban nhân dân tỉnh;").met


def test_a_sentence_naming_another_document_of_the_kind_asked_is_about_that_one():
    # In the decision asked, its preamble's "Căn cứ Quyết định số 45/…" gives that decision's date.
    question = "Quyết định số 77/QĐ-UBND ban hành ngày nào?"
    numbered = {"title": "QUYẾT ĐỊNH số 77/QĐ-UBND — Về việc tặng Bằng khen"}
    preamble = "Căn cứ Quyết định số 45/2031/QĐ-UBND ngày 10/12/2031 của Ủy ban nhân dân tỉnh;"
    result = check(question, preamble, **numbered)
    assert not result.met and result.failed == ("77/QĐ-UBND",)
    # A document of another kind named in it leaves the sentence to the decision it is in.
    assert check(question, "Xét đề nghị tại Tờ trình số 27/TTr-BQL ngày 22/01/2032.", **numbered).met
    assert check(question, "Số: 77/QĐ-UBND, Kim Sơn, ngày 14 tháng 02 năm 2032", **numbered).met


def test_an_investor_country_asked_is_named_by_the_sentence_or_its_paragraph():
    question = "Vốn đăng ký FDI của Trung Quốc vào KKT năm 2031 là bao nhiêu?"
    others = "Năm 2031, Hàn Quốc có 5 dự án, vốn đăng ký 241 triệu USD; Nhật Bản 3 dự án."
    result = check(question, others)
    assert not result.met and result.failed == ("nhà đầu tư Trung Quốc",)
    # A total of foreign capital is no country's: its paragraph must name the one asked.
    total = "Năm 2031, vốn FDI đăng ký đạt 412 triệu USD."
    assert not check(question, total).met
    assert check(question, total, paragraph=total + " Trung Quốc dẫn đầu với 187 triệu USD.").met
    # Two countries compared pin neither.
    assert check("Nhà đầu tư Hàn Quốc hay Trung Quốc có nhiều dự án FDI năm 2031 hơn?", others).met


def test_who_awards_is_kept_apart():
    # "Cờ thi đua của Chính phủ" is not the Ministry's, nor the province's.
    question = "Đơn vị nào được đề nghị tặng Cờ thi đua của Chính phủ năm 2031?"
    ministry = "Hội nghị đề nghị Bộ trưởng Bộ Kế hoạch và Đầu tư tặng Cờ thi đua năm 2031 cho Ban Quản lý KKT."
    result = check(question, ministry)
    assert not result.met and result.failed == ("của Chính phủ",)
    assert check(question, "Ban Quản lý KKT được đề nghị Thủ tướng Chính phủ tặng Cờ thi đua năm 2031.").met
    # The zones' ministry since 2025 awards as the Ministry.
    finance = "Đơn vị nào được đề nghị tặng Cờ thi đua của Bộ Tài chính năm 2031?"
    assert not check(finance, "Ban Quản lý KKT được đề nghị Thủ tướng Chính phủ tặng Cờ thi đua năm 2031.").met
    # A question naming no one who awards pins nothing.
    assert check("Đơn vị nào được đề nghị tặng Cờ thi đua năm 2031?", ministry).met


def test_an_indicator_of_a_table_named_chi_tieu_is_no_plan_asked():
    # "Ghi chú của chỉ tiêu nộp ngân sách": a row of a table of results, not a target.
    results = {**BARE, "headings": ["Bảng 1. Kết quả thực hiện giai đoạn 2031 - 2033"]}
    row = "Nộp ngân sách nhà nước — Năm 2031: 812 tỷ đồng; Năm 2032: 904 tỷ đồng; Ghi chú: Tăng đều."
    assert check("Ghi chú của chỉ tiêu nộp ngân sách nhà nước là gì?", row, **results).met
    assert not check("Chỉ tiêu nộp ngân sách nhà nước là bao nhiêu?", row, **results).met


def test_a_bloc_meeting_of_another_kind_is_not_the_one_asked():
    question = "Hội nghị tổng kết thi đua năm 2082 của Khối tổ chức ở đâu?"
    pledges = "Ban Quản lý các KCN tỉnh Kim Sơn đăng cai Hội nghị ký kết giao ước thi đua năm 2082 tại thành phố Huế."
    result = check(question, pledges)
    assert not result.met and result.failed == ("hội nghị tổng kết",)
    # A year-end review that also signs the pledges is both; a sentence naming none may be either.
    both = "Hội nghị tổng kết thi đua năm 2082 và ký kết giao ước năm 2083 tổ chức tại thành phố Huế."
    assert check(question, both).met
    assert check(question, "Năm 2082, Hội nghị của Khối tổ chức tại thành phố Huế.").met


def test_the_province_the_one_asked_became_part_of_is_said():
    # A report of 2081 on Phú Thọ answers for the former Vĩnh Phúc with the whole new province's figure.
    later = {**BARE, "doc_years": "2081"}
    result = check(
        "Năm 2081 các KCN tỉnh Vĩnh Phúc thu hút bao nhiêu dự án?", "Các KCN tỉnh Phú Thọ thu hút 67 dự án.", **later
    )
    assert result.met and result.merged_into == (("vinh phuc", "phu tho"),)


def test_a_province_merged_into_the_one_asked_is_said():
    # A report of 2031 on Long An answers for Tây Ninh, which took it in in 2025: the check says so.
    result = check("Năm 2031 các KCN tỉnh Tây Ninh thu hút bao nhiêu dự án?", "Các KCN tỉnh Long An thu hút 45 dự án.")
    assert result.met and result.merged_into == (("tay ninh", "long an"),)
    assert (
        check(
            "Năm 2031 các KCN tỉnh Long An thu hút bao nhiêu dự án?", "Các KCN tỉnh Long An thu hút 45 dự án."
        ).merged_into
        == ()
    )
    # A former unit asked for, met by the new one, is said too: the figure is the new one's.
    merged_city = check(
        "Năm 2031 các KCN tỉnh Long An thu hút bao nhiêu dự án?", "Các KCN tỉnh Tây Ninh thu hút 45 dự án."
    )
    assert merged_city.merged_into == (("long an", "tay ninh"),)


def test_the_nearest_heading_naming_a_plan_or_a_result_says_which_a_silent_sentence_is():
    title = "Báo cáo tổng kết năm 2034 và phương hướng, nhiệm vụ năm 2035"
    plan = {"title": title, "headings": ["V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2035", "1. Các chỉ tiêu chủ yếu:"]}
    target = "Kim ngạch xuất khẩu 9.500 triệu USD."
    assert not check("Kim ngạch xuất khẩu thực tế năm 2035 đạt bao nhiêu?", target, **plan).met
    assert check("Chỉ tiêu kim ngạch xuất khẩu năm 2035 là bao nhiêu?", target, **plan).met
    task = {"title": title, "headings": ["II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2035"]}
    new_zone = "Trình UBND tỉnh thành lập Khu công nghiệp Tân Lập với diện tích 420 ha."
    assert check("6 tháng cuối năm 2035 tỉnh dự kiến thành lập KCN mới nào?", new_zone, **task).met
    # A title's "… và phương hướng" names its last part, not the whole report; and a sentence
    # that names its side keeps it, whatever its section.
    results = {"title": title, "headings": ["I. TÌNH HÌNH HOẠT ĐỘNG CÁC KCN NĂM 2034"]}
    assert check("Kim ngạch xuất khẩu năm 2034 đạt bao nhiêu?", "Kim ngạch xuất khẩu 9.200 triệu USD.", **results).met
    done = {"title": title, "headings": ["I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2034"]}
    assert check("Kế hoạch vốn FDI năm 2034 là bao nhiêu?", "Vốn FDI kế hoạch đề ra là 500 triệu USD.", **done).met


def test_a_heading_of_key_indicators_names_no_side_so_the_one_above_says():
    # "Các chỉ tiêu chủ yếu" heads a table of results as well as one of targets.
    row = "Doanh thu của doanh nghiệp — 2031: 5.842 triệu USD; 2032: 6.917 triệu USD; 2033: 6.120 triệu USD."
    table = "Bảng 1. Các chỉ tiêu chủ yếu của các KCN giai đoạn 2031–2035"
    results = {"headings": ["II. KẾT QUẢ GIAI ĐOẠN 2031–2035", "1. Kết quả thực hiện qua các năm", table]}
    assert check("Doanh thu của doanh nghiệp KCN năm 2032 đạt bao nhiêu?", row, doc_years="2035,2031", **results).met
    targets = {"headings": ["III. PHƯƠNG HƯỚNG GIAI ĐOẠN 2036–2040", table]}
    assert not check(
        "Doanh thu của doanh nghiệp KCN năm 2032 đạt bao nhiêu?", row, doc_years="2035,2031", **targets
    ).met


def test_key_indicators_name_no_side_in_a_sentence_either_and_a_long_range_is_two_years():
    plan = {"headings": ["V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2035"]}
    target = "Một số chỉ tiêu chủ yếu năm 2035: doanh thu 9.100 triệu USD."
    assert not check("Doanh thu năm 2035 đạt bao nhiêu?", target, **plan).met
    # A span of two years is met by a sentence giving both; one of decades is its two years.
    both = "Năm 2034 doanh thu đạt 8.240 triệu USD, năm 2035 đạt 9.010 triệu USD."
    assert check("Doanh thu năm 2034 - 2035 là bao nhiêu?", both).met
    frame = parse_question("Từ năm 2031 đến năm 2060 tỉnh phát triển bao nhiêu KCN?")
    assert (frame.spans, frame.years) == ((), {2031, 2060})


def test_a_year_s_plan_does_not_answer_what_was_done_that_year_nor_the_reverse():
    done = "Giá trị xuất khẩu thực hiện năm 2033 đạt bao nhiêu?"
    plan = "Giá trị xuất khẩu — Kế hoạch 2033: 11.800 triệu USD."
    assert not check(done, plan).met
    assert check(done, "Năm 2033 giá trị xuất khẩu đạt 11.034 triệu USD, bằng 102% kế hoạch.").met
    target = "Chỉ tiêu xuất khẩu năm 2033 là bao nhiêu?"
    assert check(target, plan).met
    assert check(target, "Năm 2033 phấn đấu xuất khẩu đạt 12 tỷ USD.").met  # "phấn đấu đạt": a target
    assert not check(target, "Năm 2033 giá trị xuất khẩu ước đạt 11.034 triệu USD.").met
    # "Bộ Kế hoạch và Đầu tư" is a ministry, no plan.
    assert check(
        "Bộ Kế hoạch và Đầu tư tặng Cờ thi đua năm 2031 cho đơn vị nào?", "Bộ tặng Cờ thi đua cho Kim Sơn."
    ).met


def test_a_date_asked_is_the_answer_not_the_year_the_sentence_is_about():
    question = "Hội nghị tổng kết năm 2035 của Khối họp ngày nào?"
    review = {"title": "BIÊN BẢN Hội nghị tổng kết công tác thi đua năm 2035", "doc_years": "2035,2036"}
    when = "Thời gian: Bắt đầu lúc 08 giờ 30 phút, ngày 09 tháng 01 năm 2036."
    assert check(question, when, headings=["I. THỜI GIAN, ĐỊA ĐIỂM"], **review).met
    # Not for a question on a figure, nor a year named outside the date.
    assert not check("Năm 2035 Khối có bao nhiêu thành viên?", "Ngày 09/01/2036, Khối có 6 thành viên.", **review).met
    assert not check(question, "Hội nghị tổng kết năm 2036 họp ngày 10/01/2037.", **review).met


def test_a_document_number_is_matched_by_its_number_and_issuer_s_code():
    from app.answering.constraints import _names_document, _number_key

    # A scan's doubled letter in the kind's code ("QĐĐ") is the same decision.
    assert _names_document(_number_key("418/QĐ-BKHĐT"), "Số: 418/QĐĐ-BKHĐT Hà Nội")
    assert _names_document(_number_key("418/QĐ"), "Số: 418/QĐ-BKHĐT")
    assert not _names_document(_number_key("418/QĐ"), "Số: 4180/QĐ-BKHĐT")
    assert not _names_document(_number_key("41/QĐ-UBND"), "Số: 41/QĐ-BKHĐT")


REVENUE_ASKED = "Năm 2031 doanh thu của các doanh nghiệp trong các KCN là bao nhiêu?"


def test_a_measure_asked_alone_is_not_answered_by_the_figures_of_other_measures():
    others = check(REVENUE_ASKED, "Các KCN thu hút 34 dự án, vốn đăng ký 2.905 tỷ đồng; nộp ngân sách 742 tỷ đồng.")
    assert not others.met and others.failed == ("doanh thu",)
    assert check(REVENUE_ASKED, "Doanh thu đạt 14.286 tỷ đồng; nộp ngân sách 742 tỷ đồng.").met
    # Silent on any measure: its heading may say which one it gives.
    assert check(REVENUE_ASKED, "Các doanh nghiệp đạt 14.286 tỷ đồng.", headings=["2. Doanh thu"]).met
    assert not check(REVENUE_ASKED, "Các doanh nghiệp đạt 742 tỷ đồng.", headings=["3. Nộp ngân sách"]).met


@pytest.mark.parametrize(
    "question",
    [
        # Two measures asked, or several things: a part each, no measure pins a sentence.
        "Năm 2031 doanh thu và vốn đăng ký của các KCN là bao nhiêu?",
        "Năm 2031 các KCN thu hút bao nhiêu dự án và tạo việc làm cho bao nhiêu lao động?",
        # Capital is named in passing by most questions: it pins nothing.
        "Năm 2031 các KCN thu hút bao nhiêu vốn đăng ký?",
    ],
)
def test_a_measure_pins_a_sentence_only_when_asked_alone(question: str):
    assert check(question, "Các KCN thu hút 34 dự án, nộp ngân sách 742 tỷ đồng; lao động 8.506 người.").met


def test_a_zone_named_in_capitals_is_met_by_its_whole_name_only():
    question = "Tỷ lệ lấp đầy của KCN Tân Lập Nam là bao nhiêu?"
    assert check(question, "KCN Tân Lập Nam có tỷ lệ lấp đầy 64,2%.").met
    assert not check(question, "KCN Tân Lập Bắc có tỷ lệ lấp đầy 77,1%.").met  # a sibling zone
    # "Long Giao Bắc" is one letter in five from "Long Giao Nam": damage only OCR is allowed.
    assert not check("Tỷ lệ lấp đầy của KCN Long Giao Nam là bao nhiêu?", "KCN Long Giao Bắc đạt 77,1%.").met
    # A zone's number is written either way.
    assert check("KCN Kim Sơn III có bao nhiêu dự án?", "KCN Kim Sơn 3 có 41 dự án còn hiệu lực.").met
    assert not check("KCN Kim Sơn III có bao nhiêu dự án?", "KCN Kim Sơn 2 có 41 dự án còn hiệu lực.").met
    assert check("KCN Kim Sơn 3 có bao nhiêu dự án?", "KCN Kim Sơn III có 41 dự án còn hiệu lực.").met
    # Every word capitalised, capitals end no name: its first two words decide.
    assert check("KCN Tân Lập Có Bao Nhiêu Dự Án?", "KCN Tân Lập có 41 dự án còn hiệu lực.").met
    # Typed in lower case, the name may run on past its end: its first two words decide.
    assert check("ty le lap day kcn tan lap nam la bao nhieu", "KCN Tân Lập Bắc có tỷ lệ lấp đầy 77,1%.").met
    # ... but a direction after them tells a sibling zone apart.
    assert not check("ty le lap day kcn tan lap dong", "KCN Tân Lập Tây có tỷ lệ lấp đầy 77,1%.").met
    assert check("ty le lap day kcn tan lap dong", "KCN Tân Lập Đông có tỷ lệ lấp đầy 77,1%.").met
    # … and a one-word name's number, typed as a digit, is met by its Roman numeral too.
    assert check("kcn lapha 2 co bao nhieu du an", "KCN Lapha II có 14 dự án còn hiệu lực.").met
    assert not check("kcn lapha 2 co bao nhieu du an", "KCN Lapha III có 14 dự án còn hiệu lực.").met


def test_a_figure_beside_the_year_s_budget_is_of_the_report_s_own_half_year():
    # "dự toán năm" is the year's budget the figure is measured against, not a whole year's
    # figure ("toàn năm"): the half-year report's line answered no half-year question.
    half = {"title": "Báo cáo 6 tháng đầu năm 2038", "period": "6 tháng đầu năm 2038", "doc_years": "2038"}
    question = "Nộp ngân sách 6 tháng đầu năm 2038 của các KCN là bao nhiêu?"
    for budget in ("dự toán năm (905 tỷ đồng)", "dự toán cả năm", "dự toán toàn năm"):
        assert check(question, f"Nộp ngân sách: 417 tỷ đồng — bằng 46,1% {budget}", **half).met
    assert not check(question, "Nộp ngân sách toàn năm đạt 905 tỷ đồng.", **half).met


def test_a_running_total_to_the_end_of_march_is_the_first_quarter_s():
    # A footnote "tính đến hết ngày 31 tháng 3" beside the figure read as a running total of
    # some other span: the quarter report's own figure was refused for "quý I".
    quarter = {"title": "Báo cáo quý I năm 2038", "period": "quý I năm 2038", "doc_years": "2038"}
    said = "Nộp ngân sách 253 tỷ đồng (chú thích: tính đến hết ngày 31 tháng 3 năm 2038)."
    assert check("Nộp ngân sách quý I năm 2038 được bao nhiêu?", said, **quarter).met
    assert not check("Nộp ngân sách quý II năm 2038 được bao nhiêu?", said, **quarter).met


def test_a_silent_figure_is_of_the_report_s_own_quarter_not_every_quarter_its_title_names():
    report = {
        "title": "Báo cáo tình hình quý I năm 2038 và nhiệm vụ trọng tâm quý II năm 2038",
        "period": "quý I năm 2038",
        "doc_years": "2038",
        "headings": ["I. Kết quả thu hút đầu tư"],
    }
    said = "Tổng vốn đăng ký cấp mới của các dự án FDI đạt 412,6 triệu USD."
    assert check("Quý I năm 2038 vốn FDI cấp mới bao nhiêu?", said, **report).met
    assert not check("Quý II năm 2038 vốn FDI cấp mới bao nhiêu?", said, **report).met


def test_a_zone_a_figure_leaves_out_is_not_what_it_is_about():
    said = "Tỷ lệ lấp đầy bình quân đạt 67,4% (chú thích: chưa tính KCN Tân Lập đang giải phóng mặt bằng)."
    assert not check("Tỷ lệ lấp đầy KCN Tân Lập là bao nhiêu?", said, **BARE).met
    assert check("Tỷ lệ lấp đầy KCN Tân Lập là bao nhiêu?", "Tỷ lệ lấp đầy KCN Tân Lập đạt 67,4%.", **BARE).met


def test_a_running_total_since_founding_and_a_deduction_are_neither_a_quarter_nor_an_exclusion():
    quarter = {"title": "Báo cáo quý I năm 2038", "period": "quý I năm 2038", "doc_years": "2038"}
    assert not check("Quý I năm 2038 thu hút bao nhiêu dự án?", "Lũy kế đến hết 31/3/2038 có 500 dự án.", **quarter).met
    # A running total in another clause leaves the quarter its sentence names.
    both = "Trong 3 tháng đầu năm 2038, các KCN thu hút 7 dự án mới; lũy kế đến nay có 120 dự án còn hiệu lực."
    assert check("Quý I năm 2038 thu hút bao nhiêu dự án mới?", both, **quarter).met
    deducted = "Các doanh nghiệp được khấu trừ thuế tại KCN Tân Lập đạt 40%."
    assert check("Tỷ lệ doanh nghiệp KCN Tân Lập được khấu trừ thuế?", deducted, **BARE).met


def test_a_silent_sentence_is_of_the_year_its_paragraph_last_named_before_it():
    # A caption glued before the paragraph named the next year's leaders: the awards proposed
    # for 2038 answered "… năm 2039?".
    paragraph = (
        "Tặng hoa chúc mừng Khối trưởng năm 2039 Tại Hội nghị, Khối đánh giá thành tích năm 2038 để "
        "bình xét danh hiệu thi đua năm 2038. Khối thống nhất đề nghị tặng Cờ thi đua cho KCN Tân Lập."
    )
    said = "Khối thống nhất đề nghị tặng Cờ thi đua cho KCN Tân Lập."
    assert check("Đơn vị nào được đề nghị tặng Cờ thi đua năm 2038?", said, paragraph, **BARE).met
    assert not check("Đơn vị nào được đề nghị tặng Cờ thi đua năm 2039?", said, paragraph, **BARE).met
    # A horizon the sentence before looks to is no year it reports on.
    ahead = "Tỉnh phát triển các KCN giai đoạn 2036 - 2040, tầm nhìn đến năm 2050. Đến nay, tỷ lệ lấp đầy trên 56%."
    assert check("Tỷ lệ lấp đầy năm 2038 là bao nhiêu?", "Đến nay, tỷ lệ lấp đầy trên 56%.", ahead, **BARE).met


@pytest.mark.parametrize("compared", ["bằng 120% năm 2037", "gấp 1,2 lần năm 2037", "cao hơn năm 2037"])
def test_a_silent_sentence_after_a_comparison_is_of_the_year_compared_from(compared: str):
    # "… đạt 240 triệu USD, bằng 120% năm 2037. Trong đó, vốn cấp mới đạt 200 triệu USD." was
    # read as 2037's figure: only "so với", "tăng", "giảm" were known as comparing.
    said = "Trong đó, vốn cấp mới đạt 200 triệu USD."
    paragraph = f"Năm 2038, vốn FDI đạt 240 triệu USD, {compared}. {said}"
    assert check("Năm 2038 vốn cấp mới đạt bao nhiêu?", said, paragraph, **BARE).met
    assert not check("Năm 2037 vốn cấp mới đạt bao nhiêu?", said, paragraph, **BARE).met


def test_a_superlative_over_a_bloc_s_table_is_met_by_a_member_s_row():
    # "Đơn vị nào xếp hạng cuối, được bao nhiêu điểm?" asks for a member's row, not the bloc's
    # own figure (which a row about one province is not).
    row = "Ban Quản lý Khu kinh tế tỉnh Kon Tum — Điểm Khối chấm: 86,5; Xếp hạng: 7."
    bloc = {"doc_places": "region:nam trung bo,region:tay nguyen", "doc_years": "2030", "period": "năm 2030"}
    asked = "Trong khối Nam Trung Bộ và Tây Nguyên, đơn vị nào xếp hạng cuối, được bao nhiêu điểm?"
    assert check(asked, row, **bloc).met
    assert not check("Tổng điểm của khối Nam Trung Bộ và Tây Nguyên là bao nhiêu?", row, **bloc).met


def test_a_footnote_s_year_is_not_the_year_its_sentence_reports():
    # A Word or PDF footnote is put back in brackets where it is referenced; its year made the
    # 2038 figure a 2037 one (asked for 2038: refused; for 2037: answered).
    said = "Các KCN thu hút 14 dự án FDI (chú thích: không gồm 03 dự án chấm dứt hoạt động trong năm 2037)."
    report = {**BARE, "doc_years": "2038", "period": "năm 2038"}
    assert check("Năm 2038 các KCN thu hút bao nhiêu dự án FDI?", said, **report).met
    assert not check("Năm 2037 các KCN thu hút bao nhiêu dự án FDI?", said, **report).met


def test_what_a_sentence_opens_by_leaving_out_is_not_what_it_is_about_and_the_rest_of_its_clause_stays():
    opened = "Không tính KCN Tân Lập, toàn tỉnh thu hút 20 dự án."
    assert not check("KCN Tân Lập thu hút bao nhiêu dự án?", opened, **BARE).met
    # What is left out ends at the name: the clause's year and figure are still the sentence's.
    taxed = "Tổng thu ngân sách chưa tính VAT năm 2038 đạt 120 tỷ đồng."
    assert check("Năm 2038 tổng thu ngân sách đạt bao nhiêu?", taxed, **{**BARE, "doc_years": "2037,2038"}).met


def test_a_row_s_share_of_another_year_states_no_figure_of_that_year():
    row = "Dự án DDI cấp mới — Năm 2039 Thực hiện: 15 dự án; So sánh So với năm 2038: 93,8%."
    report = {**BARE, "doc_years": "2039", "period": "năm 2039"}
    assert not check("Năm 2038 có bao nhiêu dự án DDI cấp mới?", row, **report).met
    assert check("Năm 2039 có bao nhiêu dự án DDI cấp mới?", row, **report).met
    # ... while a figure of the year compared with is stated: "so với năm 2038: 16 dự án".
    assert check("Năm 2038 có bao nhiêu dự án DDI cấp mới?", row.replace("93,8%", "16 dự án"), **report).met


@pytest.mark.parametrize(
    "question",
    [
        "Năm 2038 khu vực nào vượt kế hoạch thu hút vốn cao hơn?",
        "Vốn thu hút năm 2038 bằng bao nhiêu % kế hoạch?",
        "Vốn thu hút năm 2038 có đạt kế hoạch không?",
    ],
)
def test_a_question_on_how_a_result_stands_to_its_plan_is_met_by_the_share_of_the_plan(question: str):
    said = "Khu vực Tân Lập thu hút hơn 3 tỷ USD, đạt 112,4% kế hoạch (2,67 tỷ USD)."
    assert check(question, said, **{**BARE, "doc_years": "2038"}).met
    # ... while the plan itself asked is not given by the share.
    assert not check("Kế hoạch thu hút vốn năm 2038 là bao nhiêu?", said.split(" (")[0] + ".", **BARE).met


def test_a_result_compared_with_its_plan_in_other_words_still_answers_how_it_stands_to_it():
    said = "Từ đầu năm đến ngày 25/9, các KCN thu hút được 4.915 tỷ đồng vốn DDI, gấp 12 lần so với kế hoạch năm."
    asked = "Đến ngày 25/9/2038 vốn DDI vào các KCN đạt bao nhiêu và so với kế hoạch năm thế nào?"
    assert check(asked, said, **{**BARE, "doc_years": "2038"}).met


def test_a_rank_asked_is_met_by_the_list_item_of_that_rank_only():
    asked = "Đơn vị nào xếp hạng ba năm 2038?"
    report = {**BARE, "doc_years": "2038"}
    assert check(asked, "Hạng 3: Ban Quản lý các KCN tỉnh Sóc Trăng - 95,25 điểm", **report).met
    assert not check(asked, "Hạng 5: Ban Quản lý Khu kinh tế tỉnh Cà Mau - 91,5 điểm", **report).met
    assert check(asked, "Khối thống nhất kết quả chấm điểm, xếp hạng năm 2038 như sau:", **report).met  # silent


def test_a_list_item_s_province_is_its_own_not_one_its_lead_in_names():
    from app.answering.constraints import province_about

    lead_in = "Hội nghị tổng kết tổ chức tại thành phố Sóc Trăng. Khối thống nhất xếp hạng năm 2038 như sau:"
    item = "Hạng 1: Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ - 97,5 điểm"
    document = passage(item, headings=["3. Kết quả chấm điểm", lead_in])
    assert province_about(item, PassageContext.of(document)) == "Cần Thơ"


def test_a_newsletter_s_issue_label_says_no_period_of_the_article_under_it():
    question = "Hội nghị tổng kết năm 2031 của Khối thi đua Tây Nguyên tổ chức ngày nào?"
    lead = (
        "BẢN TIN KHỐI THI ĐUA TÂY NGUYÊN Số 04 (Quý IV/2031) – Phát hành ngày 20/12/2031 Ngày 15/12/2031, tại "
        "Pleiku, Khối thi đua Tây Nguyên tổ chức Hội nghị tổng kết công tác thi đua năm 2031."
    )
    assert check(question, lead).met
    # A quarter the article itself reports on still is one.
    assert not check(question, lead.replace("Số 04 (Quý IV/2031)", "Báo cáo quý IV/2031")).met
