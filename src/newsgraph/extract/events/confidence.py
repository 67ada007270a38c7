"""How likely an event record is to be right: a confidence in [0, 1] per event.

Most of what goes wrong with rule-coded events on ordinary news is not a wrong type but an event
that is none: a figure of speech ("shot back", "a battle for votes"), a sport result, a question,
a product that "offers" something, a noun event nobody is said to have done. The confidence
weighs the evidence that an event is a political interaction a reader would report:

=====================  ========================================================================
evidence               why
=====================  ========================================================================
political actor        the doer is a state or political actor (government, military, police,
                       courts, legislature, party, rebels, IGO), by sector, code, title or a
                       country named as such
other actor            the doer is another named or coded actor (a person, a company)
no actor               nobody is said to have done it
directed               who did it to whom: a coded recipient (not the actor's own public
                       spoken to: "urged voters"), or two coded parties
measured               victims, arrests or amounts are counted: a concrete happening
trigger kind           a verb with its own subject is the surest; an event noun, a "must"
                       of reported speech, a clause of happening or a relative clause less so
plain verb             a verb whose every use reports its speech act ("criticized", "urged",
                       "praised", "refused"; word class ``plain``), unlike "support" or "close"
no recipient           a cooperation, aid or sanction aimed at nobody named: the manual's
                       sections say these types require a recipient
question               the sentence asks, it does not report; "asked whether ..." is a
                       reporter's question, not a request
background             said of someone in passing, in a relative clause ("the union, which
                       endorsed Sanders in December") or a clause hanging on one ("a surrogate
                       who said voters should ..."): not what the sentence reports
alone                  a meeting, talk or visit with one party only ("discussed his book"),
                       a promise or agreement with nobody to cooperate with ("vowed to cut
                       taxes"), an agreement or concession "that" something is so, agreeing
                       with someone's view, an offer of a thing to one's own public, a
                       complaint that things are so with no one blamed, praise or blame
                       of nothing named ("applauding along with the audience"), a request
                       of nothing ("the ritual is demanding"), force whose object is what
                       elections count ("captured 1,944 delegates") or a race for an office
                       ("battled to replace him"), blame of a trend ("decried an increase in
                       homicides"), an expressed attitude as the doer ("his support pushes back
                       on ..."): no interaction
topic                  what people talk about, not what happened: an event noun in the
                       "about", "on" or "over" phrase of a verb or noun of talking ("told CNN
                       about extending his support", "talks on a ceasefire")
quoted                 said in quotation marks, where figures of speech abound
force without cue      ASSAULT or COERCE with no casualties, no armed or police actor and no
                       security context: usually a figure of speech or a sport
generic                not one happening: the doer is a share of a population ("81 percent of
                       Democrats", "most Republicans"), or the verb tells a habit ("often"), or
                       a poll share says it ("six in 10 Republicans said the party should"), or
                       a toll counts victims up to now ("have been killed ... since October")
off topic              how far the article's public-affairs relevance is below 0.5
                       (``extract/relevance.py``): sport, entertainment, products, lifestyle
sentiment              an ACCUSE or SUPPORT whose only evidence is the tone of what was said
                       (``events/sentiment.py``, setting ``sentiment``): weak evidence
tone agrees            an ACCUSE of the tables whose clause scores clearly negative (setting
                       ``tone``)
=====================  ========================================================================

The weights are log-odds written in ``data/plover_confidence.tsv`` from what these signs mean;
``scale`` and ``shift`` in the same file map their sum to a probability (1 and 0: not fitted,
docs/events.md says why). The
``events`` command, the exports and the web UI report events at or above
:data:`DEFAULT_MIN_CONFIDENCE` unless told otherwise (docs/events.md gives the precision there)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from ...resolve.actors import country_code, is_adjective, sector_of
from ...tables import data_rows
from .. import plover
from ..annotations import doc_quotes
from ..thresholds import DEFAULT_MIN_CONFIDENCE as DEFAULT_MIN_CONFIDENCE
from .clause_signs import (
    a_thing,
    complains_of_things,
    endangers,
    in_talked_of_thing,
    is_background,
    is_generic,
    is_press,
    is_question,
    is_topic,
    of_ones_own,
    said_in_a_noun,
    states_that,
    states_that_clause,
)
from .deeds import an_attitude_acts, blames_a_trend, is_toll, races_for_office, strikes_a_foreign_place
from .drafts import Draft
from .sentiment import tone_agrees
from .standing import not_one_happening, press_question, state_custody
from .syntax import lemma, prep_objects, verb_forms

#: The weight table.
TABLE = ("newsgraph.extract", "plover_confidence.tsv")

#: Sectors of state and political actors (PLOVER sector codes) and codes of political organisations.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "PTY", "REB", "SPY", "PRM", "UAF", "OPP"})
STATE_CODES = frozenset({"IGO", "UNO", "EUR", "IMG"})
#: Sectors that bear arms or police powers, and the contexts of force.
FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "PRM", "UAF", "SPY"})
FORCE_CONTEXTS = frozenset({"military", "terrorism", "cbrn", "repression", "peacekeeping", "crime"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
#: Trigger kinds other than a verb with its own subject, by weight name.
_HOW = {
    "own": "noun",
    "support": "verb",
    "verb": "verb",
    "deontic": "deontic",
    "evaluation": "deontic",
    "happen": "clause",
    "occasion": "clause",
    "relcl": "clause",
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the confidence of one event is computed from."""

    named_actor: bool
    coded_actor: bool
    state_actor: bool
    coded_recipient: bool
    how: str
    question: bool
    background: bool
    alone: bool
    quoted: bool
    force_without_cue: bool
    relevance: float | None
    topic: bool = False
    plain_verb: bool = False
    missing_recipient: bool = False
    generic: bool = False
    #: two or more coded parties of a joint event ("met with the Japanese and Korean leaders")
    two_sides: bool = False
    #: the event has counted magnitudes (dead, injured, arrested, an amount): a concrete happening
    measured: bool = False
    #: the word that makes the verb an event ("warned of consequences") is not in its own clause
    stray_cue: bool = False
    #: an ACCUSE or SUPPORT whose only evidence is a sentiment score of what was said
    sentiment: bool = False
    #: an ACCUSE (SUPPORT) of the tables whose clause scores clearly negative (positive)
    tone_agrees: bool = False

    @classmethod
    def of(cls, record: Mapping[str, Any], draft: Draft, relevance: float | None) -> Evidence:
        actors = record.get("actor") or []
        sectors = {a.get("sector") for a in actors} | {a.get("sector") for a in record.get("recipient") or []}
        codes = {a.get("code") for a in actors}
        info = plover.event_types().get(record.get("event_type") or "")
        verbal = info is not None and info.verbal
        force_cue = (
            bool(record.get("magnitudes"))
            or bool(sectors & FORCE_SECTORS)
            or bool(set(record.get("context") or ()) & FORCE_CONTEXTS)
            or strikes_a_foreign_place(record)
            or state_custody(record)
        )
        return cls(
            # PLOVER's unidentified actor ("killed by a bomb") is a doer the text reports
            named_actor=any(a.get("entity") or a.get("sector") == "UNK" for a in actors),
            coded_actor=any(codes - {None}),
            state_actor=any(is_political(a) for a in actors),
            coded_recipient=any(counterpart(r, verbal, codes) for r in record.get("recipient") or []),
            # a demand told as what a noun of saying held ("his assertion that X should") is
            # mentioned as an event noun is
            how="noun" if said_in_a_noun(draft) else _HOW.get(draft.how, "clause"),
            question=is_question(draft) or press_question(record, draft),
            background=is_background(draft),
            alone=is_alone(record, draft),
            # a demand made in a quote ("X must ...") is how such demands are made, not a figure
            quoted=draft.how not in ("deontic", "evaluation") and in_direct_quote(record, draft),
            force_without_cue=record.get("event_type") in FORCE_TYPES and not force_cue,
            relevance=relevance,
            topic=is_topic(draft),
            plain_verb=is_plain(draft),
            missing_recipient=needs_recipient(record),
            generic=is_generic(draft) or is_toll(record, draft) or not_one_happening(record, draft),
            two_sides=sum(1 for a in actors if a.get("code")) >= 2,
            measured=bool(record.get("magnitudes")),
            stray_cue=stray_cue(draft),
            sentiment="sentiment" in draft.entry.flags,
            tone_agrees=tone_agrees(draft),
        )

    def features(self) -> dict[str, float]:
        """Each weight's name with how much of it applies (0, 1, or the centred relevance).

        The doer is one of three kinds (a state or political actor, another named or coded
        actor, nobody); the event is directed when it names a coded recipient or joins two coded
        parties: "who did what to whom" with both sides known."""
        named = self.named_actor or self.coded_actor
        return {
            "political_actor": float(self.state_actor),
            "other_actor": float(named and not self.state_actor),
            "no_actor": float(not named and not self.state_actor),
            "directed": float(self.coded_recipient or self.two_sides),
            "measured": float(self.measured),
            f"how_{self.how}": 1.0,
            "plain_verb": float(self.plain_verb),
            "quoted": float(self.quoted),
            "question": float(self.question),
            "background": float(self.background),
            "generic": float(self.generic),
            "topic": float(self.topic),
            "alone": float(self.alone),
            "missing_recipient": float(self.missing_recipient),
            "force_without_cue": float(self.force_without_cue),
            "stray_cue": float(self.stray_cue),
            "sentiment": float(self.sentiment),
            "tone_agrees": float(self.tone_agrees),
            "off_topic": 0.0 if self.relevance is None else max(0.0, 0.5 - self.relevance) * 2,
        }


