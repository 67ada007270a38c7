"""The web app's reads. Every HTML page and its JSON twin call the same function here; each takes
the :class:`WebDb` and a filter model and returns plain JSON values (dates as ISO strings).

The store is opened read-only. At start-up a few derived tables are built in an in-memory
database attached as ``derived`` (see :mod:`newsgraph.store.export_graph`): normalised events,
quotes and counts, every word of every article for the search, each article's countries, and every
fact record indexed by article; the rows of the lists are also held in memory in list order
(:class:`Ranked`). Writers cannot change the store under a running server (DuckDB locks the
file); when the file is replaced, :mod:`newsgraph.web.db` opens a new :class:`WebDb`."""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
import threading
import time
import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..extract.thresholds import DEFAULT_MIN_CONFIDENCE
from ..records import FACT_KINDS
from ..resolve.entities import fold
from ..store.db import Store, column, columns
from ..store.export_graph import DERIVED, NON_WORD, QUADS, actor_network, name_pattern, prepare

log = logging.getLogger(__name__)

D = DERIVED
MAX_PER_PAGE = 200

_EVENT_JSON = (
    '{"event_type": "VARCHAR", "mode": "VARCHAR", "quad": "VARCHAR", "cameo": "VARCHAR", '
    '"date": "VARCHAR", "negated": "BOOLEAN", "confidence": "DOUBLE", '
    '"location": {"name": "VARCHAR", "country": "VARCHAR"}, '
    '"sentence": {"start": "INTEGER", "end": "INTEGER"}}'
)
_QUOTE_JSON = (
    '{"kind": "VARCHAR", "cue": {"text": "VARCHAR"}, "speaker": "VARCHAR", "speaker_text": "VARCHAR"}'
)
_COUNT_JSON = (
    '{"value": "BIGINT", "number_text": "VARCHAR", "qualifier": "VARCHAR", "kind": "VARCHAR", '
    '"object": {"text": "VARCHAR"}, "unit": "VARCHAR"}'
)


