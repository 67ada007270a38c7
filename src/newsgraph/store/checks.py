"""Checks of a store file before DuckDB opens it, and DuckDB's messages on one line.

DuckDB opens a truncated database and answers row counts from its metadata as if every block were
there, and takes a SQLite file for a database to attach through an extension it would download.
:func:`check_file` reads the file's first 12 KiB instead and names what is wrong."""

from __future__ import annotations

import os
import struct
from pathlib import Path

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
    if size < expected:
        raise DamagedStoreError(
            f"{name} is truncated: {size:,} bytes where its header counts {blocks:,} blocks "
            f"({expected:,} bytes); restore it from a copy or ingest again into a new --db"
        )
