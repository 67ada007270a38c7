"""Events on ordinary news, rules of branch ``events14c``: kinds of non-events found on a fourth
review sample of real pages nobody labelled (eval/data/events_review4), each fixed by one principle
(sentences invented for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact


def _of(nlp: Any, text: str, trigger: str) -> list[dict[str, Any]]:
    return [e for e in events_of(nlp, text) if e["text"] == trigger]


@pytest.mark.model
def test_another_s_forecast_of_a_refusal_is_no_refusal(nlp: Any) -> None:
    # "they" cannot stand for one person who speaks: what Trump says the association would not
    # do is his forecast, not their refusal (future, not a fact)
    text = (
        "Donald Trump told the National Rifle Association that they wouldn't back him because "
        "he did not want their money."
    )
    found = [e for e in _of(nlp, text, "back") if e["event_type"] == "REJECT"]
    assert found and not any(is_fact(e) for e in found)
    # one's own refusal, said, is the REJECT
    found = _of(nlp, "Senate Republicans said they would not support him.", "support")
    assert found and found[0]["event_type"] == "REJECT" and is_fact(found[0])
    found = _of(nlp, "China said it would not accept the ruling.", "accept")
    assert found and found[0]["event_type"] == "REJECT" and is_fact(found[0])


@pytest.mark.model
def test_recognition_is_of_the_actor_itself(nlp: Any) -> None:
    # a trait "of" someone recognised (or not) is perceived, no diplomatic recognition of them
    for text in (
        "Senator Jane Doe doesn't recognize the cruelty of President John Smith.",
        "Senator Jane Doe recognized the cruelty of President John Smith.",
    ):
        assert not _of(nlp, text, "recognize") and not _of(nlp, text, "recognized"), text
    found = _of(nlp, "The United States recognized Kosovo.", "recognized")
    assert found and found[0]["event_type"] == "SUPPORT" and is_fact(found[0])
    found = _of(nlp, "Spain does not recognize Kosovo.", "recognize")
    assert found and found[0]["event_type"] == "REJECT"
    found = _of(nlp, "France recognized the government of Juan Guaido.", "recognized")
    assert found and found[0]["event_type"] == "SUPPORT"


@pytest.mark.model
def test_an_infinitive_joined_to_a_finite_verb_is_what_is_asked(nlp: Any) -> None:
    # the parser joins "to agree" to "have made"; it is part of what the requests asked for
    text = (
        'Sanders and other Democratic officials have made "repeated requests" to drop the lawsuit, '
        '"and even to agree to postpone the DNC meeting."'
    )
    found = _of(nlp, text, "agree")
    assert found and not any(is_fact(e) for e in found)
    assert any(e["event_type"] == "REQUEST" and is_fact(e) for e in _of(nlp, text, "requests"))
    # an infinitive joined to an infinitive is untouched: both vowed
    found = _of(nlp, "Iran vowed to retaliate and to strike Israel.", "vowed")
    assert found and found[0]["event_type"] == "THREATEN" and is_fact(found[0])


@pytest.mark.model
def test_knowing_is_not_asked_for(nlp: Any) -> None:
    # "need to know that", "must understand that": a warning or a lesson, no act demanded
    for text, trigger in (
        ('"Boeing and Walmart need to know that there are consequences to leaving," Trump said.', "need"),
        ('"Iran must understand that we will respond," the senator said.', "must"),
    ):
        assert not [e for e in _of(nlp, text, trigger) if e["event_type"] == "REQUEST"], text
    # a demand of an act is still one
    found = _of(nlp, '"Boeing needs to stop shipping jobs overseas," Trump said at a rally.', "needs")
    assert found and found[0]["event_type"] == "REQUEST" and is_fact(found[0])
