"""newsgraph: raw news in; clean articles, entities, quotes, events, counts, dates and places out,
each fact with character offsets into its article, in an embedded DuckDB store."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from .errors import NewsgraphError
from .records import Article, Document, ErrorRecord
from .settings import Settings

__all__ = [
    "Article",
    "Document",
    "ErrorRecord",
    "NewsgraphError",
    "Settings",
    "__version__",
    "extract",
    "ingest",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> object:
    # extract/ingest pull in spaCy; import them on first use so `import newsgraph` stays light.
    if name in ("extract", "ingest"):
        from .runner import local

        return getattr(local, name)
    raise AttributeError(name)