#: Sectors of the public at large.
PUBLIC_SECTORS = frozenset({"CVL", "JRN"})


def counterpart(recipient: Mapping[str, Any], verbal: bool, actor_codes: set[Any]) -> bool:
    """A recipient that makes the event directed: a coded party. The actor's own public at large,
    unnamed, as the one spoken to ("urged voters to", "blamed the media", "urged that everyone
    ..."), is whom politicians address every day, no counterpart of an interaction; another
    country's public ("urged voters in France") and people a material act is done to ("shelled
    villages") are."""
    code = recipient.get("code")
    if not code:
        return False
    public = not recipient.get("entity") and recipient.get("sector") in PUBLIC_SECTORS
    return not (verbal and public and code in actor_codes)


def is_political(actor: Mapping[str, Any]) -> bool:
    """The actor is a state or political actor: its sector is one (government, military, police,
    courts, legislature, party, rebels), its code a political organisation's, its words a
    political title ("House Speaker Paul Ryan", "lawmakers"), or it is a country named as such
    ("Iran insisted": a country's name stands for its state)."""
    if actor.get("sector") in STATE_SECTORS or actor.get("code") in STATE_CODES:
        return True
    text = actor.get("text") or ""
    if sector_of(text) in STATE_SECTORS:
        return True
    code = actor.get("code")
    return (
        bool(code) and actor.get("sector") is None and country_code(text) == code and not is_adjective(text)
    )


