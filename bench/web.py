"""Latency of every web page and API call on a store of 10,000 articles, under concurrent clients.

    python bench/web.py [--articles 10000] [--clients 8] [--workers 2] [--requests 40] [--json OUT] [--check]

1. Builds a synthetic store (``newsgraph.testing``: every fact kind in the contract's form)
   in ``bench/out/web_<N>.duckdb``, or reuses it when it is there (``--rebuild`` to force).
2. Starts ``newsgraph serve --workers N`` on it in a subprocess, on a free port of 127.0.0.1, and
   waits for it.
3. Samples real parameter values (article ids, entity keys, speakers, words, types) from the API.
4. Sends ``--requests`` requests to each route (36 routes: each HTML page and its JSON twin, with
   and without filters, on random pages; the map; two filtered downloads), from ``--clients``
   threads with one keep-alive HTTP client each, in a shuffled order, after one warm-up request
   per route.
5. Prints p50, p95 and max per route and overall, and whether every p95 is under 200 ms.
6. With ``--download``, streams every event as CSV (over 100,000 rows at 10,000 articles) and
   prints the server's resident memory before and at its peak meanwhile.

Only 127.0.0.1 is contacted; the request count is fixed and every request has a timeout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import httpx

HERE = Path(__file__).resolve().parent
TARGET_P95_MS = 200.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(n: int, rebuild: bool) -> Path:
    from newsgraph.testing import build_store as build

    path = HERE / "out" / f"web_{n}.duckdb"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not rebuild:
        print(f"store: reusing {path}", flush=True)
        return path
    started = time.perf_counter()
    build(path, n)
    print(f"store: built {path} ({n} articles) in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    code = "from newsgraph.cli import main; main()"
    cmd = [sys.executable, "-c", code, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--workers", str(workers)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 180) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise SystemExit(f"the server exited early:\n{err}")
        try:
            if httpx.get(base + "/api", timeout=2).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise SystemExit("the server did not answer in time")


Route = tuple[str, Callable[[random.Random], str]]


def routes(base: str) -> list[Route]:
    """Every page and its JSON twin, with URL makers fed by values sampled from the store."""
    c = httpx.Client(base_url=base, timeout=30)
    overview = c.get("/api").json()
    articles = [a["id"] for a in c.get("/api/articles", params={"per_page": 200}).json()["items"]]
    keys = [e["key"] for e in c.get("/api/entities", params={"per_page": 200}).json()["items"]]
    people = [
        e["name"] for e in c.get("/api/entities", params={"type": "PERSON", "per_page": 100}).json()["items"]
    ]
    words = sorted(
        {
            w.lower()
            for a in c.get("/api/articles").json()["items"]
            for w in a["snippet"].split()
            if len(w) > 5
        }
    )
    facets = overview["facets"]
    types, countries = facets["event_types"], facets["countries"]
    # phrases: two words that follow each other in some snippet; map points to open
    phrases = sorted(
        {
            " ".join(pair).lower()
            for a in c.get("/api/articles").json()["items"]
            for pair in zip(a["snippet"].split()[1:-1], a["snippet"].split()[2:-1], strict=False)
            if all(w.isalpha() and len(w) > 3 for w in pair)
        }
    ) or ["foreign minister"]
    points = [(p["lat"], p["lon"]) for p in c.get("/api/map", params={"min_confidence": 0}).json()["points"]]
    c.close()

    first = dt.date.fromisoformat(facets["first_day"]) if facets.get("first_day") else dt.date(2023, 1, 1)
    last = dt.date.fromisoformat(facets["last_day"]) if facets.get("last_day") else first
    months = max(1, (last.year - first.year) * 12 + last.month - first.month)

    def page(r: random.Random) -> int:
        return r.randint(1, 20)

    def window(r: random.Random) -> dict[str, str]:
        """A random date range of one to six months."""
        start = r.randint(0, months - 1)
        begin = dt.date(first.year + (first.month - 1 + start) // 12, (first.month - 1 + start) % 12 + 1, 1)
        end = begin + dt.timedelta(days=30 * r.randint(1, 6))
        return {"date_from": begin.isoformat(), "date_to": end.isoformat()}

    def maybe(r: random.Random, values: list[str]) -> str:
        return r.choice(["", *values])

    def both(name: str, path: str, make: Callable[[random.Random], dict[str, Any]]) -> list[Route]:
        def url(prefix: str) -> Callable[[random.Random], str]:
            def build(r: random.Random) -> str:
                params = make(r)
                return prefix + path + ("?" + urlencode(params) if params else "")

            return build

        return [(name, url("")), ("api " + name, url("/api"))]

    def entity_url(prefix: str) -> Callable[[random.Random], str]:
        return lambda r: f"{prefix}/entities/{quote(r.choice(keys), safe='')}"

    def article_url(prefix: str) -> Callable[[random.Random], str]:
        return lambda r: f"{prefix}/articles/{r.choice(articles)}"

    return [
        ("overview", lambda r: "/"),
        ("api overview", lambda r: "/api"),
        *both("articles", "/articles", lambda r: {"page": page(r)}),
        *both("articles search", "/articles", lambda r: {"q": r.choice(words)}),
        *both(
            "articles filtered",
            "/articles",
            lambda r: {"country": r.choice(countries), "page": r.randint(1, 3)},
        ),
        ("article", article_url("")),
        ("api article", article_url("/api")),
        *both(
            "entities",
            "/entities",
            lambda r: {"page": r.randint(1, 5), "type": r.choice(["", "PERSON", "GPE"])},
        ),
        ("entity", entity_url("")),
        ("api entity", entity_url("/api")),
        *both("quotes", "/quotes", lambda r: {"page": page(r)}),
        *both("quotes by speaker", "/quotes", lambda r: {"speaker": r.choice(people).split()[-1]}),
        *both("events", "/events", lambda r: {"page": page(r)}),
        *both(
            "events filtered", "/events", lambda r: {"type": r.choice(types), "actor": r.choice(countries)}
        ),
        *both("network", "/network", lambda r: {"quad": r.choice(["", "material conflict", "quote"])}),
        *both("counts", "/counts", lambda r: {"kind": r.choice(["", "killed", "money", "displaced"])}),
        *both("articles phrase", "/articles", lambda r: {"q": f'"{r.choice(phrases)}"'}),
        *both("map", "/map", lambda r: {"type": maybe(r, types), **r.choice([{}, window(r)])}),
        *both("map places", "/map", lambda r: {"layer": "places", "country": maybe(r, countries)}),
        (
            "api map point",
            lambda r: "/api/map/point?" + urlencode(dict(zip(("lat", "lon"), r.choice(points), strict=True))),
        ),
        (
            "download events csv",
            lambda r: "/api/events.csv?" + urlencode({"type": r.choice(types), "actor": r.choice(countries)}),
        ),
        (
            "download quotes json",
            lambda r: "/api/quotes.json?" + urlencode({"speaker": r.choice(people).split()[-1]}),
        ),
    ]


def run(base: str, table: list[Route], clients: int, per_route: int, seed: int) -> dict[str, list[float]]:
    rng = random.Random(seed)
    jobs = [(name, make(rng)) for name, make in table for _ in range(per_route)]
    rng.shuffle(jobs)
    timings: dict[str, list[float]] = {name: [] for name, _ in table}
    errors: list[str] = []
    lock = threading.Lock()
    chunks = [jobs[i::clients] for i in range(clients)]

    def client(chunk: list[tuple[str, str]]) -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            for name, url in chunk:
                t0 = time.perf_counter()
                r = c.get(url)
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    timings[name].append(ms)
                    if r.status_code != 200:
                        errors.append(f"{r.status_code} {url}")

    with httpx.Client(base_url=base, timeout=60) as warm:  # one warm-up request per route
        for _, make in table:
            warm.get(make(rng))
    threads = [threading.Thread(target=client, args=(chunk,)) for chunk in chunks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print(f"{len(errors)} requests failed, e.g. {errors[:3]}", file=sys.stderr)
    timings["_errors"] = [float(len(errors))]
    return timings


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (Linux ``/proc``), in MB."""
    total = 0
    pids = [pid, *(int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def download_check(base: str, pid: int, path: str = "/api/events.csv?min_confidence=0") -> dict[str, Any]:
    """Stream the largest download (every event) and sample the server's memory meanwhile: the
    rows, the bytes, the time, and the server's resident memory before and at its peak."""
    before = rss_mb(pid)
    peak = before
    n_bytes = n_lines = 0
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=600) as c, c.stream("GET", path) as r:
        last = 0.0
        for chunk in r.iter_bytes():
            n_bytes += len(chunk)
            n_lines += chunk.count(b"\r\n")
            if time.perf_counter() - last > 0.05:
                peak = max(peak, rss_mb(pid))
                last = time.perf_counter()
    return {
        "path": path,
        "rows": n_lines - 1,
        "mb": round(n_bytes / 1e6, 1),
        "seconds": round(time.perf_counter() - started, 1),
        "server_rss_before_mb": round(before, 1),
        "server_rss_peak_mb": round(peak, 1),
    }


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process and its children so far (Linux ``/proc``)."""
    total = 0.0
    try:
        pids = [pid, *(int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]
        for p in pids:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
    return total


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=8, help="concurrent clients (threads)")
    ap.add_argument("--requests", type=int, default=40, help="requests per route")
    ap.add_argument("--workers", type=int, default=2, help="server processes (newsgraph serve --workers)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rebuild", action="store_true", help="rebuild the store even when it exists")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--check", action="store_true", help="exit 1 when a route's p95 is over 200 ms")
    ap.add_argument(
        "--download", action="store_true", help="then stream every event as CSV, watching server memory"
    )
    args = ap.parse_args()

    db = build_store(args.articles, args.rebuild)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(db, port, args.workers)
    try:
        ready = wait_ready(base, proc)
        print(f"server: ready in {ready:.1f} s (start-up builds the derived tables)", flush=True)
        table = routes(base)
        server_cpu = cpu_seconds(proc.pid)
        client_cpu = time.process_time()
        started = time.perf_counter()
        timings = run(base, table, args.clients, args.requests, args.seed)
        wall = time.perf_counter() - started
        client_cpu = time.process_time() - client_cpu
        after = cpu_seconds(proc.pid)
        server_cpu = after - server_cpu if after is not None and server_cpu is not None else None
        download = download_check(base, proc.pid) if args.download else None
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    n_errors = int(timings.pop("_errors")[0])
    rows = []
    for name, values in timings.items():
        rows.append(
            {
                "route": name,
                "n": len(values),
                "p50_ms": round(statistics.median(values), 1),
                "p95_ms": round(pct(values, 0.95), 1),
                "max_ms": round(max(values), 1),
            }
        )
    everything = [v for values in timings.values() for v in values]
    total = len(everything)
    worst = max(rows, key=lambda r: r["p95_ms"])
    ok = worst["p95_ms"] < TARGET_P95_MS and n_errors == 0
    print()
    print(f"{'route':<26} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for r in rows:
        print(f"{r['route']:<26} {r['n']:>5} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} {r['max_ms']:>8.1f}")
    print(
        f"{'all':<26} {total:>5} {statistics.median(everything):>8.1f} {pct(everything, 0.95):>8.1f} "
        f"{max(everything):>8.1f}"
    )
    print()
    print(
        f"{total} requests from {args.clients} clients in {wall:.1f} s ({total / wall:.0f} requests/s), "
        f"{n_errors} errors; store {args.articles} articles; {args.workers} server process(es); "
        f"{os.cpu_count()} CPUs; "
        f"load average before the run {os.getloadavg()[0]:.2f}"
    )
    if server_cpu is not None:
        print(
            f"CPU per request (warm-up included): server {server_cpu / total * 1000:.1f} ms, "
            f"benchmark clients {client_cpu / total * 1000:.1f} ms"
        )
    print(
        f"target p95 < {TARGET_P95_MS:.0f} ms on every route: {'met' if ok else 'MISSED'} "
        f"(worst: {worst['route']} {worst['p95_ms']:.1f} ms)"
    )
    if download:
        print(
            f"download {download['path']}: {download['rows']:,} rows, {download['mb']} MB in "
            f"{download['seconds']} s; server memory {download['server_rss_before_mb']} MB before, "
            f"{download['server_rss_peak_mb']} MB at its peak"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "articles": args.articles,
                    "clients": args.clients,
                    "requests_per_route": args.requests,
                    "wall_s": round(wall, 2),
                    "errors": n_errors,
                    "routes": rows,
                    "download": download,
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                },
                indent=2,
            )
        )
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
