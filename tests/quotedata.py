"""Synthetic articles whose quotes have known confidences, for the tests of the quote confidence
filters (store, CLI, web). No model needed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from newsgraph.records import Article
from newsgraph.store.db import Store
from newsgraph.testing.generator import Generator

#: The confidences given to the quotes in turn: sure, unsure, just above the default (0.6), none
#: (a quote stored by a version without confidences; it counts as 1).
CYCLE: tuple[float | None, ...] = (0.9, 0.3, 0.65, None)


def quote_articles(n: int = 12, seed: int = 11, cycle: tuple[float | None, ...] = CYCLE) -> list[Article]:
    """``n`` synthetic articles whose quotes take the confidences of ``cycle`` in turn."""
    out = []
    i = 0
    for article in Generator(seed).articles(n):
        quotes = []
        for q in article.quotes:
            q = {k: v for k, v in q.items() if k != "confidence"}
            if cycle[i % len(cycle)] is not None:
                q["confidence"] = cycle[i % len(cycle)]
            quotes.append(q)
            i += 1
        out.append(dataclasses.replace(article, quotes=quotes))
    return out


def shown(articles: list[Article], threshold: float) -> list[float | None]:
    """The confidences of the quotes at or above ``threshold`` (none counts as 1)."""
    found = [q.get("confidence") for a in articles for q in a.quotes]
    return [c for c in found if (1.0 if c is None else c) >= threshold]


def write_quotes(path: Path, articles: list[Article]) -> Path:
    with Store(path) as store:
        run = store.start_run("tests")
        store.write(articles=articles, run_id=run)
        store.finish_run(run, n_articles=len(articles), n_errors=0)
    return path


def write_old(path: Path) -> list[Article]:
    """A store as a version before quote confidences wrote it: no ``confidence`` in the quote
    records and no column; returns its articles."""
    old = quote_articles(seed=5, cycle=(None,))
    write_quotes(path, old)
    with Store(path) as store:
        store.con.execute("ALTER TABLE quotes DROP COLUMN confidence")
    return old
