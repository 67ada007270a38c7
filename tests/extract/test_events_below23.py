"""Events just below the threshold (session 20, branch ev23below): the candidate signs of
``eval/events_below.py`` that were measured on judged fresh text, and what the study left as it
was. No sign held on both groups of fresh text (docs/history/events.md, "Session 20, branch
ev23below"), so the confidence is unchanged: the last tests pin that a sign the study rejected
earns nothing."""

from __future__ import annotations

from typing import Any

import pytest

from evalscripts import load_eval
from newsgraph.extract.annotations import doc_facts
from newsgraph.extract.events.confidence import DEFAULT_MIN_CONFIDENCE
from newsgraph.extract.pipeline import prepare_doc

below = load_eval("events_below")


def _signs(nlp: Any, text: str) -> list[tuple[str, str, dict[str, bool], float]]:
    """(trigger, type, signs, confidence) of every fact event of the text."""
    with below.captured() as seen:
        doc = nlp(prepare_doc(nlp, text, published="2024-03-15"))
        out = []
        for e in doc_facts(doc)["events"]:
            got = seen.get((int(e["start"]), str(e["event_type"])))
            if got is not None and not (e.get("negated") or e.get("hypothetical") or e.get("future")):
                out.append((e["text"], e["event_type"], below.signs(e, got[1]), e["confidence"]))
    return out


def _of(found: list[tuple[str, str, dict[str, bool], float]], trigger: str) -> tuple[dict[str, bool], float]:
    hits = [(s, c) for t, _, s, c in found if t == trigger]
    assert hits, f"no event {trigger!r} in {[t for t, *_ in found]}"
    return hits[0]


def test_the_lead_is_the_first_two_sentences(nlp: Any) -> None:
    text = (
        "The French government condemned Russia on Monday. The weather in Paris was mild. "
        "Markets were quiet. Officials said Germany criticized Russia over the blockade."
    )
    found = _signs(nlp, text)
    assert _of(found, "condemned")[0]["lead"]
    assert not _of(found, "criticized")[0]["lead"]


def test_a_day_of_its_own_the_past_and_the_main_clause(nlp: Any) -> None:
    found = _signs(nlp, "The French government condemned Russia on Monday.")
    signs, _ = _of(found, "condemned")
    assert signs["dated"] and signs["past"] and signs["main_clause"] and signs["subject_doer"]
    assert signs["political_body"] and not signs["political_person"]
    assert signs["political_recipient"] and signs["foreign_recipient"]


def test_a_clause_a_verb_of_saying_reports(nlp: Any) -> None:
    found = _signs(nlp, "Officials in Berlin said Germany criticized Russia over the blockade.")
    signs, _ = _of(found, "criticized")
    assert signs["reported"] and not signs["main_clause"]


def test_a_named_politician_as_the_doer(nlp: Any) -> None:
    found = _signs(nlp, "French President Emmanuel Macron criticized Russia over the blockade on Tuesday.")
    signs, _ = _of(found, "criticized")
    assert signs["political_person"]


def test_the_report_counts_each_group_with_and_without_a_sign() -> None:
    events = [
        ("wire", 0.475, {"lead", "has:how_verb"}, True),
        ("wire", 0.475, {"has:how_verb"}, False),
        ("wire", 0.8, {"lead"}, False),  # outside the band
        ("polnear", 0.354, {"lead"}, False),
    ]
    lines = below.report(events, 0.3, 0.5)
    assert lines[0] == "band 0.3-0.5: polnear 0/1  wire 1/2"
    lead = next(line for line in lines if line.strip().startswith("lead "))
    assert "polnear: with     0/1 without     0/0" in lead
    assert "wire: with     1/1 without     0/1" in lead


def test_pairs_need_enough_judged_events_in_every_group() -> None:
    events = [("wire", 0.4, {"a", "b"}, True)] * 5 + [("polnear", 0.4, {"a", "b"}, True)] * 4
    assert below.pairs(events, 0.3, 0.5) == []
    events += [("polnear", 0.4, {"a"}, False)]
    assert below.pairs(events, 0.3, 0.5, least=4)[0].split()[0] == "a+b"


@pytest.mark.parametrize(
    "text",
    [
        # a political doer and a verb of several senses with nobody on the other side, first in
        # the text or fourth: the lead earned no weight (fresh text: 18 of 42 right)
        "The Kenyan parliament voted against the bill on Tuesday. It rained. Markets were quiet.",
        "It rained. Nobody came. Markets were calm. The Kenyan parliament voted against the bill on Tuesday.",
    ],
)
def test_the_lead_earns_no_weight(nlp: Any, text: str) -> None:
    signs, confidence = _of(_signs(nlp, text), "voted")
    assert signs["lead"] == text.startswith("The Kenyan")
    assert confidence < DEFAULT_MIN_CONFIDENCE
