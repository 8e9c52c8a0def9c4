"""Spreadsheets and legacy word-processor files (invented content): read with openpyxl or xlrd and a
real LibreOffice, indexed and cited like any report."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from app.service import Baocao
from ingest.loaders import IngestError, load_document
from ingest.office import row_sentence

from .conftest import make_settings

LIMIT = 10_000_000


def spreadsheet(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Kết quả 2031"
    sheet.append(["Ban Quản lý", "Doanh thu (tỷ đồng)", "Lao động (người)", "Tỷ lệ lấp đầy"])
    sheet.append(["KCN Kim Sơn", 12345.5, 6789, 0.4312])
    sheet.append([None, None, None, None])  # an empty row is skipped
    sheet.append(["KCN Tân Lập", 2345, 789, 0.5])
    sheet["D2"].number_format = "0.00%"
    sheet["D4"].number_format = "0%"
    book.save(path)
    return path


@pytest.mark.unit
@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (1.0989, "0.0%", "109,9%"),  # as the sheet shows it, not "109,89%"
        (1.0989, "0.00%", "109,89%"),
        (1234.5678, "#,##0.00", "1.234,57"),
        (1234.5678, "#,##0", "1.235"),
        (75.25, "0.0", "75,3"),
        (12.345, "General", "12,35"),  # no places said: two at most
        (12.345, "0.0#", "12,35"),  # optional places shown too
        (float("inf"), "0.0", "inf"),
        (0.5, "0%", "50%"),
    ],
)
def test_a_number_is_shown_with_the_places_its_format_shows(value: float, number_format: str, shown: str):
    from ingest.office import _cell

    assert _cell(value, number_format) == shown


@pytest.mark.unit
def test_a_total_typed_over_the_row_number_column_names_its_row():
    # "Tổng cộng" in a cell merged over STT and the names' column: the row's label, not a
    # row number to leave out (the row was said as "2.535,5 — …" and lost its total).
    headers = ["TT", "Tên KCN", "Diện tích (ha)", "Vốn FDI (triệu USD)"]
    assert row_sentence(headers, ["Tổng cộng", "", "2.535,5", "5.602,6"]) == (
        "Tổng cộng — Diện tích: 2.535,5 ha; Vốn FDI: 5.602,6 triệu USD."
    )
    # A number, a roman numeral or a letter numbers the row.
    for number in ("3", "III", "a)"):
        assert row_sentence(headers, [number, "KCN Tân Khê", "120,5", "418"]).startswith("KCN Tân Khê — ")


@pytest.mark.unit
def test_a_row_is_one_sentence_that_keeps_its_headers():
    assert row_sentence(["Ban", "Doanh thu", ""], ["Kim Sơn", "12.345", "ghi chú"]) == (
        "Kim Sơn — Doanh thu: 12.345; ghi chú."
    )
    # A bracketed unit follows the number, as a report writes it; not a bracket of words.
    headers = ["Ban", "Vốn (triệu USD)", "Tỷ lệ (%)", "Ghi chú (nếu có)"]
    assert row_sentence(headers, ["Kim Sơn", "12,5", "43,1", "mở rộng"]) == (
        "Kim Sơn — Vốn: 12,5 triệu USD; Tỷ lệ: 43,1%; Ghi chú (nếu có): mở rộng."
    )
    assert row_sentence(["a", "b"], ["", ""]) == ""
    # "%" as a word of the header: the column holds shares, said as such.
    headers = ["Chỉ tiêu", "Kế hoạch năm", "Thực hiện 6 tháng", "% kế hoạch"]
    assert row_sentence(headers, ["Lao động tăng mới (người)", "9.500", "4.617", "48,6"]) == (
        "Lao động tăng mới (người) — Kế hoạch năm: 9.500 người; Thực hiện 6 tháng: 4.617 người; % kế hoạch: 48,6%."
    )
    # A unit column's cells are capitalised as a table's are: said in lower case after the
    # figures; a board's name under "Đơn vị" is no unit.
    headers = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2060", "Kế hoạch năm 2061"]
    assert row_sentence(headers, ["1", "Dự án cấp mới", "Dự án", "14", "16"]) == (
        "Dự án cấp mới — Thực hiện năm 2060: 14 dự án; Kế hoạch năm 2061: 16 dự án."
    )
    assert row_sentence(headers, ["2", "Vốn đăng ký", "Triệu USD", "1.250", "1.400"]) == (
        "Vốn đăng ký — Thực hiện năm 2060: 1.250 triệu USD; Kế hoạch năm 2061: 1.400 triệu USD."
    )
    board = ["Ban Quản lý KKT Kim Sơn", "14"]
    assert row_sentence(["Đơn vị", "Dự án"], board) == "Ban Quản lý KKT Kim Sơn — Dự án: 14."
    person = ["1", "Trần Văn Khải", "Văn phòng", "95"]
    assert row_sentence(["STT", "Họ và tên", "Đơn vị", "Điểm"], person) == (
        "Trần Văn Khải — Đơn vị: Văn phòng; Điểm: 95."
    )


@pytest.mark.unit
def test_a_spreadsheet_is_read_sheet_by_sheet_with_vietnamese_numbers(tmp_path: Path):
    parsed = load_document(spreadsheet(tmp_path / "bang.xlsx"), LIMIT)
    text = parsed.pages[0].text
    assert text.startswith("Kết quả 2031")
    assert "KCN Kim Sơn — Doanh thu: 12.345,5 tỷ đồng; Lao động: 6.789 người; Tỷ lệ lấp đầy: 43,12%." in text
    assert "KCN Tân Lập — Doanh thu: 2.345 tỷ đồng; Lao động: 789 người; Tỷ lệ lấp đầy: 50%." in text
    assert parsed.kind == "xlsx"


def legacy_spreadsheet(path: Path) -> Path:
    """The same table saved as Excel 97-2003 (.xls, written by xlwt), with a second sheet."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Kết quả 2031")
    percent = xlwt.easyxf(num_format_str="0.00%")
    day = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    for column, header in enumerate(["Ban Quản lý", "Doanh thu (tỷ đồng)", "Tỷ lệ lấp đầy", "Ngày báo cáo"]):
        sheet.write(0, column, header)
    sheet.write(1, 0, "KCN Kim Sơn")
    sheet.write(1, 1, 12345.5)
    sheet.write(1, 2, 0.4312, percent)
    sheet.write(1, 3, dt.date(2031, 6, 30), day)
    sheet.write(3, 0, "KCN Tân Lập")  # row 3 left empty: skipped
    sheet.write(3, 1, 2345)
    sheet.write(3, 2, 0.5, percent)
    other = book.add_sheet("Lao động")
    other.write(0, 0, "Ban Quản lý")
    other.write(0, 1, "Lao động (người)")
    other.write(1, 0, "KCN Đông Hải")
    other.write(1, 1, 23456)
    book.save(str(path))
    return path


@pytest.mark.unit
def test_a_legacy_xls_is_read_sheet_by_sheet_with_its_formats(tmp_path: Path):
    parsed = load_document(legacy_spreadsheet(tmp_path / "bang.xls"), LIMIT)
    text = parsed.pages[0].text
    assert text.startswith("Kết quả 2031")
    assert "KCN Kim Sơn — Doanh thu: 12.345,5 tỷ đồng; Tỷ lệ lấp đầy: 43,12%; Ngày báo cáo: 30/06/2031." in text
    assert "KCN Tân Lập — Doanh thu: 2.345 tỷ đồng; Tỷ lệ lấp đầy: 50%." in text
    assert "Lao động\n\nKCN Đông Hải — Lao động: 23.456 người." in text
    assert parsed.kind == "xls"


