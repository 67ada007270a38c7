"""Read-side queries over the store that the CLI and the HTTP API share."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..extract.thresholds import (
    DEFAULT_MIN_CONFIDENCE,
    DEFAULT_MIN_ENTITY_CONFIDENCE,
    DEFAULT_MIN_QUOTE_CONFIDENCE,
    check_threshold,
)
from ..resolve.entities import canonical_map, fold, store_keys
from ..resolve.stories import copies_filter
from .db import Store, column, columns


@dataclass(slots=True)
class EntitySummary:
    """One entity across the store."""

    key: str
    name: str
    type: str
    country: str | None
    sector: str | None
    mentions: int
    articles: int
    aliases: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "mentions": self.mentions,
            "articles": self.articles,
            "aliases": self.aliases,
        }


def _canonical(store: Store) -> dict[str, str]:
    return canonical_map(*store_keys(store.con))


def entities(
    store: Store,
    *,
    type: str | None = None,
    country: str | None = None,
    name: str | None = None,
    limit: int | None = 100,
    min_confidence: float = DEFAULT_MIN_ENTITY_CONFIDENCE,
) -> list[EntitySummary]:
    """Entities with mention and article counts, most mentioned first. Surname-only mentions count
    for the one full name they belong to. An entity is left out when in no article it is named
    at ``min_confidence`` or above (from 0 to 1; an entity stored without a confidence, by an
    older version, counts as 1.0), as on the web's entities list."""
    check_threshold("min_confidence", min_confidence)
    canon = _canonical(store)
    confidence = fact_confidence(columns(store.con, "entities"))
    rows = store.con.execute(
        "SELECT key, name, type, actor_code, actor_sector, n_mentions, article_id, record, "
        f"coalesce({confidence}, 1.0) FROM entities WHERE key IS NOT NULL"
    ).fetchall()
    groups: dict[str, dict[str, Any]] = {}
    sure: dict[str, float] = {}  # each entity's highest confidence in any article
    for key, ename, etype, code, sector, n, article_id, record, conf in rows:
        key = canon.get(key, key)
        g = groups.setdefault(
            key,
            {
                "names": Counter(),
                "types": Counter(),
                "codes": Counter(),
                "sectors": Counter(),
                "mentions": 0,
                "articles": set(),
                "aliases": set(),
            },
        )
        sure[key] = max(sure.get(key, 0.0), conf)
        g["names"][ename] += 1
        g["types"][etype] += 1
        if code:
            g["codes"][code] += 1
        if sector:
            g["sectors"][sector] += 1
        g["mentions"] += n or 0
        g["articles"].add(article_id)
        g["aliases"].update(json.loads(record).get("aliases") or [])
    out = []
    for key, g in groups.items():
        if sure[key] < min_confidence:
            continue
        best = max(g["names"], key=lambda s: (len(s.split()), g["names"][s], len(s)))
        summary = EntitySummary(
            key=key,
            name=best,
            type=g["types"].most_common(1)[0][0],
            country=g["codes"].most_common(1)[0][0] if g["codes"] else None,
            sector=g["sectors"].most_common(1)[0][0] if g["sectors"] else None,
            mentions=g["mentions"],
            articles=len(g["articles"]),
            aliases=sorted(a for a in g["aliases"] | set(g["names"]) if a != best),
        )
        if type and summary.type != type.upper():
            continue
        if country and summary.country != country.upper():
            continue
        if name and fold(name) not in fold(" ".join([summary.name, *summary.aliases])):
            continue
        out.append(summary)
    out.sort(key=lambda s: (-s.mentions, s.name))
    return out[:limit] if limit else out


@dataclass(slots=True)
class RoleHolder:
    """Who held a role, for whom, seen when."""

    name: str
    key: str
    title: str
    affiliation: str | None
    first_seen: str | None
    last_seen: str | None
    articles: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "key": self.key,
            "title": self.title,
            "affiliation": self.affiliation,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "articles": self.articles,
        }


