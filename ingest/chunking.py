"""Split cleaned pages into paragraph chunks that carry their section headings.

Pure logic. Works for three shapes of text met in reports:
- one paragraph per (very long) line, bullets "-"/"+" (Word exports, clean TXT);
- hard-wrapped lines (PDF text layers, OCR), paragraphs separated by blank lines,
  sometimes with a stray blank line in the middle of a sentence;
- numbered headings ("II.", "1.", "1.5.") and unnumbered short title lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.models import Chunk, PageText

BULLET = re.compile(r"^[-+•*–—▪●○]\s*")
# "Thứ nhất, …", "Thứ hai, …" (also OCR'd: "Thir nhét", "Thit ba") enumerate like bullets.
ORDINAL = re.compile(r"^th[uứừửữựi][rt]?\s+(nh[aấâéè]t|hai|ba|t[uưưw]|n[aăă]m|s[aá]u|b[aả]y)\b", re.IGNORECASE)
NUMBERED = re.compile(r"^(?P<num>[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s+\S")
TERMINAL = tuple(".!?:…")  # ";" ends list items, which stay in one paragraph
HARD_WRAP_MAX = 130  # typeset/OCR lines are shorter than this; longer lines are whole paragraphs
FREE_HEADING_MAX = 80  # an unnumbered heading is a short line standing alone
MAX_CHUNK_CHARS = 1400  # longer paragraphs are split at sentence ends (e5 reads ~512 tokens)
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"“(]?[A-ZÀ-Ỹ0-9Đ])")

# Heading levels: lower is outer. Bullet lead-ins ("- Đối với KCN X … sau:") act as
# headings for the bullets under them.
_LEVEL_FREE_HEADING = 5
_LEVEL_PLAIN = 5.5  # a plain paragraph: closes bullet lead-ins, keeps free headings
_LEVEL_LEAD_IN = {"-": 6, "–": 6, "•": 6, "*": 6, "+": 7}


@dataclass
class _Block:
    lines: list[str]
    page: int | None

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _numbered_level(line: str) -> int | None:
    match = NUMBERED.match(line)
    if not match:
        return None
    num = match.group("num")
    if re.fullmatch(r"[IVXLC]+", num):
        return 1
    if num.isdigit() or "." in num:
        return 1 + num.count(".") + 1
    return 5  # "a)" items


def _is_heading(text: str, single_line: bool) -> float | None:
    """Heading level of a paragraph, or None for body text."""
    if text.endswith((".", ",", ";")) or BULLET.match(text):
        return None
    level = _numbered_level(text)
    if level is not None:
        return level if len(text) <= 300 else None
    is_title_like = text[:1].isupper() and not text.endswith(":") and not re.search(r"\d{3,}", text)
    if single_line and is_title_like and len(text) <= FREE_HEADING_MAX and len(text.split()) >= 3:
        return _LEVEL_FREE_HEADING
    return None


def _is_numbered_heading_line(line: str) -> bool:
    return _numbered_level(line) is not None and not line.endswith((".", ",", ";"))


def _starts_new_paragraph(line: str) -> bool:
    return bool(BULLET.match(line)) or _numbered_level(line) is not None


def _blocks(pages: list[PageText]) -> list[_Block]:
    """Group lines into paragraphs, undoing hard wraps and stray blank lines."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for page in pages:
        lines = page.text.split("\n")
        wrapped = [len(line) for line in lines if 0 < len(line) <= HARD_WRAP_MAX]
        width = sorted(wrapped)[int(len(wrapped) * 0.9)] if wrapped else HARD_WRAP_MAX
        blank_before = True
        for line in lines:
            if not line:
                blank_before = True
                continue
            starts_new = current is None or _starts_new_paragraph(line)
            if not starts_new and current is not None:
                last = current.lines[-1]
                ended = last.endswith(TERMINAL) or (last.endswith(("”", '"', ")")) and last[-2:-1] in TERMINAL)
                short_last = len(last) < 0.75 * width or len(last) > HARD_WRAP_MAX
                if blank_before:
                    # A blank line splits paragraphs unless the sentence clearly goes on
                    # (OCR leaves blank lines inside sentences and inside ";" lists).
                    unfinished = not ended and (len(current.lines) > 1 or not short_last)
                    goes_on = last.endswith(";") or line[:1].islower() or unfinished
                    starts_new = len(last) > HARD_WRAP_MAX or not goes_on
                elif len(last) > HARD_WRAP_MAX or _is_numbered_heading_line(last):
                    starts_new = True
                else:
                    starts_new = ended and short_last
            if starts_new:
                current = _Block([line], page.number)
                blocks.append(current)
            else:
                assert current is not None
                current.lines.append(line)
            blank_before = False
    return blocks


