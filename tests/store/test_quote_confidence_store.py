"""Quote confidence in the store: the typed column, a store written before quotes had one, and the
``min_confidence`` filter of the quotes query."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pydantic import ValidationError

from newsgraph.errors import ConfigError
from newsgraph.extract.thresholds import DEFAULT_MIN_QUOTE_CONFIDENCE
from newsgraph.query import QuoteFilter, quotes
from newsgraph.store.db import Store
from quotedata import quote_articles, shown, write_old, write_quotes


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return write_quotes(tmp_path / "q.duckdb", quote_articles())


def test_the_confidence_column_holds_the_records_value(db: Path) -> None:
    with Store(db, read_only=True) as store:
        typed = store.con.execute(
            "SELECT confidence, TRY_CAST(record->>'confidence' AS DOUBLE) FROM quotes"
        ).fetchall()
        kinds = {
            r[0]
            for r in store.con.execute(
                "SELECT data_type FROM duckdb_columns() "
                "WHERE table_name = 'quotes' AND column_name = 'confidence'"
            ).fetchall()
        }
    assert kinds == {"DOUBLE"}
    assert typed and all(column == record for column, record in typed)
    assert Counter(c for c, _ in typed) == Counter(shown(quote_articles(), 0))


def test_quotes_below_the_threshold_are_left_out(db: Path) -> None:
    every = quote_articles()
    with Store(db, read_only=True) as store:
        default = [r.confidence for r in quotes(store, limit=None)]
        assert Counter(default) == Counter(shown(every, DEFAULT_MIN_QUOTE_CONFIDENCE))
        assert 0.3 not in default and 0.65 in default and None in default
        everything = [r.confidence for r in quotes(store, QuoteFilter(min_confidence=0), limit=None)]
        assert Counter(everything) == Counter(shown(every, 0)) and 0.3 in everything
        strict = {r.confidence for r in quotes(store, QuoteFilter(min_confidence=0.95), limit=None)}
        assert strict == {None}  # a quote without a confidence counts as 1
        assert all("confidence" in r.as_dict() for r in quotes(store, limit=3))
        with pytest.raises(ConfigError, match=r"NG200.*min_confidence must be from 0 to 1, not 2"):
            quotes(store, QuoteFilter.model_construct(min_confidence=2))
        with pytest.raises(ValidationError, match="min_confidence"):
            QuoteFilter(min_confidence=2)


def test_an_old_store_is_read_and_written_again(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    old = write_old(db)
    n_old = sum(len(a.quotes) for a in old)
    with Store(db, read_only=True) as store:  # read-only: no column added; every old quote shown
        rows = quotes(store, limit=None)
        assert len(rows) == n_old and {r.confidence for r in rows} == {None}
    new = quote_articles()
    with Store(db) as store:  # opened for writing: the column is added, NULL in the old rows
        store.write(articles=new, run_id=store.start_run("again"))
    with Store(db, read_only=True) as store:
        nulls = store.con.execute("SELECT count(*) FROM quotes WHERE confidence IS NULL").fetchone()
        assert nulls is not None and nulls[0] == n_old + shown(new, 0).count(None)
        rows = quotes(store, limit=None)
        assert len(rows) == n_old + len(shown(new, DEFAULT_MIN_QUOTE_CONFIDENCE))
