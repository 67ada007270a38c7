"""False facts of the held-out precision sample of branch ``ev21prec`` (issue 14), fixed from the
PLOVER manual's definitions: an infinitive after an adjective of need or worth ("it is important
to support ...") says what should be done; a necessity said of what a result takes ("needs to
outperform the polls in order to win") asks nobody to act (REQUEST: asking an actor to act); a
"why" clause is a question or a reason given, no demand. Sentences invented for these tests; each
keeps the true sense beside the rule."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes, shown_events, triggered
from eventtexts import shown as _shown


@pytest.mark.model
def test_an_infinitive_after_an_adjective_of_need_is_no_fact(nlp: Any) -> None:
    for text, trigger in (
        (US + "Senator Smith said it was critical to support the police officers.", "support"),
        (US + "Senator Smith said it is important to support Ukraine against Russia.", "support"),
        (US + "Senator Smith said it is essential to condemn the attack on Israel.", "condemn"),
    ):
        assert not _shown(triggered(nlp, text, trigger)), text
    # what was done stays a fact
    done = US + "Senator Smith said the senators support Ukraine against Russia."
    found = _shown(triggered(nlp, done, "support"))
    assert found and found[0]["event_type"] == "SUPPORT" and codes(found[0]["recipient"]) == {"UKR"}
    found = _shown(triggered(nlp, US + "Senator Smith condemned the attack on Israel.", "condemned"))
    assert found and found[0]["event_type"] == "ACCUSE"


@pytest.mark.model
def test_what_winning_takes_is_no_request(nlp: Any) -> None:
    for text in (
        US + "The minister said Senator Jones needs to outperform the polls in order to win the primary.",
        US + "Governor Brown said Senator Jones needs to exceed expectations to win the nomination.",
        US + "Governor Brown said Senator Jones must attack Clinton to succeed in the debate.",
    ):
        assert not shown_events(nlp, text, "REQUEST"), text
    # a demand with a purpose of its own, or none, is still a REQUEST of the speaker
    for text in (
        US + "Governor Brown said Democrats must support Clinton to defeat Trump.",
        US + "Governor Brown said Congress must impose sanctions on Russia.",
        US + "Governor Brown said Senator Jones needs to stop his bid to win the nomination.",
    ):
        assert shown_events(nlp, text, "REQUEST"), text


@pytest.mark.model
def test_a_why_clause_makes_no_demand(nlp: Any) -> None:
    text = US + "Governor Brown explained why Senator Jones should drop out of the race."
    assert not shown_events(nlp, text, "REQUEST")
    text = US + "Governor Brown said Senator Jones should drop out of the race."
    assert shown_events(nlp, text, "REQUEST")


@pytest.mark.model
def test_a_state_of_the_world_ignored_is_no_rejection(nlp: Any) -> None:
    # REJECT: turning down a request or a proposal; "ignore the reality" is a reproach
    for text, trigger in (
        (US + "Obama and Clinton continue to ignore the reality of terrorism.", "ignore"),
        (US + "President Obama ignored the evidence of Russian hacking.", "ignored"),
    ):
        assert not _shown(triggered(nlp, text, trigger)), text
    found = _shown(triggered(nlp, US + "Russia ignored the demands of the United Nations.", "ignored"))
    assert found and found[0]["event_type"] == "REJECT"


@pytest.mark.model
def test_a_choice_offered_by_a_plan_is_no_offer(nlp: Any) -> None:
    # AGREE: an offer to cooperate; "offers an alternative" describes a plan
    for text, trigger in (
        (US + "Senator Clinton's tax plan offers a stark alternative to Senator Trump's plan.", "offers"),
        (US + "The Democrats offered the Republicans a stark alternative on taxes.", "offered"),
    ):
        assert not _shown(triggered(nlp, text, trigger)), text
    found = _shown(triggered(nlp, US + "Germany offered Ukraine new air defence systems.", "offered"))
    assert found and found[0]["event_type"] == "AGREE"


@pytest.mark.model
def test_talks_with_ones_own_advisers_are_no_meeting(nlp: Any) -> None:
    # CONSULT: meetings between parties, not with one's own staff
    for text, trigger in (
        (US + "President Biden and Vice President Harris met with their advisers on Monday.", "met"),
        (US + "President Biden and Vice President Harris spoke with their aides on Monday.", "spoke"),
    ):
        assert not _shown(triggered(nlp, text, trigger)), text
    found = _shown(triggered(nlp, US + "Governor Brown met with the Mexican president on Monday.", "met"))
    assert found and found[0]["event_type"] == "CONSULT"


@pytest.mark.model
def test_an_act_judged_with_no_doer_judges_nobody(nlp: Any) -> None:
    # ACCUSE: criticism of an actor; "it was a mistake to use ..." owns one's act or gives advice
    for text, trigger in (
        (US + 'Senator Smith said it was "a mistake" to use a private email server.', "mistake"),
        (
            US + "Asked about Trump's claim, Clinton said, \"I think it's wiser to wait until you have "
            'information before making conclusions."',
            "wiser",
        ),
    ):
        assert not triggered(nlp, text, trigger), text
    text = US + "Senator Smith said it was a mistake for the governor to veto the bill."
    assert [e["event_type"] for e in _shown(triggered(nlp, text, "mistake"))] == ["ACCUSE"]
