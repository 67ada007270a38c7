"""Clauses that sum many happenings up, that blame how things are, or whose doer is no one: and
a state's force told by the place it hit. Signs the confidence (:mod:`.confidence`) weighs
(branch ``events18p``).

- A toll is not one happening: "more than 39,000 Palestinians have been killed in the fighting
  since October", "a war that has killed more than 39,000 since", "at least 500 people have been
  killed in clashes to date" count the victims of a war up to now (a perfect verb with "since",
  "so far", "to date", counted victims and no coded doer): background of the news, not an event
  of its own. A named doer's operation ("Israeli forces have killed 12 people since Monday") is
  reported as it is.
- A state that strikes a town or region of another country uses force: "Israel struck targets in
  Gaza City", "Russia attacked Kharkiv". Verbal attacks are aimed at people, parties and states,
  not at towns, so such an ASSAULT needs no other cue of force.
- Blaming a trend ("decried an increase in homicides") blames no one; an expressed attitude as the
  doer of a speech act ("his support pushes back on the narrative") is a figure (see
  :func:`blames_a_trend`, :func:`an_attitude_acts`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Token

from ...resolve.actors import country_code
from .. import plover
from .drafts import Draft
from .syntax import lemma, subjects

#: Words that date a count from a starting point up to now.
_SINCE = frozenset({"since"})
#: "so far", "to date", "thus far": up to now.
_UP_TO_NOW = frozenset({("so", "far"), ("thus", "far"), ("to", "date")})


def _perfect(verb: Token) -> bool:
    """A verb in the perfect ("have been killed", "has killed"): what has happened up to now."""
    return any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children) and verb.tag_ == "VBN"


def _counted_up_to_now(verb: Token) -> bool:
    """The clause counts from a starting point or up to now: a "since" phrase or clause, or "so
    far", "thus far", "to date" on the verb."""
    for c in verb.children:
        if c.lower_ in _SINCE and c.dep_ in ("prep", "mark"):
            return True
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _SINCE for m in c.children):
            return True
        if c.dep_ in ("advmod", "prep"):
            words = (c.lower_, *(k.lower_ for k in c.children))
            if any(pair[0] == words[0] and pair[1] in words[1:] for pair in _UP_TO_NOW):
                return True
    return False


def is_toll(record: Mapping[str, Any], d: Draft) -> bool:
    """The event is a toll: victims counted up to now ("have been killed ... since"), many
    happenings summed up, not one (see the module docstring)."""
    if d.how not in ("verb", "support") or not record.get("magnitudes"):
        return False
    if any(a.get("code") for a in record.get("actor") or []):
        return False  # "Israeli forces have killed 12 since Monday": a named doer's operation
    verb = d.anchor
    return _perfect(verb) and _counted_up_to_now(verb)


#: Place features below a country: a town, a district, a region.
_SUBNATIONAL = frozenset({"city", "admin1", "admin2"})


def strikes_a_foreign_place(record: Mapping[str, Any]) -> bool:
    """An ASSAULT whose doer is a country named as such ("Israel", "Russia") and whose place is a
    town or region of another country ("struck targets in Gaza City"): force, with no further cue
    needed (see the module docstring)."""
    if record.get("event_type") != "ASSAULT":
        return False
    place = record.get("location") or {}
    where = place.get("country")
    if not where or place.get("feature") not in _SUBNATIONAL:
        return False
    for actor in record.get("actor") or []:
        code = actor.get("code")
        if code and code != where and country_code(str(actor.get("text") or "")) == code:
            return True
    return False


def blames_a_trend(verb: Token) -> bool:
    """A verb of blame whose object is a change in how things are ("decried an increase in
    homicides", "condemned the rise in attacks on journalists"; word class ``trend``): a complaint
    about conditions, aimed at no one, as "bemoaned that the costs are higher" is."""
    trend = plover.word_class("trend")
    return any(c.dep_ == "dobj" and lemma(c) in trend for c in verb.children)


#: Types of the nouns that name an attitude expressed ("his support", "her criticism").
_ATTITUDES = frozenset({"SUPPORT", "ACCUSE"})


def an_attitude_acts(d: Draft) -> bool:
    """The doer of a speech act is itself a noun of an expressed attitude ("Welch's support pushes
    back on the narrative", "her criticism rejects ..."): a thing said or done does not say or do
    something else; what it is said to do is the writer's figure, no event. A document ("the
    statement condemned") says what it says, and is no such noun."""
    if d.how != "verb" or not d.verbal:
        return False
    nouns = plover.nouns()
    people = plover.word_class("agentive")  # "his supporters have accused": people, who act
    for agent in subjects(d.anchor)[0]:
        if agent.pos_ != "NOUN" or lemma(agent) in people:
            continue
        rows = nouns.get(lemma(agent), ())
        if rows and rows[-1].type in _ATTITUDES:
            return True
    return False


#: Verbs of taking a person's office ("to succeed him", "to replace Obama"), and of winning.
_SUCCEEDING = frozenset({"succeed", "replace"})
_WINNING = frozenset({"win", "capture", "take", "secure", "clinch"})


def races_for_office(verb: Token) -> bool:
    """A verb of combat whose infinitive is a race for an office: "Clinton and Sanders battled to
    succeed him" (succeeding a person), "fought to win the nomination" (winning what elections
    count, word class ``tally``): neither force nor criticism. "Rebels fought to capture the city"
    is force: a city is no tally, and no person is succeeded."""
    tally = plover.word_class("tally")
    for c in verb.children:
        if c.dep_ not in ("xcomp", "advcl") or not any(a.lower_ == "to" for a in c.children):
            continue
        objects = [o for o in c.children if o.dep_ == "dobj"]
        if lemma(c) in _SUCCEEDING and any(o.pos_ == "PRON" or o.ent_type_ == "PERSON" for o in objects):
            return True
        if lemma(c) in _WINNING and any(lemma(o) in tally for o in objects):
            return True
    return False
