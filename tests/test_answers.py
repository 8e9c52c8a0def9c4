"""End-to-end answers through the LangChain chain and the CLI on the sample reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from app.answering.models import MAX_ANSWER_CHARS
from app.chain import final_answer
from app.service import Baocao

from .conftest import make_settings

pytestmark = pytest.mark.integration


def test_answer_for_an_award_question_on_the_ocr_report(sample_service: Baocao):
    answer = sample_service.ask("Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2019?")
    assert not answer.refused
    assert "Co thi dua" in answer.answer and "Ninh Binh" in answer.answer
    assert answer.citations[0].doc == "000_744e028017157e5f.txt"
    assert all(part in answer.citations[0].text for part in answer.citations[0].quote.split(" … "))


def test_every_example_of_the_empty_chat_is_answered_with_its_fact_first(sample_service: Baocao):
    from app.web.chat import EXAMPLES

    for _, question in EXAMPLES:
        answer = sample_service.ask(question)
        assert not answer.refused and answer.direct, question


def test_a_question_about_another_year_is_refused_and_says_what_is_missing(sample_service: Baocao):
    answer = sample_service.ask("Nộp ngân sách của KKT, KCN tỉnh Trà Vinh 6 tháng đầu năm 2023?")
    assert answer.refused
    assert "không có thông tin" in answer.answer and "năm 2023" in answer.answer
    # the nearest passage the reports do hold is cited, for the user to judge
    assert all(c.quote in c.text for c in answer.citations)


def test_the_chain_is_a_langchain_runnable(sample_service: Baocao):
    questions = ["Tỷ lệ lấp đầy của KCN Thuận Yên?", "Khối MTNB có bao nhiêu đơn vị?"]
    answers = [final_answer(sample_service.chain.stream(q)) for q in questions]
    assert "82,85%" in answers[0].answer and "14" in answers[1].answer


def test_cli_ask_json(sample_service: Baocao):
    env = {**os.environ, "BAOCAO_HOME": str(sample_service.settings.home)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "ask",
            "Nộp ngân sách của KKT, KCN tỉnh Trà Vinh 6 tháng đầu năm 2020?",
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    payload = json.loads(result.stdout)
    assert set(payload) >= {"question", "answer", "refused", "mode", "citations", "latency_ms"}
    assert payload["mode"] == "extractive" and not payload["refused"]
    citation = payload["citations"][0]
    assert set(citation) >= {"n", "doc", "heading", "page", "paragraph", "text", "score"}
    assert "890" in payload["answer"] and citation["heading"] == "1.7. Ban Quản lý KKT tỉnh Trà Vinh"


def _cli_ask_locally(service: Baocao, question: str, **env: str) -> str:
    """What ``baocao ask --local`` prints for ``question`` on ``service``'s library, 200 columns wide."""
    env = {**os.environ, "BAOCAO_HOME": str(service.settings.home), "COLUMNS": "200", **env}
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "ask", question, "--local"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return result.stdout


def test_cli_ask_states_the_figure_first_in_bold(sample_service: Baocao):
    question = "Giá trị sản xuất công nghiệp 6 tháng đầu năm 2020 của các KCN tỉnh Bến Tre đạt bao nhiêu % kế hoạch?"
    first, second = _cli_ask_locally(sample_service, question, FORCE_COLOR="1").splitlines()[:2]
    assert first.startswith("\x1b[1m") and "44,88%" in first  # bold, as the web chat shows it
    assert "\x1b[1m" not in second  # the quotes after it are plain


def test_cli_ask_puts_the_accents_back_into_ocr_quotes_as_the_web_chat_does(sample_service: Baocao):
    printed = _cli_ask_locally(sample_service, "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2019?")
    answer, _, sources = printed.partition("\n[1] ")
    assert "tỉnh Hải Dương" in answer and "tinh Hai Duong" not in answer  # the OCR text reads "tinh Hai Duong"
    assert "chữ OCR, dấu được thêm tự động" in sources.splitlines()[0] + sources.splitlines()[1]


