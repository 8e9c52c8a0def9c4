"""Extractive answers without an LLM: quote the few sentences of the retrieved
paragraphs that answer the question, cite them, or refuse. Pure logic.

A sentence is scored by how much of the question it covers: each content term of the
question (IDF-weighted, abbreviations folded so "KCN" = "khu công nghiệp") counts fully
when the sentence has it, a little less when only an OCR/typo variant is there, and at a
discount when only the section heading, the rest of the paragraph or the document has it
(a bullet names its unit in the heading; a report names its bloc once). The score is then
scaled by whether the sentence holds the kind of thing asked for (a number for
"bao nhiêu", a date for "ngày nào", an award for "hình thức khen thưởng nào") and by
whether the names in the question (a province, a zone) are in the passage at all.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from langchain_core.documents import Document
from rapidfuzz.distance import OSA

from app.answering.models import Answer, Citation, RetrievedPassage
from app.answering.question import AnswerType, QuestionProfile, profile_question
from ingest.normalize import fold, looks_accentless, numbers_in, search_syllables
from vectorstore.query import fold_abbreviations, name_tokens

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[^\W_a-zà-ỹđ])|(?<=\.)\s*(?=[-+]\s)")
CLAUSE_END = re.compile(r"(?<=;)\s+")
DATE = re.compile(r"\b\d{1,2}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{2,4})?\b|\bng[aà]y\s+\d{1,2}\b", re.IGNORECASE)
PERSON_TITLE = re.compile(r"\b(?:ông|bà|ong|ba|6ng)\s+(\S+)\s+(\S+)", re.IGNORECASE)
PLACE_WORD = re.compile(r"\b(?:tại|ở|tai)\s+(?:(?:tỉnh|tinh|thành phố|thanh pho)\s+)?(\S+)", re.IGNORECASE)
AWARD = re.compile(
    r"co thi dua|bang khen|huan chuong|danh hieu|chien s[iy] thi dua|lao dong tien tien|giay khen|tap the lao dong"
)

LONG_SENTENCE = 300  # longer sentences are cut at ";" into clauses (except for list questions)
# Where a question term is found, and how much that counts.
IN_SENTENCE, AS_VARIANT, IN_HEADING, IN_PARAGRAPH, IN_DOCUMENT = 1.0, 0.85, 0.6, 0.4, 0.3
IDF_POWER = 2.0
PHRASE_WEIGHT = 0.25  # bonus share for the question's word pairs found in the sentence
MISSING_FOCUS = 0.7  # the question's rarest content term is in neither the sentence nor its heading
LONE_WORD = 0.6  # a term found without any of its question word pairs counts this much
LONG_QUOTE = 60  # syllables; longer sentences cover more by chance and are scaled down
MAX_QUOTES = 3
KEEP_RATIO = 0.8  # an extra sentence from another passage must score this close to the best one
NAME_QUOTE_FLOOR = 0.25  # a quote for a further name of the question needs at least this score


class Lexicon(Protocol):
    """Corpus statistics the scorer needs (implemented by the keyword index)."""

    def idf(self, term: str) -> float: ...

    def variants(self, term: str) -> frozenset[str]: ...

    def spelling(self, term: str) -> str: ...

    def document_terms(self, doc_id: str) -> frozenset[str]: ...


@dataclass(frozen=True)
class Phrasing:
    refusal: str
    intro: str
    item_with_heading: str
    item: str


@dataclass(frozen=True)
class Thresholds:
    # Below this the best sentence does not answer: refuse. Set between the best scores of
    # unanswerable and answerable gold questions (README "Refusal threshold").
    min_score: float = 0.38


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Candidate:
    document: Document
    passage_rank: int
    quote: str
    score: float
    found: frozenset[str]  # question terms the sentence itself has
    names: frozenset[str]  # question names found in its passage


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


def _terms(text: str) -> list[str]:
    return fold_abbreviations(search_syllables(text))


def _names_a_person(sentence: str) -> bool:
    """ "ông/bà" followed by two capitalised words ("ông Trần Quốc Trung")."""
    return any(a[:1].isupper() and b[:1].isupper() for a, b in PERSON_TITLE.findall(sentence))


def _names_a_place(sentence: str) -> bool:
    """ "tại/ở" followed by a capitalised word ("tại tỉnh Hải Dương")."""
    return any(word[:1].isupper() for word in PLACE_WORD.findall(sentence))


def _type_fit(question: QuestionProfile, sentence: str) -> float:
    """1.0 when the sentence holds the kind of thing asked for, less when it does not."""
    fit = 1.0
    if AnswerType.NUMBER in question.types and not set(numbers_in(sentence)) - question.numbers:
        fit *= 0.45
    if AnswerType.DATE in question.types and not DATE.search(sentence):
        fit *= 0.3
    if AnswerType.PERSON in question.types and not _names_a_person(sentence):
        fit *= 0.4
    if AnswerType.PLACE in question.types and not _names_a_place(sentence):
        fit *= 0.5
    if AnswerType.AWARD in question.types and not AWARD.search(" ".join(search_syllables(sentence))):
        fit *= 0.5
    return fit


def _appears(name: str, syllables: list[str]) -> bool:
    """The name's syllables appear in a row, allowing one typo per five letters (a
    swapped pair of letters counts as one: "Logn" for "Long")."""
    wanted = name.split()
    target = "".join(wanted)
    budget = max(1, len(target) // 5)
    for start in range(len(syllables) - len(wanted) + 1):
        window = "".join(syllables[start : start + len(wanted)])
        if OSA.distance(target, window, score_cutoff=budget) <= budget:
            return True
    return False


def _contains_name(name: str, syllables: list[str], person: bool) -> bool:
    """A name is present whole or, for a person, by the last two syllables of the full
    name ("bà Thu Hương" for "Bùi Thị Thu Hương")."""
    wanted = name.split()
    return _appears(name, syllables) or (person and len(wanted) >= 3 and _appears(" ".join(wanted[-2:]), syllables))


def _names_found(question: QuestionProfile, context: str, document_terms: frozenset[str]) -> frozenset[str]:
    """Names of the question found in the passage or, for a bloc's abbreviation,
    anywhere in its report."""
    syllables = search_syllables(context)
    return frozenset(
        n for n in question.names if n in document_terms or _contains_name(n, syllables, n in question.people)
    )


def _names_factor(question: QuestionProfile, found: frozenset[str]) -> float:
    """A passage naming none of the question's places/units is about something else; a
    report not naming the question's bloc is the wrong report."""
    blocs = [n for n in question.names if n in name_tokens()]
    local = [n for n in question.names if n not in name_tokens()]
    factor = 1.0
    if any(b not in found for b in blocs):
        factor *= 0.3
    if local:
        share = sum(1 for n in local if n in found) / len(local)
        factor *= 0.3 if share == 0 else 0.6 + 0.4 * share
    return factor


