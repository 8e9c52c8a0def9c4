"""The keyword index as segments on disk, so an archive is neither rebuilt when a report is
added nor held in memory.

A *tail* segment takes new reports and is rebuilt on each change: that costs its own size,
at most ``TAIL_MAX_CHUNKS``. A full tail is frozen. Frozen segments below ``SEGMENT_MAX_CHUNKS``
are merged when more than ``MAX_SMALL_SEGMENTS`` pile up (a log-structured merge, as search
engines do), so the number of segments grows with the archive's size divided by
``SEGMENT_MAX_CHUNKS`` and a merge never costs more than that. A removed report is masked at
once and leaves its segment's postings at the next merge.

Segments hold postings and chunk ids, not text: the chunks live in Chroma (the ``ChunkSource``)
and are read from it only to rebuild the tail, merge, or list a document's terms. With a
folder, every segment is saved there and opened memory-mapped; ``manifest.json`` names the
live segments and their masks and is replaced atomically after each change, so a crash
leaves the previous index intact. A manifest marked *pending* (a change to the store began
but the index did not record its end) or one whose chunk count differs from the store's is
not trusted: the index is rebuilt from the store, report by report, a segment at a time.
Each manifest entry carries the digest of its segment's ``segment.json``, which carries the
digests of the segment's files: a damaged or unreadable segment is found when the index is
opened and the index is rebuilt from the store, with a logged warning. ``FORMAT_VERSION``
changes when the saved form does; an index of another version is rebuilt once.

Term statistics (document frequency, vocabulary: what IDF, typo and OCR variants need) are
kept for the whole archive, so the answerer sees the same numbers however the segments fall.
BM25 scores are computed per segment with the segment's own IDF and merged by score. A
segment of a few thousand chunks estimates IDF well, which is why the tail is not split
smaller: an archive below ``TAIL_MAX_CHUNKS`` is one segment and ranks exactly as one index.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import threading
import uuid
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

import numpy as np

from ingest.models import Chunk
from ingest.normalize import search_syllables
from vectorstore.keyword import KeywordSegment, TermStatistics, document_terms_of, vocabulary

TAIL_MAX_CHUNKS = 5_000
SEGMENT_MAX_CHUNKS = 20_000
MAX_SMALL_SEGMENTS = 6
DOCUMENT_TERMS_CACHE = 256  # documents whose term sets are kept (the answerer asks for ~8 a question)
MANIFEST = "manifest.json"
WRITER_LOCK = "writer.lock"
# 2: segment checksums; 3: glossary words XK, NK, XNK, SX, SXKD among the terms; 4: "16n" one
# token; 5: "ddi" typed in lower case is DDI; 6: "ii" typed in lower case is the numeral II;
# 7: "pl", "pr" keep their p in text without accents ("Pleiku")
FORMAT_VERSION = 7

log = logging.getLogger(__name__)


class IndexBusyError(RuntimeError):
    """Another process is writing to this store and its keyword index."""

    def __init__(self) -> None:
        super().__init__(
            "một tiến trình khác đang lập chỉ mục vào kho này (baocao ingest?); hãy thử lại khi xong / "
            "another process is indexing into this store (baocao ingest?); try again when it has finished"
        )


class ChunkSource(Protocol):
    """Where chunk text comes from (the Chroma store)."""

    def chunks_by_ids(self, chunk_ids: Sequence[str]) -> list[Chunk]: ...

    def chunks_of_documents(self, doc_ids: Sequence[str]) -> list[Chunk]: ...

    def document_sizes(self) -> dict[str, int]: ...


class ChunkList:
    """A ``ChunkSource`` over chunks in memory (tests, benchmarks of the index alone)."""

    def __init__(self, chunks: Iterable[Chunk] = ()) -> None:
        self._chunks: dict[str, Chunk] = {c.chunk_id: c for c in chunks}

    def add(self, chunks: Iterable[Chunk]) -> None:
        self._chunks.update({c.chunk_id: c for c in chunks})

    def chunks_by_ids(self, chunk_ids: Sequence[str]) -> list[Chunk]:
        return [self._chunks[cid] for cid in chunk_ids if cid in self._chunks]

    def chunks_of_documents(self, doc_ids: Sequence[str]) -> list[Chunk]:
        wanted = set(doc_ids)
        return [c for c in self._chunks.values() if c.doc_id in wanted]

    def document_sizes(self) -> dict[str, int]:
        return dict(Counter(c.doc_id for c in self._chunks.values()))


def document_batches(sizes: dict[str, int], limit: int) -> Iterator[list[str]]:
    """Document ids grouped so that each group has about ``limit`` chunks (whole documents)."""
    batch: list[str] = []
    total = 0
    for doc_id in sorted(sizes):
        if batch and total + sizes[doc_id] > limit:
            yield batch
            batch, total = [], 0
        batch.append(doc_id)
        total += sizes[doc_id]
    if batch:
        yield batch


@dataclass
class _Slot:
    """A segment as the index holds it: its folder name and the documents masked in it."""

    segment: KeywordSegment
    name: str
    masked: set[str] = field(default_factory=set)
    live: np.ndarray | None = None  # positions whose document is not masked; None = all
    digest: str = ""  # of the saved segment.json ("" in memory)

    def mask(self, doc_ids: set[str]) -> None:
        hit = doc_ids.intersection(self.segment.doc_ids)
        if hit:
            self.masked |= hit
            self.live = self.segment.live_positions(self.masked)

    def live_chunk_ids(self) -> list[str]:
        if self.live is None:
            return self.segment.chunk_ids
        return [cid for cid, keep in zip(self.segment.chunk_ids, self.live, strict=True) if keep]

    def live_docs(self) -> list[str]:
        return [d for d in self.segment.doc_ids if d not in self.masked]

    def live_chunks(self) -> int:
        return sum(size for d, size in self.segment.doc_sizes.items() if d not in self.masked)


class SegmentedKeywordIndex(TermStatistics):
    def __init__(
        self,
        source: ChunkSource,
        folder: Path | None = None,
        tail_max: int = TAIL_MAX_CHUNKS,
        segment_max: int = SEGMENT_MAX_CHUNKS,
        max_small: int = MAX_SMALL_SEGMENTS,
    ) -> None:
        """An empty index; ``open`` or ``rebuild`` fill it. ``folder=None`` keeps it in memory."""
        self._source = source
        self._folder = folder
        self._tail_max = tail_max
        self._segment_max = segment_max
        self._max_small = max_small
        self._frozen: list[_Slot] = []
        self._tail: _Slot | None = None  # never masked: rebuilt without the documents instead
        self._document_terms: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._lock = threading.RLock()
        self._manifest_stamp: int | None = None
        self._changes = 0  # writes to the store under way (see ``change``)
        self._interrupted = False  # a change ended in an error: not trusted until rebuilt
        self._read_only = False  # opened while another process was writing, or unwritable: never saves
        self._unwritable: OSError | None = None  # why the folder cannot be written, if it cannot
        self._writer_lock: IO[str] | None = None
        self._refresh_statistics()

    # --- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, source: ChunkSource, folder: Path, expected_chunks: int, **limits: int) -> SegmentedKeywordIndex:
        """The index saved in ``folder`` if it matches a store of ``expected_chunks``, else one
        rebuilt from ``source`` (and saved there)."""
        index = cls(source, folder, **limits)
        if index.other_writer():
            # Mid-ingest in another process: read what it last saved, write nothing, and
            # reopen once it has finished (``is_current`` turns false then).
            index._read_only = True
            for _ in range(3):  # the writer may replace segments between our reads: read again
                if index._load(trust_pending=True):
                    break
            else:  # nothing readable saved: answer from an index built in memory
                index.rebuild()
                index._manifest_stamp = index._stamp()
        elif not index._load() or len(index) != expected_chunks:
            try:
                index.rebuild()
            except OSError as error:  # read-only home, disk full: answer from memory, save nothing
                log.warning("cannot save the keyword index in %s (%s): keeping it in memory", folder, error)
                index._read_only, index._unwritable = True, error
                index.rebuild()
                index._manifest_stamp = index._stamp()
        return index

    def other_writer(self) -> bool:
        """Whether another process holds the writer lock of this folder right now."""
        if self._folder is None or self._writer_lock is not None:
            return False
        try:
            with open(self._folder / WRITER_LOCK, "a+") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released when the file closes
        except BlockingIOError:
            return True
        except OSError:
            return False
        return False

    def _load(self, trust_pending: bool = False) -> bool:
        assert self._folder is not None
        try:
            manifest = json.loads((self._folder / MANIFEST).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return False  # never saved: built from the store
        except (OSError, ValueError) as error:
            log.warning("keyword index %s: unreadable manifest (%s); rebuilding it from the store", self._folder, error)
            return False
        if not isinstance(manifest, dict) or manifest.get("version") != FORMAT_VERSION:
            log.info("keyword index %s: saved in another format; rebuilding it from the store", self._folder)
            return False
        if manifest.get("pending") and not trust_pending:
            return False
        try:
            slots = []
            for entry in manifest["segments"]:
                slot = _Slot(KeywordSegment.load(self._folder / entry["name"], entry["digest"]), entry["name"])
                slot.digest = entry["digest"]
                slot.mask(set(entry["masked"]))
                slots.append(slot)
        except Exception as error:  # whatever a damaged file makes a parser raise
            log.warning("keyword index %s is damaged (%s); rebuilding it from the store", self._folder, error)
            return False
        self._frozen = slots[:-1] if manifest["tail"] else slots
        self._tail = slots[-1] if manifest["tail"] else None
        self._refresh_statistics()
        self._manifest_stamp = self._stamp()
        return True

    def rebuild(self) -> None:
        """Build the whole index from the source, a segment of whole documents at a time."""
        with self._lock:
            self._frozen, self._tail = [], None
            for batch in document_batches(self._source.document_sizes(), self._segment_max):
                self._frozen.append(self._saved(self._source.chunks_of_documents(batch)))
            if self._frozen and len(self._frozen[-1].segment) <= self._tail_max:
                self._tail = self._frozen.pop()  # a small archive is one tail: ranks as one index
            self._commit()

    # --- changes ------------------------------------------------------------------------------

    @contextmanager
    def change(self) -> Iterator[None]:
        """Wrap writes to the store: the saved index is marked *pending* until they end, so a
        crash in between leads to a rebuild at the next start, not to a stale index."""
        with self._lock:
            if self._read_only and self._unwritable is None:
                raise IndexBusyError()
            if self._changes == 0:
                self._take_writer_lock()
            self._changes += 1
            try:
                if self._unwritable is not None:
                    self._save_held_index()
                self._write_manifest()
            except BaseException:
                self._end_change(quiet=True)  # nothing was written to the store yet
                raise
        try:
            yield
        except BaseException:
            self._interrupted = True  # the store may hold what this index missed: stay pending
            raise
        finally:
            with self._lock:
                self._end_change()

    def _save_held_index(self) -> None:
        """The folder could not be written when the index was opened (it was built in memory):
        save it now that a change begins, or raise the ``OSError`` that still prevents it."""
        self._read_only, self._unwritable = False, None
        try:
            self.rebuild()
        except OSError as error:
            self._read_only, self._unwritable = True, error
            raise

    def _end_change(self, quiet: bool = False) -> None:
        """Record the end of a change and release the writer lock, whatever the manifest write does."""
        self._changes -= 1
        try:
            if not quiet:
                self._write_manifest()
        except OSError as error:
            # Disk full or read-only: the manifest saved when the change began still says
            # "pending", so other processes (and the next start) rebuild; this process goes on
            # with the index it holds. Above all the lock must not stay held.
            log.warning("keyword index %s: could not record the end of a change (%s)", self._folder, error)
        finally:
            if self._changes == 0 and self._writer_lock is not None:
                self._writer_lock.close()  # releases the lock
                self._writer_lock = None

    def _take_writer_lock(self) -> None:
        """One process writes at a time: a second one is told so instead of both saving segments."""
        if self._folder is None:
            return
        self._folder.mkdir(parents=True, exist_ok=True)
        lock = open(self._folder / WRITER_LOCK, "a+")  # noqa: SIM115 - held until the change ends
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            raise IndexBusyError() from None
        self._writer_lock = lock

    @property
    def changing(self) -> bool:
        return self._changes > 0

    def add(self, chunks: Sequence[Chunk]) -> None:
        """Index one or more new reports (replacing any chunks of the same documents)."""
        doc_ids = {c.doc_id for c in chunks}
        with self._lock:
            self._mask(doc_ids)
            tail = self._tail_without(doc_ids) + list(chunks)
            if len(tail) > self._tail_max:
                self._frozen.append(self._saved(tail))
                tail = []
            self._tail = self._saved(tail) if tail else None
            self._merge_small()
            self._commit()

    def remove(self, doc_ids: Iterable[str]) -> None:
        """Drop documents: rebuilt out of the tail now, masked in frozen segments."""
        doc_ids = set(doc_ids)
        with self._lock:
            self._mask(doc_ids)
            if self._tail is not None and doc_ids.intersection(self._tail.segment.doc_ids):
                tail = self._tail_without(doc_ids)
                self._tail = self._saved(tail) if tail else None
            self._commit()

    def _tail_without(self, doc_ids: set[str]) -> list[Chunk]:
        if self._tail is None:
            return []
        tail = self._tail.segment
        doc_of = tail.doc_of.tolist()
        kept = [cid for cid, d in zip(tail.chunk_ids, doc_of, strict=True) if tail.doc_ids[d] not in doc_ids]
        return self._source.chunks_by_ids(kept)

    def _mask(self, doc_ids: set[str]) -> None:
        """Mask documents in the frozen segments (the tail is rebuilt by the caller)."""
        for doc_id in doc_ids:
            self._document_terms.pop(doc_id, None)
        for slot in self._frozen:
            slot.mask(doc_ids)

    def _merge_small(self) -> None:
        small = sorted((s for s in self._frozen if len(s.segment) < self._segment_max), key=lambda s: len(s.segment))
        if len(small) <= self._max_small:
            return
        chosen, total = [], 0
        for slot in small:  # smallest first, while the merged segment stays within bounds
            if len(chosen) >= 2 and total + len(slot.segment) > self._segment_max:
                break
            chosen.append(slot)
            total += len(slot.segment)
        merged = self._saved(self._source.chunks_by_ids([cid for s in chosen for cid in s.live_chunk_ids()]))
        self._frozen = [s for s in self._frozen if all(s is not c for c in chosen)] + [merged]

    # --- saving -----------------------------------------------------------------------------------

    def _saved(self, chunks: Sequence[Chunk]) -> _Slot:
        """Build a segment and write it to the folder (under a temporary name, then renamed)."""
        slot = _Slot(KeywordSegment.build(chunks), f"seg-{uuid.uuid4().hex[:12]}")  # unique across processes
        if self._folder is not None and not self._read_only:
            temporary = self._folder / f"{slot.name}.tmp"
            slot.digest = slot.segment.save(temporary)
            os.replace(temporary, self._folder / slot.name)
        return slot

    def _commit(self) -> None:
        self._refresh_statistics()
        self._write_manifest()
        self._remove_unused_folders()

    def _write_manifest(self) -> None:
        if self._folder is None or self._read_only:
            return
        manifest = {
            "version": FORMAT_VERSION,
            "pending": self._changes > 0 or self._interrupted,
            "segments": [
                {"name": s.name, "chunks": len(s.segment), "masked": sorted(s.masked), "digest": s.digest}
                for s in self._slots
            ],
            "tail": self._tail is not None,
            "live_chunks": len(self),
        }
        self._folder.mkdir(parents=True, exist_ok=True)
        temporary = self._folder / f"{MANIFEST}.tmp"
        temporary.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        os.replace(temporary, self._folder / MANIFEST)
        self._manifest_stamp = self._stamp()

    def _remove_unused_folders(self) -> None:
        if self._folder is None or self._read_only:
            return
        used = {s.name for s in self._slots}
        for entry in self._folder.iterdir():
            if entry.is_dir() and entry.name not in used:
                shutil.rmtree(entry, ignore_errors=True)

    def _stamp(self) -> int | None:
        try:
            return (self._folder / MANIFEST).stat().st_mtime_ns if self._folder else None
        except OSError:
            return None

    def is_current(self, store_chunks: int) -> bool:
        """Whether this index still describes the store: same number of chunks, and no other
        process has replaced the saved manifest since this one read or wrote it."""
        return not self._interrupted and len(self) == store_chunks and self._stamp() == self._manifest_stamp

    def _refresh_statistics(self) -> None:
        doc_freq: Counter[str] = Counter()
        # Masked chunks still count in document frequencies until their segment merges: an
        # approximation of IDF that the next merge corrects.
        for slot in self._slots:
            doc_freq.update(slot.segment.doc_freq)
        self._doc_freq = doc_freq
        self._vocabulary = vocabulary(doc_freq)
        self._variants = {}
        self._live_docs = {d for s in self._slots for d in s.live_docs()}
        self._size = sum(s.live_chunks() for s in self._slots)

    # --- reading ----------------------------------------------------------------------------

    @property
    def _slots(self) -> list[_Slot]:
        return [*self._frozen, self._tail] if self._tail is not None else list(self._frozen)

    @property
    def segments(self) -> list[KeywordSegment]:
        return [s.segment for s in self._slots]

    def __len__(self) -> int:
        return self._size

    def doc_ids(self) -> frozenset[str]:
        """The live documents (an id is its content's hash: the set names the library's contents)."""
        return frozenset(self._live_docs)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._live_docs

    def document_terms(self, doc_id: str) -> frozenset[str]:
        """Every search-form term of a live document, read from the store on first use."""
        if doc_id not in self._live_docs:
            return frozenset()
        with self._lock:
            if doc_id in self._document_terms:
                self._document_terms.move_to_end(doc_id)
                return self._document_terms[doc_id]
        terms = document_terms_of(self._source.chunks_of_documents([doc_id]))
        with self._lock:
            self._document_terms[doc_id] = terms
            while len(self._document_terms) > DOCUMENT_TERMS_CACHE:
                self._document_terms.popitem(last=False)
        return terms

    def search(self, query: str, limit: int, only: frozenset[str] | None = None) -> dict[str, list[tuple[str, float]]]:
        """Ranked (chunk_id, score) per field; ``only``: the chunks of these documents alone."""
        variants = self.fuzzy_variants(search_syllables(query))  # from the whole archive's vocabulary
        merged: dict[str, list[tuple[str, float]]] = {}
        for slot in self._slots:
            live = slot.live
            if only is not None:
                chosen = slot.segment.positions_of(only)
                live = chosen if live is None else live & chosen
            for field_name, ranked in slot.segment.search(query, limit, variants, live).items():
                merged.setdefault(field_name, []).extend(ranked)
        return {name: sorted(ranked, key=lambda pair: -pair[1])[:limit] for name, ranked in merged.items()}

    def document_scores(self, query: str, only: frozenset[str] | None = None) -> dict[str, float]:
        scores: dict[str, float] = {}
        for slot in self._slots:
            scores.update(
                {
                    d: v
                    for d, v in slot.segment.document_scores(query).items()
                    if d not in slot.masked and (only is None or d in only)
                }
            )
        return scores
