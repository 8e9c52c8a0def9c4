"""A Markdown report as the plain text a typed report would be: markup gone ("**", "#",
"*…*", "| --- |"), one paragraph per block, a line per hard break (a letterhead's lines stay
lines), list items with their bullet or number, and a table one row per line with its cells
between " | " (read on by ``ingest.text_tables`` like any typed table). Pure."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark").enable("table")
_BREAKS = ("softbreak", "hardbreak")


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in _BREAKS:
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)  # its alt text
    return "".join(parts).strip()


def markdown_to_text(markdown: str) -> str:
    """The text of a Markdown document, blocks separated by blank lines."""
    blocks: list[str] = []
    row: list[str] | None = None
    table: list[str] = []
    markers: list[str] = []  # the bullet or number of each open list, innermost last
    item_marker = ""
    for token in _PARSER.parse(markdown):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            markers.append("-" if token.type == "bullet_list_open" else ".")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            markers.pop()
        elif token.type == "list_item_open":
            item_marker = "- " if markers and markers[-1] == "-" else f"{token.info}{token.markup} "
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            table.append(" | ".join(row))
            row = None
        elif token.type == "table_close":
            blocks.append("\n".join(table))
            table = []
        elif token.type == "inline":
            text = _inline_text(token)
            if row is not None:
                row.append(text.replace("\n", " "))
            elif text:
                blocks.append(item_marker + text)
                item_marker = ""
        elif token.type in ("fence", "code_block", "html_block") and token.content.strip():
            blocks.append(token.content.strip())
    return "\n\n".join(blocks) + "\n"
