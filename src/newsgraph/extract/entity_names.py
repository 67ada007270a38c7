"""Names of the entities that are not people, settled once an article's mentions are grouped
(``extract/entity_groups.py``): the type most mentions have, a group's plural name, an institution
named with its country, a one-word organisation joined to the longer one ending in it, and an
acronym joined to the name it abbreviates."""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

from ..resolve import actors
from ..resolve.entities import fold
from ..resolve.gazetteer import gazetteer
from ..tables import data_rows
from .mentions import org_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .entity_groups import Entity
    from .mentions import Mention


def bodies_ending_in(mentions: list[Mention]) -> dict[str, actors.OrgEntry]:
    """An institution every country has (an ``organisations.tsv`` row without a code: "Communist
    Party", "Supreme Court", "Navy") -> the one known body of the article whose name as written
    ends in it ("Chinese Communist Party", "U.S. Supreme Court", "Royal Navy"): the bare name
    written later is that body, not an institution of the article's main country. An institution
    two such bodies end in ("Navy" beside "Royal Navy" and "Indian Navy") is left out, and so is a
    body of another sector than the institution's ("the House" is no part of "the White House")."""
    found: dict[str, dict[str, actors.OrgEntry]] = {}
    for m in mentions:
        if m.label not in ("ORG", "FAC") or " " not in m.text:
            continue
        org = actors.organisation(m.text)
        if org is None or not org.code:
            continue
        words = m.text.split()
        for n in range(1, len(words)):
            inst = actors.organisation(" ".join(words[n:]))
            if inst is not None and not inst.code and inst.sector == org.sector:
                found.setdefault(inst.name, {})[org.name] = org
    return {name: next(iter(orgs.values())) for name, orgs in found.items() if len(orgs) == 1}


def state_abbreviation(doc: Doc, m: Mention) -> tuple[str, str] | None:
    """The state or province a place mention abbreviates and its country: a written abbreviation
    of ``places_admin1.tsv`` anywhere ("Calif.", "N.M.", "W.Va."), or a postal code after a town
    and a comma ("Boca Raton, FL"); the gazetteer's name of the state is the entity's name
    ("Calif." -> "California"), as the labels name states."""
    gaz = gazetteer()
    found = gaz.abbreviations.get(m.text)
    if not found and m.i >= 2 and doc[m.i - 1].text == "," and len(m.text) == 2 and m.text.isupper():
        found = gaz.postal.get(m.text)
    places = {(p.name, p.country) for p in map(gaz.place, found or ()) if p.country}
    return next(iter(places)) if len(places) == 1 else None


def acronym(text: str) -> bool:
    return " " not in text and text.isupper() and len(text) <= 5


def merge_acronyms(others: dict[tuple[str, ...], Entity]) -> None:
    """An unknown name in capitals joins the one organisation or place of the article whose
    capitalised words it abbreviates ("FEMA" -> "Federal Emergency Management Agency")."""
    longer = [e for e in others.values() if e.type in ("ORG", "FAC", "GPE", "LOC") and " " in e.name]
    for key, ent in list(others.items()):
        if ent.key[0] != "NAME" or not acronym(ent.name) or len(ent.name) < 2:
            continue
        found = [e for e in longer if _initials(e.name) == ent.name]
        if len(found) == 1:
            for m in ent.mentions:
                found[0].add(m, f"acronym of {found[0].name}")
            del others[key]


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "la", "du"})


#: The houses of the US Congress as (table name, code): named "U.S. Senate" and "U.S. House of
#: Representatives" even where the article names no country (the labels' guide).
_CONGRESS = frozenset({("Senate", "USA"), ("House of Representatives", "USA")})


def _full_institution(name: str) -> str:
    """A country's institution named by a short form of the table's name, written in full after the
    country ("U.S. House" -> "U.S. House of Representatives"); other names as they are."""
    words = name.split()
    for n in range(1, len(words)):
        rest = " ".join(words[n:])
        inst = actors.organisation(rest)
        short = inst is not None and not inst.code and inst.name.startswith(f"{rest} ")
        if short and inst is not None and actors.country_code(" ".join(words[:n])) is not None:
            return f"{' '.join(words[:n])} {inst.name}"
    return name


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _SMALL_WORDS).upper()


