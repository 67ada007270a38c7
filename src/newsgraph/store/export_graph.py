"""The actor network: who did what to whom (events) and who spoke about whom (quotes), as a
weighted, directed graph, written as GraphML or GEXF for Gephi and networkx.

Nodes are entities, keyed store-wide (a surname-only person is the one full name with that
surname, as in :func:`newsgraph.query.entities.entities`); an event actor without an entity is the
node ``code:<ACTOR CODE>``. An edge ``a -> b`` counts the events with ``a`` among the actors and
``b`` among the recipients, and the quotes whose speaker is ``a`` and whose words mention ``b``.

The tables this needs are built once per connection in an in-memory database attached as
``derived`` (the store itself stays read-only)."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ..resolve.entities import canonical_map, fold, store_keys
from .db import Store, column, columns

DERIVED = "derived"
#: Quad classes in PLOVER order; ``quote`` marks edges that come from quotes.
QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict", "quote")
#: Colour of each class (RGB), the same in the web page and in GEXF.
QUAD_COLOURS = {
    "verbal cooperation": (46, 125, 50),
    "material cooperation": (21, 101, 192),
    "verbal conflict": (239, 108, 0),
    "material conflict": (198, 40, 40),
    "quote": (117, 117, 117),
}
GRAPH_FORMATS = ("graphml", "gexf")
#: What separates words in folded names (RE2: anything but Unicode letters and digits).
NON_WORD = r"[^\pL\pN]+"


def _derived(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The tables of ``derived`` on ``con`` (attached, empty, when it was not)."""
    attached = con.execute(
        "SELECT count(*) FROM duckdb_databases() WHERE database_name = ?", [DERIVED]
    ).fetchone()
    if not (attached and attached[0]):
        con.execute(f"ATTACH ':memory:' AS {DERIVED} (READ_WRITE)")
        return set()
    found = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ?", [DERIVED])
    return {r[0] for r in found.fetchall()}


