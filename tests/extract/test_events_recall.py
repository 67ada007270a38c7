"""Events news reports in forms the first rules missed: an office named without a name ("the
senator"), a strike carried by a named weapon, calls and brokering, an amount "in aid", a judgement
of what someone is or did (sentences invented for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact, shown_events

#: An opening sentence that makes the article American (its main country).
US = "WASHINGTON — The U.S. Senate met on Monday in Washington. "


def _codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r.get("code")}


@pytest.mark.model
def test_an_office_named_without_a_name_is_its_holder(nlp: Any) -> None:
    text = (
        "Senator Maria Lopez of Ohio spoke in Washington on Monday. "
        "The senator criticized the Chinese government over its trade rules."
    )
    shown = shown_events(nlp, text, "ACCUSE")
    assert shown and shown[0]["actor"][0]["entity"] is not None  # the senator named before
    assert _codes(shown[0]["actor"]) == {"USA"}
    # no one named with the office: an office of the state is the article's country's
    alone = shown_events(nlp, US + "The president accused the Chinese government of cheating.", "ACCUSE")
    assert alone and _codes(alone[0]["actor"]) == {"USA"} and alone[0]["actor"][0]["entity"] is None
    # an indefinite office ("a senator") stands for nobody in particular
    some = events_of(nlp, US + "A senator accused the Chinese government of cheating.")
    assert not [e for e in some if e["event_type"] == "ACCUSE" and _codes(e["actor"])]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Russia hits Kyiv with ballistic missile", "Russia hits Kyiv with ballistic missiles."],
)
def test_a_strike_carried_by_a_weapon_is_an_assault(nlp: Any, text: str) -> None:
    shown = [e for e in events_of(nlp, text) if e["event_type"] == "ASSAULT" and is_fact(e)]
    assert shown and _codes(shown[0]["actor"]) == {"RUS"}


@pytest.mark.model
def test_hitting_with_words_is_no_assault(nlp: Any) -> None:
    assert not events_of(nlp, "The company hit investors with a surprise fee.")


@pytest.mark.model
def test_a_call_with_someone_is_a_conversation(nlp: Any) -> None:
    text = US + "Secretary Blinken held a call with his Israeli counterpart on Sunday."
    shown = shown_events(nlp, text, "CONSULT")
    assert shown and shown[0]["mode"] == "phone"
    assert _codes(shown[0]["actor"]) | _codes(shown[0]["recipient"]) == {"USA", "ISR"}


@pytest.mark.model
def test_brokering_and_calling_up(nlp: Any) -> None:
    broker = shown_events(nlp, "Egypt and Qatar brokered a ceasefire between Israel and Hamas.", "CONSULT")
    assert broker and broker[0]["mode"] == "third-party"
    assert {"EGY", "QAT"} <= _codes(broker[0]["actor"])
    called = shown_events(nlp, "Israel called up 300,000 reservists on Saturday.", "MOBILIZE")
    assert called and _codes(called[0]["actor"]) == {"ISR"}
    # "called up" a friend is no mobilisation
    assert not events_of(nlp, "The minister called up an old friend.")


@pytest.mark.model
def test_an_amount_in_aid_is_aid(nlp: Any) -> None:
    text = "The United States announced $300 million in military assistance to Ukraine."
    shown = shown_events(nlp, text, "AID")
    assert shown and _codes(shown[0]["actor"]) == {"USA"} and _codes(shown[0]["recipient"]) == {"UKR"}
    # an amount in something that is no event
    assert not events_of(nlp, "The company announced $300 million in profits.")


@pytest.mark.model
def test_what_someone_is_or_did_judged_is_a_judgement(nlp: Any) -> None:
    bad = shown_events(
        nlp, US + "Senator Warren said Donald Trump did a terrible job as a businessman.", "ACCUSE"
    )
    assert bad and _codes(bad[0]["recipient"]) == {"USA"}
    good = events_of(nlp, "Chancellor Angela Merkel said Barack Obama was an excellent partner.")
    support = [e for e in good if e["event_type"] == "SUPPORT"]
    assert support and _codes(support[0]["actor"]) == {"DEU"}
    # a judgement of a thing no one is named for blames nobody
    day = events_of(nlp, US + "Senator Warren said it was a terrible day for farmers.")
    assert not [e for e in day if e["event_type"] == "ACCUSE"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump bashed Hillary Clinton over her emails.",
        "Some Democrats, such as Joe Manchin, are mad at Bernie Sanders for agreeing to the debate.",
        "The British ambassador pushed back against Donald Trump, who says America is in decline.",
    ],
)
def test_verbal_attacks_on_a_rival_are_accusations(nlp: Any, text: str) -> None:
    shown = shown_events(nlp, US + text, "ACCUSE")
    assert shown and shown[0]["actor"]


@pytest.mark.model
def test_pushing_back_against_a_claim_is_a_rejection(nlp: Any) -> None:
    events = events_of(nlp, US + "The Pentagon pushed back against the claims.")
    assert [e["event_type"] for e in events if e["start"] > len(US)] == ["REJECT"]


@pytest.mark.model
def test_an_object_pronoun_is_a_person(nlp: Any) -> None:
    text = US + "Senator Elizabeth Warren met Donald Trump on Friday. Later she blasted him for his comments."
    shown = shown_events(nlp, text, "ACCUSE")
    assert shown and _codes(shown[0]["actor"]) == {"USA"}


@pytest.mark.model
def test_painting_someone_as_bad_is_an_accusation(nlp: Any) -> None:
    shown = shown_events(nlp, US + "The Republican nominee painted Hillary Clinton as corrupt.", "ACCUSE")
    assert shown and _codes(shown[0]["recipient"]) == {"USA"}
    # painting a house is no judgement
    assert not events_of(nlp, US + "The Republican nominee painted the house white.")[1:]


@pytest.mark.model
def test_saying_someone_did_wrong_is_an_allegation(nlp: Any) -> None:
    text = US + "Senator Elizabeth Warren said Donald Trump cheated the students."
    shown = [e for e in events_of(nlp, text) if e["event_type"] == "ACCUSE"]
    assert shown and shown[0]["mode"] == "allege" and shown[0]["text"] == "cheated"
    assert _codes(shown[0]["recipient"]) == {"USA"}
    # denied, or said of oneself, it is no allegation
    for other in (
        "Senator Elizabeth Warren said Donald Trump did not cheat the students.",
        "Senator Elizabeth Warren said she cheated at cards as a child.",
        "Donald Trump cheated the students, the report found.",
    ):
        assert not [e for e in events_of(nlp, US + other) if e["event_type"] == "ACCUSE"], other


@pytest.mark.model
def test_a_huddle_is_a_meeting(nlp: Any) -> None:
    text = "Officials of Japan and South Korea huddled in Tokyo on Friday."
    consult = [e for e in events_of(nlp, text) if e["event_type"] == "CONSULT"]
    assert consult and {"JPN", "KOR"} <= _codes(consult[0]["actor"]) | _codes(consult[0]["recipient"])


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump fought with the Republican leadership over the nomination.",
        "Hillary Clinton battled Bernie Sanders over health care.",
        "Senator Elizabeth Warren launched an attack on Donald Trump.",
    ],
)
def test_combat_between_politicians_is_criticism(nlp: Any, text: str) -> None:
    events = events_of(nlp, US + text)
    accuse = [e for e in events if e["event_type"] == "ACCUSE"]
    assert accuse and accuse[0]["actor"] and accuse[0]["recipient"]
    assert not [e for e in events if e["event_type"] == "ASSAULT"]


@pytest.mark.model
def test_combat_with_weapons_or_forces_stays_an_assault(nlp: Any) -> None:
    for text in (
        "Russian troops fought with Ukrainian forces near Bakhmut.",
        "Gunmen attacked Senator Elizabeth Warren's office with rifles, killing two guards.",
    ):
        events = events_of(nlp, text)
        assert [e for e in events if e["event_type"] == "ASSAULT"], text
        assert not [e for e in events if e["event_type"] == "ACCUSE"], text


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Mitch McConnell told Donald Trump to stop tweeting.",
        "Senator Mitch McConnell advised Donald Trump to stop tweeting.",
        "Senator Mitch McConnell suggested that Donald Trump stop tweeting.",
        "Senator Mitch McConnell called for Donald Trump to release his tax returns.",
    ],
)
def test_telling_someone_to_act_is_a_request(nlp: Any, text: str) -> None:
    shown = [e for e in events_of(nlp, US + text) if e["event_type"] == "REQUEST" and is_fact(e)]
    assert shown and _codes(shown[0]["actor"]) == {"USA"}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Senator Mitch McConnell told reporters that Donald Trump had stopped tweeting.",
        "Senator Mitch McConnell suggested that Donald Trump was tired.",
    ],
)
def test_telling_what_is_so_is_no_request(nlp: Any, text: str) -> None:
    assert not [e for e in events_of(nlp, US + text) if e["event_type"] == "REQUEST"]


@pytest.mark.model
def test_defending_what_someone_said_and_throwing_support_behind_them(nlp: Any) -> None:
    defence = events_of(nlp, US + "Paul Ryan defended Donald Trump's comments on Tuesday.")
    defended = [e for e in defence if e["event_type"] == "SUPPORT" and is_fact(e)]
    assert defended and _codes(defended[0]["recipient"]) == {"USA"}
    thrown = [
        e
        for e in events_of(nlp, US + "Paul Ryan threw his support behind Donald Trump.")
        if e["event_type"] == "SUPPORT"
    ]
    assert thrown and _codes(thrown[0]["actor"]) == {"USA"}


@pytest.mark.model
def test_someone_named_by_what_they_do_to_another(nlp: Any) -> None:
    critic = shown_events(nlp, US + "Senator John McCain is a fierce critic of Donald Trump.", "ACCUSE")
    assert critic and _codes(critic[0]["actor"]) == {"USA"} and _codes(critic[0]["recipient"]) == {"USA"}
    backer = shown_events(nlp, US + "Senator John McCain has been a longtime supporter of Israel.", "SUPPORT")
    assert backer and _codes(backer[0]["recipient"]) == {"ISR"}
    # elsewhere the noun names a person, not an event
    text = "The critics of the plan said it would fail."
    assert not [e for e in events_of(nlp, US + text) if e["event_type"] in ("ACCUSE", "SUPPORT")], text
    # "has an admirer in" is done by the one "in" names, never by the subject of "have" (events15r)
    text = "President Barack Obama has an admirer in British diplomat Peter Westmacott."
    admired = [e for e in events_of(nlp, US + text) if e["event_type"] in ("ACCUSE", "SUPPORT")]
    assert all(_codes(e["actor"]) == {"GBR"} and _codes(e["recipient"]) == {"USA"} for e in admired)


@pytest.mark.model
def test_a_judgement_in_apposition_stands_where_its_head_does(nlp: Any) -> None:
    text = US + "Senator Elizabeth Warren said Donald Trump is a proven businessman, a proven failure."
    accuse = [e for e in events_of(nlp, text) if e["event_type"] == "ACCUSE"]
    assert accuse and accuse[0]["text"] == "failure" and _codes(accuse[0]["recipient"]) == {"USA"}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A letter signed by 50 senators demanded answers from the Pentagon.",
        "The senators' letter demanded answers from the Pentagon.",
    ],
)
def test_a_document_stands_for_its_issuer(nlp: Any, text: str) -> None:
    events = [e for e in events_of(nlp, US + text) if e["start"] > len(US)]
    assert [e["event_type"] for e in events] == ["REQUEST"]  # signing the letter is no SUPPORT
    assert _codes(events[0]["actor"]) == {"USA"}


@pytest.mark.model
def test_an_event_set_off_or_confirmed_took_place(nlp: Any) -> None:
    text = "The arrest of opposition leader Ekrem Imamoglu sparked protests across Turkey."
    coerce = [e for e in events_of(nlp, text) if e["event_type"] == "COERCE"]
    assert coerce and coerce[0]["mode"] == "arrest" and _codes(coerce[0]["recipient"]) == {"TUR"}
    # the subject of a verb of confirming is not the doer
    confirmed = "Turkish officials confirmed the arrest of opposition leader Ekrem Imamoglu."
    for e in events_of(nlp, confirmed):
        if e["event_type"] == "COERCE":
            assert not [a for a in e["actor"] if a["text"] == "Turkish officials"]


@pytest.mark.model
def test_missiles_fired_at_a_place_are_an_assault(nlp: Any) -> None:
    at = events_of(nlp, "Russia fired a ballistic missile at Kyiv on Monday, officials said.")
    assert [(e["event_type"], e["mode"]) for e in at] == [("ASSAULT", "heavy-weapons")]
    test = events_of(nlp, "North Korea fired a ballistic missile into the sea on Monday.")
    assert [e["event_type"] for e in test] == ["MOBILIZE"]  # a test launch: a show of force


@pytest.mark.model
def test_kept_in_jail_is_detention(nlp: Any) -> None:
    kept = [
        e
        for e in events_of(nlp, US + "A federal judge kept the activist in jail on Monday.")
        if e["text"] == "kept"
    ]
    assert [e["event_type"] for e in kept] == ["COERCE"] and kept[0]["mode"] == "arrest"
    assert not [
        e for e in events_of(nlp, US + "The senator kept the letter in a drawer.") if e["text"] == "kept"
    ]


@pytest.mark.model
def test_some_of_a_group_is_that_group(nlp: Any) -> None:
    # "some of", "both of": a pronoun of quantity names the group after its "of"
    for word in ("Some", "Both"):
        evs = [
            e
            for e in events_of(nlp, f"{word} of the French ministers condemned Russia.")
            if e["text"] == "condemned"
        ]
        assert evs and _codes(evs[0]["actor"]) == {"FRA"} and _codes(evs[0]["recipient"]) == {"RUS"}, word


@pytest.mark.model
def test_critical_of_and_supportive_of_someone(nlp: Any) -> None:
    text = US + "Senator Maria Lopez has been critical of the Chinese government for years."
    critical = [e for e in events_of(nlp, text) if e["text"] == "critical"]
    assert [e["event_type"] for e in critical] == ["ACCUSE"] and _codes(critical[0]["recipient"]) == {"CHN"}
    text = US + "Senator Maria Lopez was supportive of the Japanese government."
    supportive = [e for e in events_of(nlp, text) if e["text"] == "supportive"]
    assert [e["event_type"] for e in supportive] == ["SUPPORT"] and _codes(supportive[0]["recipient"]) == {
        "JPN"
    }
    # a moment that is critical judges no one
    assert not [
        e
        for e in events_of(nlp, US + "The next two weeks are critical of course.")
        if e["text"] == "critical"
    ]


@pytest.mark.model
def test_an_appeal_or_an_ultimatum_to_someone_names_its_recipient(nlp: Any) -> None:
    appeal = [
        e
        for e in events_of(nlp, "Britain appealed to the United Nations for help.")
        if e["text"] == "appealed"
    ]
    assert appeal and appeal[0]["event_type"] == "REQUEST" and _codes(appeal[0]["recipient"]) == {"UNO"}
    ultimatum = [e for e in events_of(nlp, "France issued an ultimatum to Iran.") if e["text"] == "ultimatum"]
    assert (
        ultimatum
        and ultimatum[0]["event_type"] == "THREATEN"
        and _codes(ultimatum[0]["recipient"]) == {"IRN"}
    )


@pytest.mark.model
def test_a_suit_filed_thanks_extended_and_an_olive_branch(nlp: Any) -> None:
    suit = [
        e for e in events_of(nlp, "Texas filed suit against the Obama administration.") if e["text"] == "suit"
    ]
    assert suit and (suit[0]["event_type"], suit[0]["mode"]) == ("ACCUSE", "allege")
    assert not [e for e in events_of(nlp, "Britain followed suit on Monday.") if e["text"] == "suit"]
    branch = [
        e for e in events_of(nlp, "Turkey extended an olive branch to Russia.") if e["text"] == "branch"
    ]
    assert branch and branch[0]["event_type"] == "SUPPORT" and _codes(branch[0]["recipient"]) == {"RUS"}


@pytest.mark.model
def test_relations_mended_or_strengthened_are_support(nlp: Any) -> None:
    # manual, SUPPORT: "initiate, resume, improve, or expand diplomatic, non-material cooperation"
    mend = [
        e
        for e in events_of(nlp, "Turkey mended relations with Israel on Monday.")
        if e["event_type"] == "SUPPORT"
    ]
    assert mend and _codes(mend[0]["actor"]) == {"TUR"} and _codes(mend[0]["recipient"]) == {"ISR"}
    assert not events_of(nlp, "Exercise can improve the relationship between sleep and mood.")
