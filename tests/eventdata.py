"""Hand-built articles with events of known confidence and articles of known relevance, for the
tests of the ``confidence`` and ``relevance`` filters (store, CLI, exports). No model needed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from newsgraph.records import Article, SourceMap
from newsgraph.store.db import Store

#: (article id, title, relevance, [(sentence, event type, actor code, recipient code, confidence)])
ARTICLES: list[tuple[str, str, float | None, list[tuple[str, str, str, str, float | None]]]] = [
    (
        "art-politics",
        "Talks in Nairobi",
        0.9,
        [
            ("Kenya met Uganda in Nairobi.", "CONSULT", "KEN", "UGA", 0.91),
            ("Ghana urged Togo to free journalists.", "REQUEST", "GHA", "TGO", 0.5),
        ],
    ),
    (
        "art-sport",
        "Cup final",
        0.2,
        [("Brazil attacked Argentina in the second half.", "ASSAULT", "BRA", "ARG", 0.2)],
    ),
    (
        "art-old",
        "Written before confidences",
        None,
        [("France accused Germany of delay.", "ACCUSE", "FRA", "DEU", None)],
    ),
]


QUADS = {
    "CONSULT": "verbal cooperation",
    "REQUEST": "verbal cooperation",
    "ASSAULT": "material conflict",
    "ACCUSE": "verbal conflict",
}


def event(n: int, sentence: str, start: int, etype: str, actor: str, recipient: str) -> dict[str, Any]:
    """An event record in the contract's form over ``sentence``, which starts at ``start``."""
    first, verb = sentence.split()[:2]
    a_end = start + len(first)
    v_start = a_end + 1
    return {
        "id": f"v{n + 1}",
        "start": v_start,
        "end": v_start + len(verb),
        "text": verb,
        "event_type": etype,
        "mode": None,
        "context": [],
        "actor": [{"text": first, "start": start, "end": a_end, "code": actor, "sector": None}],
        "recipient": [{"text": recipient, "start": None, "end": None, "code": recipient, "sector": None}],
        "date": "2024-03-11",
        "date_text": None,
        "location": None,
        "trigger": {"text": verb, "start": v_start, "end": v_start + len(verb)},
        "sentence": {"start": start, "end": start + len(sentence)},
        "magnitudes": {},
        "quad": QUADS[etype],
        "cameo": None,
        "negated": False,
        "hypothetical": False,
        "future": False,
        "quote": None,
    }


def articles() -> list[Article]:
    out = []
    for aid, title, relevance, sentences in ARTICLES:
        text, events = "", []
        for n, (sentence, etype, actor, recipient, confidence) in enumerate(sentences):
            record = event(n, sentence, len(text), etype, actor, recipient)
            if confidence is not None:
                record["confidence"] = confidence
            events.append(record)
            text += sentence + "\n\n"
        text = text.rstrip()
        out.append(
            Article(
                id=aid,
                source=f"{aid}.txt",
                title=title,
                published=dt.date(2024, 3, 15),
                published_from="user",
                text=text,
                source_map=SourceMap.identity(len(text)),
                doc_hash=f"doc-{aid}",
                relevance=relevance,
                events=events,
            )
        )
    return out


def confidences(rows: list[dict[str, Any]]) -> dict[str, float | None]:
    """Event type -> confidence of some event rows (one event per type in :data:`ARTICLES`)."""
    return {r["event_type"]: r["confidence"] for r in rows}


def write_store(path: Path) -> Path:
    with Store(path) as store:
        store.write(articles=articles(), run_id=store.start_run("test"))
    return path


def make_old(path: Path) -> None:
    """Make the store at ``path`` look written before articles had a relevance and events a
    confidence: the columns dropped (the records of ``art-old`` never had a confidence)."""
    with Store(path) as store:
        store.con.execute("DELETE FROM events WHERE article_id <> 'art-old'")
        store.con.execute("DELETE FROM articles WHERE id <> 'art-old'")
        store.con.execute("ALTER TABLE articles DROP COLUMN relevance")
        store.con.execute("ALTER TABLE events DROP COLUMN confidence")
