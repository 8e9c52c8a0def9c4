"""Ingest files into the chunk store: parse, chunk, embed what is new, replace safely.

**Identity.** A document is identified by its *key*: its path relative to the folder named to
the ingest (``baocao ingest archive/`` keys ``archive/2031/bao_cao.txt`` as ``2031/bao_cao.txt``),
or its bare file name when the file itself is named or uploaded in the web app (an upload is a
folder of its own files). The key is also the name shown in citations and the library. Ingesting
a key again with other content replaces that document; two keys with the same bytes are one
document (ids are content hashes), reported as a duplicate. Documents stored before keys existed
carry their bare file name: a file of that key takes them over, otherwise a file of that name in
a sub-folder does (the one with the same content, else the first), so an old store migrates at
its next ingest without re-embedding anything.

**Crash safety.** Every change to the store is written to the ``Journal`` first and cleared
after it: new chunks are stored under a fresh *generation* before the old version leaves, and
``Ingestor.recover`` (run at the next start or ingest) finishes a change whose generation is
complete or rolls back one that is not, so a report is never listed twice, stale chunks never
answer, and no kept original outlives its chunks.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from langchain_core.embeddings import Embeddings

from ingest.chunking import chunk_document
from ingest.docframe import DocumentFrame, continued_frame, document_frame, table_frame
from ingest.loaders import IngestError, expand_paths, folder_files, is_supported, load_document
from ingest.models import Chunk, ParsedDocument
from ingest.normalize import BIDI_CONTROLS, looks_accentless, search_text
from ingest.ocr import LOW_CONFIDENCE, PageProgress, PageReader
from ingest.office import CONVERTED_SPREADSHEETS, SPREADSHEET_SUFFIXES
from ingest.originals import Originals
from ingest.page_series import first_pages
from vectorstore.chroma_store import GENERATION_FIELD, KEY_FIELD, ChunkStore, DocumentInfo

FileProgress = Callable[[str], None]  # called with each file's key before it is read
EmbedProgress = Callable[[int, int], None]  # (chunks embedded so far, chunks to embed) of the current file
KeyedFile = tuple[Path, str]  # a file and its document key
JOURNAL_VERSION = 1

log = logging.getLogger(__name__)


def embedding_text(chunk: Chunk, accentless: bool) -> str:
    """What the embedding model reads: OCR text that lost its accents is embedded in the
    search form (OCR confusions undone), which accent-less questions are embedded in too."""
    return search_text(chunk.context_text()) if accentless else chunk.context_text()


def keyed_files(paths: Sequence[Path]) -> list[KeyedFile]:
    """The files to ingest with their keys: the path relative to a named folder, or the bare
    file name of a named file (see the module docstring)."""
    files: list[KeyedFile] = []
    for path in paths:
        if path.is_dir():
            files.extend((file, _key(file.relative_to(path).as_posix())) for file in expand_paths([path]))
        else:
            files.append((path, _key(path.name)))
    return files


def _key(name: str) -> str:
    # A key is shown as the report's name: no bidi controls that would reorder it on screen.
    return BIDI_CONTROLS.sub("", name)


def skipped_files(paths: Sequence[Path]) -> list[IngestOutcome]:
    """A "skipped" outcome for each file inside the named folders that is not of a type baocao
    reads (hidden files aside): a folder's report names every file in it."""
    outcomes = []
    for folder in (p for p in paths if p.is_dir()):
        for file in (f for f in folder_files(folder) if not is_supported(f)):
            key = _key(file.relative_to(folder).as_posix())
            kind = file.suffix.lower() or "(không có đuôi)"
            message = f"{key}: bỏ qua, định dạng {kind} chưa được hỗ trợ / skipped, unsupported file type"
            outcomes.append(IngestOutcome(key, "skipped", message=message))
    return outcomes


