"""Downloads of every list as CSV and JSON (``/api/<list>.csv``, ``/api/<list>.json``): every row
the filters select, not one page, with the list's own parameters (``page`` and ``per_page`` are
ignored). Streamed: the lists held in memory (quotes, events, counts) find the ranks of every
row the filters select with one query (an Arrow column, 4 bytes a row) and take the rows a chunk at
a time from memory; the others (articles, entities, the network's edges) read a page at a time
through the list's own function. Each row is written as it comes (JSON: ``orjson`` row by row),
so a download of 100,000 rows never holds them all.

A download that comes to less than :data:`STREAM_AFTER` bytes is answered in one piece, from the
one thread its request runs on (with a length, and kept by the response cache like any page); a
larger one streams the rest, each further piece made on a thread of its own small pool
(:data:`DOWNLOAD_THREADS`), so that it neither waits behind the pages' requests for every piece
nor holds their threads.

CSV cells that a spreadsheet would run as a formula are defused
(:func:`~newsgraph.store.csvsafe.safe_cell`, as in every CSV newsgraph writes)."""

# no `from __future__ import annotations`: the routes made in a loop need their filter model
# itself in their annotations, not its name

import csv
import io
import operator
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

import anyio
import anyio.to_thread
import numpy as np
import orjson
import pyarrow as pa
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response, StreamingResponse

from ..store.csvsafe import safe_cell
from . import netview, params, search
from . import queries as q
from .api import Db
from .queries import WebDb

router = APIRouter(prefix="/api", tags=["downloads"])

#: Rows read per query (or taken from memory) while streaming.
CHUNK = 1000
#: A download up to this many bytes is answered in one piece; past it, the rest is streamed.
STREAM_AFTER = 1 << 20
#: The most bytes of single rows kept per list and format (:class:`RowBytes`).
KEPT_BYTES = 64 << 20
#: Ranks per block of rows made at start-up (:meth:`RowBytes.fill`).
BLOCK = 1024
#: Threads making the pieces of streamed downloads, per server process (apart from the pages').
DOWNLOAD_THREADS = 2


def cell(value: Any) -> str:
    """One value of a JSON row as a CSV cell: lists joined with ``; `` (actors by name), objects
    as JSON, booleans as true/false, nothing as an empty cell."""
    kind = type(value)
    if kind is str:  # most cells: only those starting as a formula would are looked at again
        return str(safe_cell(value)) if value[:1] in _FORMULA_FIRST else value
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if kind is int or kind is float:
        return repr(value)
    if isinstance(value, list):
        parts = [
            (v.get("name") or v.get("text") or v.get("code") or "") if isinstance(v, dict) else str(v)
            for v in value
        ]
        return str(safe_cell("; ".join(parts)))
    if isinstance(value, dict):
        return str(safe_cell(orjson.dumps(value).decode()))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return str(safe_cell(str(value)))


#: The first characters of a cell :func:`~newsgraph.store.csvsafe.safe_cell` may change.
_FORMULA_FIRST = frozenset("=+-@\t\r\n|%")
#: Values the CSV writer writes as :func:`cell` would (None as an empty cell, numbers by repr).
_PLAIN = frozenset({type(None), int, float})
#: Columns of texts (and nothing), whose first characters are looked at with :data:`_FIRST`.
_TEXT = frozenset({type(None), str})
_FIRST = operator.itemgetter(slice(0, 1))


def _cells(values: list[Any]) -> list[Any]:
    """:func:`cell` of each of a column's values, looking at the column as a whole first: in most
    columns every value is plain text, a number or nothing, which the CSV writer writes as
    :func:`cell` would, and only the texts that start as a formula would are changed (a call per
    cell cost about half of a download's CPU)."""
    kinds = set(map(type, values))
    if kinds <= _PLAIN:
        return values
    if kinds <= _TEXT:  # texts and nothing: their first characters looked at in C, not a loop
        formula = not _FORMULA_FIRST.isdisjoint(map(_FIRST, filter(None, values)))
    else:
        formula = any(type(v) is str and v[:1] in _FORMULA_FIRST for v in values)
    if kinds <= _PLAIN | {str} and not formula:
        return values
    return [cell(v) for v in values]


