"""A lead-in and the list it announces. Pure logic.

A paragraph that ends with ":" ("… đề nghị khen thưởng cho các cá nhân sau:") announces the
items that follow it, and chunking makes it their last heading (``ingest.chunking``). A
lead-in alone answers nothing: its items do. So the retriever brings the items of a lead-in it
found (``app.service``), and the answer quotes them after it (``app.answering.extractive``):
after each lead-in it quotes for "những ai / đơn vị nào …", after the one it answers with
("… đạt kết quả gì?") for other questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.answering.frame import AnswerType, QuestionFrame
from ingest.signature_block import RECIPIENTS_LABEL

RECIPIENTS_ENDING = re.compile(rf"{RECIPIENTS_LABEL}$")
# The kinds of question a list of units, people or awards answers.
LISTING_TYPES = frozenset({AnswerType.LIST, AnswerType.ORGANISATION, AnswerType.PERSON, AnswerType.AWARD})


def asks_for_items(frame: QuestionFrame) -> bool:
    return frame.answer_type in LISTING_TYPES


def announces(text: str) -> bool:
    """``text`` ends announcing what follows ("… như sau:", "… 03 cá nhân):"), and not with
    the label of a document's recipients, glued to its signature ("… (Đã ký) Trần Văn A Nơi
    nhận:"): they are no answer."""
    text = text.rstrip()
    return text.endswith(":") and not RECIPIENTS_ENDING.search(text)


def under(lead_in: str, headings: Sequence[str]) -> bool:
    """A passage with these headings is an item of the lead-in paragraph ``lead_in``."""
    return bool(headings) and headings[-1].strip() == lead_in.strip()
