"""The lists' filters are validated and normalised in one place (:mod:`newsgraph.query.filters`)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from newsgraph.extract.thresholds import (
    DEFAULT_MIN_CONFIDENCE,
    DEFAULT_MIN_COUNT_CONFIDENCE,
    DEFAULT_MIN_ENTITY_CONFIDENCE,
    DEFAULT_MIN_QUOTE_CONFIDENCE,
)
from newsgraph.query import (
    ArticleFilter,
    CountFilter,
    EntityFilter,
    EventFilter,
    QuoteFilter,
    RoleFilter,
)


def test_codes_and_kinds_are_normalised() -> None:
    assert EntityFilter(type="person", country=" usa ").model_dump() == {
        "q": None,
        "type": "PERSON",
        "country": "USA",
        "min_confidence": DEFAULT_MIN_ENTITY_CONFIDENCE,
    }
    assert EventFilter(type="assault", quad="Material Conflict", country="syr").quad == "material conflict"
    assert QuoteFilter(kind="Direct", country="sau").kind == "direct"
    assert ArticleFilter(language=" DE ", country="ind").language == "de"
    assert RoleFilter(affiliation="usa").affiliation == "USA"
    assert CountFilter(unit="usd").unit == "USD"
    assert CountFilter(unit="Percent").unit == "percent"


def test_blank_is_no_filter_and_blank_confidence_the_default() -> None:
    assert EntityFilter(q=" ", type="").q is None
    assert QuoteFilter(min_confidence="").min_confidence == DEFAULT_MIN_QUOTE_CONFIDENCE
    assert EventFilter(min_confidence=" ").min_confidence == DEFAULT_MIN_CONFIDENCE
    assert EventFilter(min_confidence=0).min_confidence == 0
    assert EntityFilter(min_confidence="").min_confidence == DEFAULT_MIN_ENTITY_CONFIDENCE
    assert CountFilter(min_confidence=" ").min_confidence == DEFAULT_MIN_COUNT_CONFIDENCE


@pytest.mark.parametrize(
    "make",
    [
        lambda: EventFilter(min_confidence=1.5),
        lambda: QuoteFilter(min_confidence=-0.1),
        lambda: ArticleFilter(min_relevance=2),
        lambda: EventFilter(date_from="2024-02-01", date_to="2024-01-01"),  # the end before the start
        lambda: EntityFilter(name="Blinken"),
        lambda: QuoteFilter(date_from="yesterday"),
    ],
)
def test_bad_values_are_refused(make: object) -> None:
    with pytest.raises(ValidationError):
        make()  # type: ignore[operator]


def test_dates_parse() -> None:
    f = EventFilter(date_from="2024-01-01", date_to="2024-01-01")
    assert f.date_from == f.date_to == dt.date(2024, 1, 1)


def test_facts_only_takes_a_form_checkbox() -> None:
    assert EventFilter(facts_only="true").facts_only is True
    assert EventFilter(facts_only="").facts_only is False
    assert EventFilter().facts_only is False
    with pytest.raises(ValidationError):
        EventFilter(facts_only="maybe")
