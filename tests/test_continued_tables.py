"""A table that goes on over a page break without its header row (``ingest.continued_tables``).
Invented rows: no name or figure of the sample reports or the web pages."""

import pytest

from ingest.continued_tables import with_continued_rows
from ingest.models import PageText

pytestmark = pytest.mark.unit

FIRST = PageText(
    1,
    "1. Kết quả chấm điểm\n\n"
    "Ban Quản lý các KCN tỉnh Kim Sơn — Điểm tự chấm: 98,25; Điểm Khối chấm: 97,8; Xếp hạng: 1.\n\n"
    "Ban Quản lý Khu kinh tế tỉnh Tân Lập — Điểm tự chấm: 97,0; Điểm Khối chấm: 96,4; Xếp hạng: 2.",
)


def test_rows_over_a_page_break_are_said_with_the_headers_of_the_page_before():
    second = PageText(
        2,
        "- 2 -\n\n3. | Ban Quản lý các KCN tỉnh Hòa Bình Mới | 94,2 | 92,65 | 3\n\n"
        "4 | Ban Quản lý KKT tỉnh Tân Lập Bắc | 91,0 | 89,2 | 4\n\nĐiểm bình quân của Khối là 94,05 điểm.",
    )
    first, after = with_continued_rows([FIRST, second])
    assert first == FIRST
    assert after.text.split("\n\n") == [
        "- 2 -",
        "Ban Quản lý các KCN tỉnh Hòa Bình Mới — Điểm tự chấm: 94,2; Điểm Khối chấm: 92,65; Xếp hạng: 3.",
        "Ban Quản lý KKT tỉnh Tân Lập Bắc — Điểm tự chấm: 91,0; Điểm Khối chấm: 89,2; Xếp hạng: 4.",
        "Điểm bình quân của Khối là 94,05 điểm.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Text comes first: the table ended on the page before.
        "2. Đề nghị khen thưởng của Khối thi đua năm 2061\n\n3 | Kim Sơn | 94,2 | 92,65 | 3",
        # Another table, captioned, with as many cells.
        "Bảng 2. Thu hút đầu tư\n\n1 | KCN Kim Sơn | 12 | 300 | 45",
        # Another table: its rows have other cells.
        "3 | Kim Sơn | 94,2 | 92,65",
    ],
)
def test_a_page_that_does_not_go_on_with_the_table_is_left_as_read(text: str):
    page = PageText(2, text)
    assert with_continued_rows([FIRST, page])[1] == page
    # Nor does a page after one that ends in text.
    assert with_continued_rows([PageText(1, "Kết luận của Hội nghị."), page])[1] == page
