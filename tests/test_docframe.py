"""Document frame: title, years, period and issuer from a document's opening lines.

Invented texts (fictional places, years in the 2030s) pin the rules; the real web pages and
sample reports under ../shared are only checked for generic properties."""

import re
from pathlib import Path

import pytest

from ingest.chunking import chunk_document
from ingest.docframe import document_frame, is_page_chrome
from ingest.models import PageText
from ingest.normalize import clean_text

from .conftest import SHARED, needs_shared

pytestmark = pytest.mark.unit

CORPUS = SHARED / "corpus"


def frame_of(text: str, **kwargs):
    return document_frame([PageText(None, text)], "bai.txt", **kwargs)


WEB_PAGE = """Kinh tế

Thứ Hai, 12/03/2032 14:05

Kim Sơn Thượng: các khu công nghiệp thu hút thêm 40 dự án

PV
Tác giả: PV
Kim Sơn Thượng: các khu công nghiệp thu hút thêm 40 dự án
(Ảnh minh họa)
Theo Ban Quản lý các khu công nghiệp tỉnh Kim Sơn Thượng, năm 2031 các KCN đã thu hút 40 dự án, \
tăng 12% so với cùng kỳ năm 2030. Tổng vốn đăng ký đạt 900 tỷ đồng.
"""

OFFICIAL = """UBND TỈNH KIM SƠN THƯỢNG
BAN QUẢN LÝ CÁC KCN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/BC-BQL
Kim Sơn, ngày 05 tháng 01 năm 2032

BÁO CÁO

Kết quả công tác năm 2031 và
nhiệm vụ trọng tâm năm 2032

Căn cứ Kế hoạch số 01/KH-BQL ngày 10/01/2031 của Ban Quản lý;
I. Kết quả thực hiện
Năm 2031, các KCN thu hút 30 dự án.
"""


def test_web_title_skips_menu_date_stamp_byline_and_caption():
    frame = frame_of(WEB_PAGE)
    assert frame.title == "Kim Sơn Thượng: các khu công nghiệp thu hút thêm 40 dự án"
    assert frame.years[0] == 2031
    assert frame.period_label == "năm 2031"
    assert frame.issuer == "Ban Quản lý các khu công nghiệp tỉnh Kim Sơn Thượng"


def test_official_report_title_is_bao_cao_and_its_subject():
    frame = frame_of(OFFICIAL)
    # Its number from the header: how such a report is cited ("Báo cáo số 15/BC-BQL").
    assert frame.title == "BÁO CÁO số 15/BC-BQL — Kết quả công tác năm 2031 và nhiệm vụ trọng tâm năm 2032"
    # The board, not the motto beside it, with the province of the committee above it.
    assert frame.issuer == "BAN QUẢN LÝ CÁC KCN TỈNH KIM SƠN THƯỢNG"
    assert frame.years[:2] == (2031, 2032)
    assert frame.period_label == "năm 2031"


def test_minutes_and_other_document_types_are_official_titles():
    # Not the board of the header above it: the "BIÊN BẢN" line, and the year it is about.
    minutes = (
        "KHỐI THI ĐUA CÁC BAN QUẢN LÝ KHU CÔNG NGHIỆP VÙNG BẮC TRUNG BỘ\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 07/BB-KT. Kim Sơn, ngày 12 tháng 12 năm 2033\n\n"
        "BIÊN BẢN HỌP XÉT THI ĐUA, KHEN THƯỞNG NĂM 2033 CỦA KHỐI THI ĐUA\n\n"
        "I. THỜI GIAN, ĐỊA ĐIỂM\n\n"
        "Vào hồi 8 giờ 30 phút ngày 12 tháng 12 năm 2033, tại Hội trường, Khối họp xét thi đua.\n"
    )
    frame = frame_of(minutes)
    assert frame.title == "BIÊN BẢN HỌP XÉT THI ĐUA, KHEN THƯỞNG NĂM 2033 CỦA KHỐI THI ĐUA số 07/BB-KT"
    assert frame.period_label == "năm 2033"
    assert frame.issuer == "KHỐI THI ĐUA CÁC BAN QUẢN LÝ KHU CÔNG NGHIỆP VÙNG BẮC TRUNG BỘ"
    # A scan's speck after the type, read as a full stop, is no subject: the line after it is.
    scanned = minutes.replace(
        "BIÊN BẢN HỌP XÉT THI ĐUA, KHEN THƯỞNG NĂM 2033 CỦA KHỐI THI ĐUA\n\n",
        "BIÊN BẢN .\nHọp xét thi đua, khen thưởng năm 2033 của Khối thi đua\n\n",
    )
    assert frame_of(scanned).title == "BIÊN BẢN số 07/BB-KT — Họp xét thi đua, khen thưởng năm 2033 của Khối thi đua"


