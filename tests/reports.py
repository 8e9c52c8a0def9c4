"""Small reports written by tests: a typeset PDF with Vietnamese text, and hostile text."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian fonts-dejavu-core

PDF_PAGES = [
    (
        "BÁO CÁO KẾT QUẢ CÔNG TÁC NĂM 2021 CỦA BAN QUẢN LÝ CÁC KCN TỈNH THÁI NGUYÊN",
        "I. Tình hình thu hút đầu tư",
        [
            "Năm 2021, các KCN tỉnh Thái Nguyên thu hút mới 14 dự án với tổng vốn đăng ký 312 triệu USD.",
            "Tỷ lệ lấp đầy bình quân các KCN đạt 78,4%.",
        ],
    ),
    (
        "",
        "II. Kết quả sản xuất kinh doanh",
        [
            "Giá trị xuất khẩu năm 2021 của các doanh nghiệp trong các KCN tỉnh Thái Nguyên đạt 27,5 tỷ USD, "
            "tăng 6,2% so với năm 2020.",
            "Tổng số lao động làm việc trong các KCN đến cuối năm 2021 là 105.300 người.",
        ],
    ),
]
PDF_QUESTION = "Giá trị xuất khẩu năm 2021 của các KCN tỉnh Thái Nguyên đạt bao nhiêu?"
PDF_FACT = "27,5 tỷ USD"

HOSTILE_REPORT = (
    "BÁO CÁO THỬ NGHIỆM AN TOÀN <script>window.__pwned = 1</script>\n\n"
    '1. Ban Quản lý các KCN tỉnh Lào Cai <img src=x onerror="window.__pwned = 2">\n\n'
    "- Năm 2021 Ban Quản lý các KCN tỉnh Lào Cai giải ngân đạt 93,7% kế hoạch "
    '<img src=x onerror="window.__pwned = 3"> [bấm vào đây](javascript:window.__pwned=4) **in đậm** <b>thẻ b</b>.\n'
)
HOSTILE_QUESTION = "Ban Quản lý các KCN tỉnh Lào Cai giải ngân năm 2021 đạt bao nhiêu % kế hoạch?"


def write_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    for title, heading, paragraphs in PDF_PAGES:
        pdf.add_page()
        pdf.set_font("DejaVu", size=12)
        if title:
            pdf.multi_cell(0, 7, title)
            pdf.ln(4)
        pdf.multi_cell(0, 7, heading)
        pdf.ln(2)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 7, paragraph)
            pdf.ln(3)
    pdf.output(str(path))
    return path


def marked_share(image, box: tuple[float, float, float, float] | None = None) -> float:
    """Share of the pixels (within ``box``, in the image's pixels) tinted by the passage mark of
    ``app.web.passage_box``: its translucent yellow over the white page."""
    region = image.convert("RGB").crop(tuple(round(v) for v in box)) if box else image.convert("RGB")
    pixels = list(region.getdata())
    tinted = sum(1 for r, g, b in pixels if r > 230 and 225 < g < 250 and 140 < b < 200)
    return tinted / max(len(pixels), 1)
