"""The HTML pages, in process: each renders, has a JSON twin that agrees with it, escapes every
piece of article text, and the static files cannot be used to read other files."""

from __future__ import annotations

import json
from urllib.parse import unquote

import lxml.html
import pytest
from fastapi.testclient import TestClient
from webdata import HOSTILE_ID, SCRIPT, items

from newsgraph.records import Article

PAGES = ["/", "/articles", "/entities", "/quotes", "/events", "/network", "/counts", "/api/docs"]


def html(client: TestClient, url: str, status: int = 200) -> lxml.html.HtmlElement:
    r = client.get(url)
    assert r.status_code == status, (url, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(r.text)


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_its_json_twin(client: TestClient, url: str) -> None:
    page = html(client, url)
    assert page.xpath("//header//nav/a")
    twin = page.xpath("//link[@rel='alternate'][@type='application/json']/@href")
    assert twin == ["/api" + ("" if url == "/" else url)]
    if url != "/api/docs":
        r = client.get(twin[0])
        assert r.status_code == 200 and r.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    ("url", "xpath", "key"),
    [
        ("/articles?per_page=7&page=2", "//ol[@class='results']//a[@class='article']/@href", "id"),
        ("/entities?per_page=9&type=PERSON", "//table[@class='entities']//a[@class='entity']/@href", "key"),
        ("/quotes?per_page=5&q=door", "//ul[@class='quotes']//a[@class='article']/@href", "article_id"),
        (
            "/events?per_page=6&type=ACCUSE",
            "//table[@class='events']//a[@class='article']/@href",
            "article_id",
        ),
        (
            "/counts?per_page=8&kind=killed",
            "//table[@class='counts']//a[@class='article']/@href",
            "article_id",
        ),
    ],
)
def test_page_and_twin_show_the_same_rows(client: TestClient, url: str, xpath: str, key: str) -> None:
    page = html(client, url)
    shown = [unquote(h.split("/")[-1].split("#")[0]) for h in page.xpath(xpath)]
    twin = page.xpath("//link[@rel='alternate']/@href")[0]
    rows = items(client.get(twin).json())
    assert rows and shown == [r[key] for r in rows]


def test_pager_links_move_through_the_pages(client: TestClient) -> None:
    page = html(client, "/articles?per_page=10")
    nxt = page.xpath("//a[@rel='next']/@href")[0]
    assert "page=2" in nxt and "per_page=10" in nxt
    second = html(client, nxt)
    assert second.xpath("//a[@rel='prev']/@href")
    assert "page 2 of" in second.xpath("string(//nav[@class='pager'])")


def test_filters_keep_their_values(client: TestClient) -> None:
    page = html(client, "/quotes?q=door&country=USA&date_from=2023-01-01")
    assert page.xpath("//form[@class='filters']//input[@name='q']/@value") == ["door"]
    assert page.xpath("//select[@name='country']/option[@selected]/@value") == ["USA"]
    assert page.xpath("//input[@name='date_from']/@value") == ["2023-01-01"]
    empty = html(client, "/articles?q=&source=&date_from=&country=")  # an empty form is no filter
    assert empty.xpath("string(//nav[@class='pager']/span)").startswith("41 results")


def test_article_marks_every_fact(client: TestClient, synthetic: list[Article]) -> None:
    a = synthetic[2]
    page = html(client, f"/articles/{a.id}")
    text = page.get_element_by_id("article-text")
    assert text.text_content() == a.text  # marks add no characters
    refs = set(text.xpath(".//mark/@data-fact"))
    for kind, facts in a.facts():
        for n in range(len(facts)):
            assert f"{kind}:{n}" in refs, (kind, n)
    person = next(e for e in a.entities if e["type"] == "PERSON")
    n = a.entities.index(person)
    marks = text.xpath(f".//mark[@data-fact='entities:{n}']")
    assert len(marks) == len(person["mentions"])
    assert all("t-person" in m.get("class") for m in marks)
    quote = text.xpath(".//mark[@data-fact='quotes:0'][contains(@class, 'f-quote')]")
    assert "".join(m.text_content() for m in quote) == a.quotes[0]["text"]
    assert text.xpath(".//mark[@data-fact='quotes:0'][contains(@class, 'f-speaker')]")
    assert page.xpath("//tr[@id='quotes-0']//a[@class='entity']")
    facts = json.loads(page.get_element_by_id("facts-data").text)
    assert facts["events"][0] == a.events[0]


