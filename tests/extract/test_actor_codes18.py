"""Actor codes of session 17 (issue 15, branch entities18), on invented sentences: a title that
names one of a known person's offices takes the table's sector (a chief executive of Hong Kong
is GOV, though "chief executive" alone is a firm's BUS), and Hong Kong's officials are Hong
Kong's (HKG), as the PLOVER manual gives Hong Kong its own country entry."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.facts import ActorFact


def _actors(nlp: Any, text: str, published: str) -> dict[str, ActorFact | None]:
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    return {e.name: e.actor for e in doc_entities(nlp(prepare_doc(nlp, text, published=published)))}


@pytest.mark.model
def test_a_known_office_named_by_a_business_title_keeps_the_table_s_sector(nlp: Any) -> None:
    text = (
        "Hong Kong Chief Executive Tung Chee-hwa met bankers on Monday. Tung said the economy would recover."
    )
    assert _actors(nlp, text, "2001-03-05")["Tung Chee-hwa"] == ActorFact("HKG", "GOV")


@pytest.mark.model
def test_a_firm_s_chief_executive_is_still_business(nlp: Any) -> None:
    text = "Acme Robotics Chief Executive Dora Falk met bankers on Monday. Falk said sales would recover."
    actor = _actors(nlp, text, "2019-03-05")["Dora Falk"]
    assert actor is None or actor.sector == "BUS"  # no table row: the title's own sector or none


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published", "name", "sector"),
    [
        # the office a "former" title names is over: no row of it, even in its last year
        ("Former President Barack Obama spoke in Chicago on Tuesday.", "2017-06-01", "Barack Obama", "ELI"),
        # a past office says which person, the year's row says what they are: a candidate
        ("Former Vice President Joe Biden spoke in Dubuque on Tuesday.", "2020-06-01", "Joe Biden", "PTY"),
        ("Former Vice President Joe Biden spoke in Dubuque on Tuesday.", "2018-03-01", "Joe Biden", "ELI"),
    ],
)
def test_a_former_title_is_no_office_of_the_article_s_year(
    nlp: Any, text: str, published: str, name: str, sector: str
) -> None:
    assert _actors(nlp, text, published)[name] == ActorFact("USA", sector)


def test_an_undated_article_s_years_are_narrowed_by_the_years_it_names() -> None:
    from newsgraph.extract.people import named_years

    told = frozenset({2017, 2018, 2019, 2020})
    text = "The race for 2020 is crowded. In 2020 voters decide; in 2016 they chose another. It cost $2019."
    assert named_years(text, told) == frozenset({2020})
    assert named_years("In 2018 and in 2019 the council met.", told) == frozenset({2018, 2019})
    assert named_years("Nothing dated here, 1,2019 people.", told) == told
    assert named_years("In 2020 it ended.", frozenset({2019})) == frozenset({2019})


@pytest.mark.model
def test_an_undated_article_naming_its_election_year_gives_a_candidate_of_then(nlp: Any) -> None:
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    text = (
        "Sen. Kamala Harris and President Donald Trump traded barbs on Monday. "
        "The first primary of 2020 is months away, and the 2020 field is crowded. "
        "Former Vice President Joe Biden leads the polls."
    )
    ents = {e.name: e.actor for e in doc_entities(nlp(prepare_doc(nlp, text, published=None)))}
    assert ents["Joe Biden"] == ActorFact("USA", "PTY")


_OHIO = " Gov. Dan Fox of Ohio said in Columbus, Ohio. Fox is an American."


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Google acquired Kestrel Analytics in 2018," + _OHIO, "Kestrel Analytics"),
        ("Layoffs hit Veltro Labs, which Microsoft acquired for $90 million," + _OHIO, "Veltro Labs"),
    ],
)
def test_a_body_that_is_bought_is_a_firm(nlp: Any, text: str, name: str) -> None:
    assert _actors(nlp, text, "2019-03-05")[name] == ActorFact("USA", "BUS")


@pytest.mark.model
def test_a_body_that_is_sued_is_not_known_for_a_firm(nlp: Any) -> None:
    assert (
        _actors(nlp, "Google sued Kestrel Analytics in 2018," + _OHIO, "2019-03-05").get("Kestrel Analytics")
        is None
    )


@pytest.mark.model
def test_charities_and_transit_agencies_by_the_head_of_their_name(nlp: Any) -> None:
    text = (
        "Commuters on the Ohio Valley Rapid Transit and the Ohio Maple Foundation complained,"
        " and the Ohio Society for the Prevention of Cruelty to Animals rescued dogs," + _OHIO
    )
    found = _actors(nlp, text, "2019-03-05")
    assert found["Ohio Valley Rapid Transit"] == ActorFact("USA", "GOV")
    assert found["Ohio Maple Foundation"] == ActorFact("USA", "SOC")
    assert found["Ohio Society for the Prevention of Cruelty to Animals"] == ActorFact("USA", "SOC")


def test_a_title_s_office_part_drops_the_place_and_party_before_it() -> None:
    from newsgraph.extract.people import office_part

    assert office_part("Kentucky GOP Gov.") == "Gov."
    assert office_part("New York Republican Sen.") == "Sen."
    assert office_part("Deputy Prime Minister") == "Deputy Prime Minister"
    assert office_part("Senate Majority Leader") == "Senate Majority Leader"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published", "name", "sector"),
    [
        # an office held wins over a candidacy, whatever place and party open its title
        (
            "Ohio Gov. John Kasich, a presidential candidate, spoke in Dayton.",
            "2016-04-01",
            "John Kasich",
            "GOV",
        ),
        (
            "Vermont Sen. Bernie Sanders, a presidential candidate, spoke in Dayton.",
            "2016-04-01",
            "Bernie Sanders",
            "LEG",
        ),
        ("Kentucky GOP Gov. Matt Bevin spoke in Frankfort.", "2018-04-01", "Matt Bevin", "GOV"),
    ],
)
def test_an_office_named_with_its_state_and_party_is_the_table_s(
    nlp: Any, text: str, published: str, name: str, sector: str
) -> None:
    assert _actors(nlp, text, published)[name] == ActorFact("USA", sector)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published", "name", "code"),
    [
        ("Ousted President Pedro Alvaro of Peru spoke in Lima, Peru.", "2019-03-05", "Pedro Alvaro", "PER"),
        ("Pedro Alvaro, Peru's deposed president, spoke in Lima.", "2019-03-05", "Pedro Alvaro", "PER"),
        # a known person in the year he lost the office: out of it, whatever the table's years
        (
            "Ousted Prime Minister Nawaz Sharif returned to Lahore, Pakistan.",
            "2017-09-01",
            "Nawaz Sharif",
            "PAK",
        ),
    ],
)
def test_an_ousted_official_is_a_former_official(
    nlp: Any, text: str, published: str, name: str, code: str
) -> None:
    assert _actors(nlp, text, published)[name] == ActorFact(code, "ELI")


def test_the_sector_of_a_group_is_its_head_noun_s() -> None:
    from newsgraph.resolve.actors import head_sector

    assert head_sector("congressional Republicans") == "LEG"
    assert head_sector("Wisconsin lawmakers") == "LEG"
    assert head_sector("military analysts") is None  # "military" is no head: analysts are no troops
    assert head_sector("friends") is None


@pytest.mark.model
def test_people_listed_after_a_plural_group_noun_are_its_members(nlp: Any) -> None:
    from newsgraph.extract.mentions import Mention
    from newsgraph.extract.relations import listed_member_actor
    from newsgraph.resolve.actors import Actor

    doc = nlp(
        "Cruz won the backing of two of the state's congressional Republicans, Dale Hurst and Glenn Pavlik."
    )
    names = frozenset(k for e in doc.ents for k in range(e.start, e.end))
    for e in doc.ents:
        if e.label_ == "PERSON" and e.text != "Cruz":
            person = [Mention(e.start, e.end, e.start_char, e.end_char, e.text, "PERSON")]
            assert listed_member_actor(doc, person, names, "USA") == Actor("USA", "LEG")
    for text in (
        "Two military analysts, Dale Hurst and Glenn Pavlik, praised the army.",  # no group sector
        "Cruz met his friends, Dale Hurst and Glenn Pavlik, in Madison.",
        "Cruz met reporters, and Dale Hurst spoke.",  # no list
    ):
        doc = nlp(text)
        names = frozenset(k for e in doc.ents for k in range(e.start, e.end))
        for e in doc.ents:
            if e.label_ == "PERSON":
                person = [Mention(e.start, e.end, e.start_char, e.end_char, e.text, "PERSON")]
                assert listed_member_actor(doc, person, names, "USA") is None, text


@pytest.mark.model
def test_two_people_described_together_take_the_description_s_sector(nlp: Any) -> None:
    text = "Dale Hurst and Glenn Pavlik, both reporters for the Toledo Blade, were freed in Ohio," + _OHIO
    found = _actors(nlp, text, "2019-03-05")
    assert found["Dale Hurst"] == ActorFact("USA", "JRN")
    assert found["Glenn Pavlik"] == ActorFact("USA", "JRN")
    text = "Dale Hurst and Glenn Pavlik, both friends of the mayor, were freed in Ohio," + _OHIO
    assert _actors(nlp, text, "2019-03-05")["Dale Hurst"] is None  # "friends": no sector


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        (
            "Dale Hurst, a historian at Ohio State University, said the vote was close," + _OHIO,
            "Dale Hurst",
            "EDU",
        ),
        ("Political scientist Dale Hurst said the vote was close," + _OHIO, "Dale Hurst", "EDU"),
        ("Police arrested drug lord Dale Hurst in Toledo," + _OHIO, "Dale Hurst", "CRM"),
    ],
)
def test_occupations_news_introduces_people_by(nlp: Any, text: str, name: str, sector: str) -> None:
    actor = _actors(nlp, text, "2019-03-05")[name]
    assert actor is not None and actor.sector == sector
