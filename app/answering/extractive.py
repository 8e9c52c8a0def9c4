"""Extractive answers without an LLM: quote the sentences of the retrieved passages that
answer the question, cite them, or refuse. Pure logic.

1. Every sentence of the retrieved passages is a candidate with features
   (``app.answering.features``) and its constraints checked (``constraints``).
2. The fitted scorer (``scorer.Weights``) gives each the probability that it answers.
3. Only sentences that meet the question's constraints (the year, province, region,
   zone or person asked) may answer. The best one answers when its probability reaches
   the fitted threshold; otherwise refuse, saying what the reports hold instead when a
   likely sentence failed a constraint ("… không có số liệu năm 2033; gần nhất là 2031").
4. A comparison is answered part by part: a quote for each year/unit/zone asked, or "không
   có" for the part the reports lack; a question asking several figures ("bao nhiêu ha … và bao
   nhiêu lao động") gets a quote stating each, when one scores above the extra threshold. At
   most two further quotes that add figures or terms the quotes so far lack are added above
   the fitted extra threshold (one for questions that ask one thing, one for those that ask
   several). The likeliest quote comes first. For "những ai / đơn vị nào …", a quote that
   announces items ("… cho các cá nhân sau:") is followed by them (``lead_ins``).
5. A question that names nothing the reports are about ("xin chào") is told so. One on a
   document itself ("… ban hành ngày nào", "ai ký …") is answered by its date line or its
   signature, which share no word with it.
6. A "how many / how much / what share" question starts with the figure asked for, taken
   from the first quote (``app.answering.direct``), when one fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from copy import deepcopy
from dataclasses import dataclass, replace
from functools import cache, partial
from itertools import groupby

from langchain_core.documents import Document

from app.answering.clip import clip_quote
from app.answering.compared import (
    asks_side_by_side,
    comparison_parts,
    part_figures,
    places_apart,
    side_by_side,
    verdict,
)
from app.answering.constraints import PassageContext, constraint_key, constraint_label, province_about, stored_years
from app.answering.direct import FIGURE_TYPES, asked_units, direct_facts, holds_figure, own_board, plan_verdict
from app.answering.features import (
    CAUSE,
    DATE,
    LIST_ITEM,
    Candidate,
    Lexicon,
    asks_entities,
    candidates_for,
    entities_named,
)
from app.answering.field_lines import answering_field
from app.answering.frame import DOCUMENT_NUMBER, AnswerType, QuestionFrame, document_kinds_named, parse_question
from app.answering.lead_ins import announces, asks_for_items, under
from app.answering.models import MAX_ANSWER_CHARS, Answer, Citation, RetrievedPassage
from app.answering.named import answering_office, document_facts_said, named_facts, zone_asked_beside
from app.answering.scorer import Weights
from app.answering.sections import answering_section
from app.answering.table_rows import (
    cell_facts,
    extreme_row,
    put_first,
    ranked_row_label,
    record_of_named,
    row_of_named_board,
    total_first,
)
from app.answering.terms import terms_of
from ingest.docframe import has_place_date, is_signature
from ingest.gazetteer import absorbed_keys, display_name
from ingest.models import nearest_section
from ingest.normalize import fold, looks_accentless, match_key, numbers_in
from ingest.people import names_a_person

MAX_QUOTES = 3
PLACE_KINDS = frozenset({"province", "region", "name"})  # constraint labels "province:ha nam", "name:kcn x"
MAX_QUOTE_CHARS = 420  # a quote longer than this is cut to its clauses about the question
BULLET = re.compile(r"^\s*[-+•*–]\s+")  # a list item's mark: the quote's own quotation marks frame it
# A quote that opens with the report's own quotation mark (a speech quoted: "“Những nội dung …”
# — Bà X nhấn mạnh."): the answer's marks frame it, so that one is dropped, not doubled.
OPENING_MARK = re.compile(r'^[“"]\s*')

__all__ = ["Lexicon", "Phrasing", "Selection", "answer_extractively", "may_answer", "select_quotes"]


@dataclass(frozen=True)
class Phrasing:
    refusal: str
    intro: str
    item_with_heading: str
    item: str
    heading_group: str = "- {heading}:"  # quotes of one section in a row: the section once ...
    item_under_heading: str = "\u2003\u2003- “{quote}” [{n}]"  # ... and each quote under it, indented
    missing: str = "Không có thông tin về {what}."
    unstated: str = "Các đoạn tìm được không nói về {what}."  # a year or place some report is about
    nearest: str = "Gần nhất là ({what}): “{quote}” [{n}]"
    related: str = "Các đoạn gần nhất, chưa đủ để trả lời: {refs}"
    off_topic: str = "Câu hỏi này nằm ngoài nội dung các báo cáo."
    merged: str = "Số liệu của {old}, nay thuộc {new}."  # a province merged in 2025 into the one asked
    merged_whole: str = "{old} nay thuộc {new}: số liệu là của cả {new}."  # the one asked merged into
    direct: str = "{facts} [{n}]"
    placed: str = "{place}: {facts} [{n}]"  # a question naming no place: whose figure it is
    # Items of a shown lead-in left out for the answer's length: how many, and where they are.
    more_items: str = "- … và {count} mục nữa, xem đủ tại [{n}]"


@dataclass(frozen=True)
class Selection:
    quotes: list[Candidate]
    missing: list[str]  # parts of a comparison the reports do not cover
    nearest: Candidate | None = None  # a likely sentence that failed a constraint (for a refusal)
    candidates: tuple[Candidate, ...] = ()  # every candidate, scored (for --explain)
    off_topic: bool = False  # the question is not about what the reports cover
    related: tuple[Candidate, ...] = ()  # a refusal's nearest passages, shown collapsed
    frame: QuestionFrame | None = None  # the question (its terms and names guide a cut quote)
    # What each indexed report is about: its years ("năm 2031"), provinces and regions. A refusal
    # does not say the reports lack what one of them is about, only that the passages found do
    # not state it.
    library: tuple[frozenset[str], ...] = ()

    @property
    def focus(self) -> frozenset[str]:
        """The question's terms and names: what a quote cut to its length keeps."""
        return focus_terms(self.frame) if self.frame is not None else frozenset()

    @property
    def lacking(self) -> tuple[str, ...]:
        """What the refusal says is missing: the constraints of the nearest sentence that no
        candidate states ("Hà Giang", not "6 tháng" that other sentences do state; an undated
        report does not state the year asked). Empty when each is stated somewhere: the
        reports may hold the answer, only not surely enough."""
        if self.nearest is None:
            return ()
        failed = self.nearest.constraints.failed
        return tuple(f for f in failed if not any(f in c.constraints.stated for c in self.candidates))

    @property
    def refused(self) -> bool:
        return not self.quotes


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.chunk_id == b.chunk_id and (a.quote in b.quote or b.quote in a.quote)


