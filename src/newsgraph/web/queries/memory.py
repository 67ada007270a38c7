"""The lists and indexes held in memory by the server: each list's rows in list order (taken by
rank), the events' actors and recipients, the events' filter columns, and who is in which article."""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import duckdb
import numpy as np
import numpy.typing as npt
import orjson
import pyarrow as pa

from .tables import D

if TYPE_CHECKING:
    from .forms import EventFilters


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
    "speaker_code, confidence, published, title"
)
_COUNT_COLUMNS = (
    'article_id, n, start, "end", text, value, number_text, qualifier, kind, object, unit, confidence, '
    "published, title"
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

    def columns(self, ranks: list[int]) -> tuple[list[str], list[list[Any]]]:
        """The rows of these ranks, in this order, column by column: the columns' names and each
        one's values (JSON values, as :meth:`take` gives them); a CSV download writes them so."""
        part = self.table.take(np.asarray(ranks, np.int64) - 1)
        return part.column_names, [c.to_pylist() for c in part.columns]


def _json(value: Any) -> Any:
    """A value read from the store as JSON (dates as ISO strings, in lists and objects too)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    return value


#: The article page's columns of an article, in the order its JSON gives them.
_ARTICLE_COLUMNS = (
    "a.id, a.source, a.url, a.title, a.published, a.published_from, a.authors, a.text, a.captions, "
    "a.credits, a.headings, a.n_words, a.doc_hash"
)


@dataclass(slots=True)
class Articles:
    """Every article's page columns (text included) and fact records, in memory by list rank:
    the article page reads no query (two point queries cost it about 2.5 ms of CPU). The records
    stay the store's JSON text, one Arrow column in (article rank, kind, n) order, about the
    size of the records (190 MB at 10,000 articles)."""

    table: pa.Table
    facts: pa.Table
    #: rank r's records are rows ``starts[r - 1]`` to ``starts[r]`` of ``facts``
    starts: npt.NDArray[np.int64]

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, kinds: Iterable[str]) -> Articles:
        table = con.sql(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN {D}.search s ON s.id = a.id ORDER BY s.rank"
        ).to_arrow_table()
        union = " UNION ALL ".join(
            f"SELECT article_id, '{kind}' AS kind, n, record FROM {kind}" for kind in kinds
        )
        facts = con.sql(
            f"""SELECT s.rank, f.kind, f.record FROM ({union}) f JOIN {D}.search s ON s.id = f.article_id
                ORDER BY s.rank, f.kind, f.n"""
        ).to_arrow_table()
        rank = facts.column("rank").to_numpy()
        starts = np.searchsorted(rank, np.arange(1, table.num_rows + 2), side="left").astype(np.int64)
        return cls(table.combine_chunks(), facts.select(["kind", "record"]).combine_chunks(), starts)

    def row(self, rank: int) -> dict[str, Any]:
        """The page columns of the article of this list rank, as JSON values."""
        return {k: _json(v) for k, v in self.table.slice(rank - 1, 1).to_pylist()[0].items()}

    def records(self, rank: int) -> list[tuple[str, Any]]:
        """(kind, record) of every fact of the article of this list rank, by kind and n."""
        lo, hi = int(self.starts[rank - 1]), int(self.starts[rank])
        part = self.facts.slice(lo, hi - lo)
        kinds, records = part.column(0).to_pylist(), part.column(1).to_pylist()
        return [(k, _record(r)) for k, r in zip(kinds, records, strict=True)]


def _record(text: str) -> Any:
    """A stored record: ``orjson`` reads it (several times faster), ``json`` what it refuses
    (``NaN``, integers past 64 bits)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


@dataclass(slots=True)
class Keyed:
    """Rows of a table in memory, one per key, found by key (the entity page's summary: a point
    query cost about 1 ms of CPU)."""

    table: pa.Table
    at: dict[str, int]

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, sql: str) -> Keyed:
        table = con.sql(sql).to_arrow_table().combine_chunks()
        return cls(table, {k: i for i, k in enumerate(table.column(0).to_pylist())})

    def get(self, key: str) -> dict[str, Any] | None:
        """The row of ``key`` as JSON values, or None."""
        i = self.at.get(key)
        if i is None:
            return None
        return {k: _json(v) for k, v in self.table.slice(i, 1).to_pylist()[0].items()}


