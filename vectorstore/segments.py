"""The keyword index as segments, so adding a report does not rebuild the archive.

A *tail* segment takes new reports and is rebuilt on each change: that costs its own size,
at most ``TAIL_MAX_CHUNKS``. A full tail is frozen, and frozen segments are merged when
more than ``MAX_FROZEN`` pile up (a log-structured merge, as search engines do). A removed
report is masked at once and leaves its segment's postings at the next merge. Term
statistics (document frequency, vocabulary: what IDF, typo and OCR variants need) are kept
for the whole archive, so the answerer sees the same numbers however the segments fall.

BM25 scores are computed per segment with the segment's own IDF and merged by score. A
segment of a few thousand chunks estimates IDF well, which is why the tail is not split
smaller: an archive below ``TAIL_MAX_CHUNKS`` is one segment and ranks exactly as one index.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Sequence

from ingest.models import Chunk
from ingest.normalize import search_syllables
from vectorstore.keyword import KeywordIndex, TermStatistics, vocabulary

TAIL_MAX_CHUNKS = 5_000
MAX_FROZEN = 8


class SegmentedKeywordIndex(TermStatistics):
    def __init__(
        self, chunks: Sequence[Chunk] = (), tail_max: int = TAIL_MAX_CHUNKS, max_frozen: int = MAX_FROZEN
    ) -> None:
        self._tail_max = tail_max
        self._max_frozen = max_frozen
        self._frozen: list[KeywordIndex] = []
        self._tail = KeywordIndex([])
        self._masks: dict[int, set[str]] = {}  # frozen segment (by id) -> doc ids masked in it until a merge
        self._masked: dict[int, int] = {}  # frozen segment (by id) -> how many of its chunks are masked
        self._lock = threading.Lock()
        if chunks:
            self._frozen = [KeywordIndex(chunks)] if len(chunks) > tail_max else []
            self._tail = KeywordIndex([]) if self._frozen else KeywordIndex(chunks)
        self._refresh_statistics()

    # --- changes --------------------------------------------------------------------------

    def add(self, chunks: Sequence[Chunk]) -> None:
        """Index one or more new reports (replacing any chunks of the same documents)."""
        doc_ids = {c.doc_id for c in chunks}
        with self._lock:
            self._mask(doc_ids)
            tail = [c for c in self._tail.chunks if c.doc_id not in doc_ids] + list(chunks)
            if len(tail) > self._tail_max:
                self._frozen.append(KeywordIndex(tail))
                tail = []
            self._tail = KeywordIndex(tail)
            if len(self._frozen) > self._max_frozen:
                self._merge_frozen()
            self._refresh_statistics()

    def remove(self, doc_ids: Iterable[str]) -> None:
        with self._lock:
            self._mask(set(doc_ids))
            self._refresh_statistics()

    def _mask(self, doc_ids: set[str]) -> None:
        """Drop documents: rebuilt out of the tail now, masked in frozen segments."""
        if any(c.doc_id in doc_ids for c in self._tail.chunks):
            self._tail = KeywordIndex([c for c in self._tail.chunks if c.doc_id not in doc_ids])
        for segment in self._frozen:
            hit = doc_ids.intersection(segment.doc_ids)
            if hit:
                self._masks.setdefault(id(segment), set()).update(hit)
                self._masked[id(segment)] = len(segment) - len(self._live(segment))

    def _live(self, segment: KeywordIndex) -> list[Chunk]:
        mask = self._masks.get(id(segment), set())
        return [c for c in segment.chunks if c.doc_id not in mask]

    def _merge_frozen(self) -> None:
        smallest = sorted(self._frozen, key=len)[: len(self._frozen) // 2 + 1]
        merged = KeywordIndex([c for segment in smallest for c in self._live(segment)])
        for segment in smallest:
            self._masks.pop(id(segment), None)
            self._masked.pop(id(segment), None)
        self._frozen = [s for s in self._frozen if s not in smallest] + [merged]

    def _refresh_statistics(self) -> None:
        doc_freq: Counter[str] = Counter()
        document_terms: dict[str, frozenset[str]] = {}
        # Masked chunks still count in document frequencies until their segment merges: an
        # approximation of IDF that the next merge corrects.
        for segment in self.segments:
            doc_freq.update(segment._doc_freq)
            mask = self._masks.get(id(segment), set())
            document_terms.update({d: t for d, t in segment._document_terms.items() if d not in mask})
        self._doc_freq = doc_freq
        self._vocabulary = vocabulary(doc_freq)
        self._document_terms = document_terms
        self._variants = {}
        self._size = sum(len(self._live(s)) for s in self.segments)

    # --- reading ----------------------------------------------------------------------------

    @property
    def segments(self) -> list[KeywordIndex]:
        return [*self._frozen, self._tail] if len(self._tail) else list(self._frozen)

    def __len__(self) -> int:
        return self._size

    def chunk(self, chunk_id: str) -> Chunk | None:
        for segment in self.segments:
            found = segment.chunk(chunk_id)
            if found is not None and found.doc_id not in self._masks.get(id(segment), set()):
                return found
        return None

    def search(self, query: str, limit: int) -> dict[str, list[tuple[str, float]]]:
        variants = self.fuzzy_variants(search_syllables(query))  # from the whole archive's vocabulary
        merged: dict[str, list[tuple[str, float]]] = {}
        for segment in self.segments:
            mask = self._masks.get(id(segment), set())
            # Ask for as many more as are masked, so masked chunks never crowd out live ones.
            for field, ranked in segment.search(query, limit + self._masked.get(id(segment), 0), variants).items():
                live = [(cid, score) for cid, score in ranked if cid.split("-p")[0] not in mask]
                merged.setdefault(field, []).extend(live)
        return {field: sorted(ranked, key=lambda pair: -pair[1])[:limit] for field, ranked in merged.items()}

    def document_scores(self, query: str) -> dict[str, float]:
        scores: dict[str, float] = {}
        for segment in self.segments:
            mask = self._masks.get(id(segment), set())
            scores.update({d: score for d, score in segment.document_scores(query).items() if d not in mask})
        return scores
