"""The pages in a real headless Chromium (Debian's ``chromium`` and ``chromium-driver``, installed by
``make browser``): load each page, follow links, apply filters, and check the highlighted facts of
the seed-style fixture ingested by the real pipeline."""

from __future__ import annotations

import json
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

SEED_TITLE = "Gulf Mediators Secure Prisoner Exchange Between Armenia and Azerbaijan"
PAGES = {
    "/": "Overview",
    "/articles": "Articles",
    "/entities": "Entities",
    "/quotes": "Quotes",
    "/events": "Events",
    "/network": "Actor network",
    "/map": "Map",
    "/counts": "Counts",
    "/api/docs": "newsgraph API",
}


def find_browser() -> tuple[str, str]:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (Path(chromium).exists() and Path(driver).exists()):
        pytest.fail(
            "chromium and chromedriver are missing: run `make browser` "
            "(apt-get install chromium chromium-driver)"
        )
    return chromium, driver


def start_browser() -> WebDriver:
    """Headless Chromium with its console log kept, for the browser tests' module fixtures."""
    chromium, driver = find_browser()
    options = Options()
    options.binary_location = chromium
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    d.set_page_load_timeout(30)
    return d


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    d = start_browser()
    yield d
    d.quit()


def open_page(browser: WebDriver, url: str) -> None:
    browser.get(url)
    WebDriverWait(browser, 15).until(ec.presence_of_element_located((By.CSS_SELECTOR, "footer")))


def console_errors(browser: WebDriver) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def api(live_server: str, path: str) -> dict[str, object]:
    with urllib.request.urlopen(live_server + path) as r:
        data: dict[str, object] = json.load(r)
    return data


def text_of(elements: list[WebElement]) -> str:
    return "".join(e.get_attribute("textContent") or "" for e in elements)


@pytest.mark.parametrize("path", list(PAGES))
def test_each_page_loads_without_errors(browser: WebDriver, live_server: str, path: str) -> None:
    open_page(browser, live_server + path)
    assert PAGES[path] in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_element(By.CSS_SELECTOR, "header nav").is_displayed()
    assert console_errors(browser) == []  # no script error, no blocked resource, no CSP violation


def test_seed_article_facts_are_highlighted(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/articles")
    box = browser.find_element(By.CSS_SELECTOR, "form.filters input[name='q']")
    box.send_keys("Gulf Mediators")
    box.submit()
    WebDriverWait(browser, 10).until(ec.url_contains("q=Gulf"))
    results = browser.find_elements(By.CSS_SELECTOR, "ol.results a.article")
    assert [r.text for r in results] == [SEED_TITLE]
    results[0].click()
    WebDriverWait(browser, 10).until(ec.presence_of_element_located((By.ID, "article-text")))
    assert browser.find_element(By.TAG_NAME, "h1").text == SEED_TITLE
    assert "airfield near Ganja" in browser.find_element(By.CSS_SELECTOR, "li.caption").text
    assert browser.find_element(By.CSS_SELECTOR, "span.credit").text == "Reuters"

    article_id = browser.current_url.rstrip("/").split("/")[-1]
    facts = api(live_server, f"/api/articles/{article_id}")["facts"]
    assert isinstance(facts, dict) and facts["entities"] and facts["quotes"]
    text = browser.find_element(By.ID, "article-text")
    for n, quote in enumerate(facts["quotes"]):
        marks = text.find_elements(By.CSS_SELECTOR, f"mark.f-quote[data-fact='quotes:{n}']")
        assert text_of(marks) == quote["text"]
    for n, entity in enumerate(facts["entities"]):
        marks = text.find_elements(By.CSS_SELECTOR, f"mark.f-entity[data-fact='entities:{n}']")
        assert len(marks) >= len(entity["mentions"])
        assert all(f"t-{entity['type'].lower()}" in (m.get_attribute("class") or "") for m in marks)
    person = text.find_element(By.XPATH, ".//mark[contains(@class, 't-person')][. = 'Narek Hovsepyan']")
    assert any("trust can be built step by step" in q["text"] for q in facts["quotes"])

    ActionChains(browser).move_to_element(person).perform()
    record = browser.find_element(By.ID, "fact-record")
    WebDriverWait(browser, 5).until(lambda _: "Narek Hovsepyan" in record.text)
    assert '"type": "PERSON"' in record.text
    assert "active" in (person.get_attribute("class") or "")

    quote = text.find_element(
        By.XPATH, ".//mark[contains(@class, 'f-quote')][contains(., 'trust can be built')]"
    )
    ActionChains(browser).move_to_element(quote).click().perform()
    assert "(pinned)" in browser.find_element(By.ID, "fact-title").text
    assert '"speaker_text"' in record.text and "trust can be built" in record.text
    ActionChains(browser).move_to_element(person).perform()  # pinned: hovering elsewhere keeps it
    assert "trust can be built" in record.text
    assert console_errors(browser) == []


def open_seed_article(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/articles?q=Gulf+Mediators")
    browser.find_element(By.CSS_SELECTOR, "ol.results a.article").click()
    WebDriverWait(browser, 10).until(ec.presence_of_element_located((By.ID, "article-text")))


def test_showing_a_record_does_not_move_the_page_under_the_pointer(
    browser: WebDriver, live_server: str
) -> None:
    # a long record once made the side panel taller than the article, pushing the fact tables
    # down while the pointer moved to a link in them, so the click landed elsewhere
    open_seed_article(browser, live_server)
    table = browser.find_element(By.ID, "quotes")
    before = table.location["y"]
    rows = browser.find_elements(By.CSS_SELECTOR, "section.facts tr[data-fact]")
    longest = max(rows, key=lambda r: len(r.text))
    for row in [*rows[:5], longest]:
        ActionChains(browser).move_to_element(row).perform()
        assert browser.find_element(By.ID, "fact-record").text
        assert table.location["y"] == before


def test_follow_links_from_article_to_entity_and_back(browser: WebDriver, live_server: str) -> None:
    open_seed_article(browser, live_server)
    browser.find_element(By.XPATH, "//table//a[@class='entity'][. = 'Narek Hovsepyan']").click()
    WebDriverWait(browser, 10).until(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Narek Hovsepyan"))
    assert "Deputy Foreign Minister" in browser.find_element(By.CSS_SELECTOR, "table.roles").text
    browser.find_element(By.XPATH, "//ul[@class='plain']//a[@class='article']").click()
    WebDriverWait(browser, 10).until(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), SEED_TITLE))

    # a quote's speaker, from the article's quote table to the speaker's page and back
    row = browser.find_element(By.XPATH, "//tr[starts-with(@id, 'quotes-')][.//a[@class='entity']]")
    said = row.find_elements(By.TAG_NAME, "td")[1].text
    link = row.find_element(By.CSS_SELECTOR, "a.entity")
    name = link.text
    link.click()
    WebDriverWait(browser, 10).until(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), name))
    quotes = browser.find_element(By.CSS_SELECTOR, "ul.quotes")
    assert said.strip('“”" ,.') in quotes.text
    back = quotes.find_element(By.XPATH, f".//li[contains(., {json.dumps(said[:30])})]//a[@class='article']")
    back.click()
    WebDriverWait(browser, 10).until(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), SEED_TITLE))
    assert "#quotes-" in browser.current_url


