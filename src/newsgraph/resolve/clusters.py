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
``n``): the first one in an article that is not a copy.

:func:`update_clusters` (after each ingest) clusters the events and quotes that have none yet: the
clusters that share a key with them are made again, with them (and those of a speaker whose
surname now stands for another full name), and the rest of the store is not read.
:func:`rebuild_clusters` makes everything again. Both work on the mentions sorted by key and date,
with no pairwise comparison."""

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
from .entities import fold
from .people import store_canonical_map
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
    #: Where the article stands among the store's articles: its run, then its input and record
    #: (``path#3`` before ``path#10``), then its id; the same whatever order the rows were written
    #: in (one process, every core, Dask).
    order: tuple[int, str, tuple[int, ...], str]
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

    def counts(self, first: Mention | None = None) -> dict[str, Any]:
        """The cluster's counts and dates, and its representative (``first``, when known)."""
        seen = [m.seen for m in self.members if m.seen]
        first = first or self.first
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

    def cluster_id(self, first: Mention | None = None) -> str:
        first = first or self.first
        return content_hash(repr(self.key), first.article_id, str(first.n))

    def row(self) -> dict[str, Any]:
        """``cluster_id`` and the counts (the representative found once for both)."""
        first = self.first
        return {"cluster_id": self.cluster_id(first), **self.counts(first)}


def outlet(url: str | None, source: str | None) -> str:
    """The outlet an article came from: its URL's host, else its input (the source without the
    record part after ``#``)."""
    return host(url) or (source or "").split("#", 1)[0]


def input_order(
    run: int | None, source: str | None, article_id: str
) -> tuple[int, str, tuple[int, ...], str]:
    """The order of an article among the store's: by run, then input path, then record numbers
    (the parts after ``#``, compared as numbers: ``a.warc#3#2`` before ``a.warc#10#1``), then id."""
    path, *records = (source or "").split("#")
    return (run or 0, path, tuple(int(r) if r.isdigit() else -1 for r in records), article_id)


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
    store: Store,
    sql: str,
    key: Callable[[tuple[Any, ...]], tuple[tuple[Any, ...], bool]],
    params: list[Any] | None = None,
) -> list[Mention]:
    """Mentions from ``sql``, whose rows start with (article_id, n, day, url, source, published,
    stored, run_id, story_id, duplicate_of) followed by what ``key`` reads."""
    out = []
    hosts: dict[tuple[str | None, str | None], str] = {}
    for row in store.con.execute(sql, params or []).fetchall():
        aid, n, day, url, source, published, stored, run, story, dup = row[:10]
        found, alone = key(row[10:])
        where = hosts.get((url, source))
        if where is None:
            where = hosts[(url, source)] = outlet(url, source)
        out.append(
            Mention(
                key=found,
                alone=alone,
                day=day,
                article_id=aid,
                n=n,
                order=input_order(run, source, aid),
                story_id=story or aid,
                copy=dup is not None,
                outlet=where,
                seen=published or (stored.date() if stored else None),
            )
        )
    return out


def _article_sql(facts: str, columns: str, day: str, where: str) -> str:
    return (
        f"SELECT f.article_id, f.n, {day}, a.url, a.source, a.published, r.started_at, "
        "CAST(a.run_id AS BIGINT), s.story_id, s.duplicate_of, "
        f"{columns} FROM {facts} f JOIN articles a ON a.id = f.article_id "
        "LEFT JOIN runs r ON r.run_id = a.run_id LEFT JOIN article_stories s ON s.article_id = f.article_id "
        f"WHERE {where}"
    )


def _unclustered(kind: str) -> str:
    """The SQL condition on a fact ``f`` that it has no cluster yet."""
    return (
        f"NOT EXISTS (SELECT 1 FROM {kind}_cluster_members m WHERE m.article_id = f.article_id AND m.n = f.n)"
    )


def _in_clusters(kind: str) -> str:
    """The SQL condition on a fact ``f`` that it is a member of the clusters given as a list
    parameter."""
    return (
        f"EXISTS (SELECT 1 FROM {kind}_cluster_members m WHERE m.article_id = f.article_id "
        "AND m.n = f.n AND m.cluster_id IN (SELECT unnest(?)))"
    )