# A scanned header as Tesseract reads it: the two columns on one line, the title and its
# subject on another.
SCANNED_HEADER = """UBND TỈNH KIM SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM BAN QUẢN LÝ CÁC KCN Độc lập - Tự do - Hạnh phúc

Kim Sơn, ngày 28 tháng 6 năm 2033 Số: 84/BC-BQL

BÁO CÁO Kết quả hoạt động 6 tháng đầu năm 2033 và phương hướng 6 tháng cuối năm 2033

Thực hiện Văn bản số 17/UBND-KT ngày 05/6/2033 của UBND tỉnh, Ban Quản lý báo cáo như sau:
"""

# A text PDF's lines: the subject wraps, and the first body line opens "Thực hiện Văn bản …".
PDF_HEADER = """UBND TỈNH KIM SƠN
BAN QUẢN LÝ CÁC KHU
CÔNG NGHIỆP
Số: 84/BC-BQL
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
BÁO CÁO
Kết quả hoạt động 6 tháng đầu năm 2033 và phương hướng 6 tháng
cuối năm 2033
Thực hiện Văn bản số 17/UBND-KT ngày 05/6/2033 của UBND tỉnh về việc
báo cáo kết quả, Ban Quản lý báo cáo như sau:
"""


HALF_YEAR_TITLE = "BÁO CÁO số 84/BC-BQL — Kết quả hoạt động 6 tháng đầu năm 2033 và phương hướng 6 tháng cuối năm 2033"


def test_a_scanned_header_gives_the_title_and_the_board():
    frame = frame_of(SCANNED_HEADER)
    assert frame.title == HALF_YEAR_TITLE
    assert frame.issuer == "BAN QUẢN LÝ CÁC KCN TỈNH KIM SƠN"
    assert frame.period_label == "6 tháng đầu năm 2033"


def test_a_scanned_header_whose_motto_wraps_onto_the_board_s_line_gives_the_board():
    # The motto's "VIỆT NAM" is read onto the next line, before the board's name.
    wrapped = SCANNED_HEADER.replace("CHỦ NGHĨA VIỆT NAM BAN QUẢN LÝ", "CHỦ NGHĨA\n\nVIỆT NAM BAN QUẢN LÝ")
    frame = frame_of(wrapped)
    assert frame.issuer == "BAN QUẢN LÝ CÁC KCN TỈNH KIM SƠN"
    assert frame.title == HALF_YEAR_TITLE


@pytest.mark.parametrize("joint", ["\n", " "])
def test_a_scanned_header_whose_motto_ends_after_the_issuer_s_line_gives_the_whole_issuer(joint: str):
    # Read across both columns, the motto's "VIỆT NAM" ends the issuer's second line: it is
    # no part of the bloc's name, whose last word is on the line after. A scan may also read
    # the whole block as one line.
    header = (
        f"KHỐI THI ĐUA CÁC BAN QUẢN LÝ CỘNG HÒA XÃ HỘI CHỦ NGHĨA{joint}"
        f"KCN, KCX, KKT VÙNG ĐÔNG NAM VIỆT NAM{joint}"
        "BỘ Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 08/TB-KTĐ Kim Sơn, ngày 11 tháng 12 năm 2037\n\n"
        "THÔNG BÁO\nKết luận của Khối trưởng tại Hội nghị tổng kết năm 2037\n\n"
        "Ngày 09 tháng 12 năm 2037, Khối thi đua tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng.\n"
    )
    frame = frame_of(header)
    assert frame.issuer == "KHỐI THI ĐUA CÁC BAN QUẢN LÝ KCN, KCX, KKT VÙNG ĐÔNG NAM BỘ"
    assert "region:dong nam bo" in frame.places


