"""Temporal expressions with TimeML values: the ``newsgraph_dates`` component.

The text is cut into small tokens, each given a class from ``data/dates_words.tsv`` (MONTH,
WEEKDAY, UNIT, REL, NUM, ...). The classes of a text form a string of letters, one per token, and
the rules of ``data/dates_patterns.tsv`` are regular expressions over that string: the longest
match wins. Each rule names a handler that turns the matched tokens into a TimeML type and value.

Relative expressions are resolved against the publication date ("yesterday", "last week", "on
Saturday", "Oct. 7") or against the date the text last mentioned ("a day later", "the following
month", "the year-earlier quarter"). A bare weekday, month or day of a month takes its year or week
from the tense of the verb it belongs to: "attacked on Oct. 7" is the last Oct. 7 not after the
publication date, "will meet on Oct. 7" the next one. Without a publication date a relative
expression keeps ``value`` None."""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..tables import TABLES_VERSION
from .annotations import article_context, doc_facts, doc_text
from .component import Component

#: A letter for "no token can be here" (a line break between two tokens).
_BREAK = "#"
#: Spacy entity labels that mean a capitalised word is a name, not a date ("Sunday Times").
_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "GPE", "LOC", "NORP"})
#: Classes before a bare month, year, season or plural unit that make it temporal ("in 1990").
_CONTEXT_CLASSES = frozenset({"PREP", "FORWARD", "BACKWARD", "BEFAFT", "MOD", "EACH", "AND", "HYPHEN"})
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_FULL_MONTHS = frozenset(calendar.month_name[1:]) | {"Sept"}


# -- the grammar, loaded once ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled word list, token pattern and rules."""

    words: dict[str, tuple[str, str]]  # lower-case word or phrase -> (class, value)
    letters: dict[str, str]  # class -> its letter
    capitalised: frozenset[str]
    tokens: re.Pattern[str]
    rules: tuple[tuple[str, re.Pattern[str]], ...]  # (handler, pattern over letters)


def _data(name: str) -> list[list[str]]:
    text = resources.files("newsgraph.extract").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [ln.rstrip("\n").split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def grammar() -> Grammar:
    """The word list and rules, compiled."""
    rows = _data("dates_patterns.tsv")
    classes = [r for r in rows if r[0] == "class"]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    letters = {r[1]: alphabet[i] for i, r in enumerate(classes)}
    capitalised = frozenset(r[1] for r in classes if "cap" in r[2:])
    macros: dict[str, str] = {}
    rules: list[tuple[str, re.Pattern[str]]] = []

    def compile_pattern(source: str) -> str:
        for name, body in macros.items():
            source = source.replace(name, f"({body})")
        out = re.sub(r"[A-Z_]+", lambda m: letters[m.group()], source)
        return out.replace("(", "(?:").replace(" ", "")

    for row in rows:
        if row[0] == "macro":
            macros[row[1]] = row[2]
        elif row[0] == "rule":
            rules.append((row[1], re.compile(compile_pattern(row[2]))))
    words = {r[0].lower(): (r[1], r[2] if len(r) > 2 else "") for r in _data("dates_words.tsv")}
    phrases = sorted((w for w in words if " " in w), key=len, reverse=True)
    phrase_re = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in phrases)
    tokens = re.compile(
        rf"(?P<PHRASE>(?<!\w)(?:{phrase_re})(?!\w))"
        r"|(?P<ISO>(?<![\d/])(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/]))"
        r"|(?P<CLOCK>\d{1,2}(?::\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)|\d{1,2}:\d{2}(?![:\d]))"
        r"|(?P<DECADE>(?:1\d|20)\d0['’]?s\b|['’]\d0s\b)"
        r"|(?P<ORD>\d{1,2}(?:st|nd|rd|th)\b)"
        r"|(?P<QTOKEN>\b(?:Q[1-4]|[1-4]Q)\b)"
        r"|(?P<NUM>\d+(?:,\d{3})*(?:\.\d+)?)"
        r"|(?P<POSS>['’]s\b)"
        r"|(?P<WORD>[^\W\d_]+)"
        r"|(?P<HYPHEN>[-–])"
        r"|(?P<COMMA>,)"
        r"|(?P<DOT>\.)"
        r"|(?P<OTHER>\S)",
        re.I,
    )
    return Grammar(words, letters, capitalised, tokens, tuple(rules))


