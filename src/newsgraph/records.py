"""Typed records that travel through the pipeline, each with one documented JSON form
(``docs/schema.md``). Every span is a pair of character offsets ``start``/``end`` into an
article's ``text``."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, overload

from .errors import one_line

if TYPE_CHECKING:
    from .resolve.stories import Sketch

PublishedFrom = Literal["metadata", "user", "text"]
DocumentKind = Literal["dump", "article", "raw"]

#: Fact lists every article carries; each later extractor fills one of them.
FACT_KINDS: tuple[str, ...] = ("entities", "quotes", "events", "counts", "dates", "places")
#: The types an entity record can have (the spaCy labels that become entities).
ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
#: The kinds a quote record can have.
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
#: The kinds a count record can have.
COUNT_KINDS: tuple[str, ...] = (
    "killed",
    "wounded",
    "abducted",
    "arrested",
    "displaced",
    "missing",
    "protesters",
    "troops",
    "other",
    "percent",
    "money",
)


@dataclass(slots=True)
class Segment:
    """``text[start:end]`` came from ``raw[raw_start:raw_end]``. When both lengths are equal the
    characters correspond one to one; otherwise the whole range maps to the whole range."""

    start: int
    end: int
    raw_start: int
    raw_end: int

    def as_list(self) -> list[int]:
        return [self.start, self.end, self.raw_start, self.raw_end]


@dataclass(slots=True)
class SourceMap:
    """Maps offsets in an article's text back to offsets in its document's source text."""

    segments: list[Segment] = field(default_factory=list)

    def to_raw(self, offset: int) -> int:
        """Raw offset of the character at ``offset`` (or of the end, for ``offset == len(text)``)."""
        segs = self.segments
        if not segs:
            return offset
        lo, hi = 0, len(segs) - 1
        while lo < hi:  # last segment whose start <= offset
            mid = (lo + hi + 1) // 2
            if segs[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        seg = segs[lo]
        if offset >= seg.end:
            return seg.raw_end + (offset - seg.end) if lo == len(segs) - 1 else seg.raw_end
        if seg.end - seg.start == seg.raw_end - seg.raw_start:
            return seg.raw_start + max(0, offset - seg.start)
        return seg.raw_start

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` covering the text span ``[start, end)``."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        raw_start = self.to_raw(start)
        last = self.to_raw(end - 1)
        seg = self._segment_of(end - 1)
        if seg is not None and seg.end - seg.start != seg.raw_end - seg.raw_start:
            return raw_start, seg.raw_end
        return raw_start, last + 1

    def _segment_of(self, offset: int) -> Segment | None:
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg
        return None

    def as_list(self) -> list[list[int]]:
        return [s.as_list() for s in self.segments]

    @classmethod
    def from_list(cls, rows: list[list[int]] | None) -> SourceMap:
        return cls([Segment(*row) for row in rows or []])

    @classmethod
    def identity(cls, length: int, raw_start: int = 0) -> SourceMap:
        return cls([Segment(0, length, raw_start, raw_start + length)] if length else [])


@dataclass(slots=True)
class Document:
    """One unit an input reader produced: a whole text file, one HTML page, one JSON line, one WARC
    response record or one feed entry. ``text`` is the decoded source text that the articles'
    source maps point into."""

    source: str
    text: str
    reader: str
    kind: DocumentKind = "article"
    raw_hash: str = ""
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    #: Section headings the input marks as such (HTML ``<h2>``, fundus section headlines).
    headings: list[str] = field(default_factory=list)
    encoding: str | None = None
    size_bytes: int = 0
    #: The language a manifest gives (ISO 639-1): the detector is then not asked.
    language: str | None = None
    #: The outlet (publication) a manifest gives.
    outlet: str | None = None

    def __post_init__(self) -> None:
        # a lone surrogate (a JSON "\\udc80", a file name that is not UTF-8) cannot be stored
        self.source, self.text = no_surrogates(self.source), no_surrogates(self.text)
        self.title, self.url = no_surrogates(self.title), no_surrogates(self.url)
        self.authors = [no_surrogates(a) for a in self.authors]
        self.captions = [no_surrogates(c) for c in self.captions]
        self.headings = [no_surrogates(h) for h in self.headings]
        self.outlet, self.language = no_surrogates(self.outlet), no_surrogates(self.language)
        if not self.raw_hash:
            self.raw_hash = content_hash(self.kind, self.text)


@dataclass(slots=True)
class Heading:
    """An in-body section heading; it stays in ``text`` at ``[start, end)``."""

    text: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Draft:
    """A cleaned article before NLP: what the splitter and cleaner produce from a document."""

    source: str
    text: str
    source_map: SourceMap
    title: str | None = None
    published: dt.date | None = None
    published_from: PublishedFrom | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    doc_hash: str = ""
    language: str | None = None
    language_score: float | None = None
    outlet: str | None = None

    @property
    def id(self) -> str:
        return content_hash(self.title or "", self.text)


@dataclass(slots=True)
class Article:
    """The output record: one cleaned article with its facts. ``as_dict()`` is the JSON form that
    ``newsgraph extract`` prints, one object per line."""

    id: str
    source: str
    title: str | None
    published: dt.date | None
    published_from: PublishedFrom | None
    text: str
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    source_map: SourceMap = field(default_factory=SourceMap)
    doc_hash: str = ""
    #: How much the article is about public affairs, in [0, 1] (``newsgraph_relevance``); None
    #: when the pipeline that made it had no relevance component.
    relevance: float | None = None
    #: ISO 639-1 code, or "und" when too short or unclear to judge; None when never judged.
    language: str | None = None
    #: The detector's confidence in ``language``, in [0, 1]; 1.0 when a manifest gave it.
    language_score: float | None = None
    outlet: str | None = None
    #: Why the extractors did not run on this article ("language": not a supported language).
    skipped: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    counts: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    #: Worked out where the text is (a worker process) for the store, not part of the JSON form:
    #: the count of whitespace-separated words of ``text`` (:meth:`word_count`) and the story
    #: sketch of :mod:`newsgraph.resolve.stories`, so the parent does not redo them.
    n_words: int | None = field(default=None, init=False, compare=False, repr=False)
    sketch: Sketch | None = field(default=None, init=False, compare=False, repr=False)

    def word_count(self) -> int:
        """The whitespace-separated words of ``text`` (counted once, then remembered)."""
        if self.n_words is None:
            self.n_words = len(self.text.split())
        return self.n_words

    @classmethod
    def from_draft(
        cls,
        draft: Draft,
        facts: dict[str, list[dict[str, Any]]] | None = None,
        relevance: float | None = None,
        skipped: str | None = None,
    ) -> Article:
        facts = facts or {}
        return cls(
            id=draft.id,
            source=draft.source,
            title=draft.title,
            published=draft.published,
            published_from=draft.published_from,
            text=draft.text,
            url=draft.url,
            authors=list(draft.authors),
            captions=list(draft.captions),
            credits=list(draft.credits),
            headings=list(draft.headings),
            source_map=draft.source_map,
            doc_hash=draft.doc_hash,
            relevance=relevance,
            language=draft.language,
            language_score=draft.language_score,
            outlet=draft.outlet,
            skipped=skipped,
            **{kind: list(facts.get(kind, [])) for kind in FACT_KINDS},
        )

    def facts(self) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        for kind in FACT_KINDS:
            yield kind, getattr(self, kind)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "published_from": self.published_from,
            "relevance": self.relevance,
            "language": self.language,
            "language_score": self.language_score,
            "outlet": self.outlet,
            "skipped": self.skipped,
            "authors": self.authors,
            "text": self.text,
            "captions": self.captions,
            "credits": self.credits,
            "headings": [h.as_dict() for h in self.headings],
            "source_map": {"document": self.doc_hash, "segments": self.source_map.as_list()},
            **{kind: facts for kind, facts in self.facts()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        published = data.get("published")
        smap = data.get("source_map") or {}
        return cls(
            id=data["id"],
            source=data["source"],
            url=data.get("url"),
            title=data.get("title"),
            published=dt.date.fromisoformat(published) if published else None,
            published_from=data.get("published_from"),
            authors=list(data.get("authors") or []),
            text=data["text"],
            captions=list(data.get("captions") or []),
            credits=list(data.get("credits") or []),
            headings=[Heading(**h) for h in data.get("headings") or []],
            source_map=SourceMap.from_list(smap.get("segments")),
            doc_hash=smap.get("document", ""),
            relevance=data.get("relevance"),
            language=data.get("language"),
            language_score=data.get("language_score"),
            outlet=data.get("outlet"),
            skipped=data.get("skipped"),
            **{kind: list(data.get(kind) or []) for kind in FACT_KINDS},
        )


@dataclass(slots=True)
class ErrorRecord:
    """A failure recorded in the store's ``errors`` table and reported on one line."""

    source: str
    message: str
    kind: str
    code: str
    stage: str = "read"
    record: str | None = None

    def __post_init__(self) -> None:  # stored, and printed on one line
        self.source, self.record = one_line(no_surrogates(self.source)), no_surrogates(self.record)
        self.message = one_line(no_surrogates(self.message))
        self.record = one_line(self.record) if self.record else self.record

    def line(self) -> str:
        where = f"{self.source}:{self.record}" if self.record else self.source
        return f"error [{self.code}] {where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "record": self.record,
            "stage": self.stage,
            "kind": self.kind,
            "code": self.code,
            "message": self.message,
        }


_SURROGATE = re.compile("[\ud800-\udfff]")


@overload
def no_surrogates(text: str) -> str: ...
@overload
def no_surrogates(text: None) -> None: ...
def no_surrogates(text: str | None) -> str | None:
    """``text`` with every lone surrogate (which UTF-8 cannot encode) replaced by U+FFFD; the
    length, and so every offset into the text, stays the same."""
    if not text:
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def content_hash(*parts: str) -> str:
    """Stable 16-hex-digit hash of some strings (sha256, NUL-separated)."""
    h = hashlib.sha256()
    for i, part in enumerate(parts):
        if i:
            h.update(b"\0")
        h.update(part.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]
