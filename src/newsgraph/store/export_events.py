"""Event exports for event-data tools: PLOVER JSON Lines and a GDELT Events 2.0 style TSV.

``events.plover.jsonl`` holds one PLOVER record per event, with the manual's field names (``id``,
``date``, ``actor``, ``recipient``, ``event``, ``mode``, ``context``, ``event_loc``, ``event_text``,
``quad_code``, ``event_scale``, ``text``, ``text_info``, ``cite_info``, ``coder``, ...). PLOVER puts
its auxiliary modes in ``context``: a negated, hypothetical or future event carries ``negation``,
``hypothetical`` or ``future`` there.

``events.export.tsv`` has the 61 tab-separated columns of a GDELT 2.0 event export, no header, one
row per actor-recipient pair (PLOVER's compound actors expanded, as the manual suggests for dyadic
tools). Negated, hypothetical and future events are left out: GDELT has no field to mark them.
See docs/events.md for what each column holds.

Both leave out events below a confidence (``min_confidence``, by default
:data:`~newsgraph.extract.thresholds.DEFAULT_MIN_CONFIDENCE`); events stored without one, by an
older version, count as 1.0. The PLOVER records carry the event's ``confidence``; the GDELT rows
keep their 61 columns.

Events of articles that copy another (docs/stories.md) are left out unless ``include_copies``;
every event carries the counts of its cluster (the reports of one happening): GDELT's NumMentions,
NumSources and NumArticles columns, and ``num_mentions``, ``num_sources``, ``num_articles`` and
``cluster_id`` in the PLOVER records."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import __version__
from ..extract import plover
from ..extract.thresholds import DEFAULT_MIN_CONFIDENCE, check_threshold
from ..resolve.actors import country_name
from ..resolve.stories import copies_filter
from .csvsafe import safe_cell
from .db import Store

PLOVER_FILE = "events.plover.jsonl"
GDELT_FILE = "events.export.tsv"
CODER = f"newsgraph {__version__}"
#: PLOVER's non-state codes (the GDELT "known group" column).
GROUP_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
#: The columns of a GDELT 2.0 event export, in order.
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"{side}{name}"
        for side in ("Actor1", "Actor2")
        for name in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{geo}_{name}"
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for name in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ),
    "DATEADDED",
    "SOURCEURL",
)


def _rows(
    store: Store, min_confidence: float = DEFAULT_MIN_CONFIDENCE, *, include_copies: bool = False
) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, dict[str, Any]]]]:
    """(event, article, entities by id) for every event at or above ``min_confidence``, in ingest
    order; events of articles that copy another (docs/stories.md) only with ``include_copies``.
    Each event carries its ``cluster`` (``cluster_id``, ``num_mentions``, ``num_sources``,
    ``num_articles``) when the store has event clusters."""
    check_threshold("min_confidence", min_confidence)
    clustered = "event_clusters" in store.tables()
    cluster_sql = (
        "SELECT e.article_id, e.record, c.cluster_id, c.num_mentions, c.num_sources, c.num_articles "
        "FROM events e LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.n = e.n "
        "LEFT JOIN event_clusters c ON c.cluster_id = m.cluster_id"
        if clustered
        else "SELECT e.article_id, e.record, NULL, NULL, NULL, NULL FROM events e"
    )
    cur = store.con.cursor()
    cur.execute(
        "SELECT a.id, a.title, a.url, a.source, a.published, a.text, r.started_at FROM articles a "
        "LEFT JOIN runs r ON r.run_id = a.run_id "
        "WHERE a.id IN (SELECT DISTINCT article_id FROM events) "
        f"AND {copies_filter(store, 'a.id', include_copies)} ORDER BY a.run_id, a.rowid"
    )
    while batch := cur.fetchmany(128):
        ids = [row[0] for row in batch]
        events: dict[str, list[dict[str, Any]]] = {}
        for aid, record, cluster_id, mentions, sources, articles in store.con.execute(
            f"{cluster_sql} WHERE e.article_id IN (SELECT unnest(?)) ORDER BY e.article_id, e.n",
            [ids],
        ).fetchall():
            event = json.loads(record)
            if cluster_id is not None:
                event["cluster"] = {
                    "cluster_id": cluster_id,
                    "num_mentions": mentions,
                    "num_sources": sources,
                    "num_articles": articles,
                }
            events.setdefault(aid, []).append(event)
        entities: dict[str, dict[str, dict[str, Any]]] = {}
        for aid, record in store.con.execute(
            "SELECT article_id, record FROM entities WHERE article_id IN (SELECT unnest(?))", [ids]
        ).fetchall():
            ent = json.loads(record)
            entities.setdefault(aid, {})[ent["id"]] = ent
        for aid, title, url, source, published, text, started in batch:
            article = {
                "id": aid,
                "title": title,
                "url": url,
                "source": source,
                "published": published.isoformat() if published else None,
                "text": text,
                "added": started,
            }
            for event in events.get(aid, []):
                if _confidence(event) >= min_confidence:
                    yield event, article, entities.get(aid, {})


def _confidence(event: dict[str, Any]) -> float:
    """The event's confidence; 1.0 for an event stored before events had one."""
    value = event.get("confidence")
    return 1.0 if value is None else float(value)


