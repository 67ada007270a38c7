"""People, organisations and places in one article, grouped into entities with aliases, roles and
PLOVER actor codes: the ``newsgraph_entities`` component.

The small model's entity spans, cleaned by ``extract/mentions.py``, are the raw material;
document-level reasoning corrects them:

- variants of one person's name are one person ("James B. Comey" / "James Comey", "Zelenskyy" /
  "Zelensky": ``resolve/names.py``), and a surname alone ("Tillerson", "Wang") joins the full
  name's entity when the evidence allows (never a word in capitals such as "AI", nor a place the
  model tagged as one, such as "Plymouth"); surnames the model missed are found by a scan of the
  tokens; an acronym joins the name it abbreviates ("FEMA");
- every alias carries the reason it was merged (the record's ``merged``);
- names inside an official title ("Secretary of State") are not entities;
- capitalised words in all-capitals headings that name nothing known are dropped;
- mentions of one country ("US", "the United States") are one entity, named by its common name.

Roles come from ``extract/roles.py``; actor codes from ``resolve/actors.py``."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.actors import split_honorifics
from ..resolve.entities import entity_key, fold
from ..resolve.gazetteer import gazetteer
from ..resolve.names import GENERATIONS, PersonName, common_given, parse, surname_match, variant_reason
from ..tables import TABLES_VERSION, data_lines
from . import countries, relations
from .annotations import (
    article_context,
    doc_lowers,
    doc_words,
    set_article_context,
    set_doc_entities,
    set_entity_spans,
)
from .component import Component
from .countries import (
    main_country,
    named_countries,
    national_institution,
    people_country,
    subnational_country,
)
from .entity_confidence import confidence as entity_confidence
from .entity_names import (
    acronym,
    bodies_ending_in,
    merge_acronyms,
    one_per_key,
    settle_names,
    state_abbreviation,
)
from .facts import ActorFact, EntityFact, MentionFact, MergeFact, RoleFact
from .labels import consistent_labels
from .lone_names import unattested_person
from .mentions import Mention, collect_mentions, known, name_tokens, stoplist
from .name_lists import join_known_pieces
from .people import (
    agreed_year,
    apply_known_person,
    article_years,
    junior_namesakes,
    known_person,
    person_actor,
    person_name,
    us_member,
    us_party_state,
)
from .place_names import place_name, state_institution
from .roles import Role, find_roles
from .span_fixes import fix_spans

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Entity:
    """Mentions of one person, organisation or place in one article."""

    key: tuple[str, ...]
    type: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    actor: actors.Actor | None = None
    #: surface form -> why it was merged into the entity (see :data:`KEY_REASONS` for the rest)
    why: dict[str, str] = field(default_factory=dict)
    #: a person's name in ``people.tsv``, when the entity is a known person
    canonical: str | None = None

    @property
    def first(self) -> Mention:
        return min(self.mentions, key=lambda m: m.start)

    def add(self, m: Mention, reason: str) -> None:
        self.mentions.append(m)
        self.why.setdefault(m.text, reason)

    def store_key(self) -> str:
        """The store-wide key: a person's by its ``people.tsv`` name as written, else by its first,
        middle and last names without titles and middle initials ("James B. Comey" -> ``PERSON:james
        comey``)."""
        code = self.actor.code if self.actor else None
        if self.type == "PERSON" and self.key[0] in ("PERSON", "NAME"):
            if self.canonical:  # "George W. Bush" and "George H. W. Bush" stay two
                return entity_key("PERSON", self.canonical)
            parsed = parse(split_honorifics(self.name)[0] or self.name)
            return f"PERSON:{parsed.key}" if parsed else entity_key("PERSON", self.name)
        if self.key[0] in ("ORG", "ORG@"):  # by the table's full name: "Democratic Party (United States)"
            return entity_key(self.key[0], self.key[1], code)
        if self.key[0] == "NAME":  # by type and name: the team "Georgia" is not the state
            return entity_key(self.type, self.name)
        if self.key[0] in ("COUNTRY", "NORP"):  # a dependency is a place of its own: "Puerto Rico"
            return entity_key(self.key[0], self.name, self.key[1])  # is GPE:PRI, its actor USA
        return entity_key(self.key[0], self.name, code)

    def fact(self, n: int, confidence: float = 1.0) -> EntityFact:
        """The entity as the typed record later components read; ``n`` numbers it (``"e3"``)."""
        mentions = sorted(self.mentions, key=lambda m: m.start)
        first = mentions[0]
        aliases = tuple(dict.fromkeys(m.text for m in mentions if m.text != self.name))
        default = KEY_REASONS.get(self.key[0], "same name")
        return EntityFact(
            id=f"e{n}",
            key=self.store_key(),
            name=self.name,
            type=self.type,
            aliases=aliases,
            start=first.start,
            end=first.end,
            text=first.text,
            mentions=tuple(MentionFact(m.start, m.end, m.text) for m in mentions),
            roles=tuple(RoleFact(r.title, r.affiliation, r.since) for r in self.roles),
            actor=ActorFact(self.actor.code, self.actor.sector) if self.actor else None,
            merged=tuple(MergeFact(a, self.why.get(a, default)) for a in aliases),
            confidence=confidence,
        )


#: Why mentions grouped by their key are one entity, when nothing more particular was recorded.
KEY_REASONS = {
    "COUNTRY": "same country",
    "NORP": "same nationality",
    "ORG": "same organisation (organisations.tsv)",
    "ORG@": "same institution of the same country",
    "CAPITAL": "same capital",
    "NAME": "same name",
    "PERSON": "same name",
}


@cache
def nominal_actors() -> dict[tuple[str, ...], str]:
    """Nominal institutions ("junta", "armed forces") as lower-case word tuples -> display name."""
    words = [ln.strip() for ln in data_lines("newsgraph.extract", "nominal_actors.txt")]
    return {tuple(w.split()): w for w in words}


#: How far back (in characters) a country named before "the junta" still says whose junta it is.
NOMINAL_WINDOW = 600


def nominal_mentions(doc: Doc, mentions: list[Mention], context: str | None) -> list[Entity]:
    """Entities for "the junta", "the military", ...: the first is the institution of the country
    named last before it (within NOMINAL_WINDOW characters), else of the article's main country;
    later ones are taken to speak of the same country (an article's "the junta" and "the regime"
    are one government's); one followed by "of" and a country's name is that country's ("the
    government of Turkey" in US news), and says nothing of the bare ones."""
    table = nominal_actors()
    firsts = {k[0] for k in table}
    lowers = doc_lowers(doc)
    # "the" before a first word of the table, found in one pass over word pairs; most articles have none
    the_at = [k for k, (w, nxt) in enumerate(pairwise(lowers)) if w == "the" and nxt in firsts]
    if not the_at:
        return []
    taken = {i for m in mentions for i in range(m.i, m.j)}
    countries = sorted((m.start, code) for m in mentions if (code := actors.country_code(m.text)))
    named_after = {
        m.i: code
        for m in mentions
        if (code := actors.country_code(m.text))
        and not actors.is_adjective(m.text)
        and actors.country_name(code)
    }
    longest = max((len(k) for k in table), default=1)
    found: dict[tuple[str, ...], Entity] = {}
    bare: list[str] = []
    for t in the_at:
        for n in range(longest, 0, -1):
            words = tuple(lowers[t + 1 : t + 1 + n])
            if len(words) < n or words not in table or any(i in taken for i in range(t + 1, t + 1 + n)):
                continue
            end_tok = doc[t + n]
            start, end = doc[t + 1].idx, end_tok.idx + len(end_tok.text)
            before = [code for pos, code in countries if start - NOMINAL_WINDOW <= pos < start]
            after = t + 1 + n  # "the government of Turkey": the country named after it is its own
            own = named_after.get(after + 1) if after < len(lowers) and lowers[after] == "of" else None
            code = own or (bare[0] if bare else (before[-1] if before else context))
            if own is None and code is not None and not bare:
                bare.append(code)  # the country later bare mentions speak of: not an "of X" one's
            if code is None:
                break
            name = table[words]
            key = ("ORG@", name, code)
            ent = found.get(key)
            if ent is None:
                ent = found[key] = Entity(
                    key=key, type="ORG", name=name, actor=actors.Actor(code, actors.sector_of(name) or "GOV")
                )
            ent.mentions.append(Mention(t + 1, t + 1 + n, start, end, doc[t + 1 : t + 1 + n].text, "ORG"))
            break
    return list(found.values())


def dated_sectors(entities: list[Entity], years: frozenset[int]) -> None:
    """A known body whose sector changed with the moment (``organisation_periods.tsv``: the
    Taliban) takes the sector of the article's ``years`` when they all agree on one."""
    for ent in entities:
        if ent.type != "ORG" or ent.actor is None or ent.actor.sector is not None or not years:
            continue
        sectors = {actors.dated_sector(ent.name, y) for y in years}
        if len(sectors) == 1 and (sector := sectors.pop()) is not None:
            ent.actor = actors.Actor(ent.actor.code, sector, ent.actor.other_sectors)


def _known_person(text: str) -> bool:
    """A name or alias of ``resolve/data/people.tsv`` that names no country or organisation."""
    return actors.is_known_person(text) and not known(text)


def group(doc: Doc, mentions: list[Mention], context: str | None = None) -> list[Entity]:
    """Group mentions into entities (see the module docstring). ``context`` is the article's main
    country, for institutions named without one ("the Interior Ministry")."""
    persons: dict[tuple[str, ...], Entity] = {}
    parsed: dict[tuple[str, ...], PersonName] = {}
    by_part: dict[str, set[tuple[str, ...]]] = {}
    # 1. full names, longest first: a shorter one joins a longer one it agrees with
    for m in sorted(mentions, key=lambda m: -len(m.text)):
        parts = tuple(name_tokens(split_honorifics(m.text)[0]))
        if len(parts) < 2 or not (m.label == "PERSON" or _known_person(m.text)):
            continue
        name = parse(" ".join(parts))
        key, reason = _person_for(persons, parsed, parts, name)
        if key is None:
            key = ("PERSON", *parts)
            persons[key] = Entity(key=key, type="PERSON", name=m.text)
            if name is not None:
                parsed[key] = name
            reason = "same name"
        persons[key].add(m, reason)
        for part in set(parts):  # "Chavez" of "Alberto Chavez Lozano", "Wang" of "Wang Yi"
            by_part.setdefault(part, set()).add(key)
    others: dict[tuple[str, ...], Entity] = {}
    used = {id(m) for e in persons.values() for m in e.mentions}
    institutions: dict[str, str] = {}  # "Senate" -> "NGA" after "the Nigerian Senate"
    state_bodies: dict[str, tuple[str, str]] = {}  # "Senate" -> ("Texas Senate", "USA")
    bodies_country = None if context else _bodies_country(mentions)
    # countries the text names by name or nationality: another country (the article's, known from
    # its bodies or people) is not written into an institution's name ("Supreme Court" stays)
    named_here = {
        code for m in mentions if m.label in ("GPE", "NORP", "LOC") and (code := actors.country_code(m.text))
    }
    for m in mentions:
        found = national_institution(m.text) if m.label in ("ORG", "FAC") else None
        if found is not None:
            institutions.setdefault(found[0].name, found[1])
        state = state_institution(m.text) if m.label in ("ORG", "FAC") and found is None else None
        if state is not None:
            state_bodies.setdefault(state[0].name, (m.text, state[1]))
    named_here.update(institutions.values())  # "Senate of Nigeria" names Nigeria too
    shared = countries.shared_names(mentions)  # "Korea" beside "North Korea": neither for sure
    # "Communist Party" after "Chinese Communist Party"; not "Navy" beside "Royal" and "Indian Navy"
    bodies = {k: v for k, v in bodies_ending_in(mentions).items() if institutions.get(k, v.code) == v.code}
    for m in mentions:
        if id(m) in used:
            continue
        core = split_honorifics(m.text)[0]
        name_parts = name_tokens(core)
        if len(name_parts) == 1 and _may_join_person(doc, m, persons, name_parts[0]):
            word = name_parts[0]
            owners = by_part.get(word, set()) or (
                by_part.get(word.title(), set()) if word.isupper() else set()
            )
            reason = "surname" if owners else "spelling variant of the surname"
            owners = owners or _variant_owners(parsed, name_parts[0])
            if owners:
                key = _main_owner(persons, owners)
                if reason == "surname" and parsed.get(key) and fold(name_parts[0]) != parsed[key].last:
                    reason = "part of the name"
                persons[key].add(m, reason if core == m.text else f"{reason} after a title")
                continue
        # "New York" -> "New York City"; "Berlin, New Hampshire"; "Calif." -> "California"
        place = place_name(doc, m, mentions) or (state_abbreviation(doc, m) if m.label == "GPE" else None)
        body = _state_body(m, state_bodies, institutions)  # "the Senate" after "the Texas Senate"
        if place is not None:
            name_text, code = place
            key, etype, actor = ("NAME", fold(name_text)), "GPE", actors.Actor(code, "GOV") if code else None
        elif body is not None:
            name_text, actor = body
            key, etype = ("NAME", fold(name_text)), "ORG"
        elif m.label in ("ORG", "FAC") and (inst := actors.organisation(m.text)) and inst.name in bodies:
            org = bodies[inst.name]
            key, etype, name_text = ("ORG", org.name), org.type or "ORG", _shown(org.name)
            actor = actors.Actor(org.code, org.sector)
        else:
            key, etype, name_text, actor = _classify(m, context or bodies_country, institutions, shared)
            if key[0] == "ORG@" and key[2] and key[2] not in named_here:
                key = (*key, "unnamed")  # the country is not named: not written into the name
        ent = others.get(key)
        if ent is None:
            ent = others[key] = Entity(key=key, type=etype, name=name_text, actor=actor)
        ent.mentions.append(m)
    _scan_missed_surnames(doc, persons, by_part, mentions)
    settle_names(others)
    merge_acronyms(others)
    return [*persons.values(), *others.values()]


def _state_namesake(ent: Entity) -> str | None:
    """The country of the one state of another country that a country entity's name is also the
    name of ("Georgia", "Georgians": USA); None for other entities."""
    if ent.type == "GPE" and ent.key[0] in ("COUNTRY", "NAME"):
        return countries.state_namesake(ent.name)
    if ent.type == "NORP" and ent.key[0] == "NORP":  # "Georgians" in US news: the state's people
        return countries.state_namesake(actors.country_name(ent.key[1]) or "")
    return None


def _bodies_country(mentions: list[Mention]) -> str | None:
    """In an article that names no country: the country most of the known bodies it names
    belong to (a party, an agency, a paper of one country), so that "the Supreme Court" there is
    that country's and not a court of no country, shared by every such article of the store."""
    codes = Counter(
        org.code
        for m in mentions
        if m.label in ("ORG", "NORP")
        and (org := actors.organisation(m.text)) is not None
        and actors.country_name(org.code) is not None
    )
    return codes.most_common(1)[0][0] if codes else None


def _state_body(
    m: Mention, state_bodies: dict[str, tuple[str, str]], institutions: dict[str, str]
) -> tuple[str, actors.Actor] | None:
    """The name and actor of the state's institution that a bare institution name stands for
    ("the Senate" after "the Texas Senate"), unless the article names its country's own too."""
    org = actors.organisation(m.text) if m.label in ("ORG", "FAC") else None
    if org is None or org.code or org.name not in state_bodies or org.name in institutions:
        return None
    name, country = state_bodies[org.name]
    return name, actors.Actor(country, org.sector or "GOV")


def _person_for(
    persons: dict[tuple[str, ...], Entity],
    parsed: dict[tuple[str, ...], PersonName],
    parts: tuple[str, ...],
    name: PersonName | None,
) -> tuple[tuple[str, ...] | None, str]:
    """The person a full name joins, and why: the one whose name holds it in order ("Suu Kyi" in
    "Aung San Suu Kyi"), else the one person whose name it is a variant of (a middle initial,
    a transliteration: :func:`resolve.names.variant_reason`); (None, "") when none or several."""
    for key in persons:
        # "Donald Trump" is not a part of "Donald Trump Jr.": the son's suffix tells them apart
        junior = len(parts) > 1 and _generation(key[-1]) and not _generation(parts[-1])
        if _contains(key, parts) and not junior:
            return key, "same name" if key[1:] == parts else "part of the name"
    if name is None:
        return None, ""
    found = {k: r for k, p in parsed.items() if (r := variant_reason(p, name)) is not None}
    if len(found) == 1:
        key, reason = next(iter(found.items()))
        return key, reason
    return None, ""


def _may_join_person(doc: Doc, m: Mention, persons: dict[tuple[str, ...], Entity], word: str) -> bool:
    """Whether a one-word mention may be a person's surname or given name: never a word in capitals
    ("AI"; a transcript label "PENCE:" aside), a known country or organisation labelled otherwise,
    or a state, province or city the model tagged as a place ("Georgia", "Plymouth") unless the
    word is some person's last name."""
    if acronym(m.text):
        return m.j < len(doc) and doc[m.j].text == ":" and m.label == "PERSON"
    if m.label == "PERSON":
        return True
    if known(m.text):
        return False
    if m.label in ("GPE", "LOC", "FAC") and gazetteer().lookup(m.text):
        return any(k[-1] == word for k in persons)
    return True


def _variant_owners(parsed: dict[tuple[str, ...], PersonName], word: str) -> set[tuple[str, ...]]:
    """People whose last name ``word`` is a spelling variant of ("Zelensky" -> "Zelenskyy")."""
    folded = fold(word)
    if common_given(folded):  # "Phillip" beside "Nick Phillips": a given name, not his surname
        return set()
    return {k for k, p in parsed.items() if surname_match(p.last, folded) == "spelling variant"}


def _main_owner(persons: dict[tuple[str, ...], Entity], owners: set[tuple[str, ...]]) -> tuple[str, ...]:
    """Of several people sharing a surname, the one a bare surname most likely means: the most
    mentioned so far, the first mentioned on a tie."""
    return max(owners, key=lambda k: (len(persons[k].mentions), -persons[k].first.start))


def _generation(word: str) -> bool:
    return fold(word) in GENERATIONS


def _contains(key: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """True when the name ``parts`` is the entity ``key``'s name or a part of it in order."""
    name = key[1:]
    n = len(parts)
    return any(name[i : i + n] == parts for i in range(len(name) - n + 1))


def _classify(
    m: Mention,
    context: str | None = None,
    institutions: dict[str, str] | None = None,
    shared: dict[str, str | None] | None = None,
) -> tuple[tuple[str, ...], str, str, actors.Actor | None]:
    """Entity key, type, canonical name and actor for a mention that is not a known person's;
    ``institutions`` gives the country the article names for an institution ("Nigerian Senate");
    ``shared`` the state a name several states go by stands for in the article, or None
    (:func:`countries.shared_names`: "Korea" keyed and coded as neither Korea when unclear)."""
    text = m.text
    org = actors.organisation(text) or _qualified(text, actors.organisation)
    if org is not None and m.label in ("ORG", "FAC", "GPE", "NORP", "PERSON"):
        if not org.code:  # "Interior Ministry", "Congress": the article's country
            context = (institutions or {}).get(org.name, context)
            actor = actors.Actor(context, org.sector) if context else None
            return ("ORG@", org.name, context or ""), org.type or "ORG", _shown(org.name), actor
        return ("ORG", org.name), org.type or "ORG", _shown(org.name), actors.Actor(org.code, org.sector)
    code = actors.country_code(text)
    own = code
    if code is not None and shared and text in shared:
        code = shared[text]
        if code is None:  # an unclear country is no country: a key of its own, no code
            return ("NAME", fold(text)), m.label if m.label in ("GPE", "LOC", "NORP") else "GPE", text, None
    if code is not None and m.label in ("GPE", "LOC", "NORP", "ORG", "PERSON"):
        actor = actors.resolve_actor(text, m.label)
        if actor is not None and code != own:  # "Korea" in news of North Korea alone
            actor = dataclasses.replace(actor, code=code)
        if actors.is_capital(text):
            name = text if not text.isupper() else text.title()
            first = next(iter(actors.country_forms(code, "capitals")), "")
            if first and fold(name).startswith(fold(first)) and fold(name) != fold(first):
                name = first  # "Washington, D.C." -> "Washington"
            return ("CAPITAL", name.lower()), "GPE", name, actor
        if actors.is_adjective(text) or m.label == "NORP":
            return ("NORP", code, text.lower().rstrip("s")), "NORP", text, actor
        return ("COUNTRY", code), "GPE", actors.country_name(code) or text, actor
    party = (actors.party(text) or _qualified(text, actors.party)) if m.label in ("NORP", "ORG") else None
    if party is not None:  # "Democratic", "Republicans"
        actor = actors.Actor(party.code, party.sector) if party.code else None
        return ("ORG", party.name), "ORG", _shown(party.name), actor
    if _known_person(text):  # "Putin" or "Saddam" tagged ORG or GPE by the model
        return ("NAME", fold(text)), "PERSON", text, None
    if m.label == "GPE":  # a state, province or city stands for its country ("Wisconsin sued")
        country = subnational_country(text)
        if country is not None:
            return ("NAME", fold(text)), "GPE", text, actors.Actor(country, "GOV")
    national = national_institution(text) if m.label in ("ORG", "FAC") else None
    if national is not None:  # "Nigerian Senate", later "the Senate": one body
        org, code = national
        return ("ORG@", org.name, code), org.type or "ORG", text, actors.Actor(code, org.sector)
    actor = actors.resolve_actor(text, m.label) if m.label in ("ORG", "NORP") else None
    return ("NAME", fold(text)), m.label, text, actor


def _qualified(text: str, find: Callable[[str], actors.OrgEntry | None]) -> actors.OrgEntry | None:
    """The known body or party a name stands for once a country before it is set aside ("Afghan
    Taliban" -> Taliban), or a state before a party's members ("Kentucky Democrats" -> Democratic
    Party; a "Florida Republican Party" is a body of its own), when the body is of that country
    (institutions of any country, "Nigerian Senate", are ``national_institution``'s)."""
    first, _, rest = text.partition(" ")
    if not rest or not first[:1].isupper():
        return None
    code = actors.country_code(first)
    members = " " not in rest and rest.endswith("s")  # "Democrats", not "Republican Party"
    if code is None and members:
        code = subnational_country(first)
    found = find(rest) if code is not None else None
    if found is None or found.code != code:
        return None
    return found if actors.country_code(first) or found.sector == "PTY" else None


def _shown(name: str) -> str:
    """A table name as shown, without the words that tell namesakes apart in the table:
    "Democratic Party (United States)" -> "Democratic Party" (the key keeps them)."""
    return _QUALIFIER.sub("", name) or name


_QUALIFIER = re.compile(r"\s*\([^)]*\)\Z")


def _scan_missed_surnames(
    doc: Doc,
    persons: dict[tuple[str, ...], Entity],
    by_part: dict[str, set[tuple[str, ...]]],
    mentions: list[Mention],
) -> None:
    """Add mentions of known surnames that the model did not tag at all."""
    if not by_part:
        return
    taken = {i for m in mentions for i in range(m.i, m.j)}
    words = doc_words(doc)
    n_words = len(words)
    # the doc's distinct words that are someone's name part, as written or as a transcript label
    # ("PENCE:"), each tested once
    parts = {w for w in set(words) if w in by_part or (w.isupper() and w.title() in by_part)}
    for i, text in enumerate(words):
        if text not in parts or i in taken or not text[:1].isupper():
            continue
        label = text.isupper() and i + 1 < n_words and words[i + 1] == ":"
        owners = by_part.get(text.title() if label else text)
        if owners and (label or doc[i].pos_ == "PROPN"):
            key = _main_owner(persons, owners)
            idx = doc[i].idx
            persons[key].add(Mention(i, i + 1, idx, idx + len(text), text, "PERSON"), "surname (untagged)")


@Language.factory(
    "newsgraph_entities",
    default_config={"tables": TABLES_VERSION},
    assigns=["doc._.newsgraph_entities", "doc._.newsgraph_context", "doc.spans"],
    requires=["doc.ents", "token.tag"],
)
def make_entities(nlp: Language, name: str, tables: str) -> EntityExtractor:
    return EntityExtractor(nlp, name, tables=tables)


class EntityExtractor(Component):
    """Fills ``doc._.newsgraph_entities`` (typed records) and the ``newsgraph_entities`` span group
    (one span per mention, its ``id_`` the entity's id), and ``newsgraph_titles`` with the titles it
    saw."""

    tables = (
        ("newsgraph.extract", "entity_stoplist.txt"),
        ("newsgraph.extract", "entity_event_words.txt"),
        ("newsgraph.extract", "entity_facility_words.txt"),
        ("newsgraph.extract", "group_nouns.tsv"),
        ("newsgraph.extract", "nominal_actors.txt"),
        ("newsgraph.extract", "roles.tsv"),
        ("newsgraph.extract", "locative_words.txt"),
        ("newsgraph.extract", "place_units.txt"),
        ("newsgraph.extract", "firm_suffixes.txt"),
        ("newsgraph.extract", "subnational_titles.txt"),
        ("newsgraph.extract", "street_words.tsv"),
        ("newsgraph.extract", "charge_words.txt"),
        ("newsgraph.resolve", "countries.tsv"),
        ("newsgraph.resolve", "organisations.tsv"),
        ("newsgraph.resolve", "sectors.tsv"),
        ("newsgraph.resolve", "people.tsv"),
        ("newsgraph.resolve", "honorifics.txt"),
        ("newsgraph.extract", "fact_confidence.tsv"),
    )
    needs = ("ENT_IOB",)

    def annotate(self, doc: Doc) -> None:
        self.set_annotations(doc, self.match(doc))

    def load_tables(self) -> None:
        stoplist()

    def match(self, doc: Doc) -> list[Entity]:
        ents = doc.ents  # spaCy builds the tuple anew on each access: once here for both
        mentions = join_known_pieces(doc, fix_spans(doc, collect_mentions(doc, ents), ents))
        consistent_labels(doc, mentions)
        context = main_country(mentions, doc)
        set_article_context(doc, dataclasses.replace(article_context(doc), main_country=context))
        entities = group(doc, mentions, context) + nominal_mentions(doc, mentions, context)
        for ent in entities:  # "Georgia" in US news, "Niger" in Nigerian news: the state or the country
            if context and _state_namesake(ent) == context:
                ent.actor = None  # neither is sure: no code, and not the country's key ("GPE:GEO")
                ent.key = ("NAME", fold(ent.name))
            elif ent.type == "GPE" and (state := countries.located_in(doc, ent.mentions, mentions)):
                ent.actor = actors.Actor(state, "GOV")  # "Berlin, New Hampshire": not Germany's
            elif ent.type == "ORG" and ent.actor is None:  # "WeWork is headquartered in New York City"
                ent.actor = countries.headquarters_actor(doc, ent.mentions, mentions)
        persons = [e for e in entities if e.type == "PERSON"]
        article_ctx = article_context(doc)
        published_year = article_ctx.published.year if article_ctx.published else None
        published = article_ctx.published_iso  # roles carry it as their "since"
        if not persons or not doc.has_annotation("SENT_START"):
            if published_year is not None:
                dated_sectors(entities, frozenset({published_year}))
            return sorted(one_per_key(entities), key=lambda e: e.first.start)  # roles need sentences
        roles = find_roles(doc, [(e.key, [(m.i, m.j) for m in e.mentions]) for e in persons], since=published)
        person_context = people_country(doc, mentions, context)
        year = published_year
        named = named_countries(doc, mentions)
        for ent in entities:  # "Independent National Electoral Commission": a body of the article's country
            if ent.actor is None and ent.type == "ORG":
                ent.actor = countries.named_body_actor(ent.name, person_context, named)
        coded_orgs = {
            fold(text): ent.actor
            for ent in entities
            if ent.type == "ORG"
            and ent.actor is not None
            and ent.actor.sector not in (None, "PTY", "IGO")
            and actors.country_name(ent.actor.code) is not None
            for text in (ent.name, *(m.text for m in ent.mentions))
        }
        juniors = junior_namesakes(persons)  # "Donald Trump Jr." beside "Donald Trump"
        # an undated article: the years its titled office holders tell ("President Donald Trump")
        told = (
            article_years([e for e in persons if id(e) not in juniors], roles, named)
            if year is None
            else None
        )
        tabled: set[int] = set()  # people of people.tsv: their row's sector stands
        for ent in persons:
            ent.roles = roles.get(ent.key, [])
            own_year = year if told is None else agreed_year(ent, told, named)
            known = known_person(ent, own_year, named) if id(ent) not in juniors else None
            if known is not None:
                tabled.add(id(ent))
            of_country = countries.of_country(doc, ent.mentions)  # "Foreign Minister X of Nigeria"
            for role in ent.roles if of_country else ():
                if role.affiliation is None:
                    role.affiliation, role.inferred = of_country, False
            own = (
                person_context
                if not countries.rival_in_sentence(doc, ent.first, mentions, person_context)
                else None
            )
            apply_known_person(ent.roles, known, own)
            member = us_member(doc, ent)
            if member or us_party_state(doc, ent):  # "(D-Mich.)"; "X, a Michigan Democrat"
                for role in ent.roles:
                    role.affiliation = role.affiliation or "USA"
            ent.actor = (
                (relations.title_org_actor(ent.roles, coded_orgs) if known is None else None)
                or person_actor(ent.roles, known, own_year)  # "InfoNation President X": the firm's, above
                or countries.titled_person_actor(ent.roles, own)
                or countries.possessive_org_actor(doc, ent.mentions)  # "CNN's Jake Tapper"
                or countries.of_org_actor(doc, ent.mentions)  # "Robert Costa of The Washington Post"
                or countries.possessive_country_actor(doc, ent.mentions)  # "Hitler's Germany"
            )
            if ent.actor is None and member:
                ent.actor = actors.Actor("USA", "LEG")
            by_name = known is not None and any(_known_person(m.text) for m in ent.mentions)
            ent.canonical = known.name if known is not None and by_name else None  # not by "President Bush"
            ent.name = person_name(ent, keep_suffix=id(ent) in juniors)
            for m in ent.mentions:
                if m.text != ent.name and ent.why.get(m.text) == "same name":
                    ent.why[m.text] = "name as written, middle initials or titles kept"
        dated_sectors(entities, frozenset({year}) if year is not None else told or frozenset())
        principals = {
            m.j: ent.actor
            for ent in persons
            if ent.actor is not None and actors.country_name(ent.actor.code) is not None
            for m in ent.mentions
        }
        last_names = Counter(ent.name.split()[-1].lower() for ent in persons if " " in ent.name)
        surnames = {
            last: ent.actor
            for ent in persons
            if ent.actor is not None
            and " " in ent.name
            and actors.country_name(ent.actor.code) is not None
            and last_names[last := ent.name.split()[-1].lower()] == 1
        }
        for ent in persons:  # "Trump senior communications adviser X": a campaign's staff
            if id(ent) not in tabled and (
                staff := relations.staff_actor(doc, ent.mentions, principals, surnames, bool(ent.roles))
            ):
                ent.actor = staff
        others = {m.i: (m.j, e.type, e.actor) for e in entities for m in e.mentions}
        name_tokens = frozenset(k for e in entities for m in e.mentions for k in range(m.i, m.j))
        for ent in persons:  # "X, the daughter of former President Y": Y's family; "X of <a body>"
            ent.actor = (
                ent.actor
                or relations.kin_actor(doc, ent.mentions, others)
                or relations.member_actor(doc, ent.mentions, others)  # "X of Fordham University"
                or relations.suspect_actor(doc, ent.mentions, person_context)  # "police arrested X"
                or relations.example_member_actor(doc, ent.mentions, name_tokens, person_context)
                or relations.programme_actor(doc, ent.mentions, others)  # "X, whose show on ABC"
            )
            if ent.actor is None and not ent.roles and id(ent) not in tabled:  # "X, 68," of the article
                rival = countries.rival_in_sentence(doc, ent.first, mentions, person_context)
                own = None if rival else person_context
                ent.actor = relations.private_person_actor(doc, ent.mentions, own)
        entities = [
            e for e in entities if e.type != "PERSON" or not unattested_person(doc, e.mentions, bool(e.roles))
        ]
        return sorted(one_per_key(entities), key=lambda e: e.first.start)

    def set_annotations(self, doc: Doc, entities: list[Entity]) -> None:
        set_doc_entities(doc, tuple(e.fact(n, entity_confidence(e, doc)) for n, e in enumerate(entities, 1)))
        mentions = [(m.i, m.j, e.type, f"e{n}") for n, e in enumerate(entities, 1) for m in e.mentions]
        set_entity_spans(doc, mentions)
