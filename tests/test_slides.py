"""Slide decks (.pptx read slide by slide; .ppt/.odp converted by LibreOffice Impress) and
OpenDocument spreadsheets (.ods, converted by LibreOffice Calc). Names, years and figures
are invented."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook
from pptx import Presentation
from pptx.util import Inches

from app.service import Baocao
from ingest.loaders import IngestError, load_document

from .conftest import make_settings
from .test_office import saved_by_libreoffice

LIMIT = 50_000_000


def deck(path: Path) -> Path:
    """A board's year-end deck: a title slide, bullets, a table with a merged cell, speaker
    notes and a footer naming the board on every slide."""
    presentation = Presentation()
    cover = presentation.slides.add_slide(presentation.slide_layouts[0])
    cover.shapes.title.text = "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG NĂM 2031"
    cover.placeholders[1].text = "Hội nghị tổng kết, tháng 1/2032"
    points = presentation.slides.add_slide(presentation.slide_layouts[1])
    points.shapes.title.text = "1. Thu hút đầu tư"
    body = points.placeholders[1].text_frame
    body.text = "Cấp mới 25 dự án, tổng vốn đăng ký 1.250 triệu USD"
    body.add_paragraph().text = "Vốn thực hiện đạt 640 triệu USD, bằng 112% kế hoạch"
    figures = presentation.slides.add_slide(presentation.slide_layouts[5])
    figures.shapes.title.text = "2. Sản xuất kinh doanh"
    rows = [
        ["Chỉ tiêu", "Năm 2030", "Năm 2031"],
        ["Doanh thu (triệu USD)", "8.100", "9.350"],
        ["Lao động (người)", "61.200", "64.500"],
        ["Ghi chú: số liệu ước", "", ""],
    ]
    table = figures.shapes.add_table(4, 3, Inches(0.5), Inches(1.5), Inches(9), Inches(3)).table
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(3, 0).merge(table.cell(3, 2))
    figures.notes_slide.notes_text_frame.text = "Số liệu xuất khẩu năm 2031 đạt 8.010 triệu USD."
    for slide in presentation.slides:  # the footer text box a template prints on each slide
        footer = slide.shapes.add_textbox(Inches(0.5), Inches(7), Inches(6), Inches(0.4))
        footer.text_frame.text = "Ban Quản lý các KCN tỉnh Kim Sơn"
    presentation.save(str(path))
    return path


def test_a_deck_is_read_slide_by_slide_title_once_bullets_as_items_rows_with_their_headers(tmp_path: Path):
    document = load_document(deck(tmp_path / "tong_ket.pptx"), LIMIT)
    assert [page.number for page in document.pages] == [1, 2, 3]  # cited by slide
    cover, points, figures = (page.text.split("\n\n") for page in document.pages)
    assert cover[:2] == ["BÁO CÁO KẾT QUẢ HOẠT ĐỘNG NĂM 2031", "Hội nghị tổng kết, tháng 1/2032"]
    assert points[:3] == [
        "1. Thu hút đầu tư",
        "- Cấp mới 25 dự án, tổng vốn đăng ký 1.250 triệu USD",
        "- Vốn thực hiện đạt 640 triệu USD, bằng 112% kế hoạch",
    ]
    assert figures[0] == "2. Sản xuất kinh doanh" and figures.count("2. Sản xuất kinh doanh") == 1
    assert "Doanh thu (triệu USD) — Năm 2030: 8.100 triệu USD; Năm 2031: 9.350 triệu USD." in figures
    assert "Ghi chú: số liệu ước" in " ".join(figures)  # a merged row said once
    assert "(ghi chú: Số liệu xuất khẩu năm 2031 đạt 8.010 triệu USD.)" in figures  # the speaker's notes


def test_a_damaged_deck_fails_alone_with_its_reason(tmp_path: Path):
    broken = tmp_path / "hong.pptx"
    broken.write_bytes(b"PK\x03\x04 not really a deck")
    with pytest.raises(IngestError, match="hỏng"):
        load_document(broken, LIMIT)


@pytest.mark.integration
def test_a_deck_s_figure_is_answered_and_cited_by_its_slide(tmp_path: Path):
    service = Baocao(make_settings(tmp_path / "home"))
    (outcome,) = service.ingest([deck(tmp_path / "tong_ket.pptx")])
    assert outcome.status == "added", outcome.message
    answer = service.ask("Doanh thu năm 2031 của các KCN tỉnh Kim Sơn là bao nhiêu?")
    assert answer.answer.startswith("9.350 triệu USD"), answer.answer
    assert answer.citations[0].page == 3 and answer.citations[0].doc == "tong_ket.pptx"


def _office_has(library: str) -> bool:
    """LibreOffice with its Calc (``libsclo.so``) or Impress (``libsdlo.so``) part: Debian
    packages them apart from the Writer the other office tests need."""
    office = shutil.which("soffice")
    return office is not None and (Path(office).resolve().parent / library).exists()


needs_calc = pytest.mark.skipif(not _office_has("libsclo.so"), reason="needs LibreOffice Calc (make install-office)")
needs_impress = pytest.mark.skipif(not _office_has("libsdlo.so"), reason="needs LibreOffice Impress (install-office)")


@needs_impress
@pytest.mark.integration
@pytest.mark.parametrize("suffix", [".odp", ".ppt"])
def test_an_opendocument_or_legacy_deck_is_converted_and_read_slide_by_slide(tmp_path: Path, suffix: str):
    source = deck(tmp_path / "tong_ket.pptx")
    saved = saved_by_libreoffice(source, {".odp": "odp", ".ppt": "ppt"}[suffix], tmp_path)
    document = load_document(saved, LIMIT)
    assert document.pages[1].text.startswith("1. Thu hút đầu tư\n\n- Cấp mới 25 dự án")  # still bullets
    assert "Lao động (người) — Năm 2030: 61.200 người; Năm 2031: 64.500 người." in document.pages[2].text


@needs_calc
@pytest.mark.integration
def test_an_opendocument_spreadsheet_is_converted_read_row_by_row_and_titled_as_a_sheet(tmp_path: Path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Thu hút đầu tư"
    for row in (
        ["BẢNG SO SÁNH KẾT QUẢ THU HÚT ĐẦU TƯ NĂM 2038 CỦA CÁC ĐƠN VỊ TRONG KHỐI"],
        ["Khu công nghiệp", "Số dự án", "Vốn đăng ký (triệu USD)"],
        ["KCN Tân Lập", 45, 1250.5],
        ["KCN Tân Khê", 30, 830],
        ["Tổng cộng", 75, 2080.5],
    ):
        sheet.append(row)
    book.save(tmp_path / "bang.xlsx")
    ods = saved_by_libreoffice(tmp_path / "bang.xlsx", "ods", tmp_path)
    document = load_document(ods, LIMIT)
    assert document.kind == "ods"
    assert "KCN Tân Lập — Số dự án: 45 dự án; Vốn đăng ký: 1.250,5 triệu USD." in document.pages[0].text
    service = Baocao(make_settings(tmp_path / "home"))
    (outcome,) = service.ingest([ods])
    assert outcome.status == "added", outcome.message
    answer = service.ask("Tổng số dự án của các đơn vị trong Khối năm 2038 là bao nhiêu?")
    assert answer.answer.startswith("75 dự án"), answer.answer
    # Titled by what is written above its table, as an .xlsx is, not by its sheet's name.
    assert answer.citations[0].title == "BẢNG SO SÁNH KẾT QUẢ THU HÚT ĐẦU TƯ NĂM 2038 CỦA CÁC ĐƠN VỊ TRONG KHỐI"


@needs_calc
@pytest.mark.integration
def test_a_damaged_ods_is_reported_under_its_own_name(tmp_path: Path):
    broken = tmp_path / "hong.ods"
    broken.write_bytes(b"PK\x03\x04 not really a spreadsheet")
    with pytest.raises(IngestError) as raised:
        load_document(broken, LIMIT)
    assert raised.value.source == "hong.ods" and "hỏng" in raised.value.vietnamese  # not its converted copy


def test_a_deck_s_footer_is_kept_apart_and_names_its_board(tmp_path: Path):
    from ingest.docframe import document_frame

    document = load_document(deck(tmp_path / "tong_ket.pptx"), LIMIT)
    assert document.running_lines == ("Ban Quản lý các KCN tỉnh Kim Sơn",)
    assert not any("Kim Sơn" in page.text for page in document.pages)
    frame = document_frame(document.pages, document.source, document.title, document.running_lines)
    assert "Kim Sơn" in frame.issuer and frame.title == "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG NĂM 2031"


def test_side_by_side_boxes_are_blocks_of_their_own_and_the_notes_stay_apart(tmp_path: Path):
    # Two columns of a slide, each a count over the names it counts, then the speaker's notes:
    # they had been read on as one sentence whose notes' figure answered for the slide's.
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = "I. Tổng quan các KCN"
    for left, lines in ((0.5, ["KCN đã hoạt động: 3", "KCN Kim Sơn, KCN Tân Khê, KCN Phước Hòa"]),
                        (5.0, ["KCN đang xây dựng hạ tầng: 2", "KCN Tân Lập, KCN Hòa Bình Mới"])):  # fmt: skip
        box = slide.shapes.add_textbox(Inches(left), Inches(2), Inches(4), Inches(2)).text_frame
        box.text = lines[0]
        box.add_paragraph().text = lines[1]
    slide.notes_slide.notes_text_frame.text = "Diện tích đất nhà ở công nhân là 186,4 ha"
    path = tmp_path / "tong_quan.pptx"
    presentation.save(str(path))
    blocks = load_document(path, LIMIT).pages[0].text.split("\n\n")
    assert blocks == [
        "I. Tổng quan các KCN",
        "KCN đã hoạt động: 3\nKCN Kim Sơn, KCN Tân Khê, KCN Phước Hòa",
        "KCN đang xây dựng hạ tầng: 2\nKCN Tân Lập, KCN Hòa Bình Mới",
        "(ghi chú: Diện tích đất nhà ở công nhân là 186,4 ha)",
    ]


def test_a_title_slide_s_board_does_not_run_into_the_next_slide_s_title(tmp_path: Path):
    from ingest.docframe import document_frame

    presentation = Presentation()
    cover = presentation.slides.add_slide(presentation.slide_layouts[0])
    cover.shapes.title.text = "Báo cáo tổng kết công tác năm 2032"
    cover.placeholders[1].text = "Ban Quản lý các KCN tỉnh Hải Dương"
    points = presentation.slides.add_slide(presentation.slide_layouts[1])
    points.shapes.title.text = "Kết quả thu hút đầu tư năm 2032"
    points.placeholders[1].text_frame.text = "Cấp mới 12 dự án, tổng vốn 240 triệu USD"
    presentation.save(str(tmp_path / "tong_ket.pptx"))
    document = load_document(tmp_path / "tong_ket.pptx", LIMIT)
    frame = document_frame(document.pages, document.source, document.title, document.running_lines)
    assert frame.issuer == "Ban Quản lý các KCN tỉnh Hải Dương"  # was "… Hải Dương Kết"
