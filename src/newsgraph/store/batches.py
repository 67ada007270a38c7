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
from .db import _articles_table, _facts_table

#: Tables of an article batch, in the order they are written: articles before their facts.
ARTICLE_TABLES = ("articles", *FACT_KINDS)


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
        tables = {"articles": _articles_table(articles, 0)}
        for kind in FACT_KINDS:
            facts = _facts_table(articles, kind)
            if facts.num_rows:
                tables[kind] = facts
        return cls(tables)

    @property
    def n_articles(self) -> int:
        found = self.tables.get("articles")
        return found.num_rows if found is not None else 0

    def without(self, ids: Iterable[str]) -> ArticleTables:
        """These rows less those of the articles ``ids`` (already stored, or stored earlier in
        the run from another document)."""
        drop = pa.array(sorted(set(ids)), pa.string())
        if not len(drop):
            return self
        out: dict[str, pa.Table] = {}
        for name, table in self.tables.items():
            key = table["id" if name == "articles" else "article_id"]
            kept = table.filter(pc.invert(pc.is_in(key, value_set=drop)))
            if kept.num_rows:
                out[name] = kept
        return ArticleTables(out)


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
        table = pa.concat_tables(parts[name]) if len(parts[name]) > 1 else parts[name][0]
        if name == "articles":
            where = table.schema.get_field_index("run_id")
            table = table.set_column(
                where, "run_id", pa.repeat(pa.scalar(run_id, pa.int32()), table.num_rows)
            )
        out.append((name, table))
    return out
