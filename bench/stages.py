"""What each newsgraph component adds to bare spaCy's time, stage by stage, on a synthetic corpus.

    python bench/stages.py [--articles 300] [--model NAME] [--repeat 2] [--json OUT] [--check]

Generates a corpus (``bench/corpus.py``) in a temporary directory and cleans it with ``iter_drafts``,
exactly as ingest does. Then, in this one process and on the same texts:

``pipeline``  ``list(nlp.pipe(texts))`` through bare ``spacy.load(model)``, then through the model
              with newsgraph's components added one more at a time, in ``COMPONENTS`` order
              (``add_components(spacy.load(model), names=...)``). Each stage's added time is the
              difference from the row before, as a share of bare spaCy's time. The stages take
              turns batch by batch (so a slow spell of a shared machine hits all alike); each batch
              keeps its best of ``--repeat`` rounds.
``alone``     each component called on its own over docs the model has already processed, summed:
              the component's own cost, without the run-to-run noise of a whole pipeline pass.

It prints one table with the issue's targets (added time at most a given share of bare spaCy's).
See bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

#: texts each pipeline runs on before its clock starts.
WARMUP_TEXTS = 8
#: batches per timed chunk: every stage runs one chunk before any runs the next (see run_pipelines).
CHUNK_BATCHES = 1

#: The issue's targets: (label, components, most time they may add, as a share of bare spaCy's time).
#: A target with several components applies to the sum of what they add. Components are matched by
#: name; a target whose components are not in ``COMPONENTS`` yet is not shown. Keep the names in step
#: with ``newsgraph.extract.pipeline.COMPONENTS`` as components land.
TARGETS: tuple[tuple[str, tuple[str, ...], float], ...] = (
    # issue 15: the entity stage stays within 5% of bare spaCy
    ("entities", ("newsgraph_entities",), 0.05),
    ("quotes", ("newsgraph_quotes",), 0.15),
    ("counts+dates+places", ("newsgraph_counts", "newsgraph_dates", "newsgraph_places"), 0.20),
    ("events", ("newsgraph_events",), 0.25),
    # issue 14: the event stage with the article relevance it reads adds at most 10%
    ("events+relevance", ("newsgraph_events", "newsgraph_relevance"), 0.10),
)
#: Components the issue sets no target for (shown, never judged).
UNTARGETED = frozenset({"newsgraph_paragraphs"})


# --------------------------------------------------------------------------- corpus


def cleaned_texts(articles: int, seed: int, settings: Any) -> tuple[list[str], dict[str, Any]]:
    """The cleaned article texts of a fresh synthetic corpus, as ingest would give them to spaCy."""
    sys.path.insert(0, str(HERE))
    from corpus import make_corpus

    from newsgraph.records import Draft, ErrorRecord
    from newsgraph.runner.local import iter_drafts

    with tempfile.TemporaryDirectory(prefix="newsgraph-stages-") as tmp:
        t0 = time.perf_counter()
        paths = make_corpus(tmp, articles, seed=seed)
        corpus_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        items = list(iter_drafts(paths, settings))
        clean_seconds = time.perf_counter() - t0
    texts = [d.text for d in items if isinstance(d, Draft)]
    errors = [e for e in items if isinstance(e, ErrorRecord)]
    if not texts:
        first = errors[0].line() if errors else "and no errors"
        raise SystemExit(f"iter_drafts gave no articles ({first})")
    info = {
        "articles": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "files": len(paths),
        "seed": seed,
        "corpus_seconds": corpus_seconds,
        "clean_seconds": clean_seconds,
        "clean_errors": [e.line() for e in errors[:5]],
        "n_clean_errors": len(errors),
    }
    return texts, info


# --------------------------------------------------------------------------- measuring


@dataclass(slots=True)
class Stage:
    """One pipeline: bare spaCy, or the model with newsgraph's components up to ``component``."""

    label: str
    component: str | None  # the newsgraph component this stage adds; None for bare spaCy
    names: tuple[str, ...]  # every newsgraph component in it
    pipe_names: list[str] = field(default_factory=list)
    load_seconds: float = 0.0
    #: seconds[chunk][round]: one batch-aligned chunk of the texts in one round
    chunk_runs: list[list[float]] = field(default_factory=list)
    #: the same runs in CPU seconds of this process (``time.process_time``)
    chunk_cpu: list[list[float]] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        """The whole corpus at its best: each chunk's fastest round, summed."""
        return sum(min(runs) for runs in self.chunk_runs)

    @property
    def cpu_seconds(self) -> float:
        """The whole corpus at its best in CPU time: each chunk's least CPU time, summed."""
        return sum(min(runs) for runs in self.chunk_cpu)

    @property
    def rounds(self) -> list[float]:
        """The whole corpus in each round (for the record: the noise between rounds)."""
        return [sum(runs[r] for runs in self.chunk_runs) for r in range(len(self.chunk_runs[0]))]


