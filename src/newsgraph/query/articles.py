"""The articles list: the stored articles, newest first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..extract.thresholds import check_threshold
from ..resolve.entities import fold
from ..resolve.stories import copies_filter
from ..store.db import Store, column, columns
from ..store.export_graph import DERIVED, NON_WORD, name_pattern, prepare_entities
from .common import has_table
from .filters import ArticleFilter

#: At most this many words of ``q`` count (the web's search reads as many).
MAX_TERMS = 8


@dataclass(slots=True)
class ArticleRow:
    """One stored article: what ``newsgraph articles`` lists."""

    id: str
    published: str | None
    title: str | None
    source: str
    relevance: float | None
    words: int
    language: str | None = None
    #: Why the extractors skipped it ("language"), or None.
    skipped: str | None = None
    #: The story the article belongs to (its representative's id) and, for a copy, the
    #: representative it copies and how it was recognised (docs/stories.md).
    story_id: str | None = None
    duplicate_of: str | None = None
    duplicate_reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published,
            "title": self.title,
            "source": self.source,
            "relevance": self.relevance,
            "words": self.words,
            "language": self.language,
            "skipped": self.skipped,
            "story_id": self.story_id,
            "duplicate_of": self.duplicate_of,
            "duplicate_reason": self.duplicate_reason,
        }


def search_terms(q: str | None) -> list[str]:
    """The words of an articles search: folded, at most :data:`MAX_TERMS`."""
    return fold(q or "").split()[:MAX_TERMS]


def articles(
    store: Store,
    f: ArticleFilter | None = None,
    *,
    limit: int | None = 100,
    include_copies: bool = True,
    story: str | None = None,
) -> list[ArticleRow]:
    """Stored articles, newest first. The dates (inclusive) bound the publication date;
    ``f.min_relevance`` keeps the articles at least that much about public affairs (an article
    stored without a relevance counts as 1); ``f.language`` keeps one language (ISO 639-1, or
    ``und``); ``f.q``: every word starts a word of the title or text (accents and case ignored);
    ``f.source`` is in the source; ``f.country`` is an entity's actor code or a place's country;
    ``f.entity`` an entity mentioned (its key, or words of its names). Each row names its story
    and, for a copy, the article it copies; ``include_copies`` False leaves the copies out,
    ``story`` (an article id, or its first characters) keeps the articles of that article's story."""
    f = f or ArticleFilter()
    con = store.con
    have = columns(con, "articles")
    relevance = column(have, "relevance", "NULL")
    lang, skipped = column(have, "language", "NULL"), column(have, "skipped", "NULL")
    stories = has_table(store, "article_stories")
    links = "s.story_id, s.duplicate_of, s.reason" if stories else "NULL, NULL, NULL"
    joined = " LEFT JOIN article_stories s ON s.article_id = id" if stories else ""
    sql = (
        f"SELECT id, published, title, source, {relevance}, n_words, {lang}, {skipped}, {links} "
        f"FROM articles{joined} WHERE {copies_filter(store, 'id', include_copies)}"
    )
    params: list[Any] = []
    if f.language:
        sql += f" AND {lang} = ?"
        params.append(f.language)
    if f.date_from:
        sql += " AND published >= ?"
        params.append(f.date_from)
    if f.date_to:
        sql += " AND published <= ?"
        params.append(f.date_to)
    if f.min_relevance is not None and f.min_relevance > 0:
        sql += f" AND coalesce({relevance}, 1) >= ?"
        params.append(check_threshold("min_relevance", f.min_relevance))
    if f.source:
        sql += " AND source ILIKE ?"
        params.append(f"%{f.source}%")
    if f.country:
        sql += (
            " AND (id IN (SELECT article_id FROM entities WHERE actor_code = ?) "
            "OR id IN (SELECT article_id FROM places WHERE record->>'country' = ?))"
        )
        params.extend([f.country, f.country])
    if f.entity:
        prepare_entities(con)
        sql += (
            f" AND id IN (SELECT article_id FROM {DERIVED}.ents WHERE canon IN ("
            f"SELECT key FROM {DERIVED}.entity_stats WHERE key = ? "
            f"OR key = (SELECT canon FROM {DERIVED}.alias WHERE key = ?) OR contains(folded, ?)))"
        )
        # a key matches itself; anything else is looked for in names and aliases
        params.extend([f.entity, f.entity, name_pattern(f.entity) if ":" not in f.entity else "\x00"])
    for term in search_terms(f.q):  # a word of the title or text starts with each term
        sql += " AND regexp_matches(strip_accents(lower(coalesce(title, '') || ' ' || text)), ?)"
        params.append(f"(^|{NON_WORD}){re.escape(term)}")
    if story and stories:
        sql += (
            " AND s.story_id IN (SELECT story_id FROM article_stories "
            "WHERE article_id = ? OR starts_with(article_id, ?))"
        )
        params.extend([story, story])
    sql += " ORDER BY published DESC NULLS LAST, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [
        ArticleRow(
            id=r[0],
            published=r[1].isoformat() if r[1] else None,
            title=r[2],
            source=r[3],
            relevance=None if r[4] is None else float(r[4]),
            words=int(r[5] or 0),
            language=r[6],
            skipped=r[7],
            story_id=r[8],
            duplicate_of=r[9],
            duplicate_reason=r[10],
        )
        for r in con.execute(sql, params).fetchall()
    ]
