"""What ``newsgraph events --clusters`` and ``newsgraph quotes --clusters`` print: tables of the
store's event and quote clusters (docs/stories.md), for :mod:`newsgraph.cli`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .store.stories import EventCluster, QuoteCluster


def print_event_clusters(out: Console, db: str, rows: list[EventCluster]) -> None:
    table = Table(title=f"event clusters in {db}", title_justify="left")
    for col in ("first", "last", "type", "actor", "recipient", "mentions", "articles", "sources", "trigger"):
        table.add_column(col, justify="right" if col in ("mentions", "articles", "sources") else "left")
    table.add_column("article")
    for r in rows:
        table.add_row(
            r.first_date or r.first_seen or "",
            r.last_date or r.last_seen or "",
            r.event_type + (" (negated)" if r.negated else "") if r.event_type else "",
            ", ".join(r.actor_codes),
            ", ".join(r.recipient_codes),
            str(r.num_mentions),
            str(r.num_articles),
            str(r.num_sources),
            r.trigger or "",
            r.article_id[:12],
        )
    out.print(table)


def print_quote_clusters(out: Console, db: str, rows: list[QuoteCluster]) -> None:
    table = Table(title=f"quote clusters in {db}", title_justify="left")
    for col in ("speaker", "quote", "mentions", "articles", "sources", "first", "last", "article"):
        table.add_column(
            col,
            justify="right" if col in ("mentions", "articles", "sources") else "left",
            min_width=50 if col == "quote" else None,
        )
    for r in rows:
        text = r.quote or r.text or ""
        table.add_row(
            r.speaker_name or r.speaker or "?",
            text if len(text) <= 120 else text[:117] + "...",
            str(r.num_mentions),
            str(r.num_articles),
            str(r.num_sources),
            r.first_seen or "",
            r.last_seen or "",
            r.article_id[:12],
        )
    out.print(table)
