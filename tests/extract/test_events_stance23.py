"""Backing, refusal and demand as news words them, rows of branch ``ev23stance`` (session 20),
written from the PLOVER manual's SUPPORT ("express support for, approve policy"), REJECT ("all
rejections and refusals") and REQUEST ("all requests, demands, and orders") and checked against the
CAMEO families of endorsing, voting down, seeking and demanding. Sentences invented for these
tests."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes, is_fact
from eventtexts import triggered as _of


def _one(nlp: Any, text: str, trigger: str, etype: str) -> dict[str, Any]:
    found = [e for e in _of(nlp, text, trigger) if e["event_type"] == etype]
    assert found, (text, _of(nlp, text, trigger))
    return found[0]


@pytest.mark.model
def test_a_lawmakers_vote_for_a_bill_approves_it(nlp: Any) -> None:
    e = _one(nlp, US + "Senator Ann Lee voted for the farm bill on Tuesday.", "voted", "SUPPORT")
    assert is_fact(e) and codes(e["actor"]) == {"USA"}
    e = _one(nlp, US + "France voted in favour of the resolution on Syria.", "voted", "SUPPORT")
    assert codes(e["actor"]) == {"FRA"}
    # a vote against it, or none, is its rejection
    e = _one(nlp, US + "Senator Ann Lee did not vote for the farm bill.", "vote", "REJECT")
    assert codes(e["actor"]) == {"USA"}


@pytest.mark.model
def test_a_vote_in_an_election_or_for_a_first_time_is_no_event(nlp: Any) -> None:
    assert not _of(nlp, US + "Many voters in Ohio voted for Mark Stone in 2012.", "voted")
    assert not _of(nlp, US + "She voted for the first time in 2008.", "voted")


@pytest.mark.model
def test_a_cosponsored_bill_is_backed(nlp: Any) -> None:
    e = _one(nlp, US + "Senator Ann Lee cosponsored the farm bill.", "cosponsored", "SUPPORT")
    assert codes(e["actor"]) == {"USA"}


@pytest.mark.model
def test_uniting_or_standing_up_for_someone_backs_them(nlp: Any) -> None:
    text = US + "Republican senators united behind Governor Tom Miller after the convention."
    e = _one(nlp, text, "united", "SUPPORT")
    assert codes(e["recipient"]) == {"USA"} and e["confidence"] >= 0.5
    e = _one(nlp, US + "Senate Democrats coalesced around Senator Ann Lee.", "coalesced", "SUPPORT")
    assert codes(e["recipient"]) == {"USA"}
    e = _one(nlp, US + "Senator Ann Lee stood up for Governor Tom Miller.", "stood up", "SUPPORT")
    assert codes(e["recipient"]) == {"USA"}
    e = _one(nlp, US + "Senator Ann Lee has advocated for Governor Tom Miller.", "advocated", "SUPPORT")
    assert codes(e["recipient"]) == {"USA"}
    # standing up from a chair, advocating for rights: nobody backed
    assert not [
        e
        for e in _of(nlp, US + "Senator Ann Lee stood up and left.", "stood")
        if e["event_type"] == "SUPPORT"
    ]


@pytest.mark.model
def test_standing_up_to_or_turning_ones_back_on_someone_refuses_them(nlp: Any) -> None:
    e = _one(nlp, US + "The Philippine president stood up to China.", "stood up", "REJECT")
    assert codes(e["actor"]) == {"PHL"} and codes(e["recipient"]) == {"CHN"}
    text = US + "Senate Republicans turned their backs on Governor Tom Miller."
    e = _one(nlp, text, "turned", "REJECT")
    assert codes(e["recipient"]) == {"USA"}
    # turning one's back on a crowd is no refusal of anyone
    assert not _of(nlp, US + "The singer turned his back on the crowd and left the stage.", "turned")


@pytest.mark.model
def test_a_defender_of_someone_backs_them(nlp: Any) -> None:
    text = US + "Senator Ann Lee is a longtime defender of Israel."
    e = _one(nlp, text, "defender", "SUPPORT")
    assert codes(e["actor"]) == {"USA"} and codes(e["recipient"]) == {"ISR"}
    assert not _of(nlp, US + "The team signed a defender from Chelsea.", "defender")


@pytest.mark.model
def test_seeking_someones_backing_or_documents_asks_for_them(nlp: Any) -> None:
    text = US + "Senator Ann Lee sought the endorsement of the AFL-CIO."
    e = _one(nlp, text, "sought", "REQUEST")
    assert codes(e["actor"]) == {"USA"}
    e = _one(nlp, US + "Governor Tom Miller sought the backing of Senate Republicans.", "sought", "REQUEST")
    assert codes(e["actor"]) == {"USA"}
    text = US + "The House committee sought documents from the State Department."
    e = _one(nlp, text, "sought", "REQUEST")
    assert codes(e["recipient"]) == {"USA"}


@pytest.mark.model
def test_a_challenge_to_a_debate_asks_for_a_meeting(nlp: Any) -> None:
    text = US + "Senator Ann Lee challenged Governor Tom Miller to a debate."
    e = _one(nlp, text, "challenged", "REQUEST")
    assert e["mode"] == "meet" and codes(e["recipient"]) == {"USA"}


@pytest.mark.model
def test_wanting_a_measure_of_others_demands_it(nlp: Any) -> None:
    text = US + "Senator Ann Lee wants tougher sanctions on Russia."
    e = _one(nlp, text, "wants", "REQUEST")
    assert codes(e["actor"]) == {"USA"} and codes(e["recipient"]) == {"RUS"}
    # wanting a thing of no demand asks nothing
    assert not [
        e for e in _of(nlp, US + "Senator Ann Lee wants a new car.", "wants") if e["event_type"] == "REQUEST"
    ]


@pytest.mark.model
def test_a_promise_to_refuse_is_the_refusal(nlp: Any) -> None:
    # "vowed never to support X" had been an AGREE with X: the promise's content is a refusal
    e = _one(nlp, US + "Senator Ann Lee vowed never to support Governor Tom Miller.", "vowed", "REJECT")
    assert is_fact(e) and codes(e["recipient"]) == {"USA"}
    assert not [
        e
        for e in _of(nlp, US + "Senator Ann Lee vowed never to support Governor Tom Miller.", "vowed")
        if e["event_type"] == "AGREE"
    ]
    # a promise to back someone stays the promise
    e = _one(nlp, US + "Senator Ann Lee pledged to support Governor Tom Miller.", "pledged", "AGREE")
    assert codes(e["recipient"]) == {"USA"}


@pytest.mark.model
def test_gratitude_to_someone_praises_them(nlp: Any) -> None:
    text = US + "Senator Ann Lee is thankful to the Chinese government for its help."
    e = _one(nlp, text, "thankful", "SUPPORT")
    assert "CHN" in codes(e["recipient"])
    text = US + '"I am grateful to President Obama for his leadership," Senator Ann Lee said.'
    e = _one(nlp, text, "grateful", "SUPPORT")
    assert codes(e["actor"]) == {"USA"}


@pytest.mark.model
def test_it_is_time_for_someone_to_act_asks_it_of_them(nlp: Any) -> None:
    text = US + '"It\'s time for Governor Tom Miller to release his tax returns," Senator Ann Lee said.'
    e = _one(nlp, text, "time", "REQUEST")
    assert is_fact(e) and e["confidence"] >= 0.5 and codes(e["recipient"]) == {"USA"}
    e = _one(nlp, US + "Senator Ann Lee said it was time for Congress to act.", "time", "REQUEST")
    assert e["confidence"] >= 0.5
    # nobody asked: time to go, a time for reflection, the time as the subject
    for text in (
        "It is time to go home, Senator Ann Lee said.",
        "It was a time for reflection, Senator Ann Lee said.",
        "It is a time for Governor Tom Miller to say more, Senator Ann Lee said.",
        "The time for Congress to act was 2015, Senator Ann Lee said.",
    ):
        assert not _of(nlp, US + text, "time"), text
