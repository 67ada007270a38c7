"""Quote confidence: every quote record carries one, quotation marks with a verb of saying and a
named speaker rank above a short phrase nobody is said to have said, and the default threshold
keeps the sure ones."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.annotations import doc_quotes
from newsgraph.extract.pipeline import prepare_doc
from newsgraph.extract.quotes.confidence import (
    CUES,
    DEFAULT_MIN_QUOTE_CONFIDENCE,
    SPEAKERS,
    QuoteEvidence,
    confidence,
    cue_classes,
    weights,
)
from newsgraph.extract.thresholds import check_threshold


def _quotes(nlp: Any, text: str) -> list[dict[str, Any]]:
    return [q.as_json() for q in doc_quotes(nlp(prepare_doc(nlp, text, published="2024-03-15")))]


def test_the_weight_table_names_only_known_evidence() -> None:
    names = {f"cue_{c}" for c in CUES} | {f"speaker_{s}" for s in SPEAKERS}
    names |= {"kind_indirect", "kind_mixed", "split", "negated", "apart", "far", "via", "sentences", "short"}
    # every sign the records can show has a weight, and the table has no other
    assert set(weights()) - {"bias"} == names


def test_cue_classes_are_reporting_verbs_of_two_kinds() -> None:
    classes = cue_classes()
    assert classes["say"] == "speech" and classes["tell"] == "speech"
    assert classes["believe"] == "thought" and classes["suggest"] == "thought"
    assert set(classes.values()) == {"speech", "thought"}


def test_a_sure_quotation_outranks_a_short_unattributed_phrase() -> None:
    sure = QuoteEvidence(kind="direct", cue="speech", speaker="name", split=True)
    doubtful = QuoteEvidence(kind="indirect", cue="thought", speaker="none", short=True)
    assert sure.features() == {"cue_speech": 1.0, "speaker_name": 1.0, "split": 1.0}
    assert confidence(sure) > DEFAULT_MIN_QUOTE_CONFIDENCE > confidence(doubtful)
    assert 0.0 <= confidence(doubtful) < confidence(sure) <= 1.0


def test_the_default_threshold_is_a_share() -> None:
    assert (
        check_threshold("min_quote_confidence", DEFAULT_MIN_QUOTE_CONFIDENCE) == DEFAULT_MIN_QUOTE_CONFIDENCE
    )
    assert 0.0 < DEFAULT_MIN_QUOTE_CONFIDENCE < 1.0


@pytest.mark.model
def test_every_quote_record_has_a_confidence(nlp: Any) -> None:
    text = (
        "Kenyan Foreign Minister Amina Wekesa met reporters on Monday.\n\n"
        "“We will not accept this,” Wekesa said. “The border stays closed.”\n\n"
        "Some analysts believe the talks will fail."
    )
    quotes = _quotes(nlp, text)
    assert quotes and all(isinstance(q["confidence"], float) and 0 <= q["confidence"] <= 1 for q in quotes)
    by_text = {q["text"]: q["confidence"] for q in quotes}
    said = next(c for t, c in by_text.items() if t.startswith("We will not accept this"))
    assert said >= DEFAULT_MIN_QUOTE_CONFIDENCE
    believed = by_text.get("the talks will fail")
    assert believed is not None and believed < said
