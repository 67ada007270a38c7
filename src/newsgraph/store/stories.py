"""Read-side queries over stories and clusters (docs/stories.md) that the CLI and the HTTP API
share: the event and quote clusters with their counts, and the store's totals with copies
counted once."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..records import FACT_KINDS
from ..resolve.entities import fold
from ..resolve.stories import copies_filter
from .db import Store

#: The tables ``counts`` adds to the row counts.
STORY_TABLES = ("article_stories", "event_clusters", "quote_clusters")


def counts(store: Store, *, include_copies: bool = False) -> dict[str, int]:
    """Row counts of the content tables, as :meth:`Store.stats` gives them, except that articles
    copying another and their facts are left out unless ``include_copies``; then ``stories``,
    ``copies`` (articles that copy another) and the cluster counts."""
    out = store.stats()
    if "article_stories" not in store.tables():
        return out
    if not include_copies:
        for name in ("articles", *FACT_KINDS):
            column = "id" if name == "articles" else "article_id"
            row = store.con.execute(
                f"SELECT count(*) FROM {name} WHERE {copies_filter(store, column)}"
            ).fetchone()
            out[name] = int(row[0]) if row else 0
    row = store.con.execute(
        "SELECT count(DISTINCT story_id), count(duplicate_of) FROM article_stories"
    ).fetchone()
    out["stories"], out["copies"] = (int(row[0]), int(row[1])) if row else (0, 0)
    for name in ("event_clusters", "quote_clusters"):
        if name in store.tables():
            out[name] = store.count(name)
    return out


@dataclass(slots=True)
class EventCluster:
    """The reports of one happening: GDELT's NumMentions, NumSources and NumArticles."""

    cluster_id: str
    event_type: str | None
    actor_codes: list[str]
    recipient_codes: list[str]
    negated: bool
    first_date: str | None
    last_date: str | None
    num_mentions: int
    num_articles: int
    num_stories: int
    num_sources: int
    first_seen: str | None
    last_seen: str | None
    article_id: str
    n: int
    trigger: str | None = None
    title: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def event_clusters(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_articles: int = 1,
    limit: int | None = 100,
) -> list[EventCluster]:
    """Event clusters, the most reported first (then the newest). ``actor`` and ``recipient``
    are actor codes; ``since`` and ``until`` (ISO dates, inclusive) bound the cluster's dates;
    ``min_articles`` keeps clusters reported by at least that many articles."""
    if "event_clusters" not in store.tables():
        return []
    sql = (
        "SELECT c.cluster_id, c.event_type, c.actor_codes, c.recipient_codes, c.negated, c.first_date, "
        "c.last_date, c.num_mentions, c.num_articles, c.num_stories, c.num_sources, c.first_seen, "
        "c.last_seen, c.article_id, c.n, e.text, a.title FROM event_clusters c "
        "LEFT JOIN events e ON e.article_id = c.article_id AND e.n = c.n "
        "LEFT JOIN articles a ON a.id = c.article_id WHERE c.num_articles >= ?"
    )
    params: list[Any] = [max(1, int(min_articles))]
    if type:
        sql += " AND c.event_type = ?"
        params.append(type.upper())
    if actor:
        sql += " AND list_contains(c.actor_codes, ?)"
        params.append(actor.upper())
    if recipient:
        sql += " AND list_contains(c.recipient_codes, ?)"
        params.append(recipient.upper())
    if since:
        sql += " AND coalesce(c.last_date, c.last_seen) >= CAST(? AS DATE)"
        params.append(since)
    if until:
        sql += " AND coalesce(c.first_date, c.first_seen) <= CAST(? AS DATE)"
        params.append(until)
    sql += " ORDER BY c.num_articles DESC, c.num_mentions DESC, c.first_date DESC NULLS LAST, c.cluster_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [
        EventCluster(
            cluster_id=r[0],
            event_type=r[1],
            actor_codes=list(r[2] or []),
            recipient_codes=list(r[3] or []),
            negated=bool(r[4]),
            first_date=_iso(r[5]),
            last_date=_iso(r[6]),
            num_mentions=r[7],
            num_articles=r[8],
            num_stories=r[9],
            num_sources=r[10],
            first_seen=_iso(r[11]),
            last_seen=_iso(r[12]),
            article_id=r[13],
            n=r[14],
            trigger=r[15],
            title=r[16],
        )
        for r in store.con.execute(sql, params).fetchall()
    ]


@dataclass(slots=True)
class QuoteCluster:
    """One quote by one speaker, repeated across articles."""

    cluster_id: str
    speaker: str | None
    text: str | None
    num_mentions: int
    num_articles: int
    num_stories: int
    num_sources: int
    first_seen: str | None
    last_seen: str | None
    article_id: str
    n: int
    quote: str | None = None
    speaker_name: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def quote_clusters(
    store: Store,
    *,
    speaker: str | None = None,
    contains: str | None = None,
    min_articles: int = 1,
    limit: int | None = 100,
) -> list[QuoteCluster]:
    """Quote clusters, the most repeated first. ``speaker`` matches words of the speaker's key or
    name; ``contains`` words of the quote."""
    if "quote_clusters" not in store.tables():
        return []
    sql = (
        "SELECT c.cluster_id, c.speaker, c.text, c.num_mentions, c.num_articles, c.num_stories, "
        "c.num_sources, c.first_seen, c.last_seen, c.article_id, c.n, q.text, "
        "coalesce(q.speaker_name, q.speaker_text) FROM quote_clusters c "
        "LEFT JOIN quotes q ON q.article_id = c.article_id AND q.n = c.n WHERE c.num_articles >= ?"
    )
    params: list[Any] = [max(1, int(min_articles))]
    if contains:
        sql += " AND c.text LIKE ?"
        params.append(f"%{fold(contains)}%")
    if speaker:
        named = "coalesce(c.speaker, '') || ' ' || coalesce(q.speaker_name, q.speaker_text, '')"
        sql += f" AND lower({named}) LIKE ?"
        params.append(f"%{fold(speaker)}%")
    sql += " ORDER BY c.num_articles DESC, c.num_mentions DESC, c.last_seen DESC NULLS LAST, c.cluster_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [
        QuoteCluster(
            cluster_id=r[0],
            speaker=r[1],
            text=r[2],
            num_mentions=r[3],
            num_articles=r[4],
            num_stories=r[5],
            num_sources=r[6],
            first_seen=_iso(r[7]),
            last_seen=_iso(r[8]),
            article_id=r[9],
            n=r[10],
            quote=r[11],
            speaker_name=r[12],
        )
        for r in store.con.execute(sql, params).fetchall()
    ]
