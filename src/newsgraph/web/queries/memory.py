"""The lists and indexes held in memory by the server: each list's rows in list order (taken by
rank), the events' actors and recipients, the events' filter columns, and who is in which article."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb
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
