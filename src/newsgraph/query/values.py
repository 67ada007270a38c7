"""Strict filter values: a value that names nothing a store can hold (an event type that is
neither PLOVER's nor the store's, a quad class PLOVER does not have, a country that is neither an
ISO alpha-3 code nor an actor code of the store) is an error naming the filter, not an empty list
that looks like "no results"; a value newsgraph can write that this store happens not to hold
("PROTEST" in a store without protests) is an empty list. The web answers an error with a 400,
the CLI with exit code 2; both check here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pycountry

from ..extract.plover import event_types
from ..records import COUNT_KINDS, ENTITY_TYPES, QUOTE_KINDS
from ..store.db import Store, column, columns
from ..store.export_graph import QUADS


class FilterValueError(Exception):
    """A filter's value is not one the store knows (the web answers it with a 400)."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


@dataclass(frozen=True, slots=True)
class Known:
    """The values of the store that the filters' values must be among."""

    entity_types: list[str]
    event_types: list[str]
    quote_kinds: list[str]
    count_kinds: list[str]
    #: the entities' actor codes and the places' countries
    codes: frozenset[str]


_CODE = re.compile(r"[A-Za-z]{2,12}")
_UNIT = re.compile(r"percent|[A-Za-z]{3}", re.IGNORECASE)


def _one_of(param: str, value: str, allowed: list[str], vocabulary: tuple[str, ...] = ()) -> None:
    """Refuse ``value`` unless it is among ``allowed`` (the store's) or ``vocabulary`` (what
    newsgraph can write, which a store may hold none of)."""
    allowed = sorted({*allowed, *vocabulary})
    if value not in allowed:
        shown = ", ".join(allowed[:30]) + (", ..." if len(allowed) > 30 else "")
        raise FilterValueError(param, f"{value!r} is not one of {shown or '(none in this store)'}")


def check(known: Known, f: Any, *, view: str) -> None:
    """Raise :class:`FilterValueError` for the first filter of ``f`` whose value names nothing
    this store can have. ``view`` tells which list the filters are for (the same filter name
    takes different values on different lists: ``type`` is an event type or an entity type)."""
    value = getattr(f, "type", None)
    if value:
        if view == "entities":
            _one_of("type", value.upper(), known.entity_types, ENTITY_TYPES)
        elif view == "network":
            _one_of("type", value.upper(), [*known.event_types, "QUOTE"], tuple(event_types()))
        else:
            _one_of("type", value.upper(), known.event_types, tuple(event_types()))
    value = getattr(f, "quad", None)
    if value:
        _one_of("quad", value.lower(), list(QUADS))
    value = getattr(f, "kind", None)
    if value:
        if view == "quotes":
            _one_of("kind", value.lower(), known.quote_kinds, QUOTE_KINDS)
        else:
            _one_of("kind", value.lower(), known.count_kinds, COUNT_KINDS)
    value = getattr(f, "country", None)
    if value:
        code = value.upper()
        if not _CODE.fullmatch(value) or (
            code not in known.codes and pycountry.countries.get(alpha_3=code) is None
        ):
            raise FilterValueError("country", f"{value!r} is not a country or actor code (ISO alpha-3: IND)")
    value = getattr(f, "unit", None)
    if value and not _UNIT.fullmatch(value):
        raise FilterValueError("unit", f"{value!r} is neither percent nor a currency code (USD)")


def known_values(store: Store) -> Known:
    """The :class:`Known` values of the store, read from its tables (the CLI's; the web reads its
    own from the facets it holds)."""
    con = store.con

    def values(sql: str) -> list[str]:
        return [r[0] for r in con.execute(sql).fetchall() if r[0] is not None]

    event_type = column(columns(con, "events"), "event_type", "record->>'event_type'")
    count_kind = column(columns(con, "counts"), "kind", "record->>'kind'")
    quote_kind = column(columns(con, "quotes"), "kind", "record->>'kind'")
    return Known(
        entity_types=values("SELECT DISTINCT type FROM entities ORDER BY 1"),
        event_types=values(f"SELECT DISTINCT {event_type} FROM events ORDER BY 1"),
        quote_kinds=values(f"SELECT DISTINCT {quote_kind} FROM quotes ORDER BY 1"),
        count_kinds=values(f"SELECT DISTINCT coalesce({count_kind}, 'other') FROM counts ORDER BY 1"),
        codes=frozenset(
            values("SELECT actor_code FROM entities UNION SELECT record->>'country' FROM places")
        ),
    )
