"""What serves the web app under load: the answer cache (per store version), the store reopened
when its file is replaced, and the list rows taken from memory by rank (identical to SQL)."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send
from webdata import synthetic_articles, write_store

from newsgraph.store.db import Store
from newsgraph.web import queries as q
from newsgraph.web.app import REQUEST_THREADS, create_app
from newsgraph.web.cache import Answer, CacheMiddleware, ResponseCache
from newsgraph.web.db import LiveDb, file_identity
from newsgraph.web.queries import D, WebDb


@pytest.fixture(scope="module")
def two_stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two different stores (of 12 and 20 synthetic articles, plus the hostile one)."""
    root = tmp_path_factory.mktemp("load")
    a = write_store(root / "a.duckdb", synthetic_articles(12, seed=1))
    b = write_store(root / "b.duckdb", synthetic_articles(20, seed=2))
    return a, b


@pytest.fixture()
def served(tmp_path: Path, two_stores: tuple[Path, Path]) -> Iterator[tuple[TestClient, Path]]:
    """A client of the app over a copy of store a, which the test may replace."""
    path = tmp_path / "served.duckdb"
    shutil.copyfile(two_stores[0], path)
    with TestClient(create_app(path)) as c:
        live: LiveDb = c.app.state.live  # type: ignore[attr-defined]
        live.check_every = 0.0  # look at the file before every request
        yield c, path


def n_articles(path: Path) -> int:
    with Store(path, read_only=True) as store:
        return store.count("articles")


def replace(path: Path, source: Path) -> None:
    """Move a copy of ``source`` over ``path``, as one would swap in a freshly ingested store."""
    tmp = path.with_suffix(".new")
    shutil.copyfile(source, tmp)
    os.replace(tmp, path)


# -- the cache -------------------------------------------------------------------------------


def answer(body: bytes) -> Answer:
    return Answer(200, ((b"content-type", b"text/plain"),), body)


def test_cache_drops_least_recently_used_first_within_its_bytes() -> None:
    cache = ResponseCache(max_bytes=3 * answer(b"x" * 100).size, max_entry=10_000)
    for key in "abc":
        cache.put(key, answer(b"x" * 100))
    assert cache.get("a") is not None  # a is now the most recently used
    cache.put("d", answer(b"x" * 100))
    assert cache.get("b") is None and cache.get("a") is not None and cache.get("d") is not None
    assert len(cache) == 3 and cache.bytes <= cache.max_bytes
    cache.put("huge", answer(b"x" * 20_000))  # over max_entry: not kept, nothing dropped
    assert cache.get("huge") is None and len(cache) == 3
    cache.clear()
    assert len(cache) == 0 and cache.bytes == 0


def test_simultaneous_requests_for_one_url_compute_it_once() -> None:
    calls: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        calls.append(scope["path"])
        await asyncio.sleep(0.05)  # a slow page: the other requests arrive meanwhile
        status = 200 if scope["path"] != "/missing" else 404
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": scope["path"].encode()})

    middleware = CacheMiddleware(app, ResponseCache(), version=lambda: 1)

    async def get(path: str) -> tuple[int, bytes]:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        scope = {"type": "http", "method": "GET", "path": path, "query_string": b""}
        await middleware(scope, receive, send)
        return sent[0]["status"], sent[1]["body"]

    async def burst() -> list[tuple[int, bytes]]:
        return await asyncio.gather(*(get(p) for p in ["/a"] * 5 + ["/b"] * 2 + ["/missing"] * 2))

    answers = asyncio.run(burst())
    assert answers == [(200, b"/a")] * 5 + [(200, b"/b")] * 2 + [(404, b"/missing")] * 2
    # one computation per page; a 404 is not kept, so the one who waited computes it itself
    assert sorted(calls) == ["/a", "/b", "/missing", "/missing"]


def test_a_repeated_get_is_answered_from_the_cache_with_the_same_bytes(
    served: tuple[TestClient, Path],
) -> None:
    c, _ = served
    cache: ResponseCache = c.app.state.cache  # type: ignore[attr-defined]
    for url in ["/", "/api", "/articles?page=1", "/api/quotes?per_page=5", "/api/events?type=ASSAULT"]:
        first = c.get(url)
        hits = cache.hits
        again = c.get(url)
        assert first.status_code == again.status_code == 200
        assert again.content == first.content, url
        assert again.headers == first.headers, url  # security headers included
        assert cache.hits == hits + 1, url


