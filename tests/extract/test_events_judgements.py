"""Judgements said of an actor as news reports them: a plan called a mistake, a pronoun judged
"of" someone, a fault or a merit of what an actor has or did, a quote of several sentences, and
feelings of disapproval or praise expressed (our own sentences)."""

from __future__ import annotations

from typing import Any

import pytest
from tests.eventtexts import events_of, is_fact, shown_events

pytestmark = pytest.mark.model


def codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r["code"]}


def one(nlp: Any, text: str, etype: str) -> dict[str, Any]:
    hits = shown_events(nlp, text, etype)
    assert len(hits) == 1, [(e["event_type"], e["text"], e["confidence"]) for e in events_of(nlp, text)]
    return hits[0]


def test_a_plan_called_a_mistake_by_a_minister(nlp: Any) -> None:
    # the small model hangs a finite "called" on the noun before it: that noun is who calls
    ev = one(nlp, "Britain's foreign minister called Trump's plan a mistake.", "ACCUSE")
    assert codes(ev["actor"]) == {"GBR"} and codes(ev["recipient"]) == {"USA"}
    # "a man called John": a name, no judgement
    assert not shown_events(nlp, "A man called John was arrested in Paris.", "ACCUSE")


def test_a_pronoun_judged_of_someone_named_by_the_verb_of_saying(nlp: Any) -> None:
    ev = one(nlp, "\u201cHe is a disgrace,\u201d the Ukrainian foreign minister said of Putin.", "ACCUSE")
    assert codes(ev["actor"]) == {"UKR"} and codes(ev["recipient"]) == {"RUS"}
    # with no one named, "he" judges nobody known
    assert not shown_events(
        nlp, "\u201cHe is a disgrace,\u201d the Ukrainian foreign minister said.", "ACCUSE"
    )


def test_a_fault_of_what_an_actor_did_said_by_another(nlp: Any) -> None:
    text = "\u201cRussia's illegal annexation of Crimea must end,\u201d the Ukrainian foreign minister said."
    ev = one(nlp, text, "ACCUSE")
    assert is_fact(ev) and codes(ev["actor"]) == {"UKR"} and codes(ev["recipient"]) == {"RUS"}
    hypocrisy = (
        "\u201cWashington's hypocrisy is breathtaking,\u201d the Chinese foreign ministry spokesman said."
    )
    ev = one(nlp, hypocrisy, "ACCUSE")
    assert codes(ev["actor"]) == {"CHN"} and codes(ev["recipient"]) == {"USA"}
    # the narrator's own words: nobody is said to judge
    assert not events_of(nlp, "Russia's illegal annexation of Crimea began in 2014.")


def test_a_fault_named_where_a_verb_already_condemns_is_one_event(nlp: Any) -> None:
    text = (
        "\u201cWe condemn Russia's illegal annexation of Crimea,\u201d the Ukrainian foreign minister said."
    )
    ev = one(nlp, text, "ACCUSE")
    assert ev["text"].lower().startswith("condemn")


def test_a_merit_of_another_is_praise_of_ones_own_is_not(nlp: Any) -> None:
    text = "\u201cJapan's remarkable leadership made this possible,\u201d the Australian prime minister said."
    ev = one(nlp, text, "SUPPORT")
    assert codes(ev["actor"]) == {"AUS"} and codes(ev["recipient"]) == {"JPN"}
    own = "\u201cUkraine's brave soldiers held the line,\u201d the Ukrainian president said."
    assert not shown_events(nlp, own, "SUPPORT")


def test_a_judgement_in_a_quote_of_two_sentences_is_made_where_it_is_attributed(nlp: Any) -> None:
    text = (
        "\u201cIran is dangerous. Its missile program is a menace to the region,\u201d "
        "the Israeli prime minister said on Monday."
    )
    ev = one(nlp, text, "ACCUSE")
    assert ev["text"] == "said" and codes(ev["actor"]) == {"ISR"} and codes(ev["recipient"]) == {"IRN"}


