"""Split cleaned pages into paragraph chunks that carry their section headings.

Pure logic. Works for three shapes of text met in reports:
- one paragraph per (very long) line, bullets "-"/"+" (Word exports, clean TXT);
- hard-wrapped lines (PDF text layers, OCR), paragraphs separated by blank lines,
  sometimes with a stray blank line in the middle of a sentence;
- numbered headings ("II.", "1.", "1.5.") and unnumbered short title lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ingest.docframe import (
    SIGNED_MARK,
    DocumentFrame,
    caption_sentence,
    document_frame,
    is_caps_office,
    is_date_stamp,
    is_document_mark,
    is_header_line,
    is_page_chrome,
    is_signature,
    is_signing_authority,
    opens_preamble,
    strip_date_stamp,
)
from ingest.gazetteer import find_places, place_names
from ingest.mail_text import ends_the_sections
from ingest.models import Chunk, PageText
from ingest.normalize import unwrapped
from ingest.office import is_row_sentence
from ingest.sentences import CAPITAL, split_sentences
from ingest.signature_block import RECIPIENTS, untangle_foot

BULLET = re.compile(r"^[-+•*–—▪●○]\s*")
# "Thứ nhất, …", "Thứ hai, …" (also OCR'd: "Thir nhét", "Thit ba") enumerate like bullets.
ORDINAL = re.compile(r"^th[uứừửữựi][rt]?\s+(nh[aấâéè]t|hai|ba|t[uưưw]|n[aăă]m|s[aá]u|b[aả]y)\b", re.IGNORECASE)
NUMBERED = re.compile(r"^(?P<num>[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s+\S")
# A page's number on a line of its own ("2", "- 3 -"): a scan's or a printout's, not a paragraph;
# kept, it would close the lead-in whose items go on over the page break.
PAGE_NUMBER = re.compile(r"^[-–—\s]*\d{1,3}[-–—\s]*$")
# "Điều 2. …": an article of a decision or regulation. The sub-headings of the article before
# it ("I. Tập thể:", "II. Cá nhân:" under Điều 1) end where it starts.
ARTICLE = re.compile(r"^(?:Điều|Dieu)\s+\d{1,3}\s*[.:]", re.IGNORECASE)
TERMINAL = tuple(".!?:…")  # ";" ends list items, which stay in one paragraph (as labelled ones do)
HARD_WRAP_MAX = 130  # typeset/OCR lines are shorter than this; longer lines are whole paragraphs
FREE_HEADING_MAX = 80  # an unnumbered heading is a short line standing alone
# An interviewer's question ("PV: … thưa ông?"): short ones were taken for headings and long
# ones not, so an answer was cited under the question before its own (the eighth trial).
INTERVIEWER = re.compile(r"^(?:PV|P\.V|Phóng viên|Phong vien)\s*:\s*\S", re.IGNORECASE)
MAX_NUMBERED_HEADING = 300  # characters: a longer numbered line is a list item's paragraph
MAX_INTERVIEW_QUESTION = MAX_NUMBERED_HEADING  # ... and a longer question an interview's text
MAX_CHUNK_CHARS = 1400  # longer paragraphs are split at sentence ends (e5 reads ~512 tokens)
_TOP_BLOCKS = 12  # page chrome and repeated headlines sit above the text
SENTENCE_MIN_WORDS = 6  # the shortest sentence that reports something: "Các KCN thu hút 45 dự án."

# Heading levels: lower is outer. Bullet lead-ins ("- Đối với KCN X … sau:") act as
# headings for the bullets under them.
_LEVEL_FREE_HEADING = 5
_LEVEL_PLAIN = 5.5  # a plain paragraph: closes bullet lead-ins, keeps free headings
_LEVEL_LISTED = 5.75  # an item of a numbered list under a heading or lead-in: heads its own bullets
_LEVEL_LEAD_IN = {"-": 6, "–": 6, "•": 6, "*": 6, "+": 7}


@dataclass
class _Block:
    lines: list[str]
    page: int | None

    @property
    def text(self) -> str:
        return unwrapped("\n".join(self.lines))


def _numbered_level(line: str) -> int | None:
    match = NUMBERED.match(line)
    if not match:
        return None
    num = match.group("num")
    if re.fullmatch(r"[IVXLC]+", num):
        return 1
    if num.isdigit() or "." in num:
        return 1 + num.count(".") + 1
    return 5  # "a)" items


_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
# "Vốn FDI cấp mới: 118,6 triệu USD", "Hạng 2: …": a line that opens with a short label of its
# own: an item of a list whose marks the text lost (a slide's bullets are drawn, not typed),
# data rather than a heading; not a clause's connective ("Trong đó: …", "Cụ thể: …"), nor a
# section's label ("Phần 2: Phương hướng …").
_LABELLED = re.compile(rf"^{CAPITAL}[^\W\d]*(?:\s+[^\s:;,.()]+){{0,7}}:\s+\S")
_NO_ITEM_LABEL = re.compile(
    r"^(?:Trong\s+đó|Cụ\s+thể|Bao\s+gồm|Gồm|Như|Theo\s+đó|Ngoài\s+ra|Tuy\s+nhiên|Phần|Chương|Mục|Phụ\s+lục"
    r"|Chuyên\s+đề|Bảng|Biểu)\b",
    re.IGNORECASE,
)
# After a line ending so, a labelled line goes on the paragraph: its next sentence, the same
# sentence, the next item of a ";" list (which stays one paragraph).
_PROSE_LINE_ENDS = (".", "!", "?", "…", ",", ";")
# A figure with decimals and its unit ("45,6 triệu USD", "12,5 ha", "45,6 tr. USD"): a line
# stating one is data (a headline's "tăng gần 60%" may head an article; "Phụ lục 2.1" names no
# unit). The first words of app/answering/data/units.txt's units (ingest reads no app data).
_AMOUNT = re.compile(
    r"\d[\d.]*,\d+\s*(?:%|ha\b|tỷ\b|tỉ\b|triệu\b|tr\.|nghìn\b|người\b|lao động\b|dự án\b|USD\b|đồng\b|m2\b|km\b)"
)
# A line ending in one of these words breaks off mid-sentence: not a heading.
_DANGLING = re.compile(r"\s(?:thì|và|của|là|với|các|được|cho|tại|như|theo|từ|đến|trong|này|đã|để|có)$", re.IGNORECASE)
_BEFORE_NAME = re.compile(r"\s(?:KCN|KKT|KCX|CCN|tỉnh|huyện|xã|thành phố|Ban Quản lý)$")
# "Nguyễn Văn A" under an article, "Trưởng ban …" in its author box: people, not sections.
_PERSON = re.compile(rf"^(?:{CAPITAL}[a-zà-ỹđ]+\s){{1,3}}{CAPITAL}[a-zà-ỹđ]+$")
# Photo captions: "Ông X phát biểu…", "Toàn cảnh hội nghị", "Một góc KCN …".
_CAPTION = re.compile(r"^(?:Ông|Bà|Đồng\s+chí|Toàn\s+cảnh|Quang\s+cảnh|Một\s+góc)\s", re.IGNORECASE)
_OFFICE = re.compile(
    r"^(?:Phó\s+)?(?:Trưởng\s+ban|Ủy\s+viên|Uỷ\s+viên|Giám\s+đốc|Chủ\s+tịch|Bí\s+thư)\b", re.IGNORECASE
)


def _is_free_heading(text: str) -> bool:
    """A short unnumbered line standing alone: "Kết quả nổi bật", "“Điểm sáng” thu hút vốn"."""
    first = text.lstrip("\"“‘'(")[:1]
    # A figure makes a line data, not a heading; a year does not ("… THEO THÁNG NĂM 2031").
    if not first.isupper() or text.endswith((":", "|")) or re.search(r"\d{3,}", _YEAR.sub("", text)):
        return False
    if ";" in text or is_labelled_item(text) or _AMOUNT.search(text):
        return False  # "Hạng 2: KCN Tân Lập - 96 điểm", "Tổng vốn 45,6 triệu USD": data, not a heading
    if text.startswith("(") and text.endswith(")"):
        return False  # "(Thời sự)": a source tag or an aside
    if _names_listed(text):
        return False  # "KCN Tân Lập, KCN Phước Hòa, KCN Hòa Bình Mới": the names a slide lists
    if len(text) > FREE_HEADING_MAX or len(text.split()) < 2:
        return False
    return not (
        _DANGLING.search(text)
        or _PERSON.match(text)
        or _OFFICE.match(text)
        or _CAPTION.match(text)
        or is_page_chrome(text)
    )


MIN_LISTED_NAMES = 3  # "A, B" may be a heading's two topics; three names of one kind are a list


def _names_listed(text: str) -> bool:
    """Names of one kind listed by commas, each opening with the same word ("KCN …, KCN …")."""
    parts = [part.split() for part in text.split(",")]
    return len(parts) >= MIN_LISTED_NAMES and all(parts) and len({part[0].casefold() for part in parts}) == 1


def is_list_item(text: str) -> bool:
    """A list's item: bulleted, numbered ("1.", "a)") or labelled ("Hạng 2: …")."""
    return bool(BULLET.match(text) or NUMBERED.match(text)) or is_labelled_item(text)


