"""A report pasted into a saved e-mail: headers out, subject as title, quote marks gone."""

import pytest

from ingest.chunking import chunk_document
from ingest.docframe import document_frame
from ingest.mail_text import mail_body, mail_signature
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


# A bloc office forwards a board's reply to its request: the reply is the report, and the
# subject it kept ("RE: Đề nghị … - Khối thi đua …") names the bloc that asked for it.
CHAIN = """From: Lê Thị Hoa <hoa.vpkhoi@example.vn>
Sent: Friday, June 24, 2039 8:17 AM
To: Trần Văn Khê <khe@example.vn>
Subject: Fwd: RE: De nghi gui bao cao 6 thang dau nam 2039 - Khoi thi dua Trung du va mien nui phia Bac

Anh Khe oi, e chuyen anh bao cao cua BQL cac KCN tinh Lai Chau. Con thieu Ha Giang, Son La, Dien Bien.
Hoa

---------- Forwarded message ---------
From: Le Van Khe <khelv@example.vn>
Date: Thu, 23 Jun 2039 16:42:05 +0700
To: Van phong Khoi thi dua <vpkhoi@example.vn>
Subject: RE: De nghi gui bao cao 6 thang dau nam 2039 - Khoi thi dua Trung du va mien nui phia Bac

Kinh gui Van phong Khoi,

Ban Quan ly cac KCN tinh Lai Chau xin gui bao cao 6 thang dau nam 2039 nhu sau:

1. Thu hut dau tu
- Cap moi 07 du an FDI voi tong von dang ky 214,5 trieu USD, bang 61,3% KH nam.
- Cap moi 04 du an DDI voi tong von dang ky 1.265 ty dong, bang 42,2% KH nam.

2. De xuat, kien nghi
- De nghi Khoi to chuc doan cong tac hoc tap kinh nghiem ve chuyen doi so.

Tran trong,
Le Van Khe
Chuyen vien Phong Quan ly dau tu
Ban Quan ly cac KCN tinh Lai Chau

-----Original Message-----
From: Van phong Khoi thi dua <vpkhoi@example.vn>
Sent: Monday, June 13, 2039 9:05 AM
Subject: De nghi gui bao cao 6 thang dau nam 2039 - Khoi thi dua Trung du va mien nui phia Bac

> Kinh gui cac Ban Quan ly thanh vien Khoi,
> Van phong Khoi de nghi cac don vi gui bao cao ve Van phong Khoi truoc ngay 24/6/2039.
> Hoi nghi so ket du kien to chuc vao ngay 18/7/2039 tai tinh Tuyen Quang.
>
> Tran trong,
> Le Thi Hoa
> Chanh Van phong Khoi - Ban Quan ly Khu kinh te tinh Tuyen Quang
"""


def test_a_forwarded_reply_is_framed_by_the_board_that_signed_it_not_the_bloc_its_subject_names():
    assert mail_signature(CHAIN) == (
        "Le Van Khe",
        "Chuyen vien Phong Quan ly dau tu",
        "Ban Quan ly cac KCN tinh Lai Chau",
    )
    body = mail_body(CHAIN)
    frame = document_frame([PageText(None, body)], "fwd.txt", signature=mail_signature(CHAIN))
    assert frame.issuer == "Ban Quan ly cac KCN tinh Lai Chau"
    assert "province:lai chau" in frame.places  # its figures are the board's, not only the bloc's region
    unsigned = document_frame([PageText(None, body)], "fwd.txt")  # what the subject and body alone give
    assert unsigned.issuer == "Khoi thi dua Trung du va mien nui phia Bac"
    assert "province:lai chau" not in unsigned.places  # named 3 times in 8 mentions of a province


def test_the_next_message_of_a_chain_is_under_none_of_the_report_s_sections():
    body = mail_body(CHAIN)
    chunks = chunk_document("d", "fwd.txt", [PageText(None, body)])
    proposal = next(c for c in chunks if c.text.startswith("- De nghi Khoi to chuc"))
    assert proposal.headings == ("2. De xuat, kien nghi",)
    request = next(c for c in chunks if "truoc ngay 24/6/2039" in c.text)
    assert request.headings == ()  # the bloc's request, not the board's proposal
    signature = next(c for c in chunks if c.text.startswith("Tran trong,") and "Le Van Khe" in c.text)
    assert signature.headings == ()  # signed under no section: no proposal listed


@pytest.mark.parametrize(
    ("text", "signature"),
    [
        (MAIL, ()),  # a forward with no one signing: its quoted report ends on a figure
        ("Báo cáo quý I\nTrân trọng,\nBan Quản lý các KCN tỉnh Lai Châu", ()),  # no mail at all
        (  # no closing formula: its last lines are a list, no one's signature
            "From: A <a@example.vn>\nSubject: Báo cáo\n\nDoanh thu đạt 500 tỷ đồng.\n\n"
            "Nơi nhận:\n- Ban Quản lý Khu kinh tế tỉnh Tân Khê\n- Văn phòng Khối thi đua",
            (),
        ),
    ],
)
def test_a_mail_s_signature_is_read_only_from_a_mail(text: str, signature: tuple[str, ...]):
    assert mail_signature(text) == signature


def test_a_request_quoted_under_a_reply_s_attribution_line_does_not_sign_the_report():
    reply = (
        "Từ: Lê Thị Hoa <hoa@example.vn>\nTiêu đề: Báo cáo tổng kết năm 2040 - BQL KKT tỉnh Lai Châu\n\n"
        "Kính gửi Văn phòng Khối,\nNăm 2040, Ban Quản lý Khu kinh tế tỉnh Lai Châu thu hút 12 dự án mới, "
        "tổng vốn đăng ký 3.450 tỷ đồng, doanh thu của các doanh nghiệp đạt 18.200 tỷ đồng.\n\n"
        "Trân trọng,\nLê Thị Hoa\nBan Quản lý Khu kinh tế tỉnh Lai Châu\n\n"
        "Vào Thứ Bảy, 15/12/2040 lúc 08:10, Văn phòng Khối <khoi@example.vn> đã viết:\n"
        "> Kính gửi các Ban Quản lý thành viên Khối,\n> Đề nghị gửi báo cáo trước ngày 20/12/2040.\n"
        "> Trân trọng cảm ơn.\n> Trần Văn Khê\n> Văn phòng Khối thi đua Bắc Trung Bộ\n"
    )
    assert mail_signature(reply) == ("Lê Thị Hoa", "Ban Quản lý Khu kinh tế tỉnh Lai Châu")
