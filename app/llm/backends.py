"""The backend registry and the errors every backend may raise, explained for users."""

from __future__ import annotations

from abc import ABC, abstractmethod

from langchain_core.language_models import BaseChatModel

from app.settings import Settings


class LLMConfigError(ValueError):
    """A configuration that cannot work, with how to fix it."""


class ChatBackend(ABC):
    name: str

    @abstractmethod
    def build(self, settings: Settings) -> BaseChatModel: ...

    def describe(self, settings: Settings) -> str:
        return self.name


class OpenAICompatible(ChatBackend):
    name = "openai-compatible"

    def build(self, settings: Settings) -> BaseChatModel:
        from langchain_openai import ChatOpenAI

        if not settings.llm_model:
            raise LLMConfigError(
                "BAOCAO_LLM_BASE_URL is set but BAOCAO_LLM_MODEL is not: set it to the model name the endpoint serves"
            )
        return ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            # Local servers ignore the key, but the client insists on one.
            api_key=settings.llm_api_key.get_secret_value() or "not-needed",
            temperature=settings.llm_temperature,
            timeout=settings.llm_timeout_s,
            max_retries=0,  # a rate limit or outage falls back at once instead of hanging in retries
            streaming=True,
            # "max_tokens" is what llama.cpp, vLLM and Ollama read; the client would send max_completion_tokens.
            extra_body={"max_tokens": settings.llm_max_tokens},
        )

    def describe(self, settings: Settings) -> str:
        return f"{settings.llm_model} @ {settings.llm_base_url}"


class LocalGGUF(ChatBackend):
    name = "gguf"

    def build(self, settings: Settings) -> BaseChatModel:
        from app.llm.gguf import LlamaCppChat, resolve_gguf

        return LlamaCppChat.load(
            resolve_gguf(settings.llm_gguf),
            n_ctx=settings.llm_context,
            n_threads=settings.llm_threads,
            temperature=settings.llm_temperature,
            max_tokens=settings.llm_max_tokens,
        )

    def describe(self, settings: Settings) -> str:
        return f"GGUF {settings.llm_gguf}"


BACKENDS: dict[str, ChatBackend] = {backend.name: backend for backend in (OpenAICompatible(), LocalGGUF())}


def backend_for(settings: Settings) -> ChatBackend | None:
    if settings.llm_gguf and settings.llm_base_url:
        raise LLMConfigError("set only one of BAOCAO_LLM_BASE_URL and BAOCAO_LLM_GGUF")
    if settings.llm_gguf:
        return BACKENDS["gguf"]
    if settings.llm_base_url:
        return BACKENDS["openai-compatible"]
    return None


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    backend = backend_for(settings)
    return backend.build(settings) if backend else None


def explain_llm_error(error: Exception) -> str:
    """A short bilingual reason for a failed generation (timeouts, connection, rate limits…)."""
    import openai

    from app.answering.generative import GenerationTimeoutError

    if isinstance(error, openai.APITimeoutError | GenerationTimeoutError | TimeoutError):
        return "mô hình trả lời quá lâu / the model timed out"
    if isinstance(error, openai.RateLimitError):
        return "mô hình đang bị giới hạn số yêu cầu, hãy thử lại sau / rate limited, try again later"
    if isinstance(error, openai.AuthenticationError):
        return "khóa API không hợp lệ, kiểm tra BAOCAO_LLM_API_KEY / invalid API key"
    if isinstance(error, openai.APIConnectionError):
        return "không kết nối được tới BAOCAO_LLM_BASE_URL / cannot connect to the model endpoint"
    if isinstance(error, openai.APIStatusError):
        return f"máy chủ mô hình báo lỗi {error.status_code} / the model endpoint returned {error.status_code}"
    return f"lỗi mô hình / model error: {type(error).__name__}: {str(error)[:120]}"
