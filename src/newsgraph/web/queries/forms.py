"""The filter models (query parameters of both a page and its JSON twin) and the helpers every
list shares: paging, totals, ranks of a filtered page, date conditions."""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ...extract.thresholds import (
    DEFAULT_MIN_CONFIDENCE,
    DEFAULT_MIN_COUNT_CONFIDENCE,
    DEFAULT_MIN_ENTITY_CONFIDENCE,
    DEFAULT_MIN_QUOTE_CONFIDENCE,
)

if TYPE_CHECKING:
    from .memory import Ranked
    from .webdb import WebDb

MAX_PER_PAGE = 200
# -- filter models (query parameters of both the page and its JSON twin) ---------------------


def _min_confidence(default: float, facts: str, fact: str, likely: str) -> Any:
    """The ``min_confidence`` filter of a list of ``facts``: a share from 0 to 1."""
    return Field(
        default=default,
        ge=0,
        le=1,
        allow_inf_nan=False,
        description=f"Only {facts} at least this likely {likely}, from 0 to 1 (default {default}; 0: every "
        f"{fact}; {facts} stored without a confidence count as 1).",
    )


def _blank_or(value: Any, default: float) -> Any:
    """A filter left blank in a form (or absent) means its default."""
    return default if value is None or (isinstance(value, str) and not value.strip()) else value


