"""Fit and check the event confidence: a regularised logistic model of "the event is right" on the
evidence of ``extract/events/confidence.py``, fitted on the tune half of the real-news dev set
only, and its calibration on the measure half and on the judged review samples.

    python eval/events_confidence.py [--sigma S] [--review STORE TSV [TSV ...]] ...

The model is the confidence itself: log-odds = bias + sum of weight x evidence. The fit is a
maximum a-posteriori logistic regression with a Gaussian prior on each weight centred on the weight
written in ``data/plover_confidence.tsv`` from what its sign means (standard deviation ``--sigma``,
default 1): evidence the tune half hardly shows keeps its written weight, and no weight moves far
on a few tune sentences. An event is "right" when it matches a gold fact of its type in its
sentence (``eval/events_real.py``). The fitted weights are printed as table rows with the written
ones; nothing is written to the table.

``--general`` fits, instead of every weight, a model of a few general signs, each the union of
the confidence's signs of one kind (:data:`GENERAL`: a political doer, another doer, a recipient, a
verb whose every use is the event, a trigger other than a verb, a clause that reports no one
happening, ...), its prior centred on the mean written weight of its members; ``--sigma 0.25`` is
a strong regularisation. With ``--review``, the written and the fitted weights are also scored on
the review samples' judged facts (their evidence computed again from the stored article text): a
third check, on pages nobody tuned on, of whether a record "of the right type" (judged right or
partly) is as likely as its confidence says.

``--review STORE TSV...`` reads a review sample's judgements (``eval/events_review.py``: the events
a store held at the default threshold when they were judged) and prints, per confidence band of the
store's events, the share judged right in every part and the share with the right type (right or
partly right); pass it once per sample. The review rows hold only events at or above the default
threshold, so these bands start at 0.5.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibration import BANDS, band_lines, fit, log_loss, probability
from events_real import DEFAULT_LABELS, _match, load_labels, predict
from events_review import read_judged, store_rows


@contextmanager
def captured_features() -> Iterator[dict[tuple[int, int, str], dict[str, float]]]:
    """While open, every event's evidence, keyed by (id of its doc, trigger start, type)."""
    from newsgraph.extract.events.confidence import Evidence

    seen: dict[tuple[int, int, str], dict[str, float]] = {}
    original = Evidence.of.__func__  # type: ignore[attr-defined]

    def of(cls: type[Evidence], record: dict[str, Any], draft: Any, relevance: float | None) -> Evidence:
        evidence: Evidence = original(cls, record, draft, relevance)
        key = (id(draft.trigger.doc), int(record["start"]), str(record["event_type"]))
        seen[key] = evidence.features()
        return evidence

    Evidence.of = classmethod(of)  # type: ignore[method-assign, assignment]
    try:
        yield seen
    finally:
        Evidence.of = classmethod(original)  # type: ignore[method-assign, assignment]


def labelled_features() -> tuple[list[tuple[dict[str, float], float, str]], list[Any], list[Any]]:
    """(features, 1 if right else 0, half) of every fact event of the dev set, at any confidence."""
    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    articles, _ = load_labels(DEFAULT_LABELS)
    rows: list[tuple[dict[str, float], float, str]] = []
    if not articles:
        return rows, articles, []
    with captured_features() as seen:
        nlp = load_pipeline(Settings.load())
        docs = [nlp(prepare_doc(nlp, a.text)) for a in articles]
        keyed = {id(doc): n for n, doc in enumerate(docs)}
        by_doc: dict[int, dict[tuple[int, str], dict[str, float]]] = defaultdict(dict)
        for (doc_id, start, etype), feats in seen.items():
            by_doc[keyed.get(doc_id, -1)][(start, etype)] = feats
    predicted, _, _ = predict(articles)
    for n, (article, events) in enumerate(zip(articles, predicted, strict=True)):
        for p, gold in _match(article, events):
            feats = by_doc[n].get((p.start, p.type))
            if feats is not None:
                rows.append((feats, 1.0 if gold is not None else 0.0, article.half))
    return rows, articles, predicted


