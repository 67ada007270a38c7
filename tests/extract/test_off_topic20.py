"""An article below the public-affairs cut shows no fact event at the default threshold unless it
is only just below it (session 20, lead; issue 14: "sport, entertainment, product and lifestyle
articles produce no facts-level events by default"). The off-topic weight was -4 per unit of
(0.5 - relevance) * 2, so a community piece scored 0.47 kept praise at 0.71; it is now -20."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.annotations import doc_facts
from newsgraph.extract.events.confidence import DEFAULT_MIN_CONFIDENCE, weights
from newsgraph.extract.pipeline import prepare_doc
from newsgraph.extract.relevance import PUBLIC_AFFAIRS

PRAISE = "Governor Sarah Pearson praised the Rotary Club volunteers and commended them for their work."
# a club's banquet with one line of politics: just below the cut (about 0.44), where the old weight
# left the governor's praise at about 0.6
COMMUNITY = (
    "The Rotary Club held its annual banquet on Saturday. The state senate passed the budget. " + PRAISE
)
PUBLIC = (
    "The state senate passed the budget on Monday after the governor warned that police would be "
    "cut. Opposition members called the vote a broken promise. " + PRAISE
)


def _facts(nlp: Any, text: str) -> tuple[float, list[dict[str, Any]]]:
    doc = nlp(prepare_doc(nlp, text, published="2009-03-15"))
    events = [e for e in doc_facts(doc)["events"] if e["event_type"] == "SUPPORT" and "praised" in e["text"]]
    return float(doc._.newsgraph_relevance), events


def test_the_off_topic_weight_outweighs_a_strong_event_a_tenth_below_the_cut() -> None:
    # 0.1 below the cut: -20 * 0.2 = -4 log-odds, more than any one event's evidence above 0.5 holds
    assert weights()["off_topic"] * (2 * 0.1) <= -4.0


@pytest.mark.model
def test_praise_in_a_community_piece_is_not_a_fact_at_the_default_threshold(nlp: Any) -> None:
    relevance, events = _facts(nlp, COMMUNITY)
    assert 0.35 < relevance < PUBLIC_AFFAIRS
    assert events and all(e["confidence"] < DEFAULT_MIN_CONFIDENCE for e in events)


@pytest.mark.model
def test_the_same_praise_in_public_affairs_news_is_unchanged(nlp: Any) -> None:
    relevance, events = _facts(nlp, PUBLIC)
    assert relevance >= PUBLIC_AFFAIRS
    assert events and events[0]["confidence"] >= DEFAULT_MIN_CONFIDENCE
