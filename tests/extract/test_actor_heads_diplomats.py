"""Actor codes of a body's head or voice and of diplomats to the UN (issue 15, session 16): "X,
the head of Interpol" is the body's (IGO COP), as "X, a spokeswoman for Human Rights Watch" is
NGO SOC; "Russian UN Ambassador X" and "the U.S. ambassador to the United Nations, X" are their
country's (GOV), not the UN's, while a UN official ("UN political chief X") stays the UN's.
Every sentence is invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from handdocs import NLP, make
from newsgraph.extract.entities import EntityExtractor
from newsgraph.extract.facts import ActorFact, EntityFact
from newsgraph.resolve.actors import Actor


def _actor(text: str, ents: list[tuple[str, str]], name: str) -> Actor | None:
    found = {e.name: e.actor for e in EntityExtractor(NLP, "newsgraph_entities").match(make(text, ents))}
    return found[name]


@pytest.mark.parametrize(
    ("text", "body", "code", "sector"),
    [
        ("Carl Jensen, the head of Interpol, warned of fraud.", "Interpol", "IGO", "COP"),
        (
            "Kurt Vollmer, who heads Human Rights Watch, condemned the arrests.",
            "Human Rights Watch",
            "NGO",
            "SOC",
        ),
        ("Dan Moss, the leader of the Democratic Party, spoke.", "Democratic Party", "USA", "PTY"),
    ],
)
def test_a_body_s_head_takes_the_body_s_actor(text: str, body: str, code: str, sector: str) -> None:
    name = text.split(",")[0]
    assert _actor(text, [(name, "PERSON"), (body, "ORG")], name) == Actor(code, sector)


@pytest.mark.parametrize(
    "text",
    [
        "Dan Moss, a member of the Democratic Party, spoke.",  # any office: no party code
        "Dan Moss, an official of the United Nations, spoke.",  # any country's
    ],
)
def test_a_member_of_a_party_or_the_un_gets_no_code_from_it(text: str) -> None:
    body = "Democratic Party" if "Democratic" in text else "United Nations"
    assert _actor(text, [("Dan Moss", "PERSON"), (body, "ORG")], "Dan Moss") is None


@pytest.mark.parametrize(
    ("text", "ents", "code"),
    [
        (
            "Russian UN Ambassador Pavel Dromov rejected the draft.",
            [("Russian", "NORP"), ("UN", "ORG")],
            "RUS",
        ),
        (
            "U.S. Ambassador to the United Nations Linda Carrow said it would veto the draft.",
            [("U.S.", "GPE"), ("United Nations", "ORG")],
            "USA",
        ),
        (
            "The U.S. ambassador to the United Nations, Linda Carrow, said it would veto the draft.",
            [("U.S.", "GPE"), ("United Nations", "ORG")],
            "USA",
        ),
        ("UN political chief Rosa Delmonte briefed the council.", [("UN", "ORG")], "UNO"),
        ("UN envoy to Yemen Hans Grundberg met the rebels.", [("UN", "ORG"), ("Yemen", "GPE")], "UNO"),
        (
            "The EU ambassador to China, Jens Olsen, said talks went well.",
            [("EU", "ORG"), ("China", "GPE")],
            "EUR",
        ),
    ],
)
def test_a_diplomat_to_the_un_is_their_country_s_and_a_un_official_the_un_s(
    text: str, ents: list[tuple[str, str]], code: str
) -> None:
    person = next(
        n
        for n in ("Pavel Dromov", "Linda Carrow", "Rosa Delmonte", "Hans Grundberg", "Jens Olsen")
        if n in text
    )
    actor = _actor(text, [*ents, (person, "PERSON")], person)
    assert actor is not None and (actor.code, actor.sector) == (code, "GOV")


@pytest.mark.parametrize(
    "text",
    [
        "Pavel Dromov, the UN ambassador, rejected the draft.",  # some country's: not the UN's
        "Tom Carr, the ambassador to NATO, said the alliance would help.",
    ],
)
def test_an_ambassador_to_a_body_of_no_named_country_is_not_the_body_s(text: str) -> None:
    person = text.split(",")[0]
    body = "UN" if "UN" in text else "NATO"
    actor = _actor(text, [(person, "PERSON"), (body, "ORG")], person)
    assert actor is None or actor.code not in ("UNO", "IGO")


def test_the_un_in_a_title_is_no_town_of_that_name() -> None:
    text = "The UN human rights chief, Pavel Dromov, condemned the killings."
    assert _actor(text, [("UN", "ORG"), ("Pavel Dromov", "PERSON")], "Pavel Dromov") == Actor("UNO", "GOV")


def _roles(text: str, ents: list[tuple[str, str]], name: str) -> list[str]:
    found = EntityExtractor(NLP, "newsgraph_entities").match(make(text, ents))
    return [r.title for e in found if e.name == name for r in e.roles]


def test_another_court_s_judge_named_before_is_not_the_judge_named_after() -> None:
    text = (
        "In May, a U.S. District Court judge sided with the plaintiffs. "
        "Circuit Court Judge Ann Roe wrote the ruling."
    )
    roles = _roles(text, [("U.S.", "GPE"), ("Ann Roe", "PERSON")], "Ann Roe")
    assert roles and not any("District" in r for r in roles)


_US = "Senator Bob Casey of Pennsylvania and the U.S. Department of Agriculture met in Washington. "


def _person(nlp: Language, text: str) -> EntityFact:
    from newsgraph.extract.annotations import doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    return next(e for e in doc_entities(nlp(prepare_doc(nlp, _US + text))) if e.name == "Zach Dunn")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Zach Dunn, President of Farm Bureau, said prices fell in Ohio.",
        "Zach Dunn, president of Acme Widgets, said prices fell in Ohio.",
    ],
)
def test_a_head_of_a_body_nothing_codes_has_the_country_alone_not_a_state_office(
    nlp: Language, text: str
) -> None:
    dunn = _person(nlp, text)
    assert dunn.actor == ActorFact("USA", None)  # was USA GOV, the title's state office
    assert dunn.roles and all(r.affiliation is None for r in dunn.roles)  # no state's office either


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Zach Dunn, president of the Ohio Senate, said prices fell.", "USA", "LEG"),
        ("Zach Dunn, president of Ghana, said prices fell.", "GHA", "GOV"),
    ],
)
def test_a_head_of_a_state_body_or_a_country_keeps_the_office(
    nlp: Language, text: str, code: str, sector: str
) -> None:
    assert _person(nlp, text).actor == ActorFact(code, sector)
