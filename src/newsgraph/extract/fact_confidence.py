"""The confidence of an entity, a date or a count: one weight table, one scorer.

Each of the three extractors names the evidence of one record as features (name -> value in
[0, 1]; absent ones are 0): :mod:`newsgraph.extract.entity_confidence`,
:mod:`newsgraph.extract.dates.confidence` and :mod:`newsgraph.extract.count_confidence`. The
confidence is the logistic function of the weighted sum,

    confidence = 1 / (1 + exp(-(bias + sum of weight * value)))

with the log-odds weights of ``data/fact_confidence.tsv``, one row per kind of record and feature,
fitted on the tune half of each kind's dev set only (``eval/entities_confidence.py``,
``eval/dates_confidence.py``, ``eval/counts_confidence.py``: a logistic regression with a
Gaussian prior). The thresholds the lists use by default are in :mod:`newsgraph.extract.thresholds`
(docs/entities.md, docs/dates.md and docs/counts.md give the figures there)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache
from typing import Literal

from ..tables import data_rows

#: The weight table: ``kind``, ``name``, ``weight`` and why, tab-separated.
TABLE = ("newsgraph.extract", "fact_confidence.tsv")

Kind = Literal["entity", "date", "count"]
KINDS: tuple[Kind, ...] = ("entity", "date", "count")


@cache
def weights(kind: Kind) -> dict[str, float]:
    """The weights of one kind of record: feature name -> log-odds weight (and ``bias``)."""
    return {
        row[1]: float(row[2]) for row in data_rows(*TABLE, strip=True) if len(row) >= 3 and row[0] == kind
    }


def score(kind: Kind, features: Mapping[str, float], table: Mapping[str, float] | None = None) -> float:
    """The probability that a record of ``kind`` with ``features`` is right, to three decimals
    (``table`` instead of the shipped weights when given)."""
    w = weights(kind) if table is None else table
    z = w.get("bias", 0.0) + sum(w.get(name, 0.0) * value for name, value in features.items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)
