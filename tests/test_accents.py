"""Accents put back into OCR text from clean text (invented sentences), and how it is measured."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from evals.accents import leave_one_out, score_repair
from ingest.accents import FUZZY_NAME_WORDS, AccentRestorer, letters_apart
from ingest.gazetteer import place_names
from ingest.normalize import ocr_key, strip_accents

pytestmark = pytest.mark.unit


def library_only(clean: list[str], names: Iterable[str] = ()) -> AccentRestorer:
    """Fitted on the clean reports' spellings alone, each taken however seldom they have it,
    as a large library has them: what the tests of runs, names and misreadings are about."""
    return AccentRestorer.fit(clean, names, prior={}, min_share=0.0)


CLEAN = [
    "Ban Quản lý các khu công nghiệp tỉnh Kim Sơn thu hút 12 dự án, tổng vốn đầu tư 1.234,5 tỷ đồng.",
    "Công tác thi đua, khen thưởng được tính toán kịp thời; tỉnh Kim Sơn đạt kết quả tốt.",
    "Tính đến nay, Ban Quản lý đã cấp mới 7 dự án FDI với số vốn 56,7 triệu USD, diện tích 3 m2.",
]


def test_words_the_clean_reports_spell_get_their_accents_back():
    restorer = library_only(CLEAN)
    ocr = "Ban Quan 1y cac khu cong nghiep tinh Kim Son thu hut 21 du an, tong von dau tu 4.321,5 ty dong."
    assert restorer.restore(ocr) == (
        "Ban Quản lý các khu công nghiệp tỉnh Kim Sơn thu hút 21 dự án, tổng vốn đầu tư 4.321,5 tỷ đồng."
    )


def test_the_words_around_tell_which_spelling_is_meant():
    restorer = library_only(CLEAN)
    assert restorer.restore("tinh Kim Son") == "tỉnh Kim Sơn"
    assert restorer.restore("Tinh den nay") == "Tính đến nay"


def test_a_word_is_spelled_as_in_the_longest_run_around_it():
    # "so với cùng" and "với cùng kỳ" are both runs of the reports: "ky" is read with the words
    # before it ("kỳ"), not alone, where "ký" (of "đăng ký") is the commoner spelling.
    restorer = library_only(
        [
            "Doanh thu tăng 5% so với cùng năm trước.",
            "Vốn đăng ký tăng; đăng ký mới; đăng ký kinh doanh.",
            "Xuất khẩu giảm mạnh với cùng kỳ.",
        ]
    )
    assert restorer.restore("tang 8% so voi cung ky nam 2032") == "tăng 8% so với cùng kỳ năm 2032"


def test_a_person_s_family_name_is_spelled_as_a_family_name():
    # The clean text spells "pham" as "phẩm" (sản phẩm): a name's first word is not a product.
    restorer = library_only(["Sản phẩm và sản phẩm mới; ông phát biểu tại Hội nghị."])
    assert restorer.restore("Ong Pham Van Tan phat bieu") == "Ông Phạm Van Tan phát biểu"
    assert restorer.restore("Pham Van Tan, Le Thi Lan") == "Phạm Van Tan, Lê Thi Lan"
    assert restorer.restore("Dong chi Pham Van Tan") == "Dong chi Phạm Van Tan"
    assert restorer.restore("san pham moi") == "sản phẩm mới"


def test_numbers_acronyms_units_and_unknown_words_stay_as_written():
    restorer = library_only(CLEAN)
    assert restorer.restore("FDI 56,7 trieu USD, 3 m2, xyzw") == "FDI 56,7 triệu USD, 3 m2, xyzw"
    assert restorer.restore("") == "" and library_only([]).restore("du an") == "du an"


# Clean text that spells the keys of place names otherwise: "năm" (year) for "nam", "đường"
# for "duong", and a run "tỉnh Hải" (of "tỉnh Hải Phòng") ready to swallow another name's word.
NAMELESS = [
    "Năm nay, tuyến đường mới nối tỉnh Hải Phòng với cảng; năm sau thêm một tuyến đường.",
    "Trong năm, các tuyến đường được nâng cấp; tỉnh Hải Phòng đạt kết quả tốt.",
]


def test_place_names_are_spelled_as_the_gazetteer_spells_them():
    restorer = library_only(NAMELESS, place_names())
    assert restorer.restore("tinh Hai Duong, tinh Nam Dinh") == "tỉnh Hải Dương, tỉnh Nam Định"
    assert restorer.restore("KCN Ha Nam, tinh Ha Noi") == "KCN Hà Nam, tỉnh Hà Nội"
    # without the names, the reports' own spellings win
    assert library_only(NAMELESS).restore("tinh Hai Duong") == "tỉnh Hải Đường"


def test_a_place_name_is_only_read_where_its_words_are_capitalised():
    restorer = library_only(NAMELESS, place_names())
    assert restorer.restore("nam nay, tuyen duong") == "năm nay, tuyến đường"
    # "hòa bình" is peace, "Hòa Bình" a province
    assert restorer.restore("hoa binh; ha nam") == "hoa binh; ha năm"
    assert restorer.restore("Hoa Binh; Ha Nam") == "Hòa Bình; Hà Nam"


def test_a_long_place_name_with_one_letter_misread_is_still_spelled_right():
    restorer = library_only(NAMELESS, place_names())
    assert restorer.restore("cac tinh dong bang Séng Hong") == "các tỉnh đồng bằng Sông Hồng"
    # Two words: a misread letter only in a word no clean report spells ("Dwcng"), and only
    # where one name is that close; "nay" is a word of the reports ("Năm nay"), not "Nam".
    assert restorer.restore("tinh Hai Dwcng, tinh Béc Ninh") == "tỉnh Hải Dương, tỉnh Bắc Ninh"
    assert restorer.restore("tinh Ha Nay") != "tỉnh Hà Nam"
    # and only after a province word: a district, a zone or a person one letter from a
    # province keeps its own name.
    for other in ("huyen Mai Chau", "KCN Binh Minh", "Ong Tran Binh Minh"):
        assert "Lai Châu" not in restorer.restore(other) and "Bình Định" not in restorer.restore(other)
    # which holds only while no two such names are a letter apart
    long_names = {tuple(ocr_key(w) for w in n.split()) for n in place_names() if len(n.split()) >= FUZZY_NAME_WORDS}
    apart = [
        (a, b)
        for a in long_names
        for b in long_names
        if len(a) == len(b) and sum(letters_apart(u, v) for u, v in zip(a, b, strict=True)) == 1
    ]
    assert not apart


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


def test_a_misread_letter_is_read_from_the_words_around_it():
    restorer = library_only([*CLEAN, "Khối phó Khối thi đua phát biểu; như thường lệ.", "Cá ngừ đại dương."])
    # "cip" and "Qudn" are no words of the reports: beside the words they stand with, they are
    # "cấp" and "Quản"; "phé" is a word ("phê"), but beside "Khéi" the pair is "Khối phó".
    assert restorer.restore("da cip moi 7 dy an") == "đã cấp mới 7 dự án"
    assert restorer.restore("Ban Qudn 1y") == "Ban Quản lý"
    assert restorer.restore("Khéi phé phat biéu") == "Khối phó phát biểu"
    # A misread word alone has no context to read it by; a common word is not read as a rarer
    # one beside a misreading ("như" is not the "ngừ" of "cá ngừ đại").
    assert restorer.restore("cip") == "cip"
    assert restorer.restore("nhu dgi") == "như dgi"
    # A question typed without accents has no misread letters: its words are only looked up.
    assert restorer.restore("da cip moi", misread=False) == "đã cip mới"


def test_names_of_people_and_codes_with_digits_are_not_read_as_other_words():
    restorer = library_only([*CLEAN, "Ông Trần Văn Tân phát biểu; điểm an toàn giao thông."])
    assert restorer.restore("ong Tran Van Tun phat bieu") == "ông Trần Văn Tun phát biểu"
    assert restorer.restore("theo diem 3a khoan 2") == "theo điểm 3a khoan 2"


def test_a_word_the_library_spells_seldom_is_not_put_back_as_general_text_seldom_spells_it():
    # A library of one awards decision spells "tang" only as "tặng"; "tang 12,5%" is "tăng".
    awards = ["Đề nghị tặng Cờ thi đua cho Ban Quản lý các KCN tỉnh Kim Sơn."]
    prior = {"tang": {"tăng": 0.55, "tầng": 0.15, "tặng": 0.1, "tang": 0.2}}
    assert library_only(awards).restore("tang 12,5%") == "tặng 12,5%"  # the library alone misleads
    assert AccentRestorer.fit(awards, prior=prior).restore("tang 12,5%") == "tang 12,5%"  # left as written
    # A question searched with, which no one reads, takes the likeliest spelling.
    assert AccentRestorer.fit(awards, prior=prior).restore("tang 12,5%", guess=True) == "tăng 12,5%"
    # A spelling general text gives the word nearly always is put back, the library silent.
    assert AccentRestorer.fit([], prior={"phai": {"phải": 0.96, "phái": 0.04}}).restore("phai") == "phải"


def test_a_word_whose_spellings_are_all_common_is_left_as_written():
    # "đất", "đặt" and "đạt" are all common: "dat 38%" alone is none of them for sure, and a
    # word left without accents misleads no one.
    prior = {"dat": {"đất": 0.42, "đặt": 0.32, "đạt": 0.22, "dắt": 0.04}}
    clean = ["Diện tích đất công nghiệp; đạt kế hoạch."]
    assert AccentRestorer.fit(clean, prior=prior).restore("dat 38%") == "dat 38%"
    # ... unless the library has it often enough one way.
    often = AccentRestorer.fit(["Doanh thu đạt kế hoạch."] * 40, prior=prior)
    assert often.restore("dat 38%") == "đạt 38%"


def test_a_code_is_never_spelled_as_a_word_of_the_prior():
    assert AccentRestorer.fit([], prior={"aa": {"aa": 1.0}}).restore("theo điểm 3a khoan 2") == "theo điểm 3a khoan 2"


def test_the_word_that_introduces_a_place_name_is_spelled_so():
    # "tinh" alone may be "tính", "tỉnh" or "tình"; right before a province or region it is "tỉnh".
    prior = {"tinh": {"tính": 0.3, "tỉnh": 0.23, "tình": 0.22, "tinh": 0.19, "tĩnh": 0.06}}
    restorer = AccentRestorer.fit([], place_names(), prior=prior)
    assert restorer.restore("cac tinh Hai Duong") == "cac tỉnh Hải Dương"
    assert restorer.restore("thanh pho Hai Phong") == "thành phố Hải Phòng"
    assert restorer.restore("tinh toan") == "tinh toan"  # no place after it: left as written
