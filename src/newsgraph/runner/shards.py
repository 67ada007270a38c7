"""Shards: a partition's results as one Parquet file, computed on a worker and loaded into the
store by the client.

A task reads its partition, runs :func:`~newsgraph.runner.batch.ship_documents` over chunks of its
documents and writes the folder ``<shard_dir>/<key>.shard`` under a temporary name, then renames
it, so a shard is there whole or not at all. It holds Parquet files: ``index.parquet``, whose
rows keep the order of the input and say which document every article and error belongs to (with
each article's word count and story sketch), the store's own rows of the articles
(``articles.parquet`` and one file per fact kind, built on the worker: the client only filters and
writes them) and the person names the task parsed (``people.parquet``). Loading shards in
partition order gives the store a local ingest gives: a document already stored (or seen earlier
in the run) is skipped with its errors, an article already stored is dropped. Loading a shard is
one transaction that also marks the partition loaded (table ``dask_partitions``), so a run killed
at any point and run again neither loses nor repeats a row."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ..records import Document, ErrorRecord
from ..resolve.names import PersonName, remember
from ..resolve.stories import Sketch
from ..settings import Settings
from ..store.batches import ARTICLE_TABLES, ArticleTables, combine
from ..store.db import Store
from ..store.rows import documents_table, errors_table
from .batch import ArticleNote, ship_documents
from .partitions import Partition, read_partition

log = logging.getLogger(__name__)

SHARD_SCHEMA = pa.schema(
    [
        # "document" (a document of the input, followed by its articles and errors), "article",
        # "error" (of the document before it, or of the input when doc_hash is null)
        ("kind", pa.string()),
        ("doc_hash", pa.string()),
        ("article_id", pa.string()),
        # for documents: how many articles it gave (the documents table's n_articles); -1 when it
        # gave none and is not stored (a cleaning error, or every article failed)
        ("n_articles", pa.int32()),
        # the JSON form of a document's fields or of ErrorRecord.as_dict() (none for articles)
        ("data", pa.string()),
        # for articles: the word count and the story sketch (newsgraph.resolve.stories.Sketch)
        ("n_words", pa.int32()),
        ("url_key", pa.string()),
        ("text_hash", pa.string()),
        ("n_shingles", pa.int32()),
        ("signature", pa.list_(pa.uint32())),
    ]
)
PEOPLE_SCHEMA = pa.schema(
    [
        ("text", pa.string()),
        ("first", pa.string()),
        ("middle", pa.list_(pa.string())),
        ("last", pa.string()),
    ]
)

MARKS_DDL = """
CREATE TABLE IF NOT EXISTS dask_partitions (
    key VARCHAR PRIMARY KEY,
    source VARCHAR,
    "start" BIGINT,
    "end" BIGINT,
    run_id INTEGER,
    loaded_at TIMESTAMP,
    n_documents INTEGER,
    n_articles INTEGER,
    n_errors INTEGER,
    -- documents of the partition that gave no stored row (they failed), so a resumed run still
    -- skips their copies later in the input, as the uninterrupted run does
    seen VARCHAR[]
)
"""


#: Documents per call of process_documents on a worker (a memory bound, not a speed setting).
CHUNK_DOCUMENTS = 256


def shard_path(shard_dir: str | Path, key: str) -> Path:
    """The folder of the shard ``key``."""
    return Path(shard_dir) / f"{key}{SHARD_SUFFIX}"


#: A shard's folder name is its partition's key and this.
SHARD_SUFFIX = ".shard"


# -- on a worker -------------------------------------------------------------------------------
@dataclass(slots=True)
class ShardSummary:
    """What a task sends back to the client (the rows themselves stay in the shard file)."""

    key: str
    path: str
    n_documents: int = 0
    n_articles: int = 0
    n_errors: int = 0
    seconds: float = 0.0


def _document_json(doc: Document) -> str:
    data = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)}
    data["published"] = doc.published.isoformat() if doc.published else None
    return json.dumps(data, ensure_ascii=False)


def _document_from_json(text: str) -> Document:
    data = json.loads(text)
    data["published"] = dt.date.fromisoformat(data["published"]) if data.get("published") else None
    return Document(**data)


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def compute_shard(
    part: Partition,
    settings: Settings,
    shard_dir: str,
    counts: list[tuple[int, int]] | None = None,
) -> ShardSummary:
    """Read, clean and annotate one partition and write its shard (the task a worker runs).
    ``counts`` are the (lines, records) of the byte ranges before this one of the same file."""
    import time

    started = time.perf_counter()
    lines_before = sum(c[0] for c in counts or [])
    records_before = sum(c[1] for c in counts or [])
    rows: list[dict[str, Any]] = []
    out = ShardSummary(key=part.key, path=str(shard_path(shard_dir, part.key)))
    # (hash, the document for its first occurrence in the partition, None for later copies)
    docs: list[tuple[str, Document | None]] = []
    read_errors: list[tuple[int, ErrorRecord]] = []  # (documents read before it, error)
    seen: set[str] = set()
    for item in read_partition(part, settings, lines_before=lines_before, records_before=records_before):
        if isinstance(item, ErrorRecord):
            read_errors.append((len(docs), item))
        else:
            docs.append((item.raw_hash, None if item.raw_hash in seen else item))
            seen.add(item.raw_hash)
    results: dict[str, tuple[list[ArticleNote], list[ErrorRecord]]] = {}
    tables: list[ArticleTables] = []
    people: dict[str, PersonName | None] = {}
    unique = [d for _, d in docs if d is not None]
    for start in range(0, len(unique), CHUNK_DOCUMENTS):
        chunk = unique[start : start + CHUNK_DOCUMENTS]
        shipped = ship_documents(chunk, settings)
        for first, result in zip(chunk, shipped.documents, strict=True):
            results[first.raw_hash] = result
        tables.append(shipped.tables)
        people.update(shipped.people)
    errors_at = iter(read_errors)
    pending = next(errors_at, None)
    for i in range(len(docs) + 1):
        while pending is not None and pending[0] <= i:
            rows.append({"kind": "error", "data": _json(pending[1].as_dict())})
            out.n_errors += 1
            pending = next(errors_at, None)
        if i == len(docs):
            break
        h, doc = docs[i]
        if doc is None:  # a later copy in the same partition: no work, the loader counts it skipped
            rows.append({"kind": "document", "doc_hash": h, "n_articles": -1})
            continue
        notes, errors = results.get(h, ([], []))
        rows.append(
            {
                "kind": "document",
                "doc_hash": h,
                "n_articles": len(notes) if notes else -1,
                "data": _document_json(doc) if notes else None,
            }
        )
        out.n_documents += 1
        rows.extend(_article_row(h, note) for note in notes)
        for error in errors:
            rows.append({"kind": "error", "doc_hash": h, "data": _json(error.as_dict())})
        out.n_articles += len(notes)
        out.n_errors += len(errors)
    write_shard(rows, ArticleTables.concat(tables), people, out.path)
    out.seconds = time.perf_counter() - started
    return out


def _article_row(doc_hash: str, note: ArticleNote) -> dict[str, Any]:
    sketch = note.sketch
    return {
        "kind": "article",
        "doc_hash": doc_hash,
        "article_id": note.id,
        "n_words": note.n_words,
        "url_key": sketch.url_key if sketch else None,
        "text_hash": sketch.text_hash if sketch else None,
        "n_shingles": sketch.n_shingles if sketch else None,
        "signature": sketch.signature if sketch is not None and sketch.signature is not None else None,
    }


def _sketch(row: dict[str, Any]) -> Sketch | None:
    if row["n_shingles"] is None:
        return None
    signature = row["signature"]
    return Sketch(
        row["article_id"],
        row["url_key"],
        row["text_hash"],
        row["n_shingles"],
        None if signature is None else np.asarray(signature, dtype=np.uint32),
    )


def _people_table(people: dict[str, PersonName | None]) -> pa.Table:
    names = sorted(people)
    parsed = [people[n] for n in names]
    return pa.Table.from_pydict(
        {
            "text": names,
            "first": [p.first if p else None for p in parsed],
            "middle": [list(p.middle) if p else None for p in parsed],
            "last": [p.last if p else None for p in parsed],
        },
        schema=PEOPLE_SCHEMA,
    )


def _people(table: pa.Table) -> dict[str, PersonName | None]:
    return {
        r["text"]: PersonName(r["first"], tuple(r["middle"]), r["last"]) if r["last"] is not None else None
        for r in table.to_pylist()
    }


def write_shard(
    rows: list[dict[str, Any]],
    tables: ArticleTables,
    people: dict[str, PersonName | None],
    path: str | Path,
) -> None:
    """Write the shard folder ``path`` atomically: a temporary folder beside it, then a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        tmp.mkdir()
        pq.write_table(
            pa.Table.from_pylist(rows, schema=SHARD_SCHEMA), tmp / "index.parquet", compression="zstd"
        )
        for name, table in tables.tables.items():
            pq.write_table(table, tmp / f"{name}.parquet", compression="zstd")
        pq.write_table(_people_table(people), tmp / "people.parquet", compression="zstd")
        try:
            os.rename(tmp, path)
        except OSError:
            if not path.is_dir():  # not a copy written meanwhile by a retried task
                raise
    finally:
        remove_shard(tmp)


