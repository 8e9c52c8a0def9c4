"""Read report files into cleaned page texts. Every failure is an ``IngestError``
that names the file and says, in Vietnamese and English, what is wrong."""

from __future__ import annotations

import hashlib
import logging
import math
import shutil
import unicodedata
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ingest import ocr, slides_text, word_text
from ingest.continued_tables import with_continued_rows
from ingest.encodings import Decoded, UndecodableText, decode_text
from ingest.html_text import html_title, html_to_text
from ingest.mail_text import mail_body, mail_signature
from ingest.markdown_text import markdown_to_text
from ingest.models import PageText, ParsedDocument, doc_id_of
from ingest.normalize import clean_text
from ingest.office import (
    CONVERTED_SLIDES,
    CONVERTED_SPREADSHEETS,
    CONVERTED_SUFFIXES,
    SPREADSHEET_SUFFIXES,
    ZIPPED_SPREADSHEETS,
    convert_with_office,
    read_spreadsheet,
)
from ingest.pdf_footnotes import Run, with_footnotes
from ingest.pdf_tables import with_tables
from ingest.running_lines import split_running_lines
from ingest.text_tables import with_table_sentences

if TYPE_CHECKING:
    from pypdf import PageObject

HTML_SUFFIXES = (".html", ".htm")  # a saved web page
SUPPORTED_SUFFIXES = (
    ".pdf", ".txt", ".md", *HTML_SUFFIXES, ".docx", *SPREADSHEET_SUFFIXES, *CONVERTED_SUFFIXES,
    *CONVERTED_SPREADSHEETS, ".pptx", *CONVERTED_SLIDES, *ocr.IMAGE_SUFFIXES,
)  # fmt: skip
SUPPORTED_NAMES = "PDF, TXT, MD, HTML, DOCX, DOC, RTF, ODT, XLSX, XLS, ODS, PPTX, PPT, ODP, PNG, JPG, TIFF"
MIN_TEXT_CHARS = 20  # less than this after extraction means "no text layer"
# Share of a text's characters (spaces aside) in the Latin script, digits or ASCII punctuation:
# at least 0.994 in each of the 34 reports here; binary junk a converter read as text, 0.02.
MIN_LATIN_SHARE = 0.5

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly on damaged files


class IngestError(Exception):
    """A file that cannot be ingested, with a bilingual reason."""

    def __init__(self, source: str, vietnamese: str, english: str) -> None:
        self.source = source
        self.vietnamese = vietnamese
        self.english = english
        super().__init__(f"{source}: {vietnamese} / {english}")


