"""A saved web page (.html) as the plain text a typed report would be: one paragraph per block
(paragraph, heading, list item, caption, division), a line per ``<br>``, scripts, styles and
forms gone, and a table one sentence per row said with its headers, merged cells (colspan,
rowspan) spread as a Word table's are (``ingest.office.table_sentences``). The site's menu (``<nav>``), its sidebars of
links (an ``<aside>`` mostly links) and the page's own header and footer (under ``<body>``) are
left out; a byline and captions stay text, as in a
page saved as .txt: ``ingest.docframe`` tells them from the title and body. ``html_title``
gives the article's headline, which the page declares (its ``<title>``). Pure."""

from __future__ import annotations

import re

from lxml import html
from lxml.etree import ParserError

from ingest.normalize import fold
from ingest.office import Cells, table_sentences

_DROPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "form", "iframe", "button", "select"})
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "figure", "figcaption",
        "blockquote", "pre", "address", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "hr",
        "body", "center",
    }
)  # fmt: skip
MAX_SPAN = 1_000  # HTML's own limit on colspan; a larger rowspan is a damaged page's
_SPACES = re.compile(r"[ \t\u00a0]+")
# Between an article's title and its site's name in a page's <title>: "Tiêu đề - Cổng TTĐT tỉnh".
_TITLE_PARTS = re.compile(r"\s+[-–—|]\s+")
_HEADLINE_MIN_WORDS = 4  # a headline says something; "Tin tức", "Trang chủ" name a page


def _site_chrome(element: html.HtmlElement, tag: str, headline: str) -> bool:
    """The site's menu, and the page's own header and footer (under ``<body>``: a portal's
    name over every page had become the report's title), unless it holds the headline (the
    one the page declares, ``html_title``; without one, its ``<h1>``); an article's header or
    footer stays (its byline)."""
    if tag == "nav" or (tag == "aside" and _link_list(element)):
        return True  # a sidebar of links ("Tin liên quan"), not a box of text
    if tag in _LINK_BLOCKS and _link_list(element) and not _holds_text(element) and _beside_the_article(element):
        return True  # a block of links beside the article ("Tin liên quan"): other pages' titles
    if tag not in ("header", "footer") or not _page_part(element):
        return False
    if headline:
        return _words(headline) not in _words(element.text_content())
    return element.find(".//h1") is None


def _cell_text(cell: html.HtmlElement) -> str:
    """A cell's text on one line; its line breaks and blocks are spaces ("ỦY BAN NHÂN DÂN<br>TỈNH
    X" was read "DÂNTỈNH")."""
    for inner in cell.iterdescendants():
        if inner.tag == "br" or inner.tag in _BLOCKS or inner.tag == "li":
            inner.tail = f" {inner.tail or ''}"
    return " ".join(cell.text_content().split())


def _grid(table: html.HtmlElement) -> list[Cells]:
    """A table's rows, one cell per column: a cell spanning columns (``colspan``) is None in
    those after its first, as a merged Word cell is; one spanning rows (``rowspan``) is said
    again in each row it covers (a group's name beside each of its rows)."""
    grid: list[Cells] = []
    below: dict[int, tuple[str | None, int]] = {}  # column → (text, rows still covered)
    for tr in table.iter("tr"):
        row: Cells = []
        for cell in (c for c in tr if c.tag in ("td", "th")):
            _carry_down(row, below)
            text = _cell_text(cell)
            for k in range(_span(cell, "colspan")):
                said = text if k == 0 else None
                if _span(cell, "rowspan") > 1:
                    below[len(row)] = (said, _span(cell, "rowspan") - 1)
                row.append(said)
        _carry_down(row, below)
        grid.append(row)
    return grid


def _carry_down(row: Cells, below: dict[int, tuple[str | None, int]]) -> None:
    """The cells of rows above that span down into ``row`` at its next columns."""
    while len(row) in below:
        text, left = below.pop(len(row))
        if left > 1:
            below[len(row)] = (text, left - 1)
        row.append(text)


