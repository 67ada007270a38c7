"""Article search with phrases and ranking, offline.

A query is words and ``"quoted phrases"``: ``"act of war" iran`` finds the articles holding the
three words in that order (as whole words, any punctuation or spacing between them) and a word
beginning with ``iran``. Results are ranked by BM25 (term frequency against article length, rarer
terms weighing more; the title counts twice), computed in SQL from ``derived.postings`` (every
word of every article with its position, built by :func:`prepare` when the app starts). DuckDB's
``fts`` extension is not used: it is not bundled with the duckdb wheel, and nothing may be
downloaded at run time.

Matches are marked in the results' snippets (:func:`mark_hits`) and, on the article page, by
``static/search.js`` from the same ``q`` parameter."""

from __future__ import annotations

import functools
import math
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

import duckdb
import numpy as np
import numpy.typing as npt
from markupsafe import Markup, escape
from pydantic import Field

from ..resolve.entities import fold
from . import queries as q
from .highlight import escape_str, visible_bidi
from .postings import Postings
from .queries import D, WebDb

#: BM25's term-frequency saturation and length normalisation (the usual values).
K1 = 1.2
B = 0.75
#: The most words and phrases a query uses (the rest are ignored, as the plain search does).
MAX_TERMS = 8
#: Not a letter or digit (Python's ``re`` has no ``\\pL``).
_NOT_WORD = r"[\W_]"
#: A word of the postings (RE2).
_WORD = r"[\pL\pN]+"


class ArticleSearch(q.ArticleFilters):
    """The articles list's parameters: the filters, a query with phrases, and the order."""

    q: str | None = Field(
        default=None,
        max_length=200,
        description='Words (as words or word beginnings) and "quoted phrases" (whole words in that '
        "order) that must all occur in the title or text.",
    )
    sort: Literal["relevance", "newest"] | None = Field(
        default=None, description="relevance (the default with a query) or newest (the default without)."
    )


@dataclass(slots=True)
class Parsed:
    """A query: words matched as word beginnings, phrases as whole words in order."""

    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)

    def as_dict(self) -> dict[str, Any]:
        return {"words": self.words, "phrases": [" ".join(p) for p in self.phrases]}

    def patterns(self) -> list[str]:
        """One regular expression per word, then per phrase, for Python's ``re`` over folded text
        (:func:`fold_in_place`): where the matches are marked."""
        left, right = f"(?:^|{_NOT_WORD})", f"(?:$|{_NOT_WORD})"
        found = [left + re.escape(w) for w in self.words]
        found += [left + (_NOT_WORD + "+").join(re.escape(w) for w in p) + right for p in self.phrases]
        return found


def parse(text: str | None) -> Parsed:
    """Words and quoted phrases of a query, folded (lower case, no accents, no punctuation). A
    phrase of one word is a whole word; an unclosed quote runs to the end."""
    out = Parsed()
    for n, part in enumerate(re.split(r"[\"“”„]", text or "")):
        words = fold(part).split()
        if n % 2 and len(words) >= 1:
            out.phrases.append(words)
        else:
            out.words.extend(words)
    out.phrases = out.phrases[:MAX_TERMS]
    out.words = [w for w in dict.fromkeys(out.words)][: max(0, MAX_TERMS - len(out.phrases))]
    return out


def prepare(db: WebDb) -> None:
    """Build the search's postings when the app starts (:func:`postings`)."""
    postings(db)


def articles(db: WebDb, f: ArticleSearch) -> dict[str, Any]:
    """The articles list: without a query the plain list of
    :func:`newsgraph.web.queries.articles`; with one, the matching articles ranked by relevance
    (or, with ``sort=newest``, newest first), each with its ``score`` and a snippet around the
    first match."""
    parsed = parse(f.q)
    if not parsed:
        out = q.articles(db, f)
    else:
        newest = f.sort == "newest"
        key = ("ranked", f.model_dump_json(exclude={"page", "per_page", "q"}), repr(parsed))
        ranked: list[tuple[int, float]] = db.memo(key, lambda: _ranked(db, f, parsed, newest=newest))
        shown = ranked[f.offset : f.offset + f.per_page]
        rows = _by_rank(db, [r for r, _ in shown])
        patterns = [re.compile(p) for p in parsed.patterns()]
        for r, (rank, score) in zip(rows, shown, strict=True):
            r["score"] = round(score, 4)
            r["snippet"] = snippet(db.text(rank), patterns, folded=db.folded(rank, fold_in_place))
        out = q._page(rows, len(ranked), f)
    out["search"] = {**parsed.as_dict(), "sort": f.sort or ("relevance" if parsed else "newest")}
    return out


