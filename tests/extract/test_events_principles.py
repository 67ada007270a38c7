"""Events on ordinary news, rules of branch ``events11p``: who did it and to whom by principle (the
one blamed for doing something did it, a group is named by its examples, a thing criticised is its
maker's), reporters' questions, and criticism worded as combat in an article that also tells of
force (sentences invented for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, shown_events


def _codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r.get("code")}


@pytest.mark.model
def test_a_reporters_question_is_no_request(nlp: Any) -> None:
    for text in (
        "When asked to describe the device, Police Commissioner James O'Neill declined.",
        "Asked about the talks, the German chancellor said Berlin would not comment.",
    ):
        assert not shown_events(nlp, text, "REQUEST"), text
    asked = "Senator Elizabeth Warren asked the Pentagon to describe the device."
    assert shown_events(nlp, asked, "REQUEST")
    by = "Senator Elizabeth Warren was asked by the Pentagon to describe the device."
    assert any("Pentagon" in a["text"] for e in shown_events(nlp, by, "REQUEST") for a in e["actor"])


@pytest.mark.model
def test_the_one_held_to_account_for_a_refusal_refused(nlp: Any) -> None:
    text = (
        "A House panel voted Thursday to hold Bryan Pagliano, a former aide to the senator, in "
        "contempt of Congress for refusing to testify."
    )
    refusals = [e for e in events_of(nlp, text) if e["event_type"] == "REJECT"]
    assert refusals
    assert all(any("Pagliano" in a["text"] for a in e["actor"]) for e in refusals)
    assert not any("panel" in a["text"] for e in refusals for a in e["actor"])


@pytest.mark.model
def test_a_group_named_by_its_examples(nlp: Any) -> None:
    for text in (
        "The British diplomat pushed back against candidates like Donald Trump who say we are in decline.",
        "The British diplomat criticized candidates such as Donald Trump.",
    ):
        found = shown_events(nlp, text, "ACCUSE")
        assert found and all(_codes(e["recipient"]) == {"USA"} for e in found), text


@pytest.mark.model
def test_a_thing_criticised_is_its_makers(nlp: Any) -> None:
    text = (
        "Voters went to the polls in the United States on Tuesday. Senator Elizabeth Warren railed "
        "against the trade deal the administration negotiated last year."
    )
    found = shown_events(nlp, text, "ACCUSE")
    assert found and all(_codes(e["recipient"]) == {"USA"} for e in found)
    assert all(r["sector"] == "GOV" for e in found for r in e["recipient"])
    nobody = "Senator Elizabeth Warren railed against the weather in Ohio last year."
    assert all(not e["recipient"] for e in events_of(nlp, nobody) if e["event_type"] == "ACCUSE")


@pytest.mark.model
def test_combat_words_between_politicians_in_an_article_that_tells_of_crime(nlp: Any) -> None:
    crime = "Police arrested two men after a robbery in Ohio."
    text = f"{crime} Senator Elizabeth Warren attacked Governor Ron DeSantis in a speech on Tuesday."
    assert shown_events(nlp, text, "ACCUSE")
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "ASSAULT"]
    town = f"{crime} Governor Ron DeSantis attacked Toledo on Tuesday."
    assert not [e for e in events_of(nlp, town) if e["event_type"] == "ACCUSE"]  # a town is attacked
