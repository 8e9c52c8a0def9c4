"""A general Vietnamese gazetteer: provinces (before and after the July-2025 merger) and
regions, found in text. Pure: the data files under ``ingest/data`` are read once.

Matching is syllable by syllable. A text written with diacritics is matched on its accented
syllables (tone placement normalised: "Hòa" = "Hoà"), so "năm" is never "Nam"; a text typed
without accents, or a name of two or more syllables typed without any accent, is matched on
folded syllables, except that a syllable which does carry marks must still match accented.
Names whose folded or lower-case form is a common word ("hòa bình", "đa năng") need capitals
or a place word ("tỉnh", "TP", …) before them, and a single Vietnamese syllable typed
without accents ("hue") only counts after a place word.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import OSA

from ingest.normalize import canon_syllable, fold, is_vietnamese_syllable, runs_at

# --- syllables ------------------------------------------------------------------------

# Letters/digits plus combining marks, so NFD input still gives whole syllables.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
# What may separate two syllables of one name: "Bà Rịa - Vũng Tàu", "TP.HCM", "BTB&DHMT".
_JOINER = re.compile(r"[ \t\n\u00a0\-\u2013\u2014.&]{0,5}")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
ACCENTED_AT_LEAST = 0.3  # share of marked syllables (abbreviations aside) for a text to count as accented


def accent_key(syllable: str) -> str:
    """Lower-case syllable with its diacritics, the tone mark moved to the end, so the
    old and new tone placements ("hoà"/"hòa", "thuỷ"/"thủy") compare equal."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return base + "".join(tones[:1])


def folded_key(syllable: str) -> str:
    """Folded, OCR-canonical syllable (the search form)."""
    return canon_syllable(fold(unicodedata.normalize("NFC", syllable)))


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    acc: str  # accent_key
    fld: str  # folded_key
    marked: bool  # carries a Vietnamese diacritic
    capitalised: bool  # first letter upper-case ("Hà", "HCM")


def tokenize(text: str) -> tuple[Token, ...]:
    """Syllables (and numbers) of a text with their spans in ``text``."""
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        out.append(Token(m.start(), m.end(), word, *_keys(word), word[:1].isupper()))
    return tuple(out)


@lru_cache(maxsize=100_000)
def _keys(word: str) -> tuple[str, str, bool]:
    # Cached: a report repeats a few thousand distinct words.
    return accent_key(word), folded_key(word), fold(word) != word.lower()


def is_accented(tokens: Sequence[Token]) -> bool:
    """Whether text was written with diacritics. All-caps abbreviations ("KCN", "TP") and
    numbers are left out of the count: "TP.HCM có bao nhiêu KCN" is accented."""
    words = [t for t in tokens if not t.text.isdigit() and not (t.text.isupper() and not t.marked)]
    if not words:
        return False
    marked = sum(1 for t in words if t.marked)
    return marked > 0 and marked / len(words) >= ACCENTED_AT_LEAST


def same_syllable(token: Token, acc: str, fld: str, accented: bool) -> bool:
    """Syllable comparison in the text's mode: accented text compares accents; accent-less
    text compares folded, unless this very syllable carries marks."""
    if accented or token.marked:
        return token.acc == acc
    return token.fld == fld


def joined(text: str, left: Token, right: Token) -> bool:
    """Whether two tokens are adjacent syllables of one name (no comma, bracket, …)."""
    return _JOINER.fullmatch(text, left.end, right.start) is not None


# --- data -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceMention:
    kind: str  # "province" | "region"
    key: str  # canonical key, e.g. "dong nai", "ho chi minh", "dbsh", "dong nam bo"
    start: int
    end: int  # span in the text given
    surface: str  # the text as written


@dataclass(frozen=True)
class Province:
    key: str
    name: str
    status: str  # "kept" | "merged" | "old"
    merged_into: str  # for "old": the post-merger unit
    absorbed: tuple[str, ...]  # for "merged": the former units it took in
    regions: tuple[str, ...]


@dataclass(frozen=True)
class _Alias:
    kind: str  # "province" | "region" | "block"
    key: str
    raw: tuple[str, ...]
    acc: tuple[str, ...]
    fld: tuple[str, ...]
    needs_prefix: bool
    needs_caps: bool
    case_sensitive: bool