def ocr_message(document: ParsedDocument) -> str:
    """What the user is told about a report read by OCR ("" if none was needed)."""
    if document.ocr_confidence is None:
        return ""
    low = [str(page) for page, confidence in document.ocr_pages if confidence < LOW_CONFIDENCE]
    hard = f"; trang khó đọc: {', '.join(low)}" if low else ""
    hard_en = f"; hard to read: pages {', '.join(low)}" if low else ""
    count = len(document.ocr_pages)
    return (
        f"đã nhận dạng chữ (OCR) {count} trang, độ tin cậy trung bình {document.ocr_confidence:.0f}%{hard} / "
        f"OCR of {count} page{'s' if count != 1 else ''}, mean word confidence {document.ocr_confidence:.0f}%{hard_en}"
    )


def converted_message(encoding: str) -> str:
    """What the user is told about a text file converted from a legacy encoding ("" if none)."""
    if not encoding:
        return ""
    return f"đã chuyển từ bảng mã {encoding} sang Unicode / converted from {encoding} to Unicode"


@dataclass(frozen=True)
class IngestOutcome:
    source: str  # the document's key (file name, or path within the ingested folder)
    status: str  # "added" | "replaced" | "unchanged" | "failed" | "skipped" (a folder's file of another type)
    chunks: int = 0
    embedded: int = 0  # how many chunks needed a new embedding
    message: str = ""
    doc_id: str = ""
    replaced_doc_id: str = ""  # the previous version's id, when a changed file replaced it
    embed_seconds: float = 0.0  # time spent in the embedding model (the rest is parsing and storing)
    removed_doc_ids: tuple[str, ...] = ()  # every document this file's ingest removed from the store


@dataclass(frozen=True)
class Recovered:
    """What ``Ingestor.recover`` changed: the side indexes must follow."""

    removed: tuple[str, ...] = ()  # documents no longer in the store
    stored: tuple[str, ...] = ()  # documents whose interrupted store was finished

    def __bool__(self) -> bool:
        return bool(self.removed or self.stored)


