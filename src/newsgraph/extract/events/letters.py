"""Whom a letter, message or petition is addressed to, when what it asks or says is the event: "sent
a letter to Comey demanding answers", "sent Comey a letter demanding", "a letter to Comey asking",
"In a letter to Comey, Grassley demanded answers". The manual's source is who sends it, its target
whom it is sent to; the parser hangs the addressee on the document, on the verb that sends it, or
(for a long name: "to FBI Director James Comey demanding") makes it the subject of the participle."""

from __future__ import annotations

from spacy.tokens import Token

from .. import plover
from .syntax import lemma, subjects


def _document(tok: Token) -> bool:
    """A document sent to someone (word class ``addressed``: a letter, a message, a petition); a
    statement, speech or post is given to the press or an audience, no addressee."""
    return lemma(tok) in plover.word_class("addressed")


def _to_objects(tok: Token) -> list[Token]:
    """The "to" objects and datives of a noun or verb: "a letter to Comey", "sent Comey a letter"."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ == "to":
            out += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN"):
            out.append(c)
    return out


def _carried(clause: Token) -> tuple[Token, Token | None] | None:
    """The document a participle or purpose clause says the content of, and the verb sending it:
    "a letter demanding" (the participle hangs on the document), "sent a letter ... seeking"
    (it hangs on the verb whose object is the document)."""
    if clause.dep_ == "acl" and _document(clause.head):
        doc = clause.head
        return doc, doc.head if doc.dep_ == "dobj" else None
    if clause.dep_ in ("advcl", "xcomp") and clause.tag_ == "VBG":
        docs = [c for c in clause.head.children if c.dep_ == "dobj" and _document(c)]
        if docs:
            return docs[0], clause.head
    return None


def misparsed_addressee(clause: Token) -> Token | None:
    """The addressee the parser made the subject of a document's participle: "a letter to FBI
    Director James Comey demanding answers" (a participle has no subject of its own; the "to" before
    the name has no object)."""
    if clause.dep_ != "acl" or clause.tag_ != "VBG" or _carried(clause) is None:
        return None
    subj = [c for c in clause.children if c.dep_ == "nsubj"]
    if not subj:
        return None
    first = min(t.i for t in subj[0].subtree)
    before = clause.doc[first - 1] if first > 0 else None
    if before is None or before.lower_ != "to" or any(c.dep_ == "pobj" for c in before.children):
        return None
    return subj[0]


def sender_heads(clause: Token) -> list[Token]:
    """Who sent the document whose content ``clause`` says: the subject of the sending verb."""
    carried = _carried(clause)
    if carried is None or carried[1] is None:
        return []
    return subjects(carried[1])[0]


def addressee_heads(clause: Token) -> list[Token]:
    """Whom the document carrying ``clause`` is addressed to, or the one the clause's "in a letter
    to X" phrase names; empty when no document is named."""
    heads: list[Token] = []
    carried = _carried(clause)
    if carried is not None:
        doc, verb = carried
        heads += _to_objects(doc) + (_to_objects(verb) if verb is not None else [])
        wrong = misparsed_addressee(clause)
        if wrong is not None:
            heads.append(wrong)
    for c in clause.children:  # "In a letter to Comey, Grassley demanded answers"
        if c.dep_ == "prep" and c.lower_ in ("in", "through", "via"):
            heads += [t for p in c.children if p.dep_ == "pobj" and _document(p) for t in _to_objects(p)]
    return heads
