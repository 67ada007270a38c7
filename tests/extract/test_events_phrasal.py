"""Whom a phrasal speech act is aimed at, and which type a sentence's trigger takes (branch
`events16r`; sentences invented for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, shown_events

#: An opening sentence that makes the article American (its main country).
US = "WASHINGTON — The U.S. Senate met on Monday in Washington. "


def _codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r.get("code")}


def _entities(refs: list[dict[str, Any]]) -> list[str]:
    """The texts of the named entities among ``refs`` ("Donald Trump's remarks" names Donald Trump)."""
    return [r["text"].split("'")[0] for r in refs if r.get("entity")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Senator Warren objected to Donald Trump's remarks.", "ACCUSE"),
        ("Senator Warren complained about Donald Trump's tactics.", "ACCUSE"),
        ("Senator Warren scoffed at Donald Trump's claim.", "REJECT"),
        ("Senator Warren took issue with Donald Trump's remarks.", "ACCUSE"),
    ],
)
def test_the_owner_of_what_a_phrasal_verb_aims_at_is_the_recipient(nlp: Any, text: str, etype: str) -> None:
    shown = shown_events(nlp, US + text, etype)
    assert shown and _entities(shown[0]["recipient"]) == ["Donald Trump"]


@pytest.mark.model
def test_a_preposition_of_why_names_no_recipient(nlp: Any) -> None:
    shown = shown_events(nlp, US + "Senator Warren attacked Donald Trump over Mexico.", "ACCUSE")
    assert shown and _entities(shown[0]["recipient"]) == ["Donald Trump"]


@pytest.mark.model
def test_talking_to_someone_named_is_talks_but_not_to_reporters(nlp: Any) -> None:
    named = shown_events(nlp, US + "President Biden talked to Vladimir Putin by phone on Tuesday.", "CONSULT")
    assert named and _codes(named[0]["actor"]) == {"USA", "RUS"}
    unnamed = (
        "Senator Warren talked to reporters on Tuesday.",
        '"They talked to me before the vote," Warren said.',
    )
    for text in unnamed:
        events = events_of(nlp, US + text)
        talks = [e for e in events if e["event_type"] == "CONSULT" and e["text"] == "talked"]
        assert talks and len(talks[0]["actor"]) == 1 and talks[0]["confidence"] < 0.5


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Warren fought for Hillary Clinton's plan.",
        "Senator Warren stuck up for Hillary Clinton.",
        "Senator Warren came to Hillary Clinton's defense.",
        "Senator Warren came to the defense of Hillary Clinton.",
        "Senator Warren expressed confidence in Hillary Clinton.",
    ],
)
def test_backing_worded_as_a_phrase_is_support(nlp: Any, text: str) -> None:
    shown = shown_events(nlp, US + text, "SUPPORT")
    assert shown and _entities(shown[0]["recipient"]) == ["Hillary Clinton"]


@pytest.mark.model
def test_fighting_for_a_side_in_a_war_is_no_support(nlp: Any) -> None:
    events = events_of(nlp, "Thousands of foreign fighters fought for the Islamic State in Syria.")
    assert not [e for e in events if e["event_type"] == "SUPPORT"]
    rivals = events_of(nlp, US + "Ted Cruz was battling with Marco Rubio for second place in Ohio.")
    assert not [e for e in rivals if e["event_type"] == "SUPPORT"]


@pytest.mark.model
def test_a_claim_challenged_is_rejected(nlp: Any) -> None:
    shown = shown_events(nlp, US + "Senator Warren challenged Donald Trump's claim.", "REJECT")
    assert shown and _entities(shown[0]["recipient"]) == ["Donald Trump"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump denied Hillary Clinton's claims, calling her a liar.",
        "Donald Trump responded to the criticism by calling Hillary Clinton a bully.",
        "Hillary Clinton spoke in Ohio. Donald Trump answered on Twitter, portraying her as corrupt.",
    ],
)
def test_a_participle_of_calling_is_said_by_the_doer_of_its_clause(nlp: Any, text: str) -> None:
    shown = shown_events(nlp, US + text, "ACCUSE")
    assert shown and _entities(shown[0]["actor"]) == ["Donald Trump"]
    assert _codes(shown[0]["recipient"]) == {"USA"}


@pytest.mark.model
def test_a_thing_judged_said_of_what_someone_has_is_of_its_owner(nlp: Any) -> None:
    text = US + "\"That's a lie,\" Donald Trump said of Hillary Clinton's claim."
    judged = ("ACCUSE", "REJECT")
    shown = [e for e in events_of(nlp, text) if e["event_type"] in judged and e["text"] == "lie"]
    assert shown and _entities(shown[0]["actor"]) == ["Donald Trump"]
    assert _codes(shown[0]["recipient"]) == {"USA"}


@pytest.mark.model
def test_respect_and_trust_of_someone_named_are_support(nlp: Any) -> None:
    shown = shown_events(nlp, US + "Senator Warren said she respects Hillary Clinton.", "SUPPORT")
    assert shown and _entities(shown[0]["recipient"]) == ["Hillary Clinton"]
    assert shown_events(nlp, US + "Senator Warren said she trusts Hillary Clinton.", "SUPPORT")
    # distrust is no support shown as a fact
    assert not shown_events(nlp, US + "Union leaders have never trusted Hillary Clinton.", "SUPPORT")
    assert not shown_events(nlp, US + "Senator Warren does not trust Hillary Clinton.", "SUPPORT")
