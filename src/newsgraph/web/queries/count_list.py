"""The counts list with its summary, and the actor network."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ...query.counts import count_condition
from ...store.export_graph import actor_network
from .forms import _dates, _hashable, _page, _ranks, _total, all_ranks
from .tables import D

if TYPE_CHECKING:
    from .forms import CountFilters, NetworkFilters
    from .webdb import WebDb


def count_filter(f: CountFilters) -> tuple[str, list[Any]]:
    """The counts list's filters as ``(condition on derived.counts c, its parameters)``: the query
    layer's (:func:`newsgraph.query.counts.count_condition`)."""
    return count_condition(f)


def count_ranks(db: WebDb, f: CountFilters) -> pa.Array:
    """The ranks of every count the filters select, in list order (for a download)."""
    cond, params = count_filter(f)
    return all_ranks(db, db.count_rows, f"{D}.counts c", "c.rank", cond, params)


def counts(db: WebDb, f: CountFilters) -> dict[str, Any]:
    """Counts (casualties, people, money, percentages) with their articles, largest first, and a
    summary per kind and unit over the same date range."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    _dates(where, params, f, "c.published")
    if f.min_confidence > 0:  # the summary counts what the list shows, whatever its kind
        where.append("coalesce(c.confidence, 1.0) >= ?")
        params.append(f.min_confidence)
    summary_sql = f"""SELECT c.kind, c.unit, count(*) AS counts, count(DISTINCT c.article_id) AS articles,
                   sum(c.value)::BIGINT AS total, max(c.value) AS largest
            FROM {D}.counts c WHERE {" AND ".join(where)} GROUP BY ALL ORDER BY counts DESC, kind"""
    summary_params = list(params)
    summary = db.memo(
        ("summary", summary_sql, _hashable(summary_params)), lambda: db.rows(summary_sql, summary_params)
    )
    cond, params = count_filter(f)
    rows = db.count_rows.take(_ranks(db, db.count_rows, f"{D}.counts c", "c.rank", cond, params, f))
    out = _page(rows, _total(db, f"{D}.counts c", cond, params, rows, f), f)
    out["summary"] = summary
    return out


def network(db: WebDb, f: NetworkFilters) -> dict[str, Any]:
    """The actor network (see :func:`newsgraph.store.export_graph.actor_network`)."""

    def compute() -> dict[str, Any]:
        net = actor_network(
            db.cursor(),
            date_from=f.date_from,
            date_to=f.date_to,
            type=f.type,
            quad=f.quad,
            min_weight=f.min_weight,
            limit=f.limit,
        )
        return {**net.as_dict(), "limit": f.limit}

    result: dict[str, Any] = db.memo(("network", f.model_dump_json()), compute, size=512)
    return result