@dataclass(frozen=True, slots=True)
class View:
    """A list that can be downloaded: its filters, a function reading one page, and its columns
    (the keys of its JSON rows, for the header of an empty download)."""

    filters: type[q._Form]
    read: Callable[[WebDb, Any], dict[str, Any]]
    columns: tuple[str, ...]
    paged: bool = True
    #: For a list held in memory: the ranks of every row the filters select, in list order ...
    ranks: Callable[[WebDb, Any], pa.Array] | None = None
    #: ... and the rows of some of those ranks, in that order, as the list's items hold them.
    take: Callable[[WebDb, list[int]], list[dict[str, Any]]] | None = None
    #: ... and the same rows column by column for a CSV (names, and each column's values as
    #: :func:`cell` would read them from the rows): no dict per row
    columns_of: Callable[[WebDb, list[int]], tuple[list[str], list[list[Any]]]] | None = None


def _network_edges(db: WebDb, f: netview.NetworkView) -> dict[str, Any]:
    return {"items": netview.network(db, f)["edges"]}


VIEWS: dict[str, View] = {
    "articles": View(
        search.ArticleSearch,
        search.articles,
        ("id", "title", "source", "published", "n_words", "relevance", "snippet"),
    ),
    "entities": View(
        q.EntityFilters,
        q.entities,
        (
            "key",
            "name",
            "type",
            "code",
            "sector",
            "mentions",
            "articles",
            "aliases",
            "first_seen",
            "last_seen",
            "confidence",
        ),
    ),
    "quotes": View(
        q.QuoteFilters,
        q.quotes,
        (
            "article_id",
            "n",
            "start",
            "end",
            "text",
            "kind",
            "cue",
            "speaker_text",
            "speaker_name",
            "speaker_key",
            "speaker_code",
            "confidence",
            "published",
            "title",
        ),
        ranks=q.quote_ranks,
        take=lambda db, ranks: db.quote_rows.take(ranks),
        columns_of=lambda db, ranks: db.quote_rows.columns(ranks),
    ),
    "events": View(
        q.EventFilters,
        lambda db, f: q.events(db, f, timeline=False),
        (
            "article_id",
            "n",
            "start",
            "end",
            "text",
            "event_type",
            "quad",
            "mode",
            "date",
            "day",
            "place",
            "country",
            "negated",
            "confidence",
            "sentence",
            "title",
            "actors",
            "recipients",
        ),
        ranks=q.event_ranks,
        take=q._events_by_rank,
        columns_of=q._event_columns,
    ),
    "counts": View(
        q.CountFilters,
        q.counts,
        (
            "article_id",
            "n",
            "start",
            "end",
            "text",
            "value",
            "number_text",
            "qualifier",
            "kind",
            "object",
            "unit",
            "confidence",
            "published",
            "title",
        ),
        ranks=q.count_ranks,
        take=lambda db, ranks: db.count_rows.take(ranks),
        columns_of=lambda db, ranks: db.count_rows.columns(ranks),
    ),
    "network": View(
        netview.NetworkView,
        _network_edges,
        ("source", "target", "weight", "quad", "n_events", "n_quotes", "by_quad", "types"),
        paged=False,
    ),
}


def rows(db: WebDb, view: str, f: Any) -> Iterator[list[dict[str, Any]]]:
    """Every row of ``view`` that ``f`` selects, in the list's order, a chunk at a time."""
    spec = VIEWS[view]
    if spec.ranks is not None and spec.take is not None:
        ranks = spec.ranks(db, f)  # one query; the rows come from memory
        for at in range(0, len(ranks), CHUNK):
            yield spec.take(db, ranks[at : at + CHUNK].to_pylist())
        return
    if not spec.paged:
        yield spec.read(db, f)["items"]
        return
    page = 1
    while True:
        chunk = spec.read(db, f.model_copy(update={"page": page, "per_page": CHUNK}))["items"]
        if chunk:
            yield chunk
        if len(chunk) < CHUNK:
            return
        page += 1


def columns(db: WebDb, view: str, f: Any) -> Iterator[tuple[list[str], list[list[Any]]]]:
    """Every row of ``view`` that ``f`` selects, a chunk at a time, column by column: the names
    of the columns (those of the first row) and each one's values. A list held in memory gives
    its columns as they are (no dict per row); the others' rows are read and split."""
    spec = VIEWS[view]
    if spec.ranks is not None and spec.columns_of is not None:
        ranks = spec.ranks(db, f)
        for at in range(0, len(ranks), CHUNK):
            yield spec.columns_of(db, ranks[at : at + CHUNK].to_pylist())
        return
    header: list[str] | None = None
    for chunk in rows(db, view, f):
        if header is None:
            header = list(chunk[0])
        yield header, [[r.get(k) for r in chunk] for k in header]


