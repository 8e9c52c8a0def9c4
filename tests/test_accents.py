"""Accents put back into OCR text from clean text (invented sentences), and how it is measured."""

from __future__ import annotations

import pytest

from evals.accents import leave_one_out, score_repair
from ingest.accents import AccentRestorer
from ingest.normalize import strip_accents

pytestmark = pytest.mark.unit

CLEAN = [
    "Ban Quản lý các khu công nghiệp tỉnh Kim Sơn thu hút 12 dự án, tổng vốn đầu tư 1.234,5 tỷ đồng.",
    "Công tác thi đua, khen thưởng được tính toán kịp thời; tỉnh Kim Sơn đạt kết quả tốt.",
    "Tính đến nay, Ban Quản lý đã cấp mới 7 dự án FDI với số vốn 56,7 triệu USD, diện tích 3 m2.",
]


def test_words_the_clean_reports_spell_get_their_accents_back():
    restorer = AccentRestorer.fit(CLEAN)
    ocr = "Ban Quan 1y cac khu cong nghiep tinh Kim Son thu hut 21 du an, tong von dau tu 4.321,5 ty dong."
    assert restorer.restore(ocr) == (
        "Ban Quản lý các khu công nghiệp tỉnh Kim Sơn thu hút 21 dự án, tổng vốn đầu tư 4.321,5 tỷ đồng."
    )


def test_the_words_around_tell_which_spelling_is_meant():
    restorer = AccentRestorer.fit(CLEAN)
    assert restorer.restore("tinh Kim Son") == "tỉnh Kim Sơn"
    assert restorer.restore("Tinh den nay") == "Tính đến nay"


def test_numbers_acronyms_units_and_unknown_words_stay_as_written():
    restorer = AccentRestorer.fit(CLEAN)
    assert restorer.restore("FDI 56,7 trieu USD, 3 m2, xyzw") == "FDI 56,7 triệu USD, 3 m2, xyzw"
    assert restorer.restore("") == "" and AccentRestorer.fit([]).restore("du an") == "du an"


def test_a_repair_is_scored_word_by_word_and_a_changed_number_is_caught():
    original = "Thu hút 12 dự án mới."
    stripped = strip_accents(original)
    assert stripped == "Thu hut 12 du an moi."
    score = score_repair(original, stripped, "Thu hút 12 dự án mới.")
    # "Thu" never had accents
    assert (score.words, score.right_before, score.right_after, score.numbers_kept) == (5, 1, 5, True)
    assert not score_repair(original, stripped, "Thu hút 13 dự án mới.").numbers_kept
    scores = leave_one_out({"a": CLEAN[0], "b": CLEAN[0].replace("12", "8")})
    assert scores["a"].after == 1.0 and scores["a"].before < 0.5
