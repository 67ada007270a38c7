"""Names written beside one another (session 15), on the cleaned mentions before they are grouped:

- **pieces of one known name tagged apart** become one mention: two mentions side by side, or
  joined by "and", "&", "of" or "for", whose whole text names a known organisation ("Customs" +
  "Border Protection" -> "Customs and Border Protection"; "Lockheed" + "Martin", the second tagged
  ``PERSON``, -> "Lockheed Martin");
- **the members of a list share a type**: in a list of three names or more joined by commas and a
  last "and"/"or" (or by slashes: "Bulgaria/Israel/Hungary"), a single member whose label differs
  from all the others' takes theirs when nothing says it is what the model said: a one-word name
  tagged ``PERSON`` among organisations is one ("managed Porto, Real Madrid and Inter Milan"),
  unless the article names a person with it ("Elon Musk") or the tables know a person by it; a
  name tagged otherwise among places is a place when the gazetteer or the country table knows it;
- **a list before a plural place noun is of places**: "Barry, Berrien, Calhoun, Cass, Kalamazoo
  and Van Buren counties": every member is ``GPE``, whatever the model tagged.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from .annotations import doc_lowers, doc_text
from .mentions import Mention, name_tokens

#: Words that may join the pieces of one known name.
_GLUE = (["and"], ["&"], ["of"], ["for"])
#: What may stand between two members of a list.
_SEPARATORS = ([","], [",", "and"], [",", "or"], ["and"], ["or"], ["/"])
#: Plural nouns after a list of names that make them places ("Orange and Riverside counties").
_PLACE_PLURALS = frozenset(
    {"counties", "provinces", "states", "districts", "cities", "towns", "villages", "regions", "prefectures"}
)
#: The fewest members of a list whose odd member takes the others' type.
_LIST = 3


def join_known_pieces(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the pieces of one known organisation's name joined (see the module
    docstring); the order is kept."""
    ordered = sorted(mentions, key=lambda m: m.i)
    lowers = doc_lowers(doc)
    text = doc_text(doc)
    out: list[Mention] = []
    for m in ordered:
        prev = out[-1] if out else None
        if prev is not None and (prev.j == m.i or lowers[prev.j : m.i] in _GLUE):
            whole = text[prev.start : m.end]
            if actors.organisation(whole) is not None and actors.organisation(m.text) is None:
                out[-1] = Mention(prev.i, m.j, prev.start, m.end, whole, "ORG")
                continue
        out.append(m)
    return out


def _lists(doc: Doc, mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of mentions joined by list separators, each with at least two members."""
    lowers = doc_lowers(doc)
    runs: list[list[Mention]] = []
    for m in sorted(mentions, key=lambda m: m.i):
        if runs and lowers[runs[-1][-1].j : m.i] in _SEPARATORS:
            runs[-1].append(m)
        else:
            runs.append([m])
    return [r for r in runs if len(r) >= 2 and _closed(lowers, r)]


def _closed(lowers: list[str], run: list[Mention]) -> bool:
    """A list's members are joined by commas and closed by "and"/"or", or all by slashes."""
    joins = [tuple(lowers[a.j : b.i]) for a, b in pairwise(run)]
    if all(j == ("/",) for j in joins):
        return True
    return joins[-1] in ((",", "and"), (",", "or"), ("and",), ("or",)) and all(
        j == (",",) for j in joins[:-1]
    )


def list_labels(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel the members of lists in place (see the module docstring)."""
    lowers = doc_lowers(doc)
    held = {w for m in mentions if m.label == "PERSON" and m.j - m.i > 1 for w in name_tokens(m.text)}
    for run in _lists(doc, mentions):
        last = run[-1]
        if last.j < len(lowers) and lowers[last.j] in _PLACE_PLURALS:
            for m in run:
                m.label = "GPE"  # "Orange and Riverside counties"
            continue
        if len(run) < _LIST:
            continue
        label, n = Counter(m.label for m in run).most_common(1)[0]
        if n != len(run) - 1:
            continue
        odd = next(m for m in run if m.label != label)
        if label == "ORG" and odd.label == "PERSON" and _no_person(odd, held):
            odd.label = "ORG"
        elif label == "GPE" and odd.label in ("PERSON", "ORG", "FAC", "LOC") and _known_place(odd.text):
            odd.label = "GPE"


def _no_person(m: Mention, held: set[str]) -> bool:
    """A one-word name that no person's name of the article holds and no table knows as a person."""
    return m.j - m.i == 1 and m.text not in held and not actors.is_known_person(m.text)


def _known_place(text: str) -> bool:
    return actors.country_code(text) is not None or gazetteer().subnational_country(text) is not None
