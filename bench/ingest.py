"""Speed and memory of ``newsgraph ingest`` against bare spaCy, on a synthetic corpus.

    python bench/ingest.py [--articles 1000] [--small 500] [--model NAME] [--n-process 1] [--json OUT]

Generates a corpus of scraped-dump files (``bench/corpus.py``) in a temporary directory, then runs
five measured phases, each in a fresh Python process so that its peak RSS is its own:

``bare``          the cleaned texts (``iter_drafts``) through ``spacy.load(model)`` and
                  ``list(nlp.pipe(texts, batch_size=...))``: the speed spaCy alone reaches;
``tables``        the same with spaCy's attribute ruler and lemmatizer replaced by newsgraph's
                  table versions (``newsgraph.extract.attribute_ruler``, ``.lemmatizer``), which
                  set the same annotations faster, and (setting ``numpy_blas``, on by default) the
                  matrix products on numpy's BLAS (``newsgraph.extract.blas``): the model as
                  ingest runs it. The ratio of ingest to this row is what newsgraph's own work costs;
``ingest small``  ``ingest(paths, db, settings)`` on the ``--small`` corpus;
``ingest large``  ``ingest(paths, db, settings)`` on the ``--articles`` corpus;
``all cores``     the same with ``jobs=0`` (every usable core: worker processes each running the
                  batch function), into another database that must hold the same rows.

Every phase loads its model and warms it up on a few texts before the clock starts, so both speeds
are steady-state figures and model loading is reported separately. It prints one table and the
targets: one-process ingest speed at least 0.90 of bare spaCy (wall and CPU time), peak RSS flat
in the corpus size and under 1.5 GB per process, and all cores at least 1.8 times one process on
a two-core machine (0.9 times the number of usable cores), each ``ingest`` call timed as a user's
call runs, its model loads inside it (two other timings are printed too).
See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

#: ingest words/s divided by bare spaCy words/s must reach this.
TARGET_SPEED_RATIO = 0.90
#: peak RSS of the large run divided by that of the small run must stay under this ("flat").
TARGET_RSS_RATIO = 1.05
#: peak RSS of any one process (the parent or a worker), MiB.
TARGET_RSS_MB = 1536
#: all-cores ingest words/s divided by one-process ingest words/s, per usable core.
TARGET_SCALING_PER_CORE = 0.90
#: texts run through the pipeline before the clock starts, in every phase.
WARMUP_TEXTS = 8


# --------------------------------------------------------------------------- measuring


def cpu_seconds() -> float:
    """User plus system CPU time of this process and its finished children so far."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size so far, in MiB (``ru_maxrss`` is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mb() -> float | None:
    """Resident set size now, in MiB, where ``/proc`` tells it."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def _settings(args: argparse.Namespace) -> Any:
    from newsgraph.settings import Settings

    return Settings.load(model=args.model, jobs=args.jobs, batch_size=args.batch_size)


def _corpus_paths(corpus: str) -> list[str]:
    paths = sorted(str(p) for p in Path(corpus).glob("*.txt"))
    if not paths:
        raise SystemExit(f"no corpus files in {corpus}")
    return paths


def _describe_errors(items: list[Any]) -> str:
    from newsgraph.records import ErrorRecord

    errors = [i for i in items if isinstance(i, ErrorRecord)]
    if not errors:
        return ""
    return f"{len(errors)} error(s), first: {errors[0].line()}"


def phase_bare(args: argparse.Namespace) -> dict[str, Any]:
    """Bare spaCy on exactly the texts ingest would feed it."""
    from newsgraph.records import Draft
    from newsgraph.runner.local import iter_drafts

    settings = _settings(args)
    paths = _corpus_paths(args.corpus)
    t0 = time.perf_counter()
    items = list(iter_drafts(paths, settings))
    clean_seconds = time.perf_counter() - t0
    texts = [d.text for d in items if isinstance(d, Draft)]
    errors = _describe_errors(items)
    del items
    if not texts:
        raise SystemExit(f"iter_drafts gave no articles ({errors or 'and no errors'})")
    words = sum(len(t.split()) for t in texts)

    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(settings.model)
    if args.phase == "tables":  # spaCy as ingest runs it: the table ruler and lemmatizer, the BLAS
        from newsgraph.extract.attribute_ruler import use_table_attribute_ruler
        from newsgraph.extract.blas import one_blas_thread, use_numpy_blas
        from newsgraph.extract.lemmatizer import use_table_lemmatizer

        use_table_lemmatizer(use_table_attribute_ruler(nlp))
        if settings.numpy_blas:
            one_blas_thread()
            use_numpy_blas(nlp)
    load_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    list(nlp.pipe(texts[:WARMUP_TEXTS], batch_size=settings.batch_size))
    warm_seconds = time.perf_counter() - t0
    rss_ready = current_rss_mb() or peak_rss_mb()

    t0, c0 = time.perf_counter(), cpu_seconds()
    docs = list(nlp.pipe(texts, batch_size=settings.batch_size, n_process=args.n_process))
    seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    return {
        "phase": args.phase,
        "articles": len(docs),
        "words": words,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "clean_seconds": clean_seconds,
        "load_seconds": load_seconds,
        "warm_seconds": warm_seconds,
        "rss_ready_mb": rss_ready,
        "peak_rss_mb": peak_rss_mb(),
        "peak_rss_workers_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
        "clean_errors": errors,
        "pipe_names": nlp.pipe_names,
        "model": settings.model,
        "batch_size": settings.batch_size,
        "n_process": args.n_process,
        "numpy_blas": args.phase == "tables" and settings.numpy_blas,
    }


def phase_ingest(args: argparse.Namespace) -> dict[str, Any]:
    """The full ``ingest`` into a fresh database."""
    from itertools import islice

    from newsgraph.extract.pipeline import load_pipeline
    from newsgraph.records import Draft
    from newsgraph.runner.local import ingest, iter_drafts

    settings = _settings(args)
    paths = _corpus_paths(args.corpus)
    warm = [d.text for d in islice(iter_drafts(paths[:1], settings), WARMUP_TEXTS) if isinstance(d, Draft)]

    from newsgraph.runner.pool import resolve_jobs

    jobs = resolve_jobs(settings.jobs)
    load_seconds = warm_seconds = 0.0
    pipe_names: list[str] = []
    if jobs == 1:
        t0 = time.perf_counter()
        nlp = load_pipeline(settings)  # cached per process: the ingest below reuses it
        load_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        list(nlp.pipe(warm, batch_size=settings.batch_size))
        warm_seconds = time.perf_counter() - t0
        pipe_names = nlp.pipe_names
    # with more jobs the workers load their own pipelines: counted in the time, as a user sees it
    rss_ready = current_rss_mb() or peak_rss_mb()

    t0, c0 = time.perf_counter(), cpu_seconds()
    report = ingest(paths, db=args.db, settings=settings)
    seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    return {
        "phase": "ingest",
        "articles": report.n_articles,
        "words": report.words,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "report_seconds": report.seconds,
        "load_seconds": load_seconds,
        "warm_seconds": warm_seconds,
        "rss_ready_mb": rss_ready,
        "peak_rss_mb": peak_rss_mb(),
        "peak_rss_workers_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
        "n_errors": report.n_errors,
        "n_skipped": report.n_skipped,
        "errors": [e.line() for e in report.errors[:5]],
        "tables": dict(report.tables),
        "db_mb": Path(args.db).stat().st_size / (1024 * 1024) if Path(args.db).exists() else None,
        "pipe_names": pipe_names,
        "jobs_used": jobs,
    }


PHASES = {"bare": phase_bare, "tables": phase_bare, "ingest": phase_ingest}


def run_phase(args: argparse.Namespace) -> int:
    """Child process: run one phase and write its figures as JSON to ``--phase-out``."""
    result = PHASES[args.phase](args)
    Path(args.phase_out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------- orchestrating


def spawn(
    phase: str, corpus: Path, out: Path, args: argparse.Namespace, db: Path | None = None, jobs: int = 1
) -> dict[str, Any]:
    """Run ``phase`` in a fresh interpreter running this script; its figures."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--corpus", str(corpus)]
    cmd += ["--phase-out", str(out), "--n-process", str(args.n_process), "--jobs", str(jobs)]
    if db is not None:
        cmd += ["--db", str(db)]
    if args.model:
        cmd += ["--model", args.model]
    if args.batch_size:
        cmd += ["--batch-size", str(args.batch_size)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, check=False)
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"phase {phase} on {corpus.name} failed with exit code {proc.returncode}")
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    result["process_seconds"] = time.perf_counter() - t0
    return result


