"""`newsgraph events --min-confidence` and `newsgraph export --min-confidence` over a hand-built
store (no model): an event of confidence 0.2 is hidden by default and shown with 0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventdata import confidences, write_store
from newsgraph.cli import app
from newsgraph.store.export_events import PLOVER_FILE

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("thresholds") / "s.duckdb")


def rows(db: Path, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["events", "--db", str(db), "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_events_hide_low_confidence_by_default(db: Path) -> None:
    assert confidences(rows(db)) == {"CONSULT": 0.91, "REQUEST": 0.5, "ACCUSE": None}
    assert confidences(rows(db, "--min-confidence", "0")) == {
        "CONSULT": 0.91,
        "REQUEST": 0.5,
        "ASSAULT": 0.2,
        "ACCUSE": None,
    }
    assert set(confidences(rows(db, "--min-confidence", "0.6"))) == {"CONSULT", "ACCUSE"}


def test_events_table_has_a_confidence_column(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--min-confidence", "0"])
    assert result.exit_code == 0, result.output
    header = result.stdout.split("┡")[0].replace("┃", " ")  # "confidence" may fold in a narrow terminal
    assert "confi" in header and ("confidence" in header or "dence" in header)
    assert "0.910" in result.stdout and "0.200" in result.stdout
    default = runner.invoke(app, ["events", "--db", str(db)])
    assert "0.910" in default.stdout and "0.200" not in default.stdout


@pytest.mark.parametrize("value", ["2", "-0.1", "x"])
def test_events_bad_threshold_is_a_usage_error(db: Path, value: str) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--min-confidence", value])
    assert result.exit_code == 2
    assert "--min-confidence" in result.output


def test_export_plover_threshold(db: Path, tmp_path: Path) -> None:
    def exported(*args: str) -> dict[str, object]:
        out = tmp_path / "-".join(args or ("default",))
        result = runner.invoke(
            app, ["export", "--db", str(db), "--format", "plover", "--out", str(out), *args]
        )
        assert result.exit_code == 0, result.output
        lines = (out / PLOVER_FILE).read_text(encoding="utf-8").splitlines()
        return {r["event"][0]: r["confidence"] for r in map(json.loads, lines)}

    assert exported() == {"CONSULT": 0.91, "REQUEST": 0.5, "ACCUSE": None}
    assert exported("--min-confidence", "0")["ASSAULT"] == 0.2
    assert set(exported("--min-confidence", "0.9")) == {"CONSULT", "ACCUSE"}


def test_export_tables_refuse_a_threshold(db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["export", "--db", str(db), "--format", "csv", "--out", str(tmp_path), "--min-confidence", "0.5"],
    )
    assert result.exit_code == 2
    assert "[NG200]" in result.output and "event exports" in result.output


def article_ids(db: Path, *args: str) -> list[str]:
    result = runner.invoke(app, ["articles", "--db", str(db), "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"] for line in result.stdout.splitlines()]


def test_articles_filter_on_relevance(db: Path) -> None:
    assert sorted(article_ids(db)) == ["art-old", "art-politics", "art-sport"]
    # the sport page (0.2) is left out; the one stored without a relevance counts as 1
    assert sorted(article_ids(db, "--min-relevance", "0.5")) == ["art-old", "art-politics"]
    table = runner.invoke(app, ["articles", "--db", str(db)])
    assert table.exit_code == 0 and "0.20" in table.stdout and "Cup final" in table.stdout
    bad = runner.invoke(app, ["articles", "--db", str(db), "--min-relevance", "2"])
    assert bad.exit_code == 2
