"""Cut the inputs of an ingest into partitions (whole files, or byte ranges of large JSON Lines
files cut at line boundaries) and read one partition into documents.

A partition is what one task of a distributed run reads and annotates; its ``key`` names the
shard its results go to, so the same input read with the same settings always has the same key
(and a finished shard is never computed twice). Local paths are read with the local runner's own
readers; ``scheme://`` URLs (``s3://``, ``gs://``, ``file://``…) through fsspec."""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import io
import itertools
import json
import logging
import os
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, InputNotFoundError
from ..readers.base import GZIP_MAGIC, Reader, ReadItem, Source, choose_reader, expand_paths, readers
from ..readers.jsonl import LineCount, json_lines
from ..records import Document, ErrorRecord
from ..settings import Settings
from .batch import error_record
from .local import read_items, settings_reader, with_manifest

log = logging.getLogger(__name__)

#: Default size of one JSON Lines byte range (the last line of a range may run past it).
PARTITION_BYTES = 16 * 2**20
#: Bumped when what a partition's shard holds changes, so old shards are not reused.
SHARD_FORMAT = 1
#: Settings that do not change what a partition yields (only how fast).
_SPEED_SETTINGS = frozenset({"jobs", "n_process", "batch_size", "numpy_blas", "store_memory_limit"})
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work: a whole input, or bytes ``[start, end)`` of a JSON Lines file.

    ``name`` is the source name the local runner gives the input (the path as listed, or the URL);
    ``url`` is set for fsspec inputs, ``data`` for standard input, ``error`` for an input that
    could not be listed (the partition then only records that error)."""

    index: int
    key: str
    name: str
    url: str | None = None
    start: int = 0
    end: int | None = None
    #: Absolute path of a local input (``name`` stays as listed, for the records' ``source``).
    path: str | None = None
    #: For byte ranges: a key shared by the ranges of one file (a task counts the lines before
    #: its own range in the ranges before it).
    group: str = ""
    data: bytes | None = None
    error: ErrorRecord | None = None

    @property
    def is_range(self) -> bool:
        return self.end is not None

    def describe(self) -> str:
        return f"{self.name}[{self.start}:{self.end}]" if self.is_range else self.name


def settings_fingerprint(settings: Settings) -> dict[str, Any]:
    """The settings that change the output, in a JSON-able form (new settings are included, so a
    setting added later changes the keys: safe, at worst recomputes)."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(settings):
        if f.name not in _SPEED_SETTINGS:
            value = getattr(settings, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def partition_key(name: str, start: int, end: int | None, stamp: str, settings: Settings) -> str:
    """Stable key of a partition: its input (name, byte range, size and modification stamp or
    content hash) and the output-changing settings."""
    blob = json.dumps(
        {
            "format": SHARD_FORMAT,
            "name": name,
            "start": start,
            "end": end,
            "stamp": stamp,
            "settings": settings_fingerprint(settings),
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def is_url(item: str) -> bool:
    """``scheme://…`` (but not a Windows drive letter); local paths never need fsspec."""
    head, sep, _ = item.partition("://")
    return bool(sep) and len(head) > 1 and head.replace("+", "").replace("-", "").isalnum()


# -- listing -----------------------------------------------------------------------------------
@dataclass(slots=True)
class _Input:
    name: str
    url: str | None
    size: int
    stamp: str
    path: Path | None = None
    data: bytes | None = None


def plan(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings,
    *,
    partition_bytes: int = PARTITION_BYTES,
    skip: Collection[str | os.PathLike[str]] = (),
) -> list[Partition]:
    """The partitions of ``paths``, in the order the local runner reads them; files of ``skip``
    (the store being written) are not inputs."""
    if partition_bytes < 1:
        raise ValueError("partition_bytes must be positive")
    parts: list[Partition] = []

    def add(**kw: Any) -> None:
        parts.append(Partition(index=len(parts), **kw))

    for item in _list_inputs(paths, skip):
        if isinstance(item, ErrorRecord):
            key = partition_key(item.source, 0, None, "error:" + item.code + item.message, settings)
            add(key=key, name=item.source, error=item)
            continue
        ranges = _ranges(item, settings, partition_bytes)
        if ranges is None:
            key = partition_key(item.name, 0, None, item.stamp, settings)
            add(key=key, name=item.name, url=item.url, path=_abs(item), data=item.data)
            continue
        group = partition_key(item.name, 0, item.size, item.stamp, settings)
        for start, end in ranges:
            key = partition_key(item.name, start, end, item.stamp, settings)
            add(key=key, name=item.name, url=item.url, path=_abs(item), start=start, end=end, group=group)
    return parts


def _abs(item: _Input) -> str | None:
    return str(item.path.resolve()) if item.path is not None else None


def _list_inputs(
    paths: Iterable[str | os.PathLike[str]], skip: Collection[str | os.PathLike[str]]
) -> Iterator[_Input | ErrorRecord]:
    for raw in paths:
        item = os.fspath(raw)
        if is_url(item):
            yield from _list_url(item)
            continue
        for src in expand_paths([item], skip=skip):
            if isinstance(src, InputError):
                yield error_record(src, source=src.source, stage="read")
            elif src.path is None:  # standard input: the bytes travel with the task
                data = src.data or b""
                yield _Input(
                    src.name, None, len(data), "sha256:" + hashlib.sha256(data).hexdigest(), None, data
                )
            else:
                st = src.path.stat()
                yield _Input(src.name, None, st.st_size, f"{st.st_size}:{st.st_mtime_ns}", src.path)


def _fs(url: str) -> tuple[Any, str]:
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(url)
    return fs, path


def _stamp(info: dict[str, Any]) -> str:
    for field in ("ETag", "etag", "md5Hash", "checksum", "mtime", "LastModified", "updated", "last_modified"):
        if info.get(field) is not None:
            return f"{info.get('size')}:{field}={info[field]}"
    return f"{info.get('size')}"


def _list_url(url: str) -> Iterator[_Input | ErrorRecord]:
    try:
        fs, path = _fs(url)
        if fs.isdir(path):
            found = sorted(fs.find(path, detail=True).items())
            files = [
                (p, info)
                for p, info in found
                if info.get("type") != "directory"
                and not any(part.startswith(".") for part in p[len(path.rstrip("/")) + 1 :].split("/"))
            ]
            if not files:
                yield error_record(
                    InputNotFoundError("directory holds no files", source=url), source=url, stage="read"
                )
        elif glob.has_magic(path):
            files = [(p, fs.info(p)) for p in sorted(fs.glob(path))]
            files = [(p, info) for p, info in files if info.get("type") != "directory"]
            if not files:
                yield error_record(
                    InputNotFoundError("no such file, directory or matching glob", source=url),
                    source=url,
                    stage="read",
                )
        elif fs.isfile(path):
            files = [(path, fs.info(path))]
        else:
            yield error_record(
                InputNotFoundError("no such file, directory or matching glob", source=url),
                source=url,
                stage="read",
            )
            return
    except Exception as exc:  # an unknown scheme, a missing fsspec backend, no access
        yield error_record(InputError(f"cannot list: {exc}", source=url), source=url, stage="read")
        return
    for p, info in files:
        yield _Input(fs.unstrip_protocol(p), fs.unstrip_protocol(p), int(info.get("size") or 0), _stamp(info))


# -- byte ranges of JSON Lines -------------------------------------------------------------------
def _reader_for(name: str, source: Source) -> Reader:
    """The reader the local runner would pick, by the name's extension first (URLs too)."""
    low = name.lower()
    matches = [(len(ext), r) for r in readers() for ext in r.extensions if low.endswith(ext)]
    if matches:
        return max(matches, key=lambda m: m[0])[1]
    return choose_reader(source)


def _open_input(item: _Input) -> io.BufferedIOBase | Any:
    if item.url is not None:
        fs, path = _fs(item.url)
        return fs.open(path, "rb")
    assert item.path is not None
    return item.path.open("rb")


def _ranges(item: _Input, settings: Settings, partition_bytes: int) -> list[tuple[int, int]] | None:
    """Byte ranges of a large, uncompressed JSON Lines input read line by line; None when the
    input is read whole (small, another format, gzip, one JSON document, ``raw`` settings)."""
    if settings.raw or item.data is not None or item.size <= partition_bytes:
        return None
    try:
        with _open_input(item) as fh:
            head = fh.read(4096)
            if head.startswith(GZIP_MAGIC):
                return None
            reader = _reader_for(item.name, Source(name=item.name, data=head))
            if reader.name != "jsonl" or not _first_line_is_record(fh):
                return None
            cuts = [0]
            for nominal in range(partition_bytes, item.size, partition_bytes):
                cut = line_start_at_or_after(fh, nominal, item.size)
                if cut > cuts[-1] and cut < item.size:
                    cuts.append(cut)
            cuts.append(item.size)
    except Exception as exc:  # let the task read it whole and report what is wrong
        log.warning("cannot cut %s into byte ranges (%s); reading it whole", item.name, exc)
        return None
    return list(itertools.pairwise(cuts))


def _first_line_is_record(fh: Any) -> bool:
    """What makes :class:`~newsgraph.readers.jsonl.JsonlReader` read an input line by line: its
    first non-blank line parses as JSON and does not open an array."""
    fh.seek(0)
    for i, raw in enumerate(fh):
        line = (raw.removeprefix(_BOM) if i == 0 else raw).strip()
        if line:
            if line.startswith(b"["):
                return False
            try:
                json.loads(line)
            except (ValueError, RecursionError):
                return False
            return True
    return False


def line_start_at_or_after(fh: Any, offset: int, size: int) -> int:
    """The offset of the first line that starts at or after ``offset`` (``size`` when none)."""
    if offset <= 0:
        return 0
    fh.seek(offset - 1)
    while True:
        chunk = fh.read(1 << 16)
        if not chunk:
            return size
        at = chunk.find(b"\n")
        if at >= 0:
            return int(fh.tell() - len(chunk) + at + 1)
        if fh.tell() >= size:
            return size


def read_range(part: Partition) -> bytes:
    """The bytes of a byte-range partition."""
    assert part.end is not None
    if part.url is not None:
        fs, path = _fs(part.url)
        return bytes(fs.cat_file(path, start=part.start, end=part.end))
    with open(part.path or part.name, "rb") as fh:
        fh.seek(part.start)
        return fh.read(part.end - part.start)


def count_lines(block: bytes, *, first: bool) -> tuple[int, int]:
    """``(lines, non-blank lines)`` of a block, counted as the JSON Lines reader counts them."""
    lines = records = 0
    for i, raw in enumerate(io.BytesIO(block)):
        if first and i == 0:
            raw = raw.removeprefix(_BOM)
        lines += 1
        if raw.strip():
            records += 1
    return lines, records


def count_range(part: Partition) -> tuple[int, int]:
    """:func:`count_lines` of a byte-range partition (a task of its own)."""
    return count_lines(read_range(part), first=part.start == 0)


def read_jsonl_block(
    block: bytes, *, name: str, settings: Settings, lines_before: int = 0, records_before: int = 0
) -> Iterator[ReadItem]:
    """The records of a block of whole JSON lines, numbered as if the file were read from the top
    (``lines_before`` lines and ``records_before`` non-blank lines precede it), by the JSON Lines
    reader's own line loop, so its documents and errors are the same as reading the whole file;
    ``tests/runner/test_dask.py`` checks that."""
    count = LineCount(lines_before, records_before)
    yield from json_lines(io.BytesIO(block), name=name, settings=settings, count=count)


# -- reading a partition (on a worker) -----------------------------------------------------------
def read_partition(
    part: Partition, settings: Settings, *, lines_before: int = 0, records_before: int = 0
) -> Iterator[Document | ErrorRecord]:
    """Every document of a partition, in order; unreadable records become errors exactly as in
    :func:`~newsgraph.runner.local.iter_documents`."""
    if part.error is not None:
        yield part.error
        return

    def items() -> Iterable[ReadItem]:
        if part.is_range:
            return read_jsonl_block(
                read_range(part),
                name=part.name,
                settings=settings,
                lines_before=lines_before,
                records_before=records_before,
            )
        if part.url is None and part.data is None:  # a local file, as the local runner reads it
            source = Source(name=part.name, path=Path(part.path or part.name))
            reader = choose_reader(source)
        else:
            data = part.data if part.data is not None else _fetch(part)
            source = Source(name=part.name, data=data)
            reader = _reader_for(part.name, source)
        return settings_reader(reader, settings).read(source, settings)

    yield from with_manifest(read_items(part.name, items), part.name, settings)


def _fetch(part: Partition) -> bytes:
    assert part.url is not None
    fs, path = _fs(part.url)
    return bytes(fs.cat_file(path))
