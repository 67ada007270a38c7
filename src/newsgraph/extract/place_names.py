"""Which place a place name means when the gazetteer knows several of that name, and what to call
it (``extract/entity_groups.py`` asks before grouping a place mention):

- **a city and the state around it of one name** ("New York"): the city, the one news usually
  means, named as the gazetteer names it ("New York City"), unless the text says the state: the
  word "state" or "upstate" beside it; a title beside it ("New York Gov.", "governor of New
  York", "New York's governor"; not a city's office: "New York Mayor X" is the city's); a
  state's election or legislature after it ("the New York primary", "New York's delegates",
  "the New York legislature": primaries, caucuses, delegations and legislatures are the
  state's); a member of Congress from it ("New York Democrat X", "the senator from New York");
  a candidate winning or losing it, a primary in it, or "states like" it; or another state of
  the same country in a list with it ("New York, New Jersey and Connecticut");
- **a namesake of a capital** ("Berlin, New Hampshire"): a capital followed by a comma and a state
  or province of another country is that other country's town, named with its state; a capital
  named like a state of its country is the state where the text says so ("Washington state").
  Either is keyed as a place of its own, not as the capital."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..months import FULL_NAMES
from ..resolve import actors
from ..resolve.gazetteer import Place, gazetteer
from ..resolve.place_index import FEATURES
from .annotations import doc_lowers, doc_words
from .mentions import Mention
from .role_titles import title_spans

#: Words right before a state's name that say it is the state ("upstate New York").
_STATE_BEFORE = frozenset({"upstate", "downstate", "state"})
#: Words right after a state's name (or its possessive) that belong to the state, not to a city of
#: its name: its party primaries and caucuses, its delegates and delegation, its legislature, the
#: members of Congress it elects ("New York Democrat X", "a New York congressman").
_STATE_AFTER = frozenset(
    {
        "state",
        "primary",
        "primaries",
        "caucus",
        "caucuses",
        "delegates",
        "delegation",
        "legislature",
        "congressional",
        "congressman",
        "congresswoman",
        "democrat",
        "republican",
    }
)
#: How many words after a state's possessive may reach what it owns ("New York's April 19 primary").
_OWNED_REACH = 4
#: Words of a city's own offices: a title with one beside the name says the city, not the state.
_CITY_OFFICES = frozenset({"mayor", "councilman", "councilwoman", "councilmember", "councillor", "councilor"})
#: A state's elections, named before "in"/"of" it ("the primary in New York").
_ELECTIONS = frozenset({"primary", "primaries", "caucus", "caucuses"})
#: Verbs of an election won or lost right before a place: US candidates win and lose states.
_WON = frozenset({"won", "win", "wins", "winning", "carry", "carried", "carries", "lost", "lose", "loses"})
#: Words between "states" and a state's name in a list of examples ("states like New York").
_LIKE = frozenset({"like", "including", "includes"})
#: Words before "from <state>" that make it the place a member of Congress or a party stands for
#: ("a Democrat from New York"); a title there does as well ("the senator from New York").
_MEMBER_FROM = frozenset({"democrat", "republican", "congressman", "congresswoman", "lawmaker"})


def place_name(doc: Doc, m: Mention, mentions: list[Mention]) -> tuple[str, str | None] | None:
    """The name of the place ``m`` means and its country, when it is not the plain reading of its
    text (see the module docstring); None otherwise."""
    if m.label != "GPE":
        return None
    namesake = _capital_namesake(doc, m) or _town_of_state(doc, m)
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
    return list(_places_of_feature(text, feature))


@lru_cache(maxsize=16384)
def _places_of_feature(text: str, feature: int) -> tuple[Place, ...]:
    """:func:`_of_feature`, remembered: every article asks again for the places it names."""
    g = gazetteer()
    return tuple(g.place(i) for i in g.lookup(text) if g.feature[i] == feature)


def _admin1(text: str) -> list[Place]:
    return _of_feature(text, _ADMIN1)


@lru_cache(maxsize=16384)
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


def _owned(doc: Doc, k: int) -> list[str]:
    """The lower-case words from ``k`` on up to the first one that is not a date's (a month, a
    number: "April 19"), that one included, at most :data:`_OWNED_REACH`: what a possessive owns."""
    out: list[str] = []
    for t in doc[k : k + _OWNED_REACH]:
        out.append(t.lower_)
        if not (t.like_num or t.lower_ in FULL_NAMES):
            break
    return out


def _says_state(doc: Doc, m: Mention, mentions: list[Mention]) -> bool:
    """Whether the text around ``m`` says it means the state (see the module docstring)."""
    lowers = doc_lowers(doc)
    before = lowers[m.i - 1] if m.i else ""
    two_before = lowers[m.i - 2] if m.i > 1 else ""
    after = lowers[m.j] if m.j < len(lowers) else ""
    owner = after in ("'s", "’s")  # "New York's governor", "New York's April 19 primary"
    following = _owned(doc, m.j + 1) if owner else [after]
    if (
        before in _STATE_BEFORE
        or any(w in _STATE_AFTER for w in following)
        or (before == "of" and two_before == "state")
        or (before == "from" and two_before in _MEMBER_FROM)
        or (before in ("in", "of") and two_before in _ELECTIONS)  # "the primary in New York"
        or before in _WON  # "Trump won New York": candidates win states
        or (before in _LIKE and two_before == "states")  # "states like New York"
        or " ".join(lowers[max(0, m.i - 3) : m.i]) == "states such as"
    ):
        return True
    for span in title_spans(doc):
        if any(t.lower_ in _CITY_OFFICES for t in span):
            continue  # "New York Mayor X", "New York's mayor": the city's office
        if (
            span.end == m.i
            or span.start == m.j
            or (owner and span.start == m.j + 1)
            or (span.end == m.i - 1 and before in ("of", "from"))
        ):
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
        if actors.country_code(region) == capital_of:
            return None  # "Tbilisi, Georgia", "Paris, France": the capital, in its own country
        states = [p for p in _admin1(region) if p.country != capital_of]
        if states and not capital:
            towns = {p.country for p in _of_feature(m.text, _CITY)}
            states = [p for p in states if p.country in towns and actors.country_code(region) is None]
        if states:
            return f"{m.text}, {region}", states[0].country
    return None


def _town_of_state(doc: Doc, m: Mention) -> tuple[str, str] | None:
    """ "Alexandria, Va.": a town, a comma and a state or province (written abbreviation or name)
    that has a town of that name, where the largest town of the name lies in another country: the
    state's town, with the state's country (a town keeps its country as the state that follows it
    says, not the one of its best-known namesake). Countries and capitals are
    ``_capital_namesake``'s."""
    words = doc_words(doc)
    if m.j + 1 >= len(words) or words[m.j] != "," or actors.country_code(m.text) is not None:
        return None
    towns = _of_feature(m.text, _CITY)
    if not towns:
        return None
    gaz = gazetteer()
    states = [gaz.place(i) for i in gaz.abbreviations.get(words[m.j + 1], ())]
    for n in (3, 2, 1):
        piece = words[m.j + 1 : m.j + 1 + n]
        if states or len(piece) < n or not all(w[:1].isupper() and w.isalpha() for w in piece):
            continue
        if actors.country_code(" ".join(piece)) is None:
            states = _admin1(" ".join(piece))
    largest = max(towns, key=lambda p: p.population).country
    for state in states:
        here = any(t.admin1 == state.name and t.country == state.country for t in towns)
        if state.country != largest and here:
            return m.text, str(state.country)
    return None


def state_institution(text: str) -> tuple[actors.OrgEntry, str] | None:
    """A state, province or city followed by an institution every government has
    (``organisations.tsv`` rows without a code): "Wisconsin Supreme Court", "Texas Senate"; the
    institution and the place's country. A country's own ("Nigerian Senate") is
    ``countries.national_institution``'s. A name the tables know as a whole is that body, not a
    place's institution ("the White House" is no "House" of a village called White)."""
    if actors.organisation(text) is not None:
        return None
    words = text.split()
    if words and words[0] in ("the", "The"):
        words = words[1:]
    for n in range(1, min(3, len(words) - 1) + 1):
        place = " ".join(words[:n])
        if actors.country_code(place) is not None:
            return None
        country = gazetteer().subnational_country(place)
        org = actors.organisation(" ".join(words[n:])) if country is not None else None
        if org is not None and not org.code and country is not None:
            return org, country
    return None