def _rows(name: str) -> list[list[str]]:
    text = resources.files("ingest").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(",") if part.strip())


@lru_cache(maxsize=1)
def provinces() -> dict[str, Province]:
    """All 63 pre-2025 units by key (the 34 post-merger ones are those not "old")."""
    table = {}
    for key, name, status, merged_into, absorbed, regions, _aliases in _rows("provinces.tsv"):
        table[key] = Province(key, name, status, merged_into, _split(absorbed), _split(regions))
    return table


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Region key -> display name."""
    return {row[0]: row[1] for row in _rows("regions.tsv")}


def _alias(kind: str, key: str, form: str) -> _Alias:
    flags = ""
    while form[:1] in ("^", "~", "="):
        flags, form = flags + form[0], form[1:]
    tokens = tokenize(form)
    return _Alias(
        kind,
        key,
        tuple(t.text for t in tokens),
        tuple(t.acc for t in tokens),
        tuple(t.fld for t in tokens),
        "^" in flags,
        "~" in flags,
        "=" in flags,
    )


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[_Alias, ...]]:
    """First syllable (accented and folded form) -> aliases starting with it."""
    aliases = [_alias("province", row[0], form) for row in _rows("provinces.tsv") for form in row[6].split("|")]
    aliases += [_alias("region", row[0], form) for row in _rows("regions.tsv") for form in row[2].split("|")]
    aliases += [_alias("block", "", row[0]) for row in _rows("not_places.tsv")]
    index: dict[str, list[_Alias]] = {}
    for alias in aliases:
        for first in {alias.acc[0], alias.fld[0]}:
            index.setdefault(first, []).append(alias)
    return {first: tuple(found) for first, found in index.items()}


@lru_cache(maxsize=1)
def place_names() -> tuple[str, ...]:
    """Every province's and region's names as written ("Hải Dương", "đồng bằng sông Hồng"),
    two-letter abbreviations aside: how OCR text that lost its accents spells them back."""
    names = [row[1] for row in _rows("provinces.tsv")] + [row[1] for row in _rows("regions.tsv")]
    names += [
        " ".join(alias.raw)
        for found in _aliases().values()
        for alias in found
        if alias.kind != "block" and not alias.case_sensitive
    ]
    return tuple(dict.fromkeys(names))


# Words that introduce a place name; the name after them is a place even when ambiguous. "Các
# KCN Huế" are the zones of a province (a zone is named in the singular: "KCN Tân Lập").
_PLACE_WORDS = tuple(
    tuple(tokenize(w))
    for w in (
        *("tỉnh", "thành phố", "TP", "Tp", "thủ đô", "cố đô", "tại", "ở", "khu vực", "vùng"),
        *("các KCN", "các KKT", "các KCX", "các khu công nghiệp", "các khu kinh tế"),
    )
)


def _after_place_word(text: str, tokens: Sequence[Token], i: int, accented: bool) -> bool:
    for word in _PLACE_WORDS:
        n = len(word)
        if i < n:
            continue
        before = tokens[i - n : i]
        if all(same_syllable(t, w.acc, w.fld, accented) for t, w in zip(before, word, strict=True)) and all(
            joined(text, a, b) for a, b in zip(tokens[i - n : i], tokens[i - n + 1 : i + 1], strict=True)
        ):
            return True
    return False


# Between two places of one list: "Đà Nẵng và Huế", "Hà Nam, Huế": a name there is a place too.
_COORDINATOR = re.compile(r"\s*(?:,|;|và|va|với|voi|hoặc|hoac|&)\s*", re.IGNORECASE)


def _matches_at(
    text: str, tokens: Sequence[Token], i: int, alias: _Alias, accented: bool, has_title: bool, listed: bool = False
) -> bool:
    """Whether ``alias`` is named at token ``i``; ``listed``: the name stands in a list beside
    another place, which says it is one, as a place word before it would."""
    n = len(alias.acc)
    span = tokens[i : i + n]
    if len(span) < n or not all(joined(text, a, b) for a, b in itertools.pairwise(span)):
        return False
    if alias.case_sensitive:
        if tuple(t.text for t in span) != alias.raw:
            return False
    else:
        # A name typed without accents inside accented text ("các tỉnh mien tay") is still a name.
        strict = accented and (n == 1 or any(t.marked for t in span))
        if not all(same_syllable(t, a, f, strict) for t, a, f in zip(span, alias.acc, alias.fld, strict=True)):
            return False
    folded_single = n == 1 and not span[0].marked and not accented and is_vietnamese_syllable(alias.fld[0])
    if alias.needs_prefix or folded_single:
        return listed or _after_place_word(text, tokens, i, accented)
    if alias.needs_caps and has_title and not all(t.capitalised for t in span):
        return listed or _after_place_word(text, tokens, i, accented)
    return True


def _listed_beside(text: str, tokens: Sequence[Token], i: int, n: int, places: Sequence[tuple[int, int]]) -> bool:
    """Whether tokens ``i`` … ``i + n - 1`` are joined to one of ``places`` (first token,
    token count) by "và" or a comma."""
    for j, m in places:
        if j + m <= i and _COORDINATOR.fullmatch(text, tokens[j + m - 1].end, tokens[i].start):
            return True
        if i + n <= j and _COORDINATOR.fullmatch(text, tokens[i + n - 1].end, tokens[j].start):
            return True
    return False


@lru_cache(maxsize=4096)
def _find(text: str) -> tuple[PlaceMention, ...]:
    tokens = tokenize(text)
    accented = is_accented(tokens)
    # "~" names are waived in text with no capitalised word at all (a question typed in lower case).
    has_title = any(t.capitalised and not t.text.isupper() for t in tokens)
    index = _aliases()
    candidates: list[tuple[int, int, _Alias]] = []  # (first token, token count, alias)
    listed: list[tuple[int, int, _Alias]] = []  # names that need a place word, or a list of places
    for i, token in enumerate(tokens):
        for first in {token.acc, token.fld}:
            for alias in index.get(first, ()):
                if _matches_at(text, tokens, i, alias, accented, has_title):
                    candidates.append((i, len(alias.acc), alias))
                elif alias.kind != "block" and _matches_at(text, tokens, i, alias, accented, has_title, listed=True):
                    listed.append((i, len(alias.acc), alias))
    # A name that needs a place word before it ("Huế") is a place too in a list of places.
    named = [(i, n) for i, n, alias in candidates if alias.kind != "block"]
    candidates += [(i, n, alias) for i, n, alias in listed if _listed_beside(text, tokens, i, n, named)]
    # Longest first, the earlier on a tie; blockers ("Thái Bình Dương") take part and are dropped.
    taken: list[tuple[int, int, _Alias]] = []
    for i, n, alias in sorted(set(candidates), key=lambda c: (-c[1], c[0], c[2].kind)):
        if all(i + n <= j or j + m <= i for j, m, _ in taken):
            taken.append((i, n, alias))
    out = []
    for i, n, alias in sorted(taken, key=lambda c: c[0]):
        if alias.kind == "block":
            continue
        start, end = tokens[i].start, tokens[i + n - 1].end
        out.append(PlaceMention(alias.kind, alias.key, start, end, text[start:end]))
    return tuple(out)


def find_places(text: str) -> list[PlaceMention]:
    """Provinces and regions named in ``text``: non-overlapping, longest match first, in text
    order. The place word before a name ("tỉnh", "TP.") is not part of the span."""
    return list(_find(text))


MERGER_YEAR = 2025  # the provinces merged on 1 July 2025 (Resolution 202/2025/QH15)


def province_keys(text: str) -> set[str]:
    """The keys of the provinces ``text`` names."""
    return {place.key for place in find_places(text) if place.kind == "province"}


def merged_keys(province_key: str) -> frozenset[str]:
    """The key plus the units the 2025 merger linked to it: a post-merger unit with the
    former units it absorbed; a former unit with the unit it became part of."""
    table = provinces()
    province = table.get(province_key)
    if province is None:
        return frozenset()
    linked = {province_key, *province.absorbed}
    if province.merged_into:
        linked.add(province.merged_into)
    return frozenset(linked)


def absorbed_keys(province_key: str) -> frozenset[str]:
    """The former units a post-merger unit absorbed in 2025 (none for any other key)."""
    province = provinces().get(province_key)
    return frozenset(province.absorbed) if province is not None else frozenset()


def region_of(province_key: str) -> frozenset[str]:
    """Regions of a province. For a post-merger unit that absorbed others, the regions of all
    of them (the new Lâm Đồng lies in Tây Nguyên and Nam Trung Bộ)."""
    table = provinces()
    province = table.get(province_key)
    if province is None:
        return frozenset()
    keys: Iterable[str] = (province_key, *province.absorbed)
    return frozenset(region for key in keys for region in table[key].regions)


def display_name(kind: str, key: str) -> str:
    """A key as the user reads it: ("province", "ha nam") -> "Hà Nam"; unknown keys as given."""
    if kind == "province" and key in provinces():
        return provinces()[key].name
    if kind == "region":
        return regions().get(key, key)
    return key


def provinces_in(region_key: str) -> frozenset[str]:
    """Pre-2025 provinces of a region (apply ``merged_keys`` for post-merger names)."""
    return frozenset(key for key, province in provinces().items() if region_key in province.regions)


@lru_cache(maxsize=1)
def _parts_named() -> dict[str, frozenset[str]]:
    """For each region, the regions one of its names names, that lie inside it: "Bắc Trung Bộ
    và Duyên hải miền Trung" names Bắc Trung Bộ, as a bloc of that region is called for short
    ("Khối Bắc Trung Bộ"). A name inside a smaller region's ("vùng KTTĐ miền Trung") is none."""
    forms = {key: alias_forms("region", key) for key in regions()}
    return {
        whole: frozenset(
            part
            for part, part_forms in forms.items()
            if part != whole
            and provinces_in(part) <= provinces_in(whole)
            and any(runs_at(form.split(), name.split()) for form in part_forms for name in whole_forms)
        )
        for whole, whole_forms in forms.items()
    }


