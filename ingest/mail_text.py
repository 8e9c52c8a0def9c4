"""A report pasted into an e-mail and saved as text: the mail's header block is no paragraph
of it (its "Từ: …" line was taken for the title), its subject is the nearest thing to a title,
and the "> " marks of quoted lines are the mail client's, not the report's. Pure.
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
_FORWARDED = re.compile(
    r"^\s*-{2,}\s*(?:Forwarded message|Original Message|Thư đã chuyển tiếp|Thư gốc)\s*-{2,}\s*$", re.IGNORECASE
)
_CONTINUED = re.compile(r"^[ \t]+\S")  # a long field folded onto the next line, indented
# "Fwd:", "Re:", "TL:" (trả lời), "CT:" (chuyển tiếp) before a subject.
_REPLY_MARK = re.compile(r"^(?:(?:fwd?|re|tl|ct|chuyển\s+tiếp|trả\s+lời)\s*:\s*)+", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"^[ \t]*(?:>[ \t]?)+")
MIN_QUOTED_LINES = 3  # fewer ">" lines are the report's own (a "> 5 ha" is rare but possible)


def mail_body(text: str) -> str:
    """``text`` without the mail's opening header block (its subject kept as the first line)
    and without the quote marks of quoted lines; any other text as it is."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if start < len(lines) and _FORWARDED.match(lines[start]):
        start += 1
    end = start
    while end < len(lines) and (_FIELD.match(lines[end]) or (end > start and _CONTINUED.match(lines[end]))):
        end += 1
    subjects = [m.group("subject") for line in lines[start:end] if (m := _SUBJECT.match(line))]
    sender = any(_SENDER.match(line) for line in lines[start:end])
    if not subjects or not sender:
        return text  # no mail's header: a report's own "Ngày: …", "> 100 triệu USD" stay
    lines = [_REPLY_MARK.sub("", subjects[0]).strip(), "", *lines[end:]]
    if sum(1 for line in lines if _QUOTE_MARK.match(line)) >= MIN_QUOTED_LINES:
        lines = [_QUOTE_MARK.sub("", line) for line in lines]
    return "\n".join(lines)