def settle_names(others: dict[tuple[str, ...], Entity]) -> None:
    """Names the tables do not know: the type most of their mentions have (ORG winning a tie), a
    name written otherwise than in capitals when the text has one ("GENEVA" of a dateline ->
    "Geneva"; acronyms of up to five letters stay), and a
    one-word organisation name joins the one longer organisation ending in it ("Post" -> "New York
    Post")."""
    for ent in others.values():
        if ent.key[0] == "NAME" and ent.type != "PERSON":
            votes = Counter(m.label for m in ent.mentions)
            ent.type = max(votes, key=lambda label: (votes[label], label == "ORG"))
        if ent.key[0] == "NAME" and ent.name.isupper() and len(ent.name) > 5:  # "GENEVA" of a dateline
            ent.name = next((m.text for m in ent.mentions if not m.text.isupper()), ent.name)
    for ent in others.values():
        if ent.key[0] == "NORP" or (ent.key[0] == "NAME" and ent.type == "NORP"):
            ent.name = _group_name(ent)
        elif ent.key[0] == "ORG@" and ent.key[2] and (len(ent.key) == 3 or ent.key[1:3] in _CONGRESS):
            # "Nigerian Senate", not "Senate"; the US Congress's houses always with "U.S." (GUIDE.md)
            ent.name = max((m.text for m in ent.mentions), key=len)
            org = actors.organisation(ent.name)  # "House": a short form of the table's name
            if org is not None and org.name.startswith(f"{ent.name} "):
                ent.name = org.name
            ent.name = _full_institution(ent.name)  # "U.S. House" -> "U.S. House of Representatives"
            modifier = actors.country_modifier(ent.key[2])
            body, of, place = ent.name.rpartition(" of ")  # "Senate of Nigeria" -> "Nigerian Senate"
            if modifier and of and actors.country_code(place.removeprefix("the ")) == ent.key[2]:
                ent.name = body
            if modifier and not _names_a_country(ent.name):
                bare = ent.name.split(" ", 1)[1] if ent.name.startswith(("The ", "the ")) else ent.name
                ent.name = f"{modifier} {bare}"
    _join_web_addresses(others)
    orgs = [e for e in others.values() if e.type == "ORG" and len(e.name.split()) > 1]
    for key, ent in list(others.items()):
        if ent.key[0] != "NAME" or ent.type != "ORG" or len(ent.name.split()) != 1 or acronym(ent.name):
            continue  # "AI" is not "Clipboard AI"
        if any(m.label == "PERSON" for m in ent.mentions):
            continue  # "Ms. Post" is no part of "The Washington Post"
        longer = [o for o in orgs if o.name.split()[-1] == ent.name and _shortens_to(o.name, ent.name)]
        if len(longer) == 1:
            for m in ent.mentions:
                longer[0].add(m, f"last word of {longer[0].name}")
            del others[key]


#: Endings of a web address that a firm's name may carry ("Edmunds.com", "Amazon.com").
_WEB_ENDINGS = (".com", ".net", ".org", ".io")


def _join_web_addresses(others: dict[tuple[str, ...], Entity]) -> None:
    """An organisation named by its web address and by its bare name in one article ("Edmunds.com"
    and "Edmunds") is one, named without the address (GUIDE: the usual full name); an address
    with no bare name beside it stays as written ("PanARMENIAN.Net" is the outlet's name)."""
    bare = {fold(e.name): e for e in others.values() if e.key[0] == "NAME" and e.type == "ORG"}
    for key, ent in list(others.items()):
        if ent.key[0] != "NAME" or ent.type != "ORG" or not ent.name.lower().endswith(_WEB_ENDINGS):
            continue
        plain = bare.get(fold(ent.name.rsplit(".", 1)[0]))
        if plain is None or plain is ent:
            continue
        for m in ent.mentions:
            plain.add(m, f"web address of {plain.name}")
        plain.actor = plain.actor or ent.actor
        del others[key]


#: Words of an institution's name that its last word alone may leave out ("National Treasury" ->
#: "Treasury", "Supreme Court" -> "Court").
_GENERIC_MODIFIERS = frozenset({"national", "federal", "central", "supreme", "royal", "state", "general"})


def _shortens_to(name: str, word: str) -> bool:
    """Whether the organisation ``name`` may be called by its last word ``word`` alone: an
    outlet's or firm's word ("The Washington Post" -> "Post"), or a name whose other words are
    generic modifiers or countries ("National Treasury" -> "Treasury"), or a name opened by a
    state, province or large town ("Oklahoma City Thunder" -> "Thunder"); not "the House" for the
    White House."""
    if word.lower() in org_words():
        return True
    rest = [w for w in name.split()[:-1] if w.lower() not in ("the", "of")]
    if rest and _large_town(" ".join(rest)):
        return True  # a team or firm named after its town: "Oklahoma City Thunder" -> "Thunder"
    return all(w.lower() in _GENERIC_MODIFIERS or actors.country_code(w) is not None for w in rest)