class RowBytes:
    """The bytes of single rows of a list held in memory, as a download writes them (a CSV line
    with its line end, or a JSON object), by list rank, kept for as long as the store is open
    (one per list and format in :meth:`WebDb.once`). A download of rows kept is a join of bytes,
    without an Arrow ``take``, a dict or a cell per value. A row's bytes depend only on the row
    (the CSV writer and ``orjson`` write each row alone), so the joined rows are the bytes a
    download made in one piece would be.

    :meth:`fill` makes every row at start-up, in blocks of :data:`BLOCK` ranks, each one bytes
    object and its rows' offsets (a bytes object per row, made among the temporary objects of
    their making, left about five times their size in memory that Python could not give back);
    a row not made then is made the first time a download needs it and kept alone. At most
    :data:`KEPT_BYTES` are kept per list and format (every event as CSV: about 33 MB at 10,000
    articles); past that, rows are made and not kept."""

    def __init__(self, db: WebDb, view: str, fmt: str) -> None:
        self.db, self.view, self.fmt = db, view, fmt
        #: block number -> (its rows' bytes, joined; where each row starts, and the end)
        self.blocks: dict[int, tuple[bytes, list[int]]] = {}
        #: rows made one by one, by rank
        self.rows: dict[int, bytes] = {}
        self.bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many rows are kept."""
        return sum(len(ends) - 1 for _, ends in self.blocks.values()) + len(self.rows)

    def _kept(self, rank: int) -> bytes | None:
        found = self.blocks.get((rank - 1) // BLOCK)
        if found is None:
            return self.rows.get(rank)
        blob, ends = found
        at = (rank - 1) % BLOCK
        return blob[ends[at] : ends[at + 1]]

    def get(self, ranks: list[int]) -> list[bytes]:
        """The bytes of these rows (distinct ranks, in list order), in this order."""
        got = [self._kept(r) for r in ranks]
        missing = [r for r, b in zip(ranks, got, strict=True) if b is None]
        if not missing:
            return got  # type: ignore[return-value]
        made = self._make(missing)
        with self._lock:
            if self.bytes < KEPT_BYTES:
                self.rows.update(made)
                self.bytes += sum(map(len, made.values()))
        return [made[r] if b is None else b for r, b in zip(ranks, got, strict=True)]

    def fill(self) -> int:
        """Make and keep every row of the list not in a block yet, a block at a time, until
        :data:`KEPT_BYTES`; returns how many rows were made."""
        n = len(list_rows(self.db, self.view))
        done = 0
        for block in range((n + BLOCK - 1) // BLOCK):
            if self.bytes >= KEPT_BYTES:
                break
            if block in self.blocks:
                continue
            ranks = list(range(block * BLOCK + 1, min(n, (block + 1) * BLOCK) + 1))
            made = self._make(ranks)
            ends = [0]
            for r in ranks:
                ends.append(ends[-1] + len(made[r]))
            blob = b"".join(made[r] for r in ranks)
            with self._lock:
                self.blocks[block] = (blob, ends)
                self.bytes += len(blob)
                for r in ranks:
                    self.bytes -= len(self.rows.pop(r, b""))
            done += len(ranks)
        return done

    def _make(self, ranks: list[int]) -> dict[int, bytes]:
        spec = VIEWS[self.view]
        if self.fmt == "json":
            assert spec.take is not None
            return {r: orjson.dumps(row) for r, row in zip(ranks, spec.take(self.db, ranks), strict=True)}
        assert spec.columns_of is not None
        _, values = spec.columns_of(self.db, ranks)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        made = {}
        for r, row in zip(ranks, zip(*map(_cells, values), strict=True), strict=True):
            writer.writerow(row)
            made[r] = out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
        return made


def row_bytes(db: WebDb, view: str, fmt: str) -> RowBytes:
    """The :class:`RowBytes` of ``view`` in ``fmt`` (``csv`` or ``json``) for this store."""
    found: RowBytes = db.once(("download rows", view, fmt), lambda: RowBytes(db, view, fmt))
    return found


def _kept_chunks(db: WebDb, view: str, f: Any, fmt: str) -> Iterator[list[bytes]] | None:
    """For a list held in memory, every row the filters select as its bytes (:class:`RowBytes`),
    a chunk at a time; None for the other lists."""
    spec = VIEWS[view]
    if spec.ranks is None or spec.take is None or spec.columns_of is None:
        return None
    ranks = spec.ranks(db, f).to_numpy(zero_copy_only=False)
    if len(ranks) and (ranks[0] < 1 or ranks[-1] > len(list_rows(db, view)) or (np.diff(ranks) <= 0).any()):
        return None  # not distinct ranks of the list in its order: made row by row as before
    kept = row_bytes(db, view, fmt)

    def chunks() -> Iterator[list[bytes]]:
        for at in range(0, len(ranks), CHUNK):
            yield kept.get(ranks[at : at + CHUNK].tolist())

    return chunks()


def list_rows(db: WebDb, view: str) -> Any:
    """The rows in memory of a list that has them (events, quotes, counts)."""
    return {"events": db.event_rows, "quotes": db.quote_rows, "counts": db.count_rows}[view]


def csv_lines(db: WebDb, view: str, f: Any) -> Iterator[bytes]:
    """The CSV download, a chunk of rows per piece (UTF-8, header first)."""
    kept = _kept_chunks(db, view, f, "csv")
    if kept is not None:
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerow(empty_header(db, view))
        head = out.getvalue().encode("utf-8")
        for lines in kept:
            yield head + b"".join(lines)
            head = b""
        if head:
            yield head
        return
    header: list[str] | None = None
    for names, values in columns(db, view, f):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        if header is None:
            header = names
            writer.writerow(header)
        writer.writerows(zip(*map(_cells, values), strict=True))
        yield out.getvalue().encode("utf-8")
    if header is None:
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerow(empty_header(db, view))
        yield out.getvalue().encode("utf-8")


def empty_header(db: WebDb, view: str) -> list[str]:
    """The header of a download with no rows: the columns a list held in memory gives (the
    same, in the same order, as when rows match), else the view's own column list."""
    spec = VIEWS[view]
    if spec.columns_of is not None:
        return spec.columns_of(db, [])[0]
    return list(spec.columns)


