"""Keys and codes that need an unambiguous referent: a country name several states go by
("Korea", "Congo"), a country named like another country's state ("Georgia" in US news), a
body named after a title ("Department of Justice") and a channel's number ("Fox 5"). The real
model on short texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.annotations import doc_entities
from newsgraph.extract.facts import EntityFact
from newsgraph.resolve import actors

pytestmark = pytest.mark.model


def entities(nlp: Any, text: str) -> list[EntityFact]:
    from newsgraph.extract.pipeline import prepare_doc

    return list(doc_entities(nlp(prepare_doc(nlp, text))))


def holding(ents: list[EntityFact], text: str) -> EntityFact:
    found = [e for e in ents if any(m.text == text for m in e.mentions)]
    assert len(found) == 1, [(e.name, [m.text for m in e.mentions]) for e in ents]
    return found[0]


def test_the_table_knows_the_names_two_states_go_by() -> None:
    assert actors.shared_country("Korea") == ("KOR", "PRK")
    assert actors.shared_country("Korea’s") == ("KOR", "PRK")
    assert set(actors.shared_country("Congo")) == {"COD", "COG"}
    assert set(actors.shared_country("Congolese")) == {"COD", "COG"}
    assert set(actors.shared_country("Dominican")) == {"DOM", "DMA"}
    for own in ("South Korea", "North Korea", "France", "Guinea", "Sudan", "Niger"):
        assert actors.shared_country(own) == (), own


def test_korea_beside_north_korea_alone_is_north_korea(nlp: Any) -> None:
    ents = entities(nlp, "Kim said Korea's missiles can reach Guam. North Korea fired again on Monday.")
    korea = holding(ents, "Korea")
    assert korea.key == "GPE:PRK" and korea.actor is not None and korea.actor.code == "PRK"


def test_korea_beside_both_koreas_is_neither(nlp: Any) -> None:
    text = (
        "North Korea fired a missile on Monday. Officials in Seoul said Korea would not be divided "
        "forever, and South Korea protested."
    )
    korea = holding(entities(nlp, text), "Korea")
    assert korea.key not in ("GPE:KOR", "GPE:PRK") and korea.actor is None


def test_congo_beside_brazzaville_is_the_republic(nlp: Any) -> None:
    ents = entities(
        nlp, "Fighting in Congo spread to Brazzaville on Monday, and thousands of Congolese fled."
    )
    congo = holding(ents, "Congo")
    assert congo.key == "GPE:COG" and congo.actor is not None and congo.actor.code == "COG"
    congolese = holding(ents, "Congolese")
    assert congolese.actor is not None and congolese.actor.code == "COG"


def test_congo_with_no_other_name_has_no_code(nlp: Any) -> None:
    ents = entities(nlp, "Congolese soldiers fought rebels in Congo on Monday.")
    for text in ("Congo", "Congolese"):
        ent = holding(ents, text)
        assert ent.actor is None and ent.key not in ("GPE:COD", "NORP:COD"), text


def test_a_state_named_like_a_country_is_not_keyed_as_the_country(nlp: Any) -> None:
    text = (
        "Georgians voted for Donald Trump in Atlanta, Georgia. Georgia Governor Nathan Deal spoke. "
        "The FBI, the Senate and Republicans in Texas and Ohio agreed."
    )
    ents = entities(nlp, text)
    georgia = holding(ents, "Georgia")
    # "Atlanta, Georgia" says it is the US state (session 20): its code, and not the country's key
    assert georgia.key == "GPE:georgia" and georgia.actor is not None and georgia.actor.code == "USA"
    georgians = holding(ents, "Georgians")
    assert georgians.key != "NORP:GEO" and georgians.actor is None


def test_the_country_georgia_keeps_its_key(nlp: Any) -> None:
    ents = entities(nlp, "Russia invaded Georgia in 2008. Georgian troops fled Tbilisi.")
    georgia = holding(ents, "Georgia")
    assert georgia.key == "GPE:GEO" and georgia.actor is not None and georgia.actor.code == "GEO"


def test_a_title_after_of_is_part_of_the_body(nlp: Any) -> None:
    ents = entities(nlp, "The U.S. Department of Justice opened an inquiry on Monday.")
    body = [e for e in ents if e.type == "ORG"]
    assert [m.text for e in body for m in e.mentions] == ["U.S. Department of Justice"]


def test_a_channel_keeps_its_number_and_a_score_does_not(nlp: Any) -> None:
    ents = entities(nlp, "He told Fox 5 on Monday that he would run. NBC reported it too.")
    fox = holding(ents, "Fox 5")
    assert fox.key != holding(ents, "NBC").key and "Fox News" not in fox.name
    scores = entities(nlp, "Results on Saturday:\n\nLiverpool 0 Chelsea 2. Arsenal 1 Everton 1.")
    texts = {m.text for e in scores for m in e.mentions}
    assert not any(t[-1].isdigit() for t in texts), texts


def test_people_arrested_or_listed_with_charges_are_suspects(nlp: Any) -> None:
    text = (
        "COLUMBUS, Ind. — Columbus police arrested Mark T. Dolan, 41, of Franklin, on Monday, "
        "Columbus Police Department spokesman Lt. Tom Reyes said. Officers said Ann Pruitt was "
        "charged with theft later that night. Robert Smith, who lives next door, said he heard shouting.\n\n"
        "Gary L. Voss: Possession of methamphetamine, held in jail without bond.\n\n"
        "Police in Indiana and Ohio said the inquiry goes on."
    )
    ents = entities(nlp, text)
    for name in ("Mark T. Dolan", "Ann Pruitt", "Gary L. Voss"):
        person = holding(ents, name)
        assert person.actor is not None and (person.actor.code, person.actor.sector) == ("USA", "CRM"), name
    assert holding(ents, "Tom Reyes").actor != holding(ents, "Ann Pruitt").actor  # the spokesman
    witness = [holding(ents, "Robert Smith")]
    assert all(e.actor is None or e.actor.sector != "CRM" for e in witness)


def test_streets_are_no_entities_and_known_ones_stay(nlp: Any) -> None:
    text = (
        "Officers stopped a car near Seventh Street and Gladstone Avenue. The driver, Mark Dolan, 29, "
        "of 1909 Jolinda Drive, and a woman who lives at 2134 Caldwell Place were questioned. "
        "A spokesman at Downing Street in London said nothing."
    )
    texts = {m.text for e in entities(nlp, text) for m in e.mentions}
    assert not texts & {"Seventh Street", "Gladstone Avenue", "Jolinda Drive", "Caldwell Place"}, texts
    assert "Downing Street" in texts and "Mark Dolan" in texts


def test_a_town_named_like_a_country_is_the_towns_after_its_state(nlp: Any) -> None:
    ents = entities(nlp, "He spoke in Lebanon, Pennsylvania, on Monday. Later he flew to Beirut.")
    town = holding(ents, "Lebanon")
    assert town.name == "Lebanon, Pennsylvania" and town.key != "GPE:LBN"
    assert town.actor is not None and town.actor.code == "USA"
    listed = entities(nlp, "Officials from Syria, Jordan and Iraq met in Amman on Monday.")
    assert holding(listed, "Syria").key == "GPE:SYR"  # a list of countries is no town and state


def test_a_body_named_inside_a_title_is_a_mention_of_that_body(nlp: Any) -> None:
    ents = entities(nlp, "Former U.S. House Speaker Newt Gingrich endorsed him on Monday.")
    house = holding(ents, "U.S. House")
    assert house.name == "U.S. House of Representatives" and house.key == "ORG:USA:house of representatives"
    assert not [e for e in ents if e.key == "GPE:USA"]  # "U.S." is no mention of the country here
    reid = entities(nlp, "Senate Minority Leader Harry Reid spoke in Washington on Monday.")
    senate = holding(reid, "Senate")
    assert senate.type == "ORG" and senate.key == "ORG:USA:senate"
    assert senate.name == "U.S. Senate"  # the guide's name, though the article names no country
    kerry = entities(nlp, "Secretary of State John Kerry left Washington on Monday.")
    assert not [e for e in kerry if any(m.text == "State" for m in e.mentions)]