def test_a_name_holding_viet_nam_keeps_it_and_a_headline_opening_with_it_is_a_title():
    # The motto's "VIỆT NAM" ends its line or comes before "Độc lập …"; a name's own does not.
    header = (
        "UBND TỈNH NGHỆ AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"
        "BAN QUẢN LÝ KCN VIỆT NAM - HÀN QUỐC Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 12/BC-BQL\nBÁO CÁO\nKết quả năm 2042\n\nNăm 2042 các KCN thu hút 12 dự án.\n"
    )
    assert frame_of(header).issuer == "BAN QUẢN LÝ KCN VIỆT NAM - HÀN QUỐC TỈNH NGHỆ AN"
    page = (
        "Việt Nam dẫn đầu thu hút FDI vào KCN quý II/2042\n\n"
        "Trong năm 2041, các KCN đã thu hút 120 dự án, quý II/2042 thu hút thêm 40 dự án mới.\n"
    )
    frame = frame_of(page)
    assert frame.title == "Việt Nam dẫn đầu thu hút FDI vào KCN quý II/2042"
    assert frame.period_label == "quý II năm 2042"


def test_a_letterhead_over_a_table_s_title_gives_the_issuer_not_the_title():
    # A sheet printed with the issuer and the motto side by side and no "BÁO CÁO" under them:
    # the motto's lines are neither the title nor the issuer's words.
    sheet = (
        "KHỐI THI ĐUA CÁC BAN QUẢN LÝ KCN, KKT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "VÙNG ĐỒNG BẰNG SÔNG CỬU LONG Độc lập - Tự do - Hạnh phúc\n"
        "Kim Sơn, ngày 12 tháng 12 năm 2037\n"
        "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM 2037\n\n"
        "Ban Quản lý Khu kinh tế tỉnh Cà Mau — Tổng điểm: 91,5; Xếp hạng: 4.\n"
    )
    frame = frame_of(sheet)
    assert frame.title == "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM 2037"
    assert frame.issuer == "KHỐI THI ĐUA CÁC BAN QUẢN LÝ KCN, KKT VÙNG ĐỒNG BẰNG SÔNG CỬU LONG"
    assert "region:dbscl" in frame.places


def test_a_scanned_issuer_s_line_read_on_into_the_place_and_date_keeps_the_name_only():
    header = (
        "BAN QUẢN LÝ KHU KINH TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH KIM SƠN : Kim Sơn, ngày 15 tháng 12 năm 2037 Độc lập - Tự do - Hạnh phúc\n"
        "Số: 87/BC-BQL\n\nBÁO CÁO\nKết quả thu hút đầu tư năm 2037\n\n"
        "Năm 2037, các KCN thu hút 12 dự án mới.\n"
    )
    assert frame_of(header).issuer == "BAN QUẢN LÝ KHU KINH TẾ TỈNH KIM SƠN"
    # The place in capitals after a scan's ":", or a city's "TP." before its name.
    assert frame_of(header.replace(": Kim Sơn,", ": KIM SƠN,")).issuer == "BAN QUẢN LÝ KHU KINH TẾ TỈNH KIM SƠN"
    city = header.replace("TỈNH KIM SƠN : Kim Sơn,", "TP. HỒ CHÍ MINH TP. Hồ Chí Minh,")
    assert frame_of(city).issuer == "BAN QUẢN LÝ KHU KINH TẾ TP. HỒ CHÍ MINH"


def test_the_first_body_line_is_no_part_of_the_title():
    frame = frame_of(PDF_HEADER)
    assert frame.title == HALF_YEAR_TITLE
    assert frame.issuer == "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH KIM SƠN"


# A bloc's name wrapped in the header's narrow left column, read cell by cell (an office
# file's letterhead table) and as a scan reads it (both columns on one line).
BLOC_LETTERHEAD = """KHỐI THI ĐUA

CÁC BAN QUẢN LÝ KHU KINH TẾ

VEN BIỂN BẮC TRUNG BỘ

VÀ DUYÊN HẢI TRUNG BỘ

Số: 05/TB-KTĐ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Độc lập - Tự do - Hạnh phúc

Kim Sơn, ngày 20 tháng 01 năm 2036

THÔNG BÁO

Kết quả chấm điểm, xếp hạng thi đua năm 2035
"""
BLOC_SCANNED = (
    "KHỐI THỊ ĐUA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM CÁC BAN QUẢN LÝ KHU KINH TẾ Độc lập - Tự do - "
    "Hạnh phúc VEN BIỂN BẮC TRUNG BỘ VÀ DUYÊN HẢI TRUNG BỘ\n\n"
    "Số: 05/TB-KTĐ Kim Sơn, ngày 20 tháng 01 năm 2036\n\n"
    "THÔNG BÁO Kết quả chấm điểm, xếp hạng thi đua năm 2035\n"
)


