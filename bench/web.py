"""Latency of every web page and API call on a store of 10,000 articles, under concurrent clients.

    python bench/web.py [--articles 10000] [--clients 8] [--workers 1] [--requests 40] [--json OUT] [--check]
    python bench/web.py --clients 100 --duration 60 [--check]        # the load mode

1. Builds a synthetic store (``newsgraph.testing``: every fact kind in the contract's form)
   in ``bench/out/web_<N>.duckdb``, or reuses it when it is there (``--rebuild`` to force).
2. Starts ``newsgraph serve --workers N`` on it in a subprocess, on a free port of 127.0.0.1, and
   waits for it.
3. Samples real parameter values (article ids, entity keys, speakers, words, types) from the API.
4. Without ``--duration``: sends ``--requests`` requests to each route (36 routes: each HTML page
   and its JSON twin, with and without filters, on random pages; the map; two filtered
   downloads), from ``--clients`` threads with one keep-alive HTTP client each, in a shuffled
   order, after one warm-up request per route. With ``--duration S``: ``--clients`` threads each
   send one request after another (a random route with random parameters, no pause) for S
   seconds, after the same warm-up.
5. Prints n, errors, p50, p95, p99 and max per route and overall, requests/s, and whether the
   target is met: every p95 under 200 ms (fixed mode), or 0 errors and every p99 under 500 ms
   (``--duration``: the load target of issue 17).
6. With ``--download``, streams every event as CSV (over 100,000 rows at 10,000 articles) and
   prints the server's resident memory before and at its peak meanwhile.

Only 127.0.0.1 is contacted; every request has a timeout, and a failed request (a status other
than 200, a refused or dropped connection, a timeout) counts as an error, not as a crash.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import httpx

HERE = Path(__file__).resolve().parent
TARGET_P95_MS = 200.0
#: The load mode's target (``--duration``): 0 errors and every p99 under this.
TARGET_P99_MS = 500.0
#: Seconds a request may take before it counts as an error.
TIMEOUT_S = 30.0


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


#: The server's log (its stderr: start-up, worker restarts, errors), kept for reading after a run.
SERVER_LOG = HERE / "out" / "web_server.log"


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    code = "from newsgraph.cli import main; main()"
    cmd = [sys.executable, "-c", code, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--workers", str(workers)]
    with SERVER_LOG.open("wb") as log:  # a file, not a pipe nobody reads, which could fill and block it
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 180) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited early:\n{SERVER_LOG.read_text(errors='replace')}")
        try:
            if httpx.get(base + "/api", timeout=2).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise SystemExit("the server did not answer in time")


Route = tuple[str, Callable[[random.Random], str]]


def routes(c: httpx.Client) -> list[Route]:
    """Every page and its JSON twin, with URL makers fed by values sampled from the store through
    ``c`` (a client of the server, or a ``TestClient`` of the app)."""
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


@dataclass
class Sample:
    route: str
    ms: float
    error: str | None  # None: a 200 answer
    at: float = 0.0  # when it was sent (time.perf_counter())


def fetch(c: httpx.Client, name: str, url: str) -> Sample:
    """One request; anything but a 200 answer (a status, a dropped connection, a timeout) is an error."""
    t0 = time.perf_counter()
    try:
        status = c.get(url).status_code
        error = None if status == 200 else f"{status} {url}"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__} {url}"
    return Sample(name, (time.perf_counter() - t0) * 1000, error, t0)


def run(
    base: str,
    table: list[Route],
    clients: int,
    per_route: int,
    duration: float | None,
    seed: int,
    processes: int = 1,
) -> list[Sample]:
    """Without ``duration``: ``per_route`` requests to each route, shuffled and shared out among
    ``clients`` threads. With it: each of ``clients`` threads sends requests to random routes, one
    after another, until ``duration`` seconds have passed."""
    rng = random.Random(seed)
    samples: list[Sample] = []
    lock = threading.Lock()
    with httpx.Client(base_url=base, timeout=60) as warm:  # one warm-up request per route
        for _, make in table:
            warm.get(make(rng))
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)

    def fixed(chunk: list[tuple[str, str]]) -> None:
        with httpx.Client(base_url=base, timeout=TIMEOUT_S, limits=limits) as c:
            found = [fetch(c, name, url) for name, url in chunk]
        with lock:
            samples.extend(found)

    if duration is None:
        jobs = [(name, make(rng)) for name, make in table for _ in range(per_route)]
        rng.shuffle(jobs)
        threads = [threading.Thread(target=fixed, args=(jobs[i::clients],)) for i in range(clients)]
    elif processes > 1:  # the clients' threads shared out among processes, one interpreter lock each
        return _run_processes(base, table, clients, duration, processes, rng)
    else:
        seeds = [rng.random() for _ in range(clients)]
        return _timed_clients(base, table, seeds, time.perf_counter() + duration)
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples


def _timed_clients(base: str, table: list[Route], seeds: list[float], deadline: float) -> list[Sample]:
    """The load mode's clients: a thread per seed, each sending requests to random routes one
    after another until ``deadline`` (``time.perf_counter()``: the system's monotonic clock, the
    same in every process)."""
    samples: list[Sample] = []
    lock = threading.Lock()
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)

    def timed(r: random.Random) -> None:
        found = []
        with httpx.Client(base_url=base, timeout=TIMEOUT_S, limits=limits) as c:
            while time.perf_counter() < deadline:
                name, make = r.choice(table)
                found.append(fetch(c, name, make(r)))
        with lock:
            samples.extend(found)

    threads = [threading.Thread(target=timed, args=(random.Random(seed),)) for seed in seeds]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples


def _client_process(base: str, table: list[Route], seeds: list[float], deadline: float, out: Any) -> None:
    """One process of the load mode (:func:`_timed_clients`); its samples go back through ``out``."""
    out.send([(s.route, s.ms, s.error, s.at) for s in _timed_clients(base, table, seeds, deadline)])
    out.close()


def _run_processes(
    base: str, table: list[Route], clients: int, duration: float, processes: int, rng: random.Random
) -> list[Sample]:
    """The load mode's ``clients`` closed-loop clients as threads of ``processes`` forked
    processes: 100 clients in one Python process spend most of their time waiting for its
    interpreter lock (about 0.8 ms of client CPU per request, one core at most), so one process's
    latencies hold the client's own queueing as well as the server's."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")  # the route table (closures) is inherited, not pickled
    seeds = [rng.random() for _ in range(clients)]
    deadline = time.perf_counter() + duration
    pipes, procs = [], []
    for i in range(processes):
        recv, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_client_process, args=(base, table, seeds[i::processes], deadline, send))
        proc.start()
        send.close()
        pipes.append(recv)
        procs.append(proc)
    samples = [Sample(*row) for recv in pipes for row in recv.recv()]
    for proc in procs:
        proc.join()
    return samples


