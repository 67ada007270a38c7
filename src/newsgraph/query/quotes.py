"""The quotes list: who said what, newest article first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..extract.thresholds import check_threshold
from ..resolve.entities import fold
from ..resolve.stories import copies_filter
from ..store.db import Store, columns
from ..store.export_graph import DERIVED, NON_WORD, prepare_entities
from .common import (
    canonical_key,
    fact_conditions,
    fact_confidence,
    fold_query,
    has_table,
    keys_named,
)
from .filters import QuoteFilter


@dataclass(slots=True)
class QuoteRow:
    """One quote with its speaker and article."""

    article_id: str
    title: str | None
    published: str | None
    start: int
    end: int
    text: str
    kind: str | None
    cue: str | None
    speaker_text: str | None
    speaker_name: str | None
    speaker_key: str | None
    speaker_code: str | None
    #: The quote's cluster (the same words by the same speaker in other articles) and how many
    #: articles and outlets carry it; None in a store without clusters.
    cluster_id: str | None = None
    num_articles: int | None = None
    num_sources: int | None = None
    #: How likely the attribution is right, in [0, 1]; None for a quote an older version stored
    #: without one (such quotes count as 1.0 for ``min_confidence``).
    confidence: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "published": self.published,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "cue": self.cue,
            "speaker_text": self.speaker_text,
            "speaker_name": self.speaker_name,
            "speaker_key": self.speaker_key,
            "speaker_code": self.speaker_code,
            "cluster_id": self.cluster_id,
            "num_articles": self.num_articles,
            "num_sources": self.num_sources,
            "confidence": self.confidence,
        }


#: A quote's speaker as the ``speaker`` filter reads it: the resolved name and the words naming
#: the speaker, folded, as `` word word `` (the web's ``derived.quotes.speaker_folded``).
_SPEAKER_WORDS = (
    "' ' || trim(regexp_replace(strip_accents(lower(concat_ws(' ', q.speaker_name, q.speaker_text))), "
    f"'{NON_WORD}', ' ', 'g')) || ' '"
)


def quotes(
    store: Store,
    f: QuoteFilter | None = None,
    *,
    limit: int | None = 100,
    include_copies: bool = False,
) -> list[QuoteRow]:
    """Quotes, newest article first (then by article and position). ``f.speaker`` starts words of
    the speaker's name, of another name or alias of the same entity, or of the words naming the
    speaker ("blinken" finds Antony Blinken); ``f.speaker_key`` is the speaker's entity (a
    variant's key counts as its full name's); ``f.q`` is in the quote's words (accents and case
    ignored); ``f.country`` is the speaker's actor code; ``f.min_confidence`` (from 0 to 1) leaves
    out quotes less likely to be right (a quote stored without a confidence, by an older version,
    counts as 1.0); the dates bound the article's; ``f.language`` keeps the quotes of articles in
    that language. Quotes of articles that copy another (docs/stories.md) are left out unless
    ``include_copies``."""
    f = f or QuoteFilter()
    check_threshold("min_confidence", f.min_confidence)
    con = store.con
    by_speaker = bool(f.speaker or f.speaker_key)
    if by_speaker:  # the speaker's entity as merged store-wide (derived.alias, entity_stats)
        prepare_entities(con)
    confidence = fact_confidence(columns(con, "quotes"), "q.")
    clustered = has_table(store, "quote_cluster_members")
    sql = (
        "SELECT q.article_id, a.title, a.published, q.start, q.end, q.text, q.kind, q.cue, "
        f"q.speaker_text, q.speaker_name, q.speaker_key, q.speaker_code, {confidence}, "
        + (
            "c.cluster_id, c.num_articles, c.num_sources "
            "FROM quotes q JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN quote_cluster_members m ON m.article_id = q.article_id AND m.n = q.n "
            "LEFT JOIN quote_clusters c ON c.cluster_id = m.cluster_id"
            if clustered
            else "NULL, NULL, NULL FROM quotes q JOIN articles a ON a.id = q.article_id"
        )
        + (f" LEFT JOIN {DERIVED}.alias al ON al.key = q.speaker_key" if by_speaker else "")
        + f" WHERE {copies_filter(store, 'q.article_id', include_copies)}"
    )
    shared, params = fact_conditions(store, f, confidence=confidence, date="a.published")
    sql += shared
    if f.country:
        sql += " AND q.speaker_code = ?"
        params.append(f.country)
    if f.kind:
        sql += " AND q.kind = ?"
        params.append(f.kind)
    if f.q:
        sql += " AND contains(strip_accents(lower(q.text)), ?)"
        params.append(fold_query(f.q))
    if f.speaker_key:
        sql += " AND coalesce(al.canon, q.speaker_key) = ?"
        params.append(canonical_key(con, f.speaker_key))
    if f.speaker:
        # the speaker's entity by any of its names, or the words naming the speaker
        sql += (
            " AND (coalesce(al.canon, q.speaker_key) IN (SELECT unnest(?::VARCHAR[])) "
            f"OR contains({_SPEAKER_WORDS}, ?))"
        )
        params.extend([list(keys_named(con, f.speaker)), " " + fold(f.speaker)])
    sql += " ORDER BY a.published DESC NULLS LAST, q.article_id, q.n"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [
        QuoteRow(
            article_id=r[0],
            title=r[1],
            published=r[2].isoformat() if r[2] else None,
            start=r[3],
            end=r[4],
            text=r[5],
            kind=r[6],
            cue=r[7],
            speaker_text=r[8],
            speaker_name=r[9],
            speaker_key=r[10],
            speaker_code=r[11],
            confidence=r[12],
            cluster_id=r[13],
            num_articles=r[14],
            num_sources=r[15],
        )
        for r in con.execute(sql, params).fetchall()
    ]
