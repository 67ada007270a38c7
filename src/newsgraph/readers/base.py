"""The Reader interface, the registry of readers, and how input paths become sources.

A reader turns one input (a file, or standard input) into :class:`~newsgraph.records.Document`
objects. It is chosen by file extension first and by sniffing the first bytes second. A broken
record inside a file is reported as an :class:`~newsgraph.errors.InputError` item in the stream,
so that the other records of the same file are still read."""

from __future__ import annotations

import glob
import gzip
import importlib
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol

from ..errors import InputError, InputNotFoundError, InputTooLargeError
from ..records import Document
from ..settings import Settings

#: What a reader yields: documents, or errors for records it could not read.
ReadItem = Document | InputError

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(slots=True)
class Source:
    """One input: a path on disk, or standard input (``path is None``)."""

    name: str
    path: Path | None = None
    data: bytes | None = None  # only for stdin

    def size(self) -> int:
        if self.path is not None:
            return self.path.stat().st_size
        return len(self.data or b"")

    def read_bytes(self, limit: int | None = None) -> bytes:
        """The whole input, gunzipped when it is gzip (except for WARC, which warcio reads).

        Raises :class:`InputTooLargeError` when ``limit`` is given and the input exceeds it."""
        if self.path is None:
            data = self.data or b""
        else:
            if limit is not None and self.path.stat().st_size > limit:
                raise InputTooLargeError(
                    f"file is {self.path.stat().st_size / 2**20:.1f} MiB, over the "
                    f"{limit / 2**20:.0f} MiB limit for this format (raise max_input_bytes)",
                    source=self.name,
                )
            data = self.path.read_bytes()
        if data.startswith(GZIP_MAGIC):
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError, zlib.error) as exc:
                raise InputError(f"broken gzip data: {exc}", source=self.name) from None
            if limit is not None and len(data) > limit:
                raise InputTooLargeError(
                    f"decompressed size {len(data) / 2**20:.1f} MiB is over the "
                    f"{limit / 2**20:.0f} MiB limit",
                    source=self.name,
                )
        return data

    def head(self, n: int = 4096) -> bytes:
        """The first ``n`` bytes, gunzipped when the input is gzip."""
        if self.path is None:
            raw = (self.data or b"")[: max(n, 64)]
            if raw.startswith(GZIP_MAGIC):
                try:
                    return gzip.GzipFile(fileobj=io.BytesIO(self.data or b"")).read(n)
                except (OSError, EOFError, zlib.error):
                    return raw[:n]
            return raw[:n]
        with self.path.open("rb") as fh:
            raw = fh.read(n)
        if raw.startswith(GZIP_MAGIC):
            try:
                with gzip.open(self.path, "rb") as gz:
                    return gz.read(n)
            except (OSError, EOFError, zlib.error):
                return raw
        return raw


class Reader(Protocol):
    """What every reader provides."""

    name: ClassVar[str]
    #: Lower-case file name endings this reader owns ("" never matches).
    extensions: ClassVar[tuple[str, ...]]
    #: Sniffing order: lower is tried first (specific formats before plain text).
    priority: ClassVar[int]

    def sniff(self, head: bytes) -> bool:
        """True when the (gunzipped) first bytes look like this reader's format."""
        ...

    def read(self, source: Source, settings: Settings) -> Iterator[ReadItem]:
        """Documents from ``source``; errors for broken records are yielded, not raised."""
        ...


#: Modules of the readers that ship with newsgraph.
BUILTIN_READERS = ("text", "html", "jsonl", "warc", "feeds")

_REGISTRY: dict[str, Reader] = {}
_BUILTINS_LOADED = False


def register(reader: Reader) -> Reader:
    """Add (or replace) a reader in the registry, under its ``name``."""
    _REGISTRY[reader.name] = reader
    return reader


def readers() -> list[Reader]:
    """All registered readers in sniffing order."""
    global _BUILTINS_LOADED
    if not _BUILTINS_LOADED:
        for module in BUILTIN_READERS:  # each registers its reader on import
            importlib.import_module(f"{__package__}.{module}")

        _BUILTINS_LOADED = True
    return sorted(_REGISTRY.values(), key=lambda r: r.priority)


def get_reader(name: str) -> Reader:
    for reader in readers():
        if reader.name == name:
            return reader
    raise KeyError(name)


def choose_reader(source: Source) -> Reader:
    """The reader for ``source``: by extension when one matches, else by sniffing, else text."""
    name = source.name.lower()
    if source.path is not None:
        matches = [(len(ext), r) for r in readers() for ext in r.extensions if name.endswith(ext)]
        if matches:
            return max(matches, key=lambda m: m[0])[1]
    head = source.head()
    for reader in readers():
        if reader.sniff(head):
            return reader
    return get_reader("text")


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Source | InputError]:
    """Sources for command-line style paths: files, directories (recursively, hidden files skipped,
    sorted), glob patterns, and ``-`` for standard input. A path that matches nothing yields an
    :class:`InputNotFoundError`."""
    for raw in paths:
        item = os.fspath(raw)
        if item == "-":
            yield Source(name="<stdin>", data=sys.stdin.buffer.read())
            continue
        path = Path(item)
        if path.is_dir():
            found = False
            for sub in sorted(path.rglob("*")):
                rel = sub.relative_to(path)
                if sub.is_file() and not any(part.startswith(".") for part in rel.parts):
                    found = True
                    yield Source(name=str(sub), path=sub)
            if not found:
                yield InputNotFoundError("directory holds no files", source=item)
            continue
        if path.is_file():
            yield Source(name=item, path=path)
            continue
        if glob.has_magic(item):
            matches = sorted(p for p in glob.glob(item, recursive=True) if Path(p).is_file())
            if matches:
                for match in matches:
                    yield Source(name=match, path=Path(match))
                continue
        yield InputNotFoundError("no such file, directory or matching glob", source=item)
