"""A follow-up read by the chat model, checked against the rule-based rewrite (scripted fake
models: a narrow unit test; the real model path is in test_llm.py)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

from app.answering.rewrite import ModelRewriter, keeps_constraints
from app.prompts import load_toml

pytestmark = pytest.mark.unit

PREVIOUS = "Doanh thu của các KCN tỉnh Thái Bình năm 2031 là bao nhiêu?"
PROMPT = load_toml("followup.toml")


class ReplyFakeChat(BaseChatModel):
    """Replies with ``reply`` (or raises it, or waits on ``hold`` first)."""

    reply: Any
    hold: Any = Field(default=None)

    @property
    def _llm_type(self) -> str:
        return "reply-fake"

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        if self.hold is not None:
            self.hold.wait(timeout=30)
        if isinstance(self.reply, Exception):
            raise self.reply
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self.reply))])


def rewrite(reply: Any, question: str, timeout_s: float = 5.0, hold: Any = None) -> str:
    return ModelRewriter(ReplyFakeChat(reply=reply, hold=hold), PROMPT["system"], PROMPT["user"], timeout_s)(
        question, [PREVIOUS]
    )


def test_a_rewrite_must_keep_the_places_and_years_the_rules_carry():
    assert keeps_constraints("Lao động của các KCN tỉnh Thái Bình năm 2031?", "Lao động tỉnh Thái Bình năm 2031?")
    assert not keeps_constraints("Lao động của các KCN năm 2031?", "Lao động tỉnh Thái Bình năm 2031?")
    assert not keeps_constraints("Thời tiết hôm nay thế nào?", "Thời tiết hôm nay thế nào?")  # not about reports


def test_the_model_s_reading_is_used_when_it_keeps_the_constraints():
    reading = "Số lao động của các KCN tỉnh Thái Bình năm 2031 là bao nhiêu?"
    assert rewrite(f"“{reading}”\nGiải thích: …", "vậy số lao động ở đó là bao nhiêu?") == reading


def test_the_rules_answer_when_the_model_drops_a_constraint_errs_or_is_late():
    follow_up = "còn năm 2032 thì sao?"
    expected = "Doanh thu của các KCN tỉnh Thái Bình năm 2032 là bao nhiêu?"
    assert rewrite("Doanh thu của các KCN năm 2032 là bao nhiêu?", follow_up) == expected  # Thái Bình dropped
    assert rewrite(RuntimeError("boom"), follow_up) == expected
    late = threading.Event()
    assert rewrite("Doanh thu của các KCN tỉnh Thái Bình năm 2032?", follow_up, timeout_s=0.2, hold=late) == expected
    late.set()


def test_a_question_that_is_no_follow_up_never_waits_for_the_model():
    question = "Tỷ lệ lấp đầy các KCN tỉnh Nam Định năm 2031 là bao nhiêu?"
    # A reading that would pass the checks, were the model asked: it is not.
    assert rewrite("Tỷ lệ lấp đầy KCN tỉnh Nam Định năm 2031?", question) == question
