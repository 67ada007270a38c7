"""The events list's filters as one SQL condition, for the views drawn from the same events as the
list (the map, the top actors): the same parameters select the same events."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from . import queries as q
from .queries import WebDb


@contextmanager
def event_condition(db: WebDb, f: q.EventFilters) -> Iterator[tuple[str, list[Any], Any]]:
    """``(condition on derived.events e, its parameters, a key telling apart the actors and
    recipients asked for)`` for the block's duration (the parties' event ranks are registered as
    the relation ``_party`` on this thread's cursor), as :func:`newsgraph.web.queries.events`
    builds it."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    party: set[int] | None = None
    if f.actor:
        party = q._party_ranks(db, "actor", f.actor)
    if f.recipient:
        found = q._party_ranks(db, "recipient", f.recipient)
        party = found if party is None else party & found
    either = getattr(f, "party", None)  # the map's: an actor or a recipient
    if either:
        found = q._party_ranks(db, "actor", either) | q._party_ranks(db, "recipient", either)
        party = found if party is None else party & found
    if party is not None:
        where.append("e.rank IN (SELECT r FROM _party)")
    if f.type:
        where.append("e.event_type = ?")
        params.append(f.type.upper())
    if f.quad:
        where.append("e.quad = ?")
        params.append(f.quad.lower())
    if f.country:
        where.append("e.country = ?")
        params.append(f.country.upper())
    if f.min_confidence > 0:
        where.append("coalesce(e.confidence, 1.0) >= ?")
        params.append(f.min_confidence)
    q._dates(where, params, f, "e.day")
    with db.relation("_party", sorted(party or ())):
        yield " AND ".join(where), params, (f.actor, f.recipient, either)


def filter_key(f: q.EventFilters) -> str:
    """The filters ``f`` sets, paging left out: the key under which a view over them is
    remembered."""
    return f.model_dump_json(exclude={"page", "per_page"})
