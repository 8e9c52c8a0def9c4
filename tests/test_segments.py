"""The segmented keyword index against one segment built over everything (no models needed),
in memory and saved on disk."""

import json

import pytest

from ingest.chunking import chunk_document
from ingest.loaders import load_document
from ingest.normalize import search_syllables
from vectorstore.keyword import KeywordSegment, document_terms_of
from vectorstore.segments import MANIFEST, ChunkList, IndexBusyError, SegmentedKeywordIndex, document_batches

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
    [c.__class__(**{**c.__dict__, "doc_id": f"{i:016x}", "chunk_id": f"{i:016x}-p{j:04d}"}) for j, c in
     enumerate(CHUNKS[start : start + 20])]
    for i, start in enumerate(range(0, len(CHUNKS), 20))
]  # fmt: skip
ALL = [c for report in REPORTS for c in report]
SMALL = {"tail_max": 50, "segment_max": 100, "max_small": 2}  # so nine reports freeze and merge


def added_one_by_one(folder=None, **limits):
    source = ChunkList()
    index = SegmentedKeywordIndex(source, folder, **limits)
    for report in REPORTS:
        source.add(report)
        index.add(report)
    return source, index


def _rebuilt(source, folder=None, **limits):
    index = SegmentedKeywordIndex(source, folder, **limits)
    index.rebuild()
    return index


def test_below_the_tail_size_it_ranks_exactly_as_one_segment():
    one, segmented = KeywordSegment.build(ALL), _rebuilt(ChunkList(ALL))
    assert len(segmented.segments) == 1
    for question in QUESTIONS:
        expected = one.search(question, 10, segmented.fuzzy_variants(search_syllables(question)))
        assert segmented.search(question, 10) == expected
        assert segmented.document_scores(question) == one.document_scores(question)


def test_reports_added_one_by_one_freeze_and_merge_but_keep_whole_archive_statistics():
    _, segmented = added_one_by_one(**SMALL)
    whole = _rebuilt(ChunkList(ALL))
    assert len(segmented) == len(ALL) and 1 < len(segmented.segments) <= 4
    assert max(len(s) for s in segmented.segments) <= SMALL["segment_max"]
    assert segmented._doc_freq == whole._doc_freq
    assert all(segmented.document_terms(r[0].doc_id) == document_terms_of(r) for r in REPORTS)
    assert all(segmented.idf(t) == whole.idf(t) for t in ("lao", "dong", "ninh", "binh"))
    for question in QUESTIONS:  # what one index finds first, the segments find among their first
        best = whole.search(question, 1)["syllables"][0][0]
        assert best in [cid for cid, _ in segmented.search(question, 5)["syllables"]]


def test_a_removed_report_disappears_at_once_from_every_segment():
    _, segmented = added_one_by_one(**SMALL)
    for gone in (REPORTS[0][0].doc_id, REPORTS[-1][0].doc_id):  # in a frozen segment, in the tail
        segmented.remove([gone])
        assert gone not in segmented and segmented.document_terms(gone) == frozenset()
        for question in QUESTIONS:
            ranked = segmented.search(question, 500).values()
            assert all(not cid.startswith(gone) for pairs in ranked for cid, _ in pairs)
            assert gone not in segmented.document_scores(question)
    assert len(segmented) == len(ALL) - len(REPORTS[0]) - len(REPORTS[-1])


def test_masked_chunks_never_crowd_out_live_ones():
    _, segmented = added_one_by_one(**SMALL)
    question = QUESTIONS[0]
    before = segmented.search(question, 5)["syllables"]
    first_doc = before[0][0].rsplit("-p", 1)[0]
    segmented.remove([first_doc])
    after = segmented.search(question, 5)["syllables"]
    assert len(after) == 5 and all(not cid.startswith(first_doc) for cid, _ in after)


def test_adding_a_report_again_replaces_it():
    _, segmented = added_one_by_one(**SMALL)
    segmented.add(REPORTS[1])
    assert len(segmented) == len(ALL)


def test_saved_index_opens_without_the_source_and_ranks_the_same(tmp_path):
    _, segmented = added_one_by_one(tmp_path, **SMALL)
    segmented.remove([REPORTS[2][0].doc_id])

    class NoReads(ChunkList):  # a source that fails if the index reads chunk text to open
        def chunks_of_documents(self, doc_ids):
            raise AssertionError("opening a saved index must not read the store")

        def chunks_by_ids(self, chunk_ids):
            raise AssertionError("opening a saved index must not read the store")

    reopened = SegmentedKeywordIndex.open(NoReads(), tmp_path, len(segmented), **SMALL)
    assert len(reopened.segments) == len(segmented.segments) and len(reopened) == len(segmented)
    for question in QUESTIONS:
        assert reopened.search(question, 10) == segmented.search(question, 10)
        assert reopened.document_scores(question) == segmented.document_scores(question)
    # Only the manifest's segments are left on disk.
    names = {entry["name"] for entry in json.loads((tmp_path / MANIFEST).read_text())["segments"]}
    assert {p.name for p in tmp_path.iterdir() if p.is_dir()} == names


