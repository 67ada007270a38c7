"""One small hierarchy of errors. Library code raises these; only the edges (CLI, HTTP) turn them
into messages for people.

Each class carries a short code so a message can be searched for in the docs
(``docs/errors.md``)."""

from __future__ import annotations

import re

_BREAKS = re.compile(r"\s*[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+\s*")


def one_line(message: str) -> str:
    """``message`` on one line: line breaks (and the blanks around them) become one space."""
    return _BREAKS.sub(" ", message).strip() if _BREAKS.search(message) else message


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""

    code = "NG000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(NewsgraphError):
    """An input (file, record, stream) could not be read. The run goes on with the rest."""

    code = "NG100"

    def __init__(self, message: str, *, source: str = "", record: str | None = None) -> None:
        message = one_line(message)
        super().__init__(message)
        self.message = message
        self.source = source
        self.record = record

    @property
    def where(self) -> str:
        return f"{self.source}:{self.record}" if self.record else self.source

    def __str__(self) -> str:
        where = self.where
        return f"[{self.code}] {where}: {self.message}" if where else f"[{self.code}] {self.message}"


class EmptyInputError(InputError):
    """The input holds no text at all."""

    code = "NG101"


class BinaryInputError(InputError):
    """The input looks like binary data, not text, HTML, JSON, WARC or a feed."""

    code = "NG102"


class DecodeError(InputError):
    """The bytes could not be decoded as text in any encoding we try."""

    code = "NG103"


class InputTooLargeError(InputError):
    """The input is larger than ``max_input_bytes`` allows for a format that is read whole."""

    code = "NG104"


class MalformedRecordError(InputError):
    """One record (JSON line, WARC record, feed entry) is broken; the others are still read."""

    code = "NG105"


class NoArticleError(InputError):
    """The input was read but no article text could be found in it."""

    code = "NG106"


class InputNotFoundError(InputError):
    """A path or glob given on the command line matched nothing."""

    code = "NG107"


class UnreadableInputError(InputError):
    """The input exists but cannot be read: no permission, an unreadable folder, an I/O error."""

    code = "NG108"


class NotRegularFileError(InputError):
    """The path is a named pipe (FIFO), a device (``/dev/zero``) or a socket, not a file: it is not
    opened, since reading it could block or never end."""

    code = "NG109"


class BrokenLinkError(InputError):
    """A symbolic link points nowhere (dangling) or into a loop."""

    code = "NG110"


class ConfigError(NewsgraphError):
    """A setting is invalid."""

    code = "NG200"


class ModelNotFoundError(ConfigError):
    """The spaCy model package named in the settings is not installed."""

    code = "NG201"


class TablesMismatchError(ConfigError):
    """A saved pipeline asks for lexicon tables this newsgraph does not ship."""

    code = "NG202"


class MissingExtraError(ConfigError):
    """An option needs an optional dependency that is not installed (``pip install newsgraph[dask]``)."""

    code = "NG203"


class ManifestError(ConfigError):
    """A manifest (``ingest --manifest``) cannot be read or has a bad row."""

    code = "NG204"


class StoreError(NewsgraphError):
    """The DuckDB store cannot be opened or written."""

    code = "NG300"


class NotAStoreError(StoreError):
    """The file given as the database is not a DuckDB database (a SQLite file, an empty file,
    anything else): found by its header before DuckDB opens it."""

    code = "NG301"


class DamagedStoreError(StoreError):
    """The database file is truncated or a part of it cannot be read."""

    code = "NG302"


class NewerStoreError(StoreError):
    """The store was written by a newer newsgraph (a schema version this one does not know): it
    is not written to."""

    code = "NG303"


class StoreWriteError(StoreError):
    """A write to the store failed (disk full, a folder or file that is not writable); the
    batches committed before it are kept."""

    code = "NG304"


class ExtractError(NewsgraphError):
    """An extractor failed on one article; the article is kept without that extractor's facts."""

    code = "NG400"


class WorkerStartError(ExtractError):
    """The worker processes of a run on several cores could not start (most often: a Python
    script that calls newsgraph without the ``if __name__ == "__main__":`` guard)."""

    code = "NG402"


class MissingAnnotationError(ExtractError):
    """A newsgraph component found a doc without an annotation it needs (a parse, named entities):
    a component that should run before it is missing from the pipeline."""

    code = "NG401"


class TextTooLongError(ExtractError):
    """An article is longer than the NLP pipeline takes in one piece (spaCy's ``max_length``): it
    is stored with its text and metadata, without facts."""

    code = "NG403"
