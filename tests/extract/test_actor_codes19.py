"""Actor codes of session 18 (issue 15, branch entities19), on invented sentences: a person's sector
read off a title is given only where the title says it (a former firm's post is no former
office; a race for an office is no office; a campaign's staff are the party's; a country's
attorney is its prosecutor; a party names the holder of a state office, not the office's sector),
and places' people and bodies named inside a longer place name take that place's country."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.facts import ActorFact
from newsgraph.extract.roles import Role
from newsgraph.resolve.actors import Actor


def _actors(nlp: Any, text: str, published: str) -> dict[str, ActorFact | None]:
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    return {e.name: e.actor for e in doc_entities(nlp(prepare_doc(nlp, text, published=published)))}


# --- people: the sector a title gives ------------------------------------------------------------


def test_only_a_former_state_office_makes_a_former_official() -> None:
    assert Role("Former Governor", None, None).sector == "ELI"
    assert Role("Ex-Minister", None, None).sector == "ELI"
    # "former" inside the title is the campaign's, not the person's: an adviser to it (a party's)
    assert Role("Top Adviser to Former Presidential Campaign", None, None).sector == "PTY"
    # a firm's or outlet's post held no longer keeps the body's sector
    assert Role("Former Chairman", None, None, org_sector="JRN").sector == "JRN"


def test_a_campaign_s_staff_and_a_candidate_are_the_party_s() -> None:
    assert Role("Campaign Chief Executive", None, None).sector == "PTY"  # not a firm's BUS
    assert Role("Campaign Adviser", None, None).sector == "PTY"
    assert Role("Candidate for Governor", None, None).sector == "PTY"
    assert Role("Nominee for Senate", None, None).sector == "PTY"  # not the Senate's LEG
    assert Role("Campaign Finance Lawyer", None, None).sector == "CVL"  # a trade keeps its own


@pytest.mark.model
def test_a_former_chairman_of_an_outlet_is_the_outlet_s(nlp: Any) -> None:
    text = "Roger Penfield, the former chairman of Fox News, also met the candidate that day."
    assert _actors(nlp, text, "2016-08-18")["Roger Penfield"] == ActorFact("USA", "JRN")  # was ELI


@pytest.mark.model
def test_a_former_office_with_a_party_stays_a_former_office(nlp: Any) -> None:
    text = "Former Vermont Democratic Governor Ruth Kane spoke in Burlington, as did Vermonters."
    assert _actors(nlp, text, "2016-04-26")["Ruth Kane"] == ActorFact("USA", "ELI")


@pytest.mark.model
def test_a_candidate_for_an_office_before_the_name_does_not_hold_it(nlp: Any) -> None:
    text = (
        "Those not on the slate included Gov. Jack Dale and the endorsed Republican candidate for"
        " governor, Walter Brandt. Brandt told reporters he would stay neutral, as did many Americans."
    )
    actors = _actors(nlp, text, "2016-04-03")
    assert actors["Walter Brandt"] == ActorFact("USA", "PTY")  # was GOV, the title read "Governor"
    assert actors["Jack Dale"] == ActorFact("USA", "GOV")


@pytest.mark.model
def test_a_party_before_a_state_office_names_its_holder_s_party(nlp: Any) -> None:
    text = (
        "Democratic Gov. Walt Hanley of Vermont backs the plan. Republican Mayor Ann Lutz of Dayton"
        " agreed. Republican spokesman Tim Wells said so."
    )
    actors = _actors(nlp, text, "2016-04-26")
    assert actors["Walt Hanley"] == ActorFact("USA", "GOV")  # was PTY, the party's
    assert actors["Ann Lutz"] == ActorFact("USA", "GOV")
    assert actors["Tim Wells"] == ActorFact("USA", "PTY")  # a post a party has too stays the party's


@pytest.mark.model
def test_a_country_s_attorney_is_its_prosecutor(nlp: Any) -> None:
    text = (
        "U.S. Attorney Mark Delaney said in the release that the case was serious. Delaney spoke to"
        " reporters in Buffalo."
    )
    assert _actors(nlp, text, "2019-03-05")["Mark Delaney"] == ActorFact("USA", "JUD")  # was CVL


@pytest.mark.model
@pytest.mark.parametrize("title", ["a spokesman for", "chief economic adviser at"])
def test_staff_of_a_body_nothing_codes_hold_no_state_office(nlp: Any, title: str) -> None:
    text = (
        f'The Federal Reserve will raise rates, Rep. Brad Sherman said. "We cannot run," said Omar'
        f' Haddad, {title} Quillstone Partners. "The Federal Reserve action is likely," he said.'
    )
    actor = _actors(nlp, text, "2015-12-01")["Omar Haddad"]
    assert actor == ActorFact("USA", None)  # was USA GOV, the staff title's default


# --- bodies and groups: the place inside a name ---------------------------------------------------


def test_a_province_named_with_a_country_word_is_the_province_s_country() -> None:
    from newsgraph.resolve.actors import province_country, resolve_actor

    assert province_country("British Columbia") == "CAN"
    assert province_country("New Mexico") == "USA"
    assert province_country("Dublin City") is None  # a capital is weighed by its towns
    assert resolve_actor("British Columbia Liberal Party", "ORG", "USA") == Actor("CAN", "PTY")
    assert resolve_actor("Business Council of British Columbia", "ORG", "USA") == Actor("CAN", "BUS")
    assert resolve_actor("New Mexico State University", "ORG", "USA") == Actor("USA", "EDU")


def test_a_town_s_or_state_s_people_are_its_country_s() -> None:
    from newsgraph.resolve.actors import demonym_country, resolve_actor

    assert resolve_actor("Parisians", "NORP", "USA") == Actor("FRA", "CVL")
    assert resolve_actor("British Columbians", "NORP", "USA") == Actor("CAN", "CVL")
    assert [demonym_country(t) for t in ("Londoners", "New Yorkers", "Ohioans", "Floridians")] == [
        "GBR",
        "USA",
        "USA",
        "USA",
    ]
    # no place's people: an era, a direction, a faith, a team
    assert [demonym_country(t) for t in ("Victorians", "Southerners", "Christians", "Packers")] == [None] * 4


def test_an_outlet_s_hyphenated_name_is_an_outlet() -> None:
    from newsgraph.extract.named_bodies import named_body_actor

    assert named_body_actor("San Diego Union-Tribune", "USA") == Actor("USA", "JRN")  # was LAB
    assert named_body_actor("Springfield Journal-Courier", "USA") == Actor("USA", "JRN")


def test_bodies_named_by_their_kind() -> None:
    from newsgraph.extract.named_bodies import named_body_actor
    from newsgraph.resolve.actors import resolve_actor

    assert resolve_actor("Roman Catholic Diocese of Springfield", "ORG", "USA") == Actor("USA", "REL")
    assert named_body_actor("Quillstone Therapeutics", "USA") == Actor("USA", "BUS")
    assert named_body_actor("Maple Valley Railroad", "USA") == Actor("USA", "BUS")
    # a British national charity in US news is Britain's, not the article's people's
    assert resolve_actor("National Autistic Society", "ORG", "USA") == Actor("GBR", "SOC")