def regions_said(mention: PlaceMention) -> frozenset[str]:
    """The region a mention names, with those inside it that its words name ("vùng Bắc Trung
    Bộ và Duyên hải miền Trung" says Bắc Trung Bộ too; "miền Trung" does not)."""
    said = " ".join(tok.fld for tok in tokenize(mention.surface)).split()
    parts = _parts_named().get(mention.key, frozenset())
    return frozenset(
        {mention.key}
        | {part for part in parts if any(runs_at(form.split(), said) for form in alias_forms("region", part))}
    )


@lru_cache(maxsize=512)
def alias_forms(kind: str, key: str) -> tuple[str, ...]:
    """Folded forms of every alias of a province or region ("dong bang song hong", "dbsh"):
    for matching OCR text, where accents are lost and letters misread, by edit distance."""
    forms = {" ".join(a.fld) for found in _aliases().values() for a in found if a.kind == kind and a.key == key}
    return tuple(sorted(forms, key=len, reverse=True))


MIN_DAMAGED_FORM = 6  # letters: a shorter name ("dbsh", "Huế") is matched exactly or not at all


def damaged_forms(kind: str, key: str) -> tuple[str, ...]:
    """The folded names of a province or region long enough to be looked for by edit distance."""
    return tuple(form for form in alias_forms(kind, key) if len(form) >= MIN_DAMAGED_FORM)


# The last syllables of "tỉnh", "thành phố", "TP": OCR text that lost its capitals still names
# a province after them ("tinh ha nem").
LOWER_CASE_PLACE_AFTER = frozenset({"tinh", "pho", "tp"})


def appears_damaged(name: str, syllables: tuple[str, ...], capitals: tuple[bool, ...] | None = None) -> bool:
    """The name's syllables appear in a row, one letter of damage allowed per five letters;
    given ``capitals``, a damaged one only where it starts with a capital or follows "tỉnh",
    "thành phố" ("Can Tho" for Cần Thơ, not "can t6" for "cần tổ chức")."""
    wanted = name.split()
    target = "".join(wanted)
    budget = len(target) // 5
    for start in range(len(syllables) - len(wanted) + 1):
        window = "".join(syllables[start : start + len(wanted)])
        if window == target:
            return True
        named = not capitals or (start < len(capitals) and capitals[start])
        named = named or (start > 0 and syllables[start - 1] in LOWER_CASE_PLACE_AFTER)
        if budget and named and OSA.distance(target, window, score_cutoff=budget) <= budget:
            return True
    return False
