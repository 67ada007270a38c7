"""Offices named without a name: "the senator", "the president", "the foreign minister". News names a
person once with the office ("Senator John Smith", "Foreign Minister Wang Yi") and then calls them
by the office alone; such a phrase is that person. With nobody named with the office before it, an
office of the state ("the prime minister", "the spokesman") belongs to the country the article is
about, as a body of the state with no country named does ("lawmakers", "officials")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ...resolve import actors
from .context import LOOKBACK, NATIONAL_SECTORS, Context

#: Determiners of a definite office: "the senator", "this official"; not "a senator".
_DEFINITE = frozenset({"the", "this", "that"})


def office_words(head: Token) -> list[str]:
    """The lower-case words of ``head``'s phrase up to it, without determiners ("the foreign
    minister" -> ["foreign", "minister"])."""
    return [
        t.lower_
        for t in head.doc[head.left_edge.i : head.i + 1]
        if t.dep_ not in ("det", "punct", "predet") and not t.is_space
    ]


def office_holder(ctx: Context, head: Token) -> tuple[str | None, str | None, str] | None:
    """Who a definite office with no name stands for, as (entity id, code, sector): the last person
    named before it whose name or title holds the office's word (within :data:`LOOKBACK` words),
    of the article's main country when one such was named and the office names no country ("the
    president", not "the Russian president"), else, for an office of the state, the article's
    main country when no other country is named nearly as often (``Context.public_country``: in
    news of two countries "the foreign minister" may be either's; no entity); None for anything
    else."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.i in ctx.index:
        return None
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children):
        return None
    words = office_words(head)
    sector = actors.sector_of(" ".join(words))
    if sector is None:
        return None
    word = head.lower_
    holders = []
    for n in range(len(ctx.person_pos) - 1, -1, -1):
        pos = ctx.person_pos[n]
        if pos >= head.i:
            continue
        if head.i - pos > LOOKBACK:
            break
        eid = ctx.person_ids[n]
        ent = ctx.entities.get(eid)
        if ent is None or not _holds_office(ent, word):
            continue
        code, ent_sector = ctx.entity_code(eid)
        holders.append((eid, code or ctx.main_country, ent_sector or sector))
    if holders:
        # "the president" with no country said is the article's own country's president when
        # one was named ("Obama met Russian President Vladimir Putin. ... the president
        # declined"): another country's office holder is called "the Russian president"
        national = any(actors.country_code(w) for w in words)
        own = [h for h in holders if h[1] == ctx.main_country]
        return own[0] if own and not national else holders[0]
    if sector in NATIONAL_SECTORS and ctx.public_country():
        return None, ctx.public_country(), sector
    return None


def _holds_office(ent: Any, word: str) -> bool:
    """Whether an entity was named with the office ``word`` (a title of its roles, or a word of
    one of its mentions: "Sen. Kelly Ayotte" holds "senator" only through its role)."""
    for role in ent.roles:
        if word in (role.title or "").lower().split():
            return True
    return any(word in m.text.lower().split() for m in ent.mentions)
