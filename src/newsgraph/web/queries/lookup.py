"""Names to keys: an entity key's canonical key, the entities a name matches, the events an
actor or recipient takes part in."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from ...query.common import keys_named, party_nodes
from ...store.export_graph import name_pattern

if TYPE_CHECKING:
    from .webdb import WebDb


def canonical_key(db: WebDb, key: str) -> str:
    """The store-wide key ``key`` stands for (a surname-only person key: the full name's)."""
    return db.alias.get(key, key)


def _keys_named(db: WebDb, words: str) -> tuple[str, ...]:
    """:func:`newsgraph.query.common.keys_named` (a scan of every entity: remembered, since the
    same names and codes are asked for again and again)."""
    found: tuple[str, ...] = db.memo(("named", name_pattern(words)), lambda: keys_named(db.cursor(), words))
    return found


def party_array(db: WebDb, role: str, value: str) -> npt.NDArray[np.int32]:
    """Ranks of the events with ``value`` among their actors or recipients (``role``), sorted: a
    node id or entity key (a surname-only key counts as its full name), an actor code, or,
    without a colon, words of any entity's name or alias (remembered per role and value)."""

    def compute() -> npt.NDArray[np.int32]:
        nodes = party_nodes(value, lambda key: canonical_key(db, key), lambda words: _keys_named(db, words))
        found = [db.parties.get((role, "code=" + value.upper()), ())]
        found += [db.parties.get((role, node), ()) for node in sorted(nodes)]
        return np.unique(np.fromiter(itertools.chain.from_iterable(found), np.int32))

    ranks: npt.NDArray[np.int32] = db.memo(("party", role, value), compute)
    return ranks


def _party_ranks(db: WebDb, role: str, value: str) -> set[int]:
    """:func:`party_array` as a set."""
    return set(party_array(db, role, value).tolist())
