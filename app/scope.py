"""What a question may be limited to: reports, or facets of the library (a year, a region, a
province) read from each report's document frame. Pure.

Facets of one kind widen the scope (2031 or 2032); kinds narrow it (2031 and the Mekong
delta); reports picked by name are added to what the facets select.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from app.answering.constraints import constraint_key
from ingest.gazetteer import display_name, region_of
from vectorstore.chroma_store import DocumentInfo

FACET = "facet:"  # a choice's value names a facet ("facet:year:2031"), else it is a doc id
NO_REPORT = "-"  # no doc id is this: a scope no report is in searches nothing, not everything


def _facets_of(document: DocumentInfo) -> set[tuple[str, str]]:
    found = {("year", str(year)) for year in document.years}
    for place in document.places:
        kind, _, key = place.partition(":")
        found.add((kind, key))
        if kind == "province":
            found |= {("region", region) for region in region_of(key)}
    return found


def library_constraints(documents: Sequence[DocumentInfo]) -> tuple[frozenset[str], ...]:
    """What each report is about (its years, provinces and regions), labelled as a question's
    constraints are ("năm 2031", "province:ha nam", "region:dbsh"); one set per distinct report."""
    labelled = {frozenset(constraint_key(kind, key) for kind, key in _facets_of(document)) for document in documents}
    return tuple(sorted(labelled, key=sorted))


def _label(kind: str, key: str, count: int) -> str:
    name = f"Năm {key}" if kind == "year" else display_name(kind, key)
    return f"{name} · {count} báo cáo"


def scope_choices(
    documents: Sequence[DocumentInfo], report_label: Callable[[DocumentInfo], str]
) -> list[tuple[str, str]]:
    """Choices for the scope of a question: years, regions and provinces that at least one
    report is about (with how many), then the reports themselves."""
    counts = Counter(facet for document in documents for facet in _facets_of(document))
    order = {"year": 0, "region": 1, "province": 2}
    facets = sorted((f for f in counts if f[0] in order), key=lambda f: (order[f[0]], f[1]))
    choices = [(_label(kind, key, counts[(kind, key)]), f"{FACET}{kind}:{key}") for kind, key in facets]
    return choices + [(report_label(d), d.doc_id) for d in documents]


def reports_in_scope(chosen: Sequence[str], documents: Sequence[DocumentInfo]) -> list[str]:
    """The doc ids a question is limited to (empty: the whole library)."""
    picked = {value for value in chosen if not value.startswith(FACET)}
    wanted: dict[str, set[str]] = {}
    for value in chosen:
        if value.startswith(FACET):
            kind, _, key = value.removeprefix(FACET).partition(":")
            wanted.setdefault(kind, set()).add(key)
    if wanted:
        for document in documents:
            facets = _facets_of(document)
            if all(any((kind, key) in facets for key in keys) for kind, keys in wanted.items()):
                picked.add(document.doc_id)
        if not picked:
            return [NO_REPORT]
    return sorted(picked)
