"""Data for the web tests: a synthetic store's articles and one article full of HTML and script."""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path
from typing import Any

from newsgraph.records import Article, SourceMap
from newsgraph.store.db import Store
from newsgraph.testing import Generator

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
N_SYNTHETIC = 40
HOSTILE_ID = "hostile0000000001"
SCRIPT = '<script>alert("pwned")</script>'


def hostile_article() -> Article:
    """An article whose every field holds HTML and script, with facts over the dangerous text."""
    text = (
        f"Mallory {SCRIPT} said “</script><img src=x onerror=alert(1)> we win in Paris” on Monday.\n\n"
        "About 5 <b>protesters</b> gathered in Paris."
    )
    mallory = {"start": 0, "end": 7, "text": "Mallory"}
    q_start = text.index("</script><img")
    q_end = text.index(" we win in Paris") + len(" we win in Paris")
    count_start = text.index("5 <b>")
    paris = text.rindex("Paris")
    quoted_paris = text.index("Paris")
    return Article(
        id=HOSTILE_ID,
        source="evil/<script>source</script>.txt",
        title=f"Breaking {SCRIPT} news",
        published=dt.date(2024, 6, 3),
        published_from="metadata",
        text=text,
        url="javascript:alert(1)",
        authors=['<img src=x onerror="alert(2)">'],
        captions=[f"caption {SCRIPT}"],
        credits=["<b>credit</b>"],
        source_map=SourceMap.identity(len(text)),
        doc_hash="hostile",
        entities=[
            {
                "id": "e1",
                "key": "PERSON:mallory",
                "name": f"Mallory {SCRIPT}",
                "type": "PERSON",
                "aliases": [SCRIPT],
                **mallory,
                "mentions": [mallory],
                "roles": [{"title": f"Chief {SCRIPT}", "affiliation": "FRA", "since": "2024-06-03"}],
                "actor": {"code": "FRA", "sector": "GOV"},
            },
            {
                "id": "e2",
                "key": "GPE:FRA:paris",
                "name": "Paris",
                "type": "GPE",
                "aliases": [],
                "start": paris,
                "end": paris + 5,
                "text": "Paris",
                "mentions": [
                    {"start": quoted_paris, "end": quoted_paris + 5, "text": "Paris"},
                    {"start": paris, "end": paris + 5, "text": "Paris"},
                ],
                "roles": [],
                "actor": {"code": "FRA", "sector": "GOV"},
            },
        ],
        quotes=[
            {
                "start": q_start,
                "end": q_end,
                "text": text[q_start:q_end],
                "kind": "direct",
                "cue": {"text": "said", "start": text.index("said"), "end": text.index("said") + 4},
                "speaker": "e1",
                "speaker_text": "Mallory",
                "speaker_start": 0,
                "speaker_end": 7,
            }
        ],
        counts=[
            {
                "start": count_start,
                "end": count_start + 1,
                "text": "5",
                "value": 5,
                "number_text": "5",
                "qualifier": "about",
                "kind": "protesters",
                "object": None,
                "unit": None,
                "event": None,
            }
        ],
        dates=[
            {
                "start": text.index("Monday"),
                "end": text.index("Monday") + 6,
                "text": "Monday",
                "type": "DATE",
                "value": "2024-06-03",
                "anchor": "published",
            }
        ],
        places=[
            {
                "start": paris,
                "end": paris + 5,
                "text": "Paris",
                "name": f"Paris {SCRIPT}",
                "country": "FRA",
                "admin1": None,
                "lat": 48.85,
                "lon": 2.35,
                "geonameid": 2988507,
                "feature": "city",
                "population": 2_000_000,
                "entity": "e2",
            }
        ],
    )


def synthetic_articles(n: int = N_SYNTHETIC, seed: int = 7) -> list[Article]:
    return [*Generator(seed).articles(n), hostile_article()]


def write_store(path: Path, articles: list[Article]) -> Path:
    with Store(path) as store:
        run = store.start_run("tests")
        store.write(articles=articles, run_id=run)
        store.finish_run(run, n_articles=len(articles), n_errors=0)
    return path


def items(body: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = body["items"]
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
