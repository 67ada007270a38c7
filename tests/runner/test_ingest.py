"""Ingest: idempotence, surviving a kill, offsets back to the raw input."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.clean.textmap import normalize
from newsgraph.records import FACT_KINDS
from newsgraph.runner import batch as batch_mod
from newsgraph.runner import local as local_mod
from newsgraph.runner.local import COMMIT_BATCHES, extract, ingest
from newsgraph.settings import Settings
from newsgraph.store.db import Store

pytestmark = pytest.mark.model


def write_corpus(folder: Path, n_files: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_files):
        body = "\n\n".join(
            f"Paragraph {j} of report {i}: the regional council in district {i} met on Tuesday and said "
            f"that {100 + i * 7 + j} families had been moved."
            for j in range(4)
        )
        (folder / f"report_{i:03}.txt").write_text(f"Council Report Number {i} Is Published\n\n{body}\n")


def test_interrupted_run_keeps_committed_batches_and_next_run_finishes(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write_corpus(tmp_path / "c", 12)
    db = tmp_path / "s.duckdb"
    settings = Settings.load(batch_size=2, jobs=1)  # the patch below lives in this process
    # a transaction holds COMMIT_BATCHES batches of 2: die in the second transaction's batches
    die_at = 2 * COMMIT_BATCHES + 3
    real = batch_mod.Article.from_draft
    calls = {"n": 0}

    def dying(draft, facts=None, relevance=None):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == die_at:
            raise KeyboardInterrupt  # stands for the process being killed mid-batch
        return real(draft, facts, relevance)

    monkeypatch.setattr(batch_mod.Article, "from_draft", staticmethod(dying))
    with pytest.raises(KeyboardInterrupt):
        ingest([tmp_path / "c"], db, settings)
    monkeypatch.setattr(batch_mod.Article, "from_draft", staticmethod(real))
    with Store(db, read_only=True) as store:
        committed = store.stats()["articles"]
    assert 2 <= committed < 12
    report = ingest([tmp_path / "c"], db, settings)
    assert report.n_skipped == committed
    assert report.n_articles == 12 - committed
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 12
        assert store.stats()["documents"] == 12


def test_batches_are_written_several_to_a_transaction(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write_corpus(tmp_path / "c", 11)
    monkeypatch.setattr(local_mod, "COMMIT_SECONDS", 3600.0)
    written: list[int] = []
    real = Store.write_tables

    def counted(self, tables, **kwargs):  # type: ignore[no-untyped-def]
        written.append(sum(t.num_rows for name, t in tables if name == "articles"))
        return real(self, tables, **kwargs)

    monkeypatch.setattr(Store, "write_tables", counted)
    report = ingest([tmp_path / "c"], tmp_path / "s.duckdb", Settings.load(batch_size=2, jobs=1))
    assert report.n_articles == 11
    assert written == [2 * COMMIT_BATCHES, 11 - 2 * COMMIT_BATCHES]  # batches of 2, 4 to a transaction


def test_killed_process_loses_nothing_committed(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 40)
    db = tmp_path / "s.duckdb"
    exe = Path(sys.executable).with_name("newsgraph")
    cmd = [str(exe), "ingest", str(tmp_path / "c"), "--db", str(db), "--batch-size", "1", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(4.0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = subprocess.run(cmd, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 40
        assert store.stats()["documents"] == 40
        ids = [a.id for a in store.articles()]
        assert len(ids) == len(set(ids))


def test_spans_point_back_to_the_raw_bytes(tmp_path: Path) -> None:
    raw = "Talks   Resume\n\nThe  envoy\u00a0said talks   would resume.\n\nTT\n\n``Soon,'' he said.\n"
    path = tmp_path / "a.txt"
    path.write_text(raw, encoding="utf-8")
    (article,) = [a for a in extract([path]) if not hasattr(a, "code")]
    assert article.text == "The envoy said talks would resume.\n\n“Soon,” he said."
    for word in ("envoy", "resume", "“Soon,”"):
        start = article.text.index(word)
        rs, re_ = article.source_map.span_to_raw(start, start + len(word))
        assert normalize(raw[rs:re_]) == word


def test_documents_spanning_pipeline_chunks(tmp_path: Path) -> None:
    """Regression: a document whose articles straddled two memory-zone chunks was written twice
    (KeyError) because its article count was taken as its drafts trickled in."""
    folder = tmp_path / "c"
    folder.mkdir()
    for f in range(3):
        parts = [
            f"Headline Number {f} {a} Goes Here\n\nPhoto of the scene. (Reuters)\n\n"
            f"Body {f}-{a}: the council met on Monday and said {a} things.\n"
            for a in range(5)
        ]
        (folder / f"dump{f}.txt").write_text("\n\n\n".join(parts), encoding="utf-8")
    settings = Settings.load(batch_size=1)  # chunks of 4 articles, documents of 5
    report = ingest([folder], tmp_path / "s.duckdb", settings)
    assert report.n_errors == 0
    assert report.n_articles == 15 and report.n_documents == 3
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.stats()["articles"] == 15
        rows = store.con.execute("SELECT n_articles FROM documents ORDER BY source").fetchall()
        assert rows == [(5,), (5,), (5,)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_in_two_documents_of_one_batch_is_stored_once_with_its_facts(
    tmp_path: Path, jobs: int
) -> None:
    write_corpus(tmp_path / "c", 4)
    shared = (tmp_path / "c" / "report_000.txt").read_text()
    # report 0 again in a dump beside report 1, before report 1's own file: two copies, one of
    # them in the same batch as its first (a batch of 2 documents on 2 workers, of 8 on one)
    (tmp_path / "c" / "report_000b.txt").write_text(
        shared + "\n\n\n" + (tmp_path / "c" / "report_001.txt").read_text()
    )
    db = tmp_path / f"s{jobs}.duckdb"
    report = ingest([tmp_path / "c"], db, Settings.load(batch_size=8, jobs=jobs))
    assert report.n_duplicates == 2 and report.n_articles == 4
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 4 and store.stats()["documents"] == 5
        first = store.con.execute(
            "SELECT a.id, d.source FROM articles a JOIN documents d USING (doc_hash) "
            "WHERE a.text LIKE '%report 0:%'"
        ).fetchall()
        assert [source.endswith("report_000.txt") for _, source in first] == [True]
        n_facts = _facts_of(store, first[0][0])
    alone = tmp_path / "alone.duckdb"
    ingest([tmp_path / "c" / "report_000.txt"], alone, Settings.load(jobs=1))
    with Store(alone, read_only=True) as store:
        [(aid,)] = store.con.execute("SELECT id FROM articles").fetchall()
        assert _facts_of(store, aid) == n_facts
    assert n_facts["dates"] and n_facts["counts"]


def _facts_of(store: Store, article_id: str) -> dict[str, int]:
    counts = {}
    for kind in FACT_KINDS:
        row = store.con.execute(f"SELECT count(*) FROM {kind} WHERE article_id = ?", [article_id]).fetchone()
        counts[kind] = row[0] if row else 0
    return counts


def test_ingest_opens_the_store_with_the_memory_limit_setting(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    write_corpus(tmp_path / "c", 2)
    seen: list[str] = []
    real = Store.write_tables

    def recording(self, tables, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(self.con.execute("SELECT current_setting('memory_limit')").fetchone()[0])
        return real(self, tables, **kwargs)

    monkeypatch.setattr(Store, "write_tables", recording)
    ingest([tmp_path / "c"], tmp_path / "s.duckdb", Settings.load(jobs=1, store_memory_limit="300MB"))
    assert seen and all(s.replace(" ", "").upper() in ("286.1MIB", "300.0MB", "300MB") for s in seen)


def test_a_store_inside_the_input_folder_is_not_read_as_news(tmp_path: Path) -> None:
    """``newsgraph ingest . --db here.duckdb``: the store (and its write-ahead log) sits among the
    inputs; a second run must not read the database written by the first as a binary input (an
    NG102 error per run, bug seen on the seed in session 17)."""
    write_corpus(tmp_path, 2)
    db = tmp_path / "here.duckdb"
    settings = Settings.load(jobs=1)
    first = ingest([tmp_path], db, settings)
    (tmp_path / "here.duckdb.wal").write_bytes(b"\x00\x01 a log left by a killed run")
    second = ingest([tmp_path], db, settings)
    assert first.n_errors == 0 and second.n_errors == 0
    assert second.n_skipped == 2
    with Store(db, read_only=True) as store:
        assert store.stats()["errors"] == 0