def test_cli_ask_json_reads_ocr_quotes_with_their_accents_put_back_the_stored_text_beside_them(sample_service: Baocao):
    env = {**os.environ, "BAOCAO_HOME": str(sample_service.settings.home)}
    question = "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2019?"
    command = [sys.executable, "-m", "app.cli", "ask", question, "--json", "--local"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=True)
    payload = json.loads(result.stdout)
    assert "tỉnh Hải Dương" in payload["answer"] and "tinh Hai Duong" not in payload["answer"]
    assert "tinh Hai Duong" in payload["stored_answer"]  # as the OCR text reads
    assert any("tinh Hai Duong" in c["text"] for c in payload["citations"])  # cited as the report has it


DECISION = (
    "ỦY BAN NHÂN DÂN TỈNH KIM SƠN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 77/QĐ-UBND\n\nKim Sơn, ngày 14 tháng 02 năm 2035\n\nQUYẾT ĐỊNH\n\n"
    "Về việc tặng Bằng khen cho các tập thể có thành tích xuất sắc năm 2034\n\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIM SƠN\n\n"
    "Căn cứ Quyết định số 45/2031/QĐ-UBND ngày 10/12/2031 của Ủy ban nhân dân tỉnh ban hành Quy chế thi đua;\n\n"
    "QUYẾT ĐỊNH:\n\n"
    "Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể đã có thành tích xuất sắc năm 2034.\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n\n"
    "KT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nTrần Văn Tân\n"
)


def test_a_decision_tells_when_it_was_issued_and_who_signed_it(tmp_path):
    service = Baocao(make_settings(tmp_path / "home"))
    report = tmp_path / "qd_77.txt"
    report.write_text(DECISION, encoding="utf-8")
    service.ingest([report])
    # Its own date line, not the date of the decision its preamble cites.
    issued = service.ask("Quyết định 77/QĐ-UBND ban hành ngày nào?")
    assert "ngày 14 tháng 02 năm 2035" in issued.answer and "10/12/2031" not in issued.answer
    # The signature shares no word with the question: retrieval alone would miss it.
    signed = service.ask("Ai ký quyết định tặng Bằng khen số 77/QĐ-UBND?")
    assert "Trần Văn Tân" in signed.answer and not signed.refused


def _year_end_report(foot: str) -> str:
    body = "\n\n".join(
        f"{n}. Năm 2036, các KCN tỉnh Kim Sơn thu hút {n + 10} dự án về {topic}, tổng vốn đăng ký tăng so với năm 2035."
        for n, topic in enumerate(["điện tử", "cơ khí", "dệt may", "logistics", "năng lượng", "chế biến"], start=1)
    )
    return (
        "UBND TỈNH KIM SƠN\nBAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP\nSố: 512/BC-BQL\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKim Sơn, ngày 15 tháng 12 năm 2036\n\n"
        f"BÁO CÁO\nTổng kết công tác năm 2036\n\n{body}\n\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n\n{foot}"
    )


def _asked_of(tmp_path, name: str, text: str, question: str):
    """``question`` asked of a library holding only the report ``text``, saved as ``name``."""
    service = Baocao(make_settings(tmp_path / "home"))
    report = tmp_path / name
    report.write_text(text, encoding="utf-8")
    service.ingest([report])
    return service.ask(question)


@pytest.mark.parametrize(
    ("foot", "question"),
    [
        ("TRƯỞNG BAN\n(Đã ký)\nTrần Văn Tân\n", "Ai ký báo cáo tổng kết năm 2036 của BQL các KCN Kim Sơn?"),
        ("TRƯỞNG BAN\n\n(Đã ký)\n\nTrần Văn Tân\n", "bao cao tong ket nam 2036 cua bql kcn kim son do ai ky"),
    ],
)
def test_a_report_signed_by_its_head_in_person_says_who_signed(tmp_path, foot: str, question: str):
    answer = _asked_of(tmp_path, "bc_2036.txt", _year_end_report(foot), question)
    assert not answer.refused and "Trần Văn Tân" in answer.answer


def test_who_holds_the_office_that_signs_is_the_signer(tmp_path):
    # The signature shares no word with the question but the office: retrieval alone missed it.
    meetings = "\n\n".join(
        f"Ngày {day}/{month}/2036, Trưởng ban Ban Quản lý các KCN Kim Sơn chủ trì buổi làm việc với {day + month} "
        "doanh nghiệp về thủ tục đầu tư."
        for month in range(1, 13)
        for day in (5, 20)
    )
    report = _year_end_report(f"{meetings}\n\nNơi nhận:\n- Lưu: VT.\n\nTRƯỞNG BAN\n(Đã ký)\nTrần Văn Tân\n")
    answer = _asked_of(tmp_path, "bc_2036.txt", report, "Ai là Trưởng ban BQL các KCN Kim Sơn?")
    assert answer.answer.splitlines()[0] == "Trần Văn Tân [1]"