def select_quotes(frame: QuestionFrame, candidates: Sequence[Candidate], weights: Weights) -> Selection:
    scored = sorted(
        (replace(c, probability=weights.probability(c.features)) for c in candidates), key=lambda c: -c.probability
    )
    eligible = [c for c in scored if may_answer(frame, c)]
    if not frame.on_topic and not _said_whole(eligible, weights):
        return Selection([], [], None, tuple(scored), off_topic=True, frame=frame)
    facts = _document_fact_quotes(frame, eligible, scored)
    if facts:
        return Selection(facts, [], None, tuple(scored), frame=frame)  # the lines themselves are the answer
    if frame.document_facts == ("signer",):  # no signature found: a sentence naming who signed,
        eligible = [c for c in eligible if names_a_person(c.quote)]  # not "… ký kết giao ước"
    extreme = extreme_row(frame, eligible)
    if extreme is not None:  # "… nào cao nhất" over a table: its rows compared, not scored
        return Selection([extreme], [], None, tuple(scored), frame=frame)
    eligible = total_first(frame, eligible)
    who = asks_entities(frame)
    named_in = cache(partial(entities_named, frame))  # each quote's units or people, read once
    if who:
        # "Những đơn vị nào được …?": lines naming the units or people come before a line that
        # names none ("Cờ thi đua của Bộ Tài chính: 02 tập thể"), each as likely as it is.
        eligible = sorted(
            eligible,
            key=lambda c: not (c.probability >= weights.answer_threshold and named_in(c.quote)),
        )
    # "Chủ trì: Ông …" answers "Ai chủ trì …", however low it scores (``field_lines``).
    # ... and so does "Ban Quản lý … tỉnh A (Khối trưởng năm X)" "Đơn vị nào làm Khối trưởng năm X?".
    # ... and "Ông X — Đơn vị: …" "Ông X công tác ở đơn vị nào?" (``record_of_named``) when no
    # sentence answers as well ("Ông X được điều động về … từ năm 2042" for "Năm 2042 …").
    # ... and the board's own row over its unit's ("Phòng …, Ban Quản lý … tỉnh X — …") for
    # a question on the board (``row_of_named_board``).
    unanswered = not eligible or eligible[0].probability < weights.answer_threshold
    field = (
        answering_field(frame, eligible, scored)
        or answering_office(frame, eligible)
        or (record_of_named(frame, eligible) if unanswered else None)
        or row_of_named_board(frame, eligible)
    )
    eligible = put_first(field, eligible)
    # "Nội dung thi đua … gồm những nhiệm vụ gì?": the items a heading announces ("… các nhiệm
    # vụ sau:"), whatever sentence of another section repeats more of the question's words.
    # "Những khó khăn … ?": the items of the section of the likeliest sentence, when its heading
    # ("4. Khó khăn, vướng mắc") names what is asked: each sentence of it repeats little of it.
    section = answering_section(frame, eligible, announced=True) or answering_section(frame, eligible, likeliest=True)
    if who and not any(named_in(c.quote) for c in section):
        section = []  # the items announced count them ("… 02 tập thể;"): they name none asked
    if section:
        return Selection(section, [], None, tuple(scored), frame=frame)
    if not eligible or (
        field is None
        and eligible[0].probability < weights.answer_threshold
        and not _every_part_stated(frame, eligible, weights)
    ):
        # "Phương hướng … gồm những nhiệm vụ gì?": the items of the section headed so, however
        # low each scores for repeating none of the question's words.
        section = answering_section(frame, eligible)
        if section:
            return Selection(section, [], None, tuple(scored), frame=frame)
        nearest = _nearest_fact(scored, weights.answer_threshold)
        related = _nearest_passages([*eligible, *(c for c in scored if c not in eligible)])
        return Selection([], [], nearest, tuple(scored), related=related, frame=frame)
    # A further quote, a comparison's other part included, needs only the bar fitted for a
    # quote beside the first (``baocao tune``).
    extra_threshold = weights.extra_threshold_for(frame.several_asked)
    chosen = _answering_most_asks(frame, eligible, extra_threshold)
    best = chosen[0]
    missing: list[str] = []
    units = asked_units(frame)
    if frame.comparison:
        covered = set(best.constraints.satisfied)
        wanted = [*comparison_parts(frame)]
        for part in wanted:
            if part in covered or _quoted_year(part, chosen) or len(chosen) >= MAX_QUOTES:
                continue
            holders = [
                c
                for c in eligible
                if part in c.constraints.satisfied
                and c.probability >= extra_threshold
                and not any(_overlaps(c, k) for k in chosen)
            ]
            # Each part answered with the figure asked for when one of its sentences states it.
            holder = max(holders, key=lambda c: any(holds_figure(frame, c.quote, u) for u in units), default=None)
            if holder is None:
                missing.append(part)
            else:
                chosen.append(holder)
                covered |= holder.constraints.satisfied
    for unit in units if frame.asks > 1 else ():
        # "bao nhiêu ha … và bao nhiêu lao động": each figure asked gets a quote that states one.
        if len(chosen) >= MAX_QUOTES or any(holds_figure(frame, c.quote, unit) for c in chosen):
            continue
        holder = next(
            (
                c
                for c in eligible
                if c.probability >= extra_threshold
                and holds_figure(frame, c.quote, unit)
                and not any(_overlaps(c, k) for k in chosen)
            ),
            None,
        )
        if holder is not None:
            chosen.append(holder)
    if frame.answer_type is AnswerType.REASON and not any(CAUSE.search(c.quote) for c in chosen):
        # "Vì sao …": the cause is often the next sentence of the paragraph that tells what
        # happened ("… được giới thiệu làm Khối trưởng. Ông … xin rút do …").
        cause = next((c for c in eligible if c.chunk_id == best.chunk_id and CAUSE.search(c.quote)), None)
        if cause is not None and not any(_overlaps(cause, c) for c in chosen):
            chosen.append(cause)
    found = set().union(*(c.found for c in chosen))
    figures = {n for c in chosen for n in numbers_in(c.quote)}
    entities = set().union(*(named_in(c.quote) for c in chosen)) if who else set()
    further = list(eligible[1:])
    quoted = {c.doc_id for c in chosen}
    if frame.across_reports:  # "… trong hai báo cáo": what each report says, those not quoted first
        further.sort(key=lambda c: c.doc_id in quoted)  # stable: by probability
    for candidate in further:
        if len(chosen) >= MAX_QUOTES:
            break
        if candidate.probability < extra_threshold or any(_overlaps(candidate, c) for c in chosen):
            continue
        new_report = frame.across_reports and candidate.doc_id not in quoted
        # ... or, to "Những đơn vị nào …", another unit said to be what the first quote's is
        # ("Ban Quản lý … B — Hình thức: Cờ thi đua …" after A's row: the same words and no new
        # figure, yet a new answer).
        alike = who and candidate.found >= chosen[0].found
        named = named_in(candidate.quote) if alike else frozenset()
        adds = bool(candidate.found - found) or bool(set(numbers_in(candidate.quote)) - figures) or new_report
        if adds or named - entities:
            chosen.append(candidate)
            quoted.add(candidate.doc_id)
            found |= candidate.found
            figures |= set(numbers_in(candidate.quote))
            entities |= named
    # A part no quote was chosen for may still be stated by a further quote.
    said = set().union(*(c.constraints.satisfied for c in chosen))
    missing = [constraint_label(part, frame.text) for part in missing if part not in said]
    chosen = _with_announced_items(chosen, eligible, every=asks_for_items(frame))
    return Selection(chosen, missing, None, tuple(scored), frame=frame)


