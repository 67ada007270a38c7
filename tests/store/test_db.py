from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from newsgraph.errors import StoreError
from newsgraph.records import Article, Document, ErrorRecord, Heading, SourceMap
from newsgraph.store.db import Store
from newsgraph.store.export import export
from newsgraph.store.rows import record_json


def make_article(n: int, doc: Document) -> Article:
    text = f"Article {n} says “hello”.\n\nSECTION\n\nMore text {n}."
    return Article(
        id=f"id{n}",
        source=f"{doc.source}#{n}",
        title=f"Title {n}",
        published=dt.date(2025, 1, n),
        published_from="text",
        text=text,
        url=None,
        authors=["Jane Doe"],
        captions=["A caption."],
        credits=["AFP"],
        headings=[Heading("SECTION", text.index("SECTION"), text.index("SECTION") + 7)],
        source_map=SourceMap.identity(len(text), 5),
        doc_hash=doc.raw_hash,
        entities=[{"start": 0, "end": 7, "text": "Article", "type": "ORG"}],
    )


@pytest.fixture
def doc() -> Document:
    return Document(
        source="d.txt", text="raw text", reader="text", kind="dump", encoding="utf-8", size_bytes=8
    )


def test_round_trip_is_lossless(tmp_path: Path, doc: Document) -> None:
    arts = [make_article(1, doc), make_article(2, doc)]
    with Store(tmp_path / "s.duckdb") as store:
        store.write(documents=[(doc, 2)], articles=arts, run_id=store.start_run("t"))
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        back = list(store.articles())
        assert [a.as_dict() for a in back] == [a.as_dict() for a in arts]
        assert store.stats()["entities"] == 2
        assert store.known_documents() == {doc.raw_hash}


def test_rewriting_adds_nothing(tmp_path: Path, doc: Document) -> None:
    arts = [make_article(1, doc)]
    with Store(tmp_path / "s.duckdb") as store:
        for _ in range(2):
            store.write(documents=[(doc, 1)], articles=arts, run_id=1)
        assert store.stats()["articles"] == 1
        assert store.stats()["documents"] == 1
        assert store.stats()["entities"] == 1


def test_errors_are_recorded(tmp_path: Path) -> None:
    err = ErrorRecord(
        source="bad.bin", message="binary data, not text", kind="BinaryInputError", code="NG102"
    )
    with Store(tmp_path / "s.duckdb") as store:
        run = store.start_run("t")
        store.write(errors=[err], run_id=run)
        assert store.errors(run_id=run) == [err]


