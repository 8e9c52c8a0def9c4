"""Chunks and their vectors in Chroma: the single source of truth of the index.

The collection is created without an embedding function, so Chroma can never fall back
to its default model (which would download weights): vectors always come from our
``Embeddings`` backend and are passed in explicitly.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError

from ingest.models import Chunk

log = logging.getLogger(__name__)

HEADING_SEPARATOR = " › "
READ_BATCH = 5_000  # rows per read: keeps each request (and a Chroma server's reply) bounded
READ: Any = ["documents", "metadatas"]
FILTER_WIDENING = 4  # nearest chunks fetched per chunk wanted when searching one kind of report
SQLITE_FILE = "chroma.sqlite3"
# Metadata of each chunk naming its document's identity (see ``DocumentInfo.key``) and the
# store attempt that wrote it (see ``ingest.pipeline.Journal``).
KEY_FIELD = "source_key"
GENERATION_FIELD = "generation"


def _reading_order(chunk: Chunk) -> tuple[str, str, int, str]:
    return (chunk.source, chunk.doc_id, chunk.paragraph, chunk.chunk_id)


@dataclass(frozen=True)
class DocumentInfo:
    doc_id: str
    source: str
    title: str
    kind: str
    pages: int | None
    paragraphs: int
    chunks: int
    indexed_at: str
    content_hash: str
    # The document's identity: its path relative to the folder it was ingested from
    # ("2031/bao_cao.txt"), or its file name when the file was named directly or uploaded.
    key: str = ""
    keyed: bool = True  # False: stored before identities had a key (``key`` is then the bare file name)
    encoding: str = ""  # a text file's original encoding when it was converted ("TCVN3 (ABC)")
    # From the document frame: the years it covers, its places ("province:hung yen",
    # "region:dbsh"), its period label and its issuer.
    years: tuple[int, ...] = ()
    places: tuple[str, ...] = ()
    period: str = ""
    issuer: str = ""
    ocr_confidence: float | None = None  # mean OCR word confidence (0-100) when the report was a scan


def _ocr_confidence(meta: dict[str, Any]) -> float | None:
    value = float(meta.get("ocr_confidence", -1.0) or 0.0)
    return value if value >= 0 else None


class StoreUnavailableError(RuntimeError):
    """The store cannot be opened, read or written: damaged, missing, read-only or unreachable.
    The message says, in Vietnamese and English, what happened and how to recover."""


def damaged_store_reason(path: Path) -> str | None:
    """Why the embedded store at ``path`` must not be opened, or None. Chroma treats a 0-byte
    (or missing) ``chroma.sqlite3`` as a new, empty store, and the app would then index the
    samples over it: a truncated file (full disk, interrupted copy) must be reported instead."""
    sqlite = path / SQLITE_FILE
    try:
        if sqlite.is_file() and sqlite.stat().st_size == 0:
            problem = ("tệp chroma.sqlite3 rỗng (0 byte)", "chroma.sqlite3 is empty (0 bytes)")
        elif not sqlite.exists() and path.is_dir() and any(p.is_dir() for p in path.iterdir()):
            problem = (
                "thiếu tệp chroma.sqlite3 nhưng còn dữ liệu vector",
                "chroma.sqlite3 is missing but vector data remains",
            )
        else:
            return None
    except OSError as error:
        return unavailable_message(path, error)
    vietnamese, english = problem
    return (
        f"Kho dữ liệu {path} bị hỏng: {vietnamese}, có thể do đầy đĩa hoặc bị ngắt khi đang ghi. Dữ liệu mẫu KHÔNG "
        f"được nạp đè lên. Cách khôi phục: chép lại thư mục {path} từ bản sao lưu; hoặc chuyển thư mục đó đi nơi khác "
        "rồi chạy `baocao ingest <thư mục báo cáo>` lại (bản gốc các báo cáo vẫn còn trong BAOCAO_HOME/originals). / "
        f"The store {path} is damaged: {english}, probably after a full disk or an interrupted write. The samples were "
        f"NOT indexed over it. To recover: restore {path} from a backup, or move that folder away and run "
        "`baocao ingest <reports folder>` again (copies of the reports are kept in BAOCAO_HOME/originals)."
    )


def unavailable_message(where: Path | str, error: BaseException) -> str:
    """A bilingual message for a store that cannot be opened, read or written."""
    return (
        f"Không mở hoặc ghi được kho dữ liệu {where} ({type(error).__name__}: {error}). Hãy kiểm tra thư mục "
        "BAOCAO_HOME: còn tồn tại, có quyền ghi, ổ đĩa còn chỗ trống (hoặc máy chủ Chroma BAOCAO_CHROMA_URL đang "
        f"chạy). / Cannot open or write the store {where} ({type(error).__name__}: {error}). Check BAOCAO_HOME: it "
        "must exist, be writable and have free disk space (or the Chroma server at BAOCAO_CHROMA_URL must be up)."
    )


def make_client(path: Path | None = None, url: str | None = None) -> chromadb.ClientAPI:
    """Embedded Chroma on disk, or a Chroma server at ``host:port``. Raises
    ``StoreUnavailableError`` for a damaged, unwritable or unreachable store."""
    settings = ChromaSettings(anonymized_telemetry=False)
    if url:
        host, _, port = url.replace("http://", "").rstrip("/").partition(":")
        try:
            return chromadb.HttpClient(host=host, port=int(port or 8000), settings=settings)
        except (ChromaError, OSError, ValueError) as error:
            raise StoreUnavailableError(unavailable_message(url, error)) from error
    if path is None:
        raise ValueError("either a path or a url is needed for the Chroma client")
    reason = damaged_store_reason(path)
    if reason:
        raise StoreUnavailableError(reason)
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=settings)
    except (ChromaError, OSError, ValueError) as error:
        raise StoreUnavailableError(unavailable_message(path, error)) from error


def _metadata(chunk: Chunk, extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "doc_id": chunk.doc_id,
        "source": chunk.source,
        "title": chunk.title,
        "headings": HEADING_SEPARATOR.join(chunk.headings),
        "page": chunk.page or 0,  # Chroma metadata cannot hold None; 0 = no pages
        "paragraph": chunk.paragraph,
        "doc_years": ",".join(str(y) for y in chunk.doc_years),
        "period": chunk.period,
        "issuer": chunk.issuer,
        "doc_places": ",".join(chunk.doc_places),
        **extra,
    }


def _stored(chunk_id: str, text: str, meta: dict[str, Any]) -> Chunk:
    headings = tuple(h for h in str(meta.get("headings", "")).split(HEADING_SEPARATOR) if h)
    return Chunk(
        chunk_id=chunk_id,
        doc_id=str(meta["doc_id"]),
        source=str(meta["source"]),
        title=str(meta.get("title", "")),
        headings=headings,
        text=text,
        page=int(meta.get("page") or 0) or None,
        paragraph=int(meta.get("paragraph", 0)),
        doc_years=tuple(int(y) for y in str(meta.get("doc_years", "")).split(",") if y.strip().isdigit()),
        period=str(meta.get("period", "")),
        issuer=str(meta.get("issuer", "")),
        doc_places=tuple(p for p in str(meta.get("doc_places", "")).split(",") if p),
    )


class StoreMismatchError(RuntimeError):
    """The store's vectors come from another embedding model than the configured one."""


