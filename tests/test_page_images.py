"""A cited paragraph marked on the image of its page: the pure alignment of a passage with a
page's words, and real pages (a typeset PDF rendered by pdfium, its scan read by Tesseract)."""

from __future__ import annotations

import io
from pathlib import Path

import pytesseract
import pytest
from PIL import Image

from app.service import Baocao
from app.web.passage_box import covered_words, line_boxes
from ingest import ocr
from ingest.ocr import PageReader
from ingest.page_words import PageNotFoundError, Word, page_image

from .conftest import make_settings
from .reports import marked_share, write_pdf
from .test_ocr import scan


def words_of(lines: list[str]) -> list[Word]:
    """Words laid out on lines 20 px apart, 10 px per character, as a page would give them."""
    words, top = [], 0
    for line in lines:
        left = 0
        for text in line.split():
            words.append(Word(text, (left, top, left + 10 * len(text), top + 15)))
            left += 10 * len(text) + 10
        top += 20
    return words


PAGE = [
    "1. Kết quả thu hút đầu tư của các KCN",
    "Năm 2061 các KCN tỉnh Kim Sơn thu hút 12 dự án",
    "với tổng vốn 140 triệu USD.",
    "2. Lao động của các KCN",
    "Tổng số lao động đạt 9.120 người.",
]


@pytest.mark.unit
def test_the_passage_is_found_on_its_lines_and_a_phrase_it_shares_elsewhere_is_not():
    words = words_of(PAGE)
    passage = "Năm 2061 các KCN tỉnh Kim Sơn thu hút 12 dự án với tổng vốn 140 triệu USD."
    covered = covered_words(words, passage)
    assert [words[i].text for i in covered] == passage.split()  # "của các KCN" on other lines stays unmarked
    boxes = line_boxes(words, covered)
    assert len(boxes) == 2 and boxes[0][1] < 20 + 15 < boxes[1][1] + 20  # lines 2 and 3, one box each


@pytest.mark.unit
def test_ocr_spellings_and_accents_still_line_up_and_a_passage_elsewhere_marks_nothing():
    words = words_of(["Tong so lao dong dat 9.120 nguoi.", "Nam 2061 thu hut 12 du an."])
    covered = covered_words(words, "Tổng số lao động đạt 9.120 người.")
    assert [words[i].text for i in covered] == ["Tong", "so", "lao", "dong", "dat", "9.120", "nguoi."]
    assert covered_words(words, "Giá trị xuất khẩu tăng mạnh.") == []
    assert covered_words(words, "") == []


@pytest.mark.integration
def test_a_typeset_pdf_page_is_rendered_with_the_cited_paragraph_marked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    check_marked_page(write_pdf(tmp_path / "goc.pdf"), tmp_path, monkeypatch)


@pytest.mark.skipif(not ocr.available(), reason="needs Tesseract with Vietnamese (make install-ocr)")
@pytest.mark.integration
def test_a_scanned_page_is_shown_with_the_cited_paragraph_marked_where_ingest_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    check_marked_page(scan(write_pdf(tmp_path / "goc.pdf"), tmp_path / "scan.pdf"), tmp_path, monkeypatch)


def check_marked_page(report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from app.web.server import create_app

    service = Baocao(make_settings(tmp_path / "home"))
    (outcome,) = service.ingest([report])

    def tesseract_must_not_run(*args, **kwargs):  # a stand-in that fails the test if a page is read again
        raise AssertionError("the words and boxes read at ingest were not used")

    monkeypatch.setattr(pytesseract, "image_to_data", tesseract_must_not_run)
    monkeypatch.setattr(pytesseract, "image_to_osd", tesseract_must_not_run)
    cited = next(c for c in service.paragraphs(outcome.doc_id) if "27,5" in c.text)
    reader = PageReader(service.settings.ocr_cache_path).for_document(outcome.doc_id)
    shown = page_image(service.originals.path(outcome.doc_id), cited.page, reader)
    client = TestClient(create_app(service, service.settings), base_url="http://127.0.0.1")
    response = client.get(f"/page/{outcome.doc_id}/{cited.page}.png", params={"paragraph": cited.paragraph})
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    png = Image.open(io.BytesIO(response.content))
    scale = png.width / shown.image.width  # a page read from an enlarged scan is shown smaller

    def box_of(text: str) -> tuple[float, float, float, float]:
        word = next(w for w in shown.words if w.text.startswith(text))
        return tuple(v * scale for v in word.box)  # type: ignore[return-value]

    assert marked_share(png, box_of("27,5")) > 0.3  # the cited sentence's figure is marked
    assert marked_share(png, box_of("105.300")) == 0  # the next paragraph is not
    with pytest.raises(PageNotFoundError):
        page_image(service.originals.path(outcome.doc_id), 9, reader)
    assert client.get(f"/page/{outcome.doc_id}/9.png").status_code == 404


@pytest.mark.integration
def test_a_damaged_original_is_a_clear_message_not_a_server_error(tmp_path: Path):
    from fastapi.testclient import TestClient

    from app.web.server import create_app

    service = Baocao(make_settings(tmp_path / "home"))
    (outcome,) = service.ingest([write_pdf(tmp_path / "goc.pdf")])
    original = service.originals.path(outcome.doc_id)
    original.write_bytes(original.read_bytes()[:300])  # cut short on disk after indexing
    client = TestClient(create_app(service, service.settings), base_url="http://127.0.0.1")
    response = client.get(f"/page/{outcome.doc_id}/1.png", params={"paragraph": 1})
    assert response.status_code == 422 and "Không đọc được trang 1" in response.text
