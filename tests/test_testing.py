"""``newsgraph.testing``: synthetic articles are deterministic, their facts point at their text,
and ``build_store`` writes the asked number of articles."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph.records import Article
from newsgraph.store.db import Store
from newsgraph.testing import Generator, build_store

FINGERPRINT = (
    "import hashlib, json\n"
    "from newsgraph.testing import Generator\n"
    "h = hashlib.sha256()\n"
    "for a in Generator(11).articles(15):\n"
    "    h.update(json.dumps(a.as_dict(), sort_keys=True, default=str).encode())\n"
    "print(h.hexdigest())\n"
)


def dicts(articles: list[Article]) -> list[dict[str, Any]]:
    return [a.as_dict() for a in articles]


def test_same_seed_same_articles_other_seed_others() -> None:
    first = dicts(list(Generator(5).articles(25)))
    assert first == dicts(list(Generator(5).articles(25)))
    other = dicts(list(Generator(6).articles(25)))
    assert other != first
    assert {a["id"] for a in other}.isdisjoint(a["id"] for a in first)


def test_same_seed_same_articles_in_other_processes(tmp_path: Path) -> None:
    """No dependence on hash randomisation or anything else a fresh interpreter changes."""
    src = str(Path(__file__).resolve().parents[1] / "src")
    pythonpath = os.pathsep.join(p for p in [src, os.environ.get("PYTHONPATH", "")] if p)
    h = hashlib.sha256()
    for a in Generator(11).articles(15):
        h.update(json.dumps(a.as_dict(), sort_keys=True, default=str).encode())
    for hashseed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hashseed, "PYTHONPATH": pythonpath}
        out = subprocess.run(
            [sys.executable, "-c", FINGERPRINT],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.strip() == h.hexdigest()


def test_articles_have_every_fact_kind_and_unique_ids() -> None:
    articles = list(Generator(0).articles(60))
    assert len({a.id for a in articles}) == len(articles)
    for kind in ("entities", "quotes", "events", "counts", "dates", "places"):
        assert sum(len(getattr(a, kind)) for a in articles) > 0, kind
    assert any(v["event_type"] == "ASSAULT" and v["magnitudes"] for a in articles for v in a.events)
    assert any(e["roles"] for a in articles for e in a.entities)
    assert all(a.text and a.title and a.published for a in articles)


def test_every_offset_points_at_its_text() -> None:
    for a in Generator(2).articles(40):
        spans: list[dict[str, Any]] = []
        for e in a.entities:
            spans += [e, *e["mentions"]]
        for q in a.quotes:
            spans += [q, q["cue"]]
            assert a.text[q["speaker_start"] : q["speaker_end"]] == q["speaker_text"]
        for v in a.events:
            spans += [v, v["trigger"], v["location"], *v["actor"], *v["recipient"]]
        for c in a.counts:
            spans += [c, *([c["object"]] if c["object"] else [])]
        spans += a.dates + a.places
        for s in spans:
            assert a.text[s["start"] : s["end"]] == s["text"], (a.id, s)
        ids = {e["id"] for e in a.entities}
        assert {q["speaker"] for q in a.quotes} <= ids
        assert {p["entity"] for p in a.places} <= ids
        assert {r["entity"] for v in a.events for r in [*v["actor"], *v["recipient"]]} <= ids


@pytest.mark.parametrize(("n", "batch"), [(0, 500), (1, 500), (7, 3), (9, 3)])
def test_build_store_writes_n_articles(tmp_path: Path, n: int, batch: int) -> None:
    path = build_store(tmp_path / "sub" / "s.duckdb", n, seed=4, batch=batch)
    expected = list(Generator(4).articles(n))
    with Store(path, read_only=True) as store:
        stats = store.stats()
        assert stats["articles"] == n
        assert stats["quotes"] == sum(len(a.quotes) for a in expected)
        assert stats["events"] == sum(len(a.events) for a in expected)
        assert stats["runs"] == 1
        assert store.con.execute("SELECT n_articles FROM runs").fetchall() == [(n,)]
        # by id: the store does not keep write order within a batch
        stored = {a.id: a.as_dict() for a in store.articles()}
    assert stored == {a.id: a.as_dict() for a in expected}  # every field and fact reads back


def test_build_store_replaces_an_existing_store(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    build_store(path, 12, seed=1)
    build_store(path, 5, seed=2)
    with Store(path, read_only=True) as store:
        assert store.stats()["articles"] == 5
        assert store.stats()["runs"] == 1
        assert sorted(a.id for a in store.articles()) == sorted(a.id for a in Generator(2).articles(5))


def test_bad_sizes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        list(Generator(0).articles(-1))
    with pytest.raises(ValueError):
        build_store(tmp_path / "s.duckdb", -1)
    with pytest.raises(ValueError):
        build_store(tmp_path / "s.duckdb", 3, batch=0)
    assert not (tmp_path / "s.duckdb").exists()
