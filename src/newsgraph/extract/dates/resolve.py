"""Days, months, years and units named without their year or week, resolved against the
publication date or the date the text last named: the year of "Oct. 7" by the clause's tense, the
date of "on Saturday", the day of "5 p.m.", "the quarter", "this year"."""

from __future__ import annotations

import datetime as dt
import re

from .expressions import PAST_SLACK_DAYS, PAST_SLACK_MONTHS, Context, Expr
from .tense import Tense
from .values import TIMEX_VALUE, add_months, at_unit, coarsen, quarter_of, valid_day


def _pick(candidates: list[int], now: int, tense: Tense, forward: bool, slack: int) -> int:
    """Of candidate positions (days or months), the one a clause in ``tense`` means: the next one
    not before ``now`` (future), the last one not after ``now + slack`` (past), else the nearest,
    a later one counting twice as far (news looks back more than ahead)."""
    if tense == "future":
        return min((c for c in candidates if c >= now), default=candidates[-1])
    if tense == "past" and not forward:
        return max((c for c in candidates if c <= now + slack), default=candidates[0])
    return min(candidates, key=lambda c: now - c if c <= now else 2 * (c - now))


def year_for(ctx: Context, e: Expr, month: int, day: int | None) -> int | None:
    """The year of a month (and day) named without one, by the tense of its clause."""
    a = ctx.anchor
    if a is None:
        return None
    years = [a.year - 1, a.year, a.year + 1]
    if day is None:
        months = [y * 12 + month - 1 for y in years]
        return _pick(months, a.year * 12 + a.month - 1, ctx.tense_of(e), e.forward, PAST_SLACK_MONTHS) // 12
    days = {dt.date(y, month, day).toordinal(): y for y in years if valid_day(y, month, day)}
    if not days:
        return None
    return days[_pick(sorted(days), a.toordinal(), ctx.tense_of(e), e.forward, PAST_SLACK_DAYS)]


def resolve_weekday(
    ctx: Context, e: Expr, iso_day: int, rel: str | None
) -> tuple[dt.date | None, str | None]:
    """The date of a weekday, and what it was resolved against."""
    base, anchor = ctx.anchor, "published"
    if rel is not None and rel.endswith("R"):
        base, anchor = ctx.ref_day() or ctx.anchor, "date" if ctx.ref_day() else "published"
    if base is None:
        return None, None
    ahead = (iso_day - base.isoweekday()) % 7
    back = (base.isoweekday() - iso_day) % 7
    if rel in ("-1", "-1R"):
        return base - dt.timedelta(days=back or 7), anchor
    if rel in ("+1", "+1R"):
        return base + dt.timedelta(days=ahead or 7), anchor
    if rel == "0":
        return base + dt.timedelta(days=iso_day - base.isoweekday()), anchor
    tense = ctx.tense_of(e)
    if tense == "future" or (e.forward and tense != "past") or (tense == "present" and ahead < back):
        return base + dt.timedelta(days=ahead), anchor
    return base - dt.timedelta(days=back), anchor


def resolve_month_day(e: Expr, ctx: Context) -> tuple[dt.date | None, str | None] | None:
    """The day of a month and day, with or without a year (None: no such day). A weekday named
    with it picks the year: "Saturday, April 25"."""
    month, day, year = e.first("MONTH"), e.first("DAY", "ORD"), e.first("YEAR")
    if month is None or day is None:
        return None
    m, d = int(month.value), int(day.value)
    if year is not None:
        return (dt.date(int(year.value), m, d), None) if valid_day(int(year.value), m, d) else None
    if not valid_day(2000, m, d):
        return None
    weekday = e.first("WEEKDAY")
    if ctx.anchor is None:
        return None, None
    if weekday is not None:
        years = [ctx.anchor.year + k for k in (0, -1, 1)]
        match = [
            y for y in years if valid_day(y, m, d) and dt.date(y, m, d).isoweekday() == int(weekday.value)
        ]
        if match:
            return dt.date(match[0], m, d), "published"
    y = year_for(ctx, e, m, d)
    return (dt.date(y, m, d), "published") if y is not None else (None, None)


def clock_day(e: Expr, ctx: Context) -> tuple[dt.date | None, str | None]:
    """The day a clock time belongs to, and what it was resolved against."""
    weekday, ref = e.first("WEEKDAY"), e.first("REF")
    found = resolve_month_day(e, ctx)
    if found is not None:
        return found
    if weekday is not None:
        rel = e.first("REL")
        return resolve_weekday(ctx, e, int(weekday.value), rel.value if rel else None)
    if ref is not None and ref.value[:1] in "+-":
        days = int(ref.value.split()[0][:-1])
        return (ctx.anchor + dt.timedelta(days=days) if ctx.anchor else None), "published"
    return ctx.anchor, "published"


def latest_quarter(ctx: Context, *, use_ref: bool = True) -> tuple[str | None, str | None]:
    """The quarter "the quarter" means: the one the text last named, else the last one finished
    before the anchor ("the latest quarter" always the latter)."""
    if use_ref and ctx.ref is not None and re.match(r"^\d{4}-Q\d$", ctx.ref):
        return ctx.ref, "date"
    if ctx.anchor is None:
        return None, None
    return quarter_of(add_months(ctx.anchor, -3)), "published"


def this_unit(ctx: Context, code: str, *, ref: bool = False) -> tuple[str | None, str | None]:
    """The ``code`` unit (Y, M, W, D, Q) holding the text's last date (``ref``) or the anchor."""
    if ref and ctx.ref is not None:
        value = coarsen(ctx.ref, code)
        if TIMEX_VALUE.match(value) and len(value) <= len(ctx.ref):
            return value, "date"
    if ctx.anchor is None:
        return None, None
    return at_unit(ctx.anchor, code), "published"
