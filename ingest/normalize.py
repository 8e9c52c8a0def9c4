"""Text normalisation for Vietnamese reports: pure functions, no I/O.

Two forms of every text exist:
- the *display* form (``clean_text``): what the user reads and what citations quote;
- the *search* form (``search_syllables`` and friends): diacritics folded, numbers
  reduced to their digits and, in text that lost its accents (OCR output, or a question
  typed without them), common OCR confusions of Vietnamese undone. Questions and passages
  go through the same functions, so a question typed with or without diacritics meets
  OCR-damaged text half way; clean text ("Phần II", "PDF", "m3") is never rewritten.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ingest.glossary import glossary_rows

# Bidi embedding/override/isolate controls: they reorder what is displayed (a spoofed
# "gpj.exe" file name, a figure shown backwards) and carry no text of their own.
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069]")
_HYPHEN_BREAK = re.compile(r"(\w)[\-\u00ad]\n(\w)")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def clean_text(raw: str) -> str:
    """Display form: NFC, no U+FFFD/control characters, tidy spaces; line structure kept."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufffd", "").replace("\u00ad\n", "")
    text = _CONTROL.sub("", text)
    # Ligatures such as "ﬁ" come from PDF text layers and OCR; NFKC would also rewrite
    # Vietnamese punctuation, so only the Latin ligature block is expanded.
    text = re.sub(r"[\ufb00-\ufb06]", lambda m: unicodedata.normalize("NFKC", m.group()), text)
    # A word hyphenated at a line's end is one word again; a range of numbers wrapped at its
    # dash ("giai đoạn 2035-" / "2036") is left to be unwrapped with it (``unwrapped``).
    text = _HYPHEN_BREAK.sub(lambda m: m[0] if m[1].isdigit() and m[2].isdigit() else m[1] + m[2], text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def unwrapped(text: str) -> str:
    """Hard-wrapped lines as one line: a word hyphenated at a line's end is one word again
    ("Kim Joon-" / "ho"); a dash set apart by a space ("Khu đô thị -" / "công nghiệp") stays apart."""
    return re.sub(r"(?<=\w-)[ \t]*\n\s*", "", text).replace("\n", " ")


def strip_accents(text: str) -> str:
    """``text`` without its diacritics, case kept ("Đầu tư" -> "Dau tu")."""
    # "Ð"/"ð" (eth, U+00D0/U+00F0) is OCR's and some fonts' look-alike of "Đ"/"đ".
    text = text.replace("đ", "d").replace("Đ", "D").replace("ð", "d").replace("Ð", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def fold(text: str) -> str:
    """Lower-case and strip diacritics ("Đầu tư" -> "dau tu")."""
    return strip_accents(text).lower()


# --- OCR confusions -------------------------------------------------------------
# OCR engines without a Vietnamese model read accented vowels as look-alike symbols
# and digits. The rules below only rewrite letter sequences that cannot occur in a
# Vietnamese syllable, so they never damage clean text.
_SYMBOL_AS_LETTER = str.maketrans({"¢": "e", "€": "e", "&": "e", "¥": "y", "@": "a", "§": "s", "£": "e"})
_DIGIT_AS_VOWEL = str.maketrans({"0": "o", "6": "o", "9": "o", "5": "o", "4": "a", "3": "a"})
_SEQUENCE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "Pau tu" -> "dau tu": Đ read as P (Vietnamese has "ph" only); đ is followed by a vowel,
    # so "Pleiku", "Plei Kần" keep their p.
    (re.compile(r"^p(?=[aeiouy])"), "d"),
    (re.compile(r"^dd(?=[^aeiouy])"), "do"),  # "ddng" -> "dong": the vowel read as a second d
    (re.compile(r"^dd"), "d"),
    (re.compile(r"iii"), "ui"),  # "Biii" -> "bui"
    (re.compile(r"ii"), "u"),  # "ciing" -> "cung"
    (re.compile(r"ir"), "u"),  # "chirc" -> "chuc": ứ read as "ir"; r is never a coda
    (re.compile(r"uw"), "u"),
    (re.compile(r"w"), "u"),  # "twong" -> "tuong": ư read as w
    (re.compile(r"(?<!q)u[dg](?=[a-z])"), "uo"),  # "dugc" -> "duoc", "nguoi"/"ngudi"
)


def canon_syllable(token: str) -> str:
    """Undo common OCR confusions in one folded token (letters, maybe digits/symbols)."""
    if not token or token.isdigit():
        return token
    token = token.translate(_SYMBOL_AS_LETTER)
    if any(ch.isalpha() for ch in token) and any(ch.isdigit() for ch in token):
        # "1y" -> "ly" (start of syllable), "Ho1" -> "hoi" (inside it), "c6" -> "co"
        token = re.sub(r"^1", "l", token)
        token = token.replace("1", "i").translate(_DIGIT_AS_VOWEL)
    for pattern, replacement in _SEQUENCE_RULES:
        token = pattern.sub(replacement, token)
    return token


# A token: a number (with its separators) or a run of letters/digits/OCR symbols. A number
# is followed by neither a letter nor a digit ("16n" is OCR's "lớn", one word, not "1" and
# "6n"; "1y" is "lý"), unless what follows is a unit written against it ("15ha", "100m2").
_UNIT_AFTER_NUMBER = r"(?i:ha|km2|km|m2|m3|kg|kwh|kw|mw|usd|vnd)(?![^\W_])"
_TOKEN = re.compile(
    rf"\d+(?:[.,]\d+)*(?:(?![^\W_])|(?={_UNIT_AFTER_NUMBER}))|[^\W_]+(?:[¢€&¥@§£][^\W_]*)*|[¢€&¥@§£][^\W_]+",
    re.UNICODE,
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def number_key(number: str) -> str:
    """Digits only, so "41.207", "41,207" and "41207" are one key."""
    return re.sub(r"\D", "", number)


def _raw_tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def token_spans(text: str) -> list[re.Match[str]]:
    """The tokens of ``text`` (numbers, words, OCR-damaged words) with their positions."""
    return list(_TOKEN.finditer(text))


def is_number(token: str) -> bool:
    return bool(_NUMBER.fullmatch(token))


def is_unit(token: str) -> bool:
    """ "m3", "km2": kept as typed, never read as OCR damage."""
    return bool(_UNIT.fullmatch(fold(token)))


def ocr_key(token: str) -> str:
    """The form a token is indexed under in OCR text: folded, OCR confusions undone. A clean
    word and its OCR misreading ("chức", "chirc") share it."""
    return _search_token_ocr(token)


# Tokens the OCR rules must not touch even in OCR text: units such as "m3", "km2".
_UNIT = re.compile(r"(?:k|c|d)?m[23]")
# ... nor "ii", "iii" typed in lower case ("quy ii", "kcn vetra iii"): numerals of their own,
# not a vowel misread inside a syllable ("ciing"); "vii", "xii" are OCR's "vụ", "xử" more often.
_ROMAN = re.compile(r"i{2,3}")


def _fold_ocr_token(token: str) -> str:
    # "Iy" -> "ly": capital I inside a lower-case word is an OCR'd l (all-caps stays).
    if len(token) > 1 and token[0] == "I" and token[1:].islower():
        token = "l" + token[1:]
    return fold(token)


@lru_cache(maxsize=200_000)
def _search_token(token: str) -> str:
    # Cached: a report repeats a few thousand distinct tokens, and folding per occurrence
    # was most of the keyword index's build time.
    if _NUMBER.fullmatch(token):
        return number_key(token)
    return fold(token)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """The glossary's abbreviations, folded ("ddi", "bql"): typed in lower case in a question
    without accents, they are still abbreviations, not OCR damage ("ddi" is not "đi")."""
    return frozenset(fold(abbreviation) for abbreviation, _, _ in glossary_rows())


@lru_cache(maxsize=200_000)
def _search_token_ocr(token: str) -> str:
    # A second cache: the OCR form of a token differs from its clean form.
    if _NUMBER.fullmatch(token):
        return number_key(token)
    if len(token) > 1 and (token.isupper() or _ROMAN.fullmatch(token)):
        return fold(token)  # acronyms and numerals ("PCI", "DDI", "II", "ii", "CO2") stay as typed
    folded = _fold_ocr_token(token)
    return folded if _UNIT.fullmatch(folded) or folded in _abbreviations() else canon_syllable(folded)


def is_ocr_text(text: str) -> bool:
    """Whether the OCR rules apply to ``text``: it lost its accents. A text of acronyms and
    numbers only ("FDI", "KCN 2031") says nothing either way and is taken as clean."""
    return any(ch.islower() for ch in text) and looks_accentless(text)


def search_syllables(text: str, ocr: bool | None = None) -> list[str]:
    """Folded syllables, numbers as digit keys; OCR confusions undone when ``ocr`` (None:
    when the text itself lost its accents, see ``is_ocr_text``)."""
    if ocr is None:
        ocr = is_ocr_text(text)
    token = _search_token_ocr if ocr else _search_token
    return [t for t in map(token, _raw_tokens(text)) if t]


def accented_syllables(text: str) -> list[str]:
    """Lower-cased syllables with their diacritics kept (tells "đường" from "dương")."""
    out: list[str] = []
    for token in _raw_tokens(unicodedata.normalize("NFC", text)):
        out.append(number_key(token) if _NUMBER.fullmatch(token) else token.lower())
    return [t for t in out if t]


def with_bigrams(syllables: list[str]) -> list[str]:
    """Syllables plus adjacent pairs: Vietnamese words are mostly two syllables."""
    return syllables + [f"{a}_{b}" for a, b in itertools.pairwise(syllables)]


def char_ngrams(syllables: Iterable[str], n: int = 4) -> list[str]:
    """Character n-grams over the joined search form: tolerant of one wrong letter."""
    joined = "_" + "_".join(syllables) + "_"
    if len(joined) <= n:
        return [joined]
    return [joined[i : i + n] for i in range(len(joined) - n + 1)]


def match_key(text: str, ocr: bool | None = None) -> str:
    """Search form with every separator removed: for 'does passage contain evidence'."""
    return "".join(search_syllables(text, ocr))


def numbers_in(text: str) -> list[str]:
    """Digit keys of the numbers in a text ("85,8%" -> "858")."""
    return [number_key(m) for m in numbers_as_written(text)]


def numbers_as_written(text: str) -> list[str]:
    """The numbers of a text as written ("1.940", "85,8"): a key alone takes "1.940" for a year."""
    return _NUMBER.findall(text)


_VIETNAMESE_MARKED = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)


def diacritic_ratio(text: str) -> float:
    """Share of words carrying a Vietnamese diacritic: ~0.7 in clean text, low in OCR
    output that lost its accents."""
    words = re.findall(r"[^\W\d_]+", text)
    if not words:
        return 0.0
    return sum(1 for w in words if _VIETNAMESE_MARKED.search(w)) / len(words)


ACCENTLESS_BELOW = 0.4  # text with fewer accented words than this lost its diacritics (OCR)


def looks_accentless(text: str) -> bool:
    """Whether a text is OCR output that lost its Vietnamese accents."""
    return diacritic_ratio(text) < ACCENTLESS_BELOW


def search_text(text: str, ocr: bool | None = None) -> str:
    """The search form as one string (what an accent-less embedding sees)."""
    return " ".join(search_syllables(text, ocr))


_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"  # onset
    r"[aeiouy]{1,3}"  # glide + nucleus (folded)
    r"(?:ch|ng|nh|[cmnpt])?$"  # coda
)


def is_vietnamese_syllable(token: str) -> bool:
    """Whether a folded token could be a Vietnamese syllable ("long" yes, "logn" no)."""
    return bool(_SYLLABLE.match(token))


def runs_at(run: Sequence[str], items: Sequence[str]) -> list[int]:
    """Where ``run`` stands in ``items`` as consecutive items (a phrase's syllables or terms)."""
    wanted, n = tuple(run), len(run)
    return [i for i in range(len(items) - n + 1) if tuple(items[i : i + n]) == wanted]
