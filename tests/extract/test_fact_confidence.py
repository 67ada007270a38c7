"""The entity, date and count confidences: one weight table, features that follow their
definitions, and records that carry the confidence."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.extract.count_confidence import after_month, kind_class
from newsgraph.extract.dates import find_dates
from newsgraph.extract.fact_confidence import KINDS, score, weights


def test_every_kind_has_a_bias_and_weights_from_one_table() -> None:
    for kind in KINDS:
        w = weights(kind)
        assert "bias" in w and len(w) > 3, kind
    assert weights("entity")["type_ORG"] < weights("entity")["type_PERSON"]
    assert weights("entity")["model_only"] < 0 < weights("entity")["known"]


def test_the_score_is_the_logistic_of_the_weighted_sum() -> None:
    table = {"bias": 0.0, "a": 2.0}
    assert score("entity", {}, table) == 0.5
    assert score("entity", {"a": 1.0}, table) == 0.881
    assert score("entity", {"unknown": 1.0}, table) == 0.5


def test_a_date_with_its_year_is_surer_than_a_time_of_day() -> None:
    text = "The talks began on March 3, 2015, and ended at 5 p.m. on the next day."
    found = {d["text"]: d for d in find_dates(text, dt.date(2015, 3, 10))}
    full, clock = found["March 3, 2015"], found["5 p.m."]
    assert all(0.0 <= d["confidence"] <= 1.0 for d in found.values())
    assert full["confidence"] > clock["confidence"]


def test_a_relative_date_without_a_publication_date_is_less_sure() -> None:
    with_date = find_dates("He arrived last week.", dt.date(2015, 3, 10))[0]
    without = find_dates("He arrived last week.", None)[0]
    assert without["value"] is None and without["confidence"] < with_date["confidence"]


def test_kind_classes_and_month_names() -> None:
    assert [kind_class(k) for k in ("killed", "troops", "money", "percent", "other")] == [
        "event",
        "group",
        "money",
        "percent",
        "other",
    ]
    text = "FeaturedFebruary 6, 2016. On Feb. 12, in may 5 people fled; Grammar 5 and the 7 stayed."
    assert after_month(text, text.index("6")) and after_month(text, text.index("12"))
    assert not after_month(text, text.index("5 people"))  # "may", the verb
    assert not after_month(text, text.index("5 and")) and not after_month(text, text.index("7"))


@pytest.mark.model
def test_records_carry_the_confidence(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.extract.annotations import doc_counts, doc_dates, doc_entities
    from newsgraph.extract.pipeline import prepare_doc

    text = (
        "Foreign Minister Wang Yi met Antony Blinken in Beijing on Monday. At least 12 people were "
        "killed in the attack, the police said. Acme Widgets rose."
    )
    doc = nlp(prepare_doc(nlp, text, published="2023-06-19"))
    ents = {e.name: e for e in doc_entities(doc)}
    dates, counts = doc_dates(doc), doc_counts(doc)
    assert dates and counts and ents
    for record in (*ents.values(), *dates, *counts):
        assert 0.0 < record.confidence < 1.0
        assert record.as_json()["confidence"] == record.confidence
    assert ents["Wang Yi"].confidence > 0.9  # a full name, a known person with a role
    killed = next(c for c in counts if c.kind == "killed")
    assert killed.confidence > 0.9  # "At least 12 people were killed": qualified, counted noun


@pytest.mark.model
def test_a_number_that_counts_nothing_is_unsure(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.extract.annotations import doc_counts
    from newsgraph.extract.pipeline import prepare_doc

    text = (
        "Paige Lavender 5ptsmoderatorFeaturedFebruary 6, 2016 10:47PMPost-Debate Chat. "
        "Rebels abducted about 80 schoolchildren on Tuesday."
    )
    counts = {c.number_text: c for c in doc_counts(nlp(prepare_doc(nlp, text)))}
    assert counts["80"].confidence > 0.9
    assert counts["6"].confidence < 0.5  # a live blog's time stamp the model did not tag a date