def _prepare_web(con: duckdb.DuckDBPyConnection) -> None:
    """The web app's derived tables, read from each fact's ``record`` (the contract's JSON form).
    Each has an integer ``rank`` in its list order, so pages sort and join on integers, and
    carries its article's title, so that no page joins another table."""
    # stories and clusters (docs/stories.md): copies' facts left out, clusters' counts on events
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    stories = "article_stories" in tables
    not_copy = (
        "{} NOT IN (SELECT article_id FROM article_stories WHERE duplicate_of IS NOT NULL)"
        if stories
        else "TRUE"
    )
    clustered = "event_clusters" in tables
    clusters = (
        "LEFT JOIN event_cluster_members cm ON cm.article_id = e.article_id AND cm.n = e.n "
        "LEFT JOIN event_clusters cl ON cl.cluster_id = cm.cluster_id"
        if clustered
        else ""
    )
    counts = (
        "cl.cluster_id, cl.num_mentions, cl.num_articles, cl.num_sources,"
        if clustered
        else "NULL::VARCHAR AS cluster_id, NULL::INTEGER AS num_mentions, NULL::INTEGER AS num_articles, "
        "NULL::INTEGER AS num_sources,"
    )
    links = (
        "st.story_id, st.duplicate_of, st.reason AS duplicate_reason"
        if stories
        else "NULL::VARCHAR AS story_id, NULL::VARCHAR AS duplicate_of, NULL::VARCHAR AS duplicate_reason"
    )
    stories_join = "LEFT JOIN article_stories st ON st.article_id = articles.id" if stories else ""
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.events AS
        SELECT (row_number() OVER (ORDER BY day DESC NULLS LAST, article_id, n))::INTEGER AS rank, *
        FROM (
            SELECT e.article_id, e.n, e.start, e."end", e.text, r.event_type, r.mode, r.quad, r.cameo,
                   TRY_CAST(r.date AS DATE) AS date, coalesce(TRY_CAST(r.date AS DATE), a.published) AS day,
                   r.location.name AS place, r.location.country AS country,
                   coalesce(r.negated, false) AS negated, r.confidence, a.published, a.title, {counts}
                   CASE WHEN r.sentence.start IS NOT NULL AND r.sentence."end" IS NOT NULL
                        THEN substr(a.text, r.sentence.start + 1, r.sentence."end" - r.sentence.start)
                   END AS sentence
            FROM (SELECT *, from_json(record, '{_EVENT_JSON}') AS r FROM events) e
            JOIN articles a ON a.id = e.article_id {clusters}
            WHERE {not_copy.format("e.article_id")})
        ORDER BY rank"""
    )
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.event_parts AS
        SELECT e.rank AS ev, p.role, p.ni, p.node, p.key, p.code, p.text, p.start, st.name
        FROM {D}.parts p JOIN {D}.events e ON e.article_id = p.article_id AND e.n = p.n
        LEFT JOIN {D}.entity_stats st ON st.key = p.key
        ORDER BY ev, p.start"""
    )
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.quotes AS
        SELECT (row_number() OVER (ORDER BY published DESC NULLS LAST, article_id, n))::INTEGER AS rank, *
        FROM (
            SELECT q.article_id, q.n, q.start, q."end", q.text, r.kind, r.cue.text AS cue, r.speaker,
                   r.speaker_text, s.canon AS speaker_key, s.name AS speaker_name, s.code AS speaker_code,
                   a.published, a.title, strip_accents(lower(q.text)) AS folded,
                   ' ' || trim(regexp_replace(strip_accents(lower(concat_ws(' ', s.name, r.speaker_text))),
                                              '{NON_WORD}', ' ', 'g')) || ' ' AS speaker_folded
            FROM (SELECT *, from_json(record, '{_QUOTE_JSON}') AS r FROM quotes) q
            JOIN articles a ON a.id = q.article_id
            LEFT JOIN {D}.ents s ON s.article_id = q.article_id AND s.eid = r.speaker
            WHERE {not_copy.format("q.article_id")})
        ORDER BY rank"""
    )
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.counts AS
        SELECT (row_number() OVER (ORDER BY value DESC NULLS LAST, published DESC NULLS LAST,
                                   article_id, n))::INTEGER AS rank, *
        FROM (
            SELECT c.article_id, c.n, c.start, c."end", c.text, r.value, r.number_text, r.qualifier,
                   coalesce(r.kind, 'other') AS kind, r.object.text AS object, r.unit, a.published, a.title
            FROM (SELECT *, from_json(record, '{_COUNT_JSON}') AS r FROM counts) c
            JOIN articles a ON a.id = c.article_id
            WHERE {not_copy.format("c.article_id")})
        ORDER BY rank"""
    )
    have = columns(con, "articles")
    relevance = column(have, "relevance", "NULL::DOUBLE")  # NULL: an older store
    language, skipped = column(have, "language", "NULL::VARCHAR"), column(have, "skipped", "NULL::VARCHAR")
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.search AS
        SELECT (row_number() OVER (ORDER BY published DESC NULLS LAST, id))::INTEGER AS rank,
               id, title, source, published, n_words, {relevance} AS relevance,
               {language} AS language, {skipped} AS skipped, {links}
        FROM articles {stories_join} ORDER BY rank"""
    )
    # every word of every article once, sorted: a word-prefix search reads a few row groups
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.terms AS
        SELECT DISTINCT term, rank FROM (
            SELECT s.rank, unnest(regexp_split_to_array(
                       strip_accents(lower(coalesce(a.title, '') || ' ' || a.text)), '{NON_WORD}')) AS term
            FROM articles a JOIN {D}.search s ON s.id = a.id)
        WHERE term <> '' ORDER BY term"""
    )
    # every fact record with its article, indexed: the article page reads one article's facts
    # through the index instead of scanning the six fact tables of the store
    union = " UNION ALL ".join(
        f"SELECT article_id, '{kind}' AS kind, n, record FROM {kind}" for kind in FACT_KINDS
    )
    con.execute(f"CREATE OR REPLACE TABLE {D}.facts AS {union}")
    con.execute(f"CREATE INDEX IF NOT EXISTS facts_article ON {D}.facts (article_id)")
    con.execute(f"CREATE INDEX IF NOT EXISTS ents_article ON {D}.ents (article_id)")
    con.execute(f"CREATE INDEX IF NOT EXISTS entity_stats_key ON {D}.entity_stats (key)")
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.article_country AS
        SELECT DISTINCT article_id, code AS country FROM {D}.ents WHERE code IS NOT NULL
        UNION
        SELECT DISTINCT article_id, record->>'country' FROM places WHERE record->>'country' IS NOT NULL"""
    )


@dataclass(slots=True)
class EntityIndex:
    """Who is in which article, in memory, for the entity page (a scan of ``ents`` per request
    would cost more than all its other queries together)."""

    #: canonical key -> (article id, name as written, roles JSON) per entity record
    by_canon: dict[str, list[tuple[str, str, str]]]
    #: article id -> the distinct canonical keys it mentions
    canons_of: dict[str, tuple[str, ...]]
    #: article id -> (list rank, title, source, published ISO date)
    articles: dict[str, tuple[int, str | None, str, str | None]]
    #: canonical key -> (name, type)
    names: dict[str, tuple[str, str | None]]

    @classmethod
    def build(cls, cur: duckdb.DuckDBPyConnection) -> EntityIndex:
        by_canon: dict[str, list[tuple[str, str, str]]] = {}
        canons: dict[str, dict[str, None]] = {}
        cur.execute(f"SELECT article_id, canon, name, roles FROM {D}.ents WHERE canon IS NOT NULL")
        while batch := cur.fetchmany(50_000):
            for article_id, canon, name, roles in batch:
                by_canon.setdefault(canon, []).append((article_id, name, roles or "[]"))
                canons.setdefault(article_id, {})[canon] = None
        articles = {
            r[0]: (r[1], r[2], r[3], r[4].isoformat() if r[4] else None)
            for r in cur.execute(f"SELECT id, rank, title, source, published FROM {D}.search").fetchall()
        }
        names = {
            r[0]: (r[1], r[2])
            for r in cur.execute(f"SELECT key, name, type FROM {D}.entity_stats").fetchall()
        }
        return cls(by_canon, {a: tuple(c) for a, c in canons.items()}, articles, names)


#: The columns each list shows, in the order of its JSON items (read by :class:`Ranked`).
_EVENT_COLUMNS = (
    'rank, article_id, n, start, "end", text, event_type, quad, mode, date, day, place, country, '
    "negated, confidence, sentence, title, cluster_id, num_mentions, num_articles, num_sources"
)
_PART_COLUMNS = "ev, role, node, key, code, text, name"
_QUOTE_COLUMNS = (
    'article_id, n, start, "end", text, kind, cue, speaker_text, speaker_name, speaker_key, '
    "speaker_code, published, title"
)
_COUNT_COLUMNS = (
    'article_id, n, start, "end", text, value, number_text, qualifier, kind, object, unit, published, title'
)
_SEARCH_COLUMNS = (
    "id, title, source, published, n_words, relevance, language, skipped, story_id, duplicate_of, "
    "duplicate_reason"
)


@dataclass(slots=True)
class Ranked:
    """A derived list held in memory (an Arrow table) in list order, so that a page of it is
    taken by position instead of queried: the row of rank ``r`` is row ``r - 1``."""

    table: pa.Table

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, source: str, columns: str) -> Ranked:
        table = con.sql(f"SELECT {columns} FROM {source} ORDER BY rank").to_arrow_table()
        for i, f in enumerate(table.schema):  # dates as ISO strings once, as _json would per row
            if pa.types.is_date(f.type):
                table = table.set_column(i, f.name, table.column(i).cast(pa.string()))
            elif not (
                pa.types.is_primitive(f.type) or pa.types.is_string(f.type) or pa.types.is_null(f.type)
            ):
                raise TypeError(f"{source}.{f.name}: a list keeps only plain columns, not {f.type}")
        return cls(table.combine_chunks())  # one chunk: ``take`` on many would cost milliseconds

    def __len__(self) -> int:
        return int(self.table.num_rows)

    def page(self, offset: int, limit: int) -> list[int]:
        """The ranks of one page of the whole list."""
        return list(range(offset + 1, min(len(self), offset + limit) + 1))

    def take(self, ranks: list[int]) -> list[dict[str, Any]]:
        """The rows of these ranks, in this order, as dicts of JSON values."""
        if not ranks:
            return []
        rows: list[dict[str, Any]] = self.table.take(pa.array([r - 1 for r in ranks], pa.int64())).to_pylist()
        return rows


@dataclass(slots=True)
class EventParts:
    """Every event's actors and recipients in memory, in the order of ``event_parts``."""

    table: pa.Table
    #: event rank -> (first row, row after the last)
    spans: dict[int, tuple[int, int]]

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> EventParts:
        table = con.sql(f"SELECT {_PART_COLUMNS} FROM {D}.event_parts ORDER BY rowid").to_arrow_table()
        table = table.combine_chunks()
        spans: dict[int, tuple[int, int]] = {}
        for i, ev in enumerate(table.column("ev").to_pylist()):
            lo, _ = spans.get(ev, (i, i))
            spans[ev] = (lo, i + 1)
        return cls(table, spans)

    def of(self, ranks: list[int]) -> list[dict[str, Any]]:
        """The parts of these events, event by event."""
        rows = [i for r in ranks for i in range(*self.spans.get(r, (0, 0)))]
        if not rows:
            return []
        found: list[dict[str, Any]] = self.table.take(pa.array(rows, pa.int64())).to_pylist()
        return found  # plain strings and integers: nothing to convert


