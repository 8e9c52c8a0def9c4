"""What a document is, read from its opening lines: title, years, period and issuer.

Pure logic. Two shapes meet here:
- official reports: a header ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: …/BC-…", the
  issuing board, "…, ngày … tháng … năm …") above a "BÁO CÁO" line and its subject;
- web articles: a headline among page chrome (section menus, date stamps, bylines,
  photo captions, a headline repeated under its picture).
OCR text that lost its accents is matched in folded form, so its rules hold there too.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.gazetteer import appears_damaged, damaged_forms, find_places, regions
from ingest.models import PageText
from ingest.normalize import canon_syllable, fold, is_vietnamese_syllable, looks_accentless, search_syllables
from ingest.sentences import CAPITAL, split_sentences

TITLE_MAX = 160
_HEAD_LINES = 40  # the title and header sit within the first lines of the first page
_LETTERHEAD_LINES = 6  # a letterhead's lines: issuer and motto side by side, 2-4 lines each
_LEAD_CHARS = 2500  # "first paragraphs": where the years a text is about are named

_MIN_YEAR, _MAX_YEAR = 1990, 2099
_YEAR = r"(?:19[9]\d|20\d\d)"


@dataclass(frozen=True)
class DocumentFrame:
    title: str  # a real title (headline, or "BÁO CÁO — subject"), ≤ 160 chars
    years: tuple[int, ...]  # the years the text is about, most important first; () if unknown
    period_label: str  # "năm 2031", "6 tháng đầu năm 2032", "2031–2035", "" if unknown
    issuer: str  # the board/bloc that issued it, as written; "" if unknown
    # Provinces/regions the document is about: those its title or issuer names, and a
    # province that takes most of the document's place mentions ("province:hung yen").
    places: tuple[str, ...] = ()


# --- page chrome -----------------------------------------------------------------
# Matched on the folded line (accents dropped, lower case) so OCR'd headers match too.
_WEEKDAY = r"(?:thu\s+(?:hai|ba|tu|nam|sau|bay|2|3|4|5|6|7)|chu\s+nhat)"
# "12/3", "12/03/2031", "12.03.2031", "2031-03-12"; not "4.5" nor a section number "1.3."
_DATE = r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?|\d{1,2}[.-]\d{1,2}[.-]\d{4}|\d{4}-\d{1,2}(?:-\d{1,2})?"
_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?'?(?:\s*(?:sa|ch|am|pm))?"
_STAMP_WORDS = re.compile(
    rf"{_WEEKDAY}|cap\s+nhat|ngay\s+dang|dang\s+(?:luc|ngay)|xuat\s+ban|gmt\s*[+-]?\s*\d*|\bdate\b|\bngay\b|{_TIME}|{_DATE}"
)
# A leading "date 2031-05" / "2031-05-12" stamp glued to the first paragraph of a stored page.
_STAMP_PREFIX = re.compile(r"^\s*(?:date\s+)?(\d{4}-\d{2}(?:-\d{2})?)(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s+(?=\S)", re.I)
# The state motto heading every official document (folded).
MOTTO = re.compile(
    r"cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam|doc\s+lap\s*[-–—]\s*tu\s+do\s*[-–—]\s*hanh\s+phuc"
)
# Its pieces as a two-column header scanned line by line leaves them: "UBND TỈNH X CỘNG HÒA XÃ
# HỘI CHỦ NGHĨA" / "VIỆT NAM BAN QUẢN LÝ … Độc lập - Tự do - Hạnh phúc".
_MOTTO_HEAD = re.compile(r"cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia")
_MOTTO_PIECE = re.compile(rf"{MOTTO.pattern}|{_MOTTO_HEAD.pattern}|^viet\s+nam\b")
# The motto's "VIỆT NAM" read after the issuer's piece: it ends the line, or comes right before
# the motto's second half, a word of the issuer's between them at most ("… ĐÔNG NAM VIỆT NAM BỘ
# Độc lập …"); not a name's own ("KCN VIỆT NAM - HÀN QUỐC").
_MOTTO_REST = re.compile(r"\bviet\s+nam\b(?=\s*$|\s+(?:[^\W\d_]+\s+)?doc\s+lap\b)")
# A line of a letterhead: the motto, or its first half that a two-column layout left alone.
_LETTERHEAD_LINE = re.compile(rf"{MOTTO.pattern}|{_MOTTO_HEAD.pattern}")
_DOC_NUMBER = re.compile(r"\bso\s*:\s*\S+")  # "Số: 12/BC-BQL"
_NUMBER_AS_WRITTEN = re.compile(r"(?:^|\s)S[ốÔôoO]\s*:\s*(\d[^\s,;]*)")
_PLACE_DATE = re.compile(r"(?:^|[\s,])ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+(\d{4})")  # "…, ngày 5 tháng 1 năm 2031"
_CAPTION = re.compile(
    r"^\(?\s*anh\s*(?:minh\s+hoa)?\s*[:)]"  # "Ảnh: …", "(Ảnh minh họa)"
    r"|\(\s*anh(?:\s*minh\s+hoa)?\s*(?::[^)]*)?\)\s*$"  # "… (Ảnh: Minh Anh)"
    r"|\banh\s*:\s*[^.]{0,40}$"  # "… Ảnh: Minh Anh"
    r"|\(\s*nguon\s*:[^)]*\)\s*\|?\s*$"  # "… (Nguồn: báo X) |"
)
_BYLINE = re.compile(r"^(?:pv|ptv|btv|ctv|tin\s*,?\s*anh|tac\s+gia|nguon|theo|bai\s+va\s+anh|bai\s*,?\s*anh)\b")
# A newspaper's or portal's name over its article ("BÁO QUẢNG NGÃI ĐIỆN TỬ", "Báo Kim Sơn"): the
# masthead, not the headline ("Báo cáo …" is a report's title).
# Matched with its accents: "Bảo vệ môi trường", "Bão số 3", "Báo chí …" are no mastheads.
_MASTHEAD = re.compile(
    r"^(?:báo|tạp\s+chí|cổng\s+thông\s+tin|trang\s+thông\s+tin)\s+(?!cáo\b|chí\b|động\b|công\b)\S+(?:\s+\S+){0,4}$"
)
_READERS = re.compile(r"^(?:luot\s+(?:xem|doc|truy\s+cap)|so\s+lan\s+xem)\b")  # "Lượt xem: 1.208"
_BREADCRUMB = re.compile(r"\s(?:>|»|›|/|\|)\s")
_SENTENCE_END = re.compile(r"[.;,:!?…]['\"”’)]*$")
# Words that open a line of office: the author box under a signed article, not a headline.
_OFFICE = re.compile(
    r"^(?:nguyen\s+)?(?:pho\s+)?(?:truong\s+ban|uy\s+vien|giam\s+doc|chu\s+tich|bi\s+thu|tong\s+bien\s+tap|tong\s+giam\s+doc)\b"
)
# The document types of Vietnamese administrative writing (Decree 30/2020/NĐ-CP), folded.
_DOC_TYPE = re.compile(
    r"^(?:bao\s+cao|to\s+trinh|ke\s+hoach|thong\s+bao|quyet\s+dinh|chuong\s+trinh|bien\s+ban|nghi\s+quyet"
    r"|chi\s+thi|quy\s+che|quy\s+dinh|thong\s+cao|huong\s+dan|phuong\s+an|de\s+an|cong\s+dien)\b"
)
# Who presents or chairs ("Trình bày: ông …"): a line of its own, no part of a title (folded).
_FIELD_LINE = re.compile(r"^(?:(?:nguoi\s+)?(?:trinh\s+bay|bao\s+cao|chu\s+tri)|bao\s+cao\s+vien)\s*:")
# Openings of an official document's first body paragraph (never the rest of its title):
# "Kính gửi", "Căn cứ …", "Thực hiện Văn bản số …", a field line.
_GREETING = re.compile(
    rf"^(?:kinh\s+gui|noi\s+nhan|can\s+cu|(?:theo|xet)\s+de\s+nghi|(?={_FIELD_LINE.pattern[1:]})"
    r"|thuc\s+hien\s+(?:van\s+ban|cong\s+van|ke\s+hoach|quyet\s+dinh|chi\s+thi|nghi\s+quyet|thong\s+bao"
    r"|huong\s+dan|chi\s+dao|y\s+kien|chuong\s+trinh))\b"
)
_NUMBERED = re.compile(r"^(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s+\S")
_BULLET = re.compile(r"^[-+•*–—▪●○]\s*")


def _folded(line: str) -> str:
    # OCR confusions undone ("Quan 1y" -> "quan ly"), but not in capitals ("QUÝ II" stays "ii").
    return " ".join(fold(w) if w.isupper() else canon_syllable(fold(w)) for w in line.split())


_STAMP_SEPARATOR = re.compile(r"\s[|·•]\s")
_SECTION_LABEL_WORDS = 5  # "Kinh tế - Đầu tư", "Thời sự": a site's section names are short


def is_date_stamp(line: str) -> bool:
    """A line that is a date/time and little else: "Thứ Hai, 12/03/2031 14:05", "Cập nhật: …",
    "2031-01-02 10:20:30", or a byline with its date ("NGUYỄN VĂN A 12/03/2031 09:15")."""
    folded = fold(line)  # same length as the line (NFC): spans map back to it
    if not re.search(rf"{_DATE}|{_TIME}", folded):
        return False
    parts = _STAMP_SEPARATOR.split(line)
    if len(parts) > 1:
        # "Thứ Bảy, 12/03/2031 - 09:15 | Kinh tế - Đầu tư": the stamp and the page's section
        dated = [p for p in parts if re.search(rf"{_DATE}|{_TIME}", fold(p))]
        # ... its author and its count of readers ("Tác giả: Minh Thư - Bảo Ngọc | Lượt xem: 1.208").
        # (short ones: "Theo báo cáo …, thu hút 304 dự án" is a sentence, not a byline).
        credits = [
            p
            for p in parts
            if len(p.split()) <= _SECTION_LABEL_WORDS + 2 and (_BYLINE.match(_folded(p)) or _READERS.match(_folded(p)))
        ]
        labels = [p for p in parts if p not in dated and p not in credits]
        short = all(len(p.split()) <= _SECTION_LABEL_WORDS and not re.search(r"\d", p) for p in labels)
        return short and all(is_date_stamp(p) for p in dated)
    rest = list(line)
    for match in _STAMP_WORDS.finditer(folded):
        rest[match.start() : match.end()] = " " * (match.end() - match.start())
    words = re.findall(r"[^\W\d_]+", "".join(rest))
    # What is left is nothing, a word or two ("SA", "GMT"), or an author's name in capitals.
    return len(words) <= 1 or (len(words) <= 4 and all(w[:1].isupper() for w in words))


def _is_person_name(line: str) -> bool:
    """ "Nguyễn Văn A": 2-4 capitalised words, nothing else (an author line)."""
    words = line.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)


# A photo's credit ending its caption: "… tại KCN Tân Lập. Ảnh: Minh Anh", "… (Ảnh: Minh Anh)".
# The credit follows the caption's full stop, a dash or a bracket ("… Công ty Minh Anh: 12 tập
# thể" has none); its name has no figure and may have initials ("Ảnh: T.Hương").
_PHOTO_CREDIT = re.compile(
    r"(?:(?<=[.!?…])\s+|\s+[-–—]\s+|\s*(?=\())\(?\s*(?:Ảnh|ảnh|ẢNH|Anh|ANH)(?:\s+minh\s+họa)?\s*:\s*[^\d()]{0,40}\)?\s*$"
)
# A caption that still says something ("Lễ ký kết … tại KCN …"), not "Toàn cảnh hội nghị": as
# long as the shortest sentence that reports something (``chunking.SENTENCE_MIN_WORDS``).
CAPTION_MIN_WORDS = 6


def caption_sentence(line: str) -> str:
    """What a photo's caption tells, without its credit ("Lễ ký kết biên bản ghi nhớ … tại KCN
    Tân Lập." of "… Ảnh: Minh Anh"); "" when it tells little or has no credit to drop."""
    credit = _PHOTO_CREDIT.search(line)
    if credit is None or credit.start() == 0:
        return ""
    told = line[: credit.start()].strip()
    # Not a stamp's "Thứ Bảy, 15/01/2031 - 16:45 | Bài và" before "ảnh: …".
    return told if len(told.split()) >= CAPTION_MIN_WORDS and "|" not in told and not is_page_chrome(told) else ""


