"""Towns named like capitals, followed by the state they are in (session 20, lead): local news
writes "Athens, Ga.", "Paris, Tenn.", "Rome, N.Y." with the state abbreviated, and "Athens,
Georgia" with a state named like a country; the town is then the state's, not the capital's
country (police in Paris, Tennessee were coded France, and their arrests an act of France). A
capital followed by its own country ("Tbilisi, Georgia", "Paris, France") stays the capital."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.countries import town_of_namesake_state


def _codes(nlp: Any, text: str) -> dict[str, str | None]:
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    doc = nlp(prepare_doc(nlp, text, published="2009-03-15"))
    return {e.name: e.actor.code if e.actor else None for e in doc_entities(doc)}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Police in Athens, Ga., arrested a man on Tuesday.", "Athens"),
        ("Police in Paris, Tenn., arrested a woman on Friday.", "Paris"),
        ("Police in Rome, N.Y., arrested two men.", "Rome"),
    ],
)
def test_a_capital_s_namesake_before_an_abbreviated_state_is_the_state_s(
    nlp: Any, text: str, town: str
) -> None:
    assert _codes(nlp, text)[town] == "USA"


def test_a_state_named_like_a_country_after_a_town_of_it_is_the_state(nlp: Any) -> None:
    codes = _codes(nlp, "Police in Athens, Georgia, arrested a man on Tuesday.")
    assert codes["Athens, Georgia"] == "USA" and codes["Georgia"] == "USA"
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    doc = nlp(prepare_doc(nlp, "Police in Athens, Georgia, arrested a man.", published="2009-03-15"))
    keys = {e.name: e.key for e in doc_entities(doc)}
    assert keys["Georgia"] != "GPE:GEO"  # the state is not keyed as the country


def test_a_capital_or_town_in_its_own_country_keeps_that_country(nlp: Any) -> None:
    assert _codes(nlp, "Police in Tbilisi, Georgia, arrested a man on Tuesday.")["Tbilisi"] == "GEO"
    codes = _codes(nlp, "Russian troops entered Gori, Georgia, on Monday.")
    assert codes["Gori"] == "GEO" and codes["Georgia"] == "GEO"
    assert _codes(nlp, "Police in Paris, France, arrested a man.")["Paris"] == "FRA"


def test_an_arrest_by_the_police_of_such_a_town_is_not_the_capital_s_country(nlp: Any) -> None:
    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import prepare_doc

    doc = nlp(prepare_doc(nlp, "Police in Paris, Tenn., arrested a woman on Friday.", published="2009-03-15"))
    codes = [a["code"] for e in doc_facts(doc)["events"] for a in e["actor"]]
    assert codes == ["USA"]


def test_the_namesake_state_needs_a_town_of_the_name_in_its_country_and_none_in_the_other() -> None:
    assert town_of_namesake_state("Athens", "Georgia") == "USA"
    assert town_of_namesake_state("Gori", "Georgia") is None  # a town of the country only
    assert town_of_namesake_state("Athens", "Texas") is None  # Texas is named like no country
