"""Entities with the real model: the seed's fourteen officials, and our own fixture."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.runner.local import extract

pytestmark = pytest.mark.model

#: The seed's named officials: name, a word of the title, affiliation.
SEED_OFFICIALS = [
    ("Rex Tillerson", "secretary of state", "USA"),
    ("Donald Trump", "president", "USA"),
    ("Vladimir Putin", "president", "RUS"),
    ("Ja Song Nam", "ambassador", "PRK"),
    ("Wu Haitao", "ambassador", "CHN"),
    ("Taro Kono", "foreign minister", "JPN"),
    ("Jeffrey Feltman", "political chief", "UNO"),
    ("Vassily Nebenzia", "ambassador", "RUS"),
    ("Antonio Guterres", "secretary general", "UNO"),
    ("Antony Blinken", "secretary of state", "USA"),
    ("Wang Yi", "foreign minister", "CHN"),
    ("Retno Marsudi", "foreign minister", "IDN"),
    ("Sergei Lavrov", "foreign minister", "RUS"),
    ("Penny Wong", "foreign minister", "AUS"),
]


def people(articles: list[Any]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for a in articles for e in a.entities if e["type"] == "PERSON"}


@pytest.fixture(scope="module")
def seed_articles(seed_path: Path) -> list[Any]:
    return [a for a in extract([seed_path]) if hasattr(a, "entities")]


@pytest.mark.shared
@pytest.mark.parametrize(("name", "title", "code"), SEED_OFFICIALS)
def test_seed_officials(seed_articles: list[Any], name: str, title: str, code: str) -> None:
    person = people(seed_articles).get(name)
    assert person is not None, f"{name} not found"
    assert person["roles"], f"{name} has no role"
    role = person["roles"][0]
    assert title in role["title"].lower(), role
    assert role["affiliation"] == code, role
    assert person["actor"]["code"] == code


@pytest.mark.shared
def test_seed_corrections(seed_articles: list[Any]) -> None:
    first, second = seed_articles
    names = {e["name"] for a in seed_articles for e in a.entities}
    assert "State" not in names  # "Secretary of State" is a title
    assert "DIRE" not in names  # a word of an all-capitals heading
    blinken = people([second])["Antony Blinken"]
    assert "Blinken" in blinken["aliases"]
    assert len(blinken["mentions"]) == 7
    wang = people([second])["Wang Yi"]
    assert "Wang" in wang["aliases"]
    tillerson = people([first])["Rex Tillerson"]
    assert len(tillerson["mentions"]) >= 4
    us = [e for e in first.entities if e["key"] == "GPE:USA"]
    assert len(us) == 1 and {"US", "United States"} <= {m["text"] for m in us[0]["mentions"]}
    for e in second.entities:
        assert e["actor"] is None or e["actor"]["code"]
        for m in e["mentions"]:
            assert second.text[m["start"] : m["end"]] == m["text"]


def test_every_mention_span_matches_the_text(fixtures: Path) -> None:
    arts = [a for a in extract([fixtures / "seed_style_dump.txt"]) if hasattr(a, "entities")]
    assert arts and all(a.entities for a in arts)
    for a in arts:
        for e in a.entities:
            assert e["id"].startswith("e") and e["key"]
            for m in e["mentions"]:
                assert a.text[m["start"] : m["end"]] == m["text"]
        json.dumps(a.as_dict())  # the record is JSON-serialisable


@pytest.mark.shared
def test_seed_institutions(seed_articles: list[Any]) -> None:
    first, second = seed_articles
    actors = {e["name"]: e["actor"] for a in seed_articles for e in a.entities}
    assert actors["White House"] == {"code": "USA", "sector": "GOV"}
    assert actors["United Nations Security Council"]["code"] == "UNO"
    assert actors["junta"] == {"code": "MMR", "sector": "MIL"}
    capitals = {
        e["name"]: e["actor"]["code"]
        for e in first.entities + second.entities
        if e["type"] == "GPE" and e["actor"]
    }
    assert capitals["Washington"] == "USA" and capitals["Pyongyang"] == "PRK" and capitals["Moscow"] == "RUS"
    assert capitals["Beijing"] == "CHN" and capitals["Manila"] == "PHL"
    norp = {
        e["name"]: e["actor"]["code"]
        for e in first.entities + second.entities
        if e["type"] == "NORP" and e["actor"]
    }
    # named by their plural, as a group ("North Korean" -> "North Koreans")
    assert norp.get("North Koreans") == "PRK" and norp.get("Israelis") == "ISR"


@pytest.mark.model
def test_states_and_their_politicians_are_of_their_country(nlp: Any) -> None:
    from newsgraph.extract.annotations import article_context, doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    text = (
        "House Speaker Paul Ryan said Thursday that he is not ready to back the nominee. The "
        "Wisconsin Republican spoke to reporters. Senator Kelly Ayotte of New Hampshire said she "
        "would not endorse him either."
    )
    doc = nlp(prepare_doc(nlp, text))
    assert article_context(doc).main_country == "USA"
    by_name = {e.name: e for e in doc_entities(doc)}
    assert by_name["New Hampshire"].type == "GPE" and by_name["New Hampshire"].code == "USA"
    assert by_name["Kelly Ayotte"].code == "USA"
    assert by_name["Paul Ryan"].code == "USA"
