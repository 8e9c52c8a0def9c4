"""Keyword indexes (BM25 via ``bm25s``) over three views of each chunk.

- ``syllables``: folded, OCR-canonical syllables and syllable bigrams. The workhorse:
  "duoc", "được" and OCR's "dugc" are one term.
- ``accented``: syllables with diacritics and their bigrams, so clean text still tells
  "đường" from "dương" when the question has the accents.
- ``chargrams``: character 4-grams of the search form, which survive the letter-level
  damage that the canonicalisation rules cannot undo ("Tudn" for "Tuấn").
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

import bm25s
import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from ingest.models import Chunk
from ingest.normalize import (
    accented_syllables,
    char_ngrams,
    is_vietnamese_syllable,
    search_syllables,
    with_bigrams,
)
from vectorstore.query import fold_abbreviations

Tokenizer = Callable[[str], list[str]]
FUZZY_MIN_LENGTH = 3  # shorter syllables have too many neighbours at one edit
FUZZY_LIMIT = 4  # variants added per question syllable
RARE_VARIANT_DF = 3  # a variant in more chunks than this (and than a quarter of the term's) is a word

FIELDS: dict[str, Tokenizer] = {
    "syllables": lambda text: with_bigrams(search_syllables(text)),
    "accented": lambda text: with_bigrams(accented_syllables(text)),
    "chargrams": lambda text: char_ngrams(search_syllables(text), 4),
}


class TermStatistics:
    """Corpus statistics of search-form syllables: what the answerer's scoring and the
    question's typo/OCR variants need. Subclasses fill the four fields."""

    _doc_freq: Counter[str]
    _vocabulary: list[str]
    _variants: dict[str, frozenset[str]]
    _document_terms: dict[str, frozenset[str]]

    def __len__(self) -> int:
        raise NotImplementedError

    def idf(self, syllable: str) -> float:
        """Inverse document frequency of a search-form syllable (rare terms weigh more)."""
        n = max(len(self), 1)
        df = self._doc_freq.get(syllable, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def variants(self, term: str) -> frozenset[str]:
        """The term and indexed syllables one edit away that are no more common than it
        (cached): OCR's "cip" stands for "cap", but "bang" is a word of its own, not a
        misreading of "bong"."""
        if term not in self._variants:
            ceiling = max(self._doc_freq.get(term, 0) // 4, RARE_VARIANT_DF)
            close = [v for v in self.fuzzy_variants([term]) if self._doc_freq.get(v, 0) <= ceiling]
            self._variants[term] = frozenset([term, *close])
        return self._variants[term]

    def spelling(self, term: str) -> str:
        """A typo the corpus never uses, corrected to the most common indexed syllable one
        edit away ("logn" -> "long"). Known terms, and real syllables the corpus just does
        not have ("bóng"), are returned as they are."""
        if term in self._doc_freq or len(term) < FUZZY_MIN_LENGTH or is_vietnamese_syllable(term):
            return term
        matches = process.extract(term, self._vocabulary, scorer=OSA.distance, score_cutoff=1, limit=10)
        close = [m for m, distance, _ in matches if distance <= 1]
        return max(close, key=lambda m: self._doc_freq[m]) if close else term

    def document_terms(self, doc_id: str) -> frozenset[str]:
        """Every search-form term of a document (abbreviations folded)."""
        return self._document_terms.get(doc_id, frozenset())

    def fuzzy_variants(self, syllables: list[str]) -> list[str]:
        """Indexed syllables one edit away from the question's ("cap" -> OCR's "cip"),
        keeping the first letter, which OCR damages least."""
        variants: list[str] = []
        for syllable in dict.fromkeys(syllables):
            if len(syllable) < FUZZY_MIN_LENGTH or syllable.isdigit():
                continue
            matches = process.extract(
                syllable, self._vocabulary, scorer=Levenshtein.distance, score_cutoff=1, limit=None
            )
            close = [m for m, distance, _ in matches if distance == 1 and m[0] == syllable[0]]
            close.sort(key=lambda m: self._doc_freq.get(m, 0))  # rarest first: likeliest misreadings
            variants.extend(close[:FUZZY_LIMIT])
        return variants


def vocabulary(doc_freq: Counter[str]) -> list[str]:
    """The syllables typo and OCR variants are looked up in."""
    return sorted(t for t in doc_freq if len(t) >= FUZZY_MIN_LENGTH and not t.isdigit())


class KeywordIndex(TermStatistics):
    """In-memory BM25 indexes over a fixed list of chunks: one segment of the keyword index."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = list(chunks)
        self.position = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self._indexes: dict[str, bm25s.BM25] = {}
        self.doc_ids: list[str] = []
        contexts = [c.context_text() for c in self.chunks]
        # Term statistics count "KCN" and "khu công nghiệp" as one term (see fold_abbreviations).
        syllable_sets = [set(s) | set(fold_abbreviations(s)) for s in map(search_syllables, contexts)]
        self._doc_freq = Counter(term for terms in syllable_sets for term in terms)
        self._vocabulary = vocabulary(self._doc_freq)
        self._variants: dict[str, frozenset[str]] = {}
        document_terms: dict[str, set[str]] = {}
        for chunk, terms in zip(self.chunks, syllable_sets, strict=True):
            document_terms.setdefault(chunk.doc_id, set()).update(terms)
        self._document_terms = {doc_id: frozenset(terms) for doc_id, terms in document_terms.items()}
        if not self.chunks:
            return
        for name, tokenize in FIELDS.items():
            index = bm25s.BM25()
            index.index([tokenize(t) or [""] for t in contexts], show_progress=False)
            self._indexes[name] = index
        # Whole documents as BM25 units: tells which report a question is about
        # ("Khối ĐBSH" is named once in a report, not in every paragraph).
        self.doc_ids = sorted({c.doc_id for c in self.chunks})
        per_doc: dict[str, list[str]] = {d: [] for d in self.doc_ids}
        for chunk, text in zip(self.chunks, contexts, strict=True):
            per_doc[chunk.doc_id].extend(FIELDS["syllables"](chunk.text if per_doc[chunk.doc_id] else text))
        self._documents = bm25s.BM25()
        self._documents.index([per_doc[d] or [""] for d in self.doc_ids], show_progress=False)

    def __len__(self) -> int:
        return len(self.chunks)

    def document_scores(self, query: str) -> dict[str, float]:
        """BM25 score of each whole document for the query."""
        if not self.chunks:
            return {}
        scores = self._documents.get_scores(FIELDS["syllables"](query) or [""])
        return {doc_id: float(score) for doc_id, score in zip(self.doc_ids, scores, strict=True)}

    def chunk(self, chunk_id: str) -> Chunk | None:
        position = self.position.get(chunk_id)
        return None if position is None else self.chunks[position]

    def search(
        self, query: str, limit: int, syllable_variants: list[str] | None = None
    ) -> dict[str, list[tuple[str, float]]]:
        """Ranked (chunk_id, score) per field; chunks with score 0 are left out.
        ``syllable_variants``: the question's typo/OCR variants, when the caller found them."""
        if syllable_variants is None:
            syllable_variants = self.fuzzy_variants(search_syllables(query))
        ranked: dict[str, list[tuple[str, float]]] = {}
        for name, index in self._indexes.items():
            tokens = FIELDS[name](query)
            if name == "syllables":
                tokens = tokens + syllable_variants
            scores = index.get_scores(tokens) if tokens else np.zeros(len(self.chunks))
            top = np.argsort(-scores, kind="stable")[:limit]
            ranked[name] = [(self.chunks[i].chunk_id, float(scores[i])) for i in top if scores[i] > 0]
        return ranked
