"""Events on ordinary news, rules of branch ``events18p``: kinds of false events found on an eighth
review sample of real pages nobody labelled (eval/data/events_review8) and on the seed article,
and how an event's doer is told from the place it happened in; each fixed by one principle
(sentences invented for these tests, in the wording such pages use)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import US, events_of, is_fact
from eventtexts import shown as _shown
from eventtexts import shown_type as _type
from eventtexts import triggered as _of


@pytest.mark.model
def test_a_toll_of_a_war_is_no_event_of_its_own(nlp: Any) -> None:
    text = (
        "More than 9,000 people have been killed in the fighting in Darfur since the army launched "
        "its offensive, according to local health officials."
    )
    found = _of(nlp, text, "killed")
    assert found and not _shown(found)
    text = "At least 500 people have been killed in clashes in Kordofan to date, the UN said."
    found = _of(nlp, text, "killed")
    assert found and not _shown(found)
    # a named doer's operation, and a killing of one day, are reported
    assert (
        _type(nlp, "Israeli forces have killed 12 Palestinians in Jenin since Monday.", "killed") == "ASSAULT"
    )


@pytest.mark.model
def test_the_place_where_it_happened_is_never_the_doer(nlp: Any) -> None:
    for text, place in (
        ("More than 9,000 people have been killed in the fighting in Darfur since April.", "Darfur"),
        ("The strike in Beirut killed a senior Hezbollah commander, the Israeli military said.", "Beirut"),
    ):
        found = _of(nlp, text, "killed")
        assert found
        assert all(place not in a["text"] for e in found for a in e["actor"])


@pytest.mark.model
def test_a_state_striking_a_town_of_another_country_uses_force(nlp: Any) -> None:
    found = _shown(_of(nlp, "Israel struck targets in Gaza City on Tuesday.", "struck"))
    assert found and found[0]["event_type"] == "ASSAULT"
    assert {a["code"] for a in found[0]["actor"]} == {"ISR"}
    # a state attacking another state's policy is no use of force
    assert not [
        e
        for e in _shown(events_of(nlp, "China attacked the United States over its tariffs."))
        if e["event_type"] == "ASSAULT"
    ]


@pytest.mark.model
def test_a_promise_to_carry_out_anothers_measure_is_no_threat(nlp: Any) -> None:
    text = (
        "Russian UN Ambassador Vassily Nebenzia said Moscow was committed to implementing UN "
        "sanctions on North Korea."
    )
    assert _type(nlp, text, "committed") == "AGREE"
    # an agreement with the UN, whose measure it is, not with North Korea
    assert {r["code"] for r in _shown(_of(nlp, text, "committed"))[0]["recipient"]} == {"UNO"}
    assert (
        _type(nlp, "China pledged to enforce the Security Council's sanctions against Pyongyang.", "pledged")
        == "AGREE"
    )
    # sanctions of one's own are a threat
    assert _type(nlp, "The United States vowed to impose new sanctions on Iran.", "vowed") == "THREATEN"


@pytest.mark.model
def test_battling_to_succeed_someone_is_a_race(nlp: Any) -> None:
    text = (
        US + "The debate came two days after Obama delivered his address and as Clinton and "
        "Sen. Bernie Sanders of Vermont battled to replace him."
    )
    found = _of(nlp, text, "battled")
    assert found and not _shown(found)


@pytest.mark.model
def test_accepting_a_nomination_is_no_agreement(nlp: Any) -> None:
    found = _of(nlp, US + "Donald Trump accepted the Republican nomination on Thursday.", "accepted")
    assert not _shown(found)
    assert _type(nlp, US + "The governor accepted the proposal from Senate Democrats.", "accepted") == "AGREE"


@pytest.mark.model
def test_decrying_a_trend_blames_no_one(nlp: Any) -> None:
    for text in (
        US + "Donald Trump decried an increase in homicides in some cities.",
        US + "Senator Smith condemned the rise in attacks on journalists.",
    ):
        verb = "decried" if "decried" in text else "condemned"
        found = _of(nlp, text, verb)
        assert found and not _shown(found)
    # an attack is someone's deed: condemning it is an accusation
    assert _type(nlp, US + "Senator Smith condemned the attack on the embassy.", "condemned") == "ACCUSE"


@pytest.mark.model
def test_as_long_as_is_a_condition(nlp: Any) -> None:
    for text, verb in (
        (US + '"As long as Trump is fighting on our side, we will win," Senator Smith said.', "fighting"),
        (US + '"So long as Trump is attacking Clinton, we will win," Senator Smith said.', "attacking"),
    ):
        found = _of(nlp, text, verb)
        assert found and all(e["hypothetical"] for e in found)
    found = _of(nlp, US + "Trump attacked Clinton for as long as the debate lasted.", "attacked")
    assert found and not found[0]["hypothetical"]


@pytest.mark.model
def test_a_typographic_will_is_future(nlp: Any) -> None:
    # "he’ll" as "he'll": future support is an AGREE (manual), not support given
    found = _of(nlp, US + "Senator Smith said he’ll support Clinton.", "support")
    assert found and all(e["event_type"] != "SUPPORT" or e["future"] for e in found)


@pytest.mark.model
def test_an_expressed_attitude_does_not_act(nlp: Any) -> None:
    text = (
        US + "Senator Smith’s endorsement pushes back on the narrative that former Secretary of State "
        "Hillary Clinton has a monopoly of support among Democrats."
    )
    found = _of(nlp, text, "pushes")
    assert not _shown(found)
    # a document says what it says; supporters are people, who act
    assert _type(nlp, US + "The White House statement condemned Iran.", "condemned") == "ACCUSE"
    text = US + "Sanders said his supporters have accused Secretary of State Hillary Clinton of lying."
    assert _type(nlp, text, "accused") == "ACCUSE"


@pytest.mark.model
def test_the_people_a_deed_is_done_to_not_the_place(nlp: Any) -> None:
    for text, verb, victims, code in (
        ("Police in Lagos arrested 12 protesters on Friday.", "arrested", "12 protesters", "NGA"),
        (
            "Saudi-led coalition airstrikes killed 20 civilians in Yemen, officials said.",
            "killed",
            "20 civilians",
            "YEM",
        ),
        (
            "Turkish warplanes struck Kurdish militants in northern Iraq on Sunday.",
            "struck",
            "Kurdish militants",
            "IRQ",
        ),
    ):
        found = _of(nlp, text, verb)
        assert found
        assert [(r["text"], r["code"]) for r in found[0]["recipient"]] == [(victims, code)]


@pytest.mark.model
def test_the_doer_of_an_attack_that_was_repelled_is_no_actor(nlp: Any) -> None:
    text = (
        "A Ukrainian drone attack on Moscow was repelled by air defences, the Russian defence ministry said."
    )
    found = _of(nlp, text, "repelled")
    assert found
    assert "UKR" not in {a["code"] for e in found for a in e["actor"]}
    found = _of(nlp, "A Hamas attack on Sderot was repelled by Israeli forces on Monday.", "repelled")
    assert found and {a["code"] for a in found[0]["actor"]} == {"ISR"}


@pytest.mark.model
def test_an_act_only_risked_being_seen_is_not_done(nlp: Any) -> None:
    text = (
        US + "Mr. Manafort frequently pressed American diplomats in Ukraine to treat Mr. Yanukovych "
        "and his supporters equally so as not to risk being seen as favoring his opponents in the "
        "new elections."
    )
    found = _of(nlp, text, "favoring")
    assert found and all(e["hypothetical"] for e in found)
    # an act seen done is done
    found = _of(nlp, US + "Reporters saw Trump meet Putin in Helsinki.", "meet")
    assert found and is_fact(found[0])


@pytest.mark.model
def test_a_typographic_had_is_no_would(nlp: Any) -> None:
    # "he'd asked", "he’d asked": "had" before a participle, a request made
    for text in (
        US + "Trump said he'd asked his aides to look into paying the fees.",
        US + "Trump said he’d asked his aides to look into paying the fees.",
    ):
        found = _of(nlp, text, "asked")
        assert found and not found[0]["future"] and not found[0]["hypothetical"]
    # "he'd ask", "she'd be committed" are "would"
    found = _of(nlp, US + "Trump said he'd ask his aides to look into paying the fees.", "ask")
    assert found and (found[0]["future"] or found[0]["hypothetical"])
    text = (
        US + '"If the governor withdraws, then yes, she’d be committed to withdrawing her name from '
        'the ballot," said Murray Clark, a former state GOP chair.'
    )
    found = _of(nlp, text, "committed")
    assert found and (found[0]["future"] or found[0]["hypothetical"])


@pytest.mark.model
def test_unnamed_doers_are_not_of_the_country_of_what_they_act_on(nlp: Any) -> None:
    # militants in Baghdad are not American because the embassy they attack is
    found = _of(nlp, "Militants attacked the U.S. embassy in Baghdad with rockets.", "attacked")
    assert found and {a["code"] for a in found[0]["actor"]} == {"IRQ"}
    assert {r["code"] for r in found[0]["recipient"]} == {"USA"}
    found = _of(nlp, "Protesters stormed the Israeli embassy in Cairo on Friday.", "stormed")
    assert found and {a["code"] for a in found[0]["actor"]} == {"EGY"}