class Journal:
    """Changes to the store under way, so that one interrupted by a crash is finished or rolled
    back later (``Ingestor.recover``). A JSON file, written to a temporary file, fsynced and
    renamed over the old one at every change, and deleted when no change is under way::

        {"version": 1, "entries": [
          {"id": "…", "op": "store", "key": "2031/bao_cao.txt", "new": "<doc id>",
           "generation": "<hex>", "chunks": 12, "old": ["<doc id>", …], "path": "/…/bao_cao.txt"},
          {"id": "…", "op": "delete", "doc": "<doc id>"}]}

    ``store``: the chunks of ``new`` are written with metadata ``generation``, then the ``old``
    versions are deleted (chunks, then kept original); ``old`` may hold ``new`` itself (a
    re-index of the same file: its chunks of other generations go). ``delete``: a document's
    chunks, then its kept original. Only the holder of the writer lock (the keyword index's
    ``change``) reads or writes it; within that process, an entry whose change is still under
    way in another thread is *live* and left alone by ``recover``. ``path=None``: no file,
    nothing survives a crash."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: list[dict[str, Any]] = []
        self._lock = threading.Lock()  # an upload and a deletion may run in two threads
        self._live: set[str] = set()

    def pending(self) -> bool:
        """Whether a change was left unfinished (cheap: one ``stat``)."""
        return self.path is not None and self.path.exists()

    def entries(self) -> list[dict[str, Any]]:
        if self.path is None:
            return list(self._entries)
        if not self.path.exists():
            return []
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
            if saved.get("version") != JOURNAL_VERSION:
                raise ValueError(f"journal version {saved.get('version')}")
            return [dict(e) for e in saved["entries"]]
        except (ValueError, KeyError, TypeError) as error:  # torn or foreign: nothing to act on safely
            log.warning("ignoring unreadable journal %s (%s)", self.path, error)
            return []

    def begin(self, entry: dict[str, Any]) -> dict[str, Any]:
        entry = {"id": uuid.uuid4().hex, **entry}
        with self._lock:
            self._save([*self.entries(), entry])
            self._live.add(entry["id"])
        return entry

    def end(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self._save([e for e in self.entries() if e.get("id") != entry["id"]])
            self._live.discard(entry["id"])

    def abandon(self, entry: dict[str, Any]) -> None:
        """The change failed midway: its entry stays for ``recover``, no longer live."""
        with self._lock:
            self._live.discard(entry["id"])

    @contextmanager
    def entry(self, entry: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """``begin`` … ``end`` around a change; a change that raises is left for ``recover``."""
        begun = self.begin(entry)
        try:
            yield begun
        except BaseException:
            self.abandon(begun)
            raise
        self.end(begun)

    def unfinished(self) -> list[dict[str, Any]]:
        """Entries of changes that ended without finishing (a crash, an error)."""
        with self._lock:
            return [e for e in self.entries() if e.get("id") not in self._live]

    def _save(self, entries: list[dict[str, Any]]) -> None:
        self._entries = entries
        if self.path is None:
            return
        if not entries:
            self.path.unlink(missing_ok=True)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f"{self.path.name}.tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump({"version": JOURNAL_VERSION, "entries": entries}, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())  # the entry must be on disk before the store changes
        os.replace(temporary, self.path)


class _Catalog:
    """The stored documents by key, kept up to date through a batch."""

    def __init__(self, documents: list[DocumentInfo]) -> None:
        self._by_key: dict[str, list[DocumentInfo]] = {}
        self._key_of: dict[str, str] = {}
        for doc in documents:
            self._by_key.setdefault(doc.key, []).append(doc)
            self._key_of[doc.doc_id] = doc.key
        self.claims: dict[str, list[DocumentInfo]] = {}  # key -> documents stored before keys existed

    def versions(self, key: str) -> list[DocumentInfo]:
        return self._by_key.get(key) or self.claims.get(key, [])

    def key_of(self, doc_id: str) -> str | None:
        return self._key_of.get(doc_id)

    def keys(self) -> list[str]:
        return [key for key, docs in self._by_key.items() if docs]

    def legacy_by_name(self) -> dict[str, list[DocumentInfo]]:
        return {key: docs for key, docs in self._by_key.items() if docs and not any(d.keyed for d in docs)}

    def update(self, key: str, doc: DocumentInfo | None, removed: Sequence[str]) -> None:
        """``key`` now names ``doc`` (or nothing); the ``removed`` documents are gone."""
        for doc_id in [*removed, *([doc.doc_id] if doc else [])]:
            old_key = self._key_of.pop(doc_id, None)
            if old_key is not None:
                self._by_key[old_key] = [d for d in self._by_key[old_key] if d.doc_id != doc_id]
        self.claims.pop(key, None)
        self._by_key[key] = [doc] if doc else []
        if doc:
            self._key_of[doc.doc_id] = key


def _file_id(path: Path) -> str | None:
    """The document id a file would get (its content hash), or None if it cannot be read."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()[:16]
    except OSError:
        return None


