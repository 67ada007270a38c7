"""Events by category (session 10, recall): uses of a verb that always report their speech act
("fired back", "blasted the decision", "lambasted"), a name the small model makes the compound of
a finite verb ("that Trump needs to ..."), criticism and praise received ("drew criticism from"),
passive legal acts done by the courts ("was charged with bribery"). Sentences invented for these
tests."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes, events_of, shown_events


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        (
            "Democrats blasted the decision on Tuesday.",
            "ACCUSE",
        ),  # a row of "blast" that is criticism
        ("The governor defended the decision.", "SUPPORT"),
        (
            "The governor took aim at the budget.",
            "ACCUSE",
        ),  # a phrasal row: "took aim at"
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
    assert shown and codes(shown[0]["recipient"]) == {"CHN"}


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
    assert asked and codes(asked[0]["recipient"]) == {"USA"}
    assert asked[0]["recipient"][0]["text"] == "Trump"


@pytest.mark.model
def test_criticism_received_is_done_by_whom_it_comes_from(nlp: Any) -> None:
    shown = shown_events(nlp, US + "Senator John Smith faced a backlash from Republicans.", "ACCUSE")
    assert shown and shown[0]["actor"][0]["text"] == "Republicans"
    assert shown[0]["recipient"][0]["text"] == "Senator John Smith"
    # a definite thing criticised: its doers told of before
    text = (
        US
        + "The United States imposed tariffs on Chinese steel on Monday."
        + " The tariffs drew sharp criticism from Beijing."
    )
    shown = shown_events(nlp, text, "ACCUSE")
    assert shown and codes(shown[0]["actor"]) == {"CHN"} and codes(shown[0]["recipient"]) == {"USA"}
    # "..., drawing the ire of": the name the participle describes
    text = US + "Hillary Clinton, as first lady, targeted healthcare reform, drawing the ire of lawmakers."
    ire = [e for e in shown_events(nlp, text, "ACCUSE") if e["actor"][0]["text"] == "lawmakers"]
    assert ire and ire[0]["recipient"][0]["text"] == "Hillary Clinton"
    praise = events_of(nlp, US + "The deal won praise from Japan.")
    praised = [e for e in praise if e["event_type"] == "SUPPORT"]
    assert praised and codes(praised[0]["actor"]) == {"JPN"}


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "The convoy drew fire from insurgents.",  # gunfire
        "The post drew criticism across social media.",  # from nobody coded
        "The senator did not draw criticism from Democrats.",
    ],
)
def test_no_criticism_received(nlp: Any, sentence: str) -> None:
    assert not [e for e in events_of(nlp, US + sentence) if e["event_type"] == "ACCUSE"]


@pytest.mark.model
def test_a_passive_legal_act_is_done_by_the_courts(nlp: Any) -> None:
    shown = shown_events(nlp, US + "Former Senator John Smith was charged with bribery on Monday.", "ACCUSE")
    assert shown and [(a["code"], a["sector"]) for a in shown[0]["actor"]] == [("USA", "JUD")]
    assert shown[0]["recipient"][0]["text"] == "Former Senator John Smith"
    # the courts of the place where it was done
    shown = shown_events(nlp, US + "Two Russian hackers were indicted in Moscow on Monday.", "ACCUSE")
    assert shown and [(a["code"], a["sector"]) for a in shown[0]["actor"]] == [("RUS", "JUD")]
    # a duty given is no charge
    duty = events_of(nlp, US + "Senator Mary Jones was charged with overseeing the project.")
    assert not [e for e in duty if e["event_type"] == "ACCUSE"]
