"""Article search with phrases and ranking, offline.

A query is words and ``"quoted phrases"``: ``"act of war" iran`` finds the articles holding the
three words in that order (as whole words, any punctuation or spacing between them) and a word
beginning with ``iran``. Results are ranked by BM25 (term frequency against article length, rarer
terms weighing more; the title counts twice), computed in SQL over the articles the filters and the
word index (``derived.terms``) leave. DuckDB's ``fts`` extension is not used: it is not bundled with
the duckdb wheel, and nothing may be downloaded at run time.

Matches are marked in the results' snippets (:func:`mark_hits`) and, on the article page, by
``static/search.js`` from the same ``q`` parameter."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from markupsafe import Markup, escape
from pydantic import Field

from ..resolve.entities import fold
from . import queries as q
from .queries import D, WebDb

#: BM25's term-frequency saturation and length normalisation (the usual values).
K1 = 1.2
B = 0.75
#: The most words and phrases a query uses (the rest are ignored, as the plain search does).
MAX_TERMS = 8
#: Not a letter or digit, in RE2 (DuckDB) and in Python's ``re`` (which has no ``\pL``).
_NOT_WORD = {"sql": r"[^\pL\pN]", "py": r"[\W_]"}


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

    def patterns(self, dialect: Literal["sql", "py"] = "sql") -> list[str]:
        """One regular expression per word, then per phrase, over folded text: for DuckDB
        (``sql``, RE2) or Python's ``re`` (``py``)."""
        nw = _NOT_WORD[dialect]
        left, right = f"(?:^|{nw})", f"(?:$|{nw})"
        found = [left + re.escape(w) for w in self.words]
        found += [left + (nw + "+").join(re.escape(w) for w in p) + right for p in self.phrases]
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


def articles(db: WebDb, f: ArticleSearch) -> dict[str, Any]:
    """The articles list: without a query (or sorted by ``newest``) the plain list of
    :func:`newsgraph.web.queries.articles`; with one, ranked by relevance, each with its
    ``score`` and a snippet around the first match."""
    parsed = parse(f.q)
    if not parsed or (f.sort == "newest" and not parsed.phrases):
        out = q.articles(db, f)
    else:
        ranked = _ranked(db, f, parsed)
        ranked = sorted(ranked) if f.sort == "newest" else sorted(ranked, key=lambda r: (-r[1], r[0]))
        shown = ranked[f.offset : f.offset + f.per_page]
        rows = _by_rank(db, [r for r, _ in shown])
        scores = dict(shown)
        texts = q._texts(db, [r["id"] for r in rows])
        patterns = [re.compile(p) for p in parsed.patterns("py")]
        for r in rows:
            r["score"] = round(scores[r.pop("rank")], 4)
            r["snippet"] = snippet(texts.get(r["id"]) or "", patterns)
        out = q._page(rows, len(ranked), f)
    out["search"] = {**parsed.as_dict(), "sort": f.sort or ("relevance" if parsed else "newest")}
    return out


def _conditions(db: WebDb, f: ArticleSearch, parsed: Parsed) -> tuple[list[str], list[Any]]:
    """The filters of :func:`newsgraph.web.queries.articles`, with each word a word beginning
    and each phrase's words whole words of the article (the phrase itself is checked later)."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    for word in parsed.words:
        where.append(f"s.rank IN (SELECT rank FROM {D}.terms WHERE term >= ? AND term < ?)")
        params.extend([word, word + "\U0010ffff"])
    for word in dict.fromkeys(w for p in parsed.phrases for w in p):
        where.append(f"s.rank IN (SELECT rank FROM {D}.terms WHERE term = ?)")
        params.append(word)
    if f.source:
        where.append("s.source ILIKE ?")
        params.append(f"%{f.source}%")
    if f.country:
        where.append(f"s.id IN (SELECT article_id FROM {D}.article_country WHERE country = ?)")
        params.append(f.country.upper())
    if f.entity:
        where.append(f"s.id IN (SELECT article_id FROM {D}.ents WHERE canon IN ({q._entity_keys_sql()}))")
        params.extend(q._entity_keys_params(f.entity))
    if f.min_relevance is not None and f.min_relevance > 0:
        where.append("coalesce(s.relevance, 1.0) >= ?")
        params.append(f.min_relevance)
    q._dates(where, params, f, "s.published")
    return where, params


def _idf(db: WebDb, parsed: Parsed) -> list[float]:
    """BM25's inverse document frequency of each word (as a word beginning) and phrase (the sum
    of its words', a phrase being rarer than any of them)."""
    n = max(1, db.stats["articles"])

    def df(sql: str, params: list[Any]) -> int:
        found = db.memo(("df", sql, tuple(params)), lambda: db.one(sql, params))
        return int(found["n"]) if found else 0

    def idf(count: int) -> float:
        return math.log(1 + (n - count + 0.5) / (count + 0.5))

    prefix = f"SELECT count(DISTINCT rank) AS n FROM {D}.terms WHERE term >= ? AND term < ?"
    exact = f"SELECT count(DISTINCT rank) AS n FROM {D}.terms WHERE term = ?"
    out = [idf(df(prefix, [w, w + "\U0010ffff"])) for w in parsed.words]
    out += [sum(idf(df(exact, [w])) for w in p) for p in parsed.phrases]
    return out