def prepare_entities(con: duckdb.DuckDBPyConnection) -> None:
    """Build the entity tables of ``derived`` on ``con`` unless they are there: ``alias``
    (a variant's or surname-only key -> the full key), ``ents`` (entity rows with canonical keys)
    and ``entity_stats`` (one row per canonical entity; ``folded`` holds its names as words, for
    :func:`name_pattern`): what the entity lists and the name filters read."""
    if "entity_stats" in _derived(con):
        return
    alias = canonical_map(*store_keys(con))
    con.execute(
        f"CREATE TABLE {DERIVED}.alias AS SELECT unnest(?::VARCHAR[]) AS key, unnest(?::VARCHAR[]) AS canon",
        [list(alias), list(alias.values())],
    )
    con.execute(
        f"""CREATE TABLE {DERIVED}.ents AS
        SELECT e.article_id, e.n, e.record->>'id' AS eid, e.key, coalesce(a.canon, e.key) AS canon,
               e.name, e.type, e.actor_code AS code, e.actor_sector AS sector, e.n_mentions,
               e.record->'aliases' AS aliases, e.record->'roles' AS roles,
               TRY_CAST(e.record->>'confidence' AS DOUBLE) AS confidence,
               from_json(e.record->'mentions', '[{{"start": "INTEGER", "end": "INTEGER"}}]') AS mentions
        FROM entities e LEFT JOIN {DERIVED}.alias a ON a.key = e.key"""
    )
    con.execute(
        f"""CREATE TABLE {DERIVED}.entity_stats AS
        WITH e AS (
            SELECT x.*, art.published FROM {DERIVED}.ents x JOIN articles art ON art.id = x.article_id
            WHERE x.canon IS NOT NULL),
        names AS (
            SELECT canon, name, count(*) AS c, max(CASE WHEN key = canon THEN 1 ELSE 0 END) AS own
            FROM e GROUP BY canon, name),
        best AS (
            SELECT canon,
                   arg_max(name, own * 1000000000000 + len(string_split(name, ' ')) * 1000000000
                                 + c * 1000 + least(length(name), 999)) AS name
            FROM names GROUP BY canon),
        every_name AS (
            SELECT canon, name FROM names
            UNION SELECT canon, unnest(from_json(aliases, '["VARCHAR"]')) FROM e),
        other AS (
            SELECT w.canon, list(DISTINCT w.name ORDER BY w.name) FILTER (WHERE w.name <> b.name) AS aliases,
                   string_agg(w.name, ' ') AS every
            FROM every_name w JOIN best b ON b.canon = w.canon GROUP BY w.canon)
        SELECT e.canon AS key, any_value(b.name) AS name,
               coalesce(mode(e.type) FILTER (WHERE e.key = e.canon), mode(e.type)) AS type,
               coalesce(mode(e.code) FILTER (WHERE e.key = e.canon), mode(e.code)) AS code,
               CASE WHEN count(*) FILTER (WHERE e.key = e.canon) > 0
                    THEN mode(e.sector) FILTER (WHERE e.key = e.canon) ELSE mode(e.sector) END AS sector,
               sum(e.n_mentions)::BIGINT AS mentions,
               count(DISTINCT e.article_id) AS articles, coalesce(any_value(o.aliases), []) AS aliases,
               min(e.published) AS first_seen, max(e.published) AS last_seen,
               max(coalesce(e.confidence, 1.0)) AS confidence,
               ' ' || trim(regexp_replace(strip_accents(lower(any_value(o.every))), '{NON_WORD}', ' ', 'g'))
                   || ' ' AS folded
        FROM e JOIN best b ON b.canon = e.canon JOIN other o ON o.canon = e.canon
        GROUP BY e.canon"""
    )


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Build the ``derived`` tables on ``con`` unless they are there: those of
    :func:`prepare_entities`, ``nodes`` (node ids numbered), ``parts`` (event actors and
    recipients, with their node number ``ni``) and ``links`` (network edges, one per event or
    quote and pair of nodes: ``pair`` holds both node numbers, ``k`` a row of ``kinds``)."""
    if "parts" in _derived(con):
        return
    prepare_entities(con)
    parts_type = (
        '[{"entity": "VARCHAR", "text": "VARCHAR", "code": "VARCHAR", "start": "INTEGER", "end": "INTEGER"}]'
    )
    con.execute(
        f"""CREATE TABLE {DERIVED}.named_parts AS
        WITH p AS (
            SELECT article_id, n, 'actor' AS role, unnest(from_json(record->'actor', '{parts_type}')) AS p
            FROM events
            UNION ALL
            SELECT article_id, n, 'recipient', unnest(from_json(record->'recipient', '{parts_type}'))
            FROM events)
        SELECT p.article_id, p.n, p.role, p.p.entity AS entity, e.canon AS key,
               coalesce(e.canon, CASE WHEN p.p.code IS NOT NULL THEN 'code:' || p.p.code END) AS node,
               coalesce(p.p.code, e.code) AS code, p.p.text AS text, p.p.start AS start, p.p."end" AS "end"
        FROM p LEFT JOIN {DERIVED}.ents e ON e.article_id = p.article_id AND e.eid = p.p.entity"""
    )
    ev = columns(con, "events")
    q = columns(con, "quotes")
    event_type = column(ev, "event_type", "record->>'event_type'")
    quad = column(ev, "quad", "record->>'quad'")
    date = column(ev, "date", "TRY_CAST(record->>'date' AS DATE)")
    speaker = column(q, "speaker", "record->>'speaker'")
    con.execute(
        f"""CREATE TABLE {DERIVED}.named_links AS
        WITH ev AS (
            SELECT article_id, n, {event_type} AS event_type, {quad} AS quad, {date} AS date FROM events),
        ev_links AS (
            SELECT DISTINCT ev.article_id, ev.n, 'event' AS origin, a.node AS src, r.node AS dst,
                   ev.event_type, ev.quad, coalesce(ev.date, art.published) AS date
            FROM ev
            JOIN {DERIVED}.named_parts a ON a.article_id = ev.article_id AND a.n = ev.n AND a.role = 'actor'
            JOIN {DERIVED}.named_parts r
                 ON r.article_id = ev.article_id AND r.n = ev.n AND r.role = 'recipient'
            JOIN articles art ON art.id = ev.article_id
            WHERE a.node IS NOT NULL AND r.node IS NOT NULL AND a.node <> r.node),
        mentions AS (
            SELECT article_id, canon, unnest(mentions) AS m FROM {DERIVED}.ents WHERE canon IS NOT NULL),
        qs AS (
            SELECT q.article_id, q.n, q.start, q."end", coalesce(s.canon, CASE WHEN s.code IS NOT NULL
                   THEN 'code:' || s.code END) AS speaker
            FROM quotes q JOIN {DERIVED}.ents s ON s.article_id = q.article_id AND s.eid = {speaker}),
        q_links AS (
            SELECT DISTINCT qs.article_id, qs.n, 'quote' AS origin, qs.speaker AS src, m.canon AS dst,
                   'QUOTE' AS event_type, 'quote' AS quad, art.published AS date
            FROM qs JOIN mentions m ON m.article_id = qs.article_id
                 AND m.m.start >= qs.start AND m.m."end" <= qs."end"
            JOIN articles art ON art.id = qs.article_id
            WHERE qs.speaker IS NOT NULL AND m.canon <> qs.speaker)
        SELECT * FROM ev_links UNION ALL SELECT * FROM q_links"""
    )
    # integer node numbers make grouping and filtering several times faster than keys
    con.execute(
        f"""CREATE TABLE {DERIVED}.nodes AS
        SELECT (row_number() OVER (ORDER BY id))::INTEGER AS i, id
        FROM (SELECT src AS id FROM {DERIVED}.named_links UNION SELECT dst FROM {DERIVED}.named_links
              UNION SELECT node FROM {DERIVED}.named_parts WHERE node IS NOT NULL)"""
    )
    con.execute(
        f"""CREATE TABLE {DERIVED}.kinds AS
        SELECT (row_number() OVER (ORDER BY origin, event_type, quad))::INTEGER AS k, origin, event_type, quad
        FROM (SELECT DISTINCT origin, event_type, quad FROM {DERIVED}.named_links)"""
    )
    # one row per link: the pair of node numbers in one BIGINT, the kind (origin, type, class) as a number
    con.execute(
        f"""CREATE TABLE {DERIVED}.links AS
        SELECT (s.i::BIGINT << 32) | d.i AS pair, k.k, l.date
        FROM {DERIVED}.named_links l
        JOIN {DERIVED}.nodes s ON s.id = l.src JOIN {DERIVED}.nodes d ON d.id = l.dst
        JOIN {DERIVED}.kinds k ON k.origin = l.origin AND k.event_type IS NOT DISTINCT FROM l.event_type
             AND k.quad IS NOT DISTINCT FROM l.quad
        ORDER BY l.date"""
    )
    con.execute(
        f"""CREATE TABLE {DERIVED}.parts AS
        SELECT p.*, x.i AS ni FROM {DERIVED}.named_parts p LEFT JOIN {DERIVED}.nodes x ON x.id = p.node"""
    )
    con.execute(f"DROP TABLE {DERIVED}.named_links")
    con.execute(f"DROP TABLE {DERIVED}.named_parts")


def name_pattern(words: str) -> str:
    """What ``contains(folded, ?)`` looks for in ``entity_stats.folded`` to find names with
    words starting with ``words`` ("blinken" finds Antony Blinken, "usa" does not find Jerusalem)."""
    return " " + fold(words)


@dataclass(slots=True)
class Node:
    """An actor: an entity (``id`` is its store key) or an actor code (``code:USA``)."""

    id: str
    label: str
    type: str | None = None
    code: str | None = None
    weight: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "type": self.type,
            "code": self.code,
            "weight": self.weight,
        }


@dataclass(slots=True)
class Edge:
    """``source`` acted on or spoke about ``target`` ``weight`` times."""

    source: str
    target: str
    weight: int
    n_events: int
    n_quotes: int
    by_quad: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)

    @property
    def quad(self) -> str:
        """The class with the most events or quotes (ties go to the first in :data:`QUADS`)."""
        return max(QUADS, key=lambda q: (self.by_quad.get(q, 0), -QUADS.index(q)))

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "weight": self.weight,
            "quad": self.quad,
            "n_events": self.n_events,
            "n_quotes": self.n_quotes,
            "by_quad": self.by_quad,
            "types": self.types,
        }


@dataclass(slots=True)
class Network:
    """The nodes and edges of the actor network, heaviest edges first."""

    nodes: list[Node]
    edges: list[Edge]
    total_edges: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "nodes": [n.as_dict() for n in self.nodes],
            "edges": [e.as_dict() for e in self.edges],
            "total_edges": self.total_edges,
        }


def actor_network(
    con: duckdb.DuckDBPyConnection,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    type: str | None = None,
    quad: str | None = None,
    min_weight: int = 1,
    limit: int | None = None,
) -> Network:
    """The actor network, optionally only between two dates (event date, else the article's),
    of one event ``type`` (``QUOTE`` for quotes only) or one ``quad`` class (``quote`` for quotes
    only), with edges of at least ``min_weight``, the ``limit`` heaviest. ``con`` must have been
    through :func:`prepare`."""
    kinds = {
        k: (origin, event_type, quad_)
        for k, origin, event_type, quad_ in con.execute(
            f"SELECT k, origin, event_type, quad FROM {DERIVED}.kinds"
        ).fetchall()
    }
    wanted = [
        k
        for k, (_, event_type, quad_) in kinds.items()
        if (not type or event_type == type.upper()) and (not quad or quad_ == quad.lower())
    ]
    where: list[str] = ["k IN (SELECT unnest(?::INTEGER[]))"]
    params: list[Any] = [wanted]
    if date_from:
        where.append("date >= ?")
        params.append(date_from)
    if date_to:
        where.append("date <= ?")
        params.append(date_to)
    cond = " AND ".join(where)
    # two queries: the heaviest pairs first, then the breakdown of those pairs only
    top_sql = (
        f"SELECT pair, count(*) AS weight, count(*) OVER () AS total FROM {DERIVED}.links WHERE {cond} "
        f"GROUP BY pair HAVING count(*) >= ? ORDER BY weight DESC, pair"
    )
    top_params = [*params, max(1, min_weight)]
    if limit is not None:
        top_sql += " LIMIT ?"
        top_params.append(limit)
    rows = con.execute(top_sql, top_params).fetchall()
    total = int(rows[0][2]) if rows else 0
    pairs = [(pair >> 32, pair & 0xFFFFFFFF, weight) for pair, weight, _ in rows]
    names = dict(
        con.execute(
            f"SELECT i, id FROM {DERIVED}.nodes WHERE i IN (SELECT unnest(?::INTEGER[]))",
            [sorted({p[0] for p in pairs} | {p[1] for p in pairs})],
        ).fetchall()
    )
    by_pair: dict[int, Edge] = {
        (s_ << 32) | d_: Edge(names[s_], names[d_], weight, 0, 0) for s_, d_, weight in pairs
    }
    breakdown = con.execute(
        f"SELECT pair, k, count(*) FROM {DERIVED}.links "
        f"WHERE pair IN (SELECT unnest(?::BIGINT[])) AND {cond} GROUP BY pair, k",
        [list(by_pair), *params],
    ).fetchall()
    for pair, k, c in breakdown:
        edge = by_pair[pair]
        origin, event_type, quad_ = kinds[k]
        if origin == "event":
            edge.n_events += c
        else:
            edge.n_quotes += c
        if quad_:
            edge.by_quad[quad_] = edge.by_quad.get(quad_, 0) + c
        if event_type:
            edge.types[event_type] = edge.types.get(event_type, 0) + c
    edges = list(by_pair.values())
    weights: Counter[str] = Counter()
    for e in edges:
        weights[e.source] += e.weight
        weights[e.target] += e.weight
    info = {
        r[0]: r[1:]
        for r in con.execute(
            f"SELECT key, name, type, code FROM {DERIVED}.entity_stats WHERE key IN (SELECT unnest(?))",
            [list(weights)],
        ).fetchall()
    }
    nodes = []
    for node_id, weight in weights.most_common():
        if node_id in info:
            name, etype, code = info[node_id]
            nodes.append(Node(node_id, name, etype, code, weight))
        else:  # an actor code without an entity
            code = node_id.removeprefix("code:")
            nodes.append(Node(node_id, code, "ACTOR", code, weight))
    return Network(nodes, edges, int(total))


# -- writers ---------------------------------------------------------------------------------

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(value: Any) -> str:
    """A value as XML text, without the characters XML 1.0 cannot hold."""
    return _XML_BAD.sub("", str(value))


def _types(edge: Edge) -> str:
    return " ".join(f"{t}:{n}" for t, n in sorted(edge.types.items()))


def write_graphml(network: Network, path: str | Path) -> Path:
    """Write the network as GraphML (directed; node and edge attributes declared as keys)."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    node_keys = [("label", "string"), ("type", "string"), ("code", "string"), ("weight", "int")]
    edge_keys = [
        ("weight", "double"),
        ("quad", "string"),
        ("n_events", "int"),
        ("n_quotes", "int"),
        ("types", "string"),
        *((q.replace(" ", "_"), "int") for q in QUADS),
    ]
    for name, kind in node_keys:
        ET.SubElement(root, "key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": kind})
    for name, kind in edge_keys:
        ET.SubElement(root, "key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", {"id": "actors", "edgedefault": "directed"})
    for node in network.nodes:
        el = ET.SubElement(graph, "node", {"id": _x(node.id)})
        for name, value in (("label", node.label), ("type", node.type), ("code", node.code)):
            if value is not None:
                ET.SubElement(el, "data", {"key": f"n_{name}"}).text = _x(value)
        ET.SubElement(el, "data", {"key": "n_weight"}).text = str(node.weight)
    for i, edge in enumerate(network.edges):
        el = ET.SubElement(
            graph, "edge", {"id": f"e{i}", "source": _x(edge.source), "target": _x(edge.target)}
        )
        values: list[tuple[str, Any]] = [
            ("weight", float(edge.weight)),
            ("quad", edge.quad),
            ("n_events", edge.n_events),
            ("n_quotes", edge.n_quotes),
            ("types", _types(edge)),
            *((q.replace(" ", "_"), edge.by_quad.get(q, 0)) for q in QUADS),
        ]
        for name, value in values:
            ET.SubElement(el, "data", {"key": f"e_{name}"}).text = _x(value)
    return _write(root, path)


