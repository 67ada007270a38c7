"""Actor codes of session 20 (issue 14, branch ev24codes), on invented sentences: a monarch's title
before one name is a given or regnal name, not a commoner's surname ("King Hussein" beside "Saddam
Hussein")."""

from __future__ import annotations

from typing import Any

from newsgraph.extract.facts import ActorFact


def _entities(nlp: Any, text: str, published: str = "2024-03-15") -> dict[str, tuple[str, ActorFact | None]]:
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    return {e.name: (e.type, e.actor) for e in doc_entities(nlp(prepare_doc(nlp, text, published=published)))}


def test_a_monarch_s_one_name_is_not_a_commoner_s_surname(nlp: Any) -> None:
    text = (
        "Zarvonia's Karim Hassoun promised to leave the border town. Velmaria's King Hassoun met "
        "the envoy in the capital on Monday."
    )
    found = _entities(nlp, text)
    assert "Karim Hassoun" in found  # was one person with "King Hassoun"
    assert "Hassoun" in found or "King Hassoun" in found


def test_a_surname_after_a_common_title_still_joins_the_full_name(nlp: Any) -> None:
    text = "Karim Hassoun promised to leave the border town. President Hassoun met the envoy on Monday."
    found = _entities(nlp, text)
    assert "Karim Hassoun" in found
    assert "Hassoun" not in found and "President Hassoun" not in found


def test_a_government_named_after_its_leader_is_the_leader_s_country_s(nlp: Any) -> None:
    text = (
        "Egypt asked for troops on Sunday. Brazilian President Paulo Ferreira spoke to reporters. "
        "The Ferreira administration said it rejects the plan."
    )
    found = _entities(nlp, text)
    assert found["administration"][1] == ActorFact("BRA", "GOV")  # was missing; "it" was EGY


def test_a_bare_nominal_government_still_takes_the_country_named_before(nlp: Any) -> None:
    text = "Brazil sent troops to the border on Sunday. The government said it rejects the plan."
    assert _entities(nlp, text)["government"][1] == ActorFact("BRA", "GOV")


def test_an_acronym_name_in_capitals_is_no_relative_pronoun(nlp: Any) -> None:
    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import prepare_doc

    text = "Mexican officials said the WHO had not acted for eight days. The WHO rejected the accusations."
    doc = nlp(prepare_doc(nlp, text, published="2009-05-01"))
    events = [e for e in doc_facts(doc)["events"] if e["event_type"] == "REJECT"]
    assert events and [a.get("code") for a in events[0]["actor"]] == ["UNO"]  # was MEX ("who")


def test_northern_ireland_written_in_lower_case_is_british(nlp: Any) -> None:
    text = "Northern Ireland police said that northern Ireland police believe the gang was behind it."
    found = _entities(nlp, text)
    assert all(actor == ActorFact("GBR", "GOV") for name, (_, actor) in found.items() if "Ireland" in name)
    text = "Police in northern Ireland arrested two men in Belfast on Monday."
    found = _entities(nlp, text)
    assert "Ireland" not in found  # was IRL
    assert any(actor and actor.code == "GBR" for name, (_, actor) in found.items() if "Ireland" in name)


def test_the_two_leaders_are_the_last_two_people_named(nlp: Any) -> None:
    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import prepare_doc

    text = (
        "Russian President Ivan Sorokin met Ukrainian President Taras Melnyk in Minsk. Melnyk told "
        "Sorokin that Ukraine would not join NATO. The two leaders also pledged to consult each other."
    )
    doc = nlp(prepare_doc(nlp, text, published="2024-03-15"))
    events = [e for e in doc_facts(doc)["events"] if e["text"] == "pledged"]
    assert events and {a.get("code") for a in events[0]["actor"]} == {"RUS", "UKR"}  # was NATO's IGO
