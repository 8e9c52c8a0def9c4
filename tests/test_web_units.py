"""Pure parts of the web app: login parsing, the source page, feedback records."""

import base64
from datetime import UTC, datetime

import pytest

from app.feedback import feedback_record, gold_skeleton
from app.web.auth import parse_users, user_from_header
from app.web.source_page import render_source_page
from ingest.models import Chunk
from vectorstore.chroma_store import DocumentInfo

pytestmark = pytest.mark.unit


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_the_first_user_is_admin_unless_admins_are_named():
    users = parse_users("chief:s3cret, staff:pw:with:colons")
    assert users.passwords == {"chief": "s3cret", "staff": "pw:with:colons"}
    assert users.can_manage("chief") and not users.can_manage("staff") and not users.can_manage(None)
    assert parse_users("a:1,b:2", admins="b").admins == {"b"}


def test_without_login_everyone_may_manage():
    users = parse_users("")
    assert not users.enabled and users.can_manage(None)


@pytest.mark.parametrize("bad", ["nopassword", "user:", ":pw"])
def test_a_malformed_auth_setting_is_rejected(bad):
    with pytest.raises(ValueError, match="BAOCAO_AUTH"):
        parse_users(bad)


def test_basic_header_check():
    users = parse_users("chief:s3cret,staff:pw")
    assert user_from_header(users, basic("staff", "pw")) == "staff"
    assert user_from_header(users, basic("staff", "PW")) is None
    assert user_from_header(users, basic("nobody", "pw")) is None
    assert user_from_header(users, "Basic !!!notbase64") is None
    assert user_from_header(users, "Bearer abc") is None
    assert user_from_header(users, None) is None


DOC = DocumentInfo("0123456789abcdef", "bc.pdf", "Báo cáo <i>thử</i>", "pdf", 2, 3, 4, "2026-11-22", "h")


def chunk(paragraph: int, text: str, headings: tuple[str, ...], page: int, suffix: str = "") -> Chunk:
    return Chunk(
        f"{DOC.doc_id}-p{paragraph:04d}{suffix}", DOC.doc_id, DOC.source, DOC.title, headings, text, page, paragraph
    )


CHUNKS = [
    chunk(1, "Mở đầu.", ("I. Kết quả",), 1),
    chunk(2, "Phần một của đoạn dài.", ("I. Kết quả", "1.5. Ban Quản lý KKT tỉnh Đồng Tháp"), 2),
    chunk(2, "Phần hai.", ("I. Kết quả", "1.5. Ban Quản lý KKT tỉnh Đồng Tháp"), 2, "-2"),
    chunk(3, '<script>alert(1)</script><img src=x onerror="alert(2)">', ("II. Phương hướng",), 2),
]


def test_every_paragraph_has_an_anchor_and_split_parts_stay_together():
    page = render_source_page(DOC, CHUNKS, has_original=True)
    assert page.count('class="para"') == 3
    assert 'id="p-2"' in page and "Phần một của đoạn dài.\nPhần hai." in page


def test_headings_are_printed_where_their_section_starts():
    page = render_source_page(DOC, CHUNKS, has_original=True)
    assert page.count("<h2>I. Kết quả</h2>") == 1
    assert page.index("<h2>1.5. Ban Quản lý KKT tỉnh Đồng Tháp</h2>") < page.index('id="p-2"')
    assert page.index("<h2>II. Phương hướng</h2>") < page.index('id="p-3"')


def test_a_paragraph_leading_into_a_list_is_shown_once_and_its_items_name_the_section():
    section = "1.4. Ban Quản lý các KCN tỉnh Kim Sơn"
    lead_in = (
        "- Công tác xúc tiến đầu tư: năm 2034, dù đất sạch cho thuê trong các khu công nghiệp của tỉnh đã gần "
        "hết, Ban Quản lý vẫn đạt một số kết quả tích cực, cụ thể như sau:"
    )
    topic = "- Công tác bảo vệ môi trường:"  # a lead-in that names a topic is a section
    chunks = [
        chunk(1, lead_in, (section,), 1),
        chunk(2, "+ Cấp mới 07 giấy chứng nhận đăng ký đầu tư.", (section, lead_in), 1),
        chunk(3, topic, (section,), 1),
        chunk(4, "+ Hoàn thành trạm xử lý nước thải.", (section, topic), 1),
    ]
    page = render_source_page(DOC, chunks, has_original=True)
    assert page.count(lead_in) == 1  # as its paragraph: no heading above its items, no label on each
    assert f'<span class="heading">{section}</span></div><p>+ Cấp mới' in page
    assert f"<h2>{topic}</h2>" in page and f'<span class="heading">{topic}</span>' in page


def test_pdf_pages_link_to_the_original_only_when_it_is_kept():
    assert 'href="/files/0123456789abcdef#page=2"' in render_source_page(DOC, CHUNKS, has_original=True)
    without = render_source_page(DOC, CHUNKS, has_original=False)
    assert "/files/" not in without and "trang 2" in without


