"""Actor records for noun phrases: the entity and PLOVER actor code (country and sector) a phrase
head stands for, whether it is a name, a pronoun ("he", "they", "its"), a named modifier ("Israeli
officials"), a pair ("the two sides") or an unnamed group of a country ("police in Barcelona");
and the words of an event noun that name who did it ("Tillerson's call", "an attack by
militants")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ...resolve import actors
from .. import plover
from ..relations import kin_nouns
from ..role_titles import ENVOY_NOUNS
from .context import NATIONAL_SECTORS, Context
from .named_people import body_sector, titled_person
from .offices import office_holder
from .surnames import surname_person
from .syntax import MODIFIERS, issuer_heads, lemma
from .whereabouts import object_owner, place_in

_RELATIVE = frozenset({"which", "who", "whom", "that", "whose"})
#: Prepositions through which a phrase names its actor ("a group of ...", "calls by ..."), or
#: gives examples of the group it names ("candidates like Donald Trump", "including Hamas").
_CHAIN = frozenset({"of", "from", "including", "by", "for", "like"})
#: Nouns of relations whose "with" phrase names the other side: "ties with Sweden".
_RELATIONAL = frozenset(
    {"relation", "tie", "link", "contact", "trade", "cooperation", "talk", "relationship"}
)
#: Nouns of "the two ..." that are people: the last two people named, not two bodies.
_PAIR_PEOPLE = frozenset({"leader"})
#: Nouns of a whole state: "his country", "its government".
_STATE_WORDS = frozenset({"country", "nation", "government", "state"})
#: Sectors of unnamed groups that take the country named with them ("protesters in Kirkuk").
_LOCAL_SECTORS = frozenset(
    {"COP", "MIL", "REB", "CVL", "LAB", "REF", "PRM", "UAF", "CRM", "AGR", "EDU", "MED"}
)


def actor_record(
    ctx: Context, eid: str | None, start: int, end: int, code: str | None, sector: str | None
) -> dict[str, Any]:
    """An actor record: entity id, the text ``[start, end)``, PLOVER code and sector."""
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
        for tok in (titled_person(ctx, t) for t in (head, *head.conjuncts)):  # "mocked President Trump"
            if tok not in expanded:
                expanded.append(tok)
    for tok in expanded:
        found = _resolve(ctx, tok, 0, places, not recipient)
        if recipient and not places and not found:  # spoken to: "urged voters to ..."
            found = _public(ctx, tok)
        for rec in found:
            if (
                recipient
                and rec["code"] is None
                and rec["entity"]
                and ctx.main_country
                and not _stateless(ctx, rec)
            ):
                # a named party, paper or person of no known country, acted on: of the country the
                # article is about ("ordered the opposition newspaper La Prensa to ...")
                rec = {**rec, "code": ctx.main_country}
            elif not recipient and rec["code"] is None and rec["entity"] and ctx.main_country:
                ent = ctx.entities.get(rec["entity"])
                if ent is not None and ent.type in ("PERSON", "ORG"):
                    # a named person, party or group of no known country who acts or speaks: of
                    # the country the article is about, as a named recipient is ("Limbaugh
                    # accused the Democrats", "the Umma party said it will boycott the vote")
                    rec = {**rec, "code": ctx.main_country}
            key = (rec["entity"], rec["code"], rec["start"] if rec["entity"] is None else 0)
            if key not in seen:
                seen.add(key)
                out.append(rec)
    return out


def _stateless(ctx: Context, rec: dict[str, Any]) -> bool:
    """A people or faith of no country ("Muslims", "Jews": a NORP entity with no code)."""
    ent = ctx.entities.get(rec["entity"])
    return ent is not None and ent.type == "NORP"


#: Pronouns of anybody at all: "urged that everyone take a deep breath", "won't endorse anyone".
_ANYBODY = frozenset("everyone everybody anyone anybody someone somebody nobody no-one".split())
#: Sectors of the public at large: voters, citizens, the media.
_PUBLIC_SECTORS = frozenset({"CVL", "JRN"})


def _public(ctx: Context, head: Token) -> list[dict[str, Any]]:
    """The public acted on, with no country named with it ("urged voters to ...", "blamed the
    media", "urged that everyone ..."): the people of the country the article is about, as a named
    recipient of no known country is. A group that may come from elsewhere (refugees, workers,
    students) is left alone."""
    if not ctx.main_country or head.i in ctx.index:
        return []
    if head.lower_ in _ANYBODY:
        sector: str | None = "CVL"
    elif head.pos_ != "NOUN" or any(c.dep_ == "prep" for c in head.children):
        return []  # "people in Europe", "voters of Iowa": the phrase says whose
    else:
        words = ctx.text[_phrase_start(head).idx : head.idx + len(head.text)]
        sector = actors.sector_of(words) or actors.sector_of(head.lemma_)
    code = ctx.public_country() if sector in _PUBLIC_SECTORS and not _of_many(ctx, head) else None
    return [actor_record(ctx, None, *span_of(head), code, sector)] if code else []


def _of_many(ctx: Context, head: Token) -> bool:
    """Whether a group is named as of several countries, by a word of the class ``multinational``
    ("Asian leaders", "foreign journalists", "world leaders") or a people's name of no one country
    ("Arab ministers", "Africans"): not the people or body of the country the article is about."""
    many = plover.word_class("multinational")
    for i in range(_phrase_start(head).i, head.i + 1):
        tok = ctx.doc[i]
        if tok.lower_ in many:
            return True
        eid = ctx.index.get(i)
        if (
            eid is not None
            and eid in ctx.entities
            and ctx.entities[eid].type == "NORP"
            and not ctx.entity_code(eid)[0]
        ):
            return True
    return False


def _entity_ref(ctx: Context, eid: str, start: int, end: int, places: bool) -> dict[str, Any] | None:
    ent = ctx.entities.get(eid)
    if ent is None:
        return None
    if ent.actor is not None:
        return actor_record(ctx, eid, start, end, ent.actor.code, ent.actor.sector)
    if ent.type == "PERSON":  # an office with no country said: the article's main country's
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


def _pair_before(pronoun: Token) -> list[Token]:
    """For "they" or "their" opening its sentence's subject, with nobody named before it there:
    the named parties the sentence before has as its coordinated subject ("Mr. Podesta and Todd
    Stern began negotiations with China. They were backed by ..."), not the country last named."""
    sent = pronoun.sent
    if pronoun.i != sent.start or sent.start == 0 or pronoun.dep_ not in ("nsubjpass", "poss"):
        return []
    prev = pronoun.doc[sent.start - 1].sent
    subj = [c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj or not subj[0].conjuncts:
        return []
    return [subj[0], *subj[0].conjuncts]


def unnamed_they(ctx: Context, tok: Token) -> bool:
    """ "They" (or "them") with no group named before it in its own sentence: "they say Sanders
    should drop out" is what people say, no party's word; the last organisation of an earlier
    sentence is no safe guess for whom it means."""
    return tok.lower_ in ("they", "them") and not _plural_subject(ctx, tok)


#: Object pronouns, which never stand for the subject of their own clause.
_OBJECT_PRONOUNS = frozenset({"him", "her"})


def _local_subject(ctx: Context, tok: Token) -> str | None:
    """The person who is the subject of the clause ``tok`` is in (or of the nearest clause above
    that has one: "began by crediting ... and urging him")."""
    cur = tok.head
    for _ in range(6):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            eid = ctx.index.get(subj[0].i)
            if eid is None and subj[0].lower_ in plover.word_class("person"):
                eid = ctx.last_person(subj[0].i)
            return eid
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


def _pronoun(ctx: Context, tok: Token, depth: int, places: bool, guess: bool = True) -> list[dict[str, Any]]:
    word = tok.lower_
    span = (tok.idx, tok.idx + len(tok.text))
    if word in plover.word_class("first"):
        n = ctx.quote_at(tok.idx)
        eid = ctx.quotes[n].speaker if n is not None else None
    elif word in plover.word_class("person"):
        eid = ctx.last_person(tok.i)
        if (
            eid is not None
            and word in _OBJECT_PRONOUNS
            and tok.dep_ != "poss"
            and _local_subject(ctx, tok) == eid
        ):
            # "Limbaugh ... urging him": "him" is never the subject of its own clause
            eid = ctx.other_person(tok.i, eid)
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
            group = _pair_before(tok)
            if group and all(t.i in ctx.index for t in group):
                # "Podesta and Stern began talks with China. They were backed by ...": the pair
                refs = [
                    r
                    for t in group
                    for r in _resolve(ctx, t, depth + 1, places, guess)
                    or [actor_record(ctx, ctx.index[t.i], *span, None, None)]
                ]
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
    if ent is not None and ent.type in ("PERSON", "ORG", "NORP"):
        return [actor_record(ctx, eid, *span_of(head), None, actors.sector_of(head.text))]
    if (
        ent is None
        and head.pos_ == "NOUN"
        and head.tag_ == "NNS"
        and ctx.public_country()
        and not _of_many(ctx, head)
    ):
        # "lawmakers", "officials", "police": a body of the state with no country said is of the
        # country the article is about, as a person of no known country is
        sector = actors.sector_of(head.lemma_) or actors.sector_of(head.lower_)
        if sector is None:  # "police orders", "police shootings": a thing of the body the phrase names
            sector = actors.sector_of(ctx.text[_phrase_start(head).idx : head.idx + len(head.text)])
        if sector in NATIONAL_SECTORS:
            return [actor_record(ctx, None, *span_of(head), ctx.public_country(), sector)]
    holder = office_holder(ctx, head) if ent is None else None
    if holder is not None:  # "the senator": the person named with that office before
        return [actor_record(ctx, holder[0], *span_of(head), holder[1], holder[2])]
    if ent is None and _the_state_body(head) and ctx.main_country:
        # "the administration", "the government", "the court": the one of the country the
        # article is about, as "officials" and "lawmakers" are
        sector = actors.sector_of(head.lemma_) or actors.sector_of(head.lower_)
        if sector in NATIONAL_SECTORS:
            return [actor_record(ctx, None, *span_of(head), ctx.main_country, sector)]
    return []


def _the_state_body(head: Token) -> bool:
    """A definite singular noun with nothing else to say whose it is: "the administration"."""
    kids = list(head.children)
    return (
        head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in kids)
        and not any(c.dep_ in ("poss", "prep", "compound", "amod", "nmod") for c in kids)
    )


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
    acronym = head.text.isupper() and head.i in ctx.index  # "WHO" (an acronym name), not "who"
    if (head.pos_ == "PRON" or head.lower_ in _RELATIVE) and not acronym:
        if depth < 2 and head.lower_ in plover.word_class("partitive"):
            # "some of the French ministers", "both of Trump's rivals": the group named after "of"
            of = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            refs = [r for p in of if p.dep_ == "pobj" for r in _resolve(ctx, p, depth + 1, places, guess)]
            if refs:
                return refs
        return _pronoun(ctx, head, depth, places, guess)
    eid = ctx.index.get(head.i)
    if eid is None:  # "Jindal criticized Landrieu" after "Bobby Jindal": the surname the NER missed
        eid = surname_person(ctx, head)
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
        # "the two leaders" are the last two people named, of two countries; "the two sides" states
        pair = (ctx.last_two(head.i, people=True) if word in _PAIR_PEOPLE else []) or ctx.last_two(head.i)
        for pid in pair:
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
    if head.lower_ in ENVOY_NOUNS and len({ctx.entity_code(ctx.index[i])[0] for i in modifiers}) > 1:
        # "China's deputy UN ambassador": the UN has no ambassadors of its own, the diplomat is
        # the country's (as a role "Deputy UN Ambassador" is, extract/role_titles.py)
        modifiers = [i for i in modifiers if ctx.entity_code(ctx.index[i])[0] != "UNO"]
    if modifiers:
        last = modifiers[-1]
        # "Senior Hungarian and Romanian officials": coordinated modifiers are one actor each
        chosen = [i for i in modifiers if i == last or ctx.doc[i].dep_ == "conj" or ctx.doc[i].conjuncts]
        out = []
        phrase = ctx.text[start_tok.idx : head.idx + len(head.text)]
        for mid in dict.fromkeys(ctx.index[i] for i in chosen):
            code, sector = ctx.entity_code(mid)
            if word in kin_nouns():
                # "Biden's son met ...": a relative is someone else, a private person of the
                # same country (as with "his mother")
                if code:
                    out.append(actor_record(ctx, None, *span_of(head), code, "CVL"))
                continue
            found = actors.resolve_actor(phrase, ctx.entities[mid].type) if len(chosen) == 1 else None
            if found is not None and found.code == code and found.sector:
                sector = found.sector
            else:
                sector = actors.sector_of(head.text) or sector
            sector = body_sector(ctx, word, mid, code, sector)  # "Israeli tanks": MIL; "X campaign": PTY
            out.append(actor_record(ctx, mid, *span_of(head), code or "", sector))
        return out
    for i in range(start_tok.i, head.i):  # a country word the entity step missed: "US Predator attacks"
        tok = ctx.doc[i]
        if i in ctx.index or tok.pos_ not in ("PROPN", "ADJ") or tok.dep_ not in MODIFIERS:
            continue
        code = actors.country_code(tok.text)
        if code and not actors.is_capital(tok.text):
            sector = actors.sector_of(head.text) or ("MIL" if word in plover.word_class("weapon") else None)
            return [actor_record(ctx, None, *span_of(head), code, sector)]
    # "his country", "its top diplomats"; a "for" phrase's thing of someone names no actor
    # ("opponents for his proposal" are not he; "11 of its crew" are its people)
    for_phrase = depth > 0 and head.dep_ == "pobj" and head.head.lower_ == "for"
    owned = not for_phrase or word in _STATE_WORDS or actors.sector_of(head.text) is not None
    for child in children if owned else ():
        if child.dep_ == "poss" and child.pos_ == "PRON":
            refs = _pronoun(ctx, child, depth, places, guess)
            if refs:
                ref = refs[0]
                if word in kin_nouns():
                    # "his mother refused ...": a relative is someone else, a private person of
                    # the same country, not the one named by "his"
                    return (
                        [actor_record(ctx, None, *span_of(head), ref["code"], "CVL")] if ref["code"] else []
                    )
                sector = actors.sector_of(head.text) or ref["sector"]
                if word in _STATE_WORDS:
                    sector = "GOV"
                return [actor_record(ctx, ref["entity"], *span_of(head), ref["code"], sector)]
    if depth == 0 and word in plover.word_class("document"):
        # "the senators' letter", "a letter signed by 50 senators": a document stands for its issuer
        for issuer in issuer_heads(head):
            refs = _resolve(ctx, issuer, 0, places, guess)
            if refs:
                return refs
    if depth < 2:
        for child in children:  # "a group of Moroccan diplomats", "fighters from groups including Hamas"
            relational = child.lower_ == "with" and word in _RELATIONAL  # "air links with Serbia"
            such_as = child.lower_ == "as" and child.nbor(-1).lower_ == "such"  # "states such as Iran"
            # examples name a group ("candidates like Trump"), not a kind ("a region like Delhi")
            example = (child.lower_ == "like" or such_as) and head.tag_ in ("NNS", "NNPS")
            chained = child.lower_ in _CHAIN and child.lower_ != "like"
            if child.dep_ in ("prep", "agent") and (chained or relational or example):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":  # "scores of Sierra Leonean and Liberian refugees"
                        refs = [
                            r
                            for t in (pobj, *pobj.conjuncts)
                            for r in _resolve(ctx, t, depth + 1, places, guess)
                        ]
                        if refs and word in kin_nouns() and child.lower_ == "of":
                            # "the ex-wife of Alan Grayson": someone else, a private person
                            code = refs[0]["code"]
                            return [actor_record(ctx, None, *span_of(head), code, "CVL")] if code else []
                        if refs:
                            return refs
    if places and word in plover.word_class("site"):  # "a village in Western Cambodia"
        code = place_in(ctx, head)
        if code:
            return [actor_record(ctx, None, *span_of(head), code, "CVL")]
    sector = actors.sector_of(ctx.text[start_tok.idx : head.idx + len(head.text)])
    if sector is not None:  # "opposition groups in Zimbabwe", "the police": of the country named with them
        code = place_in(ctx, head)
        if code is None and guess and sector in _LOCAL_SECTORS:
            code = ctx.country_in_sentence(head, exclude=object_owner(ctx, head))
        if code:
            return [actor_record(ctx, None, *span_of(head), code, sector)]
    return []


def own_actor_heads(ctx: Context, noun: Token, etype: str, *, tokens_only: bool = False) -> list[Token]:
    """Words naming who did an event noun: "Tillerson's call", "an attack by militants", "its
    incursion"; a named modifier counts for material events ("Israeli airstrikes", "US sanctions")
    and for meetings of two named sides ("US-China talks")."""
    out: list[Token] = []
    named: list[Token] = []
    for c in noun.children:
        if c.dep_ == "poss":
            out.append(c)
        elif c.dep_ in ("prep", "agent") and c.lower_ == "by":
            out.extend(p for p in c.children if p.dep_ == "pobj")
        elif (
            c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.index and ctx.entity_code(ctx.index[c.i])[0]
        ):
            named.append(c)
    if tokens_only:
        return out
    if named:
        codes = {ctx.entity_code(ctx.index[c.i])[0] for c in named}
        if (
            not plover.event_types()[etype].verbal
            or etype in ("REQUEST", "ACCUSE", "THREATEN")
            or len(codes) > 1
        ):
            out.extend(named)
    return out


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two actor records are the same party: one entity, or the same unnamed code and sector."""
    if a["entity"] is not None and a["entity"] == b["entity"]:
        return True
    return (
        a["entity"] is None and b["entity"] is None and a["code"] == b["code"] and a["sector"] == b["sector"]
    )


def unique(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``refs`` without repeats (:func:`same`), first mention kept."""
    out: list[dict[str, Any]] = []
    for ref in refs:
        if not any(same(ref, o) for o in out):
            out.append(ref)
    return out


def other_person(ctx: Context, tok: Token, speaker: dict[str, Any]) -> list[dict[str, Any]]:
    """Whom "he" or "she" in a speaker's own words stands for: not the speaker (who says "I"),
    but the last other person named before it."""
    eid = ctx.other_person(tok.i, str(speaker.get("entity")))
    code, sector = ctx.entity_code(eid) if eid is not None else (None, None)
    if eid is None or not code:
        return []
    return [actor_record(ctx, eid, tok.idx, tok.idx + len(tok.text), code, sector)]
