"""The English month names newsgraph reads: full names, the abbreviations news writes ("Sept"
too), and their numbers (January = 1). One table for the cleaner's dates, the dates component
and the event arguments."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: Full names, lower case, January first.
FULL_NAMES: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

#: Abbreviations, lower case, without the dot: the first three letters of each name, and "sept".
ABBREVIATIONS: Mapping[str, int] = MappingProxyType(
    {name[:3]: n for n, name in enumerate(FULL_NAMES, 1)} | {"sept": 9}
)

#: Every name and abbreviation, lower case -> month number; abbreviations first within a month
#: ("jan", "january", ..., "sep", "sept", "september", ...).
MONTHS: Mapping[str, int] = MappingProxyType(
    {
        word: n
        for n, name in enumerate(FULL_NAMES, 1)
        for word in sorted({w for w, m in ABBREVIATIONS.items() if m == n} | {name}, key=len)
    }
)


def month_number(word: str) -> int | None:
    """The number of a month name or abbreviation, any case, a trailing dot allowed ("Sept." is
    9); None for any other word."""
    return MONTHS.get(word.lower().removesuffix("."))


def month_by_prefix(word: str) -> int | None:
    """The month whose three-letter abbreviation ``word`` starts with, any case ("dec" and
    "December" are 12, so is "decided"); None otherwise."""
    return ABBREVIATIONS.get(word[:3].lower())
