"""Events, session 17 (lead): how an unnamed group gets its country (sentences invented for these
tests, in the wording wire copy uses)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of


def _codes(nlp: Any, text: str, trigger: str) -> list[str | None]:
    found = [e for e in events_of(nlp, text) if e["text"] == trigger]
    assert found, f"no {trigger!r} event"
    return [a["code"] for e in found for a in e["actor"]]


@pytest.mark.model
def test_an_unnamed_force_does_not_take_the_last_country_named_before_it(nlp: Any) -> None:
    # the sample corpus coded "the paramilitary group" (the RSF of Sudan) SAU: Saudi Arabia was
    # the last country named a few sentences before; the text never says whose group it is
    text = (
        "Talks brokered by Saudi Arabia and the United States stalled on Thursday in Jeddah.\n\n"
        "Witnesses said the paramilitary group shelled the city's main market on Friday."
    )
    assert "SAU" not in _codes(nlp, text, "shelled")
    # a country named with the group still codes it
    text = "Witnesses said the Sudanese paramilitary group shelled the city's main market on Friday."
    assert _codes(nlp, text, "shelled") == ["SDN"]


@pytest.mark.model
def test_a_countrys_un_ambassador_acts_for_the_country(nlp: Any) -> None:
    # the seed: "China's deputy UN ambassador pushed back against US insistence ..." was UNO
    text = (
        "China's deputy UN ambassador criticized unilateral sanctions against North Korea on "
        "Friday, saying they undermine the unity of the Security Council."
    )
    assert _codes(nlp, text, "criticized") == ["CHN"]
    # the UN's own envoy stays the UN's
    text = "The UN envoy criticized the sanctions against North Korea on Friday."
    assert _codes(nlp, text, "criticized") == ["UNO"]


@pytest.mark.model
def test_the_public_is_the_main_countrys_only_when_one_country_leads(nlp: Any) -> None:
    # the seed: in an ASEAN meeting's report (China, the US, the Philippines, Myanmar all named
    # often) "It condemned violence against civilians" made the civilians China's
    several = (
        "China and the Philippines clashed at sea. China said the Philippines provoked it. "
        "The Philippines said China rammed its boats. China denied it. The Philippines protested.\n\n"
        "ASEAN condemned violence against civilians on Saturday."
    )
    found = [e for e in events_of(nlp, several) if e["text"] == "condemned"]
    assert found and all(r["code"] is None for e in found for r in e["recipient"])
    one = (
        "Nigeria's senate met on Monday. Nigerian police said the vote was calm. Nigeria's "
        "president spoke in Abuja.\n\nThe senator condemned violence against civilians on Saturday."
    )
    found = [e for e in events_of(nlp, one) if e["text"] == "condemned"]
    assert [r["code"] for e in found for r in e["recipient"]] == ["NGA"]


@pytest.mark.model
def test_unnamed_officials_are_the_main_countrys_only_when_one_country_leads(nlp: Any) -> None:
    several = (
        "China and the Philippines clashed at sea. China said the Philippines provoked it. "
        "The Philippines said China rammed its boats. China denied it. The Philippines protested.\n\n"
        "The ministers urged restraint in the South China Sea on Saturday."
    )
    assert "CHN" not in [
        c for e in events_of(nlp, several) if e["text"] == "urged" for c in [a["code"] for a in e["actor"]]
    ]
    one = (
        "Nigeria's senate met on Monday. Nigerian police said the vote was calm. Nigeria's "
        "president spoke in Abuja.\n\nThe ministers urged restraint in Lagos on Saturday."
    )
    assert _codes(nlp, one, "urged") == ["NGA"]