# Chroma keeps every write, with the chunk's text, in its log (``embeddings_queue``) until the
# vector index is next saved, and purges the log only then: with its default (every 1,000
# writes) a deleted report's text stayed in the database file. Saving after every write call
# (2 is the least Chroma allows) lets it purge the log at once; measured here, a deleted
# report's text went from 9 copies in chroma.sqlite3 to none after ``compact`` (a VACUUM).
LOG_SYNC_THRESHOLD = 2


class ChunkStore:
    """Add, replace, list and search chunks of a Chroma collection. ``database``: the
    SQLite file of a local store, which ``compact`` rewrites without deleted text."""

    def __init__(
        self,
        client: chromadb.ClientAPI,
        collection: str = "baocao",
        embedding_model: str = "",
        database: Path | None = None,
    ) -> None:
        self._database = database
        try:
            self._collection = client.get_or_create_collection(
                name=collection,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine", "sync_threshold": LOG_SYNC_THRESHOLD}},
                metadata={"embedding_model": embedding_model} if embedding_model else None,
            )
            hnsw = (self._collection.configuration or {}).get("hnsw") or {}
            if int(hnsw.get("sync_threshold") or LOG_SYNC_THRESHOLD) > LOG_SYNC_THRESHOLD:  # a store made before
                self._collection.modify(configuration={"hnsw": {"sync_threshold": LOG_SYNC_THRESHOLD}})
        except (ChromaError, OSError) as error:  # e.g. a read-only or damaged database file
            raise StoreUnavailableError(unavailable_message(collection, error)) from error
        built_with = (self._collection.metadata or {}).get("embedding_model")
        if embedding_model and built_with and built_with != embedding_model:
            raise StoreMismatchError(
                f"the index {collection!r} was built with {built_with}, not {embedding_model}: "
                "set BAOCAO_EMBEDDING_BACKEND/BAOCAO_EMBEDDING_MODEL back, or use another BAOCAO_HOME "
                "or BAOCAO_COLLECTION and ingest the reports again"
            )

    def count(self) -> int:
        return self._collection.count()

    def holds_accentless(self, only: frozenset[str] | None = None) -> bool:
        """Whether any chunk (of the reports in ``only``) lost its accents: only then does a
        question typed with accents need its accent-folded embedding as well."""
        where: Any = {"accentless": True}
        if only is not None:
            where = {"$and": [where, {"doc_id": {"$in": sorted(only)}}]}
        return bool(self._collection.get(where=where, limit=1, include=[])["ids"])

    def add(
        self,
        chunks: Sequence[Chunk],
        vectors: Sequence[Sequence[float]],
        doc_meta: dict[str, Any],
        text_hashes: Sequence[str],
    ) -> None:
        if not chunks:
            return
        self._collection.upsert(
            ids=[c.chunk_id for c in chunks],
            documents=[c.text for c in chunks],
            embeddings=[list(v) for v in vectors],
            metadatas=[_metadata(c, {**doc_meta, "text_hash": h}) for c, h in zip(chunks, text_hashes, strict=True)],
        )

    def known_vectors(self, text_hashes: Iterable[str]) -> dict[str, list[float]]:
        """Vectors already stored for these text hashes: unchanged text is never re-embedded."""
        wanted = sorted(set(text_hashes))
        found: dict[str, list[float]] = {}
        for start in range(0, len(wanted), 500):
            result = self._collection.get(
                where={"text_hash": {"$in": wanted[start : start + 500]}}, include=["embeddings", "metadatas"]
            )
            for meta, vector in zip(
                result["metadatas"] or [],
                result["embeddings"] if result["embeddings"] is not None else [],
                strict=False,
            ):
                found[str(meta["text_hash"])] = [float(x) for x in vector]
        return found

    def delete_document(self, doc_id: str) -> None:
        self._collection.delete(where={"doc_id": doc_id})

    def export_document(self, doc_id: str) -> dict[str, Any]:
        """A document's rows as stored (ids, texts, metadata, vectors): what ``import_rows``
        puts back without embedding anything again."""
        result = self._collection.get(where={"doc_id": doc_id}, include=["documents", "metadatas", "embeddings"])
        vectors = result["embeddings"] if result["embeddings"] is not None else []
        return {
            "ids": list(result["ids"]),
            "documents": list(result["documents"] or []),
            "metadatas": [dict(m) for m in result["metadatas"] or []],
            "embeddings": [[float(x) for x in v] for v in vectors],
        }

    def import_rows(self, rows: dict[str, Any]) -> None:
        if rows["ids"]:
            self._collection.upsert(
                ids=rows["ids"], documents=rows["documents"], metadatas=rows["metadatas"], embeddings=rows["embeddings"]
            )

    def compact(self) -> None:
        """Rewrite a local store's database file so that deleted text is gone from it, not
        only unreachable (SQLite keeps freed pages). A server store (``chroma run``) is the
        server's to compact. A failure is logged: the deletion itself has happened."""
        if self._database is None or not self._database.is_file():
            return
        try:
            connection = sqlite3.connect(self._database, timeout=30, isolation_level=None)
            try:
                connection.execute("VACUUM")
            finally:
                connection.close()
        except sqlite3.Error as error:
            log.warning("could not compact %s: %s", self._database, error)

    def chunk_ids(self, doc_id: str) -> list[str]:
        return list(self._collection.get(where={"doc_id": doc_id}, include=[])["ids"])

    def generation_ids(self, doc_id: str, generation: str) -> list[str]:
        """Ids of a document's chunks written by one store attempt (see ``add``'s ``generation`` metadata)."""
        where: Any = {"$and": [{"doc_id": doc_id}, {GENERATION_FIELD: generation}]}
        return list(self._collection.get(where=where, include=[])["ids"])

    def delete_generation(self, doc_id: str, generation: str) -> None:
        """Drop the chunks one interrupted store attempt wrote (a roll-back)."""
        self._collection.delete(where={"$and": [{"doc_id": doc_id}, {GENERATION_FIELD: generation}]})

    def set_key(self, doc_id: str, key: str) -> None:
        """Give a document stored before identities had keys its key (migration; metadata only)."""
        ids = self.chunk_ids(doc_id)
        if ids:  # Chroma merges updated metadata into the stored one
            self._collection.update(ids=ids, metadatas=[{"source": key, KEY_FIELD: key} for _ in ids])

    def delete_chunks_except(self, doc_id: str, keep: set[str]) -> None:
        """Drop a document's chunks that a re-index no longer produced."""
        stale = [cid for cid in self._collection.get(where={"doc_id": doc_id}, include=[])["ids"] if cid not in keep]
        if stale:
            self._collection.delete(ids=stale)

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        """A document's chunks in reading order (empty for an unknown id)."""
        return self.chunks_of_documents([doc_id])

    def documents(self) -> list[DocumentInfo]:
        """One entry per indexed document, derived from its chunks' metadata."""
        grouped: dict[str, list[dict[str, Any]]] = {}
        for meta in self._metadata_pages():
            grouped.setdefault(str(meta["doc_id"]), []).append(meta)
        infos = []
        for doc_id, metas in grouped.items():
            first = metas[0]
            keyed = next((m for m in metas if KEY_FIELD in m), None)  # None: stored before keys existed
            infos.append(
                DocumentInfo(
                    doc_id=doc_id,
                    source=str(first["source"]),
                    title=str(first.get("title", "")),
                    kind=str(first.get("kind", "")),
                    pages=int(first.get("page_count") or 0) or None,
                    paragraphs=len({m["paragraph"] for m in metas}),
                    chunks=len(metas),
                    indexed_at=str(first.get("indexed_at", "")),
                    content_hash=str(first.get("content_hash", "")),
                    key=str(keyed[KEY_FIELD] if keyed else first["source"]),
                    keyed=keyed is not None,
                    encoding=str(first.get("encoding", "")),
                    years=tuple(int(y) for y in str(first.get("doc_years", "")).split(",") if y.strip().isdigit()),
                    places=tuple(p for p in str(first.get("doc_places", "")).split(",") if p),
                    period=str(first.get("period", "")),
                    issuer=str(first.get("issuer", "")),
                    ocr_confidence=_ocr_confidence(first),
                )
            )
        return sorted(infos, key=lambda d: d.source)

    def all_chunks(self) -> list[Chunk]:
        return self._chunks(self._collection.get(include=["documents", "metadatas"]))

    def chunks_by_ids(self, chunk_ids: Sequence[str]) -> list[Chunk]:
        """The stored chunks among these ids, in the order asked."""
        found: dict[str, Chunk] = {}
        for start in range(0, len(chunk_ids), READ_BATCH):
            result = self._collection.get(ids=list(chunk_ids[start : start + READ_BATCH]), include=READ)
            found.update({c.chunk_id: c for c in self._chunks(result)})
        return [found[cid] for cid in chunk_ids if cid in found]

    def chunks_of_documents(self, doc_ids: Sequence[str]) -> list[Chunk]:
        """The chunks of several documents, in reading order."""
        chunks: list[Chunk] = []
        for start in range(0, len(doc_ids), READ_BATCH):
            where = {"doc_id": {"$in": list(doc_ids[start : start + READ_BATCH])}}
            chunks += self._chunks(self._collection.get(where=where, include=READ))
        return sorted(chunks, key=_reading_order)

    def document_sizes(self) -> dict[str, int]:
        """Chunks per document."""
        sizes: dict[str, int] = {}
        for meta in self._metadata_pages():
            sizes[str(meta["doc_id"])] = sizes.get(str(meta["doc_id"]), 0) + 1
        return sizes

    def _metadata_pages(self) -> Iterator[dict[str, Any]]:
        """Every chunk's metadata, read a page at a time (an archive's worth is not one reply)."""
        for offset in range(0, self.count(), READ_BATCH):
            result = self._collection.get(include=["metadatas"], limit=READ_BATCH, offset=offset)
            yield from (dict(meta) for meta in result["metadatas"] or [])

    @staticmethod
    def _chunks(result: Any) -> list[Chunk]:
        chunks = [
            _stored(cid, text or "", dict(meta))
            for cid, text, meta in zip(result["ids"], result["documents"] or [], result["metadatas"] or [], strict=True)
        ]
        return sorted(chunks, key=_reading_order)

    def search(
        self,
        vector: Sequence[float],
        limit: int,
        accentless: bool | None = None,
        only: frozenset[str] | None = None,
    ) -> list[tuple[str, float]]:
        """(chunk_id, cosine similarity) of the nearest chunks; ``accentless``: only chunks of
        reports that lost (True) or kept (False) their accents; ``only``: chunks of these
        documents alone (a question restricted to some reports: filtered by Chroma, slower but
        exact however few chunks they hold).

        That filter is applied to a wider unfiltered result, not passed to Chroma as ``where``:
        a filtered query took 190-290 ms at 100k chunks against 8 ms for this. Each query form
        lands among chunks of its own kind anyway (measured: the 160 nearest were all of it)."""
        total = self.count()
        if total == 0:
            return []
        wanted = limit if accentless is None else limit * FILTER_WIDENING
        include: Any = ["distances"] if accentless is None else ["distances", "metadatas"]
        where: Any = {"doc_id": {"$in": sorted(only)}} if only is not None else None
        result = self._collection.query(
            query_embeddings=[list(vector)], n_results=min(wanted, total), include=include, where=where
        )
        ids = result["ids"][0]
        distances = (result["distances"] or [[]])[0]
        metadatas = (result.get("metadatas") or [[{}] * len(ids)])[0]
        return [
            (cid, 1.0 - float(d))
            for cid, d, meta in zip(ids, distances, metadatas, strict=True)
            if accentless is None or (meta or {}).get("accentless") == accentless
        ][:limit]
