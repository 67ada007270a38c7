"""The quotes list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ...store.export_graph import name_pattern
from .forms import _dates, _page, _ranks, _total, all_ranks
from .lookup import _keys_named, canonical_key
from .tables import D
from .webdb import fold_query

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
        keys = list(_keys_named(db, pattern))
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
    _dates(where, params, f, "q.published")
    return " AND ".join(where), params


def quotes(db: WebDb, f: QuoteFilters) -> dict[str, Any]:
    """Quotes with their speakers and articles, newest article first."""
    cond, params = quote_filter(db, f)
    rows = db.quote_rows.take(_ranks(db, db.quote_rows, f"{D}.quotes q", "q.rank", cond, params, f))
    return _page(rows, _total(db, f"{D}.quotes q", cond, params, rows, f), f)


def quote_ranks(db: WebDb, f: QuoteFilters) -> pa.Array:
    """The ranks of every quote the filters select, in list order (for a download)."""
    cond, params = quote_filter(db, f)
    return all_ranks(db, db.quote_rows, f"{D}.quotes q", "q.rank", cond, params)
