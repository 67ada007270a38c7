"""Actor codes of session 17 (issue 15, branch entities18), on invented sentences: a title that
names one of a known person's offices takes the table's sector (a chief executive of Hong Kong
is GOV, though "chief executive" alone is a firm's BUS), and Hong Kong's officials are Hong
Kong's (HKG), as the PLOVER manual gives Hong Kong its own country entry."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.facts import ActorFact


def _actors(nlp: Any, text: str, published: str) -> dict[str, ActorFact | None]:
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    return {e.name: e.actor for e in doc_entities(nlp(prepare_doc(nlp, text, published=published)))}


@pytest.mark.model
def test_a_known_office_named_by_a_business_title_keeps_the_table_s_sector(nlp: Any) -> None:
    text = (
        "Hong Kong Chief Executive Tung Chee-hwa met bankers on Monday. Tung said the economy would recover."
    )
    assert _actors(nlp, text, "2001-03-05")["Tung Chee-hwa"] == ActorFact("HKG", "GOV")


@pytest.mark.model
def test_a_firm_s_chief_executive_is_still_business(nlp: Any) -> None:
    text = "Acme Robotics Chief Executive Dora Falk met bankers on Monday. Falk said sales would recover."
    actor = _actors(nlp, text, "2019-03-05")["Dora Falk"]
    assert actor is None or actor.sector == "BUS"  # no table row: the title's own sector or none
