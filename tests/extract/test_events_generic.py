"""Events on ordinary news: what is tried, habitual, polled or only talked about is not reported as
something that happened; a headline in title case is read as running text (sentences invented for
these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact, shown_events
from newsgraph.extract.annotations import doc_facts
from newsgraph.extract.events.candidates import Lexicon
from newsgraph.extract.events.headline import is_title_case, recased_words, running_case
from newsgraph.extract.pipeline import prepare_doc


@pytest.mark.model
def test_an_infinitive_of_a_noun_is_what_is_tried_not_what_happened(nlp: Any) -> None:
    text = "Russia blocked aid deliveries in an attempt to force the United States to abandon the base."
    retreats = [e for e in events_of(nlp, text) if e["event_type"] == "RETREAT"]
    assert retreats and all(not is_fact(e) for e in retreats)
    plan = "The ministry announced a plan to withdraw its troops from Syria, officials in Moscow said."
    assert not [e for e in events_of(nlp, plan) if e["event_type"] in ("RETREAT", "CONCEDE") and is_fact(e)]


@pytest.mark.model
def test_a_habit_is_not_one_happening(nlp: Any) -> None:
    habit = "The Israeli government tends to reject Palestinian demands."
    assert [e for e in events_of(nlp, habit) if e["event_type"] == "REJECT"]
    assert not shown_events(nlp, habit, "REJECT")
    loves = "House Speaker Paul Ryan loves to criticize President Barack Obama."
    assert not shown_events(nlp, loves, "ACCUSE")
    # the same verbs with a clause of their own are no habit: what is liked happened
    done = "House Speaker Paul Ryan criticized President Barack Obama."
    assert shown_events(nlp, done, "ACCUSE")


@pytest.mark.model
def test_a_share_of_a_population_is_a_poll_not_an_act(nlp: Any) -> None:
    (party,) = [
        e
        for e in events_of(nlp, "Democrats approve of Obama, according to a poll.")
        if e["event_type"] == "SUPPORT"
    ]
    text = "81 percent of Democrats approve of Obama, according to a poll."
    (share,) = [e for e in events_of(nlp, text) if e["event_type"] == "SUPPORT"]
    assert share["confidence"] < party["confidence"]
    assert not shown_events(nlp, text, "SUPPORT")
    assert not shown_events(nlp, "Most Republicans support Trump.", "SUPPORT")
    # a share reached through "of" phrases is a share too
    assert not shown_events(
        nlp, "An average of 81 percent of Democrats approve of President Obama.", "SUPPORT"
    )


@pytest.mark.model
def test_what_someone_used_to_do_is_background(nlp: Any) -> None:
    text = "US Senator Thomas Massie used to support Senator Rand Paul of Kentucky."
    assert [e for e in events_of(nlp, text) if e["event_type"] == "SUPPORT"]
    assert not shown_events(nlp, text, "SUPPORT")


@pytest.mark.model
def test_a_thing_is_asked_nothing(nlp: Any) -> None:
    thing = (
        '"The future use of the house by the police should send an unmistakable signal," said '
        "Austrian Interior Minister Wolfgang Peschorn."
    )
    assert not [e for e in events_of(nlp, thing) if e["event_type"] == "REQUEST"]
    group = '"The regime must take responsibility," said US commander Sean Robertson.'
    assert [e for e in events_of(nlp, group) if e["event_type"] == "REQUEST"]


@pytest.mark.model
def test_what_a_claim_is_about_is_not_shown(nlp: Any) -> None:
    text = "Trump was wrong in his claim about Ford canceling its plant in Mexico."
    assert not shown_events(nlp, text, "SANCTION")


HEADLINE = (
    "Obama Urges Congress To Pass Gun Control Bill.\n\n"
    "President Barack Obama on Tuesday urged Congress to pass a bill on gun control."
)


@pytest.mark.model
def test_a_title_case_headline_is_parsed_as_running_text(nlp: Any) -> None:
    doc = nlp(prepare_doc(nlp, HEADLINE, published="2024-03-15"))
    title = next(iter(doc.sents))
    assert is_title_case(title)
    assert not is_title_case(list(doc.sents)[1])
    # the verb of the headline is a verb again, its lemma that of running text
    urges = next(t for t in title if t.text == "Urges")
    assert (urges.pos_, urges.lemma_) == ("VERB", "urge")
    assert urges.text == "Urges" and doc.text == HEADLINE  # the words themselves are untouched
    events = doc_facts(doc)["events"]
    assert any(e["event_type"] == "REQUEST" and e["end"] <= title.end_char for e in events)


@pytest.mark.model
def test_recasing_keeps_the_names_the_article_capitalises(nlp: Any) -> None:
    doc = nlp(prepare_doc(nlp, HEADLINE, published="2024-03-15"))
    title = next(iter(doc.sents))
    capital, lower = running_case(doc, {title.start})
    words = recased_words(title, capital, lower, Lexicon(nlp).words)
    assert words[:6] == ["Obama", "urges", "Congress", "to", "pass", "gun"]


@pytest.mark.model
def test_a_vow_of_revenge_is_a_threat(nlp: Any) -> None:
    for text in ("Iran vowed to retaliate against Israel.", "Hamas leaders vowed revenge against Israel."):
        threats = shown_events(nlp, text, "THREATEN")
        assert threats and [r["code"] for r in threats[0]["recipient"]] == ["ISR"], text
    assert shown_events(nlp, "Israel retaliated with airstrikes on Gaza.", "ASSAULT")


@pytest.mark.model
def test_an_answer_is_aimed_at_the_one_answered(nlp: Any) -> None:
    text = (
        "Russia and Syria accused the United States of blocking aid to the camp. "
        "The Pentagon rejected these accusations as false."
    )
    (reject,) = shown_events(nlp, text, "REJECT")
    assert sorted(r["code"] for r in reject["recipient"]) == ["RUS", "SYR"]
    # whoever rejects them, the charges are the accuser's; an accusation too far back is not
    own = "Russia accused Britain of spying. The German government rejected the claims."
    (reject,) = shown_events(nlp, own, "REJECT")
    assert [r["code"] for r in reject["recipient"]] == ["RUS"]
    far = (
        "Russia accused Britain of spying. The talks went on. The weather was cold. Many people came. "
        "Nothing happened. The German government later rejected the claims."
    )
    assert all(not e["recipient"] for e in events_of(nlp, far) if e["event_type"] == "REJECT")


@pytest.mark.model
def test_what_happened_years_ago_is_history(nlp: Any) -> None:
    history = "Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the country."
    assert [e for e in events_of(nlp, history) if e["event_type"] == "ASSAULT"]
    assert not shown_events(nlp, history, "ASSAULT")


@pytest.mark.model
def test_an_inverted_should_is_a_condition_not_a_demand(nlp: Any) -> None:
    text = (
        "Trump paired ambitious goals with threats should China not accede to his terms, US officials said."
    )
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST"]
    demand = '"China should accede to our terms," said US Trade Representative Robert Lighthizer.'
    assert [e for e in events_of(nlp, demand) if e["event_type"] == "REQUEST"]


@pytest.mark.model
def test_shown_by_is_no_demonstration(nlp: Any) -> None:
    text = (
        "Beijing is concerned about the president's behavior, as demonstrated by his abrupt departure "
        "from a meeting in Hanoi."
    )
    assert not [e for e in events_of(nlp, text) if e["event_type"] in ("PROTEST", "ACCUSE")]
    assert [e for e in events_of(nlp, "Thousands demonstrated in Hanoi.") if e["event_type"] == "PROTEST"]


@pytest.mark.model
def test_the_thing_judged_names_its_doer_where_it_was_told_of(nlp: Any) -> None:
    text = (
        "The United States imposed tariffs on Chinese steel on Monday. "
        "In a statement, Beijing called the tariffs illogical and not justified."
    )
    (accuse,) = shown_events(nlp, text, "ACCUSE")
    assert [a["code"] for a in accuse["actor"]] == ["CHN"]
    assert [r["code"] for r in accuse["recipient"]] == ["USA"]
    # with nothing told of before, nobody is blamed and there is no accusation
    assert not shown_events(
        nlp, "In a statement, Beijing called the tariffs illogical and not justified.", "ACCUSE"
    )


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "President Trump continues to insist his tactics will be worth it.",
        "Russia insisted that its troops are in Crimea legally.",
    ],
)
def test_insisting_that_something_is_so_is_no_demand(nlp: Any, text: str) -> None:
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST"]


@pytest.mark.model
def test_insisting_that_someone_act_is_a_demand(nlp: Any) -> None:
    (request,) = shown_events(nlp, "The European Union insisted that Britain pay its bills.", "REQUEST")
    assert [r["code"] for r in request["recipient"]] == ["GBR"]
    assert [
        e
        for e in events_of(nlp, "Iran insisted on the lifting of sanctions.")
        if e["event_type"] == "REQUEST"
    ]


@pytest.mark.model
def test_admitting_refugees_is_aid_and_welcoming_leaders_a_visit(nlp: Any) -> None:
    refugees = "The Jordanian government admitted more than 1.4 million Syrian refugees."
    assert [e["event_type"] for e in events_of(nlp, refugees)] == ["AID"]
    inspectors = "The UN admitted inspectors to the site."
    assert [e["event_type"] for e in events_of(nlp, inspectors)] == ["RETREAT"]
    guest = (
        "Chinese President Xi Jinping welcomed Russian President Vladimir Putin to Beijing for the summit."
    )
    assert [(e["event_type"], e["mode"]) for e in events_of(nlp, guest)] == [("CONSULT", "visit")]
    # "world leaders" are of many countries, not the host's (session 18: they were coded CHN)
    leaders = "Chinese President Xi Jinping welcomed world leaders to Beijing for the summit."
    assert not [a for e in events_of(nlp, leaders) for a in e["actor"] if a["code"] == "CHN"]


@pytest.mark.model
def test_questioning_someones_sincerity_is_an_accusation(nlp: Any) -> None:
    text = "Republican leaders questioned Trump's sincerity."
    assert [e["event_type"] for e in events_of(nlp, text)] == ["ACCUSE"]
    assert not [e for e in events_of(nlp, "The students questioned the data.") if e["event_type"] == "ACCUSE"]


@pytest.mark.model
def test_a_body_of_the_state_with_no_country_is_the_articles(nlp: Any) -> None:
    lead = "President Barack Obama spoke in Washington on Monday. "
    (accuse,) = shown_events(nlp, lead + "Lawmakers criticized President Obama.", "ACCUSE")
    assert [(a["code"], a["sector"], a["entity"]) for a in accuse["actor"]] == [("USA", "LEG", None)]
    # people who are no body of the state get no country from the article
    assert not shown_events(nlp, lead + "Protesters criticized President Obama.", "ACCUSE")


@pytest.mark.model
def test_a_charge_called_untrue_is_a_rejection_of_its_maker(nlp: Any) -> None:
    text = (
        "Russia and Syria accused the United States of blocking aid. "
        "A Pentagon spokesman said the Russian and Syrian claims were false."
    )
    (reject,) = shown_events(nlp, text, "REJECT")
    assert [a["code"] for a in reject["actor"]] == ["USA"]
    assert sorted(r["code"] for r in reject["recipient"]) == ["RUS", "SYR"]
    assert not shown_events(nlp, text, "ACCUSE")[1:]  # the accusation only, no second one for "false"


@pytest.mark.model
def test_a_wish_is_not_a_report_of_what_happened(nlp: Any) -> None:
    """ "want" and "expect" are verbs of saying too; with an infinitive they wish or expect."""
    wish = "The United States wants Britain to extradite the suspect."
    # the wish is the United States' REQUEST of Britain (events12b), never Britain's COOPERATE
    assert [e for e in events_of(nlp, wish) if e["event_type"] == "REQUEST"]
    assert not shown_events(nlp, wish, "COOPERATE")
    said = "The minister said that Russia wants to meet Ukraine."
    assert [e for e in events_of(nlp, said) if e["event_type"] == "CONSULT"]
    assert not shown_events(nlp, said, "CONSULT")
    # what a verb of saying reports keeps its own modes
    done = "Officials said Iran had asked Britain to lift its sanctions."
    assert shown_events(nlp, done, "REQUEST")


@pytest.mark.model
def test_force_expected_of_others_is_no_threat(nlp: Any) -> None:
    """Announced force is a THREATEN of its doer; what someone else expects of others stays a
    future event, not a threat and not a fact."""
    own = events_of(nlp, "The rebels said they would blockade Paris.")
    assert [e["event_type"] for e in own] == ["THREATEN"]
    plan = events_of(nlp, "The Russian army plans to attack Kharkiv.")
    assert [e["event_type"] for e in plan] == ["THREATEN"]
    expected = events_of(nlp, "The minister said he expects the protesters to blockade the port.")
    assert all(e["event_type"] != "THREATEN" for e in expected)
    assert all(not is_fact(e) for e in expected)


@pytest.mark.model
def test_a_guess_of_the_writer_is_no_offer(nlp: Any) -> None:
    """A conditional cooperation is an offer (AGREE) when its doer says it, not when the writer
    guesses it ("may still offer ... if")."""
    said = events_of(nlp, "Russia said it would meet Ukraine if the shelling stops.")
    assert [(e["event_type"], is_fact(e)) for e in said] == [("AGREE", True)]
    inverted = events_of(nlp, "Russia would meet Ukraine if the shelling stops, the minister said.")
    assert [(e["event_type"], is_fact(e)) for e in inverted] == [("AGREE", True)]
    guess = "Even if Cruz prevails, Senator Ryan may still offer a set of talking points to the party."
    assert not [e for e in events_of(nlp, guess) if is_fact(e)]
