"""Actor codes and roles from the occupations news introduces people by (issue 15, session 16):
titles with their sectors, a title in the possessive that names someone else's office, a former
official with a private title, and "super PAC" as a kind of body, not a name."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from handdocs import NLP, make
from newsgraph.extract.countries import named_body_actor
from newsgraph.extract.entities import EntityExtractor, collect_mentions, group
from newsgraph.extract.people import person_actor
from newsgraph.extract.roles import Role, find_roles
from newsgraph.resolve import actors
from newsgraph.resolve.actors import Actor


def roles_of(doc: Doc) -> dict[str, list[str]]:
    entities = [e for e in group(doc, collect_mentions(doc)) if e.type == "PERSON"]
    found = find_roles(doc, [(e.key, [(m.i, m.j) for m in e.mentions]) for e in entities])
    return {e.name: [r.title for r in found.get(e.key, [])] for e in entities}


def coded(text: str, ents: list[tuple[str, str]]) -> dict[str, Actor | None]:
    return {e.name: e.actor for e in EntityExtractor(NLP, "newsgraph_entities").match(make(text, ents))}


@pytest.mark.parametrize(
    ("title", "sector"),
    [
        ("Democratic strategist", "PTY"),
        ("chief strategist", "PTY"),
        ("political commentator", "JRN"),
        ("pundit", "JRN"),
        ("market analyst", "BUS"),
        ("lobbyist", "BUS"),
        ("historian", "EDU"),
        ("evangelist", "REL"),
        ("state trooper", "COP"),
        ("special agent", "COP"),
        ("White House counsel", "GOV"),
        ("general counsel", "GOV"),  # generic like "spokesman", not the military "general"
    ],
)
def test_occupations_have_their_sector(title: str, sector: str) -> None:
    assert actors.sector_of(title) == sector


def test_occupations_are_titles_and_dean_is_not() -> None:
    doc = make(
        "Veteran political commentator Jon Ralston said . Market analyst Jeffrey Halley wrote . "
        "Dean Baquet spoke .",
        [("Jon Ralston", "PERSON"), ("Jeffrey Halley", "PERSON"), ("Dean Baquet", "PERSON")],
    )
    roles = roles_of(doc)
    assert roles["Jon Ralston"] == ["Veteran Political Commentator"]
    assert roles["Jeffrey Halley"] == ["Market Analyst"]
    assert roles["Dean Baquet"] == []  # a given name, no title


def test_a_title_in_the_possessive_is_someone_else_s_office() -> None:
    doc = make(
        "The diplomacy was led by the president 's lawyer Rudy Giuliani . "
        "Officers stopped Jonathan Blair , 29 , and a Bartholomew County Sheriff 's Department canine "
        "was deployed .",
        [("Rudy Giuliani", "PERSON"), ("Jonathan Blair", "PERSON"), ("Bartholomew County", "GPE")],
    )
    roles = roles_of(doc)
    assert roles["Rudy Giuliani"] == ["Lawyer"]  # not "President"
    assert roles["Jonathan Blair"] == []  # the department's title is nobody's


def test_a_former_official_with_a_private_title_stays_a_former_official() -> None:
    giuliani = actors.known_person(["Rudy Giuliani"], ["lawyer"], 2019)
    assert giuliani is not None and giuliani.out_of_office(2019)
    assert person_actor([Role("Lawyer", "USA", None)], giuliani, 2019) == Actor("USA", "ELI")
    assert person_actor([Role("Lawyer", "USA", None)], giuliani, 1998) == Actor("USA", "CVL")
    assert person_actor([Role("Rebel Leader", "USA", None)], giuliani, 2019) == Actor("USA", "REB")


def test_a_white_house_counsel_is_an_official() -> None:
    found = coded(
        "The White House sent White House Counsel Neil Eggleston to Congress . Texas and Ohio voted .",
        [("White House", "ORG"), ("Neil Eggleston", "PERSON"), ("Texas", "GPE"), ("Ohio", "GPE")],
    )
    assert found["Neil Eggleston"] == Actor("USA", "GOV")


def test_super_pac_is_no_name_but_a_pac_by_name_is() -> None:
    doc = make(
        "A Republican super PAC attacked her . The PAC spent millions . Ready PAC gave $ 7,500 .",
        [("Ready PAC", "ORG"), ("Republican", "NORP"), ("PAC", "ORG")],
    )
    assert [m.text for m in collect_mentions(doc)] == ["Republican", "Ready PAC"]


def test_a_person_introduced_by_a_private_noun_is_a_civilian() -> None:
    text = (
        "Police in Ohio and Texas said so . Employee Steve Castro fought the man . "
        "Jane Roe , a victim of the scheme , spoke . Ohio police left ."
    )
    found = coded(
        text, [("Ohio", "GPE"), ("Texas", "GPE"), ("Steve Castro", "PERSON"), ("Jane Roe", "PERSON")]
    )
    assert found["Steve Castro"] == Actor("USA", "CVL")
    assert found["Jane Roe"] == Actor("USA", "CVL")
    plain = coded(
        "Police in Ohio and Texas said so . John Doe fought the man . Ohio police left .",
        [("Ohio", "GPE"), ("Texas", "GPE"), ("John Doe", "PERSON")],
    )
    assert plain["John Doe"] is None  # nothing says who he is


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Hanwha Group", Actor("KOR", "BUS")),  # a firm by its last word, of the article's country
        ("Alden Capital", Actor("KOR", "BUS")),
        ("Glasgow Royal Infirmary", Actor("GBR", "MED")),  # a place in its name wins
        ("Leeds General Infirmary", Actor("GBR", "MED")),  # a hospital, not the military "general"
        ("Acme Courant", Actor("KOR", "JRN")),  # an outlet with no place: the article's
        ("Tampa Bay Times", Actor("USA", "JRN")),  # with a place: the place's
        ("Federal Capital Territory Command", None),  # "Capital" inside, not last
        ("Capital", None),  # one word: no kind
    ],
)
def test_firms_hospitals_and_outlets_by_their_last_word(name: str, actor: Actor | None) -> None:
    assert named_body_actor(name, "KOR") == actor


def test_a_credit_at_a_line_start_is_a_journalist_s() -> None:
    doc = make(
        "Clinton spoke .\nStory by Scott Conroy\nThe song was written by Bob Dylan .",
        [("Clinton", "PERSON"), ("Scott Conroy", "PERSON"), ("Bob Dylan", "PERSON")],
    )
    roles = roles_of(doc)
    assert roles["Scott Conroy"] == ["Reporter"]
    assert roles["Bob Dylan"] == []  # a song's writer, not a credit line


def test_a_body_named_after_of_for_or_at_in_a_title_gives_its_actor() -> None:
    from newsgraph.extract.relations import title_org_actor

    orgs = {"u s chamber of commerce": Actor("USA", "BUS"), "federal reserve bank": Actor("USA", "GOV")}
    strategist = [
        Role("Senior Political Strategist for U.S. Chamber of Commerce and Longtime Friend", None, None)
    ]
    assert title_org_actor(strategist, orgs) == Actor("USA", "BUS")  # not the strategist's PTY
    fed = [Role("President of Federal Reserve Bank of New York", None, None)]
    assert title_org_actor(fed, orgs) == Actor("USA", "GOV")  # not "bank": BUS
    assert title_org_actor([Role("Secretary of State", None, None)], orgs) is None


def test_trade_nouns_that_are_titles_only_in_longer_phrases_stay_out_of_the_name() -> None:
    doc = make(
        "Strategist Tara Bexley met Historian Ravel Dusenko . Chief strategist Guy Cecil said so .",
        [
            ("Strategist Tara Bexley", "PERSON"),
            ("Historian Ravel Dusenko", "PERSON"),
            ("Guy Cecil", "PERSON"),
        ],
    )
    assert [m.text for m in collect_mentions(doc)] == ["Tara Bexley", "Ravel Dusenko", "Guy Cecil"]
    assert roles_of(doc)["Guy Cecil"] == ["Chief Strategist"]


def test_a_nationality_before_a_name_gives_the_country_and_a_sector_only_when_said() -> None:
    text = (
        "Police in Ohio and Texas said so . British rider Chris Froome won . British tourist Ann Lee "
        "fell . The Turkish government declared Adil Oksuz a leader . Ohio police left ."
    )
    ents = [
        ("Ohio", "GPE"),
        ("Texas", "GPE"),
        ("British", "NORP"),
        ("Turkish", "NORP"),
        ("Chris Froome", "PERSON"),
        ("Ann Lee", "PERSON"),
        ("Adil Oksuz", "PERSON"),
    ]
    doc = make(text, ents)
    for t in doc:
        if t.text == "declared":
            t.pos_ = "VERB"
    found = {e.name: e.actor for e in EntityExtractor(NLP, "newsgraph_entities").match(doc)}
    assert found["Chris Froome"] == Actor("GBR", None)  # "rider" says no sector
    assert found["Ann Lee"] == Actor("GBR", "CVL")  # a tourist is a civilian
    assert found["Adil Oksuz"] is None  # "Turkish" opens another phrase
