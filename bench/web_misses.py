"""The server's CPU per request, per route, in process: the load bench's request stream (the same
routes and parameter makers as ``bench/web.py``) replayed on the app without a network, each
request's CPU measured, and split into misses (a URL not asked before: the answer cache cannot
help) and hits.

    python bench/web_misses.py [--articles 10000] [--requests 6000] [--seed 0] [--split] [--cold] [--json OUT]

The app is made as ``newsgraph serve`` makes it, with the answers and download rows made at
start-up (``newsgraph.web.prewarm``; ``--cold``: without them): a URL made then and asked again
counts as a miss (it is the first time the stream asks it) that costs what a hit costs.

The app is called as ASGI on one asyncio event loop (routes run in its thread pool, as under
uvicorn); a request's CPU is ``time.process_time()`` around it (every thread of the process), so
it holds the app's whole work but not HTTP parsing (h11/httptools) nor the network. With
``--split``, each miss also runs under yappi (CPU clock, every thread) and its self time is shared
out among what it went to: DuckDB, Arrow, Jinja (templates, MarkupSafe, the render helpers), JSON
(orjson), the web framework (Starlette, FastAPI, pydantic, anyio, asyncio) and newsgraph's own
Python; yappi slows everything down, so the split's figures are shares, not times.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from web import build_store, routes  # noqa: E402  (bench/web.py, next to this file)

Send = Callable[[dict[str, Any]], Any]


class Driver:
    """Calls an ASGI app on its own event loop, one request at a time. The loop runs in a thread
    of its own under one long-lived task, as under uvicorn: anyio's worker threads (and each
    thread's DuckDB cursor) live as long as that task, not one request each."""

    def __init__(self, app: Any) -> None:
        import concurrent.futures
        import threading

        self.app = app
        self.loop = asyncio.new_event_loop()
        self._queue: asyncio.Queue[tuple[str, concurrent.futures.Future[tuple[int, bytes]]] | None]
        ready: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._thread = threading.Thread(
            target=self.loop.run_until_complete, args=(self._serve(ready),), daemon=True
        )
        self._thread.start()
        ready.result()

    async def _serve(self, ready: Any) -> None:
        self._queue = asyncio.Queue()
        async with self.app.router.lifespan_context(self.app):
            ready.set_result(None)
            while (job := await self._queue.get()) is not None:
                url, done = job
                try:
                    done.set_result(await self._get(url))
                except BaseException as exc:  # handed to the caller
                    done.set_exception(exc)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self._queue.put_nowait, None)
        self._thread.join()
        self.loop.close()

    def get(self, url: str) -> tuple[int, bytes]:
        import concurrent.futures

        done: concurrent.futures.Future[tuple[int, bytes]] = concurrent.futures.Future()
        self.loop.call_soon_threadsafe(self._queue.put_nowait, (url, done))
        return done.result()

    async def _get(self, url: str) -> tuple[int, bytes]:
        parts = urlsplit(url)
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": unquote(parts.path),
            "raw_path": parts.path.encode(),
            "query_string": parts.query.encode(),
            "root_path": "",
            "headers": [(b"host", b"testserver")],
            "client": ("127.0.0.1", 1),
            "server": ("testserver", 80),
        }
        status = 0
        body: list[bytes] = []

        asked = False

        async def receive() -> dict[str, Any]:
            nonlocal asked
            if not asked:
                asked = True
                return {"type": "http.request", "body": b"", "more_body": False}
            # the client stays connected: a streamed answer's wait for a disconnect must not spin
            await asyncio.Event().wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))

        await self.app(scope, receive, send)
        return status, b"".join(body)


class Sampler:
    """What ``routes()`` needs of an HTTP client (``get(path, params=...).json()``), over a Driver."""

    def __init__(self, driver: Driver) -> None:
        self.driver = driver

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        status, body = self.driver.get(path + ("?" + urlencode(params) if params else ""))

        class Answer:
            status_code = status

            @staticmethod
            def json() -> Any:
                return json.loads(body)

        return Answer()


