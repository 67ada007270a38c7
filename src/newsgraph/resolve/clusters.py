"""One happening, many reports: the events (and quotes) of different articles that tell the same
thing, linked to one cluster with GDELT-style counts.

Events are in one cluster when they have the same PLOVER type, the same actor codes, the same
recipient codes and the same negation, and their dates (the event's date, else the article's
publication date) are at most :data:`EVENT_WINDOW_DAYS` after the cluster's first date. An event
with no actor or recipient code, or with no date at all, is a cluster of its own: a type alone
does not tell two happenings apart.

Quotes are in one cluster when their words (case, accents and punctuation folded) are the same
and so is the speaker (the resolved entity key, else the folded name), for quotes of at least
:data:`MIN_QUOTE_WORDS` words; shorter quotes are clusters of their own.

Each cluster has ``num_mentions`` (events or quotes), ``num_articles`` (articles, copies of a story
included), ``num_stories`` (stories: copies counted once), ``num_sources`` (outlets: the URL's
host, else the input the article came from), ``first_seen`` and ``last_seen`` (the articles'
publication dates, else the dates they were stored), and a representative mention (``article_id``,
``n``): the first one in an article that is not a copy. :func:`rebuild_clusters` makes the tables
again from the store's events and quotes in one pass over them, sorted (no pairwise comparison)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import content_hash
from ..store.db import Store
from .entities import canonical_map, fold
from .stories import has_stories, host

#: Days after a cluster's first date that an event may still join it.
EVENT_WINDOW_DAYS = 1
#: Fewest words for a quote to be clustered with others.
MIN_QUOTE_WORDS = 4


@dataclass(slots=True)
class Mention:
    """One event or quote as the clustering sees it."""

    key: tuple[Any, ...]
    alone: bool  # a cluster of its own
    day: dt.date | None
    article_id: str
    n: int
    order: int
    story_id: str
    copy: bool
    outlet: str
    seen: dt.date | None


@dataclass(slots=True)
class Cluster:
    key: tuple[Any, ...]
    members: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> Mention:
        """The representative mention: the first one outside a copy, else the first."""
        return next((m for m in self.members if not m.copy), self.members[0])

    def counts(self) -> dict[str, Any]:
        seen = [m.seen for m in self.members if m.seen]
        first = self.first
        return {
            "num_mentions": len(self.members),
            "num_articles": len({m.article_id for m in self.members}),
            "num_stories": len({m.story_id for m in self.members}),
            "num_sources": len({m.outlet for m in self.members}),
            "first_seen": min(seen) if seen else None,
            "last_seen": max(seen) if seen else None,
            "article_id": first.article_id,
            "n": first.n,
        }

    def cluster_id(self) -> str:
        first = self.first
        return content_hash(repr(self.key), first.article_id, str(first.n))


def outlet(url: str | None, source: str | None) -> str:
    """The outlet an article came from: its URL's host, else its input (the source without the
    record part after ``#``)."""
    return host(url) or (source or "").split("#", 1)[0]


def cluster(mentions: Iterable[Mention], window: int | None = EVENT_WINDOW_DAYS) -> list[Cluster]:
    """Mentions grouped by key, a cluster opened when a date is more than ``window`` days after
    the open cluster's first date (``window`` None: no date limit). Mentions without a key, or
    without a date when a window applies, are clusters of their own."""
    ordered = sorted(
        mentions,
        key=lambda m: (m.alone, repr(m.key), m.day or dt.date.max, m.order, m.n),
    )
    out: list[Cluster] = []
    current: Cluster | None = None
    start: dt.date | None = None
    for m in ordered:
        alone = m.alone or (window is not None and m.day is None)
        fits = (
            current is not None
            and not alone
            and current.key == m.key
            and (
                window is None or (start is not None and m.day is not None and (m.day - start).days <= window)
            )
        )
        if fits and current is not None:
            current.members.append(m)
            continue
        current, start = Cluster(m.key, [m]), m.day
        out.append(current)
        if alone:
            current = None
    return out


def _mentions(
    store: Store, sql: str, key: Callable[[tuple[Any, ...]], tuple[tuple[Any, ...], bool]]
) -> list[Mention]:
    """Mentions from ``sql``, whose rows start with (article_id, n, day, url, source, published,
    stored, order, story_id, duplicate_of) followed by what ``key`` reads."""
    out = []
    for row in store.con.execute(sql).fetchall():
        aid, n, day, url, source, published, stored, order, story, dup = row[:10]
        found, alone = key(row[10:])
        out.append(
            Mention(
                key=found,
                alone=alone,
                day=day,
                article_id=aid,
                n=n,
                order=order,
                story_id=story or aid,
                copy=dup is not None,
                outlet=outlet(url, source),
                seen=published or (stored.date() if stored else None),
            )
        )
    return out


