"""PLOVER events: the tables, the rules on our own sentences, and the seed's events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from evalscripts import load_eval
from newsgraph.extract import plover
from newsgraph.extract.annotations import doc_facts, fact_lists, set_doc_entities, set_entity_spans
from newsgraph.extract.events.when_where import _guess_date
from newsgraph.extract.numbers import parse_number
from newsgraph.extract.pipeline import prepare_doc

# --------------------------------------------------------------------------- tables (no model)


def test_the_sixteen_types_have_quads_and_cameo_roots() -> None:
    types = plover.event_types()
    assert tuple(types) == plover.EVENT_TYPES
    assert {t.quad for t in types.values()} == set(plover.QUADS.values())
    for t in types.values():
        assert plover.QUADS[t.quad_code] == t.quad
        assert 1 <= int(t.cameo) <= 20
    assert types["SANCTION"].quad == "material conflict"  # the type's own section of the manual
    assert plover.cameo_root("ACCUSE", "investigate") == "09"
    assert plover.cameo_root("ASSAULT", "aerial") == "19"
    assert plover.score("AID") == 10


@pytest.mark.parametrize("table", ["verbs", "nouns"])
def test_lexicon_rows_are_valid_and_reachable(table: str) -> None:
    entries = getattr(plover, table)()
    assert len(entries) > 100
    for lemma, rows in entries.items():
        assert lemma == lemma.lower()
        for k, row in enumerate(rows):
            assert row.type is None or row.type in plover.EVENT_TYPES, row
            if row.mode is not None:
                assert plover.mode_info(row.type or "", row.mode) is not None, row
            assert not (not row.conditions and k < len(rows) - 1), f"rows after {lemma} {row} never match"


def test_conditions_parse_and_reject_unknown_kinds() -> None:
    (cond,) = plover.parse_conditions("!obj:asset,fund")
    assert cond.kind == "obj" and cond.negated and cond.values == {"asset", "fund"}
    with pytest.raises(ValueError, match="unknown condition"):
        plover.parse_conditions("color:red")


@pytest.mark.parametrize(
    ("outer", "inner", "inner_mode", "expected"),
    [
        ("REQUEST", "CONSULT", None, ("=", "meet")),
        ("REQUEST", "RETREAT", "release", ("=", "yield")),
        ("THREATEN", "COERCE", "arrest", ("=", "arrest")),
        ("THREATEN", "SANCTION", "discontinue", ("=", "relations")),
        ("AGREE", "ASSAULT", None, ("THREATEN", "violence")),
        ("ACCUSE", "ASSAULT", None, None),
    ],
)
def test_content_rules(outer: str, inner: str, inner_mode: str | None, expected: Any) -> None:
    assert plover.content_of(outer, inner, inner_mode) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,200", 1200), ("some 250", 250), ("2.6 million", 2_600_000), ("five", 5), ("dozens", None)],
)
def test_parse_number(text: str, value: int | None) -> None:
    parsed = parse_number(text, loose=True)
    assert (parsed.value if parsed is not None else None) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saturday", "2024-07-27"),  # published on a Saturday: that day
        ("Thursday", "2024-07-25"),
        ("yesterday", "2024-07-26"),
        ("Oct. 7", "2023-10-07"),  # after the article date: the year before
        ("June 23", "2024-06-23"),
        ("this week", None),
    ],
)
def test_dates_without_the_dates_component(text: str, expected: str | None) -> None:
    assert _guess_date(text, dt.date(2024, 7, 27)) == expected


def test_cue_index_finds_one_and_two_word_cues() -> None:
    cues = plover.mode_cues("ASSAULT")
    assert cues.find(["police", "fire", "tear", "gas"])[0] == "crowd-control"
    assert "aerial" in cues.find(["israeli", "air", "strike"])


# --------------------------------------------------------------------------- rules (model)


def events_of(nlp: Any, text: str, published: str | None = "2024-03-15") -> list[dict[str, Any]]:
    doc = nlp(prepare_doc(nlp, text, published=published))
    found = doc_facts(doc)["events"]
    for ev in found:  # every span points into the text
        for span in (
            ev,
            ev["trigger"],
            *ev["actor"],
            *ev["recipient"],
            *([ev["location"]] if ev["location"] else []),
        ):
            assert doc.text[span["start"] : span["end"]] == span["text"]
        assert (
            0 <= ev["sentence"]["start"] <= ev["start"] < ev["end"] <= ev["sentence"]["end"] <= len(doc.text)
        )
    return found


def codes(refs: list[dict[str, Any]]) -> set[str]:
    return {r["code"] for r in refs if r["code"]}


def only(found: list[dict[str, Any]], etype: str) -> dict[str, Any]:
    hits = [e for e in found if e["event_type"] == etype]
    assert len(hits) == 1, [(e["event_type"], e["text"]) for e in found]
    return hits[0]


@pytest.mark.model
def test_meeting_is_one_consult_with_both_sides_as_actors(nlp: Any) -> None:
    text = "Kenyan Foreign Minister Amina Wekesa met Ugandan President Tom Okello in Nairobi on Monday."
    ev = only(events_of(nlp, text), "CONSULT")
    assert codes(ev["actor"]) == {"KEN", "UGA"} and ev["recipient"] == []
    assert ev["location"]["text"] == "Nairobi"
    assert ev["date"] == "2024-03-11" and ev["date_text"] == "Monday"
    assert ev["quad"] == "verbal cooperation" and ev["cameo"] == "04"
    assert not (ev["negated"] or ev["hypothetical"] or ev["future"])


@pytest.mark.model
def test_request_takes_its_mode_from_what_is_asked(nlp: Any) -> None:
    found = events_of(nlp, "Ghana urged Togo to release the detained journalists.")
    ev = only(found, "REQUEST")
    assert codes(ev["actor"]) == {"GHA"} and codes(ev["recipient"]) == {"TGO"}
    assert ev["mode"] == "yield"
    assert [e["event_type"] for e in found] == ["REQUEST"]  # the release is what is asked, no event


@pytest.mark.model
def test_assault_with_casualties_linked_to_the_count(nlp: Any) -> None:
    doc = nlp(prepare_doc(nlp, "Rebels attacked a village in northern Mali on Sunday, killing 12 civilians."))
    (ev,) = doc_facts(doc)["events"]
    assert ev["event_type"] == "ASSAULT" and ev["magnitudes"] == {"dead": 12}
    assert codes(ev["actor"]) == {"MLI"} and ev["actor"][0]["sector"] == "REB"
    linked = [c for c in fact_lists(doc)["counts"] if c.get("event") == ev["id"]]
    assert linked and linked[0]["value"] == 12


@pytest.mark.model
def test_arrest_by_unnamed_police_of_a_named_place(nlp: Any) -> None:
    ev = only(events_of(nlp, "Police in Lima arrested 25 protesters on Tuesday."), "COERCE")
    assert ev["mode"] == "arrest" and ev["magnitudes"].get("arrested") == 25
    assert ev["actor"][0]["code"] == "PER" and ev["actor"][0]["sector"] == "COP"


@pytest.mark.parametrize(
    ("text", "etype", "flag"),
    [
        ("Peru did not attack the convoy.", "ASSAULT", "negated"),
        ("Argentina could impose new tariffs on Brazilian steel.", "SANCTION", "hypothetical"),
    ],
)
@pytest.mark.model
def test_auxiliary_modes_are_marked_not_dropped(nlp: Any, text: str, etype: str, flag: str) -> None:
    ev = only(events_of(nlp, text), etype)
    assert ev[flag] is True


@pytest.mark.model
def test_future_cooperation_is_agree_and_threats_are_threats(nlp: Any) -> None:
    agree = only(events_of(nlp, "Egypt will host talks with Sudan next week."), "AGREE")
    assert codes(agree["actor"]) == {"EGY"} and codes(agree["recipient"]) == {"SDN"}
    threat = only(events_of(nlp, "Turkey threatened to cut ties with Sweden."), "THREATEN")
    assert threat["mode"] == "relations" and codes(threat["recipient"]) == {"SWE"}
    refused = only(events_of(nlp, "Chile said it would not accept the proposal."), "REJECT")
    assert not refused["negated"] and codes(refused["actor"]) == {"CHL"}


@pytest.mark.model
def test_a_conditional_retreat_aimed_at_nobody_is_a_promise_not_a_threat(nlp: Any) -> None:
    found = events_of(nlp, "Russian President Ivan Petrov said he would resign if the referendum failed.")
    assert "THREATEN" not in {e["event_type"] for e in found}
    promise = only(found, "CONCEDE")
    assert promise["future"] and codes(promise["actor"]) == {"RUS"}
    ultimatum = events_of(nlp, "Nigeria will withdraw its troops from Chad unless a ceasefire is agreed.")
    assert codes(only(ultimatum, "THREATEN")["recipient"]) == {"TCD"}


@pytest.mark.model
def test_statements_in_quotes_are_events_of_their_speaker(nlp: Any) -> None:
    ev = only(
        events_of(
            nlp, 'Norwegian Prime Minister Erik Dahl said: "We demand that Russia withdraw its troops."'
        ),
        "REQUEST",
    )
    assert codes(ev["actor"]) == {"NOR"} and codes(ev["recipient"]) == {"RUS"} and ev["quote"] == 0
    must = only(
        events_of(nlp, '"Iran must stop enriching uranium," said French Foreign Minister Paul Girard.'),
        "REQUEST",
    )
    assert codes(must["actor"]) == {"FRA"} and codes(must["recipient"]) == {"IRN"}


@pytest.mark.model
def test_compound_actors_and_several_events_in_one_sentence(nlp: Any) -> None:
    ev = only(events_of(nlp, "France and Germany condemned the attack."), "ACCUSE")
    assert codes(ev["actor"]) == {"FRA", "DEU"}
    found = events_of(nlp, "Serbia recalled its ambassador from Croatia and accused Zagreb of spying.")
    assert {e["event_type"] for e in found} == {"SANCTION", "ACCUSE"}
    assert codes(only(found, "ACCUSE")["recipient"]) == {"HRV"}
    assert [e["id"] for e in found] == ["v1", "v2"]


@pytest.mark.model
def test_no_event_in_a_plain_statement(nlp: Any) -> None:
    assert events_of(nlp, "The weather in Oslo was mild and the museum opened a new wing.") == []


# --------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed_events(seed_path: Path) -> list[tuple[dict[str, Any], str]]:
    from newsgraph.runner.local import extract

    return [(e, a.text) for a in extract([seed_path]) if hasattr(a, "events") for e in a.events]


def find(
    seed: list[tuple[dict[str, Any], str]], etype: str, actors: set[str], recipients: set[str] | None = None
) -> list[dict[str, Any]]:
    return [
        e
        for e, _ in seed
        if e["event_type"] == etype
        and codes(e["actor"]) >= actors
        and (recipients is None or codes(e["recipient"]) >= recipients)
    ]


@pytest.mark.model
@pytest.mark.shared
def test_seed_targets(seed_events: list[tuple[dict[str, Any], str]]) -> None:
    request = find(seed_events, "REQUEST", {"USA"}, {"PRK"})
    assert request and any(
        "weapons testing" in t[e["sentence"]["start"] : e["sentence"]["end"]]
        for e, t in seed_events
        if e in request
    )
    frozen = [e for e in find(seed_events, "SANCTION", {"JPN"}, {"PRK"}) if e["text"] == "frozen"]
    assert frozen and not frozen[0]["negated"]
    phone = [e for e in find(seed_events, "CONSULT", {"USA", "RUS"}) if e["mode"] == "phone"]
    assert phone
    laos = [
        e
        for e in find(seed_events, "CONSULT", {"USA", "CHN"})
        if e["location"] and e["location"]["text"] == "Laos"
    ]
    assert laos and laos[0]["date"] == "2024-07-27"
    assert any(e["text"] == "criticizing" for e in find(seed_events, "ACCUSE", {"USA"}, {"CHN"}))
    assert find(seed_events, "AGREE", {"PHL", "CHN"})
    (oct7,) = [e for e in find(seed_events, "ASSAULT", set(), {"ISR"}) if e["date_text"] == "Oct. 7"]
    assert oct7["magnitudes"] == {"dead": 1200, "abducted": 250}
    assert codes(oct7["actor"]) == {"PSE"}
    hwasong = [
        e
        for e, t in seed_events
        if e["event_type"] == "MOBILIZE" and "Hwasong-15" in t[e["sentence"]["start"] : e["sentence"]["end"]]
    ]
    assert hwasong and all(codes(e["actor"]) == {"PRK"} for e in hwasong)


#: Floors a little under the figures measured on the PLOVER dev records (docs/events.md); lower
#: them only on purpose.
FLOORS = {"type_accuracy": 0.78, "actor_accuracy": 0.78, "recipient_accuracy": 0.72}


@pytest.mark.model
@pytest.mark.shared
def test_plover_dev_floors() -> None:
    root = Path(__file__).resolve().parents[2]
    gold = root.parent / "shared" / "eval" / "events" / "plover-gsr-dev.json"
    if not gold.exists():
        pytest.skip(f"{gold} is absent")
    module = load_eval("events")
    results, _ = module.run(module.load_gold(gold))
    summary = module.summarise(results)
    for name, floor in FLOORS.items():
        assert summary[name] >= floor, f"{name} fell to {summary[name]:.3f}"


@pytest.mark.model
def test_plural_pronoun_whose_group_is_a_pronoun_again_does_not_recurse(nlp: Any) -> None:
    # this sentence sent "their" -> "the rigs and their drivers" -> "their" ... into a RecursionError
    text = (
        "In 2007, Mexico accepted the George W. Bush administration's request to cooperate in a pilot "
        "program that allowed a few Mexican trucks over the border, to prove that the rigs and their "
        "drivers posed no undue safety threat to the United States.\n"
    )
    doc = nlp(prepare_doc(nlp, text))
    events = doc_facts(doc)["events"]
    assert any(v["event_type"] == "AGREE" or v["event_type"] == "COOPERATE" for v in events), events


@pytest.mark.model
def test_recipients_in_a_dative_or_a_group_described_by_a_participle(nlp: Any) -> None:
    aid = only(
        events_of(nlp, "Japan is supplying medical equipment and other aid to Nepal, which is rebuilding."),
        "AID",
    )
    assert codes(aid["actor"]) == {"JPN"} and codes(aid["recipient"]) == {"NPL"}
    offer = only(
        events_of(nlp, "Canada will provide food to refugees fleeing the fighting in Sudan."), "AGREE"
    )
    assert codes(offer["recipient"]) == {"SDN"} and offer["recipient"][0]["sector"] == "REF"
    torture = only(
        events_of(nlp, "Soldiers in Chad have tortured dozens of Sudanese and Nigerien migrants."), "ASSAULT"
    )
    assert codes(torture["actor"]) == {"TCD"} and codes(torture["recipient"]) == {"SDN", "NER"}
    refused = only(events_of(nlp, "Hungary refused entry to Syrian refugees."), "REJECT")
    assert codes(refused["recipient"]) == {"SYR"}


@pytest.mark.model
def test_threat_of_a_measure_in_a_place_is_directed_at_its_country(nlp: Any) -> None:
    ev = only(events_of(nlp, "The Nigerian government threatened to impose a curfew in Lagos."), "THREATEN")
    assert codes(ev["actor"]) == {"NGA"} and codes(ev["recipient"]) == {"NGA"}


@pytest.mark.model
def test_measure_named_in_the_object_takes_the_state_subject_as_actor(nlp: Any) -> None:
    found = events_of(nlp, "President Omar Diallo on Friday eased the nightly curfew imposed in Guinea.")
    curfew = only(found, "COERCE")
    assert codes(curfew["actor"]) == {"GIN"} and curfew["actor"][0]["sector"] == "GOV"
    eased = only(found, "CONCEDE")  # those the curfew was imposed on, not its own actor
    assert codes(eased["recipient"]) == {"GIN"}
    assert not {r["entity"] for r in eased["recipient"]} & {a["entity"] for a in eased["actor"]}
    # who defies a curfew did not impose it
    defied = events_of(nlp, "Protesters in Guinea defied the curfew imposed in Conakry.")
    assert only(defied, "COERCE")["actor"] == []


@pytest.mark.model
def test_relative_pronoun_recipient_takes_the_office_holders_country(nlp: Any) -> None:
    found = events_of(nlp, "Rebels in Mali released President Ali Toure, whom they had abducted in March.")
    assert codes(only(found, "ASSAULT")["recipient"]) == {"MLI"}


@pytest.mark.model
def test_country_names_the_entity_step_missed_are_still_actors(nlp: Any) -> None:
    doc = nlp(
        prepare_doc(nlp, "Turkmenistan finally reopened the bridge. Bosnian Serbs demanded a new vote.")
    )
    set_doc_entities(doc, ())  # as if the entity step had found nothing
    set_entity_spans(doc, [])
    found = nlp.get_pipe("newsgraph_events").match(doc)
    reopened = only(found, "RETREAT")
    assert codes(reopened["actor"]) == {"TKM"} and reopened["actor"][0]["sector"] == "GOV"
    demanded = only(found, "REQUEST")  # people of the place named first, not the state
    assert codes(demanded["actor"]) == {"BIH"} and demanded["actor"][0]["sector"] == "CVL"
    doc = nlp(prepare_doc(nlp, "Recent Pakistani drone attacks have killed at least eight militants."))
    set_doc_entities(doc, ())
    set_entity_spans(doc, [])
    killed = only(nlp.get_pipe("newsgraph_events").match(doc), "ASSAULT")
    assert codes(killed["actor"]) == {"PAK"}


@pytest.mark.model
def test_protest_is_directed_at_whom_its_demand_names(nlp: Any) -> None:
    text = "Exiles in London staged a protest to demand the resignation of the Iranian president."
    ev = only(events_of(nlp, text), "PROTEST")
    assert codes(ev["recipient"]) == {"IRN"}  # not the country of the place (GBR)
    text = "Religious hardliners staged a hunger strike to demand the resignation of the Egyptian president."
    strike = only(events_of(nlp, text), "PROTEST")  # protesters of no country named: of that one
    assert codes(strike["actor"]) == {"EGY"} and strike["actor"][0]["sector"] == "CVL"
    assert codes(strike["recipient"]) == {"EGY"}


@pytest.mark.model
def test_recipients_named_in_the_purpose_or_the_carrier_of_an_event(nlp: Any) -> None:
    mobilized = only(
        events_of(nlp, "Poland mobilized reservists for a possible offensive against Belarus."), "MOBILIZE"
    )
    assert codes(mobilized["actor"]) == {"POL"} and codes(mobilized["recipient"]) == {"BLR"}
    mediation = only(
        events_of(nlp, "Norway launched a mediation effort between Ethiopia and Eritrea."), "CONSULT"
    )
    assert codes(mediation["actor"]) | codes(mediation["recipient"]) == {"NOR", "ETH", "ERI"}
    asked = only(
        events_of(nlp, "Kenya demanded a ceasefire with Somali militias along the border."), "REQUEST"
    )
    assert codes(asked["recipient"]) == {"SOM"}
    refused = only(events_of(nlp, "Peru refused to deploy troops in Haiti."), "REJECT")
    assert codes(refused["recipient"]) == {"HTI"}


@pytest.mark.model
def test_named_recipient_of_no_known_country_is_of_the_articles_country(nlp: Any) -> None:
    text = "The Venezuelan government ordered the opposition newspaper El Diario to close."
    ev = only(events_of(nlp, text), "REQUEST")
    assert codes(ev["recipient"]) == {"VEN"}


@pytest.mark.model
def test_event_of_a_purpose_clause_is_directed_where_they_were_sent(nlp: Any) -> None:
    text = "Egypt sent a team of experts to Libya on Monday to investigate the crash."
    ev = only(events_of(nlp, text), "ACCUSE")
    assert ev["mode"] == "investigate" and codes(ev["recipient"]) == {"LBY"}


@pytest.mark.model
def test_cooperation_is_for_whom_its_purpose_clause_names(nlp: Any) -> None:
    text = "Turkmenistan reopened its border on Friday to allow the delivery of food to Afghanistan."
    ev = only(events_of(nlp, text), "RETREAT")
    assert codes(ev["actor"]) == {"TKM"} and codes(ev["recipient"]) == {"AFG"}


@pytest.mark.model
def test_candidates_read_from_the_arrays_match_a_token_loop(nlp: Any) -> None:
    """The candidate scan reads the doc's arrays; it finds what a plain loop over the tokens finds."""
    from spacy.symbols import ADJ, NOUN, PROPN, VERB

    from newsgraph.extract.events.candidates import find_candidates
    from newsgraph.extract.events.syntax import verb_forms

    text = (
        "Protesters staged a rally as police detained 12 journalists. The government must lift the "
        "curfew, the UN urged on Monday, calling the frozen assets a violation. Talks were held in "
        "Geneva and nothing but promises came of them; officials vowed to retaliate and the army "
        "shelled the town."
    )
    doc = nlp(prepare_doc(nlp, text, published="2024-03-14"))
    lex = nlp.get_pipe("newsgraph_events").lexicon
    expected = []
    for tok in doc:
        pos = tok.pos
        if pos in (VERB, ADJ) and (tok.dep_ == "amod" or (pos == ADJ and tok.lower not in lex.verb_keys)):
            continue
        if pos == VERB and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "compound", "attr"):
            pos = NOUN
        if pos in (VERB, ADJ):
            inflected = pos == VERB and tok.tag_ != "VB"
            if (
                tok.lemma in lex.verb_keys
                or tok.lower in lex.verb_keys
                or (inflected and any(f in lex.verbs for f in verb_forms(tok)[1:]))
            ):
                expected.append((tok.i, "verb"))
        elif pos in (NOUN, PROPN):
            if tok.lemma in lex.noun_keys or tok.lower in lex.noun_keys:
                expected.append((tok.i, "noun"))
        elif tok.lower in lex.deontic_keys and tok.dep_ == "aux":
            expected.append((tok.i, "deontic"))
    found = [(t.i, kind) for t, kind in find_candidates(lex, doc)]
    assert found == expected
    assert {kind for _, kind in found} == {"verb", "noun", "deontic"}
