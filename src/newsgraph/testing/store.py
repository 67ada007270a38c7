"""``build_store``: a new store filled with synthetic articles, written in batches."""

from __future__ import annotations

from pathlib import Path

from ..records import Article
from ..store.db import Store
from .generator import Generator


def build_store(path: str | Path, n: int, *, seed: int = 0, batch: int = 500) -> Path:
    """Write ``n`` synthetic articles (``Generator(seed).articles(n)``) into a new store at ``path``
    as one finished run, ``batch`` articles per write; return the path.

    A store already at ``path`` (and its ``.wal``) is replaced; missing parent directories are
    made. Memory stays flat whatever ``n`` is: at most ``batch`` articles are held at once."""
    if n < 0:
        raise ValueError(f"the number of articles must be 0 or more, not {n}")
    if batch < 1:
        raise ValueError(f"the batch size must be 1 or more, not {batch}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)
    with Store(path) as store:
        run_id = store.start_run(f"synthetic {n}")
        chunk: list[Article] = []
        for article in Generator(seed).articles(n):
            chunk.append(article)
            if len(chunk) >= batch:
                store.write(articles=chunk, run_id=run_id)
                chunk = []
        store.write(articles=chunk, run_id=run_id)
        store.finish_run(run_id, n_articles=n, n_errors=0)
    return path
