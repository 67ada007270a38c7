-- newsgraph store schema. Later versions add columns and tables; they never rename.
-- Every fact row is keyed to its article; start/end are character offsets into articles.text.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    command VARCHAR,
    n_articles INTEGER,
    n_errors INTEGER
);

-- One row per unit an input reader produced (a text file, an HTML page, a JSON line, a WARC
-- record, a feed entry). `text` is the source text the articles' source maps point into.
CREATE TABLE IF NOT EXISTS documents (
    doc_hash VARCHAR PRIMARY KEY,
    source VARCHAR,
    reader VARCHAR,
    kind VARCHAR,
    encoding VARCHAR,
    size_bytes BIGINT,
    n_articles INTEGER,
    text VARCHAR,
    run_id INTEGER,
    ingested_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    doc_hash VARCHAR,
    source VARCHAR,
    url VARCHAR,
    title VARCHAR,
    published DATE,
    published_from VARCHAR,
    authors VARCHAR[],
    text VARCHAR,
    captions VARCHAR[],
    credits VARCHAR[],
    headings STRUCT(text VARCHAR, "start" INTEGER, "end" INTEGER)[],
    source_map INTEGER[][],
    n_words INTEGER,
    run_id INTEGER,
    -- how much the article is about public affairs, in [0, 1]; NULL when not scored
    relevance DOUBLE,
    -- ISO 639-1 code ('und': too short or unclear to judge) and the detector's confidence
    language VARCHAR,
    language_score DOUBLE,
    -- the publication, as a manifest gave it
    outlet VARCHAR,
    -- why no facts were extracted ('language': not a supported language); NULL when they were
    skipped VARCHAR
);

CREATE TABLE IF NOT EXISTS errors (
    run_id INTEGER,
    "at" TIMESTAMP,
    source VARCHAR,
    record VARCHAR,
    stage VARCHAR,
    kind VARCHAR,
    code VARCHAR,
    message VARCHAR,
    -- one row per error (source, record, code, message): the run that first saw it, and how
    -- many times it was reported; run_id and "at" are those of the run that saw it last
    first_run INTEGER,
    n_seen INTEGER
);

-- Stories (docs/stories.md): one row per article, written after each ingest. `story_id` is the
-- id of the story's representative (the first stored article of the group; its own id for a
-- representative); `duplicate_of` the representative for a copy, NULL otherwise; `reason` how the
-- copy was recognised ('url', 'text' or 'near') and `similarity` its estimated Jaccard
-- similarity. `signature` holds the MinHash values (126 little-endian uint32).
CREATE TABLE IF NOT EXISTS article_stories (
    article_id VARCHAR PRIMARY KEY,
    story_id VARCHAR,
    duplicate_of VARCHAR,
    reason VARCHAR,
    similarity DOUBLE,
    url_key VARCHAR,
    text_hash VARCHAR,
    n_shingles INTEGER,
    signature BLOB
);

-- The LSH band hashes of each article's MinHash signature: the lookup of near copies.
CREATE TABLE IF NOT EXISTS story_bands (
    band SMALLINT,
    hash BIGINT,
    article_id VARCHAR
);

-- Event clusters (docs/stories.md): the events of several articles that report one happening
-- (same PLOVER type, actor and recipient codes and negation, dates within a day of the first).
-- Rebuilt after each ingest.
CREATE TABLE IF NOT EXISTS event_clusters (
    cluster_id VARCHAR PRIMARY KEY,
    event_type VARCHAR,
    actor_codes VARCHAR[],
    recipient_codes VARCHAR[],
    negated BOOLEAN,
    first_date DATE,
    last_date DATE,
    num_mentions INTEGER,
    num_articles INTEGER,
    num_stories INTEGER,
    num_sources INTEGER,
    first_seen DATE,
    last_seen DATE,
    article_id VARCHAR,
    n INTEGER
);

CREATE TABLE IF NOT EXISTS event_cluster_members (
    article_id VARCHAR,
    n INTEGER,
    cluster_id VARCHAR
);

-- Quote clusters: one quote (normalised text) by one speaker repeated across articles.
CREATE TABLE IF NOT EXISTS quote_clusters (
    cluster_id VARCHAR PRIMARY KEY,
    speaker VARCHAR,
    text VARCHAR,
    num_mentions INTEGER,
    num_articles INTEGER,
    num_stories INTEGER,
    num_sources INTEGER,
    first_seen DATE,
    last_seen DATE,
    article_id VARCHAR,
    n INTEGER
);

CREATE TABLE IF NOT EXISTS quote_cluster_members (
    article_id VARCHAR,
    n INTEGER,
    cluster_id VARCHAR
);

-- People's full names as resolve/people.py parsed them (each PERSON key of two words or more,
-- parsed once: `last` NULL when the key is not a first and last name), and the variant pairs
-- found among them (`key` names the same person as the at least as fully written `other`;
-- `reason` from resolve/names.py). Kept up to date after each ingest, so that a new key is
-- compared only with the others, not every key with every other again.
CREATE TABLE IF NOT EXISTS person_names (
    key VARCHAR PRIMARY KEY,
    first VARCHAR,
    middle VARCHAR[],
    last VARCHAR
);

CREATE TABLE IF NOT EXISTS person_variants (
    key VARCHAR,
    other VARCHAR,
    reason VARCHAR
);
