"""Handlers of expressions that name a point of the calendar: ISO dates, "Oct. 7, 2024", "July
1988", a bare month or year, decades, clock times, weekdays, holidays, seasons, quarters and
halves. A part left out (the year of "Oct. 7", the week of "Saturday") comes from
:mod:`.resolve`."""

from __future__ import annotations

import re

from .expressions import Context, Expr, Result, handler
from .lexicon import FULL_MONTHS
from .resolve import clock_day, resolve_month_day, resolve_weekday, year_for
from .values import valid_day

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@handler("iso")
def _iso(e: Expr, ctx: Context) -> Result | None:
    text = e.toks[0].text
    if "-" in text:
        y, m, d = (int(p) for p in text.split("-"))
    else:
        m, d, y = (int(p) for p in text.split("/"))
        if y < 100:
            y += 2000 if y < 50 else 1900
    return ("DATE", f"{y:04d}-{m:02d}-{d:02d}", None) if valid_day(y, m, d) else None


@handler("full")
def _full(e: Expr, ctx: Context) -> Result | None:
    found = resolve_month_day(e, ctx)
    return ("DATE", found[0].isoformat(), None) if found and found[0] else None


@handler("month_day")
def _month_day(e: Expr, ctx: Context) -> Result | None:
    found = resolve_month_day(e, ctx)
    if found is None:
        return None
    day, anchor = found
    return "DATE", (day.isoformat() if day else None), anchor


@handler("month_year")
def _month_year(e: Expr, ctx: Context) -> Result | None:
    month = e.first("MONTH")
    assert month
    m = int(month.value)
    year = e.first("YEAR")
    if year is not None:
        return "DATE", f"{year.value}-{m:02d}", None
    rel, unit = e.first("REL"), e.first("UNIT")
    if rel is None or unit is None or unit.value != "Y" or rel.value not in ("-1", "0", "+1"):
        return None
    if ctx.anchor is None:
        return "DATE", None, None
    return "DATE", f"{ctx.anchor.year + int(rel.value)}-{m:02d}", "published"


@handler("month")
def _month(e: Expr, ctx: Context) -> Result | None:
    month = e.first("MONTH")
    assert month
    m = int(month.value)
    if e.has("EACH"):
        return "SET", f"XXXX-{m:02d}", None
    rel = e.first("REL")
    if rel is None and (not e.temporal_context or month.text.rstrip(".") not in FULL_MONTHS):
        return None
    if rel is not None and rel.value not in ("-1", "+1", "0"):
        return None
    a = ctx.anchor
    if a is None:
        return "DATE", None, None
    if rel is None:
        y = year_for(ctx, e, m, None) or a.year
    elif rel.value == "-1":
        y = a.year if m < a.month else a.year - 1
    elif rel.value == "+1":
        y = a.year if m > a.month else a.year + 1
    else:
        y = a.year
    return "DATE", f"{y}-{m:02d}", "published"


@handler("year")
def _year(e: Expr, ctx: Context) -> Result | None:
    year = e.first("YEAR", "NUM")
    assert year
    if not year.value.isdigit() or not 1000 <= int(year.value) <= 2099:
        return None
    if len(e.toks) == 1 and not e.temporal_context and " " not in year.text:
        return None  # "2000 people"; "nineteen ninety-six" is always a year
    unit = e.first("UNIT")
    if unit is not None and unit.value not in ("Y", "P"):
        return None
    return "DATE", year.value, None


