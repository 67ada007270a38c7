"""Handlers of expressions relative to the publication date or to the date the text last named
("yesterday", "this morning", "last week", "the quarter", "year-end", "two days ago", "a year
earlier", "the year-ago quarter"), and of durations ("two years") and sets ("daily", "a year")."""

from __future__ import annotations

import datetime as dt
import re

from .expressions import Context, Expr, Result, handler
from .resolve import latest_quarter, this_unit
from .tokens import plain_number
from .values import at_unit, coarsen, duration, move, shift, week_of


@handler("ref")
def _ref(e: Expr, ctx: Context) -> Result | None:
    ref = e.first("REF")
    assert ref
    part = e.first("PART")
    if e.has("THE") and ref.low not in ("future", "present"):
        return None
    if ref.low == "present" and not e.has("THE") and (e.prev is None or e.prev.low != "at"):
        return None
    if ref.value.endswith("_REF"):
        return ("DATE", ref.value, None) if part is None else None
    days, _, ref_part = ref.value.partition(" ")
    part_code = part.value if part else ref_part
    kind = "TIME" if part_code else "DATE"
    if ctx.anchor is None:
        return kind, None, None
    day = ctx.anchor + dt.timedelta(days=int(days[:-1]))
    return kind, day.isoformat() + (f"T{part_code}" if part_code else ""), "published"


@handler("part")
def _part(e: Expr, ctx: Context) -> Result | None:
    rel, part = e.first("REL"), e.first("PART")
    assert part
    if part.low.endswith("s"):
        return None
    if rel is None:  # "the morning", "mid-afternoon": of the day the text is on
        base, anchor = (ctx.ref_day(), "date") if ctx.ref_day() else (ctx.anchor, "published")
        if (e.has("THE") and ctx.ref_day() is None) or not (
            e.has("THE") or any(t.cls == "MOD" for t in e.prefix)
        ):
            return None
        return "TIME", (f"{base.isoformat()}T{part.value}" if base else None), anchor if base else None
    if rel.value.endswith("R"):
        base = ctx.ref_day()
        if base is None:
            return "TIME", None, None
        step = {"+": 1, "-": -1}.get(rel.value[0], 0)
        return "TIME", f"{(base + dt.timedelta(days=step)).isoformat()}T{part.value}", "date"
    if rel.value not in ("-1", "0", "+1") or rel.low == "past":
        return None
    if ctx.anchor is None:
        return "TIME", None, None
    day = ctx.anchor + dt.timedelta(days=int(rel.value))
    return "TIME", f"{day.isoformat()}T{part.value}", "published"


@handler("rel_alone")
def _rel_alone(e: Expr, ctx: Context) -> Result | None:
    rel = e.first("REL")
    assert rel
    if rel.low == "past" and e.has("THE"):
        return "DATE", "PAST_REF", None
    if rel.low == "current" and not e.has("THE"):
        return "DATE", "PRESENT_REF", None
    return None


@handler("rel_unit")
def _rel_unit(e: Expr, ctx: Context) -> Result | None:
    rel, unit = e.first("REL"), e.first("UNIT", "WEEKEND")
    assert rel and unit
    code = unit.value
    if unit.low.endswith("s") or unit.low == "centuries":  # "the coming months"
        if rel.value in ("0", "0R", "L"):
            return None
        value = duration("X", code)
        return ("DURATION", value, None) if value else None
    if unit.cls == "WEEKEND":
        if rel.value not in ("-1", "0", "+1"):
            return None
        if ctx.anchor is None:
            return "DATE", None, None
        return "DATE", week_of(ctx.anchor + dt.timedelta(weeks=int(rel.value))) + "-WE", "published"
    if code in ("Q", "P") and rel.value == "L":  # "the latest quarter"
        value, anchor = latest_quarter(ctx, use_ref=False)
        return "DATE", value, anchor
    if code == "P":  # "the same period", "the previous period": the text's last period
        if ctx.ref is None or not rel.value.endswith("R"):
            return None
        step = -1 if rel.value.startswith("-") else 0
        moved = shift(ctx.ref, step, "Q" if "-Q" in ctx.ref else "Y") if step else ctx.ref
        return "DATE", moved, "date"
    if code not in ("Y", "M", "W", "D", "Q", "DE", "CE", "FN"):
        return None
    if rel.value.endswith("R") or (rel.low == "next" and e.has("THE") and code == "D"):
        n = {"+": 1, "-": -1}.get(rel.value[0], 0)
        base, anchor = this_unit(ctx, code, ref=True)
        moved = shift(base, n, code) if base else None
        return "DATE", moved, anchor if moved else None
    if rel.value not in ("-1", "0", "+1"):
        return None
    if ctx.anchor is None:
        return "DATE", None, None
    day = move(ctx.anchor, int(rel.value), code)
    return "DATE", (at_unit(day, code) if day else None), "published"


