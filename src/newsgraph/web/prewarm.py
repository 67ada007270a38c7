"""Answers made at start-up, before the server takes requests: the URLs every visitor's first
clicks ask (the overview, each list without filters and the first pages its "next" links lead
to, the network and the map, each page with its JSON twin), so that the first requests find them
in the answer cache instead of all queueing behind their computation at once; and the bytes of
every row of the lists held in memory as their downloads write them (:data:`ROWS`), so that any
download of them is a join of bytes from the first request on.

They are asked of the app itself, through its whole middleware stack (the answer cache keeps
them as it keeps any answer, under the same keys a browser's request has), one after another
on the request threads, while the server is not listening yet."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Any

from starlette.types import ASGIApp, Message

if TYPE_CHECKING:
    from .queries import WebDb

log = logging.getLogger(__name__)

#: The lists whose first pages are made, with the JSON twin of each.
LISTS = ("articles", "entities", "quotes", "events", "counts")
#: Pages made per list: the unfiltered list and ``?page=2`` to ``?page=PAGES`` (its "next" links).
PAGES = 20
#: The other pages made without parameters (with their JSON twins).
SINGLE = ("", "network", "map")
#: The downloads whose rows are made at start-up (list, format): every list held in memory in
#: both formats but the events as JSON (95 MB at 10,000 articles, past
#: :data:`~newsgraph.web.downloads.KEPT_BYTES`); about 93 MB and 5 s of CPU at 10,000 articles.
ROWS = (("events", "csv"), ("quotes", "csv"), ("quotes", "json"), ("counts", "csv"), ("counts", "json"))


def make_rows(db: WebDb, which: tuple[tuple[str, str], ...] = ROWS) -> int:
    """Make the bytes of every row of these downloads (:meth:`RowBytes.fill
    <newsgraph.web.downloads.RowBytes.fill>`) up to their bound; returns how many were made."""
    from .downloads import row_bytes

    return sum(row_bytes(db, view, fmt).fill() for view, fmt in which)


def urls(pages: int = PAGES) -> list[str]:
    """The paths and query strings made at start-up, pages before their JSON twins."""
    out = [f"/{name}" for name in SINGLE]
    for name in LISTS:
        out.append(f"/{name}")
        out += [f"/{name}?page={n}" for n in range(1, pages + 1)]
    return [u for path in out for u in (path, "/api" + path.rstrip("/"))]


async def prewarm(app: ASGIApp, pages: int = PAGES) -> int:
    """Ask ``app`` for :func:`urls` (its answer cache keeps each ``200``); returns how many
    answered ``200``. A failure is logged and skipped: the server starts all the same. (The
    download rows, :func:`make_rows`, are made when the store is opened.)"""
    started = time.perf_counter()
    made = 0
    for url in urls(pages):
        try:
            made += await _get(app, url) == 200
        except Exception:  # the request will be made again by whoever asks it
            log.exception("start-up answer for %s failed", url)
    log.info("%d answers made at start-up in %.1f s", made, time.perf_counter() - started)
    return made


async def _get(app: ASGIApp, url: str) -> int:
    path, _, query = url.partition("?")
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"localhost")],
        "client": ("127.0.0.1", 0),
        "server": ("localhost", 80),
    }
    status = 0

    asked = False

    async def receive() -> Message:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # connected until the answer ends (a stream waits for this)
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status