@pytest.mark.parametrize("header", [BLOC_LETTERHEAD, BLOC_SCANNED])
def test_a_bloc_named_over_several_header_lines_is_the_issuer_with_its_regions(header: str):
    frame = frame_of(header)
    assert frame.issuer.endswith("CÁC BAN QUẢN LÝ KHU KINH TẾ VEN BIỂN BẮC TRUNG BỘ VÀ DUYÊN HẢI TRUNG BỘ")
    assert "region:bac trung bo" in frame.places


def test_period_labels():
    assert frame_of("Sơ kết công tác thi đua 6 tháng đầu năm 2033 của Khối\n\nNội dung.").period_label == (
        "6 tháng đầu năm 2033"
    )
    assert frame_of("Tổng kết phong trào thi đua giai đoạn 2031 - 2035\n\nNội dung.").period_label == "2031–2035"
    assert frame_of("Một tin ngắn về khu công nghiệp\n\nKhông có năm nào.").period_label == ""
    # A running total of the year so far is no whole year.
    running = (
        "Các KCN thu hút 58 dự án\n\nNgày 14-3, Ban Quản lý cho biết, từ đầu năm đến nay, các KCN thu hút 58 dự án."
    )
    assert frame_of(running).period_label == "từ đầu năm đến nay"
    assert frame_of(running.replace("đầu năm", "đầu năm 2033")).period_label == "từ đầu năm 2033 đến nay"


def test_years_rank_the_period_first_and_drop_a_lone_baseline():
    text = (
        "Thu hút đầu tư vào các khu công nghiệp năm 2033\n\n"
        "So với cùng kỳ năm 2032, vốn đăng ký tăng 5%. Kế hoạch năm 2034 đặt mục tiêu cao hơn."
    )
    assert frame_of(text).years == (2033, 2034)


def test_a_decision_s_years_and_period_are_not_those_of_the_laws_it_cites():
    text = (
        "ỦY BAN NHÂN DÂN TỈNH KIM SƠN\nSố: 77/QĐ-UBND\nKim Sơn, ngày 14 tháng 02 năm 2036\n\nQUYẾT ĐỊNH\n"
        "Về việc tặng Bằng khen\n\nCăn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2032;\n"
        "Căn cứ Quyết định số 35/2034/QĐ-UBND ngày 14 tháng 9 năm 2034 của UBND tỉnh;\n"
        "Căn cứ Quy chế hoạt động của Khối ban hành kèm theo Quyết định số 01/QĐ-KTĐ ngày 10 tháng 01 năm 2033;\n"
        "Theo đề nghị của Ban Quản lý Khu kinh tế tại Tờ trình ngày 02 tháng 02 năm 2036.\n\n"
        "Điều 1. Tặng Bằng khen cho 04 tập thể có thành tích xuất sắc năm 2035.\n"
    )
    frame = frame_of(text)
    assert 2032 not in frame.years and 2033 not in frame.years and 2034 not in frame.years
    assert frame.period_label != "tháng 2/2036"  # a proposal's date, not a period
    assert frame.period_label != "tháng 1/2033"  # nor the date of the rules the bloc follows
    # A plan or a result a report is based on is what it is about; a cut-off date its period.
    text = (
        "BÁO CÁO\nKết quả thực hiện phong trào thi đua\n\nCăn cứ Kế hoạch số 05/KH-KTĐ ngày 10/3/2035 về tổ "
        "chức phong trào thi đua năm 2035, Ban Quản lý báo cáo kết quả như sau:\n\nI. Kết quả\n\nThu hút 12 dự án.\n"
    )
    assert frame_of(text).years[0] == 2035
    text = "BÁO CÁO\nTình hình hoạt động tính đến ngày 30 tháng 6 năm 2036\n\nCác KCN thu hút 12 dự án mới.\n"
    assert frame_of(text).period_label == "tháng 6/2036"


