"""Checks of a store file before DuckDB opens it, and DuckDB's messages on one line.

DuckDB opens a truncated database and answers row counts from its metadata as if every block were
there, and takes a SQLite file for a database to attach through an extension it would download.
:func:`check_file` reads the file's first 12 KiB instead and names what is wrong."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import duckdb

from ..errors import DamagedStoreError, NotAStoreError, StoreError


def one_line(exc: BaseException, limit: int = 400) -> str:
    """An exception's message on one line (DuckDB's span several), at most ``limit`` characters."""
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


#: DuckDB's file layout: a main header then two database headers, 4 KiB each; the main header
#: holds the magic bytes, a database header (after its checksum) the fields read below.
_HEADER_SIZE = 4096
_MAGIC = b"DUCK"
#: File types recognised by their first bytes, to name what was given instead of a store.
_FOREIGN = (
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"\x1f\x8b", "a gzip file"),
    (b"PK\x03\x04", "a zip file"),
)


def check_file(path: str | Path) -> None:
    """Check that the file at ``path`` is a whole DuckDB database before DuckDB opens it: a
    foreign file (SQLite, ...) raises :class:`NotAStoreError` (DuckDB would try to load a scanner
    extension for it), a truncated one :class:`DamagedStoreError` (DuckDB would open it and report
    the tables' row counts as if all were there). Nothing is checked for a file that does not
    exist (a new store) or ``:memory:``."""
    name = str(path)
    if name == ":memory:" or not os.path.lexists(name):
        return
    p = Path(name)
    if p.is_dir():
        raise NotAStoreError(f"{name} is a folder, not a DuckDB database file")
    try:
        size = p.stat().st_size
        with p.open("rb") as fh:
            head = fh.read(3 * _HEADER_SIZE)
    except OSError as exc:
        raise StoreError(f"cannot read {name}: {exc.strerror or exc}") from None
    if not size:
        raise NotAStoreError(
            f"{name} is an empty file, not a DuckDB database (remove it to start a new store)"
        )
    if head[8:12] != _MAGIC:
        kind = next((k for magic, k in _FOREIGN if head.startswith(magic)), "a file without DuckDB's header")
        raise NotAStoreError(f"{name} is {kind}, not a newsgraph store (a DuckDB database)")
    if len(head) < 3 * _HEADER_SIZE:
        raise DamagedStoreError(f"{name} is truncated: {size:,} bytes, shorter than DuckDB's headers")
    # each database header: checksum, iteration, meta block, free list, block count, block size
    headers = [struct.unpack_from("<6Q", head, off) for off in (_HEADER_SIZE, 2 * _HEADER_SIZE)]
    _, _, _, _, blocks, block_size = max(headers, key=lambda h: h[1])
    if not 4096 <= block_size <= 1 << 30 or blocks >= 1 << 40:
        return  # a layout this check does not know: DuckDB's own checks apply
    expected = 3 * _HEADER_SIZE + blocks * block_size
    if size < expected and _needs_more(name, size, block_size):
        raise DamagedStoreError(
            f"{name} is truncated: {size:,} bytes where its header counts {blocks:,} blocks "
            f"({expected:,} bytes); restore it from a copy or ingest again into a new --db"
        )


def _needs_more(name: str, size: int, block_size: int) -> bool:
    """Whether the blocks the tables of a file shorter than its header's block count use reach
    past its end. The header counts the free blocks too, and DuckDB leaves the last of them
    unwritten: a store closed after a checkpoint that freed its last blocks is whole, and shorter
    (seen after a run opened the store again mid-way, ``Store.reopen``). A file DuckDB cannot
    open read-only is taken for truncated, unless another process holds it (a running ingest)."""
    try:
        con = duckdb.connect(
            name,
            read_only=True,
            config={"autoinstall_known_extensions": False, "autoload_known_extensions": False},
        )
    except duckdb.Error as exc:
        return "lock" not in str(exc).lower()
    try:
        last = -1
        for (table,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall():
            row = con.execute(
                "SELECT max(block_id) FROM pragma_storage_info(?) WHERE persistent", [table]
            ).fetchone()
            if row and row[0] is not None:
                last = max(last, int(row[0]))
    except duckdb.Error:
        return True
    finally:
        con.close()
    return 3 * _HEADER_SIZE + (last + 1) * block_size > size
