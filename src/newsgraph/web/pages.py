"""The HTML pages. Each calls the same query function as its JSON twin under ``/api``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from . import charts, geo, netview, search
from . import queries as q
from .api import Db, data
from .app import CSP_INLINE_STYLES
from .highlight import fact_spans, highlight
from .params import check
from .render import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def page(
    request: Request, template: str, headers: dict[str, str] | None = None, **context: Any
) -> HTMLResponse:
    return HTMLResponse(render(request, template, context), headers=headers)


@router.get("/")
def home(request: Request, db: Db) -> HTMLResponse:
    return page(request, "index.html", data=q.overview(db))


@router.get("/articles")
def articles(request: Request, db: Db, f: Annotated[search.ArticleSearch, Query()]) -> HTMLResponse:
    check(db, f, view="articles")
    return page(
        request,
        "articles.html",
        data=data(db, "articles", f, lambda: search.articles(db, f)),
        f=f,
        facets=db.facets,
    )


@router.get("/articles/{article_id}")
def article(request: Request, db: Db, article_id: str) -> HTMLResponse:
    found = data(db, "article", article_id, lambda: q.article(db, article_id))
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    text = found["article"]["text"]
    spans = fact_spans(text, found["facts"], found["article"].get("headings") or [])
    entity_ids = {e.get("id"): e for e in found["facts"]["entities"]}
    return page(
        request,
        "article.html",
        data=found,
        body=highlight(text, spans),
        entity_ids=entity_ids,
    )


@router.get("/entities")
def entities(request: Request, db: Db, f: Annotated[q.EntityFilters, Query()]) -> HTMLResponse:
    check(db, f, view="entities")
    return page(request, "entities.html", data=q.entities(db, f), f=f, facets=db.facets)


@router.get("/entities/{key:path}")
def entity(request: Request, db: Db, key: str) -> HTMLResponse:
    found = data(db, "entity", key, lambda: q.entity(db, key))
    if found is None:
        raise HTTPException(404, f"no entity {key!r}")
    return page(
        request, "entity.html", data=found, map=geo.entity_map(db, found["entity"]["key"]), world=geo.world()
    )


@router.get("/quotes")
def quotes(request: Request, db: Db, f: Annotated[q.QuoteFilters, Query()]) -> HTMLResponse:
    check(db, f, view="quotes")
    return page(
        request, "quotes.html", data=data(db, "quotes", f, lambda: q.quotes(db, f)), f=f, facets=db.facets
    )


@router.get("/events")
def events(request: Request, db: Db, f: Annotated[q.EventFilters, Query()]) -> HTMLResponse:
    check(db, f, view="events")
    return page(
        request,
        "events.html",
        data=data(db, "events", f, lambda: charts.events(db, f)),
        map=geo.map_data(db, geo.MapFilters.model_validate(f.model_dump())),
        world=geo.world(),
        f=f,
        facets=db.facets,
    )


@router.get("/network")
def network(request: Request, db: Db, f: Annotated[netview.NetworkView, Query()]) -> HTMLResponse:
    check(db, f, view="network")
    data = netview.network(db, f)
    return page(
        request,
        "network.html",
        headers={"content-security-policy": CSP_INLINE_STYLES},
        data=data,
        labels={n["id"]: n["label"] for n in data["nodes"]},
        f=f,
        facets=db.facets,
    )


@router.get("/counts")
def counts(request: Request, db: Db, f: Annotated[q.CountFilters, Query()]) -> HTMLResponse:
    check(db, f, view="counts")
    return page(request, "counts.html", data=charts.counts(db, f), f=f, facets=db.facets)


@router.get("/map")
def map_page(request: Request, db: Db, f: Annotated[geo.MapFilters, Query()]) -> HTMLResponse:
    check(db, f, view="events")
    return page(request, "map.html", data=geo.map_data(db, f), world=geo.world(), f=f, facets=db.facets)