# -- tokens ------------------------------------------------------------------------------------
@dataclass(slots=True)
class Tok:
    """A token with its class and its value from the word list (or its shape)."""

    text: str
    cls: str
    value: str
    start: int
    end: int
    #: dropped when a noun follows ("quarterly dividend"): marked ``!`` in the word list
    before_noun_not: bool = False

    @property
    def low(self) -> str:
        return self.text.lower()


def _number(text: str) -> str:
    return text.replace(",", "")


_SPACES = re.compile(r"\s+")
_OTHER = ("OTHER", "")


def tokenize(text: str) -> list[Tok]:
    """The tokens of ``text`` with their classes (number words merged: "twenty four" is 24)."""
    g = grammar()
    words, capitalised = g.words, g.capitalised
    out: list[Tok] = []
    append = out.append
    numbers = False
    for m in g.tokens.finditer(text):
        kind = m.lastgroup
        word = m.group()
        if kind == "WORD" or kind == "OTHER":
            cls, value = words.get(word.lower(), _OTHER)
            if cls == "OTHER":
                append(Tok(word, "OTHER", "", m.start(), m.end()))
                continue
            if cls in capitalised and not word[0].isupper():
                cls, value = _OTHER
            numbers = numbers or cls == "NUM"
            kind = cls
        elif kind == "PHRASE":
            kind, value = words[_SPACES.sub(" ", word.lower())]
        elif kind == "NUM":
            value = _number(word)
            if value.isdigit() and 1000 <= int(value) <= 2099 and "," not in word:
                kind = "YEAR"
            elif value.isdigit() and 1 <= int(value) <= 31:
                kind = "DAY"
        elif kind == "ORD":
            value = word[:-2]
        elif kind == "CLOCK":
            value = _clock(word)
        elif kind == "QTOKEN":
            value = word.strip("Qq")
        else:
            value = ""
        append(Tok(word, kind or "OTHER", value.rstrip("!"), m.start(), m.end(), value.endswith("!")))
    return _merge_numbers(out, text) if numbers else out


