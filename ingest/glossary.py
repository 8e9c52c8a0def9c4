"""The glossary of abbreviations shipped in ``ingest/data/glossary.tsv``, read once. Ingest
spares its abbreviations from the OCR rules; the search expands them both ways."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def glossary_rows() -> tuple[tuple[str, str, bool], ...]:
    """(abbreviation, expansion, is a proper name) for each line of the glossary."""
    text = resources.files("ingest.data").joinpath("glossary.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            abbreviation, expansion, *kind = line.split("\t")
            rows.append((abbreviation.strip(), expansion.strip(), kind == ["name"]))
    return tuple(rows)
