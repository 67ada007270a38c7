"""The entities list and one entity's page."""

from __future__ import annotations

import json
from collections import Counter
from itertools import chain
from typing import TYPE_CHECKING, Any

import orjson

from ...query.entities import ORDER, entity_condition
from .event_list import _events_by_rank
from .forms import QuoteFilters, _page, _total
from .lookup import _party_ranks, canonical_key
from .quote_list import quotes
from .tables import D

if TYPE_CHECKING:
    from .forms import EntityFilters
    from .webdb import WebDb


def entities(db: WebDb, f: EntityFilters) -> dict[str, Any]:
    """Entities across the store, most mentioned first: :func:`newsgraph.query.entities.entities`'
    condition and order, with each entity's first and last article dates."""
    cond, params = entity_condition(f)
    rows = db.rows(
        "SELECT key, name, type, code, sector, mentions, articles, aliases, first_seen, last_seen, "
        f"confidence FROM {D}.entity_stats WHERE {cond} ORDER BY {ORDER} LIMIT ? OFFSET ?",
        [*params, f.per_page, f.offset],
    )
    return _page(rows, _total(db, f"{D}.entity_stats", cond, params, rows, f), f)


def _roles(text: str | None) -> list[dict[str, Any]]:
    """An entity record's roles from the store's JSON text: by ``orjson`` (in C), or by ``json``
    when ``orjson`` refuses it (a lone surrogate's escape, which ``json`` reads)."""
    try:
        found: list[dict[str, Any]] = orjson.loads(text or "[]")
    except orjson.JSONDecodeError:
        found = json.loads(text or "[]")
    return found


def entity(db: WebDb, key: str, *, limit: int = 20) -> dict[str, Any] | None:
    """One entity: names, aliases, roles over time, quotes, events as actor and as recipient,
    the entities it is mentioned with, and the latest articles naming it (each list the first
    ``limit`` with its total)."""
    key = canonical_key(db, key)
    info = db.entity_rows.get(key)
    if info is None:
        return None
    index = db.index
    names: dict[str, int] = {}
    roles: dict[tuple[str, str | None], dict[str, Any]] = {}
    article_ids = set()
    for article_id, name, roles_json in index.by_canon.get(key, ()):
        article_ids.add(article_id)
        names[name] = names.get(name, 0) + 1
        if roles_json == "[]":
            continue
        for role in _roles(roles_json):
            title = role.get("title")
            if not title:
                continue
            seen = role.get("since") or index.articles[article_id][3]
            g = roles.setdefault(
                (title, role.get("affiliation")),
                {"title": title, "affiliation": role.get("affiliation"), "dates": [], "ids": set()},
            )
            if seen:
                g["dates"].append(seen)
            g["ids"].add(article_id)
    role_rows = [
        {
            "title": g["title"],
            "affiliation": g["affiliation"],
            "first_seen": min(g["dates"], default=None),
            "last_seen": max(g["dates"], default=None),
            "articles": len(g["ids"]),
        }
        for g in roles.values()
    ]
    role_rows.sort(key=lambda g: (g["first_seen"] or "9999", g["title"]))
    # events below the default confidence are left out, as on the events page by default
    ranks = {role: sorted(_party_ranks(db, role, key) - db.unsure) for role in ("actor", "recipient")}
    wanted = sorted(set(ranks["actor"][:limit]) | set(ranks["recipient"][:limit]))
    shown = dict(zip(wanted, _events_by_rank(db, wanted), strict=True))
    quote_rows = quotes(db, QuoteFilters(speaker_key=key, per_page=limit))
    # one count over every article's keys (in C), not an update per article
    shared = Counter(chain.from_iterable(map(index.canons_of.__getitem__, article_ids)))
    del shared[key]
    cooccurring = [
        {
            "key": k,
            "name": index.names.get(k, (k, None))[0],
            "type": index.names.get(k, (k, None))[1],
            "articles": n,
        }
        for k, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    ]
    latest = [
        {
            "id": a,
            "title": index.articles[a][1],
            "source": index.articles[a][2],
            "published": index.articles[a][3],
        }
        for a in sorted(article_ids, key=lambda a: index.articles[a][0])[:10]
    ]
    return {
        "entity": info,
        "names": [
            {"name": n, "articles": c} for n, c in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "roles": role_rows,
        "quotes": {"items": quote_rows["items"], "total": quote_rows["total"]},
        "events_as_actor": {
            "items": [shown[r] for r in ranks["actor"][:limit]],
            "total": len(ranks["actor"]),
        },
        "events_as_recipient": {
            "items": [shown[r] for r in ranks["recipient"][:limit]],
            "total": len(ranks["recipient"]),
        },
        "cooccurring": cooccurring,
        "articles": {"items": latest, "total": len(article_ids)},
    }