@handler("the_unit")
def _the_unit(e: Expr, ctx: Context) -> Result | None:
    """ "the quarter", "the year", "the end of the month", "the fiscal year": the unit the text is
    in, when spaCy saw a date there or a modifier says so."""
    unit = e.first("UNIT")
    assert unit
    code = unit.value
    if unit.low.endswith("s") or unit.low == "centuries":
        return None
    if code in ("Q", "P"):
        value, anchor = latest_quarter(ctx)
        return "DATE", value, anchor
    if not (e.in_entity or e.prefix or e.has("FISCAL") or e.has("ADJ")) or code not in ("Y", "M", "W", "D"):
        return None
    if e.next is not None and e.next.cls == "ENDED" and code == "Y":
        return "DURATION", "P1Y", None  # "the year ended Aug. 31": a fiscal year
    value, anchor = this_unit(ctx, code, ref=code == "D")
    return "DATE", value, anchor


@handler("unit_end")
def _unit_end(e: Expr, ctx: Context) -> Result | None:
    """ "year-end", "year's end", "month end"."""
    unit, mod = e.first("UNIT"), e.first("MOD")
    assert unit and mod
    if mod.low != "end" or unit.value not in ("Y", "M", "Q", "W"):
        return None
    value, anchor = this_unit(ctx, unit.value)
    return "DATE", value, anchor


@handler("weekend")
def _weekend(e: Expr, ctx: Context) -> Result | None:
    a = ctx.anchor
    if a is None:
        return "DATE", None, None
    if ctx.tense_of(e) in ("future", "present") or e.forward or a.isoweekday() >= 6:
        return "DATE", week_of(a) + "-WE", "published"
    return "DATE", week_of(a - dt.timedelta(weeks=1)) + "-WE", "published"


def _quantity(e: Expr) -> str | None:
    """The number of a quantity ("two", "2.5", "a": 1, "several": X), or None."""
    for t in e.toks:
        if t.cls in ("NUM", "DAY"):
            return plain_number(t.value or t.text)
        if t.cls == "FEW":
            return t.value
        if t.cls == "A":
            return "1"
    return None


def _is_rate(e: Expr) -> bool:
    """ "$5 million a year", "four flights a week": a number shortly before "a <unit>"."""
    before = e.all[max(0, e.start_tok - 3) : e.start_tok]
    return any(t.cls in ("RATE", "NUM", "DAY") for t in before)


_DURATION_RELS = frozenset({"past", "last", "next", "coming", "previous", "following", "upcoming", "prior"})


@handler("duration")
def _duration(e: Expr, ctx: Context) -> Result | None:
    unit = e.units()[-1]
    plural = unit.low.endswith("s") or unit.low == "centuries"
    rel = e.first("REL")
    if rel is not None and rel.low not in _DURATION_RELS:
        return None
    if unit.value == "Q" and e.next is not None and e.next.cls == "OF":
        return None  # "three-quarters of its food"
    n = _quantity(e)
    if n is None:
        ref = e.first("REF")
        if ref is not None:
            ok = ref.low == "recent" and plural
            return ("DURATION", duration("X", unit.value), None) if ok and duration("X", unit.value) else None
        if not plural or not e.temporal_context:
            return None
        n = "X"
    value = duration(n, unit.value)
    if value is None:
        return None
    if e.has("A") and len(e.toks) == 2 and _is_rate(e):
        return "SET", value, None
    return "DURATION", value, None


