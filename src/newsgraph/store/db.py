"""The embedded DuckDB store: documents, articles, one table per fact kind, errors and runs.

Writes go through Arrow tables in one transaction per batch, so a process killed mid-run loses
nothing already committed, and the next run skips what is stored (documents and articles are
keyed by content hash)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import (
    DamagedStoreError,
    NewerStoreError,
    NewsgraphError,
    StoreError,
    StoreWriteError,
)
from ..records import FACT_KINDS, Article, Document, ErrorRecord, Heading, SourceMap
from .checks import check_file, one_line
from .rows import (
    ARTICLE_EXTRA,
    ERROR_EXTRA,
    FACT_EXTRA,
    articles_table,
    documents_table,
    errors_table,
    facts_table,
    now,
)

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
DEFAULT_DB = "newsgraph.duckdb"


def store_files(db: str | Path) -> tuple[Path, Path]:
    """The files a store at ``db`` writes: the database and its write-ahead log. A run leaves
    them out of its inputs, so ``newsgraph ingest . --db here.duckdb`` does not read its own
    store as news."""
    path = Path(db)
    return path, path.with_name(path.name + ".wal")


#: Settings of every connection: DuckDB never installs nor loads an extension by itself (there is
#: no network at run time, and a foreign file must not make it fetch a scanner).
CONNECT_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}


def _fact_ddl(kind: str) -> str:
    """A fact table. It has no primary key: a DuckDB key is an index (ART) that a connection
    inserting into the table holds in memory whole, and the fact tables have ~90 rows per article
    (~15 KB of index per article: 1.5 GB at 100,000 articles), so the memory of a long ingest would
    grow with the store. A fact row is written only with its article, in the same transaction,
    when the article itself is new (:meth:`Store.write_tables`), which keeps ``(article_id, n)``
    unique as the key did. Stores made before session 13 keep their keys; both kinds are written
    alike."""
    return (
        f'CREATE TABLE IF NOT EXISTS {kind} (article_id VARCHAR, n INTEGER, "start" INTEGER, '
        f'"end" INTEGER, text VARCHAR, record JSON)'
    )


def columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    """Column names of a table of the store's main database."""
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND table_name = ?",
        [table],
    ).fetchall()
    return {r[0] for r in rows}


def column(have: set[str], name: str, fallback: str) -> str:
    """The typed column ``name`` when the table has it, else the SQL expression ``fallback`` (which
    reads the ``record`` JSON, or is NULL): a store written by an older version and opened
    read-only lacks the columns added since."""
    return f'"{name}"' if name in have else fallback


@dataclass(frozen=True, slots=True)
class Run:
    """One row of ``runs``: the counts are those committed, batch by batch."""

    run_id: int
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    command: str | None
    n_articles: int
    n_errors: int

    @property
    def status(self) -> str:
        return "finished" if self.finished_at is not None else "interrupted"

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "started_at": self.started_at.isoformat(sep=" ") if self.started_at else None,
            "finished_at": self.finished_at.isoformat(sep=" ") if self.finished_at else None,
            "command": self.command,
            "n_articles": self.n_articles,
            "n_errors": self.n_errors,
            "status": self.status,
        }


