"""The fresh sample of ``eval/events_actors.py``: which texts it may draw, and how a side judged
before a change is carried over, judged again or counted as gone."""

from __future__ import annotations

import csv
from pathlib import Path

from evalscripts import ROOT, load_eval

ea = load_eval("events_actors")


def test_the_draw_takes_only_texts_whose_events_nobody_judged() -> None:
    left = ea._unread(ea.LEFT)
    assert left and not set(left) & ea.used()
    with (ROOT / "eval" / "data" / "events_classes20" / f"{ea.LEFT}.tsv").open(encoding="utf-8") as f:
        judged = {r["file"] for r in csv.DictReader(f, delimiter="\t") if r["verdict"]}
    assert judged and not set(left) & judged


def test_a_side_is_its_codes_and_its_words() -> None:
    row = {"actor": "USA", "actor_spans": "1-5", "recipient": "USA", "recipient_spans": "9-12"}
    moved = {**row, "recipient_spans": "20-31"}  # the same code, other words: judged again
    assert ea._sides(row) != ea._sides(moved)
    assert ea._sides(row) == ea._sides(dict(row))


def test_the_stored_judgements_are_complete() -> None:
    folder = ROOT / "eval" / "data" / "events_actors21"
    rows = ea._read(folder / "before.tsv")
    assert len(rows) == 60
    for row in [*rows.values(), *ea._read(folder / "after.tsv").values()]:
        assert row["actor_v"] in ea.VERDICTS and row["recipient_v"] in ea.VERDICTS
        assert bool(row["cause"]) == ("wrong" in (row["actor_v"], row["recipient_v"]))
    assert set(ea.sample_ids(folder)) >= {k[0] for k in rows}
    assert isinstance(ea._branches(), dict) and Path(ea.__file__).exists()
