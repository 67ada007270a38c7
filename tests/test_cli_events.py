"""`newsgraph events` and the `plover` / `gdelt-events` exports over a store built from two articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store.export_events import GDELT_COLUMNS, GDELT_FILE, PLOVER_FILE

pytestmark = pytest.mark.model

ONE = (
    "Kenyan Foreign Minister Amina Wekesa met Ugandan President Tom Okello in Nairobi on Monday.\n\n"
    "Rebels attacked a village in northern Mali on Sunday, killing 12 civilians.\n\n"
    "Peru did not attack the convoy.\n"
)
TWO = "Ghana urged Togo to release the detained journalists.\n\nFrance and Germany condemned the attack.\n"

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("events")
    (tmp / "one.txt").write_text(ONE, encoding="utf-8")
    (tmp / "two.txt").write_text(TWO, encoding="utf-8")
    path = tmp / "s.duckdb"
    for name, date in (("one.txt", "2024-03-15"), ("two.txt", "2023-05-09")):
        result = runner.invoke(app, ["ingest", str(tmp / name), "--db", str(path), "--published", date, "-q"])
        assert result.exit_code == 0, result.output
    return path


def rows(db: Path, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["events", "--db", str(db), "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_events_lists_every_event_newest_first(db: Path) -> None:
    found = rows(db)
    assert {r["event_type"] for r in found} >= {"CONSULT", "ASSAULT", "REQUEST", "ACCUSE"}
    dates = [r["date"] for r in found if r["date"]]
    assert dates == sorted(dates, reverse=True)
    consult = next(r for r in found if r["event_type"] == "CONSULT")
    assert consult["date"] == "2024-03-11" and consult["place"] == "Nairobi"
    assert set(consult["actor_codes"]) == {"KEN", "UGA"}
    assert "met" in consult["sentence"] and consult["status"] == "fact"


def test_events_filters(db: Path) -> None:
    assert {r["event_type"] for r in rows(db, "--type", "consult")} == {"CONSULT"}
    assert all("GHA" in r["actor_codes"] for r in rows(db, "--actor", "GHA"))
    assert [r["event_type"] for r in rows(db, "--actor", "GHA")] == ["REQUEST"]
    assert [r["event_type"] for r in rows(db, "--recipient", "TGO")] == ["REQUEST"]
    assert {r["published"] for r in rows(db, "--since", "2024-01-01")} == {"2024-03-15"}
    assert {r["published"] for r in rows(db, "--until", "2023-12-31")} == {"2023-05-09"}
    # the negated attack is not likely a fact (force with no casualties): below the default
    # confidence, listed when asked for every event
    assert not [r for r in rows(db) if r["negated"]]
    negated = [r for r in rows(db, "--min-confidence", "0") if r["negated"]]
    assert negated and negated[0]["status"] == "negated"
    assert not [r for r in rows(db, "--facts", "--min-confidence", "0") if r["negated"]]
    assert len(rows(db, "--limit", "2")) == 2


def test_events_table_and_bad_date(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--type", "ASSAULT", "--min-confidence", "0"])
    assert result.exit_code == 0 and "events in" in result.stdout
    assert "fact" in result.stdout and "negat" in result.stdout  # the attack, and the one that was not
    bad = runner.invoke(app, ["events", "--db", str(db), "--since", "March"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_export_plover(db: Path, tmp_path: Path) -> None:
    args = ["export", "--db", str(db), "--format", "plover", "--out", str(tmp_path), "--min-confidence", "0"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / PLOVER_FILE).read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(rows(db, "--limit", "0", "--min-confidence", "0"))
    assault = next(r for r in records if r["event"] == ["ASSAULT"] and r.get("dead"))
    assert assault["dead"] == 12 and assault["quad_code"] == 4 and assault["event_scale"] < 0
    assert {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "text"} <= set(
        assault
    )
    assert assault["actor"][0]["code"] == "MLI" and "attacked" in assault["text"]
    negated = next(r for r in records if r["negated"])
    assert "negation" in negated["context"]  # PLOVER's auxiliary mode, in context


def test_export_gdelt_events(db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "--db", str(db), "--format", "gdelt-events", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    lines = (tmp_path / GDELT_FILE).read_text(encoding="utf-8").splitlines()
    table = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert len(GDELT_COLUMNS) == 61 and table
    ids = [int(r["GLOBALEVENTID"]) for r in table]
    assert ids == list(range(1, len(ids) + 1))
    consult = [r for r in table if r["EventRootCode"] == "04"]
    assert {r["Actor1CountryCode"] for r in consult} == {"KEN", "UGA"}  # one row per actor
    assert all(r["SQLDATE"] == "20240311" and r["QuadClass"] == "1" for r in consult)
    assault = next(r for r in table if r["EventRootCode"] == "18")
    assert assault["Actor1Code"] == "MLIREB" and assault["QuadClass"] == "4"
    assert assault["ActionGeo_CountryCode"] == "MLI"
    assert not any(r["EventCode"] == "180" and r["Actor1CountryCode"] == "PER" for r in table)  # negated: out
