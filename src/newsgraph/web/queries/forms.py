"""The web's forms (query parameters of both a page and its JSON twin: a list's filter model from
:mod:`newsgraph.query.filters` and a page) and the helpers every list shares: paging, totals,
ranks of a filtered page, date conditions."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ...query.filters import (
    ArticleFilter,
    CountFilter,
    DateRange,
    EntityFilter,
    EventFilter,
    NetworkFilter,
    Paging,
    QuoteFilter,
)

if TYPE_CHECKING:
    from .memory import Ranked
    from .webdb import WebDb

# -- the web's forms: each list's filter (newsgraph.query.filters, validated there) and a page --


class ArticleFilters(ArticleFilter, Paging):
    """The articles list's query parameters."""


class EntityFilters(EntityFilter, Paging):
    """The entities list's query parameters."""


class QuoteFilters(QuoteFilter, Paging):
    """The quotes list's query parameters."""


class EventFilters(EventFilter, Paging):
    """The events list's query parameters (and the map's, the charts')."""


class CountFilters(CountFilter, Paging):
    """The counts list's query parameters."""


class NetworkFilters(NetworkFilter):
    """The actor network's query parameters."""


def _page(items: list[dict[str, Any]], total: int, f: Paging) -> dict[str, Any]:
    return {
        "items": items,
        "total": total,
        "page": f.page,
        "per_page": f.per_page,
        "pages": max(1, math.ceil(total / f.per_page)),
    }


def _total(
    db: WebDb, source: str, cond: str, params: list[Any], rows: list[Any], f: Paging, extra: Any = None
) -> int:
    """The number of rows matching: counted apart, since a window count over a sorted result
    costs more than a second scan; not counted at all when the first page holds them all.
    ``extra`` tells apart conditions that read more than ``params`` (a registered relation)."""
    if f.offset == 0 and len(rows) < f.per_page:
        return len(rows)
    sql = f"SELECT count(*) AS n FROM {source} WHERE {cond}"
    found = db.memo(("total", sql, _hashable(params), extra), lambda: db.one(sql, params))
    return int(found["n"]) if found else 0


def _ranks(
    db: WebDb, rows: Ranked, source: str, rank: str, cond: str, params: list[Any], f: Paging
) -> list[int]:
    """The ranks of one page of a list: by position when nothing is filtered, else by a query
    that reads only the filtered columns and the rank (the rows are then taken from memory)."""
    if cond == "1 = 1":
        return rows.page(f.offset, f.per_page)
    found = db.cursor().execute(
        f"SELECT {rank} FROM {source} WHERE {cond} ORDER BY {rank} LIMIT ? OFFSET ?",
        [*params, f.per_page, f.offset],
    )
    return [r[0] for r in found.fetchall()]


def all_ranks(db: WebDb, rows: Ranked, source: str, rank: str, cond: str, params: list[Any]) -> pa.Array:
    """The ranks of every row of a list the condition selects, in list order, as one Arrow column
    of 32-bit integers (4 bytes a row, whatever the rows hold): what a download walks through,
    taking the rows from memory a chunk at a time, with one query however many rows there are."""
    if cond == "1 = 1":
        return pa.array(range(1, len(rows) + 1), pa.int32())
    found = db.cursor().execute(f"SELECT {rank} FROM {source} WHERE {cond} ORDER BY {rank}", params)
    return pa.array(next(iter(found.fetchnumpy().values())), pa.int32())


def _hashable(params: list[Any]) -> tuple[Any, ...]:
    return tuple(tuple(p) if isinstance(p, list) else p for p in params)


def _dates(where: list[str], params: list[Any], f: DateRange, column: str) -> None:
    if f.date_from:
        where.append(f"{column} >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append(f"{column} <= ?")
        params.append(f.date_to)