def run_pipelines(
    model: str, texts: list[str], batch_size: int, repeat: int, log: Callable[[str], None]
) -> tuple[list[Stage], dict[str, Any], list[Any]]:
    """Time every stage; the stages, their loaded pipelines by label, and bare spaCy's docs.

    The texts are cut into chunks of ``CHUNK_BATCHES`` whole batches, and every stage runs each chunk
    in turn before the next chunk starts (first stage first, then last stage first, alternately).
    ``nlp.pipe`` over a chunk makes the same batches as over the whole list, so the work is the
    same as one ``list(nlp.pipe(texts))`` per stage, but the stages run within seconds of each
    other, so a slow spell of a shared machine hits all of them alike instead of one."""
    import spacy

    from newsgraph.extract.pipeline import COMPONENTS, add_components, settle_collector

    order = [name for name, _, _ in COMPONENTS]
    stages = [Stage("bare spaCy", None, ())]
    stages += [Stage(f"+ {name}", name, tuple(order[: i + 1])) for i, name in enumerate(order)]
    pipelines: dict[str, Any] = {}
    for stage in stages:
        t0 = time.perf_counter()
        nlp = spacy.load(model)
        if stage.names:
            add_components(nlp, names=stage.names)
        stage.load_seconds = time.perf_counter() - t0
        stage.pipe_names = list(nlp.pipe_names)
        list(nlp.pipe(texts[:WARMUP_TEXTS], batch_size=batch_size))
        pipelines[stage.label] = nlp
    # The first full batch in a process runs ~20% slower than later ones, whichever pipeline runs
    # it (first use of memory of that size); spend it on an untimed run.
    list(pipelines[stages[0].label].pipe(texts[:batch_size], batch_size=batch_size))
    # the garbage collector as ingest runs it (newsgraph.extract.pipeline.preload): the loaded
    # pipelines frozen out of its reach, young collections every GC_YOUNG_THRESHOLD allocations
    settle_collector()
    size = batch_size * CHUNK_BATCHES
    chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
    for stage in stages:
        stage.chunk_runs = [[] for _ in chunks]
        stage.chunk_cpu = [[] for _ in chunks]
    bare_docs: list[Any] = []
    for r in range(repeat):
        log(f"round {r + 1}/{repeat}: {len(stages)} pipelines x {len(chunks)} chunks ...")
        for c, chunk in enumerate(chunks):
            for stage in stages if (r + c) % 2 == 0 else stages[::-1]:
                gc.collect()
                c0, t0 = time.process_time(), time.perf_counter()
                docs = list(pipelines[stage.label].pipe(chunk, batch_size=batch_size))
                stage.chunk_runs[c].append(time.perf_counter() - t0)
                stage.chunk_cpu[c].append(time.process_time() - c0)
                if stage.component is None and r == repeat - 1:
                    bare_docs.extend(docs)  # bare spaCy's parse, for the components-alone timing
                del docs
    return stages, pipelines, bare_docs


@dataclass(slots=True)
class Alone:
    """One component called on its own over already-processed docs."""

    component: str
    input: str  # which model pipes the docs went through first
    runs: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def seconds(self) -> float:
        return min(self.runs) if self.runs else float("nan")


def run_alone(
    full: Any, bare: Any, texts: list[str], bare_docs: list[Any], batch_size: int, repeat: int
) -> list[Alone]:
    """Each newsgraph component of ``full`` alone, on docs in the state it meets in the pipeline.

    A component that goes after all of the model's pipes runs on ``bare_docs`` (bare spaCy's output),
    the components in pipeline order on the same docs, so each sees what the ones before it wrote.
    One that goes before a model pipe (``newsgraph_paragraphs``, before the parser) cannot run on
    parsed docs (spaCy refuses to set sentence starts on them): it gets docs that went through the
    model's pipes before it only."""
    from newsgraph.extract.pipeline import COMPONENTS

    model_pipes = list(bare.pipe_names)
    partial: dict[tuple[str, ...], list[Any]] = {}
    out: list[Alone] = []
    for name, _, _ in COMPONENTS:
        if name not in full.pipe_names:
            continue
        at = full.pipe_names.index(name)
        before = [p for p in full.pipe_names[:at] if p in model_pipes]
        later = tuple(p for p in full.pipe_names[at + 1 :] if p in model_pipes)
        if later:
            if later not in partial:
                partial[later] = list(bare.pipe(texts, batch_size=batch_size, disable=list(later)))
            docs = partial[later]
            where = " + ".join(before) if before else "tokenizer"
        else:
            docs = bare_docs
            where = "full model"
        item = Alone(name, where)
        proc = full.get_pipe(name)
        for _ in range(repeat):
            gc.collect()
            t0 = time.perf_counter()
            try:
                for doc in docs:
                    proc(doc)
            except Exception as exc:  # report it and go on with the others
                item.error = f"{type(exc).__name__}: {exc}"
                break
            item.runs.append(time.perf_counter() - t0)
        out.append(item)
    return out


