"""Issue 18's features in a real headless Chromium: the map (points drawn, a filter changes them, a
click opens the events behind a point), downloads (the CSV of a filtered view matches its JSON
twin), phrase search (marked in the results and on the article page) and the network (labels,
spread, one node per country)."""

from __future__ import annotations

import csv
import io
import json
import urllib.request
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait
from test_browser import console_errors, open_page, start_browser

from newsgraph.resolve.entities import fold
from newsgraph.web import netview


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    d = start_browser()
    yield d
    d.quit()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url) as r:
        body: bytes = r.read()
    return body


def test_map_points_filter_and_click(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/map?min_confidence=0")
    svg = browser.find_element(By.CSS_SELECTOR, "svg.map")
    points = browser.find_elements(By.CSS_SELECTOR, "svg.map circle.point")
    assert points and len(points) == int(svg.get_attribute("data-points") or 0)
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.map path[data-country]")) > 150
    every = sum(int(p.get_attribute("data-n") or 0) for p in points)

    Select(browser.find_element(By.CSS_SELECTOR, "select[name='type']")).select_by_value("ASSAULT")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(browser, 10).until(ec.url_contains("type=ASSAULT"))
    points = browser.find_elements(By.CSS_SELECTOR, "svg.map circle.point")
    assaults = sum(int(p.get_attribute("data-n") or 0) for p in points)
    assert points and 0 < assaults < every

    busiest = max(points, key=lambda p: int(p.get_attribute("data-n") or 0))
    n = int(busiest.get_attribute("data-n") or 0)
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", busiest)
    svg = browser.find_element(By.CSS_SELECTOR, "svg.map")
    WebDriverWait(browser, 10).until(lambda _: svg.get_attribute("data-opened"))
    assert int(svg.get_attribute("data-opened") or 0) == n
    listed = browser.find_elements(By.CSS_SELECTOR, "#map-info ol.point-items li")
    assert len(listed) == min(n, 50) and all("ASSAULT" in li.text for li in listed)
    listed[0].find_element(By.CSS_SELECTOR, "a.article").click()
    WebDriverWait(browser, 10).until(ec.presence_of_element_located((By.ID, "article-text")))
    assert "#events-" in browser.current_url
    assert console_errors(browser) == []

    # to the places layer from a filtered events map: the event filters are left behind
    open_page(browser, live_server + "/map?type=ASSAULT")
    Select(browser.find_element(By.CSS_SELECTOR, "select[name='layer']")).select_by_value("places")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(browser, 10).until(ec.url_contains("layer=places"))
    assert "type=" not in browser.current_url
    assert browser.find_element(By.CSS_SELECTOR, "svg.map").get_attribute("data-unit") == "articles"
    assert browser.find_elements(By.CSS_SELECTOR, "svg.map circle.point")


def test_downloads_of_a_filtered_view_match_the_json_twin(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/events?type=AGREE&min_confidence=0&per_page=5")
    links = {
        a.get_attribute("data-format"): a.get_attribute("href")
        for a in browser.find_elements(By.CSS_SELECTOR, "a.download")
    }
    assert set(links) == {"csv", "json"} and all("type=AGREE" in (h or "") for h in links.values())
    rows = json.loads(fetch(links["json"] or ""))
    table = list(csv.DictReader(io.StringIO(fetch(links["csv"] or "").decode("utf-8"))))
    total = json.loads(fetch(live_server + "/api/events?type=AGREE&min_confidence=0"))["total"]
    assert len(rows) == len(table) == total > 5  # every row, not the page shown
    assert [(r["article_id"], str(r["n"]), r["event_type"]) for r in rows] == [
        (r["article_id"], r["n"], r["event_type"]) for r in table
    ]


def test_phrase_search_is_marked_in_results_and_article(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/articles")
    box = browser.find_element(By.CSS_SELECTOR, "form.filters input[name='q']")
    box.send_keys('"foreign minister"')
    box.submit()
    WebDriverWait(browser, 10).until(ec.url_contains("q=%22foreign"))
    marks = browser.find_elements(By.CSS_SELECTOR, "ol.results mark.hit")
    assert marks and {fold(m.text) for m in marks} == {"foreign minister"}
    scores = [float(s.text.split()[-1]) for s in browser.find_elements(By.CSS_SELECTOR, "ol.results .score")]
    assert scores == sorted(scores, reverse=True)
    browser.find_element(By.CSS_SELECTOR, "ol.results a.article").click()
    text = WebDriverWait(browser, 10).until(ec.presence_of_element_located((By.ID, "article-text")))
    WebDriverWait(browser, 5).until(lambda _: text.get_attribute("data-hits"))
    hits = text.find_elements(By.CSS_SELECTOR, "mark.hit")
    assert hits and int(text.get_attribute("data-hits") or 0) >= 1
    # a match cut by a fact mark is several marks: their text, joined, is the phrase
    joined = " ".join(" ".join(h.get_attribute("textContent") or "" for h in hits).split())
    assert "foreign minister" in fold(joined)
    assert console_errors(browser) == []


def test_network_labels_spread_and_countries(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/network?limit=120")
    graph = browser.find_element(By.ID, "graph")
    WebDriverWait(browser, 15).until(lambda _: graph.get_attribute("data-edges"))
    n_nodes = int(graph.get_attribute("data-nodes") or 0)
    assert int(graph.get_attribute("data-labelled") or 0) == min(netview.LABELLED, n_nodes)
    shown = browser.execute_script(
        "return window.newsgraphNetwork.nodes()"
        ".filter(function (n) { return n.style('label') !== ''; }).length"
    )
    assert shown == min(netview.LABELLED, n_nodes)
    ids = browser.execute_script(
        "return window.newsgraphNetwork.nodes().map(function (n) { return n.id(); })"
    )
    countries = [c for c in (netview.country_of(i) for i in ids) if c]
    assert countries and len(countries) == len(set(countries))
    # spread: the nodes cover the drawing, and hardly any two sit on each other
    box = browser.execute_script(
        "var cy = window.newsgraphNetwork;"
        "var ps = cy.nodes().map(function (n) { return n.renderedPosition(); });"
        "return {w: cy.width(), h: cy.height(), ps: ps};"
    )
    xs, ys = [p["x"] for p in box["ps"]], [p["y"] for p in box["ps"]]
    assert max(xs) - min(xs) > 0.5 * box["w"] and max(ys) - min(ys) > 0.4 * box["h"]
    close = sum(
        1
        for i, a in enumerate(box["ps"])
        for b in box["ps"][i + 1 :]
        if abs(a["x"] - b["x"]) < 3 and abs(a["y"] - b["y"]) < 3
    )
    assert close <= len(box["ps"]) // 20
    assert console_errors(browser) == []