def is_page_chrome(line: str) -> bool:
    """A line that belongs to the page, not the text: date stamps, bylines, photo captions,
    breadcrumbs, the state motto and the document number of an official report."""
    line = line.strip()
    if not line:
        return True
    if _NUMBERED.match(line) or _BULLET.match(line):
        return False  # a section or a list item, whatever it says
    folded = _folded(line)
    if not re.search(r"[^\W\d_]", line):
        return True  # "." or "—" or a bare number
    if is_date_stamp(line) or _CAPTION.search(folded):
        return True
    if _PLACE_DATE.search(folded) and len(line.split()) <= 12 and not _SENTENCE_END.search(line):
        return True  # "Kim Sơn, ngày 10 tháng 01 năm 2031" under the motto
    if MOTTO.search(folded) and len(MOTTO.sub("", folded).split()) <= 2:
        return True
    if _DOC_NUMBER.match(folded) and len(line) <= 60:
        return True
    words = line.split()
    if _BYLINE.match(folded) and len(words) <= 6 and not _SENTENCE_END.search(line):
        return True
    if _MASTHEAD.match(line.lower()) and not _SENTENCE_END.search(line) and not re.search(r"\d", line):
        return True
    # A menu path of short words; a table row ("Nộp ngân sách | 875 tỷ đồng") has figures.
    if (
        _BREADCRUMB.search(line)
        and not re.search(r"\d", line)
        and all(len(re.findall(r"\w+", part)) <= 4 for part in re.split(r"\s(?:>|»|›|/|\|)\s", line))
    ):
        return True
    # "D.Q", "PV", "TTXVN": initials or an agency code standing alone (not a wrapped "NGUYÊN")
    alone = len(words) == 1 and len(line) <= 8 and not any(ch.islower() for ch in line)
    return alone and not is_vietnamese_syllable(folded)