def test_urls_that_differ_are_kept_apart_and_failures_are_not_kept(served: tuple[TestClient, Path]) -> None:
    c, _ = served
    cache: ResponseCache = c.app.state.cache  # type: ignore[attr-defined]
    page1 = c.get("/api/quotes?per_page=2&page=1").json()
    page2 = c.get("/api/quotes?per_page=2&page=2").json()
    assert page1["items"] != page2["items"]
    assert c.get("/api/quotes?per_page=2&page=1").json() == page1
    before = len(cache)
    assert c.get("/api/articles/nothing-here").status_code == 404
    assert c.get("/api/quotes?per_page=0").status_code in (400, 422)  # a bad parameter
    assert c.get("/static/app.css").status_code in (200, 404)
    assert len(cache) == before


def test_the_network_page_keeps_its_own_content_security_policy_when_cached(
    served: tuple[TestClient, Path],
) -> None:
    c, _ = served
    first, again = c.get("/network"), c.get("/network")
    assert "unsafe-inline" in first.headers["content-security-policy"]
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]


def test_the_request_thread_pool_is_bounded(served: tuple[TestClient, Path]) -> None:
    import anyio.to_thread

    c, _ = served
    assert c.portal is not None
    tokens = c.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)
    assert tokens == REQUEST_THREADS


# -- the store replaced under a running server ----------------------------------------------


def test_a_replaced_store_is_reopened_and_nothing_cached_from_the_old_one_is_answered(
    served: tuple[TestClient, Path], two_stores: tuple[Path, Path]
) -> None:
    c, path = served
    a, b = two_stores
    na, nb = n_articles(a), n_articles(b)
    assert na != nb
    before = c.get("/api").json()
    assert before["stats"]["articles"] == na
    old_id = before["latest"][0]["id"]
    assert c.get(f"/api/articles/{old_id}").status_code == 200
    page = c.get("/articles").text
    assert c.get("/api").json() == before  # now answered from the cache

    replace(path, b)
    after = c.get("/api").json()
    assert after["stats"]["articles"] == nb
    assert c.get(f"/api/articles/{old_id}").status_code == 404
    assert c.get("/articles").text != page
    new_id = after["latest"][0]["id"]
    assert c.get(f"/api/articles/{new_id}").json()["article"]["id"] == new_id

    replace(path, a)  # and back: the old answers are found again, freshly computed
    assert c.get("/api").json()["stats"]["articles"] == na


def test_a_replaced_store_that_cannot_be_opened_answers_503_until_it_can(
    served: tuple[TestClient, Path], two_stores: tuple[Path, Path]
) -> None:
    c, path = served
    assert c.get("/api").status_code == 200
    tmp = path.with_suffix(".new")
    tmp.write_bytes(b"this is not a DuckDB file" * 100)
    os.replace(tmp, path)
    broken = c.get("/api")
    assert broken.status_code == 503
    assert "cannot be opened" in broken.json()["error"]["message"]
    replace(path, two_stores[1])
    assert c.get("/api").json()["stats"]["articles"] == n_articles(two_stores[1])


def test_the_file_is_looked_at_at_most_once_per_interval(
    two_stores: tuple[Path, Path], tmp_path: Path
) -> None:
    path = tmp_path / "s.duckdb"
    shutil.copyfile(two_stores[0], path)
    live = LiveDb(path, check_every=3600.0)
    try:
        replace(path, two_stores[1])
        assert file_identity(path) != live.identity
        assert not live.changed()  # not yet time to look
        live.check_every = 0.0
        assert live.changed()
    finally:
        live.close()


# -- list rows from memory are the rows SQL gives --------------------------------------------


@pytest.fixture(scope="module")
def web_db(synthetic_db: Path) -> Iterator[WebDb]:
    db = WebDb(synthetic_db)
    yield db
    db.close()


def sql_page(db: WebDb, columns: str, table: str, where: str, params: list[Any], per: int, page: int) -> Any:
    return db.rows(
        f"SELECT {columns} FROM {D}.{table} WHERE {where} ORDER BY rank LIMIT ? OFFSET ?",
        [*params, per, (page - 1) * per],
    )


