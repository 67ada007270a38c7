"""The one month table: names, abbreviations and numbers."""

from __future__ import annotations

from newsgraph.months import ABBREVIATIONS, FULL_NAMES, MONTHS, month_by_prefix, month_number


def test_every_name_and_abbreviation_has_its_number() -> None:
    assert len(FULL_NAMES) == 12
    assert all(MONTHS[name] == n for n, name in enumerate(FULL_NAMES, 1))
    assert all(MONTHS[abbr] == n for abbr, n in ABBREVIATIONS.items())
    assert len(MONTHS) == 24  # 12 names, 11 distinct three-letter abbreviations ("may"), "sept"


def test_month_number() -> None:
    assert month_number("Sept.") == 9
    assert month_number("SEPTEMBER") == 9
    assert month_number("oct") == 10
    assert month_number("May") == 5
    assert month_number("mayor") is None
    assert month_number("") is None


def test_month_by_prefix() -> None:
    assert month_by_prefix("december") == 12
    assert month_by_prefix("decided") == 12  # a prefix match, as event arguments used it
    assert month_by_prefix("sept") == 9
    assert month_by_prefix("ma") is None
    assert month_by_prefix("week") is None
