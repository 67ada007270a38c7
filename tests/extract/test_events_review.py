"""Events on ordinary news, rules of branch ``events12b``: error classes found on a review sample of
real pages nobody labelled (eval/events_review.py), each fixed by one principle (sentences invented
for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact
from newsgraph.extract.events.confidence import DEFAULT_MIN_CONFIDENCE


def _of(nlp: Any, text: str, trigger: str) -> list[dict[str, Any]]:
    return [e for e in events_of(nlp, text) if e["text"] == trigger]


@pytest.mark.model
def test_a_judgement_believed_only_under_if_is_no_fact(nlp: Any) -> None:
    for text in (
        "If Democrats really believed that Trump was an incompetent buffoon, the better strategy "
        "would have been to step aside.",
        "If the Democrats had believed that Trump was corrupt, they would have said so.",
    ):
        found = [e for e in events_of(nlp, text) if e["event_type"] == "ACCUSE"]
        assert found and not any(is_fact(e) for e in found), text
    plain = "Democrats believed that Trump was an incompetent buffoon."
    assert any(is_fact(e) for e in events_of(nlp, plain) if e["event_type"] == "ACCUSE")


@pytest.mark.model
def test_what_was_done_instead_of_is_negated(nlp: Any) -> None:
    text = "Rather than attacking the rebels, the army withdrew from the town."
    found = _of(nlp, text, "attacking")
    assert found and all(e["negated"] for e in found)
    text = "The army attacked the rebels instead of negotiating with them."
    assert not any(e["negated"] for e in _of(nlp, text, "attacked"))


@pytest.mark.model
def test_not_one_as_subject_negates(nlp: Any) -> None:
    for text in (
        "Not one of the bank's executives was prosecuted by the Justice Department.",
        "The senator said it is strange that not one of their executives is prosecuted by the "
        "Justice Department.",
    ):
        found = _of(nlp, text, "prosecuted")
        assert found and all(e["negated"] for e in found), text
    text = "One of the bank's executives was prosecuted by the Justice Department."
    assert not any(e["negated"] for e in _of(nlp, text, "prosecuted"))


def _codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r.get("code")}


@pytest.mark.model
def test_a_summons_to_appear_is_no_invitation(nlp: Any) -> None:
    text = (
        "The Nigeria Police Force invited Senator Dino Melaye to appear before its Command over "
        "alleged assaults."
    )
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "AGREE"]
    text = "Chinese President Xi Jinping invited President Trump to visit Beijing."
    assert [e for e in events_of(nlp, text) if e["event_type"] == "AGREE"]


@pytest.mark.model
def test_what_one_party_wants_another_to_do_is_its_request(nlp: Any) -> None:
    for text in (
        "The United States wants Britain to extradite Julian Assange to Sweden.",
        "Washington wants the UK to extradite Assange.",
    ):
        found = [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST" and is_fact(e)]
        assert found, text
        assert all(_codes(e["actor"]) == {"USA"} and _codes(e["recipient"]) == {"GBR"} for e in found)
        assert not any(e["event_type"] == "COOPERATE" and is_fact(e) for e in events_of(nlp, text)), text
    own = "The United States wants to extradite Julian Assange."
    assert not [e for e in events_of(nlp, own) if e["event_type"] == "REQUEST"]


@pytest.mark.model
def test_a_thing_kept_from_someone_has_that_one_as_recipient(nlp: Any) -> None:
    text = "President Trump withheld US military aid from Ukraine."
    found = [e for e in events_of(nlp, text) if e["text"] == "withheld"]
    assert found and all(_codes(e["recipient"]) == {"UKR"} for e in found)


@pytest.mark.model
def test_a_demand_inside_a_saying_not_done_is_negated(nlp: Any) -> None:
    text = (
        'Kurt Volker, the former US special envoy to Ukraine, testified on Tuesday. "Instead of '
        "telling them that they needed to do something to get the hold released, I told them the "
        'opposite," Volker said.'
    )
    found = _of(nlp, text, "needed")
    assert found and all(e["negated"] for e in found)
    said = (
        "Senator Chuck Grassley told reporters that the Justice Department needs to answer for the failures."
    )
    found = _of(nlp, said, "needs")
    assert found and not any(e["negated"] or e["hypothetical"] for e in found)


@pytest.mark.model
def test_a_complaint_about_how_things_are_blames_no_one(nlp: Any) -> None:
    text = (
        "Senator Bernie Sanders bemoaned that the costs of health care in the United States are far "
        "greater than in Canada."
    )
    found = _of(nlp, text, "bemoaned")
    assert found and all(e["confidence"] < DEFAULT_MIN_CONFIDENCE for e in found)
    blamed = "Senator Bernie Sanders complained that the Obama administration had ignored the banks."
    found = _of(nlp, blamed, "complained")
    assert found and all(e["confidence"] >= DEFAULT_MIN_CONFIDENCE for e in found)


@pytest.mark.model
def test_a_site_visited_names_no_host(nlp: Any) -> None:
    for text in (
        "Donald Trump announced his campaign in June. A month later, he paid an impromptu visit to "
        "the U.S.- Mexico border in Laredo, Texas and explained why Hispanics were going to love him.",
        "Donald Trump announced his campaign in June. A month later, he paid an impromptu visit to "
        "the Mexican border in Laredo, Texas.",
    ):
        found = _of(nlp, text, "visit")
        assert found and not any(_codes(e["recipient"]) for e in found), text
        assert all(e["confidence"] < DEFAULT_MIN_CONFIDENCE for e in found), text
    for text in (
        "Secretary of State Mike Pompeo paid a visit to China on Monday.",
        "Secretary of State Mike Pompeo paid a visit to the Chinese capital on Monday.",
    ):
        assert all(_codes(e["recipient"]) == {"CHN"} for e in _of(nlp, text, "visit")), text
