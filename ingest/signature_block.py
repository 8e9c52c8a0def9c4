"""The foot of an official document, read apart from its two columns. Pure.

An official document ends with the list of recipients on the left ("Nơi nhận: - UBND tỉnh;
…") and the signature on the right ("KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN / (Đã ký) / Lê Văn
A"). Text layers, OCR and plain-text copies read the two columns across, so the signature's
lines end up at the end of recipients' lines ("- UBND tỉnh (b/c); PHÓ TRƯỞNG BAN", "- Lưu:
VT. Lê Văn A") and the signer's name is lost among them. ``untangle_foot`` puts the
recipients first and the signature after them, a line each, as a typed document has them.
"""

from __future__ import annotations

import re

from ingest.docframe import SIGNED_MARK, is_signing_authority
from ingest.people import person_names
from ingest.sentences import CAPITALS

RECIPIENTS_LABEL = r"(?i:Nơi\s+nhận|Noi\s+nhan)\s*:"  # "Nơi nhận:", the recipients' list opening
RECIPIENTS = re.compile(rf"^{RECIPIENTS_LABEL}")
LIST_ITEM = re.compile(r"^[-+•–—]+\s*[^\W\d_]")  # a recipient ("- Bộ Tài chính;"), not "- 3 -"
ITEM_INSIDE = re.compile(r";|\s[-–—]\s")  # a recipient's item in a line ("…; - Lưu: VT.")
_ENDS_ITEM = tuple(";,.)")  # how a recipient's item ends before the signature's part ("Lưu:" goes on)
_CAPS_WORD = rf"[{re.escape(CAPITALS)}]+\.?"  # "PHÓ", "KT."; not "b/c);"
# An office in capitals, two words or more ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"): at the start
# of the line, after an item's end or a blanked "(Đã ký)", and before the next item's dash or
# the line's end.
_CAPS_RUN = re.compile(rf"(?:^|(?<=[;,.)]\s)|(?<=\s\s))({_CAPS_WORD}(?:\s+{_CAPS_WORD})+)(?=\s+[-–—]\s|\s*$)")


def _split_line(text: str) -> tuple[str, list[str], bool]:
    """A line of the foot as (the recipients' part, the signature's parts in order, whether the
    last part is the signer's name): the offices in capitals, the mark "(Đã ký)", and the
    signer's name at the line's end."""
    if is_signing_authority(text) and not ITEM_INSIDE.search(text):
        # "KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN Trần Văn A": the signature alone
        return "", [text], person_names(text) == [text]
    marks = [(m.start(), m.end(), m.group()) for m in SIGNED_MARK.finditer(text)]
    rest = text
    for start, end, _ in marks:  # blanked, not cut, so that offsets hold
        rest = rest[:start] + " " * (end - start) + rest[end:]
    found = sorted(marks + [(m.start(1), m.end(1), m.group(1)) for m in _CAPS_RUN.finditer(rest)])
    for start, end, _ in found:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    rest = " ".join(rest.split())
    parts = [part for _, _, part in found]
    names = person_names(rest)
    name = names[-1] if names else ""
    if name and rest.rstrip(" .").endswith(name):
        before = rest.rstrip(" .")[: -len(name)].rstrip()
        # After an item's end, alone, or after a scan's specks ("bu Nế Trần Văn A"); not the
        # end of a recipient's item ("- Ông Trần Văn A").
        if not LIST_ITEM.match(rest) or before.endswith(_ENDS_ITEM):
            return before, [*parts, name], True
    return rest, parts, False


def untangle_foot(lines: list[str]) -> list[str]:
    """``lines`` (a page) with its foot's recipients first and its signature after them as a
    paragraph, a part per line; unchanged when no signer's name is found or no line holds both
    columns."""
    start = next((i for i, line in enumerate(lines) if RECIPIENTS.match(line.strip())), None)
    if start is None:
        return lines
    recipients: list[str] = []
    signature: list[str] = []
    signed = tangled = False
    end = len(lines)
    for index in range(start, len(lines)):
        text = lines[index].strip()
        if not text:
            continue
        if signed:
            if not LIST_ITEM.match(text):  # the foot is over: an annex, a page's number
                end = index
                break
            recipients.append(text)
            continue
        head = RECIPIENTS.match(text) if index == start else None
        said = text[head.end() :].strip() if head else text
        rest, parts, named = _split_line(said)
        if head:
            rest = f"{text[: head.end()]} {rest}".strip()  # "Nơi nhận: UBND tỉnh; Lưu: VT."
        if rest:
            recipients.append(rest)
        tangled = tangled or bool(rest and parts)
        signature.extend(parts)
        signed = named
    if not (signed and tangled):  # a typed foot has its signature's lines apart already
        return lines
    return [*lines[:start], *recipients, "", *signature, "", *lines[end:]]
