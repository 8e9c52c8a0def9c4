"""The source view: a whole report as HTML, one anchor per paragraph (``#p-12``). Pure.

Opening ``/source/{doc_id}#p-12`` scrolls to paragraph 12 and highlights it (CSS
``:target``), with its section heading and page above it and the neighbouring paragraphs
around it; ``?mark=<quote>`` also marks the quoted sentence wherever the report states it.
Everything from the report is HTML-escaped: it is data, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from itertools import groupby

from app.render import OCR_NOTE, OCR_ORIGINAL, Repair, local_time
from ingest.models import Chunk, section_headings
from ingest.normalize import is_ocr_text
from ingest.ocr import IMAGE_SUFFIXES
from vectorstore.chroma_store import DocumentInfo

_STYLE = """
body { font: 16px/1.6 system-ui, sans-serif; margin: 0; color: #1f2328; background: #f6f7f9; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #d0d7de; padding: .7rem 1.2rem;
         z-index: 1; }
header h1 { font-size: 1.15rem; margin: 0 0 .2rem; }
header .facts { color: #57606a; font-size: .9rem; }
header a { margin-right: 1rem; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.2rem 40vh; }
h2 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; color: #0b4f8a; }
.para { background: #fff; border: 1px solid #e3e6ea; border-radius: 8px; padding: .5rem .8rem; margin: .45rem 0;
        scroll-margin-top: 12rem; }
.para:target { background: #fff8c5; border-color: #d4a72c; box-shadow: 0 0 0 3px #f2cc60; }
.para .meta { font-size: .8rem; color: #57606a; }
.para .meta a { color: #57606a; }
.para p { margin: .2rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
details.ocr { font-size: .85rem; color: #57606a; margin-top: .3rem; }
mark { background: #ffe08a; padding: 0 .1em; border-radius: 3px; }
details.page-image { font-size: .85rem; margin-top: .3rem; }
/* On a phone, or in the chat's evidence panel, a sticky header would take half the height and
   hide the cited paragraph's label: it scrolls away with the page instead. */
@media (max-width: 700px) { header { position: static; } .para { scroll-margin-top: .5rem; } }
details.page-image img { display: block; max-width: 100%; height: auto; margin-top: .3rem; border: 1px solid #d0d7de; }
"""
# The cited paragraph (the address's #p-n) shows its page image at once; the others on demand.
_SCRIPT = """
function openPageImage() {
  if (!/^#p-\\d+$/.test(location.hash)) return;
  const image = document.querySelector(location.hash + " details.page-image");
  if (image) image.open = true;
}
addEventListener("hashchange", openPageImage);
openPageImage();
"""
PAGED_SUFFIXES = (".pdf", *IMAGE_SUFFIXES)  # reports whose pages can be shown as images

MIN_MARKED_CHARS = 12  # a shorter piece of a cut quote ("năm 2031") would be marked all over the report


def quote_pattern(quote: str) -> re.Pattern[str] | None:
    """The pieces of a quote as shown (cut with "…", merged quotes joined by "…") as one
    pattern, spacing free; None when no piece is long enough to point at one place."""
    pieces = [p.strip(" ,;:.") for p in quote.split("…")]
    words = [p.split() for p in pieces if len(p) >= MIN_MARKED_CHARS]
    if not words:
        return None
    return re.compile("|".join(r"\s+".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True)))


def _marked(text: str, pattern: re.Pattern[str] | None) -> str:
    """``text`` escaped, with what ``pattern`` finds inside <mark>."""
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for found in pattern.finditer(text):
        out += [escape(text[last : found.start()]), f"<mark>{escape(found.group())}</mark>"]
        last = found.end()
    return "".join([*out, escape(text[last:])])


def _page_link(doc: DocumentInfo, page: int | None, has_original: bool) -> str:
    if not page:
        return ""
    if doc.kind == "pdf" and has_original:
        return f' · <a class="page" href="/files/{doc.doc_id}#page={page}" target="_blank">trang {page}</a>'
    return f" · trang {page}"


def _page_image(doc: DocumentInfo, number: int, page: int | None, has_original: bool) -> str:
    """The paragraph's page as an image with the paragraph marked (``/page/…png``), folded."""
    if not page or not has_original or f".{doc.kind}" not in PAGED_SUFFIXES:
        return ""
    return (
        f'<details class="page-image"><summary>Ảnh trang {page} (đoạn này được đánh dấu)</summary>'
        f'<img loading="lazy" alt="Trang {page}, đoạn {number} được đánh dấu" '
        f'src="/page/{doc.doc_id}/{page}.png?paragraph={number}"></details>'
    )


def _paragraph(
    doc: DocumentInfo,
    number: int,
    parts: Sequence[Chunk],
    has_original: bool,
    mark: re.Pattern[str] | None,
    repair: Repair | None,
) -> str:
    first = parts[0]
    if repair is None:
        text = "\n".join(_marked(part.text, mark) for part in parts)
    else:  # OCR text shown repaired, the original one click away
        original = "\n".join(escape(part.text) for part in parts)
        text = "\n".join(_marked(repair(part.text), mark) for part in parts)
        text += f'<details class="ocr"><summary>{OCR_ORIGINAL}</summary><p>{original}</p></details>'
    section = repair(first.section) if repair is not None else first.section
    heading = f' · <span class="heading">{escape(section)}</span>' if section else ""
    return (
        f'<section class="para" id="p-{number}" data-paragraph="{number}">'
        f'<div class="meta"><a href="#p-{number}">đoạn {number}</a>'
        f"{_page_link(doc, first.page, has_original)}{heading}</div>"
        f"<p>{text}</p>{_page_image(doc, number, first.page, has_original)}</section>"
    )


def render_source_page(
    doc: DocumentInfo, chunks: Sequence[Chunk], has_original: bool, mark: str = "", repair: Repair | None = None
) -> str:
    """``chunks`` in reading order; a new section heading is printed where it starts; what
    ``mark`` quotes is marked; accent-less OCR text is shown through ``repair`` (when given),
    its original beside it."""
    ocr = repair is not None and is_ocr_text(" ".join(c.text for c in chunks[:50]))
    if not ocr:
        repair = None
    pattern = quote_pattern(repair(mark) if repair is not None else mark)

    def readable(text: str) -> str:
        return repair(text) if repair is not None else text

    body: list[str] = []
    shown: tuple[str, ...] = ()
    for number, group in groupby(chunks, key=lambda c: c.paragraph):
        parts = list(group)
        headings = section_headings(parts[0].headings)  # a paragraph leading into a list is shown once, as one
        common = 0
        while common < min(len(shown), len(headings)) and shown[common] == headings[common]:
            common += 1
        body.extend(f"<h2>{escape(readable(h))}</h2>" for h in headings[common:])
        shown = headings
        body.append(_paragraph(doc, number, parts, has_original, pattern, repair))
    facts = [escape(doc.source)]
    if doc.encoding:
        facts.append(f"chuyển từ bảng mã {escape(doc.encoding)}")
    if doc.pages:
        facts.append(f"{doc.pages} trang")
    facts.append(f"{doc.paragraphs} đoạn")
    if ocr:
        facts.append(OCR_NOTE)
    if doc.indexed_at:
        facts.append(f"lập chỉ mục {escape(local_time(doc.indexed_at))}")
    original = f'<a href="/files/{doc.doc_id}" target="_blank">Mở tệp gốc</a>' if has_original else ""
    title = escape(readable(doc.title) or doc.source)
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} — baocao</title><style>{_STYLE}</style></head><body>"
        f'<header><h1>{title}</h1><div class="facts">{" · ".join(facts)}</div>'
        f'<div class="links"><a href="/" target="_top">← Quay lại hỏi đáp</a>{original}</div></header>'
        f"<main>{''.join(body)}</main><script>{_SCRIPT}</script></body></html>"
    )


def render_not_found(what: str) -> str:
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy — baocao</title>'
        f"<style>{_STYLE}</style></head><body><main><h1>Không tìm thấy / Not found</h1>"
        f"<p>{escape(what)}</p><p><a href='/'>← Quay lại hỏi đáp</a></p></main></body></html>"
    )
