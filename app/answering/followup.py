"""Rewrite a follow-up question into a standalone one, from the conversation so far. Pure.

"còn năm 2020 thì sao?" after "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2019?"
becomes "Ban Quản lý nào được đề nghị tặng Cờ thi đua năm 2020?". Follow-ups in these
reports mostly swap one slot (a period or a province) of the last question, so the rule
is: find the slots the follow-up names and put them in place of the previous ones; when
the follow-up asks about something new ("còn nộp ngân sách?"), keep the previous
question's period and places as context. Works on accent-less typing too (periods are
matched on folded text, places by the gazetteer; the text that is kept is the user's own).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from app.answering.distinctions import swapped_sides
from app.answering.frame import (
    ORDINAL_WORDS,
    AnswerType,
    parse_question,
    people_spans,
    predicate_syllables,
    zone_name_spans,
    zone_spans,
)
from ingest.gazetteer import find_places
from ingest.normalize import fold, looks_accentless
from ingest.people import surnames

_LEADING = re.compile(r"^\s*(?:(?:the|vay|thi|va|nhung)\s+)?con\b\s*|^\s*(?:the|vay)\s+", re.IGNORECASE)
_TRAILING = re.compile(
    r"\s*(?:thi|the)?\s*(?:sao|the nao|ra sao|nhu the nao|thi the nao)\s*(?:nhi|a|vay|the)?\s*[?.!]*\s*$"
)
# A period: "6 tháng đầu năm 2020", "năm 2019", "tháng 6/2020", "quý I/2020", or a bare year.
_PERIOD = re.compile(
    r"(?:\d+\s+thang\s+(?:dau|cuoi)\s+nam\s+|(?:ca|cuoi|dau)\s+nam\s+|nam\s+|thang\s+\d{1,2}\s*/\s*"
    r"|quy\s+[ivx1-4]+\s*/\s*)?\b(?:19|20)\d{2}\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A part of a year named alone (folded): "quý 3", "quý IV", "tháng 9", "6 tháng đầu năm"; in
# the previous question, the same kinds with its year after them ("quý I/2027", "9 tháng năm").
BASE_PARTS = (
    re.compile(r"\bquy\s+(?:[ivx]+|[1-4])\b"),
    re.compile(r"\bthang\s+\d{1,2}\b"),
    re.compile(r"\b\d{1,2}\s+thang(?:\s+(?:dau|cuoi))?(?:\s+nam)?\b"),
)
PART = re.compile(r"\bquy\s+(?:[ivx]+|[1-4])\b|\bthang\s+\d{1,2}\b(?!\s*/)|\b\d{1,2}\s+thang\s+(?:dau|cuoi)\s+nam\b")
# Words that only glue a slot into a sentence: "còn của tỉnh Bạc Liêu?" has nothing new.
_GLUE = frozenset(
    {"cua", "o", "tai", "voi", "cho", "trong", "tinh", "thanh", "pho", "tp", "nam", "doi", "ve", "the", "con"}
    | {"thi", "la"}  # "còn năm 2033 thì/là bao nhiêu?"
)
_WORD = re.compile(r"\w+")
MAX_FOLLOW_UP_WORDS = 12  # a longer question is a question of its own
MAX_BARE_FOLLOW_UP_WORDS = 4  # without a leading "còn", only a short "… thì sao?" is a follow-up


HOW_MUCH = re.compile(r"\b(?:bao\s+nhieu|may|bn)\b")  # folded
SHARE_OR_NOTHING = re.compile(r"\s*(?:%|phan\s+tram\b|$)")  # after "bao nhiêu": a share, or the end
# A question's own asking words (folded): a follow-up without them asks what the previous did.
ASKING_WORDS = re.compile(
    r"\b(?:bao\s+nhieu|may|bn|o\s+dau|ngay\s+nao|khi\s+nao|bao\s+gio|ai|nao|gi|(?:nhu\s+)?the\s+nao|ra\s+sao|khong|chua)\b"
)
# The verbs a question word is asked with (folded): "đạt bao nhiêu", "tổ chức ở đâu".
ASK_VERBS = tuple(
    tuple(v.split())
    for v in ("to chuc", "dien ra", "dat", "la", "tang", "giam", "chiem", "co", "duoc", "bang", "ky", "ban hanh")
)


# A question that opens with its predicate has lost its subject to the one before (folded):
# "Tăng bao nhiêu so với cùng kỳ?", "So với kế hoạch thì đạt bao nhiêu %?", "Trong đó bao
# nhiêu dự án FDI?" (not "Tăng trưởng …", nor "So sánh …").
PREDICATE_FIRST = re.compile(
    r"^(?:(?:the|vay)\s+)?(?:so\s+voi\b|trong\s+do\b"
    r"|(?:tang|giam|dat|chiem|bang|vuot|phan\s+dau(?:\s+dat)?)\s+(?:duoc\s+)?"
    r"(?:bao\s+nhieu|may|bn|ke\s+hoach|chi\s+tieu|ty\s+le)\b)"
)
# ... or with the period it asks of before it ("Năm 2035 phấn đấu bao nhiêu?", folded).
LEADING_PERIOD = re.compile(rf"^(?:(?:con|va)\s+)?(?:{_PERIOD.pattern})\s*,?\s*")
# A predicate-first follow-up may name one word besides its predicate ("predicate" of the
# question words) and the previous question's words: a part of it ("Trong đó bao nhiêu dự án FDI?").
MAX_OWN_TERMS = 1
ORDINAL_FOLDED = frozenset(fold(word) for word in ORDINAL_WORDS) | {"nhi", "cuoi", "dau"}  # "hạng nhì", "cuối"
# Folded: the next clause of a question, "và so với kế hoạch?" included.
CLAUSE_END = re.compile(r"[,;?]|\bva\s+so\s+voi\b|" + ASKING_WORDS.pattern)
COMPARED_WITH = re.compile(r"\bso\s+voi\s+(?:cung\s+ky\s+)?(?:nam\s+)?(?:19|20)\d{2}\b")  # folded
COMPARED_ANY = re.compile(rf"{COMPARED_WITH.pattern}|\bso\s+voi\s+(?:cung\s+ky|nam\s+truoc)\b")  # folded


# "năm trước", "năm ngoái" (folded): the year before the one the previous question asked.
YEAR_BEFORE = re.compile(r"\bnam\s+(?:truoc|ngoai)\b")


def _year_before_named(core: str, base: str) -> str:
    """ "còn năm trước?" after a question of 2031 asks of 2030: said so, it swaps like a year."""
    said = YEAR_BEFORE.search(fold(core))
    years = [int(y) for y in _YEAR.findall(fold(base))]
    if said is None or not years:
        return core
    return f"{core[: said.start()]}năm {max(years) - 1}{core[said.end() :]}"


# "cùng kỳ", "cùng kỳ năm trước" (folded): the previous question's period, of another year.
SAME_PERIOD = re.compile(r"\bcung\s+ky(?:\s+nam\s+(?:truoc|ngoai))?\b")


def _same_period_named(core: str, base: str) -> str:
    """ "còn cùng kỳ năm 2031?" after "Vốn FDI 6 tháng đầu năm 2032 …" asks of 6 tháng đầu năm
    2031: the year it names (the year before, naming none) swaps into the previous period."""
    folded = fold(core)
    said = SAME_PERIOD.search(folded)
    years = [int(y) for y in _YEAR.findall(fold(base))]
    if said is None or not years:
        return core
    named = _YEAR.search(folded, said.end())
    year = "" if named else f"năm {max(years) - 1}"
    return " ".join(f"{core[: said.start()]}{year}{core[said.end() :]}".split())


def _place_spans(text: str) -> list[tuple[int, int]]:
    """Provinces and regions ("còn miền Tây thì sao?") in the text as written."""
    return [(m.start, m.end) for m in find_places(text)]


def _period_spans(folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PERIOD.finditer(folded)]


def _nfc(text: str) -> str:
    # fold() keeps one character per NFC character, so folded offsets index the NFC text.
    return unicodedata.normalize("NFC", text.strip())


def _core(question: str) -> str | None:
    """The follow-up without its framing ("còn … thì sao?"), or None when it is no follow-up."""
    folded = fold(question)
    leading = _LEADING.match(folded)
    trailing = _TRAILING.search(folded)
    if len(_WORD.findall(folded)) > MAX_FOLLOW_UP_WORDS:
        return None
    start = leading.end() if leading else 0
    end = trailing.start() if trailing and trailing.start() >= start else len(question)
    core = question[start:end].strip(" ,;:?.!")
    short = len(_WORD.findall(fold(core))) <= MAX_BARE_FOLLOW_UP_WORDS
    has_slot = bool(_place_spans(question) or _period_spans(folded))
    # "Công tác khen thưởng thực hiện như thế nào?" ends like a follow-up but is a question of its own.
    if leading or (short and (trailing or has_slot)):
        return core
    return None


def _replace(text: str, spans: list[tuple[int, int]], replacements: list[str]) -> str:
    """Put replacements in place of spans (extra spans keep their text, extra replacements are dropped)."""
    pieces, last = [], 0
    for (start, end), new in zip(spans, replacements, strict=False):
        pieces.extend([text[last:start], new])
        last = end
    return "".join([*pieces, text[last:]])


def _swap_periods(base: str, periods: list[str]) -> str:
    spans = _period_spans(fold(base))
    if not spans:
        return f"{base.rstrip(' ?')} {' '.join(periods)}?"
    # "năm 2020" replacing "6 tháng đầu năm 2019" keeps the "6 tháng đầu" part: swap the year only
    # when the follow-up names nothing but a year.
    replacements = []
    for (start, end), period in zip(spans, periods, strict=False):
        old = base[start:end]
        bare_year = _YEAR.fullmatch(fold(period).removeprefix("nam ").strip())
        replacements.append(_YEAR.sub(bare_year.group(0), old) if bare_year else period)
    return _replace(base, spans[: len(replacements)], replacements)


def _swap_part(base: str, part: str) -> str:
    """The previous question with its part of a year replaced ("quý I" → "quý 3", "9 tháng
    năm" → "6 tháng đầu năm", "Tháng 6/2031" → "tháng 9/2031"), or with the part added."""
    folded = fold(base)
    kinds = [pattern for pattern in BASE_PARTS if pattern.match(fold(part))]
    same = next((m for pattern in [*kinds, *BASE_PARTS] if (m := pattern.search(folded))), None)
    if same is None:
        return f"{base.rstrip(' ?')} {part}?"
    return f"{base[: same.start()]}{part}{base[same.end() :]}"


def _other_sides(core: str, base: str) -> list[tuple[int, int, tuple[int, int]]]:
    """The sides a follow-up names ("còn DDI?") of pairs the previous question names one other
    side of ("Vốn FDI cấp mới …"): each as its span in the follow-up and a span it replaces,
    every mention of the other side replaced ("bao nhiêu dự án FDI, vốn FDI …": both)."""
    before: dict[str, list[tuple[int, int, str]]] = {}
    for start, end, group, side in swapped_sides(base):
        before.setdefault(group, []).append((start, end, side))
    swaps: list[tuple[int, int, tuple[int, int]]] = []
    # The longest phrase of those that overlap ("điều chỉnh tăng vốn", not "tăng vốn" in it).
    for start, end, group, side in sorted(swapped_sides(core), key=lambda m: (m[0], -m[1])):
        named = before.get(group, [])
        if len({s for *_, s in named}) != 1 or named[0][2] == side or any(start < e and s < end for s, e, _ in swaps):
            continue
        for span in _last_of_each_run(named):
            if not any(span[0] < b and a < span[1] for *_, (a, b) in swaps):
                swaps.append((start, end, span))
    return swaps


def _without_head_again(base: str, span: tuple[int, int], phrase: str) -> tuple[tuple[int, int], str]:
    """The phrase in place of ``span``, its first words not said twice ("doanh nghiệp trong
    nước" for the "FDI" of "doanh nghiệp FDI" replaces "doanh nghiệp FDI"), capitalised when
    it opens the question."""
    words = phrase.split()
    before = base[: span[0]].rstrip()
    start = span[0]
    for k in range(len(words) - 1, 0, -1):
        said = " ".join(words[:k])
        if fold(before).lower().endswith(" " + fold(said).lower()) or fold(before).lower() == fold(said).lower():
            start = len(before) - len(said)
            break
    if start == 0:  # the question's first word
        phrase = phrase[:1].upper() + phrase[1:]
    return (start, span[1]), phrase


def _last_of_each_run(mentions: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Of each run of overlapping mentions ("kim ngạch xuất", "xuất khẩu"), the last: the
    words before it ("kim ngạch") stay."""
    runs: list[list[tuple[int, int]]] = []
    for start, end, _ in sorted(mentions):
        if runs and start < max(e for _, e in runs[-1]):
            runs[-1].append((start, end))
        else:
            runs.append([(start, end)])
    return [max(run, key=lambda span: (span[0], -span[1])) for run in runs]


def _swap_places(base: str, places: list[str]) -> str:
    # A zone named in the previous question lies in its province, not in the one asked now:
    # "KCN Kim Sơn tỉnh Sóc Trăng" becomes "KCN tỉnh Tiền Giang".
    for start, end in reversed(zone_name_spans(base)):
        base = base[:start].rstrip() + " " + base[end:].lstrip()
    spans = _place_spans(base)
    if not spans:
        return f"{base.rstrip(' ?')} ({', '.join(places)})?"
    return _replace(base, spans, places)


# "ông ấy", "bà này", "đồng chí đó": the person the previous question named; "KCN này", "khu
# đó": its zone. Typed without accents, only "ấy" and "này" ("ba do" is "ba" of "hạng ba do …",
# "khu do thi" a "khu đô thị").
_TITLE_AGAIN = r"(?P<title>ông|bà|đồng chí|(?-i:anh|chị))"  # "Anh này" is England: "anh" in lower case only
_ZONE_AGAIN = r"(?:kcn|kkt|kcx|khu(?:\s+công\s+nghiệp|\s+kinh\s+tế|\s+chế\s+xuất)?)"
PERSON_AGAIN = re.compile(rf"\b{_TITLE_AGAIN}\s+(?:ấy|này|đó)\b", re.IGNORECASE)
ZONE_AGAIN = re.compile(rf"\b{_ZONE_AGAIN}\s+(?:ấy|này|đó)\b", re.IGNORECASE)
PERSON_AGAIN_UNACCENTED = re.compile(r"\b(?P<title>ong|ba|dong\s+chi|(?-i:anh))\s+(?:ay|nay)\b", re.IGNORECASE)
ZONE_AGAIN_UNACCENTED = re.compile(r"\b(?:kcn|kkt|kcx|khu(?:\s+cong\s+nghiep|\s+kinh\s+te)?)\s+(?:ay|nay)\b", re.I)


def _named_again(question: str, base: str) -> str:
    """``question`` with "ông ấy", "KCN này" replaced by whom or which zone the previous
    question named ("thành tích của ông ấy là gì?" after "Ông Trần Văn Khê được khen gì?"):
    the last one named, of the title said when there are several ("bà ấy": the woman's)."""
    unaccented = looks_accentless(question)
    person = PERSON_AGAIN_UNACCENTED if unaccented else PERSON_AGAIN
    zone = ZONE_AGAIN_UNACCENTED if unaccented else ZONE_AGAIN
    for pattern, spans in ((person, people_spans), (zone, zone_spans)):
        said = pattern.search(question)
        named = spans(base) if said else []
        if said and named:
            title = fold(said.groupdict().get("title") or "").lower()
            titled = [(a, b) for a, b in named if title and fold(base[a:b]).lower().startswith(title + " ")]
            start, end = (titled or named)[-1]
            question = f"{question[: said.start()]}{base[start:end]}{question[said.end() :]}"
    return question


def _person_again(question: str) -> re.Match[str] | None:
    return (PERSON_AGAIN_UNACCENTED if looks_accentless(question) else PERSON_AGAIN).search(_nfc(question))


def refers_to_answer(question: str, previous: Sequence[str]) -> bool:
    """ "ông ấy giữ chức vụ gì?" after "Ai chủ trì hội nghị?": the person is the previous
    answer's, as the previous question asks for one and names none."""
    if not previous or _person_again(question) is None or people_spans(_nfc(previous[-1])):
        return False
    return parse_question(_nfc(previous[-1])).answer_type in (AnswerType.PERSON, AnswerType.LIST)


def with_answer(previous_question: str, answered: str, question: str) -> str:
    """The previous question with the person its answer named, titled as the follow-up calls
    them ("Ai chủ trì hội nghị? (ông Trần Văn Khê)"); as it is when ``answered`` is no person."""
    said = _person_again(question)
    title = (said.group("title") if said else "").lower()
    title = {"ong": "ông", "ba": "bà", "dong chi": "đồng chí"}.get(fold(title), title)
    if people_spans(answered):  # "Ông Trần Văn Khê"
        return f"{previous_question.rstrip()} ({answered})"
    words = answered.split()
    # A name without its title: a family name first ("Trần Văn Khê"), not a board or a place.
    family = {fold(name).lower() for name in surnames()}
    if title and words and fold(words[0]).lower() in family and all(w[:1].isupper() for w in words):
        return f"{previous_question.rstrip()} ({title} {answered})"
    return previous_question


def standalone_question(question: str, previous: Sequence[str]) -> str:
    """``question`` made standalone using the last standalone question in ``previous``."""
    question = _nfc(question)
    if not previous:
        return question
    base = _nfc(previous[-1])
    question = _named_again(question, base)
    subject = _subject_for(question, base)
    if subject:
        question = _year_before_named(question, base)  # "so với năm trước": the year before the one asked
        return f"{subject} {question[:1].lower()}{question[1:]}"
    core = _core(question)
    if core is None:
        return question
    core = _same_period_named(_year_before_named(core, base), base)
    folded_core = fold(core)
    period_spans = _period_spans(folded_core)
    place_spans = _place_spans(core)
    periods = [core[s:e] for s, e in period_spans]
    # A part of a year named alone ("còn quý 3?", "còn tháng 9?") takes the previous one's place.
    part_spans = [m.span() for m in PART.finditer(folded_core) if not any(a <= m.start() < b for a, b in period_spans)]
    parts = [core[s:e] for s, e in part_spans]
    places = [core[s:e] for s, e in place_spans]
    # A zone named alone ("còn KCN Tân Lập thì sao?") takes the previous one's place.
    zones_named = zone_spans(core) if zone_name_spans(base) else []
    # Another side of what was asked ("còn DDI?" after "Vốn FDI …") takes its place.
    sides = _other_sides(core, base)
    slots = sorted(period_spans + place_spans + zones_named + part_spans + [(s, e) for s, e, _ in sides])
    leftover = _replace(folded_core, slots, [" "] * len(slots))
    new_words = [w for w in _WORD.findall(_without_asked_again(leftover, fold(base))) if w not in _GLUE]
    if not new_words:
        replaced = sorted(_without_head_again(base, old, core[start:end]) for start, end, old in sides)
        rewritten = _replace(base, [old for old, _ in replaced], [new for _, new in replaced])
        for part in parts:
            rewritten = _swap_part(rewritten, part)
        if periods:
            rewritten = _swap_periods(rewritten, periods)
        if places:
            rewritten = _swap_places(rewritten, places)
        if zones_named:
            rewritten = _replace(rewritten, zone_spans(rewritten), [core[s:e] for s, e in zones_named])
        return rewritten
    # Something new is asked: carry the previous question's period and places, unless the
    # follow-up names its own. Unless it is about nothing the reports cover ("thời tiết hôm nay
    # thế nào?"): carried, the year would make it look like a question on the reports. A word
    # of the previous question keeps it on its topic ("Còn hạng ba là ai?" after "… xếp hạng nhất …").
    asked_now = parse_question(core)
    if not asked_now.on_topic and not _same_topic(asked_now.terms, parse_question(base).terms):
        return question
    # A part of a year named ("Còn riêng quý I thì …?") keeps the year asked, not its part.
    carried_spans = [] if periods or parts else _period_spans(fold(base))
    asked_years = list(dict.fromkeys(_YEAR.findall(COMPARED_WITH.sub(" ", fold(base)))))
    years = [f"năm {asked_years[0]}"] if parts and not periods and len(asked_years) == 1 else []
    # The zone asked about too ("… trong KKT Tân Lập năm 2068 …"), unless the follow-up names a place.
    carried_spans += [] if places or zones_named else _merged(_place_spans(base) + zone_spans(base))
    carried = [base[s:e] for s, e in _merged(carried_spans)]
    return " ".join([core, *years, *carried, *_asking(base, folded_core)]).strip() + "?"


def _without_asked_again(leftover: str, folded_base: str) -> str:
    """A follow-up's words without the question words it asks again: those the previous
    question asked with ("còn cuối năm 2033 thì bao nhiêu?" after "… bao nhiêu …"), or any,
    after a question asked without one ("tổng số lao động cuối năm 2034"). Another question
    word ("còn ở đâu?" after "… ngày nào?") asks something new."""
    asked_before = {" ".join(m.group().split()) for m in ASKING_WORDS.finditer(folded_base)}
    return ASKING_WORDS.sub(
        lambda m: " " if not asked_before or " ".join(m.group().split()) in asked_before else m.group(), leftover
    )


def _subject_for(question: str, base: str) -> str:
    """The previous question's subject, for a question that opens with its predicate and
    names no period, place, zone nor measure of its own ("Tăng bao nhiêu so với cùng kỳ?" after
    "Doanh thu 6 tháng đầu năm … là bao nhiêu?": "Doanh thu 6 tháng đầu năm …"); "" otherwise.
    The subject is the previous question without its predicate: the words before its question
    word (its verb left out), then those after it up to the next clause ("KCN Tân Lập có bao
    nhiêu lao động nữ năm 2053?": "KCN Tân Lập lao động nữ năm 2053")."""
    folded = fold(question)
    lead = LEADING_PERIOD.match(folded)
    rest = folded[lead.end() :] if lead else folded
    own_periods = _period_spans(COMPARED_WITH.sub(" ", rest))  # "so với năm 2030" is what it is compared with
    if not PREDICATE_FIRST.match(rest) or own_periods or _place_spans(question) or zone_spans(question):
        return ""
    # Its own measure ("So với kế hoạch, vốn FDI của các KCN đạt bao nhiêu?"): a question of its own.
    own_terms = set(parse_question(question).terms) - set(parse_question(base).terms) - predicate_syllables()
    if len(own_terms) > MAX_OWN_TERMS:
        return ""
    folded_base = fold(base)
    asked = ASKING_WORDS.search(folded_base)
    if asked is None:  # asked without a question word ("vốn FDI đăng ký năm 2040 của KKT Hà Tĩnh?"): all of it
        return base.rstrip(" ,?") if len(_WORD.findall(folded_base)) >= 2 else ""
    before = base[: asked.start()].rstrip(" ,")
    words = list(_WORD.finditer(fold(before)))
    verb = next((v for v in ASK_VERBS if len(v) < len(words) and tuple(w.group() for w in words[-len(v) :]) == v), None)
    if verb is not None:  # "… năm 2047 là" / "đạt": the predicate asked now replaces it
        before = before[: words[-len(verb)].start()].rstrip(" ,")
    clause_end = CLAUSE_END.search(folded_base, asked.end())
    after = base[asked.end() : clause_end.start() if clause_end else len(base)].strip(" ,?")
    subject = f"{before} {after}".strip()
    if lead:  # the period asked now, not the one asked before, nor the one it was compared with
        compared = [m.span() for m in COMPARED_ANY.finditer(fold(subject))]
        subject = " ".join(_replace(subject, compared, [""] * len(compared)).split())
        periods = _period_spans(fold(subject))
        subject = " ".join(_replace(subject, periods, [""] * len(periods)).split())
    return subject if len(_WORD.findall(subject)) >= 2 else ""


def _same_topic(terms: Sequence[str], base_terms: Sequence[str]) -> bool:
    """Every word of the follow-up is the previous question's, or says which one of them
    ("Còn hạng ba là ai?" after "… xếp hạng nhất …"); not "Còn giá vàng hôm nay?" after
    "Giá thuê đất …", which shares only "giá"."""
    new = set(terms) - set(base_terms) - ORDINAL_FOLDED
    return bool(set(terms) & set(base_terms)) and not new


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one ("KCN Hải Dương" and "Hải Dương"), in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _asking(base: str, folded_core: str) -> list[str]:
    """What the previous question asks, for a follow-up that asks nothing itself ("còn doanh
    thu?"): its question word with the verb before it and what follows it ("… tại Quảng Trị
    đạt bao nhiêu % kế hoạch", "… năm 2068 của Khối tổ chức ở đâu"), after its last slot (a
    period, place or zone: the measure asked comes before it) and not naming the previous
    measure's unit ("… thu hút bao nhiêu dự án"); else "là bao nhiêu" after a "how much"."""
    if ASKING_WORDS.search(folded_core):
        return []
    folded = fold(base)
    fallback = ["là bao nhiêu"] if HOW_MUCH.search(folded) else []
    slots = _period_spans(folded) + _place_spans(base) + zone_spans(base)
    if not slots:
        return fallback
    tail = base[max(end for _, end in slots) :].strip(" ,;:?.!")
    asked = ASKING_WORDS.search(fold(tail))
    if asked is None:
        return fallback
    before = _WORD.findall(fold(tail[: asked.start()]))
    verb = next((v for v in ASK_VERBS if tuple(before[-len(v) :]) == v), None)
    how_much = HOW_MUCH.match(fold(tail), asked.start())
    if verb is None or (how_much and SHARE_OR_NOTHING.match(fold(tail), how_much.end()) is None):
        return fallback
    start = [m.start() for m in _WORD.finditer(tail[: asked.start()])][-len(verb)]
    return [tail[start:]]