def test_a_saved_index_that_does_not_match_the_store_is_rebuilt(tmp_path):
    added_one_by_one(tmp_path, **SMALL)
    fewer = ChunkList([c for c in ALL if c.doc_id != REPORTS[0][0].doc_id])  # store changed behind its back
    reopened = SegmentedKeywordIndex.open(fewer, tmp_path, len(ALL) - len(REPORTS[0]), **SMALL)
    assert len(reopened) == len(ALL) - len(REPORTS[0]) and REPORTS[0][0].doc_id not in reopened


def test_an_interrupted_change_is_not_trusted(tmp_path):
    source, segmented = added_one_by_one(tmp_path, **SMALL)
    with segmented.change():
        assert json.loads((tmp_path / MANIFEST).read_text())["pending"] is True
        # ... the process dies here, after writing to the store: the next start rebuilds.
        crashed = SegmentedKeywordIndex(source, tmp_path, **SMALL)
        assert crashed._load() is False
    assert json.loads((tmp_path / MANIFEST).read_text())["pending"] is False


def test_a_damaged_manifest_means_a_rebuild(tmp_path):
    source, _ = added_one_by_one(tmp_path, **SMALL)
    (tmp_path / MANIFEST).write_text("{not json", encoding="utf-8")
    reopened = SegmentedKeywordIndex.open(source, tmp_path, len(ALL), **SMALL)
    assert len(reopened) == len(ALL)


def test_document_batches_keep_documents_whole():
    sizes = {"a": 30, "b": 30, "c": 50, "d": 5}
    assert list(document_batches(sizes, 60)) == [["a", "b"], ["c", "d"]]
    assert list(document_batches({"big": 500}, 60)) == [["big"]]


def test_a_change_that_fails_midway_stays_pending_until_rebuilt(tmp_path):
    source, segmented = added_one_by_one(tmp_path, **SMALL)
    with pytest.raises(KeyboardInterrupt), segmented.change():
        raise KeyboardInterrupt  # e.g. Ctrl-C during `baocao ingest`: files stored, index behind
    assert json.loads((tmp_path / MANIFEST).read_text())["pending"] is True
    assert not segmented.is_current(len(ALL))
    reopened = SegmentedKeywordIndex.open(source, tmp_path, len(ALL), **SMALL)
    assert json.loads((tmp_path / MANIFEST).read_text())["pending"] is False and reopened.is_current(len(ALL))


def test_while_another_process_writes_a_reader_reads_the_saved_index_and_a_second_writer_is_refused(tmp_path):
    source, writer = added_one_by_one(tmp_path, **SMALL)
    with writer.change():  # e.g. `baocao ingest` running: the manifest says pending
        reader = SegmentedKeywordIndex.open(NoRebuild(ALL), tmp_path, len(ALL) + 1, **SMALL)
        assert len(reader) == len(ALL)  # what the writer last saved, not rebuilt
        assert reader.search(QUESTIONS[0], 5) == writer.search(QUESTIONS[0], 5)
        with pytest.raises(IndexBusyError), reader.change():
            pass
        assert json.loads((tmp_path / MANIFEST).read_text())["pending"] is True
    assert not reader.is_current(len(ALL))  # the writer finished: reopen
    assert not SegmentedKeywordIndex(source, tmp_path, **SMALL).other_writer()


class NoRebuild(ChunkList):
    def document_sizes(self):
        raise AssertionError("a reader must not rebuild over a live writer")


def test_a_question_term_s_misreadings_are_all_read_though_the_query_takes_the_rarest_few():
    # Made up: "khối" in 40 chunks; one letter away, rare words ("khoa", "khoe") and OCR's
    # misreadings, the commonest "khéi" (OCR text misreads the same word the same way).
    counts = {"Khối": 40, "khoa": 1, "khoe": 1, "khi": 2, "Khdi": 3, "Khéi": 6}
    texts = [word for word, n in counts.items() for _ in range(n)]
    chunks = [
        CHUNKS[0].__class__(**{**CHUNKS[0].__dict__, "chunk_id": f"{i:016x}-p0001", "doc_id": f"{i:016x}",
                               "text": f"{word} thi đua Kim Sơn", "headings": (), "title": ""})
        for i, word in enumerate(texts)
    ]  # fmt: skip
    index = _rebuilt(ChunkList(chunks))
    assert "khei" in index.variants("khoi")  # 6 chunks: within a quarter of the term's 40
    assert "khei" not in index.fuzzy_variants(["khoi"])  # the query adds the four rarest only
    assert len(index.fuzzy_variants(["khoi"])) == 4