#: What a profiled function's self time counts as, by the first match in its module path or name.
KINDS = (
    ("duckdb", ("duckdb", "DuckDBPy")),
    ("arrow", ("pyarrow",)),
    ("jinja", ("jinja2", "markupsafe", "/templates/", "newsgraph/web/render.py", "Markup")),
    ("json", ("orjson", "/json/")),
    (
        "framework",
        ("starlette", "fastapi", "pydantic", "anyio", "asyncio", "uvloop", "concurrent", "threading"),
    ),
    ("newsgraph", ("newsgraph",)),
)


def kind_of(module: str, name: str) -> str:
    where = f"{module} {name}"
    for kind, marks in KINDS:
        if any(m in where for m in marks):
            return kind
    return "other"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=6000, help="requests of the replayed stream")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--split", action="store_true", help="profile each miss with yappi: where its CPU went")
    ap.add_argument("--only", help="replay only the routes whose name contains this")
    ap.add_argument("--cold", action="store_true", help="without the answers made at start-up")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args()

    from newsgraph.web.app import create_app

    db = build_store(args.articles, rebuild=False)
    started = time.perf_counter()
    try:  # as `newsgraph serve` makes it: with the answers and rows made at start-up
        app = create_app(db, prewarm=not args.cold)
    except TypeError:  # a checkout from before start-up answers
        app = create_app(db)
    driver = Driver(app)
    print(f"app ready in {time.perf_counter() - started:.1f} s", flush=True)
    table = routes(Sampler(driver))
    if args.only:
        table = [(n, m) for n, m in table if args.only in n]
    rng = random.Random(args.seed)
    for _, make in table:  # the bench's warm-up: one request per route
        driver.get(make(rng))
    seen: set[str] = set()
    cpu: dict[tuple[str, bool], list[float]] = defaultdict(list)
    split: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    errors = 0
    if args.split:
        import yappi

        yappi.set_clock_type("cpu")
    for _ in range(args.requests):
        name, make = rng.choice(table)
        url = make(rng)
        miss = url not in seen
        seen.add(url)
        if miss and args.split:
            yappi.clear_stats()
            yappi.start(builtins=True)
        t0 = time.process_time()
        status, _ = driver.get(url)
        spent = time.process_time() - t0
        if miss and args.split:
            yappi.stop()
            for f in yappi.get_func_stats():
                split[name][kind_of(f.module, f.name)] += f.tsub
        errors += status != 200
        cpu[(name, miss)].append(spent * 1000)
    driver.close()

    names = list(dict.fromkeys(n for n, _ in table))
    rows = []
    print(f"\n{'route':<24}{'misses':>7}{'miss ms':>9}{'p50':>7}{'p90':>7}{'hits':>6}{'hit ms':>8}")
    for name in names:
        m, h = cpu[(name, True)], cpu[(name, False)]
        row = {
            "route": name,
            "misses": len(m),
            "miss_ms": round(statistics.fmean(m), 2) if m else None,
            "miss_p50_ms": round(statistics.median(m), 2) if m else None,
            "miss_p90_ms": round(sorted(m)[int(0.9 * (len(m) - 1))], 2) if m else None,
            "hits": len(h),
            "hit_ms": round(statistics.fmean(h), 2) if h else None,
        }
        if args.split and split[name]:
            total = sum(split[name].values()) or 1.0
            row["split"] = {k: round(v / total, 3) for k, v in sorted(split[name].items())}
        rows.append(row)
        print(
            f"{name:<24}{len(m):>7}{row['miss_ms'] or 0:>9.2f}{row['miss_p50_ms'] or 0:>7.2f}"
            f"{row['miss_p90_ms'] or 0:>7.2f}{len(h):>6}{row['hit_ms'] or 0:>8.2f}"
            + (
                "  " + " ".join(f"{k} {v:.0%}" for k, v in row["split"].items() if v >= 0.01)
                if "split" in row
                else ""
            )
        )
    all_m = [v for (n, miss), vs in cpu.items() if miss for v in vs]
    all_h = [v for (n, miss), vs in cpu.items() if not miss for v in vs]
    print(
        f"\n{args.requests} requests, {len(all_m)} misses ({statistics.fmean(all_m):.2f} ms CPU each), "
        f"{len(all_h)} hits ({statistics.fmean(all_h) if all_h else 0:.2f} ms), {errors} not 200; "
        f"CPU of all misses {sum(all_m) / 1000:.1f} s"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps({"requests": args.requests, "seed": args.seed, "routes": rows}, indent=2)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
