"""The roles list: who held which role, for whom, seen when."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ..resolve.entities import fold
from ..store.db import Store
from ..store.export_graph import DERIVED, prepare_entities
from .filters import RoleFilter


@dataclass(slots=True)
class RoleHolder:
    """Who held a role, for whom, seen when."""

    name: str
    key: str
    title: str
    affiliation: str | None
    first_seen: str | None
    last_seen: str | None
    articles: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "key": self.key,
            "title": self.title,
            "affiliation": self.affiliation,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "articles": self.articles,
        }


def roles(store: Store, f: RoleFilter | None = None) -> list[RoleHolder]:
    """People with a role whose title contains ``f.title`` (accents and case ignored), held for
    ``f.affiliation`` when given, grouped by person (merged as the entities list merges them),
    title and affiliation, ordered by when they were first seen. A role without a date of its own
    is seen on its article's date."""
    f = f or RoleFilter()
    prepare_entities(store.con)
    rows = store.con.execute(
        f"SELECT e.canon, e.name, e.article_id, e.roles, a.published FROM {DERIVED}.ents e "
        "JOIN articles a ON a.id = e.article_id WHERE e.type = 'PERSON'"
    ).fetchall()
    groups: dict[tuple[str, str, str | None], dict[str, Any]] = defaultdict(
        lambda: {"names": Counter(), "dates": [], "articles": set()}
    )
    want = fold(f.title) if f.title else None
    for key, name, article_id, found, published in rows:
        for role in json.loads(found or "[]"):
            if want and want not in fold(role.get("title") or ""):
                continue
            if f.affiliation and role.get("affiliation") != f.affiliation:
                continue
            g = groups[(key, (role.get("title") or "").lower(), role.get("affiliation"))]
            g["names"][name] += 1
            g["title"] = role.get("title")
            seen = role.get("since") or (published.isoformat() if published else None)
            if seen:
                g["dates"].append(seen)
            g["articles"].add(article_id)
    out = [
        RoleHolder(
            name=max(g["names"], key=lambda s: (len(s.split()), len(s))),
            key=k[0],
            title=g["title"],
            affiliation=k[2],
            first_seen=min(g["dates"]) if g["dates"] else None,
            last_seen=max(g["dates"]) if g["dates"] else None,
            articles=len(g["articles"]),
        )
        for k, g in groups.items()
    ]
    out.sort(key=lambda r: (r.first_seen or "9999", r.name))
    return out
