"""Decode the bytes of a text file into Unicode Vietnamese. Pure.

Older provincial documents are often not UTF-8: Windows-1258 (with combining accents),
or the font encodings of the 1990s-2000s — TCVN3 (ABC, the ``.VnTime`` fonts), VNI and
VISCII — whose letters are bytes that read as Latin-1 symbols ("C¸c khu c«ng nghiÖp").
The same text is also met already mis-decoded into UTF-8. UTF-16 files may lack their
byte-order mark. Each is recognised and converted; the encoding found is named so the
library can show it. The conversion tables and the Vietnamese character model that
tells a right conversion from a wrong one come from ``viparse``.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass

from viparse.normalize.detector import detect_encoding_by_content
from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS
from viparse.normalize.frequency import vietnamese_score
from viparse.normalize.tables import convert

UTF8 = "UTF-8"
# A UTF-16 file without a byte-order mark: at least this share of its high (or low)
# bytes are zero (Vietnamese in UTF-16 mixes ASCII, whose high byte is 0, with letters
# in U+00C0-U+1EFF: measured 0.6-0.9 on report text; other binary data rarely has a
# regular zero every other byte).
UTF16_ZERO_SHARE = 0.3
# Bytes looked at to decide; enough for the statistics, cheap for a large file.
SAMPLE_BYTES = 64_000
NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII"}
# The letters of Vietnamese (and f, j, w, z of borrowed words), lower case.
VIETNAMESE_LETTERS = frozenset(
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵfjwz"
)
# A reading of non-UTF-8 bytes is kept when at most this share of its letters are foreign
# to Vietnamese. Measured: at most 0.0001 on the 34 reports of ../shared/corpus (the OCR one);
# about 0.5 for a Russian KOI8-R file read as Windows-1258.
MAX_FOREIGN_LETTERS = 0.01


# A word of letters (a TCVN3 text's words, recased by ``_tcvn3_capitals``).
_WORD = re.compile(r"[^\W\d_]+")
_PUNCTUATION = ".,;:!?()[]\"'“”‘’«»-–—"  # around a word standing alone on its line


class UndecodableText(ValueError):
    """The bytes are no text in any encoding we know (binary data, or an unknown code page)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # as shown to the user: "UTF-8", "Windows-1258", "TCVN3 (ABC)", "UTF-8 + VNI"…

    @property
    def converted(self) -> bool:
        return self.encoding not in (UTF8, "UTF-8 (BOM)")


