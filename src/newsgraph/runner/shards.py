"""Shards: a partition's results as one Parquet file, computed on a worker and loaded into the
store by the client.

A task reads its partition, runs :func:`~newsgraph.runner.batch.process_documents` over chunks of its
documents and writes ``<shard_dir>/<key>.parquet`` under a temporary name, then renames it, so a
shard is there whole or not at all. Its rows keep the order of the input and say which document
every article and error belongs to, so that loading shards in partition order gives the store a
local ingest gives: a document already stored (or seen earlier in the run) is skipped with its
errors, an article already stored is dropped. Loading a shard is one transaction that also marks
the partition loaded (table ``dask_partitions``), so a run killed at any point and run again
neither loses nor repeats a row."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..records import FACT_KINDS, Article, Document, ErrorRecord
from ..settings import Settings
from ..store.db import Store, _articles_table, _documents_table, _errors_table, _facts_table
from .batch import process_documents
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
        # the JSON form: Document fields, Article.as_dict() or ErrorRecord.as_dict()
        ("data", pa.string()),
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
    return Path(shard_dir) / f"{key}.parquet"


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
    results: dict[str, tuple[list[Article], list[ErrorRecord]]] = {}
    unique = [d for _, d in docs if d is not None]
    for start in range(0, len(unique), CHUNK_DOCUMENTS):
        chunk = unique[start : start + CHUNK_DOCUMENTS]
        for first, result in zip(chunk, process_documents(chunk, settings), strict=True):
            results[first.raw_hash] = result
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
        articles, errors = results.get(h, ([], []))
        rows.append(
            {
                "kind": "document",
                "doc_hash": h,
                "n_articles": len(articles) if articles else -1,
                "data": _document_json(doc) if articles else None,
            }
        )
        out.n_documents += 1
        for article in articles:
            rows.append(
                {"kind": "article", "doc_hash": h, "article_id": article.id, "data": _json(article.as_dict())}
            )
        for error in errors:
            rows.append({"kind": "error", "doc_hash": h, "data": _json(error.as_dict())})
        out.n_articles += len(articles)
        out.n_errors += len(errors)
    write_shard(rows, out.path)
    out.seconds = time.perf_counter() - started
    return out


def write_shard(rows: list[dict[str, Any]], path: str | Path) -> None:
    """Write the rows to ``path`` atomically: a temporary file in the same folder, then a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=SHARD_SCHEMA)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


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
    """Loads shards into a store, in partition order, each in one transaction with its mark."""

    def __init__(self, store: Store, run_id: int) -> None:
        self.store, self.run_id = store, run_id
        store.con.execute(MARKS_DDL)
        self.loaded = {r[0] for r in store.con.execute("SELECT key FROM dask_partitions").fetchall()}
        failed = store.con.execute("SELECT unnest(seen) FROM dask_partitions").fetchall()
        self.seen_docs = store.known_documents() | {r[0] for r in failed}
        self.known_articles = store.known_articles()

    def load(self, part: Partition, path: str | Path | None) -> Loaded:
        """Add the rows of ``part``'s shard (``path``; None for a partition that is only an error)."""
        return self.load_many([(part, path)])[0]

    def load_many(self, shards: list[tuple[Partition, str | Path | None]]) -> list[Loaded]:
        """Add the rows of several shards, in the order given, in one transaction (a transaction
        per 10-article shard would cost more than its rows)."""
        documents: list[tuple[Document, int]] = []
        articles: list[Article] = []
        errors: list[ErrorRecord] = []
        marks: list[list[Any]] = []
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        outs: list[Loaded] = []
        for part, path in shards:
            out, failed = self._read(part, path, documents, articles)
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
        self._commit(shards, documents, articles, errors, marks)
        return outs

    def _read(
        self,
        part: Partition,
        path: str | Path | None,
        documents: list[tuple[Document, int]],
        articles: list[Article],
    ) -> tuple[Loaded, list[str]]:
        """The rows of one shard to add (appended to ``documents`` and ``articles``), with the
        hashes of its documents that failed."""
        out = Loaded()
        failed: list[str] = []
        if path is None:
            if part.error is not None:
                out.errors.append(part.error)
            return out, failed
        table = pq.read_table(path, schema=SHARD_SCHEMA)
        skipping = False
        for row in table.to_pylist():
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
            elif h is not None and skipping:
                continue
            elif kind == "article":
                if row["article_id"] in self.known_articles:
                    out.n_duplicates += 1
                    continue
                self.known_articles.add(row["article_id"])
                article = Article.from_dict(json.loads(row["data"]))
                articles.append(article)
                out.n_articles += 1
                out.words += article.word_count()
            else:
                out.errors.append(ErrorRecord(**json.loads(row["data"])))
        return out, failed

    def _commit(
        self,
        shards: list[tuple[Partition, str | Path | None]],
        documents: list[tuple[Document, int]],
        articles: list[Article],
        errors: list[ErrorRecord],
        marks: list[list[Any]],
    ) -> None:
        tables: list[tuple[str, pa.Table]] = []
        if documents:
            tables.append(("documents", _documents_table(documents, self.run_id)))
        if articles:
            tables.append(("articles", _articles_table(articles, self.run_id)))
            for kind in FACT_KINDS:
                facts = _facts_table(articles, kind)
                if facts.num_rows:
                    tables.append((kind, facts))
        if errors:
            tables.append(("errors", _errors_table(errors, self.run_id)))
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
