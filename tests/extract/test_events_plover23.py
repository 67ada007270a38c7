"""Events of branch ``ev23plover`` (session 20): wordings of the manual's types the tables lacked,
found type by type through the PLOVER manual with the CAMEO verb families' coverage consulted (not
copied), and the authorities of a place as the doer of a passive investigation there (sentences
invented for these tests, in the wording of wire news)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import codes
from eventtexts import shown as _shown
from eventtexts import shown_type as _type
from eventtexts import triggered as _of


def _one(nlp: Any, text: str, trigger: str) -> dict[str, Any]:
    found = _of(nlp, text, trigger)
    assert found, f"no event for {trigger!r}"
    return found[0]


@pytest.mark.model
def test_force_at_sea_and_in_the_air(nlp: Any) -> None:
    e = _one(nlp, "A Russian warship was sunk by Ukrainian missiles.", "sunk")
    assert e["event_type"] == "ASSAULT"
    assert codes(e["actor"]) == {"UKR"} and codes(e["recipient"]) == {"RUS"}
    e = _one(nlp, "Iran downed an American drone over the Gulf.", "downed")
    assert e["event_type"] == "ASSAULT" and codes(e["actor"]) == {"IRN"} and codes(e["recipient"]) == {"USA"}
    e = _one(nlp, "A Chinese coast guard ship rammed a Vietnamese fishing boat.", "rammed")
    assert e["event_type"] == "ASSAULT" and codes(e["recipient"]) == {"VNM"}
    assert _type(nlp, "Ukrainian forces liberated the city of Kherson.", "liberated") == "ASSAULT"
    # a ship that sinks by itself, a bill rammed through, a record set: no attack
    assert not _of(nlp, "The ferry sank off the coast.", "sank")
    assert not _of(nlp, "The Senate rammed through the budget bill.", "rammed")
    assert not _of(nlp, "Germany set a record for exports.", "set")


@pytest.mark.model
def test_talks_scuttled_or_stalled_are_blocked(nlp: Any) -> None:
    assert _one(nlp, "Russia has stalled ratification of the treaty.", "stalled")["event_type"] == "REJECT"
    assert _one(nlp, "Israel scuttled the peace talks.", "scuttled")["event_type"] == "REJECT"
    assert not _of(nlp, "The car stalled on the bridge.", "stalled")


@pytest.mark.model
def test_material_aid_coercion_and_force_wordings(nlp: Any) -> None:
    e = _one(nlp, "The European Union bailed out Greece in 2010.", "bailed out")
    assert e["event_type"] == "AID" and codes(e["recipient"]) == {"GRC"}
    e = _one(nlp, "The United States helped Ukraine with weapons.", "helped")
    assert e["event_type"] == "AID" and codes(e["recipient"]) == {"UKR"}
    # helping the economy or a candidate gives no aid
    assert not [e for e in _of(nlp, "The tax cut helped the economy.", "helped") if e["event_type"] == "AID"]
    e = _one(nlp, "Chinese ships harassed Philippine vessels near the reef.", "harassed")
    assert e["event_type"] == "COERCE" and codes(e["recipient"]) == {"PHL"}
    assert _one(nlp, "Washington curtailed aid to Cairo.", "curtailed")["event_type"] == "SANCTION"
    assert _one(nlp, "Russia redeployed troops to the border.", "redeployed")["event_type"] == "MOBILIZE"
    assert _one(nlp, "Congress overrode the president's veto.", "overrode")["event_type"] == "REJECT"


@pytest.mark.model
def test_event_nouns_the_tables_lacked(nlp: Any) -> None:
    text = "Tensions rose over China's hacking of American companies."
    e = _one(nlp, text, "hacking")
    assert (e["event_type"], e["mode"]) == ("COERCE", "cyber")
    assert codes(e["actor"]) == {"CHN"} and codes(e["recipient"]) == {"USA"}
    text = "The Senate voted on the ratification of the treaty."
    assert _one(nlp, text, "ratification")["event_type"] == "SUPPORT"
    assert _one(nlp, "Egypt and Israel concluded a peace treaty.", "treaty")["event_type"] == "AGREE"
    # having a treaty with someone is a standing tie, no event
    text = "The United States, which has a defence treaty with the Philippines, said it stood with its ally."
    assert not _of(nlp, text, "treaty")


@pytest.mark.model
def test_a_passive_investigation_in_a_country_is_by_its_authorities(nlp: Any) -> None:
    text = "A British journalist has been put under investigation in Turkey for his reports on the army."
    e = _one(nlp, text, "put")
    assert e["event_type"] == "ACCUSE" and e["mode"] == "investigate"
    assert codes(e["actor"]) == {"TUR"} and e["actor"][0]["sector"] == "JUD"
    assert codes(e["recipient"]) == {"GBR"} and _shown([e])
    # a "by" phrase names the doer; an investigation of no one named takes no doer from its place
    e = _one(nlp, "The company was investigated by the SEC.", "investigated")
    assert e["actor"] and e["actor"][0]["text"] == "SEC"
    assert not [e for e in _of(nlp, "An investigation was opened in France.", "investigation") if e["actor"]]
    # the arrest rule it generalises is unchanged
    e = _one(nlp, "Two French aid workers were detained in Sudan on Monday.", "detained")
    assert codes(e["actor"]) == {"SDN"} and e["actor"][0]["sector"] == "COP"


@pytest.mark.model
def test_an_activity_object_is_what_its_compound_names(nlp: Any) -> None:
    # "mediation efforts": the efforts are mediation, so ending them ends mediation (SANCTION)
    text = "Egyptian diplomats ended mediation efforts between the two Palestinian factions."
    e = _one(nlp, text, "ended")
    assert e["event_type"] == "SANCTION" and codes(e["actor"]) == {"EGY"}
    # a row that wants the object itself ("offered a defence of" someone) does not read the compound
    text = "The leaders met in Brussels, offering new defense efforts for Europe."
    assert not [e for e in _of(nlp, text, "offering") if e["event_type"] == "SUPPORT"]
    # an activity named by no listed compound stays no event
    assert not _of(nlp, "The company ended its marketing efforts.", "ended")


@pytest.mark.model
def test_narrowed_rows_keep_to_their_sense(nlp: Any) -> None:
    # an accident that poisons residents, defences against a disease: no attack, no mobilisation
    text = "A chemical spill at the mine poisoned many residents with mercury."
    assert not _of(nlp, text, "poisoned")
    text = "No cases of the virus have been found yet, but the two countries are beefing up their defenses."
    assert not _of(nlp, text, "beefing up")
    e = _one(nlp, "NATO is beefing up its presence in the Baltic states.", "beefing up")
    assert e["event_type"] == "MOBILIZE"
