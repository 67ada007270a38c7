"""A batch of articles as the rows the store keeps of them: the ``articles`` table and one table
per fact kind, as Arrow tables.

They are built where the articles are made (a worker process of the local runner, a Dask task)
and travel from there as Arrow buffers (a pickled ``pyarrow.Table`` is its buffers, not its
values), so the process that writes the store, which on a machine as wide as its workers competes
with them for the cores, does not build rows, encode fact records as JSON nor unpickle article
objects: it drops the articles it already holds, stamps its run and writes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from ..records import FACT_KINDS, Article
from .rows import articles_table, facts_table

#: Tables of an article batch, in the order they are written: articles before their facts.
ARTICLE_TABLES = ("articles", *FACT_KINDS)


#: Column of every fact table of an :class:`ArticleTables`: the row number, in its batch, of the
#: fact's article (two articles of one batch may share an id: the same article in two documents).
ARTICLE_ROW = "_article"


@dataclass(slots=True)
class ArticleTables:
    """The store's rows of a batch of articles, in the batch's order (``run_id`` is 0 until
    :func:`combine` stamps the writing run's). Only tables with rows are held."""

    tables: dict[str, pa.Table] = field(default_factory=dict)

    @classmethod
    def of(cls, articles: Sequence[Article]) -> ArticleTables:
        """The rows of ``articles`` (the same rows :meth:`Store.write` makes of them)."""
        if not articles:
            return cls()
        tables = {"articles": articles_table(articles, 0)}
        for kind in FACT_KINDS:
            facts = facts_table(articles, kind)
            if facts.num_rows:
                rows = [n for n, a in enumerate(articles) for _ in range(len(getattr(a, kind)))]
                tables[kind] = facts.append_column(ARTICLE_ROW, pa.array(rows, pa.int32()))
        return cls(tables)

    @property
    def n_articles(self) -> int:
        found = self.tables.get("articles")
        return found.num_rows if found is not None else 0

    def keep(self, kept: Sequence[bool]) -> ArticleTables:
        """The rows of the articles ``kept`` says to keep (one flag per article, in order): the
        others are stored already, or earlier in the run from another document."""
        if all(kept):
            return self
        flags = pa.array(kept, pa.bool_())
        out: dict[str, pa.Table] = {}
        for name, table in self.tables.items():
            mask = flags if name == "articles" else pc.take(flags, table[ARTICLE_ROW])
            rows = table.filter(mask)
            if rows.num_rows:
                out[name] = rows
        return ArticleTables(out)

    @classmethod
    def concat(cls, batches: Iterable[ArticleTables]) -> ArticleTables:
        """The rows of ``batches`` as one batch, in order."""
        parts: dict[str, list[pa.Table]] = {name: [] for name in ARTICLE_TABLES}
        before = 0
        for batch in batches:
            for name, table in batch.tables.items():
                if name != "articles" and before:
                    where = table.schema.get_field_index(ARTICLE_ROW)
                    moved = pc.add(table[ARTICLE_ROW], pa.scalar(before, pa.int32()))
                    table = table.set_column(where, ARTICLE_ROW, moved)
                parts[name].append(table)
            before += batch.n_articles
        return cls({name: _concat(found) for name, found in parts.items() if found})


def _concat(tables: list[pa.Table]) -> pa.Table:
    return pa.concat_tables(tables) if len(tables) > 1 else tables[0]


def combine(batches: Iterable[ArticleTables], run_id: int) -> list[tuple[str, pa.Table]]:
    """The rows of ``batches``, in order, as one table per name (articles first), stamped with
    ``run_id``: what :meth:`Store.write_tables` takes."""
    parts: dict[str, list[pa.Table]] = {name: [] for name in ARTICLE_TABLES}
    for batch in batches:
        for name, table in batch.tables.items():
            parts[name].append(table)
    out: list[tuple[str, pa.Table]] = []
    for name in ARTICLE_TABLES:
        if not parts[name]:
            continue
        table = _concat(parts[name])
        if name == "articles":
            where = table.schema.get_field_index("run_id")
            table = table.set_column(
                where, "run_id", pa.repeat(pa.scalar(run_id, pa.int32()), table.num_rows)
            )
        else:
            table = table.drop_columns([ARTICLE_ROW])
        out.append((name, table))
    return out