def is_document_mark(line: str) -> bool:
    """An official document's number ("Số: 12/QĐ-UBND") or its place and date ("Kim Sơn, ngày
    14 tháng 02 năm 2031"): page chrome to a title, but facts a reader asks about."""
    folded = _folded(line.strip())
    if _DOC_NUMBER.match(folded) and len(line) <= 60:
        return True
    return is_place_date(line)


def is_header_line(line: str) -> bool:
    """A line of an official document's header that stands alone: its number, its place and
    date, or the state motto."""
    folded = _folded(line.strip())
    return is_document_mark(line) or (bool(MOTTO.search(folded)) and len(MOTTO.sub("", folded).split()) <= 2)


def opens_preamble(line: str) -> bool:
    """A line that opens a paragraph of an official document's preamble: "Căn cứ …", "Kính
    gửi …", "Thực hiện Kế hoạch …" (capitalised: "… điều chỉnh" / "theo đề nghị của nhà đầu
    tư …" goes on a sentence)."""
    return line[:1].isupper() and bool(_GREETING.match(_folded(line)))


def is_place_date(line: str) -> bool:
    """The line that dates an official document: "Kim Sơn, ngày 14 tháng 02 năm 2031"."""
    folded = _folded(line.strip())
    match = _PLACE_DATE.search(folded)
    # A longer line ending in the date: a scan's letterhead read across its two columns
    # ("BỘ … CỘNG HÒA … Số: 12/QĐ-BKHĐT Độc lập - Tự do - Hạnh phúc Hà Nội, ngày …").
    short = len(line.split()) <= 12 or (match is not None and match.end() == len(folded))
    return match is not None and short and not _SENTENCE_END.search(line)


def has_place_date(text: str) -> bool:
    """Whether a line of ``text`` dates an official document (``is_place_date``)."""
    return any(is_place_date(line) for line in text.splitlines())


# Who signs for whom above a signature (the form of administrative documents, Nghị định
# 30/2020/NĐ-CP): "KT. CHỦ TỊCH" (on behalf of), "TM. ỦY BAN NHÂN DÂN", "TL.", "TUQ.", "Q.".
_SIGNING_AUTHORITY = re.compile(r"^(?:kt|tm|tl|tuq|q)\s*\.\s*\S")


def is_signing_authority(line: str) -> bool:
    """A signature block's first line: "KT. CHỦ TỊCH", "TM. BAN QUẢN LÝ"."""
    return bool(_SIGNING_AUTHORITY.match(_folded(line.strip())))


_SIGNS_FOR = re.compile(r"(?:^|[\s,])(?:kt|tm|tl|tuq)\s*\.\s*\S")  # "Trần Văn A, KT. CHỦ TỊCH, …"
# The office of a head who signs in person, above the name: "TRƯỞNG BAN", "GIÁM ĐỐC",
# "KHỐI TRƯỞNG" (folded). Written in capitals there; in running text it never is.
_SIGNER_OFFICE = re.compile(
    r"^(?:pho\s+)?(?:truong\s+ban|giam\s+doc|tong\s+giam\s+doc|chu\s+tich|bo\s+truong|thu\s+truong"
    r"|khoi\s+truong|khoi\s+pho|vu\s+truong|cuc\s+truong|chanh\s+van\s+phong|bi\s+thu)\b"
)


def is_caps_office(text: str) -> bool:
    said = text.strip().rstrip(" .")
    return said.isupper() and bool(_SIGNER_OFFICE.match(_folded(said)))


SIGNED_MARK = re.compile(r"\(\s*(?:đã\s+ký|da\s+ky)[^)]*\)", re.IGNORECASE)  # "(Đã ký)" on a copy


def _signs_in_person(text: str) -> bool:
    """A head's office in capitals with the name: "TRƯỞNG BAN (Đã ký) Lê Văn A" (its lines
    joined), or "Lê Văn A, TRƯỞNG BAN." (the office alone heads a decision: "CHỦ TỊCH ỦY BAN
    NHÂN DÂN TỈNH …" above "QUYẾT ĐỊNH:")."""
    said = " ".join(text.split())
    name, comma, office = said.partition(", ")
    if comma and _is_person_name(name) and is_caps_office(office):
        return True
    words = said.split()
    caps = next((i for i, word in enumerate(words) if not word.isupper()), len(words))
    rest = " ".join(words[caps:])
    mark = SIGNED_MARK.match(rest)
    rest = rest[mark.end() :].strip() if mark else rest
    return caps > 0 and is_caps_office(" ".join(words[:caps])) and _is_person_name(rest)


def is_signature(heading: str, text: str) -> bool:
    """A paragraph of a signature block: under "KT. CHỦ TỊCH", or naming it in its first line,
    or a signing head's office with the name ("TRƯỞNG BAN" … "Lê Văn A")."""
    lines = text.strip().splitlines()
    return (
        is_signing_authority(heading)
        or bool(_SIGNS_FOR.search(_folded(heading)))  # "Nơi nhận: KT. BỘ TRƯỞNG …": columns read across
        or any(is_signing_authority(line) or _SIGNS_FOR.search(_folded(line)) for line in lines[:1])
        or _signs_in_person(text)
    )


def strip_date_stamp(text: str) -> str:
    """``text`` without a leading "date 2031-05" / "2031-05-12" stamp of a stored web page."""
    return _STAMP_PREFIX.sub("", text, count=1)


def _is_body(line: str) -> bool:
    """A paragraph of running text: once one is met, the headline zone is over."""
    return len(line) > 220 or (len(line.split()) >= 25 and bool(_SENTENCE_END.search(line)))


def _headline_ok(line: str) -> bool:
    words = line.split()
    if len(words) < 4 or len(line) > 300:
        return False  # short lines at the top are menus/section names; long ones are body
    if _SENTENCE_END.search(line.rstrip(" |")) and not line.endswith(("?", "!", "…")):
        return False  # a sentence: a photo caption or the lead
    folded = _folded(line)
    return not (_OFFICE.match(folded) or _GREETING.match(folded) or _is_person_name(line))


