"""Ingest files into the chunk store: parse, chunk, embed what is new, replace safely."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from langchain_core.embeddings import Embeddings

from ingest.chunking import chunk_document
from ingest.loaders import IngestError, expand_paths, load_document
from ingest.models import Chunk
from ingest.normalize import looks_accentless, search_text
from ingest.originals import Originals
from vectorstore.chroma_store import ChunkStore

FileProgress = Callable[[str], None]  # called with each file name before it is read
EmbedProgress = Callable[[int, int], None]  # (chunks embedded so far, chunks to embed) of the current file


def embedding_text(chunk: Chunk, accentless: bool) -> str:
    """What the embedding model reads: OCR text that lost its accents is embedded in the
    search form (OCR confusions undone), which accent-less questions are embedded in too."""
    return search_text(chunk.context_text()) if accentless else chunk.context_text()


@dataclass(frozen=True)
class IngestOutcome:
    source: str
    status: str  # "added" | "replaced" | "unchanged" | "failed"
    chunks: int = 0
    embedded: int = 0  # how many chunks needed a new embedding
    message: str = ""
    doc_id: str = ""
    replaced_doc_id: str = ""  # the previous version's id, when a changed file replaced it
    embed_seconds: float = 0.0  # time spent in the embedding model (the rest is parsing and storing)


class Ingestor:
    def __init__(
        self,
        store: ChunkStore,
        embeddings: Embeddings,
        embedding_id: str,
        max_bytes: int,
        originals: Originals | None = None,
        batch_size: int = 16,
    ) -> None:
        self._store = store
        self._embeddings = embeddings
        self._embedding_id = embedding_id
        self._max_bytes = max_bytes
        self._originals = originals
        self._batch_size = batch_size

    def ingest(
        self,
        paths: list[Path],
        on_file: FileProgress | None = None,
        on_embedded: EmbedProgress | None = None,
        force: bool = False,
        on_stored: Callable[[IngestOutcome], None] | None = None,
    ) -> list[IngestOutcome]:
        """Ingest every file; a bad file is reported and the rest of the batch goes on.
        ``force`` re-parses and re-chunks unchanged files too (vectors of unchanged text are reused).
        ``on_stored`` hears of each file once the store holds it (side indexes follow it there)."""
        outcomes = []
        existing = {doc.source: doc for doc in self._store.documents()}
        for path in expand_paths(paths):
            if on_file:
                on_file(path.name)
            try:
                outcome = self._ingest_one(path, existing, on_embedded, force)
            except IngestError as error:
                outcome = IngestOutcome(path.name, "failed", message=str(error))
            if on_stored:
                on_stored(outcome)
            outcomes.append(outcome)
        return outcomes

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

    def _ingest_one(self, path: Path, existing: dict, on_embedded: EmbedProgress | None, force: bool) -> IngestOutcome:
        document = load_document(path, self._max_bytes)
        previous = existing.get(document.source)
        if not force and previous is not None and previous.content_hash == document.content_hash:
            self._keep_original(document.doc_id, path)  # indexes made before originals were kept
            return IngestOutcome(document.source, "unchanged", previous.chunks, doc_id=document.doc_id)
        chunks = chunk_document(document.doc_id, document.source, document.pages)
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
        doc_meta = {
            "kind": document.kind,
            "content_hash": document.content_hash,
            "page_count": document.page_count or 0,
            "accentless": accentless,
            "indexed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        # New chunks go in before old ones leave: a failure midway never empties the store.
        self._store.add(chunks, [vectors[h] for h in hashes], doc_meta, hashes)
        self._keep_original(document.doc_id, path)
        if previous is not None and previous.doc_id != document.doc_id:
            self._store.delete_document(previous.doc_id)
            if self._originals is not None:
                self._originals.remove(previous.doc_id)
        if previous is not None and previous.doc_id == document.doc_id:
            # Re-index of the same file: chunks no longer produced must not linger.
            self._store.delete_chunks_except(document.doc_id, {c.chunk_id for c in chunks})
        status = "replaced" if previous is not None else "added"
        return IngestOutcome(
            document.source,
            status,
            len(chunks),
            len(missing),
            doc_id=document.doc_id,
            replaced_doc_id=previous.doc_id if previous is not None and previous.doc_id != document.doc_id else "",
            embed_seconds=embed_seconds,
        )