def is_plain(d: Draft) -> bool:
    """A verb whose use always reports its speech act: a verb of the word class ``plain`` (in any of
    its base forms: the small model lemmatises "lambasted" as "lambast"), or a row flagged
    ``plain`` ("fired back", "called on")."""
    if d.how != "verb":
        return False
    plain = plover.word_class("plain")
    return "plain" in d.entry.flags or any(f in plain for f in verb_forms(d.trigger))


def in_direct_quote(record: Mapping[str, Any], d: Draft) -> bool:
    """Said in quotation marks (not reported speech: "officials said troops shelled the town")."""
    n = record.get("quote")
    quotes = doc_quotes(d.trigger.doc)
    return n is not None and 0 <= n < len(quotes) and quotes[n].kind in ("direct", "mixed")


_PARTNER_PREPS = frozenset({"with", "to", "between", "among"})


def has_partner(d: Draft) -> bool:
    """The event's verb names someone it is done with ("met with him", "talks with Hamas"): a
    name or a pronoun after "with", "to", "between" or "among". A common noun that is no actor
    ("spoke with reporters", "met with voters") is no partner in politics."""
    return any(
        p.pos_ in ("PROPN", "PRON") or bool(p.ent_type_)
        for c in d.anchor.children
        if c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS
        for p in (*c.children, *(k for o in c.children for k in o.conjuncts))
        if p.dep_ in ("pobj", "conj")
    )


