"""Sides of events on real news, rules of branch ``ev23recip`` (session 20): whom a letter is sent
to, the subject of a "that" clause the parser misread, a surname alone after the full name, "they"
for the pair the sentence before named, a thing of a body of the state ("police orders"), the doer of a
thing judged where the article told of it before, and "the government" states act on
(sentences invented for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes, triggered


def _texts(refs: list[dict[str, Any]]) -> str:
    return " | ".join(r["text"] for r in refs)


def _one(nlp: Any, text: str, trigger: str) -> dict[str, Any]:
    found = triggered(nlp, text, trigger)
    assert found, (text, trigger)
    return found[0]


@pytest.mark.model
def test_a_letter_demanding_is_aimed_at_whom_it_is_sent_to(nlp: Any) -> None:
    for text, trigger in (
        (US + "Senator Chuck Grassley sent a letter to Comey on Monday seeking answers.", "seeking"),
        (US + "The senators sent Comey a letter demanding answers about the inquiry.", "demanding"),
        (US + "In a letter to Comey, Grassley demanded answers about the inquiry.", "demanded"),
    ):
        e = _one(nlp, text, trigger)
        assert "Comey" in _texts(e["recipient"]), text
        assert "Comey" not in _texts(e["actor"]), text


@pytest.mark.model
def test_a_long_name_after_to_is_no_doer_of_the_letter(nlp: Any) -> None:
    text = US + "Senator Chuck Grassley sent a letter to FBI Director James Comey demanding answers."
    e = _one(nlp, text, "demanding")
    assert "Grassley" in _texts(e["actor"])
    assert "Comey" in _texts(e["recipient"])


@pytest.mark.model
def test_a_statement_to_reporters_names_no_recipient(nlp: Any) -> None:
    text = US + "In a statement to reporters, Senator Chuck Grassley demanded answers about the inquiry."
    e = _one(nlp, text, "demanded")
    assert "reporters" not in _texts(e["recipient"])


@pytest.mark.model
def test_a_demand_that_names_its_doer_in_a_misread_clause(nlp: Any) -> None:
    police = US + (
        "The family, protesters and civic leaders have been demanding that police release department "
        "video of the shooting."
    )
    assert codes(_one(nlp, police, "demanding")["recipient"]) == {"USA"}
    campaign = US + "The city of Phoenix is demanding that Donald Trump's campaign stop using the image."
    assert "Trump" in _texts(_one(nlp, campaign, "demanding")["recipient"])


@pytest.mark.model
def test_a_surname_alone_after_the_full_name_is_that_person(nlp: Any) -> None:
    text = (
        "Louisiana Governor Bobby Jindal spoke in Baton Rouge on Monday. Senator Mary Landrieu was "
        "there too. Jindal criticized Landrieu in a speech on Monday."
    )
    e = _one(nlp, text, "criticized")
    assert e["actor"] and e["actor"][0]["entity"] is not None
    assert "Jindal" in _texts(e["actor"]) and "Landrieu" in _texts(e["recipient"])


@pytest.mark.model
def test_they_opening_a_sentence_is_the_pair_named_before(nlp: Any) -> None:
    text = (
        "Senators John McCain and Lindsey Graham began talks with China. They were backed by John "
        "Kerry and Barack Obama."
    )
    e = _one(nlp, text, "backed")
    assert codes(e["recipient"]) == {"USA"}


@pytest.mark.model
def test_a_thing_of_a_body_of_the_state_is_that_bodys(nlp: Any) -> None:
    for text, trigger in (
        (US + "Senator Elizabeth Warren condemned police shootings in a speech on Tuesday.", "condemned"),
        (US + "Jill Stein complied with police orders and left the area.", "complied"),
    ):
        e = _one(nlp, text, trigger)
        assert codes(e["recipient"]) == {"USA"}, text
        assert {r["sector"] for r in e["recipient"]} == {"COP"}, text


@pytest.mark.model
def test_a_thing_condemned_is_of_whoever_did_it_before(nlp: Any) -> None:
    text = (
        "North Korea conducted its fifth nuclear test on Friday. President Obama condemned Friday's "
        "test as provocative."
    )
    assert codes(_one(nlp, text, "condemned")["recipient"]) == {"PRK"}
    # a thing no one did before names no one
    other = "Seoul was quiet on Friday. President Obama condemned the test as provocative."
    assert not _one(nlp, other, "condemned")["recipient"]


@pytest.mark.model
def test_the_government_states_act_on_is_another_states(nlp: Any) -> None:
    text = (
        "Mass atrocities continue in the Darfur region of Sudan as China and Russia support the "
        "government. Russia vetoed the resolution."
    )
    assert codes(_one(nlp, text, "support")["recipient"]) == {"SDN"}
    # with no other country named, a state's own government is nobody's target
    alone = "Russia vetoed the resolution. Russia criticized the government on Monday."
    assert "RUS" not in codes(_one(nlp, alone, "criticized")["recipient"])
    # a person's government stays the article's country
    person = US + "Senator Bernie Sanders criticized the government on Monday."
    assert codes(_one(nlp, person, "criticized")["recipient"]) == {"USA"}