# --------------------------------------------------------------------------- summarising


def _target_of(name: str) -> tuple[str, tuple[str, ...], float] | None:
    return next((t for t in TARGETS if name in t[1]), None)


def summarise(stages: list[Stage], alone: list[Alone], words: int) -> dict[str, Any]:
    """Rows of the table (and of the JSON), with shares of bare time and verdicts."""
    bare = stages[0].seconds
    rows: list[dict[str, Any]] = []

    def row(
        kind: str, label: str, seconds: float, added: float | None, target: float | None, section: int
    ) -> None:
        rows.append(
            {
                # "pipeline" (difference of two pipelines), "pipeline-cpu" (the same in CPU time)
                # or "alone"
                "kind": kind,
                "section": section,
                "stage": label,
                "seconds": seconds,
                "words_per_s": words / seconds if seconds > 0 else None,  # None: a negative difference
                "added": added,
                "target": target,
                "ok": None if target is None or added is None or math.isnan(added) else added <= target,
            }
        )

    def single_target(name: str) -> float | None:
        t = _target_of(name)
        return t[2] if t and len(t[1]) == 1 else None

    added_pipe: dict[str, float] = {}
    row("pipeline", "bare spaCy", bare, None, None, 0)
    for prev, stage in itertools.pairwise(stages):
        assert stage.component is not None
        added_pipe[stage.component] = (stage.seconds - prev.seconds) / bare
        added, target = added_pipe[stage.component], single_target(stage.component)
        row("pipeline", stage.label, stage.seconds, added, target, 0)
    if len(stages) > 1:
        row("pipeline", "all components (total)", stages[-1].seconds, stages[-1].seconds / bare - 1, None, 0)
    # the same differences in CPU time: what a busy host's wall clock adds between stages is left out
    bare_cpu = stages[0].cpu_seconds
    row("pipeline-cpu", "bare spaCy (CPU time)", bare_cpu, None, None, 1)
    for prev, stage in itertools.pairwise(stages):
        assert stage.component is not None
        added = (stage.cpu_seconds - prev.cpu_seconds) / bare_cpu
        target = single_target(stage.component)
        row("pipeline-cpu", f"{stage.label} (CPU)", stage.cpu_seconds, added, target, 1)

    added_alone: dict[str, float] = {}
    for item in alone:
        added_alone[item.component] = item.seconds / bare
        label = f"{item.component} alone (on {item.input} docs)"
        if item.error:
            label += f" ERROR {item.error}"
        row("alone", label, item.seconds, added_alone[item.component], single_target(item.component), 2)
    if alone:
        total = sum(i.seconds for i in alone)
        row("alone", "all components alone (sum)", total, total / bare, None, 2)

    for label, names, limit in TARGETS:  # targets shared by several components: their sum
        present = [n for n in names if n in added_pipe]
        if len(names) < 2 or not present:
            continue
        missing = [n for n in names if n not in added_pipe]
        note = f" (without {', '.join(missing)})" if missing else ""
        secs = sum(b.seconds - a.seconds for a, b in itertools.pairwise(stages) if b.component in present)
        row("pipeline", f"{label}{note}", secs, sum(added_pipe[n] for n in present), limit, 3)
        secs = sum(i.seconds for i in alone if i.component in present)
        added = sum(added_alone.get(n, float("nan")) for n in present)
        row("alone", f"{label} alone{note}", secs, added, limit, 3)
    return {"rows": rows, "bare_seconds": bare}


