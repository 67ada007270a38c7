"""How a person named in a phrase stands for the phrase.

A title and the name it opens, split by the parse: "Senator Warren mocked President Trump"
read by the small model with "President" as the object and "Trump" as an adverbial noun hung on the
verb (or an apposition, or a compound of the title). News writes a title before a name as one
phrase ("President Trump", "Sen. Elizabeth Warren"), so an argument slot holding a title word
before a person's name holds that person.

A body that works for one person, named with that person ("the Sanders campaign", "Clinton's
camp", "the Obama administration"), acts as that person's side: of the person's country, with
the sector of the body (a campaign is the candidate's party side, an administration the
government), not the person's own office ("Senator Sanders": LEG)."""

from __future__ import annotations

from spacy.tokens import Token

from ...resolve.titles import match_title
from .. import plover
from .context import Context

#: Sectors of a political figure, whose campaign or administration is a political body.
_POLITICAL = frozenset({"GOV", "LEG", "PTY", "JUD", "MIL", "ELI", "OPP"})


def titled_person(ctx: Context, head: Token) -> Token:
    """The head word of the person's name that the title word ``head`` opens, when the parse
    took the title for the phrase's head and hung the name on it or on the title's own head;
    ``head`` itself otherwise (a title of no name after it: "the president", "the senator")."""
    doc = head.doc
    if head.i in ctx.index or head.i + 1 >= len(doc) or not head.text[:1].isupper():
        return head
    if match_title([head.text]) != 1:
        return head
    first = doc[head.i + 1]
    eid = ctx.index.get(first.i)
    ent = ctx.entities.get(eid) if eid is not None else None
    if ent is None or ent.type != "PERSON":
        return head
    last = first
    while last.i + 1 < len(doc) and ctx.index.get(last.i + 1) == eid:
        last = doc[last.i + 1]
    root = doc[first.i : last.i + 1].root
    return root if root.head in (head, head.head) else head


def body_sector(ctx: Context, word: str, eid: str, code: str | None, sector: str | None) -> str | None:
    """The sector of a body of a person (word class ``person_body``: "campaign", "camp",
    "administration") named with the entity ``eid`` of actor ``code``/``sector``: the body's, when
    the entity is a person of a political sector; ``sector`` otherwise (a firm's "campaign" of ads,
    a private person's); a weapon named with its owner is military ("Israeli tanks": MIL)."""
    if word in plover.word_class("weapon"):
        return "MIL"
    body = plover.word_class("person_body").get(word)
    ent = ctx.entities.get(eid)
    if body and code and ent is not None and ent.type == "PERSON" and sector in _POLITICAL:
        return body
    return sector
