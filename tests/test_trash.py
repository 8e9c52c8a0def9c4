"""The trash of removed reports, on real files (no store: the rows are plain data)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from vectorstore.trash import Trash

pytestmark = pytest.mark.unit

DOC = "0123456789abcdef"
ROWS = {
    "ids": [f"{DOC}-p0001"],
    "documents": ["Nộp ngân sách đạt 12 tỷ đồng."],
    "metadatas": [{}],
    "embeddings": [[0.5]],
}


def test_a_removed_report_is_kept_with_its_original_until_discarded(tmp_path: Path):
    original = tmp_path / "bao_cao.pdf"
    original.write_bytes(b"%PDF-1.4")
    trash = Trash(tmp_path / "trash", keep_days=7)
    trash.put(DOC, ROWS, original, "bao_cao.pdf", "Báo cáo")
    (entry,) = trash.entries()
    assert (entry.doc_id, entry.source, entry.title) == (DOC, "bao_cao.pdf", "Báo cáo")
    assert trash.rows(DOC) == ROWS and trash.original(DOC).read_bytes() == b"%PDF-1.4"
    trash.discard(DOC)
    assert trash.entries() == []


def test_entries_older_than_the_retention_and_half_written_ones_are_purged(tmp_path: Path):
    trash = Trash(tmp_path / "trash", keep_days=7)
    trash.put(DOC, ROWS, None, "a.txt", "")
    (tmp_path / "trash" / ".fedcba9876543210.partial").mkdir()  # a crash while keeping another one
    now = datetime.now(UTC)
    assert trash.purge(now + timedelta(days=6)) == [] and len(trash.entries()) == 1
    assert not (tmp_path / "trash" / ".fedcba9876543210.partial").exists()
    assert trash.purge(now + timedelta(days=8)) == [DOC] and trash.entries() == []


def test_with_no_retention_nothing_is_kept_and_ids_never_name_other_folders(tmp_path: Path):
    trash = Trash(tmp_path / "trash", keep_days=0)
    trash.put(DOC, ROWS, None, "a.txt", "")
    assert trash.entries() == [] and not (tmp_path / "trash").exists()
    with pytest.raises(KeyError):
        Trash(tmp_path / "trash", keep_days=7).rows("../../etc")
