"""One entity per referent, merges with evidence and a stated reason, clean mentions, and roles
held for a state or city: the real model on short texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.annotations import doc_entities
from newsgraph.extract.facts import EntityFact

pytestmark = pytest.mark.model


def entities(nlp: Any, text: str) -> list[EntityFact]:
    from newsgraph.extract.pipeline import prepare_doc

    doc = nlp(prepare_doc(nlp, text))
    ents = list(doc_entities(doc))
    for e in ents:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    return ents


def by_name(ents: list[EntityFact]) -> dict[str, EntityFact]:
    return {e.name: e for e in ents}


COMEY = (
    "Former FBI Director James B. Comey testified on Thursday. James Comey said Mr. Comey had kept "
    "notes. Comey left the hearing early.\n\nUkrainian President Volodymyr Zelenskyy met officials in "
    "Kyiv. Zelensky thanked them."
)


def test_name_variants_are_one_person_with_the_reason_stored(nlp: Any) -> None:
    ents = entities(nlp, COMEY)
    comey = [e for e in ents if e.type == "PERSON" and "Comey" in e.name]
    assert len(comey) == 1, [e.name for e in comey]
    assert comey[0].key == "PERSON:james comey"
    assert comey[0].name == "James Comey"  # the middle initial left out of the canonical name
    assert len(comey[0].mentions) == 4
    why = {m.text: m.reason for m in comey[0].merged}
    assert why["James B. Comey"] == "name as written, middle initials or titles kept"
    assert why["Comey"] == "surname"
    assert comey[0].as_json()["merged"]  # in the record the store keeps
    zelensky = [e for e in ents if e.type == "PERSON" and "Zelensk" in e.name]
    assert len(zelensky) == 1 and {"Zelensky"} <= set(zelensky[0].aliases)
    assert {m.text: m.reason for m in zelensky[0].merged}["Zelensky"] == "spelling variant of the surname"
    assert zelensky[0].key == "PERSON:volodymyr zelensky"  # the people.tsv spelling, in every article


TECH = (
    "Clipboard AI, a startup, said AI would change offices. The company said AI tools were popular.\n\n"
    "Plymouth Live reported that Plymouth had a new mayor. Residents of Plymouth were pleased."
)


def test_a_common_word_or_a_place_never_joins_a_person(nlp: Any) -> None:
    ents = entities(nlp, TECH)
    names = by_name(ents)
    assert names["Clipboard AI"].type == "ORG" and "AI" not in names["Clipboard AI"].aliases
    assert names["Plymouth Live"].type == "ORG" and "Plymouth" not in names["Plymouth Live"].aliases
    assert not [e for e in ents if e.type == "PERSON"]
    plymouth = [e for e in ents if e.name == "Plymouth"]
    assert plymouth and plymouth[0].type == "GPE"


def test_acronyms_join_their_expansion(nlp: Any) -> None:
    # a body no table knows (FEMA itself is a row of organisations.tsv, joined by the table)
    text = "The Federal Flood Relief Agency sent staff to Texas on Monday. FFRA said more help would come."
    ffra = by_name(entities(nlp, text))["Federal Flood Relief Agency"]
    assert "FFRA" in ffra.aliases
    assert {m.text: m.reason for m in ffra.merged}["FFRA"].startswith("acronym")


def test_mentions_are_clean(nlp: Any) -> None:
    text = (
        "Ukraine's digital minister [Mykhailo Fedorov] said on Monday that drones were ready. "
        "Fedorov’s Order was signed.\n\nLiverpool 0 Chelsea 2. Arsenal 1 Everton 1.\n\n"
        "Aung San Suu Kyi met the generals. Suu Kyi said the talks went well."
    )
    ents = entities(nlp, text)
    texts = {m.text for e in ents for m in e.mentions}
    assert not any(t[:1] in "[’'" or t[-1:].isdigit() for t in texts), texts
    assert not any("’s" in t or "Order" in t for t in texts), texts
    names = by_name(ents)
    assert {"Liverpool", "Arsenal", "Everton"} <= set(names)
    fedorov = names["Mykhailo Fedorov"]
    assert "Fedorov" in fedorov.aliases
    assert fedorov.roles and fedorov.roles[0].affiliation == "UKR"
    assert "Suu" not in names and "Kyi" not in names


def test_states_and_cities_give_their_country_to_roles(nlp: Any) -> None:
    text = (
        "Senator Raphael Warnock, a Democratic senator from Georgia, spoke in Atlanta on Monday. New "
        "Mexico governor Michelle Lujan Grisham also spoke. Representative John Moolenaar, the chairman "
        "of the House China committee, spoke in Washington. Moolenaar said the United States would act. "
        "Texas Governor Greg Abbott said America was ready."
    )
    ents = entities(nlp, text)
    names = by_name(ents)
    for person in ("Raphael Warnock", "Michelle Lujan Grisham", "John Moolenaar", "Greg Abbott"):
        roles = names[person].roles
        assert roles and roles[0].affiliation == "USA", (person, roles)
        assert names[person].code == "USA"
    assert "Texas" in names["Greg Abbott"].roles[0].title
    committee = [e for e in ents if "China committee" in e.name]
    assert all(e.code != "CHN" for e in committee)


def test_titles_are_title_phrases(nlp: Any) -> None:
    text = (
        "In President Joe Biden's view, the plan works. Jane Smith, a 26-year-old president of the "
        "local union, said wages were low. Mark Brown and Ann Green joined Governor Tim Walz at the event."
    )
    ents = entities(nlp, text)
    titles = [r.title for e in ents for r in e.roles]
    assert titles
    for title in titles:
        words = title.lower().split()
        assert not {"in", "year", "old", "26", "mark", "brown", "ann", "green"} & set(words), title
        assert words[-1] not in ("of", "from", "-"), title


def test_a_title_set_off_by_commas_before_the_name(nlp: Any) -> None:
    text = (
        "President of the Senate, Bukola Saraki, and Senator Dino Melaye have dragged the "
        "Inspector-General of Police, Ibrahim Idris, to court in Abuja. The Nigeria Police had invited "
        "Melaye. The Peoples Democratic Party protested."
    )
    names = by_name(entities(nlp, text))
    assert names["Bukola Saraki"].roles[0].title == "President of Senate"
    assert names["Ibrahim Idris"].roles[0].title == "Inspector-General of Police"
    for person in ("Bukola Saraki", "Ibrahim Idris", "Dino Melaye"):
        assert names[person].code == "NGA", person  # Abuja and the Nigeria Police: two sentences
    assert names["Peoples Democratic Party"].code != "USA"  # not the Democratic Party


def test_names_in_a_title_case_headline_are_cut_to_what_the_text_confirms(nlp: Any) -> None:
    text = (
        "Billy Bush Joins Network After Long Talks With Executives\n\n"
        "Billy Bush will host a morning show, the network said on Tuesday. The former radio host "
        "signed a contract last week. Bush said he was happy. His cousin is a former governor of "
        "Florida, and the network said the show would start in May after a long search for a host."
    )
    ents = entities(nlp, text)
    texts = {m.text for e in ents for m in e.mentions}
    assert not any("Joins" in t or "Network" in t for t in texts), texts
    bush = by_name(ents)["Billy Bush"]
    assert len(bush.mentions) >= 2


def test_a_us_party_and_state_after_a_name_make_a_us_legislator(nlp: Any) -> None:
    text = (
        "On Wednesday, Rep. Michael McCaul (R-TX) discussed a bill on classified information. "
        "Gov. Scott Walker endorsed the bill. McCaul said it would pass."
    )
    names = by_name(entities(nlp, text))
    mccaul = names["Michael McCaul"]
    assert mccaul.actor is not None and (mccaul.actor.code, mccaul.actor.sector) == ("USA", "LEG")
    assert [r.title for r in names["Scott Walker"].roles] == ["Gov."]


def test_a_relative_of_an_office_holder_does_not_hold_the_office(nlp: Any) -> None:
    text = (
        "Billy Bush, the nephew of one president and the cousin of another, is joining the show as an "
        "anchor. Chris Cuomo, the son of one New York governor and the brother of another, is a popular "
        "figure. Jenna Bush Hager, a daughter of former President George W. Bush, is a contributor."
    )
    names = by_name(entities(nlp, text))
    for person in ("Billy Bush", "Chris Cuomo", "Jenna Bush Hager"):
        assert not any("President" in r.title or "Governor" in r.title for r in names[person].roles), person
    assert "George W. Bush" in names  # a middle initial the table keeps stays in the name


def test_a_national_institution_is_one_body_with_its_country(nlp: Any) -> None:
    text = (
        "The Nigerian Senate met in Abuja on Tuesday. The Senate passed the bill after a long debate, "
        "and troops were sent to Logar province in Afghanistan."
    )
    ents = entities(nlp, text)
    senate = [e for e in ents if "Senate" in e.name]
    assert len(senate) == 1 and senate[0].name == "Nigerian Senate"
    assert senate[0].actor is not None and (senate[0].actor.code, senate[0].actor.sector) == ("NGA", "LEG")
    assert "Logar province" not in {m.text for e in ents for m in e.mentions}


def test_a_counterpart_set_off_by_commas_keeps_its_country(nlp: Any) -> None:
    text = (
        "Colombian Foreign Minister Andres Felipe Rojas and his Venezuelan counterpart, Yolanda Marcano, "
        "announced the deal after four hours of talks in the border city of Cucuta."
    )
    marcano = by_name(entities(nlp, text))["Yolanda Marcano"]
    assert marcano.roles and marcano.roles[0].affiliation == "VEN"


def test_a_first_sentence_full_of_names_is_no_headline(nlp: Any) -> None:
    text = (
        "Kenyan Foreign Minister Amina Wekesa met reporters on Monday.\n\n"
        "“We will not accept this,” Wekesa said.\n\nShe told reporters that the border would reopen."
    )
    assert "Amina Wekesa" in by_name(entities(nlp, text))


def test_a_known_surname_does_not_make_a_namesake_the_known_person(nlp: Any) -> None:
    # "Trump" alone is an alias of people.tsv's Donald Trump; the article names only his son, so
    # the person is Eric Trump and takes no row (nor key) of his father's
    text = (
        "Trump's son says the battle is on.\n\nHis son spoke to reporters on Monday. Eric Trump, son of "
        "the front-runner, talked about the race. Eric Trump said the campaign was going well."
    )
    people = [e for e in entities(nlp, text) if e.type == "PERSON"]
    assert [(e.name, e.key) for e in people] == [("Eric Trump", "PERSON:eric trump")]


def test_a_one_word_body_joins_a_longer_name_only_when_the_rest_may_be_left_out(nlp: Any) -> None:
    text = (
        "The White House said on Monday that the president would veto the bill. The House voted 230 to "
        "190 for it. The Washington Post reported that the Post had seen the memo."
    )
    ents = by_name(entities(nlp, text))
    assert [m.text for m in ents["White House"].mentions] == ["The White House"]  # "the House" is not it
    assert [m.text for m in ents["The Washington Post"].mentions] == ["The Washington Post", "Post"]


def test_an_institution_is_called_by_its_last_word_when_its_other_words_are_generic() -> None:
    from newsgraph.extract.entity_names import _shortens_to

    assert _shortens_to("National Treasury", "Treasury") and _shortens_to("Kenyan Supreme Court", "Court")
    assert _shortens_to("Acme Post", "Post")  # an outlet's word
    assert not _shortens_to("White House", "House") and not _shortens_to("Bank of England", "England")


def test_an_institution_of_a_country_is_named_with_its_country(nlp: Any) -> None:
    from newsgraph.extract.countries import national_institution

    found = national_institution("Senate of Nigeria")
    assert found is not None and found[1] == "NGA"
    assert national_institution("Bank of England") is None  # a body of its own, no "of <country>" institution
    text = "Lawmakers in the Senate of Nigeria debated the budget. The Senate passed it on Tuesday."
    senate = [e for e in entities(nlp, text) if e.key == "ORG:NGA:senate"]
    assert [e.name for e in senate] == ["Nigerian Senate"]
    assert len(senate[0].mentions) == 2


def test_a_transcript_speaker_label_in_capitals_joins_its_person(nlp: Any) -> None:
    text = (
        "Gov. Mary Fallin spoke to Jake Tapper on Sunday about the race.\n\n"
        "TAPPER: Do you think he can heal the nation?\n\n"
        "FALLIN: Well, I think the whole nation needs to heal."
    )
    fallin = by_name(entities(nlp, text))["Mary Fallin"]
    assert [m.text for m in fallin.mentions] == ["Mary Fallin", "FALLIN"]