def test_read_only_missing_db(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="ingest"):
        Store(tmp_path / "none.duckdb", read_only=True)


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export(tmp_path: Path, doc: Document, fmt: str) -> None:
    arts = [make_article(1, doc), make_article(2, doc)]
    with Store(tmp_path / "s.duckdb") as store:
        store.write(documents=[(doc, 2)], articles=arts, run_id=1)
        files = export(store, fmt, tmp_path / "out")
    names = {f.name for f in files}
    assert f"documents.{fmt}" in names
    if fmt == "parquet":
        assert pq.read_table(tmp_path / "out" / "articles.parquet").num_rows == 2
        assert pq.read_table(tmp_path / "out" / "entities.parquet").num_rows == 2
    elif fmt == "csv":
        rows = duckdb.sql(f"SELECT count(*) FROM read_csv('{tmp_path / 'out' / 'articles.csv'}')").fetchall()
        assert rows == [(2,)]
    else:
        lines = (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        assert [Article.from_dict(json.loads(line)).as_dict() for line in lines] == [
            a.as_dict() for a in arts
        ]


def test_a_fact_record_is_json_that_reads_back_the_same() -> None:
    fact = {"text": "Žižek said “no”", "start": 3, "on": dt.date(2024, 5, 1), "n": [1.5, None, True]}
    assert json.loads(record_json(fact)) == {**fact, "on": "2024-05-01"}


def test_a_fact_record_with_a_lone_surrogate_is_kept_with_escapes() -> None:
    text = json.loads(record_json({"text": "Minister resigns \udc80"}))["text"]
    assert text == "Minister resigns \udc80"


def test_fact_tables_have_no_key_and_keep_one_row_per_fact(tmp_path: Path, doc: Document) -> None:
    """A fact table's key would be an index DuckDB holds in memory whole while inserting (~90 keys
    per article): they have none, and the write path keeps (article_id, n) unique instead."""
    many = [{"start": 0, "end": 7, "text": "Article", "type": "ORG", "key": f"ORG:x{i}"} for i in range(50)]
    arts = [make_article(n, doc) for n in range(1, 29)]
    for a in arts:
        a.entities = list(many)
    with Store(tmp_path / "s.duckdb") as store:
        keys = store.con.execute(
            "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()
        assert "entities" not in {k[0] for k in keys} and "articles" in {k[0] for k in keys}
        store.write(documents=[(doc, 28)], articles=arts, run_id=1)
        store.write(articles=arts[:3], run_id=1)  # stored already: nothing again
        twice = [*arts[:1], *arts[:1]]
        twice[0] = make_article(29, doc)
        twice[0].entities = list(many)
        store.write(articles=[twice[0], twice[0]], run_id=1)  # one article given twice in one batch
        n, distinct = store.con.execute(
            "SELECT count(*), count(DISTINCT (article_id, n)) FROM entities"
        ).fetchone()  # type: ignore[misc]
        assert n == distinct == 29 * 50


def test_facts_without_their_articles_in_the_write_are_added_once(tmp_path: Path, doc: Document) -> None:
    from newsgraph.store.batches import ArticleTables, combine

    arts = [make_article(1, doc), make_article(2, doc)]
    facts = [(name, t) for name, t in combine([ArticleTables.of(arts)], 1) if name != "articles"]
    with Store(tmp_path / "s.duckdb") as store:
        for _ in range(2):
            store.write_tables(facts, run_id=1)
        assert store.stats()["entities"] == 2


def test_a_store_made_with_fact_keys_is_written_alike(tmp_path: Path, doc: Document) -> None:
    """Stores made before the fact tables lost their key keep it; writing them works the same."""
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        'CREATE TABLE entities (article_id VARCHAR, n INTEGER, "start" INTEGER, "end" INTEGER, '
        "text VARCHAR, record JSON, PRIMARY KEY (article_id, n))"
    )
    con.close()
    arts = [make_article(1, doc), make_article(2, doc)]
    with Store(path) as store:
        for _ in range(2):
            store.write(documents=[(doc, 2)], articles=arts, run_id=1)
        assert store.stats()["entities"] == 2
        assert [a.as_dict() for a in store.articles()] == [a.as_dict() for a in arts]


def test_the_store_memory_limit_reaches_duckdb_and_a_full_limit_says_which_setting(
    tmp_path: Path, doc: Document
) -> None:
    from newsgraph.errors import StoreWriteError

    with Store(tmp_path / "s.duckdb", memory_limit="300MB") as store:
        (limit,) = store.con.execute("SELECT current_setting('memory_limit')").fetchone()  # type: ignore[misc]
        assert limit.replace(" ", "").upper().startswith(("286.1MIB", "300MB", "300.0MB"))
        store.con.execute("CREATE TABLE big (k VARCHAR PRIMARY KEY)")
        store.con.execute("SET memory_limit = '8MB'")
        import pyarrow as pa

        many = pa.table({"k": pa.array([f"key-{i:09d}" for i in range(2_000_000)])})
        with pytest.raises(StoreWriteError, match="store_memory_limit"):
            store.write_tables([("big", many)], run_id=0)
    with Store(tmp_path / "s.duckdb") as store:  # none given: DuckDB's own default
        (limit,) = store.con.execute("SELECT current_setting('memory_limit')").fetchone()  # type: ignore[misc]
        assert not limit.replace(" ", "").upper().startswith(("286.1MIB", "300MB"))


@pytest.mark.parametrize("value", ["1GB", "512MB", "1.5 GB", "2GiB", ""])
def test_store_memory_limit_setting_accepts_amounts(value: str) -> None:
    from newsgraph.settings import Settings

    assert Settings(store_memory_limit=value).store_memory_limit == value


@pytest.mark.parametrize("value", ["lots", "1G", "-1GB", "80%"])
def test_store_memory_limit_setting_refuses_what_is_no_amount(value: str) -> None:
    from newsgraph.errors import ConfigError
    from newsgraph.settings import Settings

    with pytest.raises(ConfigError, match="store_memory_limit"):
        Settings(store_memory_limit=value)


def test_reopen_gives_the_same_store_open_for_writing(tmp_path: Path) -> None:
    """Store.reopen (done by a run after each linking, to give back what DuckDB held for its
    writes) keeps what was committed and leaves the store writable."""
    db = tmp_path / "s.duckdb"
    with Store(db, memory_limit="256MB") as store:
        store.con.execute("CREATE TABLE t (x INTEGER)")
        store.con.execute("INSERT INTO t VALUES (1)")
        old = store.con
        limit = old.execute("SELECT current_setting('memory_limit')").fetchone()
        store.reopen()
        assert store.con is not old
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchone() == limit  # 256MB
        store.con.execute("INSERT INTO t VALUES (2)")
        assert store.con.execute("SELECT sum(x) FROM t").fetchone() == (3,)
    with Store(db, read_only=True) as store:
        con = store.con
        store.reopen()  # read-only: left as it is
        assert store.con is con
        assert store.con.execute("SELECT count(*) FROM t").fetchone() == (2,)
    with Store(":memory:") as store:
        con = store.con
        store.reopen()  # in memory: closing would lose it
        assert store.con is con
