"""The rows of the store's tables as Arrow tables: each table's Arrow schema, the typed columns
of the fact tables and how they are read from a fact, and the builders that turn documents,
articles, facts and errors into the Arrow tables :meth:`newsgraph.store.db.Store.write_tables`
adds in one transaction (in the process that made the articles, or in the parent)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any

import orjson
import pyarrow as pa

from ..records import Article, Document, ErrorRecord

#: Columns of every fact table; `record` holds the fact's full JSON form.
FACT_COLUMNS = ("article_id", "n", "start", "end", "text", "record")

_HEADING = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("doc_hash", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("published", pa.date32()),
        ("published_from", pa.string()),
        ("authors", pa.list_(pa.string())),
        ("text", pa.string()),
        ("captions", pa.list_(pa.string())),
        ("credits", pa.list_(pa.string())),
        ("headings", pa.list_(_HEADING)),
        ("source_map", pa.list_(pa.list_(pa.int32()))),
        ("n_words", pa.int32()),
        ("run_id", pa.int32()),
        ("relevance", pa.float64()),
        ("language", pa.string()),
        ("language_score", pa.float64()),
        ("outlet", pa.string()),
        ("skipped", pa.string()),
    ]
)
#: Columns added to ``articles`` after the first schema: (column, SQL type). A store written
#: before gets them when opened for writing, NULL in its old rows.
ARTICLE_EXTRA: tuple[tuple[str, str], ...] = (
    ("relevance", "DOUBLE"),
    ("language", "VARCHAR"),
    ("language_score", "DOUBLE"),
    ("outlet", "VARCHAR"),
    ("skipped", "VARCHAR"),
)
DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_hash", pa.string()),
        ("source", pa.string()),
        ("reader", pa.string()),
        ("kind", pa.string()),
        ("encoding", pa.string()),
        ("size_bytes", pa.int64()),
        ("n_articles", pa.int32()),
        ("text", pa.string()),
        ("run_id", pa.int32()),
        ("ingested_at", pa.timestamp("us")),
    ]
)
FACT_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("n", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("record", pa.string()),
    ]
)
ERROR_SCHEMA = pa.schema(
    [
        ("run_id", pa.int32()),
        ("at", pa.timestamp("us")),
        ("source", pa.string()),
        ("record", pa.string()),
        ("stage", pa.string()),
        ("kind", pa.string()),
        ("code", pa.string()),
        ("message", pa.string()),
    ]
)
#: Columns added to ``errors`` after the first schema (see ``docs/schema.md``): the run that first
#: saw an error and how many times it was reported; ``run_id`` is the run that saw it last.
ERROR_EXTRA: tuple[tuple[str, str], ...] = (("first_run", "INTEGER"), ("n_seen", "INTEGER"))


#: An entity record by its per-article id, for getters that follow a fact's links.
Entities = dict[str, dict[str, Any]]
#: How a typed column is read from a fact: ``getter(fact, entities_by_id)``.
Getter = Callable[[dict[str, Any], Entities], Any]


def _entity_field(id_field: str, field: str) -> Getter:
    """A getter for ``field`` of the entity whose id the fact holds in ``id_field``."""

    def get(fact: dict[str, Any], entities: Entities) -> Any:
        entity = entities.get(fact.get(id_field) or "")
        if entity is None:
            return None
        if field == "code":
            return (entity.get("actor") or {}).get("code")
        return entity.get(field)

    return get


def _event_codes(side: str) -> Getter:
    """Actor codes of an event's ``actor`` or ``recipient`` list (unknown codes left out)."""
    return lambda fact, _: [r["code"] for r in fact.get(side) or [] if r.get("code")]


def _event_keys(side: str) -> Getter:
    """Store keys of the entities in an event's ``actor`` or ``recipient`` list."""

    def get(fact: dict[str, Any], entities: Entities) -> list[str]:
        keys = [(entities.get(r.get("entity") or "") or {}).get("key") for r in fact.get(side) or []]
        return [k for k in keys if k]

    return get


