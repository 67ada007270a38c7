"""The other party of the cooperation a verbal event is about (branch ``events18r``).

A refusal, a demand or an offer whose object or content is an act of cooperation with someone is
aimed at that someone: "ruled out a deal with Russia", "rejected talks with Moscow", "sought
talks with Iran" (the object's "with" party), "pledged its support for Ukraine" (whom a promised
act of cooperation is for), "agreed to resume talks with the United States",
"offered to hold talks with Tehran" (the party the content's talks join to the doer). Before, such
events had no recipient, and an AGREE with none counts as a promise to nobody (``alone``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Token

from .. import plover
from .syntax import lemma, prep_objects

#: Verbal types whose object or content names whom they are aimed at through its partner.
PARTNER_TYPES = frozenset({"REJECT", "REQUEST", "AGREE"})


def _cooperative_noun(tok: Token) -> bool:
    """The noun names an act of cooperation in the noun lexicon ("deal", "talks", "meeting")."""
    types = plover.event_types()
    return any(
        e.type in types and types[e.type].quad_code in (1, 2) for e in plover.nouns().get(lemma(tok), ())
    )


def object_partners(etype: str, verb: Token) -> list[Token]:
    """The "with" party of the cooperation a verb of ``etype`` has as its object ("ruled out a deal
    with Russia": Russia, whether the parser hangs "with" on the noun or on the verb); nothing for
    other types or objects ("rejected the bill", "rejected the bill with Democrats")."""
    if etype not in PARTNER_TYPES:
        return []
    objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    cooperative = [o for o in objects if _cooperative_noun(o)]
    if not cooperative:
        return []
    out = [p for o in (*cooperative, verb) for p in prep_objects(o, {"with"})]
    if etype == "AGREE":
        # "pledged its support for Ukraine": whom the promised act is for, by its own type
        out += [p for o in cooperative for p in prep_objects(o, _own_preps(o))]
    return out


def _own_preps(noun: Token) -> frozenset[str]:
    """The recipient prepositions of the types of the noun's rows ("support for", "aid to")."""
    types = plover.event_types()
    return frozenset(
        p
        for e in plover.nouns().get(lemma(noun), ())
        if e.type in types
        for p in types[e.type].recipient_preps
    )


def content_partners(
    etype: str, inner_type: str, joint: list[dict[str, Any]], own: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The parties a joint act of the content joins to the doer ("agreed to resume talks with the
    United States": the United States): those of ``joint`` (the content's joint parties) that are
    coded and not ``own`` (the verb's doers, by entity, else by code)."""
    types = plover.event_types()
    if etype not in PARTNER_TYPES or inner_type not in types or types[inner_type].quad_code not in (1, 2):
        return []
    own = list(own)
    entities = {o.get("entity") for o in own} - {None}
    codes = {o.get("code") for o in own if o.get("entity") is None} - {None}
    return [
        a
        for a in joint
        if a.get("code")
        and a.get("entity") not in entities
        and not (a.get("entity") is None and a.get("code") in codes)
    ]
