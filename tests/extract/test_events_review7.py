"""Events on ordinary news, rules of branch ``events17p``: kinds of false cooperative events
(CONSULT, AID, AGREE, SUPPORT, CONCEDE) found on a seventh review sample of real pages nobody
labelled (eval/data/events_review7), each fixed by one principle (sentences invented for these
tests, in the wording such pages use)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import is_fact
from eventtexts import shown as _shown
from eventtexts import shown_type as _type
from eventtexts import triggered as _of


@pytest.mark.model
def test_an_interview_with_a_news_outlet_is_no_consultation(nlp: Any) -> None:
    text = (
        "Texas Sen. Ted Cruz campaigned in Iowa on Monday. Cruz, speaking with The Des Moines "
        "Register editorial board, called the test a reason to reinvest in the space program."
    )
    assert _of(nlp, text, "speaking") and not _shown(_of(nlp, text, "speaking"))
    # a journalist named as a person, or two political sides, still meet
    assert _type(nlp, "Fox News confirmed that Kelly met with Trump.", "met") == "CONSULT"
    assert _type(nlp, "Defense Secretary Ash Carter spoke with Chinese officials.", "spoke") == "CONSULT"


@pytest.mark.model
def test_what_is_done_to_a_document_is_not_what_it_says(nlp: Any) -> None:
    text = (
        "The super PAC made an ad buy to respond to an ad that attacks Clinton as a tool of Wall "
        "Street and is funded by Republican strategist Karl Rove’s PAC, American Crossroads."
    )
    # told in passing about the ad (a clause of its relative clause): background, far below 0.5
    found = _of(nlp, text, "funded")
    assert found and all(e["confidence"] < 0.2 for e in found)


@pytest.mark.model
def test_conceding_that_a_thing_could_happen_concedes_nothing(nlp: Any) -> None:
    text = (
        "Republican strategists concede that a Trump loss could pull incumbents such as Ayotte down with him."
    )
    assert _of(nlp, text, "concede") and not _shown(_of(nlp, text, "concede"))
    # agreeing that they themselves will cooperate is a promise
    assert _type(nlp, "The Senate agreed that they would support Jones.", "agreed") == "AGREE"


@pytest.mark.model
def test_accepting_an_award_is_no_agreement(nlp: Any) -> None:
    text = (
        "Senator Kelly Ayotte did not attend the rally. Instead, she was across town visiting a "
        "halfway house and accepting awards from a small-business organization and AARP."
    )
    assert not [e for e in _of(nlp, text, "accepting") if e["event_type"] == "AGREE"]
    assert _type(nlp, "Iran accepted the proposal from France.", "accepted") == "AGREE"


@pytest.mark.model
def test_defending_ones_own_record_supports_no_one(nlp: Any) -> None:
    for text, trigger in (
        ("Hillary Clinton defended her record as secretary of state.", "defended"),
        ("Trump had to defend several of his business deals.", "defend"),
        ("Obama is defending his executive actions on guns.", "defending"),
    ):
        assert _of(nlp, text, trigger) and not _shown(_of(nlp, text, trigger)), text
    # another's policy, or a person, is supported
    assert _type(
        nlp, "South Dakota Gov. Kristi Noem is defending the state's launch of a campaign.", "defending"
    )
    assert _type(nlp, "Biden defended Bernie Sanders as a mainstream candidate.", "defended") == "SUPPORT"


@pytest.mark.model
def test_doers_of_one_country_vowing_together_are_no_partners(nlp: Any) -> None:
    text = (
        "Texas Sen. Ted Cruz said both he and Florida Sen. Marco Rubio promised as Senate candidates "
        "to lead the fight against amnesty."
    )
    assert _of(nlp, text, "promised") and not _shown(_of(nlp, text, "promised"))
    # doers of two countries, or an agreement between two sides of one, are
    assert _type(nlp, "Iran and Iraq vowed to boost trade.", "vowed") == "AGREE"
    assert _type(nlp, "Republicans and Democrats agreed to extend the deadline.", "agreed") == "AGREE"


@pytest.mark.model
def test_an_inverted_condition_is_supposed(nlp: Any) -> None:
    for text, trigger in (
        (
            "Donald Trump said Friday that it would have been cool had Hillary Clinton "
            "congratulated him for doing something.",
            "congratulated",
        ),
        ("Had Russia invaded Ukraine, NATO would have responded.", "invaded"),
    ):
        found = _of(nlp, text, trigger)
        assert found and all(e["hypothetical"] for e in found), text
    # "had" as the perfect of what was done is a fact
    found = _of(nlp, "Obama said he had met Putin.", "met")
    assert found and is_fact(found[0])


@pytest.mark.model
def test_signing_someone_to_a_contract_is_hiring(nlp: Any) -> None:
    text = (
        "NFL legend Herschel Walker is backing Donald Trump. Their relationship began in 1984, when "
        "Trump signed Walker to a rich contract when he was owner of the New Jersey Generals."
    )
    assert not _of(nlp, text, "signed")
    # signing on to an agreement is approving it
    assert [e["event_type"] for e in _of(nlp, "Iran signed on to the nuclear deal.", "signed on")] == [
        "SUPPORT"
    ]


@pytest.mark.model
def test_a_counterpart_met_is_a_party(nlp: Any) -> None:
    found = _shown(_of(nlp, "Egypt's foreign minister met his Israeli counterpart in Cairo.", "met"))
    assert found and {a["code"] for a in found[0]["actor"]} == {"EGY", "ISR"}
    # what is talked about is still no party
    found = _of(nlp, "Obama discussed Chinese trade policy.", "discussed")
    assert found and {a["code"] for a in found[0]["actor"]} == {"USA"}
