"""An article batch's rows built where the articles are (store.batches): the same rows the store
writes from the articles themselves, filtered by position, joined in order, and picklable."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from newsgraph.records import Article
from newsgraph.store.batches import ARTICLE_ROW, ArticleTables, combine
from newsgraph.store.db import Store
from newsgraph.testing.compare import store_rows
from storytexts import OTHER, STORY, article


def _with_facts(aid: str, text: str, person: str, n_quotes: int) -> Article:
    a = article(aid, text)
    a.entities = [
        {"id": "e0", "key": f"PERSON:{person}", "name": person, "type": "PERSON", "start": 0, "end": 3}
    ]
    a.quotes = [
        {"start": 4 + n, "end": 9 + n, "text": text[4 + n : 9 + n], "speaker": "e0", "kind": "direct"}
        for n in range(n_quotes)
    ]
    a.events = [{"start": 1, "end": 2, "text": text[1:2], "event_type": "ACCUSE", "date": "2025-01-02"}]
    return a


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    return {name: rows for name, rows in store_rows(db).items() if not name.endswith(("stories", "bands"))}


def test_batch_rows_are_the_rows_the_store_makes_of_the_articles(tmp_path: Path) -> None:
    articles = [_with_facts("a1", STORY, "ana ruiz", 2), _with_facts("a2", OTHER, "paul marsh", 1)]
    with Store(tmp_path / "direct.duckdb") as store:
        store.write(articles=articles, run_id=store.start_run("t"))
    shipped = pickle.loads(pickle.dumps(ArticleTables.of(articles[:1])))  # as a worker sends them
    second = ArticleTables.of(articles[1:])
    with Store(tmp_path / "tables.duckdb") as store:
        run = store.start_run("t")
        store.write(rows=combine([shipped, second], run), run_id=run)
        assert store.con.execute("SELECT DISTINCT run_id FROM articles").fetchall() == [(run,)]
        assert store.runs()[-1].n_articles == 2
    want, got = _rows(tmp_path / "direct.duckdb"), _rows(tmp_path / "tables.duckdb")
    assert want["quotes"] and want["events"]
    assert got == want


def test_keep_drops_by_position_so_a_second_copy_of_an_id_goes_and_the_first_stays() -> None:
    first, copy = _with_facts("same", STORY, "ana ruiz", 2), _with_facts("same", OTHER, "paul marsh", 1)
    batch = ArticleTables.of([first, copy, _with_facts("b", OTHER, "ana ruiz", 3)])
    kept = batch.keep([True, False, True])
    assert kept.tables["articles"]["text"].to_pylist() == [STORY, OTHER]
    assert kept.tables["quotes"][ARTICLE_ROW].to_pylist() == [0, 0, 2, 2, 2]
    assert kept.tables["quotes"]["article_id"].to_pylist() == ["same", "same", "b", "b", "b"]
    assert batch.keep([True, True, True]) is batch
    assert not batch.keep([False, False, False]).tables


def test_concat_moves_the_article_rows_of_later_batches() -> None:
    one = ArticleTables.of([_with_facts("a", STORY, "ana ruiz", 1), _with_facts("b", OTHER, "x y", 2)])
    two = ArticleTables.of([_with_facts("c", STORY, "paul marsh", 2)])
    both = ArticleTables.concat([one, two])
    assert both.n_articles == 3
    assert both.tables["quotes"][ARTICLE_ROW].to_pylist() == [0, 1, 1, 2, 2]
    # filtering the joined batch is filtering each part
    assert both.keep([False, True, False]).tables["quotes"]["article_id"].to_pylist() == ["b", "b"]
    written = dict(combine([both], 7))
    assert ARTICLE_ROW not in written["quotes"].column_names
    assert written["articles"]["run_id"].to_pylist() == [7, 7, 7]
