"""Who, when, where and how much for the event extractor (``events.py``): actors and recipients
resolved to entities and PLOVER actor codes, the auxiliary modes of a clause (negated,
hypothetical, future), the event's date, place and magnitudes.

Everything here reads one parsed doc and the records the earlier components wrote; nothing is
stored between documents."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from ..resolve import actors
from . import plover
from .annotations import article_context, doc_facts, doc_text, entity_index

_SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
_RELATIVE = frozenset({"which", "who", "whom", "that", "whose"})
_LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "off", "along", "into"}
)
#: Sectors of offices that belong to a country.
_NATIONAL = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
#: Prepositions through which a phrase names its actor ("a group of ...", "calls by ...").
_CHAIN = frozenset({"of", "from", "including", "by", "for"})
#: Nouns of relations whose "with" phrase names the other side: "ties with Sweden".
_RELATIONAL = frozenset(
    {"relation", "tie", "link", "contact", "trade", "cooperation", "talk", "relationship"}
)
#: Sectors of the state's own forces: unnamed, they belong to the country the text speaks of.
_STATE_SECTORS = frozenset({"COP", "MIL", "PRM"})
#: Sectors of unnamed groups that take the country named with them ("protesters in Kirkuk").
_LOCAL_SECTORS = frozenset(
    {"COP", "MIL", "REB", "CVL", "LAB", "REF", "PRM", "UAF", "CRM", "AGR", "EDU", "MED"}
)
#: How far back (in tokens) a pronoun or an unnamed group looks for what it stands for.
LOOKBACK = 120
#: The same for "it" and "they", which stand for what the last sentence or two spoke of.
THING_LOOKBACK = 60
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_WEEKDAYS = {d: n for n, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MONTHS = {
    m: n
    for n, m in enumerate(
        "jan feb mar apr may jun jul aug sep oct nov dec".split(),
        1,
    )
}
#: Count kinds (counts component) -> PLOVER magnitude fields.
COUNT_FIELDS = {
    "killed": "dead",
    "wounded": "injured",
    "abducted": "abducted",
    "arrested": "arrested",
    "displaced": "displaced",
    "missing": "missing",
    "protesters": "size",
    "troops": "size",
}


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def verb_forms(token: Token) -> list[str]:
    """Candidate base forms of a verb: its lemma, then, for an inflected form, the forms the small
    model's lemmatiser sometimes misses ("staged" -> "stage", not "stag")."""
    out = [token.lemma_.lower()]
    word = token.lower_
    if token.tag_ in ("VBD", "VBN") and word.endswith("ed"):
        stem = word[:-2]
        out += [word[:-1], stem] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    elif token.tag_ == "VBG" and word.endswith("ing"):
        stem = word[:-3]
        out += [stem + "e", stem] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    elif token.tag_ == "VBZ" and word.endswith("s"):
        out += [word[:-1], word[:-2]]
    return out