def decode_text(data: bytes) -> Decoded:
    """``data`` as NFC text, with the encoding it was found in. Raises ``UndecodableText``."""
    for bom, codec, name in (
        (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 (BOM)"),
        (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
        (b"\xff\xfe", "utf-16", "UTF-16"),
        (b"\xfe\xff", "utf-16", "UTF-16"),
    ):
        if data.startswith(bom):
            return _checked(data, codec, name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(data, utf16, "UTF-16")
    if b"\x00" in data:
        raise UndecodableText("binary")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _legacy_bytes(data)
    legacy = _legacy_encoding(text)
    if legacy is None:
        return Decoded(unicodedata.normalize("NFC", text), UTF8)
    # Legacy text once read as Latin-1 and saved as UTF-8: the tables read it as it is.
    return Decoded(_converted(text, legacy), f"UTF-8 + {NAMES[legacy]}")


def _converted(text: str, legacy: str) -> str:
    converted = convert(text, AUTO_DETECT_CHARMAPS[legacy])
    return _tcvn3_capitals(converted) if legacy == "tcvn3" else converted


def _all_caps(word: str) -> bool:
    return word.isupper() and len(word) > 1


def _tcvn3_capitals(text: str) -> str:
    """TCVN3 has no capitals with a tone mark: a capital "Á" is the byte of "á", drawn upper
    case by the font (``.VnTimeH``). So "BÁO CÁO" reads "BáO CáO" and "TRƯỞNG" "TRƯởNG". A word
    whose lower-case letters are all accented ones (no ASCII letter) is put in capitals when it
    has two capitals or more; then any such word of a line whose words standing alone are all in
    capitals so ("Kế HOẠCH", "TÌNH HÌNH ở CÁC KCN"), and one with a capital between two words
    in capitals ("BAN QUẢN Lý CÁC"). Not the "Số" beside "12/KH-BQL" (no word standing alone),
    nor "Bà Hà", "Vũ Bá Tú" (no word in capitals)."""

    def recased(line: str) -> str:
        words = [_capitals_of(w) for w in _WORD.findall(line)]
        alone = [_capitals_of(t) for t in (t.strip(_PUNCTUATION) for t in line.split()) if _WORD.fullmatch(t)]
        in_caps_line = (
            len(alone) >= 2
            and all(_all_caps(t) or _accents_only_lower(t) for t in alone)
            and any(_all_caps(t) for t in alone)
        )
        for at, word in enumerate(words):
            between = 0 < at < len(words) - 1 and _all_caps(words[at - 1]) and _all_caps(words[at + 1])
            capital = any(c.isupper() for c in word)
            if _accents_only_lower(word) and (in_caps_line or (between and capital)):
                words[at] = word.upper()
        pieces = iter(words)
        return _WORD.sub(lambda _: next(pieces), line)

    return "\n".join(recased(line) for line in text.split("\n"))


def _capitals_of(word: str) -> str:
    """The word in capitals when it has two or more and its lower-case letters are all accented."""
    return word.upper() if _accents_only_lower(word) and sum(c.isupper() for c in word) >= 2 else word


def _accents_only_lower(word: str) -> bool:
    """Some letter is lower case, and every lower-case one is accented (not ASCII)."""
    lower = [ch for ch in word if ch.islower()]
    return bool(lower) and all(not ch.isascii() for ch in lower)


def _checked(data: bytes, codec: str, name: str) -> Decoded:
    try:
        return Decoded(unicodedata.normalize("NFC", data.decode(codec)), name)
    except UnicodeDecodeError as error:
        raise UndecodableText(f"not valid {name} (byte {error.start})") from error


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[: SAMPLE_BYTES - SAMPLE_BYTES % 2]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) // 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) // 2)
    if odd_zeros >= UTF16_ZERO_SHARE and even_zeros < UTF16_ZERO_SHARE / 3:
        return "utf-16-le"
    if even_zeros >= UTF16_ZERO_SHARE and odd_zeros < UTF16_ZERO_SHARE / 3:
        return "utf-16-be"
    return None


def _legacy_encoding(text: str) -> str | None:
    """The legacy font encoding ``text`` is written in, or None for ordinary Unicode."""
    if not any("\u00a0" <= ch <= "\u00ff" or ch in "ƠơƯư" for ch in text[:SAMPLE_BYTES]):
        return None  # every legacy encoding puts its letters in the Latin-1 range
    return detect_encoding_by_content(text[:SAMPLE_BYTES], AUTO_DETECT_CHARMAPS).encoding


def _legacy_bytes(data: bytes) -> Decoded:
    """Bytes that are not UTF-8: Windows-1258, or a font encoding read through Latin-1.
    The reading that scores most like Vietnamese wins."""
    readings: list[Decoded] = []
    with contextlib.suppress(UnicodeDecodeError):  # bytes Windows-1258 leaves undefined
        readings.append(Decoded(unicodedata.normalize("NFC", data.decode("cp1258")), "Windows-1258"))
    surface = data.decode("latin-1")
    legacy = _legacy_encoding(surface)
    if legacy is not None:
        readings.append(Decoded(_converted(surface, legacy), NAMES[legacy]))
    sample = SAMPLE_BYTES // 4
    readings = [r for r in readings if _foreign_share(r.text[:sample]) <= MAX_FOREIGN_LETTERS]
    if not readings:
        raise UndecodableText("unknown code page")
    return max(readings, key=lambda reading: vietnamese_score(reading.text[:sample]))


def _foreign_share(text: str) -> float:
    """Share of the letters (and stray combining marks) that are not Vietnamese letters."""
    letters = [ch for ch in text.lower() if ch.isalpha() or unicodedata.combining(ch)]
    return sum(ch not in VIETNAMESE_LETTERS for ch in letters) / max(len(letters), 1)
