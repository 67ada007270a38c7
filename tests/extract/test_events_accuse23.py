"""Criticism as news words it, beyond a verb of criticism (branch `ev23accuse`, session 20; sentences
invented for these tests): what someone said or did rejected "as" something bad, an actor said to
be "to blame" or "behind" a deed, scorn heaped, barbs traded, turning on someone."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes, events_of, is_fact, shown_events


def _accusations(nlp: Any, text: str) -> list[dict[str, Any]]:
    """The ACCUSE events of ``text`` (after the American opening) shown at the default threshold."""
    return [e for e in shown_events(nlp, US + text, "ACCUSE") if e["trigger"]["start"] >= len(US)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Senator Smith rejected Governor Jones's remarks as racist.", "USA", "USA"),
        ("China dismissed Japan's decision as provocative.", "CHN", "JPN"),
        ("China rejected the American move as illegal.", "CHN", "USA"),
    ],
)
def test_what_another_said_or_did_rejected_as_bad_is_condemned(
    nlp: Any, text: str, actor: str, recipient: str
) -> None:
    found = _accusations(nlp, text)
    assert [e["mode"] for e in found] == ["disapprove"]
    assert codes(found[0]["actor"]) == {actor} and codes(found[0]["recipient"]) == {recipient}
    # one event: the rejection is the condemnation, not a refusal besides
    assert not shown_events(nlp, US + text, "REJECT")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a charge called baseless is denied (REJECT), a proposal rejected is refused
        "China rejected the American claims as baseless.",
        "China rejected the American proposal as unworkable.",
        # rejected with no word of disapproval
        "Senator Smith rejected Governor Jones's remarks.",
    ],
)
def test_a_refusal_or_a_denial_stays_a_rejection(nlp: Any, text: str) -> None:
    assert not _accusations(nlp, text)
    assert shown_events(nlp, US + text, "REJECT")


@pytest.mark.model
def test_an_actor_said_to_be_to_blame_is_blamed_by_the_speaker(nlp: Any) -> None:
    found = _accusations(nlp, "China said the United States was to blame for the tensions.")
    assert found and is_fact(found[0])
    assert codes(found[0]["actor"]) == {"CHN"} and codes(found[0]["recipient"]) == {"USA"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Iran said Israel was behind the killing of the scientist.", "IRN", "ISR"),
        ("Russia said Ukraine was behind the drone attack on the Kremlin.", "RUS", "UKR"),
    ],
)
def test_an_actor_said_to_be_behind_a_deed_is_blamed(nlp: Any, text: str, actor: str, recipient: str) -> None:
    found = _accusations(nlp, text)
    assert found
    assert codes(found[0]["actor"]) == {actor} and codes(found[0]["recipient"]) == {recipient}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # behind a plan is no deed; the writer's own statement is nobody's accusation
        "Officials said Iran was behind the plan.",
        "Israel was behind the killing of the scientist.",
        "Who is to blame for the crisis?",
    ],
)
def test_no_blame(nlp: Any, text: str) -> None:
    assert not _accusations(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Smith heaped scorn on Governor Jones.",
        "Senator Smith traded barbs with Governor Jones.",
        "Republicans turned on President Biden after the vote.",
    ],
)
def test_verbal_attacks_worded_as_phrases(nlp: Any, text: str) -> None:
    found = _accusations(nlp, text)
    assert found and codes(found[0]["actor"]) == {"USA"}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Smith turned on the television.",
        "The two armies traded fire across the border.",
        "Senator Smith traded places with Governor Jones.",
    ],
)
def test_no_verbal_attack(nlp: Any, text: str) -> None:
    found = [e for e in events_of(nlp, US + text) if e["event_type"] == "ACCUSE" and e["start"] >= len(US)]
    assert not found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Governor Jones came under fire from Senator Smith.",
        "The governor's plan came under fire from Republicans.",
        "Governor Jones came under attack from Senator Smith.",
    ],
)
def test_fire_received_from_people_who_argue_is_criticism(nlp: Any, text: str) -> None:
    found = _accusations(nlp, text)
    assert found and codes(found[0]["actor"]) == {"USA"} and codes(found[0]["recipient"]) == {"USA"}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The convoy came under fire from insurgents near Kandahar.",
        "Ukrainian positions came under fire from Russia overnight.",
        "The base came under attack from Hamas on Tuesday.",
        "The village came under fire from the army.",
    ],
)
def test_fire_received_from_fighters_or_states_is_no_criticism(nlp: Any, text: str) -> None:
    found = [e for e in events_of(nlp, US + text) if e["event_type"] == "ACCUSE" and e["start"] >= len(US)]
    assert not found


@pytest.mark.model
def test_blamed_in_a_clause_after_be_is_still_the_verb_of_blame(nlp: Any) -> None:
    # "blamed" hangs on "was" here, as an adverbial clause: no "X was to blame"
    found = _accusations(
        nlp, "The network was quick to respond after Senator Smith blamed it for the report."
    )
    assert found and codes(found[0]["actor"]) == {"USA"}
