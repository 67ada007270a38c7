"""The overview, the articles list and one article with its facts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ...query.entities import ORDER as ENTITY_ORDER
from ...records import FACT_KINDS
from ...resolve.entities import fold
from ...store.export_graph import name_pattern
from .forms import _dates, _page, _ranks, _total
from .tables import D

if TYPE_CHECKING:
    from .forms import ArticleFilters
    from .webdb import WebDb


def overview(db: WebDb) -> dict[str, Any]:
    """Row counts, the most mentioned entities and the latest articles."""
    return {
        "stats": db.stats,
        "top_entities": db.rows(
            f"SELECT key, name, type, code, mentions, articles FROM {D}.entity_stats "
            f"ORDER BY {ENTITY_ORDER} LIMIT 12"
        ),
        "latest": db.rows(f"SELECT id, title, source, published FROM {D}.search ORDER BY rank LIMIT 10"),
        "facets": db.facets,
    }


def articles(db: WebDb, f: ArticleFilters) -> dict[str, Any]:
    """Articles, newest first, filtered; each with a short snippet (around the first search word)."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    terms = fold(f.q or "").split()[:8]
    for term in terms:  # a word of the title or text starts with each term
        where.append(f"s.rank IN (SELECT rank FROM {D}.terms WHERE term >= ? AND term < ?)")
        params.extend([term, term + "\U0010ffff"])
    more, more_params = article_filter(f)
    where.extend(more)
    params.extend(more_params)
    cond = " AND ".join(where)
    of_country = _of_country(db, f) if not terms else None
    if of_country is not None:  # the articles of a country: from memory
        rows = db.search_rows.take(of_country[f.offset : f.offset + f.per_page].tolist())
        total = len(of_country)
    else:
        rows = db.search_rows.take(_ranks(db, db.search_rows, f"{D}.search s", "s.rank", cond, params, f))
        total = _total(db, f"{D}.search s", cond, params, rows, f)
    if not terms:  # the first lines, made at start-up
        for r in rows:
            r["snippet"] = db.leads.get(r["id"], "")
        return _page(rows, total, f)
    texts = _texts(db, [r["id"] for r in rows])
    for r in rows:
        r["snippet"] = _snippet(texts.get(r["id"]) or "", terms)
    return _page(rows, total, f)


def _of_country(db: WebDb, f: ArticleFilters) -> npt.NDArray[np.int32] | None:
    """The list ranks of the articles of the country asked for, in order, when the country is
    all the filters ask for (as :func:`article_filter` finds them); else None."""
    if not f.country or any((f.source, f.entity, f.min_relevance, f.language, f.date_from, f.date_to)):
        return None

    def load() -> dict[str, npt.NDArray[np.int32]]:
        found: dict[str, list[int]] = {}
        cur = db.cursor().execute(
            f"SELECT DISTINCT c.country, s.rank FROM {D}.article_country c "
            f"JOIN {D}.search s ON s.id = c.article_id ORDER BY 1, 2"
        )
        for country, rank in cur.fetchall():
            found.setdefault(country, []).append(rank)
        return {k: np.array(v, np.int32) for k, v in found.items()}

    by_country: dict[str, npt.NDArray[np.int32]] = db.once(("articles_by_country",), load)
    return by_country.get(f.country.upper(), np.zeros(0, np.int32))


def _texts(db: WebDb, ids: list[str]) -> dict[str, str]:
    """The texts of some articles by id (from memory)."""
    return {a: db.text(db.rank_of[a]) for a in ids if a in db.rank_of}


def _snippet(text: str, terms: list[str], width: int = 240) -> str:
    low = text.lower()
    found = (m.start() for t in terms if (m := re.search(r"(?<!\w)" + re.escape(t), low)))
    at = min(found, default=0)
    start = max(0, at - 60)
    piece = " ".join(text[start : start + width].split())
    return ("… " if start else "") + piece + (" …" if start + width < len(text) else "")


def _entity_keys_sql() -> str:
    return (
        f"SELECT key FROM {D}.entity_stats WHERE key = ? "
        f"OR key = (SELECT canon FROM {D}.alias WHERE key = ?) OR contains(folded, ?)"
    )


def _entity_keys_params(value: str) -> list[Any]:
    # a key matches itself; anything else is looked for in names and aliases
    return [value, value, name_pattern(value) if ":" not in value else "\x00"]


def article(db: WebDb, article_id: str) -> dict[str, Any] | None:
    """One article with all its facts (records in the contract's form); entities also carry their
    store-wide ``canon`` key."""
    rank = db.rank_of.get(article_id)
    if rank is None:
        return None
    found = db.articles.row(rank)
    (listed,) = db.search_rows.take([rank])
    found.update({k: listed[k] for k in ("relevance", "language", "skipped")})
    facts: dict[str, list[dict[str, Any]]] = {kind: [] for kind in FACT_KINDS}
    for kind, record in db.articles.records(rank):
        facts[kind].append(record)
    for e in facts["entities"]:  # as derived.ents has it: the key's canonical key, else the key
        key = e.get("key")
        e["canon"] = db.alias.get(key, key) if isinstance(key, str) else key
    return {"article": found, "facts": facts}


def article_filter(f: ArticleFilters) -> tuple[list[str], list[Any]]:
    """The articles list's filters other than its words, as conditions on ``derived.search s``
    and their parameters (the list and the ranked phrase search share them)."""
    where: list[str] = []
    params: list[Any] = []
    if f.source:
        where.append("s.source ILIKE ?")
        params.append(f"%{f.source}%")
    if f.country:
        where.append(f"s.id IN (SELECT article_id FROM {D}.article_country WHERE country = ?)")
        params.append(f.country.upper())
    if f.entity:
        where.append(f"s.id IN (SELECT article_id FROM {D}.ents WHERE canon IN ({_entity_keys_sql()}))")
        params.extend(_entity_keys_params(f.entity))
    if f.min_relevance is not None and f.min_relevance > 0:
        where.append("coalesce(s.relevance, 1.0) >= ?")
        params.append(f.min_relevance)
    if f.language:
        where.append("s.language = ?")
        params.append(f.language.strip().lower())
    _dates(where, params, f, "s.published")
    return where, params
