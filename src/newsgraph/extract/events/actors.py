"""Actors and recipients of an event: the subject, object and recipient prepositions of its type
(``plover_types.tsv``), the doer an event noun names, meeting partners and two-sided fighters as
joint actors, the parties a verbal event's content names ("demanded that Israel withdraw"), and,
when the text leaves them unnamed, the speaker of a quote, the state whose measure an event noun
is, a protest's demand or the country of the event's place."""

from __future__ import annotations

from typing import Any

from spacy.symbols import VERB
from spacy.tokens import Token

from ...resolve.actors import sector_of
from .. import plover
from .candidates import Lexicon
from .clause_signs import a_thing
from .context import Context
from .datelines import past_dateline, past_dateline_refs
from .drafts import Draft, event_scope
from .earlier import earlier_doers
from .letters import addressee_heads, misparsed_addressee, sender_heads
from .partners import content_partners, object_partners
from .place_authorities import place_authorities
from .references import actor_record, own_actor_heads, resolve_heads, same, span_of, unique
from .relate import measure_owners
from .syntax import (
    between_heads,
    clause_subjects,
    inherited,
    is_passive,
    lemma,
    names_people,
    passive_inherited,
    position,
    prep_objects,
    subjects,
    verb_forms,
)
from .targets import done_to, has_object, owner_heads, phrasal_target, reason_doers, site, topic_object
from .unnamed import unidentified_span, victims
from .when_where import event_location