@pytest.mark.unit
@pytest.mark.parametrize("name", ["hong.xlsx", "hong.xls"])
def test_a_damaged_spreadsheet_fails_alone_with_its_reason(tmp_path: Path, name: str):
    broken = tmp_path / name
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(IngestError, match="hỏng"):
        load_document(broken, LIMIT)


@pytest.mark.integration
def test_a_legacy_xls_cell_is_answered_and_cited(tmp_path: Path):
    service = Baocao(make_settings(tmp_path / "home"))
    (outcome,) = service.ingest([legacy_spreadsheet(tmp_path / "bang.xls")])
    assert outcome.status == "added", outcome.message
    answer = service.ask("Số lao động của KCN Đông Hải là bao nhiêu?")
    assert "23.456 người" in answer.answer and answer.citations[0].doc == "bang.xls"
    revenue = service.ask("Doanh thu của KCN Tân Lập là bao nhiêu tỷ đồng?")
    assert revenue.answer.startswith("2.345 tỷ đồng")  # the figure first: the header's unit goes with it
    # Named by the file and its first sheet; its rows name many boards, so none is its issuer.
    assert answer.citations[0].title == "bang — Kết quả 2031" and answer.citations[0].issuer == ""


needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="needs LibreOffice (make install-office; installed by .ci/run)"
)


def ruled_table(document, rows: list[list[str]]):
    """A ruled Word table holding ``rows``."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]), style="Table Grid")
    for cells, row in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, row, strict=True):
            cell.text = value
    return table


def saved_by_libreoffice(source: Path, target: str, tmp_path: Path) -> Path:
    """``source`` converted by LibreOffice (headless, a profile of its own) to ``target``."""
    import subprocess

    profile = (tmp_path / "profile").as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target]
    subprocess.run([*command, "--outdir", str(tmp_path), str(source)], capture_output=True, timeout=180, check=True)
    return source.with_suffix("." + target.split(":")[0])


def word_file(tmp_path: Path, suffix: str) -> Path:
    """A report saved by LibreOffice in another word-processor format."""
    document = docx.Document()
    document.add_heading("BÁO CÁO KẾT QUẢ NĂM 2031", level=1)
    document.add_paragraph("1.1. Ban Quản lý các KCN tỉnh Kim Sơn")
    document.add_paragraph("- Tổng số lao động đang làm việc tại các KCN là 23.456 người.")
    source = tmp_path / "nguon.docx"
    document.save(source)
    saved_by_libreoffice(source, {".doc": "doc:MS Word 97", ".rtf": "rtf", ".odt": "odt"}[suffix], tmp_path)
    return source.with_suffix(suffix)


@needs_office
@pytest.mark.integration
def test_a_ruled_table_of_a_pdf_is_read_row_by_row_in_its_place(tmp_path: Path):
    from ingest.docframe import document_frame

    document = docx.Document()
    head = document.add_table(rows=2, cols=2, style="Table Grid")  # the official head, ruled
    head.cell(0, 0).text = "UBND TỈNH KIM SƠN\nBAN QUẢN LÝ CÁC KCN"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    head.cell(1, 0).text = "Số: 12/BC-BQL"
    head.cell(1, 1).text = "Kim Sơn, ngày 05 tháng 01 năm 2032"
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Kết quả công tác năm 2031")
    document.add_paragraph("1. Kết quả sản xuất kinh doanh")
    document.add_paragraph("Các chỉ tiêu chủ yếu như sau.")
    ruled_table(
        document,
        [
            ["Chỉ tiêu", "ĐVT", "Kế hoạch năm 2031", "Thực hiện"],
            ["Doanh thu", "tỷ đồng", "1.500", "1.234"],
            ["Lao động", "người", "4.600", "4.512"],
        ],
    )
    document.add_paragraph("2. Công tác thi đua")
    source = tmp_path / "bao_cao.docx"
    document.save(source)
    parsed = load_document(saved_by_libreoffice(source, "pdf", tmp_path), LIMIT)
    text = parsed.pages[0].text
    # The head is read line by line, not as a header row and a "row" of data.
    assert document_frame(parsed.pages, "bao_cao.pdf").title == "BÁO CÁO số 12/BC-BQL — Kết quả công tác năm 2031"
    assert "— CỘNG HÒA" not in text and "BAN QUẢN LÝ CÁC KCN" in text
    row = "Doanh thu — Kế hoạch năm 2031: 1.500 tỷ đồng; Thực hiện: 1.234 tỷ đồng."
    assert row in text  # not "Chỉ tiêu ĐVT Kế hoạch … Doanh thu tỷ đồng 1.500 1.234 Lao động …"
    assert text.index("1. Kết quả sản xuất") < text.index(row) < text.index("2. Công tác thi đua")
    assert "Lao động — Kế hoạch năm 2031: 4.600 người; Thực hiện: 4.512 người." in text


def table_cut_by_a_page_break(tmp_path: Path) -> Path:
    """A PDF whose ruled table runs over a page break that cuts a row: its first cell's last
    line ("giai đoạn hai") is the first row of the next page. How many paragraphs put the
    table there is LibreOffice's layout: tried from 31 (the count here) outwards."""
    import pdfplumber

    rows = [
        ["Khu công nghiệp", "Diện tích (ha)", "Tỷ lệ lấp đầy (%)"],
        ["KCN Tân Lập", "350", "74,5"],
        ["KCN Kim Sơn\nmở rộng\ngiai đoạn hai", "420", "91,2"],
        ["KCN Đông Hải", "195", "52,7"],
    ]
    for count in (31, 30, 32, 29, 33):
        document = docx.Document()
        document.add_paragraph("BÁO CÁO KẾT QUẢ NĂM 2031")
        for i in range(count):
            document.add_paragraph(
                f"Đoạn {i + 1}: các khu công nghiệp tiếp tục thu hút đầu tư và tạo việc làm cho người lao động."
            )
        ruled_table(document, rows)
        source = tmp_path / f"cat_{count}.docx"
        document.save(source)
        pdf = saved_by_libreoffice(source, "pdf", tmp_path)
        with pdfplumber.open(pdf) as opened:
            firsts = [t.extract()[0] for page in opened.pages[1:] for t in page.find_tables()[:1]]
        if any(first[0] and not any(first[1:]) for first in firsts):
            return pdf
    raise AssertionError("LibreOffice laid the table out with no row cut by a page break")


@pytest.mark.unit
def test_a_merged_group_row_is_no_cut_row_s_end():
    from ingest.pdf_tables import _is_tail

    assert _is_tail(["Yên Tây", "", "", ""])  # the cut row's other cells, empty
    assert not _is_tail(["Nhóm B: Các khu kinh tế", None, None, None])  # a merged row: no cells


@needs_office
@pytest.mark.integration
def test_a_table_row_cut_by_a_page_break_is_made_whole_and_the_next_page_s_rows_keep_their_headers(
    tmp_path: Path,
):
    text = "\n\n".join(page.text for page in load_document(table_cut_by_a_page_break(tmp_path), LIMIT).pages)
    assert "KCN Kim Sơn mở rộng giai đoạn hai — Diện tích: 420 ha; Tỷ lệ lấp đầy: 91,2%." in text
    assert "KCN Đông Hải — Diện tích: 195 ha; Tỷ lệ lấp đầy: 52,7%." in text


