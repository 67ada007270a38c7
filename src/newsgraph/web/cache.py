"""Whole answers of the pages and API calls, remembered per store version.

Every page and API answer depends only on its path, its query string and the store, which a
server reads without writing. So the bytes of a ``200`` answer to a ``GET`` are kept, keyed on
``(store version, path, query string)``, and the next ``GET`` of the same URL is answered from
memory, on the event loop, without a thread, a query or a template; requests for a URL that is
being computed wait for that answer instead of computing it again. The store version changes
when the store file is replaced (:mod:`newsgraph.web.db`): the cache is then emptied, and an
answer computed from the old store can never be found under the new version's keys.

Entries are dropped least recently used first when the total passes ``max_bytes``; an answer
larger than ``max_entry`` is not kept. Static files are served by Starlette and not kept here.

A kept text or JSON answer of :data:`COMPRESS_AFTER` bytes or more (a download, a long list) is
also kept gzip-compressed, once, and a client that accepts gzip (``Accept-Encoding``; browsers and
httpx do) gets those bytes with ``Content-Encoding: gzip``: a quotes download of 330 kB goes out
as about a tenth of it, which the server writes and the client reads far sooner under load. Both
forms of such an answer say ``Vary: Accept-Encoding``; the first answer of a URL, not yet kept, goes
out as the app made it.
"""

from __future__ import annotations

import asyncio
import gzip
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Paths never kept: static files (Starlette serves them from disk, with their own validators).
NOT_CACHED = ("/static/",)
#: Kept answers at least this long are also kept gzip-compressed (:func:`with_gzip`).
COMPRESS_AFTER = 64 * 2**10
#: Content types worth compressing.
_COMPRESSIBLE = (b"text/", b"application/json")
#: Headers a compressed form of an answer does not take from the plain one.
_PLAIN_ONLY = frozenset({b"content-length", b"content-encoding", b"vary"})


@dataclass(frozen=True, slots=True)
class Answer:
    """One complete HTTP answer: status, headers and body."""

    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    #: the body gzip-compressed, for clients that accept it; None when not worth it
    gzipped: bytes | None = None

    @property
    def size(self) -> int:
        extra = len(self.gzipped) if self.gzipped is not None else 0
        return len(self.body) + extra + sum(len(k) + len(v) for k, v in self.headers) + 64

    def gzip_headers(self) -> list[tuple[bytes, bytes]]:
        """The headers of the compressed form: the plain form's, with the compressed length."""
        assert self.gzipped is not None
        kept = [(k, v) for k, v in self.headers if k.lower() not in _PLAIN_ONLY]
        return [
            *kept,
            (b"content-encoding", b"gzip"),
            (b"content-length", str(len(self.gzipped)).encode()),
            (b"vary", b"Accept-Encoding"),
        ]


def with_gzip(answer: Answer) -> Answer:
    """``answer`` with a gzip-compressed form of its body when it is long text or JSON not already
    encoded and compresses to under 90% of its size (level 1: about 3 ms for 400 kB of JSON);
    the plain form then says ``Vary: Accept-Encoding`` too."""
    if len(answer.body) < COMPRESS_AFTER:
        return answer
    names = {k.lower(): v for k, v in answer.headers}
    if b"content-encoding" in names or not names.get(b"content-type", b"").startswith(_COMPRESSIBLE):
        return answer
    packed = gzip.compress(answer.body, compresslevel=1, mtime=0)
    if len(packed) > 0.9 * len(answer.body):
        return answer
    headers = (*((k, v) for k, v in answer.headers if k.lower() != b"vary"), (b"vary", b"Accept-Encoding"))
    return Answer(answer.status, headers, answer.body, packed)


def accepts_gzip(scope: Scope) -> bool:
    """Whether the request's ``Accept-Encoding`` takes gzip (and does not refuse it with q=0)."""
    for name, value in scope.get("headers") or ():
        if name.lower() != b"accept-encoding":
            continue
        for part in value.decode("latin-1").lower().split(","):
            coding, _, params = part.strip().partition(";")
            if coding.strip() in ("gzip", "x-gzip"):
                q = params.strip()
                if not q.startswith("q="):
                    return True
                try:
                    return float(q[2:]) > 0
                except ValueError:
                    return False
    return False


