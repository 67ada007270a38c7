"""The events list: its filter (shared by the map and the charts), its page and timeline."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from .forms import _dates, _hashable, _page, _total, all_ranks
from .lookup import party_array
from .tables import D
from .webdb import WebDb

if TYPE_CHECKING:
    from ...query.filters import DateRange
    from .forms import EventFilters


def _bucket(db: WebDb, f: DateRange) -> str:
    lo = f.date_from or _date(db.facets.get("first_day"))
    hi = f.date_to or _date(db.facets.get("last_day"))
    if lo is None or hi is None:
        return "month"
    days = (hi - lo).days
    return "day" if days <= 92 else "month" if days <= 5 * 366 else "year"


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _events_by_rank(db: WebDb, ranks: list[int]) -> list[dict[str, Any]]:
    """Events by their list rank, in rank order (each once), with actors, recipients and the
    sentence; taken from the lists held in memory."""
    ranks = sorted({r for r in ranks if 1 <= r <= len(db.event_rows)})
    rows = db.event_rows.take(ranks)
    by_event: dict[int, list[dict[str, Any]]] = {}
    for p in db.event_parts.of(ranks):
        by_event.setdefault(p.pop("ev"), []).append(p)
    for r in rows:
        found = by_event.get(r.pop("rank"), [])
        r["actors"] = [p for p in found if p["role"] == "actor"]
        r["recipients"] = [p for p in found if p["role"] == "recipient"]
    return rows


def _event_columns(db: WebDb, ranks: list[int]) -> tuple[list[str], list[list[Any]]]:
    """The events of :func:`_events_by_rank`, column by column (names and values) as a CSV
    download writes them: actors and recipients each as one text (:meth:`EventParts.labels`)."""
    ranks = sorted({r for r in ranks if 1 <= r <= len(db.event_rows)})
    names, columns = db.event_rows.columns(ranks)
    at = names.index("rank")
    actors, recipients = db.event_parts.labels(ranks)
    return (
        [*names[:at], *names[at + 1 :], "actors", "recipients"],
        [*columns[:at], *columns[at + 1 :], actors, recipients],
    )


def event_filter(db: WebDb, f: EventFilters) -> tuple[str, list[Any], npt.NDArray[np.int32] | None]:
    """The events list's filters as ``(condition on derived.events e, its parameters, the ranks of
    the events of the actor and recipient asked for (sorted), or None)``: the condition reads
    those ranks from the relation ``_party``, which the caller registers (:meth:`WebDb.relation`).
    A filter with a ``party`` (the map's: an actor or a recipient) narrows them too."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    party: npt.NDArray[np.int32] | None = None
    if f.actor:
        party = party_array(db, "actor", f.actor)
    if f.recipient:
        found = party_array(db, "recipient", f.recipient)
        party = found if party is None else np.intersect1d(party, found, assume_unique=True)
    either = getattr(f, "party", None)
    if either:
        found = np.union1d(party_array(db, "actor", either), party_array(db, "recipient", either))
        party = found if party is None else np.intersect1d(party, found, assume_unique=True)
    if party is not None:
        # many thousands of ranks: passed as an Arrow column, cheaper than a list parameter
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
    if f.language:
        where.append("e.language = ?")
        params.append(f.language)
    if f.facts_only:
        where.append("e.fact")
    _dates(where, params, f, "e.day")
    return " AND ".join(where), params, party


def party_events(
    db: WebDb, f: EventFilters, party: npt.NDArray[np.int32] | None
) -> tuple[npt.NDArray[np.int32], list[dict[str, Any]]]:
    """:meth:`EventColumns.select_array` (the ranks in order and the timeline's cells) of the
    events the filters select, among those of the actors and recipients asked for (``party``, or
    every event when None), remembered per filter set: the list, its chart and its map ask for
    the same events, and paging asks again."""
    key = (
        "party_events",
        *(getattr(f, name, None) for name in ("actor", "recipient", "party", "type", "quad", "country")),
        f.min_confidence,
        f.language,
        f.facts_only,
        f.date_from,
        f.date_to,
    )
    found: tuple[npt.NDArray[np.int32], list[dict[str, Any]]] = db.memo(
        key, lambda: db.event_columns.select_array(f, party, _bucket(db, f))
    )
    return found


def event_ranks(db: WebDb, f: EventFilters) -> pa.Array:
    """The ranks of every event the filters select, in list order (for a download): in memory,
    as the list does (else with one query)."""
    cond, params, party = event_filter(db, f)
    if db.event_columns.usable:
        ranks, _ = party_events(db, f, party)
        return pa.array(ranks, pa.int32())
    with db.relation("_party", [] if party is None else party.tolist()):
        return all_ranks(db, db.event_rows, f"{D}.events e", "e.rank", cond, params)


def events(db: WebDb, f: EventFilters, *, timeline: bool = True) -> dict[str, Any]:
    """Events, newest first, with their actors and recipients; with ``timeline``, also the number
    of events per date bucket and type, and per type."""
    cond, params, party = event_filter(db, f)
    parties = (f.actor, f.recipient)
    cells: list[dict[str, Any]] | None
    if db.event_columns.usable:
        # selected in memory (EventColumns), without a query
        ranks, matched = party_events(db, f, party)
        rows = _events_by_rank(db, ranks[f.offset : f.offset + f.per_page].tolist())
        total, cells = len(ranks), matched if timeline else None
    else:
        with db.relation("_party", [] if party is None else party.tolist()):
            page = db.rows(
                f"SELECT e.rank FROM {D}.events e WHERE {cond} ORDER BY e.rank LIMIT ? OFFSET ?",
                [*params, f.per_page, f.offset],
            )
            rows = _events_by_rank(db, [r["rank"] for r in page])
            if timeline:  # the timeline's cells count the events: no second count
                cells, total = _timeline(db, f, cond, params, parties)
            else:
                cells, total = None, _total(db, f"{D}.events e", cond, params, rows, f, parties)
    out = _page(rows, total, f)
    if cells is not None:
        out["bucket"] = _bucket(db, f)
        buckets: dict[str, dict[str, Any]] = {}
        types: dict[str, int] = {}
        for c in cells:
            b = buckets.setdefault(
                c["bucket"], {"bucket": c["bucket"], "events": 0, "by_quad": {}, "by_type": {}}
            )
            b["events"] += c["events"]
            b["by_type"][c["event_type"]] = c["events"]
            if c["quad"]:
                b["by_quad"][c["quad"]] = b["by_quad"].get(c["quad"], 0) + c["events"]
            types[c["event_type"]] = types.get(c["event_type"], 0) + c["events"]
        out["timeline"] = list(buckets.values())
        out["types"] = dict(sorted(types.items(), key=lambda kv: (-kv[1], str(kv[0]))))
    return out


def _timeline(
    db: WebDb, f: DateRange, cond: str, params: list[Any], extra: Any
) -> tuple[list[dict[str, Any]], int]:
    """Events per date bucket, type and class for the events matching ``cond`` (those without a
    day are left out), and the number of all the events matching it."""
    bucket = _bucket(db, f)
    sql = f"""SELECT strftime(b, '{_BUCKET_FORMAT[bucket]}') AS bucket, event_type, quad, events FROM (
                SELECT date_trunc('{bucket}', e.day) AS b, e.event_type, e.quad, count(*) AS events
                FROM {D}.events e WHERE {cond} GROUP BY ALL)
            ORDER BY b, event_type"""
    cells: list[dict[str, Any]] = db.memo(
        ("timeline", sql, _hashable(params), extra), lambda: db.rows(sql, params)
    )
    total = sum(c["events"] for c in cells)
    return [c for c in cells if c["bucket"] is not None], total


_BUCKET_FORMAT = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
