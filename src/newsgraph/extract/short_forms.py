"""A firm's short name (session 18, branch entities20): a one-word name that opens the full name
of a firm the same article gives ("The Carlyle Group ... Carlyle, which already held a stake";
"Tyvak Nano-Satellite Systems Inc ... Tyvak"), tagged a person, place or group by the model, is
the firm's. The full name ends in a word of ``entity_firm_suffixes.txt``. A known person, a word
of a person's full name in the article, and a place the gazetteer or the country table knows
(a non-person only) stay as tagged ("Boston" beside "Boston Partners").

A sports team (:func:`team_names`): a name the model tagged a place, person or group that an
article writes with a possessive and a player's or coach's word after it (``entity_team_roles.txt``:
"the Redskins' quarterback", "the Wild's goalie") is the team's, a body, in every mention, unless
the gazetteer or the country table knows it ("Pittsburgh's quarterback": the city stays) or it
is a known person."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from ..tables import data_lines
from .annotations import doc_words
from .mentions import Mention, name_tokens

#: Labels the model gives a firm's short name that are wrong for it.
_RELABELLED = frozenset({"PERSON", "GPE", "LOC", "NORP"})


@cache
def firm_suffixes() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.extract", "entity_firm_suffixes.txt"))


def firm_short_forms(mentions: list[Mention]) -> None:
    """Relabel in place the one-word mentions that are a firm's short name (module docstring)."""
    firsts: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if m.label == "ORG" and len(words) >= 2 and words[-1].lower().rstrip(".,") in firm_suffixes():
            firsts.add(words[0])
    if not firsts:
        return
    held = {w for m in mentions if m.label == "PERSON" for w in name_tokens(m.text)[1:]}
    for m in mentions:
        if m.label not in _RELABELLED or m.j - m.i != 1 or m.text not in firsts or m.text in held:
            continue
        if actors.is_known_person(m.text):
            continue
        if m.label != "PERSON" and (gazetteer().candidates(m.text) or actors.country_code(m.text)):
            continue
        m.label = "ORG"


@cache
def team_roles() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.extract", "entity_team_roles.txt"))


#: A possessive the tokenizer splits off a name ("Redskins '", "Wild 's").
_POSSESSIVES = frozenset({"'", "'s", "\u2019", "\u2019s"})


def team_names(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel in place the mentions of a sports team's name (module docstring)."""
    words = doc_words(doc)
    teams: set[str] = set()
    for m in mentions:
        if m.label not in _RELABELLED or m.j + 1 >= len(words) or words[m.j] not in _POSSESSIVES:
            continue
        if words[m.j + 1].lower() in team_roles() and not _known(m.text):
            teams.add(m.text)
    for m in mentions:
        if m.text in teams and m.label in _RELABELLED:
            m.label = "ORG"


def _known(text: str) -> bool:
    return bool(gazetteer().candidates(text) or actors.country_code(text) or actors.is_known_person(text))