@dataclass(slots=True)
class EventColumns:
    """The columns the events page filters on, as lists by rank - 1, for filtering the events of
    an actor or recipient without a query. Same semantics as the SQL (a NULL matches nothing,
    a missing confidence counts as 1)."""

    event_type: list[str | None]
    quad: list[str | None]
    country: list[str | None]
    confidence: list[float | None]
    day: list[str | None]
    #: False when a day is before the year 1000, where ISO strings and strftime part ways
    usable: bool

    @classmethod
    def load(cls, rows: Ranked) -> EventColumns:
        t = rows.table
        day = t.column("day").to_pylist()
        usable = all(d is None or d >= "1000" for d in day)
        return cls(
            t.column("event_type").to_pylist(),
            t.column("quad").to_pylist(),
            t.column("country").to_pylist(),
            t.column("confidence").to_pylist(),
            day,
            usable,
        )

    def select(self, f: EventFilters, party: set[int], bucket: str) -> tuple[list[int], list[dict[str, Any]]]:
        """The ranks among ``party`` matching the filters, in order, and the timeline's cells
        (events per ``bucket`` of their day, type and class, ordered by bucket and type)."""
        etype = f.type.upper() if f.type else None
        quad = f.quad.lower() if f.quad else None
        country = f.country.upper() if f.country else None
        lo = f.date_from.isoformat() if f.date_from else None
        hi = f.date_to.isoformat() if f.date_to else None
        width = {"day": 10, "month": 7, "year": 4}[bucket]
        ranks: list[int] = []
        cells: Counter[tuple[str, str | None, str | None]] = Counter()
        for r in sorted(party):
            i = r - 1
            if not 0 <= i < len(self.day):
                continue
            if etype is not None and self.event_type[i] != etype:
                continue
            if quad is not None and self.quad[i] != quad:
                continue
            if country is not None and self.country[i] != country:
                continue
            conf = self.confidence[i]
            if f.min_confidence > 0 and (1.0 if conf is None else conf) < f.min_confidence:
                continue
            day = self.day[i]
            if (lo is not None or hi is not None) and (
                day is None or (lo is not None and day < lo) or (hi is not None and day > hi)
            ):
                continue
            ranks.append(r)
            if day is not None:
                cells[(day[:width], self.event_type[i], self.quad[i])] += 1
        ordered = sorted(
            cells.items(), key=lambda kv: (kv[0][0], kv[0][1] is None, kv[0][1] or "", kv[0][2] or "")
        )
        cols = ("bucket", "event_type", "quad")
        return ranks, [{**dict(zip(cols, key, strict=True)), "events": n} for key, n in ordered]


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
        self.event_columns = EventColumns.load(self.event_rows)
        self.quote_rows = Ranked.load(con, f"{D}.quotes", _QUOTE_COLUMNS)
        self.count_rows = Ranked.load(con, f"{D}.counts", _COUNT_COLUMNS)
        self.search_rows = Ranked.load(con, f"{D}.search", _SEARCH_COLUMNS)
        #: each article's snippet when no word is searched (its first lines)
        self.leads: dict[str, str] = {}
        found = con.execute("SELECT id, text FROM articles")
        while batch := found.fetchmany(5_000):
            self.leads.update((article_id, _snippet(text or "", [])) for article_id, text in batch)
        # one thread per query: requests run side by side, and small queries gain nothing from more
        con.execute("SET threads = 1")
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()
        self._memo: OrderedDict[Any, Any] = OrderedDict()
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


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    return value