def is_labelled_item(text: str) -> bool:
    """ "Label: …" data ("Hạng 2: …", "Nguyên nhân: …"), not a connective's or a section's label."""
    return bool(_LABELLED.match(text)) and not _NO_ITEM_LABEL.match(text)


def _is_heading(text: str, single_line: bool) -> float | None:
    """Heading level of a paragraph, or None for body text."""
    if single_line and INTERVIEWER.match(text) and len(text) <= MAX_INTERVIEW_QUESTION:
        return _LEVEL_FREE_HEADING  # each question of an interview heads the answer under it
    if text.endswith((".", ",", ";")) or BULLET.match(text) or is_signing_authority(text):
        return None  # a signature ("KT. CHỦ TỊCH …") is no section: it is read with its name
    level = _numbered_level(text)
    if level is not None:
        return level if len(text) <= MAX_NUMBERED_HEADING else None
    if single_line and _is_free_heading(text):
        return _LEVEL_FREE_HEADING
    return None


def _is_numbered_heading_line(line: str) -> bool:
    return _numbered_level(line) is not None and not line.endswith((".", ",", ";"))


def _wraps_on(last: str, line: str) -> bool:
    """The line after ``last`` continues its sentence: it starts in lower case, with a number
    or a bracket ("… cả năm" / "2031 đạt …", "… giai đoạn 2" / "(diện tích 185 ha) …"), or
    ``last`` breaks off (a hyphen, "tại", "của", a zone or place word before its name: "…
    nhà máy xử lý nước thải KCN" / "Tân Lập trong tháng 11")."""
    return (
        line[:1].islower()
        or line[:1].isdigit()
        or line.startswith("(")
        or last.endswith(("-", "–"))
        or bool(_DANGLING.search(last) or _BEFORE_NAME.search(last))
    )