def test_quotes_filter_by_speaker(browser: WebDriver, live_server: str) -> None:
    quotes = api(live_server, "/api/quotes?per_page=200")["items"]
    assert isinstance(quotes, list)
    speaker = next(
        q["speaker_name"] for q in quotes if q["speaker_key"] and q["speaker_key"].startswith("PERSON:")
    )
    surname = speaker.split()[-1]
    open_page(browser, live_server + "/quotes")
    box = browser.find_element(By.CSS_SELECTOR, "form.filters input[name='speaker']")
    box.send_keys(surname)
    box.submit()
    WebDriverWait(browser, 10).until(ec.url_contains("speaker=" + surname))
    shown = browser.find_elements(By.CSS_SELECTOR, "ul.quotes > li")
    assert shown and all(surname in q.find_element(By.CSS_SELECTOR, "p.meta").text for q in shown)
    want = [q["text"] for q in quotes if surname in (q["speaker_name"] or "") + (q["speaker_text"] or "")]
    assert [q.find_element(By.TAG_NAME, "blockquote").text for q in shown] == want


def test_events_filter_and_timeline(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/events?per_page=5")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.timeline-chart rect")
    Select(browser.find_element(By.CSS_SELECTOR, "select[name='type']")).select_by_value("ASSAULT")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(browser, 10).until(ec.url_contains("type=ASSAULT"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    assert len(rows) == 5 and all("ASSAULT" in r.text for r in rows)
    types = browser.find_elements(By.CSS_SELECTOR, "table.types tbody tr")
    assert [t.text.split()[0] for t in types] == ["ASSAULT"]
    browser.find_element(By.CSS_SELECTOR, "a[rel='next']").click()
    WebDriverWait(browser, 10).until(ec.url_contains("page=2"))
    assert "page 2 of" in browser.find_element(By.CSS_SELECTOR, "nav.pager").text


def test_network_is_drawn_and_filtered(browser: WebDriver, live_server: str) -> None:
    open_page(browser, live_server + "/network?limit=60")
    graph = browser.find_element(By.ID, "graph")
    WebDriverWait(browser, 15).until(lambda _: graph.get_attribute("data-edges"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.edges tbody tr")
    assert int(graph.get_attribute("data-edges") or 0) == len(rows) == 60
    assert int(graph.get_attribute("data-nodes") or 0) > 2
    assert graph.find_elements(By.TAG_NAME, "canvas")
    Select(browser.find_element(By.CSS_SELECTOR, "select[name='quad']")).select_by_value("quote")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(browser, 10).until(ec.url_contains("quad=quote"))
    graph = browser.find_element(By.ID, "graph")
    WebDriverWait(browser, 15).until(lambda _: graph.get_attribute("data-edges"))
    badges = browser.find_elements(By.CSS_SELECTOR, "table.edges tbody .quad")
    assert badges and {b.text for b in badges} == {"quote"}
    n_edges = browser.execute_script("return window.newsgraphNetwork.edges().length")
    assert n_edges == len(badges)
    assert console_errors(browser) == []
