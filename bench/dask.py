"""Throughput of ``ingest`` in one process against ``ingest --dask`` on a LocalCluster, on the same
synthetic corpus, in the same run; and whether both stores hold the same rows.

    python bench/dask.py [--articles 300] [--workers 2] [--repeat 1] [--partition-mib 16]
                         [--json OUT] [--check]

Phases (all in this process, one after the other):

``local``        ``ingest(paths, db, settings)``, one process, model loaded and warmed before the clock;
                 with ``--repeat N`` it alternates N times with ``dask warm``, and the best of each counts;
``dask warm``    a LocalCluster of ``--workers`` processes (one thread each) is started and every worker
                 loads the model before the clock; then ``ingest_dask(paths, db, address=...)``;
``dask cold``    ``ingest_dask(paths, db, n_workers=...)`` from nothing: cluster start and model loads
                 are on the clock (what ``newsgraph ingest --dask local`` costs end to end).

It prints words/s per phase, words/s per worker, the warm speed-up (target at least 1.7 with two
workers) and whether the three stores are identical (documents, articles, every fact table and the
errors, run ids and timestamps aside). See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# this file is named dask.py: with its folder on sys.path it would hide the dask package
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

#: dask warm words/s divided by one process's must reach this (with two workers).
TARGET_SPEEDUP = 1.7


def _cpu_seconds() -> float:
    """CPU time of this process so far (user + system), on a worker or here."""
    return time.process_time()


def _peak_rss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-mib", type=float, default=16.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of local + dask warm; the best of each")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    import importlib.util

    from distributed import Client, LocalCluster

    spec = importlib.util.spec_from_file_location("newsgraph_bench_corpus", HERE / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus_mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus_mod
    spec.loader.exec_module(corpus_mod)
    make_corpus = corpus_mod.make_corpus

    from newsgraph.extract.pipeline import load_pipeline
    from newsgraph.runner.dask import LOCAL_CONFIG, ingest_dask
    from newsgraph.runner.local import ingest
    from newsgraph.settings import Settings
    from newsgraph.testing.compare import store_rows

    work = args.workdir or Path(tempfile.mkdtemp(prefix="newsgraph-bench-dask-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    if not corpus.is_dir():
        make_corpus(corpus, args.articles, seed=args.seed)
    settings = Settings.load(jobs=1)
    partition_bytes = int(args.partition_mib * 2**20)
    figures: dict[str, Any] = {"articles": args.articles, "workers": args.workers, "model": settings.model}

    figures["loadavg_before"] = os.getloadavg()
    nlp = load_pipeline(settings)
    list(nlp.pipe(["Warm up the model with a sentence about the council in Nairobi."] * 4))
    import dask

    with (
        dask.config.set(LOCAL_CONFIG),  # what ingest_dask sets for its own LocalCluster
        LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(load_pipeline, settings)  # warm: workers up, model loaded, before the clock
        best_local = best_warm = None
        cpu: list[dict[str, float]] = []
        for i in range(args.repeat):  # the two phases alternate, so a busy spell hits both
            for old in work.glob("*.duckdb*"):
                if old.is_file():
                    old.unlink()
            cpu0 = time.process_time()
            local = ingest([corpus], work / "local.duckdb", settings)
            local_cpu = time.process_time() - cpu0
            workers0 = client.run(_cpu_seconds)
            cpu0 = time.process_time()
            warm = ingest_dask(
                [corpus],
                work / "warm.duckdb",
                settings,
                address=cluster.scheduler_address,
                partition_bytes=partition_bytes,
            )
            client_cpu = time.process_time() - cpu0
            workers1 = client.run(_cpu_seconds)
            worker_cpu = sum(workers1[w] - workers0[w] for w in workers1)
            cpu.append({"local": local_cpu, "dask_workers": worker_cpu, "dask_client": client_cpu})
            print(
                f"round {i + 1}: local {local.seconds:.1f} s ({local_cpu:.1f} CPU s), dask warm "
                f"{warm.seconds:.1f} s (workers {worker_cpu:.1f} CPU s, client {client_cpu:.1f} CPU s)",
                flush=True,
            )
            if best_local is None or local.seconds < best_local.seconds:
                best_local = local
            if best_warm is None or warm.seconds < best_warm.seconds:
                best_warm = warm
        peaks = client.run(_peak_rss_mib)
    assert best_local is not None and best_warm is not None
    local, warm = best_local, best_warm
    figures["local"] = {"seconds": local.seconds, "words": local.words, "articles": local.n_articles}
    figures["dask_warm"] = {"seconds": warm.seconds, "words": warm.words, "articles": warm.n_articles}
    figures["worker_peak_rss_mib"] = max(peaks.values())
    # CPU time does not depend on what else the machine runs: words per CPU-second of one process
    # against one Dask worker, and what the client costs on top
    words = local.words
    figures["cpu"] = {
        "rounds": cpu,
        "local_words_per_cpu_s": words / min(c["local"] for c in cpu),
        "worker_words_per_cpu_s": words / min(c["dask_workers"] for c in cpu),
        "client_cpu_s": min(c["dask_client"] for c in cpu),
    }

    # LocalCluster from nothing (what `newsgraph ingest --dask local` costs)
    t0 = time.perf_counter()
    cold = ingest_dask(
        [corpus], work / "cold.duckdb", settings, n_workers=args.workers, partition_bytes=partition_bytes
    )
    figures["dask_cold"] = {
        "seconds": time.perf_counter() - t0,
        "words": cold.words,
        "articles": cold.n_articles,
    }

    reference = store_rows(work / "local.duckdb")
    figures["identical_warm"] = store_rows(work / "warm.duckdb") == reference
    figures["identical_cold"] = store_rows(work / "cold.duckdb") == reference
    for phase in ("local", "dask_warm", "dask_cold"):
        f = figures[phase]
        f["words_per_s"] = f["words"] / f["seconds"] if f["seconds"] else 0.0
    n = args.workers
    figures["warm_per_worker_words_per_s"] = figures["dask_warm"]["words_per_s"] / n
    figures["speedup_warm"] = figures["dask_warm"]["words_per_s"] / figures["local"]["words_per_s"]
    figures["speedup_cold"] = figures["dask_cold"]["words_per_s"] / figures["local"]["words_per_s"]
    figures["environment"] = {
        "python": platform.python_version(),
        "cores": len(os.sched_getaffinity(0)),
        "machine": platform.machine(),
    }

    figures["environment"]["loadavg_after"] = os.getloadavg()
    print(f"load average before {figures['loadavg_before'][0]:.2f}, after {os.getloadavg()[0]:.2f} (1 min)")
    print(f"corpus: {args.articles} articles, {local.words:,} words, {work / 'corpus'}")
    print(f"{'phase':<12} {'seconds':>8} {'articles':>9} {'words/s':>9}")
    for phase in ("local", "dask_warm", "dask_cold"):
        f = figures[phase]
        print(f"{phase:<12} {f['seconds']:>8.1f} {f['articles']:>9} {f['words_per_s']:>9,.0f}")
    print(f"worker peak RSS: {figures['worker_peak_rss_mib']:,.0f} MiB")
    print(f"dask warm words/s per worker: {figures['warm_per_worker_words_per_s']:,.0f} ({n} workers)")
    c = figures["cpu"]
    print(
        f"CPU: one process {c['local_words_per_cpu_s']:,.0f} words per CPU second, a Dask worker "
        f"{c['worker_words_per_cpu_s']:,.0f}; the client used {c['client_cpu_s']:.1f} CPU s"
    )
    ok_speed = figures["speedup_warm"] >= TARGET_SPEEDUP
    print(
        f"speed-up with {n} workers: warm {figures['speedup_warm']:.2f}x "
        f"(target >= {TARGET_SPEEDUP}: {'ok' if ok_speed else 'MISSED'}), cold {figures['speedup_cold']:.2f}x"
    )
    ok_same = figures["identical_warm"] and figures["identical_cold"]
    print(f"stores identical to the local store: {'yes' if ok_same else 'NO'}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, default=str))
    return 0 if (ok_same and (ok_speed or not args.check)) else 1


if __name__ == "__main__":
    sys.exit(main())
