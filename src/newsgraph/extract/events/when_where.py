"""When and where an event happened: the date expression in the event's own words nearest its
trigger (from the dates component, or spaCy's DATE entities read here when it did not run), else
the article date; the place named after a locative preposition there (from the places component,
or the entities)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Token

from ...months import month_by_prefix
from ..facts import PlaceFact
from .context import Context

_LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "off", "along", "into"}
)
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_WEEKDAYS = {d: n for n, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
#: Prepositions whose date is not the event's date ("since June 23", "until Friday").
_NOT_WHEN = frozenset(
    {"since", "until", "till", "before", "after", "by", "from", "through", "ahead", "following"}
)


def _when_ok(root: Token) -> bool:
    head = root.head if root.dep_ == "pobj" else None
    return head is None or head.lower_ not in _NOT_WHEN


def event_date(ctx: Context, scope: set[int], anchor: Token, trigger: Token) -> tuple[str | None, str | None]:
    """(date, date_text): the date expression in the event's own words (``scope``, token indexes)
    nearest the trigger, else the article date; null when neither. A clause hanging on a date
    ("June 23, when Blinken visited Beijing") takes that date."""
    doc = ctx.doc
    candidates: list[tuple[int, str | None, str]] = []
    hung = anchor.head.i if anchor.dep_ == "relcl" and anchor.head.ent_type_ == "DATE" else -1
    if hung >= 0:
        scope = scope | {hung}
    if ctx.dates is not None:
        for rec, root in ctx.date_roots():
            if root.i not in scope or (root.i != hung and not _when_ok(root)):
                continue
            candidates.append((abs(root.i - trigger.i), _to_date(rec.value, ctx), rec.text))
    else:
        for ent in doc.ents:
            if ent.label_ != "DATE" or ent.root.i not in scope:
                continue
            if ent.root.i != hung and not _when_ok(ent.root):
                continue
            candidates.append((abs(ent.root.i - trigger.i), _guess_date(ent.text, ctx.published), ent.text))
    if candidates:
        _, value, text = min(candidates, key=lambda c: c[0])
        return value, text
    return (ctx.published.isoformat() if ctx.published else None), None


def _to_date(value: Any, ctx: Context) -> str | None:
    """A TimeML value as an ISO date: full dates as they are; a month, year or week holding the
    article date gives the article date; anything else None."""
    if not isinstance(value, str):
        return None
    if _FULL_DATE.match(value):
        return value[:10]
    if ctx.published is None:
        return None
    pub = ctx.published.isoformat()
    week = _WEEK.match(value)
    if week:
        year, number, _ = ctx.published.isocalendar()
        return pub if (year, number) == (int(week.group(1)), int(week.group(2))) else None
    if re.match(r"^\d{4}(-\d{2})?$", value) and pub.startswith(value):
        return pub
    return None


def _guess_date(text: str, published: dt.date | None) -> str | None:
    """A date for a spaCy DATE entity when no dates component ran: a weekday (the last one on or
    before the article date), "today", "yesterday", or "Month Day" (the last one on or before the
    article date unless a year is given)."""
    if published is None:
        return None
    pub = published
    words = re.findall(r"[a-z]+|\d+", text.lower())
    if not words:
        return None
    if "today" in words or "tonight" in words:
        return pub.isoformat()
    if "yesterday" in words:
        return (pub - dt.timedelta(days=1)).isoformat()
    for word in words:
        if word in _WEEKDAYS and len(words) <= 2:
            return (pub - dt.timedelta(days=(pub.weekday() - _WEEKDAYS[word]) % 7)).isoformat()
    month = next((m for w in words if w.isalpha() and (m := month_by_prefix(w)) is not None), None)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31), None)
    years = [int(w) for w in words if w.isdigit() and len(w) == 4]
    if month is None or day is None:
        return None
    try:
        date = dt.date(years[0] if years else pub.year, month, day)
    except ValueError:
        return None
    if date > pub and not years:
        try:
            date = date.replace(year=date.year - 1)
        except ValueError:
            return None
    return date.isoformat()


def event_location(
    ctx: Context, scope: set[int], anchor: Token, material: bool, taken: list[tuple[int, int]]
) -> dict[str, Any] | None:
    """The place of the event: a place named after a locative preposition in the event's own words
    ("in Laos", "at the Second Thomas Shoal"), nearest the trigger; for material events also any
    other place there (not an actor: "attacked Israel" happened in Israel)."""
    best: tuple[int, int, PlaceFact] | None = None
    for place, root in ctx.place_roots():
        if root.i not in scope or any(s <= place.start < e for s, e in taken):
            continue
        if _described(root, anchor):
            continue
        prep = root.head if root.dep_ == "pobj" else None
        locative = prep is not None and prep.lower_ in _LOCATIVE
        if not locative and not material:
            continue
        rank = (0 if locative else 1, abs(root.i - anchor.i))
        if best is None or rank < best[:2]:
            best = (*rank, place)
    if best is None:
        return None
    place = best[2]
    return {
        "text": place.text,
        "start": place.start,
        "end": place.end,
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "feature": place.feature,
    }


def _described(root: Token, anchor: Token) -> bool:
    """A place inside an apposition says who someone is, not where the event happened:
    "Petraeus, a top general in the conflicts in Iraq, was sentenced" (not in Iraq)."""
    for tok in (root, *root.ancestors):
        if tok.i == anchor.i:
            return False
        if tok.dep_ == "appos":
            return True
    return False