def _answering_most_asks(frame: QuestionFrame, eligible: Sequence[Candidate], threshold: float) -> list[Candidate]:
    """The first quotes: the likeliest, unless the question asks several figures ("… được bao
    nhiêu, đạt bao nhiêu % kế hoạch?") and a quote that clears ``threshold`` states more of
    them (a table's total row gives the capital, the sentence below gives it and its share of
    the plan): that one, then the likeliest, which may state a figure it does not."""
    best = eligible[0]
    if frame.asks < 2 or frame.answer_type not in FIGURE_TYPES or frame.comparison:
        return [best]

    def answered(candidate: Candidate) -> int:
        return min(frame.asks, len(direct_facts(frame, candidate.quote, frame.terms)))

    first, most = best, answered(best)
    for candidate in eligible[1:]:
        if candidate.probability >= threshold and answered(candidate) > most:
            first, most = candidate, answered(candidate)
    return [best] if first is best or _overlaps(first, best) else [first, best]


def _with_announced_items(chosen: Sequence[Candidate], eligible: Sequence[Candidate], every: bool) -> list[Candidate]:
    """Each quote that ends its paragraph announcing items ("… cho các cá nhân sau:") followed
    by those items, in their order: they are what it says, however their own words score
    ("Ông X, Phó Trưởng ban …" repeats none of the question's). Unless ``every``, only the
    first quote's: the answer's; a further quote adds to it, and its list would bury it. An
    item already quoted for its own words is shown in its place among them, and the lead-in
    with its items stands where the first of them was quoted."""
    lists: dict[int, list[Candidate]] = {}
    for position, quote in enumerate(chosen):
        paragraph = quote.document.page_content
        if not (every or position == 0):
            continue
        if not (announces(quote.quote) and paragraph.rstrip().endswith(quote.quote.rstrip())):
            continue
        items = {
            c.chunk_id: c
            for c in (*chosen, *eligible)
            if c.doc_id == quote.doc_id
            and c.features["first_sentence"]
            and under(paragraph, c.document.metadata.get("headings") or ())
        }
        lists[position] = sorted(items.values(), key=lambda c: c.document.metadata.get("paragraph", 0))
    listed = {id(c) for items in lists.values() for c in items}
    quoted_at = {id(c): position for position, c in enumerate(chosen)}
    blocks: list[tuple[int, list[Candidate]]] = []
    for position, quote in enumerate(chosen):
        if id(quote) in listed and position not in lists:
            continue  # shown among its lead-in's items
        items = lists.get(position, [])
        first = min([position, *(quoted_at[id(c)] for c in items if id(c) in quoted_at)])
        blocks.append((first, [quote, *items]))
    blocks.sort(key=lambda block: block[0])
    return [c for _, block in blocks for c in block]


