"""Strict query parameters: a filter value that names nothing in the store is an error (400) that
names the parameter, not an empty page that looks like "no results". Unknown parameters are refused
by the filter models themselves (``extra="forbid"``); the values of the parameters that take one of
a known set (types, classes, kinds, countries) are checked by the query layer
(:func:`newsgraph.query.values.check`, which the CLI calls too) against what this store holds."""

from __future__ import annotations

from typing import Any

from ..query.values import FilterValueError, Known
from ..query.values import check as check_values
from .queries import D, WebDb

__all__ = ["FilterValueError", "check", "known", "known_codes"]


def known_codes(db: WebDb) -> frozenset[str]:
    """The actor and country codes the store holds (entities' actor codes, places' countries)."""

    def compute() -> frozenset[str]:
        rows = db.rows(f"SELECT DISTINCT code FROM {D}.entity_stats WHERE code IS NOT NULL")
        return frozenset([*(r["code"] for r in rows), *db.facets["countries"]])

    found: frozenset[str] = db.memo(("known_codes",), compute)
    return found


def known(db: WebDb) -> Known:
    """The values the store holds, from the facets the server keeps."""
    facets = db.facets
    return Known(
        entity_types=facets["entity_types"],
        event_types=facets["event_types"],
        quote_kinds=facets["quote_kinds"],
        count_kinds=facets["count_kinds"],
        codes=known_codes(db),
    )


def check(db: WebDb, f: Any, *, view: str) -> None:
    """Raise :class:`FilterValueError` for the first parameter of ``f`` whose value names nothing
    this store can have (:func:`newsgraph.query.values.check`)."""
    check_values(known(db), f, view=view)