def event_mentions(store: Store, where: str = "TRUE", params: list[Any] | None = None) -> list[Mention]:
    """The stored events (those meeting the SQL condition ``where`` on the event ``f``) as
    :class:`Mention` s."""

    def key(rest: tuple[Any, ...]) -> tuple[tuple[Any, ...], bool]:
        etype, actors, recipients, negated = rest
        found = (etype, tuple(sorted(set(actors or []))), tuple(sorted(set(recipients or []))), bool(negated))
        return found, not actors and not recipients

    sql = _article_sql(
        "events",
        "f.event_type, f.actor_codes, f.recipient_codes, f.negated",
        "coalesce(f.date, a.published)",
        where,
    )
    return _mentions(store, sql, key, params)


def speaker_map(store: Store) -> dict[str, str]:
    """Entity keys mapped to the key of the entity they stand for across the store: the store's
    one identity, as the listings use (:func:`~newsgraph.resolve.entities.canonical_map`), with
    the person variants kept in the store and brought up to date (``resolve/people.py``)."""
    return store_canonical_map(store)


def quote_mentions(
    store: Store, where: str = "TRUE", params: list[Any] | None = None, canon: dict[str, str] | None = None
) -> list[Mention]:
    """The stored quotes (those meeting the SQL condition ``where`` on the quote ``f``) as
    :class:`Mention` s; ``canon`` is :func:`speaker_map`'s (read when not given)."""
    canon = speaker_map(store) if canon is None else canon

    def key(rest: tuple[Any, ...]) -> tuple[tuple[Any, ...], bool]:
        text, speaker_key, speaker_name, speaker_text = rest
        words = fold(text or "")
        speaker = (
            canon.get(speaker_key, speaker_key) if speaker_key else fold(speaker_name or speaker_text or "")
        )
        return (speaker, words), len(words.split()) < MIN_QUOTE_WORDS

    sql = _article_sql(
        "quotes", "f.text, f.speaker_key, f.speaker_name, f.speaker_text", "a.published", where
    )
    return _mentions(store, sql, key, params)


_MEMBERS = pa.schema([("article_id", pa.string()), ("n", pa.int32()), ("cluster_id", pa.string())])


def update_clusters(store: Store) -> dict[str, int]:
    """Cluster the events and quotes that have no cluster yet (those of the articles an ingest
    added): the clusters of their keys are made again with them, the others are left as they
    are. Returns the number of clusters made or made again, of each kind."""
    if not has_stories(store):
        raise StoreError(f"{store.path} has no story tables: open it for writing first")
    con = store.con
    made = {"event_clusters": 0, "quote_clusters": 0}
    new = event_mentions(store, _unclustered("event"))
    if new:
        # per key, the clusters from the one that could take the earliest new event on are made
        # again (the earlier ones are closed: their first date is more than a window before it)
        since: dict[tuple[Any, ...], dt.date] = {}
        for m in new:
            if not m.alone and m.day is not None:
                since[m.key] = min(since.get(m.key, m.day), m.day)
        keys = sorted(since, key=repr)
        rows = con.execute(
            "SELECT c.cluster_id FROM event_clusters c JOIN (SELECT unnest(?) AS event_type, "
            "unnest(?) AS actors, unnest(?) AS recipients, unnest(?) AS negated, unnest(?) AS since) k "
            "ON k.event_type = c.event_type AND k.actors = c.actor_codes "
            "AND k.recipients = c.recipient_codes AND k.negated = c.negated WHERE c.first_date >= k.since",
            [
                [k[0] for k in keys],
                [list(k[1]) for k in keys],
                [list(k[2]) for k in keys],
                [k[3] for k in keys],
                [since[k] - dt.timedelta(days=EVENT_WINDOW_DAYS) for k in keys],
            ],
        ).fetchall()
        ids = [r[0] for r in rows]
        old = event_mentions(store, _in_clusters("event"), [ids]) if ids else []
        clusters = cluster(old + new)
        _write(store, "event", ids, clusters, [_event_row(c) for c in clusters])
        made["event_clusters"] = len(clusters)
    canon = speaker_map(store)
    new = quote_mentions(store, _unclustered("quote"), canon=canon)
    moved = _moved_speakers(store, canon)
    if new or moved:
        keys = sorted({m.key for m in new if not m.alone}, key=repr)
        rows = con.execute(
            "SELECT cluster_id FROM quote_clusters c WHERE coalesce(c.speaker, '') IN (SELECT unnest(?)) "
            "OR EXISTS (SELECT 1 FROM (SELECT unnest(?) AS speaker, unnest(?) AS text) k "
            "           WHERE coalesce(c.speaker, '') = k.speaker AND c.text = k.text)",
            [sorted(moved), [k[0] or "" for k in keys], [k[1] for k in keys]],
        ).fetchall()
        ids = [r[0] for r in rows]
        old = quote_mentions(store, _in_clusters("quote"), [ids], canon) if ids else []
        clusters = cluster(old + new, window=None)
        _write(store, "quote", ids, clusters, [_quote_row(c) for c in clusters])
        made["quote_clusters"] = len(clusters)
    return made