def _document_fact_quotes(
    frame: QuestionFrame, eligible: Sequence[Candidate], scored: Sequence[Candidate]
) -> list[Candidate]:
    """The lines of the document asked about that answer its facts asked for: its date line for
    "… ban hành ngày nào", its signature for "ai ký …" (``_document_fact_quote``)."""
    if not frame.document_facts or not eligible:
        return []
    doc_id = eligible[0].doc_id
    kind = _kind_fit(frame, eligible[0].document)
    if kind is False:
        # "Ai ký báo cáo …" is not answered by a decision's signature: the likeliest sentence of
        # a document that may be of the kind asked, about the place asked, says which one is.
        other = next((c for c in scored if _kind_fit(frame, c.document) is not False and not _misses_place(c)), None)
        if other is not None:
            doc_id, kind = other.doc_id, _kind_fit(frame, other.document)
    asked = [c for c in eligible if c.doc_id == doc_id]
    of_document = [c for c in scored if c.doc_id == doc_id]
    found = []
    for fact in frame.document_facts:
        if fact == "signer":
            # Its signature names no period or place ("Trần Văn Tân, KT. TRƯỞNG BAN"): the
            # document's, whether or not it meets the question. (A date line must: the one
            # found may be another document's, cited.)
            quote = _document_fact_quote(fact, asked)
            quote = quote if quote is not None else _document_fact_quote(fact, of_document)
        elif kind is False:
            # A document of another kind than the one asked ("Giao ước … ký ngày nào?" of a tờ
            # trình citing it): its own date line is not the answer.
            quote = None
        else:
            quote = _document_fact_quote(fact, asked)
            if quote is None and kind and _about_years_asked(frame, of_document):
                # The document's own date line, above its first heading: it may date the
                # document in the year after the one it reports on ("Tờ trình … năm 2031",
                # "ngày 20 tháng 01 năm 2032"), so it need not meet the question's year; the
                # document must be about it. Only when the document is of the kind asked.
                quote = _document_fact_quote(fact, [c for c in of_document if _in_header(c)])
        if quote is not None:
            found.append(quote)
    return found


def _about_years_asked(frame: QuestionFrame, passages: Sequence[Candidate]) -> bool:
    """Whether the document of ``passages`` is about a year the question names (or either names none)."""
    years = set(stored_years(passages[0].document.metadata)) if passages else set()
    return not frame.years or not years or bool(frame.years & years)


def _kind_fit(frame: QuestionFrame, document: Document) -> bool | None:
    """Whether the document is of a kind the question names, by the kind its title opens with
    ("TỜ TRÌNH số …"); None when the question names none or the title opens with none."""
    title = str(document.metadata.get("title", ""))
    own = [kind for kind in document_kinds_named(title) if fold(title).lstrip().startswith(kind)]
    return bool(set(own) & set(frame.document_kinds)) if frame.document_kinds and own else None


def _in_header(candidate: Candidate) -> bool:
    """A line of the document's header: above its first heading."""
    return not candidate.document.metadata.get("headings")


def _document_fact_quote(fact: str, asked: Sequence[Candidate]) -> Candidate | None:
    """A document's own date line for "… ban hành ngày nào", its signature for "ai ký …": lines
    that share no word with the question, so the scorer cannot rank them (no gold question it
    was fitted on asks for them); the form of official documents says where they are. The
    document asked about is the one of the likeliest sentence (another report's date line would
    pass for it: a "tờ trình" dated in the year of the "giao ước" asked about)."""
    if fact == "issued":
        return next((c for c in asked if has_place_date(c.quote)), None)
    signed = (c for c in asked if _signs(c))
    # The whole block: "KT. TRƯỞNG KHỐI" would be a sentence of its own, cut from the name.
    return next((replace(c, quote=c.document.page_content) for c in signed), None)


def _signs(candidate: Candidate) -> bool:
    """The candidate is part of a signature block."""
    return is_signature(str(candidate.document.metadata.get("heading", "")), candidate.document.page_content)


def _every_part_stated(frame: QuestionFrame, eligible: Sequence[Candidate], weights: Weights) -> bool:
    """A comparison each of whose parts ("Hưng Yên", "Phú Thọ") a sentence states, each above
    the bar fitted for a quote beside the first: the parts answer it together, though none
    alone scores as an answer (its words are split between them)."""
    parts = comparison_parts(frame) if frame.comparison else []
    bar = weights.extra_threshold_for(frame.several_asked)
    stated = [c for c in eligible if c.probability >= bar]
    return len(parts) >= 2 and all(any(part in c.constraints.satisfied for c in stated) for part in parts)


