"""Answer → safe Markdown for the chat, and plain text for the clipboard. Pure.

Report text is data: it is escaped so a report containing HTML or Markdown cannot change
the page. Citation markers become links to the source view of the cited paragraph.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from app.answering.clip import clipped, clipped_title
from app.answering.models import Answer, Citation
from ingest.normalize import fold, is_ocr_text

if TYPE_CHECKING:  # the CLI renders answers without loading the store's library
    from vectorstore.chroma_store import DocumentInfo

Repair = Callable[[str], str]  # OCR text → the same text with its accents put back
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")
MARKED_CHARS = 600  # of a quote carried in a link to be marked: quotes are cut near 420 characters
ORIGIN = "{origin}"  # replaced by the page's origin when the text is copied


def source_url(doc_id: str, paragraph: int, quote: str = "") -> str:
    """The shareable address of a paragraph in the source view; ``quote`` is marked there."""
    marked = f"?{urlencode({'mark': quote[:MARKED_CHARS]})}" if quote else ""
    return f"/source/{doc_id}{marked}#p-{paragraph}"


# A bare address in report text would be turned into a link by the chat's Markdown; a
# zero-width space after the scheme keeps it text (and its look unchanged).
_BARE_ADDRESS = re.compile(r"(?i)\b(https?|ftp)://|\b(www)\.")


def escape_markdown(text: str) -> str:
    """Text as Markdown that shows exactly that text: HTML-escaped (quotes need no escaping
    outside attributes, and "&#x27;" would show as such), every Markdown control character
    backslashed, bare web addresses kept from becoming links."""
    text = _BARE_ADDRESS.sub(lambda m: f"{m.group(1)}:\u200b//" if m.group(1) else "www\u200b.", text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


_QUOTED = re.compile(r"“[^”]*”")


def _link_markers(text: str, citations: dict[int, Citation]) -> str:
    """Escape an answer and turn its markers "[n]" into links to the cited paragraphs; a
    "[1]" inside a quotation mark is the report's own text and stays text."""

    def link(match: re.Match[str]) -> str:
        citation = citations.get(int(match.group(1)))
        if citation is None:
            return f"**[{match.group(1)}]**"
        return f"[**[{citation.n}]**]({source_url(citation.doc_id, citation.paragraph, citation.quote)})"

    pieces, last = [], 0
    for quoted in _QUOTED.finditer(text):
        pieces.append(re.sub(r"\\\[(\d+)\\\]", link, escape_markdown(text[last : quoted.start()])))
        pieces.append(escape_markdown(quoted.group()))
        last = quoted.end()
    pieces.append(re.sub(r"\\\[(\d+)\\\]", link, escape_markdown(text[last:])))
    return "".join(pieces)


CITED_TITLE_CHARS = 90  # a report's title in a citation line; the whole title is on its source page
CITED_ISSUER_CHARS = 80  # "Khối thi đua các Ban Quản lý KCN, KCX, KKT …" runs long
CITED_HEADING_CHARS = 80  # a section label; an OCR paragraph taken for a heading can be 100 words
VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")  # Asia/Ho_Chi_Minh: UTC+7, no daylight saving


