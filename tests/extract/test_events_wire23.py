"""Events of wire news as it was written in the 1990s (session 20, branch ev23wire): withdrawals
from territory, offered and conditional retreats, abilities, the danger of an army, questions
asked and schedules told in the present (sentences invented for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact, shown_events, triggered


@pytest.mark.model
def test_withdrawing_from_territory_is_a_retreat_not_a_sanction(nlp: Any) -> None:
    # manual, RETREAT withdraw: "retreat from territory or withdraw forces from an area"
    for text in (
        "Israel withdrew from the West Bank town of Jenin on Tuesday.",
        "Serbian forces withdrew from the province on Sunday.",
    ):
        (event,) = triggered(nlp, text, "withdrew")
        assert event["event_type"] == "RETREAT"
    # from a treaty or an organisation it stays a SANCTION (manual, SANCTION withdraw)
    (treaty,) = triggered(nlp, "Russia withdrew from the arms control treaty on Tuesday.", "withdrew")
    assert treaty["event_type"] == "SANCTION"


@pytest.mark.model
def test_a_promised_withdrawal_from_territory_is_a_concession_not_a_threat(nlp: Any) -> None:
    text = "Iraq's president sought peace with Iran by promising to withdraw from Iranian territory."
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "THREATEN"]
    assert [e for e in events_of(nlp, text) if e["event_type"] == "CONCEDE"]


@pytest.mark.model
def test_a_retreat_offered_for_the_others_act_is_no_threat(nlp: Any) -> None:
    offer = "Saddam Hussein said he will withdraw his troops from Kuwait only if Israel leaves the West Bank."
    assert not [e for e in events_of(nlp, offer) if e["event_type"] == "THREATEN"]
    (concede,) = [e for e in triggered(nlp, offer, "withdraw") if e["event_type"] == "CONCEDE"]
    assert is_fact(concede)
    # "unless": the retreat is what happens if the other does not act, an ultimatum
    ultimatum = "France said it will withdraw its troops from Chad unless the government holds elections."
    assert [e for e in triggered(nlp, ultimatum, "withdraw") if e["event_type"] == "THREATEN"]


@pytest.mark.model
def test_what_an_army_is_capable_of_is_no_deed(nlp: Any) -> None:
    text = "American commanders have said that they were capable of deploying 300,000 troops."
    assert [e for e in triggered(nlp, text, "deploying") if not is_fact(e)]
    assert not shown_events(nlp, text, "MOBILIZE")
    done = "American commanders said that they were deploying 300,000 troops to the Gulf."
    assert shown_events(nlp, done, "MOBILIZE")


@pytest.mark.model
def test_the_danger_of_an_army_is_no_accusation(nlp: Any) -> None:
    for text in (
        "'We will not allow Iraq's dangerous army to take control of the border,' "
        "Israel's defence minister said.",
        "'The war left Iraq's offensive military equipment destroyed,' the British defence minister said.",
    ):
        assert not [e for e in events_of(nlp, text) if e["event_type"] == "ACCUSE"]
    # a judgement of what an actor did is one
    judged = "'Russia's dangerous provocations must end,' Ukraine's foreign minister said."
    assert [e for e in events_of(nlp, judged) if e["event_type"] == "ACCUSE"]


@pytest.mark.model
def test_a_question_asked_is_no_request(nlp: Any) -> None:
    text = '"Why have a war?" asked Abdul Karim Hassan, a customs officer in Egypt.'
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST"]
    text = '"Will you leave Kuwait?" the Egyptian foreign minister asked Iraq.'
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST"]
    asked = "The Egyptian foreign minister asked Iraq to leave Kuwait."
    assert shown_events(nlp, asked, "REQUEST")


@pytest.mark.model
def test_the_simple_present_with_a_day_is_a_schedule(nlp: Any) -> None:
    text = "Netanyahu and Arafat meet separately Monday with US Secretary of State Madeleine Albright."
    (meet,) = triggered(nlp, text, "meet")
    assert meet["future"]
    past = "Netanyahu and Arafat met separately Monday with US Secretary of State Madeleine Albright."
    (met,) = triggered(nlp, past, "met")
    assert is_fact(met)
    # a headline tells the past in the present
    (headline,) = triggered(nlp, "Israel Meets Egypt Monday\n\nThe talks in Cairo went well.", "Meets")
    assert not headline["future"]


@pytest.mark.model
def test_signing_a_treaty_is_reported(nlp: Any) -> None:
    # manual, SUPPORT: "ratify, sign, or finalize an agreement or treaty"
    for text, trigger in (
        (
            "The presidents of Ukraine and Russia signed an economic cooperation agreement on Friday.",
            "signed",
        ),
        ("The Ukrainian parliament ratified the border treaty on Friday.", "ratified"),
    ):
        assert [e for e in triggered(nlp, text, trigger) if e["event_type"] == "SUPPORT"]
        assert shown_events(nlp, text, "SUPPORT")


@pytest.mark.model
def test_one_said_to_be_behind_an_attack_is_blamed(nlp: Any) -> None:
    text = "Northern Ireland police said they believe the IRA was behind two killings in Belfast."
    (blame,) = shown_events(nlp, text, "ACCUSE")
    assert blame["text"] == "behind"
    # the writer's own statement is nobody's accusation; "behind the wheel" is no deed
    assert not shown_events(nlp, "The IRA was behind two killings in Belfast last week.", "ACCUSE")
    assert not shown_events(nlp, "Police said a Russian diplomat was behind the wheel.", "ACCUSE")


@pytest.mark.model
def test_the_means_of_what_was_tried_were_used(nlp: Any) -> None:
    text = "Saddam Hussein tried to scare Arab leaders by calling on Iraqis to rise up against Kuwait."
    (call,) = [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST"]
    assert is_fact(call)
    wished = "Saddam Hussein wants to scare Arab leaders by calling on Iraqis to rise up against Kuwait."
    (wish,) = [e for e in events_of(nlp, wished) if e["event_type"] == "REQUEST"]
    assert not is_fact(wish)
