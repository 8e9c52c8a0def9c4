"""Legacy Vietnamese encodings of text files (issue 13, item 9). Pure: bytes in, text out.

The TCVN3 and VNI samples are written out by hand as those encodings store them (the
Latin-1 characters their bytes read as), not produced by the tables under test."""

import unicodedata

import pytest

from ingest.encodings import UndecodableText, decode_text

pytestmark = pytest.mark.unit

TEXT = "Các khu công nghiệp thu hút 45 dự án, tổng vốn đầu tư đạt 1.200 tỷ đồng."
TCVN3 = "C¸c khu c«ng nghiÖp thu hót 45 dù ¸n, tæng vèn ®Çu t\u00ad ®¹t 1.200 tû ®ång."
VNI = "Caùc khu coâng nghieäp thu huùt 45 döï aùn, toång voán ñaàu tö ñaït 1.200 tyû ñoàng."
TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Windows-1258 keeps â/ê/ô/ơ/ư/ă/đ precomposed and writes the tone as a combining mark."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + "".join(c for c in parts if c in TONES))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "UTF-8 (BOM)"),
        (TEXT.encode("utf-16"), "UTF-16"),  # with its byte-order mark
        (TEXT.encode("utf-16-le"), "UTF-16"),  # without one
        (TEXT.encode("utf-16-be"), "UTF-16"),
        (windows_1258(TEXT), "Windows-1258"),
        (TCVN3.encode("latin-1"), "TCVN3 (ABC)"),
        (VNI.encode("cp1252"), "VNI"),
        (TCVN3.encode("utf-8"), "UTF-8 + TCVN3 (ABC)"),  # mis-decoded once, then saved as UTF-8
        (VNI.encode("utf-8"), "UTF-8 + VNI"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16-le",
        "utf16-be",
        "cp1258",
        "tcvn3",
        "vni",
        "tcvn3-in-utf8",
        "vni-in-utf8",
    ],
)
def test_each_encoding_is_found_and_converted(data: bytes, encoding: str):
    decoded = decode_text(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert decoded.converted is (encoding not in ("UTF-8", "UTF-8 (BOM)"))


def test_unicode_text_with_latin_1_symbols_is_left_alone():
    text = "Nhiệt độ 25 °C, sai số ± 2 %, © Ban Quản lý; “trích dẫn” – café"
    assert decode_text(text.encode("utf-8")).text == text
    assert decode_text(b"Report on industrial zones").encoding == "UTF-8"


def test_another_language_in_a_single_byte_code_page_is_refused_not_garbled():
    with pytest.raises(UndecodableText, match="unknown code page"):
        decode_text(("Отчёт о работе промышленных зон. " * 5).encode("koi8-r"))
    with pytest.raises(UndecodableText, match="unknown code page"):
        decode_text(("工業団地の投資状況。" * 5).encode("shift_jis"))


def test_binary_data_is_refused():
    with pytest.raises(UndecodableText, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_tcvn3_capitals_with_a_tone_mark_are_put_back_in_capitals():
    # TCVN3 stores "Á" as the byte of "á" (the .VnTimeH font draws it upper case).
    title = "B¸O C¸O T×NH H×NH C¸C KHU C¤NG NGHIÖP BAN QU¶N Lý C¸C KCN"
    signer = "KT. TR¦ëNG BAN"
    data = "\n".join([title, TCVN3, "Bµ Hµ ®äc b¸o c¸o.", signer]).encode("latin-1")
    decoded = decode_text(data)
    assert decoded.encoding == "TCVN3 (ABC)"
    lines = decoded.text.split("\n")
    assert lines[0] == "BÁO CÁO TÌNH HÌNH CÁC KHU CÔNG NGHIỆP BAN QUẢN LÝ CÁC KCN"
    assert lines[1] == TEXT and lines[2] == "Bà Hà đọc báo cáo."  # mixed case stays as written
    assert lines[3] == "KT. TRƯỞNG BAN"
    # Two words of a line in capitals, a document's number beside "Số", a signer's name.
    for tcvn3, unicode in (("KÕ HO¹CH", "KẾ HOẠCH"), ("Sè: 12/KH-BQL", "Số: 12/KH-BQL"), ("Vò B¸ Tó", "Vũ Bá Tú")):
        assert decode_text("\n".join([TCVN3, tcvn3]).encode("latin-1")).text.split("\n")[1] == unicode
