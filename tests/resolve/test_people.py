"""Well-known people (resolve/data/people.tsv): the lookup alone, the table's consistency, and
person actors in the full pipeline on our own sentences."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from newsgraph.extract.annotations import fact_lists
from newsgraph.extract.mentions import Mention
from newsgraph.extract.people import apply_known_person, person_actor
from newsgraph.extract.pipeline import prepare_doc
from newsgraph.extract.roles import Role
from newsgraph.resolve import actors, known_people, titles

NON_STATE = {"UNO", "EUR", "IGO", "NGO", "IMG"}
#: ELI is mostly derived (a row's office over by the article's year); a row of its own is a
#: family member of an official holding no post (PLOVER: "family members of (former) government
#: officials"): Melania Trump.
SECTORS = set("GOV MIL REB OPP PTY LEG JUD COP SPY REL CRM BUS MED PRM JRN CVL ELI".split())


def code_of(names: list[str], titles: list[str] = [], year: int | None = None) -> str | None:  # noqa: B006
    found = actors.known_person(names, titles, year)
    return found.code if found else None


# --- the lookup ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Bill Clinton", "USA"),
        ("Vladimir Putin", "RUS"),
        ("Putin", "RUS"),  # a one-word alias stands alone
        ("Saddam", "IRQ"),
        ("Omar Hassan al-Bashir", "SDN"),  # first and last word of "Omar al-Bashir"
        ("Omar El Bashir", "SDN"),
        ("Kim Jong Un", "PRK"),  # hyphens and spaces alike
        ("Recep Tayyip Erdogan", "TUR"),  # accents ignored
        ("Sheikh Hamad bin Khalifa al-Thani", "QAT"),  # words of address dropped
        ("Mr. Putin", "RUS"),
        ("Osama bin Laden", "IMG"),
        ("Kofi Annan", "UNO"),
        ("Pope Francis", "VAT"),
    ],
)
def test_full_names_and_aliases(name: str, code: str) -> None:
    assert code_of([name]) == code


def test_surname_needs_a_matching_title() -> None:
    assert code_of(["Bush"]) is None
    assert code_of(["Bush"], ["President"]) == "USA"
    assert code_of(["President Bush"]) == "USA"  # the title inside the name counts
    assert code_of(["Brown"], ["Prime Minister"]) == "GBR"
    assert code_of(["Brown"], ["Governor"]) == "USA"  # Jerry Brown, Kate Brown: both USA
    assert code_of(["Brown"], ["Foreign Minister"]) is None  # no Brown of the table was one
    assert code_of(["Menem"], ["former president"]) == "ARG"


def test_unknown_full_name_is_not_its_surname() -> None:
    assert code_of(["Laura Bush", "Bush"], ["President"]) is None
    assert code_of(["Zoltan Varga"], ["President"]) is None


def test_surname_collisions_are_told_apart_by_title_then_year() -> None:
    assert code_of(["Kim"], ["President"]) is None  # Seoul, Pyongyang or the World Bank
    assert code_of(["Kim"], ["President"], 1995) == "KOR"
    assert code_of(["Kim"], ["leader"], 2015) == "PRK"
    assert code_of(["Khan"], ["Prime Minister"]) == "PAK"
    assert code_of(["Khan"], ["Prosecutor"]) == "IGO"
    assert code_of(["Hussein"], ["King"]) == "JOR"
    assert code_of(["Hussein"], ["President"]) == "IRQ"
    assert code_of(["King Abdullah"], [], 1995) == "SAU"
    assert code_of(["King Abdullah"], [], 2010) is None  # both kings reigned then
    assert code_of(["King Abdullah II"], [], 2010) == "JOR"


def test_one_row_per_code() -> None:
    assert code_of(["Javier Solana"]) is None  # Spain, NATO or the EU
    assert code_of(["Javier Solana"], ["Secretary General"]) == "IGO"
    assert code_of(["Javier Solana"], [], 2003) == "EUR"
    assert code_of(["Javier Solana"], ["Foreign Minister"]) == "ESP"


def test_capitals_match_only_capitals() -> None:
    assert not actors.is_known_person("MOI")  # a ministry of the interior
    assert actors.is_known_person("Moi")
    assert code_of(["MBS"]) == "SAU"


@pytest.mark.parametrize(
    ("title", "office", "expected"),
    [
        ("President", "president", True),
        ("Former President", "president", True),
        ("Defence Secretary", "secretary of defense", True),
        ("Minister", "foreign minister", True),
        ("President", "vice president", False),
        ("Vice President", "president", False),
        ("Deputy Prime Minister", "prime minister", False),
        ("Prime Minister", "foreign minister", False),
    ],
)
def test_office_matching(title: str, office: str, expected: bool) -> None:
    row = actors.KnownPerson("X", "USA", "GOV", (known_people._office_words(office),), ((2000, None),))
    assert row.holds(title) is expected


def test_years() -> None:
    row = actors.KnownPerson("X", "USA", "GOV", (), known_people._years("1993-1998|2005-"))
    assert row.in_office(1992) and row.in_office(1998) and row.in_office(2020)
    assert not row.in_office(2001)


# --- the table -----------------------------------------------------------------------------------


def test_table_is_consistent() -> None:
    rows = titles._rows("people.tsv")
    assert len(rows) >= 400
    countries = actors._countries()[0]
    for name, aliases, _short, code, sector, offices, years in rows:
        assert code in NON_STATE or code in countries, name
        assert sector in SECTORS, name
        assert known_people._years(years), name
        assert all(o == o.lower() for o in offices.split("|")), name
        for form in (name, *filter(None, aliases.split("|"))):
            # a name of the table never names a country or an organisation
            assert actors.country_code(form) is None and actors.organisation(form) is None, form


def test_aliases_that_stand_alone_are_one_person_or_one_code() -> None:
    """A one-word name ("Assad", "Aliyev") may stand for two people of one country, never for
    people of two codes (one person serving two bodies has a row for each)."""
    for key, rows in known_people._people().full.items():
        if " " not in key and len({r.name for r in rows}) > 1:
            assert len({r.code for r in rows}) == 1, key


# --- precedence: the text first --------------------------------------------------------------


def test_a_country_said_of_the_person_wins() -> None:
    known = actors.known_person(["Bush"], ["President"])
    roles = [Role("President", "RUS", None)]
    apply_known_person(roles, known, "FRA")
    assert roles[0].affiliation == "RUS"
    actor = person_actor(roles, known)
    assert actor is not None and actor.code == "RUS"


def test_a_title_met_earlier_does_not_win() -> None:
    known = actors.known_person(["Bush"], ["President"])
    roles = [Role("President", "RUS", None, inferred=True)]
    apply_known_person(roles, known, "RUS")
    assert roles[0].affiliation == "USA"


def test_a_generic_title_keeps_the_table_sector() -> None:
    known = actors.known_person(["Ismail Haniyeh"])
    actor = person_actor([Role("Leader", "PSE", None)], known)
    assert actor is not None and (actor.code, actor.sector) == ("PSE", "REB")


# --- the full pipeline ---------------------------------------------------------------------------


def person(nlp: Any, text: str, name: str, published: str | None = None) -> dict[str, Any]:
    doc = nlp(prepare_doc(nlp, text, published=published))
    people = {e["name"]: e for e in fact_lists(doc)["entities"] if e["type"] == "PERSON"}
    # a known person named by surname alone is named by the table ("Putin" -> "Vladimir Putin")
    found = people.get(name) or next((e for e in people.values() if name in e["aliases"]), None)
    assert found is not None, people
    return found


def actor_code(entity: dict[str, Any]) -> str | None:
    return (entity["actor"] or {}).get("code")


@pytest.mark.model
def test_bare_title_takes_the_table_country_not_the_sentence_one(nlp: Any) -> None:
    text = "President Bush has threatened further action against Russia in a television program."
    bush = person(nlp, text, "Bush")
    assert actor_code(bush) == "USA"
    assert bush["roles"] == [{"title": "President", "affiliation": "USA", "since": None}]


@pytest.mark.model
def test_title_with_no_name_earlier_does_not_override(nlp: Any) -> None:
    text = "Russia's president criticised the plan on Monday. President Bush said he would go ahead."
    assert actor_code(person(nlp, text, "Bush")) == "USA"


@pytest.mark.model
def test_surname_alone_with_no_title(nlp: Any) -> None:
    text = "On September 29, Putin offered to negotiate with the president of Armenia."
    putin = person(nlp, text, "Putin")
    assert putin["actor"] == {"code": "RUS", "sector": "GOV"}


@pytest.mark.model
def test_country_named_in_the_text_wins(nlp: Any) -> None:
    text = "Peru's Prime Minister Javier Perez de Cuellar arrived in Lima."
    assert actor_code(person(nlp, text, "Javier Perez de Cuellar")) == "PER"
    text = "Secretary-General Javier Perez de Cuellar arrived in Baghdad."
    assert actor_code(person(nlp, text, "Javier Perez de Cuellar")) == "UNO"


@pytest.mark.model
def test_former_leader_is_elite_of_his_country(nlp: Any) -> None:
    menem = person(nlp, "Former president Carlos Menem was ordered to appear in court.", "Carlos Menem")
    assert menem["actor"] == {"code": "ARG", "sector": "ELI"}


@pytest.mark.model
def test_article_year_tells_surnames_apart(nlp: Any) -> None:
    text = "President Kim met Japanese officials in Seoul."
    assert person(nlp, text, "Kim")["actor"] is None
    assert actor_code(person(nlp, text, "Kim", published="2000-06-13")) == "KOR"


@pytest.mark.model
def test_unknown_person_takes_no_country_from_one_sentence(nlp: Any) -> None:
    once = "President Zoltan Varga threatened further action against Hungary on Monday."
    assert person(nlp, once, "Zoltan Varga")["actor"] is None
    twice = "Parliament met in Hungary on Monday. President Zoltan Varga said Hungary would cut taxes."
    assert actor_code(person(nlp, twice, "Zoltan Varga")) == "HUN"


@pytest.mark.model
def test_unknown_full_name_gets_nothing_from_a_namesake(nlp: Any) -> None:
    laura = person(nlp, "Laura Bush visited schools in Kenya on Monday.", "Laura Bush")
    assert laura["actor"] is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        (
            "The European Community on Monday gave Senegal aid for farming projects.",
            "European Community",
            "EUR",
        ),
        (
            "The International Labor Office said Israel should ease restrictions.",
            "International Labour Organization",
            "UNO",
        ),
        ("The Organization of African Unity called for a ceasefire.", "Organization of African Unity", "IGO"),
    ],
)
def test_international_bodies(nlp: Any, text: str, name: str, code: str) -> None:
    doc = nlp(text)
    bodies = {e["name"]: e for e in fact_lists(doc)["entities"]}
    assert name in bodies, bodies
    assert actor_code(bodies[name]) == code


# --- the article's year: the office held then, the last one before, or none yet ------------------


def test_the_office_held_most_recently_before_the_year() -> None:
    """Mitt Romney in 2016 is the 2012 nominee out of office (ELI), not the senator of 2019."""
    known = actors.known_person(["Mitt Romney"], [], 2016)
    assert known is not None and known.sector == "PTY"
    actor = person_actor([], known, 2016)
    assert actor is not None and (actor.code, actor.sector) == ("USA", "ELI")
    known = actors.known_person(["Mitt Romney"], [], 2020)
    assert known is not None and known.sector == "LEG"


def test_an_office_not_yet_held_gives_the_country_alone() -> None:
    row = actors.KnownPerson("X", "USA", "LEG", (), known_people._years("2019-"))
    assert row.not_yet(2010) and not row.not_yet(2018)
    actor = person_actor([], row, 2010)
    assert actor is not None and (actor.code, actor.sector) == ("USA", None)
    actor = person_actor([], row, 2019)
    assert actor is not None and actor.sector == "LEG"


@pytest.mark.model
def test_an_undated_article_is_dated_by_its_titled_office_holders(nlp: Any) -> None:
    """No date: "President Donald Trump" says 2017 to 2021 or 2025 on, when Bill Clinton was out of
    office in every one of those years (ELI, not the president of his table row)."""
    text = (
        "President Donald Trump spoke to reporters on Monday. Bill Clinton, who met the financier "
        "several times, declined to comment."
    )
    clinton = person(nlp, text, "Bill Clinton")
    assert clinton["actor"] == {"code": "USA", "sector": "ELI"}
    # dated, the date wins: in 1995 he was the president
    clinton = person(nlp, text, "Bill Clinton", published="1995-06-01")
    assert clinton["actor"] == {"code": "USA", "sector": "GOV"}


def test_years_that_disagree_about_a_person_give_no_year() -> None:
    from newsgraph.extract.people import agreed_year

    # the parts of an entity agreed_year reads
    biden = SimpleNamespace(
        key=("PERSON", "joe", "biden"), mentions=[Mention(0, 2, 0, 9, "Joe Biden", "PERSON")], roles=[]
    )
    told = frozenset(range(2017, 2022))  # out of office, a candidate, then the president
    assert agreed_year(biden, told) is None  # type: ignore[arg-type]
    assert agreed_year(biden, frozenset({2010, 2011})) == 2011  # type: ignore[arg-type]


def test_semi_public_rows_follow_the_labels_guide() -> None:
    """GUIDE.md and PLOVER: a president's family holding no post is ELI ("family members of
    (former) government officials"); a candidate without office is PTY in the race's year, a
    private trade otherwise; WikiLeaks' publisher is media like WikiLeaks; a former state
    legislator is a former official."""

    def row(name: str, year: int) -> tuple[str, str]:
        found = actors.known_person([name], [], year)
        assert found is not None, name
        return found.code, found.sector

    assert row("Melania Trump", 2018) == ("USA", "ELI")
    assert row("Tiffany Trump", 2019) == ("USA", "ELI")
    assert row("Kanye West", 2020) == ("USA", "PTY")
    assert row("Kanye West", 2018) == ("USA", "CVL")
    assert row("Julian Assange", 2019) == ("AUS", "JRN")
    assert row("David Duke", 2016) == ("USA", "PTY")
    assert row("David Duke", 2010)[1] == "LEG"  # his last office's row: ELI once out (extract/people.py)