def test_metadata_title_is_used_only_when_sensible():
    assert frame_of(WEB_PAGE, metadata_title="Báo cáo tình hình các KCN quý I").title == (
        "Báo cáo tình hình các KCN quý I"
    )
    for junk in ("Microsoft Word - bao cao.docx", "bao_cao_2031_final", "untitled"):
        assert frame_of(WEB_PAGE, metadata_title=junk).title.startswith("Kim Sơn Thượng:")


def test_no_headline_falls_back_to_the_first_sentence():
    text = "Theo Ban quản lý các KCN tỉnh Kim Sơn Thượng, năm 2031 có 12 dự án mới. Câu thứ hai không vào tiêu đề."
    frame = frame_of(text)
    assert frame.title == "Theo Ban quản lý các KCN tỉnh Kim Sơn Thượng, năm 2031 có 12 dự án mới."
    assert frame.issuer == "Ban quản lý các KCN tỉnh Kim Sơn Thượng"


def test_long_titles_are_clipped():
    frame = frame_of(("Một tiêu đề rất dài về các khu công nghiệp " * 8).strip())
    assert len(frame.title) <= 160 and frame.title.endswith("…")


def test_accentless_ocr_text():
    text = (
        "Trien khai cac phong trao thi dua, hoan thanh\nnhiem vu chinh tri nam 2031\n\n"
        "Ngay 3/1/2032, Khoi thi dua Ban Quan 1y cac KCN cac tinh vung Kim Son da to chuc hoi nghi."
    )
    frame = frame_of(text)
    assert frame.title == "Trien khai cac phong trao thi dua, hoan thanh nhiem vu chinh tri nam 2031"
    assert frame.period_label == "năm 2031" and frame.years[0] == 2031
    assert frame.issuer == "Khoi thi dua Ban Quan 1y cac KCN cac tinh vung Kim Son"


@pytest.mark.parametrize(
    "line",
    [
        "Thứ Năm - 05/02/2032 09:40 SA",
        "2032-01-02 10:20:30",
        "Cập nhật: 12/3/2032",
        "PV",
        "Tác giả: PV",
        "Ảnh: Minh Anh",
        "Trang chủ » Tin tức - Sự kiện » Kinh tế",  # a menu path: "-" is no word of a name
        "BÁO KIM SƠN ĐIỆN TỬ",  # a newspaper's masthead
        "Báo Tân Lập",
    ],
)
def test_page_chrome(line):
    assert is_page_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 3/9/2032, tại tỉnh Kim Sơn, hội nghị đã diễn ra.",
        "Kết quả nổi bật",
        "KẾT LUẬN",
        "I. MỞ ĐẦU",
        "1.3. KẾT QUẢ",
        "Tăng 4.5%",
        "- Năm 2031: 12 dự án",
        "BÁO CÁO KẾT QUẢ THU HÚT ĐẦU TƯ",
        "Báo cáo sơ kết 6 tháng",
        "Bảo vệ môi trường",  # folded, "bảo" is "báo": a masthead is matched with its accents
        "Báo chí tuyên truyền",
    ],
)
def test_content_is_not_page_chrome(line):
    assert not is_page_chrome(line)


def test_headline_reaches_every_chunk_and_chrome_does_not_become_one():
    chunks = chunk_document("d", "bai.txt", [PageText(None, clean_text(WEB_PAGE))])
    assert chunks and all(c.title.startswith("Kim Sơn Thượng:") for c in chunks)
    assert all(c.context_text().startswith(c.title) for c in chunks)
    texts = [c.text for c in chunks]
    assert not any(t in ("PV", "Tác giả: PV", "Kinh tế", "Thứ Hai, 12/03/2032 14:05") for t in texts)


# --- real documents: generic properties only ---------------------------------------
_DATE_LIKE = re.compile(r"^\W*(?:thứ|chủ nhật|cập nhật|date\b|\d{1,4}[/:-]\d)", re.IGNORECASE)


def _real_documents() -> list[Path]:
    return sorted((CORPUS / "web").glob("*.txt")) + sorted(CORPUS.glob("*.txt"))


