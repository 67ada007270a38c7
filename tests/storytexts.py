"""Two invented news texts on one topic (one must never be taken for a copy of the other) and an
article maker, for the story and cluster tests."""

from __future__ import annotations

import datetime as dt

from newsgraph.records import Article, SourceMap

STORY = (
    "The central bank of Freedonia raised its main interest rate by half a percentage point on "
    "Thursday, the third increase this year, as inflation climbed to its highest level in a decade. "
    "Governor Ana Ruiz told reporters in the capital that prices for food and fuel had risen faster "
    "than the bank expected and that further increases could not be ruled out. Economists had "
    "expected a smaller move. The decision was taken unanimously by the seven members of the "
    "monetary policy committee, according to a statement published after the meeting. The "
    "currency rose against the dollar after the announcement, while shares of exporters fell. "
    "Opposition lawmakers said the government had ignored warnings about rising prices for months "
    "and called on the finance minister to appear before parliament next week to explain the budget."
)
#: Same topic, same day, another story: what must stay apart.
OTHER = (
    "Freedonia's finance minister defended the government's budget on Friday, a day after the "
    "central bank raised interest rates to fight inflation. Speaking at a business forum, Minister "
    "Paul Marsh said spending on fuel subsidies would be cut gradually and that the deficit would "
    "fall below three percent of output by next year. Business leaders at the forum said higher "
    "borrowing costs would hurt small firms, and a union leader warned of strikes if wages did not "
    "keep pace with prices. The minister agreed to appear before parliament next week to answer "
    "questions from opposition lawmakers about the budget and about inflation."
)


def article(aid: str, text: str, url: str | None = None, title: str = "t") -> Article:
    return Article(
        id=aid,
        source=f"{aid}.txt",
        title=title,
        published=dt.date(2025, 1, 2),
        published_from=None,
        text=text,
        url=url,
        source_map=SourceMap.identity(len(text)),
    )
