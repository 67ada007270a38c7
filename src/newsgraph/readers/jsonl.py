"""JSON Lines (and plain JSON) records: one article per object, in the shapes news-please and
fundus write or with generic ``text``/``body``/``content`` fields.

Files are streamed line by line, gzipped or not. Input that is one JSON document instead (a list
of objects, or one object spread over several lines, as ``.json`` files often are) is read whole,
within ``max_input_bytes``."""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import io
import json
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import IO, Any, ClassVar, cast

from ..errors import EmptyInputError, InputError, InputTooLargeError, MalformedRecordError
from ..records import Document
from ..settings import Settings
from .base import GZIP_MAGIC, ReadItem, Source, register, size_text
from .decode import to_utf8, wide_encoding
from .html import fragment_lines

logger = logging.getLogger(__name__)

_SNIFF = re.compile(rb'\A\s*(?:\{\s*(?:"|\})|\[\s*(?:\{|\]))')
_BOM = b"\xef\xbb\xbf"

#: Fields holding the article body, in order of preference.
BODY_FIELDS = ("maintext", "body", "text", "content", "articleBody", "article", "full_text", "plain_text")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "canonical_url", "source_url")
DATE_FIELDS = (
    "date_publish",
    "publishing_date",
    "published_at",
    "published",
    "datePublished",
    "date_published",
    "pubDate",
    "date",
    "publish_date",
)
AUTHOR_FIELDS = ("authors", "author", "byline", "creator")
#: Lists of records inside a top-level JSON object (``{"articles": [...]}``).
LIST_FIELDS = ("articles", "items", "records", "data", "results")
#: What reading a broken (gzip) stream raises.
_READ_ERRORS = (OSError, EOFError, zlib.error)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        text = " ".join(value.split())
        return text or None
    return None


def _first(record: dict[str, Any], fields: Iterable[str]) -> Any:
    for name in fields:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def body_lines(value: Any) -> tuple[list[str], list[str]]:
    """``(lines, captions)`` of a body field: a string (plain text, one paragraph per line, or HTML),
    a list of paragraphs, or fundus's ``{"summary": [...], "sections": [{"headline": [...],
    "paragraphs": [...]}]}``."""
    if isinstance(value, str):
        return fragment_lines(value)
    if isinstance(value, list):
        lines: list[str] = []
        captions: list[str] = []
        for item in value:
            more, caps = body_lines(item)
            lines.extend(more)
            captions.extend(c for c in caps if c not in captions)
        return lines, captions
    if isinstance(value, dict):
        lines, captions = [], []
        parts: list[Any] = [value.get("summary"), value.get("headline")]
        for section in value.get("sections") or []:
            if isinstance(section, dict):
                parts.extend([section.get("headline"), section.get("paragraphs")])
            else:
                parts.append(section)
        parts.append(value.get("paragraphs"))
        if not any(parts):
            parts = [value.get("text") or value.get("content")]
        for part in parts:
            if part:
                more, caps = body_lines(part)
                lines.extend(more)
                captions.extend(c for c in caps if c not in captions)
        return lines, captions
    return [], []


def parse_datetime_date(value: Any) -> dt.date | None:
    """The calendar date of a timestamp as written: ISO 8601 (``2017-12-15 10:00:00``,
    ``2025-01-20T09:30:00+00:00``), RFC 822, or Unix seconds."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return dt.datetime.fromtimestamp(value / 1000 if value > 1e11 else value, dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, dict):  # {"$date": ...} (MongoDB exports)
        return parse_datetime_date(value.get("$date"))
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    m = _ISO_DATE.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def clean_author(name: str) -> str | None:
    """A person's name from an author field: e-mail addresses and a leading "By" dropped,
    ``mail (Name)`` unwrapped."""
    name = name.strip()
    if "(" in name:
        inner = name.rsplit("(", 1)[1].rstrip(") ")
        if inner.strip():
            name = inner
    name = re.sub(r"\S+@\S+", " ", name)
    name = re.sub(r"^\s*by\s+", "", name, flags=re.IGNORECASE)
    name = " ".join(name.split()).strip(" ,;|-")
    if not name or "@" in name or not any(c.isalpha() for c in name):
        return None
    return name


def authors_of(value: Any) -> list[str]:
    """Author names from a string, a list of strings or a list of ``{"name": ...}`` objects."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or item.get("full_name") or ""
        if not isinstance(item, str):
            continue
        for part in re.split(r"\s*;\s*", item):
            name = clean_author(part)
            if name and name not in out:
                out.append(name)
    return out


def section_headlines(value: Any) -> list[str]:
    """Headlines of fundus's body sections (``{"sections": [{"headline": [...]}]}``)."""
    if not isinstance(value, dict):
        return []
    out: list[str] = []
    for section in value.get("sections") or []:
        if isinstance(section, dict):
            for line in body_lines(section.get("headline") or [])[0]:
                if line not in out:
                    out.append(line)
    return out


def record_to_document(
    record: Any, *, source: str, where: str, fallback_source: str, settings: Settings, size: int = 0
) -> Document:
    """One :class:`Document` from a decoded JSON record. Raises :class:`MalformedRecordError`
    (with ``source`` and ``record=where``) when it is not an object or has no body text."""
    if not isinstance(record, dict):
        raise MalformedRecordError(
            f"not a JSON object but a {type(record).__name__}", source=source, record=where
        )
    body = _first(record, BODY_FIELDS)
    lines, captions = body_lines(body)
    if not lines:
        raise MalformedRecordError(
            f"record has no body text (none of {', '.join(BODY_FIELDS[:4])})", source=source, record=where
        )
    title = _text(_first(record, TITLE_FIELDS))
    url = _text(_first(record, URL_FIELDS))
    published = None
    for name in DATE_FIELDS:
        published = parse_datetime_date(record.get(name))
        if published is not None:
            break
    return Document(
        source=url or fallback_source,
        text="\n".join(lines),
        reader="jsonl",
        kind="raw" if settings.raw else "article",
        title=title,
        published=published,
        url=url,
        authors=authors_of(_first(record, AUTHOR_FIELDS)),
        captions=captions,
        headings=section_headlines(body),
        encoding="utf-8",
        size_bytes=size,
    )


def _records_of(value: Any) -> list[Any]:
    """The records in a whole JSON document: a list, an object wrapping a list, or one object."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and not any(f in value for f in BODY_FIELDS):
        for name in LIST_FIELDS:
            if isinstance(value.get(name), list):
                return list(value[name])
    return [value]


class JsonlReader:
    """Reads ``.jsonl``/``.ndjson`` (one record a line) and ``.json`` (one object or a list)."""

    name: ClassVar[str] = "jsonl"
    extensions: ClassVar[tuple[str, ...]] = (
        ".jsonl",
        ".ndjson",
        ".jsonl.gz",
        ".ndjson.gz",
        ".json",
        ".json.gz",
    )
    priority: ClassVar[int] = 20

    def sniff(self, head: bytes) -> bool:
        return bool(_SNIFF.match(head.removeprefix(_BOM)))

    def read(self, source: Source, settings: Settings) -> Iterator[ReadItem]:
        try:
            first = _first_line(source, settings.max_input_bytes)
        except InputError as exc:
            yield exc
            return
        except _READ_ERRORS as exc:
            yield InputError(f"cannot read: {exc}", source=source.name)
            return
        if first is None:
            yield EmptyInputError("empty input", source=source.name)
            return
        if isinstance(first, LongLine) or (not first.startswith(b"[") and _parses(first)):
            yield from self._read_lines(source, settings)
            return
        # a JSON array, or an object spread over several lines: one JSON document
        try:
            data = source.read_bytes(limit=settings.max_input_bytes)
            value = json.loads(to_utf8(data).removeprefix(_BOM))
        except InputTooLargeError as exc:
            if first.startswith(b"["):
                yield exc
                return
            value = _NOT_JSON
        except InputError as exc:
            yield exc
            return
        except _READ_ERRORS as exc:
            yield InputError(f"cannot read: {exc}", source=source.name)
            return
        except (ValueError, RecursionError) as exc:
            if first.startswith(b"["):
                yield MalformedRecordError(f"not valid JSON: {exc}", source=source.name)
                return
            value = _NOT_JSON
        if value is _NOT_JSON:
            yield from self._read_lines(source, settings)  # JSON Lines with a broken first line
            return
        records = _records_of(value)
        if not records:
            yield MalformedRecordError("the JSON document holds no records", source=source.name)
        for n, record in enumerate(records, 1):
            try:
                yield record_to_document(
                    record,
                    source=source.name,
                    where=f"record {n}",
                    fallback_source=f"{source.name}#{n}",
                    settings=settings,
                )
            except InputError as exc:
                yield exc

    def _read_lines(self, source: Source, settings: Settings) -> Iterator[ReadItem]:
        count = LineCount()
        try:
            with _open(source) as fh:
                lines = bounded_lines(fh, settings.max_input_bytes)
                yield from json_lines(lines, name=source.name, settings=settings, count=count)
        except _READ_ERRORS as exc:
            yield InputError(
                f"input broken after line {count.lines}: {exc}",
                source=source.name,
                record=f"line {count.lines + 1}",
            )
            return
        if count.records == 0:
            yield EmptyInputError("no JSON records in the input", source=source.name)


@dataclass(slots=True)
class LineCount:
    """Lines read so far, and of them the non-blank ones (records)."""

    lines: int = 0
    records: int = 0


@dataclass(slots=True, frozen=True)
class LongLine:
    """A line longer than the limit, read past without being kept: ``size`` bytes at least."""

    size: int


def bounded_lines(fh: IO[bytes], limit: int, piece: int = 1 << 20) -> Iterator[bytes | LongLine]:
    """The lines of ``fh``, each at most ``limit`` bytes; a longer line is read past in pieces
    (so memory stays bounded however long it is, as in a decompression bomb) and stands as a
    :class:`LongLine`."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        parts, size = [line], len(line)
        while not parts[-1].endswith(b"\n") and size <= limit:
            more = fh.readline(limit + 1 - size)
            if not more:
                break
            parts.append(more)
            size += len(more)
        if size <= limit or (size == limit + 1 and parts[-1].endswith(b"\n")):
            yield b"".join(parts)
            continue
        del parts
        while not line.endswith(b"\n"):
            line = fh.readline(piece)
            if not line:
                break
            size += len(line)
        yield LongLine(size)


