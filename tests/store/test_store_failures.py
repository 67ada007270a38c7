"""The store under failure: disk full, a folder it cannot write in, foreign, truncated and newer
database files, errors seen again, runs killed between batches."""

from __future__ import annotations

import gzip
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_db import make_article

from newsgraph.errors import (
    DamagedStoreError,
    NewerStoreError,
    NotAStoreError,
    StoreError,
    StoreWriteError,
)
from newsgraph.records import Document, ErrorRecord
from newsgraph.store.db import SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def doc(n: int = 0) -> Document:
    return Document(
        source=f"d{n}.txt", text=f"raw text {n}", reader="text", kind="dump", encoding="utf-8", size_bytes=10
    )


def fill(path: Path, n_batches: int = 2, per_batch: int = 3) -> None:
    """A store with ``n_batches`` committed batches of articles and one finished run."""
    with Store(path) as store:
        run = store.start_run("fill")
        for b in range(n_batches):
            d = doc(b)
            arts = [make_article(b * per_batch + i + 1, d) for i in range(per_batch)]
            for a in arts:
                a.id = f"{a.id}-{b}"
            store.write(documents=[(d, per_batch)], articles=arts, run_id=run)
        store.finish_run(run, n_articles=n_batches * per_batch, n_errors=0)


def run_script(code: str, *, preexec: object = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{HERE}"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=preexec,  # type: ignore[arg-type]
    )


# -- disk full ----------------------------------------------------------------------------------

#: Writes batches until the file size limit stops one; prints what it saw on the last line.
DISK_FULL = """
    import resource, signal, sys
    from newsgraph.errors import NewsgraphError
    from newsgraph.records import Document
    from newsgraph.store.db import Store
    from test_db import make_article

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (__LIMIT__, __LIMIT__))
    committed = 0
    try:
        with Store(__DB__) as store:
            run = store.start_run("disk full")
            for b in range(2000):
                d = Document(source=f"d{b}.txt", text="x" * 5000 + str(b), reader="text", kind="dump",
                             encoding="utf-8", size_bytes=5000)
                arts = [make_article(1 + i % 28, d) for i in range(10)]
                for i, a in enumerate(arts):
                    a.id = f"{b}-{i}"
                    a.text = a.text + " filler" * 400
                store.write(documents=[(d, 10)], articles=arts, run_id=run)
                committed += 10
    except NewsgraphError as exc:  # the write that failed; closing after it raises nothing more
        print(committed)
        print(type(exc).__name__, exc)
"""


def test_disk_full_is_a_coded_error_and_keeps_the_committed_batches(tmp_path: Path) -> None:
    db = tmp_path / "full.duckdb"
    code = DISK_FULL.replace("__LIMIT__", str(3_000_000)).replace("__DB__", repr(str(db)))
    done = run_script(code)
    assert "Traceback" not in done.stderr, done.stderr
    committed_line, error_line = done.stdout.strip().splitlines()[-2:]
    committed = int(committed_line)
    assert committed > 0  # some batches went in before the disk was full
    assert error_line.startswith("StoreWriteError [NG304]"), error_line
    assert "cannot rollback" not in error_line and "\n" not in error_line
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == committed
        (run,) = store.runs()
        assert run.status == "interrupted" and run.n_articles == committed


def test_a_failed_commit_rolls_back_without_a_second_error(tmp_path: Path) -> None:
    """What a full disk does to a COMMIT, injected: DuckDB ends the transaction and raises."""
    store = Store(tmp_path / "s.duckdb")
    real = store.con

    class FailingCommit:
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def execute(self, sql: str, *args: object) -> object:
            if sql == "COMMIT":
                real.execute("ROLLBACK")
                raise __import__("duckdb").IOException('Could not write file "s.duckdb.wal": No space left')
            return real.execute(sql, *args)

    run = store.start_run("t")
    store.con = FailingCommit()  # type: ignore[assignment]
    with pytest.raises(StoreWriteError, match=r"NG304.*No space left"):
        store.write(documents=[(doc(), 1)], articles=[make_article(1, doc())], run_id=run)
    store.con = real
    assert store.stats()["articles"] == 0
    store.close()


