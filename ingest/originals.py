"""Copies of the ingested files, kept by document id so the app can serve the original
(a PDF opened at ``#page=N``) and re-index it. Paths are derived from the id only, so a
request can never name a file outside this folder."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

_DOC_ID = re.compile(r"^[0-9a-f]{16}$")
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    ".doc": "application/msword",
    ".rtf": "application/rtf",
    ".odt": "application/vnd.oasis.opendocument.text",
}


class Originals:
    def __init__(self, root: Path) -> None:
        self._root = root

    def _folder(self, doc_id: str) -> Path | None:
        return self._root / doc_id if _DOC_ID.match(doc_id) else None

    def keep(self, doc_id: str, path: Path) -> None:
        """Copy the file in (once; the id is its content hash). Copied under a temporary name
        and renamed: a crash mid-copy never leaves a truncated original that looks kept."""
        folder = self._folder(doc_id)
        if folder is None or (folder / path.name).exists():
            return
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{path.name}.tmp"
        shutil.copyfile(path, temporary)
        temporary.replace(folder / path.name)

    def path(self, doc_id: str) -> Path | None:
        """The kept copy, or None (unknown id, or indexed before copies were kept)."""
        folder = self._folder(doc_id)
        if folder is None or not folder.is_dir():
            return None
        # A hidden ".name.tmp" is a copy under way, not the original.
        files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
        return files[0] if files else None

    def remove(self, doc_id: str) -> None:
        folder = self._folder(doc_id)
        if folder is not None and folder.is_dir():
            shutil.rmtree(folder)