@dataclass(slots=True)
class Context:
    """What the argument finders need to know of one doc, built once per doc."""

    doc: Doc
    text: str
    index: dict[int, str]
    entities: dict[str, dict[str, Any]]
    quotes: list[dict[str, Any]]
    published: str | None
    #: token indexes (sorted) and entity ids of people, and of countries/organisations with a code
    person_pos: list[int] = field(default_factory=list)
    person_ids: list[str] = field(default_factory=list)
    person_subject: list[bool] = field(default_factory=list)
    thing_pos: list[int] = field(default_factory=list)
    thing_ids: list[str] = field(default_factory=list)
    thing_subject: list[bool] = field(default_factory=list)
    #: entity id -> country of the place it names (places component)
    place_country: dict[str, str] = field(default_factory=dict)
    places: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] | None = None
    counts: list[dict[str, Any]] | None = None
    #: the country most named in the article (names and adjectives)
    main_country: str | None = None
    #: token indexes of the event nouns found (set by the extractor)
    event_nouns: set[int] = field(default_factory=set)
    #: (start, end) character span -> its root token (see :meth:`root_in`)
    roots: dict[tuple[int, int], Token | None] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, *, has_dates: bool, has_counts: bool, has_places: bool) -> Context:
        facts = doc_facts(doc)
        index = entity_index(doc)
        entities = {e["id"]: e for e in facts.get("entities", [])}
        ctx = cls(
            doc=doc,
            text=doc_text(doc),
            index=index,
            entities=entities,
            quotes=list(facts.get("quotes", [])),
            published=article_context(doc).published_iso,
        )
        for i in sorted(index):
            ent = entities.get(index[i])
            if ent is None:
                continue
            if ent["type"] == "PERSON":
                if index.get(i + 1) != index[i]:  # the last word of the name
                    ctx.person_pos.append(i)
                    ctx.person_ids.append(index[i])
                    ctx.person_subject.append(_is_subject(doc[i]))
            elif ent["type"] == "ORG" or (ent["type"] == "GPE" and (ent.get("actor") or {}).get("code")):
                tok = doc[i]
                if tok.dep_ in _MODIFIERS and tok.head.i in index and index[tok.head.i] == index[i]:
                    continue  # not the head word of its name
                if tok.dep_ in _MODIFIERS:
                    continue  # "Manila's missions", "US defense ally": a modifier, not a participant
                ctx.thing_pos.append(i)
                ctx.thing_ids.append(index[i])
                ctx.thing_subject.append(_is_subject(tok))
        votes: Counter[str] = Counter()
        for ent in entities.values():
            code = (ent.get("actor") or {}).get("code")
            if ent["type"] in ("GPE", "NORP") and code and actors.country_name(code):
                votes[code] += len(ent.get("mentions") or [])
        ctx.main_country = votes.most_common(1)[0][0] if votes else None
        places = facts.get("places", [])
        ctx.places = list(places) if has_places else _fallback_places(ctx)
        for place in ctx.places:
            if place.get("entity") and place.get("country"):
                ctx.place_country[place["entity"]] = place["country"]
        ctx.dates = list(facts.get("dates", [])) if has_dates else None
        ctx.counts = facts.get("counts", []) if has_counts else None
        return ctx

    # -- lookups ----------------------------------------------------------------------------
    def root_in(self, start: int, end: int) -> Token | None:
        """The root token of the characters ``[start, end)`` (widened to whole tokens), None for an
        empty span. Kept per span: every event of a doc looks at the same dates and places."""
        key = (start, end)
        if key not in self.roots:
            self.roots[key] = _root_in(self.doc, start, end)
        return self.roots[key]

    def quote_at(self, char: int) -> int | None:
        """Index of the quote whose span holds the character ``char``."""
        for n, quote in enumerate(self.quotes):
            if quote["start"] <= char < quote["end"]:
                return n
        return None

    def entity_code(self, eid: str) -> tuple[str | None, str | None]:
        """Actor code and sector of an entity; a place without one takes its country."""
        ent = self.entities.get(eid)
        if ent is None:
            return None, None
        actor = ent.get("actor") or {}
        if actor.get("code"):
            return actor["code"], actor.get("sector")
        if ent["type"] == "PERSON" and self.main_country:
            # "President Yoweri Museveni" with no country said: of the country the article is about
            for role in ent.get("roles") or []:
                sector = actors.sector_of(role.get("title") or "")
                if sector in _NATIONAL:
                    return self.main_country, sector
        return self.place_country.get(eid), None

    def last_person(self, before: int) -> str | None:
        """The person "he" or "she" stands for: the last one named as a subject (or quoted) within
        LOOKBACK tokens, else the last one named."""
        return _last(self.person_pos, self.person_ids, self.person_subject, before, LOOKBACK)

    def last_thing(self, before: int) -> str | None:
        """The country or organisation "it" stands for: the last one named as a subject within
        THING_LOOKBACK tokens, else the last one named."""
        return _last(self.thing_pos, self.thing_ids, self.thing_subject, before, THING_LOOKBACK)

    def last_two(self, before: int) -> list[str]:
        """The last two countries or organisations named (different codes): "the two sides"."""
        out: list[str] = []
        codes: set[str] = set()
        k = bisect_left(self.thing_pos, before)
        for n in range(k - 1, -1, -1):
            if before - self.thing_pos[n] > LOOKBACK:
                break
            code = self.entity_code(self.thing_ids[n])[0]
            if code and code not in codes:
                codes.add(code)
                out.append(self.thing_ids[n])
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
            if ent and ent["type"] in ("GPE", "NORP"):
                code = self.entity_code(ent["id"])[0]
                if code == exclude:
                    continue
                if code and actors.country_name(code) and (best is None or abs(i - tok.i) < best[0]):
                    best = (abs(i - tok.i), code)
        return best[1] if best else None

    def country_before(self, before: int) -> str | None:
        """The code of the last country named within LOOKBACK tokens before ``before``."""
        for i in range(before - 1, max(-1, before - LOOKBACK), -1):
            eid = self.index.get(i)
            if eid is None:
                continue
            ent = self.entities.get(eid)
            if ent and ent["type"] in ("GPE", "NORP"):
                code = self.entity_code(eid)[0]
                if code and len(code) == 3 and actors.country_name(code):
                    return code
        return None


