import pytest

from ingest.normalize import search_syllables
from vectorstore.fusion import reciprocal_rank_fusion
from vectorstore.query import expand_abbreviations, fold_abbreviations, spell_out_shorthand

pytestmark = pytest.mark.unit


def test_rrf_rewards_agreement_and_respects_weights():
    fused = reciprocal_rank_fusion({"a": ["x", "y"], "b": ["y", "z"]}, k=10)
    assert fused[0][0] == "y"
    weighted = reciprocal_rank_fusion({"a": ["x"], "b": ["z"]}, weights={"a": 1.0, "b": 2.0}, k=10)
    assert [item for item, _ in weighted] == ["z", "x"]


def test_abbreviations_are_expanded_both_ways():
    assert "đồng bằng sông Hồng" in expand_abbreviations("Khối ĐBSH năm 2019")
    assert "KCN" in expand_abbreviations("các khu công nghiệp Cần Thơ")
    assert expand_abbreviations("Cần Thơ") == "Cần Thơ"


def test_shorthand_is_spelled_out_in_the_form_the_question_is_typed_in():
    assert spell_out_shorthand("6T 2031 doanh thu cua DN") == "6 thang dau nam 2031 doanh thu cua DN"
    assert spell_out_shorthand("Nộp ngân sách 9T/2031") == "Nộp ngân sách 9 tháng đầu năm 2031"
    assert spell_out_shorthand("6TCN 2031") == "6 thang cuoi nam 2031"
    assert spell_out_shorthand("16T, 6TX") == "16T, 6TX"  # not inside a number or a word
    # What is searched is spelled out.
    assert "6 tháng đầu năm 2031" in expand_abbreviations("Doanh thu 6T 2031 tăng bao nhiêu?")


def test_words_that_share_a_syllable_are_told_apart():
    # "xuất" of "sản xuất" is not the "xuất" of "xuất khẩu": an export question must not find
    # its words in the industrial-output sentence.
    output = fold_abbreviations(search_syllables("Giá trị sản xuất công nghiệp đạt 48% kế hoạch"))
    exports = fold_abbreviations(search_syllables("giá trị xuất khẩu đạt bao nhiêu % kế hoạch"))
    assert "xk" in exports and "xk" not in output and not {"xuat", "khau"} & set(output)
    assert fold_abbreviations(search_syllables("kim ngạch xuất nhập khẩu")) == ["kim", "ngach", "xnk"]


def test_spelled_out_phrases_fold_into_the_abbreviation():
    assert fold_abbreviations(search_syllables("các khu công nghiệp tỉnh dong bang song Hong")) == [
        "cac",
        "kcn",
        "tinh",
        "dbsh",
    ]