class Ingestor:
    def __init__(
        self,
        store: ChunkStore,
        embeddings: Embeddings,
        embedding_id: str,
        max_bytes: int,
        originals: Originals | None = None,
        batch_size: int = 16,
        journal: Journal | None = None,
        ocr_cache: Path | None = None,
    ) -> None:
        """``ocr_cache``: a folder keeping the text of scanned pages read (see ``PageReader``)."""
        self._store = store
        self._embeddings = embeddings
        self._embedding_id = embedding_id
        self._max_bytes = max_bytes
        self._originals = originals
        self._batch_size = batch_size
        self.journal = journal or Journal(None)
        self._ocr_cache = ocr_cache

    def ingest(
        self,
        paths: list[Path],
        on_file: FileProgress | None = None,
        on_embedded: EmbedProgress | None = None,
        force: bool = False,
        on_stored: Callable[[IngestOutcome], None] | None = None,
        *,
        on_ocr_page: PageProgress | None = None,
    ) -> list[IngestOutcome]:
        """Ingest every file (folders are walked; see ``keyed_files`` for the keys)."""
        return self.ingest_files(keyed_files(paths), on_file, on_embedded, force, on_stored, on_ocr_page=on_ocr_page)

    def ingest_files(
        self,
        files: Sequence[KeyedFile],
        on_file: FileProgress | None = None,
        on_embedded: EmbedProgress | None = None,
        force: bool = False,
        on_stored: Callable[[IngestOutcome], None] | None = None,
        *,
        on_ocr_page: PageProgress | None = None,
    ) -> list[IngestOutcome]:
        """Ingest files under the given keys; a bad file is reported and the rest of the batch goes on.
        ``force`` re-parses and re-chunks unchanged files too (vectors of unchanged text are reused).
        ``on_stored`` hears of each file once the store holds it (side indexes follow it there);
        ``on_ocr_page`` of each scanned page read."""
        reader = PageReader(self._ocr_cache, on_ocr_page)
        outcomes = []
        catalog = _Catalog(self._store.documents())
        self._claim_legacy(files, catalog)
        # A photographed report's later pages after its first, whose frame they take.
        continuing = first_pages([key for _, key in files], catalog.keys())
        for path, key in sorted(files, key=lambda file: file[1] in continuing):
            if on_file:
                on_file(key)
            try:
                first_page = self._stored_frame(continuing[key], catalog) if key in continuing else None
                outcome = self._ingest_one(path, key, catalog, on_embedded, force, reader, first_page)
            except IngestError as error:  # named by its key: two "bao_cao.txt" may fail apart
                # A path that is not there is named as typed ("/no/such/bao_cao.pdf"): its key
                # alone does not show the typing mistake.
                shown = key if path.exists() else str(path)
                outcome = IngestOutcome(key, "failed", message=f"{shown}: {error.vietnamese} / {error.english}")
            if on_stored:
                on_stored(outcome)
            outcomes.append(outcome)
        return outcomes

    @staticmethod
    def _claim_legacy(files: Sequence[KeyedFile], catalog: _Catalog) -> None:
        """Give each document stored before keys existed (keyed by its bare file name) to the
        file of this batch it came from: the one of that key, else the one in a sub-folder with
        the same content, else the first of that name (which replaces it, as before keys)."""
        keys = {key for _, key in files}
        by_name: dict[str, list[KeyedFile]] = {}
        for path, key in files:
            by_name.setdefault(PurePosixPath(key).name, []).append((path, key))
        for name, docs in catalog.legacy_by_name().items():
            if name in keys:
                continue  # a file of exactly that key takes it over
            candidates = [(p, k) for p, k in by_name.get(name, []) if not catalog.versions(k)]
            if not candidates:
                continue
            ids = {d.doc_id for d in docs}
            chosen = next((k for p, k in candidates if _file_id(p) in ids), candidates[0][1])
            catalog.claims[chosen] = docs

    def _stored_frame(self, key: str, catalog: _Catalog) -> DocumentFrame | None:
        """The frame ``key``'s report was stored with (None when it is not stored)."""
        versions = catalog.versions(key)
        chunks = self._store.chunks_of(versions[-1].doc_id) if versions else []
        if not chunks:
            return None
        first = chunks[0]
        return DocumentFrame(first.title, first.doc_years, first.period, first.issuer, first.doc_places)

    def _keep_original(self, doc_id: str, path: Path) -> None:
        if self._originals is not None:
            self._originals.keep(doc_id, path)

    def _embed(self, texts: list[str], on_embedded: EmbedProgress | None) -> list[list[float]]:
        """Embed in batches so a long report reports progress as it goes."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch_size):
            vectors.extend(self._embeddings.embed_documents(texts[start : start + self._batch_size]))
            if on_embedded:
                on_embedded(len(vectors), len(texts))
        return vectors

    def _text_hash(self, context: str) -> str:
        return hashlib.sha1(f"{self._embedding_id}\n{context}".encode()).hexdigest()

    def _ingest_one(
        self,
        path: Path,
        key: str,
        catalog: _Catalog,
        on_embedded: EmbedProgress | None,
        force: bool,
        reader: PageReader,
        first_page: DocumentFrame | None = None,
    ) -> IngestOutcome:
        # The key is the name shown in citations: "2031/bao_cao.txt" tells two "bao_cao.txt" apart.
        document = replace(load_document(path, self._max_bytes, reader), source=key)
        versions = catalog.versions(key)
        current = next((v for v in versions if v.doc_id == document.doc_id), None)
        if not force and current is not None:
            if not current.keyed or current.key != key:
                self._store.set_key(current.doc_id, key)  # migration: stored before keys existed
            stale = self.delete([v.doc_id for v in versions if v is not current])  # an old crash's leftovers
            catalog.update(key, replace(current, key=key, keyed=True), stale)
            self._keep_original(document.doc_id, path)  # indexes made before originals were kept
            return IngestOutcome(key, "unchanged", current.chunks, doc_id=document.doc_id, removed_doc_ids=stale)
        elsewhere = catalog.key_of(document.doc_id)
        if current is None and elsewhere is not None:
            # The same bytes are indexed under another key: one document (ids are content
            # hashes). Whatever this key held before is outdated by this file.
            stale = self.delete([v.doc_id for v in versions])
            catalog.update(key, None, stale)
            return IngestOutcome(
                key,
                "unchanged",
                doc_id=document.doc_id,
                message=f"{key}: trùng nội dung với {elsewhere} / same content as {elsewhere}",
                removed_doc_ids=stale,
            )
        # A spreadsheet's rows name many boards: none of them issued it (``table_frame``).
        if f".{document.kind}" in (*SPREADSHEET_SUFFIXES, *CONVERTED_SPREADSHEETS):
            frame = table_frame(document.pages, document.source)
        else:  # a title the file declares (a web page's headline) before one read off its lines
            frame = document_frame(
                document.pages, document.source, document.title, document.running_lines, document.signature
            )
        if first_page is not None:  # a photographed page going on from its report's first
            frame = continued_frame(document.pages, first_page) or frame
        chunks = chunk_document(document.doc_id, document.source, document.pages, frame)
        if not chunks:
            raise IngestError(document.source, "không tách được đoạn văn nào", "no paragraphs found")
        accentless = looks_accentless(" ".join(p.text for p in document.pages))
        texts = [embedding_text(c, accentless) for c in chunks]
        hashes = [self._text_hash(t) for t in texts]
        known = self._store.known_vectors(hashes)
        missing = [i for i, h in enumerate(hashes) if h not in known]
        embedding_started = time.perf_counter()
        fresh = self._embed([texts[i] for i in missing], on_embedded)
        embed_seconds = time.perf_counter() - embedding_started
        vectors = dict(known)
        vectors.update({hashes[i]: v for i, v in zip(missing, fresh, strict=True)})
        generation = uuid.uuid4().hex[:12]
        doc_meta = {
            "kind": document.kind,
            "encoding": document.encoding,
            # -1: not read by OCR (Chroma metadata holds no None)
            "ocr_confidence": document.ocr_confidence if document.ocr_confidence is not None else -1.0,
            "content_hash": document.content_hash,
            "page_count": document.page_count or 0,
            "accentless": accentless,
            "indexed_at": datetime.now(UTC).isoformat(timespec="seconds"),
            KEY_FIELD: key,
            GENERATION_FIELD: generation,
        }
        old = [v.doc_id for v in versions]
        store = {
            "op": "store",
            "key": key,
            "new": document.doc_id,
            "generation": generation,
            "chunks": len(chunks),
            "old": old,
            "path": str(path.resolve()),
        }
        with self.journal.entry(store) as entry:
            # New chunks go in before old ones leave: a failure midway never empties the store,
            # and the journal entry lets the next start finish or roll back what was begun.
            self._store.add(chunks, [vectors[h] for h in hashes], doc_meta, hashes)
            self._keep_original(document.doc_id, path)
            removed = self._finish_store(entry)
        paragraphs = len({c.paragraph for c in chunks})
        info = DocumentInfo(
            document.doc_id, key, chunks[0].title, document.kind, document.page_count, paragraphs, len(chunks),
            str(doc_meta["indexed_at"]), document.content_hash, key=key, encoding=document.encoding,
            ocr_confidence=document.ocr_confidence,
        )  # fmt: skip
        catalog.update(key, info, removed)
        replaced = [d for d in old if d != document.doc_id]
        return IngestOutcome(
            key,
            "replaced" if old else "added",
            len(chunks),
            len(missing),
            doc_id=document.doc_id,
            replaced_doc_id=replaced[0] if replaced else "",
            embed_seconds=embed_seconds,
            removed_doc_ids=tuple(removed),
            message="; ".join(m for m in (converted_message(document.encoding), ocr_message(document)) if m),
        )

    def _finish_store(self, entry: dict[str, Any]) -> list[str]:
        """Once the new version is wholly stored: drop the old ones (chunks first, then the kept
        original: a crash in between is finished again from the journal). Idempotent."""
        new = entry["new"]
        removed = []
        for old in entry["old"]:
            if old == new:  # re-index of the same file: chunks no longer produced must not linger
                self._store.delete_chunks_except(new, set(self._store.generation_ids(new, entry["generation"])))
            else:
                self._store.delete_document(old)
                if self._originals is not None:
                    self._originals.remove(old)
                removed.append(old)
        return removed

    def delete(self, doc_ids: Sequence[str]) -> tuple[str, ...]:
        """Remove documents: chunks, then kept original, each under a journal entry."""
        for doc_id in doc_ids:
            with self.journal.entry({"op": "delete", "doc": doc_id}):
                self._store.delete_document(doc_id)
                self._remove_copies(doc_id)
        return tuple(doc_ids)

    def _remove_copies(self, doc_id: str) -> None:
        """The kept original and the text of its scanned pages: no copy outlives a deletion."""
        if self._originals is not None:
            self._originals.remove(doc_id)
        if self._ocr_cache is not None:
            shutil.rmtree(self._ocr_cache / doc_id, ignore_errors=True)

    def recover(self) -> Recovered:
        """Finish or roll back the changes a crash interrupted (call with the writer lock held).

        A store whose new generation is complete is finished (old versions deleted, the
        original kept if the file is still there); an incomplete one is rolled back (its
        chunks of that generation deleted). A deletion is done again."""
        removed: list[str] = []
        stored: list[str] = []
        for entry in self.journal.unfinished():
            if entry.get("op") == "delete":
                self._store.delete_document(entry["doc"])
                self._remove_copies(entry["doc"])
                removed.append(entry["doc"])
            elif entry.get("op") == "store":
                new, generation = entry["new"], entry["generation"]
                written = self._store.generation_ids(new, generation)
                if len(written) == entry["chunks"]:
                    path = Path(entry.get("path") or "")
                    if path.is_file() and _file_id(path) == new:
                        self._keep_original(new, path)
                    removed += self._finish_store(entry)
                    stored.append(new)
                    log.warning("finished the interrupted store of %s (%s)", entry["key"], new)
                else:
                    self._store.delete_generation(new, generation)
                    if new not in entry["old"] and not self._store.chunk_ids(new):
                        if self._originals is not None:
                            self._originals.remove(new)
                        removed.append(new)
                    log.warning("rolled back the interrupted store of %s (%s)", entry["key"], new)
            self.journal.end(entry)
        return Recovered(tuple(dict.fromkeys(removed)), tuple(stored))
