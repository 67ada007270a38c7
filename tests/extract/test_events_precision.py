"""Events on ordinary news, precision rules of branch ``events10p``: what is said in passing, polled,
guessed, thought of, stopped or only admitted is not reported as something that happened, and a
domestic trip meets nobody (sentences invented for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact, shown_events


@pytest.mark.model
def test_what_someone_said_in_a_relative_clause_is_background(nlp: Any) -> None:
    passing = "The German chancellor criticized a French official who said Britain must support the treaty."
    assert [e for e in events_of(nlp, passing) if e["event_type"] == "REQUEST"]
    assert not shown_events(nlp, passing, "REQUEST")
    said = "A French official said Britain must support the treaty."
    assert shown_events(nlp, said, "REQUEST")


@pytest.mark.model
def test_what_a_share_of_a_population_says_is_a_poll(nlp: Any) -> None:
    polled = "Some 47 percent of Germans said Berlin should back the treaty."
    found = [e for e in events_of(nlp, polled) if e["event_type"] == "REQUEST"]
    assert found and all(e["confidence"] < 0.1 for e in found)


@pytest.mark.model
def test_a_modal_with_a_progressive_or_perfect_is_a_guess_not_a_demand(nlp: Any) -> None:
    for text in (
        "A French official said Britain must be celebrating the vote.",
        "A French official said Britain must have known about the payments.",
    ):
        assert not [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST" and is_fact(e)]


@pytest.mark.model
def test_no_longer_negates(nlp: Any) -> None:
    text = "Germany is no longer supporting France."
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "SUPPORT" and is_fact(e)]


@pytest.mark.model
def test_the_prospect_of_an_act_is_no_act(nlp: Any) -> None:
    text = "Germany rejected the prospect of meeting Iran."
    assert shown_events(nlp, text, "REJECT")
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "CONSULT" and is_fact(e)]


@pytest.mark.model
def test_a_trip_inside_ones_own_country_meets_nobody(nlp: Any) -> None:
    text = "The German chancellor visited Bavaria and Saxony on Tuesday."
    visits = [e for e in events_of(nlp, text) if e["event_type"] == "CONSULT"]
    assert visits and all(not e["recipient"] for e in visits)
    assert not shown_events(nlp, text, "CONSULT")
    abroad = "The German chancellor visited Japan on Tuesday."
    assert any(r["code"] == "JPN" for e in shown_events(nlp, abroad, "CONSULT") for r in e["recipient"])


@pytest.mark.model
def test_conceding_that_something_is_so_yields_nothing(nlp: Any) -> None:
    text = "Chinese officials conceded that Japan could win the vote."
    found = [e for e in events_of(nlp, text) if e["event_type"] == "CONCEDE"]
    assert found and all(e["confidence"] < 0.2 for e in found)  # an opinion, not a concession


@pytest.mark.model
def test_a_judgement_of_what_would_be_promises_nothing(nlp: Any) -> None:
    text = "A French official said the German offer would be remarkable."
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "AGREE"]


@pytest.mark.model
def test_sitting_in_a_room_is_no_protest(nlp: Any) -> None:
    text = "The German chancellor sat in the hotel bar with the French president on Monday."
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "PROTEST"]


@pytest.mark.model
def test_a_need_under_a_modal_is_no_demand(nlp: Any) -> None:
    text = "A French official said Britain would need to hear more about the German plan."
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST" and is_fact(e)]
    said = "A French official said Britain needs to support the treaty."
    assert shown_events(nlp, said, "REQUEST")


@pytest.mark.model
def test_the_public_spoken_to_is_of_the_articles_country_but_no_counterpart(nlp: Any) -> None:
    for text, word in (
        ("The German chancellor urged voters to reject the plan.", "voters"),
        ("The German chancellor urged that everyone stay calm.", "everyone"),
        ("The German chancellor blamed the media for the confusion.", "media"),
    ):
        found = [e for e in events_of(nlp, text) if e["event_type"] in ("REQUEST", "ACCUSE")]
        assert found and [r["code"] for r in found[0]["recipient"]] == ["DEU"], word
        assert found[0]["confidence"] < 0.8  # one's own public: no counterpart
    abroad = "The German chancellor urged voters in France to reject the plan."
    found = [e for e in events_of(nlp, abroad) if e["event_type"] == "REQUEST"]
    assert found and found[0]["recipient"][0]["code"] == "FRA" and found[0]["confidence"] > 0.8


@pytest.mark.model
def test_went_on_to_is_what_happened_going_to_what_is_to_come(nlp: Any) -> None:
    done = "The Chinese army went on to attack Vietnam."
    assert shown_events(nlp, done, "ASSAULT")
    assert not [e for e in events_of(nlp, done) if e["event_type"] == "THREATEN"]
    plan = "Clinton is going to criticize Donald Trump."
    assert [e for e in events_of(nlp, plan) if e["event_type"] == "ACCUSE" and e["future"]]


@pytest.mark.model
def test_nobody_and_too_negate(nlp: Any) -> None:
    neither = "The German chancellor and the French president met, but neither apologized to Britain."
    found = [e for e in events_of(nlp, neither) if e["event_type"] == "CONCEDE"]
    assert found and all(e["negated"] for e in found)
    too = "The German chancellor was too tired to meet the French president."
    found = [e for e in events_of(nlp, too) if e["event_type"] == "CONSULT"]
    assert found and all(e["negated"] for e in found)
    eager = "The German chancellor was all too eager to meet the French president."
    assert not [e for e in events_of(nlp, eager) if e["negated"]]


@pytest.mark.model
def test_a_condition_of_the_writer_makes_no_fact(nlp: Any) -> None:
    text = "If the French president wins, Germany supports him."
    found = [e for e in events_of(nlp, text) if e["event_type"] == "SUPPORT"]
    assert found and not any(is_fact(e) for e in found)


@pytest.mark.model
def test_a_document_told_in_passing_is_background(nlp: Any) -> None:
    passing = "The German chancellor met a French minister who had given speeches criticizing Britain."
    assert [e for e in events_of(nlp, passing) if e["event_type"] == "ACCUSE"]
    assert not shown_events(nlp, passing, "ACCUSE")
    told = "The French minister had given speeches criticizing Britain."
    assert shown_events(nlp, told, "ACCUSE")


@pytest.mark.model
def test_an_offer_of_a_thing_to_ones_own_voters_is_no_agreement(nlp: Any) -> None:
    text = "The three candidates offered French voters different approaches to the presidency."
    assert not shown_events(nlp, text, "AGREE")
    deal = "Russia offered Turkey a gas deal."
    assert shown_events(nlp, deal, "AGREE")


@pytest.mark.model
def test_agreeing_with_someone_is_sharing_a_view(nlp: Any) -> None:
    text = "Japanese officials agree with the German chancellor."
    found = [e for e in events_of(nlp, text) if e["event_type"] == "AGREE"]
    assert found and not shown_events(nlp, text, "AGREE")


@pytest.mark.model
def test_meeting_resistance_and_cancelling_a_rally_are_no_events(nlp: Any) -> None:
    assert not events_of(nlp, "The German plan is meeting stiff resistance from France.")
    assert not events_of(nlp, "The French president canceled a campaign rally in Lyon.")
    visit = "The French president canceled his visit to Germany."
    assert shown_events(nlp, visit, "REJECT")


@pytest.mark.model
def test_what_a_relative_clause_tells_through_a_preposition_is_background(nlp: Any) -> None:
    passing = "The French minister, who has spent weeks in denouncing Germany, arrived in Rome on Monday."
    assert [e for e in events_of(nlp, passing) if e["event_type"] == "ACCUSE"]
    assert not shown_events(nlp, passing, "ACCUSE")
    told = "The French minister has spent weeks in denouncing Germany."
    assert shown_events(nlp, told, "ACCUSE")


@pytest.mark.model
def test_what_a_claim_says_is_supposed_not_told(nlp: Any) -> None:
    claim = "France rejected the claim that Germany had attacked its ships."
    found = [e for e in events_of(nlp, claim) if e["event_type"] == "ASSAULT"]
    assert found and all(e["hypothetical"] for e in found)
    assert shown_events(nlp, claim, "REJECT")
    said = "France said that Germany had attacked its ships."
    assert [e for e in events_of(nlp, said) if e["event_type"] == "ASSAULT" and is_fact(e)]


@pytest.mark.model
def test_what_a_meeting_discusses_is_no_party(nlp: Any) -> None:
    topic = "The German chancellor discussed France's budget."
    found = [e for e in events_of(nlp, topic) if e["event_type"] == "CONSULT"]
    assert all("FRA" not in {a["code"] for a in (*e["actor"], *e["recipient"])} for e in found)
    assert not shown_events(nlp, topic, "CONSULT")
    met = "The German chancellor met French officials on Monday."
    assert any("FRA" in {a["code"] for a in e["actor"]} for e in shown_events(nlp, met, "CONSULT"))
