"""The counts list: casualties, people, money and percentages with their articles, largest first."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..resolve.stories import copies_filter
from ..store.db import Store
from .filters import CountFilter

#: A count's fields as the web's ``derived.counts`` reads them from its record.
COUNT_JSON = (
    '{"value": "BIGINT", "number_text": "VARCHAR", "qualifier": "VARCHAR", "kind": "VARCHAR", '
    '"object": {"text": "VARCHAR"}, "unit": "VARCHAR", "confidence": "DOUBLE"}'
)


@dataclass(slots=True)
class CountRow:
    """One count with its article."""

    article_id: str
    n: int
    start: int
    end: int
    text: str
    value: int | None
    number_text: str | None
    qualifier: str | None
    kind: str
    object: str | None
    unit: str | None
    confidence: float | None
    published: str | None
    title: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def count_condition(f: CountFilter) -> tuple[str, list[Any]]:
    """The filters ``f`` as ``(condition on counts c, its parameters)``, over the columns of the
    web's ``derived.counts`` (``kind`` is ``other`` for a count without one; ``q`` is in the
    count's words or its object, any case; the dates bound the article's)."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if f.date_from:
        where.append("c.published >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("c.published <= ?")
        params.append(f.date_to)
    if f.kind:
        where.append("c.kind = ?")
        params.append(f.kind)
    if f.unit:
        where.append("c.unit = ?")
        params.append(f.unit)
    if f.q:
        where.append("(contains(lower(c.text), ?) OR contains(lower(coalesce(c.object, '')), ?))")
        params.extend([f.q.lower(), f.q.lower()])
    if f.min_confidence > 0:  # a count stored without a confidence (an older store) counts as 1
        where.append("coalesce(c.confidence, 1.0) >= ?")
        params.append(f.min_confidence)
    return " AND ".join(where), params


#: The list's order (the web's ``rank``): largest first, then newest, then by article and position.
ORDER = "c.value DESC NULLS LAST, c.published DESC NULLS LAST, c.article_id, c.n"


def counts(
    store: Store, f: CountFilter | None = None, *, limit: int | None = 100, include_copies: bool = False
) -> list[CountRow]:
    """Counts, largest first, with their articles, as the web's counts list has them. Counts of
    articles that copy another (docs/stories.md) are left out unless ``include_copies``."""
    f = f or CountFilter()
    cond, params = count_condition(f)
    sql = f"""SELECT * FROM (
            SELECT c.article_id, c.n, c.start, c."end", c.text, r.value, r.number_text, r.qualifier,
                   coalesce(r.kind, 'other') AS kind, r.object.text AS object, r.unit, r.confidence,
                   a.published, a.title
            FROM (SELECT *, from_json(record, '{COUNT_JSON}') AS r FROM counts) c
            JOIN articles a ON a.id = c.article_id
            WHERE {copies_filter(store, "c.article_id", include_copies)}) c
        WHERE {cond} ORDER BY {ORDER}"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [
        CountRow(
            article_id=r[0],
            n=r[1],
            start=r[2],
            end=r[3],
            text=r[4],
            value=r[5],
            number_text=r[6],
            qualifier=r[7],
            kind=r[8],
            object=r[9],
            unit=r[10],
            confidence=r[11],
            published=r[12].isoformat() if r[12] else None,
            title=r[13],
        )
        for r in store.con.execute(sql, params).fetchall()
    ]
