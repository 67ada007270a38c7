"""People, organisations and places in one article, grouped into entities with aliases, roles and
PLOVER actor codes: the ``newsgraph_entities`` component.

The small model's entity spans, cleaned by ``extract/mentions.py``, are the raw material;
``extract/entity_groups.py`` groups them into entities (a person's name variants and surname, one
country's names, an institution of the article's country); this module adds the nominal
institutions ("the junta"), gives people their roles (``extract/roles.py``) and every entity its
actor code (``resolve/actors.py``; a person's from a title, a known person's row, a body the
article names beside the name, ...). Names inside an official title ("Secretary of State") are no
entities, and capitalised words in all-capitals headings that name nothing known are dropped."""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.entities import fold
from ..tables import TABLES_VERSION, data_lines
from . import countries, relations
from .annotations import (
    article_context,
    doc_lowers,
    doc_text,
    set_article_context,
    set_doc_entities,
    set_entity_spans,
)
from .component import Component
from .countries import main_country, named_countries, people_country
from .entity_confidence import confidence as entity_confidence
from .entity_groups import Entity, group, tabled_person_name
from .entity_names import one_per_key
from .firm_signs import acquired_firm_actor
from .labels import consistent_labels
from .leader_bodies import leader_bodies
from .lone_names import unattested_person
from .mentions import Mention, collect_mentions, in_caps_lines, stoplist
from .name_lists import join_known_pieces
from .not_names import model_nouns, use_common_nouns
from .people import (
    agreed_year,
    apply_known_person,
    article_years,
    junior_namesakes,
    known_person,
    named_years,
    person_actor,
    person_name,
    us_member,
    us_party_state,
)
from .roles import find_roles
from .span_fixes import fix_spans

log = logging.getLogger(__name__)


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
    # "the" before a first word of the table: the "the"s found in one pass, then the word after each
    the_at = [k for k in [k for k, w in enumerate(lowers[:-1]) if w == "the"] if lowers[k + 1] in firsts]
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