def fresh_db(db: Path) -> Path:
    """``db``, with any database a previous run left there removed."""
    for f in (db, db.with_name(db.name + ".wal")):
        f.unlink(missing_ok=True)
    return db


def best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The fastest of a phase's rounds (wall time), marked with its round; its peak RSS is the
    highest of all rounds', so that more rounds never make memory look better."""
    n, fastest = min(enumerate(runs, 1), key=lambda item: item[1]["seconds"])
    out = {**fastest, "round": n, "rounds": len(runs)}
    out["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    out["peak_rss_workers_mb"] = max(r["peak_rss_workers_mb"] for r in runs)
    return out


def round_ratios(rounds: dict[str, list[dict[str, Any]]]) -> list[dict[str, float]]:
    """Per round, the speed (wall and CPU) and all-cores ratios of its own phases, run one after
    the other: how far the host's speed moved between rounds."""
    out = []
    for bare, large, cores in zip(rounds["bare"], rounds["large"], rounds["cores"], strict=True):
        out.append(
            {
                "speed": (large["words"] / large["seconds"]) / (bare["words"] / bare["seconds"]),
                "speed_cpu": (large["words"] / large["cpu_seconds"]) / (bare["words"] / bare["cpu_seconds"]),
                "scaling": call_seconds(large) / cores["seconds"],
                "scaling_command": command_seconds(large) / command_seconds(cores),
            }
        )
    return out


def call_seconds(r: dict[str, Any]) -> float:
    """A phase's ``ingest`` call as a user's call runs it: with the model loaded inside it. The
    all-cores call loads its workers' models inside; the one-process phase loads its model before
    its clock (to time the steady state against bare spaCy), so its load is added back here."""
    return float(r["seconds"]) + float(r.get("load_seconds", 0.0))


def command_seconds(r: dict[str, Any]) -> float:
    """A phase's whole process, as a user runs the command: interpreter start, imports, model
    loads (the one process's own, or the workers'), the ingest, the store closed; less the few
    texts the one-process phase runs before its clock starts, which a user's run does not."""
    return float(r["process_seconds"]) - float(r.get("warm_seconds", 0.0))


def _rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("nan")


def summarise(
    bare: dict[str, Any],
    small: dict[str, Any],
    large: dict[str, Any],
    cores: dict[str, Any],
    tables: dict[str, Any],
) -> dict[str, Any]:
    for r in (bare, small, large, cores, tables):
        r["articles_per_s"] = _rate(r["articles"], r["seconds"])
        r["words_per_s"] = _rate(r["words"], r["seconds"])
    speed = large["words_per_s"] / bare["words_per_s"]
    # CPU time is what the code costs; wall time also counts waiting for other jobs on the machine
    speed_cpu = (large["words"] / large["cpu_seconds"]) / (bare["words"] / bare["cpu_seconds"])
    rss = large["peak_rss_mb"] / small["peak_rss_mb"]
    # the target: each ingest call as a user's call runs it, its model loads inside (the workers'
    # loads are inside the all-cores call; the one process's, before its clock, is added back)
    scaling = call_seconds(large) / cores["seconds"]
    scaling_call = cores["words_per_s"] / large["words_per_s"]
    scaling_command = command_seconds(large) / command_seconds(cores)
    scaling_target = TARGET_SCALING_PER_CORE * cores["jobs_used"]
    peak_process = max(r[k] for r in (small, large, cores) for k in ("peak_rss_mb", "peak_rss_workers_mb"))
    checks = []
    if cores.get("store") != large.get("store"):
        checks.append(
            f"all-cores store differs from one process: {cores.get('store')} vs {large.get('store')}"
        )
    if large["articles"] != bare["articles"] or large["words"] != bare["words"]:
        checks.append(
            f"ingest stored {large['articles']} articles / {large['words']} words, bare spaCy saw "
            f"{bare['articles']} / {bare['words']}"
        )
    for name, r in (("ingest small", small), ("ingest large", large)):
        if r["n_errors"] or r["n_skipped"]:
            checks.append(f"{name}: {r['n_errors']} errors, {r['n_skipped']} skipped {r['errors'][:1]}")
    if bare.get("clean_errors"):
        checks.append(f"cleaning: {bare['clean_errors']}")
    if scaling > cores["jobs_used"] * 1.02:
        # n processes cannot do more than n times the work of one: the phases saw unequal machines
        checks.append(
            f"all cores ran {scaling:.2f}x one process with {cores['jobs_used']} processes: more than "
            "the cores can give, so the phases did not see the same machine speed; run again"
        )
    return {
        # what newsgraph's own work (cleaning, components, captions, store) costs: ingest against
        # spaCy running the same faster ruler and lemmatizer
        "own_ratio": large["words_per_s"] / tables["words_per_s"],
        "tables_ratio": tables["words_per_s"] / bare["words_per_s"],
        "speed_ratio": speed,
        "speed_ratio_cpu": speed_cpu,
        "speed_ratio_articles": large["articles_per_s"] / bare["articles_per_s"],
        "speed_target": TARGET_SPEED_RATIO,
        "speed_ok": speed >= TARGET_SPEED_RATIO,
        "rss_ratio": rss,
        "rss_growth_small_mb": small["peak_rss_mb"] - small["rss_ready_mb"],
        "rss_growth_large_mb": large["peak_rss_mb"] - large["rss_ready_mb"],
        "rss_target": TARGET_RSS_RATIO,
        "rss_ok": rss <= TARGET_RSS_RATIO,
        "peak_process_mb": peak_process,
        "peak_process_ok": peak_process <= TARGET_RSS_MB,
        "scaling": scaling,
        "scaling_call": scaling_call,
        "scaling_command": scaling_command,
        "scaling_target": scaling_target,
        # above the number of processes the figure is no measurement (see the warning above)
        "scaling_ok": scaling_target <= scaling <= cores["jobs_used"] * 1.02,
        "same_store": cores.get("store") == large.get("store"),
        "warnings": checks,
    }


def print_report(results: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(130, Console().width))
    env = results["environment"]
    bare, small, large = results["bare"], results["ingest_small"], results["ingest_large"]
    cores, tables = results["ingest_cores"], results["tables"]
    s = results["summary"]
    console.print(
        f"[bold]newsgraph ingest vs bare spaCy[/] — model {bare['model']} "
        f"({', '.join(bare['pipe_names'])}), batch_size {bare['batch_size']}, n_process {bare['n_process']}\n"
        f"{env['cpus']} CPUs, Python {env['python']}, spaCy {env['spacy']}, duckdb {env['duckdb']}, "
        f"{env['platform']}; corpus seed {env['seed']}, generated in {env['corpus_seconds']:.1f}s; "
        f"cleaning alone (iter_drafts, {bare['articles']} articles) {bare['clean_seconds']:.1f}s"
    )
    table = Table(title="Throughput and memory (one fresh process per row)")
    for col in ("phase", "articles", "words", "load s", "seconds", "CPU s", "articles/s", "words/s"):
        table.add_column(col, justify="left" if col == "phase" else "right", no_wrap=True)
    for col in ("RSS ready MB", "peak RSS MB", "growth MB"):
        table.add_column(col, justify="right", no_wrap=True)
    rows = [
        ("bare spaCy", bare),
        ("spaCy as ingest runs it", results["tables"]),
        ("ingest small", small),
        ("ingest large", large),
        (f"all cores ({cores['jobs_used']})", cores),
    ]
    for name, r in rows:
        table.add_row(
            name,
            f"{r['articles']:,}",
            f"{r['words']:,}",
            f"{r['load_seconds']:.1f}",
            f"{r['seconds']:.1f}",
            f"{r['cpu_seconds']:.1f}",
            f"{r['articles_per_s']:.2f}",
            f"{r['words_per_s']:,.0f}",
            f"{r['rss_ready_mb']:.0f}",
            f"{r['peak_rss_mb']:.0f}",
            f"{r['peak_rss_mb'] - r['rss_ready_mb']:+.0f}",
        )
    console.print(table)
    targets = Table(title="Targets")
    for col in ("measure", "value", "target", "result"):
        targets.add_column(col)

    def verdict(ok: bool) -> str:
        return "[green]PASS[/]" if ok else "[red]FAIL[/]"

    targets.add_row(
        "speed: ingest words/s ÷ bare words/s",
        f"{s['speed_ratio']:.2f} (CPU time: {s['speed_ratio_cpu']:.2f})",
        f">= {s['speed_target']:.2f}",
        verdict(s["speed_ok"]),
    )
    targets.add_row(
        f"memory: peak RSS at {large['articles']:,} ÷ at {small['articles']:,} articles",
        f"{s['rss_ratio']:.2f} ({large['peak_rss_mb']:.0f} / {small['peak_rss_mb']:.0f} MB)",
        f"<= {s['rss_target']:.2f} (flat)",
        verdict(s["rss_ok"]),
    )
    targets.add_row(
        "memory: peak RSS of any one process (parent or worker)",
        f"{s['peak_process_mb']:.0f} MB",
        f"<= {TARGET_RSS_MB} MB",
        verdict(s["peak_process_ok"]),
    )
    targets.add_row(
        f"all cores: one process's ingest call ÷ that with {cores['jobs_used']} processes "
        "(model loads inside both)",
        f"{s['scaling']:.3f} ({call_seconds(large):.1f} / {cores['seconds']:.1f} s; "
        f"same store: {'yes' if s['same_store'] else 'NO'})",
        f">= {s['scaling_target']:.2f}",
        verdict(s["scaling_ok"] and s["same_store"]),
    )
    console.print(targets)
    console.print(
        f"of which: spaCy as ingest runs it (newsgraph's table attribute ruler and lemmatizer, same "
        f"annotations; numpy's BLAS: {'on' if tables.get('numpy_blas') else 'off'}) runs "
        f"at {s['tables_ratio']:.2f} of bare spaCy; newsgraph's own work (cleaning, components, "
        f"captions, store) at {s['own_ratio']:.2f} of that"
    )
    console.print(
        f"all cores, other ways to time it: without the one process's {large['load_seconds']:.1f} s "
        f"model load (the figure before session 14) {s['scaling_call']:.3f}; whole processes "
        f"(interpreter start and imports too, {command_seconds(large):.1f} / "
        f"{command_seconds(cores):.1f} s) {s['scaling_command']:.3f}"
    )
    console.print(
        f"worker processes: peak RSS of the largest worker {cores['peak_rss_workers_mb']:.0f} MB, "
        f"parent {cores['peak_rss_mb']:.0f} MB"
    )
    if bare["n_process"] > 1:
        console.print(
            f"n_process > 1: worker peaks (largest child) bare {bare['peak_rss_workers_mb']:.0f} MB, "
            f"ingest small {small['peak_rss_workers_mb']:.0f} MB, large {large['peak_rss_workers_mb']:.0f} MB"
        )
    per_round = results.get("rounds", [])
    if len(per_round) > 1:
        shown = "; ".join(
            f"{r['speed']:.2f}/{r['speed_cpu']:.2f}, {r['scaling']:.3f}/{r['scaling_command']:.3f}"
            for r in per_round
        )
        console.print(
            f"each round's own ratios (speed wall/CPU, all cores target/whole process): {shown}. Figures "
            "above: each "
            f"phase's fastest of {len(per_round)} rounds, its peak RSS the highest of them"
        )
    for w in s["warnings"]:
        console.print(f"[yellow]warning:[/] {w}")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def environment(args: argparse.Namespace, corpus_seconds: float) -> dict[str, Any]:
    import duckdb
    import spacy

    return {
        "cpus": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "cpu_model": _cpu_model(),
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "spacy": spacy.__version__,
        "duckdb": duckdb.__version__,
        "seed": args.seed,
        "corpus_seconds": corpus_seconds,
        "articles": args.articles,
        "small": args.small,
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Speed and peak memory of newsgraph ingest against bare spaCy (see bench/README.md)."
    )
    parser.add_argument(
        "--articles", type=int, default=1000, help="articles in the main corpus (default 1000)"
    )
    parser.add_argument("--small", type=int, default=300, help="articles in the small corpus (default 300)")
    parser.add_argument("--model", default=None, help="spaCy model (default: newsgraph's setting)")
    parser.add_argument("--n-process", type=int, default=1, help="bare nlp.pipe processes (default 1)")
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--batch-size", type=int, default=None, help="default: newsgraph's setting")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--json", type=Path, default=None, help="also write all figures to this file")
    parser.add_argument("--workdir", type=Path, default=None, help="keep corpus and databases here")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run the bare, ingest and all-cores phases this many times, in turn, and keep each "
        "phase's fastest (default 1)",
    )
    # internal: one measured phase in a child process
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--phase-out", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.phase and not 0 < args.small < args.articles:
        parser.error("need 0 < --small < --articles")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.phase:
        return run_phase(args)

    sys.path.insert(0, str(HERE))
    from corpus import make_corpus

    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp_name:
        work = args.workdir or Path(tmp_name)
        work.mkdir(parents=True, exist_ok=True)
        large_dir, small_dir = work / f"corpus-{args.articles}", work / f"corpus-{args.small}"
        t0 = time.perf_counter()
        for folder, n in ((large_dir, args.articles), (small_dir, args.small)):
            for old in folder.glob("*.txt"):
                old.unlink()
            make_corpus(folder, n, seed=args.seed)
        corpus_seconds = time.perf_counter() - t0
        print(f"corpus: {args.articles} + {args.small} articles in {work}", file=sys.stderr)
        # (name, phase, corpus, jobs, what it is), each run once per round, in this order
        plan = [
            ("bare", "bare", large_dir, 1, "bare spaCy"),
            ("tables", "tables", large_dir, 1, "spaCy as ingest runs it"),
            ("large", "ingest", large_dir, 1, "ingest, large corpus, one process"),
            ("small", "ingest", small_dir, 1, "ingest, small corpus, one process"),
            ("cores", "ingest", large_dir, 0, "ingest, large corpus, every core"),
        ]
        rounds: dict[str, list[dict[str, Any]]] = {name: [] for name, *_ in plan}
        try:
            for r in range(1, args.rounds + 1):
                tag = f"round {r}/{args.rounds}: " if args.rounds > 1 else ""
                for n, (name, phase, corpus, jobs, what) in enumerate(plan, 1):
                    print(f"{tag}phase {n}/{len(plan)}: {what} ...", file=sys.stderr)
                    db = fresh_db(work / f"bench-{name}-{r}.duckdb") if phase == "ingest" else None
                    out = work / f"{name}-{r}.json"
                    rounds[name].append(spawn(phase, corpus, out, args, db=db, jobs=jobs))
        except RuntimeError as exc:
            print(f"bench failed: {exc}", file=sys.stderr)
            return 2
        bare, tables, large, small, cores = (best(rounds[name]) for name, *_ in plan)
        results: dict[str, Any] = {
            "environment": environment(args, corpus_seconds),
            "bare": bare,
            "tables": tables,
            "ingest_small": small,
            "ingest_large": large,
            "ingest_cores": cores,
        }
        from newsgraph.testing.compare import store_digest

        large["store"] = store_digest(work / f"bench-large-{large['round']}.duckdb")
        cores["store"] = store_digest(work / f"bench-cores-{cores['round']}.duckdb")
        results["summary"] = summarise(bare, small, large, cores, tables)
        results["rounds"] = round_ratios(rounds)
    print_report(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
        print(f"figures written to {args.json}")
    s = results["summary"]
    ok = all(s[k] for k in ("speed_ok", "rss_ok", "peak_process_ok", "scaling_ok", "same_store"))
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