#: Typed columns of fact tables besides FACT_COLUMNS: (column, SQL type, Arrow type, getter).
FACT_EXTRA: dict[str, list[tuple[str, str, Any, Getter]]] = {
    "entities": [
        ("key", "VARCHAR", pa.string(), lambda f, _: f.get("key")),
        ("name", "VARCHAR", pa.string(), lambda f, _: f.get("name")),
        ("type", "VARCHAR", pa.string(), lambda f, _: f.get("type")),
        ("actor_code", "VARCHAR", pa.string(), lambda f, _: (f.get("actor") or {}).get("code")),
        ("actor_sector", "VARCHAR", pa.string(), lambda f, _: (f.get("actor") or {}).get("sector")),
        ("n_mentions", "INTEGER", pa.int32(), lambda f, _: len(f.get("mentions") or [])),
        ("confidence", "DOUBLE", pa.float64(), lambda f, _: f.get("confidence")),
    ],
    "quotes": [
        ("kind", "VARCHAR", pa.string(), lambda f, _: f.get("kind")),
        ("cue", "VARCHAR", pa.string(), lambda f, _: (f.get("cue") or {}).get("text")),
        ("speaker", "VARCHAR", pa.string(), lambda f, _: f.get("speaker")),
        ("speaker_text", "VARCHAR", pa.string(), lambda f, _: f.get("speaker_text")),
        ("speaker_key", "VARCHAR", pa.string(), _entity_field("speaker", "key")),
        ("speaker_name", "VARCHAR", pa.string(), _entity_field("speaker", "name")),
        ("speaker_code", "VARCHAR", pa.string(), _entity_field("speaker", "code")),
        ("via", "VARCHAR", pa.string(), lambda f, _: f.get("via")),
        ("via_text", "VARCHAR", pa.string(), lambda f, _: f.get("via_text")),
        ("via_name", "VARCHAR", pa.string(), _entity_field("via", "name")),
        ("confidence", "DOUBLE", pa.float64(), lambda f, _: f.get("confidence")),
    ],
    "dates": [
        ("type", "VARCHAR", pa.string(), lambda f, _: f.get("type")),
        ("value", "VARCHAR", pa.string(), lambda f, _: f.get("value")),
        ("confidence", "DOUBLE", pa.float64(), lambda f, _: f.get("confidence")),
    ],
    "counts": [
        ("value", "BIGINT", pa.int64(), lambda f, _: f.get("value")),
        ("qualifier", "VARCHAR", pa.string(), lambda f, _: f.get("qualifier")),
        ("kind", "VARCHAR", pa.string(), lambda f, _: f.get("kind")),
        ("object", "VARCHAR", pa.string(), lambda f, _: (f.get("object") or {}).get("text")),
        ("unit", "VARCHAR", pa.string(), lambda f, _: f.get("unit")),
        ("confidence", "DOUBLE", pa.float64(), lambda f, _: f.get("confidence")),
    ],
    "events": [
        ("event_type", "VARCHAR", pa.string(), lambda f, _: f.get("event_type")),
        ("mode", "VARCHAR", pa.string(), lambda f, _: f.get("mode")),
        ("quad", "VARCHAR", pa.string(), lambda f, _: f.get("quad")),
        ("cameo", "VARCHAR", pa.string(), lambda f, _: f.get("cameo")),
        *(
            (f"{side}_codes", "VARCHAR[]", pa.list_(pa.string()), _event_codes(side))
            for side in ("actor", "recipient")
        ),
        *(
            (f"{side}_keys", "VARCHAR[]", pa.list_(pa.string()), _event_keys(side))
            for side in ("actor", "recipient")
        ),
        (
            "date",
            "DATE",
            pa.date32(),
            lambda f, _: dt.date.fromisoformat(f["date"]) if f.get("date") else None,
        ),
        ("place", "VARCHAR", pa.string(), lambda f, _: (f.get("location") or {}).get("name")),
        ("country", "VARCHAR", pa.string(), lambda f, _: (f.get("location") or {}).get("country")),
        ("negated", "BOOLEAN", pa.bool_(), lambda f, _: bool(f.get("negated"))),
        ("confidence", "DOUBLE", pa.float64(), lambda f, _: f.get("confidence")),
    ],
    "places": [
        ("name", "VARCHAR", pa.string(), lambda f, _: f.get("name")),
        ("country", "VARCHAR", pa.string(), lambda f, _: f.get("country")),
        ("admin1", "VARCHAR", pa.string(), lambda f, _: f.get("admin1")),
        ("lat", "DOUBLE", pa.float64(), lambda f, _: f.get("lat")),
        ("lon", "DOUBLE", pa.float64(), lambda f, _: f.get("lon")),
        ("geonameid", "BIGINT", pa.int64(), lambda f, _: f.get("geonameid")),
        ("feature", "VARCHAR", pa.string(), lambda f, _: f.get("feature")),
        ("confidence", "DOUBLE", pa.float64(), lambda f, _: f.get("confidence")),
    ],
}


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def documents_table(documents: Iterable[tuple[Document, int]], run_id: int) -> pa.Table:
    at = now()
    rows = [
        {
            "doc_hash": d.raw_hash,
            "source": d.source,
            "reader": d.reader,
            "kind": d.kind,
            "encoding": d.encoding,
            "size_bytes": d.size_bytes,
            "n_articles": n,
            "text": d.text,
            "run_id": run_id,
            "ingested_at": at,
        }
        for d, n in documents
    ]
    return pa.Table.from_pylist(rows, schema=DOCUMENT_SCHEMA)


