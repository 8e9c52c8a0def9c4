"""A PDF's running header and footer are dropped from its pages."""

import pytest

from ingest.models import PageText
from ingest.running_lines import split_running_lines

pytestmark = pytest.mark.unit

HEADER = "Ban Quản lý các KCN tỉnh Kim Sơn – Báo cáo tổng kết năm 2036"


def page(number: int, body: str) -> PageText:
    return PageText(number, f"{HEADER}\n{body}\nBáo cáo số 12/BC-BQL – Trang {number}/3")


def test_a_line_repeated_at_the_top_or_foot_of_the_pages_is_dropped():
    pages = [
        page(1, "BÁO CÁO\nNăm 2036, các KCN thu hút 27 dự án."),
        page(2, "Thu nhập bình quân của người lao động đạt 9,6 triệu"),
        page(3, "đồng/người/tháng.\nTRƯỞNG BAN"),
    ]
    kept, running = split_running_lines(pages)
    assert running == (HEADER, "Báo cáo số 12/BC-BQL – Trang 1/3")  # each once, as first printed
    assert [p.text for p in kept] == [
        "BÁO CÁO\nNăm 2036, các KCN thu hút 27 dự án.",
        "Thu nhập bình quân của người lao động đạt 9,6 triệu",
        "đồng/người/tháng.\nTRƯỞNG BAN",
    ]


def test_a_line_at_the_edge_of_one_page_only_is_kept():
    pages = [PageText(1, "BÁO CÁO\nNăm 2036, các KCN thu hút 27 dự án."), PageText(2, "Tỷ lệ lấp đầy đạt 72%.\nHết.")]
    assert split_running_lines(pages) == (pages, ())


HEADER_OF_DECK = "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH KON TUM — Giao ban 6 tháng đầu năm 2038"
SLIDES = [
    [
        "BÁO CÁO NHANH",
        "Tình hình các khu công nghiệp 6 tháng đầu năm 2038",
        "Trình bày: ông Lê Văn Tám, Phó Trưởng ban",
    ],
    [
        "1. Thu hút đầu tư",
        "Cấp mới 7 dự án (4 dự án FDI, 3 dự án DDI); cùng kỳ năm 2037: 5 dự án",
        "Vốn FDI cấp mới: 61,3 triệu USD — bằng 43,8% kế hoạch năm",
        "Nộp ngân sách: 417 tỷ đồng — bằng 46,1% dự toán năm",
    ],
    [
        "2. Kết quả chấm điểm",
        "Kết quả xếp hạng các khu như sau:",
        "Hạng 1: KCN Tân Lập - 96,5 điểm",
        "Hạng 2: KCN Kim Sơn - 94,25 điểm",
    ],
]


def slide_deck(path):
    """Slides printed to PDF: the board named only in the header over every slide, bullets
    drawn (not typed), so each item is a line of its own without a full stop."""
    from fpdf import FPDF

    from .reports import FONT

    pdf = FPDF(orientation="L")
    pdf.set_auto_page_break(False)  # the page number at the foot of its own slide
    pdf.add_font("DejaVu", fname=str(FONT))
    for number, lines in enumerate(SLIDES, start=1):
        pdf.add_page()
        pdf.set_font("DejaVu", size=10)
        pdf.cell(0, 8, HEADER_OF_DECK, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=16)
        for line in lines:
            pdf.cell(0, 12, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.set_font("DejaVu", size=10)
        pdf.cell(0, 8, f"Trang {number}/{len(SLIDES)}")
    pdf.output(str(path))
    return path


@pytest.mark.integration
def test_a_slide_deck_s_header_names_its_board_and_each_drawn_bullet_is_a_paragraph(tmp_path):
    from ingest.chunking import chunk_document
    from ingest.docframe import document_frame
    from ingest.loaders import load_document

    parsed = load_document(slide_deck(tmp_path / "giao_ban.pdf"), 10_000_000)
    assert HEADER_OF_DECK in parsed.running_lines  # kept out of the text, not lost
    assert all(HEADER_OF_DECK not in page.text for page in parsed.pages)
    frame = document_frame(parsed.pages, parsed.source, parsed.title, parsed.running_lines)
    assert frame.issuer == "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH KON TUM"
    assert frame.places == ("province:kon tum",)
    assert "Trình bày" not in frame.title  # who presents is no part of the title
    chunks = chunk_document(parsed.doc_id, parsed.source, parsed.pages, frame)
    texts = [c.text for c in chunks]
    for item in [*SLIDES[1][1:], *SLIDES[2][2:]]:
        assert item in texts  # one paragraph each, not one run-on paragraph
    ranked = [c for c in chunks if c.text.startswith("Hạng")]
    assert all(c.headings[-1] == SLIDES[2][1] for c in ranked)  # under the lead-in that announces them