def json_lines(
    lines: Iterable[bytes | LongLine], *, name: str, settings: Settings, count: LineCount | None = None
) -> Iterator[ReadItem]:
    """The documents (and errors) of JSON lines, numbered from ``count`` (the lines before them:
    a byte range of a file starts where the lines before it end), which is kept up to date. The
    first line of a file may start with a byte-order mark."""
    count = count if count is not None else LineCount()
    for raw in lines:
        count.lines += 1
        if isinstance(raw, LongLine):
            count.records += 1
            yield InputTooLargeError(
                f"line of {size_text(raw.size)} is over the {size_text(settings.max_input_bytes)} "
                "limit for one record (raise max_input_bytes)",
                source=name,
                record=f"line {count.lines}",
            )
            continue
        if count.lines == 1:
            raw = raw.removeprefix(_BOM)
        if not raw.strip():
            continue
        count.records += 1
        where = f"line {count.lines}"
        try:
            record = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            yield MalformedRecordError(f"not valid JSON: {exc}", source=name, record=where)
            continue
        try:
            yield record_to_document(
                record,
                source=name,
                where=where,
                fallback_source=f"{name}#{count.records}",
                settings=settings,
                size=len(raw),
            )
        except InputError as exc:
            yield exc


_NOT_JSON = object()


def _parses(line: bytes) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True


def _first_line(source: Source, limit: int) -> bytes | LongLine | None:
    """The first non-blank line (stripped, without a byte-order mark), a :class:`LongLine` when it
    is over ``limit``, or None for blank input."""
    with _open(source) as fh:
        for i, raw in enumerate(bounded_lines(fh, limit)):
            if isinstance(raw, LongLine):
                return raw
            line = (raw.removeprefix(_BOM) if i == 0 else raw).strip()
            if line:
                return line
    return None


@contextmanager
def _open(source: Source) -> Iterator[IO[bytes]]:
    """A binary stream of the input, gunzipped when it is gzip, and in UTF-8 when it is UTF-16 or
    UTF-32 (with or without a byte-order mark)."""
    with ExitStack() as stack:
        fh: IO[bytes] = stack.enter_context(source.open())
        magic = fh.read(2)
        fh.seek(0)
        if magic == GZIP_MAGIC:
            fh = cast(IO[bytes], stack.enter_context(gzip.GzipFile(fileobj=fh, mode="rb")))
        wide = wide_encoding(_peek(fh, 4096))
        if wide:
            fh = cast(
                IO[bytes], _Utf8Lines(io.TextIOWrapper(fh, encoding=wide, errors="replace", newline="\n"))
            )
        yield fh


def _peek(fh: IO[bytes], n: int) -> bytes:
    """The first ``n`` bytes of ``fh``, which is then back at its start."""
    head = fh.read(n)
    fh.seek(0)
    return head


class _Utf8Lines(io.RawIOBase):
    """Lines of a text stream as UTF-8 bytes (only ``readline`` and iteration)."""

    def __init__(self, text: io.TextIOWrapper) -> None:
        super().__init__()
        self.text = text

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> bytes:
        line = self.text.readline(-1 if size is None or size < 0 else max(1, size // 4))
        return line.removeprefix("\ufeff").encode("utf-8")


register(JsonlReader())
