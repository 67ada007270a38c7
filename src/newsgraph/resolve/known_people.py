"""Well-known people (``resolve/data/people.tsv``): who a person named in an article is, when the
name (with the person's titles, the article's year and countries) makes it sure, and the titles
and words of address that open a name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..tables import data_lines
from .titles import _APOSTROPHES, _rows, _words, match_title

#: Title words that do not change which office is meant ("former president" = "president").
_TITLE_NOISE = frozenset(
    "former then acting interim outgoing incoming new late ex current elect designate newly elected "
    "longtime veteran de facto of for the and to on ousted deposed exiled toppled overthrown".split()
)
#: Words that make an office another one: "vice president" is not "president".
_QUALIFIERS = frozenset({"vice", "deputy", "assistant", "under"})
_SPELLING = {"defence": "defense", "labour": "labor", "counsellor": "councilor", "councillor": "councilor"}
#: Words dropped from a name's key: Arabic articles inside it, generational suffixes.
_NAME_NOISE = frozenset({"al", "el", "jr", "sr"})
_ROMAN = re.compile(r"\A[ivx]+\Z")
_ARTICLE_PREFIX = re.compile(r"\b(?:al|el|ad|as|ash|an|at|az|ar)-(?=\w)", re.IGNORECASE)


def _name_words(text: str) -> list[str]:
    """A name as lower-case words without accents, dots, apostrophes and Arabic articles, hyphens
    splitting words: "Omar Hassan al-Bashir" -> omar hassan bashir, "Kim Jong-un" -> kim jong un."""
    return list(_name_word_tuple(text))


@lru_cache(maxsize=65536)
def _name_word_tuple(text: str) -> tuple[str, ...]:
    """:func:`_name_words`, remembered: every article asks for the same names again."""
    s = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    s = _ARTICLE_PREFIX.sub("", s.translate(_APOSTROPHES)).casefold()
    s = re.sub(r"[.'’,]", "", s).replace("-", " ")
    words = s.split()
    return tuple(w for k, w in enumerate(words) if not (k and w in _NAME_NOISE))


@lru_cache(maxsize=65536)
def _name_key(text: str) -> str:
    return " ".join(_name_word_tuple(text))


def _first_last(words: list[str]) -> tuple[str, str] | None:
    """First and last word of a name of two or more words, generational numerals ignored."""
    core = [w for w in words if not _ROMAN.match(w)] if len(words) > 2 else words
    return (core[0], core[-1]) if len(core) >= 2 else None


#: Words of a title that say the office is not held now ("former President", "ex-minister",
#: "ousted President": the PLOVER manual's exiled or ousted officials).
_PAST = frozenset(
    {
        "former",
        "ex",
        "onetime",
        "erstwhile",
        "previous",
        "ousted",
        "deposed",
        "exiled",
        "toppled",
        "overthrown",
    }
)


def past_title(title: str) -> bool:
    """Whether ``title`` says its office is no longer held ("former President", "ex-minister")."""
    return not _PAST.isdisjoint(_words(title))


def _office_words(text: str) -> frozenset[str]:
    words = (_SPELLING.get(w, w) for w in _words(text))
    return frozenset(w for w in words if w not in _TITLE_NOISE)


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """One row of ``people.tsv``: a person in one office (a person who served several bodies has
    one row for each code)."""

    name: str
    code: str
    sector: str
    offices: tuple[frozenset[str], ...]
    years: tuple[tuple[int, int | None], ...]

    def holds(self, title: str) -> bool:
        """Whether ``title`` names one of the offices: all its words are the office's words and the
        office has no qualifier ("vice", "deputy") the title lacks."""
        words = _office_words(title)
        return bool(words) and any(
            words <= office and office & _QUALIFIERS <= words for office in self.offices
        )

    def held_before(self, titles: Iterable[str]) -> bool:
        """Whether one of ``titles`` calls one of the offices a past one ("former Rep.")."""
        return any(past_title(t) and self.holds(t) for t in titles)

    def in_office(self, year: int, early: int = 1) -> bool:
        """Whether ``year`` falls in one of the ranges (``early`` years early: announced or
        elected)."""
        return any(start - early <= year <= (end if end is not None else 9999) for start, end in self.years)

    def out_of_office(self, year: int) -> bool:
        """Whether every range ended before ``year``: a former official by then."""
        return bool(self.years) and all(end is not None and end < year for _, end in self.years)

    def not_yet(self, year: int) -> bool:
        """Whether every range begins after ``year`` (a year early counting as begun: announced or
        elected): the office is not yet the person's ("Mitt Romney" in 2016 was no senator yet)."""
        return bool(self.years) and all(start - 1 > year for start, _ in self.years)

    def last_year(self, year: int) -> int:
        """The last year of office up to ``year`` (the row's most recent past)."""
        return max(
            (min(end if end is not None else year, year) for start, end in self.years if start - 1 <= year),
            default=-1,
        )


