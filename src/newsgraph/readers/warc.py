"""WARC (and ARC) archives, gzipped or not: every HTML response becomes one article.

Records are streamed with warcio. Non-HTML records and non-200 responses are skipped; a page
without article text yields a :class:`~newsgraph.errors.NoArticleError` naming its URL; a file cut
short or corrupt yields one :class:`~newsgraph.errors.MalformedRecordError` after every record
before the break."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from functools import partial
from typing import IO, Any, ClassVar, TypeVar

from ..errors import InputError, InputTooLargeError, MalformedRecordError, NoArticleError
from ..settings import Settings
from .base import ReadItem, Source, register, size_text
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


_STATUS = re.compile(r"[1-5]\d\d")
_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>]", re.I)
T = TypeVar("T")


def _quiet(step: Callable[[], T]) -> T:
    """``step()`` with what warcio writes to standard error (several lines per odd record) caught
    and logged: every failure a run reports is one line, and the reader reports its own."""
    caught = io.StringIO()
    with contextlib.redirect_stderr(caught):
        out = step()
    if caught.getvalue():
        logger.debug("warcio: %s", " ".join(caught.getvalue().split()))
    return out


def _why(exc: Exception) -> str:
    """What a warcio exception means, in words."""
    if isinstance(exc, AttributeError) and "startswith" in str(exc):
        return "a record has no WARC-Target-URI"
    return str(exc) or type(exc).__name__


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
            skipped: Counter[str] = Counter()  # why records gave no article
            given = 0  # documents and errors yielded
            while True:
                try:
                    record = _quiet(lambda: next(records))
                except StopIteration:
                    break
                except Exception as exc:  # any parse failure means the rest of the file is unreadable
                    yield self._broken(source, n + 1, end, _why(exc))
                    return
                n += 1
                try:
                    item, broken = _quiet(
                        partial(self._record, record, iterator, source, settings, n, skipped)
                    )
                    offset, length = iterator.get_record_offset(), iterator.get_record_length()
                except Exception as exc:
                    yield self._broken(source, n, end, _why(exc))
                    return
                if broken:
                    yield self._broken(source, n, offset, broken)
                    return
                end = offset + length
                if item is not None:
                    given += 1
                    yield item
            tail = self._tail(source, fh, end, size)
            if tail:
                yield self._broken(source, n + 1, end, tail)
            elif n == 0:
                yield MalformedRecordError(
                    "no WARC records in the file", source=source.name, record="record 1"
                )
            elif not given:  # a file that gave nothing says why, so that it is never silent
                why = ", ".join(f"{reason}: {count}" for reason, count in sorted(skipped.items()))
                yield NoArticleError(
                    f"no HTML page in the archive ({n} record{'s' if n > 1 else ''}; {why})",
                    source=source.name,
                )

    def _record(
        self, record: Any, iterator: Any, source: Source, settings: Settings, n: int, skipped: Counter[str]
    ) -> tuple[ReadItem | None, str | None]:
        """``(document or error or None, why the record is broken or None)`` for record ``n``;
        why a record gives no article is counted in ``skipped``."""
        url = record.rec_headers.get_header("WARC-Target-URI") or None
        where = url or f"record {n}"
        rec_type = record.rec_type
        http = record.http_headers
        status = http.get_statuscode() if http is not None else None
        content_type = (
            http.get_header("Content-Type")
            if http is not None
            else record.rec_headers.get_header("Content-Type")
        )
        skip: str | None = None
        error: InputError | None = None
        if not rec_type:
            error = MalformedRecordError("record has no WARC-Type", source=source.name, record=f"record {n}")
        elif rec_type not in ("response", "resource"):
            skip = f"{rec_type} records"
        elif (
            rec_type == "response"
            and http is None
            and not (url or "").lower().startswith(("http:", "https:"))
        ):
            skip = "responses to a URI that is not http(s)"
        elif rec_type == "response" and http is not None and not _STATUS.fullmatch(status or ""):
            line = (http.protocol + " " + http.statusline).strip()[:60]
            error = MalformedRecordError(
                f"unreadable HTTP status line {line!r}", source=source.name, record=where
            )
        elif rec_type == "response" and status not in (None, "200"):
            skip = f"HTTP status {status}"
        elif content_type and not _is_html(content_type):
            skip = f"not HTML ({content_type.split(';', 1)[0].strip().lower()[:40]})"
        if skip or error:
            iterator.read_to_end()
            if skip:
                skipped[skip] += 1
            return error, self._truncated(record)
        limit = settings.max_input_bytes
        if record.length is not None and record.length > limit:
            iterator.read_to_end()
            error = InputTooLargeError(
                f"record of {size_text(record.length)} is over the {size_text(limit)} limit",
                source=source.name,
                record=where,
            )
            return error, self._truncated(record)
        # the payload is read within the limit: a Content-Encoding (gzip, br) could make it a bomb
        payload = record.content_stream().read(limit + 1)
        iterator.read_to_end()
        broken = self._truncated(record)
        if broken:
            return None, broken
        if len(payload) > limit:
            error = InputTooLargeError(
                f"page decompresses to more than the {size_text(limit)} limit",
                source=source.name,
                record=where,
            )
            return error, None
        if not content_type and not _HTML_START.search(payload[:1024]):
            skipped["no Content-Type and not HTML"] += 1
            return None, None
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
            exc.source, exc.record = source.name, where
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
            record=f"record {n} at offset {offset}" if offset >= 0 else f"record {n}",
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
        return stack.enter_context(source.open())


register(WarcReader())
