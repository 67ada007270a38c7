"""The JSON API, in process: shapes, filters, pagination, errors, read-only access."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from webdata import HOSTILE_ID, N_SYNTHETIC, items

from newsgraph.extract.thresholds import DEFAULT_MIN_CONFIDENCE
from newsgraph.records import Article
from newsgraph.resolve.entities import fold

LISTS = ["/api/articles", "/api/entities", "/api/quotes", "/api/events", "/api/counts"]


def shown(synthetic: list[Article], threshold: float = DEFAULT_MIN_CONFIDENCE) -> list[dict[str, object]]:
    """The synthetic events at or above a confidence (an event without one counts as 1.0)."""
    return [v for a in synthetic for v in a.events if v.get("confidence", 1.0) >= threshold]


def test_overview_counts_every_table(client: TestClient, synthetic: list[Article]) -> None:
    body = client.get("/api").json()
    assert body["stats"]["articles"] == len(synthetic)
    assert body["stats"]["quotes"] == sum(len(a.quotes) for a in synthetic)
    assert body["stats"]["events"] == sum(len(a.events) for a in synthetic)
    assert body["top_entities"] and body["latest"]


@pytest.mark.parametrize("url", LISTS)
def test_every_list_is_paginated(client: TestClient, url: str) -> None:
    first = client.get(url, params={"per_page": 3}).json()
    second = client.get(url, params={"per_page": 3, "page": 2}).json()
    assert set(first) >= {"items", "total", "page", "per_page", "pages"}
    assert len(first["items"]) == 3 and first["total"] > 6
    assert first["pages"] == -(-first["total"] // 3)
    assert second["page"] == 2
    assert first["items"] != second["items"]
    everything = client.get(url, params={"per_page": 200}).json()
    assert everything["items"][:6] == first["items"] + second["items"]
    beyond = client.get(url, params={"per_page": 3, "page": first["pages"] + 1}).json()
    assert beyond["items"] == [] and beyond["total"] == first["total"]


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("params", [{"page": 0}, {"per_page": 0}, {"per_page": 201}, {"page": "x"}])
def test_bad_paging_is_a_json_error(client: TestClient, url: str, params: dict[str, object]) -> None:
    r = client.get(url, params=params)
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["status"] == 400
    assert error["details"][0]["param"] in params


def test_articles_are_newest_first_and_searchable(client: TestClient, synthetic: list[Article]) -> None:
    rows = items(client.get("/api/articles", params={"per_page": 200}).json())
    dates = [r["published"] for r in rows]
    assert dates == sorted(dates, reverse=True)
    for query in [synthetic[0].title.split()[0], "minist", "PRESSURE FROM", "lodz"]:
        words = fold(query).split()
        want = {
            a.id
            for a in synthetic
            if all(any(t.startswith(w) for t in fold(f"{a.title} {a.text}").split()) for w in words)
        }
        found = client.get("/api/articles", params={"q": query, "per_page": 200}).json()
        assert {r["id"] for r in found["items"]} == want and found["total"] == len(want)
        assert all(any(w in fold(r["snippet"] + " " + r["title"]) for w in words) for r in found["items"])
    assert client.get("/api/articles", params={"q": "inister"}).json()["total"] == 0  # word starts only


def test_articles_by_date_source_country_and_entity(client: TestClient, synthetic: list[Article]) -> None:
    a = synthetic[5]
    assert a.published is not None
    day = a.published.isoformat()
    found = items(client.get("/api/articles", params={"date_from": day, "date_to": day}).json())
    assert a.id in {r["id"] for r in found}
    assert all(r["published"] == day for r in found)
    source = a.source.split("/")[0]
    found = items(client.get("/api/articles", params={"source": source, "per_page": 200}).json())
    assert found and all(source in r["source"] for r in found)
    country = a.entities[0]["actor"]["code"]
    found = client.get("/api/articles", params={"country": country.lower(), "per_page": 200}).json()
    want = {
        b.id
        for b in synthetic
        if any((e.get("actor") or {}).get("code") == country for e in b.entities)
        or any(p.get("country") == country for p in b.places)
    }
    assert {r["id"] for r in found["items"]} == want
    key = a.entities[0]["key"]
    found = client.get("/api/articles", params={"entity": key, "per_page": 200}).json()
    assert {r["id"] for r in found["items"]} == {
        b.id for b in synthetic if any(e["key"] == key for e in b.entities)
    }


def test_search_terms_are_parameters_not_sql(client: TestClient) -> None:
    for q in ["'; DROP TABLE articles; --", "%", "_", "\\", '"', "é"]:
        r = client.get("/api/articles", params={"q": q})
        assert r.status_code == 200
    assert client.get("/api").json()["stats"]["articles"] == N_SYNTHETIC + 1


def test_article_has_every_fact(client: TestClient, synthetic: list[Article]) -> None:
    a = synthetic[3]
    body = client.get(f"/api/articles/{a.id}").json()
    assert body["article"]["text"] == a.text
    for kind, facts in a.facts():
        got = body["facts"][kind]
        assert len(got) == len(facts)
        for fact in got:
            assert a.text[fact["start"] : fact["end"]] == fact["text"]
    assert all("canon" in e for e in body["facts"]["entities"])


def test_unknown_things_are_json_404s(client: TestClient) -> None:
    for url in ["/api/articles/nope", "/api/entities/PERSON:nobody", "/api/nowhere"]:
        r = client.get(url)
        assert r.status_code == 404
        assert r.headers["content-type"].startswith("application/json")
        assert r.json()["error"]["status"] == 404
        assert r.json()["error"]["message"]


def test_entities_and_one_entity(client: TestClient, synthetic: list[Article]) -> None:
    people = items(client.get("/api/entities", params={"type": "person", "per_page": 200}).json())
    assert people and all(p["type"] == "PERSON" for p in people)
    mentions = [p["mentions"] for p in people]
    assert mentions == sorted(mentions, reverse=True)
    top = people[0]
    body = client.get(f"/api/entities/{top['key']}").json()
    assert body["entity"]["key"] == top["key"]
    assert body["roles"] and body["roles"][0]["title"]
    spoke = sum(
        1
        for a in synthetic
        for q in a.quotes
        for e in a.entities
        if e["id"] == q["speaker"] and e["key"] == top["key"]
    )
    assert body["quotes"]["total"] >= spoke > 0
    assert body["events_as_actor"]["total"] + body["events_as_recipient"]["total"] > 0
    for e in body["events_as_actor"]["items"]:
        assert top["key"] in {p["key"] for p in e["actors"]}
    assert body["cooccurring"] and top["key"] not in {c["key"] for c in body["cooccurring"]}
    assert body["articles"]["total"] == top["articles"]


def test_surname_only_key_is_its_full_name(client: TestClient, synthetic: list[Article]) -> None:
    surnames = {
        e["key"] for a in synthetic for e in a.entities if e["type"] == "PERSON" and " " not in e["name"]
    }
    resolved = 0
    for key in sorted(surnames):
        body = client.get(f"/api/entities/{key}")
        if body.status_code == 200 and body.json()["entity"]["key"] != key:
            resolved += 1
            assert body.json()["entity"]["key"].endswith(key.split(":")[1])
    assert resolved


def test_quotes_by_text_speaker_country_and_date(client: TestClient, synthetic: list[Article]) -> None:
    found = client.get("/api/quotes", params={"q": "DOOR", "per_page": 200}).json()
    want = sum(1 for a in synthetic for q in a.quotes if "door" in q["text"].lower())
    assert found["total"] == want > 0
    assert all("door" in r["text"].lower() for r in found["items"])
    first = found["items"][0]
    surname = (first["speaker_name"] or first["speaker_text"]).split()[-1]
    by_speaker = items(client.get("/api/quotes", params={"speaker": surname, "per_page": 200}).json())
    assert by_speaker and all(
        surname.lower() in ((r["speaker_name"] or "") + (r["speaker_text"] or "")).lower() for r in by_speaker
    )
    code = first["speaker_code"]
    by_country = items(client.get("/api/quotes", params={"country": code, "per_page": 200}).json())
    assert by_country and all(r["speaker_code"] == code for r in by_country)
    day = first["published"]
    by_day = items(client.get("/api/quotes", params={"date_from": day, "date_to": day}).json())
    assert by_day and all(r["published"] == day for r in by_day)


def test_events_filters_and_timeline(client: TestClient, synthetic: list[Article]) -> None:
    body = client.get("/api/events", params={"per_page": 200}).json()
    assert body["total"] == len(shown(synthetic))  # by default, events of confidence 0.5 and above
    assert sum(b["events"] for b in body["timeline"]) == body["total"]
    assert sum(body["types"].values()) == body["total"]
    days = [e["day"] for e in body["items"]]
    assert days == sorted(days, reverse=True)
    assault = client.get("/api/events", params={"type": "assault", "per_page": 200}).json()
    assert assault["total"] == sum(1 for v in shown(synthetic) if v["event_type"] == "ASSAULT")
    assert set(assault["types"]) == {"ASSAULT"}
    quad = client.get("/api/events", params={"quad": "verbal conflict"}).json()
    assert quad["total"] == sum(1 for v in shown(synthetic) if v["quad"] == "verbal conflict")
    code = synthetic[0].events[0]["actor"][0]["code"]
    by_actor = items(client.get("/api/events", params={"actor": code, "per_page": 200}).json())
    assert by_actor and all(code in {p["code"] for p in e["actors"]} for e in by_actor)
    by_recipient = items(client.get("/api/events", params={"recipient": code, "per_page": 200}).json())
    assert by_recipient and all(code in {p["code"] for p in e["recipients"]} for e in by_recipient)
    country = synthetic[0].events[0]["location"]["country"]
    located = items(client.get("/api/events", params={"country": country, "per_page": 200}).json())
    assert located and all(e["country"] == country for e in located)
    month = days[0][:7]
    narrow = client.get("/api/events", params={"date_from": f"{month}-01", "date_to": f"{month}-28"}).json()
    assert narrow["bucket"] == "day"
    assert all(month <= e["day"] <= f"{month}-28" for e in narrow["items"])
    assert all(e["sentence"] and e["text"] in e["sentence"] for e in body["items"])


def test_events_min_confidence(client: TestClient, synthetic: list[Article]) -> None:
    every = len(shown(synthetic, 0))
    assert every > len(shown(synthetic)) > 0  # the synthetic store has events below the default
    for threshold in (0, 0.3, DEFAULT_MIN_CONFIDENCE, 0.8, 1):
        body = client.get("/api/events", params={"min_confidence": threshold, "per_page": 200}).json()
        assert body["total"] == len(shown(synthetic, threshold)), threshold
        assert sum(b["events"] for b in body["timeline"]) == body["total"]  # the chart is filtered too
        assert all(e["confidence"] >= threshold for e in body["items"])
    low = client.get("/api/events", params={"min_confidence": 0, "per_page": 200}).json()
    assert low["total"] == every
    assert any(e["confidence"] < DEFAULT_MIN_CONFIDENCE for e in low["items"])
    # the entity page, which has no threshold of its own, leaves out what the events page does
    unsure = next(
        e for e in low["items"] if e["confidence"] < DEFAULT_MIN_CONFIDENCE and e["actors"][0]["key"]
    )
    key = unsure["actors"][0]["key"]
    entity = client.get(f"/api/entities/{key}").json()
    listed = client.get("/api/events", params={"actor": key}).json()["total"]
    every_listed = client.get("/api/events", params={"actor": key, "min_confidence": 0}).json()["total"]
    assert entity["events_as_actor"]["total"] == listed < every_listed
    # an empty form field is the default, not an error
    blank = client.get("/api/events", params={"min_confidence": ""}).json()
    assert blank["total"] == len(shown(synthetic))


@pytest.mark.parametrize(
    ("url", "param", "value"),
    [
        ("/api/events", "min_confidence", "2"),
        ("/api/events", "min_confidence", "-0.1"),
        ("/api/events", "min_confidence", "nan"),
        ("/api/events", "min_confidence", "high"),
        ("/api/articles", "min_relevance", "1.5"),
        ("/api/articles", "min_relevance", "inf"),
    ],
)
def test_bad_thresholds_are_json_errors(client: TestClient, url: str, param: str, value: str) -> None:
    r = client.get(url, params={param: value})
    assert r.status_code == 400  # as every bad parameter (docs/web.md)
    error = r.json()["error"]
    assert error["message"] == f"invalid request parameters: {param}"
    assert [d["param"] for d in error["details"]] == [param]
    if value in ("2", "1.5"):
        assert error["details"][0]["message"] == "Input should be less than or equal to 1"


def test_articles_min_relevance(client: TestClient, synthetic: list[Article]) -> None:
    def relevant(threshold: float) -> set[str]:
        return {a.id for a in synthetic if (1.0 if a.relevance is None else a.relevance) >= threshold}

    every = client.get("/api/articles", params={"per_page": 200}).json()
    assert every["total"] == len(synthetic)
    by_id = {a.id: a.relevance for a in synthetic}
    assert {r["id"]: r["relevance"] for r in every["items"]} == by_id
    for threshold in (0, 0.5, 0.8):
        body = client.get("/api/articles", params={"min_relevance": threshold, "per_page": 200}).json()
        assert {r["id"] for r in body["items"]} == relevant(threshold) and body["total"] == len(
            relevant(threshold)
        )
    assert len(relevant(0.5)) < len(synthetic)  # the filter leaves some out
    one = client.get(f"/api/articles/{synthetic[0].id}").json()
    assert one["article"]["relevance"] == synthetic[0].relevance


def test_counts_by_kind(client: TestClient, synthetic: list[Article]) -> None:
    body = client.get("/api/counts", params={"per_page": 200}).json()
    killed = [c for a in synthetic for c in a.counts if c["kind"] == "killed"]
    row = next(s for s in body["summary"] if s["kind"] == "killed")
    assert row["counts"] == len(killed) and row["total"] == sum(c["value"] for c in killed)
    only = client.get("/api/counts", params={"kind": "killed", "per_page": 200}).json()
    assert only["total"] == len(killed)
    values = [c["value"] for c in only["items"]]
    assert values == sorted(values, reverse=True)
    money = items(client.get("/api/counts", params={"unit": "usd"}).json())
    assert money and all(c["unit"] == "USD" and c["kind"] == "money" for c in money)


def test_network_edges_come_from_events_and_quotes(client: TestClient) -> None:
    body = client.get("/api/network", params={"limit": 2000}).json()
    assert body["edges"] and body["total_edges"] == len(body["edges"])
    ids = {n["id"] for n in body["nodes"]}
    for e in body["edges"]:
        assert e["source"] in ids and e["target"] in ids
        assert e["weight"] == e["n_events"] + e["n_quotes"] == sum(e["by_quad"].values())
    weights = [e["weight"] for e in body["edges"]]
    assert weights == sorted(weights, reverse=True)
    quotes_only = client.get("/api/network", params={"quad": "quote", "limit": 2000}).json()
    assert quotes_only["edges"] and all(e["n_events"] == 0 for e in quotes_only["edges"])
    assault = client.get("/api/network", params={"type": "ASSAULT", "limit": 2000}).json()
    assert all(set(e["types"]) == {"ASSAULT"} for e in assault["edges"])
    top = client.get("/api/network", params={"limit": 5}).json()
    assert len(top["edges"]) == 5 and top["total_edges"] == body["total_edges"]
    heavy = client.get("/api/network", params={"min_weight": 3, "limit": 2000}).json()
    assert all(e["weight"] >= 3 for e in heavy["edges"])


def test_openapi_describes_every_api_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api", "/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/quotes"} <= paths
    assert {"/api/events", "/api/network", "/api/counts", "/api/entities/{key}"} <= paths
    params = {p["name"] for p in spec["paths"]["/api/articles"]["get"]["parameters"]}
    assert {"q", "source", "country", "entity", "date_from", "date_to", "page", "per_page"} <= params
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/quotes" in docs.text


def test_the_store_is_opened_read_only(client: TestClient, synthetic_db: Path) -> None:
    db = client.app.state.db  # type: ignore[attr-defined]
    with pytest.raises(duckdb.Error, match="read-only"):
        db.cursor().execute("CREATE TABLE intruder (x INTEGER)")
    with pytest.raises(duckdb.Error, match="read-only"):
        db.cursor().execute("DELETE FROM articles")
    before = hashlib.sha256(synthetic_db.read_bytes()).hexdigest()
    for url in ["/api", "/api/articles", f"/api/articles/{HOSTILE_ID}", "/api/network"]:
        assert client.get(url).status_code == 200
    assert hashlib.sha256(synthetic_db.read_bytes()).hexdigest() == before


def test_security_headers(client: TestClient) -> None:
    r = client.get("/api")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_names_match_by_word_start(client: TestClient) -> None:
    found = {e["name"] for e in items(client.get("/api/entities", params={"q": "jerus"}).json())}
    assert found == {"Jerusalem"}
    assert items(client.get("/api/entities", params={"q": "usalem"}).json()) == []
    by_code = items(client.get("/api/events", params={"actor": "USA", "per_page": 200}).json())
    assert by_code and all("USA" in {p["code"] for p in e["actors"]} for e in by_code)


def test_a_bug_is_a_json_500_without_details(synthetic_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.web import queries
    from newsgraph.web.app import create_app

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(queries, "quotes", broken)
    with TestClient(create_app(synthetic_db), raise_server_exceptions=False) as c:
        r = c.get("/api/quotes")
        assert r.status_code == 500
        assert r.json() == {"error": {"status": 500, "message": "internal error: see the server log"}}
        page = c.get("/quotes")
        assert page.status_code == 500 and "internal error" in page.text and "secret" not in page.text


def test_a_store_written_before_confidences_is_served(tmp_path: Path) -> None:
    from eventdata import make_old, write_store
    from newsgraph.web.app import create_app

    db = write_store(tmp_path / "old.duckdb")
    make_old(db)
    with TestClient(create_app(db)) as c:
        found = items(c.get("/api/events").json())
        assert [(e["event_type"], e["confidence"]) for e in found] == [("ACCUSE", None)]
        assert [
            a["relevance"] for a in items(c.get("/api/articles", params={"min_relevance": 0.9}).json())
        ] == [None]
        assert c.get("/api/articles/art-old").json()["article"]["relevance"] is None
        assert c.get("/events").status_code == 200 and c.get("/articles/art-old").status_code == 200