def _client_cpu() -> float:
    """CPU seconds of this process and of its finished children (the client processes of
    ``--client-processes``, joined before this is read; the server is still running, so it is
    not among them)."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


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
        ended_cr = False  # a line ending split between two pieces counts once, in the second
        for chunk in r.iter_bytes():
            n_bytes += len(chunk)
            n_lines += chunk.count(b"\r\n") + (ended_cr and chunk[:1] == b"\n")
            ended_cr = chunk[-1:] == b"\r"
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


def summary(name: str, found: list[Sample]) -> dict[str, Any]:
    """n, errors and latency percentiles of some samples (errors included: a slow failure is slow)."""
    ms = [s.ms for s in found] or [0.0]
    return {
        "route": name,
        "n": len(found),
        "errors": sum(s.error is not None for s in found),
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(pct(ms, 0.95), 1),
        "p99_ms": round(pct(ms, 0.99), 1),
        "max_ms": round(max(ms), 1),
    }


def verdict(rows: list[dict[str, Any]], n_errors: int, load: bool) -> tuple[bool, str]:
    """Whether the target is met, and a line saying so."""
    key, limit = ("p99_ms", TARGET_P99_MS) if load else ("p95_ms", TARGET_P95_MS)
    worst = max(rows, key=lambda r: r[key])
    ok = worst[key] < limit and n_errors == 0
    what = f"{n_errors} errors and {key[:3]} < {limit:.0f} ms on every route"
    if load:
        return ok, f"target {what}: {'PASS' if ok else 'FAIL'} (worst: {worst['route']} {worst[key]:.1f} ms)"
    return ok, f"target {what}: {'met' if ok else 'MISSED'} (worst: {worst['route']} {worst[key]:.1f} ms)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=8, help="concurrent clients (threads)")
    ap.add_argument("--requests", type=int, default=40, help="requests per route (without --duration)")
    ap.add_argument(
        "--duration", type=float, help="load mode: every client sends requests for this many seconds"
    )
    ap.add_argument("--workers", type=int, default=1, help="server processes (newsgraph serve --workers)")
    ap.add_argument(
        "--client-processes",
        type=int,
        default=1,
        help="load mode: processes the clients' threads are shared out among (default 1)",
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rebuild", action="store_true", help="rebuild the store even when it exists")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    ap.add_argument(
        "--download", action="store_true", help="then stream every event as CSV, watching server memory"
    )
    args = ap.parse_args()

    db = build_store(args.articles, args.rebuild)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    load_before = os.getloadavg()[0]
    proc = start_server(db, port, args.workers)
    try:
        ready = wait_ready(base, proc)
        print(f"server: ready in {ready:.1f} s (start-up builds the derived tables)", flush=True)
        with httpx.Client(base_url=base, timeout=TIMEOUT_S) as c:
            table = routes(c)
        server_cpu = cpu_seconds(proc.pid)
        client_cpu = _client_cpu()
        started = time.perf_counter()
        samples = run(
            base, table, args.clients, args.requests, args.duration, args.seed, args.client_processes
        )
        wall = time.perf_counter() - started
        client_cpu = _client_cpu() - client_cpu
        after = cpu_seconds(proc.pid)
        try:
            memory: float | None = rss_mb(proc.pid)
        except (OSError, ValueError):
            memory = None
        server_cpu = after - server_cpu if after is not None and server_cpu is not None else None
        download = download_check(base, proc.pid) if args.download else None
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    by_route: dict[str, list[Sample]] = {name: [] for name, _ in table}
    for s in samples:
        by_route[s.route].append(s)
    rows = [summary(name, found) for name, found in by_route.items()]
    overall = summary("all", samples)
    n_errors = overall["errors"]
    total = len(samples)
    ok, line = verdict(rows, n_errors, args.duration is not None)
    print()
    cols = ("n", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms")
    print(f"{'route':<26}" + "".join(f"{c:>9}" for c in cols))
    for r in [*rows, overall]:
        print(
            f"{r['route']:<26}{r['n']:>9}{r['errors']:>9}{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}"
            f"{r['p99_ms']:>9.1f}{r['max_ms']:>9.1f}"
        )
    print()
    for e in sorted({s.error for s in samples if s.error})[:5]:
        print(f"error: {e}")
    print(
        f"{total} requests from {args.clients} clients in {wall:.1f} s ({total / wall:.0f} requests/s), "
        f"{n_errors} errors; store {args.articles} articles; {args.workers} server process(es); "
        f"{os.cpu_count()} CPUs; load average before the run {load_before:.2f}"
    )
    if server_cpu is not None:
        print(
            f"CPU per request (warm-up included): server {server_cpu / total * 1000:.1f} ms, "
            f"benchmark clients {client_cpu / total * 1000:.1f} ms"
            + (f"; server memory {memory:.0f} MB" if memory is not None else "")
        )
    if args.duration is not None and samples:  # how much of the tail is the cold start
        mid = started + wall / 2
        late = [s.ms for s in samples if s.at >= mid]
        early = [s.ms for s in samples if s.at < mid]
        if late and early:
            print(
                f"first half: {len(early)} requests, p50 {statistics.median(early):.1f} ms, "
                f"p99 {pct(early, 0.99):.1f} ms; second half: {len(late)} requests, "
                f"p50 {statistics.median(late):.1f} ms, p99 {pct(late, 0.99):.1f} ms"
            )
    restarts = SERVER_LOG.read_text(errors="replace").count("died")
    if restarts:
        print(f"server log ({SERVER_LOG}): {restarts} worker process(es) died and were restarted")
    print(line)
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
                    "workers": args.workers,
                    "requests_per_route": None if args.duration else args.requests,
                    "duration_s": args.duration,
                    "wall_s": round(wall, 2),
                    "requests_per_s": round(total / wall, 1),
                    "errors": n_errors,
                    "target_met": ok,
                    "routes": rows,
                    "all": overall,
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
