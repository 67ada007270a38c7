"""The map's places layer leaves out places below the default place confidence; the store holds
every place with its ``confidence`` column."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph.records import Article
from newsgraph.store.db import Store
from newsgraph.testing.generator import Generator
from newsgraph.web.app import create_app
from quotedata import write_quotes


def _articles(unsure: str) -> list[Article]:
    """Synthetic articles whose places in the country ``unsure`` have confidence 0.2; the others
    0.9 or none (a place stored before places had one)."""
    out = []
    for n, article in enumerate(Generator(13).articles(12)):
        places = []
        for p in article.places:
            p = dict(p)
            if p.get("country") == unsure:
                p["confidence"] = 0.2
            elif n % 2:
                p["confidence"] = 0.9
            places.append(p)
        out.append(dataclasses.replace(article, places=places))
    return out


def test_the_places_layer_leaves_out_unsure_places(tmp_path: Path) -> None:
    countries = [p["country"] for a in Generator(13).articles(12) for p in a.places if p.get("country")]
    assert len(set(countries)) >= 2
    unsure = countries[0]
    path = write_quotes(tmp_path / "p.duckdb", _articles(unsure))
    with Store(path, read_only=True) as store:
        typed = {r[0] for r in store.con.execute("SELECT confidence FROM places").fetchall()}
        assert typed == {0.2, 0.9, None}
    with TestClient(create_app(path)) as client:
        shown = client.get("/api/map", params={"layer": "places"}).json()["by_country"]
        assert unsure not in shown and set(countries) - {unsure} <= set(shown)
