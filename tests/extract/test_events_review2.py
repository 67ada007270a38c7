"""Events on ordinary news, rules of branch ``events13``: error classes found on a second review
sample of real pages nobody labelled (eval/data/events_review2), each fixed by one principle
(sentences invented for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact, shown_events


def _of(nlp: Any, text: str, trigger: str) -> list[dict[str, Any]]:
    return [e for e in events_of(nlp, text) if e["text"] == trigger]


@pytest.mark.model
def test_a_verb_of_criticism_moving_a_body_or_thing_is_no_accusation(nlp: Any) -> None:
    for text, trigger in (
        ("Republican supporters ripped them away and began shoving her.", "ripped"),
        ("Senator Jones slammed into him in the corridor, Governor Smith said.", "slammed"),
        (
            "Hours after the vote, supporters of the mayor ripped the banners away and shoved the crowd.",
            "ripped",
        ),
        (
            "The Republican candidate charged into the debate hall against his rival, Senator Smith.",
            "charged",
        ),
        ("Protesters tore down posters of President Assad outside the embassy.", "tore"),
        ("A police car slammed into the wall of the parliament building.", "slammed"),
    ):
        assert not [e for e in _of(nlp, text, trigger) if e["event_type"] == "ACCUSE"], text
    for text, trigger in (
        ("Senator Warren ripped the Trump administration for its handling of the crisis.", "ripped"),
        ("Senator Cruz blasted the administration over its Iran deal.", "blasted"),
    ):
        assert [e for e in _of(nlp, text, trigger) if e["event_type"] == "ACCUSE"], text


@pytest.mark.model
def test_a_gerund_joined_to_a_purpose_infinitive_is_no_purpose(nlp: Any) -> None:
    text = (
        "In Ohio last week, a stream of protesters interrupted a Trump event, sometimes dropping to "
        "the floor to make guards drag them out, or heckling back at the supporters with their own "
        "crude language."
    )
    found = [e for e in events_of(nlp, text) if e["event_type"] == "ACCUSE"]
    assert found and all(is_fact(e) for e in found)
    # the infinitive's own verbs stay a purpose, not a happening
    text = "Protesters gathered to make the police arrest them or to heckle the senators."
    found = [e for e in events_of(nlp, text) if e["event_type"] == "COERCE"]
    assert found and not any(is_fact(e) for e in found)


@pytest.mark.model
def test_praise_or_blame_of_nothing_named_is_not_shown(nlp: Any) -> None:
    for text in (
        "Senator Cruz seemed lost, applauding along with the audience.",
        "Senator Cruz applauded, and the Republican delegates cheered.",
    ):
        assert not shown_events(nlp, text, "SUPPORT"), text
    for text in (
        "Senator Cruz applauded the court's decision.",
        "Senator Cruz praised and thanked the troops.",
    ):
        assert shown_events(nlp, text, "SUPPORT"), text
    assert shown_events(nlp, "Senator Cruz lashed out at the president.", "ACCUSE")


@pytest.mark.model
def test_what_a_medium_was_used_to_do_was_done(nlp: Any) -> None:
    for text, trigger in (
        (
            "Sometimes confrontations between supporters and protestors grew violent, and the GOP "
            "candidate took to Twitter to call out protestors.",
            "call out",
        ),
        ("The GOP senator took to the Senate floor to denounce the deal.", "denounce"),
        ("The president used the speech to criticize Republicans.", "criticize"),
    ):
        found = _of(nlp, text, trigger)
        assert found and all(is_fact(e) for e in found), text
    # a journey's purpose is still only a purpose
    found = _of(nlp, "The senator went to Iowa to criticize the governor.", "criticize")
    assert found and not any(is_fact(e) for e in found)
