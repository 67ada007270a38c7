"""The Dask runner: byte ranges cover every JSON line once, and a Dask ingest (interrupted or not)
leaves the store a local ingest leaves."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsgraph.readers.base import Source
from newsgraph.readers.jsonl import JsonlReader
from newsgraph.records import Document
from newsgraph.runner.partitions import count_lines, plan, read_jsonl_block, read_partition, read_range
from newsgraph.settings import Settings
from newsgraph.store.db import Store
from newsgraph.testing.compare import store_rows

pytest.importorskip("distributed")

SRC = Path(__file__).resolve().parents[2] / "src"


# -- fixtures ---------------------------------------------------------------------------------------
def _article(i: int) -> str:
    return (
        f"Paragraph one of report {i}: the regional council in district {i} met on Tuesday and said that "
        f"{100 + i * 7} families had been moved from the river banks.\n\n"
        f'"We are doing what we can," said Maria Lopez, the council\'s spokeswoman, on Wednesday. '
        f"The United Nations said {20 + i} schools were closed in Kenya.\n"
    )


def write_corpus(folder: Path, *, n_lines: int = 6) -> Path:
    """Two small text dumps, one JSON Lines file (one broken line, one record without a body, one
    copy of an earlier record) and a file that holds no text."""
    folder.mkdir(parents=True, exist_ok=True)
    for d in range(2):
        arts = [f"Council Report Number {d}{k} Is Published\n\n{_article(d * 10 + k)}" for k in range(2)]
        (folder / f"dump_{d}.txt").write_text("\n\n\n".join(arts))
    lines = []
    for i in range(n_lines):
        lines.append(
            json.dumps(
                {
                    "title": f"Flood Update {i}",
                    "text": _article(50 + i),
                    "date_publish": "2025-03-1" + str(i % 9),
                }
            )
        )
        if i == 2:
            lines.append('{"title": "broken", "text": ')  # not valid JSON
            lines.append("")
            lines.append(json.dumps({"title": "no body"}))
    lines.append(lines[0])  # the same record again: stored once
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "empty.txt").write_text("")
    return folder


# -- (d) byte ranges, no model -----------------------------------------------------------------------
@pytest.mark.parametrize("size", [1, 7, 40, 113, 10_000])
def test_byte_ranges_give_every_line_once_and_read_as_the_whole_file(tmp_path: Path, size: int) -> None:
    lines = [json.dumps({"title": f"T{i}", "text": f"Body {i} " * (i % 5 + 1)}) for i in range(30)]
    lines[4] = '{"broken'
    lines[9] = ""
    lines[10] = "   "
    raw = ("\ufeff" + "\n".join(lines)).encode()  # a byte-order mark, no newline at the end
    path = tmp_path / "big.jsonl"
    path.write_bytes(raw)
    settings = Settings.load()
    parts = plan([path], settings, partition_bytes=size)
    if size < len(raw):
        assert len(parts) > 1
        assert all(p.is_range for p in parts)
    # the ranges tile the file: every byte (so every line) exactly once, cut at line starts
    blocks = [read_range(p) if p.is_range else raw for p in parts]
    assert b"".join(blocks) == raw
    for p in parts[1:]:
        assert raw[p.start - 1 : p.start] == b"\n"
    assert sum(count_lines(b, first=i == 0)[0] for i, b in enumerate(blocks)) == len(lines)
    # read range by range, numbered from the top: the same documents and errors as the whole file
    whole = list(JsonlReader().read(Source(name=str(path), path=path), settings))
    pieces: list[Any] = []
    lines_before = records_before = 0
    for i, block in enumerate(blocks):
        pieces.extend(
            read_jsonl_block(
                block,
                name=str(path),
                settings=settings,
                lines_before=lines_before,
                records_before=records_before,
            )
        )
        n_lines, n_records = count_lines(block, first=i == 0)
        lines_before += n_lines
        records_before += n_records
    assert [_item(x) for x in pieces] == [_item(x) for x in whole]
    assert sum(isinstance(x, Document) for x in whole) == 29 - 2


def _item(x: Any) -> Any:
    return x if isinstance(x, Document) else (type(x).__name__, str(x))


def test_partitions_read_every_document_of_a_jsonl_file(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", n_lines=40)
    settings = Settings.load()
    path = tmp_path / "c" / "wire.jsonl"
    parts = [p for p in plan([path], settings, partition_bytes=2000) if p.is_range]
    assert len(parts) > 3
    keys = {p.key for p in parts}
    assert len(keys) == len(parts)
    got: list[Any] = []
    lines = records = 0
    for i, part in enumerate(parts):
        got.extend(read_partition(part, settings, lines_before=lines, records_before=records))
        n_lines, n_records = count_lines(read_range(part), first=i == 0)
        lines, records = lines + n_lines, records + n_records
    from newsgraph.runner.local import iter_documents

    assert [repr(x) for x in got] == [repr(x) for x in iter_documents([path], settings)]


def test_a_file_url_reads_as_the_local_path(tmp_path: Path) -> None:
    from newsgraph.runner.local import iter_documents

    folder = write_corpus(tmp_path / "c", n_lines=40)
    settings = Settings.load()
    parts = plan([folder.as_uri()], settings, partition_bytes=2000)
    assert parts[0].url is not None and sum(p.is_range for p in parts) > 3
    got: list[Any] = []
    lines = records = 0
    for part in parts:
        got.extend(read_partition(part, settings, lines_before=lines, records_before=records))
        if part.is_range:
            n_lines, n_records = count_lines(read_range(part), first=part.start == 0)
            lines, records = lines + n_lines, records + n_records
    want = list(iter_documents([folder], settings))
    assert len(got) == len(want) > 40
    assert [repr(x).replace(folder.as_uri(), str(folder)) for x in got] == [repr(x) for x in want]


def test_standard_input_is_one_partition_that_carries_its_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    data = b'{"title": "A", "text": "Body one."}\n{"title": "B", "text": "Body two."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (part,) = plan(["-"], Settings.load())
    assert part.data == data and part.name == "<stdin>"
    docs = list(read_partition(part, Settings.load()))
    assert [d.text for d in docs if isinstance(d, Document)] == ["Body one.", "Body two."]
    assert [d.source for d in docs if isinstance(d, Document)] == ["<stdin>#1", "<stdin>#2"]


def test_keys_are_stable_and_follow_the_input_and_the_settings(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "c")
    settings = Settings.load()
    first = [p.key for p in plan([folder], settings)]
    assert first == [p.key for p in plan([folder], settings.replace(batch_size=3))]
    assert first == [p.key for p in plan([folder], settings.replace(numpy_blas=not settings.numpy_blas))]
    assert first != [p.key for p in plan([folder], settings.replace(raw=True))]
    (folder / "dump_1.txt").write_text("Changed Headline Here\n\nA new body.\n")
    os.utime(folder / "dump_1.txt", ns=(1, 1))
    again = [p.key for p in plan([folder], settings)]
    assert sum(a != b for a, b in zip(first, again, strict=True)) == 1


# -- with the model: the store equals a local ingest ---------------------------------------------------
@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield cluster


@pytest.mark.model
def test_dask_store_equals_local_store_and_errors_match(tmp_path: Path, cluster: Any) -> None:
    from newsgraph.runner.dask import ingest_dask
    from newsgraph.runner.local import ingest

    folder = write_corpus(tmp_path / "c")
    inputs = [str(folder), str(tmp_path / "missing.txt")]
    local = ingest(inputs, tmp_path / "local.duckdb")
    seen: list[str] = []
    report = ingest_dask(
        inputs,
        tmp_path / "dask.duckdb",
        address=cluster.scheduler_address,
        partition_bytes=600,  # wire.jsonl in several byte ranges
        on_error=lambda e: seen.append(e.line()),
    )
    a, b = store_rows(tmp_path / "local.duckdb"), store_rows(tmp_path / "dask.duckdb")
    assert a["articles"] and a["entities"]
    for name in a:
        assert a[name] == b[name], name
    # (c) bad input: the broken line, the record without a body, the empty file, the missing path
    codes = sorted(row[4] for row in b["errors"])
    assert {"NG105", "NG101", "NG107"} <= set(codes)
    assert ("line 4" in {row[1] for row in b["errors"]}) and ("line 6" in {row[1] for row in b["errors"]})
    assert len(seen) == report.n_errors == local.n_errors == len(b["errors"])
    assert (report.n_articles, report.n_documents) == (local.n_articles, local.n_documents)
    assert report.n_skipped == local.n_skipped == 1  # the repeated JSON line
    assert not list((tmp_path / "dask.duckdb.shards").glob("*.shard"))  # loaded, then removed
    # a second run reads nothing again and adds nothing, but says again what the input failed on
    # (the exit status tells), as a second local run does
    again = ingest_dask(
        inputs, tmp_path / "dask.duckdb", address=cluster.scheduler_address, partition_bytes=600
    )
    assert again.n_articles == 0
    assert sorted(e.line() for e in again.errors) == sorted(seen)
    assert store_rows(tmp_path / "dask.duckdb") == b


@pytest.mark.model
def test_shards_already_written_are_loaded_not_computed(tmp_path: Path, cluster: Any) -> None:
    from newsgraph.runner import dask as dask_mod
    from newsgraph.runner import shards as shards_mod
    from newsgraph.runner.dask import ingest_dask

    folder = write_corpus(tmp_path / "c")
    db = tmp_path / "s.duckdb"
    ingest_dask([folder], tmp_path / "ref.duckdb", address=cluster.scheduler_address, keep_shards=True)
    kept = sorted((tmp_path / "ref.duckdb.shards").glob("*.shard"))
    assert len(kept) == 4
    # a partial state: two shards written by a run that died before loading them
    (tmp_path / "s.duckdb.shards").mkdir()
    for path in kept[:2]:
        shutil.copytree(path, tmp_path / "s.duckdb.shards" / path.name)
    calls: list[str] = []
    real = shards_mod.ShardLoader.load_many

    def spy(self, shards):  # type: ignore[no-untyped-def]
        calls.extend(str(path) for _, path in shards)
        return real(self, shards)

    submitted: list[str] = []
    real_submit = dask_mod._submit

    def submit_spy(client, parts, compute, settings, shards):  # type: ignore[no-untyped-def]
        submitted.extend(p.key for p in compute)
        return real_submit(client, parts, compute, settings, shards)

    shards_mod.ShardLoader.load_many = spy  # type: ignore[method-assign]
    dask_mod._submit = submit_spy
    try:
        ingest_dask([folder], db, address=cluster.scheduler_address)
    finally:
        shards_mod.ShardLoader.load_many = real  # type: ignore[method-assign]
        dask_mod._submit = real_submit
    assert store_rows(db) == store_rows(tmp_path / "ref.duckdb")
    assert len(calls) == 4
    assert sorted(submitted) == sorted(p.stem for p in kept[2:])  # the two present were not recomputed


@pytest.mark.model
def test_a_failed_task_is_an_error_and_is_retried_by_the_next_run(tmp_path: Path, cluster: Any) -> None:
    from newsgraph.runner.dask import ingest_dask

    folder = write_corpus(tmp_path / "c")
    (tmp_path / "not-a-folder").write_text("")
    db = tmp_path / "s.duckdb"
    bad = ingest_dask(
        [folder], db, address=cluster.scheduler_address, shard_dir=tmp_path / "not-a-folder" / "x"
    )
    assert bad.n_articles == 0 and bad.n_errors == 4
    assert {(e.stage, e.code) for e in bad.errors} == {("dask", "NG999")}
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM dask_partitions").fetchone() == (0,)
    good = ingest_dask([folder], db, address=cluster.scheduler_address)
    assert good.n_articles > 0
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM dask_partitions").fetchone() == (4,)


#: Run in the CLI process (before ``newsgraph ingest``) to hold the run still once the first shard
#: is loaded: one shard per transaction, and after its shard is removed the marker file is written and
#: the process sleeps until it is killed. So the kill lands with part of the input in the store
#: however fast or slow the machine is.
_PAUSE_AFTER_FIRST_LOAD = """
import runpy, sys, time
from pathlib import Path
import newsgraph.runner.dask as dask_runner
marker = Path(sys.argv.pop(1))
remove = dask_runner.remove_shard
def remove_then_pause(path):
    remove(path)
    marker.write_text("loaded")
    time.sleep(600)
