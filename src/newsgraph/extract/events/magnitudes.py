"""The magnitudes of events (dead, injured, abducted, arrested, displaced, missing, size): the counts
component's counts, each linked to the nearest event of a type it belongs to in its sentence; when
that component did not run, the number a casualty verb states ("killing 1,200 people")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from .. import plover
from ..numbers import parse_number
from .context import Context
from .drafts import Draft
from .syntax import lemma

#: Count kinds (counts component) -> PLOVER magnitude fields.
COUNT_FIELDS = {
    "killed": "dead",
    "wounded": "injured",
    "abducted": "abducted",
    "arrested": "arrested",
    "displaced": "displaced",
    "missing": "missing",
    "protesters": "size",
    "troops": "size",
}
#: Which count kinds belong to which event types (magnitudes).
_COUNT_TYPES = {
    "dead": ("ASSAULT", "COERCE", "PROTEST"),
    "injured": ("ASSAULT", "COERCE", "PROTEST"),
    "abducted": ("ASSAULT",),
    "arrested": ("COERCE", "ASSAULT", "PROTEST"),
    "displaced": ("ASSAULT", "COERCE", "SANCTION"),
    "missing": ("ASSAULT",),
    "size": ("PROTEST", "MOBILIZE"),
}


def count_in(token: Token) -> int | None:
    """The number counting a noun: "1,200 people", "some 250 others", "2.6 million people"."""
    words = [c for c in token.children if c.dep_ in ("nummod", "quantmod") or c.like_num]
    nums = [
        w for c in words for w in c.subtree if w.like_num or w.lower_ in ("million", "billion", "thousand")
    ]
    if token.like_num:
        nums.append(token)
    if not nums:
        return None
    nums.sort(key=lambda t: t.i)
    number = parse_number(" ".join(t.text for t in nums), loose=True)
    return number.value if number is not None else None


def casualty_counts(trigger: Token) -> dict[str, int]:
    """Magnitudes a casualty verb states with a number: "killing 1,200 people" -> dead 1200."""
    kind = plover.word_class("casualty").get(lemma(trigger))
    if kind is None:
        return {}
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "nsubj" and kind == "size"):
            value = count_in(child)
            if value is not None:
                return {kind: value}
    return {}


def magnitudes(ctx: Context, drafts: list[Draft], records: list[dict[str, Any]]) -> dict[int, list[int]]:
    """Counts that belong to an event (dead, injured, size, ...): from the counts component, or,
    without it, from casualty verbs ("killing 1,200 people"). Returns the count records linked
    to each event (by position): their positions in ``ctx.counts``, for their ``event`` field."""
    links: dict[int, list[int]] = {}
    if ctx.counts is None:
        for d, rec in zip(drafts, records, strict=True):
            for x in (d, *d.merged):
                for key, value in casualty_counts(x.trigger).items():
                    rec["magnitudes"].setdefault(key, value)
        return links
    for k, count in enumerate(ctx.counts):
        field_name = COUNT_FIELDS.get(count.kind or "")
        if field_name is None or count.value is None:
            continue
        best: tuple[int, int] | None = None
        for n, rec in enumerate(records):
            sent = rec["sentence"]
            if (
                not sent["start"] <= count.start < sent["end"]
                or rec["event_type"] not in _COUNT_TYPES[field_name]
            ):
                continue
            dist = abs(count.start - rec["start"])
            if best is None or dist < best[0]:
                best = (dist, n)
        if best is None:
            continue
        records[best[1]]["magnitudes"].setdefault(field_name, int(count.value))
        links.setdefault(best[1], []).append(k)
    return links
