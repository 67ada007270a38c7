"""The events list: who did what to whom, newest first."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..extract.thresholds import check_threshold
from ..resolve.stories import copies_filter
from ..store.db import Store, columns
from ..store.export_graph import DERIVED, prepare
from .common import (
    canonical_key,
    fact_conditions,
    fact_confidence,
    has_table,
    keys_named,
    party_nodes,
)
from .filters import EventFilter


@dataclass(slots=True)
class EventRow:
    """One PLOVER event with its article."""

    article_id: str
    n: int
    title: str | None
    published: str | None
    date: str | None
    event_type: str
    mode: str | None
    quad: str | None
    cameo: str | None
    actor_codes: list[str]
    recipient_codes: list[str]
    actors: list[str]
    recipients: list[str]
    trigger: str
    sentence: str
    place: str | None
    country: str | None
    negated: bool
    hypothetical: bool
    future: bool
    #: How likely the event is to be right, in [0, 1]; None in a store written before events had
    #: one (such events count as 1.0 for ``min_confidence``).
    confidence: float | None = None
    #: The event's cluster (the reports of one happening, docs/stories.md) and its counts; None in
    #: a store without clusters.
    cluster_id: str | None = None
    num_mentions: int | None = None
    num_articles: int | None = None
    num_sources: int | None = None

    @property
    def status(self) -> str:
        """ "fact", or the auxiliary modes that make it none ("negated", "future", ...)."""
        flags = [n for n, on in (("negated", self.negated), ("hypothetical", self.hypothetical)) if on]
        if self.future:
            flags.append("future")
        return "+".join(flags) or "fact"

    def as_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "n": self.n,
            "title": self.title,
            "published": self.published,
            "date": self.date,
            "event_type": self.event_type,
            "mode": self.mode,
            "quad": self.quad,
            "cameo": self.cameo,
            "actor_codes": self.actor_codes,
            "recipient_codes": self.recipient_codes,
            "actors": self.actors,
            "recipients": self.recipients,
            "trigger": self.trigger,
            "sentence": self.sentence,
            "place": self.place,
            "country": self.country,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "status": self.status,
            "confidence": self.confidence,
            "cluster_id": self.cluster_id,
            "num_mentions": self.num_mentions,
            "num_articles": self.num_articles,
            "num_sources": self.num_sources,
        }


def _party(store: Store, role: str, value: str, params: list[Any]) -> str:
    """The condition that ``value`` (:func:`newsgraph.query.common.party_nodes`, or an actor
    code) is among the event's ``role`` ("actor", "recipient"), read from ``derived.parts``."""
    con = store.con
    nodes = party_nodes(value, lambda key: canonical_key(con, key), lambda words: keys_named(con, words))
    params.extend([role, sorted(nodes), value.upper()])
    return (
        f" AND EXISTS (SELECT 1 FROM {DERIVED}.parts p WHERE p.article_id = e.article_id AND p.n = e.n "
        "AND p.role = ? AND (p.node IN (SELECT unnest(?::VARCHAR[])) OR p.code = ?))"
    )


def events(
    store: Store,
    f: EventFilter | None = None,
    *,
    limit: int | None = 100,
    include_copies: bool = False,
) -> list[EventRow]:
    """PLOVER events, newest first (by the event's date, else its article's). ``f.actor`` and
    ``f.recipient`` are an actor code ("USA"), an entity key, or words starting words of an
    entity's name or alias ("blinken"); ``f.type``, ``f.quad`` and ``f.country`` (of the event's
    location) are equal; the dates (inclusive) bound the event's date, or the article's for an
    event without one; ``f.min_confidence`` (from 0 to 1) leaves out events less likely to be right
    (an event stored without a confidence, by an older version, counts as 1.0); ``f.facts_only``
    leaves out negated, hypothetical and future events; ``f.language`` keeps the events of articles
    in that language. Events of articles that copy another (docs/stories.md) are left out unless
    ``include_copies``."""
    f = f or EventFilter()
    check_threshold("min_confidence", f.min_confidence)
    confidence = fact_confidence(columns(store.con, "events"), "e.")
    clustered = has_table(store, "event_cluster_members")
    sql = (
        "SELECT e.article_id, e.n, a.title, a.published, e.date, e.event_type, e.mode, e.quad, e.cameo, "
        "e.actor_codes, e.recipient_codes, e.record, e.text, e.place, e.country, e.negated, "
        "substring(a.text, CAST(e.record->'sentence'->>'start' AS INTEGER) + 1, "
        "CAST(e.record->'sentence'->>'end' AS INTEGER) - CAST(e.record->'sentence'->>'start' AS INTEGER)), "
        f"{confidence}, "
        + (
            "c.cluster_id, c.num_mentions, c.num_articles, c.num_sources FROM events e "
            "JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.n = e.n "
            "LEFT JOIN event_clusters c ON c.cluster_id = m.cluster_id"
            if clustered
            else "NULL, NULL, NULL, NULL FROM events e JOIN articles a ON a.id = e.article_id"
        )
        + f" WHERE {copies_filter(store, 'e.article_id', include_copies)}"
    )
    shared, params = fact_conditions(store, f, confidence=confidence, date="coalesce(e.date, a.published)")
    sql += shared
    if f.type:
        sql += " AND e.event_type = ?"
        params.append(f.type)
    if f.quad:
        sql += " AND e.quad = ?"
        params.append(f.quad)
    if f.country:
        sql += " AND e.country = ?"
        params.append(f.country)
    if f.actor or f.recipient:
        prepare(store.con)
        if f.actor:
            sql += _party(store, "actor", f.actor, params)
        if f.recipient:
            sql += _party(store, "recipient", f.recipient, params)
    sql += " ORDER BY coalesce(e.date, a.published) DESC NULLS LAST, e.article_id, e.n"
    rows: list[EventRow] = []
    for r in store.con.execute(sql, params).fetchall():
        record = json.loads(r[11])
        row = EventRow(
            article_id=r[0],
            n=r[1],
            title=r[2],
            published=r[3].isoformat() if r[3] else None,
            date=r[4].isoformat() if r[4] else None,
            event_type=r[5],
            mode=r[6],
            quad=r[7],
            cameo=r[8],
            actor_codes=list(r[9] or []),
            recipient_codes=list(r[10] or []),
            actors=[a.get("text") or "" for a in record.get("actor") or []],
            recipients=[a.get("text") or "" for a in record.get("recipient") or []],
            trigger=r[12],
            sentence=r[16] or "",
            place=r[13],
            country=r[14],
            negated=bool(r[15]),
            hypothetical=bool(record.get("hypothetical")),
            future=bool(record.get("future")),
            confidence=r[17],
            cluster_id=r[18],
            num_mentions=r[19],
            num_articles=r[20],
            num_sources=r[21],
        )
        if f.facts_only and row.status != "fact":
            continue
        rows.append(row)
        if limit and len(rows) >= limit:
            break
    return rows
