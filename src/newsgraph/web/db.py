"""The store a running server reads, and its version.

A server holds the store open read-only, which keeps writers out of that file, but the file at
the path can still be replaced: an ingest into a copy moved over the served one
(``mv new.duckdb newsgraph.duckdb``), or a restore from a backup. :class:`LiveDb` looks at the
file at most once per ``check_every`` seconds (one ``stat``); when it is another file or has
changed, it lets the requests in flight finish, holds new ones, reopens the store (rebuilding
the derived tables), empties the response cache and bumps the version, so that nothing computed
from the old store is answered again. If the new file cannot be opened, requests answer ``503``
until it can.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable, Hashable
from pathlib import Path

import duckdb
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import NewsgraphError
from .queries import WebDb

log = logging.getLogger(__name__)

#: Seconds between two looks at the store file.
CHECK_EVERY = 1.0

Identity = tuple[int, int, int, int] | None


def file_identity(path: Path) -> Identity:
    """What tells one state of the file from another: device, inode, size, modification time."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class LiveDb:
    """The :class:`WebDb` over ``path``, reopened when the file at ``path`` changes.

    ``on_swap`` is called with the new ``WebDb`` (or ``None`` while it cannot be opened) after a
    reopen. :attr:`version` changes with every reopen."""

    def __init__(
        self,
        path: str | Path,
        *,
        opener: Callable[[Path], WebDb] = WebDb,
        on_swap: Callable[[WebDb | None], None] | None = None,
        check_every: float = CHECK_EVERY,
    ) -> None:
        self.path = Path(path)
        self.opener = opener
        self.on_swap = on_swap
        self.check_every = check_every
        self.identity = file_identity(self.path)
        self.db: WebDb | None = opener(self.path)
        self.generation = 0
        self._checked = time.monotonic()
        self._active = 0
        self._idle: asyncio.Event | None = None
        self._reloading: asyncio.Event | None = None

    @property
    def version(self) -> Hashable:
        """Changes whenever the store is reopened (the response cache's keys start with it)."""
        return (self.generation, self.identity)

    def changed(self) -> bool:
        """Whether the file differs from the one open (looked at once per ``check_every`` s)."""
        now = time.monotonic()
        if now - self._checked < self.check_every:
            return False
        self._checked = now
        return self.db is None or file_identity(self.path) != self.identity

    async def enter(self) -> WebDb | None:
        """Before a request (on the event loop): wait for a reopen under way, start one when the
        file changed, and count the request in flight."""
        while self._reloading is not None:
            await self._reloading.wait()
        if self.changed():
            await self._reload()
        self._active += 1
        return self.db

    def leave(self) -> None:
        self._active -= 1
        if self._active == 0 and self._idle is not None:
            self._idle.set()

    async def _reload(self) -> None:
        self._reloading = done = asyncio.Event()
        try:
            while self._active:  # let the requests on the old store finish
                self._idle = asyncio.Event()
                await self._idle.wait()
            self._idle = None
            await run_in_threadpool(self._reopen)
        finally:
            self._reloading = None
            done.set()

    def _reopen(self) -> None:
        identity = file_identity(self.path)
        old, self.db = self.db, None
        if old is not None:
            old.close()  # DuckDB would hand back the open database for the same path
        try:
            self.db = self.opener(self.path)
            log.info("the store %s changed: reopened", self.path)
        except (NewsgraphError, OSError, duckdb.Error) as exc:
            log.error("the store %s changed and cannot be opened: %s", self.path, exc)
        self.identity = identity
        self.generation += 1
        if self.on_swap is not None:
            self.on_swap(self.db)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


class LiveMiddleware:
    """ASGI middleware that brackets every HTTP request with :meth:`LiveDb.enter` and
    :meth:`LiveDb.leave`; while the store cannot be opened it answers ``503``."""

    def __init__(self, app: ASGIApp, live: LiveDb) -> None:
        self.app = app
        self.live = live

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        db = await self.live.enter()
        try:
            if db is None and not scope["path"].startswith("/static/"):
                body = {"error": {"status": 503, "message": f"the store {self.live.path} cannot be opened"}}
                await JSONResponse(body, status_code=503)(scope, receive, send)
                return
            await self.app(scope, receive, send)
        finally:
            self.live.leave()