def fold_query(text: str) -> str:
    """Lower case without accents, as the folded search columns are."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


# -- filter models (query parameters of both the page and its JSON twin) ---------------------


class _Form(BaseModel):
    """Query parameters; an empty form field means no filter; an unknown parameter is an error."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


class Paging(_Form):
    """Page number and size; every list is paginated."""

    page: int = Field(default=1, ge=1, le=1_000_000, description="Page number, from 1.")
    per_page: int = Field(
        default=50, ge=1, le=MAX_PER_PAGE, description=f"Rows per page (at most {MAX_PER_PAGE})."
    )

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


class DateRange(Paging):
    date_from: dt.date | None = Field(default=None, description="From this date (YYYY-MM-DD), inclusive.")
    date_to: dt.date | None = Field(default=None, description="To this date (YYYY-MM-DD), inclusive.")


class ArticleFilters(DateRange):
    q: str | None = Field(
        default=None,
        max_length=200,
        description="Words that must all occur in the title or text (as words or word beginnings).",
    )
    source: str | None = Field(default=None, max_length=200, description="Source contains this.")
    country: str | None = Field(
        default=None, max_length=12, description="An entity with this actor code, or a place in this country."
    )
    entity: str | None = Field(
        default=None, max_length=300, description="Mentions this entity (store key or name)."
    )
    min_relevance: float | None = Field(
        default=None,
        ge=0,
        le=1,
        allow_inf_nan=False,
        description="Only articles at least this much about public affairs, from 0 to 1 (none: every "
        "article; articles stored without a relevance count as 1).",
    )
    language: str | None = Field(
        default=None, max_length=12, description="Only articles in this language (ISO 639-1: en, de; und)."
    )


class EntityFilters(Paging):
    q: str | None = Field(default=None, max_length=200, description="Name or alias contains this.")
    type: str | None = Field(default=None, max_length=20, description="PERSON, ORG, GPE, NORP, ...")
    country: str | None = Field(
        default=None, max_length=12, description="Actor code (ISO alpha-3 or IGO code)."
    )


class QuoteFilters(DateRange):
    q: str | None = Field(default=None, max_length=200, description="Quote text contains this.")
    speaker: str | None = Field(
        default=None, max_length=200, description="Speaker's name or words contain this."
    )
    speaker_key: str | None = Field(
        default=None, max_length=300, description="Speaker is this entity (store key)."
    )
    country: str | None = Field(default=None, max_length=12, description="Speaker's actor code.")
    kind: str | None = Field(default=None, max_length=20, description="direct, indirect or mixed.")


