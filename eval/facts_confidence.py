"""Fit and measure the entity, date and count confidences (``extract/fact_confidence.py``): a
regularised logistic model of "the record is right" on each kind's evidence, fitted on the tune
half of its dev set only.

    python eval/facts_confidence.py --kind entities|dates|counts [--sigma S]

- **entities** on the real-news labels of ``entities_real.py`` (its tune and measure halves): an
  entity is right when it is paired with a gold entity of the same type and name (what entity
  precision counts); nominal institutions ("the police") are outside the labels and left out;
- **dates** on TimeBank (``dates.py``, its two halves of the 183 files): a date is right when it
  overlaps a gold TIMEX3 (one to one) and has its value (what value F1 counts);
- **counts** on ``eval/data/counts_gold.jsonl`` (``counts.py``), a sentence's half the parity of
  the SHA-1 of its text: a count is right when it overlaps a gold count (one to one) and its value,
  qualifier, kind and unit are the gold's; pooled with the judged real-news review sample
  (``counts_review.py``, halves by file), whose counts are right as judged there. Each set is
  also reported apart (the review sample's recall is over the right counts found).

The fit is that of the quote and place confidences (``calibration.py``: a Gaussian prior of mean 0
and standard deviation ``--sigma`` on each weight, a free bias). Printed: the fitted weights (the
rows of ``data/fact_confidence.tsv`` for the kind) with how many tune records show each sign; per
half, the log-loss, calibration bands and precision by threshold of the current and the fitted
weights; then per half the precision and recall at the kind's default threshold
(``extract/thresholds.py``) and at 0. The measure half is only looked at in these aggregates.
Nothing is written to the table. Absent data is reported and skipped (exit 0).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibration import band_lines, fit, log_loss, probability, report_fit

#: Per half: (features, 1 if right else 0, current confidence).
Rows = dict[str, list[tuple[dict[str, float], float, float]]]


@contextmanager
def captured(module: Any, key: Callable[..., Any]) -> Iterator[dict[Any, list[dict[str, float]]]]:
    """While open, the features ``module.features`` gives each record, keyed by ``key`` of its
    arguments, in the order they were asked (a key met twice has one entry each)."""
    seen: dict[Any, list[dict[str, float]]] = {}
    original = module.features

    def features(*args: Any) -> dict[str, float]:
        out: dict[str, float] = original(*args)
        seen.setdefault(key(*args), []).append(out)
        return out

    module.features = features
    try:
        yield seen
    finally:
        module.features = original


def entity_rows() -> tuple[Rows, dict[str, int]]:
    import entities_real as er

    from newsgraph.extract import entity_confidence

    articles, _ = er.load_labels(er.DEFAULT_LABELS)
    if not articles:
        return {}, {}
    key = lambda ent, doc: (min(m.start for m in ent.mentions), ent.name)  # noqa: E731
    with captured(entity_confidence, key) as seen:
        predicted, _, _ = er.predict(articles)
    from newsgraph.extract.annotations import doc_entities  # noqa: F401  (loaded by predict)

    rows: Rows = {"tune": [], "measure": []}
    gold: dict[str, int] = {"tune": 0, "measure": 0}
    for article, preds in zip(articles, predicted, strict=True):
        named = [p for p in preds if p.named]
        pairs = dict(er.align(article.entities, named))
        right = {j for i, j in pairs.items() if er.name_ok(article.entities[i], named[j])}
        gold[article.half] += len(article.entities)
        for j, p in enumerate(named):
            feats = seen[(p.mentions[0][0], p.name)].pop(0)
            rows[article.half].append((feats, 1.0 if j in right else 0.0, p.confidence))
    return rows, gold


def date_rows() -> tuple[Rows, dict[str, int]]:
    import dates as ev

    from newsgraph.extract.dates import confidence as date_confidence

    if not ev.DEFAULT_DATA.exists():
        return {}, {}
    docs = ev.load(ev.DEFAULT_DATA)
    key = lambda found: (found.expr.start, found.expr.end)  # noqa: E731
    with captured(date_confidence, key) as seen:
        ours, _, _ = ev.run(docs)
    rows: Rows = {"tune": [], "measure": []}
    gold: dict[str, int] = {"tune": 0, "measure": 0}
    for doc in docs:
        half = ev.half_of(doc.name)
        pred = ours[doc.name]
        right = {
            pi for gi, pi in ev.match(doc.gold, pred, strict=False) if doc.gold[gi].value == pred[pi].value
        }
        gold[half] += len(doc.gold)
        for pi, p in enumerate(pred):
            feats = seen[(p.start, p.end)].pop(0)
            rows[half].append((feats, 1.0 if pi in right else 0.0, p.confidence))
    return rows, gold


def count_half(text: str) -> str:
    """The half a gold sentence belongs to: ``tune`` or ``measure``."""
    return "tune" if int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "measure"


def count_rows() -> tuple[Rows, dict[str, int]]:
    import counts as ev
    import spacy

    from newsgraph.extract import count_confidence
    from newsgraph.extract.counts import find_counts
    from newsgraph.settings import Settings

    gold_sents = ev.load_gold(ev.DEFAULT_GOLD)
    nlp = spacy.load(Settings.load().model)
    key = lambda count, doc: (count.start, count.end)  # noqa: E731
    rows: Rows = {"tune": [], "measure": []}
    gold: dict[str, int] = {"tune": 0, "measure": 0}
    for sent, doc in zip(gold_sents, nlp.pipe(g["text"] for g in gold_sents), strict=True):
        with captured(count_confidence, key) as seen:
            pred = [c.as_dict(doc.text) for c in find_counts(doc)]
        half = count_half(sent["text"])
        gold[half] += len(sent["counts"])
        fields = ("value", "qualifier", "kind", "unit")
        right = {
            j
            for i, j in ev.match(sent["counts"], pred)
            if all(ev.field_of(pred[j], f) == sent["counts"][i][f] for f in fields)
        }
        for j, p in enumerate(pred):
            rows[half].append(
                (seen[(p["start"], p["end"])].pop(0), 1.0 if j in right else 0.0, p["confidence"])
            )
    return rows, gold


def review_rows() -> Rows:
    """The judged counts of the real-news review sample (``counts_review.py``), per half."""
    import counts_review as cr

    path = cr.FOLDER / "judged.tsv"
    if not cr.TEXTS.exists() or not path.exists():
        return {}
    judged = cr.read_judged(path)
    features: dict[tuple[str, int, int], dict[str, float]] = {}
    rows: Rows = {"tune": [], "measure": []}
    for f in cr.run(cr.sample(), features):
        verdict = judged.get((f.file, f.start, f.end))
        if verdict is not None:
            right = 1.0 if verdict == "right" else 0.0
            rows[cr.half_of(f.file)].append((features[(f.file, f.start, f.end)], right, f.confidence))
    return rows


#: Per kind, the sets pooled in its rows, each reported apart at the default threshold.
SETS: dict[str, dict[str, tuple[Rows, dict[str, int]]]] = {}


def pooled_count_rows() -> tuple[Rows, dict[str, int]]:
    """The counts of ``counts_gold.jsonl`` and of the judged real-news review sample, pooled per
    half (the review sample has no recall of its own: its gold is the right counts found); each
    set is also reported apart by :func:`main`."""
    rows, gold = count_rows()
    review = review_rows()
    SETS["counts"] = {"gold sentences": (rows, gold)}
    found = {h: sum(1 for _, y, _ in items if y) for h, items in review.items()}
    if review:
        SETS["counts"]["real-news review"] = (review, found)
    pooled: Rows = {h: rows[h] + review.get(h, []) for h in rows}
    return pooled, {h: gold[h] + found.get(h, 0) for h in gold}


KINDS = {
    "entities": (entity_rows, "entities", "DEFAULT_MIN_ENTITY_CONFIDENCE"),
    "dates": (date_rows, "dates", "DEFAULT_MIN_DATE_CONFIDENCE"),
    "counts": (pooled_count_rows, "counts", "DEFAULT_MIN_COUNT_CONFIDENCE"),
}


def at_threshold(
    rows: Rows, gold: dict[str, int], threshold: float, fitted: dict[str, float], noun: str
) -> None:
    """Per half: precision and recall of the records at ``threshold`` or above, with the current
    and the ``fitted`` weights, and of all records."""
    print(f"at the default threshold {threshold:g} (recall over the gold {noun}):")
    for half, items in rows.items():
        for name, conf in (
            ("all", [1.0 for _ in items]),
            ("current weights", [c for _, _, c in items]),
            ("fitted weights", [probability(f, fitted) for f, _, _ in items]),
        ):
            t = 0.0 if name == "all" else threshold
            kept = [y for (_, y, _), c in zip(items, conf, strict=True) if c >= t]
            p = sum(kept) / len(kept) if kept else 0.0
            r = sum(kept) / gold[half] if gold[half] else 0.0
            print(f"  {half:8} {name:16} {len(kept):>5} kept  P {p:.3f}  R {r:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--kind", choices=sorted(KINDS), required=True)
    parser.add_argument("--sigma", type=float, default=1.0, help="prior standard deviation of each weight")
    args = parser.parse_args(argv)
    from newsgraph.extract import thresholds

    make_rows, noun, default = KINDS[args.kind]
    rows, gold = make_rows()
    if not rows or not rows["tune"]:
        print(f"skipped: no {noun} data found (is ../shared beside the checkout?)")
        return 0
    report_fit(rows, args.sigma, noun, (0.3, 0.5, 0.7, 0.8, 0.9))
    fitted = fit([(f, y) for f, y, _ in rows["tune"]], args.sigma)
    threshold = getattr(thresholds, default)
    for name, (part, found) in SETS.get(noun, {"": (rows, gold)}).items():
        print(f"\n== {name}" if name else "")
        for half, items in part.items() if name else ():
            now = log_loss([(c, y) for _, y, c in items])
            new = log_loss([(probability(f, fitted), y) for f, y, _ in items])
            right = sum(y for _, y, _ in items)
            print(f"{half}: {len(items)} {noun}, {right:.0f} right; log-loss now {now:.3f}, fitted {new:.3f}")
            print(f"  band, {noun}, mean confidence, share right (current weights)")
            print("\n".join(band_lines([(c, y) for _, y, c in items])))
        at_threshold(part, found, threshold, fitted, noun)
    return 0


if __name__ == "__main__":
    sys.exit(main())
