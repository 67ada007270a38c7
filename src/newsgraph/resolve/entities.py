"""Identity across articles: which entity records of different articles are the same person,
organisation or place.

People are the same when their full names are variants of one name (a middle name or initial
more or less, a spelling variant: ``resolve/names.py``) and exactly one fuller name fits; a first
initial ("J. Comey") needs the same actor country too. A person known in an article only by a
surname is the one person of the store with that surname, when there is exactly one. Holding
the same office does not make two people one: Rex Tillerson and Antony Blinken were both
Secretary of State and stay apart. Countries are keyed by their ISO code, known organisations by
their canonical name, everything else by type and folded name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .names import PersonName


#: Anything but ASCII letters, digits and whitespace (what ``str.isspace`` calls space).
_ASCII_PUNCT = re.compile(r"[^a-z0-9\s]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents and punctuation removed, whitespace collapsed."""
    if text.isascii():  # most names and quotes: the same result without decomposing every character
        return " ".join(_ASCII_PUNCT.sub(" ", text.lower()).split())
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


def surname_map(keys: Iterable[str], codes: Mapping[str, Collection[str]] | None = None) -> dict[str, str]:
    """``PERSON:<word>`` keys mapped to the one full-name key of the store that the word can stand
    for, on evidence (``codes``: each key's actor codes, as :func:`canonical_map` takes them):

    - the one full name whose last word is the word ("kasich" -> "john kasich"), or failing that
      whose last name it spells otherwise ("zelenskyy" -> "volodymyr zelensky"), when the two keys
      share an actor code, or when neither has a code that contradicts the other's and the word is
      a rare surname (:func:`resolve.names.common_surname`: "Watson", "Rice" or "Hamilton" alone
      may be anyone of that name);
    - the one full name whose first word it is ("barack" -> "barack obama") only when they share an
      actor code: a given name alone ("Hope", "Abby") is no evidence.

    A word that is the first or last word of two full names stays apart."""
    from .names import common_given, common_surname, surname_match

    full: dict[str, set[str]] = {}
    lasts: dict[str, set[str]] = {}
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
            lasts.setdefault(parts[-1], set()).add(key)
    out: dict[str, str] = {}
    for s in single:
        found = full.get(s, set())
        if not found and not common_given(s):  # "phillip" is not "nick phillips"
            found = {k for last, ks in lasts.items() if surname_match(last, s) for k in ks}
        if len(found) != 1:
            continue
        key, target = f"PERSON:{s}", next(iter(found))
        own, theirs = set((codes or {}).get(key, ())), set((codes or {}).get(target, ()))
        by_surname = s not in full or target in lasts.get(s, set())  # not a given name alone
        contradicted = bool(own and theirs and not own & theirs)
        if own & theirs or (by_surname and not contradicted and not common_surname(s)):
            out[key] = target
    return out


def _specificity(name: PersonName) -> float:
    """How much of a name is written out: whole names count 1, initials 0.5."""
    parts = (name.first, *name.middle)
    return 1 + sum(1 if len(p) > 1 else 0.5 for p in parts if p)


def person_variant_map(
    keys: Iterable[str], codes: Mapping[str, Collection[str]] | None = None
) -> dict[str, str]:
    """Full-name ``PERSON`` keys mapped to the key of the one fuller or equal name of the same
    person (:func:`resolve.names.variant_reason`): "PERSON:george bush" -> "PERSON:george herbert
    walker bush" when that is the only George Bush of the store, a spelling variant to the
    alphabetically first spelling. A first initial only ("j comey") needs the same actor country
    in ``codes`` too. A name that fits several fuller names ("george bush" beside "george w bush"
    and "george h w bush") stays apart; different given names never merge."""
    people = parse_people(keys)
    return resolve_variants(variant_pairs(people, people), codes)


def parse_people(keys: Iterable[str]) -> dict[str, PersonName]:
    """The full-name ``PERSON`` keys among ``keys`` (two words or more) with their parsed names
    (those with a first and a last name)."""
    from .names import parse

    people: dict[str, PersonName] = {}
    for key in keys:
        if key.startswith("PERSON:") and len(key.split()) > 1:
            name = parse(key[len("PERSON:") :])
            if name is not None and name.first and name.last:
                people[key] = name
    return people


