import pytest

from ingest.normalize import (
    canon_syllable,
    char_ngrams,
    clean_text,
    diacritic_ratio,
    fold,
    is_ocr_text,
    is_vietnamese_syllable,
    match_key,
    numbers_in,
    search_syllables,
    search_text,
    unwrapped,
)

pytestmark = pytest.mark.unit


def test_clean_text_normalises_unicode_controls_and_hyphenation():
    raw = "Ban Qua\u0309n ly\u0301\ufffd\x07 các\u00a0\u00a0KCN\r\nkế hoạch phát tri-\nển"
    assert clean_text(raw) == "Ban Quản lý các KCN\nkế hoạch phát triển"


def test_a_range_of_years_wrapped_at_its_dash_keeps_the_dash():
    # Not "20352036": the two years stay apart, and the line stays as wrapped for the chunker.
    assert clean_text("giai đoạn 2035-\n2036 cho hạ tầng") == "giai đoạn 2035-\n2036 cho hạ tầng"
    assert unwrapped(clean_text("giai đoạn 2035-\n2036 cho hạ tầng")) == "giai đoạn 2035-2036 cho hạ tầng"


def test_fold_strips_diacritics_and_d_bar():
    assert fold("Đầu tư Đồng Tháp") == "dau tu dong thap"


@pytest.mark.parametrize(
    ("ocr", "clean"),
    [
        ("Ban Quan 1y", "Ban Quản lý"),
        ("Quan Iy", "Quản lý"),
        ("Pau tu", "Đầu tư"),
        ("chirc", "chức"),
        ("twong", "tương"),
        ("dugc", "được"),
        ("Ho1 nghi", "Hội nghị"),
        ("t6 chirc", "tổ chức"),
        ("nghi¢p", "nghiệp"),
        ("ddng", "đồng"),
    ],
)
def test_common_ocr_confusions_meet_the_clean_spelling(ocr, clean):
    assert search_syllables(ocr) == search_syllables(clean)


def test_canonicalisation_leaves_clean_syllables_alone():
    for word in ("phong", "truong", "quan", "phuong", "nguoi", "khuyen", "ba"):
        assert canon_syllable(word) == word


def test_numbers_match_whatever_the_separator():
    assert numbers_in("36.818 lao động, 85,8% và 36818") == ["36818", "858", "36818"]
    assert search_syllables("5,871 tỷ USD") == search_syllables("5.871 tỷ usd")


def test_match_key_ignores_line_breaks_and_spacing():
    passage = "tong von dau tu cAp méi va\ndiéu chinh ting thém"
    assert match_key("cAp méi va diéu chinh") in match_key(passage)


def test_char_ngrams_span_word_boundaries():
    assert "n_ly" in char_ngrams(["quan", "ly"], 4)


def test_diacritic_ratio_tells_ocr_from_clean_text():
    assert diacritic_ratio("Khéi thi dua Ban Quan 1y cac KCN tinh Hai Duong") < 0.4
    assert diacritic_ratio("Khối thi đua các Ban Quản lý tỉnh Hải Dương") > 0.6


def test_vietnamese_syllable_shape():
    assert is_vietnamese_syllable("nghieng") and is_vietnamese_syllable("long")
    assert not is_vietnamese_syllable("logn") and not is_vietnamese_syllable("gidy")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phần II", ["phan", "ii"]),
        ("PDF", ["pdf"]),
        ("m3", ["m3"]),
        ("3.500 m2 nhà xưởng", ["3500", "m2", "nha", "xuong"]),
        ("Vốn DDI và chỉ số PCI", ["von", "ddi", "va", "chi", "so", "pci"]),
        ("Thành phố Ploma", ["thanh", "pho", "ploma"]),
    ],
)
def test_clean_text_is_only_folded(text, expected):
    assert search_syllables(text) == expected


def test_ocr_rules_apply_to_accentless_text_or_on_request():
    assert search_syllables("Pau tu cac KCN") == ["dau", "tu", "cac", "kcn"]  # detected as OCR
    assert search_syllables("Pau", ocr=True) == ["dau"]
    assert search_syllables("Pau", ocr=False) == ["pau"]  # each variant cached on its own
    assert search_syllables("Pau", ocr=True) == ["dau"]
    assert match_key("Ban Quan 1y", ocr=True) == match_key("Ban Quản lý") == "banquanly"
    assert search_text("dugc giao", ocr=True) == "duoc giao"


def test_a_name_of_the_central_highlands_keeps_its_p_without_accents():
    # Đ read as P is followed by a vowel; "Pleiku", "Plei Kần" are no misread "Đ".
    assert search_syllables("KCN Nam Pleiku") == ["kcn", "nam", "pleiku"]
    assert match_key("thi xa Plei Kan", ocr=True) == match_key("thị xã Plei Kần")
    assert search_syllables("Piem so", ocr=True) == ["diem", "so"]


def test_a_roman_numeral_typed_in_lower_case_is_the_numeral_not_ocr_damage():
    # A question without accents takes the OCR rules, whose "ii" -> "u" mends "ciing" (cũng).
    assert search_syllables("quy ii nam 2093") == search_syllables("Quý II năm 2093") == ["quy", "ii", "nam", "2093"]
    assert search_syllables("kcn lapha iii va iv") == ["kcn", "lapha", "iii", "va", "iv"]
    assert search_syllables("ciing Biii", ocr=True) == ["cung", "bui"]
    # "vii", "xii" in OCR text are "vụ", "xử" misread.
    assert search_syllables("nhiem vii xii ly", ocr=True) == ["nhiem", "vu", "xu", "ly"]


def test_ocr_rules_spare_acronyms_numerals_and_units():
    assert search_syllables("Phan II, von DDI, PDF va 20 m3", ocr=True) == [
        "phan",
        "ii",
        "von",
        "ddi",
        "pdf",
        "va",
        "20",
        "m3",
    ]


def test_a_syllable_read_with_two_digits_is_one_word_and_a_number_keeps_its_unit_apart():
    # "lớn" read as "16n" is one OCR'd word, not the number 1 and "6n"
    assert search_syllables("su kien 16n", ocr=True) == ["su", "kien", "lon"]
    assert search_syllables("dien tich 15ha, 100m2", ocr=True) == ["dien", "tich", "15", "ha", "100", "m2"]


def test_an_abbreviation_typed_in_lower_case_is_no_ocr_damage():
    # "ddi" in a question typed without accents is DDI, not OCR's "đi"; "Pau" still is "đầu"
    assert search_syllables("von ddi va von fdi", ocr=True) == ["von", "ddi", "va", "von", "fdi"]
    assert search_syllables("Pau tu", ocr=True) == ["dau", "tu"]


def test_ocr_detection():
    assert is_ocr_text("Khéi thi dua Ban Quan 1y cac KCN tinh")
    assert not is_ocr_text("Khối thi đua các Ban Quản lý tỉnh")
    assert not is_ocr_text("FDI KCN 2031")  # acronyms and numbers say nothing: taken as clean


def test_an_eth_is_folded_as_the_d_it_stands_for():
    assert fold("QUYẾT ÐỊNH số 418/QĐÐ") == fold("QUYẾT ĐỊNH số 418/QĐĐ") == "quyet dinh so 418/qdd"
