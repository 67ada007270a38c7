"""Whether an event stands alone: no counterpart is named for what the manual makes an act between
two parties (a verb of praise or blame aimed at nothing, an invitation to no cooperation, a view
shared, a thing offered, what one does to oneself), and the sides an event's confidence reads (a
political actor, a counterpart, a partner named after "with"). Split off ``events/confidence.py``,
whose :class:`~.confidence.Evidence` reads :func:`is_alone`, :func:`is_political`,
:func:`counterpart` and :func:`has_partner`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Token

from ...resolve.actors import country_code, is_adjective, sector_of, table_rows
from .. import plover
from ..annotations import doc_quotes
from ..relations import kin_nouns
from ..relevance import POLITICAL_CODES, POLITICAL_SECTORS
from .clause_signs import (
    a_thing,
    complains_of_things,
    endangers,
    in_talked_of_thing,
    is_press,
    of_ones_own,
    states_that,
    states_that_clause,
)
from .deeds import an_attitude_acts, blames_a_trend, races_for_office
from .drafts import Draft
from .local_news import blamed_on_a_thing, provision_calls
from .syntax import lemma, prep_objects

#: Event types of force (an ASSAULT or COERCE with no sign of force is doubted: events/confidence.py).
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})

#: Sectors of state and political actors (PLOVER sector codes) and codes of political organisations:
#: those the article relevance counts as public affairs.
STATE_SECTORS = POLITICAL_SECTORS
STATE_CODES = POLITICAL_CODES


#: Sectors of the public at large.
PUBLIC_SECTORS = frozenset({"CVL", "JRN"})


def counterpart(
    recipient: Mapping[str, Any], verbal: bool, actor_codes: set[Any], political: bool = False
) -> bool:
    """A recipient that makes the event directed: a coded party. The actor's own public at large,
    unnamed, as the one spoken to ("urged voters to", "blamed the media", "urged that everyone
    ..."), is whom politicians address every day, no counterpart of an interaction; another
    country's public ("urged voters in France") and people a material act is done to ("shelled
    villages") are; so is someone's relative that a ``political`` actor acts on ("the senator
    attacked the Koch brothers", "Trump attacked Cruz's wife"), a private person, not the public
    (what a private person does to a relative, "urged her husband", is no political event)."""
    code = recipient.get("code")
    if not code:
        return False
    words = str(recipient.get("text") or "").lower().split()
    kin = political and bool(words) and words[-1] in kin_nouns()
    public = not recipient.get("entity") and recipient.get("sector") in PUBLIC_SECTORS and not kin
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
    if code and actor.get("sector") is None and political_figure(text, code):
        return True
    return (
        bool(code) and actor.get("sector") is None and country_code(text) == code and not is_adjective(text)
    )


def political_figure(text: str, code: str) -> bool:
    """A person ``people.tsv`` knows by this full name or alias only in political offices of the
    actor's country ("Trump": president, then candidate), left with no sector because the
    article's year was not given and the one guessed from the years it names falls outside them
    ("paid 25 percent of taxes in 2013"): whichever row is meant, a political actor."""
    rows = table_rows(text)
    return bool(rows) and all(r.code == code and r.sector in STATE_SECTORS for r in rows)


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
    provides = record.get("event_type") == "REQUEST" and d.how == "verb" and not record.get("recipient")
    if provides and provision_calls(d.anchor):
        return True  # "the legislation calls for a 90 percent tax": what it provides
    praise_or_blame = record.get("event_type") in ("ACCUSE", "SUPPORT") and d.how == "verb"
    if praise_or_blame and not record.get("recipient") and _aimed_at_nothing(d.anchor):
        return True  # "applauding along with the audience": praise or blame of nothing named
    if an_attitude_acts(d):
        return True  # "Welch's support pushes back on the narrative": a thing, no doer
    if record.get("event_type") == "ACCUSE" and d.how == "verb" and not record.get("recipient"):
        if blames_a_trend(d.anchor):
            return True  # "decried an increase in homicides": conditions, no one blamed
        if blamed_on_a_thing(d.anchor):
            return True  # "fires blamed on electrical faults": a cause, no one blamed
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
