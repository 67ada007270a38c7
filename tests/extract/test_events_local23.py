"""Events on ordinary local news (session 20, branch ev23local): what a wish would like to see is
not what happened, blame laid on a thing accuses no one, what a bill or a plan "calls for" is no
request, and one found lying in the road told no lie. Sentences invented for these tests; each
rule keeps the true sense of its words."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, events_of, is_fact, shown_events


@pytest.mark.model
def test_what_a_wish_would_like_to_see_done_is_not_a_fact(nlp: Any) -> None:
    # "hoping" is lemmatised "hop" by the small model; the wish still governs what it would see
    hoped = "Many people in Cairo are hoping to see Clinton give her backing to Egyptian peace efforts."
    assert not shown_events(nlp, hoped, "SUPPORT")
    assert [e for e in events_of(nlp, hoped) if e["event_type"] == "SUPPORT" and not is_fact(e)]
    # an act seen done, told as a participle with its own subject, under a wish
    wanted = "It seems that the United States wants to see Jordan and Egypt negotiating with Israel."
    assert not shown_events(nlp, wanted, "CONSULT")
    # the true sense: an act seen, with no wish, happened; a plain hope of one's own is a wish too
    seen = "Reporters saw police arresting protesters in Cairo on Monday."
    assert shown_events(nlp, seen, "COERCE")
    assert not shown_events(nlp, "President Obama is hoping to meet President Putin in Moscow.", "CONSULT")


@pytest.mark.model
def test_blame_laid_on_a_thing_accuses_no_one(nlp: Any) -> None:
    faults = (
        "The U.S. Army is tracking reports of two fires each day in Iraq, mostly blamed on electrical faults."
    )
    assert not shown_events(nlp, faults, "ACCUSE")
    weather = "The U.S. Army blamed the fires in Baghdad on faulty wiring."
    assert not shown_events(nlp, weather, "ACCUSE")
    # blame laid on an actor is an accusation
    actor = "The U.S. Army blamed the fires in Baghdad on the insurgents."
    assert shown_events(nlp, actor, "ACCUSE")


@pytest.mark.model
def test_what_a_bill_calls_for_is_no_request(nlp: Any) -> None:
    bill = (
        US + "While the House legislation calls for a 90 percent tax, Rep. Charles Rangel said he expected "
        "local and state governments to take the remaining 10 percent of the bonuses."
    )
    assert not [e for e in shown_events(nlp, bill, "REQUEST") if e["text"] == "calls"]
    # a statement that calls for something is its issuer's request
    statement = "The OSCE, the EU and the UN issued statements on Friday calling for an immediate halt"
    statement += " to the violence."
    assert shown_events(nlp, statement, "REQUEST")


@pytest.mark.model
def test_one_found_lying_in_the_road_told_no_lie(nlp: Any) -> None:
    road = "Illinois state police said paramedics found Corbin lying in the southbound lane of Route 1"
    road += " in Illinois."
    assert not shown_events(nlp, road, "ACCUSE")
    # a lie told: "was lying about", "lying in his testimony"
    about = "U.S. Senator John Smith of Ohio said Governor Bob Jones was lying about the contract."
    assert shown_events(nlp, about, "ACCUSE")
    testimony = "U.S. Senator John Smith of Ohio said Governor Bob Jones was lying in his testimony."
    assert shown_events(nlp, testimony, "ACCUSE")