@dataclass(frozen=True, slots=True)
class _PeopleIndex:
    full: dict[str, tuple[KnownPerson, ...]]
    first_last: dict[tuple[str, str], tuple[KnownPerson, ...]]
    surnames: dict[str, tuple[KnownPerson, ...]]
    #: one-word names written in capitals in the table ("MBS", "AMLO")
    acronyms: frozenset[str]


def _shouting(text: str) -> bool:
    """A one-word name in capitals ("MOI", "PUTIN" in a heading), which matches only a name
    written so in the table: "MOI" is a ministry of the interior, not Daniel arap Moi."""
    return (
        " " not in text.strip() and sum(c.isupper() for c in text) >= 2 and not any(c.islower() for c in text)
    )


def _years(text: str) -> tuple[tuple[int, int | None], ...]:
    """A table's ``|``-separated year ranges ("1996-2001|2022-"; no end: still)."""
    out: list[tuple[int, int | None]] = []
    for part in filter(None, text.split("|")):
        start, _, end = part.partition("-")
        out.append((int(start), int(end) if end else None))
    return tuple(out)


@cache
def _people() -> _PeopleIndex:
    full: dict[str, list[KnownPerson]] = {}
    first_last: dict[tuple[str, str], list[KnownPerson]] = {}
    surnames: dict[str, list[KnownPerson]] = {}
    acronyms: set[str] = set()

    def add(table: dict[Any, list[KnownPerson]], key: Any, row: KnownPerson) -> None:
        rows = table.setdefault(key, [])
        if row not in rows:
            rows.append(row)

    for name, aliases, short, code, sector, offices, years in _rows("people.tsv"):
        row = KnownPerson(
            name,
            code,
            sector,
            tuple(_office_words(o) for o in offices.split("|") if o),
            _years(years),
        )
        for form in (name, *filter(None, aliases.split("|"))):
            words = _name_words(form)
            if _shouting(form):
                acronyms.add(" ".join(words))
            add(full, " ".join(words), row)
            pair = _first_last(words) if split_honorifics(form)[0] == form else None
            if pair is not None:  # not for "King Abdullah II": "King Abdullah" may be another king
                add(first_last, pair, row)
        if short != "-":
            name_words = [w for w in _name_words(name) if not _ROMAN.match(w)]
            for form in filter(None, short.split("|")) if short else [name_words[-1]]:
                add(surnames, _name_key(form), row)
    return _PeopleIndex(
        {k: tuple(v) for k, v in full.items()},
        {k: tuple(v) for k, v in first_last.items()},
        {k: tuple(v) for k, v in surnames.items()},
        frozenset(acronyms),
    )


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(w.strip() for w in data_lines("newsgraph.resolve", "honorifics.txt"))


def split_honorifics(name: str) -> tuple[str, list[str]]:
    """``name`` without the titles and words of address that open it, and those titles:
    "Sheikh Hamad bin Khalifa" -> ("Hamad bin Khalifa", []), "President Bush" -> ("Bush",
    ["President"])."""
    core, found = _split_honorifics(name)
    return core, list(found)


@lru_cache(maxsize=65536)
def _split_honorifics(name: str) -> tuple[str, tuple[str, ...]]:
    words = name.split()
    found: list[str] = []
    k = 0
    while k < len(words) - 1:
        n = match_title(words[k:])
        if n and k + n < len(words):
            found.append(" ".join(words[k : k + n]))
            k += n
        elif words[k].casefold().rstrip(".") in _honorifics():
            k += 1
        else:
            break
    return " ".join(words[k:]), tuple(found)


@lru_cache(maxsize=65536)
def is_known_person(name: str) -> bool:
    """Whether ``name`` (titles and words of address aside) is a name or alias in ``people.tsv``."""
    key = _name_key(split_honorifics(name)[0])
    return key in _people().full and (not _shouting(name) or key in _people().acronyms)


