"""Why gold facts of the real-news event set are missed, by gold type: a breakdown for work on recall.

    python eval/events_misses.py [--min-confidence X] [--list]

Each gold fact (``eval/data/events_real``) falls in the first of these that holds for it:

- ``matched``: a reported fact of its type in its sentence at the threshold (as eval/events_real.py);
- ``below threshold``: an event of its type in its sentence, a fact, under the threshold;
- ``not a fact``: an event of its type in its sentence flagged negated, hypothetical or future;
- ``wrong sentence``: an event of its type whose trigger is in the next or previous sentence, where
  the labels have no event of that type (of any status): one that is its own sentence's event is
  another event, not this one put in the wrong place;
- ``wrong type``: events in its sentence, none of its type;
- ``no candidate``: no event at all in its sentence.

For ``wrong type`` both halves also get a count of what was found instead (the type of each event
in the gold fact's sentence, and whether it is reported at the threshold).

Figures are printed for both halves; ``--list`` prints the tune half's misses with their trigger
words (the measure half is only counted, never shown).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events_real import (
    DEFAULT_LABELS,
    Article,
    GoldEvent,
    Predicted,
    _default_threshold,
    is_fact,
    load_labels,
    predicted,
)

KINDS = ("matched", "below threshold", "not a fact", "wrong sentence", "wrong type", "no candidate")


def predict_all(articles: list[Article]) -> list[list[tuple[Predicted, bool]]]:
    """Every event record of each article, with whether it is reported as a fact (any confidence)."""
    from newsgraph.extract.annotations import doc_facts
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    nlp = load_pipeline(Settings.load())
    out: list[list[tuple[Predicted, bool]]] = []
    docs = nlp.pipe((prepare_doc(nlp, a.text) for a in articles), batch_size=16)
    for article, doc in zip(articles, docs, strict=True):
        out.append([(predicted(article, e), is_fact(e)) for e in doc_facts(doc)["events"]])
    return out


def classify(
    g: GoldEvent,
    events: list[tuple[Predicted, bool]],
    threshold: float,
    taken: set[int],
    gold: list[GoldEvent] | None = None,
) -> str:
    """The kind of ``g`` (see the module's docstring); ``taken`` holds ids of events matched already,
    ``gold`` the article's gold events (all statuses)."""
    here = [(p, f) for p, f in events if p.sentence == g.sentence]
    same = [(p, f) for p, f in here if p.type == g.type]
    for p, f in same:
        if f and p.confidence >= threshold and id(p) not in taken:
            taken.add(id(p))
            return "matched"
    if any(f for _, f in same):
        return "below threshold"
    if same:
        return "not a fact"
    labelled = {(h.sentence, h.type) for h in gold or ()}
    if any(
        p.type == g.type and abs(p.sentence - g.sentence) == 1 and (p.sentence, p.type) not in labelled
        for p, _ in events
    ):
        return "wrong sentence"
    return "wrong type" if here else "no candidate"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--min-confidence", type=float, default=None)
    parser.add_argument("--list", action="store_true", help="print the tune half's misses")
    args = parser.parse_args(argv)
    articles, _ = load_labels(args.labels)
    if not articles:
        print("no labelled texts found")
        return 0
    threshold = _default_threshold() if args.min_confidence is None else args.min_confidence
    predicted = predict_all(articles)
    table: dict[str, Counter[tuple[str, str]]] = {"tune": Counter(), "measure": Counter()}
    instead: dict[str, Counter[tuple[str, str]]] = {"tune": Counter(), "measure": Counter()}
    for article, events in zip(articles, predicted, strict=True):
        taken: set[int] = set()
        for g in sorted((g for g in article.events if g.status == "fact"), key=lambda g: g.start):
            kind = classify(g, events, threshold, taken, article.events)
            table[article.half][(g.type, kind)] += 1
            if kind == "wrong type":
                for p, f in events:
                    if p.sentence == g.sentence:
                        shown = f and p.confidence >= threshold
                        instead[article.half][(g.type, f"{p.type}{'' if shown else '(unreported)'}")] += 1
            if args.list and article.half == "tune" and kind != "matched":
                s, e = article.sentences[g.sentence]
                got = [
                    f"{p.type}{'' if f else '(nf)'}:{p.confidence:.2f}:{article.text[p.start : p.end]}"
                    for p, f in events
                    if p.sentence == g.sentence
                ]
                print(
                    f"{kind:15} {g.type:9} [{article.text[g.start : g.end]}] "
                    f"{sorted(g.actors)}->{sorted(g.recipients)} got {got}\n    {article.text[s:e]!r}"
                )
    for half, counts in table.items():
        types = sorted({t for t, _ in counts})
        print(f"{half} half (threshold {threshold:.2f}): gold facts by type and what became of them")
        print(f"  {'type':10} {'gold':>4} " + " ".join(f"{k[:12]:>12}" for k in KINDS))
        for t in [*types, "all"]:
            row = [sum(n for (tt, k), n in counts.items() if t in (tt, "all") and k == c) for c in KINDS]
            print(f"  {t:10} {sum(row):>4} " + " ".join(f"{n:>12}" for n in row))
        print(f"{half} half: wrong type, the events found instead in the gold fact's sentence")
        for (gold_type, found), n in sorted(instead[half].items(), key=lambda kv: (kv[0][0], -kv[1])):
            print(f"  {gold_type:10} {found:24} {n:>4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