def _ranked(db: WebDb, f: ArticleSearch, parsed: Parsed) -> list[tuple[int, float]]:
    """(list rank, BM25 score) of every article matching, remembered per query and filters so
    that paging does not rank again."""
    where, params = _conditions(db, f, parsed)
    patterns = parsed.patterns()
    n_phrases = len(parsed.phrases)
    for pattern in patterns[len(patterns) - n_phrases :]:
        where.append("regexp_matches(x.ft || ' ' || x.fx, ?)")
        params.append(pattern)
    weights = _idf(db, parsed)
    avg = db.memo(("avgdl",), lambda: db.one("SELECT avg(n_words) AS n FROM articles")) or {}
    avgdl = float(avg.get("n") or 1.0)
    terms: list[str] = []
    score_params: list[Any] = []
    for pattern, weight in zip(patterns, weights, strict=True):
        tf = "(len(regexp_extract_all(x.fx, ?)) + 2 * len(regexp_extract_all(x.ft, ?)))"
        terms.append(
            f"{weight!r} * {tf} * {K1 + 1!r} / ({tf} + {K1!r} * (1 - {B!r} + {B!r} * x.dl / {avgdl!r}))"
        )
        score_params.extend([pattern, pattern, pattern, pattern])
    sql = f"""SELECT x.rank, {" + ".join(terms)} AS score FROM (
                SELECT s.rank, greatest(coalesce(s.n_words, 1), 1) AS dl,
                       strip_accents(lower(coalesce(a.title, ''))) AS ft, strip_accents(lower(a.text)) AS fx
                FROM {D}.search s JOIN articles a ON a.id = s.id
                WHERE {" AND ".join(where[: len(where) - n_phrases])}) x
              WHERE {" AND ".join(["1 = 1", *where[len(where) - n_phrases :]])}"""
    all_params = [*score_params, *params]
    key = ("ranked", sql, q._hashable(all_params))
    found: list[tuple[int, float]] = db.memo(
        key, lambda: [(int(r["rank"]), float(r["score"] or 0.0)) for r in db.rows(sql, all_params)]
    )
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
    out = []
    for c in text:
        base = unicodedata.normalize("NFKD", c)
        base = "".join(x for x in base if not unicodedata.combining(x)).lower()
        out.append(base if len(base) == 1 else c)
    return "".join(out)


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


def snippet(text: str, patterns: list[re.Pattern[str]], width: int = 240) -> str:
    """About ``width`` characters of ``text`` around its first match."""
    found = hits(text, patterns)
    at = found[0][0] if found else 0
    start = max(0, at - 60)
    piece = " ".join(text[start : start + width].split())
    return ("… " if start else "") + piece + (" …" if start + width < len(text) else "")


def mark_hits(text: str | None, search: dict[str, Any] | None) -> Markup:
    """``text`` escaped, with the query's matches in ``<mark class="hit">`` (a Jinja filter)."""
    text = text or ""
    if not search:
        return Markup(escape(text))
    parsed = Parsed(list(search.get("words") or []), [p.split() for p in search.get("phrases") or []])
    patterns = [re.compile(p) for p in parsed.patterns("py")]
    out: list[str] = []
    last = 0
    for start, end in hits(text, patterns):
        out.append(str(escape(text[last:start])))
        out.append(f'<mark class="hit">{escape(text[start:end])}</mark>')
        last = end
    out.append(str(escape(text[last:])))
    return Markup("".join(out))
