"""The map: events and places as points on the world's countries, countries shaded by events.

Drawn by the server as SVG, offline: the country shapes are the vendored ``world-atlas`` TopoJSON
(Natural Earth 1:110m, ``static/vendor/world-atlas``), decoded here once and projected
equirectangularly (longitude and latitude as x and y, Antarctica left out). No tiles, no map
script: ``static/map.js`` only opens the events or articles behind a clicked point, from
``/api/map/point``."""

from __future__ import annotations

import functools
import itertools
import json
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pycountry
from markupsafe import Markup, escape
from pydantic import Field

from ..extract.thresholds import DEFAULT_MIN_PLACE_CONFIDENCE
from ..query.common import fact_confidence
from ..store.db import columns
from . import queries as q
from .eventsql import event_condition, filter_key
from .params import FilterValueError
from .queries import D, WebDb

ATLAS = Path(__file__).resolve().parent / "static" / "vendor" / "world-atlas" / "countries-110m.json"
#: The drawing's width; the height follows from the latitudes shown.
WIDTH = 960
TOP, BOTTOM = 84.0, -58.0
SCALE = WIDTH / 360.0
HEIGHT = round((TOP - BOTTOM) * SCALE)
#: The most points drawn (the busiest places); the country shading counts every event.
MAX_POINTS = 600
#: Events or articles listed for one clicked point.
POINT_ITEMS = 50
#: Country fill from no events to the most (five steps of one blue).
#: The fill of a country without events (the first of :data:`SHADES`).
NO_FILL = "#eef2f6"
SHADES = [NO_FILL, "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]

_lock = threading.Lock()


class MapFilters(q.EventFilters):
    """The events list's filters, plus what to draw."""

    layer: Literal["events", "places"] = Field(
        default="events",
        description="events (at their location; every events filter applies) or places (every place "
        "named in an article, by the article's date and the place's country).",
    )
    party: str | None = Field(
        default=None, max_length=300, description="An actor or recipient: entity key, actor code or name."
    )


class PointFilters(MapFilters):
    """One drawn point: the events or articles at it."""

    lat: float = Field(ge=-90, le=90, allow_inf_nan=False, description="The point's latitude.")
    lon: float = Field(ge=-180, le=180, allow_inf_nan=False, description="The point's longitude.")


def project(lat: float, lon: float) -> tuple[float, float]:
    """Drawing coordinates of a point (equirectangular)."""
    return round((lon + 180.0) * SCALE, 1), round((TOP - lat) * SCALE, 1)


@dataclass(frozen=True, slots=True)
class Country:
    code: str | None  # ISO alpha-3 (None for the few shapes without an ISO number)
    name: str
    path: str  # SVG path data


@functools.cache
def world() -> tuple[Country, ...]:
    """The countries' shapes as SVG paths, decoded from the vendored TopoJSON once."""
    topo = json.loads(ATLAS.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append(project(y * sy + ty, x * sx + tx))
        arcs.append(points)

    def ring(indices: list[int]) -> str:
        points: list[tuple[float, float]] = []
        for i in indices:
            part = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(part if not points else part[1:])
        kept = [p for n, p in enumerate(points) if n == 0 or p != points[n - 1]]
        # a ring cut at the 180th meridian jumps across the drawing: a new piece starts there
        out = "M" + f"{kept[0][0]:g},{kept[0][1]:g}"
        for (x0, _), (x, y) in itertools.pairwise(kept):
            out += ("M" if abs(x - x0) > WIDTH / 2 else "L") + f"{x:g},{y:g}"
        return out + "Z"

    out = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        name = (geometry.get("properties") or {}).get("name", "")
        if name == "Antarctica":
            continue
        found = pycountry.countries.get(numeric=geometry["id"]) if geometry.get("id") else None
        path = "".join(ring(r) for polygon in polygons for r in polygon)
        out.append(Country(found.alpha_3 if found else None, name, path))
    return tuple(out)


@functools.cache
def _country_parts() -> tuple[tuple[str | None, str, str, str], ...]:
    """Each country's shape as the escaped pieces of its ``<path>`` around what a map changes
    (fill, number): made once, so a page does not escape the shapes (100 kB) again."""
    parts = []
    for c in world():
        name = str(escape(c.name))
        head = f'<path d="{escape(c.path)}" fill="'
        middle = f'" data-country="{escape(c.code or "")}" data-name="{name}" data-n="'
        parts.append((c.code, head, middle, name))
    return tuple(parts)


def country_paths(mp: dict[str, Any]) -> Markup:
    """The countries of a map (as :func:`map_data` gives it) as SVG ``<path>`` elements, one a
    line, shaded by their number of events (or articles), each titled with its name and number."""
    shading: dict[str, str] = mp["shading"]
    by_country: dict[str, int] = mp["by_country"]
    unit = str(escape(mp["unit"]))
    out = []
    for code, head, middle, name in _country_parts():
        fill = str(escape(shading.get(code, NO_FILL))) if code else NO_FILL
        n = by_country.get(code, 0) if code else 0
        title = f"{name}: {n:,} {unit}" if code in by_country else name
        out.append(f'{head}{fill}{middle}{n}"><title>{title}</title></path>\n')
    return Markup("".join(out))


def prepare(db: WebDb) -> None:
    """Build the map's table and indexes when the app starts (else on first use)."""
    _event_geo(db)
    points_index(db)  # and the events' places it is made from


def _event_geo(db: WebDb) -> None:
    """``derived.event_geo``: each event's coordinates by list rank."""

    def build() -> bool:
        with _lock:
            db.cursor().execute(
                f"""CREATE TABLE IF NOT EXISTS {D}.event_geo AS
                SELECT d.rank, round(TRY_CAST(v.record->'location'->>'lat' AS DOUBLE), 3) AS lat,
                       round(TRY_CAST(v.record->'location'->>'lon' AS DOUBLE), 3) AS lon
                FROM events v JOIN {D}.events d ON d.article_id = v.article_id AND d.n = v.n
                WHERE TRY_CAST(v.record->'location'->>'lat' AS DOUBLE) IS NOT NULL
                  AND TRY_CAST(v.record->'location'->>'lon' AS DOUBLE) IS NOT NULL
                ORDER BY d.rank"""
            )
        return True

    db.memo(("event_geo",), build)


def _few_events(db: WebDb, f: MapFilters) -> npt.NDArray[np.int32] | None:
    """The ranks of the events ``f`` selects, selected in memory as the list does
    (:meth:`~newsgraph.web.queries.EventColumns.select_array`), or None when that cannot be done
    (days before the year 1000: left to SQL)."""
    if not db.event_columns.usable:
        return None
    return q.party_events(db, f, q.event_filter(db, f)[2])[0]


def _check_layer(f: MapFilters) -> None:
    if f.layer == "places":
        for name in ("actor", "recipient", "party", "type", "quad", "language", "facts_only"):
            if getattr(f, name):
                raise FilterValueError(name, "filters events: not a filter of the places layer")


def map_data(db: WebDb, f: MapFilters) -> dict[str, Any]:
    """Points (``lat``, ``lon``, drawing ``x`` and ``y``, place name, country, number of events
    or articles) for the busiest :data:`MAX_POINTS` places, and the count per country."""
    _check_layer(f)
    found: dict[str, Any] = db.memo(("map", filter_key(f)), lambda: _map_data(db, f))
    return found


def _map_data(db: WebDb, f: MapFilters) -> dict[str, Any]:
    few = _few_events(db, f) if f.layer == "events" else None
    if few is not None:
        points, by_country = group_points(db, few, MAX_POINTS)
    elif f.layer == "events":
        _event_geo(db)
        with event_condition(db, f) as (cond, params, extra):
            point_sql = f"""SELECT g.lat, g.lon, mode(e.place) AS place, mode(e.country) AS country,
                                   count(*) AS n
                            FROM {D}.events e JOIN {D}.event_geo g ON g.rank = e.rank WHERE {cond}
                            GROUP BY g.lat, g.lon ORDER BY n DESC, g.lat, g.lon"""
            country_sql = f"""SELECT e.country, count(*) AS n FROM {D}.events e
                              WHERE {cond} AND e.country IS NOT NULL GROUP BY 1"""
            points, by_country = _aggregate(db, point_sql, country_sql, params, extra)
    elif f.country and not (f.date_from or f.date_to):
        points, by_country = _country_places(db, f.country.upper())
    else:
        points, by_country = _places(db, f)
    peak = max(by_country.values(), default=0)
    return {
        "layer": f.layer,
        "unit": "events" if f.layer == "events" else "articles",
        "points": points,
        "total_points": len(points),
        "by_country": by_country,
        "shading": {c: shade(n, peak) for c, n in by_country.items()},
        "width": WIDTH,
        "height": HEIGHT,
    }


def _aggregate(
    db: WebDb, point_sql: str, country_sql: str, params: list[Any], extra: Any
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    def compute() -> tuple[list[dict[str, Any]], dict[str, int]]:
        rows = db.rows(point_sql, params)
        for r in rows:
            r["x"], r["y"] = project(r["lat"], r["lon"])
        counts = {r["country"]: int(r["n"]) for r in db.rows(country_sql, params)}
        return rows, counts

    found: tuple[list[dict[str, Any]], dict[str, int]] = db.memo(
        ("map", point_sql, q._hashable(params), extra), compute
    )
    rows, counts = found
    return rows[:MAX_POINTS], counts


def sure_place(db: WebDb) -> str:
    """The condition on ``places p`` that keeps the places the map shows: those of confidence
    :data:`DEFAULT_MIN_PLACE_CONFIDENCE` and above (a place stored without one counts as 1)."""

    def build() -> str:
        confidence = fact_confidence(columns(db.cursor(), "places"), "p.")
        return f"coalesce({confidence}, 1.0) >= {DEFAULT_MIN_PLACE_CONFIDENCE!r}"

    found: str = db.once(("sure_place",), build)
    return found


def _places(db: WebDb, f: MapFilters) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The places layer's points and articles per country, queried."""
    where = ["p.lat IS NOT NULL", "p.lon IS NOT NULL", sure_place(db)]
    params: list[Any] = []
    if f.country:
        where.append("p.country = ?")
        params.append(f.country.upper())
    q._dates(where, params, f, "s.published")
    cond = " AND ".join(where)
    source = f"places p JOIN {D}.search s ON s.id = p.article_id"
    point_sql = f"""SELECT round(p.lat, 3) AS lat, round(p.lon, 3) AS lon, mode(p.name) AS place,
                           mode(p.country) AS country, count(DISTINCT p.article_id) AS n
                    FROM {source} WHERE {cond} GROUP BY 1, 2 ORDER BY n DESC, lat, lon"""
    country_sql = f"""SELECT p.country, count(DISTINCT p.article_id) AS n FROM {source}
                      WHERE {cond} AND p.country IS NOT NULL GROUP BY 1"""
    return _aggregate(db, point_sql, country_sql, params, None)


def _country_places(db: WebDb, country: str) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The places layer of one country without dates, as the query of :func:`_map_data` gives
    it (its points, busiest first, and its number of articles), from the points of every
    country grouped once per store: a country's map then costs a look-up, not two queries."""

    def load() -> tuple[dict[str, list[dict[str, Any]]], dict[str, int]]:
        source = f"places p JOIN {D}.search s ON s.id = p.article_id"
        cond = f"p.lat IS NOT NULL AND p.lon IS NOT NULL AND p.country IS NOT NULL AND {sure_place(db)}"
        points: dict[str, list[dict[str, Any]]] = {}
        for r in db.rows(
            f"""SELECT p.country AS c, round(p.lat, 3) AS lat, round(p.lon, 3) AS lon,
                       mode(p.name) AS place, p.country AS country, count(DISTINCT p.article_id) AS n
                FROM {source} WHERE {cond} GROUP BY p.country, 2, 3 ORDER BY p.country, n DESC, lat, lon"""
        ):
            r["x"], r["y"] = project(r["lat"], r["lon"])
            points.setdefault(r.pop("c"), []).append(r)
        counts = {
            r["country"]: int(r["n"])
            for r in db.rows(
                f"SELECT p.country, count(DISTINCT p.article_id) AS n FROM {source} WHERE {cond} GROUP BY 1"
            )
        }
        return points, counts

    found: tuple[dict[str, list[dict[str, Any]]], dict[str, int]] = db.once(("country_places",), load)
    points, counts = found
    rows = [dict(r) for r in points.get(country, [])[:MAX_POINTS]]
    return rows, ({country: counts[country]} if country in counts else {})


@dataclass(frozen=True, slots=True)
class EventPlaces:
    """Every event's rounded coordinates, place and country by list rank - 1 (``None`` where it
    has none), held in memory; and the same as arrays: each event's point (-1: none) and its
    (point, place) and (point, country) pairs, so that the map of any selection of events is
    grouped with a few counts, without a query joining the whole events table."""

    lat: list[float | None]
    lon: list[float | None]
    place: list[str | None]
    country: list[str | None]
    #: the distinct points, in (lat, lon) order, and each event's (-1: none)
    points: list[tuple[float, float]]
    point: npt.NDArray[np.int32]
    #: the distinct (point, place) pairs of events at a point, each event's (-1: none), and each
    #: pair's point and place (the place's index in sorted ``places``, -1: none)
    place_pair: npt.NDArray[np.int32]
    place_pairs: tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]
    places: list[str]
    #: the same for countries, in the event columns' sorted ``countries``
    country_pair: npt.NDArray[np.int32]
    country_pairs: tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]


def _pairs(
    point: npt.NDArray[np.int32], value: npt.NDArray[np.int32], width: int
) -> tuple[npt.NDArray[np.int32], tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]]:
    """Each event's (point, value) pair (-1 where it has no point), and each pair's point and value."""
    key = point.astype(np.int64) * (width + 1) + (value + 1)
    pairs, pair = np.unique(key[point >= 0], return_inverse=True)
    out = np.full(len(point), -1, np.int32)
    out[point >= 0] = pair
    at, v = np.divmod(pairs, width + 1)
    return out, (at.astype(np.int32), (v - 1).astype(np.int32))