def _entity_object(ref: dict[str, Any], entities: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A PLOVER entity object (manual, "Information object for entities")."""
    ent = entities.get(ref.get("entity") or "")
    return {
        "code": ref.get("code"),
        "sector": ref.get("sector"),
        "entity_text": ref.get("text"),
        "identifier_text": ent.get("name") if ent else None,
        "entity_key": ent.get("key") if ent else None,
        "start": ref.get("start"),
        "end": ref.get("end"),
    }


def plover_record(
    event: dict[str, Any], article: dict[str, Any], entities: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """One event as a PLOVER JSON record (manual, "PLOVER JSON")."""
    etype, mode = event["event_type"], event.get("mode")
    context = list(event.get("context") or [])
    for flag, name in (("negated", "negation"), ("hypothetical", "hypothetical"), ("future", "future")):
        if event.get(flag):
            context.append(name)
    sent = event.get("sentence") or {}
    loc = event.get("location")
    record: dict[str, Any] = {
        "id": f"{article['id']}-{event['id']}",
        "has_event": True,
        "date": event.get("date"),
        "actor": [_entity_object(r, entities) for r in event.get("actor") or []],
        "recipient": [_entity_object(r, entities) for r in event.get("recipient") or []],
        "event": [etype],
        "mode": [mode] if mode else [],
        "context": context,
        "event_loc": {
            "extracted_place": loc.get("text"),
            "resolved_place": loc.get("name"),
            "geonameid": loc.get("geonameid"),
            "lat": loc.get("lat"),
            "lon": loc.get("lon"),
            "country_code": loc.get("country"),
            "country": country_name(loc["country"]) if loc.get("country") else None,
        }
        if loc
        else None,
        "event_text": [event.get("text")],
        "quad_code": plover.event_types()[etype].quad_code,
        "event_scale": plover.score(etype, mode),
        "text": article["text"][sent.get("start", 0) : sent.get("end", 0)] if sent else None,
        "text_info": {"start": sent.get("start"), "end": sent.get("end")},
        "cite_info": {
            "corpus": article["source"],
            "url": article["url"],
            "title": article["title"],
            "coder": CODER,
            "codebook": "PLOVER manual (openeventdata/PLOVER)",
        },
        "coder": CODER,
        "article_id": article["id"],
        "published": article["published"],
        "cameo": event.get("cameo"),
        "trigger": event.get("trigger"),
        "date_text": event.get("date_text"),
        "negated": bool(event.get("negated")),
        "hypothetical": bool(event.get("hypothetical")),
        "future": bool(event.get("future")),
        "confidence": event.get("confidence"),
    }
    # the event's cluster: how many mentions, outlets and articles report it (docs/stories.md)
    record.update(event.get("cluster") or {})
    for key, value in (event.get("magnitudes") or {}).items():
        record[key] = value
    return record


def export_plover(
    store: Store,
    out: str | Path,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    include_copies: bool = False,
) -> list[Path]:
    """Write ``events.plover.jsonl`` in ``out``: one PLOVER record per event at or above
    ``min_confidence`` (the events of an article that copies another only with
    ``include_copies``)."""
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / PLOVER_FILE
    with path.open("w", encoding="utf-8") as fh:
        for event, article, entities in _rows(store, min_confidence, include_copies=include_copies):
            fh.write(json.dumps(plover_record(event, article, entities), ensure_ascii=False) + "\n")
    return [path]


def _actor_fields(ref: dict[str, Any] | None, entities: dict[str, dict[str, Any]]) -> list[str]:
    if ref is None or not ref.get("code"):
        return [""] * 10
    code, sector = ref["code"], ref.get("sector") or ""
    ent = entities.get(ref.get("entity") or "")
    name = (ent.get("name") if ent else None) or ref.get("text") or ""
    is_country = country_name(code) is not None
    return [
        code + sector,
        name.upper(),
        code if is_country else "",
        code if code in GROUP_CODES else "",
        "",
        "",
        "",
        sector,
        "",
        "",
    ]


def _geo_type(loc: dict[str, Any]) -> str:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    feature = loc.get("feature")
    us = loc.get("country") == "USA"
    if feature == "country" or (
        feature is None and loc.get("name") == country_name(loc.get("country") or "")
    ):
        return "1"
    if feature == "admin1":
        return "2" if us else "5"
    return "3" if us else "4"


def _number(value: Any) -> str:
    return "" if value is None else str(value)


def gdelt_rows(
    event: dict[str, Any], article: dict[str, Any], entities: dict[str, dict[str, Any]], first_id: int
) -> list[list[str]]:
    """The GDELT rows of one event, one per actor-recipient pair (empty when the event is negated,
    hypothetical or future)."""
    if event.get("negated") or event.get("hypothetical") or event.get("future"):
        return []
    etype, mode = event["event_type"], event.get("mode")
    date = event.get("date")
    day = dt.date.fromisoformat(date) if date else None
    sent_start = (event.get("sentence") or {}).get("start", 0)
    root = "1" if "\n\n" not in article["text"][:sent_start] else "0"
    cameo = event.get("cameo") or plover.cameo_root(etype, mode)
    loc = event.get("location") or {}
    added = article.get("added")
    cluster = event.get("cluster") or {}
    counts = [str(cluster.get(k) or 1) for k in ("num_mentions", "num_sources", "num_articles")]
    action_geo = [
        _geo_type(loc) if loc else "",
        ", ".join(p for p in (loc.get("name"), country_name(loc.get("country") or "")) if p) if loc else "",
        loc.get("country") or "",
        "",
        "",
        _number(loc.get("lat")),
        _number(loc.get("lon")),
        _number(loc.get("geonameid")),
    ]
    actors: list[dict[str, Any] | None] = list(event.get("actor") or []) or [None]
    recipients: list[dict[str, Any] | None] = list(event.get("recipient") or []) or [None]
    rows: list[list[str]] = []
    for a in actors:
        for r in recipients:
            rows.append(
                [
                    str(first_id + len(rows)),
                    day.strftime("%Y%m%d") if day else "",
                    day.strftime("%Y%m") if day else "",
                    str(day.year) if day else "",
                    f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
                    *_actor_fields(a, entities),
                    *_actor_fields(r, entities),
                    root,
                    cameo + "0",
                    cameo + "0",
                    cameo,
                    str(plover.event_types()[etype].quad_code),
                    f"{plover.score(etype, mode):g}",
                    *counts,
                    "",
                    *([""] * 16),
                    *action_geo,
                    added.strftime("%Y%m%d%H%M%S") if added else "",
                    article["url"] or article["source"],
                ]
            )
    return rows


def export_gdelt(
    store: Store,
    out: str | Path,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    include_copies: bool = False,
) -> list[Path]:
    """Write ``events.export.tsv`` in ``out``: GDELT 2.0 event rows (no header) of the events at
    or above ``min_confidence`` (the events of an article that copies another only with
    ``include_copies``). NumMentions, NumSources and NumArticles are the counts of the event's
    cluster (docs/stories.md), 1 for an event stored before clusters."""
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / GDELT_FILE
    next_id = 1
    with path.open("w", encoding="utf-8") as fh:
        for event, article, entities in _rows(store, min_confidence, include_copies=include_copies):
            for row in gdelt_rows(event, article, entities, next_id):
                cells = (v.replace("\t", " ").replace("\r", " ").replace("\n", " ") for v in row)
                fh.write("\t".join(safe_cell(c) for c in cells) + "\n")  # no formulas in a sheet
                next_id += 1
    return [path]