def articles_table(articles: Iterable[Article], run_id: int) -> pa.Table:
    rows = [
        {
            "id": a.id,
            "doc_hash": a.doc_hash,
            "source": a.source,
            "url": a.url,
            "title": a.title,
            "published": a.published,
            "published_from": a.published_from,
            "authors": a.authors,
            "text": a.text,
            "captions": a.captions,
            "credits": a.credits,
            "headings": [h.as_dict() for h in a.headings],
            "source_map": a.source_map.as_list(),
            "n_words": a.word_count(),
            "run_id": run_id,
            "relevance": a.relevance,
            "language": a.language,
            "language_score": a.language_score,
            "outlet": a.outlet,
            "skipped": a.skipped,
        }
        for a in articles
    ]
    return pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA)


def facts_table(articles: Iterable[Article], kind: str) -> pa.Table:
    extra = FACT_EXTRA.get(kind, [])
    schema = FACT_SCHEMA
    for column, _, arrow_type, _ in extra:
        schema = schema.append(pa.field(column, arrow_type))
    # built column by column: a row dict per fact costs the parent of a multi-core run more
    columns: dict[str, list[Any]] = {name: [] for name in schema.names}
    ids, ns, starts, ends = columns["article_id"], columns["n"], columns["start"], columns["end"]
    texts, records = columns["text"], columns["record"]
    getters = [(columns[column], getter) for column, _, _, getter in extra]
    for a in articles:
        entities = {e.get("id", ""): e for e in a.entities} if extra else {}
        for n, fact in enumerate(getattr(a, kind)):
            ids.append(a.id)
            ns.append(n)
            starts.append(fact.get("start"))
            ends.append(fact.get("end"))
            texts.append(fact.get("text"))
            records.append(record_json(fact))
            for values, getter in getters:
                values.append(getter(fact, entities))
    return pa.Table.from_pydict(columns, schema=schema)


def record_json(fact: dict[str, Any]) -> str:
    """A fact as the JSON text of its ``record`` column. orjson: the parent of a run on every core
    spends most of its time here, and the standard library's encoder is several times slower. Text
    that is not valid Unicode (a lone surrogate) is written with ``\\u`` escapes rather than lost."""
    try:
        return orjson.dumps(fact, default=str).decode()
    except orjson.JSONEncodeError:
        return json.dumps(fact, default=str)


def errors_table(errors: Iterable[ErrorRecord], run_id: int) -> pa.Table:
    at = now()
    rows = [{"run_id": run_id, "at": at, **e.as_dict()} for e in errors]
    return pa.Table.from_pylist(rows, schema=ERROR_SCHEMA)