def _quoted_year(part: str, quotes: Sequence[Candidate]) -> bool:
    """A year compared that a quote states itself ("… so với cùng kỳ năm 2031 (4.321 tỷ
    đồng)"): that part is answered, though the quote is about the other year."""
    year = part.removeprefix("năm ")
    return year != part and any(year in numbers_in(c.quote) for c in quotes)


def _misses_place(candidate: Candidate) -> bool:
    """The candidate is about another province, region, zone or person than the one asked."""
    return any(label.partition(":")[0] in PLACE_KINDS for label in candidate.constraints.failed)


def _nearest_fact(scored: Sequence[Candidate], threshold: float) -> Candidate | None:
    """What a refusal offers as the nearest fact: of the likely sentences that fail a
    constraint, the likeliest about the place asked when there is one (the province's own
    first half for its second half, not another province's figure)."""
    likely = [c for c in scored if not c.constraints.met and c.probability >= threshold]
    return min(likely, key=lambda c: (_misses_place(c), -c.probability), default=None)


def _nearest_passages(ranked: Sequence[Candidate]) -> tuple[Candidate, ...]:
    """The best sentence of each of the first passages, those meeting the question's
    constraints first: what a refusal offers to read instead of a dead end."""
    chosen: list[Candidate] = []
    for candidate in ranked:
        if len(chosen) >= MAX_QUOTES:
            break
        if all(candidate.chunk_id != c.chunk_id for c in chosen):
            chosen.append(candidate)
    return tuple(chosen)


def focus_terms(frame: QuestionFrame) -> frozenset[str]:
    """The question's content terms and the syllables of the zones, people and places it names."""
    names = [*frame.zones, *frame.people, *frame.provinces]
    return frozenset(frame.terms) | {syllable for name in names for syllable in name.split()}


def _said_whole(eligible: Sequence[Candidate], weights: Weights) -> bool:
    """A question with no word of the reports' domain ("Trạm biến áp 220 kV phải hoàn thành
    trước ngày nào?") is still theirs when a sentence says all its words and scores to answer."""
    best = eligible[0] if eligible else None
    return best is not None and best.features["cover_sentence"] >= 1.0 and best.probability >= weights.answer_threshold


def may_answer(frame: QuestionFrame, candidate: Candidate) -> bool:
    """A sentence the answerer may choose: it meets the question's constraints and holds the
    kind of thing asked for (``evals.tune`` fits the scorer on exactly these)."""
    return candidate.constraints.met and states_what_is_asked(frame, candidate)


# The date of a document a sentence cites ("Kế hoạch số 01/KH-BQL ngày 20/4/2031"): the day
# that document was issued, not the day of a meeting the sentence tells of.
CITED_DOCUMENT_DATE = re.compile(
    DOCUMENT_NUMBER.pattern + r"\)?\s*,?\s*(?:ban hành\s+)?ngày\s+[\d/.\-]+", re.IGNORECASE
)


def states_what_is_asked(frame: QuestionFrame, candidate: Candidate) -> bool:
    """A "how many / what share" question is answered only by a sentence with a figure, a
    "which day" one only by a sentence with a date of its own. Other kinds are left to the
    scorer's ``type_fit``: "từ đầu năm" answers "từ khi nào" without a date, and requiring a
    name for "ai" refused more right answers than wrong ones (measured leaving documents out)."""
    if frame.day_asked:  # a sentence with no date leaves the day unsaid
        quote = candidate.quote
        if frame.day_asked == "event":
            quote = CITED_DOCUMENT_DATE.sub(" ", quote)
        return bool(DATE.search(quote))
    if frame.answer_type in (AnswerType.NUMBER, AnswerType.PERCENT):
        return candidate.features["new_numbers"] > 0
    return True


def retrieved_passages(documents: Sequence[Document]) -> list[RetrievedPassage]:
    return [
        RetrievedPassage(
            chunk_id=d.metadata["chunk_id"],
            doc=d.metadata["source"],
            heading=d.metadata.get("heading", ""),
            text=d.page_content,
            score=round(float(d.metadata.get("score", 0.0)), 4),
        )
        for d in documents
    ]


def section_of(meta: dict) -> str:
    """The section a citation names: the passage's nearest heading that is not a paragraph
    leading into a list (``ingest.models.section_headings``)."""
    headings = [str(h) for h in meta.get("headings") or ()]
    return nearest_section(headings) if headings else str(meta.get("heading", ""))


def citation_for(n: int, document: Document, quote: str) -> Citation:
    """Citation ``[n]`` of a retrieved passage (``quote``: the part of it the answer uses)."""
    meta = document.metadata
    return Citation(
        n=n,
        chunk_id=meta["chunk_id"],
        doc_id=meta["doc_id"],
        doc=meta["source"],
        title=meta.get("title", ""),
        heading=section_of(meta),
        page=meta.get("page"),
        paragraph=meta["paragraph"],
        text=document.page_content,
        quote=quote,
        score=round(float(meta.get("score", 0.0)), 4),
        period=str(meta.get("period", "")),
        issuer=str(meta.get("issuer", "")),
    )


def _shortened(candidate: Candidate, focus: frozenset[str], limit: int = MAX_QUOTE_CHARS) -> str:
    # OCR damage hides the question's words from single clauses: an OCR quote keeps its start.
    wanted = frozenset() if looks_accentless(candidate.document.page_content) else focus
    return OPENING_MARK.sub("", BULLET.sub("", clip_quote(candidate.quote, wanted, limit, terms_of)))


