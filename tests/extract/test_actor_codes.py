"""Actor codes of entities on invented sentences (issue 15): which country an article is about,
the country and sector of people with no country named, firms and intergovernmental bodies."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span

from handdocs import NLP, make
from newsgraph.extract.countries import (
    headquarters_actor,
    main_country,
    named_body_actor,
    of_org_actor,
    possessive_country_actor,
    state_body_country,
    titled_person_actor,
)
from newsgraph.extract.entity_groups import group
from newsgraph.extract.facts import ActorFact
from newsgraph.extract.mentions import Mention, collect_mentions
from newsgraph.extract.role_titles import role_sector
from newsgraph.extract.roles import Role, find_roles
from newsgraph.resolve.actors import Actor


def test_state_bodies_and_parties_say_which_country_an_article_is_about() -> None:
    doc = spacy.blank("en")("The FBI questioned Republicans about the Bundesrat memo on Twitter .")
    doc.ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 3, 4, label="NORP"), Span(doc, 6, 7, label="ORG")]
    assert main_country(collect_mentions(doc)) == "USA"  # FBI and Republicans: no country named


def test_firms_media_and_intergovernmental_bodies_are_no_evidence_of_the_article_country() -> None:
    assert state_body_country("FBI") == "USA"
    assert state_body_country("Republicans") == "USA"
    assert state_body_country("Twitter") is None  # a firm: named by news of every country
    assert state_body_country("Reuters") is None  # a wire service
    assert state_body_country("United Nations") is None
    doc = spacy.blank("en")("Lagos residents posted on Twitter .")
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 4, 5, label="ORG")]
    assert main_country(collect_mentions(doc)) == "NGA"


def roles_of(doc: Doc) -> dict[str, list[Role]]:
    entities = [e for e in group(doc, collect_mentions(doc)) if e.type == "PERSON"]
    found = find_roles(doc, [(e.key, [(m.i, m.j) for m in e.mentions]) for e in entities])
    return {e.name: found.get(e.key, []) for e in entities}


def test_an_organisation_in_a_title_gives_its_sector_to_a_generic_title() -> None:
    doc = make(
        "NBC executive Dara Vell spoke . Pentagon spokesman Omar Tull said . Senate leader Ike Obo left .",
        [
            ("NBC", "ORG"),
            ("Dara Vell", "PERSON"),
            ("Pentagon", "ORG"),
            ("Omar Tull", "PERSON"),
            ("Senate", "ORG"),
            ("Ike Obo", "PERSON"),
        ],
    )
    roles = roles_of(doc)
    assert [(r.title, r.affiliation, r.sector) for r in roles["Dara Vell"]] == [("Executive", "USA", "JRN")]
    assert [r.sector for r in roles["Omar Tull"]] == ["MIL"]
    assert [r.sector for r in roles["Ike Obo"]] == ["LEG"]  # a legislature's leader


def test_a_presidential_hopeful_is_a_candidate_of_a_party() -> None:
    doc = make(
        "Voters met the newest presidential hopeful , Dov Patek , on Tuesday .",
        [("Dov Patek", "PERSON")],
    )
    roles = roles_of(doc)["Dov Patek"]
    assert [r.sector for r in roles] == ["PTY"]  # GUIDE: candidates who hold no office
    assert titled_person_actor(roles, "USA") == Actor("USA", "PTY")


def test_role_sector_keeps_a_specific_title_and_ignores_government_bodies() -> None:
    assert role_sector("Spokesman", "MIL") == "MIL"
    assert role_sector("Senator", "PTY") is None  # "Democratic Sen. X": a senator, LEG
    assert role_sector("Spokesman", "GOV") is None  # "State Department spokesman": the title's own
    assert role_sector("Spokesman", "IGO") is None


def test_a_title_with_a_sector_and_no_country_takes_the_people_country() -> None:
    host = Role("Talk Show Host", None, None)
    assert titled_person_actor([host], "USA") == Actor("USA", "JRN")
    assert titled_person_actor([host], None) is None  # no country for the article's people
    assert titled_person_actor([Role("Attorney", None, None)], "NGA") == Actor("NGA", "CVL")  # a lawyer
    assert titled_person_actor([Role("District Attorney", None, None)], "USA") == Actor("USA", "JUD")
    assert titled_person_actor([Role("Clinton Campaign Spokesman", None, None)], "USA") == Actor("USA", "PTY")
    assert titled_person_actor([], "USA") is None  # no title: no guess


def test_a_person_keeps_each_distinct_title_in_text_order() -> None:
    doc = make(
        "General Mark Tull spoke . Chairman Mark Tull left . President Ana Bell spoke . "
        "Russian President Ana Bell left .",
        [("Mark Tull", "PERSON"), ("Ana Bell", "PERSON"), ("Russian", "NORP")],
    )
    roles = roles_of(doc)
    assert [r.title for r in roles["Mark Tull"]] == ["General", "Chairman"]  # the first title first
    assert [(r.title, r.affiliation) for r in roles["Ana Bell"]] == [("President", "RUS")]  # one office


def test_a_title_before_another_persons_name_is_not_given_to_a_later_name() -> None:
    doc = make(
        "Ana Maria Bell spoke . GOP Rep Dan Moll Announces Bill Revoking Ana Maria Bell Clearance .",
        [("Dan Moll", "PERSON"), ("Ana Maria Bell", "PERSON")],
    )
    roles = roles_of(doc)
    assert [r.title for r in roles["Dan Moll"]] == ["GOP Rep"] or [r.title for r in roles["Dan Moll"]] == [
        "Rep"
    ]
    assert roles["Ana Maria Bell"] == []


def test_an_unknown_state_body_or_party_takes_the_people_country() -> None:
    assert named_body_actor("Independent National Electoral Commission", "NGA") == Actor("NGA", "GOV")
    assert named_body_actor("Peoples Progressive Party", "GUY") == Actor("GUY", "PTY")
    assert named_body_actor("Navy", "VNM") == Actor("VNM", "MIL")
    assert named_body_actor("Navy", None) is None  # no country for the article's people: no guess
    assert named_body_actor("Lagos Business School", "USA") == Actor("NGA", "EDU")  # Lagos is Nigerian
    assert named_body_actor("Quillstone Partners", "NGA") is None  # no sector word at all


def test_journalists_credited_in_a_byline_are_reporters_and_editors() -> None:
    doc = make(
        "Talks stalled ( Reporting by Dana Roe in Lagos ; Editing by Kim Vale ) . Ola Test left . "
        "Sam Ward reports .",
        [("Dana Roe", "PERSON"), ("Kim Vale", "PERSON"), ("Ola Test", "PERSON"), ("Sam Ward", "PERSON")],
    )
    roles = roles_of(doc)
    assert [r.title for r in roles["Dana Roe"]] == ["Reporter"]
    assert [r.title for r in roles["Kim Vale"]] == ["Editor"]
    assert [r.title for r in roles["Sam Ward"]] == ["Reporter"]
    assert roles["Ola Test"] == []
    assert titled_person_actor(roles["Kim Vale"], "NGA") == Actor("NGA", "JRN")
    by = make("By Ana Lee\nTalks stalled . Officials met by Ana Lee .", [("Ana Lee", "PERSON")])
    assert [r.title for r in roles_of(by)["Ana Lee"]] == ["Reporter"]  # "By" opening a line only


def test_a_follow_sign_off_names_the_writer_a_reporter() -> None:
    doc = make(
        "Talks stalled , Ola Test said . Follow Dana Roe on Twitter @droe . Follow Ola Test closely .",
        [("Dana Roe", "PERSON"), ("Ola Test", "PERSON")],
    )
    roles = roles_of(doc)
    assert [r.title for r in roles["Dana Roe"]] == ["Reporter"]
    assert roles["Ola Test"] == []  # "follow ... closely": no site, no sign-off
    assert titled_person_actor(roles["Dana Roe"], "USA") == Actor("USA", "JRN")


def test_a_sentence_opening_definite_title_is_the_person_named_just_before() -> None:
    doc = make(
        "Ted Vance won the primary . The Texas senator led all night .",
        [("Ted Vance", "PERSON"), ("Texas", "GPE")],
    )
    assert [(r.title, r.affiliation) for r in roles_of(doc)["Ted Vance"]] == [("Texas Senator", "USA")]
    two = make(
        "Ted Vance met Al Roe . The Texas senator led all night .",
        [("Ted Vance", "PERSON"), ("Al Roe", "PERSON"), ("Texas", "GPE")],
    )
    assert roles_of(two) == {"Ted Vance": [], "Al Roe": []}  # two people, no subject known: no guess
    inside = make(
        "Ted Vance won the primary . Voters said the Texas senator led .",
        [("Ted Vance", "PERSON"), ("Texas", "GPE")],
    )
    assert roles_of(inside)["Ted Vance"] == []  # the title does not open its sentence


def test_us_politicians_of_2016_get_the_office_they_held_then() -> None:
    from newsgraph.extract.people import person_actor
    from newsgraph.resolve.actors import known_person

    def actor(names: list[str], titles: list[str], year: int) -> Actor | None:
        return person_actor([], known_person(names, titles, year), year)

    assert actor(["Ted Cruz"], [], 2016) == Actor("USA", "LEG")  # a senator running for president
    assert actor(["Cruz"], ["Sen."], 2016) == Actor("USA", "LEG")  # a surname beside an office's title
    assert actor(["Cruz"], [], 2016) is None  # a surname alone: no guess
    assert actor(["John Kasich"], [], 2016) == Actor("USA", "GOV")
    assert actor(["Jeb Bush"], [], 2016) == Actor("USA", "PTY")  # a candidate holding no office
    assert actor(["Jeb Bush"], [], 2019) == Actor("USA", "ELI")  # out of office by then
    assert actor(["Ruth Bader Ginsburg"], [], 2016) == Actor("USA", "JUD")


def test_a_title_set_off_by_a_comma_before_a_name_in_a_list_or_opening_its_sentence() -> None:
    doc = make(
        "The deaths of former House of Assembly Speaker , Ade Bolu and member , Ify Ude shocked us . "
        "Senate Leader , Musa Dan raises a motion .",
        [("Ade Bolu", "PERSON"), ("Ify Ude", "PERSON"), ("Musa Dan", "PERSON")],
    )
    roles = roles_of(doc)
    assert [(r.title, r.sector) for r in roles["Ade Bolu"]] == [("Former House of Assembly Speaker", "ELI")]
    assert [(r.title, r.sector) for r in roles["Musa Dan"]] == [("Senate Leader", "LEG")]
    inside = make("He met the Senate Leader , Musa Dan raises funds .", [("Musa Dan", "PERSON")])
    assert roles_of(inside)["Musa Dan"] == []  # mid-sentence and not closed: a list, not a title


def test_a_former_state_office_is_eli_and_a_former_firm_post_keeps_its_sector() -> None:
    assert Role("Former Speaker", None, None).sector == "ELI"
    assert Role("Ex-Minister", None, None).sector == "ELI"
    assert Role("Speaker", None, None).sector == "LEG"
    assert Role("Former CEO", None, None).sector == "BUS"


def test_a_former_office_of_someone_holding_another_then_is_not_eli() -> None:
    from newsgraph.extract.people import person_actor
    from newsgraph.resolve.actors import known_person

    roles = [Role("Former Secretary of State", "USA", None)]
    known = known_person(["Hillary Clinton"], ["Former Secretary of State"], 2016)
    assert person_actor(roles, known, 2016) == Actor("USA", "PTY")  # the 2016 candidate
    menem = [Role("Former President", "ARG", None)]
    assert person_actor(menem, None, 2016) == Actor("ARG", "ELI")


def test_a_state_named_like_a_country_is_the_state_in_news_about_its_country() -> None:
    from newsgraph.extract.countries import state_namesake

    assert state_namesake("Georgia") == "USA"
    assert state_namesake("Niger") == "NGA"  # a state of Nigeria
    assert state_namesake("France") is None
    assert state_namesake("Georgian") is None  # the nationality is the country's
    us = spacy.blank("en")("Voters in Georgia and Ohio sent two Americans to Washington ; Georgia decided .")
    us.ents = [
        Span(us, k, k + 1, label=label)
        for k, label in ((2, "GPE"), (4, "GPE"), (7, "NORP"), (9, "GPE"), (11, "GPE"))
    ]
    assert main_country(collect_mentions(us)) == "USA"  # Georgia counted with the US it lies in
    caucasus = spacy.blank("en")("Georgia and Armenia met in Tbilisi ; Georgia signed .")
    caucasus.ents = [Span(caucasus, k, k + 1, label="GPE") for k in (0, 2, 5, 7)]
    assert main_country(collect_mentions(caucasus)) == "GEO"


def test_a_state_named_like_a_country_gives_its_country_to_local_offices_only() -> None:
    from newsgraph.extract.annotations import article_context, set_article_context

    doc = make(
        "Niger 's ambassador Brah Moha left . Niger senator Ada Obi stayed .",
        [("Niger", "GPE"), ("Brah Moha", "PERSON"), ("Ada Obi", "PERSON")],
    )
    set_article_context(doc, dataclasses.replace(article_context(doc), main_country="NGA"))
    roles = roles_of(doc)
    assert [r.affiliation for r in roles["Brah Moha"]] == ["NER"]  # an ambassador is a country's
    assert [r.affiliation for r in roles["Ada Obi"]] == ["NGA"]  # a senator from the Nigerian state


def test_a_local_office_of_a_city_or_province_takes_its_country() -> None:
    from newsgraph.extract.countries import of_country

    doc = make(
        "Governor Oleh Syn of Kharkiv said . Minister Ana Pol of Kharkiv said .",
        [("Oleh Syn", "PERSON"), ("Ana Pol", "PERSON")],
    )
    mentions = collect_mentions(doc)
    assert of_country(doc, [m for m in mentions if m.text == "Oleh Syn"]) == "UKR"
    assert of_country(doc, [m for m in mentions if m.text == "Ana Pol"]) is None  # a national office


@pytest.mark.model
def test_the_state_georgia_in_us_news_is_coded_usa_with_the_real_model(nlp: Any) -> None:
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    text = (
        "Jon Ossoff, the Democratic senator from Georgia, spoke in Washington on Tuesday. "
        "Ossoff said Georgia voters and Americans across the United States would decide."
    )
    ents = {e.name: e for e in doc_entities(nlp(prepare_doc(nlp, text, published="2024-03-01")))}
    assert ents["Georgia"].actor is None  # the state or the country: not GEO in US news
    assert ents["Jon Ossoff"].actor == ActorFact("USA", "LEG")


def test_a_foreign_city_named_often_is_no_rival_country_for_the_people_of_an_article() -> None:
    from newsgraph.extract.countries import people_country, rival_in_sentence

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = (
        "Americans mourned . Americans sued . The Benghazi attack was in June . Benghazi burned . "
        "Benghazi fell . Attorney Sam Roe spoke of Benghazi ."
    )
    doc = nlp(text)
    at = [t.i for t in doc if t.text in ("Americans", "Benghazi")]
    doc.ents = [Span(doc, i, i + 1, label="NORP" if doc[i].text == "Americans" else "GPE") for i in at]
    mentions = collect_mentions(doc)
    assert people_country(doc, mentions, "USA") == "USA"  # Libya named only by a city
    roe = doc.char_span(text.index("Sam Roe"), text.index("Sam Roe") + 7, label="PERSON")
    assert roe is not None
    person = Mention(roe.start, roe.end, roe.start_char, roe.end_char, "Sam Roe", "PERSON")
    assert not rival_in_sentence(doc, person, mentions, "USA")
    libya = nlp("Americans mourned . Americans sued . Libya grieved . Libyans wept . Libya mourned .")
    libya.ents = [Span(libya, i, i + 1, label="GPE") for i in range(0, len(libya), 3)]
    assert people_country(libya, collect_mentions(libya), "USA") is None  # two nations in the news


def test_a_noun_compound_before_a_title_is_part_of_it() -> None:
    doc = make(
        "In a statement , Vera campaign spokesman Nick Moll said .",
        [("Vera", "PERSON"), ("Nick Moll", "PERSON")],
    )
    doc[5].dep_ = "compound"  # "campaign", as the parser tags it
    doc[5].head = doc[6]
    roles = roles_of(doc)
    assert [(r.title, r.sector) for r in roles["Nick Moll"]] == [("Campaign Spokesman", "PTY")]


def test_a_person_named_after_an_organisations_possessive_is_its_member() -> None:
    from newsgraph.extract.countries import possessive_org_actor

    doc = make(
        "CNN 's Jo Tapp asked the FBI 's Cy Wren and Ana 's Bo Lee .",
        [("CNN", "ORG"), ("Jo Tapp", "PERSON"), ("FBI", "ORG"), ("Cy Wren", "PERSON"), ("Bo Lee", "PERSON")],
    )
    mentions = {m.text: m for m in collect_mentions(doc)}
    assert possessive_org_actor(doc, [mentions["Jo Tapp"]]) == Actor("USA", "JRN")
    assert possessive_org_actor(doc, [mentions["Cy Wren"]]) == Actor("USA", "COP")
    assert possessive_org_actor(doc, [mentions["Bo Lee"]]) is None  # a person's possessive


def test_an_apposition_after_names_joined_by_and_is_the_last_ones() -> None:
    words = ["Bill", "Vane", "and", "Hilda", "Vane", ",", "the", "candidate", ",", "spoke", "."]
    heads = [1, 9, 1, 4, 1, 1, 7, 1, 1, 9, 9]  # the parser hangs the apposition on the first name
    deps = ["compound", "nsubj", "cc", "compound", "conj", "punct", "det", "appos", "punct", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"]
    doc = Doc(
        NLP.vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"] + ["O"] * 6,
    )
    roles = roles_of(doc)
    assert [r.title for r in roles["Hilda Vane"]] == ["Candidate"]
    assert roles["Bill Vane"] == []


def test_two_titles_joined_by_and_before_a_name_keep_the_first() -> None:
    doc = make("Acme founder and former CEO Adam Rolf resigned .", [("Acme", "ORG"), ("Adam Rolf", "PERSON")])
    assert [r.title for r in roles_of(doc)["Adam Rolf"]] == ["Acme Founder"]


def test_an_unknown_body_named_after_a_place_is_that_places_and_a_titled_name_is_no_body() -> None:
    assert named_body_actor("Suez Canal Authority", "YEM") == Actor("EGY", "GOV")  # Suez is Egyptian
    assert named_body_actor("Lagos State House of Assembly", None) == Actor("NGA", "LEG")
    assert named_body_actor("Rear Admiral Lorenzo Falcone", "YEM") is None  # a person tagged ORG


def test_a_chain_of_noun_compounds_before_a_title_is_part_of_the_phrase() -> None:
    doc = make(
        "Philippine coast guard spokesman Commodore Rafa Diz told reporters .",
        [("Philippine", "NORP"), ("Rafa Diz", "PERSON")],
    )
    for k in (1, 2):  # "coast", "guard": compounds of the next word, as the parser tags them
        doc[k].dep_ = "compound"
        doc[k].head = doc[k + 1]
    roles = roles_of(doc)
    assert [r.affiliation for r in roles["Rafa Diz"]] == ["PHL"]


def test_a_place_followed_by_a_state_lies_in_that_states_country() -> None:
    from newsgraph.extract.countries import located_in

    doc = spacy.blank("en")("She spoke in Berlin , New Hampshire and then in Paris , France and Berlin .")
    doc.ents = [Span(doc, 3, 4, label="GPE"), Span(doc, 5, 7, label="GPE")] + [
        Span(doc, k, k + 1, label="GPE") for k in (10, 12, 14)
    ]
    mentions = collect_mentions(doc)
    by_start = {m.i: m for m in mentions}
    assert located_in(doc, [by_start[3]], mentions) == "USA"  # a town of New Hampshire
    assert located_in(doc, [by_start[10]], mentions) is None  # "Paris, France": the country says it
    assert located_in(doc, [by_start[14]], mentions) is None  # no state after it


def hq_actor(text: str, ents: list[tuple[str, str]], name: str) -> Actor | None:
    doc = make(text, ents)
    mentions = collect_mentions(doc)
    return headquarters_actor(doc, [m for m in mentions if m.text == name], mentions)


def test_an_unknown_firm_takes_the_country_of_its_seat() -> None:
    places = [("New York City", "GPE"), ("Ohio", "GPE"), ("Toronto", "GPE"), ("Lagos", "GPE")]
    # the seat sentence may hold an untagged mention of the name: every occurrence is read
    text = "Quillro founder Ana Bell quit . Quillro is headquartered in New York City ."
    doc = make(text, [*places])
    doc.ents = [*doc.ents, Span(doc, 0, 1, label="ORG")]  # tagged in the first sentence only
    mentions = collect_mentions(doc)
    org = [m for m in mentions if m.text == "Quillro"]
    assert headquarters_actor(doc, org, mentions) == Actor("USA", "BUS")  # a city's country
    assert hq_actor(
        "The Ohio - based firm Lantern Labs hired staff .", [("Lantern Labs", "ORG"), *places], "Lantern Labs"
    ) == Actor("USA", "BUS")
    assert hq_actor(
        "Stoven Inc. , based in Toronto , hired staff .", [("Stoven Inc.", "ORG"), *places], "Stoven Inc."
    ) == Actor("CAN", "BUS")


def test_a_seat_in_an_apposition_after_the_name() -> None:
    # "X, a <place>-based <noun> ...": the apposition gives the seat and the noun the sector; the
    # place may be untagged (the gazetteer reads "Sugar Land"), and a generic title after another
    # mention ("InfoNation President") does not outvote the firm's noun
    text = (
        "Sales fell , said InfoNation , a Sugar Land - based provider of data . "
        "InfoNation President Dan Roe spoke ."
    )
    assert hq_actor(text, [("InfoNation", "ORG"), ("InfoNation", "ORG")], "InfoNation") == Actor("USA", "BUS")
    text = "Rates fell , said Edmunds , a California - based automobile data firm ."
    assert hq_actor(text, [("Edmunds", "ORG"), ("California", "GPE")], "Edmunds") == Actor("USA", "BUS")
    # no apposition opener, or no firm's noun after "-based": no code
    text = "Rates fell , said Edmunds , California - based , on Monday ."
    assert hq_actor(text, [("Edmunds", "ORG"), ("California", "GPE")], "Edmunds") is None


def test_a_title_opened_by_a_coded_organisation_gives_its_actor() -> None:
    from newsgraph.extract.relations import title_org_actor

    orgs = {"infonation": Actor("USA", "BUS")}
    assert title_org_actor([Role("InfoNation President", None, None)], orgs) == Actor("USA", "BUS")
    # a title of a body the tables know keeps that body's sector; other titles give nothing
    assert title_org_actor([Role("NBC President", "USA", None, org_sector="JRN")], orgs) is None
    assert title_org_actor([Role("President", "USA", None)], orgs) is None


def test_a_seat_without_a_firm_word_or_a_firm_without_a_seat_gives_no_code() -> None:
    places = [("Lagos", "GPE"), ("Ohio", "GPE")]
    # no word says what the body is: a country alone says nothing of whom it acts for
    assert hq_actor("Kora Hub is based in Lagos .", [("Kora Hub", "ORG"), *places], "Kora Hub") is None
    # a firm, no seat: no guess from the article's other places
    assert (
        hq_actor("The firm Kora Hub hired staff in Lagos .", [("Kora Hub", "ORG"), *places], "Kora Hub")
        is None
    )
    # a seat of something else in the sentence is not the firm's
    text = "The firm Kora Hub said the fund based in Ohio grew ."
    assert hq_actor(text, [("Kora Hub", "ORG"), *places], "Kora Hub") is None


def test_the_house_alone_is_the_countrys_lower_house() -> None:
    doc = make(
        "The FBI briefed Republicans in the United States . House Republicans issued a report .",
        [("FBI", "ORG"), ("Republicans", "NORP"), ("United States", "GPE"), ("House", "ORG")],
    )
    mentions = collect_mentions(doc)
    house = [e for e in group(doc, mentions, main_country(mentions)) if e.first.text == "House"]
    assert len(house) == 1 and house[0].name == "U.S. House of Representatives"  # the table's name
    assert house[0].actor == Actor("USA", "LEG")
    assert named_body_actor("House", "NGA") == Actor("NGA", "LEG")  # any country's


def test_a_persons_possessive_before_a_country_makes_the_person_its_ruler() -> None:
    def actor(text: str, name: str) -> Actor | None:
        doc = make(text, [(name, "PERSON")])
        return possessive_country_actor(doc, [m for m in collect_mentions(doc) if m.text == name])

    assert actor("Under Olaf Brenn's Germany , trade grew .", "Olaf Brenn") == Actor("DEU", "GOV")
    assert actor("Olaf Brenn's French friends came .", "Olaf Brenn") is None  # an adjective
    assert actor("Olaf Brenn's Paris flat was sold .", "Olaf Brenn") is None  # a capital
    assert actor("Olaf Brenn's America First Fund grew .", "Olaf Brenn") is None  # a longer name
    assert actor("Olaf Brenn spoke of Germany .", "Olaf Brenn") is None


def test_a_known_organisation_after_of_gives_a_person_its_code() -> None:
    def actor(text: str, ents: list[tuple[str, str]]) -> Actor | None:
        doc = make(text, ents)
        return of_org_actor(doc, [m for m in collect_mentions(doc) if m.text == "Ana Bell"])

    assert actor("Ana Bell of the FBI spoke .", [("Ana Bell", "PERSON"), ("FBI", "ORG")]) == Actor(
        "USA", "COP"
    )
    post = [("Ana Bell", "PERSON"), ("Washington Post", "ORG")]
    assert actor("Ana Bell of The Washington Post spoke .", post) == Actor("USA", "JRN")
    assert actor("Ana Bell of the Washington Post Company spoke .", post) is None  # another name
    assert actor("Ana Bell of the Democratic Party spoke .", [("Ana Bell", "PERSON")]) is None  # any office
    assert actor("Ana Bell of Ohio spoke .", [("Ana Bell", "PERSON"), ("Ohio", "GPE")]) is None


def test_an_unknown_body_whose_name_says_what_it_is_takes_the_country_of_a_place_in_it() -> None:
    assert named_body_actor("University of Ruritexas", "USA") == Actor("USA", "EDU")  # the people's country
    assert named_body_actor("University of Texas", None) == Actor("USA", "EDU")  # a US state
    assert named_body_actor("University of Zurich", "USA") == Actor("CHE", "EDU")  # not the article's
    assert named_body_actor("Sunny Valley Hospital", "NGA") == Actor("NGA", "MED")
    assert named_body_actor("Quillstone Matters", "USA") is None  # no sector word


def test_a_word_that_is_also_a_small_town_is_no_place_inside_a_name() -> None:
    # "Police" is a Polish town of 34,000 people and "Federal" an Argentine one: words here
    assert named_body_actor("Federal Police", "BRA") == Actor("BRA", "COP")
    assert named_body_actor("Federal Police", None) is None
    assert named_body_actor("Police Command", "NGA") == Actor("NGA", "COP")


def test_a_named_body_is_never_private_citizens() -> None:
    # "public" says CVL of a group of people, not of a body: the head noun says what it is
    assert named_body_actor("Department of Public Safety", "USA") == Actor("USA", "GOV")
    assert named_body_actor("Citizens Together", "USA") is None  # ("Citizens United": a table row)
    assert named_body_actor("Public Award", "NLD") is None


def test_us_party_organs_and_federal_bodies_are_in_the_table() -> None:
    from newsgraph.resolve.actors import resolve_actor

    assert resolve_actor("the Democratic National Committee", "ORG") == Actor("USA", "PTY")
    assert resolve_actor("RNC", "ORG") == Actor("USA", "PTY")
    assert resolve_actor("National Institutes of Health", "ORG") == Actor("USA", "MED")
    assert resolve_actor("Federal Election Commission", "ORG") == Actor("USA", "GOV")
    assert resolve_actor("SoftBank", "ORG") == Actor("JPN", "BUS")


def test_a_dateline_says_where_the_reporter_is_not_whose_news_it_is() -> None:
    from newsgraph.extract.countries import is_dateline

    doc = make("ROME — Dan Moll spoke in Ohio .", [("ROME", "GPE"), ("Dan Moll", "PERSON"), ("Ohio", "GPE")])
    mentions = collect_mentions(doc)
    assert is_dateline(doc, mentions[0])
    assert main_country(mentions, doc) == "USA"
    assert main_country(mentions) == "ITA"  # without the doc: the first named wins the tie
    doc = make(
        "LAGOS , Nigeria ( Reuters ) — Dan Moll spoke in Ohio .",
        [("LAGOS", "GPE"), ("Nigeria", "GPE"), ("Reuters", "ORG"), ("Dan Moll", "PERSON"), ("Ohio", "GPE")],
    )
    assert is_dateline(doc, collect_mentions(doc)[0])
    doc = make("Rome said Ohio - and Texas - agreed .", [("Rome", "GPE"), ("Ohio", "GPE"), ("Texas", "GPE")])
    assert not is_dateline(doc, collect_mentions(doc)[0])  # a sentence, not a dateline


def test_a_capital_in_a_name_keeps_its_country_when_the_article_names_that_country() -> None:
    from newsgraph.resolve.actors import resolve_actor

    # US news: Dublin, Ohio has a city council too, so the capital alone is no evidence of Ireland
    assert resolve_actor("Dublin City Council", "ORG", "USA") == Actor("USA", "GOV")
    assert resolve_actor("Dublin City Council", "ORG", "USA", frozenset({"IRL"})) == Actor("IRL", "GOV")
    assert resolve_actor("Georgetown Police", "ORG", "USA", frozenset({"IRL"})) == Actor("USA", "COP")


def test_a_plural_title_gives_its_singular_to_every_name_listed_after_it() -> None:
    from newsgraph.extract.role_context import singular_title

    assert [singular_title(w) for w in ("Sens.", "Reps.", "senators", "Justices", "Americans", "Ms.")] == [
        "Sen.",
        "Rep.",
        "senator",
        "Justice",
        None,
        None,
    ]
    doc = make(
        "People like Sens. Ana Bell ( S.C. ) , Dan Moll ( Ill. ) and Kim Vale ( Neb. ) voted . "
        "Later , U.S. Reps. Ola Test and Sam Ward spoke . Lee Park watched .",
        [(n, "PERSON") for n in ("Ana Bell", "Dan Moll", "Kim Vale", "Ola Test", "Sam Ward", "Lee Park")],
    )
    roles = roles_of(doc)
    assert [r.title for r in roles["Ana Bell"]] == ["Sen."]
    assert [r.title for r in roles["Dan Moll"]] == ["Sen."]
    assert [r.title for r in roles["Kim Vale"]] == ["Sen."]
    assert [(r.title, r.affiliation) for r in roles["Sam Ward"]] == [("Rep.", "USA")]
    assert roles["Lee Park"] == []  # not in the list
    # a full word's plural before a sentence's period is no abbreviated title ("officers. Webb")
    doc = make("The man fled from officers. Ana Bell was taken away .", [("Ana Bell", "PERSON")])
    assert roles_of(doc)["Ana Bell"] == []


def test_a_relative_takes_the_country_of_the_family_and_an_officials_family_is_eli() -> None:
    from newsgraph.extract.relations import kin_actor

    doc = make(
        "Ana Bell , the daughter of former President Dan Moll , spoke . Kim Vale and Ola Test , the "
        "parents of two Americans killed , sued . Sam Ward , the Muslim father of a slain U.S. soldier , "
        "spoke . Lee Park , the son of Jo Rao , spoke . Ed Fox , the father of modern dance , left .",
        [(n, "PERSON") for n in ("Ana Bell", "Dan Moll", "Kim Vale", "Ola Test", "Sam Ward", "Lee Park")]
        + [("Jo Rao", "PERSON"), ("Ed Fox", "PERSON"), ("Americans", "NORP"), ("U.S.", "GPE")],
    )
    for t in doc:
        t.pos_ = "ADJ" if t.text in ("Muslim", "slain") else t.pos_
    mentions = collect_mentions(doc)
    codes = {
        "Dan Moll": Actor("USA", "ELI"),
        "Americans": Actor("USA", "CVL"),
        "U.S.": Actor("USA", "GOV"),
        "Jo Rao": Actor("ARG", "BUS"),
    }
    others = {m.i: (m.j, m.label, codes.get(m.text)) for m in mentions}

    def of(name: str) -> Actor | None:
        return kin_actor(doc, [m for m in mentions if m.text == name], others)

    assert of("Ana Bell") == Actor("USA", "ELI")  # a former president's family
    assert of("Kim Vale") == of("Ola Test") == Actor("USA", "CVL")  # the pair's description
    assert of("Sam Ward") == Actor("USA", "CVL")
    assert of("Lee Park") == Actor("ARG", "CVL")  # a businessman's son: a private citizen
    assert of("Ed Fox") is None  # no relative with a code


def test_a_relative_of_an_unnamed_official_gets_no_code() -> None:
    from newsgraph.extract.relations import kin_actor

    doc = make("Ana Bell , the son of one Ohio governor , spoke .", [("Ana Bell", "PERSON"), ("Ohio", "GPE")])
    mentions = collect_mentions(doc)
    others = {m.i: (m.j, m.label, Actor("USA", "GOV") if m.text == "Ohio" else None) for m in mentions}
    assert kin_actor(doc, mentions[:1], others) is None


def test_a_person_of_a_coded_body_of_the_article_takes_its_actor() -> None:
    from newsgraph.extract.relations import member_actor

    doc = make(
        "Ana Bell of Fordham University spoke . Quill Labs 's Dan Moll agreed . "
        "Kim Vale of the Greens Party objected . Ola Test of the United Nations left .",
        [
            *[(n, "PERSON") for n in ("Ana Bell", "Dan Moll", "Kim Vale", "Ola Test")],
            *[(n, "ORG") for n in ("Fordham University", "Quill Labs", "Greens Party", "United Nations")],
        ],
    )
    mentions = collect_mentions(doc)
    codes = {
        "Fordham University": Actor("USA", "EDU"),
        "Quill Labs": Actor("GBR", "BUS"),
        "Greens Party": Actor("DEU", "PTY"),
        "United Nations": Actor("UNO", "IGO"),
    }
    others = {m.i: (m.j, m.label, codes.get(m.text)) for m in mentions}

    def of(name: str) -> Actor | None:
        return member_actor(doc, [m for m in mentions if m.text == name], others)

    assert of("Ana Bell") == Actor("USA", "EDU")
    assert of("Dan Moll") == Actor("GBR", "BUS")
    assert of("Kim Vale") is None  # a party's member may hold any office
    assert of("Ola Test") is None  # an intergovernmental body's staff: any country's


def test_a_description_after_a_name_that_names_a_coded_body_gives_its_actor() -> None:
    from newsgraph.extract.relations import member_actor

    doc = make(
        "Ana Bell , a professor at Fordham University , spoke . Dan Moll , who heads Quill Labs , "
        "agreed . Kim Vale , Senator of Fordham University , left .",
        [
            *[(n, "PERSON") for n in ("Ana Bell", "Dan Moll", "Kim Vale")],
            *[(n, "ORG") for n in ("Fordham University", "Quill Labs")],
        ],
    )
    for t in doc:
        t.pos_ = "VERB" if t.text in ("heads", "spoke") else t.pos_
    mentions = collect_mentions(doc)
    codes = {"Fordham University": Actor("USA", "EDU"), "Quill Labs": Actor("GBR", "BUS")}
    others = {m.i: (m.j, m.label, codes.get(m.text)) for m in mentions}

    def of(name: str) -> Actor | None:
        return member_actor(doc, [m for m in mentions if m.text == name], others)

    assert of("Ana Bell") == Actor("USA", "EDU")
    assert of("Dan Moll") == Actor("GBR", "BUS")
    assert of("Kim Vale") is None  # a capitalised title: not a plain description (the roles read it)
    doc = make(
        "Ana Bell , who teaches law at Fordham University , spoke . Dan Moll , who works for Quill Labs , "
        "agreed .",
        [
            *[(n, "PERSON") for n in ("Ana Bell", "Dan Moll")],
            *[(n, "ORG") for n in ("Fordham University", "Quill Labs")],
        ],
    )
    for t in doc:
        t.pos_ = "VERB" if t.text in ("teaches", "works", "spoke", "agreed") else t.pos_
    mentions = collect_mentions(doc)
    others = {m.i: (m.j, m.label, codes.get(m.text)) for m in mentions}
    assert of("Ana Bell") == Actor("USA", "EDU")  # "who teaches law at": where the person works
    assert of("Dan Moll") == Actor("GBR", "BUS")


def test_a_highway_patrol_is_police_and_a_medical_center_a_health_body() -> None:
    assert named_body_actor("Ohio State Highway Patrol", "USA") == Actor("USA", "COP")
    assert named_body_actor("Quillan Medical Center", "USA") == Actor("USA", "MED")


def test_an_unknown_outlet_named_after_a_place_is_that_places_press() -> None:
    assert named_body_actor("Tampa Bay Times", None) == Actor("USA", "JRN")
    assert named_body_actor("Toronto Star", "USA") == Actor("CAN", "JRN")  # not the article's country
    assert named_body_actor("Quill Times", None) is None  # no place, no people country: no guess


def test_a_known_body_written_without_its_apostrophe_is_known() -> None:
    from newsgraph.resolve import actors

    found = actors.organisation("Peoples Liberation Army")
    assert found is not None and (found.code, found.sector) == ("CHN", "MIL")


def test_sheriffs_and_narcotics_units_are_police() -> None:
    from newsgraph.resolve import actors

    assert actors.sector_of("Bartholomew County Sheriff’s Department") == "COP"
    assert actors.sector_of("Sheriff Joe Arpaio") == "COP"
    assert actors.sector_of("Joint Narcotics Enforcement Team") == "COP"


def test_a_word_of_a_longer_place_in_a_name_is_no_place_of_its_own() -> None:
    # "San Francisco" is a city of several countries; "San" alone is a town in Mali
    assert named_body_actor("San Francisco Police Department", None) is None
    assert named_body_actor("San Francisco Police Department", "USA") == Actor("USA", "COP")


def test_a_person_named_as_an_example_of_a_coded_group_takes_the_group_s_code() -> None:
    from newsgraph.extract.relations import example_member_actor

    doc = make(
        "Protesters such as Ana Bell marched . Iraqi activists including Dan Moll and Kim Vale wept . "
        "Politicians such as Ola Test spoke . Media figures like Rui Kan , Eva Lind and Tom Hale came .",
        [
            *[(n, "PERSON") for n in ("Ana Bell", "Dan Moll", "Kim Vale", "Ola Test", "Rui Kan", "Eva Lind")],
            ("Tom Hale", "PERSON"),
            ("Iraqi", "NORP"),
        ],
    )
    mentions = collect_mentions(doc)
    names = frozenset(k for m in mentions for k in range(m.i, m.j))

    def of(name: str, country: str | None = "USA") -> Actor | None:
        return example_member_actor(doc, [m for m in mentions if m.text == name], names, country)

    assert of("Ana Bell") == Actor("USA", "CVL")
    assert of("Ana Bell", None) is None  # no country for the article's people: no guess
    assert of("Kim Vale") == Actor("IRQ", "CVL")  # the group's nationality, second in the list
    assert of("Ola Test") is None  # a group with no sector gives none
    assert of("Tom Hale") == Actor("USA", "JRN")  # third in the list


@pytest.mark.model
def test_a_host_of_a_named_broadcaster_s_programme_is_its_journalist(nlp: Any) -> None:
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    text = (
        "Dana Quill, the son of a governor, is a popular figure on CNN's morning program. "
        "Viewers prefer Mara Tell, whose evening program on ABC lost its co-host. "
        "Omar Bel appeared on CNN's morning program."
    )
    ents = {e.name: e for e in doc_entities(nlp(prepare_doc(nlp, text, published="2016-05-18")))}
    assert ents["Dana Quill"].actor == ActorFact("USA", "JRN")
    assert ents["Mara Tell"].actor == ActorFact("USA", "JRN")
    assert ents["Omar Bel"].actor is None  # a guest on a show is not its host


def test_a_body_whose_sector_changed_takes_the_sector_of_the_year() -> None:
    from newsgraph.resolve.actors import dated_sector

    assert dated_sector("Taliban", 2019) == "REB"  # insurgents
    assert dated_sector("Taliban", 1998) == "GOV" and dated_sector("Taliban", 2023) == "GOV"
    assert dated_sector("Taliban", 2021) is None  # the year of the takeover says nothing
    assert dated_sector("Hamas", 2019) is None  # a body of organisations.tsv with its own sector


@pytest.mark.model
def test_the_taliban_are_insurgents_or_the_government_by_the_article_date(nlp: Any) -> None:
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    text = "The Taliban attacked a checkpoint near Kabul on Monday, an Afghan official said."
    for published, sector in (("2019-05-06", "REB"), ("2023-05-08", "GOV"), ("2021-08-16", None)):
        ents = {e.name: e for e in doc_entities(nlp(prepare_doc(nlp, text, published=published)))}
        assert ents["Taliban"].actor == ActorFact("AFG", sector), published


def test_a_candidates_staff_are_the_campaigns() -> None:
    from newsgraph.extract.relations import staff_actor

    candidate, president = Actor("USA", "PTY"), Actor("USA", "GOV")
    doc = make("Clinton campaign communications director Jane Palmer spoke .", [("Jane Palmer", "PERSON")])
    staffer = [m for m in collect_mentions(doc) if m.text == "Jane Palmer"]
    # the principal untagged, known by its surname: a candidate's staff are PTY
    assert staff_actor(doc, staffer, {}, {"clinton": candidate}, True) == Actor("USA", "PTY")
    # a president's staff only when the title says "campaign"; no title, nothing
    assert staff_actor(doc, staffer, {}, {"clinton": president}, True) == Actor("USA", "PTY")
    assert staff_actor(doc, staffer, {}, {"clinton": candidate}, False) is None
    doc = make("Obama adviser Tom Jones spoke .", [("Obama", "PERSON"), ("Tom Jones", "PERSON")])
    staffer = [m for m in collect_mentions(doc) if m.text == "Tom Jones"]
    assert staff_actor(doc, staffer, {1: president}, {}, True) is None  # a White House aide
    assert staff_actor(doc, staffer, {1: candidate}, {}, True) == Actor("USA", "PTY")
