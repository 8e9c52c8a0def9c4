"""The segmented keyword index against one index built over everything (no models needed)."""

import pytest

from ingest.chunking import chunk_document
from ingest.loaders import load_document
from vectorstore.keyword import KeywordIndex
from vectorstore.segments import SegmentedKeywordIndex

from .conftest import SAMPLES

pytestmark = pytest.mark.unit

QUESTIONS = [
    "tổng số lao động đang làm việc tại các khu công nghiệp Cần Thơ",
    "co thi dua ban quan ly cac kcn tinh ninh binh",
    "Giá trị sản xuất công nghiệp Bến Tre",
]


def sample_chunks():
    chunks = []
    for path in sorted(SAMPLES.glob("*.txt")):
        document = load_document(path, 10**9)
        chunks += chunk_document(document.doc_id, document.source, document.pages)
    return chunks


CHUNKS = sample_chunks()
# Pretend every 20 chunks are one report, so reports can be added and removed one by one.
REPORTS = [
    [c.__class__(**{**c.__dict__, "doc_id": f"{i:016x}", "chunk_id": f"{i:016x}-p{c.paragraph:04d}-{j}"}) for j, c in
     enumerate(CHUNKS[start : start + 20])]
    for i, start in enumerate(range(0, len(CHUNKS), 20))
]  # fmt: skip
ALL = [c for report in REPORTS for c in report]


def test_below_the_tail_size_it_ranks_exactly_as_one_index():
    whole, segmented = KeywordIndex(ALL), SegmentedKeywordIndex(ALL)
    for question in QUESTIONS:
        assert segmented.search(question, 10) == whole.search(question, 10)
        assert segmented.document_scores(question) == whole.document_scores(question)


def test_reports_added_one_by_one_freeze_and_merge_but_keep_whole_archive_statistics():
    segmented = SegmentedKeywordIndex(tail_max=50, max_frozen=2)
    for report in REPORTS:
        segmented.add(report)
    whole = KeywordIndex(ALL)
    assert len(segmented) == len(ALL) and 1 < len(segmented.segments) <= 4
    assert segmented._doc_freq == whole._doc_freq
    assert all(segmented.document_terms(d) == whole.document_terms(d) for d in whole.doc_ids)
    assert all(segmented.idf(t) == whole.idf(t) for t in ("lao", "dong", "ninh", "binh"))
    for question in QUESTIONS:  # what one index finds first, the segments find among their first
        best = whole.search(question, 1)["syllables"][0][0]
        assert best in [cid for cid, _ in segmented.search(question, 5)["syllables"]]


def test_a_removed_report_disappears_at_once_from_every_segment():
    segmented = SegmentedKeywordIndex(tail_max=50, max_frozen=2)
    for report in REPORTS:
        segmented.add(report)
    gone = REPORTS[0][0].doc_id
    segmented.remove([gone])
    assert len(segmented) == len(ALL) - len(REPORTS[0])
    assert segmented.chunk(REPORTS[0][0].chunk_id) is None and segmented.document_terms(gone) == frozenset()
    for question in QUESTIONS:
        assert all(not cid.startswith(gone) for ranked in segmented.search(question, 50).values() for cid, _ in ranked)
        assert gone not in segmented.document_scores(question)


def test_adding_a_report_again_replaces_it():
    segmented = SegmentedKeywordIndex(tail_max=50, max_frozen=2)
    for report in REPORTS:
        segmented.add(report)
    segmented.add(REPORTS[1])
    assert len(segmented) == len(ALL)