def _split_long(text: str) -> list[str]:
    if len(text) <= MAX_CHUNK_CHARS:
        return [text]
    parts: list[str] = []
    buffer = ""
    for sentence in SENTENCE_END.split(text):
        if buffer and len(buffer) + len(sentence) > MAX_CHUNK_CHARS * 0.7:
            parts.append(buffer)
            buffer = sentence
        else:
            buffer = f"{buffer} {sentence}".strip()
    if buffer:
        parts.append(buffer)
    return parts


def _title_lines(lines: list[str]) -> str:
    """The opening lines of a block that belong to a title: a PDF page has no blank line
    between its title and the first section ("… THÁI NGUYÊN" / "I. Tình hình …"), nor
    between an upper-case title and the body text under it."""
    kept: list[str] = []
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if kept and _starts_new_paragraph(line):
            break
        if kept and len(" ".join(kept)) >= 25 and line.isupper() != kept[-1].isupper():
            break
        kept.append(line)
    return " ".join(kept)


def document_title(pages: list[PageText]) -> str:
    """The first lines of the document up to a blank line, enough for a readable title."""
    text = "\n".join(p.text for p in pages).strip()
    title = ""
    for group in re.split(r"\n\s*\n", text)[:3]:
        part = _title_lines(group.splitlines())
        if title and (not part or _starts_new_paragraph(part)):
            break  # a numbered section or a bullet is content, not title
        title = f"{title} — {part}" if title else part
        if len(title) >= 25:
            break
    return title if len(title) <= 160 else title[:160].rsplit(" ", 1)[0] + "…"


def chunk_document(doc_id: str, source: str, pages: list[PageText]) -> list[Chunk]:
    """Paragraph chunks, each with the heading path it sits under."""
    title = document_title(pages)
    stack: list[tuple[float, str]] = []
    chunks: list[Chunk] = []
    paragraph = 0
    for index, block in enumerate(_blocks(pages)):
        text = block.text
        if index < 3 and text in title.rstrip("…"):
            continue  # the title is carried by every chunk already
        level = _is_heading(text, len(block.lines) == 1)
        if level is not None:
            stack = [(lvl, h) for lvl, h in stack if lvl < level]
            stack.append((level, text))
            continue
        bullet = BULLET.match(text)
        marker = bullet.group().strip() if bullet else ("-" if ORDINAL.match(text) else "")
        own_level = _LEVEL_LEAD_IN.get(marker, _LEVEL_PLAIN)
        stack = [(lvl, h) for lvl, h in stack if lvl < own_level]
        paragraph += 1
        pieces = _split_long(text)
        for part, piece in enumerate(pieces, start=1):
            suffix = f".{part}" if len(pieces) > 1 else ""
            chunks.append(
                Chunk(
                    chunk_id=f"{doc_id}-p{paragraph:04d}{suffix}",
                    doc_id=doc_id,
                    source=source,
                    title=title,
                    headings=tuple(h for _, h in stack),
                    text=piece,
                    page=block.page,
                    paragraph=paragraph,
                )
            )
        if text.endswith(":") and len(text) <= 700:
            stack.append((own_level, text))  # a lead-in heads the bullets that follow
    return chunks
