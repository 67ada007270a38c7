"""One loader for the lexicons and tables newsgraph ships as data files (``<package>/data/<name>``).

Every word list and table the cleaner, the extractors and the resolvers read is a UTF-8 text file
in a ``data/`` folder of its subpackage: one entry per line, tab-separated fields, ``#`` starting a
comment line. :data:`TABLES_VERSION` names the set as a whole; pipeline components record it, with
a digest of the files they read, when they are saved (``nlp.to_disk``), and check it on load."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import resources

#: The version of the shipped tables; raise it when a table changes meaning (not for new entries).
TABLES_VERSION = "newsgraph.tables.v1"

#: A data file: (subpackage, file name), e.g. ``("newsgraph.extract", "reporting_verbs.txt")``.
Table = tuple[str, str]


def data_text(package: str, name: str) -> str:
    """The whole text of ``<package>/data/<name>``."""
    return resources.files(package).joinpath(f"data/{name}").read_text(encoding="utf-8")


def data_lines(package: str, name: str, *, strip: bool = False) -> list[str]:
    """The non-empty, non-comment lines of ``<package>/data/<name>``, as written; with ``strip``,
    each line is stripped first, so that an indented ``#`` line is a comment too."""
    lines = data_text(package, name).splitlines()
    if strip:
        return [s for s in (ln.strip() for ln in lines) if s and not s.startswith("#")]
    return [ln for ln in lines if ln.strip() and not ln.startswith("#")]


def data_rows(package: str, name: str, *, strip: bool = False, header: bool = False) -> list[list[str]]:
    """Tab-separated fields of :func:`data_lines`; ``strip`` strips each field, ``header`` drops the
    first row."""
    rows = [ln.split("\t") for ln in data_lines(package, name)]
    if strip:
        rows = [[f.strip() for f in row] for row in rows]
    return rows[1:] if header else rows


def data_words(package: str, name: str) -> frozenset[str]:
    """The whitespace-separated words of the non-comment lines of ``<package>/data/<name>``."""
    return frozenset(
        w for ln in data_text(package, name).splitlines() if not ln.startswith("#") for w in ln.split()
    )


def digest(tables: Iterable[Table]) -> dict[str, str]:
    """``{"package/name": sha256 hex}`` of each table's bytes, to tell whether a saved pipeline was
    made with the same tables."""
    out: dict[str, str] = {}
    for package, name in tables:
        data = resources.files(package).joinpath(f"data/{name}").read_bytes()
        out[f"{package}/{name}"] = hashlib.sha256(data).hexdigest()
    return out
