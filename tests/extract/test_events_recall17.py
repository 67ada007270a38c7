"""Recall of events held below the threshold (branch `events17r`; sentences invented for these
tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact, shown_events

#: An opening sentence that makes the article American (its main country).
US = "WASHINGTON — The U.S. Senate met on Monday in Washington. "


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Russian Foreign Ministry denied that its troops had crossed the border.",
        "The Kremlin denied the allegations on Tuesday.",
        "Senator Smith denied the report that he would resign.",
        "Governor Smith's office denied any wrongdoing.",
    ],
)
def test_denying_a_claim_is_a_rejection_shown_at_the_threshold(nlp: Any, text: str) -> None:
    # a denial of what is said or charged is a speech act whatever the verb's other senses: with a
    # political doer it is shown, as "rejected" and "refused" are
    assert shown_events(nlp, US + text, "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Smith denied him a vote on the bill.",
        "A federal judge denied the request for bail.",
    ],
)
def test_denying_someone_a_thing_keeps_the_weight_of_a_verb_of_several_senses(nlp: Any, text: str) -> None:
    # withholding a thing ("denied him a vote") is no denial of a claim: the verb alone does not
    # lift it over the threshold
    rejects = [e for e in events_of(nlp, US + text) if e["event_type"] == "REJECT" and is_fact(e)]
    assert all(e["confidence"] < 0.6 for e in rejects)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin called Washington's accusations baseless.",
        "The Kremlin called the American accusations absurd.",
        "Senator Smith said Donald Trump's allegations were absurd.",
    ],
)
def test_a_charge_called_baseless_is_denied_not_criticised(nlp: Any, text: str) -> None:
    # disapproval of what an accuser says denies it (a REJECT, as "false" and "untrue" do); it is
    # no ACCUSE of the accuser
    events = [e for e in events_of(nlp, US + text) if e["trigger"]["start"] >= len(US)]
    judged = [e for e in events if e["text"] in ("baseless", "absurd")]
    assert judged and all(e["event_type"] == "REJECT" for e in judged)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Smith called Donald Trump's remarks ridiculous.",
        "Senator Smith said Donald Trump's claim that the peace deal depends on Israel was absurd.",
    ],
)
def test_a_judgement_of_remarks_or_a_claim_stays_criticism(nlp: Any, text: str) -> None:
    # remarks and claims are no charge against the speaker: calling them ridiculous or absurd
    # criticises the one who made them
    assert shown_events(nlp, US + text, "ACCUSE")
    assert not shown_events(nlp, US + text, "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Collins is not planning to endorse Donald Trump.",
        "Senator Collins does not intend to support Donald Trump.",
        "Senator Collins will not endorse Donald Trump.",
    ],
)
def test_a_negated_plan_of_ones_own_is_a_refusal_now(nlp: Any, text: str) -> None:
    # "is not planning to endorse him" refuses now, as "will not endorse him" does: a REJECT fact,
    # not a future event
    assert shown_events(nlp, US + text, "REJECT")


@pytest.mark.model
def test_what_another_plans_of_someone_stays_a_forecast(nlp: Any) -> None:
    # "expects" tells another's forecast, not the doer's own refusal
    text = US + "Senator Collins said she expects that the governor will not endorse Donald Trump."
    assert not shown_events(nlp, text, "REJECT")


@pytest.mark.model
def test_no_plans_to_do_something_is_not_a_plan(nlp: Any) -> None:
    # "has no plans to meet him" says it will not happen: negated, not a future meeting
    events = [
        e
        for e in events_of(nlp, US + "Senator Collins has no plans to meet Donald Trump.")
        if e["text"] == "meet"
    ]
    assert events and all(not e.get("future") for e in events)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Collins balked at Donald Trump's proposal.",
        "Senator Collins pushed back on Donald Trump's claim.",
    ],
)
def test_the_owner_of_what_is_balked_at_or_pushed_back_on_is_the_recipient(nlp: Any, text: str) -> None:
    shown = shown_events(nlp, US + text, "REJECT")
    assert shown and any(r.get("text", "").startswith("Donald Trump") for r in shown[0]["recipient"])


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Collins said Donald Trump ought to apologize.",
        '"Donald Trump ought to apologize," Senator Collins said.',
    ],
)
def test_ought_to_said_of_another_is_a_demand(nlp: Any, text: str) -> None:
    # the small model reads "ought" as the head of its clause, not as an auxiliary: it is still a
    # modal of obligation, as "should" is (a REQUEST of the speaker, not the apology itself)
    shown = shown_events(nlp, US + text, "REQUEST")
    assert shown and not shown_events(nlp, US + text, "CONCEDE")
