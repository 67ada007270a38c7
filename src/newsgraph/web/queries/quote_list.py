"""The quotes list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from ...query.common import fold_query
from ...store.export_graph import name_pattern
from .forms import _dates, _page, _ranks, _total, all_ranks
from .lookup import _keys_named, canonical_key
from .tables import D

if TYPE_CHECKING:
    from .forms import QuoteFilters
    from .webdb import WebDb


def quote_filter(db: WebDb, f: QuoteFilters) -> tuple[str, list[Any]]:
    """The quotes list's filters as ``(condition on derived.quotes q, its parameters)``."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if f.q:
        where.append("contains(q.folded, ?)")
        params.append(fold_query(f.q))
    if f.speaker:
        # matched against the few distinct speakers first, so the quotes are filtered by equality
        pattern = name_pattern(f.speaker)
        keys = list(_keys_named(db, f.speaker))
        said = list(db.memo(("said", pattern), lambda: tuple(t for t in db.speaker_texts if pattern in t)))
        where.append(
            "(q.speaker_key IN (SELECT unnest(?::VARCHAR[])) "
            "OR q.speaker_folded IN (SELECT unnest(?::VARCHAR[])))"
        )
        params.extend([keys, said])
    if f.speaker_key:
        where.append("q.speaker_key = ?")
        params.append(canonical_key(db, f.speaker_key))
    if f.country:
        where.append("q.speaker_code = ?")
        params.append(f.country.upper())
    if f.kind:
        where.append("q.kind = ?")
        params.append(f.kind.lower())
    if f.min_confidence > 0:
        where.append("coalesce(q.confidence, 1.0) >= ?")
        params.append(f.min_confidence)
    if f.language:
        where.append("q.language = ?")
        params.append(f.language)
    _dates(where, params, f, "q.published")
    return " AND ".join(where), params


def quotes(db: WebDb, f: QuoteFilters) -> dict[str, Any]:
    """Quotes with their speakers and articles, newest article first."""
    said = _by_speaker(db, f)
    if said is not None:  # a speaker's quotes: from memory
        rows = db.quote_rows.take(said[f.offset : f.offset + f.per_page].tolist())
        return _page(rows, len(said), f)
    cond, params = quote_filter(db, f)
    rows = db.quote_rows.take(_ranks(db, db.quote_rows, f"{D}.quotes q", "q.rank", cond, params, f))
    return _page(rows, _total(db, f"{D}.quotes q", cond, params, rows, f), f)


def quote_ranks(db: WebDb, f: QuoteFilters) -> pa.Array:
    """The ranks of every quote the filters select, in list order (for a download)."""
    said = _by_speaker(db, f)
    if said is not None:
        return pa.array(said, pa.int32())
    cond, params = quote_filter(db, f)
    return all_ranks(db, db.quote_rows, f"{D}.quotes q", "q.rank", cond, params)


@dataclass(frozen=True, slots=True)
class Speakers:
    """The quotes' ranks (in list order) by speaker key and by the speaker's folded words, and
    every quote's confidence by rank (``sure[rank - 1]``; 1 for a quote stored without one)."""

    by_key: dict[str, npt.NDArray[np.int32]]
    by_words: dict[str, npt.NDArray[np.int32]]
    sure: npt.NDArray[np.float64]


def speakers(db: WebDb) -> Speakers:
    """The :class:`Speakers` of ``db``, built once."""

    def load() -> Speakers:
        keys: dict[str, list[int]] = {}
        words: dict[str, list[int]] = {}
        sure: list[float] = []
        cur = db.cursor().execute(
            f"SELECT rank, speaker_key, speaker_folded, coalesce(confidence, 1.0) "
            f"FROM {D}.quotes ORDER BY rank"
        )
        while batch := cur.fetchmany(50_000):
            for rank, key, folded, confidence in batch:
                sure.append(confidence)
                if key is not None:
                    keys.setdefault(key, []).append(rank)
                if folded is not None:
                    words.setdefault(folded, []).append(rank)
        return Speakers(
            {k: np.array(v, np.int32) for k, v in keys.items()},
            {k: np.array(v, np.int32) for k, v in words.items()},
            np.array(sure, np.float64),
        )

    found: Speakers = db.once(("speakers",), load)
    return found


def _by_speaker(db: WebDb, f: QuoteFilters) -> npt.NDArray[np.int32] | None:
    """The ranks of the quotes of the speaker asked for, in list order, when the speaker (by
    words or key) and the confidence are all the filters ask for (as :func:`quote_filter` finds
    them); else None."""
    if not (f.speaker or f.speaker_key) or any((f.q, f.country, f.kind, f.language, f.date_from, f.date_to)):
        return None
    index = speakers(db)
    empty = np.zeros(0, np.int32)
    found: npt.NDArray[np.int32] | None = None
    if f.speaker:
        pattern = name_pattern(f.speaker)
        keys = _keys_named(db, f.speaker)
        said = db.memo(("said", pattern), lambda: tuple(t for t in db.speaker_texts if pattern in t))
        parts = [index.by_key.get(k, empty) for k in keys] + [index.by_words.get(t, empty) for t in said]
        found = np.unique(np.concatenate([empty, *parts]))
    if f.speaker_key:
        of_key = index.by_key.get(canonical_key(db, f.speaker_key), empty)
        found = of_key if found is None else np.intersect1d(found, of_key)
    if found is not None and f.min_confidence > 0:
        found = found[index.sure[found - 1] >= f.min_confidence]
    return found