@needs_office
@pytest.mark.integration
@pytest.mark.parametrize("suffix", [".doc", ".odt"])
def test_a_legacy_word_file_is_converted_indexed_and_cited(tmp_path: Path, suffix: str):
    report = word_file(tmp_path, suffix)
    assert report.is_file()
    service = Baocao(make_settings(tmp_path / "home"))
    (outcome,) = service.ingest([report])
    assert outcome.status == "added", outcome.message
    answer = service.ask("Tổng số lao động đang làm việc tại các KCN tỉnh Kim Sơn là bao nhiêu?")
    assert "23.456" in answer.answer and answer.citations[0].doc == report.name
    assert service.originals.path(outcome.doc_id).suffix == suffix  # the original kept as uploaded


@needs_office
@pytest.mark.integration
def test_a_doc_libreoffice_cannot_open_is_reported_and_the_batch_goes_on(tmp_path: Path):
    broken = tmp_path / "hong.doc"  # a word-processor header, then junk: LibreOffice reads it as text
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 16)
    good = spreadsheet(tmp_path / "bang.xlsx")
    service = Baocao(make_settings(tmp_path / "home"))
    outcomes = {o.source: o for o in service.ingest([broken, good])}
    assert outcomes["hong.doc"].status == "failed" and "không phải văn bản" in outcomes["hong.doc"].message
    assert outcomes["bang.xlsx"].status == "added"
    answer = service.ask("Tỷ lệ lấp đầy của KCN Tân Lập là bao nhiêu?")
    assert "50%" in answer.answer


@pytest.mark.integration
def test_an_undated_table_does_not_hide_which_year_the_reports_lack(tmp_path: Path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Tong hop"
    sheet.append(["Ban Quản lý", "Doanh thu (tỷ đồng)"])
    sheet.append(["KCN Đông Hải", 876.5])
    book.save(tmp_path / "tong_hop.xlsx")
    report = tmp_path / "bao_cao.txt"
    report.write_text(
        "BÁO CÁO NĂM 2031\n\nNăm 2031, tổng doanh thu của các doanh nghiệp trong KCN Tân Lập đạt 1.234 tỷ đồng.\n",
        encoding="utf-8",
    )
    service = Baocao(make_settings(tmp_path / "home"))
    service.ingest([report, tmp_path / "tong_hop.xlsx"])
    answer = service.ask("Tổng doanh thu KCN Tân Lập năm 2035 là bao nhiêu?")
    assert answer.refused and "Không có thông tin về năm 2035" in answer.answer, answer.answer


@pytest.mark.unit
def test_a_report_table_is_said_row_by_row_with_its_headers_and_units():
    from ingest.office import table_sentences

    rows = [
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2031", "Thực hiện"],
        ["1", "Doanh thu", "tỷ đồng", "1.500", "1.234"],
        ["", "", "", "", ""],
        ["2", "Tỷ lệ lấp đầy", "%", "70", "65,5"],
    ]
    assert table_sentences(rows) == [
        "Doanh thu — Kế hoạch năm 2031: 1.500 tỷ đồng; Thực hiện: 1.234 tỷ đồng.",
        "Tỷ lệ lấp đầy — Kế hoạch năm 2031: 70%; Thực hiện: 65,5%.",
    ]
    # No header row (a figure in the first row), or a single row: the cells as printed.
    assert table_sentences([["Nộp ngân sách", "875 tỷ đồng"]]) == ["Nộp ngân sách | 875 tỷ đồng"]
    assert table_sentences([["Kim Sơn", "12"], ["Tân Lập", "7"]]) == ["Kim Sơn | 12", "Tân Lập | 7"]


def test_a_docx_table_stays_under_its_heading_with_merged_cells_once(tmp_path: Path):
    from ingest.loaders import load_document

    document = docx.Document()
    document.add_paragraph("BÁO CÁO KẾT QUẢ NĂM 2031")
    document.add_paragraph("1. Kết quả thu hút đầu tư")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["Chỉ tiêu", "Năm 2031", ""], ["Vốn đăng ký (tỷ đồng)", "4.321", ""], ["Ghi chú", "", ""]]
    ):
        for c, value in enumerate(row):
            table.rows[r].cells[c].text = value
    table.cell(0, 1).merge(table.cell(0, 2))  # a header cell across two columns
    document.add_paragraph("2. Công tác thi đua")
    document.add_paragraph("- Khối đã tổ chức hội nghị sơ kết.")
    path = tmp_path / "bao_cao.docx"
    document.save(path)
    text = load_document(path, 10_000_000).pages[0].text
    row = "Vốn đăng ký (tỷ đồng) — Năm 2031: 4.321 tỷ đồng."
    assert row in text
    assert text.index("1. Kết quả thu hút đầu tư") < text.index(row) < text.index("2. Công tác thi đua")
    assert "Năm 2031 Năm 2031" not in text and "Năm 2031 | Năm 2031" not in text


@pytest.mark.unit
def test_a_header_cell_merged_over_two_columns_names_both_with_the_row_under_it():
    from ingest.office import table_sentences

    rows = [
        ["Chỉ tiêu", "Thực hiện 6 tháng", None, "So với cùng kỳ (%)"],
        ["", "Năm 2031", "Năm 2032", ""],
        ["Doanh thu", "41.280", "47.615", "115,3"],
    ]
    assert table_sentences(rows) == [
        "Doanh thu — Thực hiện 6 tháng Năm 2031: 41.280; Thực hiện 6 tháng Năm 2032: 47.615; So với cùng kỳ: 115,3%."
    ]
    # "Đơn vị" heads the boards a table ranks, not a unit, when its cells name them.
    scores = [["STT", "Đơn vị", "Điểm Khối chấm", "Xếp hạng"], ["6", "Ban Quản lý các KCN tỉnh Kim Sơn", "930", "6"]]
    assert table_sentences(scores) == ["Ban Quản lý các KCN tỉnh Kim Sơn — Điểm Khối chấm: 930; Xếp hạng: 6."]
    assert table_sentences([["Chỉ tiêu", "Đơn vị", "Thực hiện"], ["Doanh thu", "tỷ đồng", "1.234"]]) == [
        "Doanh thu — Thực hiện: 1.234 tỷ đồng."
    ]
    # A unit column ("ĐVT") is not said after a share whose header gives its own unit.
    shares = [["Chỉ tiêu", "ĐVT", "Thực hiện", "So với kế hoạch (%)"], ["Doanh thu", "tỷ đồng", "1.234", "51,2"]]
    assert table_sentences(shares) == ["Doanh thu — Thực hiện: 1.234 tỷ đồng; So với kế hoạch: 51,2%."]


def test_a_report_head_laid_out_as_a_table_is_read_line_by_line(tmp_path: Path):
    from ingest.docframe import document_frame

    document = docx.Document()
    head = document.add_table(rows=2, cols=2)
    head.cell(0, 0).text = "UBND TỈNH KIM SƠN\nBAN QUẢN LÝ CÁC KCN"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    head.cell(1, 0).text = "Số: 12/BC-BQL"
    head.cell(1, 1).text = "Kim Sơn, ngày 05 tháng 7 năm 2032"
    for line in ("BÁO CÁO", "Kết quả công tác 6 tháng đầu năm 2032", "I. Kết quả", "Các KCN thu hút 12 dự án."):
        document.add_paragraph(line)
    path = tmp_path / "bao_cao.docx"
    document.save(path)
    parsed = load_document(path, 10_000_000)
    frame = document_frame(parsed.pages, path.name)
    # Its number as it is cited, not the motto
    assert frame.title == "BÁO CÁO số 12/BC-BQL — Kết quả công tác 6 tháng đầu năm 2032"
    assert frame.issuer == "BAN QUẢN LÝ CÁC KCN TỈNH KIM SƠN"


@pytest.mark.unit
def test_a_sheet_s_title_rows_unit_line_and_two_header_rows_are_read_as_a_report_prints_them():
    from ingest.office import sheet_lines

    rows = [
        ["BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH QUẢNG TRỊ", "", "", "", ""],
        ["KẾT QUẢ SẢN XUẤT KINH DOANH NĂM 2032 SO VỚI NĂM 2031", "", "", "", ""],
        ["Đơn vị: tỷ đồng", "", "", "", ""],
        ["", "", "", "", ""],
        ["STT", "Tên KCN", "Doanh thu", "", "Tăng/giảm (%)"],
        ["", "", "Năm 2031", "Năm 2032", ""],
        ["1", "KCN Kim Sơn (khu vực phía Bắc)", "1.250", "1.375", "10"],
        ["", "Tổng cộng", "2.000", "2.150", "7,5"],
        ["Ghi chú: số liệu năm 2032 là ước thực hiện.", "", "", "", ""],
    ]
    assert sheet_lines(rows) == [
        "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH QUẢNG TRỊ",
        "KẾT QUẢ SẢN XUẤT KINH DOANH NĂM 2032 SO VỚI NĂM 2031",
        # The unit line is said after each figure; a place in brackets after a name is no unit.
        "KCN Kim Sơn (khu vực phía Bắc) — Doanh thu Năm 2031: 1.250 tỷ đồng; Doanh thu Năm 2032: 1.375 tỷ đồng; "
        "Tăng/giảm: 10%.",
        "Tổng cộng — Doanh thu Năm 2031: 2.000 tỷ đồng; Doanh thu Năm 2032: 2.150 tỷ đồng; Tăng/giảm: 7,5%.",
        "Ghi chú: số liệu năm 2032 là ước thực hiện.",
    ]


@pytest.mark.unit
def test_a_unit_line_naming_several_units_gives_the_sheet_its_first():
    from ingest.office import sheet_lines

    rows = [
        ["SỐ LIỆU LAO ĐỘNG CÁC KCN NĂM 2031", "", "", ""],
        ["Đơn vị tính: người; thu nhập: triệu đồng/người/tháng", "", "", ""],
        ["Tháng", "Tổng số lao động", "Thu nhập bình quân (triệu đồng/người/tháng)", "Số vụ tranh chấp lao động"],
        ["Tháng 6/2031", "41.678", "9,4", "2"],
    ]
    # A column naming what it counts keeps that ("2 vụ"), not the sheet's unit.
    assert sheet_lines(rows)[-1] == (
        "Tháng 6/2031 — Tổng số lao động: 41.678 người; Thu nhập bình quân: 9,4 triệu đồng/người/tháng; "
        "Số vụ tranh chấp lao động: 2 vụ."
    )


@pytest.mark.unit
def test_a_sheet_s_letterhead_and_signature_laid_out_in_cells_are_read_as_lines_not_as_its_header():
    # Two cells without a figure had made "UBND TỈNH KIM SƠN | CỘNG HÒA …" the table's header:
    # every figure was labelled "UBND TỈNH KIM SƠN", the real header said as a row.
    from ingest.office import sheet_lines

    rows = [
        ["UBND TỈNH KIM SƠN", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ""],
        ["BAN QUẢN LÝ CÁC KHU KINH TẾ", "", "Độc lập - Tự do - Hạnh phúc", ""],
        ["Số: 41/BC-BQL", "", "Kim Sơn, ngày 09 tháng 01 năm 2092", ""],
        ["BÁO CÁO TÌNH HÌNH CÁC KHU CÔNG NGHIỆP NĂM 2091", "", "", ""],
        ["Tên KCN", "Diện tích (ha)", "", "Lao động (người)"],
        ["", "Quy hoạch", "Đã cho thuê", ""],
        ["KCN Tân Lập", "437", "287,5", "21.460"],
        ["Người lập biểu", "", "KT. TRƯỞNG BAN", ""],
        ["", "", "PHÓ TRƯỞNG BAN", ""],
        ["Lê Thị Hoa", "", "Trần Văn Bình", ""],
    ]
    assert sheet_lines(rows) == [
        "UBND TỈNH KIM SƠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BAN QUẢN LÝ CÁC KHU KINH TẾ",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 41/BC-BQL",
        "Kim Sơn, ngày 09 tháng 01 năm 2092",
        "BÁO CÁO TÌNH HÌNH CÁC KHU CÔNG NGHIỆP NĂM 2091",
        # A group header's unit goes after the column it names, where a figure's unit is read.
        "KCN Tân Lập — Diện tích Quy hoạch: 437 ha; Diện tích Đã cho thuê: 287,5 ha; Lao động: 21.460 người.",
        "Người lập biểu",
        "KT. TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Lê Thị Hoa",
        "Trần Văn Bình",
    ]


def framed_sheet(path: Path, rows: list[list], title: str = "Sheet"):
    """A one-sheet workbook of ``rows``, read and framed as ingest does."""
    from ingest.docframe import table_frame

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    parsed = load_document(path, LIMIT)
    return parsed, table_frame(parsed.pages, path.name)


@pytest.mark.unit
def test_a_sheet_is_titled_and_issued_by_what_is_written_above_its_table(tmp_path: Path):
    from ingest.docframe import table_frame

    rows = [
        ["BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH QUẢNG TRỊ"],
        ["KẾT QUẢ SẢN XUẤT KINH DOANH NĂM 2032"],
        ["Đơn vị: tỷ đồng"],
        ["Tên KCN", "Doanh thu năm 2032"],
        ["KCN Kim Sơn", 1375],
    ]
    parsed, frame = framed_sheet(tmp_path / "kq_2032.xlsx", rows, "KQ 2032")
    assert frame.title == "KẾT QUẢ SẢN XUẤT KINH DOANH NĂM 2032"
    assert frame.issuer == "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH QUẢNG TRỊ"
    assert "KCN Kim Sơn — Doanh thu năm 2032: 1.375 tỷ đồng." in parsed.pages[0].text
    # Without lines above its table, a sheet is still titled by its file and sheet names.
    assert table_frame(load_document(spreadsheet(tmp_path / "bang.xlsx"), LIMIT).pages, "bang.xlsx").title == (
        "bang — Kết quả 2031"
    )


@pytest.mark.unit
def test_a_row_of_shares_is_said_in_percent_not_in_its_columns_units():
    # "So sánh … (%)" under "Doanh thu (tỷ đồng)" had read "110,7 tỷ đồng", a revenue.
    from ingest.office import sheet_lines

    rows = [
        ["Kỳ", "Doanh thu (tỷ đồng)", "Lao động (người)"],
        ["Năm 2091", "19.870", "156.320"],
        ["So sánh năm 2091 với năm 2090 (%)", "110,7", "109"],
    ]
    assert sheet_lines(rows)[1] == "So sánh năm 2091 với năm 2090 (%) — Doanh thu: 110,7%; Lao động: 109%."


@pytest.mark.unit
def test_a_sheet_whose_letterhead_is_laid_out_in_cells_is_titled_by_its_heading_not_the_motto(tmp_path: Path):
    rows = [
        ["UBND TỈNH QUẢNG TRỊ", None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["BAN QUẢN LÝ KHU KINH TẾ", None, "Độc lập - Tự do - Hạnh phúc"],
        ["Số: 41/BC-BQL", None, "Quảng Trị, ngày 09 tháng 01 năm 2092"],
        ["BÁO CÁO KẾT QUẢ THU HÚT ĐẦU TƯ NĂM 2091"],
        ["Chỉ tiêu", "Đơn vị tính", "Năm 2091"],
        ["Dự án FDI cấp mới", "dự án", 17],
    ]
    parsed, frame = framed_sheet(tmp_path / "thu_hut_2091.xlsx", rows)
    assert frame.title == "BÁO CÁO KẾT QUẢ THU HÚT ĐẦU TƯ NĂM 2091"
    assert frame.issuer == "BAN QUẢN LÝ KHU KINH TẾ TỈNH QUẢNG TRỊ"
    assert "Dự án FDI cấp mới — Năm 2091: 17 dự án." in parsed.pages[0].text


def test_a_sheet_under_a_letterhead_is_titled_by_what_it_measures_and_its_rows_say_it(tmp_path: Path):
    from ingest.chunking import chunk_document
    from ingest.docframe import table_frame

    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    sheet.append(["UBND TỈNH QUẢNG TRỊ"])
    sheet.append(["BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"])
    sheet.append(["VỐN ĐẦU TƯ THỰC HIỆN CỦA CÁC DỰ ÁN THEO THÁNG NĂM 2032"])
    sheet.append(["Tên KCN", *(f"Tháng {month} (triệu USD)" for month in range(1, 13))])
    sheet.append(["KCN Kim Sơn", *(10.5 + month for month in range(1, 13))])
    sheet.append(["KCN Tân Lập", *(3.5 + month for month in range(1, 13))])
    labour = book.create_sheet("Lao động")
    labour.append(["SỐ LAO ĐỘNG LÀM VIỆC TRONG CÁC KCN ĐẾN NGÀY 31/12/2032"])
    labour.append(["Tên KCN", "Tổng số lao động (người)", "Lao động nữ (người)", "Lao động nước ngoài (người)"])
    labour.append(["KCN Kim Sơn", 48215, 29310, 412])
    labour.append(["KCN Tân Lập", 31560, 18044, 193])
    path = tmp_path / "so_lieu.xlsx"
    book.save(path)
    parsed = load_document(path, LIMIT)
    frame = table_frame(parsed.pages, path.name)
    # Not the letterhead: the board of the committee's province issued it.
    assert frame.title == "VỐN ĐẦU TƯ THỰC HIỆN CỦA CÁC DỰ ÁN THEO THÁNG NĂM 2032"
    assert frame.issuer == "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH QUẢNG TRỊ"
    # The next sheet's rows are read under its own title (a year does not make a heading data).
    rows = [c for c in chunk_document("d", path.name, parsed.pages, frame) if c.text.startswith("KCN Kim Sơn")]
    assert rows[1].headings[-1] == "SỐ LAO ĐỘNG LÀM VIỆC TRONG CÁC KCN ĐẾN NGÀY 31/12/2032"
    assert "SỐ LAO ĐỘNG" not in " ".join(rows[0].headings)


def test_a_pdf_table_whose_header_is_left_at_the_foot_of_a_page_is_read_with_it(tmp_path: Path):
    """The header (its cells wrapped over two rows, a unit row under them) ends page 1; the
    rows are on page 2. Each row is said with its whole column names and units."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    document = docx.Document()
    document.add_paragraph("BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2035")
    for _ in range(36):
        document.add_paragraph("Các KCN tiếp tục thu hút đầu tư và ổn định sản xuất kinh doanh.")
    table = ruled_table(
        document,
        [
            ["TT", "Tên KCN", "Tỷ lệ lấp", "Lao"],
            ["", "", "đầy", "động"],
            ["", "Đơn vị tính", "%", "người"],
            ["1", "KCN Tân Lập", "64,7", "21.385"],
            ["2", "KCN Kim Sơn", "36,9", "7.415"],
        ],
    )
    for row in table.rows[3:]:  # too tall to stay on page 1 with the header
        row.height, row.height_rule = Cm(9), WD_ROW_HEIGHT_RULE.EXACTLY
    source = tmp_path / "bao_cao.docx"
    document.save(source)
    parsed = load_document(saved_by_libreoffice(source, "pdf", tmp_path), LIMIT)
    text = "\n".join(page.text for page in parsed.pages)
    assert len(parsed.pages) >= 2 and "KCN Tân Lập" not in parsed.pages[0].text  # the layout this test needs
    assert "KCN Tân Lập — Tỷ lệ lấp đầy: 64,7%; Lao động: 21.385 người." in text
    assert "KCN Kim Sơn — Tỷ lệ lấp đầy: 36,9%; Lao động: 7.415 người." in text
    assert "TT | Tên KCN" not in text  # the header is not left behind as a line of its own


@pytest.mark.unit
def test_a_header_s_wrapped_line_and_a_unit_row_name_each_column():
    from ingest.office import table_sentences

    rows = [
        ["TT", "Tên KCN", "Diện tích đất", "Dự án còn", "Lao động"],
        ["", "", "công nghiệp", "hiệu lực", ""],
        ["", "Đơn vị tính", "ha", "dự án", "người"],
        ["1", "KCN Tân Lập", "371", "94", "28.315"],
    ]
    assert table_sentences(rows) == [
        "KCN Tân Lập — Diện tích đất công nghiệp: 371 ha; Dự án còn hiệu lực: 94 dự án; Lao động: 28.315 người."
    ]
    # A row under the header that names something in its first cell is a row, not a header line.
    grouped = [["Chỉ tiêu", "Kế hoạch", "Thực hiện"], ["Khu vực phía Bắc", "", ""], ["Doanh thu", "1.500", "1.234"]]
    assert table_sentences(grouped)[0] == "Khu vực phía Bắc."


def test_a_group_label_left_blank_in_the_rows_under_it_is_carried_down():
    from ingest.office import table_sentences

    rows = [
        ["TT", "Hình thức khen thưởng", "Đơn vị được bỏ phiếu", "Số phiếu đồng ý"],
        ["1", "Cờ thi đua của Chính phủ", "Ban Quản lý các KCN tỉnh Kim Sơn", "05/06"],
        ["", "", "Ban Quản lý các KCN tỉnh Tân Lập", "01/06"],
        ["", "", "(lần thứ hai)", ""],  # one cell: a wrapped line of the row above, not of the group
    ]
    assert table_sentences(rows)[1:] == [
        "Cờ thi đua của Chính phủ — Đơn vị được bỏ phiếu: Ban Quản lý các KCN tỉnh Tân Lập; Số phiếu đồng ý: 01/06.",
        "(lần thứ hai).",
    ]


def test_a_column_numbering_the_rows_is_left_out_whatever_its_header_was_read_as():
    from ingest.office import table_sentences

    # A scan's "TT" read as "TỰ", one row number misread: still the rows' numbers.
    rows = [
        ["TỰ", "Đơn vị", "Tổng điểm"],
        ["1", "Kim Sơn", "96,75"],
        ["2.", "Tân Lập", "96,0"],
        ["ý", "Hà Nam", "95,0"],
    ]
    rows += [[str(n), f"Đơn vị {n}", "90,0"] for n in range(4, 7)]
    assert table_sentences(rows)[:2] == ["Kim Sơn — Tổng điểm: 96,75.", "Tân Lập — Tổng điểm: 96,0."]


def test_a_docx_list_s_items_stay_items_under_their_lead_in(tmp_path: Path):
    # Word prints the bullets and numbers of a list style; the text of its paragraphs has none,
    # so the items were read as one paragraph apart from the lead-in that announces them.
    from ingest.chunking import chunk_document

    document = docx.Document()
    document.add_paragraph("BÁO CÁO KẾT QUẢ NĂM 2033")
    document.add_paragraph("1. Phong trào thi đua chuyển đổi số")
    lead_in = "Kết quả phong trào thi đua chuyển đổi số năm 2033 như sau:"
    document.add_paragraph(lead_in)
    items = ["Cấp 412 hồ sơ trực tuyến toàn trình", "Kết nối 12 Ban Quản lý với cổng dữ liệu", "Đào tạo 35 cán bộ"]
    document.add_paragraph(items[0], style="List Bullet")
    document.add_paragraph(items[1], style="List Bullet")
    document.add_paragraph(items[2], style="List Number")
    document.add_paragraph("- Gõ tay dấu gạch đầu dòng", style="List Bullet")  # marked by hand as well
    items.append("Gõ tay dấu gạch đầu dòng")
    document.add_paragraph("2. Công tác khen thưởng")
    path = tmp_path / "bao_cao.docx"
    document.save(path)
    chunks = chunk_document("d", path.name, load_document(path, 10_000_000).pages)
    listed = [c for c in chunks if any(item in c.text for item in items)]
    assert [c.text for c in listed] == [f"- {item}" for item in items]
    assert all(c.headings[-1] == lead_in for c in listed)


def test_a_converted_document_s_headings_are_headings_not_list_items(tmp_path: Path):
    # LibreOffice writes "no numbering" (numId 0) on every heading of an .odt it converts: the
    # headings were read as list items ("- I. …") and no chunk had a section.
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from ingest.chunking import chunk_document

    document = docx.Document()
    document.add_paragraph("BÁO CÁO KẾT QUẢ NĂM 2033")
    heading = document.add_paragraph("I. KẾT QUẢ THU HÚT ĐẦU TƯ")
    numbering = OxmlElement("w:numPr")
    for tag in ("w:ilvl", "w:numId"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "0")
        numbering.append(element)
    heading._p.get_or_add_pPr().append(numbering)
    document.add_paragraph("Năm 2033, các KCN tỉnh Kim Sơn thu hút 45 dự án mới với tổng vốn 1.234 tỷ đồng.")
    # Outline level 9 is "body text": a list style set so still numbers its items.
    listed = document.styles["List Bullet"].element.get_or_add_pPr()
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "9")
    listed.append(outline)
    document.add_paragraph("Cấp 412 hồ sơ trực tuyến toàn trình", style="List Bullet")
    path = tmp_path / "bao_cao.docx"
    document.save(path)
    chunks = chunk_document("d", path.name, load_document(path, 10_000_000).pages)
    assert [c.headings for c in chunks] == [("I. KẾT QUẢ THU HÚT ĐẦU TƯ",)] * 2
    assert chunks[1].text == "- Cấp 412 hồ sơ trực tuyến toàn trình"


def test_a_ranking_column_is_said_after_the_row_s_name_a_row_number_column_is_left_out():
    from ingest.office import table_sentences

    ranking = [["Xếp hạng", "Đơn vị", "Điểm"], ["1", "BQL KKT Kim Sơn", "98,5"], ["2", "BQL KCN Tân Lập", "97,1"]]
    assert table_sentences(ranking) == [
        "BQL KKT Kim Sơn — Xếp hạng: 1; Điểm: 98,5.",
        "BQL KCN Tân Lập — Xếp hạng: 2; Điểm: 97,1.",
    ]
    for numbers in ("STT", "S.T.T", "STT/No.", "Thứ tự", "SIT"):  # the last, "STT" as OCR may read it
        rows = [[numbers, "Đơn vị", "Điểm"], ["1", "BQL KKT Kim Sơn", "98,5"], ["2", "BQL KCN Tân Lập", "97,1"]]
        assert table_sentences(rows)[0] == "BQL KKT Kim Sơn — Điểm: 98,5."


def test_a_word_file_s_page_header_is_kept_out_of_its_text_and_names_its_board(tmp_path: Path):
    # The board was named only in the page header: unread, the report had no issuer nor province.
    from ingest.docframe import document_frame

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "BAN QUẢN LÝ KHU KINH TẾ TỈNH KON TUM"
    document.sections[0].footer.paragraphs[0].text = "2"  # a page number: no line of it
    document.add_paragraph("Tình hình thu hút đầu tư quý III năm 2038")
    document.add_paragraph("Trong quý III, các khu thu hút 6 dự án với tổng vốn đăng ký 1.214 tỷ đồng.")
    path = tmp_path / "quy3.docx"
    document.save(path)
    parsed = load_document(path, 10_000_000)
    assert parsed.running_lines == ("BAN QUẢN LÝ KHU KINH TẾ TỈNH KON TUM",)
    assert "KON TUM" not in parsed.pages[0].text
    frame = document_frame(parsed.pages, parsed.source, parsed.title, parsed.running_lines)
    assert (frame.issuer, frame.places) == ("BAN QUẢN LÝ KHU KINH TẾ TỈNH KON TUM", ("province:kon tum",))


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_XML = (
    f'<w:footnotes xmlns:w="{W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>Số liệu của Cục Thuế tỉnh.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def _with_footnotes(path: Path) -> None:
    """Add a footnotes part to a saved .docx (python-docx writes none)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/footnotes.xml"] = FOOTNOTES_XML.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_word_file_reads_as_its_tracked_changes_left_it_with_its_footnotes_in_place(tmp_path: Path):
    # python-docx reads a paragraph's direct runs only: the figures a reviewer inserted were
    # lost with those deleted ("… và dự án DDI"), and footnotes were never read.
    from docx.oxml import parse_xml

    document = docx.Document()
    changed = document.add_paragraph("Quý I năm 2038, các KCN cấp mới 29 dự án, trong đó ")
    changed._p.append(
        parse_xml(
            f'<w:del xmlns:w="{W}" w:id="1" w:author="A" w:date="2038-04-02T00:00:00Z">'
            "<w:r><w:delText>3</w:delText></w:r></w:del>"
        )
    )
    changed._p.append(
        parse_xml(
            f'<w:ins xmlns:w="{W}" w:id="2" w:author="A" w:date="2038-04-02T00:00:00Z"><w:r><w:t>5</w:t></w:r></w:ins>'
        )
    )
    changed.add_run(" dự án DDI.")
    noted = document.add_paragraph("Nộp ngân sách đạt 253 tỷ đồng")
    noted._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:footnoteReference w:id="1"/></w:r>'))
    noted.add_run(".")
    path = tmp_path / "quy1.docx"
    document.save(path)
    _with_footnotes(path)
    text = load_document(path, 10_000_000).pages[0].text
    assert "trong đó 5 dự án DDI." in text and "đó 3" not in text and "35" not in text  # the deleted "3" is gone
    assert "Nộp ngân sách đạt 253 tỷ đồng (chú thích: Số liệu của Cục Thuế tỉnh)." in text


def test_a_word_header_laid_out_in_a_table_is_read_and_a_first_page_header_word_never_shows_is_not(tmp_path: Path):
    from ingest.docframe import document_frame

    document = docx.Document()
    section = document.sections[0]
    table = section.header.add_table(1, 2, section.page_width)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN TỈNH GIA LAI\nBAN QUẢN LÝ KHU KINH TẾ"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    section.first_page_header.paragraphs[
        0
    ].text = "BAN QUẢN LÝ CÁC KCN TỈNH KON TUM"  # not shown: no first page of its own
    document.add_paragraph("Trong quý III năm 2038, các khu thu hút 6 dự án với tổng vốn đăng ký 1.214 tỷ đồng.")
    path = tmp_path / "quy3.docx"
    document.save(path)
    parsed = load_document(path, 10_000_000)
    assert "BAN QUẢN LÝ CÁC KCN TỈNH KON TUM" not in parsed.running_lines
    frame = document_frame(parsed.pages, parsed.source, parsed.title, parsed.running_lines)
    assert (frame.issuer, frame.places) == ("BAN QUẢN LÝ KHU KINH TẾ TỈNH GIA LAI", ("province:gia lai",))


def test_a_table_s_title_row_is_said_once_and_a_province_column_does_not_name_the_rows():
    # Spread over the header, the title was glued to every column's name (a row ran past a
    # chunk and was cut from its zone); the province named each row, not its zone.
    from ingest.office import table_sentences

    title = "BIỂU TỔNG HỢP TÌNH HÌNH CÁC KHU CÔNG NGHIỆP NĂM 2038"
    rows = [
        [title, None, None, None, None],
        ["STT", "Tỉnh", "Khu công nghiệp", "Tỷ lệ lấp đầy (%)", "Lao động (người)"],
        ["1", "Kon Tum", "KCN Tân Lập", "77,4", "21.650"],
        ["2", "Kon Tum", "KCN Kim Sơn", "56,9", "8.930"],
        ["3", "Gia Lai", "KCN Tân Khê", "35,2", "3.210"],
    ]
    assert table_sentences(rows) == [
        title,
        "KCN Tân Lập — Tỉnh: Kon Tum; Tỷ lệ lấp đầy: 77,4%; Lao động: 21.650 người.",
        "KCN Kim Sơn — Tỉnh: Kon Tum; Tỷ lệ lấp đầy: 56,9%; Lao động: 8.930 người.",
        "KCN Tân Khê — Tỉnh: Gia Lai; Tỷ lệ lấp đầy: 35,2%; Lao động: 3.210 người.",
    ]


