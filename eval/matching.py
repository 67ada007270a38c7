"""The one-to-one span matching the eval scripts share."""

from __future__ import annotations

from collections.abc import Iterable


def greedy_pairs(candidates: Iterable[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one (gold index, prediction index) pairs from ``(overlap, gold, prediction)``
    candidates, largest overlap first (ties: lower gold index, then lower prediction index)."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs
