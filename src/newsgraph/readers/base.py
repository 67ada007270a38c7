"""The Reader interface, the registry of readers, and how input paths become sources.

A reader turns one input (a file, or standard input) into :class:`~newsgraph.records.Document`
objects. It is chosen by file extension first and by sniffing the first bytes second. A broken
record inside a file is reported as an :class:`~newsgraph.errors.InputError` item in the stream,
so that the other records of the same file are still read."""

from __future__ import annotations

import errno
import glob
import gzip
import importlib
import io
import os
import re
import stat
import sys
import zlib
from collections.abc import Collection, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, ClassVar, Protocol

from ..errors import (
    BrokenLinkError,
    InputError,
    InputNotFoundError,
    InputTooLargeError,
    NotRegularFileError,
    UnreadableInputError,
)
from ..records import Document, no_surrogates
from ..settings import Settings
from .decode import to_utf8

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

    def open(self) -> IO[bytes]:
        """The input as a binary stream (not gunzipped). A path that is not a regular file (a FIFO,
        a device) is refused before it is opened, since reading it could block or never end."""
        if self.path is None:
            return io.BytesIO(self.data or b"")
        try:
            mode = self.path.stat().st_mode
            if not stat.S_ISREG(mode):
                raise NotRegularFileError(f"not a regular file but {file_kind(mode)}", source=self.name)
            return self.path.open("rb")
        except OSError as exc:
            raise path_error(exc, self.name) from None

    def read_bytes(self, limit: int | None = None) -> bytes:
        """The whole input, gunzipped when it is gzip (except for WARC, which warcio reads).

        Gzip data is decompressed as a stream that stops at ``limit``: raises
        :class:`InputTooLargeError` when ``limit`` is given and the input (or what it decompresses
        to) exceeds it."""
        if self.path is not None and limit is not None:
            size = self.size_or_error()
            if size > limit:
                raise InputTooLargeError(
                    f"file is {size_text(size)}, over the {size_text(limit)} limit for this format "
                    "(raise max_input_bytes)",
                    source=self.name,
                )
        with self.open() as fh:
            try:
                magic = fh.read(2)
                fh.seek(0)
                if magic != GZIP_MAGIC:
                    return fh.read()
                with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
                    data = gz.read(-1 if limit is None else limit + 1)
            except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
                raise InputError(f"broken gzip data: {exc}", source=self.name) from None
            except OSError as exc:
                raise path_error(exc, self.name) from None
        if limit is not None and len(data) > limit:
            raise InputTooLargeError(
                f"decompresses to more than the {size_text(limit)} limit (raise max_input_bytes)",
                source=self.name,
            )
        return data

    def size_or_error(self) -> int:
        try:
            return self.size()
        except OSError as exc:
            raise path_error(exc, self.name) from None

    def head(self, n: int = 4096) -> bytes:
        """The first ``n`` bytes, gunzipped when the input is gzip."""
        with self.open() as fh:
            try:
                raw = fh.read(n)
            except OSError as exc:
                raise path_error(exc, self.name) from None
            if raw.startswith(GZIP_MAGIC):
                try:
                    fh.seek(0)
                    with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
                        return gz.read(n)
                except (OSError, EOFError, zlib.error):
                    return raw[:n]
            return raw


def size_text(n: int) -> str:
    """A byte count for a message: ``812 bytes``, ``3.5 MiB``."""
    return f"{n:,} bytes" if n < 2**20 else f"{n / 2**20:,.1f} MiB"


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


def path_error(exc: OSError, name: str) -> InputError:
    """The :class:`InputError` for an ``OSError`` met while looking at or reading ``name``."""
    why = exc.strerror or str(exc)
    if exc.errno == errno.ELOOP:
        return BrokenLinkError("symbolic link loop (too many levels of links)", source=name)
    if isinstance(exc, FileNotFoundError):
        if isinstance(exc.filename, str) and os.path.islink(exc.filename):
            return BrokenLinkError("dangling symbolic link (its target does not exist)", source=name)
        return InputNotFoundError(f"no such file: {why}", source=name)
    return UnreadableInputError(f"cannot read: {why}", source=name)


