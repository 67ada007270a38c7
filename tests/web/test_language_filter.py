"""``language=`` in the API and the articles page: the stored language of each article."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fastapi.testclient import TestClient
from webdata import synthetic_articles, write_store

from newsgraph.web.app import create_app


def test_language_filter_api_and_page(tmp_path: Path) -> None:
    found = synthetic_articles(6, seed=5)
    german = [
        dataclasses.replace(a, language="de", language_score=0.99, skipped="language") for a in found[:2]
    ]
    english = [dataclasses.replace(a, language="en", language_score=0.97) for a in found[2:]]
    db = write_store(tmp_path / "lang.duckdb", german + english)
    with TestClient(create_app(db)) as client:
        body = client.get("/api/articles", params={"language": "de", "per_page": 50}).json()
        assert body["total"] == 2
        assert {r["id"] for r in body["items"]} == {a.id for a in german}
        assert {(r["language"], r["skipped"]) for r in body["items"]} == {("de", "language")}
        assert client.get("/api/articles", params={"language": "EN"}).json()["total"] == len(english)
        assert client.get("/api/articles", params={"language": "fr"}).json()["total"] == 0
        assert client.get("/api/articles").json()["total"] == len(found)
        one = client.get(f"/api/articles/{german[0].id}").json()["article"]
        assert (one["language"], one["skipped"]) == ("de", "language")
        page = client.get("/articles", params={"language": "de"}).text
        assert '<option value="de" selected>de</option>' in page
        assert page.count('class="skipped"') == 2
        detail = client.get(f"/articles/{german[0].id}").text
        assert "not a supported language" in detail