#: Event types whose trigger inside a quote, with no subject, is the speaker's event.
_SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE"})
#: Types whose event, with no recipient named, is directed at the country of its place.
_PLACE_RECIPIENT = frozenset({"PROTEST", "COERCE", "ASSAULT", "SANCTION", "CONCEDE"})
#: Dependencies through which a clause says what a protest is for ("to demand", "in demanding").
_PURPOSE_DEPS = frozenset({"advcl", "xcomp", "pcomp", "prep", "acl", "conj"})
#: Types of a statement that judges what another did ("condemned the test", "hailed the ruling").
_JUDGING = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
#: Types of an event that undoes a measure of its own actor ("eased the curfew", "lifted the ban").
_UNDOING = frozenset({"CONCEDE", "RETREAT"})
#: Sectors of actors that can impose what a state imposes (a curfew, a ban).
_STATE_ACTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def event_arguments(
    lex: Lexicon, ctx: Context, d: Draft
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Actor, recipient and joint-actor records of an event and of the events merged into it
    ("attacked Israel, killing 1,200 people": one event, all its arguments); a row flagged
    ``swap`` swaps actors and recipients."""
    actors, recipients, joint = arguments(lex, ctx, d, d.quote)
    for x in d.merged:
        more = arguments(lex, ctx, x, x.quote)
        if x.noun is not None and x.noun.dep_ == "nsubjpass" and x.noun.head.i == d.anchor.i:
            # "a Ukrainian drone attack on Moscow was repelled by air defences": the passive's
            # subject is what was acted on; its doers are the recipients, never the actors
            recipients += more[0]
            continue
        if not actors:
            actors = more[0]
        recipients += more[1]
        joint += more[2]
    if "swap" in d.entry.flags:
        actors, recipients = recipients, actors
    recipients = [r for r in (_other_government(ctx, r, actors) for r in recipients) if r is not None]
    return actors, recipients, joint


#: Bare nouns of a state's rulers, taken for the article's country when nothing says whose.
_RULERS = frozenset({"government", "regime"})


def _other_government(
    ctx: Context, rec: dict[str, Any], actors: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """ "China and Russia support the government" (in an article mostly about Russia): a bare "the
    government" that states act on is not one of theirs but another's: the country named nearest in
    the sentence that is none of the actors', else no one's (the manual's recipient is another
    party; a state does not back its own government)."""
    states = {
        a["code"] for a in actors if a["entity"] in ctx.entities and ctx.entities[a["entity"]].type == "GPE"
    }
    named = ctx.entities.get(rec["entity"] or "")
    if rec["code"] not in states or (named is not None and named.name.lower() not in _RULERS):
        return rec  # a named government ("the Assad government") says whose it is
    tok = ctx.root_in(rec["start"], rec["end"])
    if tok is None or tok.lower_ not in _RULERS:
        return rec
    kids = list(tok.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
        c.dep_ in ("poss", "prep", "compound", "amod", "nmod") for c in kids
    ):
        return rec
    own = {a["code"] for a in actors}
    best: tuple[int, str] | None = None
    for i in range(tok.sent.start, tok.sent.end):
        ent = ctx.entities.get(ctx.index.get(i, ""))
        code = ctx.entity_code(ent.id)[0] if ent is not None and ent.type == "GPE" else None
        if code and code not in own and (best is None or abs(i - tok.i) < best[0]):
            best = (abs(i - tok.i), code)
    return {**rec, "entity": None, "code": best[1]} if best else None


def share_joint(
    actors: list[dict[str, Any]],
    recipients: list[dict[str, Any]],
    joint: list[dict[str, Any]],
    joint_ok: bool,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Joint actors are actors of a joint event (:func:`~.classify.is_joint`), recipients
    otherwise; each party once, and no actor also a recipient."""
    if joint_ok:
        actors, recipients = actors + recipients + joint, []
    else:
        actors, recipients = actors, recipients + joint
    actors = unique(actors)
    recipients = [r for r in unique(recipients) if not any(same(r, a) for a in actors)]
    return actors, recipients


#: Attacks from the air or from afar, whose doer is seldom of the place they hit.
_FROM_AFAR = frozenset({"aerial", "drone", "heavy-weapons"})


def fill_in(
    lex: Lexicon,
    ctx: Context,
    d: Draft,
    etype: str,
    location: dict[str, Any] | None,
    actors: list[dict[str, Any]],
    recipients: list[dict[str, Any]],
    joint_ok: bool,
    demands: dict[int, Draft],
    mode: str | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Recipients and actors the text leaves unnamed: a protest's from what it demands, or its
    protesters' own government; the country of the event's place for a protest, a curfew or an
    attack there; protesters of the country whose government they protest to; PLOVER's unidentified
    actor of an attack; the police of the place of an arrest."""
    if not recipients and etype == "PROTEST":
        recipients = demand_recipients(lex, ctx, d, demands)
    if not recipients and etype in _PLACE_RECIPIENT and location and location.get("country") and not joint_ok:
        # a protest, a curfew, an attack in a place is directed at that place's country
        sector = "GOV" if etype == "PROTEST" else "CVL"
        start, end = location["start"], location["end"]
        named = victims(d) if etype != "PROTEST" else None
        if named is not None:
            # "police in Lagos arrested 12 protesters": the protesters, of the place's country;
            # the place is where it happened, not whom it was done to
            start, end = span_of(named)
            sector = sector_of(ctx.text[start:end]) or sector
        recipients = [actor_record(ctx, None, start, end, location["country"], sector)]
    if not recipients and etype == "PROTEST" and actors and actors[0]["sector"] not in ("GOV",):
        first = actors[0]  # protesters protest to their own government
        recipients = [actor_record(ctx, None, first["start"], first["end"], first["code"], "GOV")]
    if not actors and etype == "PROTEST" and location and location.get("country"):
        # "thousands of teachers protested in Nairobi": people of the place
        actors = [actor_record(ctx, None, location["start"], location["end"], location["country"], "CVL")]
    protesters = subjects(d.anchor)[0] if d.how in ("verb", "support") else []
    if not actors and etype == "PROTEST" and protesters and recipients and recipients[0]["code"]:
        # "Islamic fundamentalists ... to demand the resignation of Algerian President ...":
        # people of the country whose government they protest to
        span = span_of(protesters[0])
        sector = sector_of(ctx.text[span[0] : span[1]]) or "CVL"
        actors = [actor_record(ctx, None, *span, recipients[0]["code"], sector)]
    if (
        not actors
        and etype in ("ASSAULT",)
        and location
        and location.get("country")
        and d.how != "own"
        and (mode or d.mode) not in _FROM_AFAR
    ):
        # "a roadside bombing near Samarra killed ...": PLOVER's unidentified actor (sector UNK,
        # manual: "two civilians were killed by a bomb"), of no known country: the place is the
        # victims', not the bombers' (not so for an airstrike, a drone or a missile, which usually
        # come from another country: no actor at all); its words are what did it ("a bomb", "the
        # fighting", else the verb), never the place: a place where it happened does nothing
        start, end = unidentified_span(d.anchor, location)
        actors = [actor_record(ctx, None, start, end, None, "UNK")]
    if not actors and recipients and d.how == "verb" and is_passive(d.anchor) and _legal(d.anchor):
        # "was charged with bribery", "was convicted of fraud": by the courts and prosecutors of
        # the place, else of the accused's country
        # the place, else the article's country when a court or officer is named unnamed ("by a
        # federal judge"), else the accused's country; the text is that "by" phrase or the verb
        agent = next(
            (p for c in d.anchor.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None
        )
        code = location["country"] if location and location.get("country") else None
        if code is None and agent is not None:
            code = ctx.main_country
        code = code or recipients[0]["code"]
        start, end = span_of(agent) if agent is not None else (d.trigger.idx, d.trigger.idx + len(d.trigger))
        if code:
            actors = [actor_record(ctx, None, start, end, code, "JUD")]
    if not actors:  # "was arrested in Lebanon", "was put under investigation in Italy"
        actors = place_authorities(ctx, d, etype, mode, location, recipients)
    return actors, recipients


def _legal(verb: Token) -> bool:
    """A verb of the courts and prosecutors ("charged", "indicted", "convicted": word class ``legal``)."""
    legal = plover.word_class("legal")
    return any(f in legal for f in verb_forms(verb))


def arguments(
    lex: Lexicon, ctx: Context, d: Draft, quote: int | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Actor, recipient and joint-actor records of a draft."""
    info = lex.types[d.type]
    preps = set(info.recipient_preps)
    visit_preps: set[str] = set()
    # "X hosted Y in Riyadh": the host's own place is where it was, no party (a row flagged swap)
    if (d.mode == "visit" or d.entry.mode == "visit") and "swap" not in d.entry.flags:
        visit_preps = {"to", "in"} - preps
        preps |= {"to", "in"}
    if d.mode == "withdraw" or d.entry.mode == "withdraw":
        preps |= {"from"}  # "withdraw inspectors from Iraq"
    if any(c.kind == "pobj" and not c.negated for c in d.entry.conditions) or phrasal_target(d.entry, info):
        # "broke with Trump", "campaigned for Clinton": the row's preposition names the recipient
        preps |= {v for c in d.entry.conditions if c.kind == "prep" and not c.negated for v in c.values}
    agent_heads: list[Token] = []
    recipient_heads: list[Token] = []
    joint_heads: list[Token] = []
    noun = d.noun
    event_nouns = {noun.i, *(c.i for c in noun.conjuncts)} if noun is not None else set()
    places = not info.verbal
    joint_type = info.joint or "joint" in d.entry.flags
    if d.how == "evaluation":  # "Beijing called the tariffs illogical"
        return ([d.speaker] if d.speaker else []), [dict(b) for b in d.blamed], []
    if d.how == "deontic":
        # "Trump must ...": the subject of the clause; "Trump needs to ...": of the verb "need";
        # "he" in the speaker's own words: the other person found for it (drafts.deontic_drafts)
        if d.blamed:
            return ([d.speaker] if d.speaker else []), [dict(b) for b in d.blamed], []
        recipient_heads = subjects(d.anchor)[0] or clause_subjects(d.trigger)
        actors = [d.speaker] if d.speaker else []
        return actors, resolve_heads(ctx, recipient_heads, places=places), []
    clause = d.anchor
    if d.how in ("verb", "support", "relcl", "occasion"):
        agents, passive = subjects(clause)
        if "stative" in d.entry.flags and not agents:  # "Moscow was committed to ..."
            agents, passive = passive, []
        agents = [a for head in agents for a in past_dateline(head)]
        if d.how != "occasion":
            recipient_heads += [p for p in passive if p.i not in event_nouns]
        if not agents and d.how in ("verb", "support"):
            source = d.actor_from.anchor if d.actor_from is not None else clause
            extra: list[Token] = []
            agents = subjects(source)[0]
            if not agents:
                agents = reason_doers(source)
            if not agents:
                agents, extra = inherited(source)
            elif d.actor_from is not None and not passive:  # "ordered the assets (to be) frozen"
                extra = [c for c in source.children if c.dep_ == "dobj" and c.i not in event_nouns]
            recipient_heads += extra
            if not passive:
                recipient_heads += passive_inherited(clause)
        # the place a report is filed from does nothing, whichever clause it heads
        agent_heads += [a for head in agents for a in past_dateline(head)]
        addressee = misparsed_addressee(clause) if d.how == "verb" and info.verbal else None
        if addressee is not None:  # "a letter to FBI Director James Comey demanding": the sender's
            agent_heads = [a for a in agent_heads if a.i != addressee.i] or sender_heads(clause)
    if d.how in ("verb", "support") and d.type == "MOBILIZE":
        # "mobilized reservists for a possible war against Iraq": the target of the purpose
        objects = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
        purposes = [p for o in objects for p in prep_objects(o, {"for"})]
        recipient_heads += [r for p in purposes for r in prep_objects(p, {"against"})]
    if d.how in ("verb", "support"):
        # "threatened Serbia with air strikes", "hit Russia with sanctions": with someone as its
        # object, a verb's "with" phrase is the means, not another party
        means = any(
            c.dep_ in ("dobj", "dative") and c.i not in event_nouns and names_people(c)
            for c in clause.children
        ) or bool(subjects(clause)[1])  # "Taiwan (was) threatened with military action"
        for c in clause.children:
            if c.dep_ in ("dobj", "dative") and c.i not in event_nouns:
                if c.dep_ == "dobj" and c.i not in ctx.event_nouns:  # "threatened action against Russia"
                    object_preps = preps - {"from"}
                    if d.type == "REQUEST":  # "demanded a truce with Moslem forces"
                        object_preps |= {"with"}
                    more = [p for o in (c, *c.conjuncts) for p in prep_objects(o, object_preps)]
                    if joint_type and "joint" in d.entry.flags:
                        joint_heads += more
                    else:
                        recipient_heads += more
                if c.dep_ == "dobj" and not info.object_is_recipient and c.i not in ctx.index:
                    continue  # "deployed troops": the troops are no recipient
                if c.dep_ == "dobj" and d.type == "CONSULT" and topic_object(ctx, c):
                    continue  # "discussed Trump's proposed wall": what is talked about
                if c.dep_ == "dobj" and topic_object(ctx, c):
                    # "withheld US military aid from Ukraine": a thing is no recipient; the one
                    # it is kept or taken from is
                    taken_from = prep_objects(c, {"from"}) + prep_objects(clause, {"from"})
                    if info.verbal and "from" not in info.recipient_preps:
                        # "attacked X from the Senate floor": where it was said from, unlike
                        # whom a thing came from ("accepted the proposal from France")
                        taken_from = [p for p in taken_from if not a_thing(p)]
                    if d.type == "ASSAULT":
                        taken_from = []  # "fired rockets from Gaza": where it came from
                    if taken_from:
                        recipient_heads += taken_from
                        continue
                (joint_heads if "joint" in d.entry.flags and c.dep_ == "dobj" else recipient_heads).append(c)
            elif c.dep_ == "oprd" and info.verbal and c.pos_ == "PROPN" and c.i in ctx.index:
                recipient_heads.append(c)  # "called out Trump": the parser's predicate for a name
            elif c.dep_ in ("prep", "prt") and c.lower_ in preps | {"with"}:
                if c.lower_ == "for" and info.object_is_recipient and has_object(clause):
                    continue  # "thanked the government for its actions": why, not whom
                if c.lower_ == "with" and means and not joint_type:
                    continue
                pobjs = [p for p in c.children if p.dep_ == "pobj" and p.i not in event_nouns]
                if c.lower_ in visit_preps:
                    pobjs = [p for p in pobjs if not site(ctx, p)]
                if joint_type and info.verbal and c.lower_ not in info.recipient_preps | {"with"}:
                    # "talked to Putin by phone": a row's preposition adds a party to talks only
                    # by name ("talked to me", "talk to them", "talked to reporters" are no talks)
                    pobjs = [p for p in pobjs if p.pos_ == "PROPN"]
                if c.lower_ == "with" and joint_type:
                    joint_heads += pobjs
                elif c.lower_ != "with" or "with" in preps:
                    recipient_heads += pobjs
    if d.how == "verb":
        recipient_heads += object_partners(d.type, clause)  # "ruled out a deal with Russia"
    own = False
    if noun is not None:
        if not agent_heads:
            agent_heads += own_actor_heads(ctx, noun, d.type, tokens_only=True)
            own = bool(agent_heads)
        # "a mediation effort between X and Y": the word carrying the noun has its phrases
        carried = noun.dep_ == "compound" and lemma(noun.head) in plover.word_class("carrier")
        holders = [noun, noun.head] if carried else [noun]
        joint_heads += [j for h in holders for j in between_heads(h)]
        if d.how in ("relcl", "support"):  # "an agreement reached between the Philippines and China"
            joint_heads += between_heads(d.anchor)
        noun_preps = preps | ({"of"} if info.object_is_recipient else set())  # "invasion of Lebanon"
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ in noun_preps | {"with"}:
                pobjs = [p for p in c.children if p.dep_ == "pobj"]
                if c.lower_ in visit_preps:
                    pobjs = [p for p in pobjs if not site(ctx, p)]
                if c.lower_ in ("with", "of") and joint_type:
                    joint_heads += pobjs
                elif c.lower_ != "with" or "with" in preps:
                    recipient_heads += pobjs
    actors = past_dateline_refs(clause, resolve_heads(ctx, agent_heads, places=places))
    if noun is not None:
        if own:
            actors = [_as_state(ctx, a, d.type) for a in actors]
        if not actors:
            actors = _modifier_actors(ctx, noun, d.type)
        undoing = d.outer is None or d.outer.type in _UNDOING  # "eased the curfew imposed in ..."
        if not actors and d.how == "relcl" and not info.verbal and undoing:
            actors = _governor_actors(lex, ctx, noun)
    # a verb with no doer named in a quote is the speaker's; not one whose subject is a clause
    # ("what Ryan did is calling out for ...": the deed, not the speaker, is its subject)
    holders = [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]  # "is" may hold it
    clausal = any(c.dep_ in ("csubj", "csubjpass") for h in holders for c in h.children)
    speech = d.how == "verb" and not agent_heads and not joint_heads and not recipient_heads and not clausal
    if not actors and quote is not None and d.type in _SPEECH_TYPES and speech:
        q = ctx.quotes[quote]
        speaker = q.speaker
        if speaker:
            code, sector = ctx.entity_code(speaker)
            if code and q.speaker_start is not None and q.speaker_end is not None:
                actors = [actor_record(ctx, speaker, q.speaker_start, q.speaker_end, code, sector)]
    recipients = resolve_heads(ctx, recipient_heads, places=places, recipient=True)
    if not recipients and info.verbal and d.how == "verb":
        # "sent a letter to Comey demanding answers": whom the letter is sent to (not the press)
        found = resolve_heads(ctx, addressee_heads(clause), places=False, recipient=True)
        recipients = [r for r in found if r["sector"] != "JRN"]
    if not recipients and info.verbal:
        recipients = _content_recipients(lex, ctx, d, noun if noun is not None else clause)
    if not recipients and info.verbal:
        # "railed against the trade deal the administration negotiated", "defended the state's
        # launch of ...": a thing criticised, praised or rejected is its owner's or maker's
        recipients = resolve_heads(ctx, owner_heads(recipient_heads), places=False, recipient=True)
    if not recipients and d.how == "verb" and d.type in _JUDGING:
        # "Obama condemned Friday's test": whoever did it where the article told of it before
        objects = [c for c in recipient_heads if c.dep_ == "dobj" and c.head.i == clause.i]
        recipients = earlier_doers(ctx, objects)
    purpose = clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    sent = any(c.dep_ in ("dobj", "nsubjpass") for c in clause.head.children)
    if not recipients and d.how == "verb" and purpose and not joint_heads and sent:
        # "sent 21 officers to Bosnia to investigate ...": where they were sent; not where the
        # doers went themselves ("goes to Louisiana to meet the victims": a place, no party)
        sent_to = [
            p
            for c in clause.head.children
            if c.dep_ in ("prep", "dative") and c.lower_ == "to"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        recipients = resolve_heads(ctx, sent_to, places=False, recipient=True)
    if not recipients and d.how in ("verb", "support") and info.quad_code in (1, 2) and not joint_type:
        # "opened the bridge to allow the delivery of grain to Afghanistan": for whom it was done
        for c in clause.children:
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                objects = [c, *(o for o in c.children if o.dep_ == "dobj")]
                heads = [p for o in objects for p in prep_objects(o, {"to", "for"})]
                recipients = resolve_heads(ctx, heads, places=False, recipient=True)
                if recipients:
                    break
    joint = resolve_heads(ctx, joint_heads, places=places)
    return actors, recipients, joint


def demand_recipients(
    lex: Lexicon, ctx: Context, d: Draft, demands: dict[int, Draft]
) -> list[dict[str, Any]]:
    """A protest's recipient named in what it demands: "went on hunger strike to demand the
    resignation of Algerian President ..." (a demand in a clause below the protest's)."""
    for x in (d.anchor, *([d.noun] if d.noun is not None else [])):
        for tok in x.subtree:
            demand = demands.get(tok.i)
            if demand is None or tok.i == x.i:
                continue
            cur = tok
            while cur.i != x.i and cur.dep_ in _PURPOSE_DEPS:
                cur = cur.head
            if cur.i == x.i:
                found = arguments(lex, ctx, demand, demand.quote)[1]
                if found:
                    return found
    return []


def _governor_actors(lex: Lexicon, ctx: Context, noun: Token) -> list[dict[str, Any]]:
    """The state actor of an event noun whose clause names no doer, when it is the object of
    what that actor does: "Bashir shortened the curfew imposed in Sudan" (a subject of a
    complement clause counts: the parser's reading of such objects)."""
    pos = position(noun)
    if pos.dep_ == "dobj":
        verb = pos.head
    elif pos.dep_ == "nsubj" and pos.head.dep_ == "ccomp":
        verb = pos.head.head
    else:
        return []
    if verb.pos != VERB or lemma(verb) in lex.reporting:
        return []
    refs = resolve_heads(ctx, subjects(verb)[0])
    if refs and all(r["code"] and r["sector"] in _STATE_ACTORS for r in refs):
        return refs
    return []


def _content_recipients(lex: Lexicon, ctx: Context, d: Draft, base: Token) -> list[dict[str, Any]]:
    """Recipients of a verbal event named in what it says: "demanded that Israel withdraw",
    "offered to hand over to Great Britain", "threatened to break relations with Russia"."""
    for inner in d.contents:
        owners = measure_owners(d, inner) if d.type == "AGREE" else []
        if owners:  # "committed to implementing UN sanctions on North Korea": with the UN
            return resolve_heads(ctx, owners, places=False, recipient=True)
        inner_actors, inner_recipients, inner_joint = arguments(lex, ctx, inner, inner.quote)
        # "urged China to resume talks": China, the doer asked; "agreed that Trump must ...": the
        # one a demand of the content is made of (its recipient; its actor is the speaker)
        asked_doer = d.type == "REQUEST" and inner.how not in ("own", "deontic")
        found = inner_actors if asked_doer else inner_recipients
        if not found and inner_joint:  # "agreed to resume talks with the United States"
            own = resolve_heads(ctx, subjects(base)[0], places=False)
            found = content_partners(d.type, inner.type, inner_joint, own) if own else []
        if found:
            return found
    heads: list[Token] = []
    for c in base.subtree:  # "threatened ... unless the Kremlin closed its base": the Kremlin
        conditional = c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
        )
        if conditional and d.type in ("THREATEN", "AGREE"):
            heads += subjects(c)[0]
    for c in base.children:
        if c.dep_ in ("ccomp", "xcomp", "acl") and (c.pos_ in ("VERB", "AUX") or _that_clause(c)):
            agents = subjects(c)[0] or _misparsed_subject(c)
            if agents and c.dep_ == "ccomp" and lex.types[d.type].joint:
                # "First Trump goes to Louisiana ..., now he meets with ...": a meeting says
                # nothing; a clause with a subject of its own is no content of it
                continue
            if d.type in ("REQUEST", "REJECT") and agents:
                heads += agents  # "demanded that Israel withdraw"
                continue
            if d.type == "ACCUSE" and agents and lemma(base) in _ALLEGING:
                # "alleged that Iran had violated the deal": who is said to have done it, or
                # whose deed it was ("alleging that his rallying calls were provoking violence")
                named = resolve_heads(ctx, agents, places=False, recipient=True)
                owners = [o for a in agents for o in a.children if o.dep_ == "poss"]
                found = named or resolve_heads(ctx, owners, places=False, recipient=True)
                if found:
                    return found
                continue
            if d.type in ("THREATEN", "REJECT"):
                # "threatened to attack Israel", "refused to meet the American envoy": whoever the
                # refused or threatened act is done to (an actor phrase, named or not; what
                # "deploy" or "send" moves is the doer's own: "refused to deploy troops")
                acted_on = done_to(lex, c)
                heads += [
                    x for x in c.children if x.dep_ in ("dobj", "dative") and (acted_on or x.i in ctx.index)
                ]
            heads += prep_objects(c, frozenset({"to", "with", "against", "on", "from"}))
    found = resolve_heads(ctx, heads, places=False, recipient=True)
    if found or d.type not in ("THREATEN", "AGREE", "REJECT"):
        return found
    # "threatened to institute a curfew in Algiers", "refused to deploy troops in Iraq"
    for inner in d.contents:
        if inner.type in _PLACE_RECIPIENT or inner.type == "MOBILIZE":
            place = event_location(ctx, event_scope(inner), inner.anchor, inner.type == "ASSAULT", [])
            if place and place.get("country"):
                return [actor_record(ctx, None, place["start"], place["end"], place["country"], "CVL")]
    return []


def _that_clause(c: Token) -> bool:
    """A "that" clause with a subject whose verb the parser took for a noun: "demanding that
    police release(NN) the video"."""
    return (
        c.dep_ == "ccomp"
        and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
        and any(x.dep_ == "nsubj" for x in c.children)
    )


def _misparsed_subject(c: Token) -> list[Token]:
    """The subject of a "that" clause the parser hung on its verb as a compound: "demanding that
    Donald Trump's campaign stop using ..." (read as a "campaign stop")."""
    if c.dep_ != "ccomp" or c.tag_ != "VB" or not any(x.dep_ == "mark" for x in c.children):
        return []
    return [x for x in c.children if x.dep_ == "compound" and x.pos_ in ("NOUN", "PROPN") and x.i < c.i]


#: Verbs of accusing whose clause says what the accused did ("alleged that Iran had ...").
_ALLEGING = frozenset({"allege", "accuse", "charge", "claim", "blame", "complain", "suggest", "insist"})


def _as_state(ctx: Context, ref: dict[str, Any], etype: str) -> dict[str, Any]:
    """A country or nationality named as the doer of an event noun ("Israel's offensive") is its
    state: military for force, government otherwise."""
    ent = ctx.entities.get(ref["entity"] or "")
    if etype == "PROTEST" or ent is None or ent.type not in ("GPE", "NORP"):
        return ref  # "Palestinian riots": people, not the state
    if ref["sector"] in ("CVL", "GOV", None):
        return {**ref, "sector": "MIL" if etype in ("ASSAULT", "MOBILIZE") else "GOV"}
    return ref


def _modifier_actors(ctx: Context, noun: Token, etype: str) -> list[dict[str, Any]]:
    """Actors named by modifiers of an event noun: "Israeli airstrikes" is Israel's military,
    "US sanctions" the US government."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    left = [t for c in noun.children if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
    for c in left:
        eid = ctx.index.get(c.i)
        if eid is None or eid in seen:
            continue
        code, sector = ctx.entity_code(eid)
        if not code:
            continue
        seen.add(eid)
        ent = ctx.entities[eid]
        if ent.type in ("GPE", "NORP") and etype != "PROTEST":
            sector = "MIL" if etype in ("ASSAULT", "MOBILIZE") else "GOV"
        out.append(actor_record(ctx, eid, c.idx, c.idx + len(c.text), code, sector))
    if not plover.event_types()[etype].verbal or len(out) > 1 or etype in ("REQUEST", "ACCUSE", "THREATEN"):
        return out
    return []
