"""Event confidence and article relevance in the store: typed columns, round trips, stores written
before they existed, the ``min_confidence`` filter of the events query and of the event exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from eventdata import articles, confidences, make_old, write_store
from newsgraph.errors import ConfigError
from newsgraph.extract.thresholds import DEFAULT_MIN_CONFIDENCE
from newsgraph.query import EventFilter, events
from newsgraph.store.db import Store
from newsgraph.store.export import export
from newsgraph.store.export_events import GDELT_COLUMNS, GDELT_FILE, PLOVER_FILE


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return write_store(tmp_path / "s.duckdb")


def test_relevance_and_confidence_round_trip(db: Path) -> None:
    with Store(db, read_only=True) as store:
        back = sorted(store.articles(), key=lambda a: a.id)
        assert [a.as_dict() for a in back] == [a.as_dict() for a in sorted(articles(), key=lambda a: a.id)]
        assert {a.id: a.relevance for a in back} == {"art-politics": 0.9, "art-sport": 0.2, "art-old": None}
        typed = store.con.execute("SELECT article_id, n, confidence FROM events ORDER BY ALL").fetchall()
        assert typed == [
            ("art-old", 0, None),
            ("art-politics", 0, 0.91),
            ("art-politics", 1, 0.5),
            ("art-sport", 0, 0.2),
        ]
        relevance = store.con.execute("SELECT id, relevance FROM articles ORDER BY id").fetchall()
        assert relevance == [("art-old", None), ("art-politics", 0.9), ("art-sport", 0.2)]


def test_an_old_store_is_read_and_written_again(db: Path) -> None:
    make_old(db)
    with Store(db, read_only=True) as store:  # read-only: the columns are not added
        assert [a.relevance for a in store.articles()] == [None]
        assert confidences([r.as_dict() for r in events(store)]) == {"ACCUSE": None}
    with Store(db) as store:  # opened for writing: the columns are added, old rows NULL
        store.write(articles=articles(), run_id=store.start_run("again"))
    with Store(db, read_only=True) as store:
        assert {a.id: a.relevance for a in store.articles()} == {
            "art-old": None,
            "art-politics": 0.9,
            "art-sport": 0.2,
        }
        rows = store.con.execute("SELECT article_id, confidence FROM events ORDER BY ALL").fetchall()
        assert rows == [("art-old", None), ("art-politics", 0.5), ("art-politics", 0.91), ("art-sport", 0.2)]


def test_events_below_the_threshold_are_left_out(db: Path) -> None:
    with Store(db, read_only=True) as store:
        assert DEFAULT_MIN_CONFIDENCE == 0.5
        # the default keeps 0.5 itself and events without a confidence (they count as 1.0)
        assert confidences([r.as_dict() for r in events(store)]) == {
            "CONSULT": 0.91,
            "REQUEST": 0.5,
            "ACCUSE": None,
        }
        assert set(confidences([r.as_dict() for r in events(store, EventFilter(min_confidence=0))])) == {
            "CONSULT",
            "REQUEST",
            "ASSAULT",
            "ACCUSE",
        }
        assert set(confidences([r.as_dict() for r in events(store, EventFilter(min_confidence=0.9))])) == {
            "CONSULT",
            "ACCUSE",
        }
        with pytest.raises(ValidationError, match="min_confidence"):  # the filter refuses it
            EventFilter(min_confidence=2)
        # and so does the query, given a filter built without validation
        with pytest.raises(ConfigError, match=r"NG200.*min_confidence must be from 0 to 1, not 2"):
            events(store, EventFilter.model_construct(min_confidence=2))


def plover(out: Path) -> dict[str, float | None]:
    lines = (out / PLOVER_FILE).read_text(encoding="utf-8").splitlines()
    return {r["event"][0]: r["confidence"] for r in map(json.loads, lines)}


def test_plover_export_carries_confidence_and_leaves_out_low_events(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        export(store, "plover", tmp_path / "default")
        export(store, "plover", tmp_path / "all", min_confidence=0)
    assert plover(tmp_path / "default") == {"CONSULT": 0.91, "REQUEST": 0.5, "ACCUSE": None}
    assert plover(tmp_path / "all") == {"CONSULT": 0.91, "REQUEST": 0.5, "ASSAULT": 0.2, "ACCUSE": None}


def test_gdelt_export_keeps_its_columns_and_leaves_out_low_events(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        export(store, "gdelt-events", tmp_path / "default")
        export(store, "gdelt-events", tmp_path / "strict", min_confidence=0.95)
    with (tmp_path / "default" / GDELT_FILE).open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    assert {len(r) for r in rows} == {len(GDELT_COLUMNS)} == {61}
    code = GDELT_COLUMNS.index("Actor1Code")
    assert sorted(r[code] for r in rows) == ["FRA", "GHA", "KEN"]  # not the 0.2 ASSAULT of BRA
    strict = (tmp_path / "strict" / GDELT_FILE).read_text(encoding="utf-8").splitlines()
    assert [line.split("\t")[code] for line in strict] == ["FRA"]  # no confidence counts as 1.0


def test_min_confidence_is_for_event_exports_only(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store, pytest.raises(ConfigError, match="event exports"):
        export(store, "parquet", tmp_path, min_confidence=0.5)
