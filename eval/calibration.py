"""What the confidence scripts share (``quotes_confidence.py``, ``places_confidence.py``,
``events_confidence.py``, ``facts_confidence.py``, and the bands ``quotes.py``, ``places.py``,
``counts_review.py`` print): a maximum a-posteriori
logistic regression of "the fact is right" on its evidence, and the figures that say how well a
confidence is calibrated."""

from __future__ import annotations

import math

#: Confidence bands of the calibration tables: [low, high).
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))

#: One fact: its evidence (name -> value) and whether it is right (1.0) or not (0.0).
Row = tuple[dict[str, float], float]


def fit(
    rows: list[Row],
    sigma: float,
    prior: dict[str, float] | None = None,
    *,
    free_bias: bool = True,
    rate: float = 0.5,
    rounds: int = 3000,
) -> dict[str, float]:
    """Weights (and ``bias``) by gradient ascent on the log-posterior: a Gaussian prior of
    standard deviation ``sigma`` around ``prior`` (0 where it says nothing) on each weight, and on
    the bias too unless ``free_bias``."""
    prior = prior or {}
    names = sorted({k for f, _ in rows for k in f} | {"bias"})
    w = {k: prior.get(k, 0.0) for k in names}
    for _ in range(rounds):
        grad = {
            k: (0.0 if free_bias and k == "bias" else -(w[k] - prior.get(k, 0.0)) / sigma**2) for k in names
        }
        for feats, y in rows:
            p = probability(feats, w)
            grad["bias"] += y - p
            for k, v in feats.items():
                grad[k] += (y - p) * v
        for k in names:
            w[k] += rate * grad[k] / len(rows)
    return w


def probability(feats: dict[str, float], w: dict[str, float]) -> float:
    z = w.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-z))


def log_loss(pairs: list[tuple[float, float]]) -> float:
    """Mean negative log-likelihood of (confidence, right) pairs."""
    eps = 1e-6
    return -sum(y * math.log(max(c, eps)) + (1 - y) * math.log(max(1 - c, eps)) for c, y in pairs) / max(
        len(pairs), 1
    )


def band_lines(pairs: list[tuple[float, float]]) -> list[str]:
    """Per band with facts in it: the band, how many, mean confidence, share right."""
    out = []
    for lo, hi in BANDS:
        inside = [(c, y) for c, y in pairs if lo <= c < hi]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            right = sum(y for _, y in inside) / len(inside)
            out.append(f"  {lo:.1f}-{min(hi, 1.0):.1f}  {len(inside):>4}  {mean:.2f}  {right:.2f}")
    return out


def precision_at(pairs: list[tuple[float, float]], threshold: float) -> tuple[float, int]:
    """The share right of the facts at ``threshold`` or above, and how many they are."""
    kept = [y for c, y in pairs if c >= threshold]
    return (sum(kept) / len(kept) if kept else 0.0), len(kept)


def report_fit(
    rows: dict[str, list[tuple[dict[str, float], float, float]]],
    sigma: float,
    noun: str,
    thresholds: tuple[float, ...],
) -> None:
    """Fit on the tune half of ``rows`` (per half: evidence, right, current confidence) and print
    the fitted weights with how many tune ``noun`` show each sign, then per half the log-loss,
    calibration bands and precision at each of ``thresholds`` of the current and the fitted
    weights."""
    tune = [(f, y) for f, y, _ in rows["tune"]]
    fitted = fit(tune, sigma)
    counts = {k: sum(1 for f, _ in tune if f.get(k)) for k in fitted}
    print(f"fitted on {len(tune)} tune-half {noun} (sigma {sigma:g}); name, weight, tune {noun} with it")
    for k in sorted(fitted, key=lambda k: (k != "bias", k)):
        print(f"{k}\t{fitted[k]:.2f}\t{counts[k] if k != 'bias' else len(tune)}")
    for half, items in rows.items():
        now = [(c, y) for _, y, c in items]
        new = [(probability(f, fitted), y) for f, y, _ in items]
        print(f"\n{half} half: {len(items)} {noun}, {sum(y for _, y, _ in items):.0f} right")
        for name, pairs in (("current weights", now), ("fitted weights", new)):
            print(f" {name}: log-loss {log_loss(pairs):.3f}; band, {noun}, mean confidence, share right")
            print("\n".join(band_lines(pairs)))
            for t in thresholds:
                p, n = precision_at(pairs, t)
                print(f"   at >= {t:.1f}: {n} {noun}, precision {p:.3f}")