def _clip(text: str) -> str:
    text = " ".join(text.split()).strip(" |-–—")
    if len(text) <= TITLE_MAX:
        return text
    return text[: TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:-–") + "…"


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` is the wrapped rest of a title line (PDF/OCR hard wraps)."""
    if not line or _NUMBERED.match(line) or _BULLET.match(line) or is_page_chrome(line):
        return False
    if line[:1].islower():
        return True
    return previous.isupper() and line.isupper()


def _metadata_title_ok(title: str) -> bool:
    title = title.strip()
    folded = fold(title)
    if len(title.split()) < 3 or len(title) > 300:
        return False
    if re.search(r"\.(?:docx?|pdf|xlsx?|txt|rtf|odt)\b", folded) or folded.startswith(("microsoft", "untitled")):
        return False
    return not re.fullmatch(r"[\w\-.]+", title)  # "bao_cao_2031-final": a file name


def _lines(pages: list[PageText]) -> tuple[list[str], str]:
    """The first lines of the document (blank lines kept as ""), and the date stamp that
    prefixed the first one (removed from it)."""
    lines: list[str] = []
    for page in pages:
        if lines:
            lines.append("")  # a page ends its lines' paragraph: a slide's board is no part of the next's title
        lines.extend(" ".join(raw.split()) for raw in page.text.split("\n"))
        if len(lines) >= _HEAD_LINES * 3:
            break
    while lines and not lines[0]:
        lines.pop(0)
    lines = lines[: _HEAD_LINES * 3]
    stamp = ""
    if lines:
        match = _STAMP_PREFIX.match(lines[0])
        if match:
            stamp, lines[0] = match.group(1), lines[0][match.end() :]
    return lines, stamp


def _subject_goes_on(subject: list[str], line: str) -> bool:
    """A report's subject may wrap onto a line that starts with a name ("Khối thi đua …")."""
    if _continues(subject[-1], line):
        return True
    if line.isupper() and not any(s.isupper() for s in subject):
        return False  # "Về việc tặng Bằng khen …" / "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", who decides
    title_like = not _SENTENCE_END.search(subject[-1]) and not _SENTENCE_END.search(line)
    return title_like and len(subject) < 3 and len(line) <= 100 and not is_page_chrome(line)


def _paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs: blank-line separated groups, hard wraps joined, page chrome left out; a
    line after a finished sentence or opening "Căn cứ …" starts a new one (PDF text)."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if not line:
            groups.append([])
        elif not is_page_chrome(line):
            previous = groups[-1][-1] if groups[-1] else ""
            ends = _SENTENCE_END.search(previous) or _FIELD_LINE.match(_folded(previous))
            if previous and (ends or _GREETING.match(_folded(line))):
                groups.append([])
            groups[-1].append(line)
    return [" ".join(group) for group in groups if group]


def _doc_type_then_subject(line: str) -> str | None:
    """ "BÁO CÁO Kết quả …" on one line (OCR reads a centred title and its subject as one):
    "BÁO CÁO — Kết quả …"; None when the line is not so. Every document type is two words."""
    words = line.split()
    head, rest = words[:2], words[2:]
    if rest and all(w.isupper() for w in head) and not rest[0].isupper() and _DOC_TYPE.match(_folded(" ".join(head))):
        return f"{' '.join(head)} — {' '.join(rest)}"
    return None


# A scan's header read across its two columns ends in the document's type: "… Hà Tĩnh, ngày 10
# tháng 01 năm 2032 BÁO CÁO". The line after it is the subject.
_TYPE_AFTER_DATE = re.compile(rf"{_PLACE_DATE.pattern}\s+\S+\s+\S+$")
# The first heading glued to the subject's end by OCR: " I. ĐẶC ĐIỂM TÌNH HÌNH".
_GLUED_HEADING = re.compile(rf"\s(?:[IVX]{{1,4}}|\d{{1,2}})\.\s+{CAPITAL}{{2,}}\S*\s+{CAPITAL}{{2,}}")


def _doc_type_after_date(line: str) -> str:
    """The document's type in capitals ending a header line after its date; "" when none."""
    said = " ".join(line.split()[-2:]) if _TYPE_AFTER_DATE.search(_folded(line)) else ""
    return said if said.isupper() and _DOC_TYPE.match(_folded(said)) else ""


# What a scan leaves after a centred word: "BIÊN BẢN ." (a speck read as a full stop).
_STRAY_MARKS = re.compile(r"(?<=\w)[^\w\n)\]”\"]+$")


def _official_title(lines: list[str]) -> tuple[str, int] | None:
    """ "BÁO CÁO" (+ wrapped upper-case lines) — subject line(s), and the header's end index."""
    content = [i for i, line in enumerate(lines) if line][:_HEAD_LINES]
    for i in content:
        line = _STRAY_MARKS.sub("", lines[i]) if lines[i].isupper() else lines[i]
        folded = _folded(line)
        if _is_body(line):
            return None
        if not _DOC_TYPE.match(folded):
            line = _doc_type_after_date(line)
            if not line:
                continue
            folded = _folded(line)
        joined = _doc_type_then_subject(line)
        if joined is None and not (line.isupper() or len(line.split()) <= 3):
            continue
        title = [line] if joined is None else [joined]
        j = i + 1
        while j < len(lines) and _continues(title[-1], lines[j]):
            title.append(lines[j])
            j += 1
        head = " ".join(title)
        if len(head.split()) <= 3:  # a bare "BÁO CÁO": the subject follows, maybe after a blank line
            while j < len(lines) and not lines[j]:
                j += 1
            subject: list[str] = []
            while j < len(lines) and lines[j] and (not subject or _subject_goes_on(subject, lines[j])):
                candidate = lines[j]
                if _is_body(candidate) or _GREETING.match(_folded(candidate)) or _NUMBERED.match(candidate):
                    break
                glued = _GLUED_HEADING.search(candidate)  # "… năm 2032 I. ĐẶC ĐIỂM TÌNH HÌNH" (OCR)
                subject.append(candidate[: glued.start()] if glued else candidate)
                j += 1
                if glued:
                    break
            if subject:
                head = f"{head} — {' '.join(subject)}"
        number = _document_number(lines[: i + 1])
        if number:  # "QUYẾT ĐỊNH số 12/QĐ-UBND — Về việc …": how it is cited
            kind, dash, subject_said = head.partition(" — ")
            head = f"{kind} số {number}{dash}{subject_said}"
        return head, i
    return None


def _document_number(header: list[str]) -> str:
    """The number of the header's "Số: 12/QĐ-UBND" line, as written; "" when none."""
    for line in header:
        said = _NUMBER_AS_WRITTEN.search(line)
        if said and len(said.group(1)) <= 40:
            return said.group(1).rstrip(".:")
    return ""


def _web_title(lines: list[str]) -> tuple[str, bool]:
    for index, line in enumerate(lines[: _HEAD_LINES * 2]):
        if not line or is_page_chrome(line) or _LETTERHEAD_LINE.search(_folded(line)):
            continue  # a letterhead's line, with the motto beside the issuer, is no headline
        if _is_body(line):
            break
        if not _headline_ok(line):
            continue
        title = [line]
        for nxt in lines[index + 1 : index + 4]:
            if not _continues(title[-1], nxt):
                break
            title.append(nxt)
        return " ".join(title), True
    return _lead_sentence(lines), False


def _lead_sentence(lines: list[str]) -> str:
    """No headline: the first sentence of the first real paragraph stands in for one."""
    for line in lines:
        if line and not is_page_chrome(line) and len(line.split()) >= 4:
            return split_sentences(line)[0]
    return next((line for line in lines if line), "")


def _title(lines: list[str], metadata_title: str, official: tuple[str, int] | None) -> tuple[str, bool]:
    """The title, and whether it is a real one (not a lead sentence standing in). An official
    document's own ("QUYẾT ĐỊNH số … — Về việc …") comes before the one its file declares (a
    web page's <title> says less: no number)."""
    if official is not None:
        return _clip(official[0]), True
    if metadata_title and _metadata_title_ok(metadata_title):
        return _clip(metadata_title), True
    title, headline = _web_title(lines)
    return _clip(title), headline


# --- years and period ------------------------------------------------------------
_RANGE = re.compile(rf"(?<!\d)({_YEAR})\s*[-–—]\s*({_YEAR})(?!\d)")
# "9 tháng năm 2031" is its first nine months, as "9 tháng đầu năm 2031" is.
_PART_OF_YEAR = re.compile(
    r"(?:(0?[1-9]|1[0-2]|sau|chin)\s+thang\s+(?:(dau|cuoi)\s+)?nam|quy\s+([1-4]|i{1,3}|iv)\b|nua\s+(dau|cuoi)\s+nam)"
    rf"(?:\s+(?:nam\s+)?({_YEAR}))?"
)
# A periodical's issue label (folded: "Bản tin số 04 (Quý IV/2031)", "Số 12 - tháng 12/2031"):
# when it came out, not what its articles report on ("Chỉ thị số 05, 6 tháng đầu năm …" is none).
ISSUE_LABEL = re.compile(
    r"\bso\s+\d+\s*[(–-]\s*(?:quy\s+(?:[1-4]|i{1,3}|iv)|thang\s+\d{1,2})\s*[/-]\s*(?:19|20)\d{2}\s*\)?"
)
_YEAR_PHRASE = re.compile(rf"\bnam\s+({_YEAR})(?!\d)")
# "Từ đầu năm (2031) đến nay": a running total of the year so far, not the whole year.
_RUNNING_TOTAL = re.compile(rf"\btu\s+dau\s+nam(?:\s+({_YEAR}))?\s*,?\s+(?:den|toi)\s+nay\b")
_MONTH_YEAR = re.compile(rf"\bthang\s+(0?[1-9]|1[0-2])\s*(?:[/-]|\s+nam\s+)({_YEAR})(?!\d)")
# A decision's legal bases and the proposal it answers ("Căn cứ Luật … ngày 19 tháng 6 năm
# 2031;", "Căn cứ Quy chế … kèm theo Quyết định … năm 2029", "Theo đề nghị của … tại Tờ
# trình … ngày 02 tháng 8 năm 2036"): dates of other documents. "Căn cứ Kế hoạch … năm 2035"
# or "Căn cứ kết quả chấm điểm năm 2035" is not one.
_CITED_BASIS = re.compile(
    r"^(?:can\s+cu\s+(?:hien\s+phap|bo\s+luat|luat|phap\s+lenh|nghi\s+dinh|nghi\s+quyet|thong\s+tu"
    r"|quyet\s+dinh|chi\s+thi|quy\s+che|quy\s+dinh|cong\s+van|van\s+ban|huong\s+dan|thong\s+bao)\b"
    r"|(?:theo|xet)\s+de\s+nghi\b)"
)
_ANY_YEAR = re.compile(rf"(?<![\d.,])({_YEAR})(?![\d.,]\d)")
_DATED_YEAR = re.compile(rf"\d{{1,2}}\s*[/-]\s*\d{{1,2}}\s*[/-]\s*({_YEAR})\b|\b({_YEAR})-\d{{2}}(?:-\d{{2}})?\b")
# A year named as a baseline, a plan horizon, a founding date, the start of "từ … đến nay" or
# the date of a cited document is not what the text is about.
_SIDE_BEFORE = re.compile(
    r"(?:cung\s+ky|so\s+voi|den|tam\s+nhin|thanh\s+lap(?:\s+\w+)?|so\s+\S+\s+ngay\s+[\d/\s-]*)\s*(?:nam\s*)?$"
)
_SIDE_AFTER = re.compile(r"^\s*(?:den|toi)\s+(?:nay|nam|het|thang)")
_YEAR_TO_DATE = re.compile(r"dau\s+nam\s*$")  # "từ đầu năm 2031 đến nay" is that year's period
_ROMAN = {"i": "I", "ii": "II", "iii": "III", "iv": "IV"}


def without_issue_labels(text: str) -> str:
    """``text`` without a periodical's issue labels (a masthead glued to its lead article)."""
    text = unicodedata.normalize("NFC", text)
    folded = fold(text)
    if len(folded) != len(text):
        return text
    kept, end = [], 0
    for match in ISSUE_LABEL.finditer(folded):  # found folded, cut from the text as written
        kept += [text[end : match.start()], " "]
        end = match.end()
    return "".join(kept) + text[end:]


def _is_side(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    if _YEAR_TO_DATE.search(before):
        return False
    return bool(_SIDE_BEFORE.search(before) or _SIDE_AFTER.match(text[end : end + 20]))


def _years_in(text: str, weight: float, scores: Counter[int], reported: Counter[int]) -> None:
    """Score each year the text names; count in ``reported`` its mentions that are not a side's."""
    for match in _ANY_YEAR.finditer(text):
        year = int(match.group(1))
        side = _is_side(text, match.start(), match.end())
        # "năm 2031", "6 tháng đầu năm 2032": the text names its period
        named = text[max(0, match.start() - 4) : match.start()] == "nam "
        scores[year] += weight * (0.3 if side else 1.5 if named else 1.0)
        reported[year] += 0 if side else 1


def _period(text: str, default_year: int | None) -> str:
    """The period named in ``text`` (folded), as a short Vietnamese label."""
    span = _RANGE.search(text)
    if span and int(span.group(1)) < int(span.group(2)) and not _SIDE_BEFORE.search(text[: span.start()][-40:]):
        return f"{span.group(1)}–{span.group(2)}"
    text = ISSUE_LABEL.sub(" ", text)
    part = _PART_OF_YEAR.search(text)
    if part:
        year = part.group(5) or (str(default_year) if default_year else "")
        if part.group(1):
            months = {"sau": "6", "chin": "9"}.get(part.group(1), part.group(1).lstrip("0"))
            label = "năm" if months == "12" else f"{months} tháng {'cuối' if part.group(2) == 'cuoi' else 'đầu'} năm"
        elif part.group(3):
            label = f"quý {_ROMAN.get(part.group(3), part.group(3))} năm"
        else:
            label = f"6 tháng {'đầu' if part.group(4) == 'dau' else 'cuối'} năm"
        return f"{label} {year}".strip()
    month = _MONTH_YEAR.search(text)
    if month:
        return f"tháng {month.group(1).lstrip('0')}/{month.group(2)}"
    to_date = _RUNNING_TOTAL.search(text)
    if to_date:
        # Only a year said with it: the report's main year may be a plan's ("mục tiêu năm 2032").
        return f"từ đầu năm {to_date.group(1)} đến nay" if to_date.group(1) else "từ đầu năm đến nay"
    for phrase in _YEAR_PHRASE.finditer(text):
        if not _is_side(text, phrase.start(1), phrase.end()):
            return f"năm {phrase.group(1)}"
    return ""


def _years_and_period(title: str, lead: str, issued: list[int], headline: bool) -> tuple[tuple[int, ...], str]:
    folded_title, folded_lead = _folded(title), _folded(lead)
    scores: Counter[int] = Counter()
    reported: Counter[int] = Counter()  # mentions of a year that are not a baseline's or a horizon's
    if headline:  # a lead sentence standing in for a title is counted with the lead
        _years_in(folded_title, 5.0, scores, reported)
    _years_in(folded_lead, 1.0, scores, reported)
    for year in issued:
        scores[year] += 0.4  # publication/issue dates: weak, and year-end reports come out in January
        reported[year] += 1
    best = max(scores.values(), default=0.0)
    # A year named only as what others are compared with ("Tăng/giảm so với năm 2030" in every
    # row) is no year the document is about, however often it is named.
    years = tuple(
        year
        for year, score in sorted(scores.items(), key=lambda item: (-item[1], -item[0]))
        if _MIN_YEAR <= year <= _MAX_YEAR and score >= max(0.4, best / 8) and reported[year]
    )
    top = years[0] if years else None
    label = (_period(folded_title, top) if headline else "") or _period(folded_lead[:600], top)
    return years[:4], label


def _issue_years(head: list[str], stamp: str) -> list[int]:
    text = "\n".join(line for line in head if is_page_chrome(line))
    years = [int(y) for m in _DATED_YEAR.finditer(text + "\n" + stamp) for y in m.groups() if y]
    return years + [int(m.group(1)) for m in _PLACE_DATE.finditer(_folded(text))]


# --- issuer ----------------------------------------------------------------------
_ISSUER_START = re.compile(r"\b(?:kh\w{1,3}\s+thi\s+dua|ban\s+quan\s+ly|uy\s+ban\s+nhan\s+dan|ubnd)\b")
# Lower-case words that belong inside the name of a board or bloc.
_NAME_WORDS = frozenset(
    {
        "cac",
        "khu",
        "cong",
        "nghiep",
        "kinh",
        "te",
        "che",
        "xuat",
        "nghe",
        "cao",
        "va",
        "thi",
        "dua",
        "ban",
        "quan",
        "ly",
        "tinh",
        "thanh",
        "pho",
        "tp",
        "vung",
        "mien",
        "trong",
        "diem",
        "phia",
        "cua",
        "khau",
        "tap",
        "trung",
        "khoi",
        "du",
        "nui",
        "bien",
        "gioi",
        "dong",
        "bang",
        "song",
        "nam",
        "bac",
        "tay",
        "duyen",
        "hai",
        "ven",
        "nhan",
        "dan",
        "uy",
        "kcn",
        "kcx",
        "kkt",
        "cn",
    }
)
_PLACE_INTRO = frozenset({"tinh", "pho", "tp", "vung", "mien", "song", "bang"})
_STOP_WORDS = frozenset(
    {
        "da",
        "dang",
        "se",
        "cho",
        "tai",
        "trong",
        "ve",
        "voi",
        "co",
        "la",
        "nhu",
        "duoc",
        "vua",
        "thong",
        "tin",
        "biet",
        "to",
        "chuc",
    }
)
_COMMITTEE = re.compile(r"^(?:uy\s+ban\s+nhan\s+dan|ubnd)\s+")
_NAMES_PLACE = re.compile(r"\b(?:tinh|thanh\s+pho|tp)\b")
# The header's left column is narrow: a bloc's name wraps onto up to four lines ("KHỐI THI
# ĐUA" / "CÁC BAN QUẢN LÝ KHU KINH TẾ" / "VEN BIỂN BẮC TRUNG BỘ" / "VÀ DUYÊN HẢI TRUNG BỘ").
MAX_ISSUER_LINES = 4
_HEADER_ISSUER = re.compile(r"^(?:ban\s+quan\s+ly|kh\w{1,3}\s+thi\s+dua|uy\s+ban\s+nhan\s+dan|ubnd|so\s+\w)")


def _name_from(words: list[str], keys: list[str], start: int, ocr: bool) -> str:
    """The board/bloc name that starts at ``words[start]``, as written. Clean text: capitalised
    words and the words names are made of; OCR text lost its capitals less often than its
    accents, so a place name after "tỉnh" may be any word but a function word."""
    all_caps = words[start].isupper()
    kept: list[str] = []
    after_place = 0
    for index in range(start, len(words)):
        raw, key = words[index], keys[index]
        core = raw.strip('"“”()').rstrip(",;:.")
        nxt = keys[index + 1] if index + 1 < len(keys) else ""
        if not core or raw.startswith("("):
            break
        if any(ch.isdigit() for ch in key):  # "1y" is OCR's "lý", a word
            if core.isdigit() and len(core) <= 2 and nxt == "tinh":
                kept.append(core)  # "5 tỉnh Tây Nguyên"
                continue
            break
        following = words[index + 1] if index + 1 < len(words) else ""
        # An em dash ends a name ("… tỉnh X — Giao ban quý I"); an en dash may join a place's
        # two names ("BÀ RỊA – VŨNG TÀU"), unless what follows is not in capitals as they are.
        dash_ends = len(kept) >= 2 and (core == "—" or (core == "–" and _caps_name_ends(kept, following, "", 0)))
        if dash_ends or _caps_name_ends(kept, core, key, after_place):
            break
        capital = core[:1].isupper() and not all_caps
        known = key in _NAME_WORDS
        place = after_place > 0 and key not in _STOP_WORDS and (capital or ocr or all_caps)
        if not (known or capital or place or ((all_caps or ocr) and nxt in _NAME_WORDS and key not in _STOP_WORDS)):
            break
        after_place = 3 if key in _PLACE_INTRO else after_place - 1 if not capital else after_place
        if raw.rstrip('"“”)') != core:  # punctuation: go on only through "KCN, KCX, KKT" or "…, Khu kinh tế"
            if raw.endswith(",") and ((core.isupper() and len(core) <= 5) or nxt in {"khu", "kcn", "kcx", "kkt"}):
                kept.append(core + ",")
                continue
            kept.append(core)
            break
        kept.append(core)
    while kept and kept[-1].islower() and _folded(kept[-1]) in {"va", "cac", "cua", "tai", "tinh", "thanh", "pho"}:
        kept.pop()
    return " ".join(kept).rstrip(",").rstrip(" -–—")


def _caps_name_ends(kept: list[str], core: str, key: str, after_place: int) -> bool:
    """A name written in capitals ends at a word that is not: "BAN QUẢN LÝ … TỈNH X — Giao ban
    6 tháng …"; not at its place written otherwise ("UBND TỈNH Kon Tum", "… KKT vùng Tây Nguyên")."""
    worded = [w for w in kept if any(ch.isalpha() for ch in w)]
    if len(worded) < 2 or not all(w.isupper() for w in worded) or core.isupper() or not core[:1].isalpha():
        return False
    return key not in _PLACE_INTRO and after_place <= 0


def _issuer_in(text: str, ocr: bool) -> str:
    words = text.split()
    keys = [_folded(w.strip('"“”(),;:.')) for w in words]
    joined = " ".join(keys)
    for match in _ISSUER_START.finditer(joined):
        start = joined[: match.start()].count(" ")
        if not words[start][:1].isupper():
            continue  # "Trưởng ban Quản lý …" is a person's office, not the board
        name = _name_from(words, keys, start, ocr)
        if len(name.split()) >= 4:
            return name
    return ""


def _header_issuer(lines: list[str], end: int) -> str:
    """The issuing body's upper-case line(s) in an official report's header."""
    best = ""
    committee_place = ""  # "TỈNH X" of a "UBND TỈNH X" line above the board's
    pieces = _header_pieces(lines[:end])
    for at, own in enumerate(pieces):
        if not _HEADER_ISSUER.match(_folded(own)):
            continue
        committee_place = _committee_place(own) or committee_place
        # The upper-case pieces after it are the rest of its name ("KHỐI THI ĐUA" / "CÁC BAN
        # QUẢN LÝ KCN, KKT" / "VÙNG ĐỒNG BẰNG SÔNG HỒNG").
        name = _without_place_date(own)
        for follow in map(_without_place_date, pieces[at + 1 : at + MAX_ISSUER_LINES]):
            if not _issuer_goes_on(follow):
                break
            name = f"{name} {follow}"
        if _folded(name).startswith("ban quan ly") or not best:
            best = name  # the board itself beats the provincial committee above it
    best = _board_of_place(best, committee_place)
    return best.strip(" -–—")


def _letterhead_end(lines: list[str]) -> int:
    """Where a letterhead ends: after its last line holding a piece of the state motto among
    the first lines; 0 when there is none."""
    held = [i for i, line in enumerate(lines[:_LETTERHEAD_LINES]) if _LETTERHEAD_LINE.search(_folded(line))]
    return held[-1] + 1 if held else 0


_DATED = re.compile(r",\s*ng(?:ày|ay)\s+\d", re.IGNORECASE)  # "…, ngày 15 tháng 12 năm …" after a place


def _without_place_date(piece: str) -> str:
    """An issuer's name without the place and date a scan read on after it on its line ("BAN
    QUẢN LÝ KHU KINH TẾ TỈNH X : X, ngày 15 tháng 12 năm …")."""
    dated = _DATED.search(piece)
    if dated is None or not piece.split()[0].isupper():
        return piece  # a name not in capitals: where its place ends is not told by case
    before = piece[: dated.start()]
    if ":" in before:  # "… TỈNH X : X, ngày": the scan's mark between the columns
        return before[: before.rfind(":")].rstrip(" :;,-–—")
    words = before.split()
    while words and (any(c.islower() for c in words[-1]) or words[-1].rstrip(".") == "TP"):
        words.pop()  # the place, in lower case letters ("TP. Hồ Chí Minh"): the name is in capitals
    return " ".join(words).rstrip(" :;,-–—")


def _header_pieces(lines: list[str]) -> list[str]:
    """The header in reading order: each line's pieces outside the motto (two-column headers
    put the motto on the same line, and a scan reads both columns as one line, the left
    column's piece first); "" for a line that is all motto, which ends a name."""
    pieces: list[str] = []
    motto_cut = False  # the motto's first half was read without its "VIỆT NAM", still to come
    for line in lines:
        if line.strip():
            line_pieces, motto_cut = _outside_motto(line, motto_cut)
            pieces += line_pieces or [""]
    return pieces


def _motto_rest(folded: str, motto_cut: bool) -> tuple[list[re.Match[str]], bool]:
    """Where a scan put the motto's "VIỆT NAM" after the left column's piece read between its
    halves ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA KCN, KCX, KKT VÙNG ĐÔNG NAM VIỆT NAM BỘ"), on this line
    or the next; and whether it is still to come. ``motto_cut``: it was, from the line before."""
    found: list[re.Match[str]] = []
    heads = [m.end() for m in _MOTTO_HEAD.finditer(folded) if not MOTTO.match(folded, m.start())]
    for at in ([0] if motto_cut else []) + heads:
        rest = _MOTTO_REST.search(folded, at)
        if rest is None:
            return found, True
        found.append(rest)
    return found, False


def _outside_motto(line: str, motto_cut: bool = False) -> tuple[list[str], bool]:
    """The pieces of a header line outside the state motto ("UBND TỈNH X CỘNG HÒA … VIỆT NAM
    BAN QUẢN LÝ …" → "UBND TỈNH X", "BAN QUẢN LÝ …"), or outside a piece of it left on the line
    by a scan (``_motto_rest``), and outside the document's number (a web page's header cell
    "ỦY BAN NHÂN DÂN TỈNH X Số: 12/QĐ-UBND"); folding keeps one word per word. With them,
    whether the motto's "VIỆT NAM" is still to come."""
    words = line.split()
    folded = _folded(line)
    pieces, start = [], 0
    rests, motto_cut = _motto_rest(folded, motto_cut)
    marks = sorted([*_MOTTO_PIECE.finditer(folded), *_DOC_NUMBER.finditer(folded), *rests], key=lambda m: m.start())
    for match in marks:
        if folded[: match.start()].count(" ") < start:
            continue  # inside the piece before
        first = folded[: match.start()].count(" ")
        last = folded[: match.end()].count(" ") + 1
        pieces.append(" ".join(words[start:first]))
        start = last
    pieces.append(" ".join(words[start:]))
    return [piece.strip(" -–—") for piece in pieces if piece.strip(" -–—")], motto_cut


def _issuer_goes_on(line: str) -> bool:
    """An upper-case header piece that can be more of the issuer's name: not the motto, the
    document's number or type, or page chrome."""
    folded = _folded(line)
    return (
        bool(line)
        and line.isupper()
        and not is_page_chrome(line)
        and not _DOC_TYPE.match(folded)
        and not _MOTTO_PIECE.search(folded)
        and not is_document_mark(line)
        and not _HEADER_ISSUER.match(folded)  # another body: "UBND TỈNH X" then "BAN QUẢN LÝ …"
    )


def _without_suffix(name: str) -> str:
    """A file name as words: "bao_cao_2031.pdf" → "bao cao 2031"."""
    return re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name).replace("_", " ")


# A title printed over every page of a table: in capitals, or opening as one ("Biểu tổng hợp …",
# "Bảng …", "Báo cáo …", "Danh sách …"); not a footer's "Địa chỉ: …" nor "Lưu hành nội bộ".
_TABLE_TITLE = re.compile(r"^(?:BIỂU|BẢNG|BÁO CÁO|DANH SÁCH|TỔNG HỢP|Biểu|Bảng|Báo cáo|Danh sách|Tổng hợp)\s.{8,}$")
_CAPITALS_TITLE_LETTERS = 12  # "BIỂU TỔNG HỢP": fewer letters in capitals are a code or a name


def _is_table_title(line: str) -> bool:
    """A title over every page of a table (``_TABLE_TITLE``), or a line in capitals: Python's
    own test of case, for "KẾT QUẢ THU HÚT ĐẦU TƯ" has capitals in every accented range."""
    letters = sum(c.isalpha() for c in line)
    return bool(_TABLE_TITLE.match(line)) or (letters >= _CAPITALS_TITLE_LETTERS and line == line.upper())


def document_frame(
    pages: list[PageText],
    source: str,
    metadata_title: str = "",
    running_lines: Sequence[str] = (),
    signature: Sequence[str] = (),
) -> DocumentFrame:
    """Title, years, period and issuer of a document from its first lines (``source`` is
    only a last resort for the title). ``running_lines``, printed on every page but kept out
    of the text, name the issuer when its first lines do not (a slide deck's header); an
    e-mail's ``signature`` names it before them (a reply's subject names who asked)."""
    lines, stamp = _lines(pages)
    official = _official_title(lines)
    from ingest.office import is_row_sentence  # office reads the motto from here: imported late

    title, headline = _title(lines, metadata_title, official)
    if not title or is_row_sentence(title):
        # A table printed with its title over every page: the title is a running line, and its
        # first row would stand for the document.
        printed = next((line for line in running_lines if _is_table_title(line)), "")
        title = _clip(printed) if printed else title
    if not title:
        title = _clip(_without_suffix(source))
    # Not the laws a decision cites nor the proposal it answers: their years and months are
    # not those it is about.
    lead = " ".join(p for p in _paragraphs(lines) if not _CITED_BASIS.match(_folded(p)))[:_LEAD_CHARS]
    years, period = _years_and_period(title, lead, _issue_years(lines[:_HEAD_LINES], stamp), headline)
    ocr = looks_accentless(lead)
    # A letterhead over no official title (a table's "BẢNG TỔNG HỢP …"): its lines that hold
    # the motto hold the issuer too, read as an official document's are.
    head_end = official[1] if official is not None else _letterhead_end(lines)
    issuer = _header_issuer(lines, head_end) if head_end else ""
    issuer = issuer or next((name for line in signature if (name := _issuer_in(line, ocr))), "")
    if not issuer and headline:
        issuer = _issuer_in(title, ocr)
    for paragraph in _paragraphs(lines[:_HEAD_LINES]):
        if issuer:
            break
        if is_row_sentence(paragraph):
            continue  # a table's row names a board the table lists, not the one that wrote it
        issuer = _issuer_in(paragraph, ocr)  # by paragraph: a name never runs into the next one
    if not issuer and running_lines:  # as a header reads: its lines in capitals joined, the board first
        named = [_issuer_in(_header_issuer(list(running_lines), len(running_lines)), ocr)]
        issuer = next((name for name in named + [_issuer_in(line, ocr) for line in running_lines] if name), "")
    body = "\n".join(line for p in pages for line in p.text.splitlines() if not _is_capitals_name(line))
    places = _document_places(f"{title}\n{issuer}", body, ocr)
    return DocumentFrame(title=title, years=years, period_label=period, issuer=_clip(issuer), places=places)


def opens_a_document(pages: list[PageText]) -> bool:
    """The pages start a document of their own: the state motto or an official title ("BÁO
    CÁO …", "QUYẾT ĐỊNH …") heads them, as a report's first page, not its second."""
    lines, _ = _lines(pages)
    head = [line for line in lines if line][:_HEAD_LINES]
    return any(MOTTO.search(_folded(line)) for line in head) or _official_title(lines) is not None


def continued_frame(pages: list[PageText], first_page: DocumentFrame) -> DocumentFrame | None:
    """The frame of a photographed page that goes on from ``first_page`` (the frame of its
    report's first page): that one, unless the page starts a document of its own."""
    return None if opens_a_document(pages) else first_page


def is_issuer_line(line: str) -> bool:
    """A letterhead's line naming who issues ("UBND TỈNH X", "BAN QUẢN LÝ CÁC KCN", "KHỐI THI ĐUA …")."""
    return bool(_HEADER_ISSUER.match(_folded(line)))


def _committee_place(line: str) -> str:
    """ "TỈNH X" of a provincial committee's line "UBND TỈNH X"; "" for any other line."""
    committee = _COMMITTEE.match(_folded(line))
    return " ".join(line.split()[len(committee.group().split()) :]) if committee else ""


def _board_of_place(name: str, committee_place: str) -> str:
    """ "BAN QUẢN LÝ CÁC KCN" under "UBND TỈNH X": the board of X (a name naming its place, or
    another body's, is kept as it is)."""
    folded = _folded(name)
    if committee_place and folded.startswith("ban quan ly") and not _NAMES_PLACE.search(folded):
        return f"{name} {committee_place}"
    return name


def table_frame(pages: list[PageText], source: str) -> DocumentFrame:
    """The frame of a spreadsheet: its rows are about many boards, so its issuer is only one
    named above its first table ("BAN QUẢN LÝ CÁC KCN TỈNH …" in the first rows), and its
    title the heading written there, else the file's name with its first sheet's (the first
    line of its text)."""
    frame = document_frame(pages, source)
    lines = [line.strip() for p in pages for line in p.text.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    # The first sheet's lines above its table: its rows are said "name — header: figure".
    above = list(itertools.takewhile(lambda line: " — " not in line, lines[1:]))
    named = [found for line in above if (found := _issuer_in(line, looks_accentless(line)))]
    # Under a letterhead "UBND TỈNH X" / "BAN QUẢN LÝ CÁC KCN", the board of X issued it.
    board = next((name for name in named if _folded(name).startswith("ban quan ly")), "")
    committee_place = next((place for line in above if (place := _committee_place(line))), "")
    issuer = _board_of_place(board, committee_place) if board else next(iter(named), "")
    # Not "Đơn vị: …", nor the state motto of a letterhead laid out in cells.
    headings = [line for line in above if ":" not in line and len(line.split()) >= 4 and not is_header_line(line)]
    heading = next(
        (line for line in headings if not is_issuer_line(line) and (not issuer or issuer not in line)),
        "",
    )
    stem = _without_suffix(Path(source).name)
    title = heading or (f"{stem} — {first}" if first and first != stem else stem)
    return replace(frame, title=_clip(title), issuer=_clip(issuer))


DOMINANT_SHARE = 0.4  # a province named in this share of all place mentions is what the document is about


def _is_capitals_name(line: str) -> bool:
    """ "KHÁNH HÒA" alone on a line: an author's byline that happens to be a province's name."""
    line = line.strip()
    if not line.isupper() or len(line.split()) > 4:
        return False
    found = find_places(line)
    return len(found) == 1 and found[0].surface.strip() == line


def _damaged_regions(heading: str) -> list[str]:
    """The regions an OCR'd title or issuer names with letters misread ("… cac tinh dong bang
    séng Hong"), by edit distance, as a question's constraint is checked against OCR text."""
    syllables = tuple(search_syllables(heading, ocr=True))
    return [
        f"region:{key}"
        for key in regions()
        if any(appears_damaged(form, syllables) for form in damaged_forms("region", key))
    ]


def _document_places(heading: str, text: str, ocr: bool = False) -> tuple[str, ...]:
    named = [f"{m.kind}:{m.key}" for m in find_places(heading)]
    if ocr and not named:
        named = _damaged_regions(heading)
    if any(place.startswith("province:") for place in named):
        # A board's report is about the province its title or issuer names: the bloc's leader
        # it mentions twice in a short report ("… do Ban Quản lý các KCN tỉnh X làm Khối
        # trưởng") is not what its figures are about.
        return tuple(dict.fromkeys(named))
    counts = Counter(m.key for m in find_places(text) if m.kind == "province")
    total = sum(counts.values())
    # A province named once counts only when no other is named at all.
    dominant = [
        f"province:{k}"
        for k, n in counts.most_common(2)
        if n / total >= DOMINANT_SHARE and (n >= 2 or len(counts) == 1)
    ]
    return tuple(dict.fromkeys(named + dominant))