def write_gexf(network: Network, path: str | Path) -> Path:
    """Write the network as GEXF 1.2 (Gephi's format): weights, attributes and edge colours by
    quad class."""
    ns, viz = "http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz"
    root = ET.Element("gexf", {"xmlns": ns, "xmlns:viz": viz, "version": "1.2"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "newsgraph"
    ET.SubElement(meta, "description").text = "Actor network from events and quotes"
    graph = ET.SubElement(root, "graph", {"mode": "static", "defaultedgetype": "directed"})
    node_attrs = [("type", "string"), ("code", "string"), ("weight", "integer")]
    edge_attrs = [("quad", "string"), ("n_events", "integer"), ("n_quotes", "integer"), ("types", "string")]
    for cls, attrs in (("node", node_attrs), ("edge", edge_attrs)):
        el = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for name, kind in attrs:
            ET.SubElement(el, "attribute", {"id": name, "title": name, "type": kind})
    nodes = ET.SubElement(graph, "nodes")
    for node in network.nodes:
        el = ET.SubElement(nodes, "node", {"id": _x(node.id), "label": _x(node.label)})
        values = ET.SubElement(el, "attvalues")
        for name, value in (("type", node.type), ("code", node.code), ("weight", node.weight)):
            if value is not None:
                ET.SubElement(values, "attvalue", {"for": name, "value": _x(value)})
    edges = ET.SubElement(graph, "edges")
    for i, edge in enumerate(network.edges):
        el = ET.SubElement(
            edges,
            "edge",
            {
                "id": f"e{i}",
                "source": _x(edge.source),
                "target": _x(edge.target),
                "weight": str(float(edge.weight)),
            },
        )
        values = ET.SubElement(el, "attvalues")
        for name, value in (
            ("quad", edge.quad),
            ("n_events", edge.n_events),
            ("n_quotes", edge.n_quotes),
            ("types", _types(edge)),
        ):
            ET.SubElement(values, "attvalue", {"for": name, "value": _x(value)})
        r, g, b = QUAD_COLOURS[edge.quad]
        ET.SubElement(el, "viz:color", {"r": str(r), "g": str(g), "b": str(b)})
    return _write(root, path)


def _write(root: ET.Element, path: str | Path) -> Path:
    path = Path(path)
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path


def export_graph(store: Store, fmt: str, out: str | Path) -> list[Path]:
    """Write the whole actor network of ``store`` to ``out/actor_network.<fmt>`` (``graphml`` or
    ``gexf``) and return the file written."""
    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}: use one of {', '.join(GRAPH_FORMATS)}")
    prepare(store.con)
    network = actor_network(store.con)
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    writer = write_graphml if fmt == "graphml" else write_gexf
    return [writer(network, out_dir / f"actor_network.{fmt}")]
