"""Stores and clients for the web tests: a synthetic store (every fact kind, plus one article full
of HTML and script), and the seed-style fixture ingested by the real pipeline."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webdata import FIXTURES, free_port, synthetic_articles, write_store

from newsgraph.records import Article
from newsgraph.store.db import Store
from newsgraph.web.app import create_app


@pytest.fixture(scope="session")
def synthetic() -> list[Article]:
    return synthetic_articles()


@pytest.fixture(scope="session")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory, synthetic: list[Article]) -> Path:
    return write_store(tmp_path_factory.mktemp("web") / "synthetic.duckdb", synthetic)


@pytest.fixture(scope="session")
def client(synthetic_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(synthetic_db)) as c:
        yield c


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed-style fixture through the real pipeline, plus synthetic articles so that every
    page (events, counts, network) has something to show."""
    from newsgraph.runner.local import ingest
    from newsgraph.settings import Settings

    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    report = ingest([FIXTURES / "seed_style_dump.txt"], path, Settings.load(published=dt.date(2025, 6, 6)))
    assert report.n_articles >= 2 and report.n_errors == 0
    with Store(path) as store:
        store.write(articles=synthetic_articles(30, seed=3), run_id=store.start_run("synthetic"))
    return path


@pytest.fixture(scope="session")
def seed_client(seed_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seed_db)) as c:
        yield c


@pytest.fixture(scope="session")
def live_server(seed_db: Path) -> Iterator[str]:
    """The app over the seed store, served by uvicorn on a free local port in a thread."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(seed_db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
