"""Hybrid retrieval as a LangChain ``BaseRetriever``: dense vectors from Chroma fused
with the keyword views by reciprocal rank fusion."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from ingest.models import Chunk
from ingest.normalize import diacritic_ratio, search_text
from vectorstore.chroma_store import ChunkStore
from vectorstore.fusion import reciprocal_rank_fusion
from vectorstore.query import expand_abbreviations
from vectorstore.segments import SegmentedKeywordIndex

# Weights and the RRF constant were chosen on the dev and extra gold sets (the sweep is
# in README "Retrieval tuning"). Keyword views carry most of the signal on OCR text;
# "accented" only helps clean text; "document" ranks the chunks of the report that best
# matches the whole question first. A small k lets a view's top ranks count.
DEFAULT_WEIGHTS = {
    "dense": 1.0,
    "syllables": 1.0,
    "accented": 0.1,
    "chargrams": 1.0,
    "document": 0.5,
}
DEFAULT_RRF_K = 10
ACCENTLESS_QUESTION = 0.3  # below this share of accented words the question was typed without accents


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float  # fused RRF score
    rank: int
    dense_similarity: float | None


def hit_to_document(hit: Hit) -> Document:
    chunk = hit.chunk
    return Document(
        page_content=chunk.text,
        id=chunk.chunk_id,
        metadata={
            "chunk_id": chunk.chunk_id,
            "doc_id": chunk.doc_id,
            "source": chunk.source,
            "title": chunk.title,
            "heading": chunk.heading,
            "headings": list(chunk.headings),
            "page": chunk.page,
            "paragraph": chunk.paragraph,
            "doc_years": ",".join(str(y) for y in chunk.doc_years),
            "period": chunk.period,
            "issuer": chunk.issuer,
            "doc_places": ",".join(chunk.doc_places),
            "score": hit.score,
            "rank": hit.rank,
            "dense_similarity": hit.dense_similarity,
        },
    )


def _standardised(pairs: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Similarities as z-scores within their list: the two query forms give similarities
    on different scales, but a relevant chunk stands out from its own list either way."""
    if len(pairs) < 2:
        return pairs
    values = [s for _, s in pairs]
    mean = sum(values) / len(values)
    spread = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5 or 1.0
    return [(cid, (s - mean) / spread) for cid, s in pairs]


def _by_document(document_scores: dict[str, float], ranked_ids: list[str]) -> list[str]:
    """The keyword ranking re-ordered so that chunks of the best-matching document come first."""
    doc_of = {cid: cid.rsplit("-p", 1)[0] for cid in ranked_ids}
    return sorted(ranked_ids, key=lambda cid: -document_scores.get(doc_of[cid], 0.0))


class HybridRetriever(BaseRetriever):
    """Dense + keyword retrieval. ``keyword_index`` is a provider so that the retriever
    always sees the index of the current store contents."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: ChunkStore
    embeddings: Embeddings
    keyword_index: Callable[[], SegmentedKeywordIndex]
    k: int = 5
    candidates: int = 40
    weights: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    rrf_k: int = DEFAULT_RRF_K
    # Restricts retrieval to these reports (doc ids); None = the whole library. Set per question
    # through the chain's configurable field "reports".
    only: frozenset[str] | None = None
    # Passages a question needs besides those that match its words (the app's: a report's
    # signature for "ai ký …"), given the question and the chunks retrieved; they follow the hits.
    companions: Callable[[str, list[Chunk]], list[Chunk]] | None = None
    # Puts accents back into a question typed without them (the app's: learnt from the library's
    # clean reports), to search the clean passages with.
    accent_question: Callable[[str], str] | None = None

    def rankings(self, question: str, index: SegmentedKeywordIndex) -> tuple[dict[str, list[str]], dict[str, float]]:
        """Each retriever's ranked chunk ids, and the dense similarities."""
        query = expand_abbreviations(question)
        searched = search_text(query)
        # Each chunk meets the question in the form it was embedded in. Clean text meets it
        # with its accents: as typed, or, typed without them, put back from the library's clean
        # reports (folded, the question is nearer OCR text than clean text). OCR text that lost
        # its accents meets the search form, embedded only when such text is there (a third of
        # an answer's CPU). Each list is standardised: the scorer reads one scale.
        if diacritic_ratio(query) >= ACCENTLESS_QUESTION:
            with_accents = query
        else:
            restored = self.accent_question(query) if self.accent_question is not None else query
            with_accents = searched if restored == query else restored
        clean = self.embeddings.embed_query(with_accents)
        dense = _standardised(self.store.search(clean, self.candidates, accentless=False, only=self.only))
        if self.store.holds_accentless(self.only):
            folded = clean if with_accents == searched else self.embeddings.embed_query(searched)
            dense += _standardised(self.store.search(folded, self.candidates, accentless=True, only=self.only))
        dense.sort(key=lambda pair: -pair[1])
        rankings = {"dense": [cid for cid, _ in dense[: self.candidates]]}
        similarity = dict(dense)
        for name, ranked in index.search(query, self.candidates, self.only).items():
            rankings[name] = [cid for cid, _ in ranked]
        rankings["document"] = _by_document(index.document_scores(query, self.only), rankings["syllables"])
        return rankings, similarity

    def search(self, question: str, k: int | None = None) -> list[Hit]:
        index = self.keyword_index()
        if len(index) == 0:
            return []
        rankings, similarity = self.rankings(question, index)
        every = reciprocal_rank_fusion(rankings, self.weights, self.rrf_k)
        fused = every[: k or self.k]
        # The keyword index holds ids only; the text comes from the store, the one source of truth.
        stored = {c.chunk_id: c for c in self.store.chunks_by_ids([cid for cid, _ in fused])}
        hits = [
            Hit(stored[chunk_id], score, rank, similarity.get(chunk_id))
            for rank, (chunk_id, score) in enumerate(fused, start=1)
            if chunk_id in stored
        ]
        if self.companions is None:
            return hits
        found = {hit.chunk.chunk_id for hit in hits}
        extra = [c for c in self.companions(question, [hit.chunk for hit in hits]) if c.chunk_id not in found]
        # A companion keeps the scores its words earned, low as they are: the answerer weighs it
        # like any passage ranked below the hits.
        scores = dict(every)
        return hits + [
            Hit(chunk, scores.get(chunk.chunk_id, 0.0), len(hits) + n, similarity.get(chunk.chunk_id))
            for n, chunk in enumerate(extra, start=1)
        ]

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [hit_to_document(hit) for hit in self.search(query)]
