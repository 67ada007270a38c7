"""The actor of an organisation the tables do not know, read off its own name: the country of a
state, province or large city in it ("Suez Canal Authority": EGY, "University of Texas": USA), the
kind of body its words say ("Independent National Electoral Commission", "Sunny Valley Hospital"),
and a last word that makes it an outlet ("Tampa Bay Times", "Hartford Courant") or a firm ("Hanwha
Group"). ``extract/countries.py`` gives it to the entity extractor with the other rules of which
country a body or person belongs to."""

from __future__ import annotations

import re
from functools import lru_cache

from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from ..resolve.titles import match_title
from ..tables import data_lines, data_rows

#: A town named inside an organisation's name gives it its country only when the town has this
#: many people (a state or province always does): "Police" (a Polish town of 34,000 people) and
#: "Federal" (an Argentine one) are words, not places, in "Federal Police".
NAME_TOWN_MIN_POPULATION = 100_000


@lru_cache(maxsize=16384)
def name_place_country(text: str) -> str | None:
    """The country of the state, province or large city ``text`` names when it stands inside an
    organisation's name ("Texas" in "University of Texas", "Suez" in "Suez Canal Authority"):
    :meth:`Gazetteer.subnational_country`, kept only for a state or province or a town of
    :data:`NAME_TOWN_MIN_POPULATION` people or more of that country."""
    code = gazetteer().subnational_country(text)
    if code is None:
        return None
    big = any(
        p.country == code
        and (p.feature == "admin1" or (p.feature == "city" and p.population >= NAME_TOWN_MIN_POPULATION))
        for p in gazetteer().candidates(text)
    )
    return code if big else None


@lru_cache(maxsize=1)
def body_heads() -> dict[str, str]:
    """Last words of firms', charities' and transit agencies' names and their sectors
    (``extract/data/body_heads.tsv``)."""
    return {word: sector for word, sector in data_rows("newsgraph.extract", "body_heads.tsv", strip=True)}


@lru_cache(maxsize=1)
def media_name_heads() -> frozenset[str]:
    """Last words of outlets' names ("Times", "Sentinel"; ``extract/data/media_name_heads.txt``)."""
    return frozenset(w.strip() for w in data_lines("newsgraph.extract", "media_name_heads.txt"))


#: Gazetteer kinds of a place whose name is a town's or a division's (not a canal's, "Suez Canal").
_TOWN_FEATURES = frozenset({"city", "admin1", "admin2"})


def _place_in_name(words: list[str]) -> str | None:
    """The country of the first place named inside a name's words (longest first); the words of a
    longer town's or state's name whose country is unclear name no place of their own ("San" of
    "San Francisco Chronicle" is not the Malian town)."""
    covered: set[int] = set()
    for n in (3, 2, 1):
        for k in range(len(words) - n + 1):
            if not words[k][:1].isupper() or covered.intersection(range(k, k + n)):
                continue
            piece = " ".join(words[k : k + n])
            code = name_place_country(piece)
            if code is not None:
                return code
            part = 1 < n < len(words) and all(w[:1].isupper() for w in words[k : k + n])
            if part and any(p.feature in _TOWN_FEATURES for p in gazetteer().candidates(piece)):
                covered.update(range(k, k + n))  # a town's or state's name of its own
    return None


def _elsewhere(words: list[str], country: str) -> bool:
    """Whether the words name, after "of" or first, a large town or a state or province whose
    country is unclear ("Liverpool": England's or Sydney's) and ``country`` has no town or
    division of that name: the body is somewhere else than the article's country, which of
    several places is not said."""
    for k, word in enumerate(words):
        if not word[:1].isupper() or (k > 0 and words[k - 1] != "of"):
            continue
        for n in (3, 2, 1):
            places = [p for p in gazetteer().candidates(" ".join(words[k : k + n])) if p.country]
            big = any(
                p.feature == "admin1" or (p.feature == "city" and p.population >= NAME_TOWN_MIN_POPULATION)
                for p in places
            )
            if big:  # and no town of that name at all in the article's country ("Burlington")
                return all(p.country != country for p in places if p.feature in _TOWN_FEATURES)
    return False