def latin_share(text: str) -> float:
    """Share of the characters (spaces aside) that are Latin letters, digits or ASCII signs."""
    shown = [ch for ch in text if not ch.isspace()]
    latin = sum(1 for ch in shown if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
    return latin / len(shown) if shown else 1.0


def _ocr(path: Path, images, total: int, reader: ocr.PageReader) -> list[tuple[PageText, float]]:
    """Pages read by Tesseract, with their mean word confidence."""
    if not ocr.available():
        raise IngestError(
            path.name,
            "tệp là bản scan (ảnh) nhưng máy chưa cài Tesseract với tiếng Việt (tesseract-ocr, tesseract-ocr-vie)",
            "the file is a scan (images) and Tesseract with Vietnamese is not installed "
            "(Debian: tesseract-ocr tesseract-ocr-vie; make install-ocr)",
        )
    return [
        (PageText(number, clean_text(page.text)), page.confidence) for number, page in reader.read_all(images, total)
    ]


def _too_many_pages(path: Path, count: int) -> IngestError:
    return IngestError(
        path.name,
        f"bản scan có {count} trang cần OCR, quá giới hạn {ocr.MAX_OCR_PAGES} trang; hãy tách tệp",
        f"the scan has {count} pages to OCR, over the {ocr.MAX_OCR_PAGES}-page limit; split the file",
    )


def _read_image(path: Path, reader: ocr.PageReader) -> tuple[list[PageText], tuple[tuple[int, float], ...]]:
    try:
        frames = list(ocr.image_frames(path))
    except (OSError, ValueError, SyntaxError) as error:  # Pillow: damaged, unknown or oversized image
        raise IngestError(
            path.name,
            "ảnh bị hỏng, không đọc được hoặc quá lớn",
            f"the image is damaged, unreadable or too large ({error})",
        ) from error
    if len(frames) > ocr.MAX_OCR_PAGES:
        raise _too_many_pages(path, len(frames))
    read = _ocr(path, enumerate(frames, start=1), len(frames), reader)
    return [page for page, _ in read], tuple((page.number or 0, c) for page, c in read)


def _read_pdf(
    path: Path, reader: ocr.PageReader
) -> tuple[list[PageText], tuple[tuple[int, float], ...], tuple[str, ...]]:
    """Its pages, the OCR confidence of those read as scans, and its running lines."""
    pages = _read_pdf_text(path)
    # A page with (almost) no text layer is an image: a scanned report, or a scan inside a digital one.
    scanned = [p.number for p in pages if len(p.text) < MIN_TEXT_CHARS and p.number is not None]
    if not scanned:
        kept, running = split_running_lines(pages)
        return kept, (), running
    if len(scanned) > ocr.MAX_OCR_PAGES:
        raise _too_many_pages(path, len(scanned))
    read = {
        page.number: (page, confidence)
        for page, confidence in _ocr(
            path, zip(scanned, ocr.pdf_pages(path, scanned), strict=True), len(scanned), reader
        )
    }
    merged = [read[p.number][0] if p.number in read else p for p in pages]
    kept, running = split_running_lines(merged)
    return kept, tuple((number, read[number][1]) for number in scanned), running


def _read_pdf_text(path: Path) -> list[PageText]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(
                path.name,
                "PDF được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi tải lại",
                "the PDF is password-protected; remove the password and upload it again",
            )
        layers = [_text_layer(page) for page in reader.pages]
        pages = [PageText(i, clean_text(text)) for i, (text, _) in enumerate(layers, 1)]
    except IngestError:
        raise
    except DependencyError as error:  # AES needs the optional `cryptography` package
        raise IngestError(
            path.name,
            "PDF được mã hoá (AES) nên không đọc được; hãy gỡ mã hoá/mật khẩu rồi tải lên lại",
            f"the PDF is encrypted (AES) and cannot be read here ({error}); remove the encryption and upload it again",
        ) from error
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AssertionError) as error:
        raise IngestError(
            path.name, "tệp PDF bị hỏng hoặc không đọc được", f"the PDF is corrupt or unreadable ({error})"
        ) from error
    # After the tables: a page read again with its tables keeps its footnotes' text as drawn.
    return [
        replace(page, text=with_footnotes(page.text, runs, clean_text))
        for page, (_, runs) in zip(with_tables(path, pages), layers, strict=True)
    ]