_SHIFT_UNITS = frozenset({"Y", "M", "W", "D", "Q", "H", "MIN", "S", "DE", "CE", "FN"})


@handler("ago")
def _ago(e: Expr, ctx: Context) -> Result | None:
    unit, direction = e.first("UNIT"), e.first("AGO")
    assert unit and direction
    if unit.value not in _SHIFT_UNITS:
        return None
    sign = int(direction.value)
    n = _quantity(e)
    if n is None or n == "X":
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if not n.isdigit():
        return None
    if unit.value == "Y" and n == "1" and ctx.ref is not None and re.match(r"^\d{4}-[QH]\d$", ctx.ref):
        return "DATE", shift(ctx.ref, sign, "Y"), "date"  # "a year ago", said of a quarter
    if ctx.anchor is None:
        return "DATE", None, None
    moved = move(ctx.anchor, sign * int(n), unit.value)
    if moved is None:  # hours, minutes: the day
        return "DATE", ctx.anchor.isoformat(), "published"
    return "DATE", at_unit(moved, unit.value), "published"


@handler("shift")
def _shift(e: Expr, ctx: Context) -> Result | None:
    unit, direction = e.first("UNIT"), e.first("SHIFT")
    assert unit and direction
    if unit.value not in _SHIFT_UNITS:
        return None
    sign = int(direction.value)
    n = _quantity(e)
    if n is None or n == "X":
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if not n.isdigit():
        return None
    if ctx.ref is not None:
        base = ctx.ref.split("T")[0]
        if unit.value == "Y" and not re.match(r"^\d{4}-[QH]\d$", base):
            base = base[:4]  # "a year earlier": the year, unless the text speaks of quarters
        moved = shift(base, sign * int(n), unit.value)
        if moved is not None:
            return "DATE", moved, "date"
    if ctx.anchor is None:
        return "DATE", None, None
    day = move(ctx.anchor, sign * int(n), unit.value)
    return "DATE", (at_unit(day, unit.value) if day else None), "published" if day else None


@handler("compare")
def _compare(e: Expr, ctx: Context) -> Result | None:
    """ "year-earlier", "the year-ago quarter", "the year-earlier nine months"."""
    units = e.units()
    if units[0].low != "year":
        return None
    n = _quantity(e)
    if n is not None and len(units) > 1:
        value = duration(n, units[-1].value)
        return ("DURATION", value, None) if value else None
    base, anchor = ctx.ref.split("T")[0] if ctx.ref else None, "date"
    if base is not None and len(units) > 1 and units[-1].value == "Q":
        base = coarsen(base, "Q")  # "the year-ago quarter"
    if base is not None and not re.match(r"^\d{4}-[QH]\d$", base):
        base = base[:4]
    if base is None:
        if ctx.anchor is None:
            return "DATE", None, None
        base, anchor = str(ctx.anchor.year), "published"
    ordinal = e.first("ORD")
    if ordinal is not None and units[-1].value == "Q" and ordinal.value in "1234":
        return "DATE", f"{int(base[:4]) - 1}-Q{ordinal.value}", anchor
    return "DATE", shift(base, -1, "Y"), anchor


@handler("set")
def _set(e: Expr, ctx: Context) -> Result | None:
    word = e.first("SETWORD")
    if word is not None:
        return "SET", word.value, None
    part = e.first("PART")
    if part is not None:
        return "SET", f"XXXX-XX-XXT{part.value}", None
    unit = e.first("UNIT", "WEEKEND")
    assert unit
    if unit.cls == "WEEKEND":
        return "SET", "XXXX-WXX-WE", None
    value = duration("1", unit.value)
    return ("SET", value, None) if value else None
