"""Recall of events held below the threshold (branch `events17r`; sentences invented for these
tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact, shown_events

#: An opening sentence that makes the article American (its main country).
US = "WASHINGTON — The U.S. Senate met on Monday in Washington. "


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Russian Foreign Ministry denied that its troops had crossed the border.",
        "The Kremlin denied the allegations on Tuesday.",
        "Senator Smith denied the report that he would resign.",
        "Governor Smith's office denied any wrongdoing.",
    ],
)
def test_denying_a_claim_is_a_rejection_shown_at_the_threshold(nlp: Any, text: str) -> None:
    # a denial of what is said or charged is a speech act whatever the verb's other senses: with a
    # political doer it is shown, as "rejected" and "refused" are
    assert shown_events(nlp, US + text, "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Smith denied him a vote on the bill.",
        "A federal judge denied the request for bail.",
    ],
)
def test_denying_someone_a_thing_keeps_the_weight_of_a_verb_of_several_senses(nlp: Any, text: str) -> None:
    # withholding a thing ("denied him a vote") is no denial of a claim: the verb alone does not
    # lift it over the threshold
    rejects = [e for e in events_of(nlp, US + text) if e["event_type"] == "REJECT" and is_fact(e)]
    assert all(e["confidence"] < 0.6 for e in rejects)