class EventFilters(DateRange):
    actor: str | None = Field(
        default=None, max_length=300, description="An actor: entity key, actor code or name."
    )
    recipient: str | None = Field(default=None, max_length=300, description="A recipient: key, code or name.")
    type: str | None = Field(
        default=None, max_length=20, description="PLOVER event type (ASSAULT, AGREE, ...)."
    )
    quad: str | None = Field(default=None, max_length=30, description="Quad class (material conflict, ...).")
    country: str | None = Field(default=None, max_length=12, description="Country of the event's location.")
    min_confidence: float = Field(
        default=DEFAULT_MIN_CONFIDENCE,
        ge=0,
        le=1,
        allow_inf_nan=False,
        description=f"Only events at least this likely to be right, from 0 to 1 (default "
        f"{DEFAULT_MIN_CONFIDENCE}; 0: every event; events stored without a confidence count as 1).",
    )

    @field_validator("min_confidence", mode="before")
    @classmethod
    def _blank_is_default(cls, value: Any) -> Any:
        return (
            DEFAULT_MIN_CONFIDENCE
            if value is None or (isinstance(value, str) and not value.strip())
            else value
        )


class CountFilters(DateRange):
    kind: str | None = Field(
        default=None, max_length=20, description="killed, wounded, displaced, money, ..."
    )
    unit: str | None = Field(default=None, max_length=12, description="percent or a currency code (USD).")
    q: str | None = Field(
        default=None, max_length=200, description="The count's words or object contain this."
    )


class NetworkFilters(_Form):
    date_from: dt.date | None = Field(
        default=None, description="From this date (event date, else article date)."
    )
    date_to: dt.date | None = Field(default=None, description="To this date, inclusive.")
    type: str | None = Field(
        default=None, max_length=20, description="One event type, or QUOTE for quotes only."
    )
    quad: str | None = Field(
        default=None, max_length=30, description="One quad class, or quote for quotes only."
    )
    min_weight: int = Field(default=1, ge=1, le=1_000_000, description="Only edges at least this heavy.")
    limit: int = Field(default=150, ge=1, le=2000, description="The heaviest edges to return (at most 2000).")


def _page(items: list[dict[str, Any]], total: int, f: Paging) -> dict[str, Any]:
    return {
        "items": items,
        "total": total,
        "page": f.page,
        "per_page": f.per_page,
        "pages": max(1, math.ceil(total / f.per_page)),
    }


def _total(
    db: WebDb, source: str, cond: str, params: list[Any], rows: list[Any], f: Paging, extra: Any = None
) -> int:
    """The number of rows matching: counted apart, since a window count over a sorted result
    costs more than a second scan; not counted at all when the first page holds them all.
    ``extra`` tells apart conditions that read more than ``params`` (a registered relation)."""
    if f.offset == 0 and len(rows) < f.per_page:
        return len(rows)
    sql = f"SELECT count(*) AS n FROM {source} WHERE {cond}"
    found = db.memo(("total", sql, _hashable(params), extra), lambda: db.one(sql, params))
    return int(found["n"]) if found else 0


def _ranks(
    db: WebDb, rows: Ranked, source: str, rank: str, cond: str, params: list[Any], f: Paging
) -> list[int]:
    """The ranks of one page of a list: by position when nothing is filtered, else by a query
    that reads only the filtered columns and the rank (the rows are then taken from memory)."""
    if cond == "1 = 1":
        return rows.page(f.offset, f.per_page)
    found = db.cursor().execute(
        f"SELECT {rank} FROM {source} WHERE {cond} ORDER BY {rank} LIMIT ? OFFSET ?",
        [*params, f.per_page, f.offset],
    )
    return [r[0] for r in found.fetchall()]


def _hashable(params: list[Any]) -> tuple[Any, ...]:
    return tuple(tuple(p) if isinstance(p, list) else p for p in params)


