"""Whose a group is by where it is: the country of a place named with an unnamed group ("police in
Barcelona", "refugees fleeing the fighting in Liberia"), and the country that owns what a material
act is done to ("militants attacked the U.S. embassy"), whose people the doers are not taken to be.
Split out of ``references.py`` (session 20, branch ev23recip)."""

from __future__ import annotations

from spacy.tokens import Token

from .. import plover
from .context import Context
from .syntax import lemma


def _material(verb: Token) -> bool:
    """The verb's row with no conditions is a material act ("attacked", "stormed", "seized"): said of a
    verbal act ("a union leader lambasted the Chinese government") the owner may be the speaker's
    own country, and is kept as a guess."""
    types = plover.event_types()
    default = [e.type for e in plover.verbs().get(lemma(verb), ()) if not e.conditions]
    return bool(default) and default[0] is not None and not types[default[0]].verbal


def object_owner(ctx: Context, head: Token) -> str | None:
    """The country that owns what the subject ``head`` of a material act acts on ("protesters
    stormed the Israeli embassy in Cairo", "militants attacked the U.S. embassy"): the other side,
    whose country the unnamed doers are not taken from."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "nsubj":
        head = head.head.head  # "hundreds of demonstrators rallied ..."
    if head.dep_ != "nsubj" or not _material(head.head):
        return None
    for obj in _acted_on(head.head):
        for mod in obj.children:
            eid = ctx.index.get(mod.i)
            if mod.dep_ in ("amod", "compound", "poss") and eid is not None:
                code = ctx.entity_code(eid)[0]
                if code:
                    return code
    return None


#: Prepositions of where a material act is aimed: "protested outside the U.S. embassy".
_AT = frozenset({"outside", "at", "near", "before", "toward", "towards", "against", "front"})


def _acted_on(verb: Token) -> list[Token]:
    """What a material act is done to or aimed at: its object, or the object of a phrase of where
    it is aimed ("protested outside the U.S. embassy", "rallied in front of the Israeli embassy":
    branch ``events19p``)."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            if prep.lower_ in _AT:
                out.append(pobj)
            elif lemma(pobj) == "front":  # "in front of": the "of" phrase's object
                out += [p for o in pobj.children if o.lower_ == "of" for p in o.children if p.dep_ == "pobj"]
    return out


def place_in(ctx: Context, head: Token) -> str | None:
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
