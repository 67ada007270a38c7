"""Copies counted once in the listings, stats and event exports; clusters in the CLI and the
GDELT export (docs/stories.md). Stores written directly, without the NLP."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph import query as queries
from newsgraph.cli import app
from newsgraph.records import Article, SourceMap
from newsgraph.resolve.clusters import rebuild_clusters
from newsgraph.resolve.stories import update_stories
from newsgraph.store.db import Store
from newsgraph.store.export_events import GDELT_COLUMNS, GDELT_FILE, PLOVER_FILE, export_gdelt, export_plover
from newsgraph.store.stories import counts, event_clusters, quote_clusters
from storytexts import OTHER, STORY

runner = CliRunner()


def _art(aid: str, text: str, url: str, day: int) -> Article:
    date = f"2025-01-0{day}"
    sentence = {"start": 0, "end": 20}
    return Article(
        id=aid,
        source=f"{aid}.html",
        title=f"title {aid}",
        published=dt.date(2025, 1, day),
        published_from=None,
        text=text,
        url=url,
        source_map=SourceMap.identity(len(text)),
        events=[
            {
                "id": "v0",
                "start": 4,
                "end": 12,
                "text": "central",
                "event_type": "COERCE",
                "actor": [{"code": "FRE", "text": "Freedonia"}],
                "recipient": [{"code": "USA", "text": "US"}],
                "date": date,
                "sentence": sentence,
                "confidence": 0.9,
            }
        ],
        quotes=[
            {
                "start": 0,
                "end": 40,
                "text": "Further increases could not be ruled out",
                "speaker_text": "Ana Ruiz",
            }
        ],
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write(
            articles=[
                _art("a", STORY, "https://one.example/a", 1),
                _art("b", OTHER, "https://two.example/b", 2),
                _art("c", STORY.replace("Thursday", "Friday"), "https://three.example/c", 2),  # copy of a
            ],
            run_id=store.start_run("t"),
        )
        update_stories(store)
        rebuild_clusters(store)
    return path


def test_listings_count_each_story_once(db: Path) -> None:
    with Store(db, read_only=True) as store:
        assert {r.article_id for r in queries.events(store, limit=None)} == {"a", "b"}
        assert len(queries.events(store, limit=None, include_copies=True)) == 3
        assert {r.article_id for r in queries.quotes(store, limit=None)} == {"a", "b"}
        assert len(queries.quotes(store, limit=None, include_copies=True)) == 3
        total = counts(store)
        assert (total["articles"], total["events"], total["quotes"]) == (2, 2, 2)
        assert (total["stories"], total["copies"]) == (2, 1)
        every = counts(store, include_copies=True)
        assert (every["articles"], every["events"]) == (3, 3)


def test_articles_name_their_story(db: Path) -> None:
    with Store(db, read_only=True) as store:
        rows = {r.id: r for r in queries.articles(store, limit=None)}
        assert rows["c"].duplicate_of == "a" and rows["c"].story_id == "a"
        assert rows["c"].duplicate_reason == "near"
        assert rows["a"].duplicate_of is None
        assert [r.id for r in queries.articles(store, include_copies=False)] == ["b", "a"]
        assert sorted(r.id for r in queries.articles(store, story="c")) == ["a", "c"]


def test_events_carry_their_cluster(db: Path) -> None:
    with Store(db, read_only=True) as store:
        row = next(r for r in queries.events(store) if r.article_id == "a")
        assert (row.num_mentions, row.num_articles, row.num_sources) == (3, 3, 3)
        clusters = event_clusters(store)
        assert len(clusters) == 1
        c = clusters[0]
        assert (c.event_type, c.actor_codes, c.recipient_codes) == ("COERCE", ["FRE"], ["USA"])
        assert (c.num_articles, c.num_stories, c.first_date, c.last_date) == (
            3,
            2,
            "2025-01-01",
            "2025-01-02",
        )
        assert c.article_id == "a" and c.trigger == "central"
        assert event_clusters(store, min_articles=4) == []
        assert event_clusters(store, actor="USA") == []
        q = quote_clusters(store, speaker="ruiz")
        assert [(x.num_articles, x.num_sources) for x in q] == [(3, 3)]


def test_gdelt_counts_come_from_the_cluster(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        [path] = export_gdelt(store, tmp_path / "out")
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 2  # the copy's event is left out
        row = dict(zip(GDELT_COLUMNS, lines[0].split("\t"), strict=True))
        assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("3", "3", "3")
        [path] = export_gdelt(store, tmp_path / "all", include_copies=True)
        assert len(path.read_text(encoding="utf-8").splitlines()) == 3
        [path] = export_plover(store, tmp_path / "p")
        records: list[dict[str, Any]] = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        assert path.name == PLOVER_FILE and (tmp_path / "out" / GDELT_FILE).exists()
        assert sorted(r["num_articles"] for r in records) == [3, 3]


def test_cli_shows_stories_and_clusters(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--clusters", "--json"])
    assert result.exit_code == 0, result.output
    [cluster] = [json.loads(x) for x in result.output.splitlines()]
    assert cluster["num_articles"] == 3 and cluster["num_sources"] == 3
    result = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    assert json.loads(result.output)["tables"]["events"] == 2
    result = runner.invoke(app, ["stats", "--db", str(db), "--json", "--include-copies"])
    assert json.loads(result.output)["tables"]["events"] == 3
    result = runner.invoke(app, ["articles", "--db", str(db), "--json"])
    links = {r["id"]: r["duplicate_of"] for r in map(json.loads, result.output.splitlines())}
    assert links == {"a": None, "b": None, "c": "a"}
    result = runner.invoke(app, ["quotes", "--db", str(db), "--clusters"])
    assert result.exit_code == 0 and "Further increases" in result.output
    result = runner.invoke(app, ["events", "--db", str(db), "--json", "--include-copies"])
    assert len(result.output.splitlines()) == 3


def test_a_store_without_story_tables_reads_as_before(tmp_path: Path) -> None:
    """A store opened read-only that an older version wrote has no story tables."""
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write(articles=[_art("a", STORY, "https://one.example/a", 1)], run_id=store.start_run("t"))
        for table in ("article_stories", "story_bands", "event_clusters", "event_cluster_members"):
            store.con.execute(f"DROP TABLE {table}")
        store.con.execute("DROP TABLE quote_clusters")
        store.con.execute("DROP TABLE quote_cluster_members")
    with Store(path, read_only=True) as store:
        assert len(queries.events(store)) == 1
        assert queries.events(store)[0].num_mentions is None
        assert len(queries.quotes(store)) == 1
        assert queries.articles(store)[0].duplicate_of is None
        assert counts(store)["events"] == 1
        assert event_clusters(store) == []