def _state_namesake(ent: Entity) -> str | None:
    """The country of the one state of another country that a country entity's name is also the
    name of ("Georgia", "Georgians": USA); None for other entities."""
    if ent.type == "GPE" and ent.key[0] in ("COUNTRY", "NAME"):
        return countries.state_namesake(ent.name)
    if ent.type == "NORP" and ent.key[0] == "NORP":  # "Georgians" in US news: the state's people
        return countries.state_namesake(actors.country_name(ent.key[1]) or "")
    return None


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
    _nouns_given = False

    def annotate(self, doc: Doc) -> None:
        if not self._nouns_given:
            self._nouns_given = True
            use_common_nouns(model_nouns(self.nlp))
        self.set_annotations(doc, self.match(doc))

    def load_tables(self) -> None:
        stoplist()

    def match(self, doc: Doc) -> list[Entity]:
        ents = doc.ents  # spaCy builds the tuple anew on each access: once here for both
        mentions = in_caps_lines(
            doc, join_known_pieces(doc, fix_spans(doc, collect_mentions(doc, ents), ents))
        )
        consistent_labels(doc, mentions)
        context = main_country(mentions, doc)
        set_article_context(doc, dataclasses.replace(article_context(doc), main_country=context))
        entities = group(doc, mentions, context) + nominal_mentions(doc, mentions, context)
        for ent in entities:  # "Georgia" in US news, "Niger" in Nigerian news: the state or the country
            if ent.type == "GPE" and (state := countries.state_after_town(doc, ent.mentions, mentions)):
                ent.actor = actors.Actor(state, "GOV")  # "Athens, Georgia": the US state,
                ent.key = ("NAME", fold(ent.name))  # not keyed as the country ("GPE:GEO")
            elif context and _state_namesake(ent) == context:
                ent.actor = None  # neither is sure: no code, and not the country's key ("GPE:GEO")
                ent.key = ("NAME", fold(ent.name))
            elif ent.type == "GPE" and (state := countries.located_in(doc, ent.mentions, mentions)):
                ent.actor = actors.Actor(state, "GOV")  # "Berlin, New Hampshire": not Germany's
            elif ent.type == "ORG" and ent.actor is None:  # "WeWork is headquartered in New York City"
                ent.actor = countries.headquarters_actor(doc, ent.mentions, mentions)
        mentioned = countries.mentioned_countries(mentions)
        for ent in entities:  # "Gaza" (also Mozambique's) in news that names the Palestinians
            if ent.type == "GPE" and ent.actor is None:
                ent.actor = countries.namesake_place_actor(ent.name, mentioned)
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
                ent.actor = countries.named_body_actor(
                    ent.name, person_context, named
                ) or acquired_firm_actor(doc, ent.mentions, person_context)  # "X, which it acquired"
        coded_orgs = {
            fold(text): ent.actor
            for ent in entities
            if ent.type == "ORG"
            and ent.actor is not None
            and ent.actor.sector not in (None, "PTY", "IGO")
            and actors.country_name(ent.actor.code) is not None
            for text in (ent.name, *(m.text for m in ent.mentions))
        }
        uncoded = frozenset(  # "Farm Bureau": a body the article names and nothing codes, and
            fold(text)  # no word of its name says a sector ("CPUC", the "Public Utilities Commission")
            for ent in entities
            if ent.type == "ORG"
            and ent.actor is None
            and not any(actors.sector_of(w) for w in fold(ent.name).split())
            for text in (ent.name, *(m.text for m in ent.mentions))
        )
        juniors = junior_namesakes(persons)  # "Donald Trump Jr." beside "Donald Trump"
        # an undated article: the years its titled office holders tell ("President Donald Trump")
        told = (
            named_years(
                doc_text(doc), article_years([e for e in persons if id(e) not in juniors], roles, named)
            )
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
            # "X, President of Farm Bureau": a head of a body the article names and nothing codes
            # holds no state office: the article's country alone, not the title's GOV
            uncoded_head = known is None and relations.uncoded_body_title(ent.roles, uncoded)
            apply_known_person(ent.roles, known, None if uncoded_head else own)
            member = us_member(doc, ent)
            if member or us_party_state(doc, ent):  # "(D-Mich.)"; "X, a Michigan Democrat"
                for role in ent.roles:
                    role.affiliation = role.affiliation or "USA"
            ent.actor = (
                (relations.title_org_actor(ent.roles, coded_orgs) if known is None else None)
                or (actors.Actor(own, None) if own and uncoded_head else None)
                or person_actor(ent.roles, known, own_year)  # "InfoNation President X": the firm's, above
                or countries.titled_person_actor(ent.roles, own)
                or countries.possessive_org_actor(doc, ent.mentions)  # "CNN's Jake Tapper"
                or countries.of_org_actor(doc, ent.mentions)  # "Robert Costa of The Washington Post"
                or countries.possessive_country_actor(doc, ent.mentions)  # "Hitler's Germany"
            )
            if ent.actor is None and member:
                ent.actor = actors.Actor("USA", "LEG")
            by_name = known is not None and any(tabled_person_name(m.text) for m in ent.mentions)
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
                or relations.listed_member_actor(doc, ent.mentions, name_tokens, person_context)
                or relations.programme_actor(doc, ent.mentions, others)  # "X, whose show on ABC"
            )
            if ent.actor is None or ent.actor.sector is None:  # "American X and Y, both professors"
                pair = relations.pair_member_actor(doc, ent.mentions, name_tokens, person_context)
                if pair is not None and (ent.actor is None or ent.actor.code == pair.code):
                    ent.actor = pair
            if ent.actor is None and not ent.roles and id(ent) not in tabled:  # "X, 68," of the article
                rival = countries.rival_in_sentence(doc, ent.first, mentions, person_context)
                own = None if rival else person_context
                ent.actor = relations.private_person_actor(doc, ent.mentions, own)
        entities = [
            e for e in entities if e.type != "PERSON" or not unattested_person(doc, e.mentions, bool(e.roles))
        ]
        entities = leader_bodies(doc, entities, nominal_actors())  # "the Bush administration"
        return sorted(one_per_key(entities), key=lambda e: e.first.start)

    def set_annotations(self, doc: Doc, entities: list[Entity]) -> None:
        set_doc_entities(doc, tuple(e.fact(n, entity_confidence(e, doc)) for n, e in enumerate(entities, 1)))
        mentions = [(m.i, m.j, e.type, f"e{n}") for n, e in enumerate(entities, 1) for m in e.mentions]
        set_entity_spans(doc, mentions)
