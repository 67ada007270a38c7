"""Political speech as news reports it: refusals stated with "cannot", one's own promises said or
quoted, promises to punish, judgements said of an actor, and people of no known country who speak
or act (our own sentences)."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.annotations import doc_facts
from newsgraph.extract.events.confidence import DEFAULT_MIN_CONFIDENCE
from newsgraph.extract.pipeline import prepare_doc

pytestmark = pytest.mark.model


def events_of(nlp: Any, text: str) -> list[dict[str, Any]]:
    return list(doc_facts(nlp(prepare_doc(nlp, text, published="2024-03-15")))["events"])


def codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r["code"]}


def only(found: list[dict[str, Any]], etype: str) -> dict[str, Any]:
    hits = [e for e in found if e["event_type"] == etype]
    assert len(hits) == 1, [(e["event_type"], e["text"]) for e in found]
    return hits[0]


def is_fact(ev: dict[str, Any]) -> bool:
    return not (ev["negated"] or ev["hypothetical"] or ev["future"])


def test_cannot_accept_is_a_refusal_stated_now(nlp: Any) -> None:
    ev = only(events_of(nlp, "Canada said it cannot accept the proposal from Mexico."), "REJECT")
    assert is_fact(ev) and codes(ev["actor"]) == {"CAN"} and codes(ev["recipient"]) == {"MEX"}
    # "could" without a negation stays a possibility
    maybe = events_of(nlp, "Canada said it could accept the proposal from Mexico.")
    assert not any(is_fact(e) for e in maybe)


def test_ones_own_promise_said_or_quoted_is_an_agree(nlp: Any) -> None:
    said = only(events_of(nlp, "Germany said it would support Ukraine."), "AGREE")
    assert is_fact(said) and codes(said["recipient"]) == {"UKR"}
    quoted = only(events_of(nlp, '"We will support Ukraine," the German chancellor said.'), "AGREE")
    assert is_fact(quoted)
    # someone else's plan is still a plan: not yet a fact
    plan = only(events_of(nlp, "Officials said Germany and France will meet next week."), "AGREE")
    assert plan["future"]


def test_a_promise_to_punish_is_a_threat(nlp: Any) -> None:
    vowed = only(events_of(nlp, "France vowed to impose tariffs on Chinese imports."), "THREATEN")
    assert codes(vowed["actor"]) == {"FRA"} and codes(vowed["recipient"]) == {"CHN"}
    text = "Brazil said it would raise tariffs on American steel if Washington did not lift its levies."
    raised = only(events_of(nlp, text), "THREATEN")
    assert is_fact(raised) and codes(raised["recipient"]) == {"USA"}


def test_calling_an_actor_a_threat_is_an_accusation(nlp: Any) -> None:
    ev = only(events_of(nlp, "China said the American president was a threat to world peace."), "ACCUSE")
    assert codes(ev["actor"]) == {"CHN"} and codes(ev["recipient"]) == {"USA"}


def test_a_person_of_no_known_country_acts_for_the_articles_country(nlp: Any) -> None:
    text = "Texas lawmakers met in Austin on Monday. Later, Mike Lux accused the Democrats of lying."
    ev = only(events_of(nlp, text), "ACCUSE")
    assert [a["text"] for a in ev["actor"]] == ["Mike Lux"] and codes(ev["actor"]) == {"USA"}


def test_meeting_with_people_who_are_no_actors_is_no_consultation(nlp: Any) -> None:
    text = "Governor Gavin Newsom met with reporters in Sacramento after the budget vote in California."
    press = only(events_of(nlp, text), "CONSULT")
    assert press["confidence"] < DEFAULT_MIN_CONFIDENCE
    text = "Governor Gavin Newsom met with Mexican President Andres Manuel Lopez Obrador in Sacramento."
    summit = only(events_of(nlp, text), "CONSULT")
    assert summit["confidence"] >= DEFAULT_MIN_CONFIDENCE


def test_a_verb_that_only_reports_its_speech_act_weighs_more(nlp: Any) -> None:
    plain = only(events_of(nlp, "Japan criticized China on Monday."), "ACCUSE")
    loose = only(events_of(nlp, "Japan supported China on Monday."), "SUPPORT")
    assert plain["confidence"] > loose["confidence"]


def test_a_meeting_said_to_come_is_a_plan(nlp: Any) -> None:
    text = '"Angela Merkel and Emmanuel Macron are meeting up next week," the spokesman said.'
    ev = only(events_of(nlp, text), "AGREE")
    assert ev["future"]
    past = only(events_of(nlp, "Angela Merkel met Emmanuel Macron in Paris the next day."), "CONSULT")
    assert not past["future"]


def test_needs_to_said_of_another_person_of_the_same_country_is_a_request(nlp: Any) -> None:
    text = "Ohio Governor Mike DeWine said on Thursday that Donald Trump needs to apologize to the voters."
    ev = only(events_of(nlp, text), "REQUEST")
    assert [r["text"] for r in ev["recipient"]] == ["Donald Trump"] and codes(ev["recipient"]) == {"USA"}
    assert codes(ev["actor"]) == {"USA"}


def test_who_is_alleged_to_have_done_it_is_the_recipient(nlp: Any) -> None:
    ev = only(
        events_of(nlp, "The Justice Department is alleging that Russia meddled in the election."), "ACCUSE"
    )
    assert codes(ev["actor"]) == {"USA"} and codes(ev["recipient"]) == {"RUS"}


def test_him_is_not_the_subject_of_his_own_clause(nlp: Any) -> None:
    text = (
        "Donald Trump won the primary on Tuesday. "
        "Rush Limbaugh praised Trump's instincts and urged him to keep going."
    )
    ev = only(events_of(nlp, text), "REQUEST")
    assert [(r["text"], r["code"]) for r in ev["recipient"]] == [("him", "USA")]


def test_a_warning_is_a_threat_only_when_aimed_or_promising_action(nlp: Any) -> None:
    assert not events_of(nlp, "The central bank warned that inflation would rise next year.")
    assert not events_of(nlp, "The IMF warned of a global recession.")
    aimed = only(events_of(nlp, "Iran warned Israel against any attack on its nuclear sites."), "THREATEN")
    assert codes(aimed["recipient"]) == {"ISR"}
    text = "China warned of serious consequences if Taiwan's president visited Washington."
    assert only(events_of(nlp, text), "THREATEN")["confidence"] >= DEFAULT_MIN_CONFIDENCE


def test_aid_to_nobody_named_is_not_a_whole_event(nlp: Any) -> None:
    aimless = only(events_of(nlp, "Germany provided humanitarian aid on Monday."), "AID")
    aimed = only(events_of(nlp, "Germany provided humanitarian aid to Sudan on Monday."), "AID")
    assert aimless["confidence"] < DEFAULT_MIN_CONFIDENCE <= aimed["confidence"]


def test_what_a_statement_says_is_its_issuers_event(nlp: Any) -> None:
    text = "The European Parliament passed a resolution calling on Turkey to recognize the Armenian genocide."
    asked = only(events_of(nlp, text), "REQUEST")
    assert codes(asked["actor"]) == {"EUR"} and codes(asked["recipient"]) == {"TUR"}
    assert asked["confidence"] >= DEFAULT_MIN_CONFIDENCE  # what the resolution says, not background
    owned = only(events_of(nlp, "Japan's statement criticizing North Korea was issued on Monday."), "ACCUSE")
    assert codes(owned["actor"]) == {"JPN"} and codes(owned["recipient"]) == {"PRK"}
    text = "In a statement condemning the Russian strike, the German foreign ministry called for calm."
    said_in = only(events_of(nlp, text), "ACCUSE")
    assert codes(said_in["actor"]) == {"DEU"} and codes(said_in["recipient"]) == {"RUS"}


def test_a_why_question_takes_its_event_for_granted(nlp: Any) -> None:
    why = only(events_of(nlp, "Why does Israel refuse to recognize the Armenian genocide?"), "REJECT")
    assert why["confidence"] >= DEFAULT_MIN_CONFIDENCE
    yes_no = events_of(nlp, "Will Israel refuse to recognize the Armenian genocide?")
    assert all(e["confidence"] < DEFAULT_MIN_CONFIDENCE for e in yes_no)


def test_what_someone_was_driven_to_do_happened(nlp: Any) -> None:
    text = "The arrests drove Serbian students to demand the resignation of President Aleksandar Vucic."
    demanded = only(events_of(nlp, text), "REQUEST")
    assert is_fact(demanded) and codes(demanded["actor"]) == {"SRB"}
    prompted = only(events_of(nlp, "The arrests prompted Germany to demand their release."), "REQUEST")
    assert is_fact(prompted) and codes(prompted["actor"]) == {"DEU"}


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Poland tore into Germany over the pipeline deal.", "ACCUSE"),
        ("The Turkish president denigrated Greece in a speech on Monday.", "ACCUSE"),
        ("The French president saluted Ukraine for its courage.", "SUPPORT"),
    ],
)
def test_more_ways_news_words_criticism_and_praise(nlp: Any, text: str, etype: str) -> None:
    ev = only(events_of(nlp, text), etype)
    assert ev["actor"] and ev["recipient"]


def test_called_out_names_its_recipient_and_meeting_voters_is_no_consultation(nlp: Any) -> None:
    text = (
        "Nancy Pelosi met voters in Ohio. "
        "Pelosi has repeatedly called out Trump, slamming his remarks on immigration."
    )
    found = events_of(nlp, text)
    called = only(found, "ACCUSE")
    assert [r["text"] for r in called["recipient"]] == ["Trump"]
    assert only(found, "CONSULT")["confidence"] < DEFAULT_MIN_CONFIDENCE
