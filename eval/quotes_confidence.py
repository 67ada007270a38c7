"""Fit the quote confidence: a regularised logistic model of "the quote is right" on the evidence
of ``extract/quotes/confidence.py``, fitted on the tune half of PolNeAR dev only.

    python eval/quotes_confidence.py [--data ../shared/eval/quotes/polnear/dev] [--sigma S]

A quote is "right" when it matches a gold attribution (``eval/quotes.py``: what content precision
counts). The model is the confidence itself: log-odds = bias + sum of weight x evidence; the fit is
a maximum a-posteriori logistic regression with a Gaussian prior of mean 0 and standard deviation
``--sigma`` (default 1) on each weight (the bias has none), so evidence the tune half hardly shows
keeps a weight near 0. The fitted weights are printed as rows of ``data/quote_confidence.tsv``,
with how many tune quotes show each sign; then the log-loss and the calibration bands of the
fitted and of the current weights on both halves (the measure half is only looked at in these
aggregates). Nothing is written to the table.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibration import report_fit
from quotes import DEFAULT_DATA, half_of, labelled, load_gold, run_newsgraph


@contextmanager
def captured_features() -> Iterator[dict[tuple[int, int, str], dict[str, float]]]:
    """While open, every quote's evidence, keyed by (start, end, text) in the cleaned text."""
    from newsgraph.extract.quotes.confidence import QuoteEvidence

    seen: dict[tuple[int, int, str], dict[str, float]] = {}
    original = QuoteEvidence.of.__func__  # type: ignore[attr-defined]

    def of(cls: type[QuoteEvidence], doc: Any, quote: Any) -> QuoteEvidence:
        evidence: QuoteEvidence = original(cls, doc, quote)
        seen[(quote.start, quote.end, doc.text[quote.start : quote.end])] = evidence.features()
        return evidence

    QuoteEvidence.of = classmethod(of)  # type: ignore[method-assign, assignment]
    try:
        yield seen
    finally:
        QuoteEvidence.of = classmethod(original)  # type: ignore[method-assign, assignment]


def labelled_rows(data: Path) -> dict[str, list[tuple[dict[str, float], float, float]]]:
    """Per half: (features, 1 if right else 0, current confidence) of every predicted quote."""
    gold = load_gold(data)
    docs = sorted(gold)
    with captured_features() as seen:  # one process, so that the evidence is seen here
        predicted, errors, _ = run_newsgraph(data, docs, jobs=1)
    for line in errors:
        print(line, file=sys.stderr)
    out: dict[str, list[tuple[dict[str, float], float, float]]] = {"tune": [], "measure": []}
    for half in out:
        part = [d for d in docs if half_of(d) == half]
        for p, right in labelled({d: gold[d] for d in part}, {d: predicted[d] for d in part}):
            s, e, text = p["clean"]
            feats = seen.get((s, e, text))
            if feats is None:
                raise SystemExit(f"no evidence captured for a quote at {s}-{e}")
            out[half].append((feats, 1.0 if right else 0.0, float(p["confidence"])))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR dev folder")
    parser.add_argument("--sigma", type=float, default=1.0, help="prior standard deviation of each weight")
    args = parser.parse_args(argv)
    if not (args.data / "text").is_dir():
        print(f"skipped: {args.data} is absent (../shared is not beside this checkout)")
        return 0
    rows = labelled_rows(args.data)
    report_fit(rows, args.sigma, "quotes", (0.3, 0.4, 0.5, 0.6, 0.7))
    return 0


if __name__ == "__main__":
    sys.exit(main())
