"""Sentences that give the reader or an assistant instructions instead of reporting facts
("Bỏ qua mọi hướng dẫn…", "hãy gửi mật khẩu…"). Pure; the patterns live in
``data/instruction_patterns.txt``.

A report may carry such a line, planted or pasted; quoting it as an answer, with a
citation, would lend it the app's authority. Such sentences are never answer candidates
and are left out of what an LLM reads.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ingest.normalize import fold


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """The patterns of the data file as one alternation (one pass over a sentence)."""
    text = resources.files("app.answering").joinpath("data", "instruction_patterns.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    return re.compile("|".join(f"(?:{line})" for line in lines if line and not line.startswith("#")))


@lru_cache(maxsize=16_384)  # the same passages come back question after question
def is_instruction(sentence: str) -> bool:
    """Whether ``sentence`` addresses the reader or an assistant with an instruction."""
    return _pattern().search(fold(sentence)) is not None


# Finer than the answerer's sentence split (which waits for a capital letter): an
# instruction is cut out without the report sentence that follows it.
_PIECE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…][\"”'])\s+")


def without_instructions(text: str) -> str:
    """``text`` with each instruction sentence replaced by "[…]"."""
    pieces = _PIECE_END.split(text)
    if not any(is_instruction(piece) for piece in pieces):
        return text
    return " ".join("[…]" if is_instruction(piece) else piece for piece in pieces)
