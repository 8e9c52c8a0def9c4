"""Composition root: builds store, embeddings, retriever and chain from the settings."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from app.answering.models import Answer
from app.chain import build_chain
from app.settings import Settings
from ingest.pipeline import Ingestor, IngestOutcome
from vectorstore.chroma_store import ChunkStore, DocumentInfo, make_client
from vectorstore.embeddings import make_embeddings
from vectorstore.keyword import KeywordIndex
from vectorstore.retriever import HybridRetriever


class Baocao:
    """What the CLI and the web app use: ingest, list, ask."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.embeddings = make_embeddings(
            settings.embedding_backend,
            model=settings.embedding_model,
            batch_size=settings.embedding_batch_size,
            query_prefix=settings.embedding_query_prefix,
            passage_prefix=settings.embedding_passage_prefix,
        )
        client = make_client(path=settings.chroma_path, url=settings.chroma_url or None)
        model_id = getattr(self.embeddings, "model_id", settings.embedding_backend)
        self.store = ChunkStore(client, settings.collection, embedding_model=model_id)
        self.ingestor = Ingestor(self.store, self.embeddings, model_id, settings.max_upload_bytes)
        self._index: KeywordIndex | None = None
        self._lock = threading.Lock()
        self.retriever = HybridRetriever(
            store=self.store,
            embeddings=self.embeddings,
            keyword_index=self.keyword_index,
            k=settings.top_k,
            candidates=settings.candidates,
        )
        self.chain = build_chain(self.retriever, self.keyword_index)

    def keyword_index(self) -> KeywordIndex:
        """The keyword index of the current store, rebuilt when the store has changed."""
        with self._lock:
            if self._index is None or len(self._index) != self.store.count():
                self._index = KeywordIndex(self.store.all_chunks())
            return self._index

    def _invalidate(self) -> None:
        with self._lock:
            self._index = None

    def ingest(self, paths: list[Path], on_file: Callable[[str], None] | None = None) -> list[IngestOutcome]:
        outcomes = self.ingestor.ingest(paths, on_file)
        self._invalidate()
        return outcomes

    def ensure_samples(self) -> list[IngestOutcome]:
        """Index the bundled sample reports when the store is empty (first start)."""
        if self.store.count() > 0 or not self.settings.samples_dir.exists():
            return []
        return self.ingest([self.settings.samples_dir])

    def documents(self) -> list[DocumentInfo]:
        return self.store.documents()

    def delete(self, doc_id: str) -> None:
        self.store.delete_document(doc_id)
        self._invalidate()

    def ask(self, question: str) -> Answer:
        started = time.perf_counter()
        answer: Answer = self.chain.invoke(question)
        return answer.with_latency((time.perf_counter() - started) * 1000)
