"""People among the entities of one article: their canonical name, whether a US party-state tag
follows them, their ``people.tsv`` row, and their actor from roles and the table
(``extract/entities.py`` calls these once roles are found)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.actors import split_honorifics
from ..resolve.entities import fold
from ..resolve.gazetteer import gazetteer
from ..resolve.names import parse, variant_reason
from .mentions import name_tokens
from .roles import Role

if TYPE_CHECKING:
    from .entity_groups import Entity


#: A US party and state after a name: "(R-TX)", "(D-Minn.)", "(I-Vt.)".
_PARTY_STATE = re.compile(r"\(\s*[RDI]\s*-\s*[A-Z][A-Za-z.]{1,13}\s*\)")


def us_member(doc: Doc, ent: Entity) -> bool:
    """Whether a mention of the person is followed by a US party and state ("Rep. Michael McCaul
    (R-TX)"): a member of the US Congress or a state legislature."""
    for m in ent.mentions:
        if m.j < len(doc) and doc[m.j].text == "(" and _PARTY_STATE.match(doc[m.j : m.j + 6].text):
            return True
    return False


#: Nouns of a US party's member that follow a state in an apposition ("a Michigan Democrat").
_US_PARTY_MEMBERS = frozenset({"democrat", "republican"})
#: Words that may stand between the article and the state ("a former Michigan Republican").
_MEMBER_MODIFIERS = frozenset(
    {"former", "fellow", "veteran", "freshman", "conservative", "liberal", "moderate"}
)


def _us_state(text: str) -> bool:
    """Whether ``text`` names a US state (a gazetteer first-level division of the USA, or its
    written abbreviation: "Calif.")."""
    gaz = gazetteer()
    if any(gaz.place(k).country == "USA" for k in gaz.abbreviations.get(text, ())):
        return True
    return any(p.country == "USA" and p.feature == "admin1" for p in gaz.candidates(text))


def us_party_state(doc: Doc, ent: Entity) -> bool:
    """Whether a mention of the person is followed by an apposition naming a US state and a
    party's member ("Representative Dan Kildee, a Michigan Democrat", "X, the Texas
    Republican"): an American in US politics, whatever other country the sentence names. The
    party word makes "a Georgia Republican" the US state's."""
    n = len(doc)
    for m in ent.mentions:
        k = m.j + 2
        if k >= n or doc[m.j].text != "," or doc[m.j + 1].lower_ not in ("a", "an", "the"):
            continue
        if doc[k].lower_ in _MEMBER_MODIFIERS:
            k += 1
        for size in (1, 2, 3):
            end = k + size
            if end < n and doc[end].lower_ in _US_PARTY_MEMBERS and _us_state(doc[k:end].text):
                return True
    return False


def junior_namesakes(persons: list[Entity]) -> set[int]:
    """The ``id`` of each person entity whose name carries a generational suffix ("Donald Trump
    Jr.") while another person of the article is named the same without it: a son beside his
    father, not the father's ``people.tsv`` row, and named with the suffix."""
    plain: dict[str, set[int]] = {}
    for e in persons:
        for m in e.mentions:
            core = split_honorifics(m.text)[0] or m.text
            if not _SUFFIX.search(core) and len(core.split()) >= 2:
                plain.setdefault(fold(core), set()).add(id(e))
    return {
        id(e)
        for e in persons
        for m in e.mentions
        if _SUFFIX.search(m.text)
        and plain.get(fold(_SUFFIX.sub("", split_honorifics(m.text)[0] or m.text)), set()) - {id(e)}
    }


def person_name(ent: Entity, keep_suffix: bool = False) -> str:
    """A person's canonical name: its ``people.tsv`` name when the article names the person by a
    full name or alias of the table ("Obama" -> "Barack Obama", "James B. Comey" -> "James Comey";
    a word of address of the table's name left out: "Queen Elizabeth II" -> "Elizabeth II";
    the article's spelling when it differs only in accents or case), else its fullest mention
    without titles, words of address, middle initials and suffixes ("Harry M. Reid" -> "Harry
    Reid", "Martin Truex Jr." -> "Martin Truex")."""
    fullest = max((m.text for m in ent.mentions), key=_fullness)
    core = split_honorifics(fullest)[0] or fullest
    if ent.canonical:  # "Obama" -> "Barack Obama"; "António Guterres" stays as the article spells it
        table = split_honorifics(ent.canonical)[0] or ent.canonical  # "Queen Elizabeth II" -> "Elizabeth II"
        return core if fold(core) == fold(table) else table
    words = (core if keep_suffix else _SUFFIX.sub("", core)).split()
    kept = [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and _INITIAL.fullmatch(w))]
    return " ".join(kept)


