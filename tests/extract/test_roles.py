"""Roles and surname grouping on hand-built docs (no model): words, sentence starts and entity
spans are given, so each rule is tested alone."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from handdocs import NLP, make
from newsgraph.extract.entity_groups import group
from newsgraph.extract.mentions import collect_mentions
from newsgraph.extract.roles import find_roles


def roles_of(doc: Doc) -> dict[str, list[tuple[str, str | None]]]:
    entities = [e for e in group(doc, collect_mentions(doc)) if e.type == "PERSON"]
    found = find_roles(doc, [(e.key, [(m.i, m.j) for m in e.mentions]) for e in entities], since="2024-07-27")
    return {e.name: [(r.title, r.affiliation) for r in found.get(e.key, [])] for e in entities}


def test_premodifier_title_and_country() -> None:
    doc = make(
        "US Secretary of State Rex Tillerson spoke . Russian President Vladimir Putin called .",
        [("US", "GPE"), ("Rex Tillerson", "PERSON"), ("Russian", "NORP"), ("Vladimir Putin", "PERSON")],
    )
    assert roles_of(doc) == {
        "Rex Tillerson": [("Secretary of State", "USA")],
        "Vladimir Putin": [("President", "RUS")],
    }


def test_secretary_of_state_is_not_an_org() -> None:
    doc = make(
        "US Secretary of State Rex Tillerson spoke .",
        [("US", "GPE"), ("State", "ORG"), ("Rex Tillerson", "PERSON")],
    )
    assert [m.text for m in collect_mentions(doc)] == ["US", "Rex Tillerson"]


def test_possessive_and_igo() -> None:
    doc = make(
        "China 's deputy UN ambassador Wu Haitao spoke . UN political chief Jeffrey Feltman left .",
        [("China", "GPE"), ("UN", "ORG"), ("Wu Haitao", "PERSON"), ("Jeffrey Feltman", "PERSON")],
    )
    roles = roles_of(doc)
    assert roles["Wu Haitao"] == [("Deputy UN Ambassador", "CHN")]
    assert roles["Jeffrey Feltman"] == [("Political Chief", "UNO")]


def test_title_without_name_goes_to_the_next_person() -> None:
    doc = make(
        "Japan 's foreign minister urged more pressure . Taro Kono announced new sanctions .",
        [("Japan", "GPE"), ("Taro Kono", "PERSON")],
    )
    assert roles_of(doc)["Taro Kono"] == [("Foreign Minister", "JPN")]


def test_title_from_earlier_sentence_is_marked_inferred() -> None:
    doc = make(
        "Japan 's foreign minister urged more pressure . US Secretary of State Rex Tillerson spoke . "
        "Taro Kono announced new sanctions .",
        [("Japan", "GPE"), ("US", "GPE"), ("Rex Tillerson", "PERSON"), ("Taro Kono", "PERSON")],
    )
    entities = [e for e in group(doc, collect_mentions(doc)) if e.type == "PERSON"]
    found = find_roles(doc, [(e.key, [(m.i, m.j) for m in e.mentions]) for e in entities])
    by_name = {e.name: found[e.key][0] for e in entities}
    assert (by_name["Taro Kono"].affiliation, by_name["Taro Kono"].inferred) == ("JPN", True)
    assert (by_name["Rex Tillerson"].affiliation, by_name["Rex Tillerson"].inferred) == ("USA", False)


def test_counterpart_takes_the_office_abroad() -> None:
    doc = make(
        "US Secretary of State Antony Blinken met his Chinese counterpart Wang Yi .",
        [("US", "GPE"), ("Antony Blinken", "PERSON"), ("Chinese", "NORP"), ("Wang Yi", "PERSON")],
    )
    assert roles_of(doc)["Wang Yi"] == [("Foreign Minister", "CHN")]


def test_surname_joins_full_name_whatever_its_label() -> None:
    doc = make(
        "Antony Blinken met Wang Yi . Blinken and Wang shook hands . Later Blinken left .",
        [("Antony Blinken", "PERSON"), ("Wang Yi", "PERSON"), ("Blinken", "GPE"), ("Wang", "ORG")],
    )
    entities = group(doc, collect_mentions(doc))
    by_name = {e.name: e for e in entities}
    assert set(by_name) == {"Antony Blinken", "Wang Yi"}
    assert all(e.type == "PERSON" for e in entities)
    assert len(by_name["Antony Blinken"].mentions) == 3  # the last "Blinken" was not tagged at all
    assert len(by_name["Wang Yi"].mentions) == 2


def test_country_mentions_are_one_entity() -> None:
    doc = make(
        "The United States and US officials met . America left .",
        [("The United States", "GPE"), ("US", "GPE"), ("America", "GPE")],
    )
    (country,) = group(doc, collect_mentions(doc))
    assert country.name == "United States" and len(country.mentions) == 3
    assert country.actor is not None and country.actor.code == "USA"


def test_institution_takes_the_article_country() -> None:
    from newsgraph.extract.countries import main_country

    doc = make(
        "Peru 's Congress met in Lima . The Interior Ministry in Peru said Congress erred .",
        [("Peru", "GPE"), ("Congress", "ORG"), ("Lima", "GPE"), ("Interior Ministry", "ORG")],
    )
    mentions = collect_mentions(doc)
    assert main_country(mentions) == "PER"
    by_name = {e.name: e for e in group(doc, mentions, "PER")}  # named with the country
    assert by_name["Peruvian Congress"].actor is not None and by_name["Peruvian Congress"].actor.code == "PER"
    assert len(by_name["Peruvian Congress"].mentions) == 2
    ministry = by_name["Peruvian Interior Ministry"]
    assert ministry.actor is not None and ministry.actor.code == "PER"


def test_capital_in_capitals_joins_the_capital() -> None:
    doc = make(
        "KUALA LUMPUR — Leaders met . Kuala Lumpur hosted .",
        [("KUALA LUMPUR", "GPE"), ("Kuala Lumpur", "GPE")],
    )
    (city,) = group(doc, collect_mentions(doc))
    assert city.name == "Kuala Lumpur"
    assert len(city.mentions) == 2


def test_middle_surname_joins() -> None:
    doc = make(
        "Alberto Chavez Lozano spoke . Chavez left .",
        [("Alberto Chavez Lozano", "PERSON"), ("Chavez", "PERSON")],
    )
    (person,) = group(doc, collect_mentions(doc))
    assert len(person.mentions) == 2


def test_the_junta_is_the_military_of_the_country_in_question() -> None:
    from newsgraph.extract.entities import nominal_mentions

    doc = make(
        "Myanmar 's generals met . The junta ignored the plan . Australia urged the regime to stop .",
        [("Myanmar", "GPE"), ("Australia", "GPE")],
    )
    mentions = collect_mentions(doc)
    found = {e.name: e.actor for e in nominal_mentions(doc, mentions, "AUS")}
    assert found["junta"] is not None and (found["junta"].code, found["junta"].sector) == ("MMR", "MIL")
    assert found["regime"] is not None and found["regime"].code == "MMR"


def test_apposition_title_stops_at_the_relative_clause() -> None:
    doc = make(
        "Achieng Odera , a member of parliament for Kisumu , who joined marchers , spoke .",
        [("Achieng Odera", "PERSON"), ("Kisumu", "GPE")],
    )
    odera, appos = doc[1], doc[4]  # "Odera" heads the name; "member" is its apposition
    odera.head = odera
    appos.head, appos.dep_ = odera, "appos"
    for t in doc[3:9]:
        if t.i != 4:
            t.head = appos
    for t in doc[9:]:
        t.head = appos
    roles = roles_of(doc)["Achieng Odera"]
    assert roles and roles[0][0] == "Member of Parliament for Kisumu"


def test_a_title_tagged_as_part_of_the_name_is_the_person_s_role() -> None:
    doc = make("The nephew of the late King Ravel Dusenko spoke .", [("King Ravel Dusenko", "PERSON")])
    assert roles_of(doc)["King Ravel Dusenko"] == [("King", None)]


def test_a_loose_title_in_the_person_s_own_sentence_is_another_participant() -> None:
    doc = make("Peruvian minister mocks Ravel Dusenko . Dusenko replied .", [("Ravel Dusenko", "PERSON")])
    doc[2].pos_ = "VERB"
    assert roles_of(doc)["Ravel Dusenko"] == []
    doc = make("Peruvian Minister for Trade Ravel Dusenko spoke .", [("Ravel Dusenko", "PERSON")])
    assert roles_of(doc)["Ravel Dusenko"] == [("Minister", "PER")]  # no verb between
    # two sentences before, with no name of its own, it is still the person's
    doc = make("Peru's minister spoke . Ravel Dusenko replied .", [("Ravel Dusenko", "PERSON")])
    assert roles_of(doc)["Ravel Dusenko"] == [("Minister", "PER")]


def _entities(text: str, ents: list[tuple[str, str]]) -> dict[str, Any]:
    from newsgraph.extract.entities import EntityExtractor

    doc = make(text, ents)
    return {e.name: e for e in EntityExtractor(NLP, "newsgraph_entities").match(doc)}


def test_of_a_country_after_the_name_gives_the_office_its_country() -> None:
    text = "Chile and Peru met in Chile . Chile spoke . Foreign Minister Ravel Dusenko of Peru signed ."
    got = _entities(text, [("Chile", "GPE"), ("Ravel Dusenko", "PERSON")])  # "Peru" left untagged
    person = got["Ravel Dusenko"]
    assert [(r.title, r.affiliation) for r in person.roles] == [("Foreign Minister", "PER")]
    assert person.actor is not None and person.actor.code == "PER"  # not the main country, Chile


def test_a_bare_title_takes_no_main_country_when_the_sentence_names_another_state() -> None:
    text = "Chile voted . Chile won . Spokesperson Ravel Dusenko said in Lima that Chile lied ."
    got = _entities(text, [("Chile", "GPE"), ("Lima", "GPE"), ("Ravel Dusenko", "PERSON")])
    assert got["Ravel Dusenko"].actor is None  # Chile's or Peru's spokesperson?
    text = "Chile voted . Chile won . Spokesperson Ravel Dusenko said that Chile won ."
    got = _entities(text, [("Chile", "GPE"), ("Ravel Dusenko", "PERSON")])
    actor = got["Ravel Dusenko"].actor
    assert actor is not None and actor.code == "CHL"


@pytest.mark.model
def test_a_description_after_an_age_is_the_person_s_role(nlp: Any) -> None:
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    text = '"I like him," said Jane Doerr, 45, a teacher from Des Moines, Iowa.'
    ents = {e.name: e for e in doc_entities(nlp(prepare_doc(nlp, text, published="2016-03-01")))}
    assert [r.title for r in ents["Jane Doerr"].roles] == ["Teacher from Des Moines"]
    assert ents["Jane Doerr"].actor is not None and ents["Jane Doerr"].actor.sector == "EDU"


def test_jobs_ending_in_an_official_s_title_word_are_not_officials() -> None:
    from newsgraph.resolve.actors import sector_of

    assert sector_of("retired customer service representative") == "BUS"
    assert sector_of("home care aide") == "MED"
    assert sector_of("state representative") != "BUS" and sector_of("aide") == "GOV"
