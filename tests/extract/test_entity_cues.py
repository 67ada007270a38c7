"""Entity types and names told by the words around a name (session 11: datelines, state
abbreviations, national forces), on hand-made docs with the model's typical wrong labels set by
hand; no model."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from newsgraph.extract.entities import EntityExtractor
from newsgraph.extract.entity_groups import Entity
from newsgraph.extract.labels import consistent_labels
from newsgraph.extract.mentions import collect_mentions
from newsgraph.extract.span_fixes import fix_spans

NLP = spacy.blank("en")


def _labels(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    doc = NLP(text)
    doc.ents = [Span(doc, i, j, label=label) for i, j, label in spans]
    mentions = collect_mentions(doc)
    consistent_labels(doc, mentions)
    return [(m.text, m.label) for m in mentions]


def _grouped(spans: tuple[str, list[tuple[int, int, str]]]) -> list[Entity]:
    text, ents = spans
    doc = NLP(text)
    doc.ents = [Span(doc, i, j, label=label) for i, j, label in ents]
    return EntityExtractor(NLP, "newsgraph_entities").match(doc)


def _entities(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str, str | None]]:
    return [(e.name, e.type, e.actor.code if e.actor else None) for e in _grouped((text, spans))]


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


def test_a_persons_noun_before_a_name_makes_it_a_person() -> None:
    got = _labels(
        "said monetary historian Quentin Ashby , and chief strategist Darnell Cecil agreed .",
        [(3, 5, "GPE"), (9, 11, "ORG")],
    )
    assert got == [("Quentin Ashby", "PERSON"), ("Darnell Cecil", "PERSON")]
    # a company word or a known body is no person, whatever the noun before it
    got = _labels("said analyst Tarnow Labs and analyst Goldman Sachs .", [(2, 4, "ORG"), (6, 8, "ORG")])
    assert got == [("Tarnow Labs", "ORG"), ("Goldman Sachs", "ORG")]


def test_an_organisations_noun_before_a_name_makes_it_a_body() -> None:
    text = "the fact - checking website Ravel Fact said so . Ravel Fact , a charity , agreed ."
    got = _labels(text, [(5, 7, "PERSON"), (10, 12, "PERSON")])
    assert got == [("Ravel Fact", "ORG"), ("Ravel Fact", "ORG")]  # every mention of it
    got = _labels("Keyboard case maker Dusenko sold more .", [(3, 4, "GPE")])
    assert got == [("Dusenko", "ORG")]
    # a person of people.tsv or a known place keeps its type
    got = _labels(
        "the website Barack Obama liked and the agency Kandahar .", [(2, 4, "PERSON"), (8, 9, "GPE")]
    )
    assert got == [("Barack Obama", "PERSON"), ("Kandahar", "GPE")]


def test_a_place_before_based_and_after_in_is_a_place() -> None:
    got = _labels(
        "an Amritsar - based agent lived in Tamarac , not in Google .",
        [(1, 2, "ORG"), (7, 8, "ORG"), (11, 12, "ORG")],
    )
    assert got == [("Amritsar", "GPE"), ("Tamarac", "GPE"), ("Google", "ORG")]
    got = _labels("Reporters in Amritsar met Amritsar Singh .", [(2, 3, "PERSON"), (4, 6, "PERSON")])
    assert got[0] == ("Amritsar", "PERSON")  # a person's name holds it: left alone


def test_a_bare_institution_is_the_known_body_named_in_full_before() -> None:
    got = _entities(
        "The Chinese Communist Party met in Tarnow . The Communist Party said so .",
        [(1, 4, "ORG"), (6, 7, "GPE"), (9, 11, "ORG")],
    )
    assert got[0] == ("Chinese Communist Party", "ORG", "CHN")
    assert [e for e in got if e[1] == "ORG"] == [got[0]]  # not a second "P.R.C. Communist Party"
    # two bodies of different countries end in "Navy": the bare one is neither's by that rule
    got = _entities(
        "The Royal Navy and the Indian Navy met . The Navy left .",
        [(1, 3, "ORG"), (5, 7, "ORG"), (10, 11, "ORG")],
    )
    assert ("Royal Navy", "ORG", "GBR") in got and ("Indian Navy", "ORG", "IND") in got


def test_people_of_one_key_are_one_entity() -> None:
    text = "Ravel Dusenko Jr. , 55 , pleaded guilty . Dusenko wept . The case of Ravel W. Dusenko ends ."
    doc = NLP(text)
    doc.ents = [
        Span(doc, 0, 3, label="PERSON"),
        Span(doc, 9, 10, label="PERSON"),
        Span(doc, 15, 18, label="PERSON"),
    ]
    for t in doc:
        t.is_sent_start = t.i == 0 or doc[t.i - 1].text == "."
    people = [e for e in EntityExtractor(NLP, "newsgraph_entities").match(doc) if e.type == "PERSON"]
    assert len(people) == 1
    assert sorted(m.text for m in people[0].mentions) == ["Dusenko", "Ravel Dusenko Jr.", "Ravel W. Dusenko"]
    assert people[0].store_key() == "PERSON:ravel dusenko"


def test_market_indexes_and_compass_adjectives_are_no_entities() -> None:
    got = _entities(
        "Tarnow 's Dusenko Index fell while Western interests and the Southern primary waited .",
        [(0, 1, "GPE"), (2, 4, "ORG"), (6, 7, "NORP"), (11, 12, "NORP")],
    )
    assert [name for name, _, _ in got] == ["Tarnow"]


def test_groups_of_one_key_are_one_entity() -> None:
    got = _entities(
        "Jewish groups and Jews met Arabs and Arab leaders .",
        [(0, 1, "NORP"), (3, 4, "NORP"), (5, 6, "NORP"), (7, 8, "NORP")],
    )
    assert [name for name, _, _ in got] == ["Jews", "Arabs"]  # "Jewish" and "Jews" are NORP:jews


def test_a_nationality_before_another_is_one_group() -> None:
    # the model tags "Mexican" of "Mexican-American" alone: Mexico's people, one actor with Mexico
    got = (
        "a Mexican-American judge, Cuban Americans and Iraqi-born activists met in Mexico.",
        [(1, 2, "NORP"), (6, 7, "NORP"), (7, 8, "NORP"), (9, 10, "NORP"), (15, 16, "GPE")],
    )
    keys = {e.name: e.store_key() for e in _grouped(got)}
    assert keys["Mexican-Americans"] == "NORP:mexican americans"  # not NORP:MEX, Mexico's
    assert keys["Cuban Americans"] == "NORP:cuban americans"
    assert keys["Iraqis"] == "NORP:IRQ"  # "-born" names no people
    assert keys["Mexico"] == "GPE:MEX" and "Mexicans" not in keys


def _spans(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    doc = NLP(text)
    doc.ents = [Span(doc, i, j, label=label) for i, j, label in spans]
    mentions = fix_spans(doc, collect_mentions(doc))
    consistent_labels(doc, mentions)
    return [(m.text, m.label) for m in mentions]


def test_a_list_label_before_a_colon_is_cut_there() -> None:
    got = _spans("Ravel D. Dusenko: Dealing in cocaine , held .", [(0, 5, "PERSON")])
    assert got == [("Ravel D. Dusenko", "PERSON")]


def test_a_possessive_before_a_bodys_head_stays_in_the_name() -> None:
    got = _spans("The Tarnow County Sheriff's Department said so .", [(1, 6, "ORG")])
    assert got == [("Tarnow County Sheriff's Department", "ORG")]
    got = _spans("Dusenko's Order was read .", [(0, 3, "PERSON")])
    assert got == [("Dusenko", "PERSON")]  # an owner's possession is no part of the name


def test_a_place_before_an_untagged_bodys_name_is_that_body() -> None:
    got = _spans("A Tarnow County Sheriff's Department canine came .", [(1, 3, "GPE")])
    assert got == [("Tarnow County Sheriff's Department", "ORG")]
    got = _spans("Tarnow County Fair opened .", [(0, 2, "GPE")])
    assert got == [("Tarnow County", "GPE")]  # no body's head word


def test_a_town_after_a_persons_age_is_a_place() -> None:
    got = _labels(
        "Ravel S. Dusenko 31 , of Hope and Quentin Ashby , 57 , of Lobeck were held .",
        [(0, 3, "PERSON"), (6, 7, "PERSON"), (8, 10, "PERSON"), (14, 15, "ORG")],
    )
    assert got == [
        ("Ravel S. Dusenko", "PERSON"),
        ("Hope", "GPE"),
        ("Quentin Ashby", "PERSON"),
        ("Lobeck", "GPE"),
    ]


def test_a_region_only_is_a_location_and_a_bracket_ends_a_name() -> None:
    got = _labels("Protests spread across North Africa and Tarnow .", [(3, 5, "GPE"), (6, 7, "GPE")])
    assert got == [("North Africa", "LOC"), ("Tarnow", "GPE")]
    got = _spans("Tarnow Lobeck ( TLB ) fell .", [(0, 4, "ORG")])
    assert got == [("Tarnow Lobeck", "ORG")]


def test_a_known_persons_table_name_loses_its_word_of_address() -> None:
    doc = NLP("Andrew , son of Elizabeth II , spoke in London .")
    doc.ents = [
        Span(doc, 0, 1, label="PERSON"),
        Span(doc, 4, 6, label="PERSON"),
        Span(doc, 9, 10, label="GPE"),
    ]
    for t in doc:
        t.is_sent_start = t.i == 0
    names = [e.name for e in EntityExtractor(NLP, "newsgraph_entities").match(doc) if e.type == "PERSON"]
    assert "Elizabeth II" in names  # people.tsv names her "Queen Elizabeth II"; the guide: no title


def test_a_place_cut_before_a_particle_is_made_whole() -> None:
    got = _spans(
        "The house in Braunau am Inn was sold , and Newcastle upon Tyne voted in Tarnow on Monday .",
        [(3, 4, "GPE"), (5, 6, "PERSON"), (10, 11, "GPE"), (12, 13, "GPE"), (15, 16, "GPE")],
    )
    assert got == [("Braunau am Inn", "GPE"), ("Newcastle upon Tyne", "GPE"), ("Tarnow", "GPE")]


def test_hyphenated_given_names_known_bodies_and_appositions_stay_whole() -> None:
    got = _spans(
        "Kim Jong-un met Quentin Ashby , Tarnow 's police chief .",
        [(0, 4, "PERSON"), (5, 7, "PERSON"), (8, 9, "GPE")],
    )
    assert got == [("Kim Jong-un", "PERSON"), ("Quentin Ashby", "PERSON"), ("Tarnow", "GPE")]
    got = _spans(
        "People's Liberation Army troops came . Dusenko's Order was read .",
        [(0, 4, "ORG"), (7, 10, "PERSON")],
    )
    assert got == [("People's Liberation Army", "ORG"), ("Dusenko", "PERSON")]


def test_an_administrative_unit_s_noun_makes_a_name_a_place_with_a_government() -> None:
    text = "Men fled the town of Qarvesh , the Darkh district of Lomar and Kowvale West district ."
    got = _labels(text, [(5, 6, "PERSON"), (8, 9, "GPE"), (11, 12, "ORG"), (13, 15, "LOC")])
    assert got == [("Qarvesh", "GPE"), ("Darkh", "GPE"), ("Lomar", "GPE"), ("Kowvale West", "GPE")]
    # a capitalised unit is part of a longer name, and "region" names regions too: left alone
    got = _labels("Aid reached the Sahel region and Pell County .", [(3, 4, "LOC"), (6, 7, "PERSON")])
    assert got == [("Sahel", "LOC"), ("Pell", "PERSON")]


def _model_entities(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    found = nlp.get_pipe("newsgraph_entities").match(nlp(text))
    return [(e.name, e.type) for e in found]


def test_a_place_opening_a_name_closed_by_one_capitalised_word_is_that_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # issue 15 review: a team named after its city was the city's GPE (and took the city's code)
    got = _model_entities(nlp, "The Lakers beat the Oklahoma City Thunder 112-107 on Tuesday night.")
    assert ("Oklahoma City Thunder", "ORG") in got and ("Oklahoma City", "GPE") not in got
    got = _model_entities(nlp, "The campaign owed Cambridge Analytica $5,000 for its work.")
    assert ("Cambridge Analytica", "ORG") in got
    # a title, a group, a country or a known body after the place is no such name
    assert ("Texas", "GPE") in _model_entities(nlp, "She met the Texas Governor in Austin.")
    assert ("Iowa", "GPE") in _model_entities(nlp, "Iowa Republicans voted on Monday.")
    assert all(t != "ORG" for _, t in _model_entities(nlp, "Pensions Change as U.S. Ages."))


def test_a_name_opened_by_a_town_is_called_by_its_last_word() -> None:
    text = "Fans of the Oklahoma City Thunder cheered . The Thunder lost ."
    got = _grouped((text, [(3, 6, "ORG"), (9, 10, "ORG")]))
    assert [(e.name, len(e.mentions)) for e in got] == [("Oklahoma City Thunder", 2)]
    # a name opened by a word that is no place keeps its last word apart
    text = "Fans of the Purple Marsh Thunder cheered . The Thunder lost ."
    got = _grouped((text, [(3, 6, "ORG"), (9, 10, "ORG")]))
    assert sorted(e.name for e in got) == ["Purple Marsh Thunder", "Thunder"]