_INITIAL = re.compile(r"[A-Z]\.")
#: A generational suffix after a name ("Martin Truex Jr.", "Martin Luther King, Jr.", "Henry Ford
#: II"): no part of the canonical name.
_SUFFIX = re.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)\Z")


def _fullness(text: str) -> tuple[int, int, int]:
    """How full a written name is: words spelled out first ("Benjamin Nzeribe" over "B. U.
    Nzeribe"), then all its capitalised words, then its length."""
    words = name_tokens(text)
    return sum(not _INITIAL.fullmatch(w) for w in words), len(words), len(text)


#: Sectors of private occupations ("lawyer", "lobbyist", "commentator"): held by a former state
#: official of ``people.tsv``, they leave the person a former official (ELI).
_PRIVATE = frozenset({"CVL", "BUS", "JRN", "EDU", "MED", "REL", "SOC", "LAB"})


def person_actor(
    roles: list[Role], known: actors.KnownPerson | None = None, year: int | None = None
) -> actors.Actor | None:
    """See :func:`_person_actor`; a known person out of office in the article's ``year`` (every
    range of ``people.tsv`` over by then) is a former official: sector ELI ("Bill Clinton" in
    2016), whatever private title the text gives a former state official ("the president's lawyer
    Rudy Giuliani" in 2019: the table's former mayor); one whose every range begins after it has
    the country alone (not yet in office)."""
    actor = _person_actor(roles, known)
    if (
        actor is not None
        and known is not None
        and year is not None
        and actor.sector == "ELI"
        and actor.code == known.code
        and known.in_office(year, early=0)
        and not known.held_before(r.title for r in roles)
    ):  # "former Secretary of State Hillary Clinton" in 2016: the table's row of then, a candidate
        return actors.Actor(actor.code, known.sector, actor.other_sectors)
    if (
        actor is not None
        and known is not None
        and year is not None
        and actor.code == known.code
        and (
            actor.sector in (*NATIONAL_SECTORS, "PTY")
            or (actor.sector in _PRIVATE and known.sector in NATIONAL_SECTORS)
        )
        and known.out_of_office(year)
        and not late_holder(roles)
    ):
        return actors.Actor(actor.code, "ELI", actor.other_sectors)
    if (
        actor is not None
        and known is not None
        and year is not None
        and (actor.code, actor.sector) == (known.code, known.sector)
        and known.not_yet(year)
    ):  # "Mitt Romney" in 2010 for a table that knows him only as a senator: the country alone
        return actors.Actor(actor.code, None, actor.other_sectors)
    return actor


def late_holder(roles: list[Role]) -> bool:
    """Whether a title calls the person "the late" holder of an office ("the late Sen. John
    McCain", "the late King Abdullah"): one who died, named by the office held until then, which
    the entity labels keep as the person's sector (no former official out of office: ELI is
    for the living). "the late former president X" stays a former official."""
    for role in roles:
        words = role.title.lower().split()
        former = any(w in ("former", "ex") or w.startswith("ex-") for w in words)
        if words[:1] == ["late"] and not former:
            return True
    return False


