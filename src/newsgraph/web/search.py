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

import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from markupsafe import Markup, escape
from pydantic import Field

from ..resolve.entities import fold
from . import queries as q
from .highlight import visible_bidi
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
    """Build ``derived.postings``: every word of every article (title, then text) with its
    position, lower case without accents, sorted by word. A word's articles and counts are a range
    of it; a phrase is its words at consecutive positions. Built once when the app starts (about
    3 s and 80 MB for 10,000 articles)."""
    cur = db.cursor()
    threads = cur.execute("SELECT current_setting('threads')").fetchone()
    cur.execute(f"SET threads = {max(1, os.cpu_count() or 1)}")
    try:
        cur.execute(
            f"""CREATE TABLE IF NOT EXISTS {D}.postings AS
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


def articles(db: WebDb, f: ArticleSearch) -> dict[str, Any]:
    """The articles list: without a query the plain list of
    :func:`newsgraph.web.queries.articles`; with one, the matching articles ranked by relevance
    (or, with ``sort=newest``, newest first), each with its ``score`` and a snippet around the
    first match."""
    parsed = parse(f.q)
    if not parsed:
        out = q.articles(db, f)
    else:
        ranked = _ranked(db, f, parsed)
        ranked = sorted(ranked) if f.sort == "newest" else sorted(ranked, key=lambda r: (-r[1], r[0]))
        shown = ranked[f.offset : f.offset + f.per_page]
        rows = _by_rank(db, [r for r, _ in shown])
        scores = dict(shown)
        texts = q._texts(db, [r["id"] for r in rows])
        patterns = [re.compile(p) for p in parsed.patterns()]
        for r in rows:
            r["score"] = round(scores[r.pop("rank")], 4)
            r["snippet"] = snippet(texts.get(r["id"]) or "", patterns)
        out = q._page(rows, len(ranked), f)
    out["search"] = {**parsed.as_dict(), "sort": f.sort or ("relevance" if parsed else "newest")}
    return out


def _filters(f: ArticleSearch) -> tuple[list[str], list[Any]]:
    """The filters of :func:`newsgraph.web.queries.articles` other than the words."""
    where, params = q.article_filter(f)
    return ["1 = 1", *where], params


def _counts(parsed: Parsed) -> list[tuple[str, list[Any]]]:
    """One query per word and phrase: ``(rank, tf)`` of the articles holding it, ``tf`` its
    occurrences with those in the title counted twice."""
    out: list[tuple[str, list[Any]]] = []
    tf = "count(*) + count(*) FILTER (WHERE p0.title)"
    for word in parsed.words:
        out.append(
            (
                f"SELECT p0.rank, {tf} AS tf FROM {D}.postings p0 WHERE p0.term >= ? AND p0.term < ? "
                "GROUP BY p0.rank",
                [word, word + "\U0010ffff"],
            )
        )
    for phrase in parsed.phrases:
        joins = "".join(
            f" JOIN {D}.postings p{i} ON p{i}.term = ? AND p{i}.rank = p0.rank AND p{i}.pos = p0.pos + {i}"
            for i in range(1, len(phrase))
        )
        out.append(
            (
                f"SELECT p0.rank, {tf} AS tf FROM {D}.postings p0{joins} WHERE p0.term = ? GROUP BY p0.rank",
                [*phrase[1:], phrase[0]],
            )
        )
    return out


def _ranked(db: WebDb, f: ArticleSearch, parsed: Parsed) -> list[tuple[int, float]]:
    """(list rank, BM25 score) of every article matching, remembered per query and filters so
    that paging does not rank again."""
    n = max(1, db.stats["articles"])
    avg = db.memo(("avgdl",), lambda: db.one("SELECT avg(n_words) AS n FROM articles")) or {}
    avgdl = float(avg.get("n") or 1.0) or 1.0
    counts = _counts(parsed)
    where, params = _filters(f)
    ctes: list[str] = []
    joins: list[str] = []
    terms: list[str] = []
    cte_params: list[Any] = []
    for i, (sql, values) in enumerate(counts):
        ctes.append(f"t{i} AS ({sql})")
        cte_params.extend(values)
        joins.append(f"JOIN t{i} ON t{i}.rank = s.rank")
        # inverse document frequency: how many articles hold it, among all
        idf = f"ln(1 + ({n} - df{i} + 0.5) / (df{i} + 0.5))"
        terms.append(
            f"{idf} * t{i}.tf * {K1 + 1!r} / (t{i}.tf + {K1!r} * (1 - {B!r} + {B!r} * "
            f"greatest(coalesce(s.n_words, 1), 1) / {avgdl!r}))"
        )
    dfs = ", ".join(f"(SELECT count(*) FROM t{i}) AS df{i}" for i in range(len(counts)))
    sql = f"""WITH {", ".join(ctes)}, dfs AS (SELECT {dfs})
              SELECT s.rank, {" + ".join(terms)} AS score
              FROM {D}.search s {" ".join(joins)} CROSS JOIN dfs WHERE {" AND ".join(where)}"""
    all_params = [*cte_params, *params]
    key = ("ranked", sql, q._hashable(all_params))

    def rank() -> list[tuple[int, float]]:  # plain tuples: thousands of rows, no dict each
        found = db.cursor().execute(sql, all_params).fetchall()
        return [(int(r), float(score or 0.0)) for r, score in found]

    found: list[tuple[int, float]] = db.memo(key, rank)
    return found


def _by_rank(db: WebDb, ranks: list[int]) -> list[dict[str, Any]]:
    """Articles by list rank, in the order given."""
    if not ranks:
        return []
    rows = db.rows(
        f"SELECT s.rank, s.id, s.title, s.source, s.published, s.n_words, s.relevance FROM {D}.search s "
        "WHERE s.rank IN (SELECT unnest(?::INTEGER[]))",
        [ranks],
    )
    at = {r["rank"]: r for r in rows}
    return [at[r] for r in ranks if r in at]


def fold_in_place(text: str) -> str:
    """``text`` lower-cased without accents, one character for one, so that offsets found in the
    result are offsets in ``text``."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


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


def first_hit(text: str, patterns: list[re.Pattern[str]]) -> int:
    """Where the first span of :func:`hits` starts (0 without one), found without looking past
    each pattern's first match that holds a word."""
    folded = fold_in_place(text)
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


def snippet(text: str, patterns: list[re.Pattern[str]], width: int = 240) -> str:
    """About ``width`` characters of ``text`` around its first match."""
    at = first_hit(text, patterns)
    start = max(0, at - 60)
    piece = " ".join(text[start : start + width].split())
    return ("… " if start else "") + piece + (" …" if start + width < len(text) else "")


def mark_hits(text: str | None, search: dict[str, Any] | None) -> Markup:
    """``text`` escaped, with the query's matches in ``<mark class="hit">`` (a Jinja filter), and
    its bidirectional controls made visible as everywhere on the pages."""
    text = visible_bidi(text or "")
    if not search:
        return Markup(escape(text))
    parsed = Parsed(list(search.get("words") or []), [p.split() for p in search.get("phrases") or []])
    patterns = [re.compile(p) for p in parsed.patterns()]
    out: list[str] = []
    last = 0
    for start, end in hits(text, patterns):
        out.append(str(escape(text[last:start])))
        out.append(f'<mark class="hit">{escape(text[start:end])}</mark>')
        last = end
    out.append(str(escape(text[last:])))
    return Markup("".join(out))
