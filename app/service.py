"""Composition root: builds store, embeddings, retriever and chain from the settings."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from langchain_core.embeddings import Embeddings

from app.answering.events import ChatEvent, Final, Status
from app.answering.followup import standalone_question
from app.answering.generative import GenerationLimits, GenerativeAnswerer
from app.answering.models import Answer
from app.chain import Answerer, ExtractiveAnswerer, build_chain, final_answer
from app.llm import backend_for, explain_llm_error, make_chat_model
from app.prompts import answer_prompt, extractive_phrasing
from app.settings import Settings
from ingest.loaders import expand_paths
from ingest.models import Chunk
from ingest.originals import Originals
from ingest.pipeline import EmbedProgress, FileProgress, Ingestor, IngestOutcome
from vectorstore.chroma_store import ChunkStore, DocumentInfo, make_client
from vectorstore.embeddings import make_embeddings
from vectorstore.retriever import HybridRetriever
from vectorstore.segments import IndexBusyError, SegmentedKeywordIndex

INDEX_UPDATE_CHUNKS = 2_000
__all__ = ["Baocao", "DocumentNotFoundError", "IndexBusyError"]


class DocumentNotFoundError(LookupError):
    pass


class Baocao:
    """What the CLI and the web app use: ingest, list, read, remove, ask."""

    def __init__(self, settings: Settings, embeddings: Embeddings | None = None) -> None:
        """``embeddings``: the model the settings name, unless one is passed in."""
        self.settings = settings
        self.embeddings = embeddings or make_embeddings(
            settings.embedding_backend,
            model=settings.embedding_model,
            batch_size=settings.embedding_batch_size,
            query_prefix=settings.embedding_query_prefix,
            passage_prefix=settings.embedding_passage_prefix,
        )
        client = make_client(path=settings.chroma_path, url=settings.chroma_url or None)
        model_id = getattr(self.embeddings, "model_id", settings.embedding_backend)
        self.store = ChunkStore(client, settings.collection, embedding_model=model_id)
        self.originals = Originals(settings.originals_path)
        self.ingestor = Ingestor(
            self.store,
            self.embeddings,
            model_id,
            settings.max_upload_bytes,
            originals=self.originals,
            batch_size=settings.embedding_batch_size,
        )
        self._index: SegmentedKeywordIndex | None = None
        self._lock = threading.Lock()
        self.retriever = HybridRetriever(
            store=self.store,
            embeddings=self.embeddings,
            keyword_index=self.keyword_index,
            k=settings.top_k,
            candidates=settings.candidates,
        )
        self.answerer = self._answerer(settings)
        self.chain = build_chain(self.retriever, self.answerer)

    def _answerer(self, settings: Settings) -> Answerer:
        extractive = ExtractiveAnswerer(self.keyword_index, extractive_phrasing())
        model = make_chat_model(settings)
        if model is None:
            return extractive
        limits = GenerationLimits(
            passages=settings.llm_passages,
            timeout_s=settings.llm_timeout_s,
            max_tokens=settings.llm_max_tokens,
            retries=settings.llm_retries,
        )
        return GenerativeAnswerer(model, answer_prompt(), extractive.answer, explain_llm_error, limits)

    @property
    def mode_name(self) -> str:
        backend = backend_for(self.settings)
        return "extractive" if backend is None else f"llm ({backend.describe(self.settings)})"

    @property
    def mode_description(self) -> str:
        backend = backend_for(self.settings)
        if backend is None:
            return (
                "Chế độ trích dẫn: câu trả lời trích nguyên văn từ báo cáo, mỗi ý có nguồn. Chưa cấu hình mô hình "
                "ngôn ngữ (BAOCAO_LLM_BASE_URL hoặc BAOCAO_LLM_GGUF)."
            )
        return (
            f"Mô hình ngôn ngữ: {backend.describe(self.settings)}. Mỗi câu trả lời được kiểm tra với nguồn; "
            "câu nào không khớp sẽ được thay bằng đoạn trích nguyên văn."
        )

    def keyword_index(self) -> SegmentedKeywordIndex:
        """The keyword index of the store, saved beside it: opened from disk at start,
        updated report by report; opened again (or rebuilt) when another process changed
        the store or the saved index. While this process is writing, the index it is
        updating is used as it is."""
        with self._lock:
            if self._index is not None and self._index.changing:
                return self._index
            count = self.store.count()
            if self._index is None or not self._index.is_current(count):
                self._index = SegmentedKeywordIndex.open(self.store, self.settings.keyword_path, count)
            return self._index

    def _index_outcomes(self, index: SegmentedKeywordIndex, outcomes: list[IngestOutcome]) -> None:
        """Bring the keyword index up to date with stored files (several at a time: each
        update rebuilds the index's small tail segment)."""
        replaced = [o.replaced_doc_id for o in outcomes if o.replaced_doc_id]
        if replaced:
            index.remove(replaced)
        stored = [o.doc_id for o in outcomes if o.status in ("added", "replaced")]
        if stored:
            index.add(self.store.chunks_of_documents(stored))

    def ingest(
        self,
        paths: list[Path],
        on_file: FileProgress | None = None,
        on_embedded: EmbedProgress | None = None,
        force: bool = False,
    ) -> list[IngestOutcome]:
        index = self.keyword_index()
        waiting: list[IngestOutcome] = []

        def stored(outcome: IngestOutcome) -> None:
            # During a bulk ingest the keyword index catches up every INDEX_UPDATE_CHUNKS
            # chunks; dense search sees each file as soon as it is stored.
            waiting.append(outcome)
            if sum(o.chunks for o in waiting if o.status != "unchanged") >= INDEX_UPDATE_CHUNKS:
                self._index_outcomes(index, waiting)
                waiting.clear()

        try:
            with index.change():
                outcomes = self.ingestor.ingest(paths, on_file, on_embedded, force, on_stored=stored)
                self._index_outcomes(index, waiting)
        except IndexBusyError as busy:  # raised before anything is written
            return [IngestOutcome(path.name, "failed", message=f"{path.name}: {busy}") for path in expand_paths(paths)]
        return outcomes

    def reindex(self, doc_id: str, on_embedded: EmbedProgress | None = None) -> IngestOutcome:
        """Parse and chunk a report again from its kept original (vectors of unchanged text are reused)."""
        info = self.document(doc_id)
        original = self.originals.path(doc_id)
        if original is None and (self.settings.samples_dir / info.source).is_file():
            original = self.settings.samples_dir / info.source  # samples indexed before originals were kept
        if original is None:
            return IngestOutcome(
                info.source,
                "failed",
                message=f"{info.source}: không còn tệp gốc, hãy tải lên lại / the original is gone, upload it again",
            )
        [outcome] = self.ingest([original], on_embedded=on_embedded, force=True)
        return outcome

    def ensure_samples(self) -> list[IngestOutcome]:
        """Index the bundled sample reports when the store is empty (first start)."""
        if self.store.count() > 0 or not self.settings.samples_dir.exists():
            return []
        return self.ingest([self.settings.samples_dir])

    def documents(self) -> list[DocumentInfo]:
        return self.store.documents()

    def document(self, doc_id: str) -> DocumentInfo:
        for info in self.store.documents():
            if info.doc_id == doc_id:
                return info
        raise DocumentNotFoundError(doc_id)

    def paragraphs(self, doc_id: str) -> list[Chunk]:
        """A document's chunks in reading order; raises DocumentNotFoundError for an unknown id."""
        chunks = self.store.chunks_of(doc_id)
        if not chunks:
            raise DocumentNotFoundError(doc_id)
        return chunks

    def delete(self, doc_id: str) -> None:
        """Remove one report: its chunks and its kept original, nothing else. Raises
        ``IndexBusyError`` while another process is indexing into the same store."""
        index = self.keyword_index()
        with index.change():
            self.store.delete_document(doc_id)
            self.originals.remove(doc_id)
            index.remove([doc_id])

    def ask(self, question: str, history: Sequence[str] = ()) -> Answer:
        """Answer ``question``; ``history`` = the standalone questions asked before in the conversation."""
        return final_answer(self.stream(question, history))

    def stream(self, question: str, history: Sequence[str] = ()) -> Iterator[ChatEvent]:
        started = time.perf_counter()
        standalone = standalone_question(question, history)
        yield Status("Đang tìm trong các báo cáo…")
        for event in self.chain.stream(standalone):
            if isinstance(event, Final):
                answer = event.answer.as_asked(question, standalone)
                yield Final(answer.with_latency((time.perf_counter() - started) * 1000))
            else:
                yield event
