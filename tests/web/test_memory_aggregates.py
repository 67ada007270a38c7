"""The map and the top actors of the events of an actor or recipient are grouped in memory (not
with a query over the whole events table): the same numbers as SQL over the derived tables."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsgraph.web import charts, geo
from newsgraph.web import queries as q
from newsgraph.web.queries import D, WebDb


def sql_points(db: WebDb, ranks: list[int]) -> tuple[dict[tuple[float, float], int], dict[str, int]]:
    with db.relation("_ranks", ranks):
        points = db.rows(
            f"""SELECT g.lat, g.lon, count(*) AS n FROM {D}.events e JOIN {D}.event_geo g ON g.rank = e.rank
                WHERE e.rank IN (SELECT r FROM _ranks) GROUP BY g.lat, g.lon"""
        )
        countries = db.rows(
            f"""SELECT country, count(*) AS n FROM {D}.events
                WHERE rank IN (SELECT r FROM _ranks) AND country IS NOT NULL GROUP BY 1"""
        )
    return {(p["lat"], p["lon"]): p["n"] for p in points}, {c["country"]: c["n"] for c in countries}


def sql_actor_cells(db: WebDb, ranks: list[int]) -> dict[tuple[str, str | None], int]:
    with db.relation("_ranks", ranks):
        rows = db.rows(
            f"""SELECT p.node, e.quad, count(DISTINCT e.rank) AS events
                FROM {D}.events e JOIN {D}.event_parts p ON p.ev = e.rank AND p.role = 'actor'
                WHERE e.rank IN (SELECT r FROM _ranks) AND p.node IS NOT NULL GROUP BY ALL"""
        )
    return {(r["node"], r["quad"]): r["events"] for r in rows}


@pytest.fixture(scope="module")
def db(client: TestClient) -> WebDb:
    found: WebDb = client.app.state.db  # type: ignore[attr-defined]
    return found


def parties(db: WebDb) -> list[str]:
    keys = [e["key"] for e in q.entities(db, q.EntityFilters(per_page=15))["items"]]
    return [*db.facets["countries"][:10], *keys]


def test_points_and_countries_of_a_party_match_sql(db: WebDb) -> None:
    checked = 0
    every = list(range(1, len(db.event_rows) + 1))
    for party in [*parties(db), None]:  # None: every event
        ranks = (
            sorted(q._party_ranks(db, "actor", party) | q._party_ranks(db, "recipient", party))
            if party
            else every
        )
        points, by_country = geo.group_points(db, ranks)
        want_points, want_countries = sql_points(db, ranks)
        assert {(p["lat"], p["lon"]): p["n"] for p in points} == want_points
        assert by_country == want_countries
        assert [p["n"] for p in points] == sorted((p["n"] for p in points), reverse=True)
        for p in points:  # the place shown is the most frequent at that point
            at = geo.event_places(db)
            named = Counter(
                at.place[r - 1]
                for r in ranks
                if (at.lat[r - 1], at.lon[r - 1]) == (p["lat"], p["lon"]) and at.place[r - 1]
            )
            assert p["place"] is None if not named else named[p["place"]] == max(named.values())
            assert (p["x"], p["y"]) == geo.project(p["lat"], p["lon"])
        checked += len(points)
    assert checked > 5


def test_top_actors_of_a_party_match_sql(db: WebDb) -> None:
    checked = 0
    for party in parties(db):
        f = q.EventFilters(actor=party, min_confidence=0)
        ranks = db.event_columns.select(f, q._party_ranks(db, "actor", party), "year")[0]
        cells = charts.actor_cells(db, ranks)
        got: dict[tuple[str, str | None], int] = {(c["node"], c["quad"]): c["events"] for c in cells}
        assert got == sql_actor_cells(db, ranks)
        checked += len(got)
    assert checked > 5


def test_the_filtered_map_and_chart_answer_as_before(client: TestClient, db: WebDb) -> None:
    """Through the API: the map of an actor's events holds the numbers SQL gives for them."""
    country = db.facets["countries"][0]
    found: dict[str, Any] = client.get("/api/map", params={"actor": country, "min_confidence": "0"}).json()
    f = q.EventFilters(actor=country, min_confidence=0)
    ranks = db.event_columns.select(f, q._party_ranks(db, "actor", country), "year")[0]
    want_points, want_countries = sql_points(db, ranks)
    assert {(p["lat"], p["lon"]): p["n"] for p in found["points"]} == want_points
    assert found["by_country"] == want_countries
    top = client.get("/api/events", params={"actor": country, "min_confidence": "0"}).json()["top_actors"]
    cells = sql_actor_cells(db, ranks)
    totals: Counter[str] = Counter()
    for (node, _), n in cells.items():
        totals[node] += n
    assert {a["node"]: a["events"] for a in top} == {
        node: n for node, n in totals.items() if node in {a["node"] for a in top}
    }
    assert top and top[0]["events"] == max(totals.values())