def _span(cell: html.HtmlElement, attribute: str) -> int:
    """A cell's colspan or rowspan: 1 when absent or unreadable, at most ``MAX_SPAN``."""
    value = cell.get(attribute, "1").strip()
    return min(int(value), MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


class _Blocks:
    """The blocks of text found walking the page, in order."""

    def __init__(self, headline: str) -> None:
        self.headline = headline
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
        if tag in _DROPPED or not tag or _site_chrome(element, tag, self.headline):
            self.text(element.tail)  # a comment's or a dropped element's tail is still text
            return
        if tag == "table" and element.find(".//table") is None:
            self.end()
            caption = element.find("caption")
            if caption is not None and _cell_text(caption):
                self.blocks.append(_cell_text(caption))
            # Each row said with its headers, as a Word or a spreadsheet table is.
            self.blocks += [line for line in table_sentences(_grid(element)) if line.strip()]
            self.text(element.tail)
            return
        if tag == "br":
            self.line.append("\n")
            self.text(element.tail)
            return
        # A layout table (tables inside it): each of its cells a block of the page.
        block = tag in _BLOCKS or tag in ("li", "td", "th", "caption")
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
    blocks = _Blocks(html_title(page))
    blocks.walk(root)
    blocks.end()
    return "\n\n".join(blocks.blocks)


LINK_SHARE = 0.5  # a sidebar of links: most of its text is links' (a fact box's is its own)
_LINK_BLOCKS = frozenset({"section", "div", "ul", "ol"})
_TEXT_TAGS = ("p", "table", "h1", "h2")  # what an article's own block holds, a list of links does not


# The heading of a block of other pages' links ("Tin liên quan", "Tin cùng chuyên mục"), folded.
_RELATED = re.compile(r"^\s*(?:tin|bai|tin bai)\s+(?:lien quan|khac|cung chuyen muc|moi|doc nhieu|noi bat)\b")


def _beside_the_article(element: html.HtmlElement) -> bool:
    """Outside the page's ``<article>`` (inside it, its links are its own: the laws it cites,
    its attachments), or, on a page without one, headed as other pages' links."""
    if any(ancestor.tag == "article" for ancestor in element.iterancestors()):
        return False
    if element.getroottree().getroot().find(".//article") is not None:
        return True
    return bool(_RELATED.match(fold(element.text_content()).lower()))


def _holds_text(element: html.HtmlElement) -> bool:
    return any(element.find(f".//{tag}") is not None for tag in _TEXT_TAGS)


def _link_list(element: html.HtmlElement) -> bool:
    """Most of the element's text is its links' text, and it holds no headline (``<h1>``)."""
    text = len("".join(element.text_content().split()))
    linked = sum(len("".join(a.text_content().split())) for a in element.iter("a"))
    return text > 0 and linked / text >= LINK_SHARE and element.find(".//h1") is None


def _page_part(element: html.HtmlElement) -> bool:
    """The page's own header or footer (under ``<body>``), not an article's, or its menu."""
    parent = element.getparent()
    return element.tag == "nav" or (parent is not None and parent.tag == "body")


def _page_header(element: html.HtmlElement) -> bool:
    return element.tag == "header" and _page_part(element)


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def html_title(page: str) -> str:
    """The article's headline: a heading of the page that its declared title (``og:title`` or
    ``<title>``) holds, else the longest part of that title ("Tiêu đề bài - Cổng thông tin điện
    tử tỉnh …": the site's name is the shorter part); "" when the page declares none. A portal's
    name over every page (its ``<h1>``) is never the headline: the declared title lacks it or
    holds it only as its other part."""
    try:
        root = html.document_fromstring(page)
    except (ParserError, ValueError):
        return ""
    declared = next((m.get("content", "") for m in root.iter("meta") if m.get("property") == "og:title"), "")
    if not declared.strip():
        declared = next((t.text_content() for t in root.iter("title")), "")
    declared = " ".join(declared.split())
    if not declared:
        return ""
    parts = [p for p in _TITLE_PARTS.split(declared) if p]
    # The site's name: a part its own header, menu or footer shows; else every part but the longest.
    chrome = " ".join(_words(e.text_content()) for e in root.iter("header", "footer", "nav") if _page_part(e))
    site = {_words(p) for p in parts if _words(p) in chrome} if len(parts) > 1 else set()
    if len(parts) > 1 and len(site) in (0, len(parts)):
        site = {_words(p) for p in parts} - {_words(max(parts, key=lambda p: len(p.split())))}
    longest = max((p for p in parts if _words(p) not in site), key=lambda p: len(p.split()))
    for heading in root.iter("h1", "h2", "h3"):
        if len(parts) == 1 and any(_page_header(a) for a in heading.iterancestors()):
            continue  # a title of one part that the site's header shows: the site's name
        text = " ".join(heading.text_content().split())
        words = _words(text)
        if len(text.split()) >= _HEADLINE_MIN_WORDS and words in _words(declared) and words not in site:
            return text
    # A <title> that is the site's own name, as its page header shows it, names no article.
    if len(longest.split()) < _HEADLINE_MIN_WORDS or (len(parts) == 1 and _words(longest) in chrome):
        return ""
    return longest