def _person_actor(roles: list[Role], known: actors.KnownPerson | None = None) -> actors.Actor | None:
    """The actor of the first role with an affiliation, its sector the title's; a generic title
    ("leader") of a person ``people.tsv`` files under another sector keeps that sector ("Hamas
    leader Ismail Haniyeh" -> PSE REB), and so does a title that names one of the row's offices,
    unless as a former one (a chief executive of Hong Kong is GOV, though "chief executive" alone
    is BUS). An office among the person's other titles wins over a candidacy ("GOP VP nominee
    Paul Ryan, now speaker of the House": LEG; a former office is no office held).
    With no such role, the ``people.tsv`` row's actor."""
    for role in roles:
        if role.affiliation:
            sector = role.sector  # the title's, or its organisation's ("NBC executive": JRN)
            if sector == "PTY":
                sector = next((s for r in roles if (s := r.sector) in NATIONAL_SECTORS), sector)
            if (
                known is not None
                and known.code == role.affiliation
                and (sector in (None, "GOV") or (sector != "ELI" and _names_office(known, role.title)))
            ):  # the table's office named by its title: "Hong Kong Chief Executive X" is GOV, not BUS
                sector = known.sector
            return actors.Actor(role.affiliation, sector or "GOV")
    return actors.Actor(known.code, known.sector) if known is not None else None


def _names_office(known: actors.KnownPerson, title: str) -> bool:
    """Whether ``title`` names one of the row's offices, with or without the place and party that
    open it ("Kentucky GOP Gov.": a governor, not the party's)."""
    return known.holds(title) or known.holds(office_part(title))


def known_person(
    ent: Entity, year: int | None, countries: frozenset[str] = frozenset()
) -> actors.KnownPerson | None:
    """The ``people.tsv`` row of a person entity, from all its name forms and role titles;
    ``countries`` are the codes the article names (they tell namesakes of two countries apart)."""
    names = sorted({m.text for m in ent.mentions}, key=lambda t: (-len(name_tokens(t)), -len(t)))
    found = actors.known_person(names, [r.title for r in ent.roles], year, countries)
    if found is None or not names or len(name_tokens(names[0])) < 2:
        return found
    return found if _same_person(names[0], found.name) else None


def _same_person(full: str, known: str) -> bool:
    """Whether the fullest name the article gives a person (``full``) can be the ``people.tsv``
    row's name (``known``): a row found by a surname or one-word alias ("Trump") is not the
    person when the article names someone else of that surname ("Eric Trump", "Amy Schumer").
    A name or row that does not parse into a first and last name is not contradicted."""
    mine, theirs = parse(split_honorifics(full)[0]), parse(known)
    if mine is None or theirs is None or not (mine.first and mine.last and theirs.first and theirs.last):
        return True
    if mine.last != theirs.last:
        return True  # another name of the row ("Omar al-Bashir"), matched by the table itself
    return variant_reason(mine, theirs) is not None or variant_reason(theirs, mine) is not None


def apply_known_person(roles: list[Role], known: actors.KnownPerson | None, context: str | None) -> None:
    """Give roles the known person's code ("President Bush" -> USA, whatever the article's main
    country) unless the words about the person name an affiliation (a country in the text wins:
    "Russian President X"); a title met sentences before ("Russia's president said ... President
    Bush") does not. Without a known person, national offices take ``context``."""
    if known is not None and not any(r.affiliation and not r.inferred for r in roles):
        for role in roles:
            role.affiliation = known.code
            role.inferred = False
        return
    fill_affiliation(roles, context)


def fill_affiliation(roles: list[Role], context: str | None) -> None:
    """A national office named with no country ("Education Minister X") is the article's country's."""
    if not context:
        return
    for role in roles:
        if role.affiliation is None and actors.sector_of(role.title) in NATIONAL_SECTORS:
            role.affiliation = context


#: Sectors of offices that belong to a country when nothing else is said.
NATIONAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


# --- an undated article's years, from the offices its people hold ------------------------------

