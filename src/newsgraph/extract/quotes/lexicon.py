"""The word lists the quote passes read, shipped in ``extract/data`` and loaded once through
:mod:`newsgraph.tables`: reporting verbs, source nouns, attribution nouns and attitude frames."""

from __future__ import annotations

from functools import cache

from ...tables import Table, data_rows, data_words

#: The data files of this package's lexicons (the component's ``tables``).
TABLES: tuple[Table, ...] = (
    ("newsgraph.extract", "reporting_verbs.txt"),
    ("newsgraph.extract", "source_nouns.txt"),
    ("newsgraph.extract", "attribution_nouns.txt"),
    ("newsgraph.extract", "attitude_verbs.tsv"),
    ("newsgraph.extract", "quote_cue_classes.tsv"),
    ("newsgraph.extract", "quote_confidence.tsv"),
)


@cache
def reporting_lemmas() -> frozenset[str]:
    """Lemmas of verbs that report speech or belief (``data/reporting_verbs.txt``)."""
    return data_words("newsgraph.extract", "reporting_verbs.txt")


@cache
def source_nouns() -> frozenset[str]:
    """Common nouns naming people or groups who can be a quote's source (``data/source_nouns.txt``)."""
    return data_words("newsgraph.extract", "source_nouns.txt")


@cache
def attribution_nouns() -> frozenset[str]:
    """Nouns that attribute what follows to their possessor (``data/attribution_nouns.txt``)."""
    return data_words("newsgraph.extract", "attribution_nouns.txt")


@cache
def attitude_frames() -> dict[str, frozenset[str]]:
    """Verbs whose object or infinitive clause is the content (``data/attitude_verbs.tsv``)."""
    out: dict[str, frozenset[str]] = {}
    for lemma, frames in data_rows("newsgraph.extract", "attitude_verbs.tsv", strip=True):
        out[lemma] = frozenset(f.strip() for f in frames.split(","))
    return out