def test_feelings_of_disapproval_or_praise_expressed(nlp: Any) -> None:
    ev = one(nlp, "The German chancellor voiced outrage at Russia's actions.", "ACCUSE")
    assert codes(ev["actor"]) == {"DEU"} and codes(ev["recipient"]) == {"RUS"}
    # outrage caused, concerns had: no one expresses them
    assert not events_of(nlp, "The decision sparked outrage in Germany.")
    assert not events_of(nlp, "Investors have concerns about the merger.")
    thanks = one(nlp, "Senator Warren expressed her gratitude to the Japanese government.", "SUPPORT")
    assert codes(thanks["recipient"]) == {"JPN"}


def test_taken_to_task_and_spoken_highly_of(nlp: Any) -> None:
    ev = one(nlp, "The French president took Putin to task for his comments.", "ACCUSE")
    assert codes(ev["actor"]) == {"FRA"} and codes(ev["recipient"]) == {"RUS"}
    assert one(nlp, "The French president spoke highly of the German chancellor.", "SUPPORT")


def test_should_have_said_of_another_is_a_reproach(nlp: Any) -> None:
    text = "\u201cGermany should have stopped the pipeline years ago,\u201d the Polish foreign minister said."
    ev = one(nlp, text, "ACCUSE")
    assert is_fact(ev) and codes(ev["actor"]) == {"POL"} and codes(ev["recipient"]) == {"DEU"}
    assert not shown_events(nlp, text, "REQUEST")
    # without the perfect it is still a demand; of oneself no reproach
    now = "\u201cGermany should stop the pipeline,\u201d the Polish foreign minister said."
    assert one(nlp, now, "REQUEST") and not shown_events(nlp, now, "ACCUSE")
    own = "\u201cWe should have acted sooner,\u201d the Polish foreign minister said."
    assert not shown_events(nlp, own, "ACCUSE")
    # with a copula: "should have been tougher" reproaches too
    been = "\u201cGermany should have been tougher on Russia,\u201d the Polish foreign minister said."
    assert codes(one(nlp, been, "ACCUSE")["recipient"]) == {"DEU"}


def test_questioning_whether_is_criticism(nlp: Any) -> None:
    ev = next(e for e in events_of(nlp, "Senator Warren questioned whether Trump was fit for office."))
    assert ev["event_type"] == "ACCUSE" and ev["mode"] == "disapprove" and is_fact(ev)


def test_an_imperative_said_to_someone_is_a_request(nlp: Any) -> None:
    ev = one(nlp, "\u201cStop the war now,\u201d the Ukrainian president told Putin.", "REQUEST")
    assert codes(ev["actor"]) == {"UKR"} and codes(ev["recipient"]) == {"RUS"}
    # a demand not to act is a demand too
    dont = one(
        nlp, "\u201cPlease don't attack our cities,\u201d the Ukrainian president told Putin.", "REQUEST"
    )
    assert is_fact(dont) and codes(dont["recipient"]) == {"RUS"}
    # nobody spoken to, talk rather than action, the speaker's own side: no demand
    for text in (
        "\u201cStop the war now,\u201d the Ukrainian president said.",
        "\u201cLook, this is hard,\u201d the Ukrainian president told Putin.",
        "\u201cLet us work together,\u201d the Ukrainian president told the French president.",
        "\u201cWe will fight on. Never give up,\u201d the Ukrainian president told the soldiers.",
    ):
        assert not shown_events(nlp, text, "REQUEST"), text


CAMPAIGN = "Donald Trump and Hillary Clinton campaigned in Ohio on Monday. Marco Rubio stayed in Washington. "


