"""Events by category (session 10, recall): uses of a verb that always report their speech act
("fired back", "blasted the decision", "lambasted"), a name the small model makes the compound of
a finite verb ("that Trump needs to ..."). Sentences invented for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, shown_events

#: An opening sentence that makes the article American (its main country).
US = "WASHINGTON — The U.S. Senate met on Monday in Washington. "


def _codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r.get("code")}


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("Democrats blasted the decision on Tuesday.", "ACCUSE"),  # a row of "blast" that is criticism
        ("The governor defended the decision.", "SUPPORT"),
        ("The governor took aim at the budget.", "ACCUSE"),  # a phrasal row: "took aim at"
        ("Lawmakers called for an investigation.", "REQUEST"),
    ],
)
def test_a_use_that_always_reports_its_speech_act_is_shown(nlp: Any, sentence: str, etype: str) -> None:
    # a political doer with nobody named on the other side: shown only because the use is plain
    assert shown_events(nlp, US + sentence, etype)


@pytest.mark.model
def test_a_plain_verb_in_any_of_its_base_forms(nlp: Any) -> None:
    # "lambasted" is lemmatised "lambast": the word class lists "lambaste"
    shown = shown_events(nlp, US + "A union leader lambasted the Chinese government on Tuesday.", "ACCUSE")
    assert shown and _codes(shown[0]["recipient"]) == {"CHN"}


@pytest.mark.model
def test_blasting_in_other_senses_is_no_criticism(nlp: Any) -> None:
    assert not shown_events(nlp, US + "The speakers blasted music all night.", "ACCUSE")


@pytest.mark.model
def test_a_name_parsed_as_the_compound_of_a_finite_verb_is_its_subject(nlp: Any) -> None:
    # the small model parses "that Trump needs" as a compound noun "Trump needs"
    text = US + (
        "House Speaker Paul Ryan spoke to CNN. He said on Thursday that Trump needs to do more work"
        " to show that he is a true conservative."
    )
    asked = [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST"]
    assert asked and _codes(asked[0]["recipient"]) == {"USA"}
    assert asked[0]["recipient"][0]["text"] == "Trump"
