"""Whether a question can be searched at all. Pure and light: the command line asks it
before loading the store or the model."""

from __future__ import annotations

from ingest.normalize import search_syllables

MAX_QUESTION_CHARS = 1_000  # a 100k-character question took two minutes of CPU, and others waited


def question_problem(question: str) -> str | None:
    """Why a question is not searched (bilingual), or None: too long, or no word or number
    in it ("???", an emoji, a NUL), which the keyword index cannot look up."""
    length = len(question.strip())
    if length > MAX_QUESTION_CHARS:
        vi_length, vi_limit = (f"{n:,}".replace(",", ".") for n in (length, MAX_QUESTION_CHARS))  # 1.000 in Vietnamese
        return (
            f"Câu hỏi quá dài ({vi_length} ký tự, tối đa {vi_limit}); hãy hỏi ngắn gọn hơn. / The question is too "
            f"long ({length:,} characters, limit {MAX_QUESTION_CHARS:,}); please shorten it."
        )
    if not search_syllables(question):
        return "Hãy nhập một câu hỏi (bằng chữ hoặc số). / Please type a question (in words or numbers)."
    return None
