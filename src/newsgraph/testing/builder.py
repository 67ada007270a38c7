"""``ArticleBuilder``: an article's text written piece by piece, with the facts recorded over it.

Every ``add`` returns the character offsets of what it wrote, so the facts the generator records
point at exactly the text they describe (``article.text[start:end] == fact["text"]``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

FACT_KINDS = ("quotes", "events", "counts", "dates", "places")


@dataclass
class ArticleBuilder:
    """Accumulates an article's text, its entities and its facts, keeping offsets exact."""

    published: dt.date
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    """Length of the text written so far: the start offset of the next ``add``."""
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Entity records by key, in the contract's form (``docs/schema.md``)."""
    facts: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {k: [] for k in FACT_KINDS})
    """Fact records by kind (``quotes``, ``events``, ``counts``, ``dates``, ``places``)."""

    def add(self, text: str) -> tuple[int, int]:
        """Append ``text``; return its start and end offsets."""
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start, self.pos

    def span(self, text: str) -> dict[str, Any]:
        """Append ``text``; return it as a span (``text``, ``start``, ``end``)."""
        start, end = self.add(text)
        return {"text": text, "start": start, "end": end}

    def entity(self, key: str, name: str, etype: str, code: str | None, text: str | None = None) -> str:
        """Write a mention of an entity (as ``text``, by default its ``name``); return its
        per-article id. The first mention creates the entity record, later ones add to it."""
        shown = text or name
        start, end = self.add(shown)
        record = self.entities.get(key)
        if record is None:
            record = {
                "id": f"e{len(self.entities) + 1}",
                "key": key,
                "name": name,
                "type": etype,
                "aliases": [],
                "start": start,
                "end": end,
                "text": shown,
                "mentions": [],
                "roles": [],
                "actor": {"code": code, "sector": "GOV"} if code else None,
            }
            self.entities[key] = record
        record["mentions"].append({"start": start, "end": end, "text": shown})
        if shown != name and shown not in record["aliases"]:
            record["aliases"].append(shown)
        return str(record["id"])

    def trim(self) -> None:
        """Drop one trailing space, if the text ends with one."""
        if self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1][:-1]
            self.pos -= 1

    def text(self) -> str:
        """The text written so far."""
        return "".join(self.parts)
