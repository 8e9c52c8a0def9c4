"""Removed reports, kept for a while so a removal can be undone without reading or embedding
the report again: its stored rows (text, metadata, vectors) and its kept original.

Each entry is a folder ``<root>/<doc_id>/`` written under a temporary name and renamed, so a
crash never leaves half an entry that looks whole. Entries older than the retention are
purged; a retention of 0 days keeps nothing (a removal is final at once).
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

_DOC_ID = re.compile(r"^[0-9a-f]{16}$")
ROWS = "rows.json"
ABOUT = "about.json"
ORIGINAL = "original"


@dataclass(frozen=True)
class TrashedReport:
    doc_id: str
    source: str
    title: str
    removed_at: str  # ISO time, UTC


class Trash:
    def __init__(self, root: Path, keep_days: int) -> None:
        self._root = root
        self._keep = timedelta(days=keep_days)
        self.enabled = keep_days > 0

    def _folder(self, doc_id: str) -> Path:
        if not _DOC_ID.match(doc_id):
            raise KeyError(doc_id)  # ids come from the store: anything else never names a folder
        return self._root / doc_id

    def put(self, doc_id: str, rows: dict[str, Any], original: Path | None, source: str, title: str) -> None:
        """Keep a report about to be removed (nothing when the trash is off)."""
        if not self.enabled:
            return
        folder = self._folder(doc_id)
        partial = self._root / f".{doc_id}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        (partial / ROWS).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        about = {"source": source, "title": title, "removed_at": datetime.now(UTC).isoformat(timespec="seconds")}
        (partial / ABOUT).write_text(json.dumps(about, ensure_ascii=False), encoding="utf-8")
        if original is not None:
            (partial / ORIGINAL).mkdir()
            shutil.copyfile(original, partial / ORIGINAL / original.name)
        shutil.rmtree(folder, ignore_errors=True)  # an older removal of the same report
        partial.replace(folder)

    def entries(self) -> list[TrashedReport]:
        """What can be restored, the latest removal first."""
        found = []
        for folder in self._root.glob("*/") if self._root.is_dir() else []:
            try:
                about = json.loads((folder / ABOUT).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # not an entry (or a damaged one): never offered
            found.append(TrashedReport(folder.name, about["source"], about.get("title", ""), about["removed_at"]))
        return sorted(found, key=lambda e: e.removed_at, reverse=True)

    def rows(self, doc_id: str) -> dict[str, Any]:
        return json.loads((self._folder(doc_id) / ROWS).read_text(encoding="utf-8"))

    def original(self, doc_id: str) -> Path | None:
        folder = self._folder(doc_id) / ORIGINAL
        files = sorted(folder.iterdir()) if folder.is_dir() else []
        return files[0] if files else None

    def discard(self, doc_id: str) -> None:
        shutil.rmtree(self._folder(doc_id), ignore_errors=True)

    def purge(self, now: datetime | None = None, everything: bool = False) -> list[str]:
        """Drop the entries older than the retention (all of them when the trash is off, or
        ``everything``), and what a crash left half written."""
        now = now or datetime.now(UTC)
        for partial in self._root.glob(".*.partial") if self._root.is_dir() else []:
            shutil.rmtree(partial, ignore_errors=True)
        dropped = []
        for entry in self.entries():
            if everything or not self.enabled or now - datetime.fromisoformat(entry.removed_at) > self._keep:
                self.discard(entry.doc_id)
                dropped.append(entry.doc_id)
        return dropped
