"""What a store holds, in a form two stores can be compared by: every content table's rows without
run ids and timestamps, sorted. Tests and benchmarks use it to show that two ways of ingesting the
same inputs (one process, every core, Dask) give the same store."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..records import FACT_KINDS
from ..store.db import Store

#: The stories and clusters linked after (or while) the articles are stored (docs/stories.md).
STORY_TABLES = (
    "article_stories",
    "story_bands",
    "event_clusters",
    "event_cluster_members",
    "quote_clusters",
    "quote_cluster_members",
)
#: Tables compared, and the columns left out of them (when, in which run and how many times a row
#: was written).
CONTENT_TABLES = ("documents", "articles", *FACT_KINDS, "errors", *STORY_TABLES)
RUN_COLUMNS = frozenset({"run_id", "ingested_at", "at", "first_run", "n_seen"})


def store_rows(db: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every content table of the store at ``db``: its rows, without :data:`RUN_COLUMNS`, sorted."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with Store(db, read_only=True) as store:
        for table in CONTENT_TABLES:
            names = [row[0] for row in store.con.execute(f"DESCRIBE {table}").fetchall()]
            keep = ", ".join(f'"{c}"' for c in names if c not in RUN_COLUMNS)
            out[table] = store.con.execute(f"SELECT {keep} FROM {table} ORDER BY ALL").fetchall()
    return out


def store_digest(db: str | Path) -> dict[str, str]:
    """:func:`store_rows` as a short digest and a row count per table, to print or keep in JSON."""
    return {
        table: f"{hashlib.sha256(repr(rows).encode()).hexdigest()[:16]} ({len(rows)} rows)"
        for table, rows in store_rows(db).items()
    }