def test_a_word_file_s_numbers_text_boxes_and_tables_in_cells_are_read(tmp_path: Path):
    # Word's numbers were read as bullets ("- Đặc điểm tình hình": no section), a text box and
    # a table inside a cell were not read at all.
    from docx.oxml import parse_xml

    document = docx.Document()
    heading = document.add_paragraph("Đặc điểm tình hình năm 2038", style="List Number")  # a year: no figure
    sub = document.add_paragraph("Thành viên của Khối", style="List Number 2")
    for paragraph in (heading, sub):  # one list: "1." then "1.1."
        paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 90
    sub._p.pPr.numPr.get_or_add_ilvl().val = 1
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    boxed = document.add_paragraph("Khối gồm 07 thành viên.")
    boxed._p.append(
        parse_xml(
            f'<w:r xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
            "<w:txbxContent><w:p><w:r><w:t>Tỷ lệ lấp đầy bình quân của Khối: 71,3%</w:t></w:r></w:p></w:txbxContent>"
            "</v:textbox></v:shape></w:pict></w:r>"
        )
    )
    outer = document.add_table(rows=2, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text = "Đơn vị", "Điểm theo tiêu chí"
    outer.cell(1, 0).text = "Ban Quản lý các KCN tỉnh Kon Tum"
    inner = outer.cell(1, 1).add_table(rows=2, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Tiêu chí", "Điểm"
    inner.cell(1, 0).text, inner.cell(1, 1).text = "Thu hút đầu tư", "28,5"
    path = tmp_path / "tong_ket.docx"
    document.save(path)
    text = load_document(path, 10_000_000).pages[0].text
    assert "1. Đặc điểm tình hình năm 2038" in text and "1.1. Thành viên của Khối" in text
    assert "Tỷ lệ lấp đầy bình quân của Khối: 71,3%" in text
    assert "Thu hút đầu tư — Điểm: 28,5." in text


def test_a_ticked_cell_is_a_value_and_a_group_over_some_columns_is_no_title():
    from ingest.office import table_sentences

    ticked = [["Khu", "Trạm quan trắc", "Nhà máy XLNT"], ["KCN Tân Lập", "x", "x"], ["KCN Kim Sơn", "x", ""]]
    assert table_sentences(ticked)[0] == "KCN Tân Lập — Trạm quan trắc: x; Nhà máy XLNT: x."
    grouped = [
        ["", "Năm 2038", None],
        ["Khu", "Dự án", "Vốn (tỷ đồng)"],
        ["KCN Tân Lập", "3", "612"],
        ["KCN Kim Sơn", "4", "731"],
    ]
    assert "Năm 2038" in table_sentences(grouped)[0]  # the year still names the columns


def test_a_word_file_s_content_controls_are_read_in_the_body_a_cell_and_the_header(tmp_path: Path):
    # A template's fields (block-level ``w:sdt``) were read as nothing: python-docx reads only
    # the paragraphs and tables right under the body, a cell or a header.
    from docx.oxml import parse_xml

    def control(text: str):
        return parse_xml(
            f'<w:sdt xmlns:w="{W}"><w:sdtPr><w:alias w:val="Trường"/></w:sdtPr><w:sdtContent>'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        )

    document = docx.Document()
    document.add_paragraph("BÁO CÁO KẾT QUẢ NĂM 2038")
    document.element.body.insert(1, control("Tổng số lao động tại các KCN là 23.456 người."))
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Khu công nghiệp", "Doanh thu (tỷ đồng)"
    table.cell(1, 0).text = "KCN Tân Lập"
    filled = table.cell(1, 1)._tc
    filled.remove(filled.find(f"{{{W}}}p"))
    filled.append(control("2.345"))
    document.sections[0].header._element.append(control("BAN QUẢN LÝ CÁC KCN TỈNH KIM SƠN"))
    path = tmp_path / "mau.docx"
    document.save(path)
    parsed = load_document(path, 10_000_000)
    assert "Tổng số lao động tại các KCN là 23.456 người." in parsed.pages[0].text
    assert "KCN Tân Lập — Doanh thu: 2.345 tỷ đồng." in parsed.pages[0].text
    assert parsed.running_lines == ("BAN QUẢN LÝ CÁC KCN TỈNH KIM SƠN",)


def test_a_province_column_merged_down_a_long_table_is_read_on_every_row(tmp_path: Path):
    # python-docx walks up a vertical merge from each cell: quadratic, and past about a
    # thousand rows a RecursionError rejected the whole file.
    from docx.oxml import parse_xml

    def cell(text: str, merge: str = "") -> str:
        return f"<w:tc><w:tcPr>{merge}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    rows = 1_200
    body = [cell("Tỉnh") + cell("Khu công nghiệp") + cell("Số dự án")]
    for i in range(1, rows + 1):  # "Kim Sơn" merged down the rows, as Word writes it
        merge = '<w:vMerge w:val="restart"/>' if i == 1 else "<w:vMerge/>"
        body.append(cell("Kim Sơn" if i == 1 else "", merge) + cell(f"KCN Tân Lập {i}") + cell(str(i % 50)))
    grid = "<w:tblGrid>" + "<w:gridCol/>" * 3 + "</w:tblGrid>"
    document = docx.Document()
    document.add_paragraph("BIỂU TỔNG HỢP CÁC KCN NĂM 2038")
    rows_xml = "".join(f"<w:tr>{row}</w:tr>" for row in body)
    document.element.body.insert(1, parse_xml(f'<w:tbl xmlns:w="{W}"><w:tblPr/>{grid}{rows_xml}</w:tbl>'))
    path = tmp_path / "bieu.docx"
    document.save(path)
    text = load_document(path, 50_000_000).pages[0].text
    assert f"KCN Tân Lập {rows}" in text and text.count("Kim Sơn") >= rows  # each row says its province


def test_styles_based_on_each_other_are_read_not_looped_over(tmp_path: Path):
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    first = document.styles.add_style("Thân A", WD_STYLE_TYPE.PARAGRAPH)
    second = document.styles.add_style("Thân B", WD_STYLE_TYPE.PARAGRAPH)
    first.base_style, second.base_style = second, first  # a converter's loop
    document.add_paragraph("BÁO CÁO KẾT QUẢ NĂM 2038")
    document.add_paragraph("Các KCN thu hút 14 dự án mới.", style="Thân A")
    path = tmp_path / "vong.docx"
    document.save(path)
    assert "Các KCN thu hút 14 dự án mới." in load_document(path, 10_000_000).pages[0].text


def test_a_numbered_heading_naming_months_or_a_decree_stays_a_heading_an_item_with_a_figure_an_item(
    tmp_path: Path,
):
    from docx.oxml import parse_xml

    document = docx.Document()
    lines = [
        "Kết quả thực hiện 6 tháng đầu năm 2038",  # months and a year: no figure
        "Tình hình thực hiện Nghị định 35/2037/NĐ-CP",  # a decree's number: no figure
        "Đào tạo 35 cán bộ quản lý",  # a figure: a list's item
    ]
    for text in lines:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 91
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="91">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    path = tmp_path / "so_ket.docx"
    document.save(path)
    said = load_document(path, 10_000_000).pages[0].text.split("\n\n")
    assert said == [
        "1. Kết quả thực hiện 6 tháng đầu năm 2038",
        "2. Tình hình thực hiện Nghị định 35/2037/NĐ-CP",
        "- Đào tạo 35 cán bộ quản lý",
    ]


def _numbered_document(levels: str, override: str = ""):
    """A document whose list 92 is defined by ``levels`` (``w:lvl`` elements), with the list's
    own ``override`` (``w:lvlOverride``), and a style "Mục" numbered by it."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="92">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="92"><w:abstractNumId w:val="92"/>{override}</w:num>'))
    style = document.styles.add_style("Mục", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 92
    return document


def _level(n: int, text: str, start: int = 1) -> str:
    shown = f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{text}"/>'
    return f'<w:lvl w:ilvl="{n}"><w:start w:val="{start}"/>{shown}</w:lvl>'


@pytest.mark.parametrize(
    ("levels", "override", "demoted", "printed"),
    [
        # A paragraph of the numbered style demoted with Tab writes only its own level.
        (_level(0, "%1.") + _level(1, "%1.%2."), "", True, ["1. Kết quả", "1.1. Dự án cấp mới", "2. Nhiệm vụ"]),
        # A list told to continue at 4 ("w:startOverride").
        (
            _level(0, "%1."),
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride>',
            False,
            ["4. Kết quả", "5. Dự án cấp mới", "6. Nhiệm vụ"],
        ),
        # A level starting at 0 counts 0, 1, 2 (0 was read as "not begun": 1, 1, 2).
        (_level(0, "%1.", start=0), "", False, ["0. Kết quả", "1. Dự án cấp mới", "2. Nhiệm vụ"]),
    ],
)
def test_word_list_numbers_follow_the_list_s_overrides_and_a_paragraph_s_own_level(
    tmp_path: Path, levels: str, override: str, demoted: bool, printed: list[str]
):
    document = _numbered_document(levels, override)
    for text in ("Kết quả", "Dự án cấp mới", "Nhiệm vụ"):
        paragraph = document.add_paragraph(text, style="Mục")
        if demoted and text == "Dự án cấp mới":
            paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_ilvl().val = 1
    path = tmp_path / "muc.docx"
    document.save(path)
    assert load_document(path, 10_000_000).pages[0].text.split("\n\n") == printed


def test_a_text_box_in_a_cell_is_read_and_a_box_in_a_box_once(tmp_path: Path):
    from docx.oxml import parse_xml

    def box(inner: str, declared: bool = True) -> str:
        names = f' xmlns:w="{W}"' if declared else ""
        return (
            f'<w:r{names} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
            f"<w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )

    def paragraph(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    document = docx.Document()
    document.add_paragraph("BÁO CÁO NĂM 2038")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "Kết quả năm 2038"
    table.cell(0, 0).paragraphs[0]._p.append(parse_xml(box(paragraph("Vốn FDI cấp mới: 118,6 triệu USD"))))
    outer = document.add_paragraph()
    inner = f"<w:p>{box(paragraph('14 dự án FDI mới'), declared=False)}</w:p>"
    outer._p.append(parse_xml(box(paragraph("Những con số nổi bật năm 2038") + inner)))
    path = tmp_path / "hop.docx"
    document.save(path)
    text = load_document(path, 10_000_000).pages[0].text
    assert "Vốn FDI cấp mới: 118,6 triệu USD" in text and text.count("14 dự án FDI mới") == 1


def test_a_row_number_column_with_ocr_marks_and_a_garbled_header_is_left_out():
    # A fax's "STT" read "PƯPVÍ li" and its numbers "1ˆ", "3'": the rows were named "2", "3".
    rows = [
        ["PƯPVÍ li", "Đơn vị", "Tổng điểm", "Xếp hạng"],
        ["1ˆ", "Ban Quản lý KKT tỉnh An Giang", "89,0", "2"],
        ["2", "Ban Quản lý các KCN tỉnh Đồng Tháp", "91,5", "1"],
        ["3'", "Ban Quản lý các KCN TP. Cần Thơ", "86,5", "3"],
        ["4.", "Ban Quản lý KKT tỉnh Cà Mau", "82,0", "4"],
    ]
    assert from_office_rows(rows)[1] == "Ban Quản lý các KCN tỉnh Đồng Tháp — Tổng điểm: 91,5; Xếp hạng: 1."
    # A rank column first is said after the row's name, its header one of a rank's words.
    ranked = [["Xếp hạng", "Đơn vị", "Điểm"], ["1", "Ban A", "99"], ["2", "Ban B", "98"], ["3", "Ban C", "97"]]
    assert from_office_rows(ranked)[0] == "Ban A — Xếp hạng: 1; Điểm: 99."


def from_office_rows(rows: list[list[str]]) -> list[str]:
    from ingest.office import table_sentences

    return table_sentences(rows)
