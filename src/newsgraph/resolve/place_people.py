"""Places inside names and the people of places: a state or province named with a country's word
("British Columbia" is Canada's, not Britain's) and a town's or state's people ("Parisians",
"British Columbians"), for ``resolve/actors.py``. The gazetteer and the countries table answer;
both are read on first use (the gazetteer reads the actors module's tables)."""

from __future__ import annotations

from functools import lru_cache

#: How a town's or a state's people are named from its name (the plural "s" taken off first):
#: the ending to cut off and what to put back ("Parisian" -> "Paris", "Californian" ->
#: "California", "Chicagoan" -> "Chicago", "Atlantan" -> "Atlanta", "Texan" -> "Texas",
#: "Floridian" -> "Florida", "Londoner" -> "London", "Mainer" -> "Maine", "Seattleite" ->
#: "Seattle"); a capital's people are its country's ("Parisians": FRA) when most people of the
#: towns of its name live there (:data:`CAPITAL_NAME_SHARE`).
_DEMONYM_ENDINGS = (
    ("ian", ""),
    ("ian", "a"),
    ("n", ""),
    ("an", ""),
    ("an", "a"),
    ("n", "s"),
    ("er", ""),
    ("r", ""),
    ("ite", ""),
)
#: Words of a direction that name regions of many countries ("Southerners", "Northern"): no
#: one place's people.
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
)
#: A town's people are named after it only when it has this many people (a state or province
#: always qualifies): "Parisians" are of Paris, France, not of a small namesake elsewhere.
DEMONYM_TOWN_MIN_POPULATION = 100_000


@lru_cache(maxsize=4096)
def demonym_country(text: str) -> str | None:
    """The country of the state, province or large town whose people ``text`` names in the
    plural ("Parisians": FRA, "British Columbians": CAN, "New Yorkers": USA, "Londoners": GBR):
    the place that a regular English demonym ending (:data:`_DEMONYM_ENDINGS`) cut off the name
    gives, a state or province or a town of :data:`DEMONYM_TOWN_MIN_POPULATION` people or more,
    of one clear country (``Gazetteer.subnational_country``). None for a country's people (the
    countries table has them), words of direction, or no such place."""
    if not text.endswith("s") or not text[:1].isupper():
        return None
    singular = text[:-1]
    if any(w.lower() in _DIRECTIONS for w in singular.split()):
        return None
    from . import actors
    from .gazetteer import gazetteer  # both read on use: the gazetteer reads the actors tables

    gaz = gazetteer()
    for ending, back in _DEMONYM_ENDINGS:
        if not singular.endswith(ending) or len(singular) - len(ending) < 3:
            continue
        place = singular[: len(singular) - len(ending)] + back
        if (capital := actors.country_code(place)) is not None:
            if (
                actors.is_capital(place)
                and gaz.town_shares(place).get(capital, 0.0) >= actors.CAPITAL_NAME_SHARE
            ):
                return capital  # "Parisians", "Londoners"; "Victorians" are not the Seychelles'
            continue
        code = gaz.subnational_country(place)
        if code is not None and any(
            p.country == code
            and (
                p.feature == "admin1" or (p.feature == "city" and p.population >= DEMONYM_TOWN_MIN_POPULATION)
            )
            for p in gaz.candidates(place)
        ):
            return code
    return None


@lru_cache(maxsize=4096)
def province_country(text: str) -> str | None:
    """The country of a state or province named by several words of which some name a country
    ("British Columbia": CAN, not the British GBR; "New Mexico": USA; "Western Australia": AUS):
    the longer name wins over the country words inside it. None for a name with no country's name
    or adjective in it (a capital's is weighed apart: "Dublin City"), or one the gazetteer does
    not give a state or province of one clear country."""
    from . import actors
    from .gazetteer import gazetteer  # both read on use: the gazetteer reads the actors tables

    words = text.split()
    pieces = (" ".join(words[i : i + n]) for n in (1, 2) for i in range(len(words) - n + 1))
    if len(words) < 2 or not any(actors.country_code(p) and not actors.is_capital(p) for p in pieces):
        return None  # a capital inside is weighed by its towns' shares ("Dublin City Council")
    code = gazetteer().subnational_country(text)
    admin1 = any(p.feature == "admin1" and p.country == code for p in gazetteer().candidates(text))
    return code if code is not None and admin1 else None
