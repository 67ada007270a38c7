from __future__ import annotations

from typing import Any

import pytest
from lxml import html as lxml_html

from newsgraph.readers.headline import page_headline, strip_site


def tree(head: str, body: str = "") -> Any:
    return lxml_html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Minister resigns | TechCrunch", ["TechCrunch"], "Minister resigns"),
        (
            "Minister resigns - Times of India",
            ["timesofindia.indiatimes.com", "timesofindia"],
            "Minister resigns",
        ),
        ("Minister resigns – CBSSports.com", ["cbssports"], "Minister resigns"),
        ("The Space Review: Seeking a bigger role", ["The Space Review"], "Seeking a bigger role"),
        ("Biden: 'We will win' - Reuters", ["Reuters"], "Biden: 'We will win'"),
        (
            "The Guardian view on Hong Kong | Editorial",
            ["The Guardian"],
            "The Guardian view on Hong Kong | Editorial",
        ),
        ("Talks go on - Analysis - Example News", ["Example News"], "Talks go on - Analysis"),
    ],
)
def test_strip_site_cuts_only_the_sites_name(title: str, sites: list[str], expected: str) -> None:
    assert strip_site(title, sites) == expected


def test_the_displayed_headline_wins_over_a_rewritten_sharing_title() -> None:
    page = tree(
        '<meta property="og:title" content="Prison guards charged over Epstein death">'
        "<title>Prison guards charged over Epstein death - Daily Example</title>",
        "<h1>Daily Example</h1><article><h1>Two federal prison officers charged over "
        "Jeffrey Epstein's death</h1><p>Text.</p></article>",
    )
    assert page_headline(page, "https://www.dailyexample.com/a") == (
        "Two federal prison officers charged over Jeffrey Epstein's death"
    )


def test_a_logo_heading_is_not_the_headline() -> None:
    page = tree(
        '<meta property="og:site_name" content="Kabar Dunia">'
        '<meta property="og:title" content="Jangan membenci satu kaum">'
        "<title>Jangan membenci satu kaum | Kabar Dunia</title>",
        "<h1>Kabar Dunia</h1><p>Text.</p>",
    )
    assert page_headline(page) == "Jangan membenci satu kaum"


def test_the_site_is_known_from_the_canonical_address_when_the_page_names_none() -> None:
    page = tree(
        '<link rel="canonical" href="https://www.entermedia.co.kr/news/1">'
        "<title>Talks collapse in Seoul - Entermedia</title>",
        "<h1>엔터 미디어</h1>",
    )
    assert page_headline(page) == "Talks collapse in Seoul"


def test_a_json_ld_name_equal_to_the_story_title_is_not_taken_for_the_site() -> None:
    page = tree(
        '<meta property="og:title" content="The man whose duvet nearly killed him: how it was solved">'
        '<script type="application/ld+json">{"@type": "WebSite", '
        '"name": "The man whose duvet nearly killed him: how it was solved"}</script>',
        "<h1>The man whose duvet nearly killed him: how it was solved</h1>",
    )
    assert page_headline(page) == "The man whose duvet nearly killed him: how it was solved"


def test_without_any_title_the_fallback_is_used_without_the_site() -> None:
    page = tree('<meta property="og:site_name" content="Example Post">')
    assert page_headline(page, None, "Storm hits coast | Example Post") == "Storm hits coast"
    assert page_headline(page) is None