def test_article_text_captions_and_metadata_are_escaped(client: TestClient) -> None:
    r = client.get(f"/articles/{HOSTILE_ID}")
    assert r.status_code == 200
    body = r.text
    assert SCRIPT not in body and "<img src=x" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(" in body
    page = lxml.html.fromstring(body)
    scripts = page.xpath("//script")
    assert all(
        s.get("src", "").startswith("/static/") or s.get("type") == "application/json" for s in scripts
    )
    assert not page.xpath("//img") and not page.xpath("//*[@onerror]")
    assert "javascript:" not in "".join(page.xpath("//a/@href"))
    assert SCRIPT in page.xpath("string(//h1)")
    assert SCRIPT in page.xpath("string(//li[@class='caption'])")
    assert page.get_element_by_id("article-text").text_content().startswith(f"Mallory {SCRIPT}")
    island = page.get_element_by_id("facts-data").text
    assert "</script" not in island.lower() and "\\u003c/script\\u003e" in island
    assert json.loads(island)["quotes"][0]["text"].startswith("</script><img")


@pytest.mark.parametrize(
    "url",
    [
        "/articles",
        f"/articles?q={HOSTILE_ID[:0]}mallory",
        "/entities?q=mallory",
        "/entities/PERSON:mallory",
        "/quotes?q=win",
        "/counts?kind=protesters",
        "/network?quad=quote",
        "/",
    ],
)
def test_lists_escape_article_text(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200
    assert SCRIPT not in r.text and "<img src=x" not in r.text


def test_error_pages(client: TestClient) -> None:
    page = html(client, "/articles/nope", 404)
    assert "no article" in page.xpath("string(//p[@class='error-message'])")
    page = html(client, "/articles?page=abc", 400)
    assert page.xpath("//ul[@class='error-details']/li/code/text()") == ["page"]
    page = html(client, "/entities/PERSON:nobody%3Cscript%3E", 404)
    assert "<script>" not in lxml.html.tostring(page, encoding="unicode").split("<main")[1]


@pytest.mark.parametrize(
    "path",
    [
        "/static/../queries.py",
        "/static/%2e%2e/queries.py",
        "/static/..%2fqueries.py",
        "/static/%2e%2e%2f%2e%2e%2fstore/db.py",
        "/static/vendor/../../app.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/..%5c..%5capp.py",
    ],
)
def test_static_files_cannot_escape_their_folder(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "import" not in r.text and "root:" not in r.text


def test_static_and_vendored_files_are_served(client: TestClient) -> None:
    assert "mark" in client.get("/static/style.css").text
    lib = client.get("/static/vendor/cytoscape.min.js")
    assert lib.status_code == 200 and len(lib.content) > 100_000
    assert "MIT" in client.get("/static/vendor/cytoscape.LICENSE").text or "Permission is hereby" in (
        client.get("/static/vendor/cytoscape.LICENSE").text
    )


def test_pages_load_nothing_from_elsewhere(client: TestClient, synthetic: list[Article]) -> None:
    for url in [*PAGES, f"/articles/{synthetic[0].id}"]:
        page = html(client, url)
        for attr in page.xpath("//script/@src | //link/@href | //img/@src"):
            assert attr.startswith("/"), (url, attr)


def test_entity_page_links_to_filtered_lists(client: TestClient) -> None:
    top = items(client.get("/api/entities", params={"type": "PERSON"}).json())[0]
    page = html(client, f"/entities/{top['key']}")
    assert top["name"] in page.xpath("string(//h1)")
    links = page.xpath("//a/@href")
    assert any(h.startswith("/events?actor=") for h in links)
    assert any(h.startswith("/articles?entity=") for h in links)
    for h in links:
        if h.startswith(("/events?actor=", "/quotes?speaker_key=", "/articles?entity=")):
            assert client.get(h).status_code == 200


def test_events_page_has_a_min_confidence_control(client: TestClient) -> None:
    page = html(client, "/events?per_page=200")
    assert page.xpath("//form[@class='filters']//input[@name='min_confidence']/@value") == ["0.5"]
    shown = [
        float(s.split()[-1]) for s in page.xpath("//table[@class='events']//span[@class='confidence']/text()")
    ]
    assert shown and min(shown) >= 0.5
    total = page.xpath("string(//nav[@class='pager']/span)")
    every = html(client, "/events?per_page=200&min_confidence=0")
    assert every.xpath("//input[@name='min_confidence']/@value") == ["0"]
    low = [float(s.split()[-1]) for s in every.xpath("//span[@class='confidence']/text()")]
    assert min(low) < 0.5
    assert every.xpath("string(//nav[@class='pager']/span)") != total
    # the pager keeps the threshold
    nxt = html(client, "/events?per_page=5&min_confidence=0.7").xpath("//a[@rel='next']/@href")[0]
    assert "min_confidence=0.7" in nxt


def test_articles_page_shows_and_filters_relevance(client: TestClient, synthetic: list[Article]) -> None:
    page = html(client, "/articles?per_page=200&min_relevance=0.5")
    assert page.xpath("//input[@name='min_relevance']/@value") == ["0.5"]
    values = [
        float(s.split()[-1]) for s in page.xpath("//ol[@class='results']//span[@class='relevance']/text()")
    ]
    scored = [a for a in synthetic if a.relevance is not None]
    assert len(values) == sum(1 for a in scored if a.relevance >= 0.5) and min(values) >= 0.5
    assert html(client, "/articles").xpath("//input[@name='min_relevance']/@value") == [""]
    article = html(client, f"/articles/{scored[0].id}")
    assert article.xpath("string(//dd[@class='relevance'])") == f"{scored[0].relevance:.2f}"