def needs_recipient(record: Mapping[str, Any]) -> bool:
    """A type the manual says requires a recipient (COOPERATE, AID, SANCTION) with none, and
    not several actors doing it together ("joint exercises")."""
    info = plover.event_types().get(record.get("event_type") or "")
    if info is None or not info.needs_recipient or record.get("recipient"):
        return False
    return len(record.get("actor") or []) < 2


def stray_cue(d: Draft) -> bool:
    """The word that makes a verb of several senses an event (a ``near`` condition of its lexicon
    row: "warned of serious consequences", "bowed to pressure", "hit with a missile") stands
    elsewhere in the sentence, not in the verb's own clause: "embraced the idea of a military
    force, warning that Britain's exit will sap the continent's defences" is a prediction; or the
    preposition of a phrasal verb ("call on", "call for") is a fronted phrase before it ("On
    Twitter, Jeb Bush called Trump 'unhinged'")."""
    if d.how != "verb":
        return False
    verb = d.anchor
    for cond in d.entry.conditions:
        if cond.negated:
            continue
        if cond.kind == "near" and not (cond.values & _clause_lemmas(verb)):
            return True
        if cond.kind == "prep" and _fronted(verb, cond.values):
            return True  # "On Twitter, Jeb Bush called Trump 'unhinged'": no "call on"
    return False


#: Arcs by which a clause is the complement of a verb that names its subject as an object
#: ("ordered the assets to be frozen": "to be" is the xcomp of "ordered", "frozen" its acomp).
_COMPLEMENT_ARCS = frozenset({"xcomp", "acomp", "oprd"})


def _clause_lemmas(verb: Token) -> set[str]:
    """The lemmas of the verb's own clause, with the object of each verb it is the complement of:
    in "ordered the assets of the firms to be frozen" the assets are what is frozen, though the
    parse hangs them on "ordered"."""
    found = {lemma(t) for t in verb.subtree}
    node = verb
    while node.dep_ in _COMPLEMENT_ARCS and node.head is not node:
        node = node.head
        for c in node.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                found.update(lemma(t) for t in c.subtree)
    return found


def _fronted(verb: Token, preps: frozenset[str]) -> bool:
    """The verb's preposition of a row's condition ("call on", "call for") stands only before it,
    as a fronted phrase of place or time ("On Twitter, ... called"): a phrasal verb's
    preposition follows its verb."""
    found = [c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in preps]
    return bool(found) and all(c.i < verb.i for c in found)


#: Reflexive pronouns: what one does to oneself.
_REFLEXIVE = frozenset("myself yourself himself herself itself ourselves yourselves themselves".split())


def _to_oneself(d: Draft) -> bool:
    """ "Shot himself", "defended himself", "distanced themselves": done to oneself, no one else."""
    return d.how == "verb" and any(
        c.dep_ in ("dobj", "dative") and c.lower_ in _REFLEXIVE for c in d.anchor.children
    )


def _declines_comment(d: Draft) -> bool:
    """ "Declined to comment", "refused to discuss the appointees": CAMEO's "decline comment", a
    public statement, not the rejection of a proposal or demand (word class ``comment``)."""
    comment = plover.word_class("comment")
    return d.how == "verb" and any(
        c.dep_ in ("xcomp", "ccomp") and lemma(c) in comment for c in d.anchor.children
    )


