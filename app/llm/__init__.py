"""Chat-model backends, chosen by configuration. Each backend is one small class with one
method (``build``); the OpenAI-compatible one registers like any other.

- ``BAOCAO_LLM_BASE_URL`` (+ ``BAOCAO_LLM_MODEL``, ``BAOCAO_LLM_API_KEY``): any
  OpenAI-compatible endpoint — vLLM, Ollama, llama.cpp server, a cloud API.
- ``BAOCAO_LLM_GGUF``: a local GGUF file (or an installed model package) run in-process by
  llama-cpp-python.
- neither: no model; the app answers extractively.
"""

from __future__ import annotations

from app.llm.backends import BACKENDS, ChatBackend, LLMConfigError, backend_for, explain_llm_error, make_chat_model

__all__ = ["BACKENDS", "ChatBackend", "LLMConfigError", "backend_for", "explain_llm_error", "make_chat_model"]
