"""Jinja2 templates (autoescaped) and the small helpers they use."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import orjson
from jinja2 import ChainableUndefined, Environment, PackageLoader, select_autoescape
from starlette.requests import Request

from ..store.export_graph import QUAD_COLOURS
from .fragments import GLOBALS as FRAGMENTS
from .fragments import number, path_part
from .geo import country_paths
from .highlight import visible_bidi
from .search import mark_hits


def shown(value: Any) -> Any:
    """What a template prints for ``value``: text with its bidirectional controls made visible
    (:func:`~newsgraph.web.highlight.visible_bidi`; escaping follows), HTML already built as it is."""
    if type(value) is str and not value.isascii():  # Markup (built HTML) is a subclass
        return visible_bidi(value)
    return value


env = Environment(
    loader=PackageLoader("newsgraph.web", "templates"),
    autoescape=select_autoescape(enabled_extensions=("html",), default=True),
    undefined=ChainableUndefined,  # records may lack optional fields
    finalize=shown,  # no text from an input reorders the page
    trim_blocks=True,
    lstrip_blocks=True,
)

NAV = [
    ("/articles", "Articles"),
    ("/entities", "Entities"),
    ("/quotes", "Quotes"),
    ("/events", "Events"),
    ("/network", "Network"),
    ("/map", "Map"),
    ("/counts", "Counts"),
    ("/api/docs", "API"),
]


def with_query(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters changed (``None`` removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + ("?" + query if query else "")


def download_url(request: Request, fmt: str) -> str:
    """The download of the list being shown: every row of the current filter as ``fmt``."""
    params = {k: v for k, v in request.query_params.items() if k not in ("page", "per_page")}
    query = urlencode(params)
    return f"/api{request.url.path}.{fmt}" + ("?" + query if query else "")


def api_twin(request: Request) -> str:
    """The JSON twin of the page being shown: the same path under ``/api``, same parameters."""
    path = request.url.path
    twin = "/api" if path == "/" else "/api" + path
    query = request.url.query
    return twin + ("?" + query if query else "")


def type_counts(types: dict[str, int]) -> str:
    """``{"ACCUSE": 3, "AGREE": 1}`` as ``ACCUSE 3, AGREE 1``."""
    return ", ".join(f"{t} {n}" for t, n in sorted(types.items()))


env.filters["path_part"] = path_part
env.globals["country_paths"] = country_paths
env.filters["type_counts"] = type_counts
env.filters["number"] = number
env.filters["mark_hits"] = mark_hits
env.globals["NAV"] = NAV
env.globals.update(FRAGMENTS)


def _json_dumps(value: Any, **_: Any) -> str:
    """``tojson``'s writer: ``orjson`` (keys sorted, as Jinja's default), several times faster than
    ``json.dumps`` on an article's facts; Jinja still escapes ``<``, ``>``, ``&`` and ``'`` in it."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS).decode()


env.policies["json.dumps_function"] = _json_dumps
env.globals["QUAD_COLOURS"] = {k: "#{:02x}{:02x}{:02x}".format(*v) for k, v in QUAD_COLOURS.items()}


def render(request: Request, template: str, context: dict[str, Any]) -> str:
    """Render ``template`` with ``context`` plus ``request``, URL helpers and the JSON twin's URL."""
    return env.get_template(template).render(
        request=request,
        with_query=lambda **kw: with_query(request, **kw),
        api_url=api_twin(request),
        download_url=lambda fmt: download_url(request, fmt),
        filter_query=urlencode(
            [(k, v) for k, v in request.query_params.multi_items() if k not in ("page", "per_page")]
        ),
        current=request.url.path,
        **context,
    )
