"""Criticism, praise, demands and refusals as news words them, beyond the plain verbs: phrasal
verbs ("sniped at", "laid into", "broke with"), a preposition's object as the one supported or
left ("campaigned for Clinton", "stood by him": lexicon condition ``pobj``), blame held ("held
Russia responsible"), a second object of a verb of calling parsed as an apposition ("called
China's plan a disaster"). Sentences invented for these tests (branch events15r)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes, events_of, shown_events


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("French President Emmanuel Macron sniped at the Chinese government over trade.", "ACCUSE"),
        ("French President Emmanuel Macron laid into the Chinese government over trade.", "ACCUSE"),
        ("French President Emmanuel Macron rounded on the Chinese government over trade.", "ACCUSE"),
        ("French President Emmanuel Macron pointed the finger at the Chinese government.", "ACCUSE"),
        ("French President Emmanuel Macron dismissed the Chinese government as irrelevant.", "ACCUSE"),
        ("French President Emmanuel Macron held Beijing responsible for the crisis.", "ACCUSE"),
        ("French President Emmanuel Macron paid tribute to the Chinese government.", "SUPPORT"),
        ("French President Emmanuel Macron broke with the Chinese government on trade.", "REJECT"),
        ("French President Emmanuel Macron shunned the Chinese government.", "REJECT"),
        ("French President Emmanuel Macron pushed the Chinese government to reopen talks.", "REQUEST"),
    ],
)
def test_news_wording_reports_the_event_with_its_recipient(nlp: Any, sentence: str, etype: str) -> None:
    shown = shown_events(nlp, sentence, etype)
    assert shown, f"no {etype} in {sentence!r}"
    assert codes(shown[0]["actor"]) == {"FRA"}
    assert codes(shown[0]["recipient"]) == {"CHN"}


@pytest.mark.model
def test_a_candidate_campaigned_for_or_stood_by_is_supported(nlp: Any) -> None:
    for verb in ("campaigned for", "stood by"):
        text = US + f"Senator Maria Lopez {verb} Hillary Clinton in Ohio on Tuesday."
        shown = shown_events(nlp, text, "SUPPORT")
        assert shown and shown[0]["text"] in ("campaigned", "stood")
        assert any(r.get("entity") for r in shown[0]["recipient"])  # Clinton, not a place


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Maria Lopez campaigned for the presidency in Iowa.",  # an office, no one supported
        "Senator Maria Lopez stood by her comments on Tuesday.",  # her own words
        "Senator Maria Lopez stood by the door of the chamber.",
    ],
)
def test_a_preposition_naming_no_actor_is_no_support(nlp: Any, sentence: str) -> None:
    assert not [e for e in events_of(nlp, US + sentence) if e["event_type"] == "SUPPORT"]


@pytest.mark.model
def test_holding_someone_responsible_is_blame_not_detention(nlp: Any) -> None:
    text = US + "Senator Maria Lopez held President Vladimir Putin responsible for the attack."
    events = events_of(nlp, text)
    assert not [e for e in events if e["event_type"] == "COERCE"]
    assert [e for e in events if e["event_type"] == "ACCUSE"]
    # a detention stays one
    held = events_of(nlp, "Turkish police held the journalist for questioning in Ankara.")
    assert [e for e in held if e["event_type"] == "COERCE"]


@pytest.mark.model
def test_a_second_object_parsed_as_an_apposition_is_the_judgement(nlp: Any) -> None:
    text = "French President Emmanuel Macron called China's trade plan a disaster."
    shown = shown_events(nlp, text, "ACCUSE")
    assert shown and codes(shown[0]["actor"]) == {"FRA"} and codes(shown[0]["recipient"]) == {"CHN"}


@pytest.mark.model
def test_laying_down_arms_is_still_disarming(nlp: Any) -> None:
    events = events_of(nlp, "The rebels laid down their arms in Mali on Sunday.")
    assert not [e for e in events if e["event_type"] == "ACCUSE"]


@pytest.mark.model
def test_a_need_read_as_a_noun_still_makes_a_demand(nlp: Any) -> None:
    # the small model tags "needs" a noun here ("Trump needs" a compound): the clause's demand stays
    text = US + "Senator Elizabeth Warren and President Donald Trump spoke on Monday. "
    text += "Warren said that Trump needs to apologize."
    shown = shown_events(nlp, text, "REQUEST")
    assert shown and shown[0]["text"] == "needs"
    assert any(r.get("entity") for r in shown[0]["recipient"])  # Trump, the one asked
    assert not shown_events(nlp, US + "Warren said the party needs money.", "REQUEST")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "etype"),
    [
        ("French President Emmanuel Macron pinned the blame on the Chinese government.", "ACCUSE"),
        ("French President Emmanuel Macron lent his support to the Chinese government.", "SUPPORT"),
        ("French President Emmanuel Macron sought an apology from the Chinese government.", "REQUEST"),
        ("French President Emmanuel Macron said he was proud of the Chinese government.", "SUPPORT"),
    ],
)
def test_blame_pinned_support_lent_an_apology_sought(nlp: Any, sentence: str, etype: str) -> None:
    shown = shown_events(nlp, sentence, etype)
    assert shown and codes(shown[0]["actor"]) == {"FRA"} and codes(shown[0]["recipient"]) == {"CHN"}
    # support lent is no material aid
    assert not [e for e in events_of(nlp, sentence) if e["event_type"] == "AID"]


@pytest.mark.model
def test_seeking_office_is_no_request(nlp: Any) -> None:
    assert not [
        e
        for e in events_of(nlp, US + "Senator Maria Lopez sought re-election in Ohio.")
        if e["event_type"] == "REQUEST"
    ]


@pytest.mark.model
def test_he_in_the_speakers_own_words_is_not_the_speaker(nlp: Any) -> None:
    text = (
        US + "President Donald Trump spoke in Ohio on Monday. "
        '"What Trump did was wrong," said Tom Rath, a veteran New Hampshire Republican leader. '
        '"There are pages in his book that are blank, and I think he needs to fill them in. '
        'He is not an intellectual politician."'
    )
    shown = shown_events(nlp, text, "REQUEST")
    assert shown and shown[0]["actor"][0]["text"] == "Tom Rath"
    assert shown[0]["recipient"] and shown[0]["recipient"][0]["entity"] != shown[0]["actor"][0]["entity"]
    # in reported speech "he" may be the speaker himself: asking oneself is no request
    said = US + "Senator Tom Rath of Ohio said on Monday that he needs to do more work."
    assert not shown_events(nlp, said, "REQUEST")


@pytest.mark.model
def test_an_imperative_of_a_quote_in_two_parts_is_found(nlp: Any) -> None:
    # the quote's span holds the attribution and the answer after it; the imperative hangs on the
    # verb of saying, which is inside that span
    text = (
        US + "Ammon Bundy and Pete Santilli spoke in Oregon. "
        '"Stop the shutdown now," Bundy says to Santilli on camera, who responds enthusiastically: "Okay!"'
    )
    asked = [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST" and e["text"] == "Stop"]
    assert asked and asked[0]["recipient"]


@pytest.mark.model
def test_having_an_admirer_or_a_critic_in_someone(nlp: Any) -> None:
    shown = shown_events(
        nlp, "Chinese President Xi Jinping has an admirer in French President Emmanuel Macron.", "SUPPORT"
    )
    assert shown and codes(shown[0]["actor"]) == {"FRA"} and codes(shown[0]["recipient"]) == {"CHN"}
    critic = shown_events(
        nlp, "Chinese President Xi Jinping has a fierce critic in French President Emmanuel Macron.", "ACCUSE"
    )
    assert critic and codes(critic[0]["actor"]) == {"FRA"} and codes(critic[0]["recipient"]) == {"CHN"}
    # fans in a place are no one's support
    assert not events_of(nlp, "Chinese President Xi Jinping has many fans in Iowa.")


@pytest.mark.model
def test_agreeing_that_someone_must_act_asks_it_of_them(nlp: Any) -> None:
    text = US + "President Donald Trump spoke in Ohio. Senator John Smith agreed that Trump must apologize."
    events = events_of(nlp, text)
    assert not [e for e in events if e["event_type"] == "AGREE" and e["confidence"] >= 0.5]
    asked = shown_events(nlp, text, "REQUEST")
    assert asked and asked[0]["recipient"] and asked[0]["recipient"][0]["text"] == "Trump"
    # the tagger's noun "needs", its infinitive parsed as an acl ("that Trump needs to deliver ...")
    text = (
        US + "President Donald Trump spoke in Ohio. Several prominent GOP elders agreed that "
        "Trump needs to deliver a speech along the lines of Mitt Romney's 2012 speech about his faith."
    )
    asked = shown_events(nlp, text, "REQUEST")
    assert asked and asked[0]["recipient"] and asked[0]["recipient"][0]["text"] == "Trump"


@pytest.mark.model
def test_a_demand_in_what_a_request_says_names_whom_it_is_made_of(nlp: Any) -> None:
    text = US + "Senator John Smith suggested that Governor Jane Doe should resign."
    asked = shown_events(nlp, text, "REQUEST")
    assert asked and any(r["text"].endswith("Doe") for r in asked[0]["recipient"])
