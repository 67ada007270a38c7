"""Outbreak news (branch ``ev23health``, issue 14): words the lexicon knows in their senses of
force, used of diseases, disasters and animals. From the PLOVER manual: an event has a doer among
political actors, and a disease, a flood or a tsunami is none ("Required entities": natural
disasters "do not fit neatly into an entity-centric approach"); animals culled are no victims of an
assault; a health advisory on food is no threat; a government's quarantine of people is COERCE
`restrict` when a named authority imposes it. Sentences invented for these tests; each keeps the
true sense beside the rule."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes, events_of, is_fact, shown_events, triggered
from eventtexts import shown as _shown

#: An opening sentence that makes the article Kenyan.
KE = "NAIROBI — The Kenyan health ministry met on Monday in Nairobi. "


@pytest.mark.model
def test_a_disease_or_a_disaster_kills_nobody_as_an_actor(nlp: Any) -> None:
    for text, trigger in (
        (KE + "A cholera epidemic in Kenya has killed more than 400 people since June.", "killed"),
        (KE + "At least 300 people have been killed by a measles outbreak in the north of Kenya.", "killed"),
        (KE + "The H5N1 virus has killed three farmers in Kenya this month.", "killed"),
        (KE + "The floods have destroyed thousands of homes near Lake Victoria.", "destroyed"),
        (KE + "Eleven villagers were killed in the floods near Lake Victoria.", "killed"),
        (KE + "An influenza epidemic swept the region last winter, killing 80 people.", "killing"),
        (KE + "Dozens of children were killed after an outbreak of typhoid in Kisumu.", "killed"),
    ):
        assert not triggered(nlp, text, trigger), text
    # people, armed groups and states still kill
    for text in (
        KE + "Rebels killed 12 soldiers in an ambush near the border with Somalia.",
        KE + "Police killed three protesters in Nairobi on Sunday.",
        KE + "Gunmen have killed 20 villagers in an attack on a village near Kisumu.",
    ):
        assert shown_events(nlp, text, "ASSAULT"), text


@pytest.mark.model
def test_animals_culled_are_no_victims_of_an_assault(nlp: Any) -> None:
    for text, trigger in (
        (KE + "Officials plan to kill 20,000 chickens to contain the outbreak.", "kill"),
        (
            KE + "More than 5,000 ducks were destroyed at the farm after the strain was confirmed.",
            "destroyed",
        ),
        (KE + "The ministry slaughtered 6,000 pigs at a farm near Nakuru on Sunday.", "slaughtered"),
        (KE + "The government has ordered all 300,000 pigs in the country to be slaughtered.", "ordered"),
        (KE + "Any movement of cattle in the county has been banned.", "banned"),
    ):
        assert not _shown(triggered(nlp, text, trigger)), text
        assert not any(e["event_type"] == "ASSAULT" for e in triggered(nlp, text, trigger)), text
    # a ban on another country's goods is still a SANCTION
    found = _shown(triggered(nlp, US + "Japan banned imports of American beef on Monday.", "banned"))
    assert found and found[0]["event_type"] == "SANCTION" and codes(found[0]["actor"]) == {"JPN"}


@pytest.mark.model
def test_fighting_a_disease_is_no_force(nlp: Any) -> None:
    for text in (
        KE + "The World Health Organization is preparing to fight a new pandemic with the vaccine.",
        KE + "The ministry said it would battle the measles epidemic in the north.",
    ):
        assert not [e for e in events_of(nlp, text) if e["event_type"] in ("ASSAULT", "THREATEN")], text


@pytest.mark.model
def test_a_health_advisory_is_no_threat(nlp: Any) -> None:
    for text in (
        US + "The Food and Drug Administration has issued a warning on melons from a Mexican grower.",
        US + "Florida has issued a warning against eating shellfish from the bay.",
    ):
        assert not [e for e in events_of(nlp, text) if e["event_type"] == "THREATEN"], text
    # a warning to an actor is still a threat
    assert shown_events(nlp, US + "The United States issued a warning to Iran on Monday.", "THREATEN")


@pytest.mark.model
def test_a_failure_of_an_organ_judges_nobody(nlp: Any) -> None:
    text = (
        US + '"People who believe they may have experienced symptoms of illness after eating the lettuce are'
        ' urged to call a doctor," said a statement of the Food and Drug Administration. Health officials'
        " report that the symptoms from eating the lettuce are kidney failure or fever."
    )
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "ACCUSE"]
    text = US + "Senator Smith said the failure of the administration was a disgrace."
    assert shown_events(nlp, text, "ACCUSE")


@pytest.mark.model
def test_a_delayed_act_has_not_happened(nlp: Any) -> None:
    text = US + "The United States has delayed lifting its ban on cattle imports from Canada."
    found = [e for e in triggered(nlp, text, "lifting") if e["event_type"] == "CONCEDE"]
    assert found and not any(is_fact(e) for e in found)
    text = US + "The United States lifted its ban on cattle imports from Canada on Monday."
    found = [e for e in triggered(nlp, text, "lifted") if is_fact(e)]
    assert found and found[0]["event_type"] == "CONCEDE"


@pytest.mark.model
def test_figures_suggest_and_tests_are_no_events(nlp: Any) -> None:
    text = (
        KE + "UN figures suggest 2.5 million South Sudanese now require food aid, with many near starvation."
    )
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST"]
    text = KE + "The ministry has directed the veterinary bureau to conduct swine tests in the county."
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "MOBILIZE"]
    text = US + "Senator Smith suggested that the governor should resign."
    assert [e for e in events_of(nlp, text) if e["event_type"] == "REQUEST"]


@pytest.mark.model
def test_a_quarantine_by_a_named_authority_is_a_restriction(nlp: Any) -> None:
    text = US + "Chinese authorities quarantined 70 Mexican tourists in a hotel in Guangzhou."
    found = [e for e in triggered(nlp, text, "quarantined") if is_fact(e)]
    assert found and found[0]["event_type"] == "COERCE" and found[0]["mode"] == "restrict"
    assert codes(found[0]["actor"]) == {"CHN"}
    # patients or animals quarantined by nobody named report a health measure, no event
    for text in (
        KE + "Two patients were quarantined at a hospital in Nairobi after suffering from fever.",
        KE + "All 300 horses at the show have been quarantined.",
    ):
        assert not triggered(nlp, text, "quarantined"), text


@pytest.mark.model
def test_doctors_sent_are_aid_and_blocked_imports_a_sanction(nlp: Any) -> None:
    found = _shown(triggered(nlp, US + "Cuba sent 300 doctors to Haiti after the earthquake.", "sent"))
    assert found and found[0]["event_type"] == "AID" and codes(found[0]["recipient"]) == {"HTI"}
    text = US + "The Food and Drug Administration deployed investigators to a farm in Iowa."
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "MOBILIZE"]
    text = US + "The Food and Drug Administration has blocked imports from the Mexican grower."
    found = _shown(triggered(nlp, text, "blocked"))
    assert found and found[0]["event_type"] == "SANCTION" and codes(found[0]["recipient"]) == {"MEX"}
    found = _shown(triggered(nlp, US + "Russia imposed restrictions on imports of Polish meat.", "imposed"))
    assert found and found[0]["event_type"] == "SANCTION"
    # troops deployed, and restrictions on the opposition, are what they were
    found = triggered(nlp, US + "The Russian army deployed troops to the border with Ukraine.", "deployed")
    assert found and found[0]["event_type"] == "MOBILIZE"
    found = triggered(nlp, US + "The Chinese government imposed restrictions on the opposition.", "imposed")
    assert found and found[0]["event_type"] == "COERCE"