class Store:
    """A newsgraph DuckDB database.

    >>> with Store(":memory:") as store:
    ...     store.stats()["articles"]
    0
    """

    def __init__(
        self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, memory_limit: str | None = None
    ) -> None:
        """``memory_limit``: DuckDB's ``memory_limit`` for this connection ("1GB"; None or "": DuckDB's
        default, 80% of the machine's memory). DuckDB keeps the blocks of tables it has read or
        written in memory until it reaches its limit, so without one a long ingest's memory grows
        with the store (about 9 MB per 1,000 articles); the runners pass the setting
        ``store_memory_limit``."""
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}: run `newsgraph ingest` first")
        check_file(self.path)
        self._config = {**CONNECT_CONFIG, "memory_limit": memory_limit} if memory_limit else CONNECT_CONFIG
        try:
            self.con = duckdb.connect(self.path, read_only=read_only, config=self._config)
        except duckdb.Error as exc:
            message = one_line(exc)
            damaged = any(m in message.lower() for m in ("corrupt", "could not read enough bytes"))
            error = DamagedStoreError if damaged else StoreError
            raise error(f"cannot open {self.path}: {message}") from None
        try:
            self.schema_version = self._schema_version()
            if not read_only:
                self._check_writable_version()
                self._ensure_schema()
        except BaseException:
            self.con.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc is None:
            self.close()
        else:  # the error in flight is the one to report
            with contextlib.suppress(NewsgraphError):
                self.close()

    def close(self) -> None:
        """Close the store; a store open for writing is checkpointed first, and a checkpoint that
        fails (disk full) raises :class:`StoreWriteError`: what was committed is safe in the
        write-ahead log, which the next opening folds in."""
        if self.read_only or self.path == ":memory:":
            self.con.close()
            return
        try:
            self.con.execute("CHECKPOINT")
        except duckdb.Error as exc:
            self.con.close()
            raise StoreWriteError(
                f"{self.path} could not be checkpointed: {one_line(exc)}. What was committed is kept "
                f"in {self.path}.wal; free disk space, and the next command that opens the store "
                "folds it in"
            ) from None
        self.con.close()

    def reopen(self) -> None:
        """Checkpoint a store open for writing, close it and open it again: DuckDB gives back what
        it held for the writes so far (the rows appended since the last checkpoint, the blocks it
        cached, its allocator's spare memory), which a long ingest's memory would otherwise gain
        with every transaction: about 30 MB after the first 256 bench articles, given back here
        (docs/scale.md). Runs do it every time they link stories (``runner.local.LINK_EVERY``).
        A store in memory or open read-only is left as it is."""
        if self.read_only or self.path == ":memory:":
            return
        self.close()
        try:
            self.con = duckdb.connect(self.path, config=self._config)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path} again: {one_line(exc)}") from None

    def _schema_version(self) -> str | None:
        """The store's ``schema_version`` (None for a new, empty database)."""
        try:
            if "meta" not in self.tables():
                return None
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error as exc:
            raise DamagedStoreError(f"{self.path} cannot be read: {one_line(exc)}") from None
        return str(row[0]) if row else None

    def _check_writable_version(self) -> None:
        """Refuse to write to a store of a schema version this code does not know (reading it
        goes on: later versions only add columns and tables)."""
        version = self.schema_version
        if version is None or version == SCHEMA_VERSION:
            return
        newer = not version.isdigit() or int(version) > int(SCHEMA_VERSION)
        if newer:
            raise NewerStoreError(
                f"{self.path} has schema version {version}, newer than version {SCHEMA_VERSION} "
                "that this newsgraph writes: it is not written to (upgrade newsgraph, or ingest "
                "into another --db)"
            )

    def _ensure_schema(self) -> None:
        ddl = resources.files("newsgraph.store").joinpath("schema.sql").read_text(encoding="utf-8")
        try:
            self.con.execute(ddl)
            for column, sql_type in ARTICLE_EXTRA:
                self.con.execute(f'ALTER TABLE articles ADD COLUMN IF NOT EXISTS "{column}" {sql_type}')
            for column, sql_type in ERROR_EXTRA:
                self.con.execute(f'ALTER TABLE errors ADD COLUMN IF NOT EXISTS "{column}" {sql_type}')
            for kind in FACT_KINDS:
                self.con.execute(_fact_ddl(kind))
                for column, sql_type, _, _ in FACT_EXTRA.get(kind, []):
                    self.con.execute(f'ALTER TABLE {kind} ADD COLUMN IF NOT EXISTS "{column}" {sql_type}')
            self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        except duckdb.Error as exc:
            raise StoreWriteError(f"cannot write to {self.path}: {one_line(exc)}") from None
        self.schema_version = SCHEMA_VERSION

    # -- reads -----------------------------------------------------------------------------
    def tables(self) -> list[str]:
        rows = self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
        ).fetchall()
        return [r[0] for r in rows]

    def count(self, table: str) -> int:
        if table not in self.tables():
            raise StoreError(f"no table {table!r} in {self.path}")
        row = self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        return int(row[0]) if row else 0

    def stats(self) -> dict[str, int]:
        """Row counts of the content tables, in a fixed order."""
        names = ["documents", "articles", *FACT_KINDS, "errors", "runs"]
        return {name: self.count(name) for name in names}

    def runs(self) -> list[Run]:
        """Every run, oldest first. A run without ``finished_at`` was interrupted (killed, or
        stopped by an error): while a run writes, DuckDB's lock keeps other processes out, so a
        store opened for reading holds no run still going (unless this process writes it)."""
        rows = self.con.execute(
            "SELECT run_id, started_at, finished_at, command, n_articles, n_errors FROM runs ORDER BY run_id"
        ).fetchall()
        return [Run(*r) for r in rows]

    def languages(self, *, run_id: int | None = None, skipped: bool = False) -> dict[str, int]:
        """Articles per language, most first (``skipped``: only those the extractors skipped for
        their language; ``run_id``: only that run's); NULL (never judged) counts as ``"none"``."""
        have = columns(self.con, "articles")
        if "language" not in have:
            return {}
        where, params = ["1 = 1"], []
        if skipped:
            where.append("skipped = 'language'")
        if run_id is not None:
            where.append("run_id = ?")
            params.append(run_id)
        rows = self.con.execute(
            "SELECT coalesce(language, 'none') AS l, count(*) AS n FROM articles "
            f"WHERE {' AND '.join(where)} GROUP BY l ORDER BY n DESC, l",
            params,
        ).fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def title_only(self, *, run_id: int | None = None) -> int:
        """Articles with a title and no body (headline-only feed items)."""
        sql = "SELECT count(*) FROM articles WHERE text = '' AND title IS NOT NULL"
        row = self.con.execute(
            sql + (" AND run_id = ?" if run_id is not None else ""), [run_id] if run_id is not None else []
        ).fetchone()
        return int(row[0]) if row else 0

    def known_documents(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT doc_hash FROM documents").fetchall()}

    def known_articles(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def articles(self, *, limit: int | None = None, ids: Sequence[str] | None = None) -> Iterator[Article]:
        """Articles with their facts, in ingest order, as the records ``extract`` prints."""
        have = columns(self.con, "articles")
        extra = ", ".join(column(have, name, "NULL") for name, _ in ARTICLE_EXTRA)
        sql = (
            "SELECT id, source, url, title, published, published_from, authors, text, captions, "
            f"credits, headings, source_map, doc_hash, {extra} FROM articles"
        )
        params: list[Any] = []
        if ids is not None:
            sql += " WHERE id IN (SELECT unnest(?))"
            params.append(list(ids))
        sql += " ORDER BY run_id, rowid"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        cur = self.con.cursor()
        cur.execute(sql, params)
        while batch := cur.fetchmany(256):
            facts = self._facts([row[0] for row in batch])
            for row in batch:
                (
                    aid,
                    source,
                    url,
                    title,
                    published,
                    published_from,
                    authors,
                    text,
                    captions,
                    credits,
                    headings,
                    smap,
                    doc_hash,
                    relevance,
                    language,
                    language_score,
                    outlet,
                    skipped,
                ) = row
                yield Article(
                    id=aid,
                    source=source,
                    url=url,
                    title=title,
                    published=published,
                    published_from=published_from,
                    text=text,
                    authors=list(authors or []),
                    captions=list(captions or []),
                    credits=list(credits or []),
                    headings=[Heading(h["text"], h["start"], h["end"]) for h in headings or []],
                    source_map=SourceMap.from_list(smap),
                    doc_hash=doc_hash,
                    relevance=relevance,
                    language=language,
                    language_score=language_score,
                    outlet=outlet,
                    skipped=skipped,
                    **{kind: facts[kind].get(aid, []) for kind in FACT_KINDS},
                )

    def _facts(self, ids: list[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
        out: dict[str, dict[str, list[dict[str, Any]]]] = {kind: {} for kind in FACT_KINDS}
        for kind in FACT_KINDS:
            rows = self.con.execute(
                f"SELECT article_id, record FROM {kind} WHERE article_id IN (SELECT unnest(?)) "
                "ORDER BY article_id, n",
                [ids],
            ).fetchall()
            for aid, record in rows:
                out[kind].setdefault(aid, []).append(json.loads(record))
        return out

    def errors(self, *, run_id: int | None = None) -> list[ErrorRecord]:
        sql = "SELECT source, message, kind, code, stage, record FROM errors"
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        rows = self.con.execute(sql + ' ORDER BY "at"', params).fetchall()
        return [
            ErrorRecord(source=r[0], message=r[1], kind=r[2], code=r[3], stage=r[4], record=r[5])
            for r in rows
        ]

    # -- writes ----------------------------------------------------------------------------
    def start_run(self, command: str) -> int:
        """A new row in ``runs``; its counts grow with every batch committed (:meth:`write`)."""
        try:
            row = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
            run_id = int(row[0]) if row else 1
            self.con.execute("INSERT INTO runs VALUES (?, ?, NULL, ?, 0, 0)", [run_id, now(), command])
        except duckdb.Error as exc:
            raise StoreWriteError(f"cannot start a run in {self.path}: {one_line(exc)}") from None
        return run_id

    def finish_run(self, run_id: int, *, n_articles: int, n_errors: int) -> None:
        try:
            self.con.execute(
                "UPDATE runs SET finished_at = ?, n_articles = ?, n_errors = ? WHERE run_id = ?",
                [now(), n_articles, n_errors, run_id],
            )
        except duckdb.Error as exc:
            raise StoreWriteError(f"cannot finish run {run_id} in {self.path}: {one_line(exc)}") from None

    def write(
        self,
        *,
        documents: Sequence[tuple[Document, int]] = (),
        articles: Sequence[Article] = (),
        errors: Sequence[ErrorRecord] = (),
        run_id: int = 0,
        rows: Sequence[tuple[str, pa.Table]] = (),
    ) -> None:
        """Write one batch in one transaction: documents (with their article counts), articles
        with their facts, and errors. Rows whose key is already stored are left as they are.
        ``rows``: articles and facts already made into tables (``store.batches``, built where
        the articles were made), written after the documents."""
        tables: list[tuple[str, pa.Table]] = []
        if documents:
            tables.append(("documents", documents_table(documents, run_id)))
        tables.extend(rows)
        if articles:
            tables.append(("articles", articles_table(articles, run_id)))
            for kind in FACT_KINDS:
                facts = facts_table(articles, kind)
                if facts.num_rows:
                    tables.append((kind, facts))
        if errors:
            tables.append(("errors", errors_table(errors, run_id)))
        if tables:
            self.write_tables(tables, run_id=run_id)

    def write_tables(
        self,
        tables: Sequence[tuple[str, pa.Table]],
        *,
        run_id: int,
        also: Callable[[duckdb.DuckDBPyConnection], object] | None = None,
        what: str = "a batch",
    ) -> None:
        """Add Arrow ``tables`` (name, rows) in one transaction, with ``also`` (more statements
        of the same transaction). Rows whose key is stored are left as they are; an error already
        recorded (same source, record, code and message) is not added again: its row gets this
        run as ``run_id`` and one more ``n_seen``. The run's ``n_articles`` and ``n_errors`` grow
        in the same transaction, so a killed run's row tells what it committed.

        A failure (disk full, a file that is not writable) raises :class:`StoreWriteError`; the
        batches committed before it stay."""
        con = self.con
        n_articles = n_errors = 0
        try:
            con.execute("BEGIN TRANSACTION")
            new_articles = False  # whether _new_articles holds this call's new article ids
            # an article given twice in one write (the runners never do) would give its facts twice
            twice = any(name == "articles" and _repeats(table, "id") for name, table in tables)
            for name, table in tables:
                con.register("_batch", table)
                if name == "errors":
                    con.execute(_UPDATE_SEEN_ERRORS)
                    con.execute(_INSERT_NEW_ERRORS)
                    n_errors += table.num_rows
                elif name in FACT_KINDS:
                    con.execute(_insert_facts(name, new_articles, once=twice or not new_articles))
                else:
                    if name == "articles":
                        con.execute(_NEW_ARTICLES)
                        new_articles = True
                    row = con.execute(
                        f'INSERT OR IGNORE INTO "{name}" BY NAME SELECT * FROM _batch'
                    ).fetchone()
                    if name == "articles" and row:
                        n_articles += int(row[0])
                con.unregister("_batch")
            if new_articles:
                con.execute("DROP TABLE _new_articles")
            if also is not None:
                also(con)
            if run_id and (n_articles or n_errors):
                con.execute(
                    "UPDATE runs SET n_articles = n_articles + ?, n_errors = n_errors + ? WHERE run_id = ?",
                    [n_articles, n_errors, run_id],
                )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            _rollback(con)
            message = one_line(exc)
            if "could not allocate" in message or "out of memory" in message.lower():
                message += " (raise the setting store_memory_limit: docs/scale.md)"
            raise StoreWriteError(
                f"writing {what} to {self.path} failed (batches committed before are kept): {message}"
            ) from exc


#: The ids of a batch's articles (``_batch``) that the store does not hold yet: the articles a
#: write adds, whose facts it adds with them (a temporary table, dropped when the write is done).
_NEW_ARTICLES = (
    "CREATE OR REPLACE TEMP TABLE _new_articles AS SELECT DISTINCT b.id AS article_id FROM _batch b "
    "ANTI JOIN articles a ON a.id = b.id"
)


def _insert_facts(kind: str, with_articles: bool, *, once: bool = True) -> str:
    """The statement adding a batch's rows of the fact table ``kind``: the facts of the articles
    this write adds (``_new_articles``); with no articles in the same write (no runner does that),
    those of articles that have no row in ``kind`` yet. ``once``: keep each (article_id, n) once,
    as the key of older stores kept it, for a batch that may hold an article twice (a window over
    the batch, about 20 ms of CPU per write of ten articles: only when needed)."""
    if with_articles:
        keep = "SELECT article_id FROM _new_articles"
    else:
        keep = f"SELECT DISTINCT article_id FROM _batch EXCEPT SELECT article_id FROM {kind}"
    sql = f'INSERT INTO "{kind}" BY NAME SELECT * FROM _batch WHERE article_id IN ({keep})'
    return sql + " QUALIFY row_number() OVER (PARTITION BY article_id, n) = 1" if once else sql


def _repeats(table: pa.Table, column: str) -> bool:
    """Whether a value of ``column`` comes more than once in ``table``."""
    return bool(pc.count_distinct(table.column(column)).as_py() < table.num_rows)


#: An error is the same error when these match (NULL matches NULL).
_SAME_ERROR = " AND ".join(
    f"e.{c} IS NOT DISTINCT FROM b.{c}" for c in ("source", "record", "code", "message")
)
#: The errors of a batch (``_batch``), each once, with how often the batch holds it.
_BATCH_ERRORS = (
    'SELECT run_id, max("at") AS "at", source, record, code, message, any_value(stage) AS stage, '
    "any_value(kind) AS kind, count(*) AS n FROM _batch GROUP BY run_id, source, record, code, message"
)
_UPDATE_SEEN_ERRORS = (
    f'UPDATE errors AS e SET run_id = b.run_id, "at" = b."at", stage = b.stage, kind = b.kind, '
    f"n_seen = coalesce(e.n_seen, 1) + b.n FROM ({_BATCH_ERRORS}) AS b WHERE {_SAME_ERROR}"
)
_INSERT_NEW_ERRORS = (
    'INSERT INTO errors (run_id, "at", source, record, stage, kind, code, message, first_run, n_seen) '
    'SELECT b.run_id, b."at", b.source, b.record, b.stage, b.kind, b.code, b.message, b.run_id, b.n '
    f"FROM ({_BATCH_ERRORS}) AS b WHERE NOT EXISTS (SELECT 1 FROM errors AS e WHERE {_SAME_ERROR})"
)


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction, if any: a COMMIT that failed (disk full) has ended it."""
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")
