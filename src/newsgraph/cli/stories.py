"""What ``newsgraph events --clusters`` and ``newsgraph quotes --clusters`` print: the store's
event and quote clusters (docs/stories.md) as rows for JSON Lines or as a table, for
:mod:`newsgraph.cli`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.table import Table

from ..store.db import Store
from ..store.stories import EventCluster, QuoteCluster, event_clusters, quote_clusters

COUNTS = ("mentions", "articles", "sources")


class Clusters:
    """Event or quote clusters: rows for JSON Lines, or a table."""

    def __init__(self, events: bool, rows: Sequence[EventCluster | QuoteCluster]) -> None:
        self.events = events
        self.rows = rows

    def __iter__(self) -> Iterator[EventCluster | QuoteCluster]:
        return iter(self.rows)

    def table(self, db: str) -> Table:
        events = self.events
        table = Table(title=f"{'event' if events else 'quote'} clusters in {db}", title_justify="left")
        cols = (
            ("first", "last", "type", "actor", "recipient", *COUNTS, "trigger", "article")
            if events
            else ("speaker", "quote", *COUNTS, "first", "last", "article")
        )
        for col in cols:
            table.add_column(
                col, justify="right" if col in COUNTS else "left", min_width=50 if col == "quote" else None
            )
        for r in self:
            counts = (str(r.num_mentions), str(r.num_articles), str(r.num_sources))
            if isinstance(r, EventCluster):
                table.add_row(
                    r.first_date or r.first_seen or "",
                    r.last_date or r.last_seen or "",
                    (r.event_type or "") + (" (negated)" if r.negated else ""),
                    ", ".join(r.actor_codes),
                    ", ".join(r.recipient_codes),
                    *counts,
                    r.trigger or "",
                    r.article_id[:12],
                )
            else:
                text = r.quote or r.text or ""
                table.add_row(
                    r.speaker_name or r.speaker or "?",
                    text if len(text) <= 120 else text[:117] + "...",
                    *counts,
                    r.first_seen or "",
                    r.last_seen or "",
                    r.article_id[:12],
                )
        return table


def show_event_clusters(
    store: Store,
    type_: str | None,
    actor: str | None,
    recipient: str | None,
    since: str | None,
    until: str | None,
    min_articles: int,
    limit: int,
) -> Clusters:
    return Clusters(
        True,
        event_clusters(
            store,
            type=type_,
            actor=actor,
            recipient=recipient,
            since=since,
            until=until,
            min_articles=min_articles,
            limit=limit or None,
        ),
    )


def show_quote_clusters(
    store: Store, speaker: str | None, contains: str | None, min_articles: int, limit: int
) -> Clusters:
    return Clusters(
        False,
        quote_clusters(
            store, speaker=speaker, contains=contains, min_articles=min_articles, limit=limit or None
        ),
    )
