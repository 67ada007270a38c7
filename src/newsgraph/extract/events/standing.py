"""What is so for a while, and questions of the press: signs the confidence (:mod:`.confidence`)
weighs (branch ``events19p``, from the ninth review sample of issue 14).

- **A standing attitude is no happening.** "Sanders has long admired Pope Francis", "the party
  long opposed the deal": "long" before a verb of praise, blame, refusal or demand says how it
  has been for years, as "often" says a habit; it reports no act of one day (``generic``). Talks
  or deeds that went on long are acts all the same ("have long been talking with ...").
- **A role is no act.** "Hungary's government has been in the vanguard on resisting migrants",
  "is at the forefront of fighting corruption": a gerund in the phrase of a noun that says what
  the subject is describes it; it tells no act done (``generic``).
- **A count over a year is a statistic.** "Only one person was killed by a gun last year in
  Japan", "12 journalists were killed in 2015": victims counted over a whole year with no coded
  doer sum many happenings up, as a toll up to now does (:func:`.deeds.is_toll`).
- **A journalist's question is no demand.** "The interviewer repeatedly demanded how the prince
  could be so sure": a demand whose content is a question (a "how", "why", "whether" clause),
  made by the press, is the reporter's question to a subject, as "asked whether" is; an
  official's demand to know is a request (CAMEO 101).
- **A norm told of a kind is no demand.** "The rule states that courts should not ...": a "should"
  or "must" of a bare plural ("courts", "companies") says what such people ought to do.
- **The state holding people uses force.** An arrest, detention or jailing by a government ("the
  authorities") or a court is a coercion with no other cue of force needed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Token

from .drafts import Draft
from .syntax import lemma, subjects

#: Words before a gerund's noun that say what the subject is ("in the vanguard on resisting").
_DESCRIBING = frozenset({"be", "become", "remain"})


#: Types of an attitude that can stand for years: praise, blame, refusal, demand. Talks and deeds
#: that went on for long are acts all the same ("officials have long been talking with ...").
ATTITUDES = frozenset({"SUPPORT", "ACCUSE", "REJECT", "REQUEST"})


def standing_attitude(verb: Token) -> bool:
    """ "has long admired", "long opposed": an adverb "long" of its own (not "as long as", "so
    long", "how long", "long ago") before the verb."""
    return any(
        c.dep_ == "advmod" and c.lower_ == "long" and c.i < verb.i and not list(c.children)
        for c in verb.children
    )


def describes_a_role(verb: Token) -> bool:
    """A gerund in a phrase of a noun that is the predicate of "be": "has been in the vanguard on
    resisting migrants", "is at the forefront of fighting corruption"."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp":
        return False
    cur = verb.head
    nouns = 0
    for _ in range(6):
        if cur.dep_ == "pobj" and cur.pos_ == "NOUN":
            nouns += 1
        elif cur.dep_ not in ("prep", "pcomp"):
            break
        cur = cur.head
    if lemma(cur) not in _DESCRIBING or cur.pos_ not in ("AUX", "VERB"):
        return False
    # "has been in the vanguard on resisting": the parser hangs both phrases on "been"
    placed = any(
        c.dep_ == "prep" and any(p.dep_ == "pobj" and p.pos_ == "NOUN" for p in c.children)
        for c in cur.children
    )
    return nouns > 0 or placed


#: Words of a time phrase that make it a whole year.
_YEARLY = frozenset({"year", "annually", "yearly"})


def _a_whole_year(verb: Token) -> bool:
    """The verb's time phrase spans a year: "last year", "this year", "a year", "in 2015"."""
    for c in verb.children:
        words = [c] if c.dep_ in ("npadvmod", "advmod") else []
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "over"):
            words = [p for p in c.children if p.dep_ == "pobj"]
        for w in words:
            if w.lower_ in _YEARLY or lemma(w) in _YEARLY:
                return True
            if w.like_num and len(w.text) == 4 and w.text.isdigit() and w.text[:2] in ("19", "20"):
                return True
    return False


def counts_a_year(record: Mapping[str, Any], d: Draft) -> bool:
    """Victims counted over a whole year with no coded doer: a statistic (see the module
    docstring)."""
    if d.how not in ("verb", "support") or not record.get("magnitudes"):
        return False
    if any(a.get("code") for a in record.get("actor") or []):
        return False  # "Israeli forces killed 12 Palestinians last year": a named doer's deeds
    return _a_whole_year(d.anchor)


#: Sectors of the press.
_PRESS = frozenset({"JRN"})
#: Words that open a question clause.
_WH = frozenset({"how", "why", "whether", "what", "when", "who", "where", "which", "if"})


def press_question(record: Mapping[str, Any], d: Draft) -> bool:
    """A REQUEST of the press whose content is a question (see the module docstring)."""
    if record.get("event_type") != "REQUEST" or d.how != "verb":
        return False
    actors = record.get("actor") or []
    if not actors or not all(a.get("sector") in _PRESS for a in actors):
        return False
    return any(
        c.dep_ in ("ccomp", "advcl", "xcomp") and any(w.lower_ in _WH for w in c.subtree if w.i < c.i)
        for c in d.anchor.children
    )


def addresses_a_kind(d: Draft) -> bool:
    """A "should" or "must" told of a kind, not of someone: "the rule states that courts should not
    change election rules too close to Election Day", "he said parents must read to their children".
    A bare plural common noun (no article, possessive, number or name) names what such people
    ought to do, a norm; a demand is made of someone ("Congress must act", "the courts should
    rule")."""
    if d.how != "deontic":
        return False
    heads = subjects(d.anchor)[0]
    return bool(heads) and all(_bare_plural(h) for h in heads)


def _bare_plural(tok: Token) -> bool:
    if tok.tag_ != "NNS" or tok.ent_type_:
        return False
    return not any(
        c.dep_ in ("det", "poss", "nummod", "compound", "amod") and (c.dep_ != "amod" or c.ent_type_)
        for c in tok.children
    )


#: Sectors of the state that hold people in custody besides the police: governments ("the
#: authorities") and courts.
_CUSTODIANS = frozenset({"GOV", "JUD"})


def state_custody(record: Mapping[str, Any]) -> bool:
    """An arrest, detention or jailing (COERCE, mode ``arrest``) by a government or a court: "Chinese
    authorities detained a Canadian businessman", "Navalny was jailed by a Moscow court". Holding
    people is what the state does with force; no other cue is needed (branch ``events19p``)."""
    if record.get("event_type") != "COERCE" or record.get("mode") != "arrest":
        return False
    return any(a.get("sector") in _CUSTODIANS for a in record.get("actor") or [])


def not_one_happening(record: Mapping[str, Any], d: Draft) -> bool:
    """Not one happening: a standing attitude ("has long admired"), a role ("in the vanguard on
    resisting"), a count over a year, a norm told of a kind ("courts should not ...")
    (see the module docstring)."""
    if counts_a_year(record, d) or addresses_a_kind(d):
        return True
    if d.how != "verb":
        return False
    return (d.type in ATTITUDES and standing_attitude(d.anchor)) or describes_a_role(d.anchor)
