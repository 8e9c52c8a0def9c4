"""Limiting a question to facets of the library or to reports (invented reports)."""

from __future__ import annotations

import pytest

from app.scope import NO_REPORT, library_constraints, reports_in_scope, scope_choices
from vectorstore.chroma_store import DocumentInfo

pytestmark = pytest.mark.unit


def report(doc_id: str, years: tuple[int, ...], places: tuple[str, ...]) -> DocumentInfo:
    return DocumentInfo(
        doc_id, f"{doc_id}.txt", f"Báo cáo {doc_id}", "txt", None, 3, 3, "", "h", years=years, places=places
    )


LIBRARY = [
    report("a", (2031,), ("province:can tho",)),  # a Mekong delta province
    report("b", (2032,), ("region:dbscl",)),
    report("c", (2031,), ("province:hung yen",)),
]


def test_the_choices_are_the_years_regions_and_provinces_reports_are_about_then_the_reports():
    choices = scope_choices(LIBRARY, lambda d: d.title)
    labels = [label for label, _ in choices]
    assert labels[:2] == ["Năm 2031 · 2 báo cáo", "Năm 2032 · 1 báo cáo"]
    assert any(label.startswith("Cần Thơ · 1") for label in labels)
    assert ("Báo cáo c", "c") in choices and len([v for _, v in choices if not v.startswith("facet:")]) == 3


def test_facets_of_one_kind_widen_kinds_narrow_and_picked_reports_are_added():
    region = next(v for label, v in scope_choices(LIBRARY, str) if v.startswith("facet:region:") and "dbscl" in v)
    assert reports_in_scope(["facet:year:2031"], LIBRARY) == ["a", "c"]
    assert reports_in_scope(["facet:year:2031", "facet:year:2032"], LIBRARY) == ["a", "b", "c"]
    assert reports_in_scope(["facet:year:2031", region], LIBRARY) == ["a"]  # Cần Thơ lies in the delta
    assert reports_in_scope(["facet:year:2032", "c"], LIBRARY) == ["b", "c"]
    assert reports_in_scope(["facet:year:2032", "facet:province:hung yen"], LIBRARY) == [NO_REPORT]
    assert reports_in_scope([], LIBRARY) == []  # the whole library


def test_what_the_library_is_about_is_labelled_as_a_question_s_constraints():
    reports = library_constraints(LIBRARY)
    assert len(reports) == 3
    assert frozenset({"năm 2031", "province:can tho", "region:dbscl"}) <= next(
        r for r in reports if "province:can tho" in r
    )
    assert not any("năm 2033" in r or "province:ha nam" in r for r in reports)
