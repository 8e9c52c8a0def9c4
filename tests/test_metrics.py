import pytest

from evals.metrics import (
    bold_fact_found,
    contains_fact,
    evidence_rank,
    key_facts_ok,
    percentile,
    score_question,
    summarise,
)

pytestmark = pytest.mark.unit


def test_numbers_match_across_separators_and_leading_zeros():
    assert contains_fact("đạt 36,818 lao động", "36.818")
    assert contains_fact("có 06 tập thể đăng ký", "6 tập thể")
    assert not contains_fact("đạt 36.81 lao động", "36.818")


def test_names_match_without_diacritics_but_not_partially():
    assert contains_fact("tang Co thi dua cho Ban Quan 1y", "Cờ thi đua")
    assert not contains_fact("Hai Duong", "Hải Phòng")
    assert not contains_fact("Ninh Binh", "Ninh Bình Thuận")


def test_a_name_written_without_accents_is_found_as_written():
    # "Bluewave" has no accents, so read alone it looks like OCR text ("w" → "u").
    assert contains_fact("Dự án nhà máy Bluewave Kim Sơn, vốn 90 triệu USD", "Bluewave")
    assert not contains_fact("Dự án nhà máy Bluewav Kim Sơn", "Bluewave")


def test_every_group_needs_one_alternative():
    assert key_facts_ok("532 dự án, 379 FDI và 153 DDI", [["532"], ["379"], ["153"]])
    assert not key_facts_ok("532 dự án, 379 FDI", [["532"], ["379"], ["153"]])


def test_evidence_rank_uses_the_index_normalisation():
    passages = ["khác", "Két qua cip méi Gidy\nching nhan dang ky dau tu cho 532 dy an"]
    assert evidence_rank(passages, ["cip méi Gidy ching nhan"]) == 2
    assert evidence_rank(passages, ["không có"]) is None


def test_percentile_nearest_rank():
    assert percentile([10, 20, 30, 40], 50) == 20
    assert percentile([10, 20, 30, 40], 95) == 40
    assert percentile([], 50) == 0.0


def test_summary_counts_refusals_and_hits():
    gold = [
        {"id": "a", "category": "result", "doc": "x", "must_include": [["5"]], "evidence": ["năm"]},
        {"id": "b", "category": "unanswerable", "doc": None, "must_include": [], "evidence": []},
    ]
    answers = [
        {"answer": "có 5", "refused": False, "latency_ms": 10},
        {"answer": "không", "refused": True, "latency_ms": 30},
    ]
    results = [score_question(g, a, ["năm năm"]) for g, a in zip(gold, answers, strict=True)]
    summary = summarise("all", results)
    assert summary.hit_at_1 == 1.0 and summary.key_fact_accuracy == 1.0 and summary.refusal_accuracy == 1.0
    assert summary.latency_p95_ms == 30


def test_a_bold_fact_agrees_with_the_reference_by_value():
    reference = "Có 278 dự án FDI, vốn khoảng 84.517 tỷ đồng; ông Trần Văn Tân chủ trì."
    assert bold_fact_found(reference, "FDI: 278 dự án")  # its label is not compared
    assert bold_fact_found(reference, "khoảng 84.517 tỉ đồng")  # "tỉ" / "tỷ": the number decides
    assert bold_fact_found(reference, "Ông Trần Văn Tân")
    assert not bold_fact_found(reference, "236 dự án")
    assert not bold_fact_found(reference, "Bà Nguyễn Thị Lan")


def test_bold_facts_are_scored_against_the_reference_answer():
    gold = [
        {"id": "a", "category": "result", "answer": "Có 437 dự án.", "must_include": [["437"]]},
        {"id": "b", "category": "result", "answer": "Có 437 dự án.", "must_include": [["437"]]},
        {"id": "c", "category": "unanswerable", "answer": "Không có.", "must_include": []},
        {"id": "d", "category": "result", "answer": "Có 437 dự án.", "must_include": [["437"]]},
    ]
    answers = [
        {"answer": "437 dự án [1]", "refused": False, "direct": ["437 dự án"]},
        {"answer": "281 dự án [1]", "refused": False, "direct": ["281 dự án"]},
        {"answer": "12 dự án [1]", "refused": False, "direct": ["12 dự án"]},  # bold, where nothing answers
        {"answer": "“Có 437 dự án.” [1]", "refused": False},  # no bold line: not counted
    ]
    results = [score_question(g, a, []) for g, a in zip(gold, answers, strict=True)]
    assert [r.bold_right for r in results] == [True, False, False, None]
    summary = summarise("all", results)
    assert summary.bold_shown == 3 and summary.bold_right == 0.333