def _build_postings(cur: duckdb.DuckDBPyConnection) -> None:
    """Build ``derived.postings``: every word of every article (title, then text) with its
    position, lower case without accents, sorted by word (about 3 s for 10,000 articles)."""
    threads = cur.execute("SELECT current_setting('threads')").fetchone()
    cur.execute(f"SET threads = {max(1, os.cpu_count() or 1)}")
    try:
        cur.execute(
            f"""CREATE OR REPLACE TABLE {D}.postings AS
            SELECT CASE WHEN strlen(term) = length(term) THEN term ELSE strip_accents(term) END AS term,
                   rank, pos, pos < nt AS title
            FROM (
                SELECT s.rank, a.nt, unnest(a.w) AS term, unnest(range(len(a.w)))::INTEGER AS pos
                FROM (SELECT id, len(regexp_extract_all(lower(coalesce(title, '')), '{_WORD}')) AS nt,
                             regexp_extract_all(lower(coalesce(title, '') || ' ' || text), '{_WORD}') AS w
                      FROM articles) a
                JOIN {D}.search s ON s.id = a.id)
            ORDER BY term, rank, pos"""
        )
    finally:
        cur.execute(f"SET threads = {int(threads[0]) if threads else 1}")


def postings(db: WebDb) -> Postings:
    """The store's :class:`~newsgraph.web.postings.Postings`, built once per open store: from
    the ``derived.postings`` table, which is then dropped (the arrays hold the same rows)."""

    def load() -> Postings:
        cur = db.cursor()
        _build_postings(cur)
        found = Postings.load(cur, f"{D}.postings", len(db.search_rows))
        cur.execute(f"DROP TABLE {D}.postings")
        return found

    found: Postings = db.once(("postings",), load)
    return found


def _lengths(db: WebDb) -> tuple[npt.NDArray[np.float64], float]:
    """Each article's length in words by list rank (at least 1; index 0 unused), and the average
    length of the articles that have one (BM25's normalisation)."""

    def load() -> tuple[npt.NDArray[np.float64], float]:
        words = db.search_rows.table.column("n_words").to_numpy(zero_copy_only=False)
        known = ~np.isnan(words.astype(np.float64))
        avg = float(words[known].mean()) if known.any() else 1.0
        lengths = np.ones(len(words) + 1, np.float64)
        lengths[1:] = np.maximum(np.where(known, words, 1.0), 1.0)
        return lengths, avg or 1.0

    found: tuple[npt.NDArray[np.float64], float] = db.once(("lengths",), load)
    return found


def _filtered(db: WebDb, f: ArticleSearch) -> npt.NDArray[np.bool_] | None:
    """Which ranks the list's other filters keep (index = rank), or None when there are none."""
    where, params = q.article_filter(f)
    if not where:
        return None
    sql = f"SELECT s.rank FROM {D}.search s WHERE {' AND '.join(where)}"

    def compute() -> npt.NDArray[np.bool_]:
        keep = np.zeros(len(db.search_rows) + 1, np.bool_)
        keep[[r for (r,) in db.cursor().execute(sql, params).fetchall()]] = True
        return keep

    found: npt.NDArray[np.bool_] = db.memo(("article_filter", sql, q._hashable(params)), compute)
    return found


def _ranked(db: WebDb, f: ArticleSearch, parsed: Parsed, *, newest: bool) -> list[tuple[int, float]]:
    """(list rank, BM25 score) of every article holding every word and phrase and kept by the
    other filters, best first (with ``newest``: in list order); from the postings in memory."""
    index = postings(db)
    n = max(1, db.stats["articles"])
    lengths, avgdl = _lengths(db)
    norm = K1 * (1 - B + B * lengths / avgdl)
    score = np.zeros(len(lengths), np.float64)
    keep = np.ones(len(lengths), np.bool_)
    keep[0] = False
    for tf in [*(index.word(w) for w in parsed.words), *(index.phrase(p) for p in parsed.phrases)]:
        held = tf > 0
        df = int(held.sum())  # how many articles hold it, among all
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        keep &= held
        score += idf * tf * (K1 + 1) / (tf + norm)
    other = _filtered(db, f)
    if other is not None:
        keep &= other[: len(keep)]
    ranks = np.flatnonzero(keep)
    if not newest:  # best first, then in list order
        ranks = ranks[np.lexsort((ranks, -score[ranks]))]
    return list(zip(ranks.tolist(), score[ranks].tolist(), strict=True))


#: The columns of a ranked search's rows.
_ROW = ("id", "title", "source", "published", "n_words", "relevance")