@dataclass(slots=True)
class EventParts:
    """Every event's actors and recipients in memory, in the order of ``event_parts``."""

    table: pa.Table
    #: event rank -> (first row, row after the last)
    spans: dict[int, tuple[int, int]]
    #: the table's rows as tuples (equal strings one object: the same roles, codes and names
    #: recur), so that a page's parts are taken without Arrow or a conversion per request
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> EventParts:
        table = con.sql(f"SELECT {_PART_COLUMNS} FROM {D}.event_parts ORDER BY rowid").to_arrow_table()
        table = table.combine_chunks()
        spans: dict[int, tuple[int, int]] = {}
        for i, ev in enumerate(table.column("ev").to_pylist()):
            lo, _ = spans.get(ev, (i, i))
            spans[ev] = (lo, i + 1)
        seen: dict[Any, Any] = {}
        columns = [[seen.setdefault(v, v) for v in c.to_pylist()] for c in table.columns]
        return cls(table, spans, list(zip(*columns, strict=True)))

    def of(self, ranks: list[int]) -> list[dict[str, Any]]:
        """The parts of these events, event by event (each a new dict)."""
        names = self.table.column_names
        rows = self.rows
        return [
            dict(zip(names, rows[i], strict=True)) for r in ranks for i in range(*self.spans.get(r, (0, 0)))
        ]

    def labels(self, ranks: list[int]) -> tuple[list[str], list[str]]:
        """Each of these events' actors and its recipients as one text each, as a CSV download
        writes them: each one's name, else its words, else its code, joined with ``; `` (without
        making a dict of each part)."""
        rows, spans = self.rows, self.spans
        actors: list[str] = []
        recipients: list[str] = []
        for r in ranks:
            mine: list[str] = []
            theirs: list[str] = []
            for i in range(*spans.get(r, (0, 0))):
                _, role, _, _, code, text, name = rows[i]
                label = name or text or code or ""
                if role == "actor":
                    mine.append(label)
                elif role == "recipient":
                    theirs.append(label)
            actors.append("; ".join(mine))
            recipients.append("; ".join(theirs))
        return actors, recipients


def _codes(values: list[str | None]) -> tuple[npt.NDArray[np.int32], list[str]]:
    """Each value's index in the sorted distinct values (-1 for None), and those values."""
    distinct = sorted({v for v in values if v is not None})
    at = {v: i for i, v in enumerate(distinct)}
    return np.array([-1 if v is None else at[v] for v in values], np.int32), distinct


