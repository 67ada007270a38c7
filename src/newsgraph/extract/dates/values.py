"""TimeML values and calendar arithmetic: a date at a unit ("2024-W30", "2024-Q3"), a value
moved by some units at its own granularity, a duration ("P2Y"), a value cut to a coarser unit."""

from __future__ import annotations

import calendar
import datetime as dt
import re

#: A TimeML calendar value: a year, month, day, ISO week, quarter, half or season of a year.
TIMEX_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?$"
)


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months, its day cut to the end of a shorter month."""
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def week_of(d: dt.date) -> str:
    """The ISO week holding ``d``, as a TimeML value ("2024-W30")."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: dt.date) -> str:
    """The quarter holding ``d``, as a TimeML value ("2024-Q3")."""
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def at_unit(d: dt.date, unit: str) -> str | None:
    """The value of the ``unit`` (Y, M, W, D, Q, DE, CE) that holds ``d``."""
    return {
        "Y": f"{d.year}",
        "M": f"{d.year}-{d.month:02d}",
        "W": week_of(d),
        "D": d.isoformat(),
        "H": d.isoformat(),
        "MIN": d.isoformat(),
        "Q": quarter_of(d),
        "DE": f"{d.year // 10}",
        "CE": f"{d.year // 100}",
    }.get(unit)


def move(d: dt.date, n: int, unit: str) -> dt.date | None:
    """``d`` moved by ``n`` units (Y, M, W, D, Q, FN, DE, CE), or None for units finer than a day."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    if unit == "FN":
        return d + dt.timedelta(weeks=2 * n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    return add_months(d, n * months) if months else None


def shift(value: str, n: int, unit: str) -> str | None:
    """A TimeML date ``value`` moved by ``n`` units, kept at its own granularity ("1989-Q3" a
    year back is "1988-Q3"); None when the unit is finer than the value."""
    m = TIMEX_VALUE.match(value)
    if m is None:
        return None
    y = int(m.group("y"))
    if m.group("d"):
        d = move(dt.date(y, int(m.group("m")), int(m.group("d"))), n, unit)
        return d.isoformat() if d else None
    if m.group("m"):
        d = move(dt.date(y, int(m.group("m")), 1), n, unit) if unit in ("M", "Q", "Y", "DE") else None
        return f"{d.year}-{d.month:02d}" if d else None
    if m.group("w"):
        if unit not in ("W", "Y", "FN"):
            return None
        monday = dt.date.fromisocalendar(y, int(m.group("w")), 1)
        if unit == "Y":
            return f"{y + n}-W{m.group('w')}"
        return week_of(monday + dt.timedelta(weeks=n * (2 if unit == "FN" else 1)))
    if m.group("q"):
        if unit not in ("Q", "Y"):
            return None
        q = (y * 4 + int(m.group("q")) - 1) + (n if unit == "Q" else 4 * n)
        return f"{q // 4}-Q{q % 4 + 1}"
    if m.group("h") or m.group("s"):
        return f"{y + n}-{value[5:]}" if unit == "Y" else None
    return f"{y + n}" if unit == "Y" else f"{y + 10 * n}" if unit == "DE" else None


def duration(n: str, unit: str) -> str | None:
    """A TimeML duration: ("2", "Y") is "P2Y", ("X", "H") is "PTXH"."""
    if unit in ("H", "MIN", "S"):
        return f"PT{n}{'M' if unit == 'MIN' else unit}"
    if unit == "FN":
        return f"P{int(n) * 2 if n.isdigit() else n}W"
    if unit in ("Y", "M", "W", "D", "DE", "CE", "Q"):
        return f"P{n}{unit}"
    return None


def coarsen(value: str, unit: str) -> str:
    """``value`` cut to ``unit`` ("1989-10-26" at Y is "1989", at W "1989-W43")."""
    m = TIMEX_VALUE.match(value.split("T")[0])
    if m is None:
        return value
    if unit == "Y":
        return m.group("y")
    if m.group("d") and unit in ("M", "W", "Q"):
        d = dt.date.fromisoformat(value[:10])
        return {"M": value[:7], "W": week_of(d), "Q": quarter_of(d)}[unit]
    if m.group("m") and unit == "Q":
        return quarter_of(dt.date(int(m.group("y")), int(m.group("m")), 1))
    return value.split("T")[0]


def is_calendar(value: str | None) -> bool:
    """Whether ``value`` is a calendar date or time (not a duration, set or ``PAST_REF``)."""
    return value is not None and TIMEX_VALUE.match(value.split("T")[0]) is not None


def valid_day(year: int, month: int, day: int) -> bool:
    """Whether the day exists ("Feb. 30" does not)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