def _clock(word: str) -> str:
    m = re.match(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?", word, re.I)
    if m is None:
        return ""
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    half = (m.group(3) or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour <= 24 and minute < 60 else ""


_WORDY = re.compile(r"[^\W\d_]+(?:[-\s][^\W\d_]+)*")


def _wordy(tok: Tok) -> bool:
    return tok.cls == "NUM" and _WORDY.fullmatch(tok.text) is not None


def _merge_numbers(toks: list[Tok], text: str) -> list[Tok]:
    """Merge number words: "twenty-four" 24, "two hundred" 200, "nineteen ninety-six" the year."""
    out: list[Tok] = []
    for tok in toks:
        if _wordy(tok) and out:
            first = out[-2] if out[-1].cls == "HYPHEN" and len(out) > 1 else out[-1]
            if _wordy(first):
                a, b = int(first.value), int(tok.value)
                merged = a + b if a % 10 == 0 and 20 <= a <= 90 and 1 <= b <= 9 else None
                if b in (100, 1000) and 1 <= a < 100:
                    merged = a * b
                if merged is not None:
                    del out[out.index(first) :]
                    tok = Tok(text[first.start : tok.end], "NUM", str(merged), first.start, tok.end)
        out.append(tok)
    years: list[Tok] = []
    for tok in out:
        head = years[-1] if years and _wordy(years[-1]) and _wordy(tok) else None
        if head is not None and 11 <= int(head.value) <= 20 <= int(tok.value) < 100:
            year = str(int(head.value) * 100 + int(tok.value))
            years[-1] = Tok(text[head.start : tok.end], "YEAR", year, head.start, tok.end)
        else:
            years.append(tok)
    return years


def _letters(toks: list[Tok], text: str) -> str:
    letters = grammar().letters
    parts = []
    prev_end = 0
    for tok in toks:
        if "\n" in text[prev_end : tok.start]:
            parts.append(_BREAK)
        parts.append(letters[tok.cls])
        prev_end = tok.end
    return "".join(parts)


# -- values ------------------------------------------------------------------------------------
_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?$"
)


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def at_unit(d: dt.date, unit: str) -> str | None:
    """The value of the ``unit`` (Y, M, W, D, Q, DE, CE) that holds ``d``."""
    return {
        "Y": f"{d.year}",
        "M": f"{d.year}-{d.month:02d}",
        "W": _week(d),
        "D": d.isoformat(),
        "H": d.isoformat(),
        "MIN": d.isoformat(),
        "Q": _quarter(d),
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
    return _add_months(d, n * months) if months else None


def shift(value: str, n: int, unit: str) -> str | None:
    """A TimeML date ``value`` moved by ``n`` units, kept at its own granularity ("1989-Q3" a
    year back is "1988-Q3"); None when the unit is finer than the value."""
    m = _VALUE.match(value)
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
        return _week(monday + dt.timedelta(weeks=n * (2 if unit == "FN" else 1)))
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


def _coarsen(value: str, unit: str) -> str:
    """``value`` cut to ``unit`` ("1989-10-26" at Y is "1989", at W "1989-W43")."""
    m = _VALUE.match(value.split("T")[0])
    if m is None:
        return value
    if unit == "Y":
        return m.group("y")
    if m.group("d") and unit in ("M", "W", "Q"):
        d = dt.date.fromisoformat(value[:10])
        return {"M": value[:7], "W": _week(d), "Q": _quarter(d)}[unit]
    if m.group("m") and unit == "Q":
        return _quarter(dt.date(int(m.group("y")), int(m.group("m")), 1))
    return value.split("T")[0]


def _is_calendar(value: str | None) -> bool:
    return value is not None and _VALUE.match(value.split("T")[0]) is not None


# -- expressions and handlers ------------------------------------------------------------------
Tense = str | None  # "past" | "future" | "present" | None
#: How many days after the publication date a day named in a past-tense clause may still fall
#: ("has set Nov. 10 as the deadline", written Nov. 2).
PAST_SLACK_DAYS = 14
#: The same for a month named alone ("paused in September", written in late August).
PAST_SLACK_MONTHS = 1


@dataclass(slots=True)
class Expr:
    """One matched expression: tokens ``i:j`` of ``all`` plus modifiers from ``start`` on."""

    rule: str
    all: list[Tok]
    start_tok: int
    i: int
    j: int
    in_entity: bool

    @property
    def toks(self) -> list[Tok]:
        return self.all[self.i : self.j]

    @property
    def prefix(self) -> list[Tok]:
        return self.all[self.start_tok : self.i]

    @property
    def prev(self) -> Tok | None:
        return self.all[self.start_tok - 1] if self.start_tok > 0 else None

    @property
    def next(self) -> Tok | None:
        return self.all[self.j] if self.j < len(self.all) else None

    def first(self, *classes: str) -> Tok | None:
        return next((t for t in self.toks if t.cls in classes), None)

    def has(self, cls: str) -> bool:
        return any(t.cls == cls for t in self.toks)

    def units(self) -> list[Tok]:
        return [t for t in self.toks if t.cls == "UNIT"]

    @property
    def start(self) -> int:
        return self.all[self.start_tok].start

    @property
    def end(self) -> int:
        return self.all[self.j - 1].end

    @property
    def temporal_context(self) -> bool:
        """Whether a bare month, year or season here reads as a date."""
        prev = self.prev
        modified = any(t.cls != "APPROX" for t in self.prefix)  # "mid-", "the end of"; not "about 2000"
        return self.in_entity or modified or (prev is not None and prev.cls in _CONTEXT_CLASSES)

    @property
    def forward(self) -> bool:
        """Whether a deadline preposition comes before it ("until", "by", "to")."""
        return self.prev is not None and self.prev.cls == "FORWARD"

    @property
    def backward(self) -> bool:
        """Whether "since" comes before it."""
        return self.prev is not None and self.prev.cls == "BACKWARD"


@dataclass(slots=True)
class Context:
    anchor: dt.date | None
    tense: Callable[[int, int], Tense]
    ref: str | None = None

    def tense_of(self, e: Expr) -> Tense:
        return "past" if e.backward else self.tense(e.start, e.end)

    def ref_day(self) -> dt.date | None:
        """The day the text last named, when it named a day."""
        if self.ref is not None and re.match(r"^\d{4}-\d\d-\d\d", self.ref):
            return dt.date.fromisoformat(self.ref[:10])
        return None


#: A handler's answer: (type, value, anchor) with anchor "published" | "date" | None.
Result = tuple[str, str | None, str | None]
REJECT: Result = ("", None, None)
Handler = Callable[[Expr, Context], Result | None]
HANDLERS: dict[str, Handler] = {}


def handler(name: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        HANDLERS[name] = func
        return func

    return register


def _pick(candidates: list[int], now: int, tense: Tense, forward: bool, slack: int) -> int:
    """Of candidate positions (days or months), the one a clause in ``tense`` means: the next one
    not before ``now`` (future), the last one not after ``now + slack`` (past), else the nearest,
    a later one counting twice as far (news looks back more than ahead)."""
    if tense == "future":
        return min((c for c in candidates if c >= now), default=candidates[-1])
    if tense == "past" and not forward:
        return max((c for c in candidates if c <= now + slack), default=candidates[0])
    return min(candidates, key=lambda c: now - c if c <= now else 2 * (c - now))


def _year_for(ctx: Context, e: Expr, month: int, day: int | None) -> int | None:
    """The year of a month (and day) named without one, by the tense of its clause."""
    a = ctx.anchor
    if a is None:
        return None
    years = [a.year - 1, a.year, a.year + 1]
    if day is None:
        months = [y * 12 + month - 1 for y in years]
        return _pick(months, a.year * 12 + a.month - 1, ctx.tense_of(e), e.forward, PAST_SLACK_MONTHS) // 12
    days = {dt.date(y, month, day).toordinal(): y for y in years if _valid(y, month, day)}
    if not days:
        return None
    return days[_pick(sorted(days), a.toordinal(), ctx.tense_of(e), e.forward, PAST_SLACK_DAYS)]


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _weekday(ctx: Context, e: Expr, iso_day: int, rel: str | None) -> tuple[dt.date | None, str | None]:
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


@handler("reject")
def _reject(e: Expr, ctx: Context) -> Result | None:
    return REJECT


@handler("iso")
def _iso(e: Expr, ctx: Context) -> Result | None:
    text = e.toks[0].text
    if "-" in text:
        y, m, d = (int(p) for p in text.split("-"))
    else:
        m, d, y = (int(p) for p in text.split("/"))
        if y < 100:
            y += 2000 if y < 50 else 1900
    return ("DATE", f"{y:04d}-{m:02d}-{d:02d}", None) if _valid(y, m, d) else None


def _dated(e: Expr, ctx: Context) -> tuple[dt.date | None, str | None] | None:
    """The day of a month and day, with or without a year (None: no such day). A weekday named
    with it picks the year: "Saturday, April 25"."""
    month, day, year = e.first("MONTH"), e.first("DAY", "ORD"), e.first("YEAR")
    if month is None or day is None:
        return None
    m, d = int(month.value), int(day.value)
    if year is not None:
        return (dt.date(int(year.value), m, d), None) if _valid(int(year.value), m, d) else None
    if not _valid(2000, m, d):
        return None
    weekday = e.first("WEEKDAY")
    if ctx.anchor is None:
        return None, None
    if weekday is not None:
        years = [ctx.anchor.year + k for k in (0, -1, 1)]
        match = [y for y in years if _valid(y, m, d) and dt.date(y, m, d).isoweekday() == int(weekday.value)]
        if match:
            return dt.date(match[0], m, d), "published"
    y = _year_for(ctx, e, m, d)
    return (dt.date(y, m, d), "published") if y is not None else (None, None)


@handler("full")
def _full(e: Expr, ctx: Context) -> Result | None:
    found = _dated(e, ctx)
    return ("DATE", found[0].isoformat(), None) if found and found[0] else None


@handler("month_day")
def _month_day(e: Expr, ctx: Context) -> Result | None:
    found = _dated(e, ctx)
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
    if rel is None and (not e.temporal_context or month.text.rstrip(".") not in _FULL_MONTHS):
        return None
    if rel is not None and rel.value not in ("-1", "+1", "0"):
        return None
    a = ctx.anchor
    if a is None:
        return "DATE", None, None
    if rel is None:
        y = _year_for(ctx, e, m, None) or a.year
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


def _day_of(e: Expr, ctx: Context) -> tuple[dt.date | None, str | None]:
    """The day a clock time belongs to, and what it was resolved against."""
    weekday, ref = e.first("WEEKDAY"), e.first("REF")
    found = _dated(e, ctx)
    if found is not None:
        return found
    if weekday is not None:
        rel = e.first("REL")
        return _weekday(ctx, e, int(weekday.value), rel.value if rel else None)
    if ref is not None and ref.value[:1] in "+-":
        days = int(ref.value.split()[0][:-1])
        return (ctx.anchor + dt.timedelta(days=days) if ctx.anchor else None), "published"
    return ctx.anchor, "published"


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
    day, anchor = _day_of(e, ctx)
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
    day, anchor = _weekday(ctx, e, int(weekday.value), rel.value if rel else None)
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
        y = _year_for(ctx, e, m, d) or a.year
    return "DATE", f"{y}-{m:02d}-{d:02d}", "published"


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


def _latest_quarter(ctx: Context, *, use_ref: bool = True) -> tuple[str | None, str | None]:
    """The quarter "the quarter" means: the one the text last named, else the last one finished
    before the anchor ("the latest quarter" always the latter)."""
    if use_ref and ctx.ref is not None and re.match(r"^\d{4}-Q\d$", ctx.ref):
        return ctx.ref, "date"
    if ctx.anchor is None:
        return None, None
    return _quarter(_add_months(ctx.anchor, -3)), "published"


def _this(ctx: Context, code: str, *, ref: bool = False) -> tuple[str | None, str | None]:
    """The ``code`` unit (Y, M, W, D, Q) holding the text's last date (``ref``) or the anchor."""
    if ref and ctx.ref is not None:
        value = _coarsen(ctx.ref, code)
        if _VALUE.match(value) and len(value) <= len(ctx.ref):
            return value, "date"
    if ctx.anchor is None:
        return None, None
    return at_unit(ctx.anchor, code), "published"


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
        return "DATE", _week(ctx.anchor + dt.timedelta(weeks=int(rel.value))) + "-WE", "published"
    if code in ("Q", "P") and rel.value == "L":  # "the latest quarter"
        value, anchor = _latest_quarter(ctx, use_ref=False)
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
        base, anchor = _this(ctx, code, ref=True)
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
        value, anchor = _latest_quarter(ctx)
        return "DATE", value, anchor
    if not (e.in_entity or e.prefix or e.has("FISCAL") or e.has("ADJ")) or code not in ("Y", "M", "W", "D"):
        return None
    if e.next is not None and e.next.cls == "ENDED" and code == "Y":
        return "DURATION", "P1Y", None  # "the year ended Aug. 31": a fiscal year
    value, anchor = _this(ctx, code, ref=code == "D")
    return "DATE", value, anchor


@handler("unit_end")
def _unit_end(e: Expr, ctx: Context) -> Result | None:
    """ "year-end", "year's end", "month end"."""
    unit, mod = e.first("UNIT"), e.first("MOD")
    assert unit and mod
    if mod.low != "end" or unit.value not in ("Y", "M", "Q", "W"):
        return None
    value, anchor = _this(ctx, unit.value)
    return "DATE", value, anchor


@handler("weekend")
def _weekend(e: Expr, ctx: Context) -> Result | None:
    a = ctx.anchor
    if a is None:
        return "DATE", None, None
    if ctx.tense_of(e) in ("future", "present") or e.forward or a.isoweekday() >= 6:
        return "DATE", _week(a) + "-WE", "published"
    return "DATE", _week(a - dt.timedelta(weeks=1)) + "-WE", "published"


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
        y = _year_for(ctx, e, start, None) or a.year
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


def _quantity(e: Expr) -> str | None:
    """The number of a quantity ("two", "2.5", "a": 1, "several": X), or None."""
    for t in e.toks:
        if t.cls in ("NUM", "DAY"):
            return _number(t.value or t.text)
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
        base = _coarsen(base, "Q")  # "the year-ago quarter"
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


# -- matching ----------------------------------------------------------------------------------
_PREFIX_AFTER_MOD = frozenset({"OF", "HYPHEN"})
#: What "about", "nearly" may come before: a quantity or a point ("about 5 p.m."), not "about the future".
_APPROXIMABLE = frozenset({"NUM", "DAY", "A", "FEW", "YEAR", "CLOCK", "ORD", "DECADE", "MONTH", "MOD"})


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
    """Temporal expressions in ``text`` as date records (see the module doc).

    ``tense(start, end)`` says the tense of the clause around a span ("past", "future",
    "present" or None); ``entities`` are spaCy entities as ``(start, end, label)``."""
    toks = tokenize(text)
    chosen = _choose(toks, _letters(toks, text), entities, Context(published, tense or _no_tense))
    ctx = Context(published, tense or _no_tense)
    found: list[Found] = []
    for expr in chosen:
        result = HANDLERS[expr.rule](expr, ctx)
        if result is None or result is REJECT:
            continue
        kind, value, anchor = result
        found.append(Found(expr, kind, value, anchor))
        if kind in ("DATE", "TIME") and anchor != "date" and _is_calendar(value):
            ctx.ref = value  # what "a day later", "the following month" count from
    return [_record(text, f) for f in _relative_to_dates(found)]


def _no_tense(start: int, end: int) -> Tense:
    return None


def _choose(
    toks: list[Tok], letters: str, entities: Sequence[tuple[int, int, str]], probe: Context
) -> list[Expr]:
    """The expressions to keep, in text order: longest match first, then the earlier rule; a
    match its handler refuses gives way to shorter matches of the same rule inside it."""
    token_at: list[int] = []  # letter position -> token index (a break letter holds none)
    letter_of: list[int] = []  # token index -> letter position
    for pos, ch in enumerate(letters):
        token_at.append(len(letter_of))
        if ch != _BREAK:
            letter_of.append(pos)
    rules = grammar().rules
    heap: list[tuple[int, int, int, int]] = []
    for order, (_, pattern) in enumerate(rules):
        for m in pattern.finditer(letters):
            i, j = token_at[m.start()], token_at[m.end() - 1] + 1
            heap.append((i - j, i, order, j))
    heapq.heapify(heap)
    date_ents = [(s, e) for s, e, label in entities if label in ("DATE", "TIME")]
    name_ents = [(s, e) for s, e, label in entities if label in _NAME_LABELS]
    taken = bytearray(len(toks))
    chosen: list[Expr] = []
    while heap:
        _, i, order, j = heapq.heappop(heap)
        name, pattern = rules[order]
        if any(taken[i:j]):
            continue
        while j - i > 1 and toks[j - 1].cls == "DOT" and toks[j - 2].text in _FULL_MONTHS:
            j -= 1  # "in April." : the full stop ends the sentence
        cs, ce = toks[i].start, toks[j - 1].end
        in_date = any(s < ce and cs < e for s, e in date_ents)
        named = any(s <= cs and ce <= e for s, e in name_ents) and not in_date
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
        if linked and link and target is not None and _is_calendar(target.value):
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
    }


# -- the spaCy component -----------------------------------------------------------------------
_FUTURE_AUX = frozenset(
    {"will", "shall", "'ll", "’ll", "wo", "would", "could", "may", "might", "should", "must"}
)
_PAST_AUX = frozenset({"had", "did", "was", "were"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})


def _verb(tok: Token) -> Token:
    """The verb (or the clause root, or an adjective: "payable Dec. 1") ``tok`` depends on."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX", "ADJ") or tok.head is tok:
            break
        tok = tok.head
    return tok


@cache
def plan_verbs() -> frozenset[str]:
    """Lemmas whose infinitive complement lies ahead ("plans to meet Friday")."""
    return frozenset(row[0] for row in _data("dates_plan_verbs.txt"))


def _verb_tense(verb: Token, depth: int = 0) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or ("going" in words and "to" in words):
        return "future"
    if verb.tag_ == "VBD" or words & _PAST_AUX or (verb.tag_ == "VBN" and words & _PERFECT_AUX):
        return "past"
    if "to" in words and depth < 3 and verb.head is not verb:  # "plans to meet", "was due to expire"
        head = _verb(verb.head)
        outer = _verb_tense(head, depth + 1)
        planned = head.lemma_ in plan_verbs()
        if outer == "past":  # "agreed to reopen from March 1": ahead of the agreement, maybe not of now
            return None if planned else "past"
        return "future" if planned or outer == "future" else None
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def clause_tense(doc: Doc) -> Callable[[int, int], Tense]:
    """A function giving the tense of the verb governing a character span of ``doc``."""

    def tense(start: int, end: int) -> Tense:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return _verb_tense(_verb(span.root))

    return tense


@Language.factory(
    "newsgraph_dates",
    default_config={"tables": TABLES_VERSION},
    assigns=["doc._.newsgraph_facts"],
    requires=["token.dep", "token.tag", "doc.ents"],
)
def make_dates(nlp: Language, name: str, tables: str) -> DateExtractor:
    return DateExtractor(nlp, name, tables=tables)


class DateExtractor(Component):
    """Writes the doc's temporal expressions to ``doc_facts(doc)["dates"]``, resolved against the
    article's publication date."""

    tables = (
        ("newsgraph.extract", "dates_patterns.tsv"),
        ("newsgraph.extract", "dates_words.tsv"),
        ("newsgraph.extract", "dates_plan_verbs.txt"),
    )
    needs = ("ENT_IOB",)

    def __init__(self, nlp: Language, name: str, *, tables: str = TABLES_VERSION) -> None:
        super().__init__(nlp, name, tables=tables)
        grammar()  # compile at creation, not on the first doc

    def annotate(self, doc: Doc) -> None:
        published = article_context(doc).published
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        tense = clause_tense(doc) if doc.has_annotation("DEP") else None
        doc_facts(doc)["dates"] = find_dates(doc_text(doc), published, tense=tense, entities=entities)

    def load_tables(self) -> None:
        grammar()
