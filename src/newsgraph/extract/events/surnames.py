"""A person named by surname alone where the entity step found no name: "Jindal criticized
Landrieu" after "Gov. Bobby Jindal" and "Sen. Mary Landrieu" (the parser may even take the surname
for an adjective). News gives a person's full name at the first mention, in the headline or an
earlier sentence, and the surname alone after it; the surname then stands for that person when
one person of the article, and only one, was named in full with it before."""

from __future__ import annotations

from spacy.tokens import Token

from .context import Context

#: Parts of speech a surname the entity step missed can be given (a name, or the parser's guess).
_NAME_TAGS = frozenset({"PROPN", "ADJ", "NOUN"})


def surname_person(ctx: Context, tok: Token) -> str | None:
    """The entity id of the one person named in full before ``tok`` whose last name ``tok`` is,
    when ``tok`` is a capitalised word of no entity that the article never writes in lower case."""
    word = tok.text
    if tok.i in ctx.index or tok.pos_ not in _NAME_TAGS or not word[:1].isupper() or not word.isalpha():
        return None
    if word.isupper() or any(t.text == word.lower() for t in ctx.doc):
        return None  # an acronym, or a word ("Young", "Black") the article also uses as a word
    found = {
        eid
        for eid, ent in ctx.entities.items()
        if ent.type == "PERSON"
        and ent.start < tok.idx
        and any(len(n.split()) > 1 and n.split()[-1] == word for n in (ent.name, *ent.aliases))
    }
    return found.pop() if len(found) == 1 else None