def _cooperative(verb: Token) -> bool:
    """The verb is one of the lexicon's of a cooperative type (PLOVER quads 1 and 2: "support",
    "meet", "help") and its subject is someone, not a thing ("a Trump loss could pull incumbents
    down" promises nothing)."""
    if any(a_thing(s) for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")):
        return False
    types = plover.event_types()
    rows = plover.verbs().get(lemma(verb), ())
    return any(types[e.type].quad_code in (1, 2) for e in rows if e.type in types)


#: Verbs of inviting: an AGREE when they invite someone to cooperate.
_INVITING = frozenset({"invite"})


def _invites_nobody_to_cooperate(record: Mapping[str, Any], d: Draft) -> bool:
    """An invitation is an offer to cooperate (AGREE) when it invites a political actor ("invited
    the Chinese premier") or invites to an act of cooperation ("invited them to talks", "to visit
    Beijing"); "invited a former model to sit in the front row" is no offer to anyone in politics."""
    if d.how != "verb" or lemma(d.anchor) not in _INVITING:
        return False
    if any(is_political(r) for r in record.get("recipient") or ()):
        return False
    types = plover.event_types()
    cooperative = {name for name, t in types.items() if t.quad_code in (1, 2)}
    verbs, nouns = plover.verbs(), plover.nouns()
    for c in d.anchor.children:
        if c.dep_ in ("xcomp", "ccomp") and any(e.type in cooperative for e in verbs.get(lemma(c), ())):
            return False  # "invited him to visit"
        if c.dep_ == "prep" and c.lower_ in ("to", "for"):
            for p in c.children:
                if any(e.type in cooperative for e in nouns.get(lemma(p), ())):
                    return False  # "invited them to talks"
    return True


def is_alone(record: Mapping[str, Any], d: Draft) -> bool:
    """A meeting with fewer than two political sides (one party and nobody met, or people who are
    no actors: "met voters"), an agreement that something is so, an act done to oneself ("shot
    himself"), an invitation of nobody in politics to no act of cooperation."""
    if _to_oneself(d):
        return True
    if record.get("event_type") == "SUPPORT" and not record.get("recipient") and of_ones_own(d):
        return True  # "defended her record": standing up for oneself
    if record.get("event_type") == "REJECT" and _declines_comment(d):
        return True
    parties = len(record.get("actor") or []) + len(record.get("recipient") or [])
    if record.get("event_type") == "CONSULT":
        # a meeting is between political actors: "met voters in Ohio" names one
        sides = [
            a
            for a in (*(record.get("actor") or ()), *(record.get("recipient") or ()))
            if (a.get("entity") or a.get("sector") in STATE_SECTORS or a.get("code") in STATE_CODES)
            and not in_talked_of_thing(d, int(a.get("start") or -1))
            and not is_press(d, a)
        ]
        if len(sides) >= 2 or (record.get("mode") or "") == "visit":
            return False
        # one party: alone unless a named partner the codes missed ("met with him")
        return parties >= 2 or not has_partner(d)
    if record.get("event_type") in ("AGREE", "CONCEDE") and d.how == "verb" and states_that(d.anchor):
        # "agreed that the plan was flawed", "strategists concede that a loss could ...": an
        # opinion about what is so, nothing yielded or promised to anyone; who the clause is about
        # ("agree that decisions should be left to states") is no partner
        if not record.get("recipient"):
            return True
        clauses = [c for c in d.anchor.children if c.dep_ == "ccomp" and states_that_clause(c)]
        if lemma(d.anchor) in _OFFERING or any(_cooperative(c) for c in clauses):
            # "proposed they debate on ABC": an offer; "agreed that they would support Jones": a
            # promise, what they will do
            return False
        return not any(
            not any(c.left_edge.idx <= int(r.get("start") or -1) <= c.right_edge.idx for c in clauses)
            for r in record.get("recipient") or ()
        )
    if record.get("event_type") == "THREATEN" and endangers(d):
        return True  # "the attacks threaten our way of life": a danger, no threat
    combat = record.get("event_type") in (*FORCE_TYPES, "SUPPORT") or lemma(d.anchor) in plover.word_class(
        "figurative"
    )
    if combat and d.how == "verb" and _wins_a_tally(d.anchor):
        return True  # "Clinton had captured 1,944 delegates", "battling for second place": a race
    if record.get("event_type") == "REQUEST" and d.how == "verb" and _asks_nothing(d.anchor):
        return True  # "it is demanding and time-consuming": asking nothing, of no one
    praise_or_blame = record.get("event_type") in ("ACCUSE", "SUPPORT") and d.how == "verb"
    if praise_or_blame and not record.get("recipient") and _aimed_at_nothing(d.anchor):
        return True  # "applauding along with the audience": praise or blame of nothing named
    if an_attitude_acts(d):
        return True  # "Welch's support pushes back on the narrative": a thing, no doer
    if record.get("event_type") == "ACCUSE" and d.how == "verb" and not record.get("recipient"):
        if blames_a_trend(d.anchor):
            return True  # "decried an increase in homicides": conditions, no one blamed
        # "bemoaned that the costs of health care are far greater": a complaint about how things
        # are, aimed at no one
        return complains_of_things(d.anchor)
    if record.get("event_type") == "AGREE":
        if _invites_nobody_to_cooperate(record, d):
            return True
        if _shares_a_view(d):
            return True
        if _offers_a_thing(record, d):
            return True
        # a commitment to cooperate needs someone to cooperate with: "vowed to cut taxes" is a
        # campaign promise, not an AGREE; nor are doers of one country who vow it together ("Trump
        # and Sanders are vowing to bring back jobs") partners of each other, as those who agree
        # together are
        partner = has_partner(d)
        if lemma(d.anchor) in _VOWING and len({a.get("code") for a in record.get("actor") or ()}) < 2:
            parties = len(record.get("recipient") or []) + 1
        return parties < 2 and not partner
    return False


#: What a verb of praise or blame names its target with: its object, a clause, or one of these
#: prepositions ("praised him for", "lashed out at", "spoke out against", "slammed it as").
_TARGET_DEPS = frozenset({"dobj", "dative", "nsubjpass", "ccomp", "xcomp", "attr", "oprd"})
_TARGET_PREPS = frozenset(
    {"for", "of", "on", "over", "against", "at", "as", "about", "behind", "to", "into", "upon", "with"}
)

#: "along with", "together with": in company, not at a target.
_COMPANY = frozenset({"along", "together"})


def _aimed_at_nothing(verb: Token) -> bool:
    """A verb of praise or blame that names nothing praised or blamed: no object, no clause, no
    preposition of a target ("applauding along with the audience", "the crowd cheered"). PLOVER's
    SUPPORT and ACCUSE are aimed at an actor or a policy; an audience's reaction is neither. A
    relative clause's object is its head noun ("the deal Republicans denounced"), and coordinated
    verbs share theirs ("praised and thanked the troops"): neither is aimed at nothing."""
    if verb.dep_ in ("relcl", "acl", "conj") or verb.pos_ != "VERB":
        return False
    for c in verb.children:
        if c.dep_ in _TARGET_DEPS:
            return False
        if c.dep_ == "conj" and not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children):
            return False  # "praised and thanked the troops": one object for both verbs
        if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
            return False
        if c.dep_ == "prep" and c.lower_ not in _COMPANY and any(k.dep_ == "prep" for k in c.children):
            return False  # "spoke out in favour of", "lashed out in anger at"
    return True


