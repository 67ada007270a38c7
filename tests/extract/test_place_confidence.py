"""Place confidence: every geocoded place carries one, a sure reading (a country the model typed,
a single place of its name) outranks a close call, and the weight table names only known signs."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.annotations import doc_places
from newsgraph.extract.pipeline import prepare_doc
from newsgraph.extract.place_confidence import KINDS, PlaceEvidence, confidence, weights
from newsgraph.extract.thresholds import DEFAULT_MIN_PLACE_CONFIDENCE, check_threshold


def test_the_weight_table_names_only_known_evidence() -> None:
    names = {f"kind_{k}" for k in set(KINDS.values())} | {
        "margin",
        "sole",
        "entity",
        "qualified",
        "population",
    }
    assert set(weights()) - {"bias"} == names


def test_a_sure_reading_outranks_a_close_call() -> None:
    sure = PlaceEvidence(kind="country", margin=None, entity=True, qualified=False, population=50_000_000)
    close = PlaceEvidence(kind="town", margin=0.2, entity=False, qualified=False, population=2_000)
    assert sure.features()["sole"] == 1.0 and "margin" not in sure.features()
    assert close.features()["margin"] == pytest.approx(0.02)
    assert confidence(sure) > DEFAULT_MIN_PLACE_CONFIDENCE > confidence(close)
    far_ahead = PlaceEvidence(kind="town", margin=50.0, entity=True, qualified=True, population=2_000)
    assert far_ahead.features()["margin"] == 1.0  # capped
    assert confidence(far_ahead) > confidence(close)
    assert (
        check_threshold("min_place_confidence", DEFAULT_MIN_PLACE_CONFIDENCE) == DEFAULT_MIN_PLACE_CONFIDENCE
    )


@pytest.mark.model
def test_every_place_has_a_confidence(nlp: Any) -> None:
    text = "Protesters marched in Nairobi, Kenya, on Monday. Kenya's neighbours watched from Uganda."
    places = [p.as_json() for p in doc_places(nlp(prepare_doc(nlp, text)))]
    assert places and all(isinstance(p["confidence"], float) and 0 <= p["confidence"] <= 1 for p in places)
    kenya = next(p for p in places if p["text"] == "Kenya")
    assert kenya["confidence"] >= DEFAULT_MIN_PLACE_CONFIDENCE