class _Form(BaseModel):
    """Query parameters; an empty form field means no filter; an unknown parameter is an error."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


class Paging(_Form):
    """Page number and size; every list is paginated."""

    page: int = Field(default=1, ge=1, le=1_000_000, description="Page number, from 1.")
    per_page: int = Field(
        default=50, ge=1, le=MAX_PER_PAGE, description=f"Rows per page (at most {MAX_PER_PAGE})."
    )

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


class DateRange(Paging):
    date_from: dt.date | None = Field(default=None, description="From this date (YYYY-MM-DD), inclusive.")
    date_to: dt.date | None = Field(default=None, description="To this date (YYYY-MM-DD), inclusive.")


class ArticleFilters(DateRange):
    q: str | None = Field(
        default=None,
        max_length=200,
        description="Words that must all occur in the title or text (as words or word beginnings).",
    )
    source: str | None = Field(default=None, max_length=200, description="Source contains this.")
    country: str | None = Field(
        default=None, max_length=12, description="An entity with this actor code, or a place in this country."
    )
    entity: str | None = Field(
        default=None, max_length=300, description="Mentions this entity (store key or name)."
    )
    min_relevance: float | None = Field(
        default=None,
        ge=0,
        le=1,
        allow_inf_nan=False,
        description="Only articles at least this much about public affairs, from 0 to 1 (none: every "
        "article; articles stored without a relevance count as 1).",
    )
    language: str | None = Field(
        default=None, max_length=12, description="Only articles in this language (ISO 639-1: en, de; und)."
    )


class EntityFilters(Paging):
    q: str | None = Field(default=None, max_length=200, description="Name or alias contains this.")
    type: str | None = Field(default=None, max_length=20, description="PERSON, ORG, GPE, NORP, ...")
    country: str | None = Field(
        default=None, max_length=12, description="Actor code (ISO alpha-3 or IGO code)."
    )
    min_confidence: float = _min_confidence(
        DEFAULT_MIN_ENTITY_CONFIDENCE, "entities", "entity", "to be rightly named in one article at least"
    )

    @field_validator("min_confidence", mode="before")
    @classmethod
    def _blank_is_default(cls, value: Any) -> Any:
        return _blank_or(value, DEFAULT_MIN_ENTITY_CONFIDENCE)


class QuoteFilters(DateRange):
    q: str | None = Field(default=None, max_length=200, description="Quote text contains this.")
    speaker: str | None = Field(
        default=None, max_length=200, description="Speaker's name or words contain this."
    )
    speaker_key: str | None = Field(
        default=None, max_length=300, description="Speaker is this entity (store key)."
    )
    country: str | None = Field(default=None, max_length=12, description="Speaker's actor code.")
    kind: str | None = Field(default=None, max_length=20, description="direct, indirect or mixed.")
    min_confidence: float = _min_confidence(
        DEFAULT_MIN_QUOTE_CONFIDENCE, "quotes", "quote", "to be rightly attributed"
    )

    @field_validator("min_confidence", mode="before")
    @classmethod
    def _blank_is_default(cls, value: Any) -> Any:
        return _blank_or(value, DEFAULT_MIN_QUOTE_CONFIDENCE)


class EventFilters(DateRange):
    actor: str | None = Field(
        default=None, max_length=300, description="An actor: entity key, actor code or name."
    )
    recipient: str | None = Field(default=None, max_length=300, description="A recipient: key, code or name.")
    type: str | None = Field(
        default=None, max_length=20, description="PLOVER event type (ASSAULT, AGREE, ...)."
    )
    quad: str | None = Field(default=None, max_length=30, description="Quad class (material conflict, ...).")
    country: str | None = Field(default=None, max_length=12, description="Country of the event's location.")
    min_confidence: float = _min_confidence(DEFAULT_MIN_CONFIDENCE, "events", "event", "to be right")

    @field_validator("min_confidence", mode="before")
    @classmethod
    def _blank_is_default(cls, value: Any) -> Any:
        return _blank_or(value, DEFAULT_MIN_CONFIDENCE)


class CountFilters(DateRange):
    kind: str | None = Field(
        default=None, max_length=20, description="killed, wounded, displaced, money, ..."
    )
    unit: str | None = Field(default=None, max_length=12, description="percent or a currency code (USD).")
    q: str | None = Field(
        default=None, max_length=200, description="The count's words or object contain this."
    )
    min_confidence: float = _min_confidence(DEFAULT_MIN_COUNT_CONFIDENCE, "counts", "count", "to be right")

    @field_validator("min_confidence", mode="before")
    @classmethod
    def _blank_is_default(cls, value: Any) -> Any:
        return _blank_or(value, DEFAULT_MIN_COUNT_CONFIDENCE)


class NetworkFilters(_Form):
    date_from: dt.date | None = Field(
        default=None, description="From this date (event date, else article date)."
    )
    date_to: dt.date | None = Field(default=None, description="To this date, inclusive.")
    type: str | None = Field(
        default=None, max_length=20, description="One event type, or QUOTE for quotes only."
    )
    quad: str | None = Field(
        default=None, max_length=30, description="One quad class, or quote for quotes only."
    )
    min_weight: int = Field(default=1, ge=1, le=1_000_000, description="Only edges at least this heavy.")
    limit: int = Field(default=150, ge=1, le=2000, description="The heaviest edges to return (at most 2000).")


def _page(items: list[dict[str, Any]], total: int, f: Paging) -> dict[str, Any]:
    return {
        "items": items,
        "total": total,
        "page": f.page,
        "per_page": f.per_page,
        "pages": max(1, math.ceil(total / f.per_page)),
    }


def _total(
    db: WebDb, source: str, cond: str, params: list[Any], rows: list[Any], f: Paging, extra: Any = None
) -> int:
    """The number of rows matching: counted apart, since a window count over a sorted result
    costs more than a second scan; not counted at all when the first page holds them all.
    ``extra`` tells apart conditions that read more than ``params`` (a registered relation)."""
    if f.offset == 0 and len(rows) < f.per_page:
        return len(rows)
    sql = f"SELECT count(*) AS n FROM {source} WHERE {cond}"
    found = db.memo(("total", sql, _hashable(params), extra), lambda: db.one(sql, params))
    return int(found["n"]) if found else 0


def _ranks(
    db: WebDb, rows: Ranked, source: str, rank: str, cond: str, params: list[Any], f: Paging
) -> list[int]:
    """The ranks of one page of a list: by position when nothing is filtered, else by a query
    that reads only the filtered columns and the rank (the rows are then taken from memory)."""
    if cond == "1 = 1":
        return rows.page(f.offset, f.per_page)
    found = db.cursor().execute(
        f"SELECT {rank} FROM {source} WHERE {cond} ORDER BY {rank} LIMIT ? OFFSET ?",
        [*params, f.per_page, f.offset],
    )
    return [r[0] for r in found.fetchall()]


def all_ranks(db: WebDb, rows: Ranked, source: str, rank: str, cond: str, params: list[Any]) -> pa.Array:
    """The ranks of every row of a list the condition selects, in list order, as one Arrow column
    of 32-bit integers (4 bytes a row, whatever the rows hold): what a download walks through,
    taking the rows from memory a chunk at a time, with one query however many rows there are."""
    if cond == "1 = 1":
        return pa.array(range(1, len(rows) + 1), pa.int32())
    found = db.cursor().execute(f"SELECT {rank} FROM {source} WHERE {cond} ORDER BY {rank}", params)
    return pa.array(next(iter(found.fetchnumpy().values())), pa.int32())


def _hashable(params: list[Any]) -> tuple[Any, ...]:
    return tuple(tuple(p) if isinstance(p, list) else p for p in params)


def _dates(where: list[str], params: list[Any], f: DateRange, column: str) -> None:
    if f.date_from:
        where.append(f"{column} >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append(f"{column} <= ?")
        params.append(f.date_to)