def _score_passage(
    question: QuestionProfile, document: Document, passage_rank: int, lexicon: Lexicon
) -> list[Candidate]:
    meta = document.metadata
    heading_text = " ".join([meta.get("title", ""), *meta.get("headings", [])[-2:]])
    heading_terms = set(_terms(heading_text))
    paragraph_terms = set(_terms(f"{heading_text} {document.page_content}"))
    document_terms = lexicon.document_terms(meta["doc_id"])
    # Rare terms decide what a question is about; squaring the IDF lets them dominate, so
    # that a sentence sharing only common words ("khối", "thi đua", "năm") does not pass.
    # Names scope the passage (see _names_factor); what the question asks about them is
    # in its other words, and only those pick the sentence.
    name_syllables = {s for n in question.names for s in n.split()}
    weights = {t: lexicon.idf(t) ** IDF_POWER for t in question.terms if t not in name_syllables}
    if not weights:  # a question that is only names ("Phú Quốc?")
        weights = {t: lexicon.idf(t) ** IDF_POWER for t in question.terms}
    total = sum(weights.values()) or 1.0
    focus = max(weights, key=lambda t: weights[t]) if weights else None
    content_pairs = {b for b in question.bigrams if not set(b.split("_")) & name_syllables}
    pairs_of = {t: {b for b in question.bigrams if t in b.split("_")} for t in question.terms}
    # Misread letters are only expected in OCR text; clean text is matched exactly.
    ocr_text = looks_accentless(document.page_content)
    names = _names_found(question, f"{heading_text} {document.page_content}", document_terms)
    names_factor = _names_factor(question, names)
    rank_prior = 1.0 - 0.04 * passage_rank
    candidates = []
    for quote in split_sentences(document.page_content, keep_long=AnswerType.LIST in question.types):
        syllables = _terms(quote)
        present = set(syllables)
        pairs = {f"{a}_{b}" for a, b in itertools.pairwise(syllables)}
        credit = 0.0
        found = set()
        for term, weight in weights.items():
            if term in present:
                level = IN_SENTENCE
            elif ocr_text and lexicon.variants(term) & present:
                level = AS_VARIANT
            elif term in heading_terms or (ocr_text and lexicon.variants(term) & heading_terms):
                level = IN_HEADING
            elif term in paragraph_terms:
                level = IN_PARAGRAPH
            elif term in document_terms:
                level = IN_DOCUMENT
            else:
                level = 0.0
            if level >= AS_VARIANT:
                found.add(term)
                if pairs_of[term] and not pairs_of[term] & pairs and level == IN_SENTENCE:
                    level *= LONE_WORD
            credit += level * weight
        phrase = len(content_pairs & pairs) / len(content_pairs) if content_pairs else 0.0
        # The rarest thing asked about must be there: "lao động nước ngoài" is not answered
        # by a sentence about "lao động".
        focus_factor = 1.0 if focus is None or focus in found or focus in heading_terms else MISSING_FOCUS
        length_factor = min(1.0, (LONG_QUOTE / max(len(syllables), 1)) ** 0.3)
        fit = _type_fit(question, quote) * names_factor * focus_factor * rank_prior
        score = (credit / total + PHRASE_WEIGHT * phrase) * fit
        candidates.append(Candidate(document, passage_rank, quote, score * length_factor, frozenset(found), names))
    return candidates


