"""Personal names: parsed into first, middle and last names (``nameparser``) and compared for
variants of one person's name (``rapidfuzz``).

Two written names are the same person's when their last names agree (exactly, or as spelling
variants of one transliteration: "Zelensky" / "Zelenskyy") and their first and middle names do
not contradict each other: a missing name or an initial agrees with any name starting with it
("James B. Comey" / "James Comey" / "J. Comey"); two different first names never agree ("Hillary
Clinton" / "Bill Clinton"). Every comparison says why it matched, so a merge can be explained."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from .entities import fold

#: Least rapidfuzz ratio (0-100) of two last names that are spellings of one name.
VARIANT_RATIO = 88.0
#: Last names shorter than this must agree exactly: "Kelly" / "Kelley" are two people.
VARIANT_MIN_LENGTH = 7
#: Generational suffixes, folded: part of a name's identity ("Donald Trump Jr." is not Donald Trump).
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: A surname borne by at least this share (percent) of US people ("Watson" 0.10, "Rice" 0.06,
#: "Carson" 0.02) names too many people to stand alone for one of them without other evidence.
COMMON_SURNAME = 0.02


@dataclass(frozen=True, slots=True)
class PersonName:
    """A personal name folded (no case, accents or punctuation) into its parts; titles ("Mr.",
    "Rep."), and suffixes ("Jr.") are left out."""

    first: str
    middle: tuple[str, ...]
    last: str

    @property
    def key(self) -> str:
        """First and last name, middle initials left out: "james b comey" -> "james comey"."""
        middle = [m for m in self.middle if len(m) > 1]
        return " ".join(p for p in (self.first, *middle, self.last) if p)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(w for p in (self.first, *self.middle, self.last) for w in p.split())


@lru_cache(maxsize=4)
def census_shares(*lists: str, least: float = 0.0) -> dict[str, float]:
    """Names of the US census lists the ``names`` package ships (``"first:male"``,
    ``"first:female"``, ``"last"``), as written there (capitals) -> the largest share of people
    bearing them in those lists, percent; only names of a share of ``least`` or more (the lists
    are ranked by share, so a list is read only down to there)."""
    import names  # type: ignore[import-untyped]

    out: dict[str, float] = {}
    for key in lists:
        with open(names.FILES[key], encoding="ascii") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) < 2:
                    continue
                share = float(parts[1])
                if share < least:
                    break
                out[parts[0]] = max(out.get(parts[0], 0.0), share)
    return out


@lru_cache(maxsize=1)
def _surname_shares() -> dict[str, float]:
    """US census surnames (folded) borne by :data:`COMMON_SURNAME` percent of people or more ->
    that share. (Read at the end of an ingest, for the speaker map of the quote clusters: the
    first 606 lines of the list's 88,799, not all of them.)"""
    return {name.lower(): share for name, share in census_shares("last", least=COMMON_SURNAME).items()}


#: A word borne as a given name by at least this share (percent) of US people of one sex ...
COMMON_GIVEN = 0.01


def given_share(word: str) -> float:
    """The larger of the shares (percent) of US men and women bearing the given name ``word`` (any
    case), 0 for a word the census first-name lists do not hold."""
    return census_shares("first:male", "first:female").get(word.upper(), 0.0)


def common_given(word: str) -> bool:
    """Whether the folded word ``word`` is a common US given name (:data:`COMMON_GIVEN`): such a
    word alone is no spelling variant of a surname ("Phillip" is not "Phillips")."""
    return given_share(word) >= COMMON_GIVEN


def common_surname(word: str) -> bool:
    """Whether the folded surname ``word`` is borne by many people (:data:`COMMON_SURNAME`)."""
    return _surname_shares().get(word, 0.0) >= COMMON_SURNAME


#: Names parsed in another process (a worker of the local runner, which parsed them when it found
#: them), by text: :func:`parse` answers them without parsing again. Emptied when it reaches
#: PARSED_MOST names (they are then parsed again when asked for).
_PARSED: dict[str, PersonName | None] = {}
PARSED_MOST = 65536


def remember(parsed: Mapping[str, PersonName | None]) -> None:
    """Take names ``parsed`` elsewhere (text -> what :func:`parse` gives for it)."""
    if len(_PARSED) + len(parsed) > PARSED_MOST:
        _PARSED.clear()
    _PARSED.update(parsed)


def parse(text: str) -> PersonName | None:
    """The parts of the personal name ``text``; one word is a last name ("Comey"); a generational
    suffix stays with the last name ("Donald Trump Jr." -> last "trump jr"); None when no name is
    left once titles are dropped."""
    if text in _PARSED:
        return _PARSED[text]
    return _parse(text)


@lru_cache(maxsize=65536)
def _parse(text: str) -> PersonName | None:
    human = HumanName(text)
    first, last = fold(human.first), fold(human.last)
    middle = tuple(part for w in human.middle.split() for part in fold(w).split())  # "H.W." = "H. W."
    if not last and first and not middle and _surname_suffix(human.suffix):
        last = fold(human.suffix)  # "Frank Mba": a surname nameparser reads as a degree ("MBA")
    if not last and first and not middle:  # "Comey": nameparser calls a lone word a first name
        first, last = "", first
    if not (first or last):
        return None
    generation = next((w for w in fold(human.suffix).split() if w in GENERATIONS), None)
    if generation and last:  # "Donald Trump Jr." is not his father: the suffix is kept with the surname
        last = f"{last} {generation}"
    return PersonName(first, tuple(m for m in middle if m), last)


#: Degrees and post-nominal letters that may be written in title case after a name ("John Roe,
#: Esq"): never a surname.
_POSTNOMINALS = frozenset({"esq", "phd"})


def _surname_suffix(suffix: str) -> bool:
    """Whether the one word nameparser took for a suffix is written as a surname: in title case
    ("Mba", not "MBA" or "M.B.A."), three letters or more, not a generation ("Jr") and not a degree
    written in title case ("Esq")."""
    word = suffix.strip()
    return (
        len(word) >= 3
        and word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
        and fold(word) not in GENERATIONS
        and fold(word) not in _POSTNOMINALS
    )


def _compatible(a: str, b: str) -> bool:
    """Two given names agree: one missing, equal, or one an initial of the other."""
    if not a or not b or a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(_compatible(x, y) for x, y in zip(a, b, strict=True))


def surname_match(a: str, b: str) -> str | None:
    """Why two folded last names are one name: ``"same surname"``, ``"spelling variant"`` (a
    rapidfuzz ratio of at least :data:`VARIANT_RATIO`, same first letter, both long enough), or
    None."""
    if not a or not b:
        return None
    if a == b:
        return "same surname"
    if a[0] != b[0] or min(len(a), len(b)) < VARIANT_MIN_LENGTH:
        return None
    # one edit at most for names up to nine letters, two beyond: Zelensky / Zelenskyy / Zelenskiy
    if ratio(a, b) >= VARIANT_RATIO and Levenshtein.distance(a, b) <= (1 if max(len(a), len(b)) <= 9 else 2):
        return "spelling variant"
    return None


def variant_reason(a: PersonName, b: PersonName) -> str | None:
    """Why ``a`` and ``b`` name one person, or None: last names must match (see
    :func:`surname_match`), first names agree (an initial or a missing name agrees), and middle
    names too, position by position."""
    surname = surname_match(a.last, b.last)
    if surname is None or not _compatible(a.first, b.first):
        return None
    if a.middle and b.middle and not _middles_agree(a.middle, b.middle):
        return None
    if surname == "spelling variant":
        return "spelling variant of the name"
    if a == b:
        return "same name"
    if not a.first or not b.first:
        return "surname"
    if a.first != b.first:
        return "first initial"
    return "middle name or initial"