def _article_sql(facts: str, columns: str, day: str) -> str:
    return (
        f"SELECT f.article_id, f.n, {day}, a.url, a.source, a.published, r.started_at, "
        "a.run_id * 1000000000 + a.rowid, s.story_id, s.duplicate_of, "
        f"{columns} FROM {facts} f JOIN articles a ON a.id = f.article_id "
        "LEFT JOIN runs r ON r.run_id = a.run_id LEFT JOIN article_stories s ON s.article_id = f.article_id"
    )


def event_mentions(store: Store) -> list[Mention]:
    """Every stored event as a :class:`Mention`."""

    def key(rest: tuple[Any, ...]) -> tuple[tuple[Any, ...], bool]:
        etype, actors, recipients, negated = rest
        found = (etype, tuple(sorted(set(actors or []))), tuple(sorted(set(recipients or []))), bool(negated))
        return found, not actors and not recipients

    sql = _article_sql(
        "events", "f.event_type, f.actor_codes, f.recipient_codes, f.negated", "coalesce(f.date, a.published)"
    )
    return _mentions(store, sql, key)


def quote_mentions(store: Store) -> list[Mention]:
    """Every stored quote as a :class:`Mention`."""
    canon = canonical_map(
        r[0] for r in store.con.execute("SELECT DISTINCT key FROM entities WHERE key IS NOT NULL").fetchall()
    )

    def key(rest: tuple[Any, ...]) -> tuple[tuple[Any, ...], bool]:
        text, speaker_key, speaker_name, speaker_text = rest
        words = fold(text or "")
        speaker = (
            canon.get(speaker_key, speaker_key) if speaker_key else fold(speaker_name or speaker_text or "")
        )
        return (speaker, words), len(words.split()) < MIN_QUOTE_WORDS

    sql = _article_sql("quotes", "f.text, f.speaker_key, f.speaker_name, f.speaker_text", "a.published")
    return _mentions(store, sql, key)


_MEMBERS = pa.schema([("article_id", pa.string()), ("n", pa.int32()), ("cluster_id", pa.string())])


def rebuild_clusters(store: Store) -> dict[str, int]:
    """Make ``event_clusters`` and ``quote_clusters`` (with their member tables) again from the
    store; returns the number of clusters of each."""
    if not has_stories(store):
        raise StoreError(f"{store.path} has no story tables: open it for writing first")
    events = cluster(event_mentions(store))
    quotes = cluster(quote_mentions(store), window=None)
    event_rows = []
    for c in events:
        m = c.first
        days = [x.day for x in c.members if x.day]
        etype, actors, recipients, negated = c.key
        row: dict[str, Any] = {
            "cluster_id": c.cluster_id(),
            **c.counts(),
            "event_type": etype,
            "actor_codes": list(actors),
            "recipient_codes": list(recipients),
            "negated": negated,
            "first_date": min(days) if days else None,
            "last_date": max(days) if days else None,
        }
        event_rows.append((row, m))
    quote_rows = []
    for c in quotes:
        speaker, words = c.key
        row = {"cluster_id": c.cluster_id(), **c.counts(), "speaker": speaker or None, "text": words}
        quote_rows.append((row, c.first))
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        _replace(con, "event_clusters", [r for r, _ in event_rows], _members(events))
        _replace(con, "quote_clusters", [r for r, _ in quote_rows], _members(quotes))
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"writing clusters to {store.path} failed: {exc}") from exc
    return {"event_clusters": len(events), "quote_clusters": len(quotes)}


def _members(clusters: list[Cluster]) -> pa.Table:
    rows = [(m.article_id, m.n, c.cluster_id()) for c in clusters for m in c.members]
    return pa.table(
        {
            "article_id": [r[0] for r in rows],
            "n": pa.array([r[1] for r in rows], pa.int32()),
            "cluster_id": [r[2] for r in rows],
        },
        schema=_MEMBERS,
    )


def _replace(
    con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]], members: pa.Table
) -> None:
    con.execute(f"DELETE FROM {table}")
    con.execute(f"DELETE FROM {table.removesuffix('s')}_members")
    if rows:
        con.register("_rows", pa.Table.from_pylist(rows))
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
        con.unregister("_rows")
    if members.num_rows:
        con.register("_members", members)
        con.execute(f"INSERT INTO {table.removesuffix('s')}_members BY NAME SELECT * FROM _members")
        con.unregister("_members")
