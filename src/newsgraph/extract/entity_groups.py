"""Mentions of one article grouped into entities: people by their names and its variants, and
organisations, places and groups by the key of what they name, each with its first actor code.

- variants of one person's name are one person ("James B. Comey" / "James Comey", "Zelenskyy" /
  "Zelensky": ``resolve/names.py``), and a surname alone ("Tillerson", "Wang") joins the full
  name's entity when the evidence allows (never a word in capitals such as "AI", nor a place the
  model tagged as one, such as "Plymouth"); surnames the model missed are found by a scan of the
  tokens; an acronym joins the name it abbreviates ("FEMA");
- every alias carries the reason it was merged (the record's ``merged``);
- mentions of one country ("US", "the United States") are one entity, named by its common name;
- an institution named without its country ("the Interior Ministry") is the article's country's.

The component (``extract/entities.py``) then gives people their roles and actor codes."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.actors import split_honorifics
from ..resolve.entities import entity_key, fold
from ..resolve.gazetteer import gazetteer
from ..resolve.names import GENERATIONS, PersonName, common_given, parse, surname_match, variant_reason
from . import countries
from .annotations import doc_words, word_positions
from .caps_lines import caps_lines
from .countries import national_institution, subnational_country
from .entity_names import acronym, bodies_ending_in, merge_acronyms, settle_names, state_abbreviation
from .facts import ActorFact, EntityFact, MentionFact, MergeFact, RoleFact
from .mentions import Mention, name_tokens
from .place_names import place_name, state_institution
from .roles import Role
from .span_pieces import known


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


def tabled_person_name(text: str) -> bool:
    """A name or alias of ``resolve/data/people.tsv`` that names no country or organisation."""
    return actors.is_known_person(text) and not known(text)


def group(doc: Doc, mentions: list[Mention], context: str | None = None) -> list[Entity]:
    """Group mentions into entities (see the module docstring). ``context`` is the article's main
    country, for institutions named without one ("the Interior Ministry")."""
    persons: dict[tuple[str, ...], Entity] = {}
    parsed: dict[tuple[str, ...], PersonName] = {}
    by_part: dict[str, set[tuple[str, ...]]] = {}
    # words of lines in capitals ("SAUDI PRINCE MOCKS TRUMP"): their names are read in title case
    capitals = {t for a, b in caps_lines(doc) for t in range(a, b)}
    # 1. full names, longest first (as the text writes them before in capitals): a shorter one
    # joins a longer one it agrees with
    for m in sorted(mentions, key=lambda m: (-len(m.text), m.i in capitals)):
        parts = tuple(name_tokens(split_honorifics(m.text)[0]))
        if m.i in capitals:
            parts = tuple(p.title() if p.isupper() else p for p in parts)
        if len(parts) < 2 or not (m.label == "PERSON" or tabled_person_name(m.text)):
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
    # in the text's order, a line in capitals' names last: "Gaza" names the entity, not "GAZA"
    for m in sorted(mentions, key=lambda m: m.i in capitals):
        if id(m) in used:
            continue
        core = split_honorifics(m.text)[0]
        name_parts = name_tokens(core)
        if len(name_parts) == 1 and _may_join_person(doc, m, persons, name_parts[0], m.i in capitals):
            word = name_parts[0]
            owners = by_part.get(word, set()) or (
                by_part.get(word.title(), set()) if word.isupper() else set()
            )
            reason = "surname" if owners else "spelling variant of the surname"
            owners = owners or _variant_owners(parsed, name_parts[0])
            if owners and _regnal(m.text, core):  # "King Hussein" is not Saddam Hussein
                owners = {k for k in owners if not (parsed.get(k) and fold(word) == parsed[k].last)}
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


def _may_join_person(
    doc: Doc, m: Mention, persons: dict[tuple[str, ...], Entity], word: str, capitals: bool = False
) -> bool:
    """Whether a one-word mention may be a person's surname or given name: never a word in capitals
    ("AI"; a transcript label "PENCE:" and a person's name in a line all in ``capitals``, "SAUDI
    PRINCE MOCKS TRUMP", aside), a known country or organisation labelled otherwise, or a state,
    province or city the model tagged as a place ("Georgia", "Plymouth") unless the word is some
    person's last name."""
    if acronym(m.text):
        label = m.j < len(doc) and doc[m.j].text == ":"
        return (label or capitals) and m.label == "PERSON"
    if m.label == "PERSON":
        return True
    if known(m.text):
        return False
    if m.label in ("GPE", "LOC", "FAC") and gazetteer().lookup(m.text):
        return any(k[-1] == word for k in persons)
    return True


#: Titles of monarchs and popes: the one name after them is a given or regnal name ("King
#: Hussein", "Pope Francis"), never a surname shared with a commoner of the article.
_REGNAL = frozenset(
    "king queen prince princess emperor empress pope sultan emir amir tsar czar crown".split()
)


def _regnal(text: str, core: str) -> bool:
    """Whether the words before the name ``core`` of ``text`` hold a monarch's title."""
    head = text[: len(text) - len(core)] if text.endswith(core) else ""
    return any(w.casefold().strip(".") in _REGNAL for w in head.split())


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
    if tabled_person_name(text):  # "Putin" or "Saddam" tagged ORG or GPE by the model
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
    for i in word_positions(words, parts):
        text = words[i]
        if i in taken or not text[:1].isupper():
            continue
        label = text.isupper() and i + 1 < n_words and words[i + 1] == ":"
        owners = by_part.get(text.title() if label else text)
        if owners and (label or doc[i].pos_ == "PROPN"):
            key = _main_owner(persons, owners)
            idx = doc[i].idx
            persons[key].add(Mention(i, i + 1, idx, idx + len(text), text, "PERSON"), "surname (untagged)")
