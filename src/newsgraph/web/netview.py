"""The network as the web page shows it: one node per country, and the largest nodes labelled.

The store already merges a nationality into its country (``NORP:IND`` into ``GPE:IND``, see
:func:`newsgraph.resolve.entities.canonical_map`), but an event's actor or recipient that is only an
actor code (``code:IND``: "Indian troops" without an entity) is a node of its own. Here such a node,
and a nationality whose country is also a node, join the country's node (``GPE:IND``), their edges
summed."""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from ..store.export_graph import QUADS, name_pattern
from . import queries as q
from .queries import D, WebDb

#: Nodes labelled at the default zoom (the heaviest); the others show their label on hover.
LABELLED = 20
_COUNTRY_NODE = re.compile(r"(?:code|NORP|GPE):([A-Z]{3})")


class NetworkView(q.NetworkFilters):
    labels: int = Field(
        default=LABELLED, ge=0, le=500, description="How many of the heaviest actors are labelled."
    )
    actor: str | None = Field(
        default=None,
        max_length=300,
        description="Only the edges of this actor (entity key, actor code or words of a name), among "
        "the 2,000 heaviest: its neighbourhood.",
    )


def country_of(node_id: str) -> str | None:
    """The ISO alpha-3 code a node stands for when it is a country, its people or its code."""
    m = _COUNTRY_NODE.fullmatch(node_id)
    return m.group(1) if m else None


def merge_countries(db: WebDb, net: dict[str, Any]) -> dict[str, Any]:
    """``net`` (as :func:`newsgraph.web.queries.network` returns it) with every country's nodes
    joined into one: its ``GPE:<ISO>`` node when the store has that entity."""
    countries = db.memo(
        ("gpe_countries",),
        lambda: frozenset(
            r["key"]
            for r in db.rows(
                f"SELECT key FROM {D}.entity_stats WHERE regexp_full_match(key, 'GPE:[A-Z]{{3}}')"
            )
        ),
    )
    target: dict[str, str] = {}
    for node in net["nodes"]:
        code = country_of(node["id"])
        if code and f"GPE:{code}" in countries:
            target[node["id"]] = f"GPE:{code}"
    if all(k == v for k, v in target.items()):
        return net
    names = {
        r["key"]: r
        for r in db.rows(
            f"SELECT key, name, type, code FROM {D}.entity_stats WHERE key IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(set(target.values()))],
        )
    }
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for e in net["edges"]:
        s, t = target.get(e["source"], e["source"]), target.get(e["target"], e["target"])
        if s == t:
            continue
        have = edges.get((s, t))
        if have is None:
            edges[(s, t)] = {
                **e,
                "source": s,
                "target": t,
                "by_quad": dict(e["by_quad"]),
                "types": dict(e["types"]),
            }
            continue
        have["weight"] += e["weight"]
        have["n_events"] += e["n_events"]
        have["n_quotes"] += e["n_quotes"]
        for k, v in e["by_quad"].items():
            have["by_quad"][k] = have["by_quad"].get(k, 0) + v
        for k, v in e["types"].items():
            have["types"][k] = have["types"].get(k, 0) + v
        have["quad"] = max(QUADS, key=lambda c: (have["by_quad"].get(c, 0), -QUADS.index(c)))
    merged = sorted(edges.values(), key=lambda e: -e["weight"])
    info = {n["id"]: n for n in net["nodes"]}
    weights: dict[str, int] = {}
    for e in merged:
        weights[e["source"]] = weights.get(e["source"], 0) + e["weight"]
        weights[e["target"]] = weights.get(e["target"], 0) + e["weight"]
    nodes = []
    for node_id, weight in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
        if node_id in info:
            nodes.append({**info[node_id], "weight": weight})
        else:
            found = names[node_id]
            nodes.append(
                {
                    "id": node_id,
                    "label": found["name"],
                    "type": found["type"],
                    "code": found["code"],
                    "weight": weight,
                }
            )
    return {**net, "nodes": nodes, "edges": merged}


def actor_nodes(db: WebDb, value: str) -> set[str]:
    """The node ids ``value`` names: a key (a surname-only key is its full name's), an actor
    code (its ``code:`` node and its country's), or, without a colon, every entity whose name or
    alias has words starting with it."""
    key = q.canonical_key(db, value)
    found = {value, key, "code:" + value.upper()}
    if ":" not in value:
        found.add("GPE:" + value.upper())
        found.update(
            r["key"]
            for r in db.rows(
                f"SELECT key FROM {D}.entity_stats WHERE contains(folded, ?)", [name_pattern(value)]
            )
        )
    code = country_of(key)
    if code:
        found.add("GPE:" + code)
    return found


def network(db: WebDb, f: NetworkView) -> dict[str, Any]:
    """The network for the page and its JSON twin: countries merged, only the edges of
    ``f.actor`` when given, and the ``f.labels`` heaviest nodes marked ``labelled``."""
    if f.actor:
        wide = merge_countries(db, q.network(db, f.model_copy(update={"limit": 2000})))
        wanted = actor_nodes(db, f.actor)
        edges = [e for e in wide["edges"] if e["source"] in wanted or e["target"] in wanted]
        info = {n["id"]: n for n in wide["nodes"]}
        weights: dict[str, int] = {}
        for e in edges[: f.limit]:
            weights[e["source"]] = weights.get(e["source"], 0) + e["weight"]
            weights[e["target"]] = weights.get(e["target"], 0) + e["weight"]
        nodes = [{**info[n], "weight": w} for n, w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))]
        net = {**wide, "nodes": nodes, "edges": edges[: f.limit], "total_edges": len(edges), "limit": f.limit}
    else:
        net = merge_countries(db, q.network(db, f))
    nodes = [{**n, "labelled": i < f.labels} for i, n in enumerate(net["nodes"])]
    return {**net, "nodes": nodes, "labels": f.labels}