def _quote_limit(selection: Selection, lines: Sequence[str], frame_line: str, budget: int) -> int:
    """How long a quote may be: a list asked for whole ("kể đủ các đơn vị") is cut only at the
    answer's length budget, since its every clause is an item asked for; others at
    ``MAX_QUOTE_CHARS``. Only the first quote: the others must leave it room.
    ``frame_line``: the quote's line with an empty quote (its heading, marks, citation)."""
    listing = selection.frame is not None and selection.frame.answer_type is AnswerType.LIST
    if listing and len(lines) == 1:
        return max(MAX_QUOTE_CHARS, budget - len("\n".join([*lines, frame_line])))
    return MAX_QUOTE_CHARS


CITED = re.compile(r"\[(\d+)\]")


class _Citations:
    """Citation numbers in order of first use; two quotes of one paragraph share a number."""

    def __init__(self) -> None:
        self.by_chunk: dict[str, Citation] = {}

    def number(self, candidate: Candidate) -> int:
        """The number ``candidate`` has, or would get if cited now."""
        cited = self.by_chunk.get(candidate.chunk_id)
        return cited.n if cited else len(self.by_chunk) + 1

    def cite(self, candidate: Candidate, quote: str) -> int:
        chunk_id = candidate.chunk_id
        if chunk_id in self.by_chunk:
            previous = self.by_chunk[chunk_id]
            if match_key(quote) not in match_key(previous.quote):
                self.by_chunk[chunk_id] = replace(previous, quote=f"{previous.quote} … {quote}")
        else:
            self.by_chunk[chunk_id] = citation_for(self.number(candidate), candidate.document, quote)
        return self.by_chunk[chunk_id].n


MAX_SHOWN_HEADING = 120  # characters: a longer heading is a paragraph, not a section's name


def _shown_heading(candidate: Candidate, quote: str) -> str:
    """The section named before a quote: only when short and not already named by the quote. A
    list item's with the heading above it ("III. Đề nghị … tặng Bằng khen › 2. Cá nhân:"): what
    the item is listed for is said there."""
    heading = candidate.document.metadata.get("heading", "")
    headings = [str(h) for h in candidate.document.metadata.get("headings") or ()]
    if LIST_ITEM.match(candidate.quote) and len(headings) >= 2 and headings[-1] == heading:
        both = f"{headings[-2]} › {heading}"
        heading = both if len(both) <= MAX_SHOWN_HEADING else heading
    return heading if heading and len(heading) <= MAX_SHOWN_HEADING and fold(heading) not in fold(quote) else ""


def _quote_line(candidate: Candidate, quote: str, n: int, phrasing: Phrasing) -> str:
    return _grouped_lines([_section_quote(candidate, quote, n)], phrasing)[0]


def _section_quote(
    candidate: Candidate, quote: str, n: int, lead_ins: frozenset[str] = frozenset()
) -> tuple[str, str, str, int]:
    heading = _shown_heading(candidate, quote)
    return candidate.document.metadata.get("doc_id", ""), "" if heading.strip() in lead_ins else heading, quote, n


def _grouped_lines(quoted: Sequence[tuple[str, str, str, int]], phrasing: Phrasing) -> list[str]:
    """One line per (report, section shown, quote, citation); quotes of the same section of one
    report in a row name it once, the quotes under it."""
    lines: list[str] = []
    for (_, heading), run in groupby(quoted, key=lambda item: item[:2]):
        items = list(run)
        template = phrasing.item_with_heading if heading else phrasing.item
        flat = [template.format(heading=heading, quote=quote, n=n) for _, _, quote, n in items]
        grouped = [phrasing.heading_group.format(heading=heading)]
        grouped += [phrasing.item_under_heading.format(quote=quote, n=n) for _, _, quote, n in items]
        # Grouped only where it is shorter: the answer's length budget counts the flat lines.
        shorter = heading and len(items) > 1 and len("\n".join(grouped)) < len("\n".join(flat))
        lines += grouped if shorter else flat
    return lines


LIBRARY_KINDS = ("năm ", "province:", "region:")  # what a report's frame says it is about


def _lacking_from_library(
    lacking: Sequence[str], frame: QuestionFrame | None, library: Sequence[frozenset[str]]
) -> tuple[list[str], list[str]]:
    """What the reports lack, and what only the passages found do not state: the years and
    places lacking, when one indexed report is about every year and place the question asks
    ("năm 2033" of "Hà Nam năm 2033", with a report on Hà Nam in 2033 not retrieved); the rest
    the reports lack, as the passages show."""
    framed = [f for f in lacking if f.startswith(LIBRARY_KINDS)]
    asked = set(framed)
    if frame is not None:
        asked |= {constraint_key("year", y) for y in frame.years}
        asked |= {constraint_key("province", k) for k in frame.provinces}
        asked |= {constraint_key("region", k) for k in frame.regions}
    held = bool(framed) and any(asked <= report for report in library)
    unstated = framed if held else []
    return [f for f in lacking if f not in unstated], unstated


