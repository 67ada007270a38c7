"""The web app: a JSON API under ``/api`` (OpenAPI at ``/api/openapi.json``, described at
``/api/docs``), HTML pages that each have a JSON twin, and the static files. Read-only over the
store; every page and API call reads through :mod:`newsgraph.web.queries`."""

from __future__ import annotations

import functools
import gc
import logging
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..store.db import Store
from .cache import CacheMiddleware, ResponseCache
from .charts import prepare as prepare_charts
from .db import LiveDb, LiveMiddleware
from .geo import prepare as prepare_map
from .params import FilterValueError
from .queries import WebDb
from .render import render
from .search import prepare as prepare_search

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"

#: The content security policy: scripts, styles and data only from this server, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: The same for the network page, where Cytoscape.js sets inline styles on its canvas (scripts
#: stay restricted to this server's files).
CSP_INLINE_STYLES = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
#: Sent with every response that does not set its own.
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                have = {name.lower() for name, _ in headers}
                message["headers"] = headers + [(k, v) for k, v in SECURITY_HEADERS if k not in have]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """ASGI middleware answering HEAD on every page, API route and static file: the request is
    served as a GET and the body dropped, so the headers (length, type) are those of the GET."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


#: What a 405 answer names in ``Allow`` when the route says nothing: the app only reads.
ALLOWED = ("GET", "HEAD")


def allow_header(methods: str | None) -> str:
    """The ``Allow`` header of a 405 answer: the route's methods, with HEAD wherever GET is."""
    named = [m.strip().upper() for m in (methods or "").split(",") if m.strip()] or list(ALLOWED)
    if "GET" in named and "HEAD" not in named:
        named.append("HEAD")
    return ", ".join(named)


def wants_json(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def error_response(
    request: Request,
    status: int,
    message: str,
    details: list[Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """One JSON error body for the API, one error page for the rest."""
    if wants_json(request):
        body: dict[str, Any] = {"error": {"status": status, "message": message}}
        if details:
            body["error"]["details"] = details
        return JSONResponse(body, status_code=status, headers=headers)
    return HTMLResponse(
        render(request, "error.html", {"status": status, "message": message, "details": details or []}),
        status_code=status,
        headers=headers,
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}"
    headers = dict(exc.headers or {})
    if exc.status_code == 405:  # say which methods are allowed (RFC 9110)
        headers["Allow"] = allow_header(headers.pop("Allow", None) or headers.pop("allow", None))
        message = f"{request.method} is not allowed at {request.url.path}: use {headers['Allow']}"
    return error_response(request, exc.status_code, message, headers=headers or None)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    details = [
        {
            "param": ".".join(str(p) for p in e.get("loc", ())[1:]) or None,
            "message": "not a parameter of this page" if e.get("type") == "extra_forbidden" else e.get("msg"),
        }
        for e in exc.errors()
    ]
    named = ", ".join(dict.fromkeys(str(d["param"]) for d in details if d["param"]))
    return error_response(
        request, 400, "invalid request parameters" + (f": {named}" if named else ""), details
    )


async def _filter_value_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FilterValueError)
    return error_response(
        request,
        400,
        f"invalid request parameters: {exc.param}",
        [{"param": exc.param, "message": exc.message}],
    )


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("error serving %s", request.url.path, exc_info=exc)
    return error_response(request, 500, "internal error: see the server log")


def open_db(db_path: str | Path, *, rows: bool = False) -> WebDb:
    """The store read-only with every derived table the pages use (the search's and the map's);
    with ``rows``, also the bytes of the download rows made at start-up
    (:func:`newsgraph.web.prewarm.make_rows`)."""
    db = WebDb(db_path)
    prepare_search(db)
    prepare_map(db)
    prepare_charts(db)
    if rows:
        from .prewarm import make_rows

        started = time.perf_counter()
        try:
            made = make_rows(db)
            log.info("%d download rows made in %.1f s", made, time.perf_counter() - started)
        except Exception:  # they are made when a download needs them: the store opens all the same
            log.exception("making the download rows of %s failed", db_path)
    settle()
    return db


def settle() -> None:
    """Put what is alive now (the open store's tables and indexes, built to last as long as it)
    out of the cyclic garbage collector's sight: a full collection walks every list of them, a
    quarter of a second on 10,000 articles during which no request moves, and would run again
    and again as requests allocate. What was put aside before is looked at once more, so that a
    store closed since is freed."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def create_app(db_path: str | Path, *, prewarm: bool = False) -> FastAPI:
    """The app over the store at ``db_path`` (opened read-only; derived tables are built now).
    With ``prewarm``, the answers every visitor's first clicks ask are made at start-up, before
    the server listens, and the download rows whenever the store is opened (also after it was
    replaced) (:mod:`newsgraph.web.prewarm`)."""
    live = LiveDb(db_path, opener=functools.partial(open_db, rows=prewarm))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        _limit_threads()
        import anyio

        from .downloads import DOWNLOAD_THREADS

        # the threads of streamed downloads: their own, made on this event loop
        app.state.download_limiter = anyio.CapacityLimiter(DOWNLOAD_THREADS)
        if prewarm:
            from .prewarm import prewarm as make_answers

            await make_answers(app)
        yield
        live.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Read-only API over a newsgraph store: articles, entities, quotes, events, counts "
        "and the actor network. Every HTML page has a twin here with the same query parameters.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    _add_load_handling(app, live)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(FilterValueError, _filter_value_error)
    app.add_exception_handler(Exception, _server_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from .api import router as api_router
    from .downloads import router as downloads_router
    from .pages import router as pages_router

    app.include_router(downloads_router)
    app.include_router(api_router)
    app.include_router(pages_router)
    return app


#: Threads running the (synchronous) routes at once, per server process. Each request's Python
#: work holds the interpreter lock, so more threads than cores only make every request wait for
#: the others (anyio's default is 40); a few let one request's DuckDB query (which runs without
#: the lock) overlap another's Python. Cached answers take no thread at all.
REQUEST_THREADS = 4


def _limit_threads() -> None:
    """Bound the thread pool of this event loop (call it on the loop, at start-up)."""
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS


def _add_load_handling(app: FastAPI, live: LiveDb) -> None:
    """``app.state.db`` follows the store file (:class:`LiveDb`), and whole answers are kept per
    store version (:class:`ResponseCache`), emptied when the store is reopened."""
    cache = ResponseCache()

    def swapped(db: WebDb | None) -> None:
        app.state.db = db
        cache.clear()
        settle()  # the old store's objects are collected now

    live.on_swap = swapped
    app.state.db = live.db
    app.state.live = live
    app.state.cache = cache
    app.add_middleware(CacheMiddleware, cache=cache, version=lambda: live.version)
    app.add_middleware(LiveMiddleware, live=live)


#: Environment variable that tells worker processes which store to open.
DB_ENV = "NEWSGRAPH_WEB_DB"


def app_from_env() -> FastAPI:
    """The app over the store named in ``$NEWSGRAPH_WEB_DB`` (for uvicorn worker processes)."""
    return create_app(os.environ[DB_ENV], prewarm=True)


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    log_level: str = "info",
) -> None:
    """Serve the app with uvicorn until interrupted. With ``workers`` above 1, that many
    processes each open the store read-only and build their own derived tables."""
    import uvicorn

    if workers <= 1:
        uvicorn.run(create_app(db_path, prewarm=True), host=host, port=port, log_level=log_level)
        return
    Store(db_path, read_only=True).close()  # fail here, with a clear message, not in every worker
    os.environ[DB_ENV] = str(Path(db_path).resolve())
    uvicorn.run(
        "newsgraph.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
    )
