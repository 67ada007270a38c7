"""Doers and recipients the parse or the tables lose, rules of branch ``ev21doers`` (session 19):
a title split from the name it opens, a person's campaign or administration as the doer, and a
known politician left with no sector by an undated article's guessed year. Sentences invented
for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes
from eventtexts import shown as _shown
from eventtexts import triggered as _of
from newsgraph.extract.annotations import doc_facts
from newsgraph.extract.events.alone import is_political, political_figure
from newsgraph.extract.events.confidence import DEFAULT_MIN_CONFIDENCE
from newsgraph.extract.pipeline import prepare_doc


@pytest.mark.model
def test_a_title_split_from_its_name_keeps_the_person_as_the_recipient(nlp: Any) -> None:
    # the small model reads "President" as the object and "Trump" as an adverbial noun
    found = _shown(_of(nlp, US + "Senator Warren mocked President Trump.", "mocked"))
    assert found and found[0]["event_type"] == "ACCUSE"
    assert codes(found[0]["recipient"]) == {"USA"}
    assert [r["text"] for r in found[0]["recipient"]] == ["Trump"]
    # a title with no name after it stays what it is: "the president"
    found = _of(nlp, US + "Senator Warren mocked the president on Tuesday.", "mocked")
    assert found and [r["text"] for r in found[0]["recipient"]] in ([], ["president"])


@pytest.mark.model
def test_a_persons_campaign_is_the_party_side_and_an_administration_the_government(nlp: Any) -> None:
    text = US + (
        "Senator Bernie Sanders spoke in Iowa on Monday. "
        "The Sanders campaign criticized Hillary Clinton on Sunday."
    )
    found = _shown(_of(nlp, text, "criticized"))
    assert found and [(a["code"], a["sector"]) for a in found[0]["actor"]] == [("USA", "PTY")]
    text = US + (
        "Hillary Clinton spoke in Iowa on Monday. "
        "Clinton's camp accused Bernie Sanders of distorting her record."
    )
    found = _shown(_of(nlp, text, "accused"))
    assert found and [(a["code"], a["sector"]) for a in found[0]["actor"]] == [("USA", "PTY")]
    # a firm's campaign is no party's
    text = US + "Apple spoke in Iowa on Monday. Apple's campaign criticized Samsung on Sunday."
    assert all(a.get("sector") != "PTY" for e in _of(nlp, text, "criticized") for a in e["actor"])


def test_a_known_politician_of_no_sector_is_a_political_actor() -> None:
    # an undated article whose guessed year falls outside the table's years leaves no sector
    assert political_figure("Mr. Trump", "USA") and political_figure("Donald Trump", "USA")
    assert is_political({"text": "Trump", "code": "USA", "sector": None, "entity": "e1"})
    # rows of a private sector, another country, or no row: no
    assert not political_figure("Warren Buffett", "USA")
    assert not political_figure("Ivanka Trump", "USA")
    assert not political_figure("Trump", "GBR")
    assert not political_figure("John Smith", "USA")


@pytest.mark.model
def test_a_candidate_in_an_undated_article_naming_a_past_year_is_a_political_actor(nlp: Any) -> None:
    text = (
        "Trump's tax plan draws fire.\n\n"
        "Donald Trump, the Republican nominee, released his tax plan on Thursday, and President "
        "Barack Obama's aides studied it.\n\n"
        "The top 1 percent paid a quarter of all federal taxes in 2013, a study found.\n\n"
        "Trump has railed against the special provisions of the tax code for months.\n"
    )
    events = doc_facts(nlp(prepare_doc(nlp, text)))["events"]
    railed = [e for e in events if e["text"] == "railed"]
    assert railed and railed[0]["event_type"] == "ACCUSE"
    assert railed[0]["confidence"] >= DEFAULT_MIN_CONFIDENCE