def event_places(db: WebDb) -> EventPlaces:
    """The :class:`EventPlaces` of ``db``, loaded once."""

    def load() -> EventPlaces:
        _event_geo(db)
        n = len(db.event_rows)
        lat: list[float | None] = [None] * n
        lon: list[float | None] = [None] * n
        for rank, la, lo in db.cursor().execute(f"SELECT rank, lat, lon FROM {D}.event_geo").fetchall():
            lat[rank - 1], lon[rank - 1] = la, lo
        place = db.event_rows.table.column("place").to_pylist()
        points = sorted({(a, b) for a, b in zip(lat, lon, strict=True) if a is not None and b is not None})
        at = {p: i for i, p in enumerate(points)}
        point = np.array(
            [-1 if a is None or b is None else at[(a, b)] for a, b in zip(lat, lon, strict=True)], np.int32
        )
        places = sorted({p for p in place if p is not None})
        named = {p: i for i, p in enumerate(places)}
        place_code = np.array([-1 if p is None else named[p] for p in place], np.int32)
        cols = db.event_columns
        place_pair, place_pairs = _pairs(point, place_code, len(places))
        country_pair, country_pairs = _pairs(point, cols.country_code, len(cols.countries))
        return EventPlaces(
            lat, lon, place, cols.country, points, point, place_pair, place_pairs, places,
            country_pair, country_pairs,
        )  # fmt: skip

    found: EventPlaces = db.once(("event_places",), load)
    return found


