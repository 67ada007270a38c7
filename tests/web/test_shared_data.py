"""A page and its JSON twin compute their data once between them (WebDb.shared), kept as JSON,
bounded in bytes, per open store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsgraph.web import queries as q
from newsgraph.web.app import create_app
from newsgraph.web.queries import WebDb, webdb


@pytest.fixture()
def db(synthetic_db: Path) -> Iterator[WebDb]:
    found = WebDb(synthetic_db)
    yield found
    found.close()


def test_kept_once_as_json_each_caller_gets_its_own_copy(db: WebDb) -> None:
    calls: list[int] = []

    def compute() -> dict[str, Any]:
        calls.append(1)
        return {"items": [{"a": 1, "b": None, "c": 0.25}], "total": 1}

    first = db.shared(("view", "x"), compute)
    first["items"].append("changed by a caller")
    second = db.shared(("view", "x"), compute)
    assert calls == [1]
    assert second == {"items": [{"a": 1, "b": None, "c": 0.25}], "total": 1}
    assert db.shared(("view", "y"), compute) == second and calls == [1, 1]  # another key


def test_values_that_are_not_plain_json_are_not_kept(db: WebDb) -> None:
    calls: list[int] = []

    def compute() -> dict[Any, int]:
        calls.append(1)
        return {None: 1}

    assert db.shared("k", compute) == {None: 1}
    assert db.shared("k", compute) == {None: 1}
    assert calls == [1, 1]


def test_least_recently_used_dropped_past_the_bound(db: WebDb, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webdb, "SHARED_BYTES", 100)
    calls: list[str] = []

    def make(name: str) -> Any:
        def compute() -> str:
            calls.append(name)
            return name * 40  # 42 bytes of JSON

        return compute

    db.shared("a", make("a"))
    db.shared("b", make("b"))
    db.shared("a", make("a"))  # a used last: b goes first
    db.shared("c", make("c"))
    db.shared("a", make("a"))
    db.shared("b", make("b"))
    assert calls == ["a", "b", "c", "b"]
    assert db._shared_bytes <= 100


def test_a_page_and_its_twin_compute_the_entity_once(
    synthetic_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = q.entity

    def counted(db: WebDb, key: str, **kw: Any) -> Any:
        calls.append(key)
        return real(db, key, **kw)

    monkeypatch.setattr(q, "entity", counted)
    with TestClient(create_app(synthetic_db)) as c:
        key = c.get("/api/entities").json()["items"][0]["key"]
        page = c.get(f"/entities/{key}")
        twin = c.get(f"/api/entities/{key}")
        assert page.status_code == twin.status_code == 200
        assert twin.json()["entity"]["key"] == key and key in page.text
    assert calls == [key]


def test_a_twin_sent_from_the_kept_json_is_the_same_answer(client: TestClient) -> None:
    key = client.get("/api/entities").json()["items"][1]["key"]
    cache = client.app.state.cache  # type: ignore[attr-defined]
    for path in (f"/api/entities/{key}", "/api/events?type=&page=2", "/api/articles?q=minister"):
        cache.clear()
        client.app.state.db._shared.clear()  # type: ignore[attr-defined]
        computed = client.get(path)
        cache.clear()  # the data is kept, the answer is not: sent from the kept bytes
        kept = client.get(path)
        assert computed.status_code == kept.status_code == 200
        assert computed.content == kept.content and computed.headers["content-type"] == "application/json"
