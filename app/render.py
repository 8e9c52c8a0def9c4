"""Answer → safe Markdown for the chat. Pure. Report text is data: it is escaped so a
report containing HTML or Markdown cannot change the page."""

from __future__ import annotations

import html
import re

from app.answering.models import Answer

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def escape_markdown(text: str) -> str:
    """HTML-escape, then backslash every Markdown control character."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=True))


def _escape_keeping_markers(text: str) -> str:
    """Escape an answer but keep its citation markers "[n]" readable."""
    escaped = escape_markdown(text)
    return re.sub(r"\\\[(\d+)\\\]", r"**[\1]**", escaped)


def render_answer(answer: Answer) -> str:
    lines = [_escape_keeping_markers(line) for line in answer.answer.split("\n")]
    body = "  \n".join(lines)
    if not answer.citations:
        return body
    sources = ["", "---", "**Nguồn trích dẫn**"]
    for citation in answer.citations:
        where = [escape_markdown(citation.doc)]
        if citation.heading:
            where.append(f"mục «{escape_markdown(citation.heading)}»")
        if citation.page:
            where.append(f"trang {citation.page}")
        where.append(f"đoạn {citation.paragraph}")
        sources.append(f"**[{citation.n}]** {', '.join(where)}  ")
        sources.append(f"> {escape_markdown(citation.text)}")
        sources.append("")
    return body + "\n" + "\n".join(sources)