def points_index(db: WebDb) -> dict[tuple[float, float], tuple[int, ...]]:
    """The ranks of the events at each point (rounded coordinates), in list order, loaded once."""

    def load() -> dict[tuple[float, float], tuple[int, ...]]:
        at = event_places(db)
        found: dict[tuple[float, float], list[int]] = {}
        for i, (lat, lon) in enumerate(zip(at.lat, at.lon, strict=True)):
            if lat is not None and lon is not None:
                found.setdefault((lat, lon), []).append(i + 1)
        return {k: tuple(v) for k, v in found.items()}

    index: dict[tuple[float, float], tuple[int, ...]] = db.once(("points_index",), load)
    return index


def _modes(
    counts: npt.NDArray[np.int64], pairs: tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]], n_points: int
) -> npt.NDArray[np.int32]:
    """Per point, the value of its most frequent pair among ``counts`` (ties: the first value in
    sort order, as SQL's ``mode``; -1 when none), for the values that are not None."""
    point, value = pairs
    live = np.flatnonzero((counts > 0) & (value >= 0))
    order = live[np.lexsort((value[live], -counts[live], point[live]))]
    best = np.full(n_points, -1, np.int32)
    firsts = np.ones(len(order), np.bool_)
    firsts[1:] = point[order][1:] != point[order][:-1]
    best[point[order][firsts]] = value[order][firsts]
    return best