@lru_cache(maxsize=1)
def _name_words() -> int:
    """Words of the gazetteer's longest name: how far each side of a line break a name may run."""
    return max(len(name.split()) for name in place_names())


def _name_runs_on(last: str, line: str) -> bool:
    """A province's or region's name runs from ``last`` into ``line`` ("… các tỉnh đồng bằng
    sông" / "Hồng gồm …", "tỉnh Bà Rịa -" / "Vũng Tàu …"): one sentence, whatever the blank
    lines OCR left between them."""
    tail = " ".join(last.split()[-_name_words() :])
    joined = f"{tail} {' '.join(line.split()[: _name_words()])}"
    return any(place.start < len(tail) < place.end for place in find_places(joined))


def _is_stamp_line(line: str) -> bool:
    return len(line) <= HARD_WRAP_MAX and not line.endswith((*TERMINAL, ")", ",", ";")) and is_date_stamp(line)


def _starts_new_paragraph(line: str) -> bool:
    # "KT. TRƯỞNG BAN" opens a signature, whatever a scan's specks before it left unfinished;
    # a table's row said as a sentence is one line of its own (a sheet's first row had run on
    # from the note under its title, "(Kèm theo Biên bản …)").
    return (
        bool(BULLET.match(line))
        or _numbered_level(line) is not None
        or bool(ARTICLE.match(line))
        or is_signing_authority(line)
        or is_row_sentence(line)
    )