def printable_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can be stored and printed on one line: bytes of a file name that are not
    UTF-8 (held by Python as lone surrogates) are written ``\\xff``, control characters (a newline,
    an escape sequence) and bidirectional overrides as escapes (``\\n``, ``\\x1b``, ``\\u202e``)."""
    text = os.fspath(path)
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        text = no_surrogates(text)
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


#: Control characters and bidirectional overrides, written as escapes in printed file names.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


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
    head = to_utf8(source.head())  # a UTF-16/32 head, as the sniffers (which look for ASCII) read it
    for reader in readers():
        if reader.sniff(head):
            return reader
    return get_reader("text")


def expand_paths(
    paths: Iterable[str | os.PathLike[str]], *, skip: Collection[str | os.PathLike[str]] = ()
) -> Iterator[Source | InputError]:
    """Sources for command-line style paths: files, directories (recursively, hidden files skipped,
    sorted, links to folders followed once), glob patterns, and ``-`` for standard input. A path
    that matches nothing yields an :class:`InputNotFoundError`; an unreadable folder, a dangling
    link, a link loop and a path that is not a regular file (a FIFO, a device) each yield their
    error, and are never opened. Files that are, or lie under, a path of ``skip`` (the store a run
    writes, its write-ahead log and shards, when they sit among the inputs) are left out silently."""
    if not skip:
        yield from _expand(paths)
        return
    skipped = {Path(p).resolve() for p in skip}
    for item in _expand(paths):
        if isinstance(item, Source) and item.path is not None and _under(item.path.resolve(), skipped):
            continue
        yield item


def _under(path: Path, folders: set[Path]) -> bool:
    return path in folders or any(parent in folders for parent in path.parents)


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Source | InputError]:
    for raw in paths:
        item = os.fspath(raw)
        if item == "-":
            yield Source(name="<stdin>", data=sys.stdin.buffer.read())
            continue
        shown = printable_path(item)
        try:
            mode = os.stat(item).st_mode
        except OSError as exc:
            if isinstance(exc, FileNotFoundError) and glob.has_magic(item) and not os.path.islink(item):
                yield from _glob(item)
            elif isinstance(exc, FileNotFoundError) and not os.path.islink(item):
                yield InputNotFoundError("no such file, directory or matching glob", source=shown)
            else:
                yield _located(path_error(exc, shown), item)
            continue
        if stat.S_ISDIR(mode):
            found = yield from _walk(Path(item))
            if not found:
                yield InputNotFoundError("directory holds no files", source=shown)
        else:
            yield _entry(Path(item), mode, shown)


def _located(error: InputError, path: str) -> InputError:
    if isinstance(error, InputNotFoundError) and os.path.islink(path):
        return BrokenLinkError("dangling symbolic link (its target does not exist)", source=error.source)
    return error


def _entry(path: Path, mode: int, shown: str) -> Source | InputError:
    if stat.S_ISREG(mode):
        return Source(name=shown, path=path)
    return NotRegularFileError(f"not a regular file but {file_kind(mode)}; not read", source=shown)


def _glob(pattern: str) -> Iterator[Source | InputError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    found = False
    for match in matches:
        try:
            mode = os.stat(match).st_mode
        except OSError as exc:
            found = True
            yield _located(path_error(exc, printable_path(match)), match)
            continue
        if not stat.S_ISDIR(mode):
            found = True
            yield _entry(Path(match), mode, printable_path(match))
    if not found:
        yield InputNotFoundError("no such file, directory or matching glob", source=printable_path(pattern))


def _walk(top: Path) -> Generator[Source | InputError, None, bool]:
    """Every entry under the folder ``top``, depth first in name order (the order of sorted paths);
    returns whether anything was yielded."""
    found = False
    visited: set[tuple[int, int]] = set()

    def visit(folder: Path, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Source | InputError]:
        nonlocal found
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            with os.scandir(folder) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            found = True
            yield UnreadableInputError(
                f"cannot read folder: {exc.strerror or exc}; its files were not read",
                source=printable_path(folder),
            )
            return
        if key in ancestors:
            found = True
            yield BrokenLinkError(
                "symbolic link loop (links to a folder that holds it); not followed",
                source=printable_path(folder),
            )
            return
        if key in visited:  # a second link to a folder already read
            return
        visited.add(key)
        for entry in entries:
            path = Path(entry.path)
            shown = printable_path(path)
            try:
                mode = os.stat(path).st_mode
            except OSError as exc:
                found = True
                yield _located(path_error(exc, shown), entry.path)
                continue
            if stat.S_ISDIR(mode):
                yield from visit(path, (*ancestors, key))
            else:
                found = True
                yield _entry(path, mode, shown)

    yield from visit(top, ())
    return found
