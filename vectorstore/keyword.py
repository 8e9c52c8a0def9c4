"""Keyword indexes (BM25 via ``bm25s``) over three views of each chunk, as one segment.

- ``syllables``: folded, OCR-canonical syllables and syllable bigrams. The workhorse:
  "duoc", "được" and OCR's "dugc" are one term.
- ``accented``: syllables with diacritics and their bigrams, so clean text still tells
  "đường" from "dương" when the question has the accents.
- ``chargrams``: character 4-grams of the search form, which survive the letter-level
  damage that the canonicalisation rules cannot undo ("Tudn" for "Tuấn").

A ``KeywordSegment`` holds chunk ids and postings only, never the chunks' text: the text
lives in Chroma. A segment can be saved to a folder and opened again memory-mapped, so an
archive's postings stay on disk and in the page cache instead of in the process. A saved
segment lists the SHA-256 of each of its files in ``segment.json`` (whose own digest the
caller keeps): a damaged file (a torn ``.npy`` header, flipped bytes in ``data.csc`` that
would silently change scores) is found when the segment is opened, not when it is searched.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

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
from vectorstore.query import chunk_terms, syllable_terms

Tokenizer = Callable[[str], list[str]]
FUZZY_MIN_LENGTH = 3  # shorter syllables have too many neighbours at one edit
FUZZY_LIMIT = 4  # variants added per question syllable
RARE_VARIANT_DF = 3  # a variant in more chunks than this (and than a quarter of the term's) is a word

FIELDS: dict[str, Tokenizer] = {
    "syllables": lambda text: with_bigrams(search_syllables(text)),
    "accented": lambda text: with_bigrams(accented_syllables(text)),
    "chargrams": lambda text: char_ngrams(search_syllables(text), 4),
}
SEGMENT_FILE = "segment.json"


class SegmentDamagedError(ValueError):
    """A saved segment's file is missing, unreadable or not the one that was saved."""


def file_digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _postings_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file of a saved segment but ``segment.json`` (relative POSIX paths)."""
    return {
        p.relative_to(folder).as_posix(): file_digest(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != SEGMENT_FILE
    }


def document_terms_of(chunks: Iterable[Chunk]) -> frozenset[str]:
    """Every search-form term of a document's chunks (headings and title included)."""
    terms: set[str] = set()
    for chunk in chunks:
        terms |= chunk_terms(chunk.context_text())
    return frozenset(terms)


class TermStatistics:
    """Corpus statistics of search-form syllables: what the answerer's scoring and the
    question's typo/OCR variants need. Subclasses fill ``_doc_freq`` and ``_vocabulary``."""

    _doc_freq: Counter[str]
    _vocabulary: list[str]
    _variants: dict[str, frozenset[str]]

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
            # All of them, not the rarest few the query takes: OCR misreads a common word the
            # same way again and again ("Khối" as "Khéi" in one report in six of its chunks).
            close = [v for v in self._neighbours(term) if self._doc_freq.get(v, 0) <= ceiling]
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

    def fuzzy_variants(self, syllables: list[str]) -> list[str]:
        """Indexed syllables one edit away from the question's ("cap" -> OCR's "cip"),
        keeping the first letter, which OCR damages least."""
        return [v for syllable in dict.fromkeys(syllables) for v in self._neighbours(syllable)[:FUZZY_LIMIT]]

    def _neighbours(self, syllable: str) -> list[str]:
        """Indexed syllables one edit away with the same first letter, the rarest (the
        likeliest misreadings) first."""
        if len(syllable) < FUZZY_MIN_LENGTH or syllable.isdigit():
            return []
        matches = process.extract(syllable, self._vocabulary, scorer=Levenshtein.distance, score_cutoff=1, limit=None)
        close = [m for m, distance, _ in matches if distance == 1 and m[0] == syllable[0]]
        return sorted(close, key=lambda m: self._doc_freq.get(m, 0))


def vocabulary(doc_freq: Counter[str]) -> list[str]:
    """The syllables typo and OCR variants are looked up in."""
    return sorted(t for t in doc_freq if len(t) >= FUZZY_MIN_LENGTH and not t.isdigit())


def _scores(index: bm25s.BM25, tokens: list[str], size: int) -> np.ndarray:
    """BM25 scores of the tokens the index knows. bm25s raises a ``ValueError`` for a query of
    unknown tokens only (its placeholder for empty token lists lies past the postings):
    "???" or an emoji must score nothing, not crash."""
    known = [i for i in index.get_tokens_ids(tokens) if i < len(index.scores["indptr"]) - 1]
    return index.get_scores_from_ids(known) if known else np.zeros(size)


def _bm25(token_lists: Iterable[list[str]]) -> bm25s.BM25:
    # One string object per distinct token: a segment's character 4-grams are millions of
    # occurrences of a few ten thousand strings, and separate copies were most of its memory.
    distinct: dict[str, str] = {}
    corpus = [[distinct.setdefault(t, t) for t in tokens] or [""] for tokens in token_lists]
    index = bm25s.BM25()
    index.index(corpus, show_progress=False)
    return index


