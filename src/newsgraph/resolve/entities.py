"""Identity across articles: which entity records of different articles are the same person,
organisation or place.

People are the same when their full names are the same after case and accent folding; a person
known in an article only by a surname is the one person of the store with that surname, when there
is exactly one. Holding the same office does not make two people one: Rex Tillerson and Antony
Blinken were both Secretary of State and stay apart. Countries are keyed by their ISO code, known
organisations by their canonical name, everything else by type and folded name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def fold(text: str) -> str:
    """Lower case, accents and punctuation removed, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    kept = "".join(c if c.isalnum() or c.isspace() else " " for c in kept.lower())
    return " ".join(kept.split())


def entity_key(kind: str, name: str, code: str | None = None) -> str:
    """The store-wide key of an entity: ``kind`` is the entity's grouping kind (``PERSON``,
    ``COUNTRY``, ``CAPITAL``, ``NORP``, ``ORG``, or a spaCy label)."""
    if kind == "COUNTRY" and code:
        return f"GPE:{code}"
    if kind == "NORP" and code:
        return f"NORP:{code}"
    if kind == "CAPITAL":
        return f"GPE:{code or ''}:{fold(name)}"
    if kind == "ORG@":  # an institution whose country comes from the article ("Interior Ministry")
        return f"ORG:{code or ''}:{fold(name)}"
    return f"{kind}:{fold(name)}"


def surname_map(keys: Iterable[str]) -> dict[str, str]:
    """``PERSON:surname`` keys mapped to the one full-name key ending in that surname, when there is
    exactly one."""
    full: dict[str, set[str]] = {}
    single: set[str] = set()
    for key in keys:
        if not key.startswith("PERSON:"):
            continue
        parts = key[len("PERSON:") :].split()
        if len(parts) == 1:
            single.add(parts[0])
        elif parts:
            full.setdefault(parts[-1], set()).add(key)
            full.setdefault(parts[0], set()).add(key)
    return {f"PERSON:{s}": next(iter(full[s])) for s in single if len(full.get(s, ())) == 1}


_NATIONALITY = re.compile(r"NORP:[A-Z]{3}")


def canonical_map(keys: Iterable[str]) -> dict[str, str]:
    """Store keys mapped to the key of the entity they stand for across the store: a surname to
    its one full name (:func:`surname_map`), and a nationality to its country ("NORP:IND", the
    Indians and India's adjective, to "GPE:IND") when the country is in the store too, so that a
    country is one actor in the network and in the entity lists."""
    keys = set(keys)
    out = surname_map(keys)
    for key in keys:
        if _NATIONALITY.fullmatch(key) and f"GPE:{key[5:]}" in keys:
            out[key] = f"GPE:{key[5:]}"
    return out