@handler("decade")
def _decade(e: Expr, ctx: Context) -> Result | None:
    tok = e.toks[-1]
    if tok.value:  # "the nineties"
        return "DATE", tok.value, None
    digits = re.sub(r"\D", "", tok.text)
    if len(digits) == 4:
        return "DATE", digits[:3], None
    recent = 2000 + int(digits)  # "the '90s": the last such decade begun by the anchor
    start = recent if ctx.anchor is not None and recent <= ctx.anchor.year else recent - 100
    return "DATE", str(start // 10), None


@handler("clock")
def _clock_time(e: Expr, ctx: Context) -> Result | None:
    clock = e.first("CLOCK")
    assert clock
    if not clock.value:
        return None
    if (
        len(e.toks) == 1
        and not e.in_entity
        and not re.search(r"[ap]\.?m|noon|midnight|midday", clock.text, re.I)
    ):
        return None
    day, anchor = clock_day(e, ctx)
    return "TIME", (f"{day.isoformat()}T{clock.value}" if day else None), anchor if day else None


@handler("weekday")
def _weekday_date(e: Expr, ctx: Context) -> Result | None:
    weekday = e.first("WEEKDAY")
    assert weekday
    part = e.first("PART")
    part_code = f"T{part.value}" if part else ""
    if e.has("EACH") or (part is not None and part.low.endswith("s")):
        return "SET", f"XXXX-WXX-{weekday.value}{part_code}", None
    rel = e.first("REL")
    if (rel is not None and rel.value in ("L", "0R")) or (e.has("THE") and rel is None):
        return None
    day, anchor = resolve_weekday(ctx, e, int(weekday.value), rel.value if rel else None)
    kind = "TIME" if part else "DATE"
    return kind, (f"{day.isoformat()}{part_code}" if day else None), anchor if day else None


@handler("weekdays")
def _weekdays(e: Expr, ctx: Context) -> Result | None:
    weekday, part = e.first("WEEKDAYS"), e.first("PART")
    assert weekday
    return "SET", f"XXXX-WXX-{weekday.value}" + (f"T{part.value}" if part else ""), None


@handler("holiday")
def _holiday(e: Expr, ctx: Context) -> Result | None:
    holiday = e.first("HOLIDAY")
    assert holiday
    m, d = (int(p) for p in holiday.value.split("-"))
    year, rel = e.first("YEAR"), e.first("REL")
    if year is not None:
        return "DATE", f"{year.value}-{m:02d}-{d:02d}", None
    a = ctx.anchor
    if a is None:
        return "DATE", None, None
    if rel is not None and rel.value == "-1":
        y = a.year if (m, d) < (a.month, a.day) else a.year - 1
    elif rel is not None and rel.value == "+1":
        y = a.year if (m, d) > (a.month, a.day) else a.year + 1
    else:
        y = year_for(ctx, e, m, d) or a.year
    return "DATE", f"{y}-{m:02d}-{d:02d}", "published"


@handler("season")
def _season(e: Expr, ctx: Context) -> Result | None:
    season = e.first("SEASON")
    assert season
    year, rel = e.first("YEAR"), e.first("REL")
    code = season.value
    if year is not None:
        return "DATE", f"{year.value}-{code}", None
    if rel is None and not e.has("THE") and (season.low == "fall" or not e.temporal_context):
        return None
    if season.low == "fall" and rel is None and not e.in_entity:
        return None  # "the fall of Kabul"
    if rel is not None and rel.value not in ("-1", "0", "+1"):
        return None
    a = ctx.anchor
    if a is None:
        return "DATE", None, None
    start = _SEASON_START[code]
    if rel is not None and rel.value == "-1":
        y = a.year if start + 3 <= a.month else a.year - 1
    elif rel is not None and rel.value == "+1":
        y = a.year if start > a.month else a.year + 1
    elif rel is None:
        y = year_for(ctx, e, start, None) or a.year
    else:
        y = a.year
    return "DATE", f"{y}-{code}", "published"


@handler("quarter")
def _quarter_date(e: Expr, ctx: Context) -> Result | None:
    ordinal, units = e.first("ORD", "QTOKEN") or e.first("REL"), e.units()
    assert ordinal
    if ordinal.cls == "REL" and ordinal.low not in ("last", "final"):
        return None
    n = -1 if ordinal.cls == "REL" else int(ordinal.value)
    code = "Q" if ordinal.cls == "QTOKEN" else units[-1].value if units else ""
    if code == "CE":
        return ("DATE", f"{n - 1:02d}", None) if n > 0 else None
    size = {"Q": 4, "H2": 2}.get(code)
    if size is None or (units and units[-1].low.endswith("s")):
        return None
    n = size if n == -1 else n
    if not 1 <= n <= size:
        return None
    letter = "Q" if code == "Q" else "H"
    year = e.first("YEAR")
    if year is not None:
        return "DATE", f"{year.value}-{letter}{n}", None
    rel = e.first("REL")
    a = ctx.anchor
    if a is None:
        return "DATE", None, None
    y = a.year + (int(rel.value) if rel and rel is not ordinal and rel.value in ("-1", "0", "+1") else 0)
    first_month = (n - 1) * (12 // size) + 1
    if (rel is None or rel is ordinal) and first_month > a.month and ctx.tense_of(e) == "past":
        y -= 1
    return "DATE", f"{y}-{letter}{n}", "published"