def _text_layer(page: PageObject) -> tuple[str, list[Run]]:
    """A PDF page's text layer, and its runs as drawn (for its footnotes)."""
    runs: list[Run] = []

    def drawn(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():  # the size and height as shown: the text matrix, then the page's
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            runs.append(Run(text, size * scale, tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    return page.extract_text(visitor_text=drawn) or "", runs


def _decode_text(path: Path, data: bytes) -> Decoded:
    try:
        return decode_text(data)
    except UndecodableText as error:
        if str(error) == "binary":
            raise IngestError(
                path.name, "tệp không phải văn bản (dữ liệu nhị phân)", "the file is binary, not text"
            ) from error
        raise IngestError(
            path.name,
            "không nhận ra bảng mã của tệp văn bản (đã thử UTF-8, UTF-16, Windows-1258, TCVN3, VNI, VISCII); "
            "hãy lưu lại dưới dạng UTF-8",
            f"the text file's encoding is unknown ({error}; tried UTF-8, UTF-16, Windows-1258, TCVN3, VNI, "
            "VISCII); save it as UTF-8",
        ) from error


def _check_unpacked_size(path: Path, max_bytes: int) -> None:
    """A .docx or .xlsx is a zip archive: refuse one that would unpack to more than ``max_bytes``
    (a "zip bomb": a small file that fills the memory when opened). The sizes declared in
    the archive bound what Python's zipfile will ever inflate, so they are checked first."""
    kind = {".xlsx": "Excel", ".xlsm": "Excel", ".pptx": "PowerPoint"}.get(path.suffix.lower(), "DOCX")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise IngestError(path.name, f"tệp {kind} bị hỏng", f"the {kind} file is corrupt ({error})") from error
    if unpacked > max_bytes:
        raise IngestError(
            path.name,
            f"tệp {kind} giải nén ra {unpacked // 1_000_000} MB, quá giới hạn {max_bytes // 1_000_000} MB "
            "(có thể là tệp nén độc hại)",
            f"the {kind} unpacks to {unpacked // 1_000_000} MB, over the {max_bytes // 1_000_000} MB limit "
            "(possibly a zip bomb)",
        )


def _read_docx(path: Path) -> tuple[list[PageText], tuple[str, ...]]:
    """Its text as one page, and the lines of its page headers and footers (``word_text``)."""
    from docx.opc.exceptions import PackageNotFoundError

    try:
        lines, headers_and_footers = word_text.read_word(path)
    # SyntaxError: lxml's XMLSyntaxError for malformed XML inside the archive.
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:
        raise IngestError(path.name, "tệp DOCX bị hỏng", f"the DOCX file is corrupt ({error})") from error
    # One paragraph per line, blank line between: the chunker's "long line" shape.
    return [PageText(None, clean_text("\n\n".join(lines)))], headers_and_footers


def _read_slides(path: Path) -> tuple[list[PageText], tuple[str, ...]]:
    from pptx.exc import PackageNotFoundError

    try:
        return slides_text.read_slides(path)
    # SyntaxError: lxml's XMLSyntaxError for malformed XML inside the archive.
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:
        raise IngestError(path.name, "tệp PowerPoint bị hỏng", f"the PowerPoint file is corrupt ({error})") from error


def _read_converted(path: Path, max_bytes: int) -> tuple[list[PageText], tuple[str, ...]]:
    """A file LibreOffice converts first: a word-processor file to .docx, an .ods to .xlsx,
    a .ppt/.odp to .pptx, then read as those are."""
    suffix = path.suffix.lower()
    target = "xlsx" if suffix in CONVERTED_SPREADSHEETS else "pptx" if suffix in CONVERTED_SLIDES else "docx"
    converted = convert_with_office(path, target)
    try:
        _check_unpacked_size(converted, max_bytes)
        if target == "xlsx":
            return read_spreadsheet(converted), ()
        return _read_slides(converted) if target == "pptx" else _read_docx(converted)
    except IngestError as error:  # it names the converted copy: name the user's file
        raise IngestError(path.name, error.vietnamese, error.english) from error
    finally:
        shutil.rmtree(converted.parent, ignore_errors=True)


def load_document(path: Path, max_bytes: int, reader: ocr.PageReader | None = None) -> ParsedDocument:
    """Parse one file; raises ``IngestError`` for anything that cannot be indexed. ``reader``
    reads its scanned pages, if any (default: no cache, no progress)."""
    reader = reader or ocr.PageReader()
    if not path.exists():  # a mistyped path, not a file of an unknown type
        raise IngestError(str(path), "không tìm thấy tệp hoặc thư mục này", "no such file or folder")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(
            path.name,
            f"định dạng {suffix or '(không có đuôi)'} chưa được hỗ trợ (chỉ {SUPPORTED_NAMES})",
            f"unsupported file type {suffix or '(none)'} ({SUPPORTED_NAMES} only)",
        )
    try:
        size = path.stat().st_size
        if size > max_bytes:  # checked before reading: a huge file is never loaded whole
            raise IngestError(
                path.name,
                f"tệp quá lớn ({size // 1_000_000} MB, tối đa {max_bytes // 1_000_000} MB)",
                f"the file is too large ({size // 1_000_000} MB, limit {max_bytes // 1_000_000} MB)",
            )
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(path.name, "không đọc được tệp", f"cannot read the file ({error})") from error
    if not data.strip():
        raise IngestError(path.name, "tệp rỗng", "the file is empty")
    content_hash = hashlib.sha256(data).hexdigest()
    reader = reader.for_document(doc_id_of(content_hash))
    encoding = title = ""
    ocr_pages: tuple[tuple[int, float], ...] = ()
    running: tuple[str, ...] = ()  # lines on every page, kept out of the text
    signature: tuple[str, ...] = ()  # an e-mail's report's closing lines
    try:
        if suffix == ".pdf":
            pages, ocr_pages, running = _read_pdf(path, reader)
        elif suffix in ocr.IMAGE_SUFFIXES:
            pages, ocr_pages = _read_image(path, reader)
        elif suffix == ".docx":
            _check_unpacked_size(path, max_bytes)
            pages, running = _read_docx(path)
        elif suffix in SPREADSHEET_SUFFIXES:
            if suffix in ZIPPED_SPREADSHEETS:
                _check_unpacked_size(path, max_bytes)
            pages = read_spreadsheet(path)
        elif suffix == ".pptx":
            _check_unpacked_size(path, max_bytes)
            pages, running = _read_slides(path)
        elif suffix in (*CONVERTED_SUFFIXES, *CONVERTED_SPREADSHEETS, *CONVERTED_SLIDES):
            pages, running = _read_converted(path, max_bytes)
        else:
            decoded = _decode_text(path, data)
            text = decoded.text
            if suffix == ".md":
                text = markdown_to_text(text)
            elif suffix == ".txt":
                # A report pasted into a saved e-mail: its headers and "> " marks out.
                signature = mail_signature(text)
                text = mail_body(text)
            elif suffix in HTML_SUFFIXES:
                title = html_title(text)
                text = html_to_text(text)
            pages = [PageText(None, clean_text(with_table_sentences(text)), blocks=suffix in HTML_SUFFIXES)]
            encoding = decoded.encoding if decoded.converted else ""
    except IngestError:
        raise
    except Exception as error:  # a parser's surprise must fail this file, not the rest of the batch
        raise IngestError(
            path.name,
            "không đọc được nội dung tệp (lỗi không mong đợi)",
            f"cannot read the file's content ({type(error).__name__}: {error})",
        ) from error
    pages = with_continued_rows(pages)  # a table's rows over a page break, said with its headers
    if sum(len(p.text) for p in pages) < MIN_TEXT_CHARS:
        if ocr_pages:  # read as a scan: say what was tried
            raise IngestError(
                path.name,
                "tệp không có nội dung văn bản: OCR không đọc được chữ nào (trang trống, quá mờ hoặc chữ quá nhỏ)",
                "the file has no text content: OCR read no words (blank, too blurred or too small a print)",
            )
        raise IngestError(path.name, "tệp không có nội dung văn bản", "the file has no text content")
    if latin_share("".join(p.text for p in pages)) < MIN_LATIN_SHARE:
        raise IngestError(
            path.name,
            "nội dung đọc ra không phải văn bản (tệp hỏng hoặc sai định dạng)",
            "what could be read is not text (a damaged file, or another format under this name)",
        )
    return ParsedDocument(
        source=path.name,
        content_hash=content_hash,
        pages=pages,
        kind=suffix.lstrip("."),
        encoding=encoding,
        ocr_pages=ocr_pages,
        title=title,
        running_lines=running,
        signature=signature,
    )


def folder_files(folder: Path) -> list[Path]:
    """The files inside a folder, sorted, hidden ones aside."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and the supported files inside given folders (sorted, no hidden)."""
    files: list[Path] = []
    for path in paths:
        files.extend(filter(is_supported, folder_files(path)) if path.is_dir() else [path])
    return files
