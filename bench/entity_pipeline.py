"""Why ``newsgraph_entities`` costs more in the pipeline than alone (CPU time, one process).

    python bench/entity_pipeline.py [--articles 300] [--seed 0] [--rounds 3]

On the corpus of ``bench/stages.py`` (``cleaned_texts``) and with the collector set as there
(``settle_collector``), in this one process, chunk by chunk (one batch of texts), interleaved:

``A``  the model + ``newsgraph_paragraphs`` (``nlp.pipe``);
``B``  the model + ``newsgraph_paragraphs`` + ``newsgraph_entities``, the entity component's own
       calls timed inside the pipeline as well (``time.process_time`` around each call);
``alone``  the entity component over the docs ``A`` made (paragraphs and model, as in the pipeline),
       and over bare spaCy's docs (what ``bench/stages.py``'s "alone" column gives it).

All times are CPU seconds (``time.process_time``), each chunk's best of ``--rounds``, and the garbage
collector's share (``gc.callbacks``) beside them. B - A is what the pipeline row charges the
component; "inside" is its own calls in B; the rest of B - A is what it makes the other steps of
the pipeline cost (the model's pipes, ``nlp.pipe``'s generators, the collector). See bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


class Clock:
    """CPU time of a region and of the collector's passes within it."""

    def __init__(self) -> None:
        self.gc = 0.0
        self._gc_start = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_start = time.process_time()
        else:
            self.gc += time.process_time() - self._gc_start

    def run(self, fn: Callable[[], Any]) -> tuple[float, float, Any]:
        gc.collect()
        self.gc = 0.0
        t0 = time.process_time()
        out = fn()
        return time.process_time() - t0, self.gc, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    import spacy

    from newsgraph.extract.pipeline import add_components, settle_collector
    from newsgraph.settings import Settings

    sys.path.insert(0, str(HERE))
    from stages import cleaned_texts

    settings = Settings.load(jobs=1)
    texts, _ = cleaned_texts(args.articles, args.seed, settings)
    size = settings.batch_size
    bare = spacy.load(settings.model)
    a = add_components(spacy.load(settings.model), names=("newsgraph_paragraphs",))
    b = add_components(spacy.load(settings.model), names=("newsgraph_paragraphs", "newsgraph_entities"))
    proc = b.get_pipe("newsgraph_entities")
    inside = [0.0]

    def timed(doc: Any) -> Any:
        t0 = time.process_time()
        out = proc(doc)
        inside[0] += time.process_time() - t0
        return out

    # nlp.pipe calls ``timed`` in the component's place (the same call, its CPU time added up)
    b._components[b.component_names.index("newsgraph_entities")] = ("newsgraph_entities", timed)
    for nlp in (bare, a, b):
        list(nlp.pipe(texts[:size], batch_size=size))
    settle_collector()
    clock = Clock()
    chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
    keys = ("A", "B", "inside", "alone", "bare alone")
    best: dict[str, list[float]] = {k: [9e9] * len(chunks) for k in keys}
    gcs: dict[str, list[float]] = {k: [0.0] * len(chunks) for k in best}
    per_round: list[dict[str, float]] = []  # whole-corpus CPU s of each round: the noise
    for r in range(args.rounds):
        per_round.append(dict.fromkeys(best, 0.0))
        for c, chunk in enumerate(chunks):
            order = ("A", "B") if (r + c) % 2 == 0 else ("B", "A")
            for key in order:
                inside[0] = 0.0
                nlp = a if key == "A" else b
                run = lambda nlp=nlp, chunk=chunk: list(nlp.pipe(chunk, batch_size=size))  # noqa: E731
                secs, in_gc, docs = clock.run(run)
                per_round[r][key] += secs
                if secs < best[key][c]:
                    best[key][c], gcs[key][c] = secs, in_gc
                if key == "B":
                    per_round[r]["inside"] += inside[0]
                    best["inside"][c] = min(best["inside"][c], inside[0])
                if key == "A":
                    a_docs = docs
                del docs
            bare_docs = list(bare.pipe(chunk, batch_size=size))
            for key, on in (("alone", a_docs), ("bare alone", bare_docs)):
                secs, in_gc, _ = clock.run(lambda on=on: [proc(d) for d in on])
                per_round[r][key] += secs
                if secs < best[key][c]:
                    best[key][c], gcs[key][c] = secs, in_gc
            del a_docs, bare_docs
        print(f"round {r + 1}/{args.rounds} done", file=sys.stderr, flush=True)
    total = {k: sum(v) for k, v in best.items()}
    gc_total = {k: sum(v) for k, v in gcs.items()}
    print(f"{len(texts)} articles, {len(chunks)} chunks of {size}, best of {args.rounds} rounds, CPU s")
    print(f"A  model + paragraphs              {total['A']:8.3f}  (collector {gc_total['A']:.3f})")
    print(f"B  model + paragraphs + entities   {total['B']:8.3f}  (collector {gc_total['B']:.3f})")
    print(f"B - A                              {total['B'] - total['A']:8.3f}")
    print(f"   entity calls inside B           {total['inside']:8.3f}")
    print(f"entities alone on A's docs         {total['alone']:8.3f}  (collector {gc_total['alone']:.3f})")
    bare_alone = f"{total['bare alone']:8.3f}  (collector {gc_total['bare alone']:.3f})"
    print(f"entities alone on bare docs        {bare_alone}")
    for r, got in enumerate(per_round, 1):
        print(
            f"round {r}: A {got['A']:.3f}  B {got['B']:.3f}  B - A {got['B'] - got['A']:+.3f}  "
            f"inside {got['inside']:.3f}  alone {got['alone']:.3f}  on bare docs {got['bare alone']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