def test_a_store_it_cannot_write_beside_is_a_coded_error(tmp_path: Path) -> None:
    """The store opens, but its write-ahead log cannot be written: the folder is not writable
    (as root, which may write anywhere, the same failure comes from a file size limit of 0)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "s.duckdb"
    fill(db)
    as_root = os.geteuid() == 0
    if not as_root:
        folder.chmod(0o555)

    def limit() -> None:
        if as_root:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))

    try:
        done = run_script(
            f"""
            from newsgraph.errors import NewsgraphError
            from newsgraph.store.db import Store
            try:
                with Store({str(db)!r}) as store:
                    store.start_run("t")
            except NewsgraphError as exc:
                print(type(exc).__name__, exc)
            """,
            preexec=limit,
        )
    finally:
        folder.chmod(0o755)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stdout.startswith("StoreWriteError [NG304]"), done.stdout
    assert str(db) in done.stdout
    with Store(db, read_only=True) as store:
        assert len(store.runs()) == 1


# -- files that are not a store ---------------------------------------------------------------


def _sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (_sqlite, "a SQLite database"),
        (lambda p: p.write_bytes(b""), "an empty file"),
        (lambda p: p.write_bytes(gzip.compress(b"x" * 5000)), "a gzip file"),
        (lambda p: p.write_bytes(b"hello " * 3000), "without DuckDB's header"),
    ],
)
@pytest.mark.parametrize("read_only", [True, False])
def test_a_file_that_is_not_a_duckdb_database_is_named_before_duckdb_opens_it(
    tmp_path: Path, make: object, said: str, read_only: bool
) -> None:
    path = tmp_path / "not.duckdb"
    make(path)  # type: ignore[operator]
    before = path.read_bytes()
    with pytest.raises(NotAStoreError, match=f"NG301.*{said}"):
        Store(path, read_only=read_only)
    assert path.read_bytes() == before  # left as it was


def test_no_connection_loads_an_extension_by_itself(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(Exception, match="sqlite"):
        store.con.execute("SELECT * FROM sqlite_scan('x.db', 't')")


@pytest.mark.parametrize("keep", [0.5, 0.9, 12288 / 3_000_000])
@pytest.mark.parametrize("read_only", [True, False])
def test_a_truncated_store_is_damaged_not_empty(tmp_path: Path, keep: float, read_only: bool) -> None:
    db = tmp_path / "s.duckdb"
    fill(db, n_batches=4)
    data = db.read_bytes()
    db.write_bytes(data[: max(12288, int(len(data) * keep)) - 1])
    with pytest.raises(DamagedStoreError, match=r"NG302.*truncated"):
        Store(db, read_only=read_only)


def test_a_whole_store_passes_the_check(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    fill(db, n_batches=4)
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] == 12


# -- schema versions --------------------------------------------------------------------------


def test_a_newer_store_is_read_but_not_written(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    fill(db)
    newer = str(int(SCHEMA_VERSION) + 1)
    with Store(db) as store:
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [newer])
    with pytest.raises(NewerStoreError, match=f"NG303.*version {newer}.*version {SCHEMA_VERSION}"):
        Store(db)
    with Store(db, read_only=True) as store:
        assert store.schema_version == newer
        assert store.stats()["articles"] == 6
        assert [r.n_articles for r in store.runs()] == [6]  # nothing was written


def test_the_store_errors_share_one_base() -> None:
    for cls in (NotAStoreError, DamagedStoreError, NewerStoreError, StoreWriteError):
        assert issubclass(cls, StoreError)


# -- errors seen again; runs killed -------------------------------------------------------------


def test_an_error_seen_again_is_one_row_with_its_last_run_and_count(tmp_path: Path) -> None:
    bad = ErrorRecord(source="bad.bin", message="binary data", kind="BinaryInputError", code="NG102")
    other = ErrorRecord(source="bad.bin", message="binary data", kind="X", code="NG102", record="line 3")
    with Store(tmp_path / "s.duckdb") as store:
        for _ in range(3):
            run = store.start_run("t")
            store.write(errors=[bad], run_id=run)
            store.finish_run(run, n_articles=0, n_errors=1)
        store.write(errors=[other, other], run_id=run)
        rows = store.con.execute(
            "SELECT record, run_id, first_run, n_seen FROM errors ORDER BY record NULLS FIRST"
        ).fetchall()
        assert rows == [(None, 3, 1, 3), ("line 3", 3, 3, 2)]
        assert store.errors(run_id=3) == [bad, other]
        assert store.errors(run_id=1) == []  # listed under the run that saw it last


def test_a_killed_run_tells_what_it_committed(tmp_path: Path) -> None:
    """Batches committed, then no finish_run: the process was killed between two batches."""
    db = tmp_path / "s.duckdb"
    err = ErrorRecord(source="bad.bin", message="binary data", kind="BinaryInputError", code="NG102")
    with Store(db) as store:
        run = store.start_run("ingest in/")
        for b in range(3):
            d = doc(b)
            store.write(
                documents=[(d, 2)],
                articles=[make_article(2 * b + 1, d), make_article(2 * b + 2, d)],
                errors=[err] if b == 1 else [],
                run_id=run,
            )
    with Store(db, read_only=True) as store:
        (row,) = store.runs()
        assert (row.finished_at, row.n_articles, row.n_errors, row.status) == (None, 6, 1, "interrupted")
        assert row.as_dict()["status"] == "interrupted"
    with Store(db) as store:  # a run that finishes says so
        run = store.start_run("ingest in/")
        store.finish_run(run, n_articles=0, n_errors=0)
        assert [r.status for r in store.runs()] == ["interrupted", "finished"]