def _is_caps_line(line: str) -> bool:
    """A line of capitals, of words not numbers ("DANH SÁCH TẬP THỂ …", not "KCN VSIP 2")."""
    return line.isupper() and len(re.findall(r"[^\W\d]{2,}", line)) >= 2


def _range_runs_on(last: str, line: str) -> bool:
    """A range of years wrapped at its dash ("… giai đoạn 2031" / "– 2035 (…)"): not a bullet
    ("… năm 2033" / "- 12 dự án FDI" is one)."""
    return bool(re.search(r"(?<!\d)(?:19|20)\d\d$", last) and re.match(r"[-–—]\s*(?:19|20)\d\d(?!\d)", line))


MIN_LIST_PAGE_ITEMS = 2  # labelled lines that make a page a list's (a slide's bullets)


def _item_breaks(last: str, line: str, width: int, list_page: bool) -> bool:
    """A labelled ``line`` starts an item of its own after ``last``: after its lead-in ("…
    như sau:"), or where ``last`` was broken on purpose, not wrapped: unfinished, yet on a
    page of such items (a slide) or with room left for the first word of ``line`` (a wrapped
    line is full)."""
    if last.endswith(":"):
        return True
    if last.endswith(_PROSE_LINE_ENDS) or _wraps_on(last, line):
        return False
    return list_page or len(last) + 1 + len(line.split(maxsplit=1)[0]) <= width


def _heading_then_paragraph(last: str, line: str) -> bool:
    """A short title-like line, then a capitalised line: a heading over its paragraph, even
    without a blank line between (web pages), unless the short line is a hard-wrapped part."""
    # Hard-wrapped pages (PDF, OCR) keep their old reading: there a short line is as often a
    # photo caption glued to the paragraph, and splitting it off would make it a heading.
    return len(line) > HARD_WRAP_MAX and line[:1].isupper() and _is_free_heading(last)


