"""Whom or what a verb's phrases aim at: whether a row's preposition names the target ("objected to
Trump's remarks"), who owns or made a thing criticised ("the deal the administration negotiated"),
who did what another is blamed for ("criticized Trump for attacking the judge"), and whether an
object is a party or only a topic or site ("discussed the wall", "visited a refugee camp"). Split out
of ``actors.py`` (session 20, branch ev23recip)."""

from __future__ import annotations

from spacy.tokens import Token

from .. import plover
from ..relations import kin_nouns
from .candidates import Lexicon
from .clause_signs import a_thing
from .context import Context
from .syntax import is_passive, lemma, subjects


def phrasal_target(entry: plover.Entry, info: plover.EventType) -> bool:
    """Whether a verbal row's preposition names whom or what the speech act is aimed at: "objected
    to Trump's remarks", "scoffed at Trump's claim", "took issue with Trump's remarks", "outraged
    by Trump's remarks" (a thing's owner is then the recipient). Not when the row's object is the
    one aimed at: "attacked Trump over his remarks", "dismissed him as a clown" (the preposition
    says why or as what)."""
    if not info.verbal:
        return False
    conds = entry.conditions
    objects = [c for c in conds if c.kind in ("obj", "dobj") and not c.negated]
    if any(v.startswith("@") for c in objects for v in c.values):
        return False
    return any(c.kind == "prep" and not c.negated for c in conds)


#: Relative pronouns, which name the head they hang on, not its maker.
_WH_WORDS = frozenset({"which", "that", "who", "whom", "what"})


def owner_heads(heads: list[Token]) -> list[Token]:
    """Whoever owns or made the things ``heads`` name: a possessive ("the state's launch"), a "by"
    phrase ("plans by the company"), or the subject of a relative clause on the thing or on its
    apposition ("the TPP, the trade deal the administration negotiated")."""
    out: list[Token] = []
    for head in heads:
        if head.pos_ not in ("NOUN", "PROPN"):
            continue
        for noun in (head, *(c for c in head.children if c.dep_ == "appos")):
            for c in noun.children:
                if c.dep_ == "poss":
                    out.append(c)
                elif c.dep_ == "prep" and c.lower_ == "by":
                    out.extend(p for p in c.children if p.dep_ == "pobj")
                elif c.dep_ == "relcl":
                    out.extend(
                        s for s in c.children if s.dep_ in ("nsubj", "agent") and s.lower_ not in _WH_WORDS
                    )
    return out


def reason_doers(verb: Token) -> list[Token]:
    """Who did what another is blamed, praised or punished for: the object of that verb ("held
    Pagliano in contempt for refusing to testify", "criticized Trump for attacking the judge",
    "thanked Japan for sending aid"), or its passive subject ("Pagliano was held in contempt for
    refusing"). The one who blames did not do it."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "for" or verb.tag_ != "VBG":
        return []
    above = verb.head.head
    if above.pos_ not in ("VERB", "AUX"):
        return []
    objects = [c for c in above.children if c.dep_ == "dobj"]
    if objects:
        return objects[:1]
    return subjects(above)[1][:1] if is_passive(above) else []


def done_to(lex: Lexicon, verb: Token) -> bool:
    """Whether the object of ``verb`` is whom its act is done to: no lexicon row of the verb is
    of a type whose object is a thing moved or given ("deploy troops", "send aid")."""
    return all(
        e.type is None or lex.types[e.type].object_is_recipient for e in plover.verbs().get(lemma(verb), ())
    )


def has_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def topic_object(ctx: Context, obj: Token) -> bool:
    """The object of a meeting verb is what is talked about, not a party: a common noun that names
    no one ("discussed Trump's proposed wall", "discussed the United States' longest war"), unlike
    a name, a pronoun or a noun of people or offices ("met the president", "met officials")."""
    if obj.i in ctx.index or obj.pos_ in ("PROPN", "PRON") or obj.pos_ != "NOUN":
        return False
    if obj.lemma_.lower() in kin_nouns() or obj.lower_ in kin_nouns():
        return False  # "attacked the Koch brothers", "met the wife of ...": people
    return a_thing(obj)  # ("met his Israeli counterpart": someone named by a relation)


def site(ctx: Context, place: Token) -> bool:
    """A place visited that names no host: a common noun of no actor ("a visit to the Mexican
    border", "visited a refugee camp"), not a country, a capital or a named place ("a visit to
    China", "visited the Chinese capital"), whose government is the host."""
    return topic_object(ctx, place) and lemma(place) != "capital"