def _wins_a_tally(verb: Token) -> bool:
    """The verb of force takes what elections count as its object ("captured 1,944 delegates",
    "seized the majority", "took 20 seats"; word class ``tally``): a win, not force."""
    tally = plover.word_class("tally")
    if any(c.dep_ in ("dobj", "nsubjpass") and lemma(c) in tally for c in verb.children):
        return True
    # "Cruz was battling with Rubio for second place", "fighting for votes": a contest for what
    # elections count, neither force nor criticism
    return any(lemma(p) in tally for p in prep_objects(verb, frozenset({"for"}))) or races_for_office(verb)


#: What a verb of asking names what is asked with: an object, a clause, an infinitive.
_ASKED_DEPS = frozenset(
    {"dobj", "dative", "nsubjpass", "ccomp", "xcomp", "attr", "oprd", "prep", "prt", "agent"}
)


def _asks_nothing(verb: Token) -> bool:
    """A verb of asking with nothing asked and no one asked: no object, clause, infinitive or
    preposition ("demanded a ceasefire", "called on", "appealed to", "pleaded for"), not the
    attribution of a quote ("'Leave now,' she demanded") and no verb sharing its object: "the
    ritual is demanding and time-consuming" describes, it asks nothing (manual, REQUEST: a request
    is of something, from someone)."""
    if verb.dep_ in ("relcl", "acl") or verb.pos_ != "VERB":
        return False
    for c in verb.children:
        if c.dep_ in _ASKED_DEPS:
            return False
        if (
            c.dep_ == "conj"
            and c.pos_ in ("VERB", "AUX")
            and not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
        ):
            return False  # "demanded and got a recount": one object for both verbs
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return False  # "negotiated and demanded ...": the object may be the first verb's
    return not any(q.cue is not None and q.cue.start == verb.idx for q in doc_quotes(verb.doc))


