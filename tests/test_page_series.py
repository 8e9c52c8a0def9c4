"""Photographed pages of one report, one file each (``ingest.page_series``)."""

import pytest

from ingest.docframe import DocumentFrame, continued_frame
from ingest.models import PageText
from ingest.page_series import first_pages, page_of

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("key", "page"),
    [
        ("bao_cao_trang2.jpg", ("./bao_cao_trang.jpg", 2)),
        ("2031/bao cao p_3.PNG", ("2031/bao cao p_.png", 3)),
        ("scan (2).jpg", ("./scan .jpg", 2)),
        ("IMG_0412.jpg", None),  # a camera numbers shots, not pages
        ("bao_cao_2031.jpg", None),  # a year
        ("bao_cao_trang2.pdf", None),  # a PDF holds its own pages
        ("12.jpg", None),  # a number alone names no series
    ],
)
def test_a_page_number_ends_a_photographed_pages_name(key, page):
    assert page_of(key) == page


def test_each_later_page_goes_on_from_its_series_first_page_in_the_batch():
    keys = ["bc_trang3.jpg", "bc_trang1.jpg", "bc_trang2.jpg", "khac_trang2.jpg", "bao_cao.pdf", "a/bc_trang2.jpg"]
    assert first_pages(keys) == {"bc_trang3.jpg": "bc_trang1.jpg", "bc_trang2.jpg": "bc_trang1.jpg"}
    # ... or stored before it.
    assert first_pages(["bc_trang2.jpg"], stored=["bc_trang1.jpg", "khac.pdf"]) == {"bc_trang2.jpg": "bc_trang1.jpg"}


FIRST = DocumentFrame(
    "BÁO CÁO — Tình hình 9 tháng đầu năm 2033", (2033,), "9 tháng đầu năm 2033", "", ("province:thai nguyen",)
)


def test_a_page_going_on_takes_its_first_pages_frame_unless_it_opens_a_document():
    going_on = [PageText(1, "3. Công tác lao động\n\nTrong kỳ xảy ra 2 cuộc ngừng việc tập thể.")]
    assert continued_frame(going_on, FIRST) == FIRST
    motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    another = [PageText(1, f"{motto}\n\nBÁO CÁO\nQuý IV năm 2033")]
    assert continued_frame(another, FIRST) is None
