"""Criticism and accusation as ordinary political news words them (branch `ev21accuse`, session 19;
sentences invented for these tests): words of condemnation, verbs of wrongdoing said of another,
blame for a deed, criticism received counted by a noun of quantity, stances of disapproval, and
attacks stepped up."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes, events_of, is_fact, shown, shown_events


def _accusations(nlp: Any, text: str) -> list[dict[str, Any]]:
    """The ACCUSE events of ``text`` (after the American opening) shown at the default threshold."""
    return [e for e in shown_events(nlp, US + text, "ACCUSE") if e["trigger"]["start"] >= len(US)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a fault of an actor named, said by another (plover_disapproval.tsv, kind "bad")
        "Senator Smith said President Biden's racism was on display again.",
        '"The senator is an extremist," President Biden said.',
        '"The governor is a dictator," Senator Smith said.',
    ],
)
def test_a_fault_named_by_a_word_of_condemnation_is_an_accusation(nlp: Any, text: str) -> None:
    found = _accusations(nlp, text)
    assert found
    assert all(codes(e["actor"]) == {"USA"} and codes(e["recipient"]) == {"USA"} for e in found)


@pytest.mark.model
def test_a_violation_said_of_another_is_an_allegation(nlp: Any) -> None:
    # "violate" reports the doer's own act (REJECT); said by someone else it is their allegation
    found = _accusations(nlp, "Senator Smith said that President Biden violated the law.")
    assert [e["mode"] for e in found] == ["allege"]
    assert codes(found[0]["recipient"]) == {"USA"}


@pytest.mark.model
def test_an_actor_called_responsible_for_an_attack_is_blamed(nlp: Any) -> None:
    found = _accusations(
        nlp, "The foreign minister said Russia was responsible for the attack on the embassy."
    )
    assert found and codes(found[0]["recipient"]) == {"RUS"}
    # responsibility for no deed and no fault is no blame
    assert not _accusations(nlp, "Senator Smith said the Treasury is responsible for the economy.")


@pytest.mark.model
def test_criticism_received_counted_by_a_noun_of_quantity(nlp: Any) -> None:
    found = _accusations(nlp, "President Biden's plan drew a storm of criticism from Senator Smith.")
    assert found
    assert codes(found[0]["actor"]) == {"USA"} and found[0]["recipient"]


@pytest.mark.model
def test_attacks_stepped_up_are_reported_by_the_verb(nlp: Any) -> None:
    # a phrasal support verb: "ratcheted up his attacks on", "stepped up its attacks on"
    found = _accusations(nlp, "Senator Smith ratcheted up his attacks on President Biden.")
    assert found and found[0]["recipient"]
    assaults = shown_events(nlp, US + "Russia stepped up its attacks on Kyiv.", "ASSAULT")
    assert assaults and codes(assaults[0]["actor"]) == {"RUS"}


@pytest.mark.model
def test_a_stance_of_disapproval_towards_someone(nlp: Any) -> None:
    found = _accusations(nlp, "Senator Smith was dismissive of President Biden's plan.")
    assert found and codes(found[0]["recipient"]) == {"USA"}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a question: no one is said to allege it
        "Did Senator Smith say that President Biden violated the law?",
        # a hypothetical
        "If President Biden wins, Senator Smith said, he would bungle the response.",
        # criticism of a film or a product names no political actor
        "Senator Smith said the film was childish and petty.",
        "Critics were dismissive of the new phone.",
        "Apple's new phone drew a storm of criticism from reviewers.",
        # a sports rival
        "The Yankees stepped up their attacks on the Red Sox pitching in the ninth inning.",
        "The Yankees' manager said the Red Sox violated the league's rules.",
    ],
)
def test_no_accusation(nlp: Any, text: str) -> None:
    assert not _accusations(nlp, text)


@pytest.mark.model
def test_production_ramped_up_is_no_event(nlp: Any) -> None:
    assert not [e for e in shown(events_of(nlp, US + "The company ramped up production.")) if is_fact(e)]
