"""Event lexicon rows: ordinary news wordings of PLOVER events code the right type, and the
non-event uses of the same verbs and nouns (sport, business, figures of speech) code nothing."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of
from newsgraph.extract.annotations import doc_facts
from newsgraph.extract.pipeline import prepare_doc


def _types(nlp: Any, text: str) -> list[str]:
    return [e["event_type"] for e in events_of(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("Sergei Lavrov shrugged off the criticism from Washington.", "REJECT", None),
        ("The Republican Party disavowed David Duke.", "REJECT", None),
        ("The Senate killed the bill on Tuesday.", "REJECT", None),
        ("Prime Minister Theresa May took issue with the French remarks.", "ACCUSE", "disapprove"),
        ("Senator Ted Cruz attacked Donald Trump over his remarks on immigration.", "ACCUSE", "disapprove"),
        ("The German chancellor sided with France in the dispute.", "SUPPORT", None),
        ("Republicans rallied behind Trump after the convention.", "SUPPORT", None),
        ("Greek Prime Minister Alexis Tsipras caved to pressure from the European Union.", "CONCEDE", None),
        ("Clinton pressed China on human rights.", "REQUEST", None),
        ("The Trump administration withheld military aid from Ukraine.", "SANCTION", "discontinue"),
        ("The European Union hit Russia with new sanctions.", "SANCTION", "discontinue"),
        ("Russia amassed troops on the Ukrainian border.", "MOBILIZE", "troops"),
        ("FARC rebels gave up their weapons in Colombia.", "RETREAT", "disarm"),
        ("Jordan hosts 600,000 Syrian refugees.", "AID", None),
        ("Thousands of protesters took to the streets of Paris on Saturday.", "PROTEST", "demo"),
    ],
)
def test_a_news_wording_codes_its_event(nlp: Any, text: str, etype: str, mode: str | None) -> None:
    events = events_of(nlp, text)
    assert [(e["event_type"], e["mode"]) for e in events][:1] == [(etype, mode)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Hurricane Irma hit Florida on Sunday.",
        "Stocks rallied in Tokyo on Monday.",
        "Chelsea conceded a late goal against Arsenal.",
        "Nadal beat Djokovic in the final at Roland Garros.",
        "Apple offered a discount on the iPhone.",
        "Labour captured 40 seats in the election.",
        "Senator John McCain suffered a heart attack on Monday.",
        "China's exports rose sharply in March.",
        "Paul Manafort pleaded guilty to two charges of conspiracy.",
        "Prime Minister Narendra Modi gave a speech in Parliament.",
    ],
)
def test_a_non_event_use_codes_nothing(nlp: Any, text: str) -> None:
    assert _types(nlp, text) == []


@pytest.mark.model
def test_a_cyber_attack_is_coercion(nlp: Any) -> None:
    (event,) = events_of(nlp, "Russia launched a cyber attack on Ukraine's power grid.")
    assert (event["event_type"], event["mode"]) == ("COERCE", "cyber")


@pytest.mark.model
def test_calling_out_is_an_accusation_not_a_call_for(nlp: Any) -> None:
    types = _types(nlp, "House Speaker Paul Ryan called out Donald Trump for his remarks.")
    assert types == ["ACCUSE"]


@pytest.mark.model
def test_sparring_politicians_accuse_each_other(nlp: Any) -> None:

    text = "The French president and the German chancellor have feuded for months over the budget."
    events = doc_facts(nlp(prepare_doc(nlp, text)))["events"]
    assert [e["event_type"] for e in events] == ["ACCUSE"]
    assert {a["code"] for a in events[0]["actor"]} == {"FRA", "DEU"}
