"""Events of invented sentences run through the full model (tests marked ``model``)."""

from __future__ import annotations

from typing import Any

from newsgraph.extract.annotations import doc_facts
from newsgraph.extract.events.confidence import DEFAULT_MIN_CONFIDENCE
from newsgraph.extract.pipeline import prepare_doc


def events_of(nlp: Any, text: str) -> list[dict[str, Any]]:
    """The events of ``text`` as one article published on 2024-03-15, as the contract gives them."""
    return list(doc_facts(nlp(prepare_doc(nlp, text, published="2024-03-15")))["events"])


def is_fact(e: dict[str, Any]) -> bool:
    return not (e.get("negated") or e.get("hypothetical") or e.get("future"))


def shown_events(nlp: Any, text: str, etype: str) -> list[dict[str, Any]]:
    """The events of ``etype`` newsgraph reports as facts at the default threshold."""
    return [
        e
        for e in events_of(nlp, text)
        if e["event_type"] == etype and is_fact(e) and e["confidence"] >= DEFAULT_MIN_CONFIDENCE
    ]


def triggered(nlp: Any, text: str, trigger: str) -> list[dict[str, Any]]:
    """The events of ``text`` whose trigger is the word ``trigger``."""
    return [e for e in events_of(nlp, text) if e["text"] == trigger]


def shown(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Those of ``events`` reported as facts at the default threshold."""
    return [e for e in events if is_fact(e) and e["confidence"] >= DEFAULT_MIN_CONFIDENCE]


def shown_type(nlp: Any, text: str, trigger: str) -> str | None:
    """The type of the first event of ``trigger`` shown by default, None when none is."""
    found = shown(triggered(nlp, text, trigger))
    return str(found[0]["event_type"]) if found else None


#: An opening sentence that makes the article American (its main country).
US = "WASHINGTON — The U.S. Senate met on Monday in Washington. "


def codes(refs: list[dict[str, Any]]) -> set[str]:
    """The actor codes of event references (actors or recipients)."""
    return {r["code"] for r in refs if r.get("code")}
