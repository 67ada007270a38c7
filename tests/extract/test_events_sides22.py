"""Two sides of an event and the speaker of a demand, rules of branch ``ev22sides`` (session 19):
two doers of one country on a visit together join no two parties, and a demand said
by a "they" that names nobody is no coded actor's request. Sentences invented for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes
from eventtexts import shown as _shown
from eventtexts import triggered as _of


@pytest.mark.model
def test_two_doers_of_one_country_arriving_together_are_not_two_sides(nlp: Any) -> None:
    text = US + "Governor Tom Miller and Senator Ann Lee arrived in Denver on Friday."
    found = _of(nlp, text, "arrived")
    assert found and codes(found[0]["actor"]) == {"USA"}
    assert not _shown(found)  # a visit with no one visited, by two of one side, is no fact
    # two of different countries arriving together are still two sides of the trip
    found = _of(nlp, US + "Obama and Putin arrived in Geneva on Friday.", "arrived")
    assert found and codes(found[0]["actor"]) == {"USA", "RUS"}
    assert _shown(found)


@pytest.mark.model
def test_two_countries_leaders_meeting_or_two_of_one_side_meeting_stay_joined(nlp: Any) -> None:
    found = _shown(_of(nlp, US + "Obama and Putin met in Geneva on Monday.", "met"))
    assert found and found[0]["event_type"] == "CONSULT"
    assert codes(found[0]["actor"]) == {"USA", "RUS"}
    # a meeting is reciprocal: two doers of one country meeting is still two parties met
    found = _shown(_of(nlp, US + "Governor Tom Miller and Senator Ann Lee met in Denver on Friday.", "met"))
    assert found and found[0]["event_type"] == "CONSULT"


@pytest.mark.model
def test_a_demand_said_by_a_they_that_names_nobody_is_no_request(nlp: Any) -> None:
    text = US + "Voters in Iowa are angry. They say Senator Ann Lee should resign from the Senate."
    assert not _shown([e for e in _of(nlp, text, "should") if e["event_type"] == "REQUEST"])
    text = US + 'Farmers in Ohio are angry. They say "Governor Tom Miller must resign."'
    assert not _shown([e for e in _of(nlp, text, "must") if e["event_type"] == "REQUEST"])


@pytest.mark.model
def test_a_named_speakers_demand_stays_a_request(nlp: Any) -> None:
    text = US + "Senator Ann Lee said Governor Tom Miller must resign."
    found = _shown(_of(nlp, text, "must"))
    assert found and found[0]["event_type"] == "REQUEST"
    assert [a["text"] for a in found[0]["actor"]] == ["Senator Ann Lee"]
    # a "she" resolved to the person named before, and a "they" whose group its sentence names
    text = US + "Senator Ann Lee spoke on Monday. She said Governor Tom Miller must resign."
    found = _shown(_of(nlp, text, "must"))
    assert found and found[0]["event_type"] == "REQUEST" and codes(found[0]["actor"]) == {"USA"}
    text = US + "Democrats and Republicans met on Monday, and they said Governor Tom Miller should resign."
    found = _shown(_of(nlp, text, "should"))
    assert found and found[0]["event_type"] == "REQUEST" and codes(found[0]["actor"]) == {"USA"}
