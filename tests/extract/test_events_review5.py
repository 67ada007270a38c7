"""Events on ordinary news, rules of branch ``events15p``: kinds of false events and wrong doers
found on a fifth review sample of real pages nobody labelled (eval/data/events_review5), each fixed
by one principle (sentences invented for these tests, in the wording such pages use)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact
from newsgraph.extract.events.syntax import inherited, subjects
from newsgraph.extract.thresholds import DEFAULT_MIN_CONFIDENCE


def _of(nlp: Any, text: str, trigger: str) -> list[dict[str, Any]]:
    return [e for e in events_of(nlp, text) if e["text"] == trigger]


def _codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r["code"]}


@pytest.mark.model
def test_a_poll_tally_is_no_act_of_support(nlp: Any) -> None:
    # "favored X, 64 percent to 20 percent": a survey's counted preferences, not one act
    text = (
        "In a Gallup survey released on Monday, Democrats favored Senator Jane Doe, 64 percent to "
        "20 percent, while Republicans favored Governor John Smith, 70 percent to 9 percent."
    )
    found = _of(nlp, text, "favored")
    assert len(found) == 2 and all(e["confidence"] < DEFAULT_MIN_CONFIDENCE for e in found)
    # a share that changes is no tally: the praise beside it keeps its confidence
    text = (
        "The government cut tariffs from 25 percent to 10 percent, and Senator Jane Doe praised "
        "the government."
    )
    found = _of(nlp, text, "praised")
    assert found and found[0]["confidence"] >= DEFAULT_MIN_CONFIDENCE


@pytest.mark.model
def test_asking_after_a_quoted_question_is_no_request(nlp: Any) -> None:
    # the attribution of a quoted question reports a question, however the parse cuts it
    text = (
        "The senator spoke on Monday. \u201dWhere was he when the economy collapsed?\u201d Mr. Trump "
        "asked, repeating a broadside - that the former president was responsible for the recession "
        "of 2008 - that he used in the debate."
    )
    found = [e for e in _of(nlp, text, "asked") if e["event_type"] == "REQUEST"]
    assert found and all(e["confidence"] < DEFAULT_MIN_CONFIDENCE for e in found)
    found = _of(nlp, "Senator John Smith asked the governor to resign.", "asked")
    assert found and found[0]["event_type"] == "REQUEST" and found[0]["confidence"] >= DEFAULT_MIN_CONFIDENCE


@pytest.mark.model
def test_the_notion_of_an_act_is_no_act_when_a_word_comes_between(nlp: Any) -> None:
    # "floated the notion Sunday of admitting": the parser hangs "of" on the verb; it is the notion's
    text = "Jeb Bush and Ted Cruz both floated the notion Sunday of admitting refugees from Syria."
    found = _of(nlp, text, "admitting")
    assert found and not any(is_fact(e) for e in found)


@pytest.mark.model
def test_a_finite_verb_is_no_conjunct_of_an_infinitive(nlp: Any) -> None:
    # "... Obama's refusal to use the term as well and called for her to resign": Trump calls,
    # not the owner of the refusal
    text = (
        "Likewise, Trump went after Nancy Pelosi for following Obama\u2019s refusal to use the term as "
        "well and called for her to resign."
    )
    found = [e for e in _of(nlp, text, "called") if e["event_type"] == "REQUEST"]
    assert found and [a["text"] for a in found[0]["actor"]] == ["Trump"]


@pytest.mark.model
def test_a_noun_right_before_a_participle_is_its_doer(nlp: Any) -> None:
    # "a sniper targeting and killing five officers": the parser makes "sniper" an adverbial
    doc = nlp(
        "While commenting on the recent shootings and a sniper targeting and killing five police "
        "officers, the governor said the state would act."
    )
    verb = next(t for t in doc if t.lower_ == "targeting")
    assert [t.lower_ for t in subjects(verb)[0]] == ["sniper"]
    doc = nlp("Protesters marched on Sunday, chanting slogans.")
    verb = next(t for t in doc if t.lower_ == "chanting")
    assert subjects(verb)[0] == []


@pytest.mark.model
def test_a_coordinated_clause_keeps_its_own_mood(nlp: Any) -> None:
    # "X should never be tolerated, and we call on Y": the "should" is not the call's
    text = (
        '"Discrimination should never be tolerated by the state, and we call on the Missouri Senate '
        "to reject this bill,\" the group's director, Jane Doe, said in a statement."
    )
    found = [e for e in _of(nlp, text, "call") if e["event_type"] == "REQUEST"]
    assert found and is_fact(found[0]) and _codes(found[0]["recipient"]) == {"USA"}
    # a conjunct with no subject of its own shares the modal: "could attack ... and destroy"
    found = _of(nlp, "Iran could attack Israel and destroy its airports, the minister said.", "attack")
    assert found and not any(is_fact(e) for e in found)


@pytest.mark.model
def test_people_described_by_a_participle_do_it(nlp: Any) -> None:
    # "students protesting": the students protest, not the police who fired at them
    doc = nlp("Kenyan police fired tear gas at students protesting in Nairobi against fee increases.")
    verb = next(t for t in doc if t.lower_ == "protesting")
    assert [t.lower_ for t in inherited(verb)[0]] == ["students"]
    # what a thing does is its maker's: "issued a statement condemning" (the issuer)
    doc = nlp("The ministry issued a statement condemning the attack.")
    verb = next(t for t in doc if t.lower_ == "condemning")
    assert [t.lower_ for t in inherited(verb)[0]] == ["ministry"]


@pytest.mark.model
def test_with_after_an_object_is_the_means(nlp: Any) -> None:
    # "threatened Serbia with air strikes": the strikes are the means, not a second recipient
    found = _of(nlp, "Envoy Richard Holbrooke threatened Serbia with NATO air strikes.", "threatened")
    assert found and _codes(found[0]["recipient"]) == {"SRB"}
    # with no one as object, "with" names the party
    found = _of(nlp, "Israel shared intelligence with Jordan on the plot.", "shared")
    assert found and _codes(found[0]["recipient"]) == {"JOR"}


@pytest.mark.model
def test_yet_to_is_not_done(nlp: Any) -> None:
    # "has yet to apologize": it has not happened
    found = _of(
        nlp, "Despite the outrage from foreign leaders, Trump has yet to apologize to the Khans.", "apologize"
    )
    assert found and found[0]["negated"]
    found = _of(nlp, "President Trump apologized to Mexico on Monday.", "apologized")
    assert found and is_fact(found[0])


@pytest.mark.model
def test_a_request_of_nothing_is_no_request(nlp: Any) -> None:
    # "demanding" as an adjective: nothing asked, of no one
    text = "The Obamas cut back the ritual in part because it is demanding and time-consuming."
    found = [e for e in _of(nlp, text, "demanding") if e["event_type"] == "REQUEST"]
    assert all(e["confidence"] < 0.1 for e in found)
    found = _of(
        nlp, "Protesters in Kiev demanded the resignation of President Viktor Yanukovych.", "demanded"
    )
    assert found and found[0]["confidence"] >= DEFAULT_MIN_CONFIDENCE


@pytest.mark.model
def test_a_relative_is_not_the_one_named_by_his(nlp: Any) -> None:
    # "his mother" is someone else than the admiral: no political doer
    text = (
        "Admiral John Smith, the commander of the United States Pacific Command, was born in Japan. "
        "When his family moved back to Tennessee, his mother refused to teach him Japanese."
    )
    found = _of(nlp, text, "refused")
    assert all(a["sector"] == "CVL" and a["entity"] is None for e in found for a in e["actor"])


@pytest.mark.model
def test_a_win_counted_is_no_force(nlp: Any) -> None:
    # "captured 1,944 delegates": a tally of an election, no ASSAULT
    text = (
        "Clinton had captured 1,944 delegates heading into Tuesday's primaries, compared to Sanders' 1,192."
    )
    found = [e for e in _of(nlp, text, "captured") if e["event_type"] == "ASSAULT"]
    assert all(e["confidence"] < 0.1 for e in found)
    text = "Taliban fighters captured two districts in Helmand province on Sunday, killing 12 soldiers."
    found = _of(nlp, text, "captured")
    assert found and found[0]["event_type"] == "ASSAULT" and found[0]["confidence"] >= DEFAULT_MIN_CONFIDENCE


@pytest.mark.model
def test_a_condition_said_of_another_is_supposed(nlp: Any) -> None:
    # what someone says another does "if the claims are true" is his supposition, not a fact
    text = (
        "Yukiya Amano, director general of the International Atomic Energy Agency, said in a statement "
        "Wednesday that, if its claims are true, North Korea is violating U.N. Security Council resolutions."
    )
    found = _of(nlp, text, "violating")
    assert found and not any(is_fact(e) for e in found)
    # one's own conditional stance, said, is kept: an offer
    found = _of(
        nlp, "Senator John Smith said he supports the Iran deal if Congress can review it.", "supports"
    )
    assert found and is_fact(found[0])


@pytest.mark.model
def test_a_participle_in_a_list_of_adjectives_is_no_verb(nlp: Any) -> None:
    # "regular, pledged delegates": a kind of delegate, no pledge told
    text = "Hillary Clinton clinched an outright majority of regular, pledged delegates on Tuesday."
    assert not _of(nlp, text, "pledged")
    # a verb after an appositive list of adjectives is still one
    found = _of(nlp, "President Obama, angry and frustrated, pledged to veto the bill.", "pledged")
    # a promise to refuse is the refusal (session 20, ev23stance: plover_content.tsv AGREE/REJECT)
    assert found and found[0]["event_type"] == "REJECT"
