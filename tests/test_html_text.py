"""A saved web page (.html) and a PDF whose accents pypdf reads apart, read as a typed report's
text (``ingest.html_text``, ``ingest.pdf_tables``)."""

from pathlib import Path

import pytest

from ingest.chunking import chunk_document
from ingest.docframe import document_frame
from ingest.html_text import html_title, html_to_text
from ingest.loaders import load_document
from ingest.pdf_tables import syllable_share

from .conftest import FIXTURES

# Invented page: no name, year or figure of the sample reports or the web pages.
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tin tức</title>
<style>p { color: red }</style><script>var views = 1;</script></head><body>
<header class="site"><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH KIM SƠN</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/kt">Kinh tế</a></li></ul></nav></header>
<article><header><h1>Khối thi đua tổng kết năm 2031</h1></header><div class="date">Thứ Hai, 12/01/2032 08:15</div>
<p>Ngày 10/1, tại tỉnh <b>Kim Sơn</b>, Khối thi đua tổ chức hội nghị tổng kết.<br>Các KCN thu hút 47 dự án.</p>
<figure><img src="a.jpg"><figcaption>Toàn cảnh hội nghị</figcaption></figure>
<table><tr><th>Chỉ tiêu</th><th>Năm 2031</th><th>Năm 2032</th></tr><tr><td>Số dự án</td><td>39</td><td>47</td></tr>
<tr><td>Lao động</td><td>8.120</td><td>8.930</td></tr></table>
<!-- quảng cáo --><noscript>Bật JavaScript</noscript></article>
<footer><p>Bản quyền thuộc Cổng thông tin điện tử tỉnh Kim Sơn</p></footer></body></html>"""


@pytest.mark.unit
def test_a_web_page_is_its_blocks_and_table_rows_without_markup_or_scripts():
    # The site's header, menu and footer are not the article's (the portal's name was its title).
    assert html_to_text(PAGE).split("\n\n") == [
        "Khối thi đua tổng kết năm 2031",
        "Thứ Hai, 12/01/2032 08:15",
        "Ngày 10/1, tại tỉnh Kim Sơn, Khối thi đua tổ chức hội nghị tổng kết.\nCác KCN thu hút 47 dự án.",
        "Toàn cảnh hội nghị",
        "Số dự án — Năm 2031: 39; Năm 2032: 47.",  # each row said with its headers
        "Lao động — Năm 2031: 8.120; Năm 2032: 8.930.",
    ]
    assert html_to_text("") == "" and html_to_text("<!-- only a comment -->") == ""
    # A header holding the headline, and an article's footer (its byline), are the article's.
    detail = "<body><header><h1>Tin A</h1></header><div><p>Thân bài.</p><footer>Tác giả: X</footer></div></body>"
    assert html_to_text(detail).split("\n\n") == ["Tin A", "Thân bài.", "Tác giả: X"]
    # A sidebar of other articles' links is the site's; a box of text, or an aside holding
    # the article itself, is the article's.
    sidebar = (
        "<body><main><div><h1>Tin A</h1><p>Thân bài.</p><aside>Điểm nhấn: 47 dự án.</aside></div>"
        '<aside><h3>Tin liên quan</h3><ul><li><a href="/b">KCN Tân Lập đón nhà đầu tư mới</a></li></ul></aside>'
        "</main></body>"
    )
    assert html_to_text(sidebar).split("\n\n") == ["Tin A", "Thân bài.", "Điểm nhấn: 47 dự án."]
    whole = '<body><aside><h1>Tin B</h1><p>Thân bài <a href="/c">xem thêm</a>.</p></aside></body>'
    assert html_to_text(whole).split("\n\n") == ["Tin B", "Thân bài xem thêm."]


@pytest.mark.unit
def test_a_saved_web_page_is_indexed_with_its_table_rows_said_as_sentences(tmp_path: Path):
    path = tmp_path / "tin_tong_ket.html"
    path.write_text(PAGE, encoding="utf-8")
    document = load_document(path, 10_000_000)
    texts = [c.text for c in chunk_document(document.doc_id, document.source, document.pages)]
    assert "Số dự án — Năm 2031: 39; Năm 2032: 47." in texts
    assert not any("<" in t or "var views" in t or "JavaScript" in t for t in texts)


@pytest.mark.integration
def test_a_pdf_whose_accents_pypdf_reads_apart_is_read_where_its_letters_are_printed():
    # Saved by LibreOffice with a font that draws "Ả" as a glyph of its own: pypdf reads
    # "BAN QU N LÝ … KIM S NẢ Ệ Ỉ Ơ".
    page = load_document(FIXTURES / "accents_apart.pdf", 10_000_000).pages[0].text
    assert "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH KIM SƠN" in page
    assert "thu hút được 47 dự án mới, tổng vốn đăng ký đạt" in page


@pytest.mark.unit
def test_the_reading_with_its_letters_in_their_words_has_more_syllables():
    assert syllable_share("BAN QUẢN LÝ CÁC KHU") == 1.0
    assert syllable_share("BAN QU N LÝ CÁC KHU Ả") < syllable_share("BAN QUẢN LÝ CÁC KHU")
    assert syllable_share("2031") == 0.0


# Invented portal article: the portal's name in an <h1> over every page, the article's headline
# in an <h2> (longer than a wrapped line's 3/4, without a full stop), a meta line, the lead, a
# photo caption over a sub-heading, and a letterhead table whose cells break lines with <br>.
ARTICLE = """<html><head><title>Hội nghị xúc tiến đầu tư vào các khu công nghiệp tỉnh Cà Mau năm 2061 thu hút
thêm nhiều nhà đầu tư mới - Cổng thông tin điện tử tỉnh Cà Mau</title></head><body>
<header><h1>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH CÀ MAU</h1></header>
<div class="breadcrumb">Trang chủ » Tin tức - Sự kiện » Kinh tế</div>
<article><h2>Hội nghị xúc tiến đầu tư vào các khu công nghiệp tỉnh Cà Mau năm 2061
thu hút thêm nhiều nhà đầu tư mới</h2>
<div class="meta">Cập nhật lúc 09:12 ngày 14/03/2061 | Tác giả: Minh Tâm | Lượt xem: 2.318</div>
<p>Sáng 14/3/2061, Ban Quản lý Khu kinh tế tỉnh Cà Mau tổ chức Hội nghị xúc tiến đầu tư vào các khu công nghiệp.</p>
<figure><img src="a.jpg"><figcaption>Lãnh đạo tỉnh trao chứng nhận đầu tư cho các nhà đầu tư tại hội nghị
sáng 14/3. Ảnh: Minh Tâm</figcaption></figure>
<h3>Thu hút vốn đầu tư mới</h3>
<p>Tính đến ngày 28/2/2061, các KCN của tỉnh đã thu hút 312 dự án còn hiệu lực.</p>
</article></body></html>"""


@pytest.mark.unit
def test_a_web_page_is_titled_by_its_headline_not_by_its_portal():
    assert html_title(ARTICLE) == (
        "Hội nghị xúc tiến đầu tư vào các khu công nghiệp tỉnh Cà Mau năm 2061 thu hút thêm nhiều nhà đầu tư mới"
    )
    # No heading held by the declared title: its longest part; none declared: no title.
    assert html_title("<title>Cà Mau thu hút 312 dự án vào các KCN | Báo Cà Mau</title><p>x</p>") == (
        "Cà Mau thu hút 312 dự án vào các KCN"
    )
    assert html_title("<title>Tin tức</title><h1>Trang chủ</h1>") == ""
    assert html_title("<p>Không có tiêu đề.</p>") == ""
    # The site's name is the part of the <title> its header shows, even when it is the longer.
    longer = (
        "<html><head><title>Cà Mau thu hút 41 dự án vào các KCN | Cổng thông tin điện tử Ban Quản lý các KCN tỉnh "
        "Cà Mau</title></head><body><header><h1>Cổng thông tin điện tử Ban Quản lý các KCN tỉnh Cà Mau</h1></header>"
        "<p>Tin.</p></body></html>"
    )
    assert html_title(longer) == "Cà Mau thu hút 41 dự án vào các KCN"
    # A page titled by its site's name alone, which its header shows: no article's headline.
    portal = "<html><head><title>Cổng thông tin điện tử tỉnh Cà Mau</title></head><body><header>"
    assert html_title(f"{portal}<h1>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH CÀ MAU</h1></header><p>Tin.</p></body></html>") == ""


@pytest.mark.unit
def test_a_web_pages_blocks_stay_apart_and_its_sub_heading_heads_the_paragraph_under_it(tmp_path: Path):
    path = tmp_path / "tin.html"
    path.write_text(ARTICLE, encoding="utf-8")
    document = load_document(path, 10_000_000)
    frame = document_frame(document.pages, document.source, document.title)
    assert frame.title.startswith("Hội nghị xúc tiến đầu tư") and "CỔNG THÔNG TIN" not in frame.title
    chunks = chunk_document(document.doc_id, document.source, document.pages, frame)
    texts = [c.text for c in chunks]
    # The headline, its meta line and the lead were one passage; the caption ran into the
    # sub-heading and its paragraph.
    lead = next(c for c in chunks if c.text.startswith("Sáng 14/3/2061"))
    assert "Cập nhật" not in lead.text and "Lượt xem" not in lead.text
    body = next(c for c in chunks if "312 dự án" in c.text)
    assert body.text.startswith("Tính đến ngày 28/2/2061")
    assert body.headings[-1:] == ("Thu hút vốn đầu tư mới",)
    assert not any("Trang chủ" in h for c in chunks for h in c.headings)  # the breadcrumb is no heading
    assert not any("Ảnh: Minh Tâm" in t and "312" in t for t in texts)


@pytest.mark.unit
def test_a_letterhead_tables_line_breaks_part_its_words_and_its_number_is_not_the_issuer(tmp_path: Path):
    page = """<html><body><table><tr><td><b>ỦY BAN NHÂN DÂN<br>TỈNH CÀ MAU</b><br>Số: 15/QĐ-UBND</td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>
