"""A follow-up made standalone by the chat model, when one is configured, checked against
the rule-based rewrite (``followup``).

The rules handle the usual follow-up (a period or a place swapped: "còn năm 2031?"); a model
also reads freer ones ("vậy tỉnh đó thu hút bao nhiêu vốn?"). Its question is used only when
it names the same years, provinces, regions and zones as the rule-based rewrite (what the
previous question asked that the follow-up did not change, and what the follow-up changed),
every person it names, asks one question, and about the reports; otherwise, or when the
model errs or is slow, the rule-based rewrite is used. The model is asked only about what the
rules read as a follow-up: every other question of a conversation would wait seconds for it.
Qwen2.5-1.5B, tried on four
follow-ups: "còn KCN Y thì sao?" after "Tỷ lệ lấp đầy KCN X năm N?" became "Tỷ lệ lấp đầy
KCN Y năm N?" (the rules keep only "KCN Y năm N?"); "còn Bằng khen?" after a question about
the Cờ thi đua became that question with ", còn Bằng khen?" appended (used: it passes); two
were glued to the previous question as a second question (refused: the rules' were used).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from app.answering.followup import standalone_question
from app.answering.frame import parse_question

MAX_REWRITE_CHARS = 400  # a rewrite longer than this is not one question
MAX_REWRITE_TOKENS = 80  # a question of ~50 Vietnamese syllables; the model stops sooner


def keeps_constraints(candidate: str, reference: str) -> bool:
    """Whether ``candidate`` is one question about the reports naming the same years,
    provinces, regions and zones as ``reference``, and every person it names. Pure."""
    got, wanted = parse_question(candidate), parse_question(reference)
    return (
        got.on_topic
        and candidate.count("?") <= 1
        and wanted.years == got.years
        and set(wanted.provinces) == set(got.provinces)
        and set(wanted.regions) == set(got.regions)
        and set(wanted.zones) == set(got.zones)
        and set(wanted.people) <= set(got.people)
    )


def first_question(text: str) -> str:
    """The model's reply as one question: its first non-empty line, without quotes."""
    line = next((line for line in text.splitlines() if line.strip()), "")
    return line.strip().strip("\"'“”«»").strip()


class ModelRewriter:
    """``standalone_question`` with the model's reading when it passes ``keeps_constraints``."""

    def __init__(self, model: BaseChatModel, system: str, user: str, timeout_s: float) -> None:
        self._model = model.bind(max_tokens=MAX_REWRITE_TOKENS)
        self._system = system
        self._user = user
        self._timeout_s = timeout_s

    def __call__(self, question: str, history: Sequence[str]) -> str:
        rule_based = standalone_question(question, history)
        if rule_based == standalone_question(question, ()):
            return rule_based  # no follow-up ("còn …", "vậy …", "… thì sao?"): no model call on the way

        reply = self._ask(self._user.format(previous=history[-1], question=question))
        candidate = first_question(reply or "")
        if candidate and len(candidate) <= MAX_REWRITE_CHARS and keeps_constraints(candidate, rule_based):
            return candidate
        return rule_based

    def _ask(self, prompt: str) -> str | None:
        """The model's reply, or None past the time limit or on any error. The call runs in a
        thread of its own, left behind when late (a local model cannot be interrupted)."""
        reply: list[str] = []

        def call() -> None:
            try:
                content = self._model.invoke([SystemMessage(self._system), HumanMessage(prompt)]).content
                reply.append(content if isinstance(content, str) else "")
            except Exception:  # any failure of the model means: the rule-based rewrite
                reply.append("")

        worker = threading.Thread(target=call, name="llm-rewrite", daemon=True)
        worker.start()
        worker.join(self._timeout_s)
        return reply[0] if reply else None
