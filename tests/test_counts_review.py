"""The real-news count review sample (``eval/counts_review.py``): judgements keyed by offsets into
PolNeAR texts that no other label file covers, both halves judged."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

import counts_review as cr  # noqa: E402


def test_every_judgement_names_a_sampled_file_and_a_verdict() -> None:
    judged = cr.read_judged(cr.FOLDER / "judged.tsv")
    sample = set(cr.sample())
    assert judged and {f for f, _, _ in judged} <= sample
    assert set(judged.values()) == {"right", "wrong"}
    halves = Counter(cr.half_of(f) for f, _, _ in judged)
    assert halves["tune"] > 50 and halves["measure"] > 50


def test_the_sample_is_outside_the_other_label_files() -> None:
    labelled = "".join(
        p.read_text(encoding="utf-8")
        for folder in ("entities_real", "events_real")
        for p in (ROOT / "eval" / "data" / folder).glob("*.jsonl")
    )
    assert not [f for f in cr.sample() if f in labelled]


@pytest.mark.shared
def test_the_offsets_hold_the_judged_numbers() -> None:
    if not cr.TEXTS.exists():
        pytest.skip(f"{cr.TEXTS} is absent")
    rows = (cr.FOLDER / "judged.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for row in rows:
        file, start, end, number = row.split("\t")[:4]
        assert number in (cr.TEXTS / file).read_text(encoding="utf-8")[int(start) : int(end)], row
