"""The search's postings held in memory as arrays: every word of every article (title, then
text) with its article's list rank and its position, sorted by word. A word prefix is a range of
the sorted words (two binary searches), its articles and term frequencies one ``bincount`` over
that range; a phrase is its words at consecutive positions (sorted keys matched with
``searchsorted``). This is what a search costs per request, instead of a DuckDB query over the
postings table (about 5 ms for a word, 10 ms for a phrase, on 10,000 articles).

Built once per store (per :class:`~newsgraph.web.queries.WebDb`), from the ``derived.postings``
table :func:`newsgraph.web.search.prepare` makes; about 9 bytes a word (3.3 million words: 30 MB)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import duckdb
import numpy as np
import numpy.typing as npt

#: After the last character: ``word + END`` bounds every word that starts with ``word``.
END = "\U0010ffff"

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Postings:
    """The postings of a store: ``terms`` sorted, the rows of ``terms[i]`` are
    ``starts[i]:starts[i + 1]`` of ``rank``, ``pos`` and ``title`` (sorted by rank, then pos)."""

    terms: list[str]
    starts: npt.NDArray[np.int64]
    rank: npt.NDArray[np.int32]
    pos: npt.NDArray[np.int32]
    title: npt.NDArray[np.bool_]
    #: ranks run from 1 to this
    n_ranks: int

    @classmethod
    def load(cls, cur: duckdb.DuckDBPyConnection, table: str, n_ranks: int) -> Postings:
        """Read ``table`` (``term, rank, pos, title``) in its order: term, rank, pos."""
        sql = f"SELECT term, count(*) AS n FROM {table} GROUP BY term ORDER BY term"
        found = cur.execute(sql).fetchnumpy()
        terms = [str(t) for t in found["term"]]
        starts = np.zeros(len(terms) + 1, np.int64)
        np.cumsum(found["n"], out=starts[1:])
        rows = cur.execute(f"SELECT rank, pos, title FROM {table} ORDER BY term, rank, pos").fetchnumpy()
        return cls(
            terms,
            starts,
            np.asarray(rows["rank"], np.int32),
            np.asarray(rows["pos"], np.int32),
            np.asarray(rows["title"], np.bool_),
            n_ranks,
        )

    def _rows(self, lo_term: str, hi_term: str) -> slice:
        """The rows of the terms from ``lo_term`` (included) to ``hi_term`` (excluded)."""
        lo = bisect.bisect_left(self.terms, lo_term)
        hi = bisect.bisect_left(self.terms, hi_term, lo)
        return slice(int(self.starts[lo]), int(self.starts[hi]))

    def _tf(self, ranks: npt.NDArray[np.int32], title: npt.NDArray[np.bool_]) -> Ints:
        """Occurrences per rank (index = rank), those in the title counted twice."""
        n = self.n_ranks + 1
        return np.bincount(ranks, minlength=n)[:n] + np.bincount(ranks[title], minlength=n)[:n]

    def word(self, word: str) -> Ints:
        """Term frequency per rank of the words beginning with ``word``."""
        rows = self._rows(word, word + END)
        return self._tf(self.rank[rows], self.title[rows])

    def phrase(self, words: list[str]) -> Ints:
        """Term frequency per rank of ``words`` as whole words at consecutive positions (counted
        at the first word: in the title when it is)."""
        first = self._rows(words[0], words[0] + "\x00")
        ranks, pos, title = self.rank[first], self.pos[first], self.title[first]
        keep = np.ones(len(ranks), np.bool_)
        for i, w in enumerate(words[1:], start=1):
            rows = self._rows(w, w + "\x00")
            # (rank, position) as one sorted key; the first word's key moved on by i
            have = (self.rank[rows].astype(np.int64) << 32) | self.pos[rows].astype(np.int64)
            want = (ranks.astype(np.int64) << 32) | (pos.astype(np.int64) + i)
            if not len(have):
                return self._tf(ranks[:0], title[:0])
            at = np.minimum(np.searchsorted(have, want), len(have) - 1)
            keep &= have[at] == want
        return self._tf(ranks[keep], title[keep])
