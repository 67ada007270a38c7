"""Downloads of every list as CSV and JSON (``/api/<list>.csv``, ``/api/<list>.json``): every row
the filters select, not one page, with the list's own parameters (``page`` and ``per_page`` are
ignored). Streamed: the rows are read a chunk at a time through the same query function as the
list, and written as they come, so a download of 100,000 rows never holds them all.

CSV cells that a spreadsheet would run as a formula are defused
(:func:`~newsgraph.store.csvsafe.safe_cell`, as in every CSV newsgraph writes)."""

# no `from __future__ import annotations`: the routes made in a loop need their filter model
# itself in their annotations, not its name

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from ..store.csvsafe import safe_cell
from . import netview, params, search
from . import queries as q
from .api import Db
from .queries import WebDb

router = APIRouter(prefix="/api", tags=["downloads"])

#: Rows read per query while streaming.
CHUNK = 1000


def cell(value: Any) -> str:
    """One value of a JSON row as a CSV cell: lists joined with ``; `` (actors by name), objects
    as JSON, booleans as true/false, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        parts = [
            (v.get("name") or v.get("text") or v.get("code") or "") if isinstance(v, dict) else str(v)
            for v in value
        ]
        return str(safe_cell("; ".join(parts)))
    if isinstance(value, dict):
        return str(safe_cell(orjson.dumps(value).decode()))
    return str(safe_cell(str(value)))


@dataclass(frozen=True, slots=True)
class View:
    """A list that can be downloaded: its filters, a function reading one page, and its columns
    (the keys of its JSON rows, for the header of an empty download)."""

    filters: type[q._Form]
    read: Callable[[WebDb, Any], dict[str, Any]]
    columns: tuple[str, ...]
    paged: bool = True


def _network_edges(db: WebDb, f: netview.NetworkView) -> dict[str, Any]:
    return {"items": netview.network(db, f)["edges"]}


VIEWS: dict[str, View] = {
    "articles": View(
        search.ArticleSearch,
        search.articles,
        ("id", "title", "source", "published", "n_words", "relevance", "snippet"),
    ),
    "entities": View(
        q.EntityFilters,
        q.entities,
        (
            "key",
            "name",
            "type",
            "code",
            "sector",
            "mentions",
            "articles",
            "aliases",
            "first_seen",
            "last_seen",
        ),
    ),
    "quotes": View(
        q.QuoteFilters,
        q.quotes,
        (
            "article_id",
            "n",
            "start",
            "end",
            "text",
            "kind",
            "cue",
            "speaker_text",
            "speaker_name",
            "speaker_key",
            "speaker_code",
            "published",
            "title",
        ),
    ),
    "events": View(
        q.EventFilters,
        lambda db, f: q.events(db, f, timeline=False),
        (
            "article_id",
            "n",
            "start",
            "end",
            "text",
            "event_type",
            "quad",
            "mode",
            "date",
            "day",
            "place",
            "country",
            "negated",
            "confidence",
            "sentence",
            "title",
            "actors",
            "recipients",
        ),
    ),
    "counts": View(
        q.CountFilters,
        q.counts,
        (
            "article_id",
            "n",
            "start",
            "end",
            "text",
            "value",
            "number_text",
            "qualifier",
            "kind",
            "object",
            "unit",
            "published",
            "title",
        ),
    ),
    "network": View(
        netview.NetworkView,
        _network_edges,
        ("source", "target", "weight", "quad", "n_events", "n_quotes", "by_quad", "types"),
        paged=False,
    ),
}


def rows(db: WebDb, view: str, f: Any) -> Iterator[list[dict[str, Any]]]:
    """Every row of ``view`` that ``f`` selects, in the list's order, a chunk at a time."""
    spec = VIEWS[view]
    if not spec.paged:
        yield spec.read(db, f)["items"]
        return
    page = 1
    while True:
        chunk = spec.read(db, f.model_copy(update={"page": page, "per_page": CHUNK}))["items"]
        if chunk:
            yield chunk
        if len(chunk) < CHUNK:
            return
        page += 1


def csv_lines(db: WebDb, view: str, f: Any) -> Iterator[bytes]:
    """The CSV download, a chunk of rows per piece (UTF-8, header first)."""
    header: list[str] | None = None
    for chunk in rows(db, view, f):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        if header is None:
            header = list(chunk[0])
            writer.writerow(header)
        writer.writerows([cell(r.get(k)) for k in header] for r in chunk)
        yield out.getvalue().encode("utf-8")
    if header is None:
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerow(VIEWS[view].columns)
        yield out.getvalue().encode("utf-8")


def json_lines(db: WebDb, view: str, f: Any) -> Iterator[bytes]:
    """The JSON download: one array of the list's rows, as the list's ``items`` hold them."""
    yield b"["
    first = True
    for chunk in rows(db, view, f):
        body = b",".join(orjson.dumps(r) for r in chunk)
        yield body if first else b"," + body
        first = False
    yield b"]\n"


def _add(view: str) -> None:
    spec = VIEWS[view]
    model = spec.filters

    def download_csv(db: Db, f: Annotated[model, Query()]) -> StreamingResponse:  # type: ignore[valid-type]
        params.check(db, f, view=view)
        return StreamingResponse(
            csv_lines(db, view, f),
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="{view}.csv"'},
        )

    def download_json(db: Db, f: Annotated[model, Query()]) -> StreamingResponse:  # type: ignore[valid-type]
        params.check(db, f, view=view)
        return StreamingResponse(
            json_lines(db, view, f),
            media_type="application/json",
            headers={"content-disposition": f'attachment; filename="{view}.json"'},
        )

    router.add_api_route(
        f"/{view}.csv",
        download_csv,
        methods=["GET"],
        summary=f"Every {view} row the filters select, as CSV (streamed)",
        response_class=StreamingResponse,
    )
    router.add_api_route(
        f"/{view}.json",
        download_json,
        methods=["GET"],
        summary=f"Every {view} row the filters select, as one JSON array (streamed)",
        response_class=StreamingResponse,
    )


for _view in VIEWS:
    _add(_view)
