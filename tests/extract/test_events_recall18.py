"""Recall from the manual's definitions, by kind of wording (branch `events18r`; sentences invented
for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes, events_of, is_fact, shown_events


def _own(nlp: Any, text: str) -> list[dict[str, Any]]:
    """The events of ``text`` after the American opening sentence."""
    return [e for e in events_of(nlp, US + text) if e["trigger"]["start"] >= len(US)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # ACCUSE: "criticize, denigrate responsible parties"
        ("Senator Smith ripped into President Biden.", "ACCUSE"),
        ("Senator Smith lectured President Biden on Monday.", "ACCUSE"),
        ("Senator Smith scorned President Biden's plan.", "ACCUSE"),
        ("Senator Smith remonstrated with President Biden.", "ACCUSE"),
        ("Senator Smith expressed disapproval of President Biden's plan.", "ACCUSE"),
        # REJECT: "refuse, or block"
        ("Senator Smith obstructed President Biden's plan.", "REJECT"),
        ("Senator Smith stymied President Biden's plan.", "REJECT"),
        ("Senator Smith shelved President Biden's plan.", "REJECT"),
        # CONCEDE: yielding to demands
        ("Iran capitulated to American demands.", "CONCEDE"),
        ("Iran acquiesced to the American demands.", "CONCEDE"),
        ("Iran complied with the American demands.", "CONCEDE"),
        # REQUEST: asking a thing of someone
        ("Ukraine sought more weapons from Germany.", "REQUEST"),
        ("Senator Smith solicited help from President Biden.", "REQUEST"),
        # SUPPORT: "express support for, commend"
        ("Senator Smith spoke warmly of President Biden.", "SUPPORT"),
        ("Senator Smith expressed approval of President Biden's plan.", "SUPPORT"),
        ("Senator Smith heaped praise on President Biden.", "SUPPORT"),
        ("Senator Smith lavished praise on President Biden.", "SUPPORT"),
        ("Senator Smith showered President Biden with praise.", "SUPPORT"),
    ],
)
def test_verbal_wordings_of_the_definitions_are_shown(nlp: Any, text: str, etype: str) -> None:
    # each wording reports its speech act or refusal, aimed at the one it names
    shown = shown_events(nlp, US + text, etype)
    assert shown
    assert all(e["recipient"] for e in shown)


@pytest.mark.model
def test_regret_expressed_is_a_concession(nlp: Any) -> None:
    # manual, CONCEDE: "expressions of regret or remorse for an action or situation"
    assert any(
        e["event_type"] == "CONCEDE" and is_fact(e)
        for e in _own(nlp, "Iran expressed regret over the incident.")
    )


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Senator Smith was charged with obstructing justice.", "REJECT"),
        ("The company complied with the new regulations.", "CONCEDE"),
        ("The approval of the bill came on Monday.", "SUPPORT"),
        ("The report raised concerns about the economy.", "ACCUSE"),
    ],
)
def test_other_senses_of_the_new_words_are_no_events(nlp: Any, text: str, etype: str) -> None:
    # obstructing justice is a crime, not a refusal; regulations complied with are no demands; the
    # approval of a bill is no praise said; a thing that raises concerns voices none
    assert not shown_events(nlp, US + text, etype)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Germany pleaded with Russia to withdraw its troops.", "RUS"),
        ("Germany heaped praise on France.", "FRA"),
    ],
)
def test_the_preposition_of_a_plea_or_of_praise_names_its_recipient(
    nlp: Any, text: str, recipient: str
) -> None:
    shown = [e for e in _own(nlp, text) if is_fact(e) and e["confidence"] >= 0.5]
    assert shown
    assert recipient in codes(shown[0]["recipient"])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "etype", "recipient"),
    [
        ("Iran agreed to resume talks with the United States.", "AGREE", "USA"),
        ("Iran offered to hold talks with the United States.", "AGREE", "USA"),
        ("Germany ruled out a deal with Russia.", "REJECT", "RUS"),
    ],
)
def test_the_partner_of_the_cooperation_agreed_or_refused_is_the_recipient(
    nlp: Any, text: str, etype: str, recipient: str
) -> None:
    # an offer or refusal of talks or a deal with someone is aimed at that someone: before, the
    # agreement had nobody to cooperate with and counted as a promise to no one
    shown = shown_events(nlp, US + text, etype)
    assert shown
    assert recipient in codes(shown[0]["recipient"])


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Iran agreed to cut taxes.",
        "Senator Smith agreed to a debate with President Biden.",
    ],
)
def test_a_promise_with_no_cooperation_in_it_stays_a_promise_to_no_one(nlp: Any, text: str) -> None:
    # a tax cut or a debate is no act of cooperation: no partner is read from it
    assert not shown_events(nlp, US + text, "AGREE")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Warren called Donald Trump's comments a disgrace.",
        "Senator Warren called the president's plan a disaster.",
    ],
)
def test_a_thing_of_someone_called_a_disgrace_is_criticism_of_its_owner(nlp: Any, text: str) -> None:
    # the small model hangs the second object on the first ("comments a disgrace" as an adverbial
    # noun); the judgement is of the comments' owner
    shown = shown_events(nlp, US + text, "ACCUSE")
    assert shown
    assert "USA" in codes(shown[0]["recipient"])


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump's plan, which Senator Warren called reckless, was announced on Monday.",
        "Donald Trump defended his comments, which Senator Warren described as racist.",
    ],
)
def test_a_judgement_made_in_a_relative_clause_of_the_thing_judged_is_shown(nlp: Any, text: str) -> None:
    # the relative clause tells what Warren said of the plan: the judgement was made, not told of
    # someone in passing
    assert any(e["text"] in ("reckless", "racist") for e in shown_events(nlp, US + text, "ACCUSE"))


@pytest.mark.model
def test_the_speaker_of_a_relative_clause_is_still_told_of_in_passing(nlp: Any) -> None:
    # "Warren, who called the plan reckless": the clause says who Warren is
    text = "Senator Warren, who called the plan reckless, spoke on Monday."
    assert not shown_events(nlp, US + text, "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Warren made fun of Donald Trump.",
        "Senator Warren said she does not trust Donald Trump.",
    ],
)
def test_mockery_and_distrust_said_are_criticism(nlp: Any, text: str) -> None:
    # making fun of someone is mocking them; distrust said of someone is disapproval (the CAMEO
    # family of "distrust" is disapproval, 110), not a negated SUPPORT
    shown = shown_events(nlp, US + text, "ACCUSE")
    assert shown
    assert "USA" in codes(shown[0]["recipient"])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "etype", "recipient"),
    [
        ("Germany pledged its support for Ukraine.", "AGREE", "UKR"),
        ("Germany submitted a request to the United States for more weapons.", "REQUEST", "USA"),
        ("Germany submitted a proposal to Russia.", "AGREE", "RUS"),
        ("Germany voiced opposition to Russia's plan.", "ACCUSE", "RUS"),
        ("Germany filed objections to Russia's plan.", "ACCUSE", "RUS"),
        ("Germany filed a complaint about Russia's plan.", "ACCUSE", "RUS"),
    ],
)
def test_nominal_acts_name_whom_they_are_aimed_at(nlp: Any, text: str, etype: str, recipient: str) -> None:
    # a promise of support is for whom the support is; a request or proposal submitted is made;
    # objections "to" and complaints "about" a plan are aimed at its owner
    shown = shown_events(nlp, US + text, etype)
    assert shown
    assert recipient in codes(shown[0]["recipient"])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Italian prosecutors placed the Kenyan minister under investigation.", "ACCUSE"),
        ("Egypt charged that Israel had violated the ceasefire.", "ACCUSE"),
    ],
)
def test_investigations_and_charges_worded_as_in_wire_reports(nlp: Any, text: str, etype: str) -> None:
    # manual, ACCUSE: "all investigations", "accuse, allege, or charge"
    assert shown_events(nlp, text, etype)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A Kenyan court issued an arrest warrant for the opposition leader.",
        "A Kenyan court issued a warrant for the arrest of the opposition leader.",
    ],
)
def test_an_arrest_warrant_issued_is_a_threat_of_arrest(nlp: Any, text: str) -> None:
    # manual, THREATEN: "issuing an in-absentia arrest should be coded as THREATEN `arrest`"
    threats = [e for e in events_of(nlp, text) if e["event_type"] == "THREATEN" and is_fact(e)]
    assert threats
    assert threats[0]["mode"] == "arrest"


@pytest.mark.model
def test_a_search_warrant_is_no_threat(nlp: Any) -> None:
    assert not [
        e for e in events_of(nlp, "Kenyan police obtained a search warrant.") if e["event_type"] == "THREATEN"
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Russia launched a disinformation campaign against Ukraine.", "misinformation"),
        ("Russia spread disinformation about the Ukrainian elections.", "misinformation"),
        ("Syrian forces blocked an aid convoy to the camp.", "withhold"),
    ],
)
def test_misinformation_and_withheld_aid_are_coercion(nlp: Any, text: str, mode: str) -> None:
    # manual, COERCE: "a social media disinformation campaign"; "withhold food/medical supplies"
    found = [e for e in events_of(nlp, text) if e["event_type"] == "COERCE" and is_fact(e)]
    assert found
    assert found[0]["mode"] == mode


@pytest.mark.model
def test_an_election_campaign_is_no_coercion(nlp: Any) -> None:
    text = "Senator Smith launched his campaign on Monday."
    assert not [e for e in events_of(nlp, US + text) if e["event_type"] == "COERCE"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Warren disapproved of Donald Trump's plan.",
        "Senator Warren distrusts Donald Trump.",
    ],
)
def test_disapproval_and_distrust_of_someone_are_criticism(nlp: Any, text: str) -> None:
    # the CAMEO families of disapproval (110): "disapprove", "distrust"
    assert any(e["event_type"] == "ACCUSE" and is_fact(e) for e in _own(nlp, text))
