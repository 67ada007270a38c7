"""The entities list: one row per entity across the store, most mentioned first.

Entities are merged as the whole app merges them (:func:`newsgraph.resolve.entities.canonical_map`:
variants of one person's full name, a surname-only person with the one full name it belongs to, a
nationality with its country), in ``derived.entity_stats``
(:func:`newsgraph.store.export_graph.prepare_entities`), which the web reads too."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..store.db import Store
from ..store.export_graph import DERIVED, name_pattern, prepare_entities
from .filters import EntityFilter


@dataclass(slots=True)
class EntitySummary:
    """One entity across the store."""

    key: str
    name: str
    type: str
    country: str | None
    sector: str | None
    mentions: int
    articles: int
    aliases: list[str] = field(default_factory=list)
    confidence: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "mentions": self.mentions,
            "articles": self.articles,
            "aliases": self.aliases,
            "confidence": self.confidence,
        }


#: The list's order (the web's pages and the CLI alike): most mentioned first, then by name (then
#: by key, for two entities of one name).
ORDER = "mentions DESC, name, key"


def entity_condition(f: EntityFilter) -> tuple[str, list[Any]]:
    """The filters ``f`` as ``(condition on derived.entity_stats, its parameters)``: ``q`` starts
    words of a name or alias (accents and case ignored), ``type`` and ``country`` are equal, and
    some article names the entity at ``min_confidence`` or above (its highest confidence; one
    stored without a confidence counts as 1)."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if f.q:
        where.append("contains(folded, ?)")
        params.append(name_pattern(f.q))
    if f.type:
        where.append("type = ?")
        params.append(f.type)
    if f.country:
        where.append("code = ?")
        params.append(f.country)
    if f.min_confidence > 0:
        where.append("confidence >= ?")
        params.append(f.min_confidence)
    return " AND ".join(where), params


def entities(store: Store, f: EntityFilter | None = None, *, limit: int | None = 100) -> list[EntitySummary]:
    """Entities with mention and article counts, most mentioned first (then by name); ``limit``
    None or 0: all of them."""
    f = f or EntityFilter()
    prepare_entities(store.con)
    cond, params = entity_condition(f)
    sql = (
        "SELECT key, name, type, code, sector, mentions, articles, aliases, confidence "
        f"FROM {DERIVED}.entity_stats WHERE {cond} ORDER BY {ORDER}"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [
        EntitySummary(
            key=r[0],
            name=r[1],
            type=r[2],
            country=r[3],
            sector=r[4],
            mentions=int(r[5] or 0),
            articles=int(r[6]),
            aliases=list(r[7] or []),
            confidence=r[8],
        )
        for r in store.con.execute(sql, params).fetchall()
    ]
