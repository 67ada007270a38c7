"""Events on ordinary news, rules of branch ``events12b``: error classes found on a review sample of
real pages nobody labelled (eval/events_review.py), each fixed by one principle (sentences invented
for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact


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