def _blocks(pages: list[PageText]) -> list[_Block]:
    """Group lines into paragraphs, undoing hard wraps and stray blank lines."""
    blocks: list[_Block] = []
    current: _Block | None = None
    for page in pages:
        lines = untangle_foot(page.text.split("\n"))
        wrapped = [len(line) for line in lines if 0 < len(line) <= HARD_WRAP_MAX]
        # One paragraph per line (web pages, Word): the few short lines are headlines and
        # captions, not a wrap width; measuring them would glue a headline to its paragraph.
        line_per_paragraph = page.blocks or sum(wrapped) < sum(len(line) for line in lines if len(line) > HARD_WRAP_MAX)
        width = sorted(wrapped)[int(len(wrapped) * 0.9)] if wrapped and not line_per_paragraph else HARD_WRAP_MAX
        list_page = sum(1 for line in lines if is_labelled_item(line)) >= MIN_LIST_PAGE_ITEMS
        blank_before = True
        first_of_page = True
        for line in lines:
            if not line:
                blank_before = True
                continue
            if blank_before and PAGE_NUMBER.match(line):
                continue  # set apart by a blank line: not a wrapped sentence's "… giai đoạn" / "2"
            page_break, first_of_page = first_of_page and current is not None, False
            starts_new = current is None or (
                _starts_new_paragraph(line) and not _range_runs_on(current.lines[-1], line)
            )
            # A date stamp under a headline is a block of its own, dropped as page chrome
            # (not a wrapped sentence's last line: "… số 318/QĐ-TTg ngày 14/5/2031).").
            # So is a line of an official header typed without blank lines between ("Số:
            # 12/QĐ-BQL", the motto, "Kim Sơn, ngày 3 tháng 4 năm 2031").
            if len(blocks) < _TOP_BLOCKS and not starts_new and current is not None:
                starts_new = any(_is_stamp_line(x) or is_header_line(x) for x in (line, current.lines[-1]))
            if not starts_new and current is not None:
                last = current.lines[-1].removesuffix(" |")  # "… caption. |" on web pages
                ended = last.endswith(TERMINAL) or (last.endswith(("”", '"', ")")) and last[-2:-1] in TERMINAL)
                short_last = len(last) < 0.75 * width or len(last) > HARD_WRAP_MAX
                if blank_before:
                    # A blank line splits paragraphs unless the sentence clearly goes on
                    # (OCR leaves blank lines inside sentences and inside ";" lists).
                    # Not on a page of one paragraph per line (a web page, a Word export): there
                    # a blank line is the page's own, between blocks ("headline" / "Cập nhật lúc
                    # …", a caption / a heading), save under a line in capitals (a title, an
                    # office over its signer's name).
                    own_blocks = line_per_paragraph and not last.isupper()
                    unfinished = not own_blocks and not ended and (len(current.lines) > 1 or not short_last)
                    goes_on = last.endswith(";") or line[:1].islower() or unfinished or _name_runs_on(last, line)
                    # A paragraph cut by a page break goes on at the top of the next page,
                    # whatever its first word ("… các khu công nghiệp Đà" / "Nẵng được …").
                    runs_over = page_break and not ended and len(last) > HARD_WRAP_MAX and not last.endswith(":")
                    # A title in capitals at the top of a page starts something new (an annex's
                    # "DANH SÁCH …" under the signature above it); so does "Căn cứ …", "Thực hiện
                    # Kế hoạch …" under a title.
                    goes_on = goes_on and not (page_break and _is_caps_line(line)) and not opens_preamble(line)
                    starts_new = (len(last) > HARD_WRAP_MAX or not goes_on) and not (
                        runs_over and not _starts_new_paragraph(line)
                    )
                elif len(last) > HARD_WRAP_MAX:
                    starts_new = True
                elif opens_preamble(line) and (last.endswith((";", ":", ".")) or last.isupper()):
                    starts_new = True  # "Căn cứ Luật …;" / "Căn cứ Nghị định …;": one basis each
                elif len(blocks) < _TOP_BLOCKS and _is_caps_line(line) and not last.isupper():
                    starts_new = True  # "Về việc tặng Bằng khen …" / "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"
                elif _is_numbered_heading_line(last):
                    # "1. Giải phóng mặt bằng còn chậm: còn 12,3 ha tại Khu đô thị -" wraps
                    # on into "công nghiệp …": an item's first line, not a heading over it.
                    starts_new = not _wraps_on(last, line)
                elif is_labelled_item(line) and _item_breaks(last, line, width, list_page):
                    starts_new = True  # "Cấp mới 9 dự án" / "Vốn FDI cấp mới: …", one item a line
                else:
                    heading = len(current.lines) == 1 and _heading_then_paragraph(last, line)
                    # a long capitalised line is a paragraph of its own on such pages
                    own_line = line_per_paragraph and len(line) > HARD_WRAP_MAX and line[:1].isupper()
                    starts_new = heading or own_line or (ended and short_last)
            if starts_new:
                current = _Block([line], page.number)
                blocks.append(current)
            else:
                assert current is not None
                current.lines.append(line)
            blank_before = False
    return blocks


OFFICE_LINE_MAX = 120  # "Trưởng ban Quản lý Khu kinh tế …": an office, not a sentence
MAX_OFFICE_LINES = 3  # "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"
ON_BEHALF_OF = re.compile(r"(?:KT|TL|TM|TUQ)\.\s", re.IGNORECASE)


def _is_office_line(block: _Block) -> bool:
    """An office, one a line ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", a table cell's lines), with
    the copy's "(Đã ký)" among them if any."""
    lines = [line for line in block.lines if not SIGNED_MARK.fullmatch(line.strip())]
    # Several offices are one only when the first signs on behalf of the next ("KT. CHỦ
    # TỊCH" / "PHÓ CHỦ TỊCH"); "KHỐI PHÓ" / "KHỐI TRƯỞNG" side by side are two signers'.
    chained = len(lines) == 1 or ON_BEHALF_OF.match(lines[0].strip()) is not None
    return chained and 1 <= len(lines) <= MAX_OFFICE_LINES and all(_is_office(line) for line in lines)


def _is_office(text: str) -> bool:
    # "Phó Chủ tịch", "KT. CHỦ TỊCH", "THỨ TRƯỞNG" (a head's office in capitals)
    office = _OFFICE.match(text) or is_signing_authority(text) or is_caps_office(text)
    return len(text) <= OFFICE_LINE_MAX and bool(office)


