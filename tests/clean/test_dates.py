from __future__ import annotations

import datetime as dt

from newsgraph.clean.dates import find_full_dates, infer_published, weekday_mentions


def test_find_full_dates_formats() -> None:
    found = [
        d for d, _, _ in find_full_dates("On July 27, 2024, 3 Aug. 2023 and 2021-02-03, not 2020-13-40.")
    ]
    assert found == [dt.date(2024, 7, 27), dt.date(2023, 8, 3), dt.date(2021, 2, 3)]


def test_caption_date_confirmed_by_weekday() -> None:
    caption = "A minister speaks in Vientiane, Laos, July 27, 2024."
    body = "The minister met his counterpart on Saturday. Saturday's forum followed."
    assert infer_published(captions=[caption], body=body) == dt.date(2024, 7, 27)


def test_caption_from_the_day_before_moves_to_the_weekday() -> None:
    caption = "Delegates arrive in Rome, July 26, 2024."  # a Friday
    assert infer_published(captions=[caption], body="The deal was signed on Saturday.") == dt.date(
        2024, 7, 27
    )


def test_no_weekday_no_guess() -> None:
    assert infer_published(captions=["In Rome, July 26, 2024."], body="The deal was signed.") is None
    assert infer_published(captions=[], body="On Friday talks began.") is None


def test_dateline_wins() -> None:
    assert infer_published(datelines=["Monday, 3 March 2025"], captions=[], body="") == dt.date(2025, 3, 3)


def test_weekday_mentions() -> None:
    assert weekday_mentions("on Friday and Friday's vote, then Monday")[4] == 2
