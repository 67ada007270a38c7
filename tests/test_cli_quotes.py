"""`newsgraph quotes` over a store built from two articles, and the quotes table's typed columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store.db import Store

pytestmark = pytest.mark.model

ONE = (
    "US Secretary of State Mark Ellison met Indian Foreign Minister Priya Raman in New Delhi on Monday.\n\n"
    '"The talks were useful and we will meet again," Ellison said.\n\n'
    'Raman told reporters that India wanted more trade. "We are ready," she said.\n'
)
TWO = (
    "Mark Ellison arrived in Tokyo on Tuesday.\n\n"
    '"Our alliance has never been stronger," Ellison told reporters after the meeting.\n'
)

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("quotes")
    (tmp / "one.txt").write_text(ONE, encoding="utf-8")
    (tmp / "two.txt").write_text(TWO, encoding="utf-8")
    path = tmp / "q.duckdb"
    for name, date in (("one.txt", "2019-03-04"), ("two.txt", "2023-05-09")):
        result = runner.invoke(app, ["ingest", str(tmp / name), "--db", str(path), "--published", date, "-q"])
        assert result.exit_code == 0, result.output
    return path


def _rows(db: Path, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["quotes", "--db", str(db), "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_speaker_filter_finds_the_person_by_surname_across_articles(db: Path) -> None:
    rows = _rows(db, "--speaker", "ellison")
    texts = [r["text"] for r in rows]
    assert any("alliance has never been stronger" in str(t) for t in texts)
    assert any("talks were useful" in str(t) for t in texts)
    assert {r["speaker_name"] for r in rows} == {"Mark Ellison"}
    # newest article first
    assert rows[0]["published"] == "2023-05-09"


def test_country_filter_uses_the_speaker_actor_code(db: Path) -> None:
    rows = _rows(db, "--country", "IND")
    assert rows and all(r["speaker_code"] == "IND" for r in rows)
    assert any("We are ready" in str(r["text"]) for r in rows)
    assert not any("Ellison" in str(r["speaker_name"]) for r in rows)


def test_contains_and_kind_filters(db: Path) -> None:
    rows = _rows(db, "--contains", "READY", "--kind", "direct")
    assert [r["speaker_name"] for r in rows] == ["Priya Raman"]
    assert _rows(db, "--contains", "no such words anywhere") == []


def test_typed_columns_follow_the_speaker_entity(db: Path) -> None:
    with Store(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT q.speaker, q.speaker_key, q.speaker_name, e.key FROM quotes q "
            "JOIN entities e ON e.article_id = q.article_id AND e.record->>'$.id' = q.speaker "
            "WHERE q.speaker_name = 'Mark Ellison'"
        ).fetchall()
    assert rows and all(speaker_key == key for _, speaker_key, _, key in rows)


def test_table_output_names_speakers(db: Path) -> None:
    result = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "Raman"])
    assert result.exit_code == 0, result.output
    assert "Priya Raman" in result.stdout
