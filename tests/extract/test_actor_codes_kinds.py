"""Actor codes of kinds of people, groups and bodies found wrong or missing on real news (issue 15,
session 15): a late office holder, a nationality's school abroad, a legislature's subject
committees, a member of the US House, groups whose home is one state, a politician's offices by
year, and a US state's party member named in an apposition."""

from __future__ import annotations

import pytest

from handdocs import NLP, make
from newsgraph.extract.countries import state_body_country
from newsgraph.extract.entities import EntityExtractor
from newsgraph.extract.people import late_holder, person_actor
from newsgraph.extract.roles import Role
from newsgraph.resolve import actors
from newsgraph.resolve.actors import Actor


def test_a_late_office_holder_keeps_the_office_and_a_former_one_is_eli() -> None:
    mccain = actors.known_person(["John McCain"], ["Sen."], 2019)
    assert mccain is not None and mccain.out_of_office(2019)
    late = [Role("Late Sen.", "USA", None)]
    assert late_holder(late)
    assert person_actor(late, mccain, 2019) == Actor("USA", "LEG")  # died a senator
    former = [Role("Late former Sen.", "USA", None)]
    assert not late_holder(former)
    assert person_actor(former, mccain, 2019) == Actor("USA", "ELI")
    assert not late_holder([Role("Latest recruit", None, None)])  # "late" as a whole word only


@pytest.mark.parametrize(
    ("name", "code", "sector"),
    [
        ("American University of Kabul", "AFG", "EDU"),  # the host's, not the founders'
        ("the American University in Cairo", "EGY", "EDU"),
        ("American Hospital of Paris", "FRA", "MED"),
        ("American University", "USA", "EDU"),  # no place of its own: the adjective's
        ("U.S. Embassy in Kabul", "USA", "GOV"),  # an embassy is its sending state's
    ],
)
def test_a_nationality_s_school_abroad_belongs_to_its_host(name: str, code: str, sector: str) -> None:
    assert actors.resolve_actor(name, "ORG") == Actor(code, sector)


@pytest.mark.parametrize(
    ("words", "sector"),
    [
        ("Judiciary Committee", "LEG"),  # no court
        ("House Intelligence Committee", "LEG"),  # no spy agency
        ("Armed Services Committee", "LEG"),
        ("ranking member of the Judiciary Committee", "LEG"),
        ("Representative", "LEG"),  # "Representative Dan Kildee": a member of the House
        ("state representative", "LEG"),
        ("trade representative", "GOV"),
        ("U.N. representative", "GOV"),
        ("sales representative", "BUS"),
    ],
)
def test_committees_and_representatives_are_the_legislature(words: str, sector: str) -> None:
    assert actors.sector_of(words) == sector


def test_groups_whose_home_is_one_state_have_its_code() -> None:
    yazidi = actors.organisation("Yazidi")
    assert yazidi is not None and (yazidi.name, yazidi.code, yazidi.sector) == ("Yazidis", "IRQ", "REL")
    assert actors.resolve_actor("Uighurs", "NORP") == Actor("CHN", "CVL")
    nazis = actors.organisation("Nazis")
    assert nazis is not None and (nazis.code, nazis.sector) == ("DEU", None)
    assert state_body_country("Nazis") is None  # a historical party: no vote for Germany's news
    assert actors.organisation("Muslims") is None  # spread over many states: no code


def test_a_politician_s_sector_is_the_office_held_in_the_article_s_year() -> None:
    def sector(name: str, year: int, titles: tuple[str, ...] = ()) -> str | None:
        row = actors.known_person([name], list(titles), year)
        return row.sector if row else None

    assert sector("Marco Rubio", 2016) == "LEG"  # a senator then
    assert sector("Marco Rubio", 2025) == "GOV"  # secretary of state
    assert sector("Barack Obama", 2008) == "LEG"
    assert sector("Barack Obama", 2012) == "GOV"
    assert sector("Hillary Clinton", 2016, ("former Secretary of State",)) == "PTY"  # a candidate


def _actors(text: str, ents: list[tuple[str, str]]) -> dict[str, Actor | None]:
    doc = make(text, ents)
    return {e.name: e.actor for e in EntityExtractor(NLP, "newsgraph_entities").match(doc)}


def test_a_us_state_s_party_member_is_american_whatever_country_the_sentence_names() -> None:
    ents = [("Dan Kildee", "PERSON"), ("Germany", "GPE"), ("Iran", "GPE")]
    text = "Representative Dan Kildee , a Michigan Democrat , flew to Germany . Iran freed a prisoner ."
    assert _actors(text, ents)["Dan Kildee"] == Actor("USA", "LEG")
    text = "Representative Dan Kildee , a keen reader , flew to Germany . Iran freed a prisoner ."
    assert _actors(text, ents)["Dan Kildee"] is None  # nothing says whose representative