def roles(store: Store, title: str | None = None, *, affiliation: str | None = None) -> list[RoleHolder]:
    """People with a role whose title contains ``title`` (case-insensitive), grouped by person,
    title and affiliation, ordered by when they were first seen."""
    canon = _canonical(store)
    rows = store.con.execute(
        "SELECT e.key, e.name, e.article_id, e.record, a.published FROM entities e "
        "JOIN articles a ON a.id = e.article_id WHERE e.type = 'PERSON'"
    ).fetchall()
    groups: dict[tuple[str, str, str | None], dict[str, Any]] = defaultdict(
        lambda: {"names": Counter(), "dates": [], "articles": set()}
    )
    want = fold(title) if title else None
    for key, name, article_id, record, published in rows:
        for role in json.loads(record).get("roles") or []:
            if want and want not in fold(role.get("title") or ""):
                continue
            if affiliation and role.get("affiliation") != affiliation.upper():
                continue
            g = groups[(canon.get(key, key), (role.get("title") or "").lower(), role.get("affiliation"))]
            g["names"][name] += 1
            g["title"] = role.get("title")
            seen = role.get("since") or (published.isoformat() if published else None)
            if seen:
                g["dates"].append(seen)
            g["articles"].add(article_id)
    out = [
        RoleHolder(
            name=max(g["names"], key=lambda s: (len(s.split()), len(s))),
            key=k[0],
            title=g["title"],
            affiliation=k[2],
            first_seen=min(g["dates"]) if g["dates"] else None,
            last_seen=max(g["dates"]) if g["dates"] else None,
            articles=len(g["articles"]),
        )
        for k, g in groups.items()
    ]
    out.sort(key=lambda r: (r.first_seen or "9999", r.name))
    return out


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


def article_language(store: Store, alias: str = "a") -> str:
    """SQL for the language of the article aliased ``alias`` (NULL in a store older than the column)."""
    return f'{alias}."language"' if "language" in columns(store.con, "articles") else "NULL"


def quotes(
    store: Store,
    *,
    speaker: str | None = None,
    country: str | None = None,
    contains: str | None = None,
    kind: str | None = None,
    language: str | None = None,
    min_confidence: float = DEFAULT_MIN_QUOTE_CONFIDENCE,
    limit: int | None = 100,
    include_copies: bool = False,
) -> list[QuoteRow]:
    """Quotes, newest article first. ``speaker`` matches the resolved speaker's name (a surname
    finds the full name) or the words naming the speaker; ``country`` the speaker's actor code;
    ``min_confidence`` (from 0 to 1) leaves out quotes less likely to be right (a quote stored
    without a confidence, by an older version, counts as 1.0). Quotes of articles that copy another
    (docs/stories.md) are left out unless ``include_copies``."""
    check_threshold("min_confidence", min_confidence)
    confidence = fact_confidence(columns(store.con, "quotes"), "q.")
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
        + f" WHERE {copies_filter(store, 'q.article_id', include_copies)}"
    )
    params: list[Any] = []
    if language:
        sql += f" AND {article_language(store)} = ?"
        params.append(language.strip().lower())
    if min_confidence > 0:
        sql += f" AND coalesce({confidence}, 1.0) >= ?"
        params.append(min_confidence)
    if country:
        sql += " AND q.speaker_code = ?"
        params.append(country.upper())
    if kind:
        sql += " AND q.kind = ?"
        params.append(kind.lower())
    if contains:
        sql += " AND q.text ILIKE ?"
        params.append(f"%{contains}%")
    sql += " ORDER BY a.published DESC NULLS LAST, q.article_id, q.n"
    rows = []
    for r in store.con.execute(sql, params).fetchall():
        published = r[2].isoformat() if r[2] else None
        rows.append(
            QuoteRow(
                article_id=r[0],
                title=r[1],
                published=published,
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
        )
    if speaker:
        want = fold(speaker)
        canon = _canonical(store)
        names: dict[str, str] = {}
        for key, name in store.con.execute(
            "SELECT DISTINCT key, name FROM entities WHERE key IS NOT NULL"
        ).fetchall():
            full = canon.get(key, key)
            names[full] = names.get(full, "") + " " + fold(name)
        rows = [
            r
            for r in rows
            if want in fold(r.speaker_name or "")
            or want in fold(r.speaker_text or "")
            or (r.speaker_key and want in names.get(canon.get(r.speaker_key, r.speaker_key), ""))
        ]
    return rows[:limit] if limit else rows


@dataclass(slots=True)
class EventRow:
    """One PLOVER event with its article."""

    article_id: str
    n: int
    title: str | None
    published: str | None
    date: str | None
    event_type: str
    mode: str | None
    quad: str | None
    cameo: str | None
    actor_codes: list[str]
    recipient_codes: list[str]
    actors: list[str]
    recipients: list[str]
    trigger: str
    sentence: str
    place: str | None
    country: str | None
    negated: bool
    hypothetical: bool
    future: bool
    #: How likely the event is to be right, in [0, 1]; None in a store written before events had
    #: one (such events count as 1.0 for ``min_confidence``).
    confidence: float | None = None
    #: The event's cluster (the reports of one happening, docs/stories.md) and its counts; None in
    #: a store without clusters.
    cluster_id: str | None = None
    num_mentions: int | None = None
    num_articles: int | None = None
    num_sources: int | None = None

    @property
    def status(self) -> str:
        """ "fact", or the auxiliary modes that make it none ("negated", "future", ...)."""
        flags = [n for n, on in (("negated", self.negated), ("hypothetical", self.hypothetical)) if on]
        if self.future:
            flags.append("future")
        return "+".join(flags) or "fact"

    def as_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "n": self.n,
            "title": self.title,
            "published": self.published,
            "date": self.date,
            "event_type": self.event_type,
            "mode": self.mode,
            "quad": self.quad,
            "cameo": self.cameo,
            "actor_codes": self.actor_codes,
            "recipient_codes": self.recipient_codes,
            "actors": self.actors,
            "recipients": self.recipients,
            "trigger": self.trigger,
            "sentence": self.sentence,
            "place": self.place,
            "country": self.country,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "status": self.status,
            "confidence": self.confidence,
            "cluster_id": self.cluster_id,
            "num_mentions": self.num_mentions,
            "num_articles": self.num_articles,
            "num_sources": self.num_sources,
        }


