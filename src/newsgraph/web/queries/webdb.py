"""The store opened read-only for the web app (:class:`WebDb`): its derived tables, lists in
memory, precomputed counts and facets, one DuckDB cursor per thread and a memo of aggregates."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import orjson
import pyarrow as pa

from ...extract.thresholds import DEFAULT_MIN_CONFIDENCE
from ...records import FACT_KINDS
from ...store.db import Store
from ...store.export_graph import QUADS, prepare
from .article_list import _snippet
from .memory import (
    _COUNT_COLUMNS,
    _EVENT_COLUMNS,
    _QUOTE_COLUMNS,
    _SEARCH_COLUMNS,
    Articles,
    EntityIndex,
    EventColumns,
    EventParts,
    Keyed,
    Ranked,
    _json,
)
from .tables import D, _prepare_web

log = logging.getLogger(__name__)

#: The most bytes of page data :meth:`WebDb.shared` keeps (as JSON).
SHARED_BYTES = 64 * 2**20
#: At most this many characters of folded article texts are kept (:meth:`WebDb.folded`).
FOLDED_CHARS = 16 * 2**20


class WebDb:
    """The store opened read-only for the web app, with one DuckDB cursor per thread."""

    def __init__(self, path: str | Path) -> None:
        started = time.perf_counter()
        self.path = str(path)
        self.store = Store(path, read_only=True)
        con = self.store.con
        con.execute("SET enable_progress_bar = false")
        prepare(con)
        _prepare_web(con)
        # the lists' rows in memory, in list order (taken by rank; see Ranked)
        self.event_rows = Ranked.load(con, f"{D}.events", _EVENT_COLUMNS)
        self.event_parts = EventParts.load(con)
        extra = con.execute(f"SELECT language, fact FROM {D}.events ORDER BY rank").fetchall()
        self.event_columns = EventColumns.load(
            self.event_rows, [r[0] for r in extra], [bool(r[1]) for r in extra]
        )
        self.quote_rows = Ranked.load(con, f"{D}.quotes", _QUOTE_COLUMNS)
        self.count_rows = Ranked.load(con, f"{D}.counts", _COUNT_COLUMNS)
        self.search_rows = Ranked.load(con, f"{D}.search", _SEARCH_COLUMNS)
        #: every article's page columns and fact records by list rank (the article page)
        self.articles = Articles.load(con, FACT_KINDS)
        #: every article's text by list rank - 1, in memory (UTF-8 in one Arrow column: about
        #: the size of the texts), for the search's snippets without a query
        self.texts: pa.StringArray | pa.LargeStringArray = self.articles.table.column("text").chunk(0)
        #: article id -> list rank
        self.rank_of: dict[str, int] = {
            a: i for i, a in enumerate(self.search_rows.table.column("id").to_pylist(), start=1)
        }
        #: each article's snippet when no word is searched (its first lines)
        self.leads: dict[str, str] = {a: _snippet(self.text(r), []) for a, r in self.rank_of.items()}
        # one thread per query: requests run side by side, and small queries gain nothing from more
        con.execute("SET threads = 1")
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()
        self._memo: OrderedDict[Any, Any] = OrderedDict()
        self._shared: OrderedDict[Any, bytes] = OrderedDict()
        self._shared_bytes = 0
        self._once: dict[Any, Any] = {}
        self._folded: OrderedDict[int, str] = OrderedDict()
        self._folded_chars = 0
        self.stats = self._stats()
        self.facets = self._facets()
        self.parties = self._parties()
        #: Ranks of the events below the default confidence, which the entity page leaves out.
        self.unsure = frozenset(
            r["rank"]
            for r in self.rows(
                f"SELECT rank FROM {D}.events WHERE coalesce(confidence, 1.0) < ?", [DEFAULT_MIN_CONFIDENCE]
            )
        )
        self.index = EntityIndex.build(self.cursor())
        #: the entity page's summary of every entity, by key
        self.entity_rows = Keyed.load(
            self.cursor(),
            "SELECT key, name, type, code, sector, mentions, articles, aliases, first_seen, last_seen "
            f"FROM {D}.entity_stats",
        )
        self.speaker_texts = [
            r["t"]
            for r in self.rows(
                f"SELECT DISTINCT speaker_folded AS t FROM {D}.quotes WHERE speaker_folded IS NOT NULL"
            )
        ]
        self.alias: dict[str, str] = {
            r["key"]: r["canon"] for r in self.rows(f"SELECT key, canon FROM {D}.alias")
        }
        log.info("web tables for %s ready in %.2f s", self.path, time.perf_counter() - started)

    def text(self, rank: int) -> str:
        """The text of the article of this list rank ("" when it has none)."""
        value = self.texts[rank - 1].as_py() if 1 <= rank <= len(self.texts) else None
        return value or ""

    def folded(self, rank: int, fold: Callable[[str], str]) -> str:
        """``fold(self.text(rank))``, kept for the next search that shows this article (the
        snippets fold the whole text to find the first match): at most :data:`FOLDED_CHARS`
        characters are kept, least recently used dropped first. ``fold`` must be the same
        function on every call (the search's ``fold_in_place``); a reopened store is a new
        :class:`WebDb`, so nothing folded from an old text is found."""
        with self._lock:
            found = self._folded.get(rank)
            if found is not None:
                self._folded.move_to_end(rank)
                return found
        value = fold(self.text(rank))
        with self._lock:
            if rank not in self._folded:
                self._folded[rank] = value
                self._folded_chars += len(value)
            while self._folded_chars > FOLDED_CHARS and self._folded:
                self._folded_chars -= len(self._folded.popitem(last=False)[1])
        return value

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor (DuckDB connections are not shared between threads)."""
        cur: duckdb.DuckDBPyConnection | None = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self.store.con.cursor()
            cur.execute("SET enable_progress_bar = false")
            self._local.cursor = cur
            with self._lock:
                self._cursors.append(cur)
        return cur

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a parameterised query as dicts of JSON values."""
        cur = self.cursor().execute(sql, params or [])
        names = [d[0] for d in cur.description or []]
        return [{k: _json(v) for k, v in zip(names, row, strict=True)} for row in cur.fetchall()]

    def one(self, sql: str, params: list[Any] | None = None) -> dict[str, Any] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    @contextmanager
    def relation(self, name: str, values: list[int]) -> Iterator[None]:
        """Make ``values`` readable as ``SELECT r FROM <name>`` on this thread's cursor for the
        duration of the block (an Arrow column: no per-value conversion)."""
        cur = self.cursor()
        cur.register(name, pa.table({"r": pa.array(values, pa.int32())}))
        try:
            yield
        finally:
            cur.unregister(name)

    def memo(self, key: Any, compute: Callable[[], Any], size: int = 512) -> Any:
        """``compute()``, remembered under ``key`` (the store cannot change while it is open).
        Used for aggregates over a filter set (totals, timelines, summaries, the network), so that
        paging through a list does not recompute them."""
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
        value = compute()
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > size:
                self._memo.popitem(last=False)
        return value

    def shared(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, a page's data, kept as JSON (``orjson``: compact, read back in a fraction
        of a millisecond) under ``key``: an HTML page and its JSON twin with the same filters
        compute it once between them, whichever comes first (the response cache keeps each
        answer apart: they differ in bytes). At most :data:`SHARED_BYTES` are kept, least recently
        used dropped first; a value that is not plain JSON (a key that is not a string) is not
        kept. Each call gets its own copy."""
        value, body = self.shared_entry(key, compute)
        return orjson.loads(body) if value is None and body is not None else value

    def shared_entry(self, key: Any, compute: Callable[[], Any]) -> tuple[Any, bytes | None]:
        """:meth:`shared` as ``(the value when it was computed now, else None; its JSON bytes
        when kept, else None)``: a JSON answer sends the bytes, not decoded and encoded again."""
        with self._lock:
            body = self._shared.get(key)
            if body is not None:
                self._shared.move_to_end(key)
        if body is not None:
            return None, body
        value = compute()
        if value is None:
            return None, None
        try:
            body = orjson.dumps(value)
        except TypeError:
            return value, None
        with self._lock:
            old = self._shared.pop(key, None)
            self._shared_bytes += len(body) - (len(old) if old is not None else 0)
            self._shared[key] = body
            while self._shared_bytes > SHARED_BYTES and self._shared:
                self._shared_bytes -= len(self._shared.popitem(last=False)[1])
        return value, body

    def once(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, kept for as long as the store is open: for the indexes built on first
        use (every event's place, the events by point), which :meth:`memo` would drop after 512
        newer aggregates and then build again in the middle of a request."""
        with self._lock:
            if key in self._once:
                return self._once[key]
        value = compute()
        with self._lock:
            return self._once.setdefault(key, value)

    def _parties(self) -> dict[tuple[str, str], tuple[int, ...]]:
        """Event ranks by (role, node id) and (role, actor code): who is in which event."""
        found: dict[tuple[str, str], list[int]] = {}
        cur = self.cursor().execute(f"SELECT role, node, code, ev FROM {D}.event_parts ORDER BY ev")
        while batch := cur.fetchmany(100_000):
            for role, node, code, ev in batch:
                if node:
                    found.setdefault((role, node), []).append(ev)
                if code:
                    found.setdefault((role, "code=" + code), []).append(ev)
        return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}

    def close(self) -> None:
        with self._lock:
            for cur in self._cursors:
                cur.close()
            self._cursors.clear()
        self.store.close()

    def _stats(self) -> dict[str, int]:
        names = ["documents", "articles", *FACT_KINDS, "errors", "runs"]
        sql = "SELECT " + ", ".join(f'(SELECT count(*) FROM "{n}") AS "{n}"' for n in names)
        row = self.one(sql) or {}
        return {n: int(row.get(n) or 0) for n in names}

    def _facets(self) -> dict[str, Any]:
        def values(sql: str) -> list[Any]:
            return [next(iter(r.values())) for r in self.rows(sql)]

        span = self.one(f"SELECT min(day) AS lo, max(day) AS hi FROM {D}.events") or {}
        pub = self.one("SELECT min(published) AS lo, max(published) AS hi FROM articles") or {}
        return {
            "event_types": values(
                f"SELECT DISTINCT event_type FROM {D}.events WHERE event_type IS NOT NULL ORDER BY 1"
            ),
            "quads": list(QUADS),
            "count_kinds": values(f"SELECT DISTINCT kind FROM {D}.counts ORDER BY 1"),
            "entity_types": values(
                f"SELECT DISTINCT type FROM {D}.entity_stats WHERE type IS NOT NULL ORDER BY 1"
            ),
            "countries": values(f"SELECT DISTINCT country FROM {D}.article_country ORDER BY 1"),
            "quote_kinds": values(f"SELECT DISTINCT kind FROM {D}.quotes WHERE kind IS NOT NULL ORDER BY 1"),
            "languages": values(
                f"SELECT DISTINCT language FROM {D}.search WHERE language IS NOT NULL ORDER BY 1"
            ),
            "first_day": min((d for d in (span.get("lo"), pub.get("lo")) if d), default=None),
            "last_day": max((d for d in (span.get("hi"), pub.get("hi")) if d), default=None),
        }