#: The general signs of ``--general``: each is 1 when any of its members is (``off_topic`` keeps
#: its graded value).
GENERAL: dict[str, tuple[str, ...]] = {
    "political_actor": ("political_actor",),
    "other_actor": ("other_actor",),
    "no_actor": ("no_actor",),
    "directed": ("directed",),
    "measured": ("measured",),
    "unambiguous": ("plain_verb",),
    "indirect": ("how_noun", "how_clause", "how_deontic"),
    "quoted": ("quoted",),
    "not_a_report": (
        "question",
        "background",
        "generic",
        "topic",
        "alone",
        "stray_cue",
        "force_without_cue",
    ),
    "missing_recipient": ("missing_recipient",),
    "off_topic": ("off_topic",),
}


def general(feats: dict[str, float]) -> dict[str, float]:
    """The evidence as the general signs of :data:`GENERAL`."""
    return {name: max((feats.get(k, 0.0) for k in members), default=0.0) for name, members in GENERAL.items()}


def general_prior(written: dict[str, float]) -> dict[str, float]:
    """Each general sign's prior: the mean written weight of its members (and the written bias)."""
    out = {name: sum(written.get(k, 0.0) for k in ks) / len(ks) for name, ks in GENERAL.items()}
    out["bias"] = written.get("bias", 0.0)
    return out


def review_features(store: Path, judged: list[Path]) -> list[tuple[dict[str, float], float]]:
    """(evidence, 1 if judged of the right type) of a review sample's judged fact events at the
    default threshold, the evidence computed again from the stored article text (rows whose
    trigger is not found again are left out)."""
    import duckdb

    from newsgraph.extract.pipeline import load_pipeline, prepare_doc
    from newsgraph.settings import Settings

    verdicts = read_judged(judged)
    con = duckdb.connect(str(store), read_only=True)
    try:
        texts = {
            str(Path(str(src)).name.removesuffix(".html")): (str(text), published)
            for src, text, published in con.execute("SELECT source, text, published FROM articles").fetchall()
        }
    finally:
        con.close()
    rows = [r for r in store_rows(store, 0.5) if r["status"] == "fact"]
    wanted = {str(r["file"]) for r in rows}
    feats: dict[tuple[str, int, str], dict[str, float]] = {}
    with captured_features() as seen:
        nlp = load_pipeline(Settings.load())
        for name in sorted(wanted & set(texts)):
            text, published = texts[name]
            seen.clear()
            nlp(prepare_doc(nlp, text, published=str(published) if published else None))
            for (_, start, etype), f in seen.items():
                feats[(name, start, etype)] = f
    out: list[tuple[dict[str, float], float]] = []
    for r in rows:
        key = (str(r["file"]), int(str(r["trigger_start"])), str(r["type"]), str(r["status"]))
        f = feats.get((key[0], key[1], key[2]))
        if key in verdicts and f is not None:
            out.append((f, 1.0 if verdicts[key][0] in ("right", "partly") else 0.0))
    return out


def review_pairs(store: Path, judged: list[Path]) -> list[tuple[float, str]]:
    """(confidence, verdict) of the store's fact events at the default threshold that are judged."""
    import duckdb

    verdicts = read_judged(judged)
    con = duckdb.connect(str(store), read_only=True)
    try:
        conf = {
            (str(Path(str(src)).name.removesuffix(".html")), int(start), str(etype)): float(c or 1.0)
            for src, start, etype, c in con.execute(
                "SELECT a.source, e.start, e.event_type, e.confidence FROM events e "
                "JOIN articles a ON a.id = e.article_id"
            ).fetchall()
        }
    finally:
        con.close()
    pairs: list[tuple[float, str]] = []
    for row in store_rows(store, 0.5):
        key = (str(row["file"]), int(str(row["trigger_start"])), str(row["type"]), str(row["status"]))
        if row["status"] != "fact" or key not in verdicts:
            continue
        c = conf.get((key[0], key[1], key[2]))
        if c is not None:
            pairs.append((c, verdicts[key][0]))
    return pairs