class KeywordSegment:
    """BM25 indexes over a fixed list of chunks: one segment of the keyword index.

    Positions are the chunks' order; ``doc_of[i]`` is the position's document in
    ``doc_ids``, which lets a caller mask removed documents with a boolean array."""

    def __init__(
        self,
        chunk_ids: list[str],
        doc_ids: list[str],
        doc_of: np.ndarray,
        doc_freq: Counter[str],
        indexes: dict[str, bm25s.BM25],
        documents: bm25s.BM25 | None,
    ) -> None:
        self.chunk_ids = chunk_ids
        self.doc_ids = doc_ids
        self.doc_of = doc_of
        self.doc_freq = doc_freq
        self._indexes = indexes
        self._documents = documents
        self.doc_sizes = Counter(doc_ids[i] for i in doc_of.tolist())

    @classmethod
    def build(cls, chunks: Sequence[Chunk]) -> KeywordSegment:
        contexts = [c.context_text() for c in chunks]
        syllables = [search_syllables(text) for text in contexts]
        doc_freq = Counter(t for s in syllables for t in syllable_terms(s))
        doc_ids = sorted({c.doc_id for c in chunks})
        position = {d: i for i, d in enumerate(doc_ids)}
        doc_of = np.array([position[c.doc_id] for c in chunks], dtype=np.int32)
        if not chunks:
            return cls([], [], doc_of, doc_freq, {}, None)
        indexes = {
            "syllables": _bm25(with_bigrams(s) for s in syllables),
            "accented": _bm25(FIELDS["accented"](text) for text in contexts),
            "chargrams": _bm25(char_ngrams(s, 4) for s in syllables),
        }
        # Whole documents as BM25 units: tells which report a question is about
        # ("Khối ĐBSH" is named once in a report, not in every paragraph). A document's
        # first chunk brings its title and headings, the others their text.
        per_doc: dict[str, list[str]] = {d: [] for d in doc_ids}
        for chunk, context_syllables in zip(chunks, syllables, strict=True):
            tokens = per_doc[chunk.doc_id]
            tokens.extend(FIELDS["syllables"](chunk.text) if tokens else with_bigrams(context_syllables))
        documents = _bm25([per_doc[d] for d in doc_ids])
        return cls([c.chunk_id for c in chunks], doc_ids, doc_of, doc_freq, indexes, documents)

    def save(self, folder: Path) -> str:
        """Write the segment to a new folder; returns the digest ``load`` checks it against."""
        folder.mkdir(parents=True)
        for name, index in {**self._indexes, **({"document": self._documents} if self._documents else {})}.items():
            index.save(str(folder / name), show_progress=False)
        meta = {
            "chunk_ids": self.chunk_ids,
            "doc_ids": self.doc_ids,
            "doc_of": self.doc_of.tolist(),
            "doc_freq": dict(self.doc_freq),
            "files": _postings_digests(folder),
        }
        (folder / SEGMENT_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        return file_digest(folder / SEGMENT_FILE)

    @classmethod
    def load(cls, folder: Path, digest: str) -> KeywordSegment:
        """Open a saved segment; its postings are memory-mapped, not read into memory. Every
        file is checked against the digests taken when it was saved first (``SegmentDamagedError``)."""
        try:
            if file_digest(folder / SEGMENT_FILE) != digest:
                raise SegmentDamagedError(f"{folder / SEGMENT_FILE}: checksum mismatch")
            meta = json.loads((folder / SEGMENT_FILE).read_text(encoding="utf-8"))
            files: dict[str, str] = meta["files"]
            for name, expected in files.items():
                if file_digest(folder / name) != expected:
                    raise SegmentDamagedError(f"{folder / name}: checksum mismatch")
        except OSError as error:
            raise SegmentDamagedError(f"{folder}: {error}") from error

        def opened(name: str) -> bm25s.BM25:
            return bm25s.BM25.load(str(folder / name), mmap=True, show_progress=False)

        indexes = {name: opened(name) for name in FIELDS} if meta["chunk_ids"] else {}
        return cls(
            meta["chunk_ids"],
            meta["doc_ids"],
            np.array(meta["doc_of"], dtype=np.int32),
            Counter(meta["doc_freq"]),
            indexes,
            opened("document") if meta["chunk_ids"] else None,
        )

    def __len__(self) -> int:
        return len(self.chunk_ids)

    def live_positions(self, masked_docs: set[str]) -> np.ndarray | None:
        """Boolean array of the positions whose document is not masked (None: all live)."""
        hidden = [i for i, d in enumerate(self.doc_ids) if d in masked_docs]
        return None if not hidden else ~np.isin(self.doc_of, hidden)

    def positions_of(self, docs: frozenset[str]) -> np.ndarray:
        """Boolean array of the positions of these documents' chunks."""
        return np.isin(self.doc_of, [i for i, d in enumerate(self.doc_ids) if d in docs])

    def search(
        self, query: str, limit: int, syllable_variants: list[str], live: np.ndarray | None = None
    ) -> dict[str, list[tuple[str, float]]]:
        """Ranked (chunk_id, score) per field; chunks with score 0 (or not live) are left out.
        ``syllable_variants``: the question's typo/OCR variants, looked up by the caller."""
        ranked: dict[str, list[tuple[str, float]]] = {}
        for name, index in self._indexes.items():
            tokens = FIELDS[name](query)
            if name == "syllables":
                tokens = tokens + syllable_variants
            scores = _scores(index, tokens, len(self))
            if live is not None:
                scores = np.where(live, scores, 0.0)
            top = np.argsort(-scores, kind="stable")[:limit]
            ranked[name] = [(self.chunk_ids[i], float(scores[i])) for i in top if scores[i] > 0]
        return ranked

    def document_scores(self, query: str) -> dict[str, float]:
        """BM25 score of each whole document for the query."""
        if self._documents is None:
            return {}
        scores = _scores(self._documents, FIELDS["syllables"](query), len(self.doc_ids))
        return {doc_id: float(score) for doc_id, score in zip(self.doc_ids, scores, strict=True)}
