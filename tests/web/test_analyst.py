"""Issue 18's web features, in process: downloads, strict parameters, phrase search, the map, the
network's countries and labels, the charts."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from fastapi.testclient import TestClient
from webdata import items

from newsgraph.records import Article
from newsgraph.resolve.entities import fold
from newsgraph.web import downloads, netview
from newsgraph.web.downloads import cell, safe_cell
from newsgraph.web.search import mark_hits, parse

LISTS = ["articles", "entities", "quotes", "events", "counts"]


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# -- strict parameters -------------------------------------------------------------------------


@pytest.mark.parametrize("path", [f"/api/{v}" for v in [*LISTS, "network", "map"]] + ["/events", "/map"])
def test_an_unknown_parameter_is_a_400_naming_it(client: TestClient, path: str) -> None:
    r = client.get(path, params={"lang": "de"})
    assert r.status_code == 400
    if path.startswith("/api"):
        error = r.json()["error"]
        assert error["message"] == "invalid request parameters: lang"
        assert error["details"] == [{"param": "lang", "message": "not a parameter of this page"}]
    else:
        assert "lang" in r.text


@pytest.mark.parametrize(
    ("path", "param", "value"),
    [
        ("/api/events", "type", "FOO"),
        ("/api/events", "quad", "friendly"),
        ("/api/events", "country", "ZZZ"),
        ("/api/entities", "type", "ASSAULT"),
        ("/api/quotes", "kind", "shouted"),
        ("/api/counts", "kind", "apples"),
        ("/api/counts", "unit", "dollars"),
        ("/api/network", "type", "HUG"),
        ("/api/map", "layer", "tiles"),
        ("/api/events.csv", "type", "FOO"),
        ("/events", "type", "FOO"),
    ],
)
def test_a_bad_filter_value_is_a_400_naming_it(client: TestClient, path: str, param: str, value: str) -> None:
    r = client.get(path, params={param: value})
    assert r.status_code == 400
    if path.startswith("/api"):
        error = r.json()["error"]
        assert [d["param"] for d in error["details"]] == [param]
        assert param in error["message"]
    else:
        assert value in r.text


def test_good_filter_values_still_pass(client: TestClient) -> None:
    for params in [{"type": "assault"}, {"quad": "Material Conflict"}, {"country": "fra"}]:
        assert client.get("/api/events", params=params).status_code == 200
    assert client.get("/api/entities", params={"type": "person"}).status_code == 200


# -- downloads ---------------------------------------------------------------------------------


def test_safe_cell_defuses_formulas() -> None:
    for bad in ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]:
        assert safe_cell(bad) == "'" + bad
    assert safe_cell("Paris") == "Paris"
    assert cell(-5) == "-5" and cell(0.5) == "0.5" and cell(None) == "" and cell(True) == "true"
    assert cell([{"name": "=cmd", "text": "x"}, {"text": "B"}]) == "'=cmd; B"


@pytest.mark.parametrize("view", [*LISTS, "network"])
def test_csv_and_json_downloads_hold_the_same_rows_as_the_list(
    client: TestClient, view: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(downloads, "CHUNK", 7)  # many chunks
    as_json = client.get(f"/api/{view}.json")
    assert as_json.status_code == 200 and as_json.headers["content-type"].startswith("application/json")
    rows = as_json.json()
    if view == "network":
        listed = client.get("/api/network").json()["edges"]
    else:
        listed = items(client.get(f"/api/{view}", params={"per_page": 200}).json())
        assert len(rows) == client.get(f"/api/{view}").json()["total"]
    assert rows[: len(listed)] == listed[: len(rows)] and len(rows) > 7
    as_csv = client.get(f"/api/{view}.csv")
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert f'filename="{view}.csv"' in as_csv.headers["content-disposition"]
    table = csv_rows(as_csv.text)
    assert list(table[0]) == list(rows[0])
    assert [[r[k] for k in r] for r in table] == [[cell(v) for v in r.values()] for r in rows]


def test_a_filtered_download_matches_its_json_twin(client: TestClient, synthetic: list[Article]) -> None:
    params = {"type": "ASSAULT", "min_confidence": "0", "page": "2", "per_page": "3"}
    rows = client.get("/api/events.json", params=params).json()
    want = [v for a in synthetic for v in a.events if v["event_type"] == "ASSAULT"]
    assert len(rows) == len(want) and {r["event_type"] for r in rows} == {"ASSAULT"}  # pages ignored
    table = csv_rows(client.get("/api/events.csv", params=params).text)
    assert [(r["article_id"], int(r["n"])) for r in table] == [(r["article_id"], r["n"]) for r in rows]
    assert [r["actors"] for r in table] == [
        "; ".join(p["name"] or p["text"] for p in r["actors"]) for r in rows
    ]


def test_an_empty_download_has_its_header(client: TestClient) -> None:
    r = client.get("/api/quotes.csv", params={"q": "no quote says this zzqx"})
    assert r.text.strip() == ",".join(downloads.VIEWS["quotes"].columns)
    assert client.get("/api/quotes.json", params={"q": "no quote says this zzqx"}).json() == []


def test_list_pages_link_their_downloads(client: TestClient) -> None:
    page = client.get("/events", params={"type": "ASSAULT", "page": 2}).text
    assert 'href="/api/events.csv?type=ASSAULT"' in page and 'href="/api/events.json?type=ASSAULT"' in page


# -- phrase search -----------------------------------------------------------------------------


def test_parse_words_and_phrases() -> None:
    p = parse('"Act of War" iran “peace  talks” "unclosed phrase')
    assert p.words == ["iran"]
    assert p.phrases == [["act", "of", "war"], ["peace", "talks"], ["unclosed", "phrase"]]


def test_a_phrase_is_words_in_order(client: TestClient, synthetic: list[Article]) -> None:
    def has_phrase(a: Article, words: str) -> bool:
        return f" {words} " in f" {fold(f'{a.title} {a.text}')} "

    both = {a.id for a in synthetic if has_phrase(a, "foreign minister")}
    assert both and len(both) < len(synthetic)
    found = client.get("/api/articles", params={"q": '"foreign minister"', "per_page": 200}).json()
    assert {r["id"] for r in found["items"]} == both and found["total"] == len(both)
    reversed_ = {a.id for a in synthetic if has_phrase(a, "minister foreign")}
    found = client.get("/api/articles", params={"q": '"minister foreign"', "per_page": 200}).json()
    assert {r["id"] for r in found["items"]} == reversed_


def test_ranked_search_keeps_the_lists_other_filters(client: TestClient) -> None:
    # the ranked (BM25) search shares the list's filters: no article of the store is in German
    found = client.get("/api/articles", params={"q": '"foreign minister"', "per_page": 200}).json()
    assert found["total"] > 0
    german = client.get(
        "/api/articles", params={"q": '"foreign minister"', "language": "de", "per_page": 200}
    ).json()
    assert german["total"] == 0 and german["items"] == []


def test_results_are_ranked_and_marked(client: TestClient) -> None:
    body = client.get("/api/articles", params={"q": "minister", "per_page": 200}).json()
    scores = [r["score"] for r in body["items"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    assert body["search"] == {"words": ["minister"], "phrases": [], "sort": "relevance"}
    newest = client.get("/api/articles", params={"q": "minister", "sort": "newest", "per_page": 200}).json()
    dates = [r["published"] for r in newest["items"]]
    assert dates == sorted(dates, reverse=True) and newest["total"] == body["total"]
    page = client.get("/articles", params={"q": '"foreign minister"'}).text
    marks = re.findall(r'<mark class="hit">([^<]*)</mark>', page)
    assert marks and all(fold(m) == "foreign minister" for m in marks)
    assert "?q=%22foreign%20minister%22" in page  # results open the article with the query


def test_mark_hits_escapes_and_keeps_offsets() -> None:
    out = str(mark_hits("Le Ministre <b>MINISTÈRE</b> admin", {"words": ["minist"], "phrases": []}))
    assert (
        out
        == 'Le <mark class="hit">Ministre</mark> &lt;b&gt;<mark class="hit">MINISTÈRE</mark>&lt;/b&gt; admin'
    )


# -- map, network, charts ----------------------------------------------------------------------


def test_map_points_follow_the_filters(client: TestClient) -> None:
    everything = client.get("/api/map", params={"min_confidence": 0}).json()
    assert everything["points"] and all(p["x"] >= 0 and p["y"] >= 0 for p in everything["points"])
    total = client.get("/api/events", params={"min_confidence": 0}).json()["total"]
    assert sum(p["n"] for p in everything["points"]) <= total
    assumed = client.get("/api/map", params={"min_confidence": 0, "type": "ASSAULT"}).json()
    assert sum(p["n"] for p in assumed["points"]) < sum(p["n"] for p in everything["points"])
    top = assumed["points"][0]
    behind = client.get(
        "/api/map/point",
        params={"min_confidence": 0, "type": "ASSAULT", "lat": top["lat"], "lon": top["lon"]},
    ).json()
    assert behind["total"] == top["n"] and {e["event_type"] for e in behind["items"]} == {"ASSAULT"}
    assert client.get("/api/map", params={"layer": "places", "type": "ASSAULT"}).status_code == 400
    places = client.get("/api/map", params={"layer": "places"}).json()
    assert places["unit"] == "articles" and places["by_country"]


def test_country_shades_rise_with_their_events() -> None:
    from newsgraph.web.geo import SHADES, shade

    steps = [SHADES.index(shade(n, 200)) for n in (0, 1, 20, 60, 120, 200)]
    assert steps[0] == 0 and steps[-1] == len(SHADES) - 1
    assert steps == sorted(steps) and len(set(steps)) >= 5


def test_map_page_and_panels_draw_the_points(client: TestClient) -> None:
    page = client.get("/map").text
    assert page.count('<circle class="point"') == len(client.get("/api/map").json()["points"])
    assert page.count("<path d=") > 150  # the countries
    assert 'svg class="map"' in client.get("/events").text
    assert 'svg class="map"' in client.get("/entities/GPE:FRA").text


def test_one_node_per_country(client: TestClient) -> None:
    nodes = client.get("/api/network", params={"limit": 2000}).json()["nodes"]
    countries = [netview.country_of(n["id"]) for n in nodes]
    found = [c for c in countries if c]
    assert found and len(found) == len(set(found))
    assert sum(n["labelled"] for n in nodes) == min(netview.LABELLED, len(nodes))


def test_merge_countries_joins_codes_and_nationalities(client: TestClient) -> None:
    db = client.app.state.db  # type: ignore[attr-defined]
    edge = {
        "n_events": 1,
        "n_quotes": 0,
        "quad": "verbal conflict",
        "by_quad": {"verbal conflict": 1},
        "types": {"ACCUSE": 1},
    }
    net = {
        "nodes": [
            {"id": "code:FRA", "label": "FRA", "type": "ACTOR", "code": "FRA", "weight": 2},
            {"id": "GPE:FRA", "label": "France", "type": "GPE", "code": "FRA", "weight": 1},
            {"id": "PERSON:x", "label": "X", "type": "PERSON", "code": None, "weight": 3},
        ],
        "edges": [
            {**edge, "source": "code:FRA", "target": "PERSON:x", "weight": 2},
            {**edge, "source": "GPE:FRA", "target": "PERSON:x", "weight": 1},
            {**edge, "source": "GPE:FRA", "target": "code:FRA", "weight": 1},
        ],
        "total_edges": 3,
    }
    merged = netview.merge_countries(db, net)
    assert [(e["source"], e["target"], e["weight"]) for e in merged["edges"]] == [("GPE:FRA", "PERSON:x", 3)]
    assert {n["id"]: n["weight"] for n in merged["nodes"]} == {"GPE:FRA": 3, "PERSON:x": 3}


def test_charts_come_from_the_lists_json(client: TestClient) -> None:
    body = client.get("/api/events", params={"min_confidence": 0, "type": "AGREE"}).json()
    top = body["top_actors"]
    assert top and all(sum(a["by_quad"].values()) == a["events"] for a in top)
    assert [a["events"] for a in top] == sorted((a["events"] for a in top), reverse=True)
    assert top[0]["events"] <= body["total"]
    page = client.get("/events", params={"min_confidence": 0, "type": "AGREE"}).text
    assert page.count('<g class="bar" data-label=') == len(top)
    counts = client.get("/api/counts").json()
    series = counts["over_time"]["series"]
    assert sum(b["counts"] for b in series) == counts["total"]
    assert json.dumps(series[0]["bucket"]) in client.get("/counts").text


def test_network_around_one_actor(client: TestClient) -> None:
    whole = client.get("/api/network", params={"limit": 2000}).json()
    hub = whole["nodes"][0]["id"]
    around = client.get("/api/network", params={"actor": hub, "limit": 2000}).json()
    assert around["edges"] and all(hub in (e["source"], e["target"]) for e in around["edges"])
    assert len(around["edges"]) == around["total_edges"] < len(whole["edges"])
    want = sum(1 for e in whole["edges"] if hub in (e["source"], e["target"]))
    assert len(around["edges"]) == want
    few = client.get("/api/network", params={"actor": hub, "limit": 2}).json()
    assert len(few["edges"]) == 2 and few["total_edges"] == want
    assert {n["id"] for n in few["nodes"]} == {x for e in few["edges"] for x in (e["source"], e["target"])}