def test_a_report_s_number_is_asked_with_its_date(tmp_path):
    answer = _asked_of(
        tmp_path,
        "bc_2036.txt",
        _year_end_report("TRƯỞNG BAN\nTrần Văn Tân\n"),
        "Báo cáo tổng kết năm 2036 của BQL các KCN Kim Sơn số mấy, ngày nào?",
    )
    assert "512/BC-BQL" in answer.answer and "ngày 15 tháng 12 năm 2036" in answer.answer


PROPOSED = (
    "Trần Văn Tân", "Lê Thị Kim Sơn", "Hoàng Văn Tân Lập", "Phạm Thị Tân Khê", "Vũ Văn Kim Lâm", "Đỗ Thị Tân Mai",
    "Bùi Văn Kim Thành", "Ngô Thị Tân Hương", "Dương Văn Kim Hải", "Lý Thị Tân Ngọc",
)  # fmt: skip


def _proposal_with_a_page_break() -> str:
    earlier = "\n\n".join(
        f"{n}. Năm {year}, Khối đã đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các cá nhân có "
        f"thành tích xuất sắc trong phong trào thi đua năm {year}."
        for n, year in enumerate(range(2030, 2034), start=1)
    )
    items = [f"- {'Bà' if ' Thị ' in name else 'Ông'} {name}, chuyên viên;" for name in PROPOSED]
    items.insert(4, "2")  # the second page's number, set apart by blank lines
    return (
        "KHỐI THI ĐUA CÁC BAN QUẢN LÝ KCN\n\nSố: 05/TTr-KTĐ\n\nKim Sơn, ngày 20 tháng 01 năm 2035\n\n"
        "TỜ TRÌNH\n\nĐề nghị khen thưởng năm 2034\n\nI. CÁC NĂM TRƯỚC\n\n"
        f"{earlier}\n\nII. ĐỀ NGHỊ KHEN THƯỞNG NĂM 2034\n\n"
        f"Khối đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2034 cho {len(PROPOSED)} cá nhân sau:\n\n"
        + "\n\n".join(items)
        + "\n"
    )


def test_the_people_a_lead_in_announces_are_all_named_though_their_lines_match_no_word(tmp_path):
    # More items than passages retrieved, sharing no word with the question, and four
    # paragraphs of other years competing with them; a page number stands among them.
    answer = _asked_of(
        tmp_path,
        "to_trinh.txt",
        _proposal_with_a_page_break(),
        "Những cá nhân nào được đề nghị tặng Bằng khen năm 2034?",
    )
    assert not answer.refused
    assert all(name in answer.answer for name in PROPOSED)
    assert len(answer.answer) <= MAX_ANSWER_CHARS


DIFFICULTIES = (
    "Bồi thường, giải phóng mặt bằng KCN Tân Khê còn chậm.", "Thiếu lao động kỹ thuật ngành điện tử.",
    "KCN Kim Khê chưa có nhà máy xử lý nước thải tập trung.", "Thủ tục chuyển đổi đất rừng còn kéo dài.",
    "Giá thuê hạ tầng tăng, nhà đầu tư cân nhắc.", "Nguồn điện cấp cho KCN Tân Lập chưa ổn định.",
    "Nhà ở cho công nhân còn thiếu.",
)  # fmt: skip