@dataclass
class ResponseCache:
    """A least-recently-used map of answers, bounded in bytes, safe across threads."""

    #: the distinct answers of the load bench (bench/web.py, 36 routes on the 10,000-article
    #: store) come to 223 MB after 15,000 requests and 287 MB after 30,000: at 128 MB the cache
    #: dropped answers from the 5,000th request on, each asked for again a miss
    max_bytes: int = 384 * 2**20
    max_entry: int = 4 * 2**20
    hits: int = 0
    misses: int = 0
    _entries: OrderedDict[Hashable, Answer] = field(default_factory=OrderedDict)
    _bytes: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key: Hashable) -> Answer | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: Hashable, answer: Answer) -> None:
        size = answer.size
        if size > self.max_entry:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            self._entries[key] = answer
            self._bytes += size
            while self._bytes > self.max_bytes and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= dropped.size

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def bytes(self) -> int:
        return self._bytes


class CacheMiddleware:
    """ASGI middleware answering a ``GET`` from ``cache`` when the same path and query string were
    answered ``200`` on the same store version (``version()``); otherwise it runs the app and keeps
    its ``200`` answer. Other methods, other statuses and :data:`NOT_CACHED` paths pass through."""

    def __init__(self, app: ASGIApp, cache: ResponseCache, version: Callable[[], Hashable]) -> None:
        self.app = app
        self.cache = cache
        self.version = version
        #: URLs being computed now: a second request for one waits for the first one's answer
        #: instead of computing it again (a burst of the same page on a cold cache)
        self._pending: dict[Hashable, asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(NOT_CACHED):
            await self.app(scope, receive, send)
            return
        key = (self.version(), scope["path"], scope.get("query_string", b""))
        found = self.cache.get(key)
        if found is None and key in self._pending:
            await self._pending[key].wait()
            found = self.cache.get(key)  # None when that answer was not kept: computed again
        if found is not None:
            if found.gzipped is not None and accepts_gzip(scope):
                headers, body = found.gzip_headers(), found.gzipped
            else:
                headers, body = list(found.headers), found.body
            await send({"type": "http.response.start", "status": found.status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: Message | None = None
        held = False  # the start message waits for the first piece of the body
        chunks: list[bytes] | None = []  # None: too large to keep (a streamed download), not held
        size = 0
        gzip_ok = accepts_gzip(scope)

        async def keep(message: Message) -> None:
            nonlocal start, held, chunks, size
            if message["type"] == "http.response.start":
                start, held = message, True  # its headers may change with the body (gzip)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            body = message.get("body", b"")
            more = message.get("more_body", False)
            if chunks is not None:
                size += len(body)
                if size > self.cache.max_entry:
                    chunks = None  # let it stream through without holding it
                else:
                    chunks.append(body)
            answer: Answer | None = None
            if chunks is not None and not more and start is not None and start["status"] == 200:
                headers = tuple((bytes(k), bytes(v)) for k, v in start.get("headers", []))
                if not any(k.lower() == b"set-cookie" for k, _ in headers):
                    answer = with_gzip(Answer(200, headers, b"".join(chunks)))
                    self.cache.put(key, answer)
            if held and start is not None:
                held = False
                if answer is not None and len(chunks or ()) == 1:  # one piece: as a hit would go
                    use_gzip = answer.gzipped is not None and gzip_ok
                    headers_out = answer.gzip_headers() if use_gzip else list(answer.headers)
                    await send({**start, "headers": headers_out})
                    await send({**message, "body": answer.gzipped if use_gzip else answer.body})
                    return
                await send(start)
            await send(message)

        if key in self._pending:
            await self.app(scope, receive, keep)
            return
        self._pending[key] = done = asyncio.Event()
        try:
            await self.app(scope, receive, keep)
        finally:
            del self._pending[key]
            done.set()
