"""Check a generated answer against the passages it was given. Pure.

The model's answer is shown as verified only when:
- it is the fixed refusal sentence, or
- every sentence carries at least one citation ``[n]`` of a passage that was given, and
- every number in a sentence (with its unit, when it has one) occurs in a passage that
  sentence cites, and every place or zone it names does too, and
- most of the sentence's words come from its cited passages.
Comparison uses the retrieval's normalisation: diacritics folded, OCR confusions undone,
numbers as digits ("41.207" = "41,207"); a name in OCR text that lost its accents may be
one letter off ("Ha Nem" for "Hà Nam").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from app.answering.places import place_spans
from ingest.normalize import canon_syllable, fold, looks_accentless, match_key, number_key, search_syllables

MARKER = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
LIST_MARK = re.compile(r"^\s*(?:[-+*•]|\d{1,2}[.)])\s+")
NUMBER_UNIT = re.compile(r"(\d+(?:[.,]\d+)*)(?:\s*(%)|\s+([^\W\d_]+))?")
ZONE_NAME = re.compile(
    r"\b(?:KCN|KKT|KCX|[Kk]hu công nghiệp|[Kk]hu kinh tế|[Kk]hu chế xuất)\s+((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ]\w*\s?){1,3})"
)
# First syllables (folded) of the units a figure may carry; a figure's unit must match.
UNITS = frozenset(
    {"ty", "trieu", "nghin", "ngan", "usd", "dong", "ha", "hecta", "km", "m2", "tan"}  # money, area, weight
    | {"du", "lao", "nguoi", "doanh", "luot", "buoi", "tap", "ca", "cong", "don"}  # dự án, lao động, người…
)
OCR_NAME_SIMILARITY = 85  # partial_ratio floor for a name in accent-less OCR text (one letter in 8)
MIN_WORD_OVERLAP = 0.6  # share of a sentence's syllables that its cited passages must contain


@dataclass(frozen=True)
class Verification:
    ok: bool
    refused: bool
    cited: tuple[int, ...]  # passage numbers cited, in order of first use
    problems: tuple[str, ...]  # Vietnamese, one per failed check


def is_refusal(answer: str, refusal: str) -> bool:
    core = fold(refusal).strip(" .")
    return bool(core) and core in fold(answer)


def _sentences(answer: str) -> list[str]:
    """Sentences of the answer; a fragment of bare markers ("[2]") joins the sentence before it."""
    sentences: list[str] = []
    for piece in SENTENCE_END.split(answer.strip()):
        piece = piece.strip()
        if not piece:
            continue
        if sentences and not MARKER.sub("", piece).strip(" .,;"):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def _figures(text: str) -> list[tuple[str, str]]:
    """(digit key, unit or "") of every number in a text."""
    figures = []
    for number, percent, word in NUMBER_UNIT.findall(text):
        unit = "%" if percent else canon_syllable(fold(word)) if word else ""
        figures.append((number_key(number), unit if unit in UNITS or unit == "%" else ""))
    return figures


def _names(sentence: str) -> list[str]:
    folded = fold(sentence)
    names = [sentence[start:end] for start, end in place_spans(folded)]
    names += [m.group(1).strip() for m in ZONE_NAME.finditer(sentence)]
    return names


def _name_found(name: str, passages: Sequence[str]) -> bool:
    key = match_key(name)
    for passage in passages:
        if key and key in match_key(passage):
            return True
        similarity = fuzz.partial_ratio(" ".join(fold(name).split()), fold(passage)) if len(key) >= 6 else 0
        if looks_accentless(passage) and similarity >= OCR_NAME_SIMILARITY:
            return True
    return False


def _check_sentence(sentence: str, passages: Sequence[str]) -> tuple[list[int], list[str]]:
    markers = [int(n) for group in MARKER.findall(sentence) for n in re.split(r"\s*[,;]\s*", group)]
    body = LIST_MARK.sub("", MARKER.sub(" ", sentence)).strip()
    short = body if len(body) <= 70 else body[:67] + "…"
    if not markers:
        if body.endswith(":") or not body.strip(" .,;"):
            return [], []  # an intro line ("Theo các báo cáo:") claims nothing
        return [], [f"câu không có trích dẫn: «{short}»"]
    given = [n for n in markers if 1 <= n <= len(passages)]
    problems = [f"trích dẫn [{n}] không phải đoạn nào đã cho" for n in markers if n not in given]
    cited = [passages[n - 1] for n in given]
    if not cited:
        return given, problems
    source_figures = {f for passage in cited for f in _figures(passage)}
    source_numbers = {key for key, _ in source_figures}
    for key, unit in _figures(body):
        if key not in source_numbers:
            problems.append(f"số {key} không có trong đoạn được trích dẫn: «{short}»")
        elif unit and (key, unit) not in source_figures:
            problems.append(f"số {key} không đi với đơn vị «{unit}» trong đoạn được trích dẫn: «{short}»")
    for name in _names(body):
        if not _name_found(name, cited):
            problems.append(f"«{name}» không có trong đoạn được trích dẫn")
    overlap = word_overlap(body, cited)
    if overlap < MIN_WORD_OVERLAP:
        problems.append(f"câu không dựa trên đoạn được trích dẫn ({overlap:.0%} từ có trong đoạn): «{short}»")
    return given, problems


def word_overlap(sentence: str, passages: Sequence[str]) -> float:
    """Share of the sentence's syllables (search form) found in the passages: a paraphrase
    of a report reuses its words; an invented claim does not."""
    words = [w for w in search_syllables(sentence) if not w.isdigit()]
    if not words:
        return 1.0
    vocabulary = {w for passage in passages for w in search_syllables(passage)}
    return sum(w in vocabulary for w in words) / len(words)


def verify_answer(answer: str, passages: Sequence[str], refusal: str) -> Verification:
    """``passages[i]`` is passage ``[i + 1]`` as given to the model (heading and text)."""
    if is_refusal(answer, refusal):
        return Verification(True, True, (), ())
    if not answer.strip():
        return Verification(False, False, (), ("câu trả lời rỗng",))
    cited: list[int] = []
    problems: list[str] = []
    for sentence in _sentences(answer):
        numbers, issues = _check_sentence(sentence, passages)
        cited.extend(n for n in numbers if n not in cited)
        problems.extend(issues)
    if not cited and not problems:
        problems.append("không có trích dẫn nào")
    return Verification(not problems, False, tuple(cited), tuple(problems))
