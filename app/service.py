"""Composition root: builds store, embeddings, retriever and chain from the settings."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from functools import cache, partial
from pathlib import Path

from chromadb.errors import ChromaError
from langchain_core.embeddings import Embeddings
from langchain_core.runnables import RunnableConfig

from app.answering.direct import FIGURE_TYPES
from app.answering.events import ChatEvent, Final, Status
from app.answering.extractive import Selection
from app.answering.followup import refers_to_answer, standalone_question, with_answer
from app.answering.frame import AnswerType, QuestionFrame, parse_question
from app.answering.generative import GenerationLimits, GenerativeAnswerer
from app.answering.lead_ins import announces, under
from app.answering.models import Answer
from app.answering.offices import offices_in
from app.answering.rewrite import ModelRewriter
from app.answering.scorer import load_weights
from app.answering.sections import naming_section
from app.answering.table_rows import asks_whole, is_total_row, named_rows
from app.chain import REPORTS, Answerer, ExtractiveAnswerer, build_chain, final_answer
from app.llm import backend_for, explain_llm_error, make_chat_model
from app.prompts import answer_prompt, extractive_phrasing, load_toml
from app.questions import question_problem
from app.render import readable
from app.scope import library_constraints
from app.settings import Settings
from ingest.accents import AccentRestorer
from ingest.chunking import is_list_item
from ingest.docframe import has_place_date, is_signature
from ingest.gazetteer import place_names
from ingest.models import Chunk
from ingest.normalize import is_ocr_text
from ingest.ocr import PageProgress
from ingest.office import is_row_sentence
from ingest.originals import Originals
from ingest.pipeline import (
    EmbedProgress,
    FileProgress,
    Ingestor,
    IngestOutcome,
    Journal,
    KeyedFile,
    Recovered,
    keyed_files,
    skipped_files,
)
from vectorstore.chroma_store import (
    SQLITE_FILE,
    ChunkStore,
    DocumentInfo,
    StoreUnavailableError,
    damaged_store_reason,
    make_client,
    unavailable_message,
)
from vectorstore.embeddings import make_embeddings
from vectorstore.retriever import HybridRetriever
from vectorstore.segments import IndexBusyError, SegmentedKeywordIndex
from vectorstore.trash import Trash, TrashedReport

INDEX_UPDATE_CHUNKS = 2_000
__all__ = ["Baocao", "DocumentNotFoundError", "IndexBusyError", "StoreUnavailableError"]
log = logging.getLogger(__name__)
# Clean paragraphs the accent repair of OCR passages learns from: a bound on the time of its
# first use after a change (learning runs at ~60k words/s here: ``make accents`` fits 33 times
# on ~15k words in 8.5 s); the 8.7k words of 32 short web pages already put back 0.906 of the
# sample report's words.
REPAIR_VOCABULARY_PARAGRAPHS = 2000
# Rows fetched for a superlative, from the tables of the reports retrieved: the reports of
# trials 11-14 hold at most 21 table rows each (16 tables of 9 rows at most); beyond this the
# question's words must find them.
MAX_TABLE_ROWS = 60
# Rows a figure question names by their label: the same indicator is a row of each table that
# lists it (results, then plan); as many as the retriever's passages at most, so that named rows
# never outnumber the passages the question's words found.
MAX_NAMED_ROWS = 8


class DocumentNotFoundError(LookupError):
    pass


def no_report_message(doc_ids: Sequence[str]) -> str:
    """What is said of report ids the library does not hold (bilingual)."""
    ids = ", ".join(doc_ids)
    return f"Không có báo cáo mã {ids} (xem `baocao docs`) / no report {ids} (see `baocao docs`)"


def _announced_items(
    frame: QuestionFrame, retrieved: list[Chunk], chunks_of: Callable[[str], list[Chunk]]
) -> list[Chunk]:
    """The items the retrieved lead-ins announce (a question on a document's own facts, its
    date or signer, is answered by other lines); for a list asked, the items of the lead-ins
    over the items retrieved too ("Những nhiệm vụ trọng tâm … là gì?": two of four items match
    its words, the heading "Nhiệm vụ, giải pháp trọng tâm:" announces all four)."""
    if frame.document_facts:
        return []
    lead_ins = {(c.doc_id, c.text) for c in retrieved if announces(c.text)}
    listed = set()  # lead-ins over a retrieved item: only their items, not every paragraph under them
    if frame.answer_type is AnswerType.LIST:
        listed = {(c.doc_id, c.headings[-1]) for c in retrieved if c.headings and announces(c.headings[-1])}
        # ... or a heading that names what is asked ("Các kiến nghị … là gì?": "5. Đề xuất, kiến nghị").
        named = {(c.doc_id, naming_section(frame, c.title, c.issuer, c.headings)) for c in retrieved}
        listed |= {(doc_id, path[-1]) for doc_id, path in named if path}
        listed = {pair for pair in listed if any(is_list_item(c.text) for c in retrieved if c.doc_id == pair[0])}
    passages = [c for doc_id in dict.fromkeys(d for d, _ in lead_ins | listed) for c in chunks_of(doc_id)]
    return [
        c
        for c in passages
        if any(c.doc_id == d and under(text, c.headings) for d, text in lead_ins)
        or (is_list_item(c.text) and any(c.doc_id == d and under(text, c.headings) for d, text in listed))
    ][:MAX_TABLE_ROWS]


class Baocao:
    """What the CLI and the web app use: ingest, list, read, remove, ask."""

    def __init__(self, settings: Settings, embeddings: Embeddings | None = None) -> None:
        """``embeddings``: the model the settings name, unless one is passed in. Raises
        ``StoreUnavailableError`` (a bilingual message) for a damaged, unwritable or unreachable
        store; finishes or rolls back a change a crash interrupted (see ``recover``)."""
        self.settings = settings
        self.embeddings = embeddings or make_embeddings(
            settings.embedding_backend,
            model=settings.embedding_model,
            batch_size=settings.embedding_batch_size,
            query_prefix=settings.embedding_query_prefix,
            passage_prefix=settings.embedding_passage_prefix,
            query_cache=settings.query_cache,
        )
        client = make_client(path=settings.chroma_path, url=settings.chroma_url or None)
        model_id = getattr(self.embeddings, "model_id", settings.embedding_backend)
        database = None if settings.chroma_url else settings.chroma_path / "chroma.sqlite3"
        self.store = ChunkStore(client, settings.collection, embedding_model=model_id, database=database)
        self.originals = Originals(settings.originals_path)
        self.trash = Trash(settings.trash_path, settings.trash_days)
        self.ingestor = Ingestor(
            self.store,
            self.embeddings,
            model_id,
            settings.max_upload_bytes,
            originals=self.originals,
            batch_size=settings.embedding_batch_size,
            journal=Journal(settings.home / "journal" / f"{settings.collection}.json"),
            ocr_cache=settings.ocr_cache_path,
        )
        self._index: SegmentedKeywordIndex | None = None
        self._lock = threading.Lock()
        self._restorer: tuple[frozenset[str], AccentRestorer] | None = None
        self._library: tuple[frozenset[str], tuple[frozenset[str], ...]] | None = None
        self._derived_lock = threading.Lock()  # what is learnt from the library: repair, facets
        self.retriever = HybridRetriever(
            store=self.store,
            embeddings=self.embeddings,
            keyword_index=self.keyword_index,
            k=settings.top_k,
            candidates=settings.candidates,
            companions=self._companions,
            accent_question=lambda q: self.accent_restorer().restore(q, misread=False, guess=True),
        )
        self._standalone: Callable[[str, Sequence[str]], str] = standalone_question  # the model's, when set
        self.answerer = self._answerer(settings)
        self.chain = build_chain(self.retriever, self.answerer)
        if self.ingestor.journal.pending():
            try:
                self.recover()
            except IndexBusyError:
                pass  # the process writing now owns the journal; its next start or ingest recovers
            except (OSError, ChromaError) as error:
                log.warning("could not finish an interrupted change: %s", error)

    def explain(self, question: str) -> tuple[QuestionFrame, Selection]:
        """How the extractive answerer decides: the question's frame and its scored candidates."""
        return self.extractive.explain(question, self.retriever.invoke(question))

    def _answerer(self, settings: Settings) -> Answerer:
        extractive = self.extractive = ExtractiveAnswerer(
            self.keyword_index, extractive_phrasing(), partial(load_weights, settings.weights_file), self.library
        )
        model = make_chat_model(settings)
        if model is None:
            return extractive
        rewrite = load_toml("followup.toml")
        self._standalone = ModelRewriter(model, rewrite["system"], rewrite["user"], settings.llm_rewrite_timeout_s)
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
        """How answers are made, as staff read it (no setting names: those are in ``setup_hint``)."""
        backend = backend_for(self.settings)
        if backend is None:
            return "Chế độ trích dẫn: câu trả lời trích nguyên văn từ báo cáo, mỗi ý có nguồn."
        return (
            f"Mô hình ngôn ngữ: {backend.describe(self.settings)}. Mỗi câu trả lời được kiểm tra với nguồn; "
            "câu nào không khớp sẽ được thay bằng đoạn trích nguyên văn."
        )

    @property
    def setup_hint(self) -> str:
        """What an administrator can configure next (shown to admins only)."""
        if backend_for(self.settings) is None:
            return (
                "Chưa cấu hình mô hình ngôn ngữ: đặt BAOCAO_LLM_BASE_URL (máy chủ tương thích OpenAI) hoặc "
                "BAOCAO_LLM_GGUF (tệp .gguf) để có câu trả lời diễn đạt lại, vẫn được kiểm tra với nguồn."
            )
        return ""

    def library(self) -> tuple[frozenset[str], ...]:
        """What each indexed report is about, its years, provinces and regions (``scope``),
        read again when the library changes."""
        state = self.keyword_index().doc_ids()
        with self._derived_lock:
            if self._library is None or self._library[0] != state:
                self._library = (state, library_constraints(self.documents()))
            return self._library[1]

    def accent_restorer(self) -> AccentRestorer:
        """What puts accents back into OCR passages for display, learnt from the library's clean
        paragraphs; learnt again when the library changes."""
        # Ids are content hashes: the keyword index's live ids name the library's contents without
        # reading the store's metadata on every answer.
        state = self.keyword_index().doc_ids()
        with self._derived_lock:
            if self._restorer is None or self._restorer[0] != state:
                clean: list[str] = []
                for doc_id in sorted(state):
                    clean += [c.text for c in self.store.chunks_of(doc_id) if not is_ocr_text(c.text)]
                    if len(clean) >= REPAIR_VOCABULARY_PARAGRAPHS:
                        break
                self._restorer = (state, AccentRestorer.fit(clean[:REPAIR_VOCABULARY_PARAGRAPHS], place_names()))
            return self._restorer[1]

    def readable(self, answer: Answer) -> Answer:
        """``answer`` as the chat shows it: OCR quotes with their accents put back (what
        ``ask --json`` prints and ``baocao eval`` scores; the text as stored is kept beside it)."""
        if not any(is_ocr_text(c.text) for c in answer.citations):
            return answer
        return readable(answer, self.accent_restorer().restore)

    def _companions(self, question: str, retrieved: list[Chunk]) -> list[Chunk]:
        """Passages a question needs that its words do not find:
        - the signature of each report retrieved, for who signed it ("ai ký …": a name under
          "KT. CHỦ TỊCH" shares no word with the question);
        - its number-and-date lines, for when it was issued or its number ("số mấy");
        - its signature, for who holds an office asked ("Ai là Trưởng ban …": "Lê Văn A,
          TRƯỞNG BAN" signs the board's report);
        - for a superlative, every row of a table a retrieved row is from ("… nào cao nhất":
          rows differ only by their figures, so most of them rank low; those of the tables
          retrieved first, then the reports' other tables);
        - the rows a figure question names by their label ("giá trị xuất khẩu năm 2074": one
          row among long paragraphs), and the total rows of the tables under the passages
          retrieved when it asks for a whole ("các KCN tỉnh X");
        - the items a retrieved lead-in announces ("… cho các cá nhân sau:", "… cụ thể như
          sau:"), which need not repeat a word of the question (``app.answering.lead_ins``)."""
        frame = parse_question(question)
        chunks_of = cache(self.store.chunks_of)  # a report's chunks read once per question
        items = _announced_items(frame, retrieved, chunks_of)
        office_holder = frame.answer_type is AnswerType.PERSON and bool(offices_in(frame.text))
        if not (frame.document_facts or frame.superlative or frame.answer_type in FIGURE_TYPES or office_holder):
            return items  # no other is needed
        reports = dict.fromkeys(chunk.doc_id for chunk in retrieved)
        passages = [c for doc_id in reports for c in chunks_of(doc_id)]
        if frame.document_facts or office_holder:
            signed = "signer" in frame.document_facts or office_holder
            dated = "issued" in frame.document_facts
            return [
                c
                for c in passages
                if (signed and is_signature(c.heading, c.text)) or (dated and has_place_date(c.text))
            ]
        rows = [c for c in passages if is_row_sentence(c.text)]
        if frame.superlative:
            # The tables of the rows retrieved first, then the other tables of those reports
            # (a question naming the bloc shares no word with its scoring table's rows).
            tables = {(c.doc_id, c.headings) for c in retrieved if is_row_sentence(c.text)}
            rows.sort(key=lambda c: (c.doc_id, c.headings) not in tables)
            return items + rows[:MAX_TABLE_ROWS]
        named = [rows[i] for i in named_rows(frame, [c.text for c in rows])][:MAX_NAMED_ROWS]
        # "các KCN tỉnh X … bao nhiêu": the total row of each table a retrieved passage is from
        # or stands over (its title or unit line, under the same headings, may be all a
        # question naming the bloc finds of it).
        tables = {(c.doc_id, c.headings) for c in retrieved}
        whole = asks_whole(frame)
        totals = [c for c in rows if whole and (c.doc_id, c.headings) in tables and is_total_row(c.text)]
        return items + named + [c for c in totals if c not in named]

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
        removed = [doc_id for o in outcomes for doc_id in o.removed_doc_ids]
        if removed:
            index.remove(removed)
        stored = [o.doc_id for o in outcomes if o.status in ("added", "replaced")]
        if stored:
            index.add(self.store.chunks_of_documents(stored))

    def ingest(
        self,
        paths: list[Path],
        on_file: FileProgress | None = None,
        on_embedded: EmbedProgress | None = None,
        force: bool = False,
        *,
        on_ocr_page: PageProgress | None = None,
    ) -> list[IngestOutcome]:
        """Ingest files and folders. A file's key (its identity) is its path within the folder
        named, or its name when the file itself is named (see ``ingest.pipeline``)."""
        outcomes = self._ingest(keyed_files(paths), on_file, on_embedded, force, on_ocr_page=on_ocr_page)
        return outcomes + skipped_files(paths)

    def _ingest(
        self,
        files: list[KeyedFile],
        on_file: FileProgress | None = None,
        on_embedded: EmbedProgress | None = None,
        force: bool = False,
        *,
        on_ocr_page: PageProgress | None = None,
    ) -> list[IngestOutcome]:
        def failed(message: str, rest: list[KeyedFile]) -> list[IngestOutcome]:
            return [IngestOutcome(key, "failed", message=f"{key}: {message}") for _, key in rest]

        problem = self.health()
        if problem:  # e.g. BAOCAO_HOME deleted under the running server: say so, write nothing
            return failed(problem, files)
        index = self.keyword_index()
        waiting: list[IngestOutcome] = []
        done: list[IngestOutcome] = []

        def stored(outcome: IngestOutcome) -> None:
            # During a bulk ingest the keyword index catches up every INDEX_UPDATE_CHUNKS
            # chunks; dense search sees each file as soon as it is stored. A replaced report
            # is brought up to date at once: its old version has just left the store, and
            # questions about it must find the new one in both views, not in half of them.
            done.append(outcome)
            waiting.append(outcome)
            pending = sum(o.chunks for o in waiting if o.status != "unchanged")
            if outcome.removed_doc_ids or pending >= INDEX_UPDATE_CHUNKS:
                self._index_outcomes(index, waiting)
                waiting.clear()

        try:
            with index.change():
                self._recover(index)
                try:
                    outcomes = self.ingestor.ingest_files(
                        files, on_file, on_embedded, force, on_stored=stored, on_ocr_page=on_ocr_page
                    )
                except Exception:
                    self._recover_quietly(index)  # finish or roll back the file that failed midway
                    raise
                self._index_outcomes(index, waiting)
                if any(o.removed_doc_ids for o in outcomes):
                    self.store.compact()  # replaced versions' text gone from the database file too
        except IndexBusyError as busy:  # raised before anything is written
            return failed(str(busy), files)
        except (OSError, ChromaError) as error:  # disk full, read-only or deleted home
            log.warning("ingest stopped: %s", error)
            return done + failed(unavailable_message(self.settings.home, error), files[len(done) :])
        return outcomes

    def recover(self) -> Recovered:
        """Finish or roll back the changes a crash interrupted (see ``ingest.pipeline.Journal``);
        raises ``IndexBusyError`` while another process is writing (it owns the journal then)."""
        index = self.keyword_index()
        with index.change():
            return self._recover(index)

    def _recover(self, index: SegmentedKeywordIndex) -> Recovered:
        if not self.ingestor.journal.pending():
            return Recovered()
        recovered = self.ingestor.recover()
        if recovered.removed:
            index.remove(recovered.removed)
        if recovered.stored:
            index.add(self.store.chunks_of_documents(list(recovered.stored)))
        return recovered

    def _recover_quietly(self, index: SegmentedKeywordIndex) -> None:
        try:
            self._recover(index)
        except Exception as error:  # the store may be what failed: the next start tries again
            log.warning("could not finish an interrupted change yet: %s", error)

    def health(self) -> str | None:
        """Why the store cannot be used now (bilingual), or None when it can be read: checked by
        ``/healthz`` and before every write."""
        gone = self._store_gone()
        if gone:
            return gone
        if not self.settings.chroma_url:
            reason = damaged_store_reason(self.settings.chroma_path)
            if reason:
                return reason
        try:
            self.store.count()
        except Exception as error:  # whatever the store raises, the answer is "not readable"
            return unavailable_message(self.settings.chroma_url or self.settings.chroma_path, error)
        return None

    def _store_gone(self) -> str | None:
        """A bilingual message when the local store's file is no longer there (one ``stat``: cheap
        enough to check before every question, which would otherwise fail or not depending on
        whether Chroma still holds an open connection to the deleted file)."""
        path = self.settings.chroma_path
        if self.settings.chroma_url or (path / SQLITE_FILE).is_file():
            return None
        home = self.settings.home
        return (
            f"kho dữ liệu {path} không còn (thư mục BAOCAO_HOME {home} bị xoá hoặc di chuyển khi ứng dụng "
            "đang chạy?); hãy khôi phục thư mục đó rồi khởi động lại. / the store "
            f"{path} is gone (BAOCAO_HOME {home} deleted or moved while the app was running?); restore "
            "that folder and restart."
        )

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
        [outcome] = self._ingest([(original, info.key)], on_embedded=on_embedded, force=True)  # keep its identity
        return outcome

    def ensure_samples(self) -> list[IngestOutcome]:
        """Index the bundled sample reports when the store is empty (first start). A store
        that is damaged rather than empty is refused when the service is built."""
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
        """Remove one report: its chunks and its kept original, nothing else; kept in the trash
        for ``trash_days`` so it can be restored. Raises ``IndexBusyError`` while another
        process is indexing into the same store."""
        info = self.document(doc_id)
        index = self.keyword_index()
        with index.change():
            self._recover(index)
            self.trash.purge()
            rows = self.store.export_document(doc_id)
            self.trash.put(doc_id, rows, self.originals.path(doc_id), info.source, info.title)
            self.ingestor.delete([doc_id])  # journaled: a crash midway leaves no orphan original
            index.remove([doc_id])
            self.store.compact()  # the report's text gone from the database file too

    def index_exactly(self, paths: Sequence[Path]) -> int:
        """Make the index hold exactly the reports under ``paths`` (new and changed ones indexed,
        the others removed); returns how many it holds. For an evaluation's own index."""
        outcomes = self.ingest(list(paths))
        wanted = {o.doc_id for o in outcomes if o.doc_id}
        for info in self.documents():
            if info.doc_id not in wanted:
                self.delete(info.doc_id)
        return len(self.documents())

    def trashed(self) -> list[TrashedReport]:
        """Removed reports that can still be restored, the latest first."""
        self.trash.purge()
        return self.trash.entries()

    def empty_trash(self) -> list[str]:
        """Remove for good every report kept in the trash; returns their ids."""
        return self.trash.purge(everything=True)

    def restore(self, doc_id: str) -> DocumentInfo:
        """Put a removed report back as it was (same id, text, vectors and original: nothing
        is read or embedded again). Raises ``DocumentNotFoundError`` when it is not in the trash."""
        if doc_id not in {entry.doc_id for entry in self.trashed()}:
            raise DocumentNotFoundError(doc_id)
        index = self.keyword_index()
        with index.change():
            self._recover(index)
            if not self.store.chunk_ids(doc_id):  # not indexed again since (by a new upload)
                self.store.import_rows(self.trash.rows(doc_id))
                original = self.trash.original(doc_id)
                if original is not None:
                    self.originals.keep(doc_id, original)
                index.add(self.store.chunks_of(doc_id))
            self.trash.discard(doc_id)
        return self.document(doc_id)

    def ask(self, question: str, history: Sequence[str] = (), reports: Sequence[str] = ()) -> Answer:
        """Answer ``question``; ``history`` = the standalone questions asked before in the
        conversation; ``reports`` = doc ids to answer from (none: the whole library)."""
        return final_answer(self.stream(question, history, reports))

    def stream(self, question: str, history: Sequence[str] = (), reports: Sequence[str] = ()) -> Iterator[ChatEvent]:
        started = time.perf_counter()
        problem = question_problem(question) or self._store_gone()
        if problem:  # answered here, before any search: the same for chat, API and CLI
            yield Final(Answer(question=question, answer=problem, refused=True))
            return
        unknown = sorted(set(reports) - {info.doc_id for info in self.store.documents()}) if reports else []
        if unknown:  # a mistyped id would answer from nothing and look like a refusal
            raise DocumentNotFoundError(no_report_message(unknown))
        config: RunnableConfig | None = {"configurable": {REPORTS: frozenset(reports)}} if reports else None
        if refers_to_answer(question, history):
            # "ông ấy …?" after "Ai chủ trì …?": who the previous answer named, asked again.
            previous = final_answer(self.chain.stream(history[-1], config=config))
            named = previous.direct[0] if previous.direct and not previous.refused else ""
            history = [*history[:-1], with_answer(history[-1], named, question)]
        standalone = self._standalone(question, history)
        yield Status("Đang tìm trong các báo cáo…")
        for event in self.chain.stream(standalone, config=config):
            if isinstance(event, Final):
                answer = event.answer.as_asked(question, standalone)
                yield Final(answer.with_latency((time.perf_counter() - started) * 1000))
            else:
                yield event
