"""The web's in-memory caches give what the uncached path gives, stay within their bounds, and
hold nothing from a store that has since changed (a reopened store is a new WebDb)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from newsgraph.web import geo, search
from newsgraph.web.geo import MapFilters
from newsgraph.web.queries import WebDb, webdb


@pytest.fixture(scope="module")
def web_db(synthetic_db: Path) -> Iterator[WebDb]:
    db = WebDb(synthetic_db)
    yield db
    db.close()


def test_folded_texts_give_the_uncached_snippets(web_db: WebDb) -> None:
    queries = ["the", "said", "minister", '"prime minister"', "é", "zzzz"]
    n = len(web_db.texts)
    assert n > 0
    for q in queries:
        patterns = [re.compile(p) for p in search.parse(q).patterns()]
        for rank in range(1, n + 1):
            text = web_db.text(rank)
            assert web_db.folded(rank, search.fold_in_place) == search.fold_in_place(text)
            cached = search.snippet(text, patterns, folded=web_db.folded(rank, search.fold_in_place))
            assert cached == search.snippet(text, patterns)


def test_folded_texts_are_bounded(web_db: WebDb, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webdb, "FOLDED_CHARS", 2000)
    web_db._folded.clear()
    web_db._folded_chars = 0
    for rank in range(1, len(web_db.texts) + 1):
        web_db.folded(rank, search.fold_in_place)
        assert web_db._folded_chars == sum(len(v) for v in web_db._folded.values())
        assert web_db._folded_chars <= 2000 or len(web_db._folded) == 0
    assert len(web_db._folded) < len(web_db.texts)


def test_folded_texts_follow_a_changed_store(synthetic_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    shutil.copy(synthetic_db, path)
    db = WebDb(path)
    rank = 1
    article_id = db.search_rows.take([rank])[0]["id"]
    before = db.folded(rank, search.fold_in_place)
    db.close()
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE articles SET text = 'Ünïcode ÉDITED text' WHERE id = ?", [article_id])
    db = WebDb(path)
    try:
        rank = db.rank_of[article_id]
        after = db.folded(rank, search.fold_in_place)
        assert after == "unicode edited text" != before
    finally:
        db.close()


def test_country_places_are_the_queried_places(web_db: WebDb) -> None:
    countries = [
        r["c"] for r in web_db.rows("SELECT DISTINCT country AS c FROM places WHERE lat IS NOT NULL")
    ]
    assert countries
    for country in [*countries, "ZZZ"]:
        if country is None:
            continue
        f = MapFilters(layer="places", country=country)
        assert geo._country_places(web_db, country) == geo._places(web_db, f)
        assert geo._places(web_db, f)[0] or country == "ZZZ"


def test_event_parts_rows_are_the_table_rows(web_db: WebDb) -> None:
    parts = web_db.event_parts
    ranks = sorted(parts.spans)
    assert ranks
    expected = parts.table.take(
        pa.array([i for r in ranks for i in range(*parts.spans[r])], pa.int64())
    ).to_pylist()
    assert parts.of(ranks) == expected
    assert [list(p) for p in parts.of(ranks)] == [list(p) for p in expected]  # keys in order
    assert parts.of([0, len(web_db.event_rows) + 5]) == []


def test_roles_are_read_as_json_reads_them() -> None:
    """The entity page reads roles with orjson, and with json what orjson refuses (a lone
    surrogate's escape): the same values either way."""
    import json

    from newsgraph.web.queries.entity_list import _roles

    for text in ('[{"title": "minister", "since": "2024-01-02"}]', '[{"title": "x\\udc80"}]', "[]", None):
        assert _roles(text) == json.loads(text or "[]")