def local_time(stamp: str) -> str:
    """An ISO time as staff read it: "14/03/2031 09:05" in Vietnam's time ("" stays "")."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M")


def report_name(title: str, period: str, source: str, limit: int, quoted: bool = True) -> str:
    """A report as a reader knows it: its title and period, not its (often hashed) file name
    (``source``, when it has no title)."""
    title = title.strip()
    if not title:
        return source
    title = clipped_title(title, limit)
    title = f"«{title}»" if quoted else title
    period = period.strip()
    return f"{title} ({period})" if period and period.lower() not in title.lower() else title


def _report_name(citation: Citation) -> str:
    return report_name(citation.title, citation.period, citation.doc, CITED_TITLE_CHARS)


def cited_where(citation: Citation, with_report: bool = True) -> list[str]:
    """Where a citation points, as staff read it: report title and period, the board or bloc
    that issued it (unless the title names it), section, page, paragraph. ``with_report``
    False: the report was named by the citation just above, only the place in it is new."""
    where = [_report_name(citation)] if with_report else []
    issuer = citation.issuer.strip()
    if with_report and issuer and fold(issuer) not in fold(citation.title):
        where.append(clipped(issuer, CITED_ISSUER_CHARS))
    if citation.heading:
        where.append(f"mục «{clipped(citation.heading, CITED_HEADING_CHARS)}»")
    if citation.page:
        where.append(f"trang {citation.page}")
    where.append(f"đoạn {citation.paragraph}")
    return where


# Messages for staff carry both languages, Vietnamese first: "không đọc được tệp / cannot read
# the file". A path or a date ("6/2031") has no blanks around its slash.
LANGUAGE_SEPARATOR = " / "
INGEST_STATUS = {"added": "đã thêm", "replaced": "đã thay thế", "unchanged": "không đổi"}


def _english_start(line: str) -> int | None:
    """Where the English half of a line begins: after the first separator that follows
    Vietnamese text and leads to plain ASCII (else to a Latin letter: a file name in it may
    have accents); None for a line in one language."""
    fallback = None
    start = line.find(LANGUAGE_SEPARATOR)
    while start != -1:
        rest = line[start + len(LANGUAGE_SEPARATOR) :]
        if rest[:1].isascii() and rest[:1].isalpha() and not line[:start].isascii():
            if rest.isascii():
                return start
            fallback = start if fallback is None else fallback
        start = line.find(LANGUAGE_SEPARATOR, start + 1)
    return fallback


def one_language_lines(message: str) -> list[str]:
    """A "Vietnamese / English" message as one line per language (the CLI's rule)."""
    lines: list[str] = []
    for line in message.splitlines() or [""]:
        cut = _english_start(line)
        lines += [line] if cut is None else [line[:cut].strip(), line[cut + len(LANGUAGE_SEPARATOR) :].strip()]
    return lines


OCR_NOTE = "chữ OCR, dấu được thêm tự động"
OCR_ORIGINAL = "Văn bản OCR gốc"
CITED_PARAGRAPH = "Cả đoạn"


def repaired(answer: Answer, repair: Repair | None) -> tuple[str, dict[int, str], list[str]]:
    """The answer's text with each OCR quote repaired, each OCR citation's repaired paragraph,
    and the figures its first line states ("12,5 ty dong" taken from an OCR quote: "tỷ đồng")."""
    text, paragraphs, direct = answer.answer, {}, list(answer.direct)
    if repair is None:
        return text, paragraphs, direct
    for citation in answer.citations:
        if not is_ocr_text(citation.text):
            continue
        paragraphs[citation.n] = repair(citation.text)
        for piece in citation.quote.split(" … "):
            piece = piece.strip(" …")
            if piece:
                text = text.replace(piece, repair(piece))
        if citation.heading:  # only as the answer names a section: a short heading ("Ban") is a word elsewhere
            text = text.replace(f"«{citation.heading}»", f"«{repair(citation.heading)}»")
        for k, fact in enumerate(direct):
            # Stated on the first line as the quote gives it, after a part's label ("Năm 2031: ").
            label, _, value = fact.rpartition(": ")
            if value in citation.quote:
                direct[k] = f"{label}: {repair(value)}" if label else repair(value)
                first, *rest = text.split("\n", 1)
                text = "\n".join([first.replace(fact, direct[k]), *rest])
    return text, paragraphs, direct


def readable(answer: Answer, repair: Repair | None) -> Answer:
    """``answer`` as the chat shows it: its OCR quotes and the figures taken from them with
    their accents put back, the text as stored kept in ``stored_answer``. The citations keep
    the reports' own text."""
    if answer.stored_answer:  # read so already (an answer of the running app, for one)
        return answer
    text, _, direct = repaired(answer, repair)
    if text == answer.answer:
        return answer
    return replace(answer, answer=text, direct=tuple(direct), stored_answer=answer.answer)


def repaired_citation(citation: Citation, repair: Repair) -> Citation:
    """An OCR passage's citation with its report's title, heading and issuer repaired too."""
    return replace(
        citation, title=repair(citation.title), heading=repair(citation.heading), issuer=repair(citation.issuer)
    )


def render_answer(answer: Answer, show_rewrite: bool = False, repair: Repair | None = None) -> str:
    """``repair``: puts accents back into OCR text (``AccentRestorer.restore``); each repaired
    paragraph keeps its original one click away."""
    by_number = {c.n: c for c in answer.citations}
    text, repaired_paragraphs, direct = repaired(answer, repair)
    lines = [_link_markers(line, by_number) for line in text.split("\n")]
    if direct and lines:  # the first line states the figures asked for: in bold
        for fact in direct:
            shown = escape_markdown(fact)
            lines[0] = lines[0].replace(shown, f"**{shown}**", 1)
    body = "  \n".join(lines)
    if answer.notice:
        body = f"*{escape_markdown(answer.notice)}*\n\n{body}"
    if show_rewrite and answer.standalone_question:
        body = f"*Câu hỏi được hiểu là: {escape_markdown(answer.standalone_question)}*\n\n{body}"
    if not answer.citations:
        return body
    sources = []
    previous_report = None
    for citation in answer.citations:
        # Passages of one report cited one after another name the report once.
        with_report, previous_report = citation.doc_id != previous_report, citation.doc_id
        url = source_url(citation.doc_id, citation.paragraph, citation.quote)
        note = ""
        if repair is not None and citation.n in repaired_paragraphs:
            citation = repaired_citation(citation, repair)
            note = f" *({OCR_NOTE})*"
        where = ", ".join(escape_markdown(part) for part in cited_where(citation, with_report))
        sources.append(f"[**[{citation.n}]**]({url}) {where}{note}  ")
        # A refusal lists passages to read, not evidence: the sentence, not the whole paragraph.
        original = citation.quote if answer.refused and citation.quote else citation.text
        shown = repair(original) if repair is not None and citation.n in repaired_paragraphs else original
        paragraph = [f"> {escape_markdown(shown)}", ""]
        if shown != original:
            paragraph += [f"<details><summary>{OCR_ORIGINAL}</summary>", "", f"> {escape_markdown(original)}", ""]
            paragraph += ["</details>", ""]
        # An answer's paragraphs are folded under their citation: the answer quotes what it
        # uses, and [n] opens the paragraph marked in the evidence panel; shown whole, each
        # paragraph repeated the quote above it in a wall of text.
        if not answer.refused:
            paragraph = [f"<details><summary>{CITED_PARAGRAPH}</summary>", "", *paragraph, "</details>", ""]
        sources += paragraph
    if answer.refused:  # the nearest passages stay folded: the answer is the refusal
        summary = f"Các đoạn gần nhất ({len(answer.citations)})"
        return f"{body}\n\n<details><summary>{summary}</summary>\n\n" + "\n".join(sources) + "\n</details>"
    return body + "\n" + "\n".join(["", "---", "**Nguồn trích dẫn**", "", *sources])


def render_plain(answer: Answer) -> str:
    """The answer with its sources as plain text (the "copy" action); links start with ``ORIGIN``."""
    lines = [answer.answer]
    if answer.citations:
        lines += ["", "Nguồn:"]
        for citation in answer.citations:
            url = ORIGIN + source_url(citation.doc_id, citation.paragraph)
            lines.append(f"[{citation.n}] {', '.join(cited_where(citation))} — {url}")
            lines.append(f"    «{citation.quote or citation.text}»")
    return "\n".join(lines)


LIBRARY_TITLE_CHARS = 110


def file_note(doc: DocumentInfo) -> str:
    """What the library says of a report's file beside its name: OCR confidence or converted encoding."""
    if doc.ocr_confidence is not None:
        return f" (OCR, độ tin cậy {doc.ocr_confidence:.0f}%)"
    return f" (bảng mã {doc.encoding})" if doc.encoding else ""


def library_title(doc: DocumentInfo, repair: Repair | None = None) -> str:
    """A report as the library lists it: its title and period, then the board or bloc that
    issued it when the title as shown does not name it (a long title is clipped before the
    bloc it ends with); an accent-less OCR title through ``repair`` when given (as its
    passages are shown)."""
    title = repair(doc.title) if repair is not None and is_ocr_text(doc.title) else doc.title
    issuer = doc.issuer.strip()
    issuer = repair(issuer) if repair is not None and is_ocr_text(issuer) else issuer
    if issuer and len(title) > LIBRARY_TITLE_CHARS and fold(title).endswith(fold(issuer)):
        title = title[: len(title) - len(issuer)].rstrip(" ,:–—-")  # the bloc is said after it, whole
    name = report_name(title, doc.period, doc.source, LIBRARY_TITLE_CHARS, quoted=False)
    if issuer and fold(issuer) not in fold(name):
        name = f"{name} — {clipped(issuer, CITED_ISSUER_CHARS)}"
    return name


def render_library(documents: list[DocumentInfo], repair: Repair | None = None) -> str:
    """The indexed reports as a Markdown table; each title opens the report in the source view.
    An accent-less OCR title is shown through ``repair`` when given (as its passages are)."""
    if not documents:
        return "*Chưa có báo cáo nào trong chỉ mục. Hãy tải lên báo cáo (PDF, Word, Excel hoặc văn bản).*"
    rows = ["| Tiêu đề | Tệp | Trang | Đoạn | Lập chỉ mục lúc (giờ Việt Nam) |", "|---|---|---:|---:|---|"]
    for doc in documents:
        cells = [
            f"[{escape_markdown(library_title(doc, repair))}](/source/{doc.doc_id})",
            escape_markdown(doc.source + file_note(doc)),
            str(doc.pages or "—"),
            str(doc.paragraphs),
            escape_markdown(local_time(doc.indexed_at)),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)