def _refusal_lines(selection: Selection, phrasing: Phrasing, citations: _Citations) -> list[str]:
    lines = [phrasing.refusal]
    if selection.off_topic:
        return [*lines, phrasing.off_topic]
    nearest = selection.nearest
    question = selection.frame.text if selection.frame is not None else ""
    if nearest is not None and selection.lacking:
        absent, unstated = _lacking_from_library(selection.lacking, selection.frame, selection.library)
        if absent:
            lines.append(phrasing.missing.format(what=", ".join(constraint_label(f, question) for f in absent)))
        if unstated:
            lines.append(phrasing.unstated.format(what=", ".join(constraint_label(f, question) for f in unstated)))
        quote = _shortened(nearest, selection.focus)
        held = ", ".join(nearest.constraints.held) or nearest.document.metadata.get("title", "")
        lines.append(phrasing.nearest.format(what=held, quote=quote, n=citations.cite(nearest, quote)))
    refs = [f"[{citations.cite(c, _shortened(c, selection.focus))}]" for c in selection.related]
    if refs:
        lines.append(phrasing.related.format(refs=" ".join(dict.fromkeys(refs))))
    return lines


def _quote_lines(selection: Selection, phrasing: Phrasing, citations: _Citations, reserved: int = 0) -> list[str]:
    """The answer's quote lines within its length budget, less ``reserved`` characters (the
    direct line, which goes first). Items of a shown lead-in that do not fit are counted on a
    last line that points to the lead-in, whose report lists them all."""
    missing = [phrasing.missing.format(what=what) for what in selection.missing]
    # "Số liệu của Long An, nay thuộc Tây Ninh": a quote answering for a province merged into the one asked.
    pairs = dict.fromkeys(pair for c in selection.quotes for pair in c.constraints.merged_into)
    merged = [_merger_line(phrasing, asked, stated) for asked, stated in pairs]
    budget = MAX_ANSWER_CHARS - len("\n".join(["", *missing, *merged])) - reserved
    # Fitted on a copy of the citations, kept once the quotes shown are settled.
    fitted = deepcopy(citations)
    quoted, shown = _fitted_quotes(selection, phrasing, fitted, budget)
    left, lead_in = _items_left_out(selection.quotes, shown)
    if left:
        # Room for the count line, then fitted again: fewer items may fit.
        room = len(phrasing.more_items.format(count=999, n=999)) + 1
        fitted = deepcopy(citations)
        quoted, shown = _fitted_quotes(selection, phrasing, fitted, budget - room)
        left, lead_in = _items_left_out(selection.quotes, shown)
    citations.by_chunk = fitted.by_chunk
    more = [phrasing.more_items.format(count=len(left), n=citations.number(lead_in))] if lead_in else []
    return [phrasing.intro, *_grouped_lines(quoted, phrasing), *more, *missing, *merged]


def _merger_line(phrasing: Phrasing, asked: str, stated: str) -> str:
    """What a quote about a province linked by the 2025 merger to the one asked stands for:
    "Số liệu của Long An, nay thuộc Tây Ninh" (a former province of the one asked), "Vĩnh Phúc
    nay thuộc Phú Thọ: số liệu là của cả Phú Thọ" (the province the one asked became part of)."""
    if stated in absorbed_keys(asked):
        return phrasing.merged.format(old=display_name("province", stated), new=display_name("province", asked))
    return phrasing.merged_whole.format(old=display_name("province", asked), new=display_name("province", stated))


def _fitted_quotes(
    selection: Selection, phrasing: Phrasing, citations: _Citations, budget: int
) -> tuple[list[tuple[str, str, str, int]], int]:
    """The quotes shown within ``budget`` as (report, section, quote, citation), the
    likeliest first, and how many of ``selection.quotes`` they are. Cites into ``citations``."""
    lines = [phrasing.intro]
    quoted: list[tuple[str, str, str, int]] = []
    # Items are shown under the quote that announces them, not under it again as their section.
    lead_ins = frozenset(c.document.page_content.strip() for c in selection.quotes if announces(c.quote))
    # The likeliest answer first; a quote that does not fit the length budget is the least likely.
    for candidate in selection.quotes:
        n = citations.number(candidate)
        limit = _quote_limit(selection, lines, _quote_line(candidate, "", n, phrasing), budget)
        quote = _shortened(candidate, selection.focus, limit)
        section_quote = _section_quote(candidate, quote, n, lead_ins)
        line = _grouped_lines([section_quote], phrasing)[0]
        # Counted as shown: quotes of one section in a row name it once.
        shown = [phrasing.intro, *_grouped_lines([*quoted, section_quote], phrasing)]
        if len("\n".join(shown)) > budget and len(lines) > 1:
            break  # cited only once it is shown
        citations.cite(candidate, quote)
        lines.append(line)
        quoted.append(section_quote)
    return quoted, len(quoted)


def _items_left_out(quotes: Sequence[Candidate], shown: int) -> tuple[list[Candidate], Candidate | None]:
    """The quotes after the first ``shown`` that are items of a shown lead-in, and the lead-in
    of the first of them."""
    lead_ins = {c.document.page_content.strip(): c for c in quotes[:shown] if announces(c.quote)}
    left, first = [], None
    for candidate in quotes[shown:]:
        headings = candidate.document.metadata.get("headings") or ()
        lead_in = next((c for text, c in lead_ins.items() if under(text, headings)), None)
        if lead_in is not None:
            left.append(candidate)
            first = first or lead_in
    return left, first