def _shares_a_view(d: Draft) -> bool:
    """ "Military leaders agree with him", "she agrees with Sanders": to agree with someone, with
    nothing agreed to or on, is to share a view, not an agreement to cooperate (manual, AGREE)."""
    verb = d.anchor
    if d.how != "verb" or lemma(verb) != "agree":
        return False
    kids = list(verb.children)
    if any(
        c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("on", "to", "upon")) for c in kids
    ):
        return False  # "agreed to meet", "agreed a deal", "agreed with Turkey on a ceasefire"
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in kids)


#: Verbs of promising: each doer promises for itself ("Trump and Sanders vowed to ...").
_VOWING = frozenset({"promise", "pledge", "vow", "swear"})

#: Verbs of offering: what they offer is the cooperation ("offered talks", "proposed a truce").
_OFFERING = frozenset({"offer", "propose", "promise", "pledge"})


def _offers_a_thing(record: Mapping[str, Any], d: Draft) -> bool:
    """An offer of a thing that is no act of cooperation, to nobody but one's own public ("offered
    voters different approaches", "offered strident defenses of", "proposed a 10 percent VAT",
    "promising revenge"): an argument or a policy, not an offer to cooperate (manual, AGREE). An
    offer of an event ("offered talks", "proposed a ceasefire"), to do something ("offered to
    mediate") or to another party ("offered Iran a deal") is one."""
    verb = d.anchor
    if d.how != "verb" or lemma(verb) not in _OFFERING:
        return False
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or any(lemma(o) in plover.nouns() or o.pos_ in ("PROPN", "PRON") for o in objects):
        return False
    codes = {a.get("code") for a in record.get("actor") or ()}
    info = plover.event_types().get(record.get("event_type") or "")
    verbal = info is not None and info.verbal
    return not any(counterpart(r, verbal, codes) for r in record.get("recipient") or ())


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The weight table: feature name -> log-odds weight (and ``bias``, ``scale``, ``shift``)."""
    return {row[0]: float(row[1]) for row in data_rows(*TABLE, strip=True) if len(row) >= 2}


def score(evidence: Evidence, table: Mapping[str, float] | None = None) -> float:
    """The evidence's summed weights (log-odds before calibration)."""
    w = weights() if table is None else table
    return w.get("bias", 0.0) + sum(w.get(name, 0.0) * value for name, value in evidence.features().items())


def confidence(evidence: Evidence, table: Mapping[str, float] | None = None) -> float:
    """The calibrated probability that the event is right, rounded to three decimals."""
    w = weights() if table is None else table
    z = w.get("scale", 1.0) * score(evidence, w) + w.get("shift", 0.0)
    return round(1.0 / (1.0 + math.exp(-z)), 3)
