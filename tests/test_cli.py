"""The command line, through typer's CliRunner (and one real subprocess for stdin and exit codes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

pytestmark = pytest.mark.model

DUMP = (
    "Council Votes to Extend Peacekeeping Mission\n\nPeacekeepers patrol a road near the border. (Reuters)\n"
    "Peacekeepers patrol a road near the border. (Reuters)\nTT\n\n"
    "The Security Council voted on Thursday to extend the mission by a year.\n\n"
    "“This is a necessary step,” the council president told reporters.\n\n\n\n"
    "Fishermen Protest New Quotas in Port City\n\nBoats moored in the harbour. (AFP)\n\n"
    "Hundreds of fishermen blocked the port on Monday to protest new quotas.\n"
)

runner = CliRunner()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "dump.txt").write_text(DUMP, encoding="utf-8")
    (d / "cp1252.txt").write_bytes(
        "Minister Says Talks Will Go On\n\nThe minister’s café talks went on.".encode("cp1252")
    )
    return d


def test_extract_prints_json_lines(inputs: Path) -> None:
    result = runner.invoke(app, ["extract", str(inputs / "dump.txt"), "--published", "2025-03-06"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["title"] for r in records] == [
        "Council Votes to Extend Peacekeeping Mission",
        "Fishermen Protest New Quotas in Port City",
    ]
    first = records[0]
    assert first["source"].endswith("dump.txt#1")
    assert first["published"] == "2025-03-06" and first["published_from"] == "user"
    assert first["captions"] == ["Peacekeepers patrol a road near the border."]
    assert first["credits"] == ["Reuters"]
    assert "United Nations Security Council" in {e["name"] for e in first["entities"]}
    assert any(q["text"].startswith("This is a necessary step") for q in first["quotes"])
    assert ("Thursday", "2025-03-06") in [(d["text"], d["value"]) for d in first["dates"]]
    for key in ("entities", "quotes", "events", "counts", "dates", "places"):
        for fact in first[key]:
            assert first["text"][fact["start"] : fact["end"]] == fact["text"], (key, fact)
    assert len(first["id"]) == 16


def test_extract_raw_keeps_file_verbatim(inputs: Path) -> None:
    result = runner.invoke(app, ["extract", "--raw", str(inputs / "dump.txt")])
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["text"] == DUMP


def test_bad_inputs_are_reported_and_the_run_goes_on(inputs: Path, tmp_path: Path) -> None:
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    db = tmp_path / "t.duckdb"
    result = runner.invoke(app, ["ingest", str(inputs), str(tmp_path / "missing.txt"), "--db", str(db)])
    assert result.exit_code == 1
    err_lines = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(err_lines) == 3
    assert any("empty.txt" in line and "empty" in line for line in err_lines)
    assert any("image.txt" in line and "binary" in line for line in err_lines)
    assert any("missing.txt" in line for line in err_lines)
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)
    assert stats["tables"]["articles"] == 3
    assert stats["tables"]["errors"] == 3
    errors = runner.invoke(app, ["errors", "--db", str(db)])
    assert errors.stdout.count("\n") == 3


def test_ingest_twice_adds_nothing(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    first = runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "3 new articles" in first.stdout
    assert str(db.resolve()) in first.stdout
    second = runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert second.exit_code == 0
    assert "0 new articles" in second.stdout and "2 documents already stored" in second.stdout
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)["tables"]
    assert (stats["documents"], stats["articles"], stats["runs"]) == (2, 3, 2)


def test_export_formats(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    for fmt in ("parquet", "csv", "jsonl"):
        result = runner.invoke(
            app, ["export", "--format", fmt, "--out", str(tmp_path / fmt), "--db", str(db)]
        )
        assert result.exit_code == 0, result.output
        assert (tmp_path / fmt / f"documents.{fmt}").exists()
    lines = (tmp_path / "jsonl" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")]).exit_code == 2
    assert runner.invoke(app, ["extract", "x.txt", "--published", "not-a-date"]).exit_code == 2
    assert runner.invoke(app, ["extract", "x.txt", "--model", "no_such_model"]).exit_code == 2


def test_stdin_through_the_installed_script(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("newsgraph")
    proc = subprocess.run([str(exe), "extract", "-"], input=DUMP.encode(), capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    titles = [json.loads(line)["title"] for line in proc.stdout.decode().splitlines()]
    assert len(titles) == 2
    assert json.loads(proc.stdout.decode().splitlines()[0])["source"] == "<stdin>#1"