def test_country_paths_are_one_escaped_path_per_country_with_its_number() -> None:
    countries = geo.world()
    coded = next(c for c in countries if c.code)
    mp = {"shading": {coded.code: "#08519c"}, "by_country": {coded.code: 1234}, "unit": "events"}
    drawn = str(geo.country_paths(mp))
    assert drawn.count("<path ") == len(countries) == drawn.count("</path>\n")
    assert f'fill="#08519c" data-country="{coded.code}"' in drawn
    assert f"<title>{coded.name}: 1,234 events</title>" in drawn
    assert drawn.count('fill="#eef2f6"') == len(countries) - 1
    quoted = [c for c in countries if "'" in c.name]  # Côte d'Ivoire: escaped in attributes
    assert all(c.name.replace("'", "&#39;") in drawn for c in quoted)
    assert "'" not in drawn


@pytest.mark.parametrize(
    "extra", [{}, {"min_confidence": 0.9}, {"quad": "material conflict"}, {"party": "USA"}]
)
def test_the_events_at_a_point_are_those_sql_finds(db: WebDb, extra: dict[str, Any]) -> None:
    shown = geo.map_data(db, geo.MapFilters(**extra))["points"]
    assert shown
    for p in shown[:25]:
        f = geo.PointFilters(lat=p["lat"], lon=p["lon"], **extra)
        got = geo.point(db, f)
        cond, params, party = q.event_filter(db, f)
        with db.relation("_party", [] if party is None else party.tolist()):
            want = [
                r["rank"]
                for r in db.rows(
                    f"""SELECT e.rank FROM {D}.events e JOIN {D}.event_geo g ON g.rank = e.rank
                        WHERE {cond} AND g.lat = ? AND g.lon = ? ORDER BY e.rank""",
                    [*params, p["lat"], p["lon"]],
                )
            ]
        assert got["total"] == len(want) == p["n"]
        assert [(e["article_id"], e["n"]) for e in got["items"]] == [
            (e["article_id"], e["n"]) for e in q._events_by_rank(db, want[: geo.POINT_ITEMS])
        ]


@pytest.mark.parametrize(
    "extra",
    [
        {"type": "ASSAULT"},
        {"quad": "verbal cooperation", "min_confidence": "0"},
        {"date_from": "2023-02-01", "date_to": "2023-05-31"},
        {"country": "USA", "min_confidence": "0.8"},
    ],
)
def test_a_filtered_map_holds_the_numbers_sql_gives(
    client: TestClient, db: WebDb, extra: dict[str, str]
) -> None:
    found: dict[str, Any] = client.get("/api/map", params=extra).json()
    f = geo.MapFilters(**extra)  # type: ignore[arg-type]
    cond, params, _ = q.event_filter(db, f)
    ranks = [r["rank"] for r in db.rows(f"SELECT e.rank FROM {D}.events e WHERE {cond}", params)]
    assert ranks and geo._few_events(db, f) is not None  # grouped in memory
    want_points, want_countries = sql_points(db, ranks)
    assert {(p["lat"], p["lon"]): p["n"] for p in found["points"]} == want_points
    assert found["by_country"] == want_countries


def test_indexes_built_on_first_use_outlive_the_aggregates_memo(db: WebDb) -> None:
    places, index, parts = geo.event_places(db), geo.points_index(db), charts._part_columns(db)
    for i in range(600):  # more aggregates than the memo keeps
        db.memo(("filler", i), lambda: None)
    assert geo.event_places(db) is places and geo.points_index(db) is index
    assert charts._part_columns(db) is parts
