"""Tables typed in a plain-text report: each row one sentence, said with its headers."""

import pytest

from ingest.text_tables import with_table_sentences

pytestmark = pytest.mark.unit

PIPED = """1. Bảng tổng hợp các chỉ tiêu

 TT | Chỉ tiêu              | Đơn vị    |  2031  |  2032  | Ước 2033
----|-----------------------|-----------|--------|--------|---------
 1  | Giá trị xuất khẩu     | triệu USD |    612 |    705 |   1.080
 2  | Tỷ lệ lấp đầy         | %         |   48,5 |   52,0 |    64,8

2. Thu hút đầu tư"""

ALIGNED = """Chỉ tiêu                Đơn vị       2036    2037    2038
Vốn FDI thu hút         triệu USD     320     360     400
Giá trị xuất khẩu       triệu USD   1.150   1.260   1.390"""


def test_a_piped_table_is_said_row_by_row_with_the_years_of_its_columns():
    paragraphs = [p.strip() for p in with_table_sentences(PIPED).split("\n\n") if p.strip()]
    assert paragraphs == [
        "1. Bảng tổng hợp các chỉ tiêu",
        "Giá trị xuất khẩu — 2031: 612 triệu USD; 2032: 705 triệu USD; Ước 2033: 1.080 triệu USD.",
        "Tỷ lệ lấp đầy — 2031: 48,5%; 2032: 52,0%; Ước 2033: 64,8%.",
        "2. Thu hút đầu tư",
    ]


def test_columns_lined_up_with_spaces_are_a_table():
    paragraphs = [p.strip() for p in with_table_sentences(ALIGNED).split("\n\n") if p.strip()]
    assert paragraphs == [
        "Vốn FDI thu hút — 2036: 320 triệu USD; 2037: 360 triệu USD; 2038: 400 triệu USD.",
        "Giá trị xuất khẩu — 2036: 1.150 triệu USD; 2037: 1.260 triệu USD; 2038: 1.390 triệu USD.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A header's two columns, and prose typed with double spaces, are no table.
        "KHỐI THI ĐUA    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÁC BAN QUẢN LÝ KCN    Độc lập - Tự do - Hạnh phúc",
        "Năm 2031  các KCN  thu hút 12 dự án.\nVốn đăng ký  đạt  45 triệu USD.",
        # Three lined-up lines without a figure: a list, not a table.
        "Kim Sơn     Tân Lập     Bắc Ninh\nHưng Yên    Hà Nam      Ninh Bình\nThái Bình   Nam Định    Hải Dương",
    ],
)
def test_text_that_only_looks_lined_up_is_left_as_it_is(text: str):
    assert with_table_sentences(text) == text


def test_a_table_whose_cells_carry_their_units_is_a_table():
    # Found by a fresh-eyes trial: a Markdown report's table with "47 dự án", "26.000 người".
    typed = (
        "Chỉ tiêu | Năm 2090 | Kế hoạch 2091\n"
        "Số dự án FDI | 47 dự án | 55 dự án\n"
        "Số lao động | 23.400 người | 26.000 người\n\n"
        "Kiến nghị"
    )
    paragraphs = [p.strip() for p in with_table_sentences(typed).split("\n\n") if p.strip()]
    assert paragraphs == [
        "Số dự án FDI — Năm 2090: 47 dự án; Kế hoạch 2091: 55 dự án.",
        "Số lao động — Năm 2090: 23.400 người; Kế hoạch 2091: 26.000 người.",
        "Kiến nghị",
    ]
    # Words between bars are no table: a site's menu has no figure.
    menu = "Trang chủ | Tin tức | Đầu tư\nGiới thiệu | Liên hệ | Tuyển dụng"
    assert with_table_sentences(menu) == menu


NOTEPAD_TABLE = """       Bảng 1. Một số chỉ tiêu theo khu, 6 tháng đầu năm 2038

       Khu                  Dự án   Vốn FDI mới   Lao động   Lấp đầy
                            mới     (tr. USD)     (người)    (%)
       ------------------   -----   -----------   --------   -------
       KKT Tân Khê            5        398,0       24.870        -
       KCN Tân Lập            3         61,2        6.140      81,6
       KCN Kim Sơn            4        131,5        5.920      72,3
       ------------------   -----   -----------   --------   -------
       Tổng cộng             12        590,7       36.930      76,9
"""


def test_a_table_ruled_with_dashes_reads_its_header_s_lines_as_one_and_each_row_under_it():
    # The rule of dash runs was read as the header ("KCN Tân Lập — -----: 3; …").
    text = with_table_sentences(NOTEPAD_TABLE)
    assert "KCN Tân Lập — Dự án mới: 3; Vốn FDI mới: 61,2 tr. USD; Lao động: 6.140 người; Lấp đầy: 81,6%." in text
    assert "KKT Tân Khê — Dự án mới: 5; Vốn FDI mới: 398,0 tr. USD; Lao động: 24.870 người." in text  # "-": no figure
    assert "Tổng cộng — Dự án mới: 12;" in text and "---" not in text


def test_a_caption_over_a_dash_ruled_table_and_a_value_wider_than_its_rule_are_no_cells():
    captioned = "Kết quả thu hút đầu tư theo từng khu của tỉnh năm 2038 như sau:\n" + NOTEPAD_TABLE.split("\n", 2)[2]
    text = with_table_sentences(captioned)
    assert "Kết quả thu hút đầu tư theo từng khu của tỉnh năm 2038 như sau:" in text
    assert "KCN Tân Lập — Dự án mới: 3;" in text
    wide = "Khu        Dự án   Vốn\n---------  -----   ----\nKCN Tân Lập  3     61,2\nKCN Kim Sơn  4    131,5\n"
    assert "KCN Tân Lập" in with_table_sentences(wide)  # cut mid-name by the rule before
