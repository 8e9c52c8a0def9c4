"""What the answer flow emits while it works; the web chat only renders these.

The extractive answerer produces its answer at once (one ``AnswerDelta``); a generative
answerer emits one delta per token. Every stream ends with exactly one ``Final``.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.answering.models import Answer


@dataclass(frozen=True)
class Status:
    text: str  # Vietnamese, shown while nothing else is


@dataclass(frozen=True)
class AnswerDelta:
    text: str  # appended to the answer text shown so far


@dataclass(frozen=True)
class Final:
    answer: Answer


ChatEvent = Status | AnswerDelta | Final
