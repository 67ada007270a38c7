"""The web quotes list and its JSON twin leave out quotes below the default confidence and take a
``min_confidence`` parameter; so do a speaker's quotes (read from memory) and the entity page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from newsgraph.extract.thresholds import DEFAULT_MIN_QUOTE_CONFIDENCE
from newsgraph.records import Article
from newsgraph.web.app import create_app
from quotedata import quote_articles, shown, write_quotes


@pytest.fixture(scope="module")
def quoted() -> list[Article]:
    return quote_articles()


@pytest.fixture(scope="module")
def quote_client(tmp_path_factory: pytest.TempPathFactory, quoted: list[Article]) -> Iterator[TestClient]:
    path = write_quotes(tmp_path_factory.mktemp("quote_web") / "q.duckdb", quoted)
    with TestClient(create_app(path)) as c:
        yield c


def _confidences(client: TestClient, **params: object) -> Counter[float | None]:
    body = client.get("/api/quotes", params={"per_page": 200, **params}).json()
    assert body["total"] == len(body["items"])
    return Counter(q["confidence"] for q in body["items"])


def test_the_quotes_list_uses_the_default_and_takes_a_threshold(
    quote_client: TestClient, quoted: list[Article]
) -> None:
    assert _confidences(quote_client) == Counter(shown(quoted, DEFAULT_MIN_QUOTE_CONFIDENCE))
    assert _confidences(quote_client, min_confidence="") == _confidences(quote_client)  # blank: default
    assert _confidences(quote_client, min_confidence=0) == Counter(shown(quoted, 0))
    assert set(_confidences(quote_client, min_confidence=0.8)) == {0.9, None}
    assert quote_client.get("/api/quotes", params={"min_confidence": 2}).status_code == 400
    page = quote_client.get("/quotes", params={"min_confidence": 0}).text
    assert 'name="min_confidence"' in page and "confidence 0.30" in page
    assert "confidence 0.30" not in quote_client.get("/quotes", params={"per_page": 200}).text


def test_a_speakers_quotes_and_the_entity_page_use_the_threshold(
    quote_client: TestClient, quoted: list[Article]
) -> None:
    every = quote_client.get("/api/quotes", params={"per_page": 200, "min_confidence": 0}).json()["items"]
    low = next(q for q in every if q["confidence"] == 0.3 and q["speaker_key"])
    key = low["speaker_key"]
    theirs = [q["confidence"] for q in every if q["speaker_key"] == key]
    sure = [c for c in theirs if (1.0 if c is None else c) >= DEFAULT_MIN_QUOTE_CONFIDENCE]
    assert len(sure) < len(theirs)
    by_key = quote_client.get("/api/quotes", params={"speaker_key": key, "per_page": 200}).json()
    assert Counter(q["confidence"] for q in by_key["items"]) == Counter(sure)
    assert by_key["total"] == len(sure)
    all_theirs = quote_client.get(
        "/api/quotes", params={"speaker_key": key, "per_page": 200, "min_confidence": 0}
    ).json()
    assert all_theirs["total"] == len(theirs)
    entity = quote_client.get(f"/api/entities/{key}").json()
    assert entity["quotes"]["total"] == len(sure)


def test_the_quotes_download_uses_the_threshold(quote_client: TestClient, quoted: list[Article]) -> None:
    default = quote_client.get("/api/quotes.json").json()
    assert Counter(q["confidence"] for q in default) == Counter(shown(quoted, DEFAULT_MIN_QUOTE_CONFIDENCE))
    every = quote_client.get("/api/quotes.csv", params={"min_confidence": 0}).text.splitlines()
    assert "confidence" in every[0].split(",") and len(every) == 1 + len(shown(quoted, 0))
