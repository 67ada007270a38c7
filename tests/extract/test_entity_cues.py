"""Entity types and names told by the words around a name (session 11: datelines, state
abbreviations, national forces), on hand-made docs with the model's typical wrong labels set by
hand; no model."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from newsgraph.extract.entities import EntityExtractor
from newsgraph.extract.labels import consistent_labels
from newsgraph.extract.mentions import collect_mentions

NLP = spacy.blank("en")


def _labels(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    doc = NLP(text)
    doc.ents = [Span(doc, i, j, label=label) for i, j, label in spans]
    mentions = collect_mentions(doc)
    consistent_labels(doc, mentions)
    return [(m.text, m.label) for m in mentions]


def _entities(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str, str | None]]:
    doc = NLP(text)
    doc.ents = [Span(doc, i, j, label=label) for i, j, label in spans]
    return [
        (e.name, e.type, e.actor.code if e.actor else None)
        for e in EntityExtractor(NLP, "newsgraph_entities").match(doc)
    ]


def test_a_town_before_a_state_abbreviation_is_a_place() -> None:
    # a dateline: the model takes the town for a body; the abbreviation says it is a town
    got = _labels("TARNOW FALLS , N.M. ( AP ) — A cat was found .", [(0, 2, "ORG"), (3, 4, "GPE")])
    assert got == [("TARNOW FALLS", "GPE"), ("N.M.", "GPE")]
    got = _labels("Quentin Ashby , Calif. , won .", [(0, 2, "PERSON"), (3, 4, "GPE")])
    assert got[0] == ("Quentin Ashby", "PERSON")  # a person before a state is left alone


def test_a_state_abbreviation_is_named_by_its_state() -> None:
    got = _entities(
        "The sheriff of Dusenko County , Calif. , spoke in Tarnow , Mich. , and in Lobeck , FL .",
        [(3, 5, "GPE"), (6, 7, "GPE"), (10, 11, "GPE"), (12, 13, "GPE"), (16, 17, "GPE"), (18, 19, "GPE")],
    )
    named = {name: (etype, code) for name, etype, code in got}
    assert named["California"] == ("GPE", "USA")
    assert named["Michigan"] == ("GPE", "USA")
    assert named["Florida"] == ("GPE", "USA")  # a postal code after a town and a comma
    assert "Calif." not in named and "Mich." not in named


def test_a_postal_code_alone_is_no_state() -> None:
    got = _entities("The FL team met the Tarnow club .", [(1, 2, "GPE")])
    assert got == [("FL", "GPE", None)]  # not after a town and a comma


def test_a_national_force_takes_the_country_named_with_it() -> None:
    got = _entities(
        "The U.S. Navy said a ship sank near Yemen . The Navy sent divers .",
        [(1, 3, "ORG"), (8, 9, "GPE"), (11, 12, "ORG")],
    )
    assert got[0] == ("U.S. Navy", "ORG", "USA")
    assert len([e for e in got if e[1] == "ORG"]) == 1  # "the Navy" is the same body
    got = _entities(
        "The British Army trained in Britain . The Army said so .",
        [(1, 3, "ORG"), (5, 6, "GPE"), (8, 9, "ORG")],
    )
    assert got[0] == ("British Army", "ORG", "GBR")
    assert len([e for e in got if e[1] == "ORG"]) == 1