def _direct_line(selection: Selection, phrasing: Phrasing, citations: _Citations) -> tuple[str, tuple[str, ...]]:
    """The first line of an answer to a "how many / how much" question: the figures asked for,
    from the first quote as shown, with its citation; for "đơn vị nào" answered by a sentence
    about the report's own board, that board; for "… có đạt kế hoạch không?", whether the
    quote's share of the plan reaches it; for "ai / ngày nào / ở đâu / … nào", the person,
    day, place or board the quote names for it ("", () when nothing fits)."""
    if selection.frame is None or not selection.quotes:
        return "", ()
    if side_by_side(selection.frame):  # one side's figure alone is no answer: both, or none
        return _comparison_line(selection, phrasing, citations)
    if places_apart(selection.frame):  # each place's own figure; else one that holds for all
        line, facts = _comparison_line(selection, phrasing, citations)
        if facts:
            return line, facts
    elif asks_side_by_side(selection.frame):  # parts it cannot tell apart ("KKT A và các KCN tỉnh B")
        return "", ()
    best = selection.quotes[0]
    quote = _shortened(best, selection.focus)
    facts = figures = tuple(direct_facts(selection.frame, quote, selection.focus) or cell_facts(selection.frame, quote))
    ranked = ranked_row_label(selection.frame, best.quote)  # which row ranks so, before its figure
    facts = (ranked, *(f for f in facts if f not in ranked)) if ranked else facts
    zone = zone_asked_beside(selection.frame, quote) if facts and not ranked else ""
    facts = (zone, *facts) if zone else facts  # "KCN nào …, còn bao nhiêu ha?": the zone, then its figure
    document = document_facts_said(selection.frame, quote)  # "số hiệu gì, ban hành ngày nào?": both
    facts = document if any(fact.startswith("Số ") for fact in document) else facts
    board = own_board(selection.frame, best.quote, str(best.document.metadata.get("issuer", "")))
    verdict = plan_verdict(selection.frame, best.quote)
    facts = facts or tuple(line for line in (board, verdict) if line)
    if not facts:  # the other quotes as shown, read only for a name's line
        others = [_shortened(c, selection.focus) for c in selection.quotes[1:]]
        facts = tuple(named_facts(selection.frame, quote, selection.focus, others))
    if not facts:
        return "", ()
    place = _unasked_province(selection.frame, best, selection.candidates) if facts[0] in figures else ""
    if place:
        return phrasing.placed.format(place=place, facts="; ".join(facts), n=citations.number(best)), facts
    return phrasing.direct.format(facts="; ".join(facts), n=citations.number(best)), facts


def _unasked_province(frame: QuestionFrame, best: Candidate, candidates: Sequence[Candidate]) -> str:
    """The province of a figure given for a question that names no place ("Tổng số lao động là
    bao nhiêu?" answered from one section of a bloc's report), when other passages found are
    about other provinces: else it reads as everyone's."""
    if frame.provinces or frame.regions or frame.zones:
        return ""
    place = province_about(best.quote, PassageContext.of(best.document))
    others = {province_about(c.quote, PassageContext.of(c.document)) for c in candidates} - {"", place}
    return place if others else ""


def _comparison_line(selection: Selection, phrasing: Phrasing, citations: _Citations) -> tuple[str, tuple[str, ...]]:
    """The first line of a comparison: each part's figure with its own citation, then which is
    higher when the question asks it (``app.answering.compared``); none when a part has no
    figure, for one side's figure alone would read as the answer."""
    assert selection.frame is not None
    shown = [(_shortened(c, selection.focus), c.constraints.satisfied) for c in selection.quotes]
    figures = part_figures(selection.frame, shown, selection.focus)
    if not figures:
        return "", ()
    # Numbered as the quotes will be: in order, a paragraph quoted twice under one number.
    chunks = list(dict.fromkeys(c.chunk_id for c in selection.quotes))
    stated = [
        phrasing.direct.format(facts=f.fact, n=chunks.index(selection.quotes[f.quote].chunk_id) + 1) for f in figures
    ]
    which = verdict(selection.frame, figures)
    line = "; ".join(stated) + (f" → {which}" if which else "")
    return line, tuple(f.fact for f in figures)


def compose(question: str, selection: Selection, documents: Sequence[Document], phrasing: Phrasing) -> Answer:
    citations = _Citations()
    facts: tuple[str, ...] = ()
    if selection.refused:
        lines = _refusal_lines(selection, phrasing, citations)
    else:
        # The figures asked for first: the quotes leave room for their line (the first quote is
        # number 1 whichever is composed first).
        first, facts = _direct_line(selection, phrasing, citations)
        lines = _quote_lines(selection, phrasing, citations, len(first) + 1 if facts else 0)
        cited = all(int(n) <= len(citations.by_chunk) for n in CITED.findall(first))  # its quotes are shown
        if facts and cited and len("\n".join([first, *lines])) <= MAX_ANSWER_CHARS:
            lines.insert(0, first)
        else:
            facts = ()
    return Answer(
        question=question,
        answer="\n".join(lines),
        refused=selection.refused,
        citations=list(citations.by_chunk.values()),
        retrieved=retrieved_passages(documents),
        direct=facts,
    )


def answer_extractively(
    question: str,
    documents: Sequence[Document],
    lexicon: Lexicon,
    phrasing: Phrasing,
    weights: Weights,
    library: Callable[[], tuple[frozenset[str], ...]] = tuple,
) -> Answer:
    """``library``: what each indexed report is about (``Selection.library``), read only for
    a refusal (it reads every report's frame when the library has changed)."""
    frame = parse_question(question)
    selection = select_quotes(frame, candidates_for(frame, documents, lexicon), weights)
    if selection.refused:
        selection = replace(selection, library=library())
    return compose(question, selection, documents, phrasing)