def _is_subject(tok: Token) -> bool:
    """Whether a name's word is (part of) a clause subject: "Kono said", "US President Trump"."""
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ not in ("compound", "appos", "flat", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _last(pos: list[int], ids: list[str], subject: list[bool], before: int, window: int) -> str | None:
    k = bisect_left(pos, before)
    for n in range(k - 1, -1, -1):
        if before - pos[n] > window:
            break
        if subject[n]:
            return ids[n]
    return ids[k - 1] if k and before - pos[k - 1] <= window else None


def _fallback_places(ctx: Context) -> list[dict[str, Any]]:
    """Place records from the entities when the places component is not in the pipeline: name and
    country only (no coordinates)."""
    out: list[dict[str, Any]] = []
    for ent in ctx.entities.values():
        if ent["type"] not in ("GPE", "LOC", "FAC"):
            continue
        code = (ent.get("actor") or {}).get("code") if ent["type"] == "GPE" else None
        for m in ent.get("mentions", []):
            out.append(
                {
                    "text": m["text"],
                    "start": m["start"],
                    "end": m["end"],
                    "name": ent["name"],
                    "country": code,
                    "lat": None,
                    "lon": None,
                    "entity": ent["id"],
                }
            )
    return sorted(out, key=lambda p: p["start"])


# --------------------------------------------------------------------------- actors


def actor_record(
    ctx: Context, eid: str | None, start: int, end: int, code: str | None, sector: str | None
) -> dict[str, Any]:
    return {
        "entity": eid,
        "text": ctx.text[start:end],
        "start": start,
        "end": end,
        "code": code,
        "sector": sector,
    }


def _phrase_start(head: Token) -> Token:
    """The first word of ``head``'s noun phrase to its left, without a leading determiner."""
    for tok in head.doc[head.left_edge.i : head.i]:
        if tok.dep_ in ("det", "punct", "cc", "predet", "prep", "case") or tok.is_space:
            continue
        return tok
    return head


def span_of(head: Token) -> tuple[int, int]:
    """Character span of ``head``'s noun phrase up to ``head`` (no leading determiner)."""
    left = _phrase_start(head)
    return left.idx, head.idx + len(head.text)


def resolve_heads(
    ctx: Context, heads: list[Token], *, places: bool = True, recipient: bool = False
) -> list[dict[str, Any]]:
    """Actor records for noun phrase heads and their conjuncts, each resolved once. With
    ``places`` false a place name that is no actor (a city) is not taken for its country; with
    ``recipient`` an unnamed group ("refugees") is not given the country named nearby."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str | None, str, int]] = set()
    expanded: list[Token] = []
    pending = list(heads)
    for head in pending:
        if head.pos_ == "ADP":  # a dative "to"/"for" ("providing photographs to Macedonia")
            pending += [p for p in head.children if p.dep_ == "pobj" and p not in pending]
            continue
        for tok in (head, *head.conjuncts):
            if tok not in expanded:
                expanded.append(tok)
    for tok in expanded:
        for rec in _resolve(ctx, tok, 0, places, not recipient):
            if recipient and rec["code"] is None and rec["entity"] and ctx.main_country:
                # a named party, paper or person of no known country, acted on: of the country the
                # article is about ("ordered the opposition newspaper La Prensa to ...")
                rec = {**rec, "code": ctx.main_country}
            key = (rec["entity"], rec["code"], rec["start"] if rec["entity"] is None else 0)
            if key not in seen:
                seen.add(key)
                out.append(rec)
    return out


def _entity_ref(ctx: Context, eid: str, start: int, end: int, places: bool) -> dict[str, Any] | None:
    ent = ctx.entities.get(eid)
    if ent is None:
        return None
    actor = ent.get("actor") or {}
    if actor.get("code"):
        return actor_record(ctx, eid, start, end, actor["code"], actor.get("sector"))
    if ent["type"] == "PERSON":  # an office with no country said: the article's main country's
        code, sector = ctx.entity_code(eid)
        if code:
            return actor_record(ctx, eid, start, end, code, sector)
    country = ctx.place_country.get(eid) if places else None
    return actor_record(ctx, eid, start, end, country, None) if country else None


def _plural_subject(ctx: Context, pronoun: Token) -> list[Token]:
    """For "they"/"their": a plural or coordinated subject earlier in the same sentence ("Blinken
    and Wang ... their meeting")."""
    sent_start = pronoun.sent.start
    for tok in reversed(list(pronoun.doc[sent_start : pronoun.i])):
        if (
            tok.dep_ in ("nsubj", "nsubjpass")
            and tok.pos_ != "PRON"
            and (tok.conjuncts or tok.tag_ in ("NNS", "NNPS"))
        ):
            return [tok]
    return []


def _pronoun(ctx: Context, tok: Token, depth: int, places: bool, guess: bool = True) -> list[dict[str, Any]]:
    word = tok.lower_
    span = (tok.idx, tok.idx + len(tok.text))
    if word in plover.word_class("first"):
        n = ctx.quote_at(tok.idx)
        eid = ctx.quotes[n].get("speaker") if n is not None else None
    elif word in plover.word_class("person"):
        eid = ctx.last_person(tok.i)
    elif word in plover.word_class("thing"):
        if word in ("they", "them", "their") and depth < 2:
            group = _plural_subject(ctx, tok)
            if group:  # depth goes on: the group's own words may be pronouns again
                refs = [
                    r
                    for g in group
                    for t in (g, *g.conjuncts)
                    for r in _resolve(ctx, t, depth + 1, places, guess)
                ]
                if refs:
                    return [{**r, "text": tok.text, "start": span[0], "end": span[1]} for r in refs]
        eid = ctx.last_thing(tok.i)
    elif word in _RELATIVE and tok.head.dep_ in ("relcl", "acl") and depth < 2:
        return _resolve(ctx, tok.head.head, depth + 1, places, guess)
    else:
        return []
    if eid is None:
        return []
    ref = _entity_ref(ctx, eid, *span, places)
    if ref is None and eid in ctx.entities:  # a person or organisation whose code is unknown
        ref = actor_record(ctx, eid, *span, None, None)
    return [ref] if ref else []


def _resolve(ctx: Context, head: Token, depth: int, places: bool, guess: bool = True) -> list[dict[str, Any]]:
    """The actor(s) one noun phrase head names (see :func:`resolve_heads`). A named person,
    organisation or group whose code is unknown is an actor with code null, when nothing else in
    the phrase gives a code. With ``guess`` false an unnamed group gets no country from the rest
    of the sentence."""
    refs = _resolve_coded(ctx, head, depth, places, guess)
    if refs or depth:
        return refs
    eid = ctx.index.get(head.i)
    if eid is None:  # "the opposition newspaper La Prensa"
        eid = next((ctx.index[c.i] for c in head.children if c.dep_ == "appos" and c.i in ctx.index), None)
    ent = ctx.entities.get(eid) if eid is not None else None
    if ent is not None and ent["type"] in ("PERSON", "ORG", "NORP"):
        return [actor_record(ctx, eid, *span_of(head), None, actors.sector_of(head.text))]
    return []


def _country_named(ctx: Context, head: Token) -> dict[str, Any] | None:
    """A country, or people of a country, that a proper name the entity step missed or left
    uncoded names: "Uzbekistan opened" (its government), "Sierra Leonean and Liberian refugees"
    (its people), "Bosnian Serbs" (people of Bosnia: the place word before the people's); a
    capital is left alone ("Washington" may be a person)."""
    if head.pos_ != "PROPN":
        return None
    eid = ctx.index.get(head.i)
    if eid is not None and ctx.index.get(head.i + 1) == eid:
        return None  # not the last word of its name
    words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i >= head.i - 3]
    first = words[0].i if words else head.i
    name = head.doc[first : head.i + 1].text
    code = actors.country_code(name)
    longer = eid is not None and ctx.index.get(first - 1) == eid
    if code is not None and actors.is_capital(name):
        return None
    if code is None or longer or actors.is_adjective(name):
        for lead in head.lefts:  # "Bosnian Serbs", "Kosovo Albanians"
            if lead.dep_ in ("amod", "compound") and lead.i >= head.i - 3:
                lead_code = actors.country_code(lead.text)
                if lead_code and not actors.is_capital(lead.text):
                    return actor_record(ctx, eid, *span_of(head), lead_code, "CVL")
        if code is None or longer:
            return None
    sector = "CVL" if actors.is_adjective(name) else "GOV"
    return actor_record(ctx, eid, *span_of(head), code, sector)


def _resolve_coded(
    ctx: Context, head: Token, depth: int, places: bool, guess: bool = True
) -> list[dict[str, Any]]:
    if head.pos_ == "PRON" or head.lower_ in _RELATIVE:
        return _pronoun(ctx, head, depth, places, guess)
    eid = ctx.index.get(head.i)
    if eid is not None:
        ref = _entity_ref(ctx, eid, *span_of(head), places)
        if ref and any(c.lower_ == "ethnic" for c in head.children):
            # "ethnic Albanians in Serbia": an ethnicity, the country is where they live (PLOVER
            # keeps ethnicity apart from the country code)
            other = ctx.country_in_sentence(head, exclude=ref["code"])
            if other:
                ref = {**ref, "code": other, "sector": ref["sector"] or "CVL"}
        if ref:
            return [ref]
    named = _country_named(ctx, head)
    if named:
        return [named]
    word = lemma(head)
    children = list(head.children)
    if word in plover.word_class("pair") and any(
        c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "amod") for c in children
    ):
        out = []
        for pid in ctx.last_two(head.i):
            ref = _entity_ref(ctx, pid, *span_of(head), places)
            if ref:
                out.append(ref)
        if out:
            return out
    for child in children:  # "his Chinese counterpart Wang Yi"
        if child.dep_ == "appos" and child.i in ctx.index:
            refs = _resolve(ctx, child, depth + 1, places, guess)
            if refs:
                return refs
    # a named modifier: "Japan's foreign minister", "Israeli officials", "Hamas fighters"
    start_tok = _phrase_start(head)
    modifiers = [i for i in range(start_tok.i, head.i) if i in ctx.index and ctx.entity_code(ctx.index[i])[0]]
    if modifiers:
        last = modifiers[-1]
        # "Senior Hungarian and Romanian officials": coordinated modifiers are one actor each
        chosen = [i for i in modifiers if i == last or ctx.doc[i].dep_ == "conj" or ctx.doc[i].conjuncts]
        out = []
        phrase = ctx.text[start_tok.idx : head.idx + len(head.text)]
        for mid in dict.fromkeys(ctx.index[i] for i in chosen):
            code, sector = ctx.entity_code(mid)
            found = actors.resolve_actor(phrase, ctx.entities[mid]["type"]) if len(chosen) == 1 else None
            if found is not None and found.code == code and found.sector:
                sector = found.sector
            else:
                sector = actors.sector_of(head.text) or sector
            if word in plover.word_class("weapon"):
                sector = "MIL"
            out.append(actor_record(ctx, mid, *span_of(head), code or "", sector))
        return out
    for i in range(start_tok.i, head.i):  # a country word the entity step missed: "US Predator attacks"
        tok = ctx.doc[i]
        if i in ctx.index or tok.pos_ not in ("PROPN", "ADJ") or tok.dep_ not in _MODIFIERS:
            continue
        code = actors.country_code(tok.text)
        if code and not actors.is_capital(tok.text):
            sector = actors.sector_of(head.text) or ("MIL" if word in plover.word_class("weapon") else None)
            return [actor_record(ctx, None, *span_of(head), code, sector)]
    for child in children:  # "his country", "its top diplomats"
        if child.dep_ == "poss" and child.pos_ == "PRON":
            refs = _pronoun(ctx, child, depth, places, guess)
            if refs:
                ref = refs[0]
                sector = actors.sector_of(head.text) or ref["sector"]
                if word in ("country", "nation", "government", "state"):
                    sector = "GOV"
                return [actor_record(ctx, ref["entity"], *span_of(head), ref["code"], sector)]
    if depth < 2:
        for child in children:  # "a group of Moroccan diplomats", "fighters from groups including Hamas"
            relational = child.lower_ == "with" and word in _RELATIONAL  # "air links with Serbia"
            if child.dep_ in ("prep", "agent") and (child.lower_ in _CHAIN or relational):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":  # "scores of Sierra Leonean and Liberian refugees"
                        refs = [
                            r
                            for t in (pobj, *pobj.conjuncts)
                            for r in _resolve(ctx, t, depth + 1, places, guess)
                        ]
                        if refs:
                            return refs
    if places and word in plover.word_class("site"):  # "a village in Western Cambodia"
        code = _place_in(ctx, head)
        if code:
            return [actor_record(ctx, None, *span_of(head), code, "CVL")]
    sector = actors.sector_of(ctx.text[start_tok.idx : head.idx + len(head.text)])
    if sector is not None:  # "opposition groups in Zimbabwe", "the police": of the country named with them
        code = _place_in(ctx, head)
        if code is None and guess and sector in _LOCAL_SECTORS:
            code = ctx.country_in_sentence(head)
        if code is None and guess and sector in _STATE_SECTORS:
            code = ctx.country_before(head.i)
        if code:
            return [actor_record(ctx, None, *span_of(head), code, sector)]
    return []