@dataclass(slots=True)
class EventColumns:
    """The columns the events page filters on, by rank - 1: as lists, and as arrays (values as
    codes) that select the events of any filter without a query, in a few vectorised steps.
    Same semantics as the SQL (a NULL matches nothing, a missing confidence counts as 1)."""

    event_type: list[str | None]
    quad: list[str | None]
    country: list[str | None]
    confidence: list[float | None]
    day: list[str | None]
    #: each event's article's language (None: not known)
    language: list[str | None]
    #: whether each event is reported as having happened (not negated, hypothetical or future)
    fact: npt.NDArray[np.bool_]
    #: False when a day is before the year 1000, where ISO strings and strftime part ways
    usable: bool
    #: the same as codes: ``types[type_code[i]]`` is ``event_type[i]`` (-1: None) ...
    type_code: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    types: list[str] = field(default_factory=list)
    quad_code: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    quads: list[str] = field(default_factory=list)
    country_code: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    countries: list[str] = field(default_factory=list)
    language_code: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    languages: list[str] = field(default_factory=list)
    #: ... a missing confidence as 1, a day as its ordinal (0: none), its month and year
    sure: npt.NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    ordinal: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    month: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    year: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))

    @classmethod
    def load(cls, rows: Ranked, language: list[str | None], fact: list[bool]) -> EventColumns:
        """The columns of ``rows`` (the events list), ``language`` (each event's article's language)
        and ``fact`` (whether it is reported as having happened), in list order."""
        t = rows.table
        day = t.column("day").to_pylist()
        usable = all(d is None or d >= "1000" for d in day)
        event_type, quad, country = (t.column(c).to_pylist() for c in ("event_type", "quad", "country"))
        confidence = t.column("confidence").to_pylist()
        out = cls(event_type, quad, country, confidence, day, language, np.array(fact, np.bool_), usable)
        out.type_code, out.types = _codes(event_type)
        out.quad_code, out.quads = _codes(quad)
        out.country_code, out.countries = _codes(country)
        out.language_code, out.languages = _codes(language)
        out.sure = np.array([1.0 if c is None else c for c in confidence], np.float64)
        if usable:
            dates = [dt.date.fromisoformat(d) if d else None for d in day]
            out.ordinal = np.array([d.toordinal() if d else 0 for d in dates], np.int32)
            out.month = np.array([d.year * 12 + d.month - 1 if d else -1 for d in dates], np.int32)
            out.year = np.array([d.year if d else -1 for d in dates], np.int32)
        return out

    def mask(self, f: EventFilters, party: Iterable[int] | None = None) -> npt.NDArray[np.bool_]:
        """Which events (by rank - 1) the filters select, among ``party`` (ranks) when given."""
        n = len(self.day)
        if party is None:
            keep = np.ones(n, np.bool_)
        else:
            keep = np.zeros(n, np.bool_)
            found = np.fromiter(party, np.int64) - 1
            keep[found[(found >= 0) & (found < n)]] = True
        for value, codes, values in (
            (f.type.upper() if f.type else None, self.type_code, self.types),
            (f.quad.lower() if f.quad else None, self.quad_code, self.quads),
            (f.country.upper() if f.country else None, self.country_code, self.countries),
            (f.language, self.language_code, self.languages),
        ):
            if value is not None:
                at = bisect.bisect_left(values, value)
                keep &= codes == (at if at < len(values) and values[at] == value else -2)
        if f.min_confidence > 0:
            keep &= self.sure >= f.min_confidence
        if f.facts_only:
            keep &= self.fact
        if f.date_from or f.date_to:
            keep &= self.ordinal > 0
            if f.date_from:
                keep &= self.ordinal >= f.date_from.toordinal()
            if f.date_to:
                keep &= self.ordinal <= f.date_to.toordinal()
        return keep

    def select(
        self, f: EventFilters, party: Iterable[int] | None, bucket: str
    ) -> tuple[list[int], list[dict[str, Any]]]:
        """The ranks matching the filters (among ``party``, when given), in order, and the
        timeline's cells (events per ``bucket`` of their day, type and class, ordered by bucket
        and type)."""
        ranks, cells = self.select_array(f, party, bucket)
        return ranks.tolist(), cells

    def select_array(
        self, f: EventFilters, party: Iterable[int] | None, bucket: str
    ) -> tuple[npt.NDArray[np.int64], list[dict[str, Any]]]:
        """:meth:`select` with the ranks as an array (4 bytes a rank to keep, not 36)."""
        chosen = np.flatnonzero(self.mask(f, party))
        by = {"day": self.ordinal, "month": self.month, "year": self.year}[bucket]
        values = by[chosen]
        dated = values >= (1 if bucket == "day" else 0)
        nt, nq = len(self.types) + 1, len(self.quads) + 1
        values = values[dated]
        key = (self.type_code[chosen[dated]] + 1) * nq + (self.quad_code[chosen[dated]] + 1)
        cells: list[dict[str, Any]] = []
        if len(values):
            low = int(values.min())
            key = (values.astype(np.int64) - low) * (nt * nq) + key
            counts = np.bincount(key)  # the span of a timeline's buckets is small
            found = np.flatnonzero(counts)
            for k, n in zip(found.tolist(), counts[found].tolist(), strict=True):
                b, rest = divmod(k, nt * nq)
                t, qd = divmod(rest, nq)
                cells.append(
                    {
                        "bucket": _bucket_name(bucket, b + low),
                        "event_type": self.types[t - 1] if t else None,
                        "quad": self.quads[qd - 1] if qd else None,
                        "events": n,
                    }
                )
        cells.sort(
            key=lambda c: (c["bucket"], c["event_type"] is None, c["event_type"] or "", c["quad"] or "")
        )
        return (chosen + 1).astype(np.int32), cells


def _bucket_name(bucket: str, value: int) -> str:
    """A timeline bucket as the ISO text it starts with (day, ``YYYY-MM`` or ``YYYY``)."""
    if bucket == "day":
        return dt.date.fromordinal(value).isoformat()
    if bucket == "month":
        return f"{value // 12:04d}-{value % 12 + 1:02d}"
    return f"{value:04d}"
