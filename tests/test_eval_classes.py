"""The evidence classes of ``eval/events_classes.py``: the features that are on, and each class's
share right among its judged events."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

import events_classes as ecl  # noqa: E402


def test_a_class_is_the_features_that_are_on() -> None:
    feats = {"political_actor": 1.0, "other_actor": 0.0, "how_verb": 1.0, "directed": 1.0, "off_topic": 0.0}
    assert ecl.klass(feats) == "directed+how_verb+political_actor"
    assert ecl.klass({**feats, "off_topic": 0.3}) == "directed+how_verb+off_topic+political_actor"


def test_the_report_counts_judged_rows_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draw.tsv"
    rows = [
        ["a.txt", "0", "5", "ACCUSE", "0.87", "directed+how_verb", "USA", "USA", "right"],
        ["a.txt", "9", "14", "ACCUSE", "0.87", "directed+how_verb", "USA", "USA", "wrong"],
        ["b.txt", "3", "8", "SUPPORT", "0.87", "directed+how_verb", "USA", "USA", ""],
    ]
    path.write_text(
        "\t".join(ecl.FIELDS) + "\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8"
    )
    ecl.report([path])
    out = capsys.readouterr().out
    assert "   3  conf 0.870  right 1/2 = 0.50" in out


def test_the_draws_leave_out_every_labelled_or_reviewed_text() -> None:
    used = ecl.used()
    assert used
    for name in ("draw2020.files", "draw2021.files"):
        drawn = (ROOT / "eval" / "data" / "events_classes20" / name).read_text(encoding="utf-8").split()
        assert len(drawn) == 150 and not set(drawn) & used