def json_lines(db: WebDb, view: str, f: Any) -> Iterator[bytes]:
    """The JSON download: one array of the list's rows, as the list's ``items`` hold them."""
    yield b"["
    first = True
    kept = _kept_chunks(db, view, f, "json")
    if kept is not None:
        for lines in kept:
            body = b",".join(lines)
            yield body if first else b"," + body
            first = False
        yield b"]\n"
        return
    for chunk in rows(db, view, f):
        body = orjson.dumps(chunk)[1:-1]  # the rows, comma between: one call for the chunk
        yield body if first else b"," + body
        first = False
    yield b"]\n"


def respond(request: Request, pieces: Iterator[bytes], media_type: str, filename: str) -> Response:
    """The answer of a download: its pieces are made here (on the request's thread) up to
    :data:`STREAM_AFTER` bytes; when they end before, one plain answer, else the pieces so far
    followed by the rest, streamed."""
    headers = {"content-disposition": f'attachment; filename="{filename}"'}
    head: list[bytes] = []
    size = 0
    for piece in pieces:
        head.append(piece)
        size += len(piece)
        if size >= STREAM_AFTER:
            limiter = getattr(request.app.state, "download_limiter", None)
            return StreamingResponse(_rest(head, pieces, limiter), media_type=media_type, headers=headers)
    return Response(b"".join(head), media_type=media_type, headers=headers)


async def _rest(
    head: list[bytes], pieces: Iterator[bytes], limiter: anyio.CapacityLimiter | None
) -> AsyncIterator[bytes]:
    for part in head:
        yield part
    head.clear()

    def following() -> bytes | None:
        return next(pieces, None)

    while True:
        piece: bytes | None = await anyio.to_thread.run_sync(following, limiter=limiter)
        if piece is None:
            return
        yield piece


def _add(view: str) -> None:
    spec = VIEWS[view]
    model = spec.filters

    def download_csv(request: Request, db: Db, f: Annotated[model, Query()]) -> Response:  # type: ignore[valid-type]
        params.check(db, f, view=view)
        return respond(request, csv_lines(db, view, f), "text/csv; charset=utf-8", f"{view}.csv")

    def download_json(request: Request, db: Db, f: Annotated[model, Query()]) -> Response:  # type: ignore[valid-type]
        params.check(db, f, view=view)
        return respond(request, json_lines(db, view, f), "application/json", f"{view}.json")

    router.add_api_route(
        f"/{view}.csv",
        download_csv,
        methods=["GET"],
        summary=f"Every {view} row the filters select, as CSV (streamed)",
        response_class=StreamingResponse,
    )
    router.add_api_route(
        f"/{view}.json",
        download_json,
        methods=["GET"],
        summary=f"Every {view} row the filters select, as one JSON array (streamed)",
        response_class=StreamingResponse,
    )


for _view in VIEWS:
    _add(_view)