def _moved_speakers(store: Store, canon: dict[str, str]) -> set[str]:
    """The speakers whose quotes must be clustered again because who a speaker key stands for has
    changed since they were clustered (a surname once taken for one full name, now for another or
    for none): the old and the new speaker of each such key."""
    moved: set[str] = set()
    for raw, stored in store.con.execute(
        "SELECT DISTINCT q.speaker_key, c.speaker FROM quotes q "
        "JOIN quote_cluster_members m ON m.article_id = q.article_id AND m.n = q.n "
        "JOIN quote_clusters c ON c.cluster_id = m.cluster_id WHERE q.speaker_key IS NOT NULL"
    ).fetchall():
        now = canon.get(raw, raw)
        if now != stored:
            moved.update(x for x in (stored, now) if x)
    return moved


def rebuild_clusters(store: Store) -> dict[str, int]:
    """Make ``event_clusters`` and ``quote_clusters`` (with their member tables) again from the
    whole store; returns the number of clusters of each."""
    if not has_stories(store):
        raise StoreError(f"{store.path} has no story tables: open it for writing first")
    for table in ("event_clusters", "event_cluster_members", "quote_clusters", "quote_cluster_members"):
        store.con.execute(f"DELETE FROM {table}")
    return update_clusters(store)


def _event_row(c: Cluster) -> dict[str, Any]:
    days = [x.day for x in c.members if x.day]
    etype, actors, recipients, negated = c.key
    return {
        **c.row(),
        "event_type": etype,
        "actor_codes": list(actors),
        "recipient_codes": list(recipients),
        "negated": negated,
        "first_date": min(days) if days else None,
        "last_date": max(days) if days else None,
    }


def _quote_row(c: Cluster) -> dict[str, Any]:
    speaker, words = c.key
    return {**c.row(), "speaker": speaker or None, "text": words}


def _write(
    store: Store, kind: str, replaced: list[str], clusters: list[Cluster], rows: list[dict[str, Any]]
) -> None:
    """In one transaction: the clusters ``replaced`` deleted with their members, ``clusters``
    (whose table rows are ``rows``) written with theirs."""
    members = _members(clusters, rows)
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        if replaced:
            for table in (f"{kind}_clusters", f"{kind}_cluster_members"):
                con.execute(f"DELETE FROM {table} WHERE cluster_id IN (SELECT unnest(?))", [replaced])
        if rows:
            con.register("_rows", pa.Table.from_pylist(rows))
            con.execute(f"INSERT INTO {kind}_clusters BY NAME SELECT * FROM _rows")
            con.unregister("_rows")
        if members.num_rows:
            con.register("_members", members)
            con.execute(f"INSERT INTO {kind}_cluster_members BY NAME SELECT * FROM _members")
            con.unregister("_members")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"writing {kind} clusters to {store.path} failed: {exc}") from exc


def _members(clusters: list[Cluster], rows: list[dict[str, Any]]) -> pa.Table:
    ids, ns, cids = [], [], []
    for c, row in zip(clusters, rows, strict=True):
        for m in c.members:
            ids.append(m.article_id)
            ns.append(m.n)
            cids.append(row["cluster_id"])
    return pa.table({"article_id": ids, "n": pa.array(ns, pa.int32()), "cluster_id": cids}, schema=_MEMBERS)