def test_political_insults_said_or_called(nlp: Any) -> None:
    for text, word in (
        ("Trump called Clinton \u201ccrooked\u201d at a rally.", "crooked"),  # a verbless parse
        ("Trump tweeted that Rubio is a \u201closer.\u201d", "loser"),
        ("Trump said Obama was \u201cthe worst president in history.\u201d", "worst"),  # lemma "bad"
        ("Rubio described Trump as a con man.", "con"),
    ):
        ev = one(nlp, CAMPAIGN + text, "ACCUSE")
        assert ev["text"] == word and codes(ev["recipient"]) == {"USA"}, text
    # "not bad", and bad weather, judge nobody
    assert not shown_events(nlp, CAMPAIGN + "\u201cTrump is not a bad man,\u201d Rubio said.", "ACCUSE")
    assert not shown_events(nlp, CAMPAIGN + "\u201cThe weather was bad,\u201d Rubio said.", "ACCUSE")


def test_criticism_of_an_office_holder_named_by_title(nlp: Any) -> None:
    # "@ACTOR": the object of "attacked" is a political office, not only a name
    ev = one(nlp, CAMPAIGN + "Senator Warren attacked the president on Monday.", "ACCUSE")
    assert codes(ev["recipient"]) == {"USA"}
    # "went after", "took issue with": the recipient is the object of "after" and "with"
    after = one(nlp, CAMPAIGN + "Senator Warren went after Clinton over her emails.", "ACCUSE")
    assert codes(after["recipient"]) == {"USA"}


def test_a_fault_said_in_a_clause_in_passing_is_still_said(nlp: Any) -> None:
    text = (
        "\u201cThe camp is another example of a practice that deflects the blame for Russia's "
        "inhumane behavior,\u201d the French foreign minister said."
    )
    ev = one(nlp, text, "ACCUSE")
    assert codes(ev["actor"]) == {"FRA"} and codes(ev["recipient"]) == {"RUS"}


def test_support_given_and_withheld_as_news_words_it(nlp: Any) -> None:
    weight = one(nlp, CAMPAIGN + "Senator Warren threw her weight behind Clinton.", "SUPPORT")
    assert codes(weight["recipient"]) == {"USA"}  # "behind" names whom it is given
    assert one(nlp, CAMPAIGN + "Senator Warren gave Clinton her blessing.", "SUPPORT")
    assert events_of(nlp, CAMPAIGN + "Senator Warren heaped praise on Clinton.")[0]["event_type"] == "SUPPORT"
    withheld = one(nlp, CAMPAIGN + "Senator Warren withheld her endorsement from Trump.", "REJECT")
    assert codes(withheld["recipient"]) == {"USA"}
    assert not events_of(nlp, "The storm threw debris behind the house.")


def test_branded_or_labelled_a_liar_and_opposition_voiced(nlp: Any) -> None:
    # the small model parses "branded Trump a liar" as one object [Trump a liar]
    for verb in ("branded", "labeled"):
        ev = one(nlp, CAMPAIGN + f"Senator Warren {verb} Trump a charlatan.", "ACCUSE")
        assert codes(ev["recipient"]) == {"USA"}, verb
    # opposition voiced is an objection (ACCUSE); "the opposition" alone is a group
    voiced = events_of(nlp, CAMPAIGN + "Senator Warren voiced her opposition to the bill.")
    assert [e["event_type"] for e in voiced if e["text"] == "opposition"] == ["ACCUSE"]
    assert not [
        e
        for e in events_of(nlp, "The opposition won the election in Venezuela.")
        if e["text"] == "opposition"
    ]
    # an adjective after a verb of calling is no military offensive
    called = events_of(nlp, CAMPAIGN + "Senator Warren called Trump's remarks offensive.")
    assert not [e for e in called if e["event_type"] == "ASSAULT"]


def test_recognizing_that_something_is_so_is_no_support(nlp: Any) -> None:
    text = "The Austrian government recognized that Austrians were also perpetrators of Nazi crimes."
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "SUPPORT"]
    assert one(nlp, "The United States recognized Kosovo in 2008.", "SUPPORT")
