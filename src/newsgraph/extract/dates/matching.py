"""Finding the temporal expressions of a text: the rules matched over its token classes, the
longest match first, each handed to its handler; modifiers joined on ("the end of", "about"),
"two days after June 23" merged into one date, and the kept expressions written as date records."""

from __future__ import annotations

import datetime as dt
import heapq
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from . import confidence as _confidence
from . import named as _named
from . import relative as _relative
from .expressions import HANDLERS, REJECT, Context, Expr, Result, handler
from .lexicon import FULL_MONTHS, grammar
from .tense import Tense
from .tokens import BREAK, Tok, letters_of, tokenize
from .values import is_calendar, shift

#: The modules whose handlers (registered on import) the rules name.
_HANDLER_MODULES = (_named, _relative)
#: Spacy entity labels that mean a capitalised word is a name, not a date ("Sunday Times").
_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "GPE", "LOC", "NORP"})
_PREFIX_AFTER_MOD = frozenset({"OF", "HYPHEN"})
#: What "about", "nearly" may come before: a quantity or a point ("about 5 p.m."), not "about the future".
_APPROXIMABLE = frozenset({"NUM", "DAY", "A", "FEW", "YEAR", "CLOCK", "ORD", "DECADE", "MONTH", "MOD"})


@handler("reject")
def _reject(e: Expr, ctx: Context) -> Result | None:
    return REJECT


def _prefix(toks: list[Tok], i: int, taken: bytearray) -> int:
    """Where an expression starting at token ``i`` starts once its modifiers are added:
    "the end of", "mid-", "early", "about", "earlier" (before "this year")."""
    start = i
    while start > 0 and not taken[start - 1]:
        prev = toks[start - 1]
        if prev.cls == "MOD" or (prev.cls == "APPROX" and toks[start].cls in _APPROXIMABLE):
            start -= 1
        elif (
            prev.cls in _PREFIX_AFTER_MOD
            and start > 1
            and toks[start - 2].cls == "MOD"
            and not taken[start - 2]
        ):
            start -= 2
        elif (prev.cls == "SHIFT" and toks[i].cls == "REL") or (
            prev.cls == "THE" and start < i and toks[start].cls == "MOD"
        ):
            start -= 1  # "earlier this year", "the end of"
        else:
            break
    return start


def _adjectival(toks: list[Tok], j: int) -> bool:
    """Whether the expression ending before token ``j`` ends in a word marked ``!`` in the word
    list and a noun follows ("quarterly dividend", "future earnings")."""
    if not toks[j - 1].before_noun_not or j >= len(toks):
        return False
    after = toks[j]
    return after.cls == "OTHER" and after.text.isalpha() and after.text.islower()


@dataclass(slots=True)
class Found:
    expr: Expr
    kind: str
    value: str | None
    anchor: str | None


def find_dates(
    text: str,
    published: dt.date | None,
    *,
    tense: Callable[[int, int], Tense] | None = None,
    entities: Sequence[tuple[int, int, str]] = (),
) -> list[dict[str, Any]]:
    """Temporal expressions in ``text`` as date records (see the package doc).

    ``tense(start, end)`` says the tense of the clause around a span ("past", "future",
    "present" or None); ``entities`` are spaCy entities as ``(start, end, label)``."""
    toks = tokenize(text)
    chosen = _choose(toks, letters_of(toks, text), entities, Context(published, tense or _no_tense))
    ctx = Context(published, tense or _no_tense)
    found: list[Found] = []
    for expr in chosen:
        result = HANDLERS[expr.rule](expr, ctx)
        if result is None or result is REJECT:
            continue
        kind, value, anchor = result
        found.append(Found(expr, kind, value, anchor))
        if kind in ("DATE", "TIME") and anchor != "date" and is_calendar(value):
            ctx.ref = value  # what "a day later", "the following month" count from
    return [_record(text, f) for f in _relative_to_dates(found)]


def _no_tense(start: int, end: int) -> Tense:
    return None