def named_body_actor(
    name: str, country: str | None, named: frozenset[str] = frozenset()
) -> actors.Actor | None:
    """The actor of an organisation the tables do not know whose name says what it is: a state
    body or a party ("Independent National Electoral Commission", "the Navy"), a university, a
    hospital, a firm ("Acme Company"): the country of a state, province or large city in its name
    ("Suez Canal Authority": EGY, "University of Texas": USA), else ``country`` (the country the
    article's people are taken to belong to, ``people_country``; a capital inside the name counts
    in news of another country when the article ``named`` the capital's country: "Dublin City
    Council" in US news), with the name's sector; None
    for a name with no sector word ("Quillstone"), a name opening with a title (a person) or no
    country."""
    words = name.split()
    if match_title(words):
        return None  # "Rear Admiral Lorenzo Falcone": a titled person tagged as an organisation
    place = _place_in_name(words)
    if place is None and country is not None and _elsewhere(words, country):
        return None  # "University of Liverpool" in Swiss news: England's or Sydney's, not Swiss
    country = place or country  # "Suez Canal Authority": Egypt's, whatever the article
    if country is None:
        return None
    parts = words[-1].split("-")  # "San Diego Union-Tribune", "Atlanta Journal-Constitution"
    if len(words) > 1 and any(p in media_name_heads() for p in parts):  # "Tampa Bay Times":
        return actors.Actor(country, "JRN")  # a local outlet; "Hartford Courant": the article's
    if _party_body(words, country, place):
        return actors.Actor("USA", "PTY")  # "Democratic Leadership Council": the party's group
    actor = actors.resolve_actor(name, "ORG", country, named)
    if actor is not None and actor.sector is not None and _modifier_sector(words, actor.sector):
        return None  # "Michoud Assembly Facility": a site, not an assembly; "Bernie Delegates Network"
    if actor is None or actor.sector is None:  # "Hanwha Group": a firm by its last word
        sector = _head_sector(name)
        return actors.Actor(country, sector) if sector else None
    if actor.sector == "CVL":  # a named body is no private citizen: "Department of Public Safety"
        head = _head(name)
        sector = actors.sector_of(head) or _head_sector(name)
        return actors.Actor(actor.code, sector) if sector not in (None, "CVL") else None
    return actor


#: Adjectives of the two US parties that open the name of a body of the party the tables do not
#: know ("Democratic Leadership Council", "Republican Jewish Coalition"), in US news.
_US_PARTY_ADJECTIVES = frozenset({"Democratic", "Republican"})


@lru_cache(maxsize=1)
def modified_heads() -> frozenset[str]:
    """Last words of names that a sector word before them only describes ("Facility", "Network";
    ``extract/data/body_modified_heads.txt``)."""
    return frozenset(w.strip() for w in data_lines("newsgraph.extract", "body_modified_heads.txt"))


def _party_body(words: list[str], country: str, place: str | None) -> bool:
    """Whether a name of three words or more opening with a US party's adjective names a body of
    the party in US news ("Democratic Leadership Council"), not a state body the party holds ("a
    Democratic Senate", "Republican House Majority": the rest names a body of its own) nor one
    of a place."""
    return (
        country == "USA"
        and place is None
        and len(words) > 2
        and words[0] in _US_PARTY_ADJECTIVES
        and not any(actors.organisation(w) for w in (" ".join(words[1:]), *words[1:]))
    )


def _modifier_sector(words: list[str], sector: str) -> bool:
    """Whether a name's sector comes only from a word inside it that describes its head, a site
    or a network (:func:`modified_heads`: "Assembly" of "Michoud Assembly Facility", "Delegates" of
    "Bernie Delegates Network"): neither the head nor the name's first word ("Army Corps of
    Engineers") says the sector."""
    name = " ".join(words)
    return (
        _head(name).split()[-1].lower() in modified_heads()
        and actors.sector_of(name) == sector
        and actors.head_sector(_head(name)) is None
        and _head_sector(name) is None
        and actors.sector_of(words[0]) != sector
    )


def _head(name: str) -> str:
    """A body's name before its first "of", "for", "at", "in" or "on" ("Society" of "National
    Society for the Prevention of Cruelty to Children")."""
    return re.split(r"\s(?:of|for|at|in|on)\s", name, maxsplit=1)[0]


def _head_sector(name: str) -> str | None:
    """The sector ``body_heads.tsv`` gives the last word of a name of two words or more ("Hanwha
    Group": BUS), or of its head before "of" or "for" ("National Society for the Prevention of
    ...": SOC)."""
    for part in (name, _head(name)):
        words = part.split()
        if len(words) > 1 and (sector := body_heads().get(words[-1].lower())):
            return sector
    return None