@needs_shared
def test_real_documents_exist():
    assert len(_real_documents()) >= 30


@needs_shared  # without it, the skip would say only "got empty parameter set"
@pytest.mark.parametrize("path", _real_documents(), ids=lambda p: p.name)
def test_real_titles_are_titles(path: Path):
    text = clean_text(path.read_text(encoding="utf-8"))
    frame = document_frame([PageText(None, text)], path.name)
    first_line = text.lstrip().split("\n", 1)[0]
    assert 10 <= len(frame.title) <= 160
    assert not _DATE_LIKE.match(frame.title), frame.title  # never a date stamp
    assert not is_page_chrome(frame.title)
    assert path.stem not in frame.title
    if is_page_chrome(first_line):
        assert frame.title != first_line
    assert all(1990 <= y <= 2099 for y in frame.years)
    assert len(set(frame.years)) == len(frame.years)
    if frame.period_label:
        assert (
            re.search(r"\d{4}", frame.period_label) or "tháng" in frame.period_label or "đến nay" in frame.period_label
        )
    if frame.issuer:
        assert re.match(r"(?i)(ban|kh\w+|ubnd|ủy ban)\b", frame.issuer), frame.issuer
    chunks = chunk_document("d", path.name, [PageText(None, text)])
    assert chunks and all(c.title == frame.title for c in chunks)
    assert not any(_DATE_LIKE.match(c.text) and len(c.text) < 40 for c in chunks[:3])


def test_a_byline_that_is_a_province_name_is_no_place_of_the_report():
    text = (
        "Các khu công nghiệp thu hút 58 dự án\n\nNgày 14-3, Ban Quản lý các khu công nghiệp thành phố cho biết "
        "các khu công nghiệp Đà Nẵng đã thu hút 58 dự án.\n\nKHÁNH HÒA\n"
    )
    assert frame_of(text).places == ("province:da nang",)
    # The same name inside a sentence is a place: two provinces named once each, neither dominates.
    assert frame_of(text.replace("KHÁNH HÒA", "Đoàn công tác tỉnh Khánh Hòa đến thăm.")).places == ()


def test_a_table_s_first_row_is_not_the_issuer():
    # Found by a fresh-eyes trial: a typed scoring table under a title, no letterhead.
    text = (
        "BÁO CÁO KẾT QUẢ CHẤM ĐIỂM NĂM 2041\n\n"
        "Ban Quản lý các KCN tỉnh Kim Sơn — Tổng điểm: 96,75; Xếp hạng: 2.\n\n"
        "Ban Quản lý KKT tỉnh Tân Lập — Tổng điểm: 99,0; Xếp hạng: 1.\n"
    )
    assert frame_of(text).issuer == ""
    # A sentence of the body naming its board still gives it.
    assert frame_of("BÁO CÁO NĂM 2041\n\nBan Quản lý các KCN tỉnh Kim Sơn cho biết năm 2041 thu hút 12 dự án.\n").issuer


def test_a_scanned_letterhead_read_across_its_columns_ends_in_its_place_date():
    from ingest.docframe import is_place_date

    across = (
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 41/QĐ-BKHĐT "
        "Độc lập - Tự do - Hạnh phúc Hà Nội, ngày 27 tháng 02 năm 2036"
    )
    assert is_place_date(across)
    # A sentence that names a date on its way is none.
    assert not is_place_date("Hội nghị tổng kết của Khối được tổ chức tại Kim Sơn, ngày 12 tháng 12 năm 2036.")
    assert not is_place_date(
        "Theo kế hoạch của Khối, hội nghị tổng kết công tác thi đua khen thưởng dự kiến "
        "tổ chức ngày 12 tháng 12 năm 2036 tại Kim Sơn"
    )


def test_a_board_s_report_is_about_its_own_province_not_the_bloc_leader_it_names():
    text = (
        "UBND TỈNH HƯNG YÊN\nBAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP\n\nBÁO CÁO\nSơ kết công tác 6 tháng đầu năm 2036\n\n"
        "6 tháng đầu năm 2036, các KCN tỉnh Hưng Yên thu hút 27 dự án FDI với tổng vốn 562,5 triệu USD.\n\n"
        "Năm 2036, Ban Quản lý các KCN tỉnh Ninh Bình làm Khối trưởng; Ban Quản lý dự Hội nghị ký kết "
        "giao ước thi đua tại tỉnh Ninh Bình.\n"
    )
    assert frame_of(text).places == ("province:hung yen",)


