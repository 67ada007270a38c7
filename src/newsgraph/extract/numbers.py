"""Reading a number written in digits and words: the one number parser of the extractors.

``parse_number`` reads "1,200", "2.6 million", "twenty-five", "half a million", "1.2m" and the
vague "dozens"; its words (units, scales, suffixes written onto digits, leads such as "a" and
"half", vague plurals) are the table ``data/counts_numbers.tsv``. The counts component reads its
number expressions with it (:func:`newsgraph.extract.counts.parse_number` adds the currency
symbols), the event extractor the numbers of casualty verbs when the counts component did not run
(``loose``, see :func:`parse_number`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import NamedTuple

from ..tables import data_rows

#: The table of number words.
TABLE = ("newsgraph.extract", "counts_numbers.tsv")

#: Digits, with thousands separators, decimals and a suffix ("1,200", "2.6", "480bn").
_DIGIT_PART = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]*)")
#: Digits as the loose reading takes them (any commas, no suffix).
_LOOSE_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
#: The scales the loose reading knows.
_LOOSE_SCALES = frozenset({"hundred", "thousand", "million", "billion"})


@dataclass(frozen=True, slots=True)
class NumberWords:
    """The rows of ``counts_numbers.tsv`` by class."""

    units: dict[str, int]
    scales: dict[str, int]
    suffixes: dict[str, int]
    leads: dict[str, Decimal]
    vague: frozenset[str]
    few: frozenset[str]
    #: any vague or "few" word ("dozens", "several")
    vague_re: re.Pattern[str]


def _alt(words: frozenset[str]) -> str:
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@cache
def number_words() -> NumberWords:
    """The number words, read once."""
    units: dict[str, int] = {}
    scales: dict[str, int] = {}
    suffixes: dict[str, int] = {}
    leads: dict[str, Decimal] = {}
    vague: set[str] = set()
    few: set[str] = set()
    for word, value, cls in data_rows(*TABLE, strip=True):
        if cls == "unit":
            units[word] = int(value)
        elif cls == "scale":
            scales[word] = int(value)
        elif cls == "suffix":
            suffixes[word] = int(value)
        elif cls == "lead":
            leads[word] = Decimal(value)
        elif cls == "vague":
            vague.add(word)
        elif cls == "few":
            few.add(word)
    return NumberWords(
        units=units,
        scales=scales,
        suffixes=suffixes,
        leads=leads,
        vague=frozenset(vague),
        few=frozenset(few),
        vague_re=re.compile(rf"\b(?:{_alt(frozenset(vague | few))})\b", re.IGNORECASE),
    )


class Number(NamedTuple):
    """A parsed number: ``value`` rounded to an integer, ``amount`` exact; both None when vague."""

    value: int | None
    amount: Decimal | None
    vague: bool = False


def round_half_up(amount: Decimal) -> int:
    """``amount`` rounded to an integer, halves up ("0.5" -> 1)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_number(text: str, *, loose: bool = False) -> Number | None:
    """Read a number expression: "2.6 million" -> 2600000, "1,200" -> 1200, "twenty-five" -> 25,
    "half a million" -> 500000, "1.2m" -> 1200000, "dozens" -> vague. None when ``text`` is no
    number ("nineteen ninety", "12 two", "member").

    ``loose`` reads any words as the event extractor's fallback always has: words it does not know
    are skipped ("some 250" -> 250), digits replace what came before ("10 20" -> 20), number words
    add up ("one five" -> 6), a scale (hundred to billion) multiplies everything before it, and the
    value is rounded half to even; vague words, leads and suffixes are not read (None)."""
    words = text.lower().replace("-", " ").split()
    return _loose(words) if loose else _strict(text, words)


def _strict(text: str, parts: list[str]) -> Number | None:
    table = number_words()
    if not parts:
        return None
    if table.vague_re.search(text) and not any(_DIGIT_PART.fullmatch(p) for p in parts):
        return Number(None, None, True)
    total = Decimal(0)
    current: Decimal | None = None
    last = ""  # what came before: "digits", "unit" (1-19), "tens" (20-90), "scale", "lead"
    for part in parts:
        if part in ("and", "of"):
            continue
        if m := _DIGIT_PART.fullmatch(part):
            digits, frac, suffix = m.groups()
            if (suffix and suffix not in table.suffixes) or last in ("digits", "unit", "tens"):
                return None
            current = Decimal(digits.replace(",", "") + (frac or ""))
            last = "digits"
            if suffix:
                total += current * table.suffixes[suffix]
                current, last = None, "scale"
        elif part in table.units:
            value = table.units[part]
            # "twenty-five" and "two hundred and thirty" add up; "nineteen ninety" or "one five" do not
            if not (current is None or last == "scale" or (last == "tens" and value < 10)):
                return None
            current = (current or Decimal(0)) + value
            last = "tens" if value >= 20 and value % 10 == 0 else "unit"
        elif part in table.leads:
            if current is None:
                current = table.leads[part]
            last = "lead"
        elif part in table.scales:
            scale = table.scales[part]
            base = current if current is not None else Decimal(1)
            if scale < 1000:
                current = base * scale
            else:
                total += base * scale
                current = None
            last = "scale"
        else:
            return None
    if not last:
        return None
    amount = total + (current or Decimal(0))
    return Number(round_half_up(amount), amount)


def _loose(words: list[str]) -> Number | None:
    table = number_words()
    value: float | None = None
    for word in words:
        if _LOOSE_DIGITS.match(word):
            value = float(word.replace(",", ""))
        elif word in table.units:
            value = (value or 0) + table.units[word]
        elif word in _LOOSE_SCALES and value is not None:
            value *= table.scales[word]
    return Number(round(value), Decimal(str(value))) if value is not None else None