def _choose(
    toks: list[Tok], letters: str, entities: Sequence[tuple[int, int, str]], probe: Context
) -> list[Expr]:
    """The expressions to keep, in text order: longest match first, then the earlier rule; a
    match its handler refuses gives way to shorter matches of the same rule inside it."""
    # letter position -> token index (the tokens before it: a break letter holds none)
    token_at = list(accumulate(map(BREAK.__ne__, letters), initial=0))
    token_at.pop()
    letter_of = [pos for pos, ch in enumerate(letters) if ch != BREAK]  # token index -> letter position
    rules = grammar().rules
    heap: list[tuple[int, int, int, int]] = []
    for order, (_, pattern) in enumerate(rules):
        for m in pattern.finditer(letters):
            i, j = token_at[m.start()], token_at[m.end() - 1] + 1
            heap.append((i - j, i, order, j))
    heapq.heapify(heap)
    date_ents = _Reach([(s, e) for s, e, label in entities if label in ("DATE", "TIME")])
    name_ents = _Reach([(s, e) for s, e, label in entities if label in _NAME_LABELS])
    taken = bytearray(len(toks))
    chosen: list[Expr] = []
    while heap:
        _, i, order, j = heapq.heappop(heap)
        name, pattern = rules[order]
        if any(taken[i:j]):
            continue
        while j - i > 1 and toks[j - 1].cls == "DOT" and toks[j - 2].text in FULL_MONTHS:
            j -= 1  # "in April." : the full stop ends the sentence
        cs, ce = toks[i].start, toks[j - 1].end
        in_date = date_ents.overlaps(cs, ce)
        named = not in_date and name_ents.covers(cs, ce)
        start = _prefix(toks, i, taken) if name != "reject" else i
        expr = Expr(name, toks, start, i, j, in_date)
        adjectival = _adjectival(toks, j) and toks[j - 2 if j > 1 else 0].cls != "THE"  # "the future is"
        if named or adjectival or HANDLERS[name](expr, probe) is None:
            for k in range(i + 1, j):  # shorter matches of this rule inside
                inner = pattern.match(letters, letter_of[k])
                if inner is not None and inner.end() > inner.start():
                    end = token_at[inner.end() - 1] + 1
                    heapq.heappush(heap, (k - end, k, order, end))
            continue
        taken[start:j] = b"\x01" * (j - start)
        chosen.append(expr)
    return sorted(chosen, key=lambda x: x.start)


class _Reach:
    """Character spans, sorted by start with the furthest end reached so far, to ask in a binary
    search whether one overlaps (or covers) a range instead of going through them all."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.ends = list(accumulate((e for _, e in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Some span has ``s < end and start < e``."""
        k = bisect_left(self.starts, end)  # the spans with s < end
        return k > 0 and self.ends[k - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """Some span has ``s <= start and end <= e``."""
        k = bisect_right(self.starts, start)  # the spans with s <= start
        return k > 0 and self.ends[k - 1] >= end


def _relative_to_dates(found: list[Found]) -> list[Found]:
    """Merge "two days after June 23" into one date; "two days after the meeting" stays a
    duration."""
    out: list[Found] = []
    by_token = {f.expr.start_tok: f for f in found}
    merged: set[int] = set()
    for f in found:
        if id(f) in merged:
            continue
        e = f.expr
        link = e.next
        target = by_token.get(e.j + 1)
        n, unit = _duration_parts(f.value or "")
        linked = f.kind == "DURATION" and link is not None and link.cls == "BEFAFT" and n > 0
        if linked and link and target is not None and is_calendar(target.value):
            moved = shift((target.value or "").split("T")[0], int(link.value) * n, unit)
            if moved is not None:
                joined = Expr("relative", e.all, e.start_tok, e.i, target.expr.j, False)
                out.append(Found(joined, "DATE", moved, "date"))
                merged.add(id(target))
                continue
        out.append(f)
    return out


def _duration_parts(value: str) -> tuple[int, str]:
    m = re.match(r"^P(\d+)(Y|M|W|D)$", value)
    return (int(m.group(1)), m.group(2)) if m else (0, "")


def _record(text: str, f: Found) -> dict[str, Any]:
    start, end = f.expr.start, f.expr.end
    value = f.value
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "type": f.kind,
        "value": value,
        "anchor": f.anchor if value is not None else None,
        "confidence": _confidence.confidence(f),
    }
