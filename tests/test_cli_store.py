"""The command line over a store that is damaged, foreign, newer, full or holds hostile names:
one coded line and exit code 2, never a traceback nor counts as if all were well; what it
prints has no control sequences from the inputs."""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.console import printable
from newsgraph.records import Document, ErrorRecord
from newsgraph.store.db import SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
runner = CliRunner()

#: A file name that would set the terminal's title and colour it, reversed by a bidi override.
EVIL = "in/\x1b]0;owned\x07\x1b[31mred\u202etxt.exe\x9b"


def write_store(path: Path, *, finish: bool = True) -> Path:
    from tests.store.test_db import make_article

    doc = Document(
        source="d.txt", text="raw text", reader="text", kind="dump", encoding="utf-8", size_bytes=8
    )
    with Store(path) as store:
        run = store.start_run("ingest in/")
        store.write(
            documents=[(doc, 3)],
            articles=[make_article(n, doc) for n in (1, 2, 3)],
            errors=[
                ErrorRecord(source=EVIL, message="binary [/red] data", kind="BinaryInputError", code="NG102")
            ],
            run_id=run,
        )
        if finish:
            store.finish_run(run, n_articles=3, n_errors=1)
    return path


def truncated(path: Path) -> Path:
    write_store(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def sqlite_file(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE articles (id)")
    con.commit()
    con.close()
    return path


READS = [
    ["stats"],
    ["stats", "--json"],
    ["errors"],
    ["quotes"],
    ["events"],
    ["entities"],
    ["roles"],
    ["articles"],
    ["export", "--format", "csv", "--out", "OUT"],
    ["serve", "--port", "1"],
]


@pytest.mark.parametrize(("damage", "code"), [(truncated, "NG302"), (sqlite_file, "NG301")])
@pytest.mark.parametrize("command", READS, ids=lambda c: "-".join(c[:2]))
def test_a_damaged_or_foreign_store_is_one_coded_line(
    tmp_path: Path, damage: object, code: str, command: list[str]
) -> None:
    db = damage(tmp_path / "s.duckdb")  # type: ignore[operator]
    args = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: [{code}]"), result.output
    assert "articles" not in result.output  # no table of counts
    assert not (tmp_path / "out").exists()


def test_stats_names_an_interrupted_run_and_what_it_committed(tmp_path: Path) -> None:
    db = write_store(tmp_path / "s.duckdb", finish=False)
    result = runner.invoke(app, ["stats", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "run 1 interrupted" in result.output
    assert "3 articles and 1 errors committed" in result.output
    data = json.loads(runner.invoke(app, ["stats", "--json", "--db", str(db)]).stdout)
    assert data["runs"][0]["status"] == "interrupted" and data["runs"][0]["n_articles"] == 3
    assert data["tables"]["articles"] == 3


def test_a_finished_run_is_not_called_interrupted(tmp_path: Path) -> None:
    db = write_store(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["stats", "--db", str(db)])
    assert "interrupted" not in result.output


def test_error_lines_escape_control_sequences_and_markup(tmp_path: Path) -> None:
    db = write_store(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["errors", "--db", str(db)])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert not {"\x1b", "\x07", "\u202e", "\x9b"} & set(line)
    assert line == "error [NG102] " + printable(EVIL) + ": binary [/red] data"
    assert "\\u001b]0;owned\\u0007" in line and "\\u202e" in line and "\\u009b" in line


def test_json_output_stays_valid_and_decodes_to_the_original(tmp_path: Path) -> None:
    db = write_store(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["errors", "--json", "--db", str(db)])
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["source"] == EVIL
    arts = runner.invoke(app, ["articles", "--json", "--db", str(db)]).stdout.splitlines()
    assert [json.loads(a)["title"] for a in arts] == ["Title 3", "Title 2", "Title 1"]


def test_printable_escapes_only_what_a_terminal_would_act_on() -> None:
    assert (
        printable("Zürich – “quoted” \u0627\u200f tab\tend")
        == "Zürich – “quoted” \u0627\\u200f tab\\u0009end"
    )
    assert printable("\x9b31m") == "\\u009b31m"  # the one-byte CSI
    assert printable("bad\udcff.txt") == "bad\\udcff.txt"  # a file name byte that is not UTF-8


def test_a_newer_store_is_read_but_not_written(tmp_path: Path) -> None:
    db = write_store(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    result = runner.invoke(app, ["stats", "--db", str(db)])
    assert result.exit_code == 0 and "articles" in result.output


# -- ingest (loads the model) -------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("kind", ["truncated", "sqlite", "newer"])
def test_ingest_into_a_store_it_must_not_write_is_one_coded_line(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "s.duckdb"
    if kind == "truncated":
        truncated(db)
    elif kind == "sqlite":
        sqlite_file(db)
    else:
        write_store(db)
        with Store(db) as store:
            store.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = db.read_bytes()
    result = runner.invoke(app, ["ingest", str(CORPUS / "dump_single.txt"), "--db", str(db), "-j", "1"])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: [NG30"), result.output
    if kind == "newer":
        assert f"schema version 99, newer than version {SCHEMA_VERSION}" in lines[0]
    assert db.read_bytes() == before


def _file_size_limit(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.model
def test_ingest_on_a_full_disk_stops_with_one_line_and_keeps_the_committed_batches(tmp_path: Path) -> None:
    """A file size limit makes the disk full after a few one-article batches."""
    db = tmp_path / "s.duckdb"
    exe = Path(sys.executable).with_name("newsgraph")
    proc = subprocess.run(
        [str(exe), "ingest", str(CORPUS), "--db", str(db), "--batch-size", "1", "-j", "1", "-q"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        preexec_fn=lambda: _file_size_limit(300_000),
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "cannot rollback" not in proc.stderr
    fatal = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert len(fatal) == 1 and fatal[0].startswith("error: [NG304]"), proc.stderr
    with Store(db, read_only=True) as store:
        (run,) = store.runs()
        n = store.stats()["articles"]
        assert n > 0 and run.n_articles == n and run.status == "interrupted"