def _place_in(ctx: Context, head: Token) -> str | None:
    """The country of a place named in ``head``'s "in"/"from" phrase ("police in Barcelona"), or
    in that of a participle describing it ("refugees fleeing the war in Liberia")."""
    preps = [c for c in head.children if c.dep_ == "prep"]
    for c in head.children:  # "fleeing the fighting in Sudan"
        if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN"):
            preps += [
                p
                for x in (c, *(o for o in c.children if o.dep_ == "dobj"))
                for p in x.children
                if p.dep_ == "prep"
            ]
    for child in preps:
        if child.lower_ in (
            "in",
            "from",
            "of",
            "throughout",
            "across",
            "at",
            "near",
        ):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                for tok in pobj.subtree:
                    eid = ctx.index.get(tok.i)
                    code = ctx.entity_code(eid)[0] if eid is not None else None
                    if code:
                        return code
    return None


# --------------------------------------------------------------------------- clause structure


def subjects(verb: Token) -> tuple[list[Token], list[Token]]:
    """The verb's subjects (agents, including a passive's "by" phrase) and passive subjects."""
    agents: list[Token] = []
    passive: list[Token] = []
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.lower_ != "there":
            agents.append(child)
        elif child.dep_ == "nsubjpass":
            passive.append(child)
        elif child.dep_ == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
    if len(agents) > 1:  # a misparse gives a verb two subjects: the one nearest before it
        before = [a for a in agents if a.i < verb.i]
        agents = [max(before, key=lambda a: a.i)] if before else agents[:1]
    return agents, passive


