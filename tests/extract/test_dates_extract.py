"""Temporal expressions: the normaliser on plain text (no model), then a few runs of the full pipeline."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.extract.dates import duration, find_dates, shift, tokenize
from newsgraph.records import Article, Document
from newsgraph.settings import Settings

JULY_27_2024 = dt.date(2024, 7, 27)  # a Saturday
DEC_15_2017 = dt.date(2017, 12, 15)  # a Friday


def found(
    text: str, published: dt.date | None = JULY_27_2024, tense: str | None = None
) -> list[tuple[Any, ...]]:
    records = find_dates(text, published, tense=lambda s, e: tense)
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]
    return [(r["text"], r["type"], r["value"]) for r in records]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on Saturday.", ("Saturday", "DATE", "2024-07-27")),
        ("They met on Thursday.", ("Thursday", "DATE", "2024-07-25")),
        ("It happened last week.", ("last week", "DATE", "2024-W29")),
        ("The two sides this week reached a deal.", ("this week", "DATE", "2024-W30")),
        ("The talks resume next month.", ("next month", "DATE", "2024-08")),
        ("It rose 5% last year.", ("last year", "DATE", "2023")),
        ("He arrived yesterday.", ("yesterday", "DATE", "2024-07-26")),
        ("They will speak tomorrow.", ("tomorrow", "DATE", "2024-07-28")),
        ("He spoke this morning.", ("this morning", "TIME", "2024-07-27TMO")),
        ("They left last night.", ("last night", "TIME", "2024-07-26TNI")),
        ("Prices fell two weeks ago.", ("two weeks ago", "DATE", "2024-W28")),
        ("It was founded five years ago.", ("five years ago", "DATE", "2019")),
        ("Results for the third quarter were weak.", ("the third quarter", "DATE", "2024-Q3")),
        ("It signed a deal on July 27, 2024.", ("July 27, 2024", "DATE", "2024-07-27")),
        ("The vote was held on 3 March 2021.", ("3 March 2021", "DATE", "2021-03-03")),
        ("Figures for July 1988 were revised.", ("July 1988", "DATE", "1988-07")),
        ("The law passed in 1990.", ("1990", "DATE", "1990")),
        ("Prices peaked in the 1980s.", ("the 1980s", "DATE", "198")),
        ("It lasted two years.", ("two years", "DURATION", "P2Y")),
        ("A five-year plan was adopted.", ("five-year", "DURATION", "P5Y")),
        ("In the last twenty four hours it fell.", ("the last twenty four hours", "DURATION", "PT24H")),
        ("They fought for several months.", ("several months", "DURATION", "PXM")),
        ("They are talking now.", ("now", "DATE", "PRESENT_REF")),
        ("It has recently changed.", ("recently", "DATE", "PAST_REF")),
        ("It costs $5 million a year.", ("a year", "SET", "P1Y")),
        ("Trains run daily.", ("daily", "SET", "P1D")),
        ("The market opens each Thursday.", ("each Thursday", "SET", "XXXX-WXX-4")),
        (
            "The offer expires at 5 p.m. EST, Nov. 6, 2024.",
            ("5 p.m. EST, Nov. 6, 2024", "TIME", "2024-11-06T17:00"),
        ),
        ("Rebels attacked Saturday night.", ("Saturday night", "TIME", "2024-07-27TNI")),
        ("The deal should close by year-end.", ("year-end", "DATE", "2024")),
        ("Exports grew in the first half of 2023.", ("the first half of 2023", "DATE", "2023-H1")),
        ("In nineteen ninety-six the law changed.", ("nineteen ninety-six", "DATE", "1996")),
    ],
)
def test_expressions_resolve_against_the_publication_date(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_a_weekday_is_the_nearest_not_after_the_publication_date() -> None:
    assert found("Tillerson spoke on Friday.", DEC_15_2017) == [("Friday", "DATE", "2017-12-15")]
    assert found("He raised it in a Thursday call.", DEC_15_2017) == [("Thursday", "DATE", "2017-12-14")]
    assert found("They met on Monday.", DEC_15_2017) == [("Monday", "DATE", "2017-12-11")]
    # the future tense looks ahead; "last" and "next" are strict
    assert found("They will meet on Monday.", DEC_15_2017, tense="future") == [
        ("Monday", "DATE", "2017-12-18")
    ]
    assert found("It closed last Friday.", DEC_15_2017) == [("last Friday", "DATE", "2017-12-08")]
    assert found("It opens next Friday.", DEC_15_2017) == [("next Friday", "DATE", "2017-12-22")]


def test_a_month_and_day_take_their_year_from_the_tense() -> None:
    # "Oct. 7" in a July 2024 article: last year's in a past-tense clause, this year's ahead
    assert found("Fighters attacked Israel on Oct. 7.", tense="past") == [("Oct. 7", "DATE", "2023-10-07")]
    assert found("Elections will be held on Oct. 7.", tense="future") == [("Oct. 7", "DATE", "2024-10-07")]
    # no tense: the nearest one, looking back before ahead
    assert found("their sixth meeting since June 23") == [("June 23", "DATE", "2024-06-23")]
    assert found("the treaty of Dec. 1") == [("Dec. 1", "DATE", "2023-12-01")]
    # a deadline just after the publication date stays ahead even in the past tense
    assert found("The offer was extended to Aug. 5.", tense="past") == [("Aug. 5", "DATE", "2024-08-05")]
    # a weekday named with the date picks the year
    assert found("He wrote on Saturday, April 25.", dt.date(1998, 4, 24)) == [
        ("Saturday, April 25", "DATE", "1998-04-25")
    ]


def test_months_named_alone() -> None:
    assert found("Tests went on since April, then paused in September.", DEC_15_2017, tense="past") == [
        ("April", "DATE", "2017-04"),
        ("September", "DATE", "2017-09"),
    ]
    assert found("It renewed tests in November.", DEC_15_2017) == [("November", "DATE", "2017-11")]
    # a name, not a month: no preposition and no date after it
    assert found("Theresa May said so.") == []
    assert found("Trading was halted at midday in May, 2019.") == [
        ("midday", "TIME", "2024-07-27T12:00"),
        ("May, 2019", "DATE", "2019-05"),
    ]


def test_expressions_relative_to_the_last_date_named() -> None:
    text = (
        "The ceasefire began on June 23, 2024. Two days later, fighting resumed. "
        "A year earlier, talks had failed."
    )
    assert found(text, None) == [
        ("June 23, 2024", "DATE", "2024-06-23"),
        ("Two days later", "DATE", "2024-06-25"),
        ("A year earlier", "DATE", "2023"),
    ]
    assert found("Sales fell in the third quarter from a year earlier.") == [
        ("the third quarter", "DATE", "2024-Q3"),
        ("a year earlier", "DATE", "2023-Q3"),
    ]
    assert found("They met two days after June 23.") == [("two days after June 23", "DATE", "2024-06-25")]
    # after an event, not a date: only the duration
    assert found("It spoke on Saturday, two days after its ministers met.") == [
        ("Saturday", "DATE", "2024-07-27"),
        ("two days", "DURATION", "P2D"),
    ]


def test_without_a_publication_date_relative_values_stay_null() -> None:
    records = find_dates("He left on Friday and returns next week, in 2025.", None)
    assert [(r["text"], r["value"], r["anchor"]) for r in records] == [
        ("Friday", None, None),
        ("next week", None, None),
        ("2025", "2025", None),
    ]


def test_anchor_says_what_a_value_was_resolved_against() -> None:
    records = find_dates(
        "On Sept. 1, 2024 the talks began; the following week they stalled on Friday.", JULY_27_2024
    )
    assert [(r["text"], r["anchor"]) for r in records] == [
        ("Sept. 1, 2024", None),
        ("the following week", "date"),
        ("Friday", "published"),
    ]
    assert records[1]["value"] == "2024-W36"


@pytest.mark.parametrize(
    "text",
    [
        "The 63-year-old minister resigned.",  # an age
        "He is 45 years old.",
        "Shares paid a quarterly dividend.",  # a frequency word before a noun
        "Iraq imports about three-quarters of its food.",  # a fraction
        "About 2000 people marched.",  # a number, not a year
        "The Sunday Times reported it.",
    ],
)
def test_not_temporal(text: str) -> None:
    records = find_dates(text, JULY_27_2024, entities=[(4, 16, "ORG")] if "Sunday Times" in text else ())
    assert records == []


def test_tokens_merge_number_words() -> None:
    toks = tokenize("twenty-four hours and two hundred days in nineteen ninety")
    assert [(t.text, t.cls, t.value) for t in toks if t.cls in ("NUM", "YEAR")] == [
        ("twenty-four", "NUM", "24"),
        ("two hundred", "NUM", "200"),
        ("nineteen ninety", "YEAR", "1990"),
    ]


@pytest.mark.parametrize(
    ("value", "n", "unit", "expected"),
    [
        ("1989-Q3", -1, "Y", "1988-Q3"),
        ("1989-Q1", -1, "Q", "1988-Q4"),
        ("2024-02-29", -1, "Y", "2023-02-28"),
        ("2024-07-27", 2, "D", "2024-07-29"),
        ("2024-W01", -1, "W", "2023-W52"),
        ("2024-07", 6, "M", "2025-01"),
        ("2024", 1, "Y", "2025"),
        ("2024", 1, "D", None),  # finer than the value
        ("PAST_REF", 1, "Y", None),
    ],
)
def test_shift_keeps_the_granularity(value: str, n: int, unit: str, expected: str | None) -> None:
    assert shift(value, n, unit) == expected


def test_durations() -> None:
    assert [duration("2", "Y"), duration("X", "H"), duration("30", "MIN"), duration("1", "FN")] == [
        "P2Y",
        "PTXH",
        "PT30M",
        "P2W",
    ]


# -- with the model ------------------------------------------------------------------------------
@pytest.mark.model
def test_pipeline_uses_the_tense_of_the_clause(nlp: Any) -> None:
    from newsgraph.extract.annotations import fact_lists
    from newsgraph.extract.pipeline import prepare_doc

    text = (
        "The war began when Hamas fighters attacked Israel on Oct. 7, killing 1,200 people. "
        "Blinken will visit Beijing on Oct. 9."
    )
    doc = nlp(prepare_doc(nlp, text, published="2024-07-27"))
    dates = {(d["text"], d["value"]) for d in fact_lists(doc)["dates"]}
    assert ("Oct. 7", "2023-10-07") in dates
    assert ("Oct. 9", "2024-10-09") in dates


@pytest.mark.model
def test_seed_with_an_explicit_publication_date(seed_path: Path) -> None:
    from newsgraph.runner.local import extract

    results = list(extract([seed_path], Settings.load(published=DEC_15_2017)))
    first = next(r for r in results if isinstance(r, Article))
    values = {(d["text"], d["value"]) for d in first.dates}
    assert ("Friday", "2017-12-15") in values
    assert ("Thursday", "2017-12-14") in values
    assert ("this week", "2017-W50") in values
    for d in first.dates:
        assert first.text[d["start"] : d["end"]] == d["text"]
    json.dumps(first.dates)  # plain JSON


def test_store_has_typed_date_columns(tmp_path: Path) -> None:
    from newsgraph.records import SourceMap
    from newsgraph.store.db import Store

    text = "He left on Friday."
    doc = Document(source="d.txt", text=text, reader="text", kind="dump", encoding="utf-8", size_bytes=18)
    article = Article(
        id="a1",
        source="d.txt",
        title=None,
        published=DEC_15_2017,
        published_from="user",
        text=text,
        url=None,
        source_map=SourceMap.identity(len(text), 0),
        doc_hash=doc.raw_hash,
        dates=find_dates(text, DEC_15_2017),
    )
    with Store(tmp_path / "s.duckdb") as store:
        store.write(documents=[(doc, 1)], articles=[article], run_id=1)
        rows = store.con.execute('SELECT text, "type", "value" FROM dates').fetchall()
    assert rows == [("Friday", "DATE", "2017-12-15")]
