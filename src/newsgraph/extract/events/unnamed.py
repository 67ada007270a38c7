"""Words for the sides of an event the text leaves unnamed (branch ``events18p``): the victims an
attack or an arrest names by a common noun ("12 protesters"), coded with the country of the place;
PLOVER's unidentified doer, worded by what did it ("a bomb", "the fighting"). A place where a deed
was done is never the doer, and not whom it was done to when these are named."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from .drafts import Draft
from .references import span_of
from .syntax import names_people, subjects


def victims(d: Draft) -> Token | None:
    """The people a verb is done to, named by its object (or passive subject) but coded by no
    entity: "arrested 12 protesters", "killed 20 civilians", "struck Kurdish militants"."""
    if d.how != "verb":
        return None
    for c in d.anchor.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN":
            counted = any(k.dep_ == "nummod" for k in c.children)
            if counted or names_people(c):
                return c
    return None


#: Prepositions whose object is what did a deed ("killed by a bomb", "died in the fighting").
_MEANS_PREPS = frozenset({"by", "in"})


def unidentified_span(verb: Token, location: dict[str, Any]) -> tuple[int, int]:
    """The words of an unidentified doer: the subject ("a roadside bombing near Samarra killed"),
    the "by" phrase ("were killed by a bomb") or the "in" phrase ("were killed in the fighting in
    Gaza") that names no place, else the verb itself; never the place's words."""

    def placeless(tok: Token) -> bool:
        return not (tok.idx < location["end"] and location["start"] < tok.idx + len(tok.text)) and (
            tok.ent_type_ not in ("GPE", "LOC", "FAC")
        )

    done_to = subjects(verb)[1]  # "US drone shot down while ...": a bare passive's subject
    found = [
        c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and c not in done_to
    ]
    for c in verb.children:
        if c.dep_ in ("agent", "prep") and c.lower_ in _MEANS_PREPS:
            found += [p for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    for tok in found:
        if placeless(tok):
            start, end = span_of(tok)
            if not (start < location["end"] and location["start"] < end):
                return start, end
            return tok.idx, tok.idx + len(tok.text)
    return verb.idx, verb.idx + len(verb.text)
