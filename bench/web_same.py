"""Whether two versions of the web app give the same answers: URLs sampled from the load bench's
routes (``bench/web.py``, seeded), plus downloads of every list in both formats with and without
filters, answered in process (``bench/web_misses.py``'s driver, no network); each answer's status
and SHA-256 are written to a JSON file, and two such files are compared.

    PYTHONPATH=<checkout A>/src python bench/web_same.py --save a.json [--urls 400] [--seed 0]
    PYTHONPATH=<checkout B>/src python bench/web_same.py --save b.json
    python bench/web_same.py --compare a.json b.json      # exit 1 when an answer differs
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from web_misses import Driver, Sampler  # noqa: E402

from web import build_store, routes  # noqa: E402  (bench/web.py, next to this file)


def download_urls(driver: Driver) -> list[str]:
    """Downloads of the lists held in memory (events, quotes, counts) in CSV and JSON: all of
    each, and filtered by each event type, quote kind and count kind, and a few past the end."""
    facets = json.loads(driver.get("/api")[1])["facets"]
    urls = []
    for fmt in ("csv", "json"):
        urls += [f"/api/{view}.{fmt}?min_confidence=0" for view in ("events", "quotes", "counts")]
        urls += [f"/api/{view}.{fmt}" for view in ("events", "quotes", "counts")]
        urls += [f"/api/events.{fmt}?" + urlencode({"type": t}) for t in facets["event_types"]]
        urls += [f"/api/quotes.{fmt}?" + urlencode({"kind": k}) for k in facets["quote_kinds"]]
        urls += [f"/api/counts.{fmt}?" + urlencode({"kind": k}) for k in facets["count_kinds"]]
        urls += [f"/api/events.{fmt}?actor=NOBODY", f"/api/quotes.{fmt}?speaker=zzzzqq"]
    return urls


def save(out: Path, n: int, seed: int, articles: int, keep: str | None = None, cold: bool = False) -> None:
    from newsgraph.web.app import create_app

    started = time.perf_counter()
    db = build_store(articles, rebuild=False)
    try:  # as `newsgraph serve` makes it: with the answers and rows made at start-up
        app = create_app(db, prewarm=not cold)
    except TypeError:  # a checkout from before start-up answers
        app = create_app(db)
    driver = Driver(app)
    print(f"app ready in {time.perf_counter() - started:.1f} s", flush=True)
    table = routes(Sampler(driver))
    rng = random.Random(seed)
    urls = [make(rng) for _ in range(n) for name, make in [rng.choice(table)]]
    urls += ["/articles?page=9999", "/api/events?page=9999", "/entities/nobody%20at%20all", "/map?bad=1"]
    urls += download_urls(driver)
    answers = {}
    for url in dict.fromkeys(urls):
        t0 = time.perf_counter()
        status, body = driver.get(url)
        if time.perf_counter() - t0 > 2:
            print(f"slow: {url} {time.perf_counter() - t0:.1f} s", flush=True)
        answers[url] = [status, hashlib.sha256(body).hexdigest(), len(body)]
        if keep and keep in url:
            (
                out.parent / (out.stem + "." + hashlib.sha256(url.encode()).hexdigest()[:12] + ".body")
            ).write_bytes(body)
    driver.close()
    out.write_text(json.dumps(answers, indent=0))
    print(f"{len(answers)} answers, {sum(a[2] for a in answers.values()) / 1e6:.1f} MB, written to {out}")


def compare(a: Path, b: Path) -> int:
    left, right = json.loads(a.read_text()), json.loads(b.read_text())
    common = [u for u in left if u in right]
    differ = [u for u in common if left[u] != right[u]]
    for u in differ[:20]:
        print(f"differs: {u} {left[u]} {right[u]}")
    print(f"{len(common)} URLs in both, {len(differ)} differ")
    return 1 if differ or not common else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--save", type=Path, help="answer the URLs and write their hashes here")
    ap.add_argument("--compare", type=Path, nargs=2, help="compare two saved files")
    ap.add_argument("--urls", type=int, default=400, help="URLs sampled from the bench's routes")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--keep", help="also write the bodies of the URLs holding this next to --save")
    ap.add_argument("--cold", action="store_true", help="without the answers made at start-up")
    args = ap.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.save:
        save(args.save, args.urls, args.seed, args.articles, args.keep, args.cold)
        return 0
    ap.error("give --save or --compare")
    return 2


if __name__ == "__main__":
    sys.exit(main())
