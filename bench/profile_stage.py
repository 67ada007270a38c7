"""Where one newsgraph component's own time goes, on the bench corpus (cProfile).

    python bench/profile_stage.py [--component newsgraph_entities] [--articles 300] [--seed 0]
                                  [--docs FILE] [--top 40] [--repeat 3] [--no-profile]

Builds the synthetic corpus as ``bench/stages.py`` does (``bench/corpus.py``, cleaned with
``iter_drafts``), runs bare ``spacy.load(model)`` over it once, then calls only the named component
on those docs, as the "alone" column of ``bench/stages.py`` does for a component after the model's
pipes. ``--docs FILE`` keeps the parsed docs in a ``DocBin`` file (written on the first run, read
on later ones), so comparing two versions of a component does not parse the corpus each time.

Prints the component's CPU time (``time.process_time``, best of ``--repeat`` passes, each on fresh
copies of the parsed docs), a digest of what it wrote (the entities' facts and spans for
``newsgraph_entities``; the doc's facts for the others), which must not change when only its speed
does, and then, unless ``--no-profile``, the top functions of one cProfile pass by cumulative and by
own time. cProfile's own cost per call inflates small, often-called functions: trust the CPU time
above for totals and the profile for where to look. See bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import pstats
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def parsed_docs(args: argparse.Namespace, settings: Any) -> tuple[Any, list[Any], bytes]:
    """The model (with newsgraph's components), and the bare model's docs as DocBin bytes."""
    import spacy
    from spacy.tokens import DocBin

    from newsgraph.extract.pipeline import add_components

    nlp = spacy.load(settings.model)
    bare_names = list(nlp.pipe_names)
    if args.docs is not None and args.docs.exists():
        data = args.docs.read_bytes()
    else:
        sys.path.insert(0, str(HERE))
        from stages import cleaned_texts

        texts, info = cleaned_texts(args.articles, args.seed, settings)
        print(f"corpus: {info['articles']} articles, {info['words']:,} words; parsing ...", file=sys.stderr)
        t0 = time.process_time()
        docs = list(nlp.pipe(texts, batch_size=settings.batch_size))
        print(f"bare spaCy: {time.process_time() - t0:.2f} CPU s", file=sys.stderr)
        data = DocBin(store_user_data=True, docs=docs).to_bytes()
        if args.docs is not None:
            args.docs.write_bytes(data)
    add_components(nlp, names=(args.component,))
    if args.component not in nlp.pipe_names:
        raise SystemExit(f"{args.component}: no such component (or it cannot run after {bare_names})")
    return nlp, list(DocBin().from_bytes(data).get_docs(nlp.vocab)), data


def digest(docs: list[Any], component: str) -> str:
    """A digest of what the component wrote on ``docs``."""
    from newsgraph.extract.annotations import ENTITY_SPANS, TITLE_SPANS, doc_entities

    h = hashlib.sha256()
    for doc in docs:
        if component == "newsgraph_entities":
            h.update(repr(doc_entities(doc)).encode())
            for group in (ENTITY_SPANS, TITLE_SPANS):
                spans = doc.spans.get(group, ())
                h.update(repr([(s.start, s.end, s.label_, s.id_) for s in spans]).encode())
            h.update(repr(doc._.newsgraph_context).encode())
        else:
            h.update(repr(doc._.newsgraph_facts).encode())
    return h.hexdigest()[:16]


def sampled(proc: Any, fresh: Any, passes: int, top: int) -> None:
    """Sample the stack every millisecond of CPU (or the kernel's coarser tick) over ``passes``
    passes; print the functions seen most, inclusive (anywhere on the stack) and own (on top), and
    the lines seen most on top. Python runs a signal handler between two bytecodes, so time inside
    spaCy's Cython code (``doc.text``, ``doc.ents``) counts for the Python line that runs next,
    at no extra cost per call (unlike cProfile)."""
    import collections
    import signal

    here = Path(__file__).resolve()
    stacks: collections.Counter[tuple[str, ...]] = collections.Counter()
    lines: collections.Counter[str] = collections.Counter()

    def on_tick(signum: int, frame: Any) -> None:
        if frame is not None:
            lines[f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}"] += 1
        names: list[str] = []
        while frame is not None and Path(frame.f_code.co_filename) != here:
            code = frame.f_code
            names.append(f"{Path(code.co_filename).name}:{code.co_firstlineno}({code.co_name})")
            frame = frame.f_back
        stacks[tuple(names)] += 1

    signal.signal(signal.SIGPROF, on_tick)
    for _ in range(passes):
        docs = fresh()
        gc.collect()
        signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
        for doc in docs:
            proc(doc)
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
    total = sum(stacks.values())
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    for stack, n in stacks.items():
        for name in set(stack):
            inclusive[name] += n
        if stack:
            own[stack[0]] += n
    print(f"{total} samples")
    for title, counts in (("inclusive", inclusive), ("own", own), ("own, by line", lines)):
        print(f"\n{'%':>6}  function ({title})")
        for name, n in counts.most_common(top):
            print(f"{100 * n / total:6.1f}  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="cProfile one newsgraph component (bench/README.md)")
    parser.add_argument("--component", default="newsgraph_entities")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--docs", type=Path, default=None, help="DocBin file of the parsed corpus (cache)")
    parser.add_argument("--top", type=int, default=40, help="functions listed per ordering")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; best of them")
    parser.add_argument("--no-profile", action="store_true", help="only the CPU time and the digest")
    parser.add_argument(
        "--sample",
        type=int,
        default=0,
        metavar="N",
        help="profile by sampling stacks (SIGPROF every ms of CPU) over N passes instead of cProfile",
    )
    args = parser.parse_args(argv)

    from spacy.tokens import DocBin

    from newsgraph.settings import Settings

    settings = Settings.load(jobs=1)
    nlp, docs, data = parsed_docs(args, settings)
    proc = nlp.get_pipe(args.component)
    for doc in docs[:8]:  # load the tables, warm the caches of the first docs' words
        proc(doc)

    def fresh() -> list[Any]:
        return list(DocBin().from_bytes(data).get_docs(nlp.vocab))

    runs: list[float] = []
    collecting: list[float] = []  # CPU time of the garbage collector's passes, per run
    started = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            collecting[-1] += time.process_time() - started[0]

    result = ""
    gc.callbacks.append(on_gc)
    for _ in range(args.repeat):
        collecting.append(0.0)  # (before the copies and the collection: its callback adds to the last entry)
        docs = fresh()
        gc.collect()
        collecting[-1] = 0.0
        t0 = time.process_time()
        for doc in docs:
            proc(doc)
        runs.append(time.process_time() - t0)
        result = digest(docs, args.component)
    gc.callbacks.remove(on_gc)
    best = runs.index(min(runs))
    print(
        f"{args.component} over {len(docs)} docs: {min(runs):.3f} CPU s (best of "
        f"{', '.join(f'{r:.3f}' for r in runs)}; garbage collection {collecting[best]:.3f} of it); "
        f"output digest {result}"
    )
    if args.no_profile:
        return 0
    if args.sample:
        sampled(proc, fresh, args.sample, args.top)
        return 0
    docs = fresh()
    gc.collect()
    prof = cProfile.Profile()
    prof.enable()
    for doc in docs:
        proc(doc)
    prof.disable()
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out).strip_dirs().sort_stats(order)
        stats.print_stats(args.top)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