def print_report(results: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(120, Console().width))
    env, corpus, s = results["environment"], results["corpus"], results["summary"]
    stages = results["stages"]
    console.print(
        f"[bold]newsgraph components vs bare spaCy[/] — model {env['model']}, "
        f"batch_size {env['batch_size']}, best of {env['repeat']} round(s)\n"
        f"{env['cpus']} CPUs, Python {env['python']}, spaCy {env['spacy']}, {env['platform']}\n"
        f"corpus: {corpus['articles']:,} articles, {corpus['words']:,} words (seed {corpus['seed']}; "
        f"generated in {corpus['corpus_seconds']:.1f}s, cleaned in {corpus['clean_seconds']:.1f}s)\n"
        f"full pipeline: {', '.join(stages[-1]['pipe_names'])}"
    )
    table = Table(title="Time added to bare spaCy, per newsgraph component")
    table.add_column("stage", no_wrap=True)
    for col in ("seconds", "words/s", "added vs bare", "target", "result"):
        table.add_column(col, justify="right", no_wrap=True)
    section = 0
    for r in s["rows"]:
        if r["section"] != section:
            table.add_section()
            section = r["section"]
        added = "—" if r["added"] is None else f"{r['added'] * 100:+.1f}%"
        target = "—" if r["target"] is None else f"<= {r['target'] * 100:.0f}%"
        ok = {None: "", True: "[green]PASS[/]", False: "[red]FAIL[/]"}[r["ok"]]
        rate = "—" if r["words_per_s"] is None else f"{r['words_per_s']:,.0f}"
        table.add_row(r["stage"], f"{r['seconds']:.2f}", rate, added, target, ok)
    console.print(table)
    runs = "; ".join(f"{st['label']} {', '.join(f'{x:.1f}' for x in st['rounds'])}" for st in stages)
    console.print(f"whole corpus per round (s): {runs}")
    for w in results["warnings"]:
        console.print(f"[yellow]warning:[/] {w}")


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time each newsgraph component adds to bare spaCy (see bench/README.md)."
    )
    parser.add_argument("--articles", type=int, default=300, help="articles in the corpus (default 300)")
    parser.add_argument("--model", default=None, help="spaCy model (default: newsgraph's setting)")
    parser.add_argument("--repeat", type=int, default=2, help="timed rounds; best of them (default 2)")
    parser.add_argument("--batch-size", type=int, default=None, help="default: newsgraph's setting (64)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--json", type=Path, default=None, help="also write all figures to this file")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when a component misses its target in the pipeline"
    )
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeat < 1:
        parser.error("--articles and --repeat must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    import spacy

    from newsgraph.settings import Settings

    settings = Settings.load(model=args.model, batch_size=args.batch_size, jobs=1)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    started = time.perf_counter()
    texts, corpus = cleaned_texts(args.articles, args.seed, settings)
    log(f"corpus: {corpus['articles']} articles, {corpus['words']:,} words; loading {settings.model} ...")
    stages, pipelines, bare_docs = run_pipelines(settings.model, texts, settings.batch_size, args.repeat, log)
    log("components alone ...")
    full, bare = pipelines[stages[-1].label], pipelines[stages[0].label]
    alone = run_alone(full, bare, texts, bare_docs, settings.batch_size, args.repeat)
    summary = summarise(stages, alone, corpus["words"])
    failures = [f"{a.component} alone failed: {a.error}" for a in alone if a.error]
    warnings = list(failures)
    for st in stages[1:]:
        if st.component not in UNTARGETED and _target_of(st.component or "") is None:
            warnings.append(f"{st.component} has no target in bench/stages.py TARGETS (shown, not judged)")
    if corpus["n_clean_errors"]:
        warnings.append(f"cleaning: {corpus['n_clean_errors']} error(s), first: {corpus['clean_errors'][0]}")
    results: dict[str, Any] = {
        "environment": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(terse=True),
            "spacy": spacy.__version__,
            "model": settings.model,
            "batch_size": settings.batch_size,
            "repeat": args.repeat,
            "targets": [{"label": lab, "components": list(n), "max_added": t} for lab, n, t in TARGETS],
        },
        "corpus": corpus,
        "stages": [{**asdict(st), "seconds": st.seconds, "rounds": st.rounds} for st in stages],
        "alone": [{**asdict(a), "seconds": a.seconds} for a in alone],
        "summary": summary,
        "warnings": warnings,
        "total_seconds": time.perf_counter() - started,
    }
    print_report(results)
    log(f"bench took {results['total_seconds']:.0f}s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
        print(f"figures written to {args.json}")
    missed = [r for r in summary["rows"] if r["kind"] == "pipeline" and r["ok"] is False]
    return 1 if args.check and (missed or failures) else 0


if __name__ == "__main__":
    sys.exit(main())
