"""Typed fact records that components hand to each other: small frozen dataclasses, serialisable
with the doc.

A component writes a tuple of these records to its ``Doc`` extension (``doc._.newsgraph_entities``
for the entity component); later components read their attributes, never a dict. Each record has
``as_json()``, its JSON form of docs/schema.md, which only the runner boundary calls
(:func:`newsgraph.extract.annotations.fact_lists`). They are registered with srsly's msgpack, which
``Doc.to_bytes`` uses, so docs carrying them still serialise and travel between processes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import srsly


@dataclass(frozen=True, slots=True)
class MentionFact:
    """One mention of an entity: characters ``[start, end)`` of the text."""

    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class RoleFact:
    """An office a person holds or held ("Foreign Minister" of "IDN", since a date)."""

    title: str
    affiliation: str | None
    since: str | None

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title, "affiliation": self.affiliation, "since": self.since}


@dataclass(frozen=True, slots=True)
class MergeFact:
    """Why a surface form is a name of its entity: ``reason`` says what matched ("surname",
    "middle name or initial", "spelling variant of the name", "acronym", ...)."""

    text: str
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class ActorFact:
    """A PLOVER actor code and sector."""

    code: str
    sector: str | None

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "sector": self.sector}


@dataclass(frozen=True, slots=True)
class EntityFact:
    """One person, organisation or place of an article, with every mention of it."""

    id: str
    key: str
    name: str
    type: str
    aliases: tuple[str, ...]
    start: int
    end: int
    text: str
    mentions: tuple[MentionFact, ...]
    roles: tuple[RoleFact, ...]
    actor: ActorFact | None
    #: the aliases and why each was merged into the entity
    merged: tuple[MergeFact, ...] = ()
    #: how likely the name and type are right, in [0, 1] (``extract/entity_confidence.py``)
    confidence: float = 1.0

    @property
    def code(self) -> str | None:
        """The actor code, if the entity has one."""
        return self.actor.code if self.actor else None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "mentions": [m.as_json() for m in self.mentions],
            "roles": [r.as_json() for r in self.roles],
            "actor": self.actor.as_json() if self.actor else None,
            "merged": [m.as_json() for m in self.merged],
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Some characters of the text: ``text == article_text[start:end]``."""

    text: str
    start: int
    end: int

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class QuoteFact:
    """Reported speech: the words (``start``/``end``, in ``parts`` when an attribution splits
    them), the cue, the speaker (an entity id and the words that name it) and who passed the words
    on (``via``)."""

    start: int
    end: int
    text: str
    kind: str
    parts: tuple[tuple[int, int], ...]
    cue: TextSpan | None
    speaker: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    via: str | None
    via_text: str | None
    via_start: int | None
    via_end: int | None
    #: how likely the attribution is right, in [0, 1] (``extract/quotes/confidence.py``)
    confidence: float

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "parts": [list(p) for p in self.parts],
            "cue": self.cue.as_json() if self.cue else None,
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "via": self.via,
            "via_text": self.via_text,
            "via_start": self.via_start,
            "via_end": self.via_end,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class PlaceFact:
    """A place named in the text, geocoded (GeoNames id, coordinates, country, first-level
    division); ``entity`` is the entity whose mention it is, when the whole mention is the place."""

    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str | None
    population: int | None
    entity: str | None
    #: how likely the name is a place and this its reading, in [0, 1] (``extract/place_confidence.py``)
    confidence: float | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "feature": self.feature,
            "population": self.population,
            "entity": self.entity,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class DateFact:
    """A temporal expression with its TIMEX3 type and normalised value, and what the value was
    resolved against (``"published"``, ``"date"`` for an earlier date of the text, or None)."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    anchor: str | None
    #: how likely the expression and its value are right, in [0, 1] (``extract/dates/confidence.py``)
    confidence: float = 1.0

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "anchor": self.anchor,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class CountFact:
    """A number of things, people or money, with what is counted; ``event`` is the id of the event
    it measures (set by the events component)."""

    text: str
    start: int
    end: int
    value: int | float | None
    amount: int | float | None
    number_text: str
    qualifier: str | None
    kind: str | None
    object: TextSpan | None
    unit: str | None
    event: str | None = None
    #: how likely the count is right, in [0, 1] (``extract/count_confidence.py``)
    confidence: float = 1.0

    def as_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "amount": self.amount,
            "number_text": self.number_text,
            "qualifier": self.qualifier,
            "kind": self.kind,
            "object": self.object.as_json() if self.object else None,
            "unit": self.unit,
            "event": self.event,
            "confidence": self.confidence,
        }


# -- serialisation with the doc ----------------------------------------------------------------
_TYPES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        MentionFact,
        RoleFact,
        MergeFact,
        ActorFact,
        EntityFact,
        TextSpan,
        QuoteFact,
        PlaceFact,
        DateFact,
        CountFact,
    )
}
_TAG = "__newsgraph_fact__"


def _encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    cls = type(obj)
    if _TYPES.get(cls.__name__) is cls:
        return {_TAG: cls.__name__, "f": [getattr(obj, f.name) for f in dataclasses.fields(obj)]}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, dict) and _TAG in obj:
        # msgpack has no tuples: every list in a record is a tuple
        return _TYPES[obj[_TAG]](*(_tuples(v) for v in obj["f"]))
    return obj if chain is None else chain(obj)


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


srsly.msgpack_encoders.register("newsgraph_facts", func=_encode)
srsly.msgpack_decoders.register("newsgraph_facts", func=_decode)
