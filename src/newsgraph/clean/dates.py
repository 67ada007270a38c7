"""Publication dates found in an article's own text.

Scraped dumps rarely carry metadata, but their photo captions and datelines often hold a full
date ("Vientiane, Laos, July 27, 2024") and the body names the weekday of the news ("on
Saturday"). A caption date is taken when the body's weekday agrees with it (or falls one or two
days after it, when the photo was taken the day before); a dateline date is taken as it is."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

from ..months import MONTHS

_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MDY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_DMY = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_WEEKDAY = re.compile(r"\b(?P<day>" + "|".join(_WEEKDAYS) + r")\b(?:['’]s)?", re.I)


def find_full_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Dates with day, month and year in ``text``, as ``(date, start, end)``, in text order."""
    found: list[tuple[dt.date, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_MDY, _DMY, _ISO):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            month_text = m.group("month")
            month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
            try:
                date = dt.date(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                continue
            found.append((date, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda item: item[1])


def weekday_mentions(text: str) -> Counter[int]:
    """How often each weekday (Monday = 0) is named in ``text``."""
    return Counter(_WEEKDAYS[m.group("day").lower()] for m in _WEEKDAY.finditer(text))


def infer_published(
    *, datelines: Iterable[str] = (), captions: Iterable[str] = (), body: str = ""
) -> dt.date | None:
    """The publication date the text itself supports, or None when it supports none."""
    for line in datelines:
        dates = find_full_dates(line)
        if dates:
            return dates[0][0]
    caption_dates = sorted({d for c in captions for d, _, _ in find_full_dates(c)}, reverse=True)
    if not caption_dates:
        return None
    weekdays = weekday_mentions(body)
    if not weekdays:
        return None
    top = weekdays.most_common()
    best = top[0][1]
    named = [day for day, n in top if n == best]
    for date in caption_dates:  # newest first
        for shift in range(0, 3):
            candidate = date + dt.timedelta(days=shift)
            if candidate.weekday() in named:
                return candidate
    return None
