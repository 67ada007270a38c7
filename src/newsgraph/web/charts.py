"""What the charts draw, added to the JSON of the lists they stand above, so that a chart and its
table come from the same JSON: the top actors of the events list, and the counts over time."""

from __future__ import annotations

from typing import Any

from . import queries as q
from .eventsql import event_condition, filter_key
from .geo import IN_MEMORY_EVENTS
from .queries import D, WebDb

#: Bars in the top-actors chart.
TOP_ACTORS = 12


def top_actors(db: WebDb, f: q.EventFilters, limit: int = TOP_ACTORS) -> list[dict[str, Any]]:
    """The actors of the most events among those ``f`` selects: node id, name, number of events,
    and the events per class (remembered per filter set: paging does not count again)."""

    def compute() -> list[dict[str, Any]]:
        party = q.event_filter(db, f)[2]
        if party is not None and len(party) <= IN_MEMORY_EVENTS and db.event_columns.usable:
            return actor_cells(db, q.party_events(db, f, party)[0])
        with event_condition(db, f) as (cond, params, _):
            return db.rows(
                f"""SELECT p.node, any_value(coalesce(p.name, p.text, p.code)) AS name, e.quad,
                           count(DISTINCT e.rank) AS events
                    FROM {D}.events e JOIN {D}.event_parts p ON p.ev = e.rank AND p.role = 'actor'
                    WHERE {cond} AND p.node IS NOT NULL GROUP BY p.node, e.quad""",
                params,
            )

    cells: list[dict[str, Any]] = db.memo(("top_actors", filter_key(f)), compute)
    actors: dict[str, dict[str, Any]] = {}
    for c in cells:
        a = actors.setdefault(c["node"], {"node": c["node"], "name": c["name"], "events": 0, "by_quad": {}})
        a["events"] += c["events"]
        if c["quad"]:
            a["by_quad"][c["quad"]] = a["by_quad"].get(c["quad"], 0) + c["events"]
    ranked = sorted(actors.values(), key=lambda a: (-a["events"], a["node"]))
    return ranked[:limit]


def actor_cells(db: WebDb, ranks: list[int]) -> list[dict[str, Any]]:
    """The top-actors query's cells (actor node, a name of it, class, number of events) for the
    events of these ranks, counted in memory from their parts (an actor named twice in one event
    counts once)."""
    role, node, label = _part_columns(db)
    quad = db.event_columns.quad
    spans = db.event_parts.spans
    cells: dict[tuple[str | None, str | None], list[Any]] = {}
    for r in ranks:
        lo, hi = spans.get(r, (0, 0))
        seen = {node[i]: label[i] for i in range(lo, hi) if role[i] == "actor" and node[i] is not None}
        for n, name in seen.items():
            cell = cells.get((n, quad[r - 1]))
            if cell is None:
                cells[(n, quad[r - 1])] = [name, 1]
            else:
                cell[1] += 1
    return [{"node": n, "name": c[0], "quad": qd, "events": c[1]} for (n, qd), c in cells.items()]


def prepare(db: WebDb) -> None:
    """Load what the charts read in memory when the app starts (else on first use)."""
    _part_columns(db)


def _part_columns(db: WebDb) -> tuple[list[str], list[str | None], list[str | None]]:
    """The role, node and shown name (name, else words, else code) of every event part, in the
    order of :class:`~newsgraph.web.queries.EventParts`, as lists (loaded once)."""

    def load() -> tuple[list[str], list[str | None], list[str | None]]:
        t = db.event_parts.table
        names, texts, codes = (t.column(c).to_pylist() for c in ("name", "text", "code"))
        label = [a or b or c for a, b, c in zip(names, texts, codes, strict=True)]
        return t.column("role").to_pylist(), t.column("node").to_pylist(), label

    found: tuple[list[str], list[str | None], list[str | None]] = db.once(("part_columns",), load)
    return found


def events(db: WebDb, f: q.EventFilters) -> dict[str, Any]:
    """The events list (:func:`newsgraph.web.queries.events`) with its ``top_actors``."""
    out = q.events(db, f)
    out["top_actors"] = top_actors(db, f)
    return out


def counts_over_time(db: WebDb, f: q.CountFilters) -> dict[str, Any]:
    """The counts ``f`` selects per date bucket (article date) and kind: how many, and their sum."""
    cond, params = q.count_filter(f)  # the list's own filters
    where = ["c.published IS NOT NULL", cond]
    bucket = q._bucket(db, f)
    fmt = q._BUCKET_FORMAT[bucket]
    sql = f"""SELECT strftime(b, '{fmt}') AS bucket, kind, counts, total FROM (
                SELECT date_trunc('{bucket}', c.published) AS b, c.kind, count(*) AS counts,
                       sum(c.value)::BIGINT AS total
                FROM {D}.counts c WHERE {" AND ".join(where)} GROUP BY ALL)
              ORDER BY b, kind"""
    cells: list[dict[str, Any]] = db.memo(
        ("counts_time", sql, q._hashable(params)), lambda: db.rows(sql, params)
    )
    buckets: dict[str, dict[str, Any]] = {}
    for c in cells:
        b = buckets.setdefault(c["bucket"], {"bucket": c["bucket"], "counts": 0, "by_kind": {}})
        b["counts"] += c["counts"]
        b["by_kind"][c["kind"]] = c["counts"]
    return {"bucket": bucket, "series": list(buckets.values())}


def counts(db: WebDb, f: q.CountFilters) -> dict[str, Any]:
    """The counts list (:func:`newsgraph.web.queries.counts`) with ``over_time``."""
    out = q.counts(db, f)
    out["over_time"] = counts_over_time(db, f)
    return out
