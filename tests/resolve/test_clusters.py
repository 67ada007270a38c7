"""Event and quote clusters: one happening, many reports (resolve/clusters.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from newsgraph.records import Article, SourceMap
from newsgraph.resolve.clusters import Mention, cluster, outlet, rebuild_clusters
from newsgraph.resolve.stories import update_stories
from newsgraph.store.db import Store
from storytexts import OTHER, STORY


def mention(key: Any, day: int | None, aid: str = "a", alone: bool = False) -> Mention:
    return Mention(
        key=key,
        alone=alone,
        day=dt.date(2025, 1, day) if day else None,
        article_id=aid,
        n=0,
        order=(0, "", (), aid),
        story_id=aid,
        copy=False,
        outlet="x",
        seen=None,
    )


def test_events_within_a_day_of_the_first_are_one_cluster() -> None:
    key = ("ASSAULT", ("RUS",), ("UKR",), False)
    found = cluster([mention(key, 1, "a"), mention(key, 2, "b"), mention(key, 3, "c"), mention(key, 9, "d")])
    assert sorted([m.article_id for m in c.members] for c in found) == [["a", "b"], ["c"], ["d"]]


def test_other_codes_no_codes_and_no_date_stay_apart() -> None:
    key = ("CONSULT", ("USA",), ("CHN",), False)
    found = cluster(
        [
            mention(key, 1, "a"),
            mention(("CONSULT", ("USA",), ("JPN",), False), 1, "b"),
            mention(("CONSULT", ("USA",), ("CHN",), True), 1, "c"),  # negated
            mention(("CONSULT", (), (), False), 1, "d", alone=True),
            mention(("CONSULT", (), (), False), 1, "e", alone=True),
            mention(key, None, "f"),
        ]
    )
    assert len(found) == 6


def test_outlet_is_the_host_else_the_input() -> None:
    assert outlet("https://www.bbc.co.uk/news/x", "a.warc#3") == "bbc.co.uk"
    assert outlet(None, "feeds/wire.rss#12") == "feeds/wire.rss"


def _event(actor: str, recipient: str, date: str) -> dict[str, Any]:
    return {
        "id": "v0",
        "start": 0,
        "end": 4,
        "text": "attacked",
        "event_type": "ASSAULT",
        "actor": [{"code": actor, "text": actor}],
        "recipient": [{"code": recipient, "text": recipient}],
        "date": date,
    }


def _quote(text: str) -> dict[str, Any]:
    return {"start": 0, "end": len(text), "text": text, "kind": "direct", "speaker_text": "Ana Ruiz"}


def test_rebuild_counts_articles_stories_and_outlets(tmp_path: Path) -> None:
    said = "Further increases could not be ruled out at all"

    def art(aid: str, text: str, url: str, date: str, quotes: list[dict[str, Any]]) -> Article:
        return Article(
            id=aid,
            source=f"{aid}.html",
            title=aid,
            published=dt.date.fromisoformat(date),
            published_from=None,
            text=text,
            url=url,
            source_map=SourceMap.identity(len(text)),
            events=[_event("RUS", "UKR", date)],
            quotes=quotes,
        )

    with Store(tmp_path / "s.duckdb") as store:
        store.write(
            articles=[
                art("a", STORY, "https://one.example/a", "2025-01-01", [_quote(said)]),
                art("b", OTHER, "https://two.example/b", "2025-01-02", [_quote(said + ".")]),
                art("c", STORY + " Updated.", "https://three.example/c", "2025-01-02", []),  # a copy of a
                art("d", OTHER + " Later.", "https://one.example/d", "2025-01-08", []),
            ],
            run_id=store.start_run("t"),
        )
        assert update_stories(store) == 2  # c copies a; d copies b
        assert rebuild_clusters(store) == {"event_clusters": 2, "quote_clusters": 1}
        rows = store.con.execute(
            "SELECT num_mentions, num_articles, num_stories, num_sources, first_seen, last_seen, article_id "
            "FROM event_clusters ORDER BY first_date"
        ).fetchall()
        assert rows[0] == (3, 3, 2, 3, dt.date(2025, 1, 1), dt.date(2025, 1, 2), "a")
        assert rows[1][:4] == (1, 1, 1, 1)
        quote = store.con.execute(
            "SELECT num_articles, num_sources, speaker, text FROM quote_clusters"
        ).fetchone()
        assert quote == (2, 2, "ana ruiz", "further increases could not be ruled out at all")
        # made again, not added to
        rebuild_clusters(store)
        assert store.count("event_cluster_members") == 4


def _tables(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {
        t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
        for t in ("event_clusters", "event_cluster_members", "quote_clusters", "quote_cluster_members")
    }


def test_updating_run_by_run_gives_what_a_rebuild_gives(tmp_path: Path) -> None:
    import dataclasses

    from newsgraph.resolve.clusters import update_clusters
    from newsgraph.testing import Generator

    articles = list(Generator(7).articles(40))

    def reprint(a: Article, n: int) -> Article:  # the same report by another outlet
        return dataclasses.replace(a, id=f"{a.id}-{n}", url=f"https://outlet{n}.example/{a.id}")

    runs = [
        articles[:20],
        articles[20:] + [reprint(a, 1) for a in articles[:5]],
        [reprint(a, 2) for a in articles[3:8] + articles[20:25]],
    ]
    with Store(tmp_path / "s.duckdb") as store:
        for run in runs:
            store.write(articles=run, run_id=store.start_run("t"))
            update_stories(store)
            made = update_clusters(store)
            assert made["event_clusters"] > 0
        assert update_clusters(store) == {"event_clusters": 0, "quote_clusters": 0}  # nothing new
        step_by_step = _tables(store)
        rebuild_clusters(store)
        assert _tables(store) == step_by_step
        assert store.count("event_cluster_members") == store.count("events")
        assert store.count("quote_cluster_members") == store.count("quotes")
        most = store.con.execute("SELECT max(num_articles), max(num_sources) FROM event_clusters").fetchone()
        assert most == (3, 3)  # an article of run 1 reported again in runs 2 and 3


def test_representative_is_the_first_in_input_order_whatever_the_write_order(tmp_path: Path) -> None:
    # the same two reports written in both orders (as workers may hand them back): the cluster,
    # its id and its representative are the same, the article of the earlier record (#2 before #10)
    def art(record: int) -> Article:
        text = f"Report {record}: the army attacked the border post."
        return Article(
            id=f"id{record}",
            source=f"wire.txt#{record}",
            title=f"r{record}",
            published=dt.date(2025, 1, 1),
            published_from=None,
            text=text,
            url=None,
            source_map=SourceMap.identity(len(text)),
            events=[_event("RUS", "UKR", "2025-01-01")],
        )

    found = []
    for name, order in (("a", [2, 10]), ("b", [10, 2])):
        with Store(tmp_path / f"{name}.duckdb") as store:
            store.write(articles=[art(r) for r in order], run_id=store.start_run("t"))
            update_stories(store)
            rebuild_clusters(store)
            found.append(_tables(store))
            assert store.con.execute("SELECT article_id FROM event_clusters").fetchall() == [("id2",)]
    assert found[0] == found[1]