def review_table(pairs: list[tuple[float, str]]) -> list[str]:
    """Per band: events, mean confidence, share right, share of the right type (right or partly)."""
    out = []
    for lo, hi in BANDS:
        inside = [(c, v) for c, v in pairs if lo <= c < hi]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            right = sum(v == "right" for _, v in inside) / len(inside)
            typed = sum(v in ("right", "partly") for _, v in inside) / len(inside)
            out.append(
                f"  {lo:.1f}-{min(hi, 1.0):.1f}  {len(inside):>4}  {mean:.2f}  {right:.2f}  {typed:.2f}"
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sigma", type=float, default=1.0, help="prior standard deviation of each weight")
    parser.add_argument(
        "--review", nargs="+", action="append", default=[], metavar="STORE TSV", help="a judged review sample"
    )
    parser.add_argument("--no-fit", action="store_true", help="only the calibration of the current weights")
    parser.add_argument(
        "--general", action="store_true", help="fit the general signs (GENERAL), not every weight"
    )
    args = parser.parse_args(argv)
    from newsgraph.extract.events.confidence import weights

    prior = {k: v for k, v in weights().items() if k not in ("scale", "shift")}
    pooled: list[tuple[float, str]] = []
    for spec in args.review:
        store, tsvs = Path(spec[0]), [Path(s) for s in spec[1:]]
        pairs = review_pairs(store, tsvs)
        pooled += pairs
        print(
            f"review sample {store.name} (facts at >= 0.5): band, events, mean confidence, right, right type"
        )
        print("\n".join(review_table(pairs)))
    if len(args.review) > 1:
        print("review samples pooled: band, events, mean confidence, right, right type")
        print("\n".join(review_table(pooled)))
    if args.no_fit and not args.review:
        args.no_fit = False
    if args.no_fit:
        return 0
    rows, _, _ = labelled_features()
    tune = [(f, y) for f, y, half in rows if half == "tune"]
    measure = [(f, y) for f, y, half in rows if half == "measure"]
    if not tune or not measure:
        print("skipped: no labelled texts found (is ../shared beside the checkout?)")
        return 0
    reviewed: list[tuple[dict[str, float], float]] = []
    for spec in args.review:
        reviewed += review_features(Path(spec[0]), [Path(s) for s in spec[1:]])
    written = prior
    if args.general:
        prior = general_prior(written)
        tune_fit = [(general(f), y) for f, y in tune]
    else:
        tune_fit = tune
    fitted = fit(tune_fit, args.sigma, prior, free_bias=False, rate=0.05, rounds=4000)

    def fitted_p(feats: dict[str, float]) -> float:
        return probability(general(feats) if args.general else feats, fitted)

    counts = {k: sum(1 for f, _ in tune_fit if f.get(k)) for k in fitted}
    print(
        f"fitted on {len(tune)} tune-half events (sigma {args.sigma}"
        f"{', general signs' if args.general else ''}): name, prior, fitted, tune events with it"
    )
    for k in sorted(fitted, key=lambda k: (k != "bias", k)):
        print(f"  {k:20} {prior.get(k, 0.0):6.2f} {fitted[k]:6.2f} {counts.get(k, len(tune)):>4}")
    parts = [("tune half", tune), ("measure half", measure)]
    if reviewed:
        parts.append(("review samples (right type)", reviewed))
    for name, part in parts:
        for label, scorer in (("written", lambda f: probability(f, written)), ("fitted", fitted_p)):
            pairs = [(scorer(f), y) for f, y in part]
            print(
                f"{name}, {label} weights: log-loss {log_loss(pairs):.3f}; "
                "band, events, mean confidence, right"
            )
            print("\n".join(band_lines(pairs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
