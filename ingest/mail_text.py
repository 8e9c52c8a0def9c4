"""A report pasted into an e-mail and saved as text: the mail's header block is no paragraph
of it (its "Từ: …" line was taken for the title), its subject is the nearest thing to a title,
the "> " marks of quoted lines are the mail client's, not the report's, and the report is the
longest message of the chain, signed by whoever wrote it. Pure.
"""

from __future__ import annotations

import re

# A header field of a mail as clients print or save it, Vietnamese or English; its value may
# be empty ("Cc:").
_FIELD = re.compile(
    r"^\s*(?:Từ|Đến|Gửi|Cc|Bcc|Ngày\s+gửi|Ngày|Thời\s+gian|Tiêu\s+đề|Chủ\s+đề|Người\s+gửi|Người\s+nhận"
    r"|From|To|Sent|Date|Subject)\s*:",
    re.IGNORECASE,
)
_SENDER = re.compile(r"^\s*(?:Từ|Người\s+gửi|From)\s*:\s*\S", re.IGNORECASE)
_SUBJECT = re.compile(r"^\s*(?:Tiêu\s+đề|Chủ\s+đề|Subject)\s*:\s*(?P<subject>.+)$", re.IGNORECASE)
# The line a client writes over a forwarded or replied-to mail's header.
_FORWARD_MARK = r"^\s*-{2,}\s*(?:Forwarded message|Original Message|Thư đã chuyển tiếp|Thư gốc)\s*-{2,}"
_FORWARDED = re.compile(rf"{_FORWARD_MARK}\s*$", re.IGNORECASE)
_FORWARDED_START = re.compile(_FORWARD_MARK, re.IGNORECASE)  # its line joined to the header's
# The line a client writes over a quoted message instead of its header: "Vào Thứ Bảy, 15/12/…
# lúc 08:10, X <x@…> đã viết:", "On Sat, Dec 15, … X wrote:".
_ATTRIBUTION = re.compile(r"^\s*(?:vào|on)\s.{0,200}\s(?:đã\s+viết|viết|wrote)\s*:\s*$", re.IGNORECASE)
_CONTINUED = re.compile(r"^[ \t]+\S")  # a long field folded onto the next line, indented
# "Fwd:", "Re:", "TL:" (trả lời), "CT:" (chuyển tiếp) before a subject.
_REPLY_MARK = re.compile(r"^(?:(?:fwd?|re|tl|ct|chuyển\s+tiếp|trả\s+lời)\s*:\s*)+", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"^[ \t]*(?:>[ \t]?)+")
MIN_QUOTED_LINES = 3  # fewer ">" lines are the report's own (a "> 5 ha" is rare but possible)
SIGNATURE_LINES = 5  # a signature's lines after "Trân trọng,": a name, an office, a unit, an address, a phone
_CLOSING_FORMULA = (
    r"^\s*(?:trân\s+trọng|tran\s+trong|kính\s+thư|kinh\s+thu|thân\s+ái|than\s+ai|xin\s+cảm\s+ơn|xin\s+cam\s+on"
    r"|cảm\s+ơn|cam\s+on|best\s+regards|regards|thanks?|sincerely)\b"
)
_CLOSING = re.compile(rf"{_CLOSING_FORMULA}[^\n]{{0,30}}$", re.IGNORECASE)  # the formula's own line
# The formula with the signature read onto its line: "Trân trọng, Lê Văn A Chuyên viên …".
_SIGNED_OFF = re.compile(rf"{_CLOSING_FORMULA}(?:\s+(?:cảm\s+ơn|cam\s+on))?\s*[,.!]", re.IGNORECASE)


def _header_end(lines: list[str], start: int) -> int:
    """Where the block of header fields starting at ``start`` ends (``start``: none there)."""
    end = start
    while end < len(lines) and (_FIELD.match(lines[end]) or (end > start and _CONTINUED.match(lines[end]))):
        end += 1
    return end


def _opening_header(lines: list[str]) -> tuple[int, str] | None:
    """The end of a mail's opening header block and its subject; None for a text that opens
    with no header naming a sender and a subject."""
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if start < len(lines) and _FORWARDED.match(lines[start]):
        start += 1
    end = _header_end(lines, start)
    subjects = [m.group("subject") for line in lines[start:end] if (m := _SUBJECT.match(line))]
    if not subjects or not any(_SENDER.match(line) for line in lines[start:end]):
        return None  # no mail's header: a report's own "Ngày: …", "> 100 triệu USD" stay
    return end, subjects[0]


def _without_quote_marks(lines: list[str]) -> list[str]:
    if sum(1 for line in lines if _QUOTE_MARK.match(line)) >= MIN_QUOTED_LINES:
        return [_QUOTE_MARK.sub("", line) for line in lines]
    return lines


def mail_body(text: str) -> str:
    """``text`` without the mail's opening header block (its subject kept as the first line)
    and without the quote marks of quoted lines; any other text as it is."""
    lines = text.split("\n")
    header = _opening_header(lines)
    if header is None:
        return text
    end, subject = header
    return "\n".join(_without_quote_marks([_REPLY_MARK.sub("", subject).strip(), "", *lines[end:]]))


def ends_the_sections(text: str) -> bool:
    """Where a mail's sections end: at a message's closing formula with its signature
    ("Trân trọng, Lê Văn A …"), or at the header of the next message of a chain ("From: …",
    "---- Original Message ----")."""
    # A sender's line with its address: a report's own "Từ: 8 giờ 00 ngày …" is no mail's.
    sender = _SENDER.match(text) is not None and "@" in text.split("\n", 1)[0]
    return sender or bool(_FORWARDED_START.match(text) or _ATTRIBUTION.match(text) or _SIGNED_OFF.match(text))


def _messages(lines: list[str]) -> list[list[str]]:
    """The bodies of a chain's messages without their header blocks: a message starts at a
    block of header fields naming its sender (a "---- Forwarded message ----" line before it), or
    at the line a reply writes over the message it quotes ("On …, X wrote:")."""
    messages: list[list[str]] = [[]]
    at = 0
    while at < len(lines):
        end = _header_end(lines, at)
        if end > at and any(_SENDER.match(line) for line in lines[at:end]):
            messages.append([])
            at = end
            continue
        if _ATTRIBUTION.match(lines[at]):
            messages.append([])
        elif not _FORWARDED.match(lines[at]):
            messages[-1].append(lines[at])
        at += 1
    return [message for message in messages if any(line.strip() for line in message)]


def _closing_lines(message: list[str]) -> tuple[str, ...]:
    """The lines after a message's closing formula ("Trân trọng,"); () without one: the last
    lines of a report pasted alone may be its "Nơi nhận" or its proposals, no signature."""
    lines = [line.strip() for line in message if line.strip()]
    closing = max((i for i, line in enumerate(lines) if _CLOSING.match(line)), default=None)
    return () if closing is None else tuple(lines[closing + 1 :][:SIGNATURE_LINES])


def mail_signature(text: str) -> tuple[str, ...]:
    """The signature of a saved mail's longest message, the report a forward or a reply
    carries ("Hoàng Văn A / Chuyên viên … / Ban Quản lý các KCN tỉnh X"): who wrote it, where a
    reply's subject names the one who asked for it. () for a text that is no mail."""
    lines = text.split("\n")
    if _opening_header(lines) is None:
        return ()
    messages = _messages(_without_quote_marks(lines))
    longest = max(messages, key=lambda message: sum(len(line) for line in message), default=[])
    return _closing_lines(longest)