def has_table(store: Store, name: str) -> bool:
    """Whether the store has the table ``name`` (one written by an older version may not)."""
    return name in store.tables()


def fact_confidence(have: set[str], prefix: str = "") -> str:
    """The SQL for an event's or a quote's confidence: the typed column when the table (whose
    column names are ``have``) has it, else the record's field (a store opened read-only that an
    older version wrote); NULL for facts stored before they had one."""
    fallback = f"TRY_CAST({prefix}record->>'confidence' AS DOUBLE)"
    found = column(have, "confidence", fallback)
    return fallback if found == fallback else prefix + found


def _matches(want: str, codes: list[str], names: list[str]) -> bool:
    """An actor filter: a code ("USA") or words of a name ("Blinken")."""
    if want.upper() in codes:
        return True
    folded = fold(want)
    return len(want) > 3 and any(folded in fold(name) for name in names)


def events(
    store: Store,
    *,
    type: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    since: str | None = None,
    until: str | None = None,
    facts_only: bool = False,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    language: str | None = None,
    limit: int | None = 100,
    include_copies: bool = False,
) -> list[EventRow]:
    """PLOVER events, newest first. ``actor`` and ``recipient`` match an actor code or part of an
    actor's name; ``since`` and ``until`` (ISO dates, inclusive) the event date, or the article's
    date for an event without one; ``facts_only`` leaves out negated, hypothetical and future
    events; ``min_confidence`` (from 0 to 1) leaves out events less likely to be right (an event
    stored without a confidence, by an older version, counts as 1.0). Events of articles that
    copy another (docs/stories.md) are left out unless ``include_copies``."""
    check_threshold("min_confidence", min_confidence)
    confidence = fact_confidence(columns(store.con, "events"), "e.")
    clustered = has_table(store, "event_cluster_members")
    sql = (
        "SELECT e.article_id, e.n, a.title, a.published, e.date, e.event_type, e.mode, e.quad, e.cameo, "
        "e.actor_codes, e.recipient_codes, e.record, e.text, e.place, e.country, e.negated, "
        "substring(a.text, CAST(e.record->'sentence'->>'start' AS INTEGER) + 1, "
        "CAST(e.record->'sentence'->>'end' AS INTEGER) - CAST(e.record->'sentence'->>'start' AS INTEGER)), "
        f"{confidence}, "
        + (
            "c.cluster_id, c.num_mentions, c.num_articles, c.num_sources FROM events e "
            "JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.n = e.n "
            "LEFT JOIN event_clusters c ON c.cluster_id = m.cluster_id"
            if clustered
            else "NULL, NULL, NULL, NULL FROM events e JOIN articles a ON a.id = e.article_id"
        )
        + f" WHERE {copies_filter(store, 'e.article_id', include_copies)}"
    )
    params: list[Any] = []
    if language:
        sql += f" AND {article_language(store)} = ?"
        params.append(language.strip().lower())
    if min_confidence > 0:
        sql += f" AND coalesce({confidence}, 1.0) >= ?"
        params.append(min_confidence)
    if type:
        sql += " AND e.event_type = ?"
        params.append(type.upper())
    if since:
        sql += " AND coalesce(e.date, a.published) >= CAST(? AS DATE)"
        params.append(since)
    if until:
        sql += " AND coalesce(e.date, a.published) <= CAST(? AS DATE)"
        params.append(until)
    sql += " ORDER BY coalesce(e.date, a.published) DESC NULLS LAST, e.article_id, e.n"
    rows: list[EventRow] = []
    for r in store.con.execute(sql, params).fetchall():
        record = json.loads(r[11])
        row = EventRow(
            article_id=r[0],
            n=r[1],
            title=r[2],
            published=r[3].isoformat() if r[3] else None,
            date=r[4].isoformat() if r[4] else None,
            event_type=r[5],
            mode=r[6],
            quad=r[7],
            cameo=r[8],
            actor_codes=list(r[9] or []),
            recipient_codes=list(r[10] or []),
            actors=[a.get("text") or "" for a in record.get("actor") or []],
            recipients=[a.get("text") or "" for a in record.get("recipient") or []],
            trigger=r[12],
            sentence=r[16] or "",
            place=r[13],
            country=r[14],
            negated=bool(r[15]),
            hypothetical=bool(record.get("hypothetical")),
            future=bool(record.get("future")),
            confidence=r[17],
            cluster_id=r[18],
            num_mentions=r[19],
            num_articles=r[20],
            num_sources=r[21],
        )
        if facts_only and row.status != "fact":
            continue
        if actor and not _matches(actor, row.actor_codes, row.actors):
            continue
        if recipient and not _matches(recipient, row.recipient_codes, row.recipients):
            continue
        rows.append(row)
        if limit and len(rows) >= limit:
            break
    return rows


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


def articles(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    min_relevance: float | None = None,
    language: str | None = None,
    limit: int | None = 100,
    include_copies: bool = True,
    story: str | None = None,
) -> list[ArticleRow]:
    """Stored articles, newest first. ``since`` and ``until`` (ISO dates, inclusive) bound the
    publication date; ``min_relevance`` keeps the articles at least that much about public affairs
    (an article stored without a relevance counts as 1); ``language`` keeps one language (ISO 639-1,
    or ``und``). Each row names its story and, for a copy, the article it copies; ``include_copies``
    False leaves the copies out, ``story`` (an article id, or its first characters) keeps the
    articles of that article's story."""
    have = columns(store.con, "articles")
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
    if language:
        sql += f" AND {lang} = ?"
        params.append(language.strip().lower())
    if since:
        sql += " AND published >= CAST(? AS DATE)"
        params.append(since)
    if until:
        sql += " AND published <= CAST(? AS DATE)"
        params.append(until)
    if min_relevance is not None:
        sql += f" AND coalesce({relevance}, 1) >= ?"
        params.append(check_threshold("min_relevance", min_relevance))
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
        for r in store.con.execute(sql, params).fetchall()
    ]