def is_passive(verb: Token) -> bool:
    return verb.lemma_ == "be" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def inherited(verb: Token) -> tuple[list[Token], list[Token]]:
    """Actor heads and extra recipient heads of a verb with no subject of its own: from the clause
    it depends on ("urged China to act": China acts; "ordered the assets to be frozen": the one who
    ordered freezes the assets; "attacked Israel, killing 1,200": the attackers kill)."""
    cur = verb
    for _ in range(5):
        head = cur.head
        if head.i == cur.i:
            return [], []
        dep = cur.dep_
        if dep == "pcomp" and head.pos_ == "ADP":
            cur = head
            continue
        if dep == "relcl" and head.pos_ in ("NOUN", "PROPN"):
            return [head], []
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
            if head.dep_ in ("dobj", "pobj", "attr") and head.head.i != head.i:
                cur = head  # "issued a declaration demanding ...": the one who issued it
                continue
            return [], []
        if dep in ("xcomp", "acomp"):
            agents, _ = subjects(head)
            objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if lemma(head) in plover.word_class("control") and not is_passive(cur):
                ons = [
                    p
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
                if objects or ons:
                    return objects or ons, []
            if agents:
                return agents, objects if is_passive(cur) else []
            cur = head
            continue
        if dep in ("conj", "advcl", "prep", "npadvmod") and not (
            dep in ("conj", "advcl") and is_passive(cur)
        ):
            agents, _ = subjects(head)
            if agents:
                return agents, []
            cur = head
            continue
        return [], []
    return [], []


def passive_inherited(verb: Token) -> list[Token]:
    """A passive verb coordinated with another takes its passive subject ("was condemned and
    accused of atrocities")."""
    if verb.dep_ == "conj" and verb.tag_ == "VBN":
        return subjects(verb.head)[1]
    return []


# --------------------------------------------------------------------------- auxiliary modes


@dataclass(slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    #: "... unless X": a condition is attached (a conditional threat or offer)
    conditional: bool = False
    #: "willing to", "ready to": an offer or a threat rather than an event
    intent: bool = False


def modality(anchor: Token, reporting: frozenset[str], in_quote: bool, noun: Token | None = None) -> Modality:
    """PLOVER's auxiliary modes of the clause of ``anchor``: its own negation, modals and "if", and
    those of the clauses it depends on, up to a verb of saying (what is reported keeps its own).
    ``noun`` is the event noun of a support verb: "made no mention" is negated."""
    out = noun_modality(noun) if noun is not None else Modality()
    modals = plover.word_class("modal")
    marks = plover.word_class("mark")
    governors = plover.word_class("governor")
    reported = in_quote
    cur = anchor
    own = True
    would = False
    for _ in range(6):
        for child in cur.children:
            dep = child.dep_
            if dep == "neg" and own:
                out.negated = True
            elif dep in ("aux", "auxpass"):
                kind = modals.get(child.lower_) or modals.get(lemma(child))
                if kind == "future":
                    out.future = True
                elif kind == "hypothetical":
                    out.hypothetical = True
                elif kind == "would":
                    would = True
                elif child.lower_ == "to" and cur.dep_ == "advcl" and cur.tag_ == "VB":
                    out.hypothetical = True  # a purpose clause: "to allow talks to be held"
            elif dep == "mark" and child.lower_ in marks:
                out.hypothetical = True
            elif (
                dep == "advcl"
                and own
                and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children)
            ):
                out.conditional = True
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acomp", "prep"):
            break
        if head.pos_ not in ("VERB", "AUX", "ADJ", "ADP"):
            break
        if lemma(head) in reporting:
            reported = True
            break
        gov = governors.get(lemma(head))
        if gov and cur.dep_ in ("xcomp", "acomp", "ccomp"):
            if gov == "future":
                out.future = True
            elif gov == "hypothetical":
                out.hypothetical = True
            elif gov == "negated" and own:
                out.negated = True
            elif gov == "intent" and own:
                out.intent = True
        if cur.dep_ != "xcomp":
            own = False  # negation does not cross into a new clause
        cur = head
    if would:
        if reported:
            out.future = True
        else:
            out.hypothetical = True
    return out


def noun_modality(noun: Token) -> Modality:
    """Auxiliary modes of an event noun of its own ("no talks", "upcoming talks", "possible
    sanctions")."""
    out = Modality()
    irrealis = plover.word_class("irrealis")
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ == "no":
            out.negated = True
        elif child.dep_ in ("amod", "compound"):
            kind = irrealis.get(child.lower_)
            if kind == "future":
                out.future = True
            elif kind == "hypothetical":
                out.hypothetical = True
    return out


# --------------------------------------------------------------------------- when and where

#: Prepositions whose date is not the event's date ("since June 23", "until Friday").
_NOT_WHEN = frozenset(
    {"since", "until", "till", "before", "after", "by", "from", "through", "ahead", "following"}
)


def _root_in(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _when_ok(root: Token) -> bool:
    head = root.head if root.dep_ == "pobj" else None
    return head is None or head.lower_ not in _NOT_WHEN


def event_date(ctx: Context, scope: set[int], anchor: Token, trigger: Token) -> tuple[str | None, str | None]:
    """(date, date_text): the date expression in the event's own words (``scope``, token indexes)
    nearest the trigger, else the article date; null when neither. A clause hanging on a date
    ("June 23, when Blinken visited Beijing") takes that date."""
    doc = ctx.doc
    candidates: list[tuple[int, str | None, str]] = []
    hung = anchor.head.i if anchor.dep_ == "relcl" and anchor.head.ent_type_ == "DATE" else -1
    if hung >= 0:
        scope = scope | {hung}
    if ctx.dates is not None:
        for rec in ctx.dates:
            if rec.get("type") not in ("DATE", "TIME", None):
                continue
            root = ctx.root_in(rec["start"], rec["end"])
            if root is None or root.i not in scope or (root.i != hung and not _when_ok(root)):
                continue
            candidates.append((abs(root.i - trigger.i), _to_date(rec.get("value"), ctx), rec["text"]))
    else:
        for ent in doc.ents:
            if ent.label_ != "DATE" or ent.root.i not in scope:
                continue
            if ent.root.i != hung and not _when_ok(ent.root):
                continue
            candidates.append((abs(ent.root.i - trigger.i), _guess_date(ent.text, ctx.published), ent.text))
    if candidates:
        _, value, text = min(candidates, key=lambda c: c[0])
        return value, text
    return (ctx.published[:10] if ctx.published else None), None


def _to_date(value: Any, ctx: Context) -> str | None:
    """A TimeML value as an ISO date: full dates as they are; a month, year or week holding the
    article date gives the article date; anything else None."""
    if not isinstance(value, str):
        return None
    if _FULL_DATE.match(value):
        return value[:10]
    pub = ctx.published[:10] if ctx.published else None
    if pub is None:
        return None
    week = _WEEK.match(value)
    if week:
        year, number, _ = dt.date.fromisoformat(pub).isocalendar()
        return pub if (year, number) == (int(week.group(1)), int(week.group(2))) else None
    if re.match(r"^\d{4}(-\d{2})?$", value) and pub.startswith(value):
        return pub
    return None


def _guess_date(text: str, published: str | None) -> str | None:
    """A date for a spaCy DATE entity when no dates component ran: a weekday (the last one on or
    before the article date), "today", "yesterday", or "Month Day" (the last one on or before the
    article date unless a year is given)."""
    if not published:
        return None
    pub = dt.date.fromisoformat(published[:10])
    words = re.findall(r"[a-z]+|\d+", text.lower())
    if not words:
        return None
    if "today" in words or "tonight" in words:
        return pub.isoformat()
    if "yesterday" in words:
        return (pub - dt.timedelta(days=1)).isoformat()
    for word in words:
        if word in _WEEKDAYS and len(words) <= 2:
            return (pub - dt.timedelta(days=(pub.weekday() - _WEEKDAYS[word]) % 7)).isoformat()
    month = next((_MONTHS[w[:3]] for w in words if w.isalpha() and w[:3] in _MONTHS), None)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31), None)
    years = [int(w) for w in words if w.isdigit() and len(w) == 4]
    if month is None or day is None:
        return None
    try:
        date = dt.date(years[0] if years else pub.year, month, day)
    except ValueError:
        return None
    if date > pub and not years:
        try:
            date = date.replace(year=date.year - 1)
        except ValueError:
            return None
    return date.isoformat()


