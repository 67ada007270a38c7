"""Whose is the thing a statement judges, when the phrase names nobody: "President Obama condemned
Friday's test", "Libya hailed the ruling", "rejects the proposals". News names the doer where it
first tells of the thing ("North Korea conducted its fifth nuclear test", "The World Court ruled");
a later definite phrase refers back to it. The manual's target of a condemnation, praise or
rejection is whoever did what is judged (``evaluation.py`` does the same for judgements said of a
thing: "Beijing called the tariffs illogical")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from .context import Context
from .references import resolve_heads
from .syntax import subjects

#: Determiners of a phrase that names something already told of ("the ruling", "these strikes").
_DEFINITE = frozenset({"the", "these", "those", "this", "that"})
#: How many sentences back the first mention of the thing is looked for.
WINDOW = 5
#: Dependencies of the words of a phrase that name its owner ("Trump's tariffs", "US sanctions").
_OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def _definite(head: Token) -> bool:
    """ "the ruling", "these strikes", "Friday's test" (a day owns nothing: the phrase is definite)."""
    for c in head.children:
        if c.dep_ == "det" and c.lower_ in _DEFINITE:
            return True
        if c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME"):
            return True
    return False


def _owners(ctx: Context, prev: Token) -> list[dict[str, Any]]:
    """The doer an earlier mention of the thing names: its owner or maker ("its fifth nuclear
    test", "a test by North Korea"), else the subject of the verb it is the object of ("North Korea
    conducted a test")."""
    owners = [c for c in prev.children if c.dep_ in _OWNER_DEPS and c.ent_type_ not in ("DATE", "TIME")]
    owners += [
        p for c in prev.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for p in c.children
    ]
    refs = resolve_heads(ctx, owners, places=False, recipient=True)
    if not refs and prev.dep_ == "dobj":
        refs = resolve_heads(ctx, subjects(prev.head)[0], places=False, recipient=True)
    return refs


def earlier_mentions(head: Token, window: int = WINDOW) -> list[Token]:
    """The nouns of the same lemma as ``head`` in the ``window`` sentences before its own, nearest
    first: where the article may have told of the thing a later definite phrase refers back to
    (also ``evaluation.py``'s, for judgements said of a thing)."""
    doc = head.doc
    first = head.sent.start
    for _ in range(window):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    return [t for t in reversed(doc[first : head.sent.start]) if t.pos_ == "NOUN" and t.lemma_ == head.lemma_]


def earlier_doers(ctx: Context, heads: list[Token]) -> list[dict[str, Any]]:
    """For a definite common noun that names nobody, the doers of the same thing where the article
    told of it in the ``WINDOW`` sentences before (the nearest mention that names one)."""
    for head in heads:
        if head.pos_ != "NOUN" or head.i in ctx.index or not _definite(head):
            continue
        for prev in earlier_mentions(head):
            refs = _owners(ctx, prev)
            if refs:
                return refs
    return []
