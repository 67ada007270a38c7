"""Manifests: per-file (or per-record) publication date, URL, outlet and language for inputs that
do not carry them (``newsgraph ingest --manifest FILE.csv|jsonl``).

A manifest is a CSV file with a header row, or JSON Lines with one object per line. Each row names
what it applies to by ``path`` (an input file, relative to the manifest's folder unless absolute)
or by ``source`` (one record, as newsgraph names its source: a JSON or WARC record's URL, ``file#n``,
a feed entry's link), and gives any of ``published`` (YYYY-MM-DD), ``url``, ``outlet`` and
``language`` (ISO 639-1; the language detector is then not asked). A ``source`` row wins over a
``path`` row for the same document; what a row gives replaces what the input says.

A manifest that cannot be read, or a row with an unknown column, a bad date or a bad language code,
stops the command before any input is read (``NG204``, naming the manifest's line)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import ManifestError
from ..records import Document, ErrorRecord

#: Columns a manifest row may have.
COLUMNS = ("path", "source", "published", "url", "outlet", "language")
_LANGUAGE = re.compile(r"[a-z]{2,3}\Z")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """What a manifest row says of the documents it applies to (None: nothing said)."""

    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None

    def apply(self, doc: Document) -> Document:
        return replace(
            doc,
            published=self.published or doc.published,
            url=self.url or doc.url,
            outlet=self.outlet or doc.outlet,
            language=self.language or doc.language,
        )


@dataclass(frozen=True, slots=True)
class Manifest:
    """Rows of a manifest by input file (resolved path) and by record source."""

    name: str
    by_path: dict[str, ManifestEntry]
    by_source: dict[str, ManifestEntry]

    def entry(self, source: str, input_name: str) -> ManifestEntry | None:
        """The row for a document whose source is ``source``, read from the input ``input_name``."""
        found = self.by_source.get(source)
        if found is not None:
            return found
        return self.by_path.get(_key(input_name)) or self.by_path.get(_key(source))

    def apply(
        self, items: Iterable[Document | ErrorRecord], input_name: str
    ) -> Iterator[Document | ErrorRecord]:
        """``items`` (what a reader gave for ``input_name``) with each document's manifest row applied."""
        for item in items:
            if isinstance(item, Document):
                row = self.entry(item.source, input_name)
                yield row.apply(item) if row is not None else item
            else:
                yield item

    def __len__(self) -> int:
        return len(self.by_path) + len(self.by_source)


def _key(name: str) -> str:
    """A file's key: its resolved path (a URL or ``-`` as it is)."""
    if "://" in name or name == "-":
        return name
    return str(Path(name).expanduser().resolve())


def _rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ManifestError(f"manifest {path} line {n}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise ManifestError(f"manifest {path} line {n}: not a JSON object")
            yield n, row
        return
    reader = csv.DictReader(io.StringIO(text))
    for row in reader:
        yield reader.line_num, {k.strip() if k else k: v for k, v in row.items()}


def _entry(path: Path, n: int, row: dict[str, Any]) -> ManifestEntry:
    where = f"manifest {path} line {n}"
    unknown = sorted(str(k) for k in row if k not in COLUMNS)
    if unknown:
        raise ManifestError(f"{where}: unknown column(s) {', '.join(unknown)} (known: {', '.join(COLUMNS)})")

    def text(key: str) -> str | None:
        value = row.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise ManifestError(f"{where}: {key} must be text, got {value!r}")
        return value.strip() or None

    published = text("published")
    date: dt.date | None = None
    if published:
        try:
            date = dt.date.fromisoformat(published[:10])
        except ValueError:
            raise ManifestError(
                f"{where}: published is not a date in the form YYYY-MM-DD: {published!r}"
            ) from None
    language = text("language")
    if language:
        language = language.lower()
        if not _LANGUAGE.match(language):
            raise ManifestError(
                f"{where}: language must be an ISO 639 code such as en or de, got {language!r}"
            )
    return ManifestEntry(published=date, url=text("url"), outlet=text("outlet"), language=language)


def load_manifest(path: str | Path) -> Manifest:
    """Read and check a manifest (CSV with a header row, or JSON Lines by the file extension)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"manifest {path} cannot be read: {exc}") from None
    base = path.resolve().parent
    by_path: dict[str, ManifestEntry] = {}
    by_source: dict[str, ManifestEntry] = {}
    for n, row in _rows(path, text):
        entry = _entry(path, n, row)
        source, file = row.get("source"), row.get("path")
        if isinstance(source, str) and source.strip():
            by_source[source.strip()] = entry
        elif isinstance(file, str) and file.strip():
            name = file.strip()
            by_path[name if "://" in name else str((base / Path(name).expanduser()).resolve())] = entry
        else:
            raise ManifestError(f"manifest {path} line {n}: a row needs a path or a source")
    return Manifest(name=str(path), by_path=by_path, by_source=by_source)


@cache
def cached_manifest(path: str) -> Manifest:
    """:func:`load_manifest`, once per process (each worker of a run reads it once)."""
    return load_manifest(path)
