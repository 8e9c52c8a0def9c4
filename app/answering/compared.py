"""The first line of a comparison's answer: each part's figure, from the quote that states
that part ("KCN Tân Lập: 94,7%" [1]; "KCN Kim Sơn: 96,1%" [2]), then which is higher when
the question asks it ("… khu nào có tỷ lệ lấp đầy cao hơn?" → "KCN Kim Sơn cao hơn"). Pure.

A part is a year, province, region or zone the question compares (``comparison_parts``).
Every part needs a quote that states it and exactly one figure of the unit asked in that
quote; otherwise there is no such line: one side's figure alone reads as the answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from app.answering.constraints import constraint_key, constraint_label
from app.answering.direct import FIGURE_TYPES, as_how_many, asks_a_figure, direct_facts, names_a_side
from app.answering.frame import QuestionFrame, parse_question
from app.answering.units import unit_kind
from ingest.gazetteer import find_places, merged_keys
from ingest.normalize import fold

# "… cao hơn", "nhiều dự án FDI hơn": the adjective, up to four words before "hơn" (folded),
# the last one before it ("doanh nghiệp nhỏ và vừa nhiều hơn"); not "cao hơn 95%", a bar.
ADJECTIVE = r"(?:cao|nhieu|lon|thap|it|nho)"
COMPARATIVE = re.compile(rf"\b({ADJECTIVE})\b((?:\s+(?!{ADJECTIVE}\b)\w+){{0,4}})\s+hon\b(?!\s*\d)")
# Another such adjective just before it makes the words a name, not the comparison: "ít dự án
# công nghệ cao hơn" asks which has fewer.
AMBIGUOUS = re.compile(rf"\b{ADJECTIVE}\b(?:\s+\w+){{0,4}}\s*$")
MORE = frozenset({"cao", "nhieu", "lon"})  # the others ask which is lower
# Other ways of asking for the parts side by side (folded); "giá so sánh 2010" is a price base.
SIDE_BY_SIDE = re.compile(r"(?<!gia )\bso sanh\b|\bchenh\b|\bthay doi\b|\bbien dong\b|\bkhac (?:nhau|biet)\b")
CLAUSE_END = re.compile(r",|;|\s(?:và|va)\s")
FIGURE = re.compile(r"(\d[\d.,]*)\s*(.*)$")  # the first number: "hơn 2 tỷ USD" is 2 tỷ USD at least
THOUSANDS = re.compile(r"\.(?=\d{3}(?!\d))")  # "12.840": a thousands mark, not a decimal point


def comparison_parts(frame: QuestionFrame) -> list[str]:
    """The constraints a comparison sets side by side: its years, provinces, regions or zones
    when it names two or more of a kind ("năm 2031", "province:ha nam")."""
    parts = [constraint_key("year", y) for y in sorted(frame.years)] if len(frame.years) > 1 else []
    parts += [constraint_key("province", k) for k in frame.provinces] if len(frame.provinces) > 1 else []
    parts += (
        [constraint_key("region", k) for k in frame.regions]
        if len(frame.regions) > 1 and not frame.joint_regions
        else []
    )
    parts += [constraint_key("name", z) for z in frame.zones] if len(frame.zones) > 1 else []
    return parts


def asks_side_by_side(frame: QuestionFrame) -> bool:
    """The question asks for its parts side by side ("… khu nào cao hơn?", "So sánh …"), not
    one figure of them ("KCN A và KCN B có bao nhiêu doanh nghiệp?", "tăng bao nhiêu so với
    năm 2031?"): one part's figure alone is then no answer."""
    folded = fold(frame.text).lower()
    return frame.comparison and (COMPARATIVE.search(folded) or SIDE_BY_SIDE.search(folded)) is not None


def side_by_side(frame: QuestionFrame) -> bool:
    """Parts asked side by side that the question names apart (two years, provinces, zones)."""
    return asks_side_by_side(frame) and len(comparison_parts(frame)) >= 2


@dataclass(frozen=True)
class PartFigure:
    part: str  # the constraint compared ("name:kcn tan lap")
    label: str  # as the user reads it ("KCN Tân Lập")
    figure: str  # as the quote writes it ("94,7%")
    quote: int  # index of the quote that states it

    @property
    def fact(self) -> str:
        return f"{self.label}: {self.figure}"


# A year's part named as what was done ("thực hiện năm 2031") beside another named as a plan
# ("với chỉ tiêu năm 2032"): that part asks no plan (folded).
DONE_BEFORE_YEAR = r"\b(?:thuc\s+hien|ket\s+qua|dat\s+duoc)\s+(?:(?:trong\s+)?nam\s+)?{year}\b"
PLAN_WORDS = re.compile(r"\b(?:ke\s+hoach|chi\s+tieu|muc\s+tieu|kh)\b")


def _only(frame: QuestionFrame, part: str) -> QuestionFrame:
    """The question as if it asked of this part alone (the figure of its year, its place)."""
    kind, _, key = part.partition(":")
    if part.startswith("năm "):
        year = part.removeprefix("năm ")
        written = unicodedata.normalize("NFC", frame.text)
        folded = fold(written)  # the same length as the NFC text, but for marks it cannot compose
        if (
            len(folded) == len(written)
            and re.search(DONE_BEFORE_YEAR.format(year=year), folded)
            and PLAN_WORDS.search(folded)
        ):
            text = "".join(" " if plan else c for c, plan in zip(written, _plan_mask(folded), strict=True))
            return replace(frame, text=text, years=frozenset({int(year)}))
        return replace(frame, years=frozenset({int(year)}))
    if kind == "province":
        return replace(frame, provinces=(key,))
    if kind == "region":
        return replace(frame, regions=(key,))
    return replace(frame, zones=(key,))


def _plan_mask(folded: str) -> list[bool]:
    """Per character of ``folded``, whether it is a plan's word."""
    mask = [False] * len(folded)
    for match in PLAN_WORDS.finditer(folded):
        mask[match.start() : match.end()] = [True] * (match.end() - match.start())
    return mask


def _label(frame: QuestionFrame, part: str) -> str:
    """A part as the user reads it: a zone as the question spells it ("KCN Tân Lập")."""
    label = constraint_label(part, frame.text)
    return label[:1].upper() + label[1:]


def _how_many(frame: QuestionFrame) -> QuestionFrame:
    """ "Tỉnh nào có nhiều lao động hơn?" asks the figure "có bao nhiêu lao động" asks, of
    each part, and "So sánh số dự án …" what "số dự án … là bao nhiêu" asks: the question
    read so."""
    asked = COMPARATIVE.search(fold(frame.text).lower())
    how_many = "bao nhiêu" if frame.accented else "bao nhieu"
    if asked is None:  # "So sánh số dự án năm X và năm Y": "số dự án … là bao nhiêu"
        if names_a_side(frame):  # ... unless it names a side ("số dự án FDI")
            return frame
        return replace(parse_question(as_how_many(frame)), comparison=frame.comparison)
    rest = CLAUSE_END.split(frame.text[asked.end() :], maxsplit=1)[0]  # not a second question's words
    text = frame.text[: asked.start()] + how_many + frame.text[asked.start(2) : asked.end(2)] + rest
    return replace(parse_question(text), comparison=frame.comparison)


def places_apart(frame: QuestionFrame) -> bool:
    """The question names two or more provinces, regions or zones for a figure ("KCN A và KKT
    B sử dụng bao nhiêu lao động?"): each may have its own. Not a province and the one it
    was merged into in 2025 ("Bình Dương (thuộc TP.HCM)"): that is one place."""
    parts = [p for p in comparison_parts(frame) if not p.startswith("năm ")]
    merged = len(frame.provinces) > 1 and any(
        merged_keys(a) & {b} for a in frame.provinces for b in frame.provinces if a != b
    )
    return len(parts) >= 2 and not merged


def part_figures(
    frame: QuestionFrame, quotes: Sequence[tuple[str, Iterable[str]]], terms: Iterable[str]
) -> list[PartFigure]:
    """Each part's figure, from the first quote stating the part (``quotes``: each quote as
    shown and the constraints it meets); none unless every part has exactly one. The parts
    are those compared side by side, or else the places a figure is asked of."""
    if side_by_side(frame):
        parts = comparison_parts(frame)
    else:
        parts = [p for p in comparison_parts(frame) if not p.startswith("năm ")] if places_apart(frame) else []
    if len(parts) < 2:
        return []
    # A figure named, not asked ("So sánh số dự án …" is a figure's question by its words):
    # read as "bao nhiêu" asks it.
    frame = frame if asks_a_figure(frame) else _how_many(frame)
    if frame.answer_type not in FIGURE_TYPES:
        return []
    terms = tuple(terms)
    found: list[PartFigure] = []
    for part in parts:
        # The first quote stating the part with one figure for it that no other part took
        # ("44 doanh nghiệp" of a sum is no zone's own), a quote stating no other part first
        # ("A đạt 96%, cao hơn B" holds A's figure, not B's).
        taken = {(f.quote, f.figure) for f in found}
        stating = [i for i, (_, met) in enumerate(quotes) if part in set(met)]
        stating.sort(key=lambda i: len(set(parts) & set(quotes[i][1])) > 1)
        figure = next(
            (
                (i, figures[0])
                for i in stating
                for figures in [direct_facts(_only(frame, part), quotes[i][0], terms)]
                if len(figures) == 1 and (i, figures[0]) not in taken
            ),
            None,
        )
        if figure is None:
            return []
        found.append(PartFigure(part, _label(frame, part), figure[1], figure[0]))
    return found


def value_and_unit(figure: str) -> tuple[float, str] | None:
    """A figure as written ("12.840 tỷ đồng", "96,7 %") as a value and its unit."""
    match = FIGURE.search(figure)
    if match is None:
        return None
    digits = THOUSANDS.sub("", match.group(1).rstrip(".,")).replace(",", ".")
    try:
        return float(digits), fold(match.group(2)).strip()
    except ValueError:
        return None


def _without_places(text: str, folded: str) -> str:
    """``folded`` with the places ``text`` names blanked ("Cao Bằng" holds no "cao")."""
    for place in find_places(text):
        folded = folded[: place.start] + " " * (place.end - place.start) + folded[place.end :]
    return folded


def verdict(frame: QuestionFrame, figures: Sequence[PartFigure]) -> str:
    """Which part is higher (or lower), in the question's words ("Cao Bằng nhiều lao động hơn"),
    when the question asks it and the figures are of one unit and differ; "" otherwise."""
    folded = fold(frame.text).lower()
    asked = COMPARATIVE.search(folded)
    values = [value_and_unit(f.figure) for f in figures]
    if asked is None or AMBIGUOUS.search(_without_places(frame.text, folded)[: asked.start()]):
        return ""
    if any(v is None for v in values) or len({unit_kind(v[1]) for v in values if v}) != 1:
        return ""
    numbers = [v[0] for v in values if v]
    pick = max(numbers) if asked.group(1) in MORE else min(numbers)
    if numbers.count(pick) != 1:
        return ""
    said = frame.text[asked.start() : asked.end()]  # "nhiều lao động hơn", as typed
    return f"{figures[numbers.index(pick)].label} {said[:1].lower()}{said[1:]}"
