"""Datelines opening a sentence ("HANOI, Vietnam (AP) —", "ROME -"): where a report is filed
from, which the parser often takes for the subject of the sentence's verb, and which does
nothing itself."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

_DASHES = frozenset({"—", "–", "-", "--"})


def dateline_end(sent: Span) -> int:
    """Token index after a dateline opening ``sent`` ("HANOI, Vietnam (AP) —", "ROME -", "New
    York (AFP) –", "Indianapolis –"): a place in capitals, or a place name in title case, then
    names, commas or an agency in brackets, then a dash; else the sentence's start. A title-case
    opening counts only when its words are all places or an agency in brackets follows them
    ("Trump – who ..." is no dateline)."""
    first = sent[0] if len(sent) else None
    if first is None or not (first.is_alpha and first.text[:1].isupper() and len(first.text) > 1):
        return sent.start
    capitals = first.is_upper
    bracket = False
    for tok in sent[1:10]:
        if tok.text in _DASHES:
            return tok.i + 1 if capitals or bracket or _place_line(sent, tok) else sent.start
        if tok.text == "(" and tok.i + 2 < sent.end and tok.nbor(2).text == ")":
            bracket = tok.nbor(1).is_alpha and len(tok.nbor(1).text) > 1  # "(AFP)", "(Reuters)"
        if not (tok.is_punct or tok.pos_ == "PROPN" or tok.text[:1].isupper()):
            break
    return sent.start


def _place_line(sent: Span, dash: Token) -> bool:
    """A title-case opening before ``dash`` is a dateline when its words are all places, a new
    sentence starts after it and no second dash closes it as an aside ("Iran — Tehran's ally —
    said" is no dateline)."""
    nxt = dash.nbor(1) if dash.i + 1 < sent.end else None
    return (
        nxt is not None
        and nxt.text[:1].isupper()
        and all(t.is_punct or t.ent_type_ in ("GPE", "LOC") for t in sent.doc[sent.start : dash.i])
        and not any(t.text in _DASHES and t.nbor(-1).whitespace_ for t in sent.doc[dash.i + 1 : sent.end])
    )


def past_dateline(head: Token) -> list[Token]:
    """A subject the parser found in a dateline ("HANOI, Vietnam (AP) — U.S. Defense Secretary
    Mark Esper accused China": "HANOI") stands for the name after the dash, when there is one
    (with its conjuncts);
    the place a report is filed from does nothing."""
    end = dateline_end(head.sent)
    if head.i >= end:
        return [head]
    # the parser hangs the name after the dash on the dateline as an apposition or a conjunct
    # ("CUCUTA, Colombia — Colombia and Venezuela agreed")
    return [c for c in head.subtree if c.i >= end and c.dep_ in ("appos", "conj") and c.head.i < end][:1]


def past_dateline_refs(clause: Token, refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``refs`` without the places of a dateline opening the clause's sentence (a conjunct of the
    name after the dash is joined to them: "CUCUTA, Colombia — Colombia and Venezuela agreed")."""
    end = dateline_end(clause.sent)
    if end == clause.sent.start or end >= len(clause.doc):
        return refs
    limit = clause.doc[end].idx
    return [r for r in refs if r["end"] > limit]
