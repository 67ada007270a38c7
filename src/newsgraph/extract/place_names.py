"""Which place a place name means when the gazetteer knows several of that name, and what to call
it (``extract/entities.py`` asks before grouping a place mention):

- **a city and the state around it of one name** ("New York"): the city, the one news usually
  means, named as the gazetteer names it ("New York City"), unless the text says the state: the
  word "state" or "upstate" beside it, a title beside it ("New York Gov.", "governor of New
  York"), or another state of the same country in a list with it ("New York, New Jersey and
  Connecticut");
- **a namesake of a capital** ("Berlin, New Hampshire"): a capital followed by a comma and a state
  or province of another country is that other country's town, named with its state; a capital
  named like a state of its country is the state where the text says so ("Washington state").
  Either is keyed as a place of its own, not as the capital."""

from __future__ import annotations

from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.gazetteer import Place, gazetteer
from ..resolve.place_index import FEATURES
from .annotations import doc_lowers, doc_words
from .mentions import Mention
from .role_titles import title_spans

#: Words right before a state's name that say it is the state ("upstate New York").
_STATE_BEFORE = frozenset({"upstate", "downstate", "state"})


def place_name(doc: Doc, m: Mention, mentions: list[Mention]) -> tuple[str, str | None] | None:
    """The name of the place ``m`` means and its country, when it is not the plain reading of its
    text (see the module docstring); None otherwise."""
    if m.label != "GPE":
        return None
    namesake = _capital_namesake(doc, m)
    if namesake is not None:
        return namesake
    if actors.is_capital(m.text):  # "Washington state" is not the capital
        states = [p for p in _admin1(m.text) if p.country == actors.country_code(m.text)]
        return (m.text, states[0].country) if states and _says_state(doc, m, mentions) else None
    city = _city_of_state(m.text)
    if city is None or _says_state(doc, m, mentions):
        return None
    return city.name, city.country


#: The gazetteer's ``feature`` numbers of a state and of a city.
_ADMIN1, _CITY = FEATURES.index("admin1"), FEATURES.index("city")


def _of_feature(text: str, feature: int) -> list[Place]:
    """The gazetteer's places named ``text`` of one kind, in its order: tested on the gazetteer's
    arrays, so only those become :class:`Place` records (a city's name has many namesakes)."""
    g = gazetteer()
    return [g.place(i) for i in g.lookup(text) if g.feature[i] == feature]


def _admin1(text: str) -> list[Place]:
    return _of_feature(text, _ADMIN1)


def _city_of_state(text: str) -> Place | None:
    """The city that shares the name of the state it lies in and is called otherwise in full
    ("New York" -> "New York City"); None for a name that is one of them only."""
    states = _admin1(text)
    if len(states) != 1:
        return None
    state = states[0]
    cities = [p for p in _of_feature(text, _CITY) if p.country == state.country]
    if not cities:
        return None
    city = max(cities, key=lambda p: p.population)
    return city if city.name != text and city.name.startswith(text) else None


def _says_state(doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
    """Whether the text around ``m`` says it means the state (see the module docstring)."""
    lowers = doc_lowers(doc)
    before = lowers[m.i - 1] if m.i else ""
    after = lowers[m.j] if m.j < len(lowers) else ""
    if (
        before in _STATE_BEFORE
        or after == "state"
        or (before == "of" and m.i > 1 and lowers[m.i - 2] == "state")
    ):
        return True
    for span in title_spans(doc):
        if span.end == m.i or span.start == m.j or (span.end == m.i - 1 and before == "of"):
            return True
    country = _admin1(m.text)[0].country
    for other in mentions:
        gap = doc_words(doc)[other.j : m.i] if other.j <= m.i else doc_words(doc)[m.j : other.i]
        if other is m or other.label != "GPE" or not gap or len(gap) > 2:
            continue
        if all(w in (",", "and", "or") for w in gap) and any(
            p.country == country for p in _admin1(other.text)
        ):
            return True
    return False


def _capital_namesake(doc: Doc, m: Mention) -> tuple[str, str | None] | None:
    """ "Berlin, New Hampshire": a capital, a comma and a state or province of another country;
    "Lebanon, Pennsylvania": a country's name, a comma and a state of another country that has a
    town of that name (the state no country's name: "Iran, Georgia and Armenia" is a list)."""
    words = doc_words(doc)
    capital = actors.is_capital(m.text)
    named = not capital and not actors.is_adjective(m.text)
    if not (capital or named) or m.j + 1 >= len(words) or words[m.j] != ",":
        return None
    capital_of = actors.country_code(m.text)
    if capital_of is None:
        return None
    for n in (3, 2, 1):
        piece = words[m.j + 1 : m.j + 1 + n]
        if len(piece) < n or not all(w[:1].isupper() and w.isalpha() for w in piece):
            continue
        region = " ".join(piece)
        states = [p for p in _admin1(region) if p.country != capital_of]
        if states and not capital:
            towns = {p.country for p in _of_feature(m.text, _CITY)}
            states = [p for p in states if p.country in towns and actors.country_code(region) is None]
        if states:
            return f"{m.text}, {region}", states[0].country
    return None


def state_institution(text: str) -> tuple[actors.OrgEntry, str] | None:
    """A state, province or city followed by an institution every government has
    (``organisations.tsv`` rows without a code): "Wisconsin Supreme Court", "Texas Senate"; the
    institution and the place's country. A country's own ("Nigerian Senate") is
    ``countries.national_institution``'s."""
    words = text.split()
    for n in range(1, min(3, len(words) - 1) + 1):
        place = " ".join(words[:n])
        if actors.country_code(place) is not None:
            return None
        country = gazetteer().subnational_country(place)
        org = actors.organisation(" ".join(words[n:])) if country is not None else None
        if org is not None and not org.code and country is not None:
            return org, country
    return None
