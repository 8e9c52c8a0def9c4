"""Extractive answers without an LLM: quote the few sentences of the retrieved
paragraphs that answer the question, cite them, or refuse. Pure logic.

A sentence is scored by how much of the question (IDF-weighted content syllables,
their bigrams, the numbers asked about) it covers — counting its section heading at a
discount, since a bullet often names its unit only in the heading — and by whether it
holds the kind of thing asked for (a number for "bao nhiêu", a date for "ngày nào").
Names in the question (a province, a zone) must be found in the passage, or the
passage is about someone else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from langchain_core.documents import Document
from rapidfuzz import fuzz

from ingest.normalize import numbers_in, search_syllables
from app.answering.models import Answer, Citation, RetrievedPassage
from app.answering.question import AnswerType, QuestionProfile, profile_question

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[^\W_a-zà-ỹđ])|(?<=\.)\s*(?=[-+]\s)")
CLAUSE_END = re.compile(r"(?<=;)\s+")
DATE = re.compile(r"\b\d{1,2}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{2,4})?\b|\bng[aà]y\s+\d{1,2}\b", re.IGNORECASE)
PERSON = re.compile(r"\b(?:[ÔôOo]ng|[Bb][àa]|Ong|Ba)\s+[A-ZÀ-ỸĐ][\w]+(?:\s+[A-ZÀ-ỸĐ][\w]+)+")
PLACE = re.compile(r"\b(?:t[ạa]i|ở|o)\s+(?:t[ỉi]nh\s+|th[àa]nh ph[ốo]\s+)?[A-ZÀ-ỸĐ]\w+")

LONG_SENTENCE = 300  # longer sentences are cut at ";" into clauses (except for list questions)
HEADING_WEIGHT = 0.6  # a term found only in the section heading counts this much
MAX_QUOTES = 3
KEEP_RATIO = 0.75  # extra sentences must score this close to the best one
NAME_MATCH = 88  # rapidfuzz partial_ratio for a name to count as present (one typo)


@dataclass(frozen=True)
class Phrasing:
    refusal: str
    intro: str
    item_with_heading: str
    item: str


@dataclass(frozen=True)
class Thresholds:
    min_score: float = 0.5  # below this the best sentence does not answer: refuse
    min_coverage: float = 0.45  # share of the question's weighted terms a quote must cover


@dataclass
class _Candidate:
    document: Document
    passage_rank: int
    quote: str
    score: float
    covered: frozenset[str]


def split_sentences(text: str, keep_long: bool = False) -> list[str]:
    """Sentences of a paragraph; long ones cut into clauses at ";"."""
    units: list[str] = []
    for sentence in SENTENCE_END.split(text):
        sentence = sentence.strip()
        if not sentence:
            continue
        if len(sentence) > LONG_SENTENCE and not keep_long:
            units.extend(c.strip() for c in CLAUSE_END.split(sentence) if c.strip())
        else:
            units.append(sentence)
    return units


def _bigrams(syllables: list[str]) -> set[str]:
    return {f"{a}_{b}" for a, b in zip(syllables, syllables[1:], strict=False)}


def _type_fit(question: QuestionProfile, sentence: str) -> float:
    """1.0 when the sentence holds the kind of thing asked for, less when it does not."""
    fit = 1.0
    if AnswerType.NUMBER in question.types and not set(numbers_in(sentence)) - question.numbers:
        fit *= 0.45
    if AnswerType.DATE in question.types and not DATE.search(sentence):
        fit *= 0.3
    if AnswerType.PERSON in question.types and not PERSON.search(sentence):
        fit *= 0.6
    if AnswerType.PLACE in question.types and not PLACE.search(sentence):
        fit *= 0.5
    return fit


def _names_present(question: QuestionProfile, context: str) -> float:
    """Share of the question's names found (allowing one typo) in the passage context."""
    if not question.names:
        return 1.0
    haystack = " ".join(search_syllables(context))
    found = sum(1 for name in question.names if fuzz.partial_ratio(name, haystack) >= NAME_MATCH)
    return found / len(question.names)