def table_rows(name: str) -> tuple[KnownPerson, ...]:
    """Every ``people.tsv`` row whose full name or alias ``name`` is (titles and words of address
    aside), whatever the year: "Mr. Trump" -> his rows as president and as candidate."""
    key = _name_key(split_honorifics(name)[0])
    return _people().full.get(key, ()) if key and not _shouting(name) else ()


def known_person(
    names: Iterable[str],
    titles: Iterable[str] = (),
    year: int | None = None,
    countries: frozenset[str] = frozenset(),
) -> KnownPerson | None:
    """The ``people.tsv`` row the person called ``names`` (every form used in the article) is, when
    it is sure; ``titles`` are the person's titles in the text, ``year`` the article's year.

    A full name or alias ("Bill Clinton", "Putin", "Omar Hassan al-Bashir" = "Omar al-Bashir" by
    first and last word) is enough. A surname alone ("Bush") counts only beside a title of the
    person's offices ("President Bush"), and not at all when the article gives the person a
    full name the table does not know ("Laura Bush"). Rows of different codes (Kim Dae-jung, Kim
    Jong-un) are told apart by title, then by the ``countries`` the article names (King Abdullah
    in an article about Saudi Arabia, not Jordan), then by year; when that leaves several codes,
    None."""
    index = _people()
    title_list = list(titles)
    written: list[str] = []  # as written ("Pope Francis")
    cores: list[list[str]] = []  # without titles and words of address ("Francis")
    for name in names:
        if _shouting(name) and _name_key(name) not in index.acronyms:
            continue
        core, found = split_honorifics(name)
        title_list.extend(found)
        written.append(_name_key(name))
        if core:
            cores.append(_name_words(core))
    rows: list[KnownPerson] = []
    for key in (*written, *(" ".join(w) for w in cores)):
        rows.extend(r for r in index.full.get(key, ()) if r not in rows)
    if not rows:
        for words in cores:
            pair = _first_last(words)
            if pair is not None:
                rows.extend(r for r in index.first_last.get(pair, ()) if r not in rows)
    if rows:
        return _choose(rows, title_list, year, countries)
    keys = [" ".join(w) for w in cores]
    if any(len(w) > 1 and key not in index.surnames for w, key in zip(cores, keys, strict=True)):
        return None  # a full name the table does not know: "Laura Bush" is not a Bush of the table
    for key in keys:
        rows.extend(r for r in index.surnames.get(key, ()) if r not in rows)
    rows = [r for r in rows if any(r.holds(t) for t in title_list)]
    return _choose(rows, title_list, year, countries) if rows else None


def _choose(
    rows: list[KnownPerson], titles: list[str], year: int | None, countries: frozenset[str] = frozenset()
) -> KnownPerson | None:
    """The row meant among ``rows`` of one name: the only code, else the rows whose offices match a
    title, then those of a country the article names, then those in office in ``year``; None when
    several codes remain. Of one code's rows, a titled one in office in ``year``, else the one in
    office then (Hillary Clinton in 2016, "former Secretary of State": the candidate), else a
    titled one; when none is in office then, the one held most recently before (Mitt Romney in
    2016: the 2012 nominee, not the senator of 2019). A past title ("former Vice President Joe
    Biden" in 2020) says which person, not which row of the year: the candidate's, not the office
    he was elected to at the year's end."""
    for keep in (
        lambda r: any(r.holds(t) for t in titles),
        lambda r: r.code in countries,
        lambda r: year is not None and r.in_office(year),
    ):
        if len({r.code for r in rows}) == 1:
            break
        narrowed = [r for r in rows if keep(r)]
        rows = narrowed or rows
    if len({r.code for r in rows}) != 1:
        return None
    current = [t for t in titles if not past_title(t)]  # "former Vice President": no office now
    best = [r for r in rows if any(r.holds(t) for t in (current if year is not None else titles))] or rows
    if year is not None:
        best = [r for r in best if not r.held_before(titles)] or best
        best = (
            [r for r in best if r.in_office(year)] or [r for r in rows if r.in_office(year, early=0)] or best
        )
        best = [r for r in best if r.in_office(year, early=0)] or best  # the office held then
        if not any(r.in_office(year) for r in best):  # no office then: the last one held before it
            begun = [r for r in best if not r.not_yet(year)] or [r for r in rows if not r.not_yet(year)]
            best = sorted(begun, key=lambda r: -r.last_year(year)) or best
    return best[0]
