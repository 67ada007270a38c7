"""Strict query parameters: a filter value that names nothing in the store is an error (400) that
names the parameter, not an empty page that looks like "no results". Unknown parameters are refused
by the filter models themselves (``extra="forbid"``); this module checks the values of the
parameters that take one of a known set (types, classes, kinds, countries)."""

from __future__ import annotations

import re
from typing import Any

import pycountry

from ..store.export_graph import QUADS
from .queries import D, WebDb


class FilterValueError(Exception):
    """A query parameter's value is not one the store knows (answered with a 400)."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


_CODE = re.compile(r"[A-Za-z]{2,12}")
_UNIT = re.compile(r"percent|[A-Za-z]{3}", re.IGNORECASE)


def known_codes(db: WebDb) -> frozenset[str]:
    """The actor and country codes the store holds (entities' actor codes, places' countries)."""

    def compute() -> frozenset[str]:
        rows = db.rows(f"SELECT DISTINCT code FROM {D}.entity_stats WHERE code IS NOT NULL")
        return frozenset([*(r["code"] for r in rows), *db.facets["countries"]])

    found: frozenset[str] = db.memo(("known_codes",), compute)
    return found


def _one_of(param: str, value: str, allowed: list[str]) -> None:
    if value not in allowed:
        shown = ", ".join(allowed[:30]) + (", ..." if len(allowed) > 30 else "")
        raise FilterValueError(param, f"{value!r} is not one of {shown or '(none in this store)'}")


def check(db: WebDb, f: Any, *, view: str) -> None:
    """Raise :class:`FilterValueError` for the first parameter of ``f`` whose value names nothing
    this store can have. ``view`` tells which list the filters are for (the same parameter name
    takes different values on different lists: ``type`` is an event type or an entity type)."""
    facets = db.facets
    value = getattr(f, "type", None)
    if value:
        if view == "entities":
            _one_of("type", value.upper(), facets["entity_types"])
        elif view == "network":
            _one_of("type", value.upper(), [*facets["event_types"], "QUOTE"])
        else:
            _one_of("type", value.upper(), facets["event_types"])
    value = getattr(f, "quad", None)
    if value:
        _one_of("quad", value.lower(), list(QUADS))
    value = getattr(f, "kind", None)
    if value:
        allowed = facets["quote_kinds"] if view == "quotes" else facets["count_kinds"]
        _one_of("kind", value.lower(), allowed)
    value = getattr(f, "country", None)
    if value:
        code = value.upper()
        if not _CODE.fullmatch(value) or (
            code not in known_codes(db) and pycountry.countries.get(alpha_3=code) is None
        ):
            raise FilterValueError("country", f"{value!r} is not a country or actor code (ISO alpha-3: IND)")
    value = getattr(f, "unit", None)
    if value and not _UNIT.fullmatch(value):
        raise FilterValueError("unit", f"{value!r} is neither percent nor a currency code (USD)")
