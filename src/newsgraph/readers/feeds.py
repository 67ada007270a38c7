"""RSS, Atom and RDF feeds: every entry with text (full content, else summary) is one article; an
entry with only a headline is an article with a title and no body (``text`` empty)."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
import time
import zlib
from collections.abc import Iterator
from typing import Any, ClassVar

from ..errors import InputError, MalformedRecordError, NoArticleError
from ..records import Document, content_hash
from ..settings import Settings
from .base import ReadItem, Source, register
from .decode import to_utf8, wide_encoding
from .html import fragment_lines
from .jsonl import authors_of

logger = logging.getLogger(__name__)

_SNIFF = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_XML_ENCODING = re.compile(rb"""\A(\s*<\?xml[^>]*?\bencoding\s*=\s*["'])[^"']*(["'])""")


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    return " ".join(text.split()) or None


def entry_date(entry: Any) -> dt.date | None:
    """The entry's publication (else update) date, as the feed wrote it; feedparser's UTC
    ``*_parsed`` fields when the string is not RFC 822 or ISO 8601."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if isinstance(raw, str) and raw.strip():
            text = raw.strip()
            try:
                return email.utils.parsedate_to_datetime(text).date()
            except (TypeError, ValueError, IndexError):
                pass
            try:
                return dt.datetime.fromisoformat(text).date()
            except ValueError:
                pass
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def entry_body(entry: Any) -> tuple[list[str], list[str]]:
    """``(lines, captions)`` of the entry's full content, else of its summary."""
    for content in entry.get("content") or []:
        value = content.get("value") if isinstance(content, dict) else None
        if isinstance(value, str) and value.strip():
            lines, captions = fragment_lines(value)
            if lines:
                return lines, captions
    summary = entry.get("summary")
    if isinstance(summary, str) and summary.strip():
        return fragment_lines(summary)
    return [], []


class FeedReader:
    """Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds with feedparser."""

    name: ClassVar[str] = "feed"
    extensions: ClassVar[tuple[str, ...]] = (".rss", ".atom", ".rdf", ".xml", ".rss.gz", ".atom.gz")
    priority: ClassVar[int] = 30

    def sniff(self, head: bytes) -> bool:
        return bool(_SNIFF.search(head))

    def read(self, source: Source, settings: Settings) -> Iterator[ReadItem]:
        import feedparser

        try:
            data = source.read_bytes(limit=settings.max_input_bytes)
        except InputError as exc:
            yield exc
            return
        except (OSError, EOFError, zlib.error) as exc:  # base.Source lets zlib.error through
            yield InputError(f"cannot read: {exc}", source=source.name)
            return
        if wide_encoding(data):  # UTF-16/32: given to the parser as UTF-8, as its declaration then says
            data = _XML_ENCODING.sub(rb"\1utf-8\2", to_utf8(data), count=1)
        if not data.strip():
            yield NoArticleError("empty feed file", source=source.name)
            return
        try:
            feed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
        except Exception as exc:  # feedparser should not raise, but a reader must not either
            yield InputError(f"feed could not be parsed: {exc}", source=source.name)
            return
        entries = list(feed.get("entries") or [])
        if not entries:
            if feed.get("bozo"):
                why = feed.get("bozo_exception")
                yield InputError(f"not a readable RSS/Atom feed: {why}", source=source.name)
            else:
                yield NoArticleError("feed holds no entries", source=source.name)
            return
        if feed.get("bozo"):
            logger.info(
                "%s: feed is not well-formed (%s); read leniently", source.name, feed.get("bozo_exception")
            )
        for n, entry in enumerate(entries, 1):
            title = _clean(entry.get("title"))
            link = _clean(entry.get("link"))
            lines, captions = entry_body(entry)
            if not lines and title:  # a headline-only item: kept as it is, nothing to clean
                yield Document(
                    source=link or f"{source.name}#{n}",
                    text="",
                    reader=self.name,
                    kind="raw",
                    raw_hash=content_hash("headline", title, link or ""),
                    title=title,
                    published=entry_date(entry),
                    url=link,
                    authors=_entry_authors(entry),
                    captions=captions,
                    encoding=feed.get("encoding") or None,
                    size_bytes=len(title),
                )
                continue
            if not lines:
                yield MalformedRecordError(
                    f"entry{f' ({link})' if link else ''} has neither title nor text",
                    source=source.name,
                    record=f"entry {n}",
                )
                continue
            yield Document(
                source=link or f"{source.name}#{n}",
                text="\n".join(lines),
                reader=self.name,
                kind="raw" if settings.raw else "article",
                title=title,
                published=entry_date(entry),
                url=link,
                authors=_entry_authors(entry),
                captions=captions,
                encoding=feed.get("encoding") or None,
                size_bytes=sum(len(line) for line in lines),
            )


def _entry_authors(entry: Any) -> list[str]:
    names: list[Any] = [a.get("name") for a in entry.get("authors") or [] if isinstance(a, dict)]
    names.append(entry.get("author"))
    return authors_of([n for n in names if isinstance(n, str)])


register(FeedReader())
