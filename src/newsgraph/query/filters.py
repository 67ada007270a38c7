"""The filters of every list, one typed model per list, validated and normalised here and nowhere
else: the CLI builds them from its options, the web parses its query parameters into them (its
forms add only the page, :class:`Paging`), and every query function of :mod:`newsgraph.query`
and of the web takes them.

Normalised on the way in: codes and types upper case (``usa`` is ``USA``), kinds, classes and
languages lower case, a blank value no filter (a blank ``min_confidence`` its default), a
confidence or relevance outside 0 to 1 and a ``date_to`` before ``date_from`` refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from ..extract.thresholds import (
    DEFAULT_MIN_CONFIDENCE,
    DEFAULT_MIN_COUNT_CONFIDENCE,
    DEFAULT_MIN_ENTITY_CONFIDENCE,
    DEFAULT_MIN_QUOTE_CONFIDENCE,
)

MAX_PER_PAGE = 200


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


def _upper(value: str | None) -> str | None:
    return value.strip().upper() if value is not None else None


def _lower(value: str | None) -> str | None:
    return value.strip().lower() if value is not None else None


class _Form(BaseModel):
    """Filters; an empty value means no filter; an unknown name is an error."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


class Paging(_Form):
    """Page number and size; every list of the web is paginated."""

    page: int = Field(default=1, ge=1, le=1_000_000, description="Page number, from 1.")
    per_page: int = Field(
        default=50, ge=1, le=MAX_PER_PAGE, description=f"Rows per page (at most {MAX_PER_PAGE})."
    )

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


class DateRange(_Form):
    date_from: dt.date | None = Field(default=None, description="From this date (YYYY-MM-DD), inclusive.")
    date_to: dt.date | None = Field(default=None, description="To this date (YYYY-MM-DD), inclusive.")

    @field_validator("date_to")
    @classmethod
    def _in_order(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("date_from")
        if value is not None and start is not None and value < start:
            raise ValueError(f"{value} is before the start date, {start}")
        return value


class ArticleFilter(DateRange):
    """The articles list (``newsgraph articles``, ``/articles``)."""

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

    @field_validator("country")
    @classmethod
    def _country_case(cls, value: str | None) -> str | None:
        return _upper(value)

    @field_validator("language")
    @classmethod
    def _language_case(cls, value: str | None) -> str | None:
        return _lower(value)


class EntityFilter(_Form):
    """The entities list (``newsgraph entities``, ``/entities``)."""

    q: str | None = Field(default=None, max_length=200, description="Name or alias contains this.")
    type: str | None = Field(default=None, max_length=20, description="PERSON, ORG, GPE, NORP, ...")
    country: str | None = Field(
        default=None, max_length=12, description="Actor code (ISO alpha-3 or IGO code)."
    )
    min_confidence: float = _min_confidence(
        DEFAULT_MIN_ENTITY_CONFIDENCE, "entities", "entity", "to be rightly named in one article at least"
    )

    @field_validator("type", "country")
    @classmethod
    def _codes_case(cls, value: str | None) -> str | None:
        return _upper(value)

    @field_validator("min_confidence", mode="before")
    @classmethod
    def _blank_is_default(cls, value: Any) -> Any:
        return _blank_or(value, DEFAULT_MIN_ENTITY_CONFIDENCE)


class RoleFilter(_Form):
    """The roles list (``newsgraph roles``)."""

    title: str | None = Field(default=None, max_length=200, description="The title contains this (any case).")
    affiliation: str | None = Field(default=None, max_length=12, description="Held for this actor code.")

    @field_validator("affiliation")
    @classmethod
    def _codes_case(cls, value: str | None) -> str | None:
        return _upper(value)


class QuoteFilter(DateRange):
    """The quotes list (``newsgraph quotes``, ``/quotes``)."""

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
    language: str | None = Field(
        default=None, max_length=12, description="Only quotes of articles in this language (ISO 639-1: en)."
    )

    @field_validator("country")
    @classmethod
    def _country_case(cls, value: str | None) -> str | None:
        return _upper(value)

    @field_validator("kind", "language")
    @classmethod
    def _kind_case(cls, value: str | None) -> str | None:
        return _lower(value)

    @field_validator("min_confidence", mode="before")
    @classmethod
    def _blank_is_default(cls, value: Any) -> Any:
        return _blank_or(value, DEFAULT_MIN_QUOTE_CONFIDENCE)


class EventFilter(DateRange):
    """The events list (``newsgraph events``, ``/events``, the map and the charts)."""

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
    language: str | None = Field(
        default=None, max_length=12, description="Only events of articles in this language (ISO 639-1: en)."
    )
    facts_only: bool = Field(
        default=False,
        description="Only events reported as having happened: not negated, hypothetical or future.",
    )

    @field_validator("facts_only", mode="before")
    @classmethod
    def _blank_is_false(cls, value: Any) -> Any:
        return False if value is None or (isinstance(value, str) and not value.strip()) else value

    @field_validator("type", "country")
    @classmethod
    def _codes_case(cls, value: str | None) -> str | None:
        return _upper(value)

    @field_validator("quad", "language")
    @classmethod
    def _quad_case(cls, value: str | None) -> str | None:
        return _lower(value)

    @field_validator("min_confidence", mode="before")
    @classmethod
    def _blank_is_default(cls, value: Any) -> Any:
        return _blank_or(value, DEFAULT_MIN_CONFIDENCE)


class CountFilter(DateRange):
    """The counts list (``/counts``)."""

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

    @field_validator("kind")
    @classmethod
    def _kind_case(cls, value: str | None) -> str | None:
        return _lower(value)

    @field_validator("unit")
    @classmethod
    def _unit(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        return "percent" if value.lower() == "percent" else value.upper()


class NetworkFilter(_Form):
    """The actor network (``/network``, ``newsgraph export-graph``)."""

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