def _by_rank(db: WebDb, ranks: list[int]) -> list[dict[str, Any]]:
    """Articles by list rank, in the order given (from the list held in memory)."""
    return [{k: r[k] for k in _ROW} for r in db.search_rows.take(ranks)]


def fold_in_place(text: str) -> str:
    """``text`` lower-cased without accents, one character for one, so that offsets found in the
    result are offsets in ``text``."""
    if text.isascii():
        return text.lower()
    # lower() in C, then each distinct other character put right with one replace (translate
    # looks up every character: 0.1 ms for an article); the rare cases it cannot do, translate
    low = text.lower()
    if len(low) != len(text) or "\u03a3" in text:  # a capital sigma lowers by its context
        return text.translate(_FOLD)
    wanted: dict[str, str] = {}
    for c in set(_NON_ASCII.findall(text)):
        lowered, target = c.lower(), _FOLD[ord(c)]
        if lowered.isascii() and lowered != target:
            return text.translate(_FOLD)
        if not lowered.isascii() and wanted.setdefault(lowered, target) != target:
            return text.translate(_FOLD)
    swaps = {k: v for k, v in wanted.items() if k != v}
    if any(v in swaps for v in swaps.values()):
        return text.translate(_FOLD)
    for lowered, target in swaps.items():
        low = low.replace(lowered, target)
    return low


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class _FoldTable(dict[int, str]):
    """Character code -> that character lower-cased without accents, when that is one character
    (else the character itself); filled as characters are met, for ``str.translate``, which
    looks each character up from C (a Python call per character cost milliseconds an article)."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x)).lower()
        folded = base if len(base) == 1 else c
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def hits(text: str, patterns: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    """Character spans of ``text`` matched by the query's patterns (merged, in order), each
    widened to whole words; the separator a pattern starts or ends with is left out."""
    folded = fold_in_place(text)
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in pattern.finditer(folded):
            start, end = m.span()
            while start < end and not folded[start].isalnum():
                start += 1
            while end > start and not folded[end - 1].isalnum():
                end -= 1
            while end < len(folded) and folded[end].isalnum():  # a word beginning: its whole word
                end += 1
            if start < end:
                spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def first_hit(text: str, patterns: list[re.Pattern[str]], folded: str | None = None) -> int:
    """Where the first span of :func:`hits` starts (0 without one), found without looking past
    each pattern's first match that holds a word; ``folded`` is ``fold_in_place(text)`` when the
    caller has it."""
    folded = fold_in_place(text) if folded is None else folded
    first = len(folded)
    for pattern in patterns:
        for m in pattern.finditer(folded):
            start, end = m.span()
            while start < end and not folded[start].isalnum():
                start += 1
            while end > start and not folded[end - 1].isalnum():
                end -= 1
            if start < end:  # the first match holding a word: later ones start later
                first = min(first, start)
                break
    return first if first < len(folded) else 0


def snippet(
    text: str, patterns: list[re.Pattern[str]], width: int = 240, *, folded: str | None = None
) -> str:
    """About ``width`` characters of ``text`` around its first match (``folded``: as for
    :func:`first_hit`)."""
    at = first_hit(text, patterns, folded)
    start = max(0, at - 60)
    piece = " ".join(text[start : start + width].split())
    return ("… " if start else "") + piece + (" …" if start + width < len(text) else "")


def mark_hits(text: str | None, search: dict[str, Any] | None) -> Markup:
    """``text`` escaped, with the query's matches in ``<mark class="hit">`` (a Jinja filter), and
    its bidirectional controls made visible as everywhere on the pages."""
    text = visible_bidi(text or "")
    # plain text (as the pages' data holds) escaped by MarkupSafe's string escaper, without a
    # Markup per piece; anything else (Markup is left as it is) through escape()
    esc = escape_str if type(text) is str else _escaped
    if not search:
        return Markup(esc(text))
    patterns = _patterns(
        tuple(search.get("words") or ()), tuple(tuple(p.split()) for p in search.get("phrases") or ())
    )
    out: list[str] = []
    last = 0
    for start, end in hits(text, patterns):
        out.append(esc(text[last:start]))
        out.append(f'<mark class="hit">{esc(text[start:end])}</mark>')
        last = end
    out.append(esc(text[last:]))
    return Markup("".join(out))


def _escaped(text: str) -> str:
    return str(escape(text))


@functools.lru_cache(maxsize=256)
def _patterns(words: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> list[re.Pattern[str]]:
    """The compiled patterns of a query's words and phrases, once per query (a page marks the
    hits of each of its results' titles and snippets with the same ones)."""
    return [re.compile(p) for p in Parsed(list(words), [list(p) for p in phrases]).patterns()]