# A scan whose header OCR read across its two columns: the date line ends in the document's
# type, and the first heading is glued to the subject.
HEADER_READ_ACROSS = """KHỐI THI ĐUA CÁC BAN QUẢN LÝ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

KKT, KCN TỈNH KIM SƠN Độc lập - Tự do - Hạnh phúc Số: 07/BC-KTĐ Kim Sơn, ngày 12 tháng 01 năm 2037 BÁO CÁO

Tổng kết công tác thi đua, khen thưởng năm 2036 I. ĐẶC ĐIỂM TÌNH HÌNH

Khối thi đua gồm 05 thành viên, năm 2036 tổ chức nhiều phong trào thi đua sôi nổi và đạt kết quả tốt.
"""


def test_a_scanned_header_read_across_its_columns_gives_the_type_and_subject_as_title():
    frame = frame_of(HEADER_READ_ACROSS)
    assert frame.title == "BÁO CÁO số 07/BC-KTĐ — Tổng kết công tác thi đua, khen thưởng năm 2036"
    assert frame.period_label == "năm 2036"  # not the month of its date line


def test_an_ocr_d_report_s_region_is_read_through_misread_letters():
    # The issuer line as a scan read it: no accents, "sông" read "séng".
    issuer = "Khoi thi dua Ban Quan ly cac KCN, KCX, KKT cac tinh dong bang séng Hong"
    text = (
        f"Trien khai hieu qua cac phong trao thi dua nam 2036\n\n{issuer}\n\n"
        "Ngay 3/1/2037 tai tinh Kim Son, Khoi thi dua to chuc Hoi nghi tong ket cong tac thi dua nam 2036 "
        "va phat dong phong trao thi dua nam 2037 voi su tham du cua 11 Ban Quan ly thanh vien.\n"
    )
    assert frame_of(text).places == ("region:dbsh",)
    # two letters misread in "dong bang song hong" (16 letters) are still within the one in five
    assert frame_of(text.replace("séng Hong", "séng Hing")).places == ("region:dbsh",)
    # words that only resemble a region's name are none ("dong bang" alone)
    assert frame_of(text.replace("dong bang séng Hong", "dong bang Kim Son")).places == ()


def test_a_caption_keeps_what_it_tells_without_its_credit():
    from ingest.docframe import caption_sentence

    told = "Lễ ký kết biên bản ghi nhớ giữa UBND tỉnh Cà Mau và các nhà đầu tư tại KCN Tân Lập."
    assert caption_sentence(f"{told} Ảnh: Minh Anh") == told
    assert caption_sentence(f"{told[:-1]} - Ảnh: T.Hương") == told[:-1]
    # No credit: a name's "Anh:" inside a line; a caption that tells little.
    assert caption_sentence("Các đơn vị được khen gồm Công ty TNHH Minh Anh: 12 tập thể") == ""
    assert caption_sentence("Toàn cảnh hội nghị. Ảnh: PV") == ""


def test_a_stamp_line_s_byline_is_short_a_sentence_is_no_byline():
    assert is_page_chrome("Cập nhật lúc 15:42 ngày 18/04/2061 | Tác giả: Minh Thư - Bảo Ngọc | Lượt xem: 1.208")
    assert not is_page_chrome("Kim Sơn, 12/3/2061 | Theo báo cáo của Ban Quản lý, các KCN thu hút 312 dự án mới")


BODY = [PageText(1, "Năm 2038, các khu thu hút 29 dự án mới với tổng vốn đăng ký 731 triệu USD.")]


