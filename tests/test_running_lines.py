"""A PDF's running header and footer are dropped from its pages."""

import pytest

from ingest.models import PageText
from ingest.running_lines import without_running_lines

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
    texts = [p.text for p in without_running_lines(pages)]
    assert texts == [
        "BÁO CÁO\nNăm 2036, các KCN thu hút 27 dự án.",
        "Thu nhập bình quân của người lao động đạt 9,6 triệu",
        "đồng/người/tháng.\nTRƯỞNG BAN",
    ]


def test_a_line_at_the_edge_of_one_page_only_is_kept():
    pages = [PageText(1, "BÁO CÁO\nNăm 2036, các KCN thu hút 27 dự án."), PageText(2, "Tỷ lệ lấp đầy đạt 72%.\nHết.")]
    assert without_running_lines(pages) == pages