def test_a_list_asked_by_its_section_s_heading_holds_items_the_question_s_words_do_not_find(tmp_path):
    # More items than passages retrieved, sharing no word with the question but its heading's.
    results = "\n\n".join(f"- Thu hút {n} dự án mới tại KCN số {n}, vốn {n * 10} tỷ đồng." for n in range(1, 6))
    report = (
        "BÁO CÁO NHANH 6 THÁNG ĐẦU NĂM 2035\n\nBan Quản lý các KCN tỉnh Kim Sơn báo cáo như sau:\n\n"
        f"1. Kết quả thu hút đầu tư\n\n{results}\n\n2. Khó khăn, vướng mắc\n\n"
        + "\n\n".join(f"- {item}" for item in DIFFICULTIES)
        + "\n\n3. Đề xuất, kiến nghị\n\n- Đề nghị Khối kiến nghị Bộ sớm ban hành hướng dẫn.\n"
    )
    answer = _asked_of(tmp_path, "bao_cao_nhanh.txt", report, "Những khó khăn, vướng mắc mà Ban nêu trong báo cáo?")
    assert all(item.rstrip(".") in answer.answer for item in DIFFICULTIES)
    assert "Thu hút" not in answer.answer and "Đề nghị Khối" not in answer.answer


def test_a_follow_up_about_the_person_the_previous_answer_named_is_asked_of_that_person(tmp_path):
    service = Baocao(make_settings(tmp_path / "home"))
    report = tmp_path / "bien_ban.txt"
    report.write_text(
        "BIÊN BẢN\n\nHọp Khối thi đua bình xét khen thưởng năm 2063\n\n"
        "Chủ trì: ông Trần Văn Khê, Trưởng ban Ban Quản lý Khu kinh tế tỉnh Kim Sơn, Khối trưởng năm 2063.\n\n"
        "Thư ký: bà Lê Thị Hoa, Chánh Văn phòng Ban Quản lý Khu kinh tế tỉnh Kim Sơn.\n\n"
        "Khối thống nhất đề nghị tặng Cờ thi đua cho Ban Quản lý các KCN tỉnh Tân Khê.\n",
        encoding="utf-8",
    )
    service.ingest([report])
    first = service.ask("Ai chủ trì cuộc họp bình xét năm 2063?")
    assert "Trần Văn Khê" in first.answer.splitlines()[0]
    answer = service.ask("ông ấy giữ chức vụ gì?", history=["Ai chủ trì cuộc họp bình xét năm 2063?"])
    assert "Trần Văn Khê" in answer.standalone_question and not answer.refused
    assert "Trưởng ban" in answer.answer


PROMOTED = [f"+ Ký ghi nhớ với Công ty Kim Lâm {k}, {k + 10} ha." for k in range(1, 11)]


def _boards_report() -> str:
    """A bloc's half-year report: each board's results, one of them led into by "… như sau:"."""
    boards = ["Kim Sơn", "Tân Lập", "Kim Lâm", "Tân Khê", "Kim Thành", "Tân Mai", "Kim Hải", "Tân Ngọc"]
    sections = []
    for k, board in enumerate(boards, start=1):
        paragraphs = [
            f"1.{k}. Ban Quản lý các KCN tỉnh {board}",
            f"- Công tác xúc tiến đầu tư năm 2034: Ban Quản lý tỉnh {board} tiếp tục đổi mới công tác xúc tiến "
            f"đầu tư, đạt kết quả tích cực; thu hút {10 + k} dự án mới.",
            f"- Công tác quản lý lao động năm 2034: tổng số lao động đạt {20 + k}.000 người.",
        ]
        if board == "Tân Khê":
            paragraphs[1] = (
                "- Công tác xúc tiến đầu tư: năm 2034, dù đất sạch cho thuê trong các khu công nghiệp của tỉnh đã "
                "gần hết, Ban Quản lý các KCN tỉnh Tân Khê vẫn đạt một số kết quả tích cực, cụ thể như sau:"
            )
            paragraphs[2:2] = PROMOTED
        sections.append("\n\n".join(paragraphs))
    return "BÁO CÁO\n\nSơ kết công tác thi đua 6 tháng đầu năm 2034\n\n" + "\n\n".join(sections) + "\n"


def test_the_items_a_board_s_results_are_led_into_are_brought_whatever_the_question(tmp_path):
    # "… đạt kết quả gì" asks for no list, and the items share no word with it: there are more
    # of them than passages retrieved, among eight boards' paragraphs on the same topic.
    answer = _asked_of(
        tmp_path,
        "so_ket_2034.txt",
        _boards_report(),
        "Ban Quản lý các KCN tỉnh Tân Khê đạt kết quả gì trong công tác xúc tiến đầu tư năm 2034?",
    )
    assert not answer.refused
    assert "cụ thể như sau:" in answer.answer
    assert all(item[2:] in answer.answer for item in PROMOTED), answer.answer
