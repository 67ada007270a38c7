"""A store's person variants kept up to date: each ``PERSON`` key parsed once, and compared only
with the keys of the same last initial when it first appears.

:func:`newsgraph.resolve.entities.person_variant_map` parses every full-name key and compares
each with every other of the same last initial; after each ingest, on a store that grows, that
is the same work again and again. Here the parsed names (``person_names``) and the variant pairs
found among them (``person_variants``) are kept in the store: a new key is parsed, compared with
the stored names (and the other new ones), and its pairs added. The map made from all pairs is
exactly :func:`~newsgraph.resolve.entities.person_variant_map`'s of all the keys (a test checks
it on a store ingested into several times): a pair depends only on its two names, and the rule
that needs a country in common (a first initial) is applied when the map is made, with the
actor codes the store has then."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import Article
from ..store.db import Store
from .entities import canonical_map, parse_people, resolve_variants, store_keys, variant_pairs
from .names import PersonName

#: What the kept names and pairs were made with: when the parsing or the rule changes, this
#: changes and they are made again.
SCHEME = "people/2"  # 2: a generational suffix stays with the last name


def store_canonical_map(store: Store) -> dict[str, str]:
    """:func:`~newsgraph.resolve.entities.canonical_map` of the store's keys, with the person
    variants brought up to date incrementally (the store must be open for writing)."""
    keys, codes = store_keys(store.con)
    return canonical_map(keys, codes, variants=store_variants(store, keys, codes))


def store_variants(
    store: Store, keys: Collection[str], codes: Mapping[str, Collection[str]] | None = None
) -> dict[str, str]:
    """:func:`~newsgraph.resolve.entities.person_variant_map` of ``keys`` (the store's keys), from
    the kept pairs and those of the keys not parsed before, which are parsed and kept."""
    con = store.con
    _check_scheme(store)
    known = {
        key: PersonName(first, tuple(middle or ()), last)
        for key, first, middle, last in con.execute(
            "SELECT key, first, middle, last FROM person_names"
        ).fetchall()
        if last is not None
    }
    seen = {r[0] for r in con.execute("SELECT key FROM person_names").fetchall()}
    fresh = sorted(k for k in keys if k.startswith("PERSON:") and len(k.split()) > 1 and k not in seen)
    parsed = parse_people(fresh)
    people = {**known, **parsed}
    pairs = variant_pairs(people, parsed)
    _keep(store, fresh, parsed, pairs)
    stored = con.execute("SELECT key, other, reason FROM person_variants").fetchall()
    wanted = set(keys)  # a key no longer in the store has no say (a store only grows, but be safe)
    return resolve_variants(((k, o, r) for k, o, r in stored if k in wanted and o in wanted), codes)


def parse_ahead(articles: Iterable[Article]) -> None:
    """Parse the full-name ``PERSON`` keys of ``articles`` now: :func:`resolve.names.parse`
    remembers them, so the speaker map made after the run's last batch finds them parsed. The
    local runner calls this as it writes each batch, while the workers are still busy, rather than
    in the serial tail of the run."""
    parse_people(
        {e["key"] for a in articles for e in a.entities if str(e.get("key", "")).startswith("PERSON:")}
    )


def _check_scheme(store: Store) -> None:
    row = store.con.execute("SELECT value FROM meta WHERE key = 'people_scheme'").fetchone()
    if row and row[0] == SCHEME:
        return
    store.con.execute("DELETE FROM person_names")
    store.con.execute("DELETE FROM person_variants")
    store.con.execute("INSERT OR REPLACE INTO meta VALUES ('people_scheme', ?)", [SCHEME])


def _keep(
    store: Store, fresh: list[str], parsed: Mapping[str, PersonName], pairs: set[tuple[str, str, str]]
) -> None:
    if not fresh:
        return
    names = pa.table(
        {
            "key": fresh,
            "first": [parsed[k].first if k in parsed else None for k in fresh],
            "middle": pa.array(
                [list(parsed[k].middle) if k in parsed else None for k in fresh], pa.list_(pa.string())
            ),
            "last": [parsed[k].last if k in parsed else None for k in fresh],
        }
    )
    found = sorted(pairs)
    variants = pa.table(
        {
            "key": pa.array([p[0] for p in found], pa.string()),
            "other": pa.array([p[1] for p in found], pa.string()),
            "reason": pa.array([p[2] for p in found], pa.string()),
        }
    )
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_names", names)
        con.execute("INSERT OR IGNORE INTO person_names BY NAME SELECT * FROM _names")
        con.unregister("_names")
        if found:
            con.register("_pairs", variants)
            con.execute("INSERT INTO person_variants BY NAME SELECT * FROM _pairs")
            con.unregister("_pairs")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"writing person names to {store.path} failed: {exc}") from exc