def _score_passage(
    question: QuestionProfile, document: Document, passage_rank: int, weights: dict[str, float]
) -> list[_Candidate]:
    meta = document.metadata
    heading_text = " ".join([meta.get("title", ""), *meta.get("headings", [])[-2:]])
    heading_terms = set(search_syllables(heading_text))
    names_share = _names_present(question, f"{heading_text} {document.page_content}")
    total = sum(weights.values()) or 1.0
    rank_prior = 1.0 - 0.04 * passage_rank
    candidates = []
    keep_long = AnswerType.LIST in question.types
    for quote in split_sentences(document.page_content, keep_long=keep_long):
        syllables = search_syllables(quote)
        present = set(syllables)
        covered = frozenset(t for t in question.terms if t in present)
        heading_only = {t for t in question.terms if t in heading_terms and t not in present}
        coverage = (sum(weights[t] for t in covered) + HEADING_WEIGHT * sum(weights[t] for t in heading_only)) / total
        phrase = len(question.bigrams & _bigrams(syllables)) / max(len(question.bigrams), 1)
        asked_numbers = question.numbers - {n for n in question.numbers if len(n) == 4 and n.startswith("20")}
        number_bonus = 0.15 if asked_numbers & set(numbers_in(quote)) else 0.0
        score = (coverage + 0.3 * phrase + number_bonus) * _type_fit(question, quote) * names_share * rank_prior
        candidates.append(_Candidate(document, passage_rank, quote, score, covered | frozenset(heading_only)))
    return candidates


def _coverage(question: QuestionProfile, covered: frozenset[str], weights: dict[str, float]) -> float:
    return sum(weights[t] for t in covered) / (sum(weights.values()) or 1.0)


def select_quotes(
    question: QuestionProfile,
    documents: Sequence[Document],
    idf: Callable[[str], float],
    thresholds: Thresholds = Thresholds(),
) -> list[_Candidate]:
    """The best-scoring sentence, plus up to two more that add coverage; [] means refuse."""
    weights = {t: idf(t) for t in question.terms}
    candidates = [c for rank, d in enumerate(documents) for c in _score_passage(question, d, rank, weights)]
    if not candidates:
        return []
    candidates.sort(key=lambda c: -c.score)
    best = candidates[0]
    if best.score < thresholds.min_score or _coverage(question, best.covered, weights) < thresholds.min_coverage:
        return []
    chosen = [best]
    covered = set(best.covered)
    for candidate in candidates[1:]:
        if len(chosen) >= MAX_QUOTES or candidate.score < KEEP_RATIO * best.score:
            break
        adds = candidate.covered - covered
        new_numbers = set(numbers_in(candidate.quote)) - {n for c in chosen for n in numbers_in(c.quote)}
        if _coverage(question, frozenset(adds), weights) >= 0.05 or (
            AnswerType.LIST in question.types and new_numbers
        ):
            chosen.append(candidate)
            covered |= candidate.covered
    # Quotes read in document order, as in the report.
    return sorted(chosen, key=lambda c: (c.document.metadata.get("source", ""), c.document.metadata.get("paragraph", 0)))


def answer_extractively(
    question: str,
    documents: Sequence[Document],
    idf: Callable[[str], float],
    phrasing: Phrasing,
    thresholds: Thresholds = Thresholds(),
) -> Answer:
    profile = profile_question(question)
    retrieved = [
        RetrievedPassage(
            chunk_id=d.metadata["chunk_id"],
            doc=d.metadata["source"],
            heading=d.metadata.get("heading", ""),
            text=d.page_content,
            score=round(float(d.metadata.get("score", 0.0)), 4),
        )
        for d in documents
    ]
    quotes = select_quotes(profile, documents, idf, thresholds)
    if not quotes:
        return Answer(question=question, answer=phrasing.refusal, refused=True, retrieved=retrieved)
    citations: list[Citation] = []
    numbers: dict[str, int] = {}
    lines = [phrasing.intro]
    for quote in quotes:
        meta = quote.document.metadata
        chunk_id = meta["chunk_id"]
        if chunk_id not in numbers:
            numbers[chunk_id] = len(numbers) + 1
            citations.append(
                Citation(
                    n=numbers[chunk_id],
                    chunk_id=chunk_id,
                    doc_id=meta["doc_id"],
                    doc=meta["source"],
                    title=meta.get("title", ""),
                    heading=meta.get("heading", ""),
                    page=meta.get("page"),
                    paragraph=meta["paragraph"],
                    text=quote.document.page_content,
                    quote=quote.quote,
                    score=round(float(meta.get("score", 0.0)), 4),
                )
            )
        else:
            index = numbers[chunk_id] - 1
            existing = citations[index]
            citations[index] = Citation(**{**existing.__dict__, "quote": f"{existing.quote} … {quote.quote}"})
        heading = meta.get("heading", "")
        template = phrasing.item_with_heading if heading else phrasing.item
        lines.append(template.format(heading=heading, quote=quote.quote, n=numbers[chunk_id]))
    return Answer(question=question, answer="\n".join(lines), refused=False, citations=citations, retrieved=retrieved)
