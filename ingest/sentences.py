"""Where Vietnamese sentences end. Pure.

A full stop ends a sentence when the next word starts with a capital letter or a digit.
Vietnamese capitals go beyond A–Z (Đ, Ơ, Ư, Ă, Ở, Ấ, Ự…), and a character range such as
"À-Ỹ" holds lower-case letters too, so the capitals are listed from Unicode itself.
Abbreviations before a name ("TP. Thủ Dầu Một", "ThS. Lê Văn A") end no sentence.
"""

from __future__ import annotations

import re

_LATIN = (*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00))
CAPITALS = "".join(ch for ch in map(chr, _LATIN) if ch.isupper())
LOWERS = "".join(ch for ch in map(chr, _LATIN) if ch.islower())
CAPITAL = f"[{re.escape(CAPITALS)}]"  # one capital letter, for use inside other patterns
TITLE_WORD = f"{CAPITAL}[{re.escape(LOWERS)}]*"  # "Tuấn", "Đông", not "KCN" or "II"
STARTS_SENTENCE = rf"[\"“(]?(?:{CAPITAL}|\d)"

# Their full stop ends no sentence: "TX. Thuận An", "TP. Thủ Dầu Một", "ThS. Lê Văn A", a
# signature's "KT. CHỦ TỊCH" (on behalf of), a table's "398,0 tr. USD" (triệu).
ABBREVIATION_END = re.compile(
    r"(?:^|[\s(,])(?:TX|TP|Tp|TT|TS|ThS|PGS|GS|BS|KS|KT|TL|TM|TUQ|Q|P|H|X|Mr|Mrs|Ms|Dr|No|Co|tr|Tr)\.$"
)


def sentence_end(marks: str = ".!?") -> re.Pattern[str]:
    """The gap after one of ``marks`` that is followed by the start of a new sentence."""
    return re.compile(rf"(?<=[{re.escape(marks)}])\s+(?={STARTS_SENTENCE})")


_ENDS: dict[str, re.Pattern[str]] = {}


# A word no sentence ends on, before a stray full stop (OCR's "… là. 31.460 người"), and the
# figure that goes on with it (not a list item's number, "2. Nội dung …").
DANGLING_END = re.compile(
    r"(?:^|\s)(?:là|la|của|cua|gồm|gom|bằng|bang|khoảng|khoang|với|voi|tại|tai)\.$",
    re.IGNORECASE,
)
FIGURE_GOES_ON = re.compile(r"^\d[\d.,]*\s+[^\W\d_]")
LIST_NUMBER = re.compile(r"^\d{1,2}[.)]\s")
# A word no sentence ends on whatever follows its stray full stop: a possessive, a plural, a
# conjunction ("a) Cờ thi đua của. Chính phủ: …", OCR'd from a scan) …
# (Not "cua", "cac": typed without accents they are words of their own, "tôm, cá và cua.")
NEVER_ENDS = re.compile(r"(?:^|\s)(?:của|các|những|và)\.$", re.IGNORECASE)
# … and a field's title before its person's name ("Chủ trì: ông. Trần Văn A"; not "… làm việc
# với ông. Trần Văn A trình bày …", nor "núi Bà. Tây Ninh …").
TITLE_END = re.compile(r"(?:^|:\s*)(?:ông|bà)\.$")
NAME_GOES_ON = re.compile(rf"^{TITLE_WORD}\s+{TITLE_WORD}\b")


def rejoin_abbreviations(pieces: list[str]) -> list[str]:
    """The pieces a full stop cut that ends no sentence put back together: after an
    abbreviation ("TP. Thủ Dầu Một"), or a stray one after a word no sentence ends on."""
    joined: list[str] = []
    for piece in pieces:
        dangling = (
            joined
            and not LIST_NUMBER.match(piece)
            and (
                NEVER_ENDS.search(joined[-1])
                or (TITLE_END.search(joined[-1]) and NAME_GOES_ON.match(piece))
                or (DANGLING_END.search(joined[-1]) and FIGURE_GOES_ON.match(piece))
            )
        )
        if joined and (ABBREVIATION_END.search(joined[-1]) or dangling):
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
    return joined


def split_sentences(text: str, marks: str = ".!?") -> list[str]:
    """The sentences of ``text`` (ended by one of ``marks``), stripped, none empty."""
    pattern = _ENDS.setdefault(marks, sentence_end(marks))
    return [s.strip() for s in rejoin_abbreviations(pattern.split(text)) if s.strip()]
