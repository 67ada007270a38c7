"""The actor network and its GraphML and GEXF exports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.records import Article
from newsgraph.resolve.entities import canonical_map
from newsgraph.store.db import Store
from newsgraph.store.export import export
from newsgraph.store.export_graph import actor_network, prepare


def expected_edges(articles: list[Article]) -> Counter[tuple[str, str]]:
    """The network computed straight from the records, the slow obvious way."""
    canon = canonical_map({e["key"] for a in articles for e in a.entities})
    edges: Counter[tuple[str, str]] = Counter()
    for a in articles:
        key = {e["id"]: canon.get(e["key"], e["key"]) for e in a.entities}

        def node(part: dict[str, object], key: dict[str, str] = key) -> str | None:
            if part.get("entity") in key:
                return key[str(part["entity"])]
            return f"code:{part['code']}" if part.get("code") else None

        for v in a.events:
            pairs = {(node(s), node(t)) for s in v["actor"] for t in v["recipient"]}
            edges.update((s, t) for s, t in pairs if s and t and s != t)
        for q in a.quotes:
            speaker = key.get(q["speaker"])
            named = {
                key[e["id"]]
                for e in a.entities
                for m in e["mentions"]
                if m["start"] >= q["start"] and m["end"] <= q["end"]
            }
            edges.update((speaker, t) for t in named if speaker and t != speaker)
    return edges


def test_network_matches_the_records(synthetic_db: Path, synthetic: list[Article]) -> None:
    with Store(synthetic_db, read_only=True) as store:
        prepare(store.con)
        net = actor_network(store.con)
    got = Counter({(e.source, e.target): e.weight for e in net.edges})
    assert got == expected_edges(synthetic)
    assert net.total_edges == len(got)
    labels = {n.id: n.label for n in net.nodes}
    assert labels["GPE:FRA:paris"] == "Paris"
    assert all(n.weight > 0 for n in net.nodes)


def test_graphml_and_gexf_read_back_with_networkx(synthetic_db: Path, tmp_path: Path) -> None:
    with Store(synthetic_db, read_only=True) as store:
        [graphml] = export(store, "graphml", tmp_path)
        [gexf] = export(store, "gexf", tmp_path)
        prepare(store.con)
        net = actor_network(store.con)
    assert graphml.name == "actor_network.graphml" and gexf.name == "actor_network.gexf"
    for graph in (nx.read_graphml(graphml), nx.read_gexf(gexf)):
        assert graph.is_directed()
        assert graph.number_of_nodes() == len(net.nodes)
        assert graph.number_of_edges() == len(net.edges)
        top = net.edges[0]
        data = graph.get_edge_data(top.source, top.target)
        assert data["weight"] == top.weight and data["quad"] == top.quad
    g = nx.read_graphml(graphml)
    assert g.nodes["GPE:FRA:paris"]["label"] == "Paris"
    root = ET.parse(gexf).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}
    assert root.findall(".//g:edge/viz:color", ns)


def test_labels_with_markup_stay_text(synthetic_db: Path, tmp_path: Path) -> None:
    with Store(synthetic_db, read_only=True) as store:
        [graphml] = export(store, "graphml", tmp_path)
    g = nx.read_graphml(graphml)
    assert g.nodes["PERSON:mallory"]["label"] == 'Mallory <script>alert("pwned")</script>'


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_cli_export(synthetic_db: Path, tmp_path: Path, fmt: str) -> None:
    result = CliRunner().invoke(
        app, ["export", "--format", fmt, "--out", str(tmp_path), "--db", str(synthetic_db)]
    )
    assert result.exit_code == 0, result.output
    path = tmp_path / f"actor_network.{fmt}"
    assert str(path) in result.output.replace("\n", "")
    assert path.stat().st_size > 1000