dask_runner.LOAD_GROUP = 1
dask_runner.remove_shard = remove_then_pause
sys.argv[0] = "newsgraph"
runpy.run_module("newsgraph.cli", run_name="__main__")
"""


def _run_cli(db: Path, folder: Path, pause_marker: Path | None = None) -> subprocess.Popen[bytes]:
    if pause_marker is None:
        start = [sys.executable, "-m", "newsgraph.cli"]
    else:
        start = [sys.executable, "-c", _PAUSE_AFTER_FIRST_LOAD, str(pause_marker)]
    cmd = [
        *start,
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--dask",
        "local",
        "-q",
    ]
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    return subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True
    )


@pytest.mark.model
@pytest.mark.parametrize("when", ["shard written", "shard loaded"])
def test_killed_run_then_rerun_gives_the_uninterrupted_store(tmp_path: Path, when: str) -> None:
    folder = tmp_path / "c"
    write_corpus(folder)
    for i in range(8):  # more partitions, so the kill lands mid-run
        (folder / f"more_{i}.txt").write_text(f"Council Report Extra {i} Is Published\n\n{_article(80 + i)}")
    db = tmp_path / "s.duckdb"
    marker = tmp_path / "first-shard-loaded"
    proc = _run_cli(db, folder, pause_marker=marker if when == "shard loaded" else None)
    shards = tmp_path / "s.duckdb.shards"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if when == "shard written" and shards.is_dir() and any(shards.glob("*.shard")):
            break
        if marker.exists():  # a shard was loaded into the store, then removed; the run waits
            break
        time.sleep(0.01)
    assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI, its scheduler and its workers, mid-run
    proc.wait()
    with Store(db, read_only=True) as store:
        partial = store.stats()
        unfinished = store.con.execute("SELECT count(*) FROM runs WHERE finished_at IS NULL").fetchone()
        n_loaded = store.con.execute("SELECT count(*) FROM dask_partitions").fetchone()
    assert unfinished == (1,)
    assert n_loaded is not None
    if when == "shard loaded":  # killed with part of the input in the store, the rest not
        assert n_loaded[0] > 0 and partial["articles"] > 0
    assert any(shards.glob("*.shard")) or n_loaded[0] > 0
    rerun = _run_cli(db, folder)
    _, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 1, stderr.decode()  # 1: the input has bad records
    from newsgraph.runner.local import ingest

    ingest([folder], tmp_path / "local.duckdb")
    assert store_rows(db) == store_rows(tmp_path / "local.duckdb")
    with Store(db, read_only=True) as store:
        assert store.stats()["articles"] > partial["articles"]


def test_dask_option_without_dask_installed_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app
    from newsgraph.errors import MissingExtraError
    from newsgraph.runner.dask import require_dask

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(MissingExtraError, match=r"pip install newsgraph\[dask\]"):
        require_dask()
    (tmp_path / "a.txt").write_text("Headline Of The Day\n\nBody text.\n")
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb"), "--dask", "local"]
    )
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [
        "error: [NG203] --dask needs dask.distributed, which is not installed: pip install newsgraph[dask]"
    ]
    assert not (tmp_path / "s.duckdb").exists()


def test_the_plan_leaves_out_the_store_and_its_shards(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials said the council met on Tuesday.\n")
    (tmp_path / "s.duckdb").write_bytes(b"\x00DUCK")
    (tmp_path / "s.duckdb.shards").mkdir()
    (tmp_path / "s.duckdb.shards" / "part.parquet").write_bytes(b"PAR1")
    settings = Settings.load()
    names = [p.name for p in plan([tmp_path], settings)]
    assert len(names) == 3
    kept = plan([tmp_path], settings, skip=(tmp_path / "s.duckdb", tmp_path / "s.duckdb.shards"))
    assert [Path(p.name).name for p in kept] == ["a.txt"]
