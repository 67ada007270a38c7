"""The issue's case through the real pipeline: a page captured twice with one word changed must
not double its events and quotes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.runner.local import ingest
from newsgraph.settings import Settings
from newsgraph.store.db import Store
from newsgraph.store.stories import counts

pytestmark = pytest.mark.model

PAGE = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "page_summit.html"


def test_a_recaptured_page_is_counted_once(tmp_path: Path) -> None:
    html = PAGE.read_text(encoding="utf-8")
    again = html.replace("Diplomats said", "Diplomats stated", 1)
    assert again != html
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    (tmp_path / "first" / "page.html").write_text(html, encoding="utf-8")
    (tmp_path / "second" / "page.html").write_text(again, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    settings = Settings.load(jobs=1)
    first = ingest([tmp_path / "first"], db, settings)
    with Store(db) as store:
        before = counts(store)
    second = ingest([tmp_path / "second"], db, settings)
    assert (first.n_copies, second.n_articles, second.n_copies) == (0, 1, 1)
    with Store(db) as store:
        after = counts(store)
        every = counts(store, include_copies=True)
    assert before["events"] > 0 and before["quotes"] > 0
    for kind in ("articles", "events", "quotes", "entities"):
        assert after[kind] == before[kind], kind
    assert every["articles"] == 2 and every["events"] > after["events"]
    assert after["copies"] == 1 and after["stories"] == 1
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--json", "--limit", "0"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) <= before["events"]
