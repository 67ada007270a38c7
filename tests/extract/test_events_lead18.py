"""Events, session 18 (lead): sentences of the seed's kind, invented for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import shown, triggered


@pytest.mark.model
def test_assets_ordered_to_be_frozen_are_a_sanction(nlp: Any) -> None:
    # the seed: "Japan has ordered the assets of 19 North Korean entities to be frozen" was a
    # SANCTION at 0.11: "assets", the word that makes "frozen" a sanction, hangs on "ordered"
    # in the parse, and was read as a cue standing outside the verb's clause
    text = "Officials said Canada has ordered the assets of 12 Iranian firms to be frozen."
    found = shown(triggered(nlp, text, "frozen"))
    assert [e["event_type"] for e in found] == ["SANCTION"]
    assert [a["code"] for a in found[0]["actor"]] == ["CAN"]
    # the cue must still be near: frozen talks are no sanction of assets
    text = "Officials said Canada has ordered the talks to be frozen until spring."
    assert not [e for e in shown(triggered(nlp, text, "frozen")) if e["event_type"] == "SANCTION"]


@pytest.mark.model
def test_pushing_back_against_an_insistence_rejects_it(nlp: Any) -> None:
    # the seed: "China's deputy UN ambassador pushed back against US insistence that ..." was an
    # ACCUSE; pushing back against a claim or demand is refusing it (PLOVER REJECT), as "pushed
    # back against the claims" already was
    text = "Brazil's foreign minister pushed back against US insistence that the deal be reopened."
    assert [e["event_type"] for e in shown(triggered(nlp, text, "pushed"))] == ["REJECT"]
    # pushing back against a person stays criticism
    text = "Brazil's foreign minister pushed back against Argentina's president on Tuesday."
    assert [e["event_type"] for e in shown(triggered(nlp, text, "pushed"))] == ["ACCUSE"]


@pytest.mark.model
def test_a_group_named_as_of_several_countries_takes_no_country(nlp: Any) -> None:
    # "Obama, Asian leaders huddle on region's concerns" (a PolNeAR headline) coded the Asian
    # leaders JPN, and "African leaders met in Nairobi" KEN: unnamed bodies took the article's
    # main country though the words say they come from several
    for text in (
        "African leaders met in Nairobi on Thursday to discuss trade.",
        "Foreign diplomats met in Nairobi on Thursday to discuss trade.",
    ):
        codes = [a["code"] for e in triggered(nlp, text, "met") for a in e["actor"]]
        assert "KEN" not in codes, text
    # a body of the article's country named so keeps it
    text = "Lawmakers met in Nairobi on Thursday to discuss the budget of Kenya."
    assert [a["code"] for e in triggered(nlp, text, "met") for a in e["actor"]] == ["KEN"]


@pytest.mark.model
def test_an_unnamed_office_in_an_article_about_two_countries_is_neither_guessed(nlp: Any) -> None:
    # "the foreign minister" with nobody named so took the article's main country even where
    # another country is named nearly as often: either may be meant (as for a bare national
    # title, countries.people_country, and for unnamed bodies, Context.public_country)
    text = (
        "Talks between Russia and Ukraine resumed in Istanbul on Monday.\n\n"
        "Russia wants guarantees, Russian officials said. Ukraine rejects them, Ukrainian officials said.\n\n"
        "Russia and Ukraine have fought since 2022. Ukraine's allies back Kyiv.\n\n"
        "The foreign minister accused Moscow of stalling the talks."
    )
    codes = [a["code"] for e in triggered(nlp, text, "accused") for a in e["actor"]]
    assert "UKR" not in codes and "RUS" not in codes
    # in an article about one country the office is that country's
    text = (
        "Kenya's budget was debated in Nairobi on Monday. Kenyan lawmakers met again on Tuesday.\n\n"
        "The foreign minister accused Uganda of stalling the talks."
    )
    assert [a["code"] for e in triggered(nlp, text, "accused") for a in e["actor"]] == ["KEN"]
