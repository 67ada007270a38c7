"""Entity and count confidences in the store, the CLI and the web: the typed columns, a store
written before they had one (its facts count as 1), the ``entities`` query's and command's
``min_confidence``, and the web entities and counts lists' filter."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.extract.thresholds import DEFAULT_MIN_COUNT_CONFIDENCE, DEFAULT_MIN_ENTITY_CONFIDENCE
from newsgraph.query import EntityFilter, entities
from newsgraph.records import Article
from newsgraph.resolve.entities import canonical_map, store_keys
from newsgraph.store.db import Store
from newsgraph.testing.generator import Generator
from newsgraph.web.app import create_app
from quotedata import write_quotes

#: Confidences given in turn: unsure, sure, none (stored by an older version: counts as 1).
CYCLE: tuple[float | None, ...] = (0.2, 0.95, None)


def _give(facts: list[dict[str, Any]], start: int) -> list[dict[str, Any]]:
    out = []
    for i, fact in enumerate(facts, start):
        fact = {k: v for k, v in fact.items() if k != "confidence"}
        if CYCLE[i % len(CYCLE)] is not None:
            fact["confidence"] = CYCLE[i % len(CYCLE)]
        out.append(fact)
    return out


def articles() -> list[Article]:
    out, i = [], 0
    for a in Generator(3).articles(10):
        out.append(dataclasses.replace(a, entities=_give(a.entities, i), counts=_give(a.counts, i)))
        i += len(a.entities)
    return out


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_quotes(tmp_path_factory.mktemp("facts") / "f.duckdb", articles())


def _sure(facts: list[dict[str, Any]]) -> float:
    return max((1.0 if f.get("confidence") is None else f["confidence"]) for f in facts)


def test_the_columns_hold_the_records_values(db: Path) -> None:
    with Store(db, read_only=True) as store:
        for table in ("entities", "counts", "dates"):
            rows = store.con.execute(
                f"SELECT confidence, TRY_CAST(record->>'confidence' AS DOUBLE) FROM {table}"
            ).fetchall()
            assert all(a == b for a, b in rows), table
        assert {r[0] for r in store.con.execute("SELECT confidence FROM entities").fetchall()} == {
            0.2,
            0.95,
            None,
        }


def test_entities_below_the_threshold_everywhere_are_left_out(db: Path) -> None:
    with Store(db, read_only=True) as store:
        every = entities(store, EntityFilter(min_confidence=0), limit=None)
        shown = entities(store, limit=None)
        rows = store.con.execute("SELECT key, record FROM entities").fetchall()
        canon = canonical_map(*store_keys(store.con))  # the keys the summaries are grouped by
    best: dict[str, list[dict[str, Any]]] = {}
    for key, record in rows:
        best.setdefault(canon.get(key, key), []).append(json.loads(record))
    unsure = {k for k, facts in best.items() if _sure(facts) < DEFAULT_MIN_ENTITY_CONFIDENCE}
    assert unsure and len(shown) < len(every)
    assert not {s.key for s in shown} & unsure


def test_an_old_store_counts_its_entities_as_sure(tmp_path: Path) -> None:
    db = write_quotes(tmp_path / "old.duckdb", articles())
    with Store(db) as store:
        store.con.execute("ALTER TABLE entities DROP COLUMN confidence")
        store.con.execute("UPDATE entities SET record = json_object('key', key, 'name', name)")
    with Store(db, read_only=True) as store:
        assert len(entities(store, limit=None)) == len(
            entities(store, EntityFilter(min_confidence=0), limit=None)
        )


def test_the_entities_command_takes_a_threshold(db: Path) -> None:
    def names(*extra: str) -> int:
        result = CliRunner().invoke(app, ["entities", "--db", str(db), "--json", "--limit", "0", *extra])
        assert result.exit_code == 0, result.output
        return len(result.output.splitlines())

    assert names("--min-confidence", "0") > names() == names("--min-confidence", "0.7")
    assert CliRunner().invoke(app, ["entities", "--db", str(db), "--min-confidence", "2"]).exit_code != 0


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def test_the_web_lists_use_the_defaults_and_take_a_threshold(client: TestClient) -> None:
    def total(path: str, **params: object) -> int:
        body = client.get(path, params={"per_page": 200, **params}).json()
        return int(body["total"])

    for path, default in (
        ("/api/entities", DEFAULT_MIN_ENTITY_CONFIDENCE),
        ("/api/counts", DEFAULT_MIN_COUNT_CONFIDENCE),
    ):
        every = total(path, min_confidence=0)
        assert total(path) == total(path, min_confidence="") == total(path, min_confidence=default)
        assert total(path, min_confidence=0.99) < every, path
    body = client.get("/api/counts", params={"per_page": 200, "min_confidence": 0.5}).json()
    assert body["items"] and all((c["confidence"] or 1.0) >= 0.5 for c in body["items"])
    assert client.get("/api/counts", params={"min_confidence": 2}).status_code == 400
    assert "min_confidence" in client.get("/entities").text and "min_confidence" in client.get("/counts").text