<i>Cà Mau, ngày 3 tháng 4 năm 2061</i></td>
</tr></table><p><b>QUYẾT ĐỊNH</b></p><p><b>Về việc tặng Bằng khen cho các tập thể có thành tích xuất sắc</b></p>
<p>Căn cứ Luật Thi đua, khen thưởng;</p><p>Điều 1. Tặng Bằng khen cho 12 tập thể có thành tích xuất sắc năm 2060.</p>
</body></html>"""
    path = tmp_path / "qd.html"
    path.write_text(page, encoding="utf-8")
    document = load_document(path, 10_000_000)
    assert "ỦY BAN NHÂN DÂN TỈNH CÀ MAU Số: 15/QĐ-UBND" in document.pages[0].text
    frame = document_frame(document.pages, document.source, document.title)
    assert frame.issuer == "ỦY BAN NHÂN DÂN TỈNH CÀ MAU"
    assert frame.title.startswith("QUYẾT ĐỊNH số 15/QĐ-UBND")


@pytest.mark.unit
def test_a_table_s_caption_merged_headers_and_row_groups_are_said_with_each_row():
    # A portal's table: a caption, a two-row header (colspan over the periods, rowspan on the
    # rest) and a group's name spanning its rows. Its rows were read as bare values ("2 | Vốn
    # FDI | 369,5 | 900,0"): nothing said which figure was the plan and which the result.
    page = """<html><body><article><h1>Kết quả 6 tháng đầu năm 2035 của các KCN tỉnh Tây Ninh</h1>
    <table><caption>Bảng 1. Một số chỉ tiêu chủ yếu</caption>
    <thead><tr><th rowspan="2">Chỉ tiêu</th><th colspan="2">Năm 2035</th></tr>
    <tr><th>Kế hoạch năm</th><th>6 tháng đầu năm</th></tr></thead>
    <tbody><tr><td>Vốn FDI cấp mới (triệu USD)</td><td>900,0</td><td>486,3</td></tr>
    <tr><td>Số dự án mới</td><td>40</td><td>23</td></tr></tbody></table>
    <table><tr><th>Nhóm</th><th>Khu</th><th>Lao động</th></tr>
    <tr><td rowspan="2">Khu công nghiệp</td><td>KCN Tân Lập</td><td>12.940</td></tr>
    <tr><td>KCN Tân Khê</td><td>8.310</td></tr></table></article></body></html>"""
    blocks = html_to_text(page).split("\n\n")
    assert "Bảng 1. Một số chỉ tiêu chủ yếu" in blocks
    assert any("Năm 2035 Kế hoạch năm: 900,0" in b and "Năm 2035 6 tháng đầu năm: 486,3" in b for b in blocks), blocks
    assert "Khu công nghiệp — Khu: KCN Tân Khê; Lao động: 8.310." in blocks  # the group said on each row


@pytest.mark.unit
def test_blocks_of_links_to_other_pages_are_no_text_of_the_article():
    page = PAGE.replace(
        "</article>",
        '<div class="tags">Từ khóa: <a href="/t/kcn">khu công nghiệp</a>, <a href="/t/fdi">FDI</a></div></article>'
        '<section class="related"><h3>Tin liên quan</h3><ul><li><a href="/a">Nhìn lại hội nghị tổng kết năm 2030'
        '</a> <span>(28/12/2030)</span></li><li><a href="/b">Khởi công KCN Tân Khê giai đoạn 2</a></li></ul></section>',
    ).replace(
        "<p>Ngày 10/1,",
        '<p>Xem thêm <a href="/kh">kế hoạch năm 2032</a> của Khối.</p><p>Ngày 10/1,',
    )
    text = html_to_text(page)
    assert "Tin liên quan" not in text and "năm 2030" not in text
    # The article's own links stay: a paragraph with a link, its keywords, the laws it cites.
    assert "Xem thêm kế hoạch năm 2032 của Khối." in text and "Các KCN thu hút 47 dự án." in text
    assert "Từ khóa" in text
    cited = page.replace("</article>", '<ul><li><a href="/l">Luật Đầu tư số 12/2031/QH16;</a></li></ul></article>')
    assert "Luật Đầu tư số 12/2031/QH16;" in html_to_text(cited)
