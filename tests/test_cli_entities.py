"""`newsgraph entities` and `newsgraph roles` over a store built from two articles years apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

pytestmark = pytest.mark.model

ONE = (
    "US Secretary of State Mark Ellison met Indian Foreign Minister Priya Raman in New Delhi on Monday.\n\n"
    "Ellison said the talks were useful. Raman told reporters India wanted more trade.\n"
)
TWO = (
    "US Secretary of State Laura Whitfield arrived in Tokyo on Tuesday for talks with Japanese officials.\n\n"
    "Whitfield said the alliance was strong. Mark Ellison, her predecessor, was not present.\n"
)

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("ent")
    (tmp / "one.txt").write_text(ONE, encoding="utf-8")
    (tmp / "two.txt").write_text(TWO, encoding="utf-8")
    path = tmp / "s.duckdb"
    for name, date in (("one.txt", "2019-03-04"), ("two.txt", "2023-05-09")):
        result = runner.invoke(app, ["ingest", str(tmp / name), "--db", str(path), "--published", date, "-q"])
        assert result.exit_code == 0, result.output
    return path


def test_roles_keep_different_holders_apart(db: Path) -> None:
    result = runner.invoke(app, ["roles", "secretary of state", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["name"], r["affiliation"], r["first_seen"]) for r in rows] == [
        ("Mark Ellison", "USA", "2019-03-04"),
        ("Laura Whitfield", "USA", "2023-05-09"),
    ]


def test_entities_counts_mentions_across_articles(db: Path) -> None:
    result = runner.invoke(app, ["entities", "--type", "PERSON", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in map(json.loads, result.stdout.splitlines())}
    ellison = rows["Mark Ellison"]
    assert ellison["articles"] == 2
    assert ellison["mentions"] >= 3
    assert ellison["country"] == "USA"
    usa = runner.invoke(app, ["entities", "--country", "IND", "--db", str(db), "--json"])
    names = {json.loads(line)["name"] for line in usa.stdout.splitlines()}
    assert "Priya Raman" in names and "Mark Ellison" not in names