def test_report_text_is_escaped_in_the_source_page():
    page = render_source_page(DOC, CHUNKS, has_original=True)
    assert "<script>alert" not in page and "<img src=x" not in page and "<i>thử" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_feedback_rows_become_gold_question_skeletons():
    answer = {
        "question": "còn Bạc Liêu?",
        "standalone_question": "Lao động Bạc Liêu?",
        "answer": "sai",
        "citations": [{"doc": "003.txt"}],
    }
    disliked = feedback_record(answer, False, "staff", datetime(2026, 11, 22, tzinfo=UTC))
    liked = feedback_record(answer | {"question": "đúng"}, True, None, datetime(2026, 11, 22, tzinfo=UTC))
    assert disliked["time"] == "2026-11-22T00:00:00+00:00" and disliked["user"] == "staff"
    rows = gold_skeleton([disliked, liked, disliked])
    assert [r["question"] for r in rows] == ["Lao động Bạc Liêu?"]
    assert rows[0]["doc"] == "003.txt" and rows[0]["rejected_answer"] == "sai" and rows[0]["must_include"] == []


def test_feedback_cli_summarises_and_exports_gold_skeletons(tmp_path):
    import json
    import os
    import subprocess
    import sys

    from app.feedback import FeedbackLog

    log = FeedbackLog(tmp_path / "feedback.jsonl")
    answer = {"question": "Bến Tre đạt bao nhiêu?", "answer": "sai", "citations": []}
    log.append(feedback_record(answer, False, "staff", datetime(2026, 11, 22, tzinfo=UTC)))
    log.append(feedback_record(answer | {"question": "đúng?"}, True, "staff", datetime(2026, 11, 22, tzinfo=UTC)))
    export = tmp_path / "new_gold.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "feedback", "--export", str(export)],
        env=os.environ | {"BAOCAO_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "2 góp ý: 1 👍, 1 👎" in result.stdout
    rows = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    assert [r["question"] for r in rows] == ["Bến Tre đạt bao nhiêu?"] and rows[0]["id"] == "fb001"


def test_the_quoted_sentence_is_marked_and_stays_escaped():
    page = render_source_page(DOC, CHUNKS, has_original=True, mark="Phần một  của đoạn dài.")
    assert "<mark>Phần một của đoạn dài</mark>." in page  # spacing of the quote does not matter
    # a cut quote is marked piece by piece; a piece too short to point at one place is not marked
    cut = render_source_page(DOC, CHUNKS, has_original=True, mark="… của đoạn dài … Mở đầu")
    assert cut.count("<mark>") == 1 and "<mark>của đoạn dài</mark>" in cut and "<mark>Mở" not in cut
    hostile = render_source_page(DOC, CHUNKS, has_original=True, mark="<script>alert(1)</script><img src=x")
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x</mark>" in hostile
    assert "<script>alert" not in hostile


def test_an_ocr_report_is_shown_repaired_with_the_original_beside_each_paragraph():
    ocr = [chunk(1, "Ban Quan 1y cac KCN tinh Kim Son dat 12,5 ty dong.", ("I. Ket qua",), 1)]

    def repair(text: str) -> str:  # stands in for AccentRestorer.restore
        return text.replace("Quan 1y", "Quản lý")

    page = render_source_page(DOC, ocr, has_original=True, mark="Ban Quan 1y cac KCN tinh", repair=repair)
    assert "<mark>Ban Quản lý cac KCN tinh</mark>" in page
    assert '<details class="ocr"><summary>Văn bản OCR gốc</summary><p>Ban Quan 1y cac KCN' in page
    clean = render_source_page(DOC, CHUNKS, has_original=True, repair=repair)
    assert "Văn bản OCR gốc" not in clean


def test_an_ocr_report_s_section_labels_are_shown_repaired_too():
    ocr = [
        chunk(1, "Ban Quan 1y cac KCN tinh Kim Son dat 12,5 ty dong.", ("I. Ban Quan 1y",), 1),
        chunk(2, "Ban Quan 1y cac KCN tinh Tan Lap dat 7,5 ty dong.", ("I. Ban Quan 1y",), 2),
    ]

    def repair(text: str) -> str:  # stands in for AccentRestorer.restore
        return text.replace("Quan 1y", "Quản lý")

    page = render_source_page(DOC, ocr, has_original=True, repair=repair)
    # the heading over the paragraphs and the label beside each
    assert "<h2>I. Ban Quản lý</h2>" in page and '<span class="heading">I. Ban Quản lý</span>' in page
    assert "Quan 1y</span>" not in page


def test_a_report_is_picked_by_its_title_with_an_ocr_title_repaired_and_its_file_after_it():
    from dataclasses import replace

    from app.web.chat import report_label

    clean = replace(DOC, title="Báo cáo sơ kết năm 2031 của Khối thi đua")
    assert report_label(clean) == "Báo cáo sơ kết năm 2031 của Khối thi đua — bc.pdf"
    ocr = replace(DOC, title="Bao cao so ket nam 2031 cua Khoi thi dua cac Ban Quan ly")

    def repair_fake(text: str) -> str:  # a stand-in for the accent restorer
        return text.replace("Bao cao so ket", "Báo cáo sơ kết")

    assert report_label(ocr, repair_fake).startswith("Báo cáo sơ kết nam 2031")
    assert report_label(clean, repair_fake) == report_label(clean)  # a clean title is left as it is
    assert report_label(replace(DOC, title="")) == "bc.pdf"


def test_the_status_a_screen_reader_announces_is_vietnamese_not_gradio_s_key():
    # Gradio's own English locale lacks "common.complete": the live region read the key out.
    from app.web.server import gradio_vietnamese

    texts = gradio_vietnamese().translations["vi"]
    assert texts["common.complete"] == "Xong" and texts["common.error"] == "Lỗi"