def _corrected(question: QuestionProfile, lexicon: Lexicon) -> QuestionProfile:
    """The question with typos fixed against the corpus vocabulary ("Vĩnh Logn")."""
    fixed = {t: lexicon.spelling(t) for t in question.terms}
    if all(t == f for t, f in fixed.items()):
        return question
    bigrams = frozenset("_".join(fixed.get(p, p) for p in b.split("_")) for b in question.bigrams)
    names = tuple(" ".join(fixed.get(p, p) for p in n.split()) for n in question.names)
    return replace(question, terms=tuple(dict.fromkeys(fixed.values())), bigrams=bigrams, names=names)


def select_quotes(
    question: QuestionProfile,
    documents: Sequence[Document],
    lexicon: Lexicon,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> list[Candidate]:
    """The best sentence, plus up to two more that add what it lacks; [] means refuse."""
    question = _corrected(question, lexicon)
    candidates = [c for rank, d in enumerate(documents) for c in _score_passage(question, d, rank, lexicon)]
    if not candidates:
        return []
    candidates.sort(key=lambda c: -c.score)
    best = candidates[0]
    if best.score < thresholds.min_score:
        return []
    chosen = [best]
    # A question naming several places/units (a comparison) gets a quote for each.
    for name in (n for n in question.names if n not in name_tokens()):
        if any(name in c.names for c in chosen):
            continue
        holder = next((c for c in candidates if name in c.names and c.score >= NAME_QUOTE_FLOOR), None)
        if holder is not None and len(chosen) < MAX_QUOTES:
            chosen.append(holder)
    found = set().union(*(c.found for c in chosen))
    numbers = {n for c in chosen for n in numbers_in(c.quote)}
    for candidate in candidates[1:]:
        if len(chosen) >= MAX_QUOTES:
            break
        if candidate in chosen:
            continue
        floor = thresholds.min_score
        if candidate.document is not best.document:
            floor = max(floor, KEEP_RATIO * best.score)
        if candidate.score < floor:
            continue
        adds_terms = bool(candidate.found - found)
        adds_numbers = bool(set(numbers_in(candidate.quote)) - numbers) and AnswerType.NUMBER in question.types
        if adds_terms or adds_numbers:
            chosen.append(candidate)
            found |= candidate.found
            numbers |= set(numbers_in(candidate.quote))
    # Quotes read in document order, as in the report.
    return sorted(
        chosen, key=lambda c: (c.document.metadata.get("source", ""), c.document.metadata.get("paragraph", 0))
    )


def retrieved_passages(documents: Sequence[Document]) -> list[RetrievedPassage]:
    return [
        RetrievedPassage(
            chunk_id=d.metadata["chunk_id"],
            doc=d.metadata["source"],
            heading=d.metadata.get("heading", ""),
            text=d.page_content,
            score=round(float(d.metadata.get("score", 0.0)), 4),
        )
        for d in documents
    ]


def citation_for(n: int, document: Document, quote: str) -> Citation:
    """Citation ``[n]`` of a retrieved passage (``quote``: the part of it the answer uses)."""
    meta = document.metadata
    return Citation(
        n=n,
        chunk_id=meta["chunk_id"],
        doc_id=meta["doc_id"],
        doc=meta["source"],
        title=meta.get("title", ""),
        heading=meta.get("heading", ""),
        page=meta.get("page"),
        paragraph=meta["paragraph"],
        text=document.page_content,
        quote=quote,
        score=round(float(meta.get("score", 0.0)), 4),
    )


def answer_extractively(
    question: str,
    documents: Sequence[Document],
    lexicon: Lexicon,
    phrasing: Phrasing,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Answer:
    retrieved = retrieved_passages(documents)
    quotes = select_quotes(profile_question(question), documents, lexicon, thresholds)
    if not quotes:
        return Answer(question=question, answer=phrasing.refusal, refused=True, retrieved=retrieved)
    citations: dict[str, Citation] = {}
    lines = [phrasing.intro]
    for quote in quotes:
        chunk_id = quote.document.metadata["chunk_id"]
        if chunk_id in citations:
            previous = citations[chunk_id]
            citations[chunk_id] = replace(previous, quote=f"{previous.quote} … {quote.quote}")
        else:
            citations[chunk_id] = citation_for(len(citations) + 1, quote.document, quote.quote)
        heading = quote.document.metadata.get("heading", "")
        # The heading is repeated only when the sentence does not already name it.
        show_heading = heading and fold(heading) not in fold(quote.quote)
        template = phrasing.item_with_heading if show_heading else phrasing.item
        lines.append(template.format(heading=heading, quote=quote.quote, n=citations[chunk_id].n))
    return Answer(
        question=question,
        answer="\n".join(lines),
        refused=False,
        citations=list(citations.values()),
        retrieved=retrieved,
    )
