"""What the lists' store queries share: which tables and columns a store has (one written by an
older version may lack some), the SQL of a fact's confidence, the names an entity filter finds."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

import duckdb

from ..store.db import Store, column, columns
from ..store.export_graph import DERIVED, name_pattern
from .filters import EventFilter, QuoteFilter


def has_table(store: Store, name: str) -> bool:
    """Whether the store has the table ``name`` (one written by an older version may not)."""
    return name in store.tables()


def article_language(store: Store, alias: str = "a") -> str:
    """SQL for the language of the article aliased ``alias`` (NULL in a store older than the column)."""
    return f'{alias}."language"' if "language" in columns(store.con, "articles") else "NULL"


def fact_confidence(have: set[str], prefix: str = "") -> str:
    """The SQL for an event's or a quote's confidence: the typed column when the table (whose
    column names are ``have``) has it, else the record's field (a store opened read-only that an
    older version wrote); NULL for facts stored before they had one."""
    fallback = f"TRY_CAST({prefix}record->>'confidence' AS DOUBLE)"
    found = column(have, "confidence", fallback)
    return fallback if found == fallback else prefix + found


def fact_conditions(
    store: Store, f: QuoteFilter | EventFilter, *, confidence: str, date: str
) -> tuple[str, list[Any]]:
    """The filters every fact list has, as SQL to append to its ``WHERE`` (``" AND ..."`` each)
    and their parameters: the article's language, the fact's ``confidence`` (SQL; a fact stored
    without one counts as 1.0) at the filter's ``min_confidence`` or above, and the dates bounding
    ``date`` (SQL: the fact's date or its article's)."""
    sql = ""
    params: list[Any] = []
    if f.language:
        sql += f" AND {article_language(store)} = ?"
        params.append(f.language)
    if f.min_confidence > 0:
        sql += f" AND coalesce({confidence}, 1.0) >= ?"
        params.append(f.min_confidence)
    if f.date_from:
        sql += f" AND {date} >= ?"
        params.append(f.date_from)
    if f.date_to:
        sql += f" AND {date} <= ?"
        params.append(f.date_to)
    return sql, params


def keys_named(con: duckdb.DuckDBPyConnection, words: str) -> tuple[str, ...]:
    """The keys of the entities with a name or alias in which ``words`` start words ("blinken"
    finds Antony Blinken, "usa" does not find Jerusalem), read from ``derived.entity_stats``
    (:func:`newsgraph.store.export_graph.prepare_entities`)."""
    sql = f"SELECT key FROM {DERIVED}.entity_stats WHERE contains(folded, ?) ORDER BY key"
    return tuple(r[0] for r in con.execute(sql, [name_pattern(words)]).fetchall())


def canonical_key(con: duckdb.DuckDBPyConnection, key: str) -> str:
    """The store-wide key ``key`` stands for (a surname-only or variant key: the full name's),
    read from ``derived.alias``."""
    found = con.execute(f"SELECT canon FROM {DERIVED}.alias WHERE key = ?", [key]).fetchone()
    return str(found[0]) if found else key


def party_nodes(
    value: str, canonical: Callable[[str], str], named: Callable[[str], Iterable[str]]
) -> set[str]:
    """The network nodes an actor or recipient filter ``value`` names: the value itself (a node id:
    an entity key or ``code:USA``), the full key it stands for, and, without a colon, the keys of
    the entities whose names it starts words of. The events and the map match these, and the
    actor code ``value.upper()``, against each event's actors or recipients."""
    nodes = {value, canonical(value)}
    if ":" not in value:
        nodes.update(named(value))
    return nodes


def fold_query(text: str) -> str:
    """Lower case without accents, as the folded search columns are (``strip_accents(lower(...))``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()