def group_points(
    db: WebDb, ranks: Sequence[int] | npt.NDArray[Any], limit: int | None = None
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The map's points (events grouped by coordinates: most frequent place and country, number)
    busiest first (the first ``limit``), and the events per country, of the events of these ranks;
    the same rows as the SQL aggregates give, counted in memory."""
    at = event_places(db)
    cols = db.event_columns
    idx = np.asarray(ranks, np.int64) - 1
    country = cols.country_code[idx]
    per_country = np.bincount(country[country >= 0], minlength=len(cols.countries))
    by_country = {cols.countries[c]: int(per_country[c]) for c in np.flatnonzero(per_country).tolist()}
    point = at.point[idx]
    here = point >= 0
    n = np.bincount(point[here], minlength=len(at.points))
    place = _modes(
        np.bincount(at.place_pair[idx][here], minlength=len(at.place_pairs[0])), at.place_pairs, len(n)
    )
    state = _modes(
        np.bincount(at.country_pair[idx][here], minlength=len(at.country_pairs[0])), at.country_pairs, len(n)
    )
    shown = np.flatnonzero(n)
    shown = shown[np.argsort(-n[shown], kind="stable")][:limit]  # points are in (lat, lon) order
    points = []
    for p in shown.tolist():
        lat, lon = at.points[p]
        x, y = project(lat, lon)
        points.append(
            {
                "lat": lat,
                "lon": lon,
                "place": at.places[place[p]] if place[p] >= 0 else None,
                "country": cols.countries[state[p]] if state[p] >= 0 else None,
                "n": int(n[p]),
                "x": x,
                "y": y,
            }
        )
    return points, by_country


def shade(n: int, peak: int) -> str:
    """A country's fill for ``n`` events when the busiest has ``peak`` (square-root steps: tells
    apart countries within one order of magnitude, and a few from none)."""
    if n <= 0 or peak <= 0:
        return SHADES[0]
    step = 1 + int((len(SHADES) - 1) * math.sqrt(n / peak))
    return SHADES[min(step, len(SHADES) - 1)]


def point(db: WebDb, f: PointFilters) -> dict[str, Any]:
    """The events (or, on the places layer, the articles) at one point, as the map's filters
    select them: the first :data:`POINT_ITEMS` and their number."""
    _check_layer(f)
    lat, lon = round(f.lat, 3), round(f.lon, 3)
    if f.layer == "events" and db.event_columns.usable:
        # the events at the point, from memory, filtered as the list filters an actor's events
        party = q.event_filter(db, f)[2]
        here = np.array(points_index(db).get((lat, lon), ()), np.int32)
        ranks, _ = db.event_columns.select(f, here if party is None else np.intersect1d(here, party), "year")
        return {
            "layer": "events",
            "lat": lat,
            "lon": lon,
            "total": len(ranks),
            "items": q._events_by_rank(db, ranks[:POINT_ITEMS]),
        }
    if f.layer == "events":
        _event_geo(db)
        with event_condition(db, f) as (cond, params, _):
            ranks = [
                r["rank"]
                for r in db.rows(
                    f"""SELECT e.rank FROM {D}.events e JOIN {D}.event_geo g ON g.rank = e.rank
                        WHERE {cond} AND g.lat = ? AND g.lon = ? ORDER BY e.rank""",
                    [*params, lat, lon],
                )
            ]
        return {
            "layer": "events",
            "lat": lat,
            "lon": lon,
            "total": len(ranks),
            "items": q._events_by_rank(db, ranks[:POINT_ITEMS]),
        }
    where = ["round(p.lat, 3) = ?", "round(p.lon, 3) = ?", sure_place(db)]
    values: list[Any] = [lat, lon]
    if f.country:
        where.append("p.country = ?")
        values.append(f.country.upper())
    q._dates(where, values, f, "s.published")
    rows = db.rows(
        f"""SELECT s.id, s.title, s.source, s.published, mode(p.name) AS place, count(*) AS mentions
            FROM places p JOIN {D}.search s ON s.id = p.article_id WHERE {" AND ".join(where)}
            GROUP BY s.rank, s.id, s.title, s.source, s.published ORDER BY s.rank""",
        values,
    )
    return {"layer": "places", "lat": lat, "lon": lon, "total": len(rows), "items": rows[:POINT_ITEMS]}


def entity_map(db: WebDb, key: str) -> dict[str, Any]:
    """The map panel of an entity's page: where the events it acted in or was the recipient of
    took place (events below the default confidence left out, as in its lists)."""
    key = q.canonical_key(db, key)
    ranks = sorted((q._party_ranks(db, "actor", key) | q._party_ranks(db, "recipient", key)) - db.unsure)
    found: tuple[list[dict[str, Any]], dict[str, int]] = db.memo(
        ("entity_map", key), lambda: group_points(db, ranks)
    )
    points, by_country = found[0][:MAX_POINTS], found[1]
    peak = max(by_country.values(), default=0)
    return {
        "layer": "events",
        "unit": "events",
        "points": points,
        "total_points": len(points),
        "by_country": by_country,
        "shading": {c: shade(n, peak) for c, n in by_country.items()},
        "width": WIDTH,
        "height": HEIGHT,
    }
