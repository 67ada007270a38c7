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
                       (``extract/relevance.py``): sport, entertainment, products, lifestyle, community
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

from ...tables import data_rows
from .. import plover
from ..annotations import doc_quotes
from ..thresholds import DEFAULT_MIN_CONFIDENCE as DEFAULT_MIN_CONFIDENCE
from .alone import FORCE_TYPES, counterpart, is_alone
from .alone import is_political as is_political
from .clause_signs import (
    is_background,
    is_generic,
    is_question,
    is_topic,
    said_in_a_noun,
)
from .deeds import is_toll, strikes_a_foreign_place
from .drafts import Draft
from .sentiment import tone_agrees
from .standing import not_one_happening, press_question, state_custody
from .syntax import lemma, verb_forms

#: The weight table.
TABLE = ("newsgraph.extract", "plover_confidence.tsv")

#: Sectors that bear arms or police powers, and the contexts of force.
FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "PRM", "UAF", "SPY"})
FORCE_CONTEXTS = frozenset({"military", "terrorism", "cbrn", "repression", "peacekeeping", "crime"})
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
        recipients = record.get("recipient") or []
        political = any(is_political(a) for a in actors)
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
            state_actor=political,
            coded_recipient=any(counterpart(r, verbal, codes, political) for r in recipients),
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
            two_sides=joins_two_sides(actors, record),
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


def joins_two_sides(actors: list[dict[str, Any]], record: Mapping[str, Any]) -> bool:
    """Two or more coded doers are two sides of one event unless the event is a visit and the
    doers are all of one country: a visit is made to a host, and two of one side travelling
    together ("Obama and Biden arrived in Orlando") join no two parties. (The wider rule, two
    doers of one code join two parties only in a reciprocal act, was tried and dropped in
    session 19: on fresh texts most events it lowered were real acts whose recipient was missed
    or agreements of two bodies of one state, "Congress and President Obama agreed".)"""
    coded = [a.get("code") for a in actors if a.get("code")]
    if len(coded) < 2:
        return False
    return len(set(coded)) >= 2 or record.get("mode") != "visit"


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
