"""What the confidence scripts share (``quotes_confidence.py``, ``places_confidence.py``,
``events_confidence.py``, and the bands ``quotes.py``, ``places.py`` print): a maximum a-posteriori
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
