"""Chunks and their vectors in Chroma: the single source of truth of the index.

The collection is created without an embedding function, so Chroma can never fall back
to its default model (which would download weights): vectors always come from our
``Embeddings`` backend and are passed in explicitly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings

from ingest.models import Chunk

HEADING_SEPARATOR = " › "
READ_BATCH = 5_000  # rows per read: keeps each request (and a Chroma server's reply) bounded
READ: Any = ["documents", "metadatas"]
FILTER_WIDENING = 4  # nearest chunks fetched per chunk wanted when searching one kind of report


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


def make_client(path: Path | None = None, url: str | None = None) -> chromadb.ClientAPI:
    """Embedded Chroma on disk, or a Chroma server at ``host:port``."""
    settings = ChromaSettings(anonymized_telemetry=False)
    if url:
        host, _, port = url.replace("http://", "").rstrip("/").partition(":")
        return chromadb.HttpClient(host=host, port=int(port or 8000), settings=settings)
    if path is None:
        raise ValueError("either a path or a url is needed for the Chroma client")
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def _metadata(chunk: Chunk, extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "doc_id": chunk.doc_id,
        "source": chunk.source,
        "title": chunk.title,
        "headings": HEADING_SEPARATOR.join(chunk.headings),
        "page": chunk.page or 0,  # Chroma metadata cannot hold None; 0 = no pages
        "paragraph": chunk.paragraph,
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
    )


class StoreMismatchError(RuntimeError):
    """The store's vectors come from another embedding model than the configured one."""


class ChunkStore:
    """Add, replace, list and search chunks of a Chroma collection."""

    def __init__(self, client: chromadb.ClientAPI, collection: str = "baocao", embedding_model: str = "") -> None:
        self._collection = client.get_or_create_collection(
            name=collection,
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedding_model": embedding_model} if embedding_model else None,
        )
        built_with = (self._collection.metadata or {}).get("embedding_model")
        if embedding_model and built_with and built_with != embedding_model:
            raise StoreMismatchError(
                f"the index {collection!r} was built with {built_with}, not {embedding_model}: "
                "set BAOCAO_EMBEDDING_BACKEND/BAOCAO_EMBEDDING_MODEL back, or use another BAOCAO_HOME "
                "or BAOCAO_COLLECTION and ingest the reports again"
            )

    def count(self) -> int:
        return self._collection.count()

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

    def search(self, vector: Sequence[float], limit: int, accentless: bool | None = None) -> list[tuple[str, float]]:
        """(chunk_id, cosine similarity) of the nearest chunks; ``accentless``: only chunks of
        reports that lost (True) or kept (False) their accents.

        That filter is applied to a wider unfiltered result, not passed to Chroma as ``where``:
        a filtered query took 190-290 ms at 100k chunks against 8 ms for this. Each query form
        lands among chunks of its own kind anyway (measured: the 160 nearest were all of it)."""
        total = self.count()
        if total == 0:
            return []
        wanted = limit if accentless is None else limit * FILTER_WIDENING
        include: Any = ["distances"] if accentless is None else ["distances", "metadatas"]
        result = self._collection.query(query_embeddings=[list(vector)], n_results=min(wanted, total), include=include)
        ids = result["ids"][0]
        distances = (result["distances"] or [[]])[0]
        metadatas = (result.get("metadatas") or [[{}] * len(ids)])[0]
        return [
            (cid, 1.0 - float(d))
            for cid, d, meta in zip(ids, distances, metadatas, strict=True)
            if accentless is None or (meta or {}).get("accentless") == accentless
        ][:limit]
