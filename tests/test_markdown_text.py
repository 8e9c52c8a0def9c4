"""A Markdown report read as the text of a typed report: no markup left in any paragraph."""

import pytest

from ingest.chunking import chunk_document
from ingest.loaders import load_document
from ingest.markdown_text import markdown_to_text

pytestmark = pytest.mark.unit

REPORT = """**BAN QUẢN LÝ CÁC KCN TỈNH KIM SƠN**  
Số: 12/BC-BQL

*Kim Sơn, ngày 15 tháng 12 năm 2036*

# BÁO CÁO

**Tổng kết công tác năm 2036**

## I. KẾT QUẢ

Năm 2036, các KCN thu hút **41 dự án** FDI.

*Bảng 1. Kết quả chấm điểm*

| TT | Đơn vị | Tổng điểm |
| --- | --- | --- |
| 1 | Ban Quản lý các KCN tỉnh Tân Lập | 96,5 |
| 2 | Ban Quản lý các KCN tỉnh Kim Sơn | 95,5 |

1. Đề nghị tặng Cờ thi đua cho Ban Quản lý các KCN tỉnh Tân Lập.
2. Đề nghị tặng Bằng khen cho 02 cá nhân.
"""


def test_markdown_markup_is_dropped_and_blocks_become_paragraphs():
    text = markdown_to_text(REPORT)
    assert "**" not in text and "#" not in text and "---" not in text
    paragraphs = text.split("\n\n")
    # A hard break keeps the letterhead's lines; headings and captions stand alone.
    assert paragraphs[:5] == [
        "BAN QUẢN LÝ CÁC KCN TỈNH KIM SƠN\nSố: 12/BC-BQL",
        "Kim Sơn, ngày 15 tháng 12 năm 2036",
        "BÁO CÁO",
        "Tổng kết công tác năm 2036",
        "I. KẾT QUẢ",
    ]
    assert "TT | Đơn vị | Tổng điểm\n1 | Ban Quản lý các KCN tỉnh Tân Lập | 96,5" in text
    # An ordered list keeps its numbers (they number the proposals).
    assert paragraphs[-2:] == [
        "1. Đề nghị tặng Cờ thi đua cho Ban Quản lý các KCN tỉnh Tân Lập.",
        "2. Đề nghị tặng Bằng khen cho 02 cá nhân.\n",
    ]


def test_a_markdown_report_is_indexed_with_its_table_rows_said_as_sentences(tmp_path):
    path = tmp_path / "bao_cao_2036.md"
    path.write_text(REPORT, encoding="utf-8")
    document = load_document(path, 10_000_000)
    chunks = chunk_document(document.doc_id, document.source, document.pages)
    texts = [c.text for c in chunks]
    assert not any("**" in t or t.startswith("#") or "| --- |" in t for t in texts)
    assert "Ban Quản lý các KCN tỉnh Tân Lập — Tổng điểm: 96,5." in texts
    assert chunks[0].issuer.startswith("BAN QUẢN LÝ CÁC KCN TỈNH KIM SƠN")