def _dates(where: list[str], params: list[Any], f: DateRange, column: str) -> None:
    if f.date_from:
        where.append(f"{column} >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append(f"{column} <= ?")
        params.append(f.date_to)


# -- pages -----------------------------------------------------------------------------------


def overview(db: WebDb) -> dict[str, Any]:
    """Row counts, the most mentioned entities and the latest articles."""
    return {
        "stats": db.stats,
        "top_entities": db.rows(
            f"SELECT key, name, type, code, mentions, articles FROM {D}.entity_stats "
            "ORDER BY mentions DESC, key LIMIT 12"
        ),
        "latest": db.rows(f"SELECT id, title, source, published FROM {D}.search ORDER BY rank LIMIT 10"),
        "facets": db.facets,
    }


def articles(db: WebDb, f: ArticleFilters) -> dict[str, Any]:
    """Articles, newest first, filtered; each with a short snippet (around the first search word)."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    terms = fold(f.q or "").split()[:8]
    for term in terms:  # a word of the title or text starts with each term
        where.append(f"s.rank IN (SELECT rank FROM {D}.terms WHERE term >= ? AND term < ?)")
        params.extend([term, term + "\U0010ffff"])
    if f.source:
        where.append("s.source ILIKE ?")
        params.append(f"%{f.source}%")
    if f.country:
        where.append(f"s.id IN (SELECT article_id FROM {D}.article_country WHERE country = ?)")
        params.append(f.country.upper())
    if f.entity:
        where.append(f"s.id IN (SELECT article_id FROM {D}.ents WHERE canon IN ({_entity_keys_sql()}))")
        params.extend(_entity_keys_params(f.entity))
    if f.min_relevance is not None and f.min_relevance > 0:
        where.append("coalesce(s.relevance, 1.0) >= ?")
        params.append(f.min_relevance)
    if f.language:
        where.append("s.language = ?")
        params.append(f.language.strip().lower())
    _dates(where, params, f, "s.published")
    cond = " AND ".join(where)
    rows = db.search_rows.take(_ranks(db, db.search_rows, f"{D}.search s", "s.rank", cond, params, f))
    total = _total(db, f"{D}.search s", cond, params, rows, f)
    if not terms:  # the first lines, made at start-up
        for r in rows:
            r["snippet"] = db.leads.get(r["id"], "")
        return _page(rows, total, f)
    texts = _texts(db, [r["id"] for r in rows])
    for r in rows:
        r["snippet"] = _snippet(texts.get(r["id"]) or "", terms)
    return _page(rows, total, f)


def _texts(db: WebDb, ids: list[str]) -> dict[str, str]:
    """The texts of some articles by id."""
    if not ids:
        return {}
    rows = db.rows(
        "SELECT id, text FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [sorted(set(ids))]
    )
    return {r["id"]: r["text"] for r in rows}


def _snippet(text: str, terms: list[str], width: int = 240) -> str:
    low = text.lower()
    found = (m.start() for t in terms if (m := re.search(r"(?<!\w)" + re.escape(t), low)))
    at = min(found, default=0)
    start = max(0, at - 60)
    piece = " ".join(text[start : start + width].split())
    return ("… " if start else "") + piece + (" …" if start + width < len(text) else "")


def _entity_keys_sql() -> str:
    return (
        f"SELECT key FROM {D}.entity_stats WHERE key = ? "
        f"OR key = (SELECT canon FROM {D}.alias WHERE key = ?) OR contains(folded, ?)"
    )


def _entity_keys_params(value: str) -> list[Any]:
    # a key matches itself; anything else is looked for in names and aliases
    return [value, value, name_pattern(value) if ":" not in value else "\x00"]


def article(db: WebDb, article_id: str) -> dict[str, Any] | None:
    """One article with all its facts (records in the contract's form); entities also carry their
    store-wide ``canon`` key."""
    found = db.one(
        "SELECT a.id, a.source, a.url, a.title, a.published, a.published_from, a.authors, a.text, "
        "a.captions, a.credits, a.headings, a.n_words, a.doc_hash, s.relevance, s.language, s.skipped "
        f"FROM articles a JOIN {D}.search s ON s.id = a.id WHERE a.id = ?",
        [article_id],
    )
    if found is None:
        return None
    facts: dict[str, list[dict[str, Any]]] = {kind: [] for kind in FACT_KINDS}
    for kind, record in (
        db.cursor()
        .execute(f"SELECT kind, record FROM {D}.facts WHERE article_id = ? ORDER BY kind, n", [article_id])
        .fetchall()
    ):
        facts[kind].append(json.loads(record))
    canon = {
        r["eid"]: r["canon"]
        for r in db.rows(f"SELECT eid, canon FROM {D}.ents WHERE article_id = ?", [article_id])
    }
    for e in facts["entities"]:
        e["canon"] = canon.get(e.get("id"), e.get("key"))
    return {"article": found, "facts": facts}


def entities(db: WebDb, f: EntityFilters) -> dict[str, Any]:
    """Entities across the store, most mentioned first."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if f.q:
        where.append("contains(folded, ?)")
        params.append(name_pattern(f.q))
    if f.type:
        where.append("type = ?")
        params.append(f.type.upper())
    if f.country:
        where.append("code = ?")
        params.append(f.country.upper())
    cond = " AND ".join(where)
    rows = db.rows(
        f"SELECT key, name, type, code, sector, mentions, articles, aliases, first_seen, last_seen "
        f"FROM {D}.entity_stats WHERE {cond} ORDER BY mentions DESC, key LIMIT ? OFFSET ?",
        [*params, f.per_page, f.offset],
    )
    return _page(rows, _total(db, f"{D}.entity_stats", cond, params, rows, f), f)


def canonical_key(db: WebDb, key: str) -> str:
    """The store-wide key ``key`` stands for (a surname-only person key: the full name's)."""
    return db.alias.get(key, key)


def entity(db: WebDb, key: str, *, limit: int = 20) -> dict[str, Any] | None:
    """One entity: names, aliases, roles over time, quotes, events as actor and as recipient,
    the entities it is mentioned with, and the latest articles naming it (each list the first
    ``limit`` with its total)."""
    key = canonical_key(db, key)
    info = db.one(
        f"SELECT key, name, type, code, sector, mentions, articles, aliases, first_seen, last_seen "
        f"FROM {D}.entity_stats WHERE key = ?",
        [key],
    )
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
        for role in json.loads(roles_json or "[]"):
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
    shared: Counter[str] = Counter()
    for article_id in article_ids:
        shared.update(index.canons_of[article_id])
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


def quotes(db: WebDb, f: QuoteFilters) -> dict[str, Any]:
    """Quotes with their speakers and articles, newest article first."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if f.q:
        where.append("contains(q.folded, ?)")
        params.append(fold_query(f.q))
    if f.speaker:
        # matched against the few distinct speakers first, so the quotes are filtered by equality
        pattern = name_pattern(f.speaker)
        keys = list(_keys_named(db, pattern))
        said = list(db.memo(("said", pattern), lambda: tuple(t for t in db.speaker_texts if pattern in t)))
        where.append(
            "(q.speaker_key IN (SELECT unnest(?::VARCHAR[])) "
            "OR q.speaker_folded IN (SELECT unnest(?::VARCHAR[])))"
        )
        params.extend([keys, said])
    if f.speaker_key:
        where.append("q.speaker_key = ?")
        params.append(canonical_key(db, f.speaker_key))
    if f.country:
        where.append("q.speaker_code = ?")
        params.append(f.country.upper())
    if f.kind:
        where.append("q.kind = ?")
        params.append(f.kind.lower())
    _dates(where, params, f, "q.published")
    cond = " AND ".join(where)
    rows = db.quote_rows.take(_ranks(db, db.quote_rows, f"{D}.quotes q", "q.rank", cond, params, f))
    return _page(rows, _total(db, f"{D}.quotes q", cond, params, rows, f), f)


def _keys_named(db: WebDb, pattern: str) -> tuple[str, ...]:
    """The keys of the entities whose names or aliases hold ``pattern`` (a scan of every entity:
    remembered, since the same names and codes are asked for again and again)."""
    sql = f"SELECT key FROM {D}.entity_stats WHERE contains(folded, ?)"
    found: tuple[str, ...] = db.memo(
        ("named", pattern), lambda: tuple(r["key"] for r in db.rows(sql, [pattern]))
    )
    return found


def _party_ranks(db: WebDb, role: str, value: str) -> set[int]:
    """Ranks of the events with ``value`` among their actors or recipients (``role``): a node id
    or entity key (a surname-only key counts as its full name), an actor code, or, without a
    colon, words of any entity's name or alias."""
    nodes = {value, canonical_key(db, value)}
    if ":" not in value:
        nodes.update(_keys_named(db, name_pattern(value)))
    found: set[int] = set(db.parties.get((role, "code=" + value.upper()), ()))
    for node in nodes:
        found.update(db.parties.get((role, node), ()))
    return found


def _bucket(db: WebDb, f: DateRange) -> str:
    lo = f.date_from or _date(db.facets.get("first_day"))
    hi = f.date_to or _date(db.facets.get("last_day"))
    if lo is None or hi is None:
        return "month"
    days = (hi - lo).days
    return "day" if days <= 92 else "month" if days <= 5 * 366 else "year"


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _events_by_rank(db: WebDb, ranks: list[int]) -> list[dict[str, Any]]:
    """Events by their list rank, in rank order (each once), with actors, recipients and the
    sentence; taken from the lists held in memory."""
    ranks = sorted({r for r in ranks if 1 <= r <= len(db.event_rows)})
    rows = db.event_rows.take(ranks)
    by_event: dict[int, list[dict[str, Any]]] = {}
    for p in db.event_parts.of(ranks):
        by_event.setdefault(p.pop("ev"), []).append(p)
    for r in rows:
        found = by_event.get(r.pop("rank"), [])
        r["actors"] = [p for p in found if p["role"] == "actor"]
        r["recipients"] = [p for p in found if p["role"] == "recipient"]
    return rows


def event_filter(db: WebDb, f: EventFilters) -> tuple[str, list[Any], set[int] | None]:
    """The events list's filters as ``(condition on derived.events e, its parameters, the ranks of
    the events of the actor and recipient asked for, or None)``: the condition reads those ranks
    from the relation ``_party``, which the caller registers (:meth:`WebDb.relation`). A filter
    with a ``party`` (the map's: an actor or a recipient) narrows them too."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    party: set[int] | None = None
    if f.actor:
        party = _party_ranks(db, "actor", f.actor)
    if f.recipient:
        found = _party_ranks(db, "recipient", f.recipient)
        party = found if party is None else party & found
    either = getattr(f, "party", None)
    if either:
        found = _party_ranks(db, "actor", either) | _party_ranks(db, "recipient", either)
        party = found if party is None else party & found
    if party is not None:
        # many thousands of ranks: passed as an Arrow column, cheaper than a list parameter
        where.append("e.rank IN (SELECT r FROM _party)")
    if f.type:
        where.append("e.event_type = ?")
        params.append(f.type.upper())
    if f.quad:
        where.append("e.quad = ?")
        params.append(f.quad.lower())
    if f.country:
        where.append("e.country = ?")
        params.append(f.country.upper())
    if f.min_confidence > 0:
        where.append("coalesce(e.confidence, 1.0) >= ?")
        params.append(f.min_confidence)
    _dates(where, params, f, "e.day")
    return " AND ".join(where), params, party


def events(db: WebDb, f: EventFilters, *, timeline: bool = True) -> dict[str, Any]:
    """Events, newest first, with their actors and recipients; with ``timeline``, also the number
    of events per date bucket and type, and per type."""
    cond, params, party = event_filter(db, f)
    parties = (f.actor, f.recipient)
    cells: list[dict[str, Any]] | None
    if party is not None and db.event_columns.usable:
        # the events of an actor or recipient are few: filtered in memory, without a query
        ranks, matched = db.event_columns.select(f, party, _bucket(db, f))
        rows = _events_by_rank(db, ranks[f.offset : f.offset + f.per_page])
        total, cells = len(ranks), matched if timeline else None
    else:
        with db.relation("_party", sorted(party or ())):
            page = db.rows(
                f"SELECT e.rank FROM {D}.events e WHERE {cond} ORDER BY e.rank LIMIT ? OFFSET ?",
                [*params, f.per_page, f.offset],
            )
            rows = _events_by_rank(db, [r["rank"] for r in page])
            if timeline:  # the timeline's cells count the events: no second count
                cells, total = _timeline(db, f, cond, params, parties)
            else:
                cells, total = None, _total(db, f"{D}.events e", cond, params, rows, f, parties)
    out = _page(rows, total, f)
    if cells is not None:
        out["bucket"] = _bucket(db, f)
        buckets: dict[str, dict[str, Any]] = {}
        types: dict[str, int] = {}
        for c in cells:
            b = buckets.setdefault(
                c["bucket"], {"bucket": c["bucket"], "events": 0, "by_quad": {}, "by_type": {}}
            )
            b["events"] += c["events"]
            b["by_type"][c["event_type"]] = c["events"]
            if c["quad"]:
                b["by_quad"][c["quad"]] = b["by_quad"].get(c["quad"], 0) + c["events"]
            types[c["event_type"]] = types.get(c["event_type"], 0) + c["events"]
        out["timeline"] = list(buckets.values())
        out["types"] = dict(sorted(types.items(), key=lambda kv: (-kv[1], str(kv[0]))))
    return out


def _timeline(
    db: WebDb, f: DateRange, cond: str, params: list[Any], extra: Any
) -> tuple[list[dict[str, Any]], int]:
    """Events per date bucket, type and class for the events matching ``cond`` (those without a
    day are left out), and the number of all the events matching it."""
    bucket = _bucket(db, f)
    sql = f"""SELECT strftime(b, '{_BUCKET_FORMAT[bucket]}') AS bucket, event_type, quad, events FROM (
                SELECT date_trunc('{bucket}', e.day) AS b, e.event_type, e.quad, count(*) AS events
                FROM {D}.events e WHERE {cond} GROUP BY ALL)
            ORDER BY b, event_type"""
    cells: list[dict[str, Any]] = db.memo(
        ("timeline", sql, _hashable(params), extra), lambda: db.rows(sql, params)
    )
    total = sum(c["events"] for c in cells)
    return [c for c in cells if c["bucket"] is not None], total


_BUCKET_FORMAT = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def counts(db: WebDb, f: CountFilters) -> dict[str, Any]:
    """Counts (casualties, people, money, percentages) with their articles, largest first, and a
    summary per kind and unit over the same date range."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    _dates(where, params, f, "c.published")
    summary_sql = f"""SELECT c.kind, c.unit, count(*) AS counts, count(DISTINCT c.article_id) AS articles,
                   sum(c.value)::BIGINT AS total, max(c.value) AS largest
            FROM {D}.counts c WHERE {" AND ".join(where)} GROUP BY ALL ORDER BY counts DESC, kind"""
    summary_params = list(params)
    summary = db.memo(
        ("summary", summary_sql, _hashable(summary_params)), lambda: db.rows(summary_sql, summary_params)
    )
    if f.kind:
        where.append("c.kind = ?")
        params.append(f.kind.lower())
    if f.unit:
        where.append("c.unit = ?")
        params.append(f.unit.upper() if f.unit.lower() != "percent" else "percent")
    if f.q:
        where.append("(contains(lower(c.text), ?) OR contains(lower(coalesce(c.object, '')), ?))")
        params.extend([f.q.lower(), f.q.lower()])
    cond = " AND ".join(where)
    rows = db.count_rows.take(_ranks(db, db.count_rows, f"{D}.counts c", "c.rank", cond, params, f))
    out = _page(rows, _total(db, f"{D}.counts c", cond, params, rows, f), f)
    out["summary"] = summary
    return out


def network(db: WebDb, f: NetworkFilters) -> dict[str, Any]:
    """The actor network (see :func:`newsgraph.store.export_graph.actor_network`)."""

    def compute() -> dict[str, Any]:
        net = actor_network(
            db.cursor(),
            date_from=f.date_from,
            date_to=f.date_to,
            type=f.type,
            quad=f.quad,
            min_weight=f.min_weight,
            limit=f.limit,
        )
        return {**net.as_dict(), "limit": f.limit}

    result: dict[str, Any] = db.memo(("network", f.model_dump_json()), compute, size=512)
    return result
