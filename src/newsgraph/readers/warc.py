"""WARC (and ARC) archives, gzipped or not: every HTML response becomes one article.

Records are streamed with warcio. Non-HTML records and non-200 responses are skipped; a page
without article text yields a :class:`~newsgraph.errors.NoArticleError` naming its URL; a file cut
short or corrupt yields one :class:`~newsgraph.errors.MalformedRecordError` after every record
before the break."""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from typing import IO, Any, ClassVar

from ..errors import InputError, InputTooLargeError, MalformedRecordError
from ..settings import Settings
from .base import ReadItem, Source, register
from .html import html_to_document

logger = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
#: The first line of an ARC file without a ``filedesc://`` header: URL, IP, 14-digit date.
_ARC_LINE = re.compile(rb"\S+://\S* [0-9.]+ \d{14} ")
#: At most this many bytes after the last complete record may be blank padding.
_TAIL_CHECK = 4096


def warc_date(value: str | None) -> dt.date | None:
    """The date of a ``WARC-Date`` (``2025-03-14T10:00:00Z``) or an ARC date (``20250314100000``)."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) >= 8 and text[:8].isdigit():
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _is_html(content_type: str | None) -> bool:
    if not content_type:
        return False
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def _charset(content_type: str | None) -> str | None:
    m = _CHARSET.search(content_type or "")
    return m.group(1) if m else None


class WarcReader:
    """Reads ``.warc``/``.warc.gz`` (and ``.arc``/``.arc.gz``) crawl archives."""

    name: ClassVar[str] = "warc"
    extensions: ClassVar[tuple[str, ...]] = (".warc", ".warc.gz", ".arc", ".arc.gz")
    priority: ClassVar[int] = 10

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"WARC/") or head.startswith(b"filedesc://")

    def read(self, source: Source, settings: Settings) -> Iterator[ReadItem]:
        from warcio.archiveiterator import ArchiveIterator

        try:
            head = source.head(256)
        except (OSError, EOFError, zlib.error) as exc:  # base.Source lets zlib.error through
            yield MalformedRecordError(f"cannot read: {exc}", source=source.name, record="record 1")
            return
        if not (self.sniff(head) or _ARC_LINE.match(head)):
            start = head[:20].decode("utf-8", "replace")
            yield MalformedRecordError(
                f"not a WARC/ARC archive (starts with {start!r})", source=source.name, record="record 1"
            )
            return
        with ExitStack() as stack:
            try:
                fh = self._open(source, stack)
                size = source.size()
                iterator = ArchiveIterator(fh, arc2warc=True)
                records = iter(iterator)
            except Exception as exc:  # warcio rejects unknown formats at once
                yield MalformedRecordError(
                    f"not a WARC/ARC archive: {exc}", source=source.name, record="record 1"
                )
                return
            n = 0
            end = 0  # where the last complete record ended
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    break
                except Exception as exc:  # any parse failure means the rest of the file is unreadable
                    yield self._broken(source, n + 1, end, str(exc) or type(exc).__name__)
                    return
                n += 1
                try:
                    item, broken = self._record(record, iterator, source, settings)
                    offset, length = iterator.get_record_offset(), iterator.get_record_length()
                except Exception as exc:
                    yield self._broken(source, n, end, str(exc) or type(exc).__name__)
                    return
                if broken:
                    yield self._broken(source, n, offset, broken)
                    return
                end = offset + length
                if item is not None:
                    yield item
            tail = self._tail(source, fh, end, size)
            if tail:
                yield self._broken(source, n + 1, end, tail)
            elif n == 0:
                yield MalformedRecordError(
                    "no WARC records in the file", source=source.name, record="record 1"
                )

    def _record(
        self, record: Any, iterator: Any, source: Source, settings: Settings
    ) -> tuple[ReadItem | None, str | None]:
        """``(document or error or None, why the record is broken or None)`` for one record."""
        url = record.rec_headers.get_header("WARC-Target-URI") or None
        wanted = record.rec_type in ("response", "resource")
        status = record.http_headers.get_statuscode() if record.http_headers is not None else None
        content_type = (
            record.http_headers.get_header("Content-Type")
            if record.http_headers is not None
            else record.rec_headers.get_header("Content-Type")
        )
        if record.rec_type == "response" and status not in (None, "200"):
            wanted = False
        wanted = wanted and _is_html(content_type)
        if not wanted:
            iterator.read_to_end()
            return None, self._truncated(record)
        if record.length is not None and record.length > settings.max_input_bytes:
            iterator.read_to_end()
            error = InputTooLargeError(
                f"record of {record.length / 2**20:.1f} MiB is over the "
                f"{settings.max_input_bytes / 2**20:.0f} MiB limit",
                source=source.name,
                record=url,
            )
            return error, self._truncated(record)
        payload = record.content_stream().read()
        iterator.read_to_end()
        broken = self._truncated(record)
        if broken:
            return None, broken
        try:
            doc = html_to_document(
                payload,
                source=url or source.name,
                url=url,
                fallback_date=warc_date(record.rec_headers.get_header("WARC-Date")),
                settings=settings,
                charset=_charset(content_type),
            )
        except InputError as exc:
            exc.source, exc.record = source.name, url or exc.record
            return exc, None
        doc.reader = self.name
        return doc, None

    @staticmethod
    def _truncated(record: Any) -> str | None:
        if record.length is None:
            return "record has no Content-Length (header cut short or corrupt)"
        missing = getattr(record.raw_stream, "limit", 0)
        if missing:
            return f"record cut short: {missing} of {record.length} bytes missing"
        return None

    @staticmethod
    def _broken(source: Source, n: int, offset: int, why: str) -> MalformedRecordError:
        return MalformedRecordError(
            f"archive broken, reading stopped: {why}",
            source=source.name,
            record=f"record {n} at offset {offset}",
        )

    @staticmethod
    def _tail(source: Source, fh: IO[bytes], end: int, size: int) -> str | None:
        """Why the bytes after the last complete record are not blank padding, or None."""
        if size <= end:
            return None
        if size - end > _TAIL_CHECK:
            return f"{size - end} bytes after the last complete record do not form a record"
        try:
            fh.seek(end)
            tail = fh.read(size - end)
        except (OSError, ValueError):
            return None
        if tail.strip(b"\r\n\t \x00"):
            return f"{size - end} bytes after the last complete record do not form a record (file cut short?)"
        return None

    @staticmethod
    def _open(source: Source, stack: ExitStack) -> IO[bytes]:
        if source.path is None:
            return io.BytesIO(source.data or b"")
        return stack.enter_context(source.path.open("rb"))


register(WarcReader())
