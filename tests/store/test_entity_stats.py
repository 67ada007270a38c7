"""The store's entity list (``query.entities``, its ``entity_stats`` table): one row per referent
across articles, described by its own name's mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.runner.local import ingest
from newsgraph.settings import Settings
from newsgraph.store.db import Store

pytestmark = pytest.mark.model


def test_a_country_named_mostly_by_its_adjective_is_still_a_country(tmp_path: Path) -> None:
    # the seed: "Israel" (named once) and "Israeli"/"Israelis" (in two articles) are one actor,
    # listed as NORP with sector CVL: the type and sector came from the most frequent rows
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Hamas fighters attacked Israel on Saturday, officials in Cairo said.\n")
    (folder / "b.txt").write_text("Israeli officials met Egyptian mediators in Cairo on Monday.\n")
    (folder / "c.txt").write_text("Israeli negotiators left Doha on Tuesday after two days of talks.\n")
    db = tmp_path / "s.duckdb"
    ingest([folder], db, Settings.load(jobs=1))
    with Store(db, read_only=True) as store:
        rows = [r for r in query.entities(store, limit=None) if r.key == "GPE:ISR"]
    assert len(rows) == 1
    assert (rows[0].name, rows[0].type, rows[0].country, rows[0].sector) == ("Israel", "GPE", "ISR", "GOV")
    assert rows[0].articles == 3
