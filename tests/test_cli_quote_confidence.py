"""`newsgraph quotes --min-confidence` over a store of synthetic quotes of known confidence (no
model): a quote of confidence 0.3 is hidden by default and shown with 0."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.extract.thresholds import DEFAULT_MIN_QUOTE_CONFIDENCE
from quotedata import quote_articles, shown, write_quotes

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_quotes(tmp_path_factory.mktemp("quote_thresholds") / "q.duckdb", quote_articles())


def confidences(db: Path, *args: str) -> Counter[float | None]:
    result = runner.invoke(app, ["quotes", "--db", str(db), "--json", "--limit", "0", *args])
    assert result.exit_code == 0, result.output
    return Counter(json.loads(line)["confidence"] for line in result.stdout.splitlines())


def test_quotes_hide_low_confidence_by_default(db: Path) -> None:
    every = quote_articles()
    assert confidences(db) == Counter(shown(every, DEFAULT_MIN_QUOTE_CONFIDENCE))
    assert confidences(db, "--min-confidence", "0") == Counter(shown(every, 0))
    assert set(confidences(db, "--min-confidence", "0.8")) == {0.9, None}


def test_a_threshold_out_of_range_is_refused(db: Path) -> None:
    result = runner.invoke(app, ["quotes", "--db", str(db), "--min-confidence", "1.5"])
    assert result.exit_code != 0


def test_quotes_table_has_a_confidence_column(db: Path) -> None:
    result = runner.invoke(app, ["quotes", "--db", str(db), "--min-confidence", "0", "--limit", "0"])
    assert result.exit_code == 0, result.output
    assert "conf." in result.stdout.split("┡")[0]
    assert "0.900" in result.stdout and "0.300" in result.stdout
    default = runner.invoke(app, ["quotes", "--db", str(db), "--limit", "0"])
    assert "0.900" in default.stdout and "0.300" not in default.stdout
