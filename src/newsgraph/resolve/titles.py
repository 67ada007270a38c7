"""Official titles (``resolve/data/titles.txt``) and the word tokens titles and sectors are matched
on; the tab-separated tables of ``resolve/data/`` are read through :func:`_rows`."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from ..tables import data_rows

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


def _rows(name: str) -> list[list[str]]:
    """Tab-separated fields of the non-empty, non-comment lines of ``resolve/data/<name>``."""
    return data_rows("newsgraph.resolve", name)


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    """Lower-case word tokens for title and sector matching; hyphens split words, dots, accents and
    possessives are dropped ("Secretary-General" -> secretary general, "U.N." -> un). Remembered:
    the title matcher asks for the same words of every article again."""
    s = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    s = re.sub(r"'s\b", "", s.translate(_APOSTROPHES).casefold()).replace(".", "")
    return tuple(_WORD.findall(s.replace("-", " ")))


@cache
def titles() -> frozenset[str]:
    """Every official title of ``titles.txt``, normalised as :func:`match_title` compares them."""
    return frozenset(" ".join(_words(fields[0])) for fields in _rows("titles.txt"))


@cache
def _title_lengths() -> dict[str, tuple[int, ...]]:
    """First word of a title -> word counts of the titles starting with it, longest first."""
    out: dict[str, set[int]] = {}
    for title in titles():
        words = title.split()
        out.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(ns, reverse=True)) for w, ns in out.items()}


@cache
def title_starts() -> frozenset[str]:
    """Lower-case first words of all titles: a cheap test before :func:`match_title`."""
    return frozenset(_title_lengths())


def match_title(words: list[str]) -> int:
    """How many of ``words`` (tokens, any case) the longest title at their start covers; 0 if none.
    Hyphen tokens inside a title count: ["secretary", "-", "general"] -> 3."""
    if not words:
        return 0
    lengths = _title_lengths().get(next(iter(_words(words[0])), ""))
    if not lengths:
        return 0
    norm: list[str] = []
    owner: list[int] = []
    for k, word in enumerate(words):
        for piece in _words(word):
            norm.append(piece)
            owner.append(k)
        if len(norm) > lengths[0]:
            break
    known = titles()
    for n in lengths:
        if n <= len(norm) and " ".join(norm[:n]) in known and (n == len(norm) or owner[n] != owner[n - 1]):
            return owner[n - 1] + 1
    return 0
