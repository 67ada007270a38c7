"""The general signs of ``eval/events_confidence.py --general``: each the union of the confidence's
signs of one kind, its prior the mean written weight of its members."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

import events_confidence as ec  # noqa: E402


def test_general_signs_are_unions_of_their_members() -> None:
    feats = {"political_actor": 1.0, "background": 1.0, "how_noun": 1.0, "off_topic": 0.4}
    g = ec.general(feats)
    assert g["political_actor"] == 1.0 and g["not_a_report"] == 1.0 and g["indirect"] == 1.0
    assert g["off_topic"] == 0.4 and g["directed"] == 0.0 and g["unambiguous"] == 0.0
    assert set(g) == set(ec.GENERAL)


def test_general_prior_is_the_mean_written_weight() -> None:
    written = {"bias": -1.6, "how_noun": -1.5, "how_clause": -1.0, "how_deontic": -0.5, "plain_verb": 1.0}
    prior = ec.general_prior(written)
    assert prior["indirect"] == -1.0 and prior["unambiguous"] == 1.0 and prior["bias"] == -1.6