#: Words of a title that say the office is not held at the article's date ("former President").
_PAST_TITLE = frozenset({"former", "ex", "late", "then", "onetime", "previous", "erstwhile"})
_TITLE_WORD = re.compile(r"[a-z]+")


def _current_titles(roles: list[Role]) -> list[str]:
    """The titles of ``roles`` that say nothing of a past office."""
    return [r.title for r in roles if not _PAST_TITLE.intersection(_TITLE_WORD.findall(r.title.lower()))]


#: Party words that may open a title ("Kentucky GOP Gov.", "Republican Sen.").
_PARTY_WORDS = frozenset({"gop", "republican", "democratic", "democrat", "dem"})


def office_part(title: str) -> str:
    """A title without the words of place and party that open it ("Kentucky GOP Gov." -> "Gov.",
    "Ohio Republican Sen." -> "Sen."): a US state (one or two words), a country or a party word."""
    words = title.split()
    k = 0
    while k < len(words) - 1:
        if words[k].lower().rstrip(".") in _PARTY_WORDS or actors.country_code(words[k]):
            k += 1
        elif k + 2 < len(words) and _us_state(" ".join(words[k : k + 2])):
            k += 2
        elif _us_state(words[k]):
            k += 1
        else:
            break
    return " ".join(words[k:])


def article_years(
    persons: list[Entity],
    roles: dict[tuple[str, ...], list[Role]],
    countries: frozenset[str] = frozenset(),
    last_year: int | None = None,
) -> frozenset[int]:
    """The years an undated article can be from, told by the people it names by a full name or
    alias of ``people.tsv`` with a title of an office the table says they held in some years only
    ("President Donald Trump": 2017 to 2021, or 2025 on; "Sen. Kamala Harris": 2017 to 2020): the
    years every such person held that office; empty when no one tells or they disagree.
    ``roles`` maps a person's key to its roles; an open range ends in ``last_year`` (this year)."""
    end_year = last_year if last_year is not None else date.today().year
    years: set[int] | None = None
    for ent in persons:
        titles = _current_titles(roles.get(ent.key, []))
        if not titles or not any(actors.is_known_person(m.text) for m in ent.mentions):
            continue
        row = known_person(ent, None, countries)
        if row is None or not any(_names_office(row, t) for t in titles):
            continue
        held = {
            y for start, end in row.years for y in range(start, (end if end is not None else end_year) + 1)
        }
        years = held if years is None else years & held
    return frozenset(years or ())


_YEAR = re.compile(r"(?<![\w$.,])(1[89]\d\d|20\d\d)(?![\w.,]\d|\w)")


def named_years(text: str, years: frozenset[int]) -> frozenset[int]:
    """Of the years an undated article can be from (``years``, told by its office holders), those it
    names most often in its own words ("the first primary of 2020", "in 2019"): news names its
    own year and the one ahead far more than the others of a term. All of ``years`` when the
    article names none of them or ``years`` holds one year only."""
    if len(years) < 2:
        return years
    counts = Counter(y for found in _YEAR.findall(text) if (y := int(found)) in years)
    if not counts:
        return years
    most = max(counts.values())
    return frozenset(y for y, c in counts.items() if c == most)


def agreed_year(ent: Entity, years: frozenset[int], countries: frozenset[str] = frozenset()) -> int | None:
    """A year of ``years`` that stands for all of them for the person ``ent``: one whenever the
    table gives the person the same row, in office or out of it, in every one of the years (Bill
    Clinton in any year from 2017 to 2021: out of office); None when the years disagree (Joe Biden
    from 2017 to 2021: out of office, a candidate, the president) or there are none."""
    seen: set[tuple[str, str, str, bool, bool, bool] | None] = set()
    for y in sorted(years):
        row = known_person(ent, y, countries)
        seen.add(
            None
            if row is None
            else (
                row.name,
                row.code,
                row.sector,
                row.in_office(y, early=0),
                row.out_of_office(y),
                row.not_yet(y),
            )
        )
        if len(seen) > 1:
            return None
    return max(years) if years else None