#: A variant pair: (key, fuller or equal key of the same person, why).
VariantPair = tuple[str, str, str]


def variant_pairs(people: Mapping[str, PersonName], new: Iterable[str]) -> set[VariantPair]:
    """The pairs of :func:`person_variant_map`'s rule among ``people`` that involve a key of
    ``new``: each key against the others with a last name of the same first letter, the key
    pointing to the one at least as fully written out (the alphabetically later of two alike).
    All pairs of a store are the pairs its earlier keys had among themselves and those of its
    new keys, so a store's pairs can be kept and added to (``resolve/people.py``)."""
    from .names import variant_reason

    by_initial: dict[str, list[str]] = {}
    for key, name in people.items():
        by_initial.setdefault(name.last[0], []).append(key)
    spec = {key: _specificity(name) for key, name in people.items()}
    out: set[VariantPair] = set()

    def test(key: str, other: str) -> None:
        if spec[other] < spec[key] or (spec[other] == spec[key] and other > key):
            return
        reason = variant_reason(people[key], people[other])
        if reason is not None:
            out.add((key, other, reason))

    fresh = set(new)
    every = fresh >= people.keys()  # each ordered pair comes up once as (key, other)
    for key in fresh:
        person = people.get(key)
        if person is None:
            continue
        for other in by_initial.get(person.last[0], ()):
            if other != key:
                test(key, other)
                if not every:
                    test(other, key)
    return out


def resolve_variants(
    pairs: Iterable[VariantPair], codes: Mapping[str, Collection[str]] | None = None
) -> dict[str, str]:
    """Each key of ``pairs`` mapped to the end of its chain of variants, where a key has exactly
    one fuller variant (a first initial counts only with an actor code in common in ``codes``)."""
    found: dict[str, set[str]] = {}
    for key, other, reason in pairs:
        if reason == "first initial" and not (codes and set(codes.get(key, ())) & set(codes.get(other, ()))):
            continue
        found.setdefault(key, set()).add(other)
    target = {key: next(iter(others)) for key, others in found.items() if len(others) == 1}
    out: dict[str, str] = {}
    for key in target:
        seen = {key}
        end = target[key]
        while end in target and target[end] not in seen:
            seen.add(end)
            end = target[end]
        out[key] = end
    return out


_NATIONALITY = re.compile(r"NORP:[A-Z]{3}")


def canonical_map(
    keys: Iterable[str],
    codes: Mapping[str, Collection[str]] | None = None,
    variants: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Store keys mapped to the key of the entity they stand for across the store: variants of
    one person's full name to one of them (:func:`person_variant_map`; ``codes`` gives each key's
    actor codes, the evidence a first initial needs), a surname to its one full name
    (:func:`surname_map`), and a nationality to its country ("NORP:IND", the Indians and India's
    adjective, to "GPE:IND") when the country is in the store too, so that a country is one actor
    in the network and in the entity lists. ``variants``: :func:`person_variant_map` of ``keys``
    and ``codes`` when the caller has it (``resolve/people.py`` keeps a store's up to date)."""
    keys = set(keys)
    out = person_variant_map(keys, codes) if variants is None else dict(variants)
    representatives = {out.get(k, k) for k in keys}
    rep_codes: dict[str, set[str]] = {}
    for key in keys:  # a name's codes count for the name it stands for
        rep_codes.setdefault(out.get(key, key), set()).update((codes or {}).get(key, ()))
    out.update(surname_map(representatives, rep_codes))
    for key in keys:
        if _NATIONALITY.fullmatch(key) and f"GPE:{key[5:]}" in keys:
            out[key] = f"GPE:{key[5:]}"
    return out


class _Connection(Protocol):
    def execute(self, query: str, /) -> Any: ...


def store_keys(con: _Connection) -> tuple[list[str], dict[str, list[str]]]:
    """The store's entity keys and each key's actor codes, as :func:`canonical_map` takes them
    (``con``: a DuckDB connection to the store)."""
    rows = con.execute(
        "SELECT key, list(DISTINCT actor_code) FILTER (WHERE actor_code IS NOT NULL) FROM entities "
        "WHERE key IS NOT NULL GROUP BY key"
    ).fetchall()
    return [r[0] for r in rows], {r[0]: list(r[1] or ()) for r in rows}
