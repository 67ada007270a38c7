"""The API and pages over a store with a copy: the copy is linked, its events are not counted
again, and events carry their cluster's counts (docs/stories.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph.records import Article, SourceMap
from newsgraph.runner.local import link_stories
from newsgraph.store.db import Store
from newsgraph.web.app import create_app
from storytexts import OTHER, STORY


def _art(aid: str, text: str, url: str) -> Article:
    return Article(
        id=aid,
        source=f"{aid}.html",
        title=f"title {aid}",
        published=dt.date(2025, 1, 2),
        published_from=None,
        text=text,
        url=url,
        source_map=SourceMap.identity(len(text)),
        events=[
            {
                "id": "v0",
                "start": 4,
                "end": 11,
                "text": "central",
                "event_type": "COERCE",
                "actor": [{"code": "FRE", "text": "Freedonia"}],
                "recipient": [{"code": "USA", "text": "US"}],
                "date": "2025-01-02",
            }
        ],
    )


def test_api_links_copies_and_counts_reports(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write(
            articles=[
                _art("a", STORY, "https://one.example/a"),
                _art("b", OTHER, "https://two.example/b"),
                _art("c", STORY.replace("Thursday", "Friday"), "https://three.example/c"),
            ],
            run_id=store.start_run("t"),
        )
        assert link_stories(store) == 1
    with TestClient(create_app(path)) as client:
        items = client.get("/api/articles").json()["items"]
        assert {a["id"]: a["duplicate_of"] for a in items} == {"a": None, "b": None, "c": "a"}
        events = client.get("/api/events").json()["items"]
        assert sorted(e["article_id"] for e in events) == ["a", "b"]
        assert {e["num_articles"] for e in events} == {3}
        assert {e["num_sources"] for e in events} == {3}
        page = client.get("/articles").text
        assert "copy of" in page
        assert "3 articles, 3 outlets" in client.get("/events").text