def test_a_person_introduced_by_age_or_residence_is_a_private_citizen() -> None:
    from newsgraph.extract.mentions import collect_mentions
    from newsgraph.extract.relations import private_person_actor

    def code(text: str, name: str, country: str | None = "USA") -> Actor | None:
        doc = make(text, [(name, "PERSON")])
        person = [m for m in collect_mentions(doc) if m.text == name]
        return private_person_actor(doc, person, country)

    assert code("Betsy Ebeling , 68 , said she knew her .", "Betsy Ebeling") == Actor("USA", "CVL")
    assert code("He met 17-year-old Ann Pell in May .", "Ann Pell") == Actor("USA", "CVL")
    assert code("Tom Seale , who lives in Sacramento , spoke .", "Tom Seale") == Actor("USA", "CVL")
    assert code("Tom Seale , a Phoenix resident , spoke .", "Tom Seale") == Actor("USA", "CVL")
    assert code("Tom Seale , 1968 , spoke .", "Tom Seale") is None  # a year, no age
    assert code("Tom Seale , a strategist , spoke .", "Tom Seale") is None  # no private person's words
    assert code("Betsy Ebeling , 68 , said she knew her .", "Betsy Ebeling", None) is None  # no country


def test_a_titled_person_with_an_age_keeps_no_civilian_code() -> None:
    ents = [("Tom Seale", "PERSON"), ("France", "GPE"), ("Paris", "GPE")]
    text = "Mayor Tom Seale , 61 , went to France . France and Paris were calm . France voted ."
    assert _actors(text, ents)["Tom Seale"] != Actor("FRA", "CVL")  # a mayor: his title rules


def test_only_a_capitalised_word_names_a_party() -> None:
    assert actors.party("workers") is None  # "the prison workers' union": no Workers' Party of Korea
    assert actors.party("labour") is None
    labour = actors.party("Labour")
    assert labour is not None and labour.code == "GBR"
    republican = actors.party("Republican")
    assert republican is not None and republican.code == "USA"


def test_an_office_held_wins_over_a_candidacy() -> None:
    ryan = [Role("VP nominee", "USA", None), Role("speaker of the House", None, None)]
    assert person_actor(ryan, None, 2016) == Actor("USA", "LEG")  # "GOP VP nominee X, now speaker"
    romney = [Role("nominee", "USA", None), Role("former governor", None, None)]
    assert person_actor(romney, None, 2012) == Actor("USA", "PTY")  # a former office is none held


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("W.T.O.", "World Trade Organization"),
        ("the F.B.I.'s", "Federal Bureau of Investigation"),
        ("G.O.P.", "Republican Party (United States)"),
    ],
)
def test_an_acronym_written_with_dots_is_the_table_s(text: str, name: str) -> None:
    found = actors.organisation(text)
    assert found is not None and found.name == name


def test_dotted_words_that_are_no_table_acronym_stay_unknown() -> None:
    assert actors.organisation("A.M.") is None
    assert actors.organisation("D.C.") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("African-Americans", "USA"),
        ("Iranian-Americans", "USA"),  # US news writes its citizens' origins so
        ("Arab-Israelis", "ISR"),
        ("Iranian-Russians", None),  # two states: no one nation
        ("Central Americans", None),  # a region's people, not the United States'
        ("Latin Americans", None),
        ("Native Americans", "USA"),
        ("Hispanic", "USA"),
    ],
)
def test_hyphenated_and_regional_groups(text: str, code: str | None) -> None:
    actor = actors.resolve_actor(text, "NORP")
    assert (actor.code if actor else None) == code


@pytest.mark.parametrize(
    ("name", "year", "sector"),
    [
        ("Rex Tillerson", 2016, "BUS"),  # Exxon's chief executive until his nomination
        ("Rex Tillerson", 2017, "GOV"),
        ("Mike Pompeo", 2016, "LEG"),  # a congressman before the CIA
        ("Hope Hicks", 2016, "PTY"),  # the campaign's spokeswoman
        ("Chuck Schumer", 2015, "LEG"),  # a senator long before he led the Senate's Democrats
        ("Kamala Harris", 2016, "GOV"),  # California's attorney general
    ],
)
def test_an_official_s_earlier_post_is_his_or_hers_then(name: str, year: int, sector: str) -> None:
    row = actors.known_person([name], [], year)
    assert row is not None and row.sector == sector


def test_a_nominal_institution_of_a_named_country_is_that_country_s() -> None:
    ents = [("Turkey", "GPE"), ("United States", "GPE"), ("Washington", "GPE"), ("American", "NORP")]
    text = (
        "The United States said no . The government of Turkey asked the United States for the cleric . "
        "Washington refused . American officials spoke ."
    )
    coded = {e.name: e.actor for e in EntityExtractor(NLP, "newsgraph_entities").match(make(text, ents))}
    assert coded["government"] == Actor("TUR", "GOV")  # not the article's main country's


def test_a_nominal_institution_of_a_named_country_sets_no_country_for_the_bare_ones() -> None:
    ents = [("Costa Rica", "GPE"), ("United States", "GPE"), ("Washington", "GPE")]
    text = (
        "The United States will take refugees . The government of Costa Rica will host some . "
        "Washington said the government has received many applications ."
    )
    found = EntityExtractor(NLP, "newsgraph_entities").match(make(text, ents))
    codes = sorted((e.actor.code, len(e.mentions)) for e in found if e.name == "government" and e.actor)
    assert codes == [("CRI", 1), ("USA", 1)]
