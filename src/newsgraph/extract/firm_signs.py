"""Signs in the text that an organisation the tables do not know is a firm: it is bought or
sold ("WeWork acquired Meetup", "Meetup, which it acquired for $200 million", "X was bought by
Y"). Only a business is acquired as a whole by another body (a state body, a party or a court is
not bought), so such an organisation is a business (PLOVER ``BUS``) of the country the article's
people are taken to belong to. Used by ``extract/entities.py`` for organisations nothing else
codes."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..resolve import actors
from .mentions import Mention

#: Lemmas of verbs of buying a whole firm.
_ACQUIRE = frozenset({"acquire", "buy", "purchase"})
#: Words between "which" and the buying verb: "which it acquired", "which the company bought".
_RELATIVE_GAP = frozenset(
    {"it", "they", "he", "she", "the", "company", "firm", "group", "had", "has", "later", "recently"}
)


def _bought(token: Token) -> bool:
    """Whether ``token`` (the last word of a name) is what a buying verb takes: its object ("acquired
    Meetup") or its passive subject ("Meetup was acquired by ...")."""
    head = token.head
    return (
        head is not token
        and head.lemma_.lower() in _ACQUIRE
        and head.pos_ == "VERB"
        and token.dep_ in ("dobj", "obj", "nsubjpass")
    )


def _bought_after(doc: Doc, j: int) -> bool:
    """Whether the name ending before token ``j`` is followed by ", which it acquired ..." or ",
    which Microsoft bought"."""
    n = len(doc)
    if j + 2 >= n or doc[j].text != "," or doc[j + 1].lower_ not in ("which", "that"):
        return False
    k = j + 2
    while k < n and k < j + 6 and (doc[k].lower_ in _RELATIVE_GAP or doc[k].pos_ == "PROPN"):
        k += 1
    return k < n and k > j + 2 and doc[k].lemma_.lower() in _ACQUIRE


def acquired_firm_actor(doc: Doc, org: list[Mention], country: str | None) -> actors.Actor | None:
    """``BUS`` of ``country`` for an organisation a mention of which is bought (see the module
    docstring); None without such a mention or without a country."""
    if country is None:
        return None
    for m in org:
        if m.j <= m.i:
            continue
        if _bought(doc[m.j - 1]) or _bought_after(doc, m.j):
            return actors.Actor(country, "BUS")
    return None
