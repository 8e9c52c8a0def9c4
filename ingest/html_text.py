"""A saved web page (.html) as the plain text a typed report would be: one paragraph per block
(paragraph, heading, list item, caption, division), a line per ``<br>``, scripts, styles and
forms gone, and a table one row per line with its cells between " | " (read on by
``ingest.text_tables`` like any typed table). The site's menu (``<nav>``) and the page's own
header and footer (under ``<body>``) are left out; a byline and captions stay text, as in a
page saved as .txt: ``ingest.docframe`` tells them from the title and body. Pure."""

from __future__ import annotations

import re

from lxml import html
from lxml.etree import ParserError

_DROPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "form", "iframe", "button", "select"})
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "figure", "figcaption",
        "blockquote", "pre", "address", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "hr",
        "body", "center",
    }
)  # fmt: skip
_SPACES = re.compile(r"[ \t\u00a0]+")


def _site_chrome(element: html.HtmlElement, tag: str) -> bool:
    """The site's menu, and the page's own header and footer (under ``<body>``: a portal's
    name over every page had become the report's title), unless it holds the headline; an
    article's header or footer stays (its byline)."""
    if tag == "nav":
        return True
    parent = element.getparent()
    return tag in ("header", "footer") and parent is not None and parent.tag == "body" and element.find(".//h1") is None


def _cell_text(cell: html.HtmlElement) -> str:
    return " ".join(cell.text_content().split())


class _Blocks:
    """The blocks of text found walking the page, in order."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.line: list[str] = []

    def text(self, text: str | None) -> None:
        if text:
            self.line.append(text)

    def end(self) -> None:
        """Close the current block (a paragraph, a heading, a caption …)."""
        joined = "\n".join(_SPACES.sub(" ", line).strip() for line in "".join(self.line).split("\n"))
        if joined.strip():
            self.blocks.append(joined.strip())
        self.line = []

    def walk(self, element: html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _DROPPED or not tag or _site_chrome(element, tag):
            self.text(element.tail)  # a comment's or a dropped element's tail is still text
            return
        if tag == "table":
            self.end()
            rows = [[_cell_text(c) for c in row.iter("td", "th")] for row in element.iter("tr")]
            lines = [" | ".join(cell for cell in row) for row in rows if any(row)]
            if lines:
                self.blocks.append("\n".join(lines))
            self.text(element.tail)
            return
        if tag == "br":
            self.line.append("\n")
            self.text(element.tail)
            return
        block = tag in _BLOCKS or tag == "li"
        if block:
            self.end()
        if tag == "li":
            self.line.append("- ")
        self.text(element.text)
        for child in element:
            self.walk(child)
        if block:
            self.end()
        self.text(element.tail)


def html_to_text(page: str) -> str:
    """The text of an HTML page, blocks separated by blank lines ("" for a page with none)."""
    try:
        root = html.document_fromstring(page)
    except (ParserError, ValueError):  # an empty document, or only a comment
        return ""
    blocks = _Blocks()
    blocks.walk(root)
    blocks.end()
    return "\n\n".join(blocks.blocks)