def remove_shard(path: str | Path) -> None:
    """Remove a shard folder (or a half-written one), if it is there."""
    shutil.rmtree(path, ignore_errors=True)


def read_tables(path: str | Path) -> ArticleTables:
    """The articles' rows a shard holds."""
    found = {name: Path(path) / f"{name}.parquet" for name in ARTICLE_TABLES}
    return ArticleTables({name: _read(file) for name, file in found.items() if file.exists()})


def _read(path: Path) -> pa.Table:
    """A shard's Parquet file (by ``ParquetFile`` on this thread: ``read_table``'s dataset layer
    and thread pool cost more than the read itself for a shard's small files)."""
    return pq.ParquetFile(path).read(use_threads=False)


# -- on the client -------------------------------------------------------------------------------
@dataclass(slots=True)
class Loaded:
    """What loading one shard added to the store."""

    n_documents: int = 0
    n_articles: int = 0
    n_skipped: int = 0
    n_duplicates: int = 0
    words: int = 0
    errors: list[ErrorRecord] = field(default_factory=list)


class ShardLoader:
    """Loads shards into a store, in partition order, each in one transaction with its mark, and
    links the articles it stored to their stories with the sketches the tasks made (every
    :data:`~newsgraph.runner.local.LINK_EVERY` articles, and at :meth:`finish`)."""

    def __init__(self, store: Store, run_id: int) -> None:
        self.store, self.run_id = store, run_id
        store.con.execute(MARKS_DDL)
        self.loaded = {r[0] for r in store.con.execute("SELECT key FROM dask_partitions").fetchall()}
        failed = store.con.execute("SELECT unnest(seen) FROM dask_partitions").fetchall()
        self.seen_docs = store.known_documents() | {r[0] for r in failed}
        self.known_articles = store.known_articles()
        self.sketches: list[Sketch] = []  # of stored articles not linked to their stories yet
        #: Articles the loader's linking found to copy an earlier one.
        self.n_copies = 0

    def load(self, part: Partition, path: str | Path | None) -> Loaded:
        """Add the rows of ``part``'s shard (``path``; None for a partition that is only an error)."""
        return self.load_many([(part, path)])[0]

    def load_many(self, shards: list[tuple[Partition, str | Path | None]]) -> list[Loaded]:
        """Add the rows of several shards, in the order given, in one transaction (a transaction
        per 10-article shard would cost more than its rows)."""
        from .local import LINK_EVERY

        documents: list[tuple[Document, int]] = []
        rows: list[ArticleTables] = []
        sketches: list[Sketch] = []
        errors: list[ErrorRecord] = []
        marks: list[list[Any]] = []
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        outs: list[Loaded] = []
        for part, path in shards:
            out, failed = self._read(part, path, documents, rows, sketches)
            errors.extend(out.errors)
            outs.append(out)
            marks.append(
                [
                    part.key,
                    part.name,
                    part.start,
                    part.end,
                    self.run_id,
                    now,
                    out.n_documents,
                    out.n_articles,
                    len(out.errors),
                    failed,
                ]
            )
        self._commit(shards, documents, rows, errors, marks)
        self.sketches.extend(sketches)
        if len(self.sketches) >= LINK_EVERY:
            self.finish()
        return outs

    def finish(self) -> None:
        """Link the stored articles not linked yet to their stories, and cluster their facts."""
        from .local import link_stories

        if self.sketches:
            self.n_copies += link_stories(self.store, self.sketches)
            self.sketches = []

    def _read(
        self,
        part: Partition,
        path: str | Path | None,
        documents: list[tuple[Document, int]],
        rows: list[ArticleTables],
        sketches: list[Sketch],
    ) -> tuple[Loaded, list[str]]:
        """The rows of one shard to add (appended to ``documents``, ``rows`` and ``sketches``),
        with the hashes of its documents that failed."""
        out = Loaded()
        failed: list[str] = []
        if path is None:
            if part.error is not None:
                out.errors.append(part.error)
            return out, failed
        index = _read(Path(path) / "index.parquet")
        kept: list[bool] = []  # per article of the shard, in order
        skipping = False
        for row in index.to_pylist():
            kind, h = row["kind"], row["doc_hash"]
            if kind == "document":
                skipping = h in self.seen_docs
                if skipping:
                    out.n_skipped += 1
                    continue
                self.seen_docs.add(h)
                if row["n_articles"] < 0:
                    failed.append(h)
                else:
                    documents.append((_document_from_json(row["data"]), row["n_articles"]))
                    out.n_documents += 1
            elif kind == "article":
                fresh = not skipping and row["article_id"] not in self.known_articles
                kept.append(fresh)
                if skipping:
                    continue
                if not fresh:
                    out.n_duplicates += 1
                    continue
                self.known_articles.add(row["article_id"])
                out.n_articles += 1
                out.words += row["n_words"]
                sketch = _sketch(row)
                if sketch is not None:
                    sketches.append(sketch)
            elif h is not None and skipping:
                continue
            else:
                out.errors.append(ErrorRecord(**json.loads(row["data"])))
        if any(kept):
            rows.append(read_tables(path).keep(kept))
        remember(_people(_read(Path(path) / "people.parquet")))
        return out, failed

    def _commit(
        self,
        shards: list[tuple[Partition, str | Path | None]],
        documents: list[tuple[Document, int]],
        rows: list[ArticleTables],
        errors: list[ErrorRecord],
        marks: list[list[Any]],
    ) -> None:
        tables: list[tuple[str, pa.Table]] = []
        if documents:
            tables.append(("documents", documents_table(documents, self.run_id)))
        tables.extend(combine(rows, self.run_id))
        if errors:
            tables.append(("errors", errors_table(errors, self.run_id)))
        where = ", ".join(part.describe() for part, _ in shards)
        self.store.write_tables(
            tables,
            run_id=self.run_id,
            also=lambda con: con.executemany(
                "INSERT INTO dask_partitions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", marks
            ),
            what=f"the shards of {where}",
        )
        self.loaded.update(part.key for part, _ in shards)
