"""A PDF's footnotes: the note put back at its reference, the raised number gone from the figure
before it. Pure logic on drawn runs, then a real PDF typeset with fpdf2 and read by pypdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from ingest.loaders import load_document
from ingest.pdf_footnotes import Run, with_footnotes

from .reports import FONT

BODY, RAISED, NOTE, NOTE_MARK = 13.0, 7.5, 10.0, 5.8


def page(*lines: list[Run]) -> tuple[str, list[Run]]:
    """A page's text as a text layer reads it (each line's runs glued), and its runs."""
    return "\n".join("".join(run.text for run in line) for line in lines), [run for line in lines for run in line]


REFERENCED = [Run("2.104 ha, tỷ lệ lấp đầy đạt 71,4%", BODY, 500.0), Run("1", RAISED, 505.0), Run(".", BODY, 500.0)]
FOOT = [Run("1", NOTE_MARK, 83.0), Run("Tính trên diện tích đất có thể cho thuê của 8 khu;", NOTE, 79.0)]
FOOT_2 = [Run("không tính KCN Tân Lập đang bồi thường.", NOTE, 67.5)]
PAGE_NUMBER = [Run("Trang 1", NOTE, 44.7)]
BODY_TEXT = [Run("Các KCN thu hút 12 dự án mới trong năm, tổng vốn đăng ký 415 triệu USD.", BODY, 480.0)]


@pytest.mark.unit
def test_a_footnote_goes_in_brackets_where_it_is_referenced_and_leaves_the_page_s_foot():
    text, runs = page(REFERENCED, BODY_TEXT, FOOT, FOOT_2, PAGE_NUMBER)
    assert with_footnotes(text, runs) == (
        "2.104 ha, tỷ lệ lấp đầy đạt 71,4% (chú thích: Tính trên diện tích đất có thể cho thuê của 8 khu; "
        "không tính KCN Tân Lập đang bồi thường).\nCác KCN thu hút 12 dự án mới trong năm, tổng vốn đăng ký 415 "
        "triệu USD.\nTrang 1"
    )


@pytest.mark.unit
def test_a_raised_number_without_its_note_or_after_a_unit_is_left_as_drawn():
    exponent = [Run("nhà xưởng 1.200 m", BODY, 400.0), Run("1", RAISED, 405.0), Run(" cho thuê.", BODY, 400.0)]
    text, runs = page(exponent, BODY_TEXT, FOOT, PAGE_NUMBER)
    assert with_footnotes(text, runs) == text
    # No note at the foot: nothing is a reference.
    text, runs = page(REFERENCED, BODY_TEXT, PAGE_NUMBER)
    assert with_footnotes(text, runs) == text
    # A number of body type on the line below is no reference either.
    text, runs = page([Run("Bảng 1 — Số dự án: 12", BODY, 400.0)], [Run("1", BODY, 380.0)], BODY_TEXT, FOOT)
    assert with_footnotes(text, runs) == text


@pytest.mark.unit
def test_a_small_type_table_or_an_exponent_is_no_footnote():
    # A table in note type under the body, its header's "(m²)": the 2 opens no note (a
    # bracket follows it), and the table's rows stay where they are.
    table = [
        [Run("Diện tích (m", NOTE, 300.0), Run("2", NOTE_MARK, 304.0), Run(")", NOTE, 300.0)],
        [Run("KCN Tân Lập — 42.500", NOTE, 288.0)],
    ]
    text, runs = page(BODY_TEXT, *table, [Run("2", NOTE_MARK, 83.0), Run("Số liệu ước tính.", NOTE, 79.0)])
    assert with_footnotes(text, runs) == text
    # "(m²)" and "1.200m²" in body type are exponents even with a note 2 at the foot.
    for before in ("Diện tích nhà xưởng (m", "Nhà xưởng 1.200m"):
        line = [Run(before, BODY, 400.0), Run("2", RAISED, 405.0), Run(") tăng.", BODY, 400.0)]
        text, runs = page(line, BODY_TEXT, [Run("2", NOTE_MARK, 83.0), Run("Số liệu ước tính.", NOTE, 79.0)])
        assert with_footnotes(text, runs) == text


@pytest.mark.unit
def test_a_reference_after_a_figure_a_note_opening_with_a_number_and_a_page_number_in_body_type():
    figure = [Run("Vốn đăng ký đạt 3.900", BODY, 500.0), Run("1", RAISED, 505.0), Run(" tỷ đồng.", BODY, 500.0)]
    note = [Run("1", NOTE_MARK, 83.0), Run("2 dự án lùi sang năm sau.", NOTE, 79.0)]
    text, runs = page(figure, BODY_TEXT, note, [Run("3", BODY, 40.0)])
    assert with_footnotes(text, runs) == (
        "Vốn đăng ký đạt 3.900 (chú thích: 2 dự án lùi sang năm sau) tỷ đồng.\nCác KCN thu hút 12 dự án mới trong "
        "năm, tổng vốn đăng ký 415 triệu USD.\n3"
    )


@pytest.mark.unit
def test_the_page_number_below_a_note_is_not_part_of_it():
    footer = [Run("Trang 1", NOTE, 67.5 - 17.0)]
    text, runs = page(REFERENCED, BODY_TEXT, FOOT, FOOT_2, footer)
    assert with_footnotes(text, runs).endswith(
        "bồi thường).\nCác KCN thu hút 12 dự án mới trong năm, tổng vốn đăng ký 415 triệu USD.\nTrang 1"
    )


def footnoted_pdf(path: Path) -> Path:
    """A page as Word prints a footnote: a raised, smaller 1 after the figure, the note in small
    type at the foot; and a unit's raised exponent with no note."""
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("DejaVu", size=13)
    pdf.multi_cell(0, 8, "BÁO CÁO KẾT QUẢ NĂM 2093 CỦA BAN QUẢN LÝ CÁC KCN TỈNH KIM SƠN")
    pdf.ln(4)
    pdf.write(8, "Đến cuối năm 2093, tỷ lệ lấp đầy các KCN đạt 64,8%")
    pdf.char_vpos = "SUP"
    pdf.write(8, "1")
    pdf.char_vpos = "LINE"
    pdf.write(8, ". Các KCN có 35.000 m")
    pdf.char_vpos = "SUP"
    pdf.write(8, "2")
    pdf.char_vpos = "LINE"
    pdf.write(8, " nhà xưởng xây sẵn cho thuê.")
    pdf.set_y(-45)
    pdf.set_font("DejaVu", size=6)
    pdf.write(5, "1")
    pdf.set_font("DejaVu", size=10)
    pdf.write(5, "Không tính KCN Tân Lập Bắc đang giải phóng mặt bằng.")
    pdf.output(str(path))
    return path


@pytest.mark.integration
def test_a_typeset_footnote_is_read_beside_its_figure(tmp_path: Path):
    parsed = load_document(footnoted_pdf(tmp_path / "bao_cao_2093.pdf"), max_bytes=10_000_000)
    text = "\n".join(p.text for p in parsed.pages)
    assert "đạt 64,8% (chú thích: Không tính KCN Tân Lập Bắc đang giải phóng mặt bằng)." in text
    assert "35.000 m2" in text  # an exponent, not a reference
    assert "1Không" not in text and "64,8%1" not in text
