"""Signs of what local news tells that is no PLOVER event, or not news (session 20, branch
``ev23local``, from a judged sample of LGL local US news, 2009). Signs the confidence
(:mod:`.confidence`) weighs, as those of :mod:`.deeds` are.

- Blame laid on a thing ("the fires were mostly blamed on electrical faults", "blamed the crash on
  ice") blames no one: PLOVER's ACCUSE is aimed at an actor (manual, ACCUSE: "criticize or
  denounce ... allege wrongdoing" of a recipient). Blame on an actor ("blamed the attack on
  Hamas", "on Israel's occupation": what an actor has or did) stays an accusation.
- A plan, a bill or a budget that "calls for" something ("the House legislation calls for a 90
  percent tax", "the plan calls for 200 homes") tells what the document provides, not a request to
  anyone (manual, REQUEST: an actor asks a recipient for cooperation). A statement, letter or
  resolution that calls for something is its issuer's request (word class ``document``); what a
  document of word class ``provision`` calls for is not.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...resolve.actors import sector_of
from .. import plover
from .syntax import lemma, subjects

#: Verbs of laying blame "on" something.
_BLAMING = frozenset({"blame", "pin", "lay", "put", "place", "shift"})


def _owned(tok: Token) -> bool:
    """The noun has an owner or an "of" phrase ("Israel's occupation", "the failure of the
    council"): blaming it blames whoever it belongs to."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children)


def _mere_thing(tok: Token) -> bool:
    """A common noun that names no actor and belongs to none: no name, entity, pronoun, noun of
    a group or an office ("electrical faults", "the weather", "ice")."""
    if tok.pos_ != "NOUN" or tok.ent_type_ or _owned(tok):
        return False
    if lemma(tok) in plover.word_class("relation") or lemma(tok) in plover.word_class("agentive"):
        return False
    return sector_of(tok.lemma_) is None and sector_of(tok.lower_) is None


def blamed_on_a_thing(verb: Token) -> bool:
    """ "Were blamed on electrical faults", "blamed the crash on ice": the blame is laid "on" a
    thing and on nothing else, so nobody is accused."""
    if lemma(verb) != "blame" and not (
        lemma(verb) in _BLAMING and "blame" in {lemma(c) for c in verb.children}
    ):
        return False
    ons = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")]
    targets = [o for p in ons for c in p.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
    return bool(targets) and all(_mere_thing(t) for t in targets)


def provision_calls(verb: Token) -> bool:
    """A request verb whose subject is a document that provides ("the legislation calls for a
    tax", "the budget calls for cuts"; word class ``provision``): what it lays down, asked of no
    one."""
    provisions = plover.word_class("provision")
    agents = subjects(verb)[0]
    return bool(agents) and all(a.pos_ == "NOUN" and lemma(a) in provisions for a in agents)


#: Verbs whose object is found in a state ("found him lying in the road", "left her lying there").
_FINDING = frozenset({"find", "discover", "see", "leave", "spot", "notice"})
#: Prepositions of where one lies.
_WHERE = frozenset(
    {"in", "on", "at", "near", "beside", "across", "along", "under", "by", "inside", "outside", "next"}
)
#: Words of a state one lies in ("lying dead", "lay unconscious", "lying face down").
_LYING_STILL = frozenset(
    {"down", "dead", "motionless", "unconscious", "still", "face", "injured", "bleeding"}
)
#: Where one tells a lie ("lied in court", "lying on his application"): no place one lies down in.
_SAID_IN = frozenset(
    {
        "court",
        "testimony",
        "interview",
        "statement",
        "speech",
        "debate",
        "ad",
        "application",
        "form",
        "report",
        "letter",
        "affidavit",
        "book",
        "deposition",
        "hearing",
        "oath",
        "record",
        "resume",
        "campaign",
    }
)


def lying_down(verb: Token) -> bool:
    """ "Lie" in its sense of lying down, no deed: "found him lying in the southbound lane", "the
    body lay near the road", "lying dead". The past "lied" is always a lie told; the other forms
    lie down when the verb says where ("in the lane", not "in court") or how one lies, or what one
    was found doing."""
    if lemma(verb) != "lie" or verb.lower_ == "lied":
        return False
    if verb.dep_ in ("ccomp", "xcomp", "acl", "oprd") and lemma(verb.head) in _FINDING:
        return True
    for c in verb.children:
        if c.dep_ in ("advmod", "acomp", "oprd", "npadvmod", "prt") and c.lower_ in _LYING_STILL:
            return True
        if c.dep_ == "prep" and c.lower_ in _WHERE:
            objects = [p for p in c.children if p.dep_ == "pobj"]
            if objects and not any(lemma(p) in _SAID_IN for p in objects):
                return True
    return False