#: Fewest people of a town or state whose name opens a team's or firm's name ("Oklahoma City
#: Thunder"); a hamlet's name is more likely a word ("White House": White, a town of 724).
_TOWN_PEOPLE = 100_000


def _large_town(text: str) -> bool:
    """Whether ``text`` names no country but a state or a town of at least ``_TOWN_PEOPLE``."""
    if actors.country_code(text) is not None:
        return False
    places = gazetteer().candidates(text)
    return any(p.feature in ("city", "admin1") and p.population >= _TOWN_PEOPLE for p in places)


def _names_a_country(name: str) -> bool:
    """Whether a name holds a country's name or adjective ("Nigerian Senate", "U.S. Navy")."""
    words = name.split()
    return any(
        actors.country_code(" ".join(words[i : i + n])) is not None
        for n in (1, 2, 3)
        for i in range(len(words) - n + 1)
    )


@cache
def group_nouns() -> dict[str, str]:
    """Religious and ethnic group words -> the group's plural noun (``group_nouns.tsv``)."""
    return {row[0]: row[1] for row in data_rows("newsgraph.extract", "group_nouns.tsv", strip=True)}


def _group_name(ent: Entity) -> str:
    """A nationality's or group's name: its plural noun when the article writes it ("Iraqi" and
    "Iraqis" -> "Iraqis"), else the group's plural noun of ``group_nouns.tsv`` ("Jewish" ->
    "Jews") or a country's noun for its people in ``countries.tsv`` ("Swedish" -> "Swedes"), else
    the plural of a group adjective that is also a noun for one member ("Iraqi" -> "Iraqis",
    "Asian" -> "Asians"), else its first mention ("French")."""
    code = ent.key[1] if ent.key[0] == "NORP" else None
    plural = next(
        (
            m.text
            for m in ent.mentions
            if m.text.endswith("s") and (code is None or actors.country_code(m.text) == code)
        ),
        None,
    )
    if plural:
        return plural
    if ent.name in group_nouns():  # "Jewish" -> "Jews", "Kurdish" -> "Kurds"
        return group_nouns()[ent.name]
    forms = actors.country_forms(code, "adjectives") if code else ()
    members = [f for f in forms if f.endswith("s") and f[:-1] in forms]  # "Swede", "Swedes"
    if members:  # "Swedish" -> "Swedes", "Turkish" -> "Turks"
        return members[0]
    name = ent.name
    plain = name[:1].isupper() and name.replace(" ", "").replace("-", "").isalpha()
    return f"{name}s" if plain and name.endswith(_PLURAL_S) else name


#: Group adjectives that are also nouns for one member, whose plural adds "s" ("Iraqi",
#: "American", "Afghan", "Nazi", "Muslim", "Buddhist"); others stay ("French", "Swiss", "Chinese",
#: "Islamic", "Jewish").
_PLURAL_S = ("an", "i", "im", "ist")


def one_per_key(entities: list[Entity]) -> list[Entity]:
    """``entities`` with those of one store key made one entity, as the store makes them: an
    article's "Patrick Carlineo Jr." and "Patrick W. Carlineo" are grouped apart (a suffix and a
    middle initial are no variants of each other) but both are the store's PERSON:patrick carlineo;
    "Jewish" and "Jews", grouped by their words, are both NORP:jews. The entity with the most
    mentions keeps its name, type and actor and takes the others' mentions and roles (a title it
    lacks)."""
    by_key: dict[str, list[Entity]] = {}
    for ent in entities:
        by_key.setdefault(ent.store_key(), []).append(ent)
    dropped: set[int] = set()
    for group in by_key.values():
        if len(group) < 2:
            continue
        main = max(group, key=lambda e: (len(e.mentions), -e.first.start))
        for other in group:
            if other is main:
                continue
            for m in other.mentions:
                main.add(m, "same store key")
            titles = {r.title for r in main.roles}
            main.roles += [r for r in other.roles if r.title not in titles]
            main.actor = main.actor or other.actor
            dropped.add(id(other))
    return [e for e in entities if id(e) not in dropped] if dropped else entities
