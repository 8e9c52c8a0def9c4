"""Accents put back into accent-less OCR text, from the library's own clean reports. Pure.

Each run of one to three words is looked up by its OCR key (``normalize.ocr_key``: folded,
OCR confusions undone, so "Ban Quan 1y" and "Ban Quản lý" share it) among the runs of clean
text, longest first, and takes the spelling those runs have most often. A word no clean report
spells is read, beside the words around it, as the run the reports have most often among those
a misread letter away ("Ban Qudn 1y" → "Ban Quản lý"). A word looked up alone weighs the
reports' spellings of it with how often general text spells it each way (``word_prior``), and
stays as written unless one spelling clearly wins: a word left without its accents misleads
no one, a word put back as another ("tặng" for "tăng", "đất" for "đạt") does. Numbers,
acronyms and units are never changed: a repaired passage states the same figures as its
original.

Place names come first: a run the gazetteer names (``ingest.gazetteer.place_names``: every
province and region, general knowledge) is spelled as it spells it, whatever the reports
spell most often under that key. A library of one clean report had put "Hải Đương", "Năm
Định" and "đồng bằng Séng Hỏng" into its OCR sibling.

Measured by ``evals/accents.py`` (``make accents``: accents stripped from a clean report, put back from the
others, syllables compared): see the README.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.normalize import is_number, is_unit, ocr_key, token_spans
from ingest.people import TITLE, person_spans, surnames
from ingest.word_prior import spelling_shares

TITLED = re.compile(TITLE)
MAX_RUN = 3  # words looked up together: the context that tells "tỉnh" from "tính"
FUZZY_NAME_WORDS = 3  # a name this long may have one letter misread anywhere (see _name_for)
PROVINCE_WORDS = frozenset({("tinh",), ("tp",), ("tp.",), ("thanh", "pho")})  # OCR keys of "tỉnh", "TP.", "thành phố"
# The words that introduce a place name, spelled so right before one ("các tinh đồng bằng sông
# Hồng": "tỉnh", though "tinh" alone may be "tính", "tình" as well).
PLACE_INTROS = {("tinh",): ("tỉnh",), ("thanh", "pho"): ("thành", "phố"), ("vung",): ("vùng",)}
# Readings of one run tried for misread letters (the first ones, which keep its first word as
# written, when there are more): a run of three common short words has a few hundred.
MAX_READINGS = 2000
# A word looked up alone: its spellings in the library's clean reports count once per use, the
# general prior's shares together as PRIOR_USES uses more, and a spelling is put back only when
# it holds MIN_SHARE of them. Fitted by ``python -m evals.accents --grid`` (``make accents``) on
# the 33 clean reports of the samples and ``../shared/corpus/web``, each stripped and repaired
# from the 32 others and from 2 of them (a small library), for the most words right less twice
# those put back as another word: see the README. 10 uses and 20 score the same (0.7494 and
# 0.7496); at 20 a report's clear majority was overruled ("tăng" in 76% of one report's uses of
# "tang" left unaccented), at 10 it is not.
PRIOR_USES = 10.0
MIN_SHARE = 0.7
_SPACES = re.compile(r"[ \t]+")


def repairable(token: str) -> bool:
    """A word: not a number, an acronym ("KCN", "FDI") or a unit ("m3")."""
    return (
        any(ch.isalpha() for ch in token)
        and not is_number(token)
        and not (len(token) > 1 and token.isupper())
        and not is_unit(token)
    )


def _runs(text: str) -> Iterable[list[re.Match[str]]]:
    """Tokens of ``text`` in runs of words separated by spaces only (a comma ends a run)."""
    run: list[re.Match[str]] = []
    for match in token_spans(text):
        joined = run and _SPACES.fullmatch(text[run[-1].end() : match.start()])
        if run and (not joined or not repairable(match.group())):
            yield run
            run = []
        if repairable(match.group()):
            run.append(match)
    if run:
        yield run


def _cased(spelling: str, original: str) -> str:
    return spelling[:1].upper() + spelling[1:] if original[:1].isupper() else spelling


def _name_cased(spelling: str, original: str, first: bool) -> str:
    """A name's word as the gazetteer spells it: its capital kept past the name's first word
    ("Dương"), otherwise the case the text gives it; in capitals in a line of capitals."""
    if len(original) > 1 and original.isupper():
        return spelling.upper()
    return spelling if spelling[:1].isupper() and not first else _cased(spelling.lower(), original)


@dataclass(frozen=True)
class AccentRestorer:
    spellings: dict[tuple[str, ...], tuple[str, ...]]  # OCR keys of a run → its most frequent clean spelling
    names: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)  # OCR keys → a place name
    seen: dict[tuple[str, ...], int] = field(default_factory=dict)  # OCR keys of a run → times the reports have it
    # A word's OCR key → each of its spellings in the reports → times they have it.
    word_uses: dict[str, dict[str, int]] = field(default_factory=dict)
    prior: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # ``word_prior.spelling_shares``
    prior_uses: float = PRIOR_USES
    min_share: float = MIN_SHARE
    # The names of two words or more by their length and first word, and by their length and
    # second word: one of the two is read right in a name with one misread letter.
    fuzzy_names: dict[tuple[int, int, str], tuple[tuple[str, ...], ...]] = field(init=False, repr=False, compare=False)
    # The words the reports spell, by their length and first letter: where to look for the word
    # an OCR misreading stands for ("cip" for "cap").
    words_like: dict[tuple[int, str], tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        like: dict[tuple[int, str], list[str]] = {}
        for keys in self.spellings:
            if len(keys) == 1 and keys[0]:
                like.setdefault((len(keys[0]), keys[0][0]), []).append(keys[0])
        object.__setattr__(self, "words_like", {at: tuple(words) for at, words in like.items()})
        index: dict[tuple[int, int, str], list[tuple[str, ...]]] = {}
        for keys in self.names:
            if len(keys) >= 2:
                for position in (0, 1):
                    index.setdefault((len(keys), position, keys[position]), []).append(keys)
        object.__setattr__(self, "fuzzy_names", {at: tuple(keys) for at, keys in index.items()})

    @classmethod
    def fit(
        cls,
        clean_texts: Iterable[str],
        names: Iterable[str] = (),
        prior: Mapping[str, Mapping[str, float]] | None = None,
        prior_uses: float = PRIOR_USES,
        min_share: float = MIN_SHARE,
    ) -> AccentRestorer:
        """``names``: place names spelled as given wherever their words are capitalised as
        they are ("Nam Định", not "năm định"; see ``_named``). ``prior``: how general text
        spells each word (None: ``word_prior.spelling_shares()``; {}: none)."""
        named = {}
        for name in names:
            words = [m.group() for m in token_spans(unicodedata.normalize("NFC", name))]
            if words and all(repairable(w) for w in words):
                named[tuple(ocr_key(w) for w in words)] = tuple(words)
        counts: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}
        for text in clean_texts:
            for run in _runs(unicodedata.normalize("NFC", text)):
                words = [m.group() for m in run]
                keys = [ocr_key(w) for w in words]
                lowered = [w.lower() for w in words]
                for n in range(1, MAX_RUN + 1):
                    for start in range(len(words) - n + 1):
                        key = tuple(keys[start : start + n])
                        counts.setdefault(key, Counter())[tuple(lowered[start : start + n])] += 1
        return cls(
            {key: seen.most_common(1)[0][0] for key, seen in counts.items()},
            named,
            {key: seen.total() for key, seen in counts.items()},
            {key[0]: {s[0]: n for s, n in seen.items()} for key, seen in counts.items() if len(key) == 1},
            spelling_shares() if prior is None else prior,
            prior_uses,
            min_share,
        )

    def __len__(self) -> int:
        return len(self.spellings)

    def restore(self, text: str, misread: bool = True, guess: bool = False) -> str:
        """``text`` with each word the clean reports know spelled as they spell it; with
        ``misread``, a word no clean report spells may be read as one a letter away (OCR
        misreads letters; a question typed without accents does not). With ``guess``, a word
        alone takes its likeliest spelling however unsure (a question searched with, which no
        one reads: the prior alone puts back the most words, ``make accents --grid``)."""
        replaced: list[tuple[int, int, str]] = []
        # A person's name is not read as another's a letter away ("Tun" is not "Tân"), nor a
        # code with digits as a word ("điểm 3a").
        people = person_spans(text)
        for run in _runs(text):
            keys = [ocr_key(m.group()) for m in run]
            rereadable = [
                misread and m.group().isalpha() and not any(a <= m.start() < b for a, b in people) for m in run
            ]
            # The place names of the run first; the words between them are looked up apart,
            # so that no run of the reports' words swallows a name's first word.
            named = self._named(run, keys)
            named |= _place_intros(run, keys, named)
            replaced += [(run[i].start(), run[i].end(), word) for i, word in named.items()]
            start = 0
            while start < len(run):
                if start in named:
                    start += 1
                    continue
                end = next((i for i in range(start, len(run)) if i in named), len(run))
                worded = [m.group().isalpha() for m in run[start:end]]  # not a code ("3a")
                for i, word in self._spelled(keys[start:end], rereadable[start:end], worded, guess).items():
                    match = run[start + i]
                    replaced.append((match.start(), match.end(), _cased(word, match.group())))
                start = end
        replaced = self._surnames_of_people(text, people, replaced)
        replaced.sort()
        out, last = [], 0
        for begin, end, word in replaced:
            out += [text[last:begin], word]
            last = end
        return "".join([*out, text[last:]])

    def _spelled(self, keys: list[str], rereadable: list[bool], worded: list[bool], guess: bool) -> dict[int, str]:
        """Each word of a run (of no place name) as spelled in the runs of the reports' words,
        read left to right, the longest first; a word that this leaves alone is spelled as in
        the longest run around it, if any ("so voi cung ky nam": "so với cùng" is read first,
        then "ky" alone would be "ký" of "đăng ký"; "với cùng kỳ" says "kỳ")."""
        windows: dict[tuple[int, int], tuple[str, ...] | None] = {}

        def window(a: int, n: int) -> tuple[str, ...] | None:  # each looked up once: both passes read them
            if (a, n) not in windows:
                windows[a, n] = self._spelling(tuple(keys[a : a + n]), tuple(rereadable[a : a + n]), worded[a], guess)
            return windows[a, n]

        spelled: dict[int, str] = {}
        alone: list[int] = []
        start = 0
        while start < len(keys):
            for n in range(min(MAX_RUN, len(keys) - start), 0, -1):
                spelling = window(start, n)
                if spelling is not None:
                    spelled.update(enumerate(spelling, start=start))
                    alone += [start] if n == 1 else []
                    start += n
                    break
            else:
                alone.append(start)
                start += 1
        for i in alone:
            around = [
                (n, self.seen.get(tuple(keys[a : a + n]), 0), spelling[i - a])
                for n in range(min(MAX_RUN, len(keys)), 1, -1)
                for a in range(max(0, i - n + 1), min(i, len(keys) - n) + 1)
                if (spelling := window(a, n)) is not None
            ]
            if around:
                spelled[i] = max(around)[2]
        return spelled

    def _spelling(
        self, keys: tuple[str, ...], rereadable: tuple[bool, ...], worded: bool = True, guess: bool = False
    ) -> tuple[str, ...] | None:
        """The clean spelling of a run of OCR keys. A run holding a word no clean report spells
        ("Ban Qudn ly") is read as the run the reports have most often among those that differ
        from it by one misread letter in some of its ``rereadable`` words ("Ban Quản lý"); a
        word alone, with no other word to tell which reading is meant, stays as the OCR gave it.
        A word alone (``worded``: of letters only, no code as "3a") is weighed with the prior."""
        if len(keys) == 1:
            return self._word(keys[0], guess) if worded else self.spellings.get(keys)
        spelling = self.spellings.get(keys)
        unknown = [(key,) not in self.spellings for key in keys]
        if spelling is not None or len(keys) < 2 or not any(u and r for u, r in zip(unknown, rereadable, strict=True)):
            return spelling
        # The unknown words are read again; a word the reports know as well, only beside one
        # (the pair is the context) and only as a word they have more often ("Khéi phé":
        # "Khối phó", not "phê"; "như Đại hội" does not become "ngừ đại", of "cá ngừ đại dương").
        options = [
            self._readings(key, alone, len(keys) == 2) if may else [key]
            for key, alone, may in zip(keys, unknown, rereadable, strict=True)
        ]
        known = [r for r in itertools.islice(itertools.product(*options), MAX_READINGS) if r in self.spellings]
        if not known:
            return None
        altered = {r: sum(a != b for a, b in zip(r, keys, strict=True)) for r in known}
        return self.spellings[min(known, key=lambda r: (altered[r], -self.seen.get(r, 0)))]

    def _word(self, key: str, guess: bool = False) -> tuple[str, ...] | None:
        """A word's spelling, looked up alone: the reports' uses of each spelling and the
        general prior's share of it, ``prior_uses`` uses in all; None (left as written) when no
        spelling holds ``min_share`` of them, unless ``guess``."""
        uses = Counter(self.word_uses.get(key, {}))
        prior = self.prior.get(key, {}) if self.prior_uses > 0 else {}
        if not uses and not prior:
            return None
        for spelling, share in prior.items():
            uses[spelling] += self.prior_uses * share
        spelling, weight = uses.most_common(1)[0]
        if not guess and weight < self.min_share * (sum(self.word_uses.get(key, {}).values()) + self.prior_uses):
            return None
        return (spelling,)

    def _readings(self, key: str, unknown: bool, paired: bool) -> list[str]:
        if unknown:
            return [key, *self._misread_as(key)]
        if not paired:
            return [key]
        return [key, *(w for w in self._misread_as(key) if self.seen.get((w,), 0) > self.seen.get((key,), 0))]

    def _misread_as(self, key: str) -> list[str]:
        """The words the reports spell that ``key`` may be a misreading of: one letter apart,
        the first kept (OCR damages it least)."""
        return [w for w in self.words_like.get((len(key), key[:1]), ()) if w != key and letters_apart(w, key) == 1]

    @staticmethod
    def _surnames_of_people(
        text: str, people: list[tuple[int, int]], replaced: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """A person's family name spelled as a family name: "Ong Pham Minh Phuong" is ông
        Phạm, though the clean reports spell "pham" most often as "phẩm" (sản phẩm).
        ``people``: the names ``text`` holds (``person_spans``)."""
        family = _family_names()
        for start, end in people:
            words = list(token_spans(text[start:end]))
            titled = TITLED.match(text, start)  # "ông", "bà", "đồng chí" (OCR: "Ong", "Dong chi")
            if titled:
                words = [w for w in words if start + w.start() >= titled.end()]
            for word in words[:1]:  # the family name: the name's first word
                spelling = family.get(ocr_key(word.group()))
                if spelling and word.group()[:1].isupper():
                    at = start + word.start()
                    replaced = [r for r in replaced if r[0] != at] + [(at, start + word.end(), spelling)]
                    break
        return replaced

    def _named(self, run: list[re.Match[str]], keys: list[str]) -> dict[int, str]:
        """The words of ``run`` (by position) that are place names, spelled as the name: the
        longest name at each word, left to right, capitalised as it is in the run."""
        longest = max((len(k) for k in self.names), default=0)
        found: dict[int, str] = {}
        start = 0
        while start < len(run):
            # "tỉnh Béc Ninh": a province word before the run lets a two-word name be misread.
            before = tuple(keys[max(0, start - 2) : start])
            after_province = before[-1:] in PROVINCE_WORDS or before in PROVINCE_WORDS
            for n in range(min(longest, len(run) - start), 0, -1):
                name = self._name_for(tuple(keys[start : start + n]), after_province)
                if name is None:
                    continue
                words = [m.group() for m in run[start : start + n]]
                # A name's first word is capitalised or not as the sentence has it ("… các tỉnh
                # đồng bằng sông Hồng"); its other capitals, and a one-word name's, are kept.
                pairs = list(zip(words, name, strict=True))[1 if n > 1 else 0 :]
                if all(w[:1].isupper() for w, spelled in pairs if spelled[:1].isupper()):
                    found |= {
                        start + i: _name_cased(spelled, w, first=i == 0)
                        for i, (w, spelled) in enumerate(zip(words, name, strict=True))
                    }
                    start += n
                    break
            else:
                start += 1
        return found

    def _name_for(self, keys: tuple[str, ...], after_province: bool = False) -> tuple[str, ...] | None:
        """The name these OCR keys spell; in a name of three words or more, one letter of one
        word may be misread ("đồng bằng Séng Hong"): no two such names differ by so little. In
        a name of two words, only after a province word (``after_province``: "tinh Béc Ninh"
        is Bắc Ninh; "huyện Mai Châu", "KCN Bình Minh", "ông Trần Bình Minh" are no provinces),
        in a word no clean report spells, and only when one name is that close."""
        name = self.names.get(keys)
        if name is not None or len(keys) < 2 or (len(keys) < FUZZY_NAME_WORDS and not after_province):
            return name
        n = len(keys)
        close = {
            known
            for known in (*self.fuzzy_names.get((n, 0, keys[0]), ()), *self.fuzzy_names.get((n, 1, keys[1]), ()))
            if sum(letters_apart(a, b) for a, b in zip(known, keys, strict=True)) == 1
        }
        if n < FUZZY_NAME_WORDS:
            if len(close) != 1:
                return None
            (known,) = close
            if any((key,) in self.spellings for key, spelled in zip(keys, known, strict=True) if key != spelled):
                return None
        return self.names[min(close)] if close else None


def _place_intros(run: list[re.Match[str]], keys: list[str], named: dict[int, str]) -> dict[int, str]:
    """The words right before each place name of a run that introduce it, spelled as such."""
    found: dict[int, str] = {}
    for start in (i for i in named if i - 1 not in named):
        for intro, spelled in PLACE_INTROS.items():
            at = start - len(intro)
            if at >= 0 and tuple(keys[at:start]) == intro:
                found |= {at + k: _cased(word, run[at + k].group()) for k, word in enumerate(spelled)}
    return found


@lru_cache(maxsize=1)
def _family_names() -> dict[str, str]:
    """Family names by their OCR key, those two names share left out."""
    keys = Counter(ocr_key(name) for name in surnames())
    return {ocr_key(name): name for name in surnames() if keys[ocr_key(name)] == 1}


def letters_apart(a: str, b: str) -> int:
    """Letters that differ between two keys of one length (2 for keys of unlike length)."""
    return sum(x != y for x, y in zip(a, b, strict=True)) if len(a) == len(b) else 2
