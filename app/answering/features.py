"""Features of a candidate answer sentence: what a fitted scorer combines. Pure logic.

Each retrieved passage is split into sentences; each sentence becomes a ``Candidate``
with a fixed vector of features that encode domain knowledge (how much of the question
it covers and where, whether it holds the kind of thing asked for, where retrieval put
its passage) and with the question's constraints checked against it. How the features
combine is not decided here: ``app.answering.scorer`` applies weights fitted by
``baocao tune`` on gold questions (``evals.tune``).
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from langchain_core.documents import Document

from app.answering.constraints import (
    FULL_DATE,
    ConstraintCheck,
    Mentions,
    PassageContext,
    check_constraints,
    stated_years,
)
from app.answering.direct import asked_units, holds_figure
from app.answering.frame import DOCUMENT_NUMBER, AnswerType, QuestionFrame
from app.answering.instructions import is_instruction
from app.answering.money import heads_beside_what
from ingest.docframe import is_issuer_line
from ingest.gazetteer import find_places
from ingest.normalize import fold, looks_accentless, number_key, numbers_as_written, numbers_in, search_syllables
from ingest.office import is_row_sentence
from ingest.people import TITLE, names_a_person, person_spans
from ingest.sentences import CAPITAL, rejoin_abbreviations, sentence_end
from vectorstore.query import abbreviation_expansions, fold_abbreviations

# A sentence ends at ". " before a capital, and at "." before a bullet ("… năm. - Tiếp tục").
SENTENCE_END = re.compile(rf"{sentence_end().pattern}|(?<=\.)\s*(?=[-+]\s)")
CLAUSE_END = re.compile(r"(?<=;)\s+")
HEADLINE_SYLLABLES = 25
SENTENCE_ENDS = (".", ";", ":", "!", "?", "…", ")")
LONG_SENTENCE = 300  # characters; longer sentences are also offered cut at ";" into clauses
DATE = re.compile(r"\b\d{1,2}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{2,4})?\b|\bng[aà]y\s+\d{1,2}\b", re.IGNORECASE)
YEAR = re.compile(r"^(?:19|20)\d{2}$")
ORGANISATION = re.compile(
    r"\b(?:ban quan ly|cong ty|so |uy ban|ubnd|bql|tap doan|tong cong ty|khoi thi dua|bo |doanh nghiep|kcn|kkt|kcx)"
)
# An award named ("Cờ thi đua", "giải Nhất"), and the words for awards of any kind.
NAMED_AWARD = re.compile(
    r"co thi dua|bang khen|huan chuong|chien si thi dua|lao dong tien tien|giay khen|tap the lao dong"
    r"|ky niem chuong|giai (?:nhat|nhi|ba|khuyen khich|dac biet)\b|giai toan doan"
)
AWARD = re.compile(rf"{NAMED_AWARD.pattern}|danh hieu|khen thuong")
# A cause or an aim given: "do …", "vì …", "bởi …", "nhằm …", "để …", "nguyên nhân", "lý do"
# (accented; in OCR text that lost its accents "vi", "boi", "nham" too).
CAUSE = re.compile(r"\b(?:do|vì|vi|bởi|boi|nhằm|nham|để|nguyên nhân|nguyen nhan|lý do|ly do)\s", re.IGNORECASE)
PLACE = re.compile(rf"\b(?:tại|ở|tai|o)\s+(?:(?:tỉnh|tinh|thành phố|thanh pho|huyện|huyen|xã|xa)\s+)?{CAPITAL}")
# Kinds of zone named together ("các KCN, KCX, KKT"): one name of what a board manages, not
# the items of a list (a list of other acronyms, "ISO, HACCP, GMP", is one).
ZONE_KINDS_RUN = re.compile(r"\b(?:KCN|KCX|KKT|CCN|KCNC)(?:\s*,\s*(?:KCN|KCX|KKT|CCN|KCNC))+\b")
# A report's closing formula ("Trên đây là kết quả sơ kết … và phương hướng …"): it repeats
# the report's title, so it matches any question on it, and it states nothing.
CLOSING = re.compile(r"^\W*(?:trên đây là|tren day la)\b", re.IGNORECASE)
# A sentence that goes on with the one before, of which it gives the parts ("Trong đó, …",
# "Riêng KCN A …", "Cụ thể: …"), as written or without accents; "Riêng về công tác …" opens
# another topic.
CONTINUES = re.compile(
    r"^\W*(?:trong (?:số )?đó|trong (?:so )?do|(?:riêng|rieng)(?!\s+(?:về|ve)\b)|cụ thể|cu the)\b", re.IGNORECASE
)
LIST_ITEM = re.compile(r"^\s*[-+•]\s")  # "- Ông …": an item of a list under its headings

# The feature vector, in the order the weights file lists its coefficients.
FEATURE_NAMES: tuple[str, ...] = (
    "cover_sentence",  # IDF-weighted share of the question's terms in the sentence
    "cover_context",  # ... in the sentence, its headings or its report's title
    "cover_paragraph",  # ... anywhere in the paragraph (or its headings/title)
    "phrase",  # share of the question's word pairs found in the sentence
    "focus",  # the question's rarest term is in the sentence or its headings
    "echo",  # share of the sentence's words that only repeat the question
    "novel",  # what the sentence adds to the question: log of its other content words
    "cover_best",  # cover_sentence relative to the best-covering sentence for this question
    "heading_like",  # short and without a sentence end: a headline, caption or label
    "type_fit",  # the sentence holds the kind of thing asked for (a figure, a date, a person…)
    "new_numbers",  # the sentence states figures the question does not (log-scaled count)
    "unit_fit",  # a figure question's unit ("bao nhiêu vụ", "%", a sum of money) is a figure's of the sentence
    "constraints_in_sentence",  # share of the question's years/places/zones stated by the sentence itself
    "rank",  # 1 / (1 + retrieval rank of the passage)
    "top_passage",  # the passage retrieval ranked first
    "fused",  # the passage's fused retrieval score relative to the best one
    "dense",  # the passage's dense similarity (0 when only keyword retrieval found it)
    "length",  # log of the sentence's syllables
    "first_sentence",  # the first sentence of its paragraph
)


class Lexicon(Protocol):
    """Corpus statistics the features need (implemented by the keyword index)."""

    def idf(self, term: str) -> float: ...

    def variants(self, term: str) -> frozenset[str]: ...

    def spelling(self, term: str) -> str: ...

    def document_terms(self, doc_id: str) -> frozenset[str]: ...


@dataclass(frozen=True)
class Candidate:
    document: Document
    passage_rank: int  # 0-based rank of its passage in the retrieved list
    quote: str
    features: dict[str, float]
    constraints: ConstraintCheck
    found: frozenset[str] = field(default_factory=frozenset)  # question terms the sentence has
    probability: float = 0.0  # set by the scorer

    @property
    def chunk_id(self) -> str:
        return str(self.document.metadata["chunk_id"])

    @property
    def doc_id(self) -> str | None:
        return self.document.metadata.get("doc_id")

    def vector(self) -> list[float]:
        return [self.features[name] for name in FEATURE_NAMES]


def split_sentences(text: str, clauses: bool = True) -> list[str]:
    """Sentences of a paragraph; a long one (not a table row) is also offered cut into its ";"
    clauses, unless ``clauses`` is False (a list asked for whole: its clauses are its items)."""
    units: list[str] = []
    # A table row is one record, whose headers may be numbered ("I. Nhiệm vụ chuyên môn 1. Thu
    # hút đầu tư: 14,0; …"): cut at their full stops, a score no longer says whose it is. A row
    # is one line of cells; a dateline "Hà Nội — Ngày 5/3: …" over prose is no row.
    row = "\n" not in text.strip() and is_row_sentence(text.strip()) and ";" in text
    pieces = [text] if row else rejoin_abbreviations(SENTENCE_END.split(text))
    for sentence in pieces:
        sentence = sentence.strip()
        if not sentence:
            continue
        units.append(sentence)
        # A table row is read whole: a cell alone ("Xếp hạng: 1;") no longer says whose it is.
        if clauses and len(sentence) > LONG_SENTENCE and not is_row_sentence(sentence):
            parts = [c.strip() for c in CLAUSE_END.split(sentence) if c.strip()]
            if len(parts) > 1:
                units.extend(parts)
    return units


# "Đơn vị nào được lựa chọn làm Khối trưởng … vừa là trách nhiệm …": a sentence holding the
# question's own "… nào", or opening with a "… nào" ("Ai là Khối trưởng?" too), asks again
# rather than answers ("không có cán bộ … của đơn vị nào vi phạm" answers).
WHICH_ASKED = re.compile(r"\b(\w+) nao\b")
OPENS_ASKING = re.compile(r"^(?:\w+\s+){1,2}nao\b")
NEGATIONS = frozenset({"khong", "chua", "chang"})


def _asks_back(question: str, folded: str) -> bool:
    """``folded`` (a sentence's syllables) asks what ``question`` (folded) asks, unnegated."""
    saids = [m.start() for m in OPENS_ASKING.finditer(folded)]
    for which in WHICH_ASKED.finditer(question):
        saids += [m.start() for m in re.finditer(rf"\b{re.escape(which.group())}\b", folded)]
    return any(not NEGATIONS & set(folded[:at].split()) for at in saids)


def _type_fit(frame: QuestionFrame, sentence: str, folded: str, new_numbers: int) -> float:
    kind = frame.answer_type
    if kind is AnswerType.NUMBER:
        return float(new_numbers > 0)
    if kind is AnswerType.PERCENT:
        return float("%" in sentence or "phan tram" in folded)
    if kind is AnswerType.DATE:
        return float(bool(DATE.search(sentence)) or _states_year_asked(frame, sentence))
    if kind is AnswerType.PERSON:
        return float(names_a_person(sentence))
    if kind is AnswerType.AWARD:  # "danh hiệu thi đua" says an award is spoken of, not which
        return 1.0 if NAMED_AWARD.search(folded) else 0.5 if AWARD.search(folded) else 0.0
    if kind is AnswerType.ORGANISATION:
        return float(bool(ORGANISATION.search(folded)))
    if kind is AnswerType.PLACE:
        return float(bool(PLACE.search(sentence)))
    if kind is AnswerType.LIST:
        items = ZONE_KINDS_RUN.sub("X", sentence)
        return float(items.count(",") + items.count(";") >= 2)
    if kind is AnswerType.REASON:
        return float(bool(CAUSE.search(sentence)))
    return 0.5  # yes/no and other questions: no kind of span to look for


@lru_cache(maxsize=256)
def _folded_question(question: str) -> str:
    return " ".join(search_syllables(question))


# "… năm nào?", "thành lập năm nào?" ask for a year (folded): a sentence reporting on one the
# question does not name ("được thành lập năm 2031") states it, with no day to it; a year it
# only compares with ("tăng 15% so với năm 2030") does not.
YEAR_ASKED = re.compile(r"\bnam\s+nao\b")


def _states_year_asked(frame: QuestionFrame, sentence: str) -> bool:
    if not YEAR_ASKED.search(" ".join(search_syllables(frame.text))):
        return False
    return bool(stated_years(sentence) - frame.years)


def _item_award_fit(frame: QuestionFrame, headings: str) -> float:
    """A list item's award is named by the headings it is listed under, not by the item."""
    if frame.answer_type is not AnswerType.AWARD:
        return 0.0
    return _type_fit(frame, headings, " ".join(search_syllables(headings)), 0)


TITLE_WORDS = re.compile(rf"^{TITLE}")  # "Ông ", "bà " before a name
NAME_START = 3  # "bo ke hoach": a unit's name the question gives begins so, whatever follows it in a text
ENTITY_WORDS = 16  # "Ban Quản lý Khu kinh tế và các khu công nghiệp thành phố Đà Nẵng": 14 words
ENTITY_KINDS = frozenset({AnswerType.PERSON, AnswerType.ORGANISATION})


def asks_entities(frame: QuestionFrame) -> bool:
    """The question asks who or which units ("Ai được …", "Những đơn vị nào …")."""
    return bool(ENTITY_KINDS & {frame.answer_type, *frame.kinds_asked}) and frame.answer_type in (
        AnswerType.LIST,
        *ENTITY_KINDS,
    )


def entities_named(frame: QuestionFrame, text: str) -> frozenset[str]:
    """The people or units ``text`` names, of those a question asking who or which ones
    (``asks_entities``) may be answered with (a unit answers "ai …" too: "Ai được Cờ thi đua?"
    — a board), each by what tells it from another: a person's name, the province of a unit's
    name ("Ban Quản lý … tỉnh Quảng Ngãi", however written), else the name itself, up to its
    first mark. Not those the question names itself: "Cờ thi đua của Bộ Tài chính: 02 tập
    thể" gives the award's ministry, no unit given it."""
    kinds = {frame.answer_type, *frame.kinds_asked}
    asked = _folded_question(frame.text)
    text = unicodedata.normalize("NFC", text)
    found: set[str] = set()
    if AnswerType.PERSON in kinds:
        found |= {" ".join(search_syllables(TITLE_WORDS.sub("", text[a:b]))) for a, b in person_spans(text)}
    if kinds & ENTITY_KINDS:
        folded = fold(text).lower()  # fold keeps offsets: the name as written is at the same place
        for match in ORGANISATION.finditer(folded):
            written = re.split(r"[—–;:,(.]", text[match.start() :])[0].split()[:ENTITY_WORDS]
            if not _a_name(written):
                continue  # "cơ sở", "Trung Bộ và …": no unit named
            name = " ".join(written)
            places = [p.key for p in find_places(name)]
            syllables = search_syllables(name)
            if places:
                found.add(places[-1])
            elif " ".join(syllables[:NAME_START]) not in asked:  # not the question's own "Bộ Kế hoạch …"
                found.add(" ".join(syllables))
    return frozenset(name for name in found if name not in asked)


def _a_name(words: list[str]) -> bool:
    """Words that name a unit: an acronym ("UBND", "BQL"), or capitalised with the word after
    ("Ban Quản lý", "Sở Kế hoạch", "Công ty TNHH")."""
    if not words or not words[0][:1].isupper():
        return False
    return (words[0].isupper() and len(words[0]) > 1) or (len(words) > 1 and words[1][:1].isupper())


def states_answer_type(frame: QuestionFrame, text: str) -> bool:
    """Whether ``text`` holds the kind of thing the question asks for: a figure the question
    does not already give, a share, a date, a person, an award, a unit or a place. Lists,
    yes/no and other questions ask for no kind of span: any text may answer them."""
    if frame.answer_type in (AnswerType.LIST, AnswerType.YES_NO, AnswerType.REASON, AnswerType.OTHER):
        return True
    folded = " ".join(search_syllables(text))
    if frame.answer_type is AnswerType.AWARD:  # an award the question itself does not name
        asked = " ".join(search_syllables(frame.text))
        return any(match.group(0) not in asked for match in AWARD.finditer(folded))
    return _type_fit(frame, text, folded, len(_new_numbers(text, set(numbers_in(frame.text))))) > 0


def _new_numbers(text: str, question_numbers: set[str]) -> list[str]:
    """The figures ``text`` states that the question does not (years aside: "2035", not "1.940")."""
    keys = [number_key(n) for n in numbers_as_written(text) if not YEAR.match(n)]
    return [key for key in keys if key not in question_numbers]


def _counts(text: str, question_numbers: set[str]) -> list[str]:
    """The figures ``text`` states that may answer "bao nhiêu": not those of a date or of a
    document's number ("(Kèm theo Quyết định số 12/QĐ-UBND ngày 23/8/2036)" counts nothing)."""
    return _new_numbers(DOCUMENT_NUMBER.sub(" ", FULL_DATE.sub(" ", text)), question_numbers)


def question_weights(frame: QuestionFrame, lexicon: Lexicon) -> dict[str, float]:
    """IDF weight of each content term the question asks about (typos fixed against the corpus);
    not "giá trị" or "kim ngạch" beside what the value is of ("giá trị xuất khẩu" is asked by
    its "xuất khẩu", which a report may state without them)."""
    heads = heads_beside_what(frozenset(frame.terms))
    terms = [lexicon.spelling(t) for t in frame.terms if t not in heads]
    return {t: lexicon.idf(t) for t in dict.fromkeys(terms)}


class _OcrSpelled:
    """Terms of an OCR text, a glossary term of the question counted as found where the text
    spells it out with a syllable misread, so that it was not folded into the term ("Gidy ching
    nhan dang ky dau tu" for the question's "giấy chứng nhận đăng ký đầu tư")."""

    def __init__(self, question_terms: set[str], lexicon: Lexicon, ocr: bool) -> None:
        expansions = abbreviation_expansions()
        # Each spelled-out form as the misreadings each of its syllables may take, once per
        # passage rather than once per sentence.
        self.wanted = {
            term: tuple(tuple(lexicon.variants(s) for s in phrase) for phrase in expansions[term])
            for term in question_terms
            if ocr and term in expansions
        }

    @staticmethod
    def _spells(phrase: tuple[frozenset[str], ...], raw: list[str]) -> bool:
        return any(
            all(raw[start + k] in variants for k, variants in enumerate(phrase))
            for start in range(len(raw) - len(phrase) + 1)
        )

    def found(self, raw: list[str], folded: list[str]) -> set[str]:
        terms = set(folded)
        missing = {t: phrases for t, phrases in self.wanted.items() if t not in terms}
        terms |= {t for t, phrases in missing.items() if any(self._spells(p, raw) for p in phrases)}
        return terms


def passage_candidates(
    frame: QuestionFrame,
    document: Document,
    passage_rank: int,
    lexicon: Lexicon,
    weights: dict[str, float],
    best_fused: float,
    apart: frozenset[str] = frozenset(),
    units: Sequence[str] = (),
) -> list[Candidate]:
    """``apart``: the provinces the passage's report names in the other passages retrieved;
    ``units``: the units the question asks its figures in (``direct.asked_units``)."""
    meta = document.metadata
    headings = list(meta.get("headings", []))
    title = str(meta.get("title", ""))
    ocr = looks_accentless(document.page_content)
    question_terms = set(weights)
    scene = {lexicon.spelling(t) for t in frame.scene_terms} & question_terms
    spelled = _OcrSpelled(question_terms, lexicon, ocr)
    # In OCR text a question term may be misread ("cip" for "cap"): such a syllable is read as
    # the term it stands for, so that word pairs, echo and novelty measure on a scan what they
    # measure on clean text. A misreading two of the question's terms share stands for neither.
    stands_for: dict[str, set[str]] = {}
    for term in question_terms if ocr else ():
        for variant in lexicon.variants(term) - question_terms:
            stands_for.setdefault(variant, set()).add(term)
    misread = {v: next(iter(terms)) for v, terms in stands_for.items() if len(terms) == 1}
    context_syllables = search_syllables(" ".join([title, *headings[-2:]]))
    # A title's "thi đua, khen thưởng" is folded into "tđkt": the question's "Khối thi đua" is
    # still said there.
    context_terms = spelled.found(context_syllables, fold_abbreviations(context_syllables))
    context_terms |= question_terms & set(context_syllables)
    paragraph_syllables = search_syllables(document.page_content)
    paragraph_terms = context_terms | spelled.found(paragraph_syllables, fold_abbreviations(paragraph_syllables))
    # A table row ("KCN X — Tháng 1: 12,4 triệu USD; …") is read with its table's caption (its
    # nearest heading, else, under a letterhead's line, the title): "vốn đầu tư thực hiện" is
    # said there, not in the row.
    nearest = headings[-1] if headings and not is_issuer_line(headings[-1]) else title
    caption = nearest if is_row_sentence(document.page_content) else ""
    caption_syllables = search_syllables(caption)
    caption_terms = spelled.found(caption_syllables, fold_abbreviations(caption_syllables)) & question_terms
    # So is a list item ("- Ông Trần Văn Tân, Trưởng phòng …") with the headings it is listed
    # under ("III. Đề nghị … tặng Bằng khen" › "2. Cá nhân:"), for a question on who or what
    # got what: they say what it is listed for. A figure's item says it itself.
    listed = frame.answer_type in (AnswerType.AWARD, AnswerType.PERSON, AnswerType.ORGANISATION)
    heading_text = " ".join(headings[-2:]) if listed else ""
    heading_syllables = search_syllables(heading_text)
    heading_terms = spelled.found(heading_syllables, fold_abbreviations(heading_syllables)) & question_terms
    total = sum(weights.values()) or 1.0
    focus = max(weights, key=lambda t: weights[t]) if weights else None
    pairs_wanted = {f"{a}_{b}" for a, b in itertools.pairwise(frame.terms)}
    question_numbers = {n for n in numbers_in(frame.text)}
    fused = float(meta.get("score", 0.0))
    dense = meta.get("dense_similarity")
    context = PassageContext.of(document, apart)
    candidates = []
    sentences = split_sentences(document.page_content, clauses=frame.answer_type is not AnswerType.LIST)
    before: set[str] = set()  # the question's terms the sentence before states
    asks_which = (
        _folded_question(frame.text) if frame.answer_type not in (AnswerType.NUMBER, AnswerType.PERCENT) else ""
    )
    for position, quote in enumerate(sentences):
        searched = search_syllables(quote)
        syllables = fold_abbreviations(searched)
        present = spelled.found(searched, syllables)
        if ocr:
            present |= {t for t in question_terms if lexicon.variants(t) & present}
        # "Trong đó, KCN A đạt 92,3%, KCN B đạt 61,8%": a sentence that goes on with the one
        # before says what that one says it of ("tỷ lệ lấp đầy bình quân … đạt 68,9%").
        continued = before if CONTINUES.match(quote) else set()
        before = (present | continued) & question_terms  # "Trong đó …", then "Riêng KCN A …"
        if is_instruction(quote) or CLOSING.match(quote):
            continue  # an instruction to the reader, or the closing formula, is never an answer
        if asks_which and _asks_back(asks_which, " ".join(searched)):
            continue
        read = [misread.get(s, s) for s in syllables]
        pairs = {f"{a}_{b}" for a, b in itertools.pairwise(read)}
        # The question's leading clause ("Theo phương hướng năm X, …") is met by the passage.
        item = listed and bool(LIST_ITEM.match(quote))
        covered = present | continued | (scene & paragraph_terms) | caption_terms | (heading_terms if item else set())
        in_context = covered | context_terms
        new_numbers = _new_numbers(quote, question_numbers)
        folded = " ".join(searched)
        content = [s for s in read if not s.isdigit()]
        check = check_constraints(frame, quote, context)
        if weights:
            cover = [
                sum(w for t, w in weights.items() if t in found) / total
                for found in (covered, in_context, paragraph_terms)
            ]
        else:
            # "Bà X giữ chức vụ gì?": all the question names is its constraints (the person).
            cover = [check.in_sentence_share, float(check.met), float(check.met)]
        features = {
            "cover_sentence": cover[0],
            "cover_context": cover[1],
            "cover_paragraph": cover[2],
            "phrase": len(pairs_wanted & pairs) / len(pairs_wanted) if pairs_wanted else 0.0,
            "focus": float(focus is None or focus in in_context),
            "echo": sum(1 for s in content if s in question_terms) / max(len(content), 1),
            "novel": math.log1p(sum(1 for s in content if s not in question_terms and s not in context_terms)),
            "cover_best": 0.0,  # filled in by candidates_for, once every sentence is scored
            "heading_like": float(len(syllables) < HEADLINE_SYLLABLES and not quote.rstrip().endswith(SENTENCE_ENDS)),
            "type_fit": max(
                _type_fit(frame, quote, folded, len(_counts(quote, question_numbers))),
                _item_award_fit(frame, heading_text) if item else 0.0,
            ),
            "new_numbers": math.log1p(len(new_numbers)),
            "unit_fit": float(not units or any(holds_figure(frame, quote, unit) for unit in units)),
            "constraints_in_sentence": check.in_sentence_share,
            "rank": 1.0 / (1 + passage_rank),
            "top_passage": float(passage_rank == 0),
            "fused": fused / best_fused if best_fused > 0 else 0.0,
            "dense": float(dense) if dense is not None else 0.0,
            "length": math.log1p(len(syllables)),
            "first_sentence": float(position == 0),
        }
        found = frozenset(t for t in question_terms if t in present)
        candidates.append(Candidate(document, passage_rank, quote, features, check, found))
    return candidates


def candidates_for(frame: QuestionFrame, documents: Sequence[Document], lexicon: Lexicon) -> list[Candidate]:
    """Every sentence of every retrieved passage, with its features."""
    weights = question_weights(frame, lexicon)
    best_fused = max((float(d.metadata.get("score", 0.0)) for d in documents), default=0.0)
    units = asked_units(frame)  # once per question, not per passage
    named: dict[object, set[str]] = {}
    for document in documents:
        named.setdefault(document.metadata.get("doc_id"), set()).update(Mentions.of(document.page_content).provinces)
    candidates = [
        c
        for rank, document in enumerate(documents)
        for c in passage_candidates(
            frame,
            document,
            rank,
            lexicon,
            weights,
            best_fused,
            frozenset(named[document.metadata.get("doc_id")]),
            units,
        )
    ]
    best_cover = max((c.features["cover_sentence"] for c in candidates), default=0.0)
    for candidate in candidates:
        candidate.features["cover_best"] = candidate.features["cover_sentence"] / best_cover if best_cover else 0.0
    return candidates