def _person_boxes(blocks: list[_Block]) -> list[_Block]:
    """A person's name and the lines of office beside it (an article's author box: "Lê Văn
    A" / "Ủy viên …," / "Trưởng ban …"; a signature: "TRƯỞNG BAN" / "Lê Văn A") as one
    paragraph, name first, so that "Trưởng ban … là ai" finds the name with the office."""
    out: list[_Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if len(block.lines) == 1 and _PERSON.match(block.text):
            offices: list[_Block] = []
            if len(out) >= 2 and SIGNED_MARK.fullmatch(out[-1].text.strip()) and _is_office_line(out[-2]):
                out.pop()  # "TRƯỞNG BAN" / "(Đã ký)" / "Lê Văn A": the copy's mark of a signature
            while out and _is_office_line(out[-1]) and len(offices) < 3:
                offices.insert(0, out.pop())
            j = i + 1
            while j < len(blocks) and _is_office_line(blocks[j]) and len(offices) < 3:
                offices.append(blocks[j])
                j += 1
            if offices:
                said = ", ".join(o.text.rstrip(",.") for o in offices)
                # Said as a sentence: a short line without a full stop would be taken for a heading.
                out.append(_Block([f"{block.text}, {said}."], block.page))
                i = j
                continue
        out.append(block)
        i += 1
    return out


def _split_long(text: str) -> list[str]:
    if len(text) <= MAX_CHUNK_CHARS:
        return [text]
    parts: list[str] = []
    buffer = ""
    for sentence in split_sentences(text, ".!?;"):
        if buffer and len(buffer) + len(sentence) > MAX_CHUNK_CHARS * 0.7:
            parts.append(buffer)
            buffer = sentence
        else:
            buffer = f"{buffer} {sentence}".strip()
    if buffer:
        parts.append(buffer)
    return parts


def _title_lines(lines: list[str]) -> str:
    """The opening lines of a block that belong to a title: a PDF page has no blank line
    between its title and the first section ("… THÁI NGUYÊN" / "I. Tình hình …"), nor
    between an upper-case title and the body text under it."""
    kept: list[str] = []
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if kept and _starts_new_paragraph(line):
            break
        if kept and len(" ".join(kept)) >= 25 and line.isupper() != kept[-1].isupper():
            break
        kept.append(line)
    return " ".join(kept)


def document_title(pages: list[PageText]) -> str:
    """The document's title (see ``ingest.docframe``)."""
    return document_frame(pages, "").title


def _is_sentence(text: str) -> bool:
    """Running text, not a headline: several words and a full stop (headlines have none)."""
    return len(text.split()) >= SENTENCE_MIN_WORDS and text.rstrip(' "”’)').endswith((".", "!", "?"))


_LEAD_IN_ITEM = 2  # ``_NumberedList.takes``: an item of a list a lead-in announced
_ITEM = 1  # ... of a list right under a heading


@dataclass(frozen=True)
class _NumberedList:
    """A list counted from 1 again right under a heading or a lead-in ("1. Các chỉ tiêu chủ
    yếu", "… các chỉ tiêu sau:", then "1. …", "2. …"): its items are not the heading's siblings,
    and bullets under an item ("1. Thu hút vốn: …" / "- Vốn FDI …") do not end it. Under a
    lead-in an item stating a figure or announcing bullets is no heading, full stop or not ("1.
    Thu hút vốn FDI đạt 240 triệu USD", "1. Thu hút vốn như sau:"); one stating none may be a
    section's ("… kính trình như sau:" / "1. Kết quả thực hiện nhiệm vụ năm 2039"), as may a
    "1." right under a heading ("II." / "1. Thu hút")."""

    opens: bool = False  # the block before is a heading or a lead-in
    after_lead_in: bool = False  # ... a lead-in ("… như sau:")
    next_item: tuple[int | None, int] | None = None  # the level and number of the list's next item
    from_lead_in: bool = False  # the list a lead-in announced

    def takes(self, text: str) -> int:
        """0: ``text`` is no item of the list; else ``_ITEM`` or ``_LEAD_IN_ITEM``."""
        item = _item_number(text)
        if item is None:
            return 0
        if self.opens and item == (_numbered_level(text), 1):
            return _LEAD_IN_ITEM if self.after_lead_in else _ITEM
        if item == self.next_item:
            return _LEAD_IN_ITEM if self.from_lead_in else _ITEM
        return 0

    def after(self, text: str, listed: int) -> _NumberedList:
        """The list after the paragraph ``text`` (``listed``: what ``takes`` said of it)."""
        lead_in = text.endswith(":") and len(text) <= 700
        if listed:
            item = _item_number(text)
            assert item is not None
            following = (item[0], item[1] + 1)
            return _NumberedList(lead_in, lead_in, following, listed == _LEAD_IN_ITEM)
        if BULLET.match(text) and self.next_item is not None:  # a bullet under an item
            return replace(self, opens=lead_in, after_lead_in=lead_in)
        return _NumberedList(lead_in, lead_in)


def _states_figure(line: str) -> bool:
    """A figure after a numbered line's number, years aside ("1. Thu hút 240 triệu USD")."""
    parts = line.split(maxsplit=1)
    return len(parts) == 2 and bool(re.search(r"\d", _YEAR.sub("", parts[1])))


def _item_number(line: str) -> tuple[int | None, int] | None:
    """A numbered line's level and number ("2. …" → 2, "b) …" → 2); None for Roman numerals."""
    match = NUMBERED.match(line)
    if not match or re.fullmatch(r"[IVXLC]+", match.group("num")):
        return None
    last = match.group("num").split(".")[-1]
    return _numbered_level(line), int(last) if last.isdigit() else ord(last) - ord("a") + 1


def _chunk(
    doc_id: str,
    source: str,
    frame: DocumentFrame,
    headings: tuple[str, ...],
    text: str,
    page: int | None,
    paragraph: int,
    suffix: str = "",
) -> Chunk:
    return Chunk(
        chunk_id=f"{doc_id}-p{paragraph:04d}{suffix}",
        doc_id=doc_id,
        source=source,
        title=frame.title,
        headings=headings,
        text=text,
        page=page,
        paragraph=paragraph,
        doc_years=frame.years,
        period=frame.period_label,
        issuer=frame.issuer,
        doc_places=frame.places,
    )


# A heading with nothing under it shorter than this names a part ("Phụ lục", a sheet's "Sản
# xuất kinh doanh"): in the 40 reports of the samples, the web pages and seven trials, those of
# 5 words or more were list items, subtitles and signatures, those in capitals captions.
TELLING_WORDS = 5


def _tells(heading: str) -> bool:
    return len(heading.split()) >= TELLING_WORDS and not heading.isupper()


@dataclass(eq=False)
class _Open:
    """A heading whose section is open; ``stored`` once a paragraph is stored under it."""

    level: float
    text: str
    page: int | None
    stored: bool = False


def chunk_document(doc_id: str, source: str, pages: list[PageText], frame: DocumentFrame | None = None) -> list[Chunk]:
    """Paragraph chunks, each with the heading path it sits under; ``frame`` defaults to the
    one read from the pages (pass it to use a PDF's metadata title). A heading a paragraph
    closes with nothing under it is stored as a paragraph when it says something (``_tells``):
    what looked like a heading (a list's item an OCR speck left without its full stop) is text
    all the same."""
    frame = frame or document_frame(pages, source)
    title = frame.title
    stack: list[_Open] = []
    chunks: list[Chunk] = []
    paragraph = 0

    def store_closed(kept: list[_Open]) -> None:
        """Store the open headings a paragraph closes (those not in ``kept``) that have nothing
        under them and say something. Closed by another heading, or by the document's end, they
        stay headings: a table of contents is headings in a row."""
        nonlocal paragraph
        for at, heading in enumerate(stack):
            if heading in kept or heading.stored:
                continue
            # Not the title's own subtitle: every chunk carries the title already.
            if _tells(heading.text) and heading.text not in title:
                paragraph += 1
                above = tuple(h.text for h in stack[:at])
                chunks.append(_chunk(doc_id, source, frame, above, heading.text, heading.page, paragraph))
                for held in stack[: at + 1]:  # its section, and those around it, hold text now
                    held.stored = True

    blocks = _person_boxes(_blocks(pages))
    marks: list[tuple[int | None, str]] = []
    article_headings: list[_Open] | None = None  # the headings the first article sits under
    numbered_list = _NumberedList()
    labelled_items = False  # the paragraph before is a labelled item of a lead-in's list
    # Short lines above the headline are the site's menu ("Kinh tế", "Tin tức"), not sections.
    title_at = next((i for i, b in enumerate(blocks[:_TOP_BLOCKS]) if b.text and b.text in title), 0)
    for index, block in enumerate(blocks):
        text = strip_date_stamp(block.text) if index == 0 else block.text
        if index < title_at and len(text.split()) <= 3:
            if is_document_mark(text):
                marks.append((block.page, text))
            continue
        if not chunks and not marks and text == frame.issuer and text.isupper():
            # The issuer's name atop an official document ("KHỐI THI ĐUA …", "ỦY BAN NHÂN DÂN
            # TỈNH …"): read with its number and date, the header, not as a paragraph of its own.
            marks.append((block.page, text))
            continue
        # A sentence of the report stays a paragraph even when the title was made from it (a
        # short report: "BÁO CÁO" and one paragraph, or two paragraphs and no headline at all).
        in_title = not _is_sentence(text) and (text == title or (index < 3 and text in title.rstrip("…")))
        if in_title:
            continue  # the title is carried by every chunk already; a headline repeated under its picture
        if index < _TOP_BLOCKS and len(block.lines) == 1 and is_page_chrome(text):
            if is_document_mark(text):
                marks.append((block.page, text))
            text = caption_sentence(text)  # "Lễ ký kết … tại KCN X. Ảnh: Y": what it tells stays
            if not text:
                continue  # date stamps, bylines, credits, captions that tell little
        if marks:
            # An official document's number and place-date ("Số: 12/QĐ-UBND", "Kim Sơn, ngày
            # 14 tháng 02 năm 2031"): what "quyết định số mấy, ban hành ngày nào" asks.
            paragraph += 1
            chunks.append(_chunk(doc_id, source, frame, (), "\n".join(t for _, t in marks), marks[0][0], paragraph))
            marks = []
        if ARTICLE.match(text):
            article_headings = list(stack) if article_headings is None else article_headings
            store_closed(article_headings)
            stack = list(article_headings)
        if is_signature("", text) or RECIPIENTS.match(text) or ends_the_sections(text):
            # The foot of an official document, a mail's signature or its next message: no
            # section of the body goes on over it.
            store_closed([])
            stack = []
        listed = numbered_list.takes(text)
        as_item = listed == _LEAD_IN_ITEM and (_states_figure(text) or text.endswith(":"))
        # "… xếp hạng như sau:" / "Hạng 1: …" / "Hạng 2: …": items whose marks the text lost,
        # headed by the lead-in as bullets are.
        labelled = is_labelled_item(text) and (numbered_list.after_lead_in or labelled_items)
        labelled_items = labelled
        level = None if as_item or labelled else _is_heading(text, len(block.lines) == 1)
        if level is not None:
            stack = [h for h in stack if h.level < level]  # closed by a heading: none stored
            stack.append(_Open(level, text, block.page))
            numbered_list = _NumberedList(opens=True)
            continue
        numbered = _numbered_level(text)
        if numbered is not None and not listed:  # "d) …" after the heading "c) … cá nhân:" is its sibling
            kept = [h for h in stack if h.level < numbered or _numbered_level(h.text) is None]
            store_closed(kept)
            stack = kept
        bullet = BULLET.match(text)
        marker = bullet.group().strip() if bullet else ("-" if ORDINAL.match(text) or labelled else "")
        own_level = _LEVEL_LISTED if listed else _LEVEL_LEAD_IN.get(marker, _LEVEL_PLAIN)
        kept = [h for h in stack if h.level < own_level]
        store_closed(kept)
        stack = kept
        paragraph += 1
        pieces = _split_long(text)
        for part, piece in enumerate(pieces, start=1):
            suffix = f".{part}" if len(pieces) > 1 else ""
            headings = tuple(h.text for h in stack)
            chunks.append(_chunk(doc_id, source, frame, headings, piece, block.page, paragraph, suffix))
        for heading in stack:
            heading.stored = True
        numbered_list = numbered_list.after(text, listed)
        if numbered_list.after_lead_in:
            stack.append(_Open(own_level, text, block.page, stored=True))  # a lead-in heads the bullets that follow
    return chunks
