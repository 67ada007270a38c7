"""Answers made at start-up (newsgraph.web.prewarm): the first pages of every list and their JSON
twins are in the answer cache before the first request, with the bytes a request makes."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph.web import prewarm
from newsgraph.web.app import create_app


def test_urls_are_each_page_and_its_twin() -> None:
    urls = prewarm.urls(pages=2)
    assert urls[:2] == ["/", "/api"]
    assert {"/events", "/api/events", "/events?page=2", "/api/events?page=2", "/map", "/api/map"} <= set(urls)
    assert "/events?page=3" not in urls and len(urls) == len(set(urls))


def test_the_first_pages_are_answered_from_the_cache_as_made(synthetic_db: Path) -> None:
    with TestClient(create_app(synthetic_db)) as cold:
        expected = {u: cold.get(u) for u in ("/", "/api/events?page=2", "/quotes?page=20", "/map")}
    with TestClient(create_app(synthetic_db, prewarm=True)) as warm:
        cache = warm.app.state.cache  # type: ignore[attr-defined]
        assert len(cache) == len(prewarm.urls())  # every one answered 200 and kept
        hits = cache.hits
        for url, answer in expected.items():
            got = warm.get(url)
            assert got.status_code == answer.status_code == 200, url
            assert got.content == answer.content, url
        assert cache.hits == hits + len(expected)
    with TestClient(create_app(synthetic_db)) as plain:
        assert len(plain.app.state.cache) == 0  # type: ignore[attr-defined]


def test_every_row_of_the_downloads_is_made_at_start_up(synthetic_db: Path) -> None:
    from newsgraph.web import downloads

    with TestClient(create_app(synthetic_db, prewarm=True)) as warm:
        db = warm.app.state.db  # type: ignore[attr-defined]
        for view, fmt in prewarm.ROWS:
            kept = downloads.row_bytes(db, view, fmt)
            assert len(kept) == len(downloads.list_rows(db, view)) and not kept.rows, (view, fmt)
            assert kept.bytes == sum(len(blob) for blob, _ in kept.blocks.values())
        with TestClient(create_app(synthetic_db)) as cold:
            urls = ("/api/events.csv?min_confidence=0", "/api/quotes.json", "/api/counts.csv?kind=killed")
            for url in urls:
                assert warm.get(url).content == cold.get(url).content, url


def test_a_store_opened_again_gets_its_rows_made(synthetic_db: Path) -> None:
    """The rows are made by the opener, so a store that replaced the served file has them too."""
    from newsgraph.web import downloads

    app = create_app(synthetic_db, prewarm=True)
    live = app.state.live
    first = live.db
    again = live.opener(live.path)  # what a reopen after the file was replaced calls
    try:
        assert again is not first
        for view, fmt in prewarm.ROWS:
            assert len(downloads.row_bytes(again, view, fmt)) == len(downloads.list_rows(again, view))
    finally:
        again.close()
        live.close()
    plain = create_app(synthetic_db)
    try:
        assert not downloads.row_bytes(plain.state.live.db, "events", "csv").blocks
    finally:
        plain.state.live.close()