@pytest.mark.parametrize(
    ("running", "issuer", "places"),
    [
        # A header in two lines of capitals is one name, as a letterhead's is.
        (
            ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "TỈNH KON TUM"),
            "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH KON TUM",
            ("province:kon tum",),
        ),
        # The board beats the provincial committee above it; what follows a dash is no name.
        (
            ("ỦY BAN NHÂN DÂN TỈNH GIA LAI", "Ban Quản lý Khu kinh tế tỉnh Kon Tum - Báo cáo quý I"),
            "Ban Quản lý Khu kinh tế tỉnh Kon Tum",
            ("province:kon tum",),
        ),
        (("BAN QUẢN LÝ KKT tỉnh Kon Tum — Giao ban quý I",), "BAN QUẢN LÝ KKT tỉnh Kon Tum", ("province:kon tum",)),
        (("Báo cáo số 12/BC-BQL – Trang 1/3",), "", ()),
    ],
)
def test_the_issuer_read_from_running_lines(running, issuer, places):
    frame = document_frame(BODY, "giao_ban.pdf", running_lines=running)
    assert (frame.issuer, frame.places) == (issuer, places)


def test_who_chairs_is_a_line_of_its_own_not_part_of_the_board_s_name():
    frame = frame_of("Chủ trì: Ban Quản lý KKT tỉnh Kon Tum\nHội nghị sơ kết 6 tháng đầu năm 2038\nThu hút 29 dự án.")
    assert frame.issuer == "Ban Quản lý KKT tỉnh Kon Tum"


@pytest.mark.parametrize("printed", ["KẾT QUẢ THU HÚT ĐẦU TƯ VÀO CÁC KCN NĂM 2038", "BIỂU TỔNG HỢP CÁC KCN NĂM 2038"])
def test_a_table_s_title_printed_over_every_page_in_accented_capitals_titles_it(printed: str):
    # "[^a-zà-ỹđ]" took every accented capital (Ế, Ả, Đ, Ư …) for a small letter.
    rows = [PageText(1, "KCN Tân Lập — Số dự án: 12 dự án; Vốn đăng ký: 45,6 triệu USD.")]
    assert document_frame(rows, "bang.pdf", running_lines=(printed,)).title == printed


def test_a_year_named_only_as_what_figures_are_compared_with_is_no_year_of_the_document():
    # A sheet's column "Tăng/giảm lao động so với năm 2037" on every row made 2037 one of the
    # workbook's years: "… năm 2037?" near misses were answered with 2038's rows.
    rows = "\n\n".join(
        f"KCN Tân Lập {n} — Số lao động: {1000 + n}; Tăng/giảm lao động so với năm 2037: {n}." for n in range(8)
    )
    frame = frame_of(f"BẢNG SO SÁNH KẾT QUẢ SẢN XUẤT KINH DOANH NĂM 2038\n\n{rows}")
    assert frame.years == (2038,)


def test_nine_months_said_without_dau_is_the_period_not_the_quarter_planned_after_it():
    frame = frame_of(
        "BAN QUẢN LÝ KHU KINH TẾ TỈNH QUẢNG NGÃI\n\nBÁO CÁO\nTình hình thực hiện nhiệm vụ 9 tháng năm 2031 "
        "và phương hướng, nhiệm vụ quý IV năm 2031\n\nTrong 9 tháng năm 2031, Ban đã cấp mới 18 dự án."
    )
    assert frame.period_label == "9 tháng đầu năm 2031"
    assert frame_of("BÁO CÁO\nKết quả 12 tháng năm 2031\n\nNăm 2031 cấp mới 18 dự án.").period_label == "năm 2031"


def test_a_newsletter_s_issue_label_is_not_the_period_its_articles_report_on():
    frame = frame_of(
        "BẢN TIN KHỐI THI ĐUA CÁC BAN QUẢN LÝ KCN, KKT KHU VỰC TÂY NGUYÊN\n\nSố 04 (Quý IV/2031) – Phát hành ngày "
        "20/12/2031\n\nNgày 15/12/2031, tại thành phố Pleiku, Khối tổ chức Hội nghị tổng kết công tác thi đua, "
        "khen thưởng năm 2031."
    )
    assert frame.period_label == "năm 2031"
    # A directive's number is no issue's, nor a quarter that is no issue's.
    lead = "BÁO CÁO\nThực hiện Chỉ thị số 05, 6 tháng đầu năm 2031\n\nTrong 6 tháng, cấp mới 4 dự án."
    assert frame_of(lead).period_label == "6 tháng đầu năm 2031"
    assert frame_of("BÁO CÁO\nTình hình quý IV/2031\n\nTrong quý, cấp mới 4 dự án.").period_label == "quý IV năm 2031"
