"""Synthetic articles and stores for tests, benchmarks and demos, without the NLP pipeline.

Everything here is deterministic given a seed: the same seed gives the same articles, byte for
byte, on every run and machine, so tests can compare the web app's answers with the articles that
went in, and benchmarks can reuse a store across runs.

- ``Generator(seed).articles(n)``: ``n`` ``Article`` records with every fact kind (entities,
  quotes, events, counts, dates, places) in the contract's form (``docs/schema.md``), each fact
  with exact offsets into the article text.
- ``build_store(path, n, seed=0)``: a new DuckDB store at ``path`` holding ``n`` such articles.

The modules behind them: ``newsgraph.testing.vocab`` (the word lists articles are written from),
``newsgraph.testing.builder`` (text with exact offsets) and ``newsgraph.testing.generator``.
See ``docs/testing.md``."""

from __future__ import annotations

from .generator import Generator
from .store import build_store
from .vocab import Person

__all__ = ["Generator", "Person", "build_store"]
