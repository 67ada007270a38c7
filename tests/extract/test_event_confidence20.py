"""The confidence of evidence classes measured on fresh text (session 18, branch events20c): a
judgement said in another sentence of a quote than its attribution is weaker evidence."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.annotations import doc_facts
from newsgraph.extract.events.confidence import DEFAULT_MIN_CONFIDENCE, Evidence, weights
from newsgraph.extract.pipeline import prepare_doc


def _events(nlp: Any, text: str) -> list[dict[str, Any]]:
    return list(doc_facts(nlp(prepare_doc(nlp, text, published="2024-03-15")))["events"])


def test_a_judgement_of_another_sentence_of_the_quote_weighs_against() -> None:
    assert weights()["judged_elsewhere"] < 0
    sure = Evidence(True, True, True, True, "deontic", False, False, False, False, False, 0.9)
    elsewhere = Evidence(
        True, True, True, True, "deontic", False, False, False, False, False, 0.9, judged_elsewhere=True
    )
    assert elsewhere.features()["judged_elsewhere"] == 1.0 and sure.features()["judged_elsewhere"] == 0.0


@pytest.mark.model
def test_a_judgement_read_across_the_sentences_of_a_quote_is_below_the_default(nlp: Any) -> None:
    text = (
        '"Senator Blake is a disgrace to this state. We came here to work for the people of Ohio," '
        "Governor Smith said on Monday."
    )
    events = [e for e in _events(nlp, text) if e["event_type"] == "ACCUSE"]
    assert events and events[0]["text"] == "said"  # anchored at the attribution
    assert events[0]["confidence"] < DEFAULT_MIN_CONFIDENCE


@pytest.mark.model
def test_a_judgement_in_the_sentence_of_its_attribution_stays_shown(nlp: Any) -> None:
    text = (
        '"We came here to work for the people of Ohio. Senator Blake is a disgrace to this state," '
        "Governor Smith said on Monday."
    )
    events = [e for e in _events(nlp, text) if e["event_type"] == "ACCUSE"]
    assert events and events[0]["text"] == "disgrace"
    assert events[0]["confidence"] >= DEFAULT_MIN_CONFIDENCE