def event_location(
    ctx: Context, scope: set[int], anchor: Token, material: bool, taken: list[tuple[int, int]]
) -> dict[str, Any] | None:
    """The place of the event: a place named after a locative preposition in the event's own words
    ("in Laos", "at the Second Thomas Shoal"), nearest the trigger; for material events also any
    other place there (not an actor: "attacked Israel" happened in Israel)."""
    best: tuple[int, int, dict[str, Any]] | None = None
    for place in ctx.places:
        if any(s <= place["start"] < e for s, e in taken):
            continue
        root = ctx.root_in(place["start"], place["end"])
        if root is None or root.i not in scope:
            continue
        prep = root.head if root.dep_ == "pobj" else None
        locative = prep is not None and prep.lower_ in _LOCATIVE
        if not locative and not material:
            continue
        rank = (0 if locative else 1, abs(root.i - anchor.i))
        if best is None or rank < best[:2]:
            best = (*rank, place)
    if best is None:
        return None
    place = best[2]
    return {
        "text": place["text"],
        "start": place["start"],
        "end": place["end"],
        "name": place.get("name"),
        "country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "geonameid": place.get("geonameid"),
        "feature": place.get("feature"),
    }


# --------------------------------------------------------------------------- magnitudes


def count_in(token: Token) -> int | None:
    """The number counting a noun: "1,200 people", "some 250 others", "2.6 million people"."""
    words = [c for c in token.children if c.dep_ in ("nummod", "quantmod") or c.like_num]
    nums = [
        w for c in words for w in c.subtree if w.like_num or w.lower_ in ("million", "billion", "thousand")
    ]
    if token.like_num:
        nums.append(token)
    if not nums:
        return None
    nums.sort(key=lambda t: t.i)
    return plover.parse_number(" ".join(t.text for t in nums))


def casualty_counts(trigger: Token) -> dict[str, int]:
    """Magnitudes a casualty verb states with a number: "killing 1,200 people" -> dead 1200."""
    kind = plover.word_class("casualty").get(lemma(trigger))
    if kind is None:
        return {}
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "nsubj" and kind == "size"):
            value = count_in(child)
            if value is not None:
                return {kind: value}
    return {}
