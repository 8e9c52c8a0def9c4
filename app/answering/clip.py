"""Cut a long quote to the part that answers the question. Pure.

A report sentence can run to a whole paragraph ("KCN A có 247 dự án…; tiếp đến là KCN B…;
đứng thứ ba là KCN C với 76 dự án, trong đó 39 dự án FDI…"). Cutting it at a fixed length
keeps its start and can drop the very figure asked for. Instead the sentence is cut into
clauses (at ",", ";", ":") and the clause about the question is kept with its neighbours,
with "…" where something was left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from ingest.normalize import numbers_in
from ingest.office import is_row_sentence

CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+")
ELLIPSIS = "…"
MIN_PART = 40  # characters: a shorter piece of the next clause is left out rather than shown


def clipped(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters, marked “…” when cut (a label:
    a title, a heading, an issuer)."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + ELLIPSIS


def clipped_title(title: str, limit: int) -> str:
    """A report's title cut to at most ``limit`` characters keeping its last words, which say
    whose report it is ("Báo cáo kết quả … của các KCN tỉnh Kim Sơn"): its start, "…", its end
    (a third of the room)."""
    if len(title) <= limit:
        return title
    end = title[len(title) - limit // 3 :]
    end = end.split(" ", 1)[1] if " " in end else end  # from a word's start
    room = limit - len(end) - len(f" {ELLIPSIS} ")
    head = title[: len(title) - len(end)].rstrip()
    start = head[: room + 1].rsplit(" ", 1)[0] if " " in head[: room + 1] else head[:room]
    return f"{start[:room].rstrip()} {ELLIPSIS} {end.rstrip()}"


def clip_quote(quote: str, wanted: Collection[str], limit: int, terms: Callable[[str], list[str]]) -> str:
    """``quote`` if it fits ``limit`` characters, else the clauses around its best clause.

    ``wanted``: the question's terms in the form ``terms`` gives a text's words. The clause
    holding most of them, those found in few clauses counting most (then the clause with
    most figures, then the earliest), is kept; then the clauses
    after it, which in a report sentence carry its figures ("KCN C với 76 dự án, trong đó 39
    dự án FDI…"), while they fit, and the start of the next one; if all that follows fits,
    the clauses before it. With no wanted term the start is kept.
    """
    if len(quote) <= limit:
        return quote
    label, dash, cells = quote.partition(" — ")
    if dash and is_row_sentence(quote) and len(label) < limit // 2:
        # A table row keeps the name of what its cells are of ("Tháng 6/2031 — … Tổng số lao động: …").
        return f"{label} — {clip_quote(cells, wanted, limit - len(label) - len(dash), terms)}"
    clauses = CLAUSE_BREAK.split(quote)
    held = [set(terms(c)) & set(wanted) for c in clauses]
    # A term found in every clause ("dự án") picks none out; one found in a single clause
    # (the zone's name) picks out that one: each term counts 1 / the clauses holding it.
    spread = {t: sum(t in h for h in held) for t in set().union(*held)}
    value = [(sum(1 / spread[t] for t in h), len(numbers_in(c))) for h, c in zip(held, clauses, strict=True)]
    anchor = max(range(len(clauses)), key=lambda i: (value[i], -i)) if spread else 0
    start, end = anchor, anchor + 1
    room = limit - 4 - len(clauses[anchor])  # room for the "… " marks
    while end < len(clauses) and len(clauses[end]) + 1 <= room:
        room -= len(clauses[end]) + 1
        end += 1
    kept = " ".join(clauses[start:end])
    if end < len(clauses) and room > MIN_PART:  # the room left shows the next clause's start
        kept = f"{kept} {clauses[end][:room].rsplit(' ', 1)[0]}"
        end = len(clauses) + 1  # something is always left out after it
    else:
        while start > 0 and len(clauses[start - 1]) + 1 <= room:
            room -= len(clauses[start - 1]) + 1
            start -= 1
        kept = " ".join(clauses[start:end])
    if len(kept) > limit - 4:  # one clause longer than the limit: cut inside it
        kept = kept[: limit - 4].rsplit(" ", 1)[0]
        end = len(clauses) + 1
    head = f"{ELLIPSIS} " if start > 0 else ""
    tail = f" {ELLIPSIS}" if end != len(clauses) else ""
    return f"{head}{kept}{tail}"
