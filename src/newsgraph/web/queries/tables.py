"""The web app's derived tables, built at start-up from the store in the in-memory database
attached as ``derived``: each list in its order (an integer ``rank``), the search terms, every
fact by article, each article's countries."""

from __future__ import annotations

import duckdb

from ...query.counts import COUNT_JSON
from ...store.db import column, columns
from ...store.export_graph import DERIVED, NON_WORD

D = DERIVED

_EVENT_JSON = (
    '{"event_type": "VARCHAR", "mode": "VARCHAR", "quad": "VARCHAR", "cameo": "VARCHAR", '
    '"date": "VARCHAR", "negated": "BOOLEAN", "hypothetical": "BOOLEAN", "future": "BOOLEAN", '
    '"confidence": "DOUBLE", '
    '"location": {"name": "VARCHAR", "country": "VARCHAR"}, '
    '"sentence": {"start": "INTEGER", "end": "INTEGER"}}'
)
_QUOTE_JSON = (
    '{"kind": "VARCHAR", "cue": {"text": "VARCHAR"}, "speaker": "VARCHAR", "speaker_text": "VARCHAR", '
    '"confidence": "DOUBLE"}'
)
_COUNT_JSON = COUNT_JSON


def _prepare_web(con: duckdb.DuckDBPyConnection) -> None:
    """The web app's derived tables, read from each fact's ``record`` (the contract's JSON form).
    Each has an integer ``rank`` in its list order, so pages sort and join on integers, and
    carries its article's title, so that no page joins another table."""
    # stories and clusters (docs/stories.md): copies' facts left out, clusters' counts on events
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    stories = "article_stories" in tables
    not_copy = (
        "{} NOT IN (SELECT article_id FROM article_stories WHERE duplicate_of IS NOT NULL)"
        if stories
        else "TRUE"
    )
    clustered = "event_clusters" in tables
    clusters = (
        "LEFT JOIN event_cluster_members cm ON cm.article_id = e.article_id AND cm.n = e.n "
        "LEFT JOIN event_clusters cl ON cl.cluster_id = cm.cluster_id"
        if clustered
        else ""
    )
    counts = (
        "cl.cluster_id, cl.num_mentions, cl.num_articles, cl.num_sources,"
        if clustered
        else "NULL::VARCHAR AS cluster_id, NULL::INTEGER AS num_mentions, NULL::INTEGER AS num_articles, "
        "NULL::INTEGER AS num_sources,"
    )
    links = (
        "st.story_id, st.duplicate_of, st.reason AS duplicate_reason"
        if stories
        else "NULL::VARCHAR AS story_id, NULL::VARCHAR AS duplicate_of, NULL::VARCHAR AS duplicate_reason"
    )
    stories_join = "LEFT JOIN article_stories st ON st.article_id = articles.id" if stories else ""
    # the article's language, which the events and quotes lists filter on (NULL: an older store)
    fact_language = 'a."language"' if "language" in columns(con, "articles") else "NULL::VARCHAR"
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.events AS
        SELECT (row_number() OVER (ORDER BY day DESC NULLS LAST, article_id, n))::INTEGER AS rank, *
        FROM (
            SELECT e.article_id, e.n, e.start, e."end", e.text, r.event_type, r.mode, r.quad, r.cameo,
                   TRY_CAST(r.date AS DATE) AS date, coalesce(TRY_CAST(r.date AS DATE), a.published) AS day,
                   r.location.name AS place, r.location.country AS country,
                   coalesce(r.negated, false) AS negated, r.confidence, a.published, a.title, {counts}
                   {fact_language} AS language,
                   NOT (coalesce(r.negated, false) OR coalesce(r.hypothetical, false)
                        OR coalesce(r.future, false)) AS fact,
                   CASE WHEN r.sentence.start IS NOT NULL AND r.sentence."end" IS NOT NULL
                        THEN substr(a.text, r.sentence.start + 1, r.sentence."end" - r.sentence.start)
                   END AS sentence
            FROM (SELECT *, from_json(record, '{_EVENT_JSON}') AS r FROM events) e
            JOIN articles a ON a.id = e.article_id {clusters}
            WHERE {not_copy.format("e.article_id")})
        ORDER BY rank"""
    )
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.event_parts AS
        SELECT e.rank AS ev, p.role, p.ni, p.node, p.key, p.code, p.text, p.start, st.name
        FROM {D}.parts p JOIN {D}.events e ON e.article_id = p.article_id AND e.n = p.n
        LEFT JOIN {D}.entity_stats st ON st.key = p.key
        ORDER BY ev, p.start"""
    )
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.quotes AS
        SELECT (row_number() OVER (ORDER BY published DESC NULLS LAST, article_id, n))::INTEGER AS rank, *
        FROM (
            SELECT q.article_id, q.n, q.start, q."end", q.text, r.kind, r.cue.text AS cue, r.speaker,
                   r.speaker_text, s.canon AS speaker_key, s.name AS speaker_name, s.code AS speaker_code,
                   r.confidence, a.published, a.title, {fact_language} AS language,
                   strip_accents(lower(q.text)) AS folded,
                   ' ' || trim(regexp_replace(strip_accents(lower(concat_ws(' ', s.name, r.speaker_text))),
                                              '{NON_WORD}', ' ', 'g')) || ' ' AS speaker_folded
            FROM (SELECT *, from_json(record, '{_QUOTE_JSON}') AS r FROM quotes) q
            JOIN articles a ON a.id = q.article_id
            LEFT JOIN {D}.ents s ON s.article_id = q.article_id AND s.eid = r.speaker
            WHERE {not_copy.format("q.article_id")})
        ORDER BY rank"""
    )
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.counts AS
        SELECT (row_number() OVER (ORDER BY value DESC NULLS LAST, published DESC NULLS LAST,
                                   article_id, n))::INTEGER AS rank, *
        FROM (
            SELECT c.article_id, c.n, c.start, c."end", c.text, r.value, r.number_text, r.qualifier,
                   coalesce(r.kind, 'other') AS kind, r.object.text AS object, r.unit, r.confidence,
                   a.published, a.title
            FROM (SELECT *, from_json(record, '{_COUNT_JSON}') AS r FROM counts) c
            JOIN articles a ON a.id = c.article_id
            WHERE {not_copy.format("c.article_id")})
        ORDER BY rank"""
    )
    have = columns(con, "articles")
    relevance = column(have, "relevance", "NULL::DOUBLE")  # NULL: an older store
    language, skipped = column(have, "language", "NULL::VARCHAR"), column(have, "skipped", "NULL::VARCHAR")
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.search AS
        SELECT (row_number() OVER (ORDER BY published DESC NULLS LAST, id))::INTEGER AS rank,
               id, title, source, published, n_words, {relevance} AS relevance,
               {language} AS language, {skipped} AS skipped, {links}
        FROM articles {stories_join} ORDER BY rank"""
    )
    # every word of every article once, sorted: a word-prefix search reads a few row groups
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.terms AS
        SELECT DISTINCT term, rank FROM (
            SELECT s.rank, unnest(regexp_split_to_array(
                       strip_accents(lower(coalesce(a.title, '') || ' ' || a.text)), '{NON_WORD}')) AS term
            FROM articles a JOIN {D}.search s ON s.id = a.id)
        WHERE term <> '' ORDER BY term"""
    )
    con.execute(f"CREATE INDEX IF NOT EXISTS ents_article ON {D}.ents (article_id)")
    con.execute(f"CREATE INDEX IF NOT EXISTS entity_stats_key ON {D}.entity_stats (key)")
    con.execute(
        f"""CREATE OR REPLACE TABLE {D}.article_country AS
        SELECT DISTINCT article_id, code AS country FROM {D}.ents WHERE code IS NOT NULL
        UNION
        SELECT DISTINCT article_id, record->>'country' FROM places WHERE record->>'country' IS NOT NULL"""
    )
