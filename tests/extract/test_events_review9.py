"""Events on ordinary news, rules of branch ``events19p``: kinds of false events found on a ninth
review sample of real pages nobody labelled (eval/data/events_review9: ScrapingHub pages and
PolNeAR texts), and faults in how events pick their sides found on invented wire sentences of
the PLOVER types; each fixed by one principle (sentences invented for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, codes, events_of, is_fact
from eventtexts import shown as _shown
from eventtexts import shown_type as _type
from eventtexts import triggered as _of


@pytest.mark.model
def test_a_clause_set_against_another_keeps_its_own_mode(nlp: Any) -> None:
    # the modal of the clause a "while" or "although" clause is set against is not its own
    text = "The EU said the vote would not change the law, while the Arab League condemned the move."
    found = _of(nlp, text, "condemned")
    assert found and is_fact(found[0])
    text = (
        US + "While Senator Warren has spent months speaking out against the trade deal, she can now "
        "embrace it, aides said."
    )
    found = _of(nlp, text, "speaking out")
    assert found and is_fact(found[0])
    # a clause with no subject of its own shares the modes of its head
    found = _of(nlp, "If elected, he would meet Putin while visiting Moscow.", "meet")
    assert found and not is_fact(found[0])


@pytest.mark.model
def test_a_question_put_to_someone_unnamed_is_no_request(nlp: Any) -> None:
    text = US + "Senator Cruz's comments came after being asked once more to defend his remarks on trade."
    assert not _shown(_of(nlp, text, "asked"))
    # a request whose asker is named stays one
    text = US + "Senator Cruz asked the Pentagon to release the report."
    assert _type(nlp, text, "asked") == "REQUEST"


@pytest.mark.model
def test_a_journalists_question_is_no_demand(nlp: Any) -> None:
    text = US + "The BBC interviewer repeatedly demanded how Senator Smith could be so sure of the figures."
    assert not _shown(_of(nlp, text, "demanded"))
    # an official demanding to know is a request (CAMEO 101)
    text = US + "Senator Smith demanded to know why the State Department had ignored the warnings."
    assert _type(nlp, text, "demanded") == "REQUEST"


@pytest.mark.model
def test_a_standing_attitude_is_no_happening(nlp: Any) -> None:
    text = US + "Senator Sanders has long admired Pope Francis, who preaches a message of justice."
    assert not _shown(_of(nlp, text, "admired"))
    assert _type(nlp, US + "Senator Sanders praised Pope Francis on Monday.", "praised") == "SUPPORT"
    # talks that went on long are acts all the same
    text = US + "U.S. officials have long been talking with Chinese officials about North Korea."
    assert _type(nlp, text, "talking") == "CONSULT"


@pytest.mark.model
def test_a_role_described_is_no_act(nlp: Any) -> None:
    text = "Hungary's government has been in the vanguard on resisting migrants from Syria."
    assert not _shown(_of(nlp, text, "resisting"))
    assert _type(nlp, "Hungary's government rejected the migrants' asylum claims.", "rejected") == "REJECT"


@pytest.mark.model
def test_victims_counted_over_a_year_are_a_statistic(nlp: Any) -> None:
    text = "Only two people were killed by guns last year in Iceland, according to the national police."
    found = _of(nlp, text, "killed")
    assert found and not _shown(found)
    text = "Nine journalists were killed in 2015 in Mexico, a press freedom group said."
    found = _of(nlp, text, "killed")
    assert found and not _shown(found)
    # a named doer's deeds are reported
    text = "Turkish forces killed 12 Kurdish militants last year in northern Iraq, the ministry said."
    assert _type(nlp, text, "killed") == "ASSAULT"


@pytest.mark.model
def test_a_passive_without_be_is_done_to_its_subject(nlp: Any) -> None:
    # headlines and claims leave the "be" of a passive out: the subject is what was acted on
    found = _of(
        nlp, '"Indian drone shot down while trying to cross into Sindh," an army spokesman said.', "shot down"
    )
    assert found
    assert all(a.get("code") != "IND" for e in found for a in e["actor"])
    assert {"IND"} <= codes(found[0]["recipient"])
    found = _of(nlp, "Taiwan threatened with Chinese military action", "threatened")
    assert all(a.get("code") != "TWN" for e in found for a in e["actor"])
    # a relative clause's object is the noun it describes: its subject still acts
    text = US + "Senator Cruz, whom Democrats blamed for the shutdown, spoke on Monday."
    found = _of(nlp, text, "blamed")
    assert found and codes(found[0]["actor"]) == {"USA"} and found[0]["actor"][0]["text"] == "Democrats"
    # the active verb with its object is unchanged
    found = _shown(_of(nlp, "The United States threatened Moscow with new sanctions.", "threatened"))
    assert found and codes(found[0]["actor"]) == {"USA"} and codes(found[0]["recipient"]) == {"RUS"}


@pytest.mark.model
def test_a_wire_dateline_does_not_hide_the_report(nlp: Any) -> None:
    # "CITY, Country (AP) — The minister accused ...": the parser hangs the report on the dateline
    for text in (
        "KABUL, Afghanistan (AP) — The Afghan foreign minister accused Pakistan of sheltering insurgents.",
        "NAIROBI, Kenya — Kenya's president accused Sudan of arming rebels in the north.",
    ):
        found = _shown(_of(nlp, text, "accused"))
        assert found and found[0]["event_type"] == "ACCUSE"
        assert len(codes(found[0]["actor"])) == 1 and len(codes(found[0]["recipient"])) == 1


@pytest.mark.model
def test_the_host_is_the_recipient_and_its_city_no_party(nlp: Any) -> None:
    found = _shown(
        _of(nlp, "Saudi Arabia hosted the Iranian foreign minister in Riyadh on Monday.", "hosted")
    )
    assert found and found[0]["event_type"] == "CONSULT"
    assert codes(found[0]["actor"]) == {"IRN"} and codes(found[0]["recipient"]) == {"SAU"}
    found = _shown(_of(nlp, "China hosted Russian President Vladimir Putin in Beijing.", "hosted"))
    assert found and codes(found[0]["actor"]) == {"RUS"} and codes(found[0]["recipient"]) == {"CHN"}


@pytest.mark.model
def test_troops_withdrawing_from_a_place_retreat(nlp: Any) -> None:
    assert (
        _type(nlp, "Russian troops withdrew from Kherson, the Ukrainian military said.", "withdrew")
        == "RETREAT"
    )
    # a state leaving a treaty reduces relations (a sanction), as before
    assert _type(nlp, "The United States withdrew from the nuclear deal with Iran.", "withdrew") == "SANCTION"


@pytest.mark.model
def test_protesters_are_not_of_the_country_whose_embassy_they_face(nlp: Any) -> None:
    found = [
        e
        for e in events_of(nlp, "Students protested outside the U.S. embassy in Seoul.")
        if e["text"] == "protested"
    ]
    assert found
    assert "USA" not in codes(found[0]["actor"])


@pytest.mark.model
def test_a_norm_told_of_a_kind_is_no_demand(nlp: Any) -> None:
    text = (
        US
        + "It states that courts should not issue an opinion in an election case too close to Election Day."
    )
    assert not _shown(_of(nlp, text, "should"))
    # a demand made of someone stays one
    assert _type(nlp, US + "Senator Smith said the courts should rule quickly.", "should") == "REQUEST"
    assert _type(nlp, US + "The senator said Democrats should pay more attention.", "should") == "REQUEST"


@pytest.mark.model
def test_the_state_holding_people_uses_force(nlp: Any) -> None:
    # an arrest or a jailing by a government or a court needs no other cue of force
    found = _shown(_of(nlp, "Chinese authorities detained a Canadian businessman in Beijing.", "detained"))
    assert found and codes(found[0]["actor"]) == {"CHN"} and codes(found[0]["recipient"]) == {"CAN"}
    assert _type(nlp, "Opposition leader Alexei Navalny was jailed by a Moscow court.", "jailed") == "COERCE"
    # a thing "arrested" is no one held
    assert not _shown(_of(nlp, "The government arrested the decline of the currency.", "arrested"))


@pytest.mark.model
def test_forces_exchanging_fire_assault_each_other(nlp: Any) -> None:
    # "exchange fire" (manual, ASSAULT): both sides fight; exchanging prisoners stays a release
    found = _shown(
        _of(nlp, "Pakistani and Afghan forces exchanged fire at the Torkham border crossing.", "exchanged")
    )
    assert found and found[0]["event_type"] == "ASSAULT"
    assert codes(found[0]["actor"]) == {"PAK", "AFG"}
    found = _of(nlp, "The two countries exchanged prisoners on Monday.", "exchanged")
    assert all(e["event_type"] != "ASSAULT" for e in found)
