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
    the relation ``_party`` on this thread's cursor): :func:`newsgraph.web.queries.event_filter`,
    the events list's own."""
    cond, params, party = q.event_filter(db, f)
    with db.relation("_party", [] if party is None else party.tolist()):
        yield cond, params, (f.actor, f.recipient, getattr(f, "party", None))


def filter_key(f: q.EventFilters) -> str:
    """The filters ``f`` sets, paging left out: the key under which a view over them is
    remembered."""
    return f.model_dump_json(exclude={"page", "per_page"})
