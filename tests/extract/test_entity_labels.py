"""Document-level label corrections (``extract/labels.py``) on hand-made docs, no model: invented
sentences with the model's typical wrong labels set by hand."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from newsgraph.extract.entities import EntityExtractor
from newsgraph.extract.labels import consistent_labels, personal_name
from newsgraph.extract.mentions import collect_mentions


def _labels(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, i, j, label=label) for i, j, label in spans]
    mentions = collect_mentions(doc)
    consistent_labels(doc, mentions)
    return [(m.text, m.label) for m in mentions]


def test_a_given_name_makes_an_org_tagged_name_a_person() -> None:
    got = _labels("Marcus Bell joined Morgan Stanley in May .", [(0, 2, "ORG"), (3, 5, "ORG")])
    assert got == [("Marcus Bell", "PERSON"), ("Morgan Stanley", "ORG")]  # "Stanley" is a given name


def test_personal_name_needs_a_given_name_and_nothing_known() -> None:
    assert personal_name("Darnell Price") and personal_name("Quentin Ashby")
    assert not personal_name("Ravel Dusenko")  # no given name it knows: left to other evidence
    assert not personal_name("Virginia Tech")  # a place first
    assert not personal_name("Quentin Ashby Holdings")  # a company word
    assert not personal_name("Marcus")  # one word


def test_conjuncts_share_the_person_type() -> None:
    got = _labels(
        "the deaths of Quentin Ashby and Ravel Dusenko shocked Tarnow .", [(3, 5, "ORG"), (6, 8, "ORG")]
    )
    assert got == [("Quentin Ashby", "PERSON"), ("Ravel Dusenko", "PERSON")]


def test_a_name_once_a_person_stays_a_person() -> None:
    got = _labels(
        "Ravel Dusenko spoke first . Later , Ravel Dusenko left .", [(0, 2, "PERSON"), (7, 9, "ORG")]
    )
    assert got == [("Ravel Dusenko", "PERSON"), ("Ravel Dusenko", "PERSON")]


def test_a_place_once_a_place_stays_a_place() -> None:
    text = "Rebels entered Kandahar on Monday . Elders of Kandahar met them ."
    assert _labels(text, [(2, 3, "GPE"), (8, 9, "ORG")]) == [("Kandahar", "GPE"), ("Kandahar", "GPE")]


def test_a_one_word_person_after_in_that_is_a_city_is_a_place() -> None:
    text = "Shelling went on in Kharkiv , Jackson said ."
    got = _labels(text, [(4, 5, "PERSON"), (6, 7, "PERSON")])
    assert got == [("Kharkiv", "GPE"), ("Jackson", "PERSON")]  # "Jackson" has no locative word


def test_a_place_word_held_by_a_person_stays_a_person() -> None:
    text = "Tom Lincoln spoke . Crowds waited in Lincoln ."
    got = _labels(text, [(0, 2, "PERSON"), (7, 8, "PERSON")])
    assert got == [("Tom Lincoln", "PERSON"), ("Lincoln", "PERSON")]


def test_the_corrected_person_is_one_entity_with_its_surname() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Darnell Price was shot . Price was 32 .")
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 5, 6, label="PERSON")]
    people = [e for e in EntityExtractor(nlp, "newsgraph_entities").match(doc) if e.type == "PERSON"]
    assert [sorted(m.text for m in e.mentions) for e in people] == [["Darnell Price", "Price"]]
