"""A saved web page (.html) and a PDF whose accents pypdf reads apart, read as a typed report's
text (``ingest.html_text``, ``ingest.pdf_tables``)."""

from pathlib import Path

import pytest

from ingest.chunking import chunk_document
from ingest.html_text import html_to_text
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
        "Chỉ tiêu | Năm 2031 | Năm 2032\nSố dự án | 39 | 47\nLao động | 8.120 | 8.930",
    ]
    assert html_to_text("") == "" and html_to_text("<!-- only a comment -->") == ""
    # A header holding the headline, and an article's footer (its byline), are the article's.
    detail = "<body><header><h1>Tin A</h1></header><div><p>Thân bài.</p><footer>Tác giả: X</footer></div></body>"
    assert html_to_text(detail).split("\n\n") == ["Tin A", "Thân bài.", "Tác giả: X"]


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
