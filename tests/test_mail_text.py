"""A report pasted into a saved e-mail: headers out, subject as title, quote marks gone."""

import pytest

from ingest.docframe import document_frame
from ingest.mail_text import mail_body
from ingest.models import PageText

pytestmark = pytest.mark.unit

MAIL = """Từ: Lê Thị Mai <mai.bql@example.vn>
Đến: Văn phòng Khối thi đua <khoi@example.vn>
Ngày gửi: Thứ Hai, 14/01/2039 09:12
Tiêu đề: Fwd: Báo cáo tổng kết năm 2038 - BQL các KCN tỉnh Kon Tum

Kính gửi Văn phòng Khối,

> Năm 2038, Ban Quản lý các KCN tỉnh Kon Tum cấp mới 29 dự án.
> Kim ngạch xuất khẩu đạt 731 triệu USD.
> Nộp ngân sách 253 tỷ đồng.
"""


def test_a_mail_s_headers_leave_its_subject_as_the_title_and_its_quote_marks_go():
    body = mail_body(MAIL)
    assert body.startswith("Báo cáo tổng kết năm 2038 - BQL các KCN tỉnh Kon Tum\n")
    assert "Từ:" not in body and "Đến:" not in body and ">" not in body
    assert "\nNăm 2038, Ban Quản lý các KCN tỉnh Kon Tum cấp mới 29 dự án.\n" in body
    frame = document_frame([PageText(None, body)], "thu.txt")
    assert frame.title == "Báo cáo tổng kết năm 2038 - BQL các KCN tỉnh Kon Tum"  # not "Từ: Lê Thị Mai …"


def test_a_report_that_is_no_mail_is_left_as_it_is():
    report = "BÁO CÁO\nNgày: 14/01/2039\nDoanh thu > 500 tỷ đồng.\n> 5 ha chưa giải phóng mặt bằng."
    assert mail_body(report) == report  # one field is no header block, one ">" line no quoting


def test_a_report_s_own_fields_and_greater_than_signs_are_no_mail():
    report = (
        "BÁO CÁO NHANH\nĐến: hết ngày 31/3/2038\nNgày: 02/4/2038\n> 100 triệu USD: 3 dự án\n"
        "> 50 triệu USD: 5 dự án\n> 10 triệu USD: 12 dự án\n"
    )
    assert mail_body(report) == report


@pytest.mark.parametrize(
    "header",
    [
        "Từ: Nguyễn Văn A <a@kimson.gov.vn>\nĐến: Ban Quản lý\nCc:\nTiêu đề: Báo cáo quý I năm 2038",  # empty Cc
        "---------- Forwarded message ---------\nFrom: Nguyễn Văn A <a@kimson.gov.vn>\n"
        "Date: Thứ 2, 3 thg 4, 2038\nSubject: Báo cáo quý I năm 2038\nTo: <b@kimson.gov.vn>",  # a forward
        "From: Nguyễn Văn A <a@kimson.gov.vn>\nTo: b@kimson.gov.vn, c@kimson.gov.vn,\n d@kimson.gov.vn\n"
        "Subject: Báo cáo quý I năm 2038",  # recipients folded onto a second line
    ],
)
def test_a_forwarded_or_folded_mail_header_is_taken_out_and_its_subject_kept(header: str):
    report = "Quý I năm 2038, các KCN thu hút 5 dự án mới với tổng vốn 45,6 triệu USD."
    assert mail_body(f"{header}\n\n{report}").split("\n") == ["Báo cáo quý I năm 2038", "", "", report]
