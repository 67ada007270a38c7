"""What the charts draw, added to the JSON of the lists they stand above, so that a chart and its
table come from the same JSON: the top actors of the events list, and the counts over time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from . import queries as q
from .eventsql import event_condition, filter_key
from .queries import D, WebDb

#: Bars in the top-actors chart.
TOP_ACTORS = 12


def top_actors(db: WebDb, f: q.EventFilters, limit: int = TOP_ACTORS) -> list[dict[str, Any]]:
    """The actors of the most events among those ``f`` selects: node id, name, number of events,
    and the events per class (remembered per filter set: paging does not count again)."""

    def compute() -> list[dict[str, Any]]:
        party = q.event_filter(db, f)[2]
        if db.event_columns.usable:
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


@dataclass(frozen=True, slots=True)
class Actors:
    """Every event's actors (each node once an event, with the name it is shown by there: the
    last of its parts'), in event order, as arrays."""

    ev: npt.NDArray[np.int32]  # event rank
    node: npt.NDArray[np.int32]  # index in nodes
    label: list[str | None]
    nodes: list[str]


def _actors(db: WebDb) -> Actors:
    def load() -> Actors:
        role, node, label = _part_columns(db)
        spans = db.event_parts.spans
        evs: list[int] = []
        found: list[str] = []
        labels: list[str | None] = []
        for r in sorted(spans):
            lo, hi = spans[r]
            seen = {node[i]: label[i] for i in range(lo, hi) if role[i] == "actor" and node[i] is not None}
            for n, name in seen.items():
                evs.append(r)
                found.append(n)  # type: ignore[arg-type]
                labels.append(name)
        nodes = sorted(set(found))
        at = {n: i for i, n in enumerate(nodes)}
        return Actors(np.array(evs, np.int32), np.array([at[n] for n in found], np.int32), labels, nodes)

    found: Actors = db.once(("actors",), load)
    return found


def actor_cells(db: WebDb, ranks: Sequence[int] | npt.NDArray[Any]) -> list[dict[str, Any]]:
    """The top-actors query's cells (actor node, a name of it, class, number of events) for the
    events of these ranks (in list order), counted in memory from their parts (an actor named
    twice in one event counts once); in the order of their first event, each named as there."""
    actors = _actors(db)
    cols = db.event_columns
    chosen = np.zeros(len(cols.day) + 1, np.bool_)
    chosen[np.asarray(ranks, np.int64)] = True
    rows = np.flatnonzero(chosen[actors.ev])
    nq = len(cols.quads) + 1
    key = actors.node[rows].astype(np.int64) * nq + (cols.quad_code[actors.ev[rows] - 1] + 1)
    cells, first, counts = np.unique(key, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    out = []
    for k, i, n in zip(cells[order].tolist(), first[order].tolist(), counts[order].tolist(), strict=True):
        node, qd = divmod(k, nq)
        out.append(
            {
                "node": actors.nodes[node],
                "name": actors.label[int(rows[i])],
                "quad": cols.quads[qd - 1] if qd else None,
                "events": n,
            }
        )
    return out


def prepare(db: WebDb) -> None:
    """Load what the charts read in memory when the app starts (else on first use)."""
    _actors(db)


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