@pytest.mark.parametrize("per_page", [1, 7, 50])
def test_quote_and_count_pages_are_the_rows_sql_gives(web_db: WebDb, per_page: int) -> None:
    n_quotes, n_counts = len(web_db.quote_rows), len(web_db.count_rows)
    assert n_quotes > 10 and n_counts > 10
    last = max(n_quotes, n_counts) // per_page + 2  # past the end too
    for page in [1, 2, last // 2, last - 1, last]:
        got = q.quotes(web_db, q.QuoteFilters(page=page, per_page=per_page))["items"]
        assert got == sql_page(web_db, q._QUOTE_COLUMNS, "quotes", "1 = 1", [], per_page, page)
        got = q.counts(web_db, q.CountFilters(page=page, per_page=per_page))["items"]
        assert got == sql_page(web_db, q._COUNT_COLUMNS, "counts", "1 = 1", [], per_page, page)
        kind = "direct"
        got = q.quotes(web_db, q.QuoteFilters(page=page, per_page=per_page, kind=kind))["items"]
        assert got == sql_page(web_db, q._QUOTE_COLUMNS, "quotes", "kind = ?", [kind], per_page, page)


def test_event_pages_are_the_rows_sql_gives_with_their_parties(web_db: WebDb) -> None:
    total = len(web_db.event_rows)
    for page in [1, 2, total // 20, total // 10 + 1]:
        got = q.events(web_db, q.EventFilters(page=page, per_page=10, min_confidence=0), timeline=False)
        want = sql_page(web_db, q._EVENT_COLUMNS, "events", "1 = 1", [], 10, page)
        assert [{k: v for k, v in e.items() if k not in ("actors", "recipients")} for e in got["items"]] == [
            {k: v for k, v in e.items() if k != "rank"} for e in want
        ]
        for e, row in zip(got["items"], want, strict=True):
            parts = web_db.rows(
                f"SELECT role, node, key, code, text, name FROM {D}.event_parts WHERE ev = ? ORDER BY rowid",
                [row["rank"]],
            )
            assert e["actors"] == [p for p in parts if p["role"] == "actor"]
            assert e["recipients"] == [p for p in parts if p["role"] == "recipient"]


def test_article_lists_and_facts_are_the_rows_sql_gives(web_db: WebDb) -> None:
    got = q.articles(web_db, q.ArticleFilters(page=2, per_page=3))["items"]
    want = sql_page(web_db, q._SEARCH_COLUMNS, "search", "1 = 1", [], 3, 2)
    assert [{k: v for k, v in a.items() if k != "snippet"} for a in got] == want
    assert len(web_db.rank_of) > 20
    for article_id in web_db.rank_of:  # every article, read from memory, is what the store holds
        found = q.article(web_db, article_id)
        assert found is not None
        for kind, records in found["facts"].items():
            stored = web_db.rows(f"SELECT record FROM {kind} WHERE article_id = ? ORDER BY n", [article_id])
            assert [{k: v for k, v in r.items() if k != "canon"} for r in records] == [
                json.loads(r["record"]) for r in stored
            ], kind
        row = web_db.one(
            "SELECT a.id, a.source, a.url, a.title, a.published, a.published_from, a.authors, a.text, "
            "a.captions, a.credits, a.headings, a.n_words, a.doc_hash, s.relevance, s.language, s.skipped "
            f"FROM articles a JOIN {D}.search s ON s.id = a.id WHERE a.id = ?",
            [article_id],
        )
        assert found["article"] == row and list(found["article"]) == list(row or {})
    for some in want:  # the canonical keys are those of derived.ents
        got = q.article(web_db, some["id"])
        assert got is not None and got["facts"]["entities"]
        canon = {
            r["eid"]: r["canon"]
            for r in web_db.rows(f"SELECT eid, canon FROM {D}.ents WHERE article_id = ?", [some["id"]])
        }
        assert [e["canon"] for e in got["facts"]["entities"]] == [
            canon.get(e.get("id"), e.get("key")) for e in got["facts"]["entities"]
        ]
    assert q.article(web_db, "no such article") is None


def test_events_of_an_actor_filtered_in_memory_are_what_sql_finds(web_db: WebDb) -> None:
    actors = [
        r["key"] for r in web_db.rows(f"SELECT key FROM {D}.entity_stats ORDER BY mentions DESC LIMIT 3")
    ]
    codes = [
        r["code"] for r in web_db.rows(f"SELECT DISTINCT code FROM {D}.event_parts WHERE code IS NOT NULL")
    ]
    day = web_db.facets["first_day"]
    filters = [
        {"actor": actors[0]},
        {"actor": codes[0], "per_page": 3, "page": 2},
        {"recipient": codes[-1], "min_confidence": 0},
        {"actor": actors[1], "recipient": codes[0], "min_confidence": 0},
        {"actor": codes[0], "type": web_db.facets["event_types"][0], "min_confidence": 0.9},
        {"actor": codes[0], "quad": "verbal cooperation", "country": codes[0]},
        {"actor": codes[-1], "date_from": day, "date_to": web_db.facets["last_day"]},  # by month
        {"actor": codes[0], "date_from": day, "date_to": day},  # by day
        {"actor": "nobody at all"},
        # without an actor or recipient: every event is selected in memory too
        {},
        {"min_confidence": 0, "page": 3, "per_page": 7},
        {"type": web_db.facets["event_types"][0]},
        {"quad": "material conflict", "country": codes[0], "min_confidence": 0},
        {"date_from": day, "date_to": day, "min_confidence": 0},
        {"type": "NOSUCHTYPE"},
    ]
    assert web_db.event_columns.usable
    checked = 0
    for given in filters:
        f = q.EventFilters(**given)
        fast = q.events(web_db, f)
        web_db.event_columns.usable = False  # the SQL way
        try:
            slow = q.events(web_db, f)
        finally:
            web_db.event_columns.usable = True
        assert fast == slow, given
        checked += fast["total"]
    assert checked > 20  # the filters found events


def test_a_streamed_answer_larger_than_an_entry_passes_through_without_being_kept() -> None:
    import tracemalloc

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for i in range(200):  # 2 MB in all, made chunk by chunk
            await send({"type": "http.response.body", "body": b"x" * 10_000, "more_body": i < 199})

    cache = ResponseCache(max_entry=10_000)
    middleware = CacheMiddleware(app, cache, version=lambda: 1)
    sizes: list[int] = []

    async def send(message: Message) -> None:
        if message["type"] == "http.response.body":
            sizes.append(len(message["body"]))

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    scope = {"type": "http", "method": "GET", "path": "/api/events.csv", "query_string": b""}
    tracemalloc.start()
    try:
        asyncio.run(middleware(scope, receive, send))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sizes == [10_000] * 200  # streamed through whole, chunk by chunk
    assert len(cache) == 0  # not kept
    assert peak < 500_000  # nor held while it went by


def test_the_quotes_of_a_speaker_from_memory_are_what_sql_finds(web_db: WebDb) -> None:
    names = [r["t"] for r in web_db.rows(f"SELECT DISTINCT speaker_name AS t FROM {D}.quotes LIMIT 8")]
    keys = [r["k"] for r in web_db.rows(f"SELECT DISTINCT speaker_key AS k FROM {D}.quotes LIMIT 5")]
    said = [r["t"] for r in web_db.rows(f"SELECT DISTINCT speaker_text AS t FROM {D}.quotes LIMIT 5")]
    asked = [{"speaker": n.split()[-1]} for n in names if n] + [{"speaker": t} for t in said if t]
    asked += [{"speaker_key": k} for k in keys if k] + [{"speaker": "nobody at all"}]
    asked += [{"speaker_key": keys[0], "speaker": (names[0] or "x").split()[-1], "per_page": 2, "page": 2}]
    found = 0
    for given in asked:
        f = q.QuoteFilters(**given)
        cond, params = q.quote_filter(web_db, f)
        want = [
            r["rank"] for r in web_db.rows(f"SELECT q.rank FROM {D}.quotes q WHERE {cond} ORDER BY 1", params)
        ]
        assert q.quote_ranks(web_db, f).to_pylist() == want, given
        got = q.quotes(web_db, f)
        assert got["total"] == len(want)
        assert got["items"] == web_db.quote_rows.take(want[f.offset : f.offset + f.per_page]), given
        found += len(want)
    assert found > 10


def test_the_articles_of_a_country_from_memory_are_what_sql_finds(web_db: WebDb) -> None:
    found = 0
    for country in [*web_db.facets["countries"][:6], "NOWHERE"]:
        for page, per in [(1, 50), (2, 3)]:
            f = q.ArticleFilters(country=country, page=page, per_page=per)
            want = web_db.rows(
                f"SELECT {q._SEARCH_COLUMNS} FROM {D}.search WHERE id IN "
                f"(SELECT article_id FROM {D}.article_country WHERE country = ?) ORDER BY rank",
                [country],
            )
            got = q.articles(web_db, f)
            assert got["total"] == len(want)
            shown = [{k: v for k, v in a.items() if k != "snippet"} for a in got["items"]]
            assert shown == want[f.offset : f.offset + per], country
            found += len(shown)
    assert found > 5


def test_the_open_store_is_kept_out_of_the_garbage_collectors_walks(synthetic_db: Path) -> None:
    import gc

    from newsgraph.web.app import open_db

    gc.unfreeze()
    db = open_db(synthetic_db)
    try:
        frozen = gc.get_freeze_count()
        tracked = {id(o) for o in gc.get_objects()}
        assert frozen > 1000
        # the lists and indexes built at start-up are among the frozen, not walked again
        assert id(db.event_columns.day) not in tracked and id(db.index.by_canon) not in tracked
    finally:
        db.close()
        gc.unfreeze()


def test_the_entity_summaries_from_memory_are_what_sql_finds(web_db: WebDb) -> None:
    keys = [r["key"] for r in web_db.rows(f"SELECT key FROM {D}.entity_stats")]
    assert len(keys) > 10
    columns = "key, name, type, code, sector, mentions, articles, aliases, first_seen, last_seen"
    for key in keys:
        row = web_db.one(f"SELECT {columns} FROM {D}.entity_stats WHERE key = ?", [key])
        got = web_db.entity_rows.get(key)
        assert got == row and list(got or {}) == list(row or {})
    assert web_db.entity_rows.get("PERSON:nobody at all") is None


def test_a_long_kept_answer_goes_out_gzip_compressed_to_clients_that_accept_it() -> None:
    import gzip

    from newsgraph.web.cache import COMPRESS_AFTER, accepts_gzip

    body = b'{"text": "The minister said the talks would go on."}\n' * (COMPRESS_AFTER // 40)
    kinds = {"/long": (body, b"application/json"), "/short": (b"[]", b"application/json")}
    kinds["/png"] = (bytes(range(256)) * (COMPRESS_AFTER // 200), b"image/png")

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        payload, kind = kinds[scope["path"]]
        headers = [(b"content-type", kind), (b"content-length", str(len(payload)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": payload})

    middleware = CacheMiddleware(app, ResponseCache(), version=lambda: 1)

    def get(path: str, encoding: bytes | None) -> tuple[dict[bytes, bytes], bytes]:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        headers = [(b"accept-encoding", encoding)] if encoding is not None else []
        scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": headers}
        asyncio.run(middleware(scope, receive, send))
        return dict(sent[0]["headers"]), sent[1]["body"]

    first, made = get("/long", b"gzip, deflate")  # made now, in one piece: as a kept one goes
    headers, packed = get("/long", b"gzip, deflate")
    assert (first, made) == (headers, packed)
    assert headers[b"content-encoding"] == b"gzip" and headers[b"vary"] == b"Accept-Encoding"
    assert int(headers[b"content-length"]) == len(packed) < len(body) // 5
    assert gzip.decompress(packed) == body
    for refused in (None, b"identity", b"gzip;q=0", b"br"):
        headers, again = get("/long", refused)
        assert again == body and b"content-encoding" not in headers, refused
        assert (
            headers[b"content-length"] == str(len(body)).encode() and headers[b"vary"] == b"Accept-Encoding"
        )
    for path, payload in (("/short", b"[]"), ("/png", kinds["/png"][0])):  # short, or not text: as it is
        get(path, b"gzip")
        headers, again = get(path, b"gzip")
        assert again == payload and b"content-encoding" not in headers, path
    assert accepts_gzip({"headers": [(b"Accept-Encoding", b"deflate, GZIP;q=0.5")]})
    assert not accepts_gzip({"headers": [(b"accept-encoding", b"gzip;q=0.0")]})
