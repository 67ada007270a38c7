"""Events on ordinary news, rules of branch ``events11p``: who did it and to whom by principle (the
one blamed for doing something did it, a group is named by its examples, a thing criticised is its
maker's), reporters' questions, and criticism worded as combat in an article that also tells of
force (sentences invented for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from eventtexts import events_of, is_fact, shown_events


def _codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r.get("code")}


@pytest.mark.model
def test_a_reporters_question_is_no_request(nlp: Any) -> None:
    for text in (
        "When asked to describe the device, Police Commissioner James O'Neill declined.",
        "Asked about the talks, the German chancellor said Berlin would not comment.",
    ):
        assert not shown_events(nlp, text, "REQUEST"), text
    asked = "Senator Elizabeth Warren asked the Pentagon to describe the device."
    assert shown_events(nlp, asked, "REQUEST")
    by = "Senator Elizabeth Warren was asked by the Pentagon to describe the device."
    assert any("Pentagon" in a["text"] for e in shown_events(nlp, by, "REQUEST") for a in e["actor"])


@pytest.mark.model
def test_the_one_held_to_account_for_a_refusal_refused(nlp: Any) -> None:
    text = (
        "A House panel voted Thursday to hold Bryan Pagliano, a former aide to the senator, in "
        "contempt of Congress for refusing to testify."
    )
    refusals = [e for e in events_of(nlp, text) if e["event_type"] == "REJECT"]
    assert refusals
    assert all(any("Pagliano" in a["text"] for a in e["actor"]) for e in refusals)
    assert not any("panel" in a["text"] for e in refusals for a in e["actor"])


@pytest.mark.model
def test_a_group_named_by_its_examples(nlp: Any) -> None:
    for text in (
        "The British diplomat pushed back against candidates like Donald Trump who say we are in decline.",
        "The British diplomat criticized candidates such as Donald Trump.",
    ):
        found = shown_events(nlp, text, "ACCUSE")
        assert found and all(_codes(e["recipient"]) == {"USA"} for e in found), text


@pytest.mark.model
def test_a_thing_criticised_is_its_makers(nlp: Any) -> None:
    text = (
        "Voters went to the polls in the United States on Tuesday. Senator Elizabeth Warren railed "
        "against the trade deal the administration negotiated last year."
    )
    found = shown_events(nlp, text, "ACCUSE")
    assert found and all(_codes(e["recipient"]) == {"USA"} for e in found)
    assert all(r["sector"] == "GOV" for e in found for r in e["recipient"])
    nobody = "Senator Elizabeth Warren railed against the weather in Ohio last year."
    assert all(not e["recipient"] for e in events_of(nlp, nobody) if e["event_type"] == "ACCUSE")


@pytest.mark.model
def test_combat_words_between_politicians_in_an_article_that_tells_of_crime(nlp: Any) -> None:
    crime = "Police arrested two men after a robbery in Ohio."
    text = f"{crime} Senator Elizabeth Warren attacked Governor Ron DeSantis in a speech on Tuesday."
    assert shown_events(nlp, text, "ACCUSE")
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "ASSAULT"]
    town = f"{crime} Governor Ron DeSantis attacked Toledo on Tuesday."
    assert not [e for e in events_of(nlp, town) if e["event_type"] == "ACCUSE"]  # a town is attacked


@pytest.mark.model
def test_a_rebel_who_declares_war_means_it(nlp: Any) -> None:
    text = "Osama bin Laden declared war on the United States."
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "ACCUSE"]
    wars = [e for e in events_of(nlp, text) if e["event_type"] == "ASSAULT"]
    assert wars and all(_codes(e["recipient"]) == {"USA"} for e in wars)  # a target, not a side
    assert all("USA" not in _codes(e["actor"]) for e in wars)


@pytest.mark.model
def test_what_one_does_to_oneself_is_no_interaction(nlp: Any) -> None:
    for text, etype in (
        ("Police in Chicago shot themselves on Monday.", "ASSAULT"),
        ("The German chancellor defended herself against the charges on Tuesday.", "SUPPORT"),
    ):
        assert not shown_events(nlp, text, etype), text
    other = "Police in Chicago shot a suspect on Monday."
    assert shown_events(nlp, other, "ASSAULT")


@pytest.mark.model
def test_an_invitation_to_no_act_of_cooperation_is_no_agree(nlp: Any) -> None:
    party = (
        "The Mexican president invited the Colombian singer Shakira to sit in the front row at the concert."
    )
    assert not shown_events(nlp, party, "AGREE")
    for text in (
        "The Mexican president invited Donald Trump to a meeting in Mexico City.",
        "The Mexican president invited the Chinese premier to Mexico City.",
    ):
        assert shown_events(nlp, text, "AGREE"), text


@pytest.mark.model
def test_the_word_that_makes_a_warning_a_threat_is_in_its_own_clause(nlp: Any) -> None:
    stray = (
        "Central European leaders embraced the idea of a European military force, warning that "
        "Britain's exit will sap the continent's defenses."
    )
    assert not shown_events(nlp, stray, "THREATEN")
    threat = "The Chinese foreign minister warned of serious consequences on Monday."
    assert shown_events(nlp, threat, "THREATEN")


@pytest.mark.model
def test_a_kind_named_by_an_example_is_no_party(nlp: Any) -> None:
    kind = "While solar power is used already, a region like Delhi demands deployment on a vast scale."
    assert not shown_events(nlp, kind, "REQUEST")


@pytest.mark.model
def test_what_one_is_thanked_for_is_no_recipient(nlp: Any) -> None:
    text = (
        "The United States welcomed the deal. The American envoy thanked the Afghan government for "
        "its actions on Monday."
    )
    found = shown_events(nlp, text, "SUPPORT")
    assert found and all(_codes(e["recipient"]) == {"AFG"} for e in found)


@pytest.mark.model
def test_soldiers_in_the_streets_are_no_protest(nlp: Any) -> None:
    text = "Chinese troops took to the streets of Hong Kong to clear barricades this weekend."
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "PROTEST"]
    assert [e for e in events_of(nlp, text) if e["event_type"] == "MOBILIZE"]
    people = "Thousands of students took to the streets of Hong Kong this weekend."
    assert [e for e in events_of(nlp, people) if e["event_type"] == "PROTEST"]


@pytest.mark.model
def test_declining_to_comment_rejects_nothing(nlp: Any) -> None:
    for text in (
        "The German foreign ministry declined to comment.",
        "The German and French ministries declined to comment.",
    ):
        assert not shown_events(nlp, text, "REJECT"), text
    refusal = "The German foreign ministry refused to meet the Iranian envoy."
    assert shown_events(nlp, refusal, "REJECT")


@pytest.mark.model
def test_whom_a_refused_act_is_done_to_is_the_recipient(nlp: Any) -> None:
    text = "The Iranian foreign minister refused to meet the American envoy."
    found = shown_events(nlp, text, "REJECT")
    assert found and all(_codes(e["recipient"]) == {"USA"} for e in found)


@pytest.mark.model
def test_a_participle_naming_a_kind_is_no_speech_act(nlp: Any) -> None:
    text = "The race for pledged delegates is close, the German chancellor said."
    assert not [e for e in events_of(nlp, text) if e["event_type"] == "AGREE"]
    pledge = "The German chancellor pledged support for the French president."
    assert shown_events(nlp, pledge, "AGREE")


@pytest.mark.model
def test_a_police_raid_is_coercion(nlp: Any) -> None:
    for text in (
        "The office of the opposition newspaper was raided by police in Lima on Monday.",
        "Police in Lima raided the office of the opposition newspaper on Monday.",
    ):
        raids = [e for e in events_of(nlp, text) if e["start"] == text.index("raided")]
        assert raids and all(e["event_type"] == "COERCE" and e["mode"] == "seize" for e in raids), text
    soldiers = "Israeli soldiers raided the village of Jenin on Monday."
    assert [e for e in events_of(nlp, soldiers) if e["event_type"] == "ASSAULT"]


@pytest.mark.model
def test_a_day_named_after_on_is_no_target(nlp: Any) -> None:
    text = "Fighting between Azerbaijani and Armenian troops erupted on Monday."
    fights = [e for e in events_of(nlp, text) if e["event_type"] == "ASSAULT"]
    assert fights and all(not e["recipient"] for e in fights)


@pytest.mark.model
def test_a_country_attacked_in_an_article_about_a_war_is_force(nlp: Any) -> None:
    text = (
        "Russian troops shelled Kharkiv with artillery on Monday. The army deployed tanks and soldiers "
        "near the border, and the military said its offensive would go on. "
        "Putin attacked Ukraine in February."
    )
    attacks = [e for e in events_of(nlp, text) if e["text"] == "attacked"]
    assert attacks and all(e["event_type"] == "ASSAULT" for e in attacks)


@pytest.mark.model
def test_stopping_short_of_an_act_is_not_doing_it(nlp: Any) -> None:
    text = (
        "President Obama nominated Merrick Garland to the Supreme Court in March. Senate Republicans "
        "refused to hold hearings. Hillary Clinton, though she praised Garland and said Republicans "
        "should give him a hearing, notably stopped short of committing to renominate him if she wins."
    )
    commits = [e for e in events_of(nlp, text) if e["text"] == "committing"]
    assert commits and not [e for e in commits if e["event_type"] == "AGREE" and is_fact(e)]


@pytest.mark.model
def test_the_place_of_a_dateline_does_nothing(nlp: Any) -> None:
    text = (
        "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of using "
        "coercion against smaller Asian nations."
    )
    found = shown_events(nlp, text, "ACCUSE")
    assert found and all(_codes(e["actor"]) == {"USA"} for e in found)
    plain = "BEIJING — China accused Japan of provocations on Monday."
    assert all(_codes(e["actor"]) == {"CHN"} for e in shown_events(nlp, plain, "ACCUSE"))


@pytest.mark.model
def test_a_fronted_phrase_is_no_call_on(nlp: Any) -> None:
    text = "On Twitter, the German chancellor called the French president reckless."
    assert not shown_events(nlp, text, "REQUEST")
    call = "The German chancellor called on the French president to resign."
    assert shown_events(nlp, call, "REQUEST")


@pytest.mark.model
def test_a_subject_of_several_fighting_criticism_is_one_side(nlp: Any) -> None:
    text = (
        "Noting that both Reagan and Trump battled staunch opposition from the media, Schlafly praised Trump."
    )
    fights = [e for e in events_of(nlp, text) if e["text"] == "battled"]
    assert fights and all(not e["recipient"] for e in fights)
    assert all(len(e["actor"]) == 2 for e in fights)


@pytest.mark.model
def test_the_president_is_the_articles_own_countrys_when_one_was_named(nlp: Any) -> None:
    text = (
        "President Obama spoke to American reporters in Washington on Monday about the U.S. economy "
        "and American jobs in Ohio and Texas. Obama said he met with Russian President Vladimir Putin "
        "in Paris. This week, the president criticized the European Union."
    )
    found = shown_events(nlp, text, "ACCUSE")
    assert found and all(_codes(e["actor"]) == {"USA"} for e in found)
    named = f"{text} Later the Russian president criticized the European Union."
    russian = [e for e in shown_events(nlp, named, "ACCUSE") if e["actor"][0]["text"] == "Russian president"]
    assert russian and all(_codes(e["actor"]) == {"RUS"} for e in russian)
