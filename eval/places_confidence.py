"""Fit the place confidence: a regularised logistic model of "the place is right" on the evidence
of ``extract/place_confidence.py``, fitted on the tune halves of LGL and GeoVirus only.

    python eval/places_confidence.py [--sigma S]

A place is "right" when it matches a gold toponym and lies within 161 km of its point when the gold
has one (``eval/places.py``). The fit is that of ``eval/quotes_confidence.py`` (a Gaussian prior of
mean 0 and standard deviation ``--sigma`` on each weight, a free bias). The fitted weights are
printed as rows of ``data/place_confidence.tsv`` with how many tune places show each sign, then the
log-loss, the calibration bands and the precision by threshold of the fitted and of the current
weights on each half (the measure half only as these aggregates). Nothing is written to the table.
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
from places import SETS, half_of, labelled, read_geovirus, read_lgl, run


@contextmanager
def captured_features() -> Iterator[dict[tuple[int, int, str], list[dict[str, float]]]]:
    """While open, every place's evidence, keyed by (start, end, text), in the order the
    articles were run (a key two articles share has one entry each, the first article's first)."""
    from newsgraph.extract.place_confidence import PlaceEvidence

    seen: dict[tuple[int, int, str], list[dict[str, float]]] = {}
    original = PlaceEvidence.of.__func__  # type: ignore[attr-defined]

    def of(cls: type[PlaceEvidence], mention: Any, gaz: Any) -> PlaceEvidence:
        evidence: PlaceEvidence = original(cls, mention, gaz)
        seen.setdefault((mention.start, mention.end, mention.text), []).append(evidence.features())
        return evidence

    PlaceEvidence.of = classmethod(of)  # type: ignore[method-assign, assignment]
    try:
        yield seen
    finally:
        PlaceEvidence.of = classmethod(original)  # type: ignore[method-assign, assignment]


def labelled_rows() -> dict[str, list[tuple[dict[str, float], float, float]]]:
    """Per half: (features, 1 if right else 0, current confidence) of every predicted place."""
    out: dict[str, list[tuple[dict[str, float], float, float]]] = {"tune": [], "measure": []}
    for name, path in SETS.items():
        if not path.exists():
            continue
        articles = (read_lgl if name == "lgl" else read_geovirus)(path)
        with captured_features() as seen:
            run(articles)
        for art in articles:
            for p, ok in labelled([art]):
                feats = seen[(p["start"], p["end"], p["text"])].pop(0)
                out[half_of(art.text)].append((feats, 1.0 if ok else 0.0, float(p.get("confidence") or 1.0)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sigma", type=float, default=1.0, help="prior standard deviation of each weight")
    args = parser.parse_args(argv)
    rows = labelled_rows()
    if not rows["tune"]:
        print("skipped: no place sets found (is ../shared beside the checkout?)")
        return 0
    report_fit(rows, args.sigma, "places", (0.3, 0.5, 0.7, 0.8, 0.9))
    return 0


if __name__ == "__main__":
    sys.exit(main())
