"""The JSON API: one route per page, calling the same query function with the same parameters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel

from . import charts, geo, netview, search
from . import queries as q
from .params import check
from .queries import WebDb
from .render import render


class JSON(JSONResponse):
    """A JSON response written straight from the query functions' plain values (they hold only
    JSON types) by ``orjson`` (compact UTF-8, as ``json.dumps`` with ``ensure_ascii=False`` and
    no spaces, several times faster), skipping FastAPI's generic encoder."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


router = APIRouter(prefix="/api", default_response_class=JSON)


async def get_db(request: Request) -> WebDb:
    """The open store (async: FastAPI runs a plain function dependency on a worker thread, one
    more hop per request for an attribute read)."""
    db: WebDb = request.app.state.db
    return db


Db = Annotated[WebDb, Depends(get_db)]


def _key(view: str, f: Any) -> tuple[str, Any]:
    return (view, f.model_dump_json() if isinstance(f, BaseModel) else f)


def data(db: WebDb, view: str, f: Any, compute: Callable[[], Any]) -> Any:
    """A page's data, computed once for the page and its JSON twin (:meth:`WebDb.shared`),
    under the view and its parameters as parsed (``f``: a filter model, or a key)."""
    return db.shared(_key(view, f), compute)


def data_json(db: WebDb, view: str, f: Any, compute: Callable[[], Any]) -> Response | None:
    """:func:`data` as the twin's JSON answer, sent from the kept bytes (None: no data)."""
    value, body = db.shared_entry(_key(view, f), compute)
    if body is not None:
        return Response(body, media_type="application/json")
    return None if value is None else JSON(value)


@router.get("", summary="Overview: row counts, top entities, latest articles, filter values")
def overview(db: Db) -> JSON:
    return JSON(q.overview(db))


@router.get("/articles", summary="Articles: full-text search and filters, newest first")
def articles(db: Db, f: Annotated[search.ArticleSearch, Query()]) -> Response:
    check(db, f, view="articles")
    return data_json(db, "articles", f, lambda: search.articles(db, f)) or JSON(None)


@router.get("/articles/{article_id}", summary="One article with all its facts")
def article(db: Db, article_id: str) -> Response:
    found = data_json(db, "article", article_id, lambda: q.article(db, article_id))
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found


@router.get("/entities", summary="Entities, most mentioned first")
def entities(db: Db, f: Annotated[q.EntityFilters, Query()]) -> JSON:
    check(db, f, view="entities")
    return JSON(q.entities(db, f))


@router.get("/entities/{key:path}", summary="One entity: names, roles, quotes, events, co-occurring")
def entity(db: Db, key: str) -> Response:
    found = data_json(db, "entity", key, lambda: q.entity(db, key))
    if found is None:
        raise HTTPException(404, f"no entity {key!r}")
    return found


@router.get("/quotes", summary="Quotes: search text, filter by speaker, country, dates")
def quotes(db: Db, f: Annotated[q.QuoteFilters, Query()]) -> Response:
    check(db, f, view="quotes")
    return data_json(db, "quotes", f, lambda: q.quotes(db, f)) or JSON(None)


@router.get("/events", summary="Events with a timeline by date and type, and the top actors")
def events(db: Db, f: Annotated[q.EventFilters, Query()]) -> Response:
    check(db, f, view="events")
    return data_json(db, "events", f, lambda: charts.events(db, f)) or JSON(None)


@router.get("/network", summary="Actor network: weighted edges from events and quotes, one node per country")
def network(db: Db, f: Annotated[netview.NetworkView, Query()]) -> JSON:
    check(db, f, view="network")
    return JSON(netview.network(db, f))


@router.get("/counts", summary="Counts (casualties, amounts) by kind, with their articles, over time")
def counts(db: Db, f: Annotated[q.CountFilters, Query()]) -> JSON:
    check(db, f, view="counts")
    return JSON(charts.counts(db, f))


@router.get("/map", summary="Map: events (or places) as points, and events per country")
def map_(db: Db, f: Annotated[geo.MapFilters, Query()]) -> JSON:
    check(db, f, view="events")
    return JSON(geo.map_data(db, f))


@router.get("/map/point", summary="The events (or articles) behind one point of the map")
def map_point(db: Db, f: Annotated[geo.PointFilters, Query()]) -> JSON:
    check(db, f, view="events")
    return JSON(geo.point(db, f))


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The OpenAPI description as a page (no scripts, nothing fetched from elsewhere)."""
    spec = request.app.openapi()
    return HTMLResponse(render(request, "api_docs.html", {"spec": spec}))
