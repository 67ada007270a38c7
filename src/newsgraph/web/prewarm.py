"""Answers made at start-up, before the server takes requests: the URLs every visitor's first
clicks ask (the overview, each list without filters and the first pages its "next" links lead
to, the network and the map, each page with its JSON twin), so that the first requests find them
in the answer cache instead of all queueing behind their computation at once.

They are asked of the app itself, through its whole middleware stack (the answer cache keeps
them as it keeps any answer, under the same keys a browser's request has), one after another
on the request threads, while the server is not listening yet."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from starlette.types import ASGIApp, Message

log = logging.getLogger(__name__)

#: The lists whose first pages are made, with the JSON twin of each.
LISTS = ("articles", "entities", "quotes", "events", "counts")
#: Pages made per list: the unfiltered list and ``?page=2`` to ``?page=PAGES`` (its "next" links).
PAGES = 20
#: The other pages made without parameters (with their JSON twins).
SINGLE = ("", "network", "map")


def urls(pages: int = PAGES) -> list[str]:
    """The paths and query strings made at start-up, pages before their JSON twins."""
    out = [f"/{name}" for name in SINGLE]
    for name in LISTS:
        out.append(f"/{name}")
        out += [f"/{name}?page={n}" for n in range(1, pages + 1)]
    return [u for path in out for u in (path, "/api" + path.rstrip("/"))]


async def prewarm(app: ASGIApp, pages: int = PAGES) -> int:
    """Ask ``app`` for :func:`urls` (its answer cache keeps each ``200``); returns how many
    answered ``200``. A failure is logged and skipped: the server starts all the same."""
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
