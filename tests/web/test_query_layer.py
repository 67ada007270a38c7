"""The CLI and the web answer from one query layer (:mod:`newsgraph.query`): for the same filters,
the layer's functions over the store and the web's lists (its faster, in-memory way) give the
same rows in the same order."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from webdata import synthetic_articles, write_store

from newsgraph import query
from newsgraph.store.db import Store
from newsgraph.web.app import create_app


def _every(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every row of a web list, page after page."""
    rows: list[dict[str, Any]] = []
    page = 1
    while True:
        body = client.get(path, params={"per_page": 200, **params, "page": page})
        assert body.status_code == 200, body.text
        found = body.json()
        rows += found["items"]
        if page >= found["pages"]:
            return rows
        page += 1


@pytest.mark.parametrize(
    "filters",
    [{}, {"type": "PERSON"}, {"country": "usa"}, {"q": "alvarez"}, {"q": "boris alv"}, {"q": "lvarez"}],
)
def test_entities_agree(client: TestClient, synthetic_db: Path, filters: dict[str, Any]) -> None:
    web = [r["key"] for r in _every(client, "/api/entities", **filters)]
    with Store(synthetic_db, read_only=True) as store:
        mine = [r.key for r in query.entities(store, query.EntityFilter(**filters), limit=None)]
    assert mine == web
    if filters.get("q") == "lvarez":  # words start words: the middle of a name finds nothing
        assert mine == []
    elif filters:
        assert mine


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"speaker": "alvarezski"},
        {"speaker": "boris"},
        {"speaker_key": "PERSON:boris alvarezski"},
        {"country": "SAU"},
        {"q": "door"},
        {"kind": "DIRECT"},
        {"min_confidence": 0},
        {"date_from": "2024-06-01", "date_to": "2024-12-31"},
    ],
)
def test_quotes_agree(client: TestClient, synthetic_db: Path, filters: dict[str, Any]) -> None:
    web = [(r["article_id"], r["start"]) for r in _every(client, "/api/quotes", **filters)]
    with Store(synthetic_db, read_only=True) as store:
        mine = [
            (r.article_id, r.start) for r in query.quotes(store, query.QuoteFilter(**filters), limit=None)
        ]
    assert mine == web
    assert mine


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"actor": "USA"},
        {"actor": "alvarezski"},
        {"recipient": "rus"},
        {"type": "assault"},
        {"quad": "Material Conflict"},
        {"country": "SYR"},
        {"min_confidence": 0},
        {"date_to": "2024-01-01"},
    ],
)
def test_events_agree(client: TestClient, synthetic_db: Path, filters: dict[str, Any]) -> None:
    web = [(r["article_id"], r["n"]) for r in _every(client, "/api/events", **filters)]
    with Store(synthetic_db, read_only=True) as store:
        mine = [(r.article_id, r.n) for r in query.events(store, query.EventFilter(**filters), limit=None)]
    assert mine == web
    assert mine


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"q": "aid report", "sort": "newest"},
        {"source": "a"},
        {"country": "USA"},
        {"entity": "alvarezski"},
        {"entity": "PERSON:boris alvarezski"},
        {"min_relevance": 0.5},
        {"date_from": "2024-06-01"},
    ],
)
def test_articles_agree(client: TestClient, synthetic_db: Path, filters: dict[str, Any]) -> None:
    web = [r["id"] for r in _every(client, "/api/articles", **filters)]
    mine_filters = {k: v for k, v in filters.items() if k != "sort"}
    with Store(synthetic_db, read_only=True) as store:
        mine = [r.id for r in query.articles(store, query.ArticleFilter(**mine_filters), limit=None)]
    assert mine == web
    assert mine


def test_language_filters_quotes_and_events_alike(tmp_path: Path) -> None:
    """``language`` is a filter of the quotes and events lists on both edges: the facts of the
    articles in that language, the same rows on the web (by SQL and in memory) as in the layer."""
    found = synthetic_articles(12, seed=4)
    marked = [dataclasses.replace(a, language="fr" if i % 3 == 0 else "en") for i, a in enumerate(found)]
    db = write_store(tmp_path / "languages.duckdb", marked)
    with TestClient(create_app(db)) as client, Store(db, read_only=True) as store:
        for language in ("fr", "EN"):
            web = [(r["article_id"], r["start"]) for r in _every(client, "/api/quotes", language=language)]
            mine = query.quotes(store, query.QuoteFilter(language=language), limit=None)
            assert [(r.article_id, r.start) for r in mine] == web
            french = {a.id for a in marked if a.language == language.lower()}
            assert web and {a for a, _ in web} <= french
            web_events = [(r["article_id"], r["n"]) for r in _every(client, "/api/events", language=language)]
            mine_events = query.events(store, query.EventFilter(language=language), limit=None)
            assert [(r.article_id, r.n) for r in mine_events] == web_events
            assert web_events and {a for a, _ in web_events} <= french
            actor = next(iter(mine_events)).actor_codes[0]
            with_actor = _every(client, "/api/events", language=language, actor=actor)
            assert [(r["article_id"], r["n"]) for r in with_actor] == [
                (r.article_id, r.n)
                for r in query.events(store, query.EventFilter(language=language, actor=actor), limit=None)
            ]
        # the events' SQL path (taken when the days do not allow the one in memory) filters alike
        client.app.state.db.event_columns.usable = False
        for language in ("fr", "en"):
            sql = [
                (r["article_id"], r["n"])
                for r in _every(client, "/api/events", language=language, per_page=7)
            ]
            assert sql == [
                (r.article_id, r.n)
                for r in query.events(store, query.EventFilter(language=language), limit=None)
            ]
        assert client.get("/api/map", params={"layer": "places", "language": "fr"}).status_code == 400


@pytest.mark.parametrize(
    "filters",
    [{}, {"kind": "KILLED"}, {"unit": "usd"}, {"q": "people"}, {"date_from": "2024-01-01"}],
)
def test_counts_agree(client: TestClient, synthetic_db: Path, filters: dict[str, Any]) -> None:
    web = _every(client, "/api/counts", **filters)
    with Store(synthetic_db, read_only=True) as store:
        mine = [r.as_dict() for r in query.counts(store, query.CountFilter(**filters), limit=None)]
    assert mine == web
    assert mine


def test_facts_only_leaves_out_the_same_events(tmp_path: Path) -> None:
    """``facts_only`` (the CLI's ``--facts``) leaves out negated, hypothetical and future events on
    both edges, in memory and by SQL."""
    found = synthetic_articles(10, seed=6)
    flags = ("negated", "hypothetical", "future")
    for a in found:
        for i, event in enumerate(a.events):
            if i % 4 < 3:
                event[flags[i % 4]] = True
    db = write_store(tmp_path / "facts.duckdb", found)
    with TestClient(create_app(db)) as client, Store(db, read_only=True) as store:
        every = query.events(store, query.EventFilter(min_confidence=0), limit=None)
        facts = query.events(store, query.EventFilter(min_confidence=0, facts_only=True), limit=None)
        assert {r.status for r in facts} == {"fact"}
        assert {r.status for r in every} >= {"fact", "negated", "hypothetical", "future"}
        web = _every(client, "/api/events", min_confidence=0, facts_only="true")
        assert [(r["article_id"], r["n"]) for r in web] == [(r.article_id, r.n) for r in facts]
        client.app.state.db.event_columns.usable = False  # the SQL path
        web = _every(client, "/api/events", min_confidence=0, facts_only="true", per_page=9)
        assert [(r["article_id"], r["n"]) for r in web] == [(r.article_id, r.n) for r in facts]
