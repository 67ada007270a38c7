"""Verbs of several senses coded only in their event sense (branch ``ev21sense``): the lexicon
rows of ``plover_verbs.tsv`` that tell the event sense apart by its object, its preposition's
object or its infinitive, written from the PLOVER manual's definitions (sentences invented for
these tests). Each rule keeps the event sense, tested beside it."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes, events_of
from eventtexts import shown as _shown
from eventtexts import shown_type as _type
from eventtexts import triggered as _of


def _types(nlp: Any, text: str, trigger: str) -> set[str]:
    return {str(e["event_type"]) for e in _shown(_of(nlp, text, trigger))}


@pytest.mark.model
def test_a_trip_to_a_state_of_ones_own_country_is_no_visit(nlp: Any) -> None:
    # CONSULT: "visiting and hosting visits" of another party; a tour of one's own states is
    # campaigning
    for text in (
        US + "Senator Warren visited the state on Friday.",
        US + "Senator Warren visited 20 states last month.",
    ):
        assert not _shown(_of(nlp, text, "visited")), text
    found = _shown(_of(nlp, US + "The Israeli prime minister visited the United States in March.", "visited"))
    assert found and found[0]["event_type"] == "CONSULT" and codes(found[0]["recipient"]) == {"USA"}


@pytest.mark.model
def test_a_studio_or_a_company_visited_hosts_no_meeting(nlp: Any) -> None:
    assert not _shown(_of(nlp, US + "Senator Sanders visited Goldman Sachs on Monday.", "visited"))
    assert _type(nlp, US + "Senator Sanders visited Cuba on Monday.", "visited") == "CONSULT"


@pytest.mark.model
def test_proposing_a_policy_offers_nobody_anything(nlp: Any) -> None:
    # AGREE: "offer ... to cooperate"; a policy proposed is neither an offer nor done
    text = US + "Senator Cruz proposed barring all Syrian refugees from entering the United States."
    assert not [e for e in _shown(events_of(nlp, text)) if e["event_type"] in ("AGREE", "REJECT")]
    text = US + "Senator Cruz proposes doing away with the mandate that requires Americans to buy insurance."
    assert not _shown(_of(nlp, text, "proposes"))
    # an offer to a partner stays one
    assert _type(nlp, "Iran proposed holding talks with Iraq.", "proposed") == "AGREE"
    assert _type(nlp, "Iran proposed a ceasefire to Iraq.", "proposed") == "AGREE"


@pytest.mark.model
def test_an_invitation_to_do_something_else_than_cooperate_is_a_request(nlp: Any) -> None:
    found = _shown(_of(nlp, US + "Senator Cruz invited Russia to dig up the emails.", "invited"))
    assert found and found[0]["event_type"] == "REQUEST" and codes(found[0]["recipient"]) == {"RUS"}
    assert (
        _type(nlp, US + "Senator Cruz invited the Mexican president to visit Washington.", "invited")
        == "AGREE"
    )
    # nobody in politics invited to no act of cooperation: still nothing
    text = US + "Senator Cruz invited a famous singer to sit in the front row."
    assert not _shown(_of(nlp, text, "invited"))


@pytest.mark.model
def test_a_march_in_a_parade_is_no_protest(nlp: Any) -> None:
    text = US + "Senator Hillary Clinton marched in the New York parade, CNN reported."
    assert not _shown(_of(nlp, text, "marched"))
    found = _of(nlp, "Thousands of protesters marched in the capital on Sunday.", "marched")
    assert found and found[0]["event_type"] == "PROTEST"


@pytest.mark.model
def test_a_fans_wish_backs_no_political_actor(nlp: Any) -> None:
    for text in (
        US + "Senator Rubio said he was rooting for Peyton Manning.",
        US + "Senator Rubio rooted for the Philadelphia Eagles.",
    ):
        assert not _shown(_of(nlp, text, "rooting" if "rooting" in text else "rooted")), text
    assert _type(nlp, US + "Senator Cruz was rooting for the Democrats.", "rooting") == "SUPPORT"


@pytest.mark.model
def test_thanking_a_town_or_a_crowd_backs_no_political_actor(nlp: Any) -> None:
    for text in (US + "Senator Rubio thanked Miami on Tuesday.", US + "Senator Rubio thanked the crowd."):
        assert not _shown(_of(nlp, text, "thanked")), text
    found = _shown(_of(nlp, US + "Senator Cruz thanked France for its help.", "thanked"))
    assert found and found[0]["event_type"] == "SUPPORT" and codes(found[0]["recipient"]) == {"FRA"}
    assert _type(nlp, US + "Senator Cruz thanked President Obama for his support.", "thanked") == "SUPPORT"


@pytest.mark.model
def test_leaving_a_company_is_no_resignation_from_office(nlp: Any) -> None:
    # RETREAT "also covers resignations of government officials"
    assert not _shown(_of(nlp, US + "The aide resigned from Breitbart in March.", "resigned"))
    assert _type(nlp, US + "Senator Warren resigned from the Senate in March.", "resigned") == "RETREAT"


@pytest.mark.model
def test_troops_ordered_to_a_country_are_sent_there(nlp: Any) -> None:
    for text in (
        US + "President Obama ordered 300 troops to Cameroon.",
        US + "President Obama ordered nearly 300 of them to Cameroon to assist African troops.",
    ):
        assert _type(nlp, text, "ordered") == "MOBILIZE", text
    assert _type(nlp, US + "President Obama ordered the agency to release the files.", "ordered") == "REQUEST"


@pytest.mark.model
def test_an_interview_agreed_to_is_no_agreement(nlp: Any) -> None:
    text = (
        US
        + "Attorney General Lynch agreed to a 30-minute interview for The Washington Post's project on women."
    )
    assert not _shown(_of(nlp, text, "agreed"))
    assert _type(nlp, "Iran agreed to talks with Iraq.", "agreed") == "AGREE"


@pytest.mark.model
def test_words_offered_offer_nothing(nlp: Any) -> None:
    assert not _shown(_of(nlp, US + "Governor Bush offered a Trump-style retort on Monday.", "offered"))
    text = US + "Senator Cruz offered strident defenses of Senator Rubio."
    assert "AGREE" not in _types(nlp, text, "offered")
    assert (
        _type(nlp, US + "Senator Cruz offered his congratulations to Senator Rubio.", "offered") == "SUPPORT"
    )


@pytest.mark.model
def test_an_endorsement_received_is_the_endorsers_act(nlp: Any) -> None:
    text = US + "Senator Cruz received the endorsement of Governor Mike Pence on Friday."
    assert not [e for e in _of(nlp, text, "received") if e["event_type"] == "CONSULT"]
    found = _shown(_of(nlp, text, "endorsement"))
    assert found and found[0]["event_type"] == "SUPPORT"
    assert [a["text"] for a in found[0]["actor"]] == ["Governor Mike Pence"]
    found = _shown(
        _of(nlp, "The Chinese president received the Japanese prime minister in Beijing.", "received")
    )
    assert found and found[0]["event_type"] == "CONSULT"


@pytest.mark.model
def test_defending_seats_in_an_election_backs_no_one(nlp: Any) -> None:
    assert not _shown(_of(nlp, US + "Democrats are defending a number of red states in 2018.", "defending"))
    assert _type(nlp, US + "Senator Reid defended Senator Cruz in an interview.", "defended") == "SUPPORT"
