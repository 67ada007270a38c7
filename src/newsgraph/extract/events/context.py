"""The :class:`Context` of one doc for the event extractor: the facts the other components wrote
(entities with their actor codes, quotes, dates, places, counts), indexed for the lookups the
argument finders make: which entity a token belongs to, whom a pronoun stands for, which country
a place or an office belongs to, which country the article is about. Built once per doc; nothing
is kept between docs."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ...resolve import actors
from ..annotations import (
    article_context,
    doc_counts,
    doc_dates,
    doc_entities,
    doc_places,
    doc_quotes,
    doc_text,
    entity_index,
)
from ..countries import RIVAL_SENTENCES, RIVAL_SHARE
from ..facts import CountFact, DateFact, EntityFact, PlaceFact, QuoteFact
from .syntax import MODIFIERS

#: Sectors of offices that belong to a country.
#: Sectors of a country's state: an office or body of them with no country said is the article's.
NATIONAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
_NATIONAL = NATIONAL_SECTORS
#: How far back (in tokens) a pronoun or an unnamed group looks for what it stands for.
LOOKBACK = 120
#: The same for "it" and "they", which stand for what the last sentence or two spoke of.
THING_LOOKBACK = 60


@dataclass(slots=True)
class Context:
    """What the argument finders need to know of one doc, built once per doc."""

    doc: Doc
    text: str
    index: dict[int, str]
    entities: dict[str, EntityFact]
    quotes: tuple[QuoteFact, ...]
    published: dt.date | None
    #: token indexes (sorted) and entity ids of people, and of countries/organisations with a code
    person_pos: list[int] = field(default_factory=list)
    person_ids: list[str] = field(default_factory=list)
    person_subject: list[bool] = field(default_factory=list)
    thing_pos: list[int] = field(default_factory=list)
    thing_ids: list[str] = field(default_factory=list)
    thing_subject: list[bool] = field(default_factory=list)
    #: entity id -> country of the place it names (places component)
    place_country: dict[str, str] = field(default_factory=dict)
    places: tuple[PlaceFact, ...] = ()
    dates: tuple[DateFact, ...] | None = None
    counts: tuple[CountFact, ...] | None = None
    #: position of a count in ``counts`` -> id of the event it measures (set with the records)
    count_events: dict[int, str] = field(default_factory=dict)
    #: the country most named in the article (names and adjectives)
    main_country: str | None = None
    #: token indexes of the event nouns found (set by the extractor)
    event_nouns: set[int] = field(default_factory=set)
    #: (start, end) character span -> its root token (see :meth:`root_in`)
    roots: dict[tuple[int, int], Token | None] = field(default_factory=dict)
    #: the dates (DATE, TIME or untyped) and places with a root token, and that root (built once)
    _date_roots: list[tuple[DateFact, Token]] | None = None
    _place_roots: list[tuple[PlaceFact, Token]] | None = None
    _public_country: tuple[str | None] | None = None

    @classmethod
    def build(cls, doc: Doc, *, has_dates: bool, has_counts: bool, has_places: bool) -> Context:
        index = entity_index(doc)
        entities = {e.id: e for e in doc_entities(doc)}
        ctx = cls(
            doc=doc,
            text=doc_text(doc),
            index=index,
            entities=entities,
            quotes=doc_quotes(doc),
            published=article_context(doc).published,
        )
        for i in sorted(index):
            ent = entities.get(index[i])
            if ent is None:
                continue
            if ent.type == "PERSON":
                if index.get(i + 1) != index[i]:  # the last word of the name
                    ctx.person_pos.append(i)
                    ctx.person_ids.append(index[i])
                    ctx.person_subject.append(_is_subject(doc[i]))
            elif ent.type == "ORG" or (ent.type == "GPE" and ent.code):
                tok = doc[i]
                if tok.dep_ in MODIFIERS and tok.head.i in index and index[tok.head.i] == index[i]:
                    continue  # not the head word of its name
                if tok.dep_ in MODIFIERS:
                    continue  # "Manila's missions", "US defense ally": a modifier, not a participant
                ctx.thing_pos.append(i)
                ctx.thing_ids.append(index[i])
                ctx.thing_subject.append(_is_subject(tok))
        ctx.main_country = article_context(doc).main_country
        ctx.places = doc_places(doc) if has_places else _fallback_places(ctx)
        for place in ctx.places:
            if place.entity and place.country:
                ctx.place_country[place.entity] = place.country
        ctx.dates = doc_dates(doc) if has_dates else None
        ctx.counts = doc_counts(doc) if has_counts else None
        return ctx

    # -- lookups ----------------------------------------------------------------------------
    def public_country(self) -> str | None:
        """The main country, as the country of the public the article speaks of ("urged voters
        to", "condemned violence against civilians"), when no other country is named nearly as
        often (in :data:`RIVAL_SENTENCES` sentences or more, and in at least :data:`RIVAL_SHARE`
        as many as the main country): in an article about several countries' meeting the public
        may be any of theirs, as a bare national title's holder may (``countries.people_country``)."""
        if self._public_country is None:
            self._public_country = (self._sole_main_country(),)
        return self._public_country[0]

    def _sole_main_country(self) -> str | None:
        main = self.main_country
        if main is None:
            return None
        sentences: dict[str, set[int]] = {}
        for i, eid in self.index.items():
            ent = self.entities.get(eid)
            if ent is None or ent.type not in ("GPE", "NORP"):
                continue
            code = self.entity_code(eid)[0]
            if code and len(code) == 3 and actors.country_name(code):
                sentences.setdefault(code, set()).add(self.doc[i].sent.start)
        own = len(sentences.get(main, ()))
        rival = max((len(s) for c, s in sentences.items() if c != main), default=0)
        return None if rival >= RIVAL_SENTENCES and RIVAL_SHARE * own <= rival else main

    def root_in(self, start: int, end: int) -> Token | None:
        """The root token of the characters ``[start, end)`` (widened to whole tokens), None for an
        empty span. Kept per span: every event of a doc looks at the same dates and places."""
        key = (start, end)
        if key not in self.roots:
            self.roots[key] = _root_in(self.doc, start, end)
        return self.roots[key]

    def date_roots(self) -> list[tuple[DateFact, Token]]:
        """The dates an event may take (DATE, TIME or untyped) whose characters have a root token,
        with that root, in the order of :attr:`dates` (none when the dates component did not run):
        every event of a doc looks through the same ones."""
        if self._date_roots is None:
            pairs = ((rec, self.root_in(rec.start, rec.end)) for rec in self.dates or ())
            self._date_roots = [
                (rec, root) for rec, root in pairs if root is not None and rec.type in ("DATE", "TIME", None)
            ]
        return self._date_roots

    def place_roots(self) -> list[tuple[PlaceFact, Token]]:
        """The places whose characters have a root token, with that root, in the order of
        :attr:`places`."""
        if self._place_roots is None:
            pairs = ((place, self.root_in(place.start, place.end)) for place in self.places)
            self._place_roots = [(place, root) for place, root in pairs if root is not None]
        return self._place_roots

    def quote_at(self, char: int) -> int | None:
        """Index of the quote whose span holds the character ``char``."""
        for n, quote in enumerate(self.quotes):
            if quote.start <= char < quote.end:
                return n
        return None

    def entity_code(self, eid: str) -> tuple[str | None, str | None]:
        """Actor code and sector of an entity; a place without one takes its country."""
        ent = self.entities.get(eid)
        if ent is None:
            return None, None
        if ent.actor is not None:
            return ent.actor.code, ent.actor.sector
        if ent.type == "PERSON" and self.main_country:
            # "President Yoweri Museveni" with no country said: of the country the article is about
            for role in ent.roles:
                sector = actors.sector_of(role.title or "")
                if sector in _NATIONAL:
                    return self.main_country, sector
        return self.place_country.get(eid), None

    def last_person(self, before: int) -> str | None:
        """The person "he" or "she" stands for: the last one named as a subject (or quoted) within
        LOOKBACK tokens, else the last one named."""
        return _last(self.person_pos, self.person_ids, self.person_subject, before, LOOKBACK)

    def other_person(self, before: int, other_than: str) -> str | None:
        """The last person named before ``before`` (a subject first) who is not ``other_than``."""
        k = bisect_left(self.person_pos, before)
        near = [n for n in range(k - 1, -1, -1) if before - self.person_pos[n] <= LOOKBACK]
        rest = [n for n in near if self.person_ids[n] != other_than]
        subject = [n for n in rest if self.person_subject[n]]
        return self.person_ids[(subject or rest)[0]] if rest else None

    def last_thing(self, before: int) -> str | None:
        """The country or organisation "it" stands for: the last one named as a subject within
        THING_LOOKBACK tokens, else the last one named."""
        return _last(self.thing_pos, self.thing_ids, self.thing_subject, before, THING_LOOKBACK)

    def last_two(self, before: int, people: bool = False) -> list[str]:
        """The last two countries or organisations named (different codes): "the two sides"; with
        ``people`` the last two people ("the two leaders" after "Yeltsin and Kuchma")."""
        out: list[str] = []
        codes: set[str] = set()
        pos, ids = (self.person_pos, self.person_ids) if people else (self.thing_pos, self.thing_ids)
        k = bisect_left(pos, before)
        for n in range(k - 1, -1, -1):
            if before - pos[n] > LOOKBACK:
                break
            code = self.entity_code(ids[n])[0]
            if code and code not in codes:
                codes.add(code)
                out.append(ids[n])
                if len(out) == 2:
                    return out[::-1]
        return []

    def country_in_sentence(self, tok: Token, exclude: str | None = None) -> str | None:
        """The code of the country (name or adjective) named nearest ``tok`` in its sentence."""
        sent = tok.sent
        best: tuple[int, str] | None = None
        for i in range(sent.start, sent.end):
            eid = self.index.get(i)
            ent = self.entities.get(eid) if eid is not None else None
            if ent and ent.type in ("GPE", "NORP"):
                code = self.entity_code(ent.id)[0]
                if code == exclude:
                    continue
                if code and actors.country_name(code) and (best is None or abs(i - tok.i) < best[0]):
                    best = (abs(i - tok.i), code)
        return best[1] if best else None


def _is_subject(tok: Token) -> bool:
    """Whether a name's word is (part of) a clause subject: "Kono said", "US President Trump"."""
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return not _addressed(tok)
        if tok.dep_ not in ("compound", "appos", "flat", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _addressed(tok: Token) -> bool:
    """A name called to, not a subject: a comma, then a bare verb with no auxiliary right after it
    ("Mr. Gorbachev, tear down this wall!", "Donald, stop it"): an imperative said to someone."""
    doc = tok.doc
    verb = tok.head
    return (
        tok.i + 2 < len(doc)
        and doc[tok.i + 1].text == ","
        and doc[tok.i + 2].i == verb.i
        and verb.tag_ == "VB"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _last(pos: list[int], ids: list[str], subject: list[bool], before: int, window: int) -> str | None:
    k = bisect_left(pos, before)
    for n in range(k - 1, -1, -1):
        if before - pos[n] > window:
            break
        if subject[n]:
            return ids[n]
    return ids[k - 1] if k and before - pos[k - 1] <= window else None


def _fallback_places(ctx: Context) -> tuple[PlaceFact, ...]:
    """Place records from the entities when the places component is not in the pipeline: name and
    country only (no coordinates)."""
    out: list[PlaceFact] = []
    for ent in ctx.entities.values():
        if ent.type not in ("GPE", "LOC", "FAC"):
            continue
        code = ent.code if ent.type == "GPE" else None
        for m in ent.mentions:
            out.append(
                PlaceFact(m.text, m.start, m.end, ent.name, code, None, None, None, None, None, None, ent.id)
            )
    return tuple(sorted(out, key=lambda p: p.start))


def _root_in(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
