"""Quotes (first version, issue 4 in progress): quotation spans and speakers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.extract.quotes import quote_spans
from newsgraph.runner.local import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win” today.", ["we will win"]),
        ('He said "we will win" and "soon".', ["we will win", "soon"]),
        ("« Nous gagnerons » dit-il.", [" Nous gagnerons "]),
        ("The minister’s aide said ‘no comment’ twice.", ["no comment"]),
        ("“Unbalanced to the end\nNext paragraph.", ["Unbalanced to the end"]),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == expected


@pytest.mark.model
def test_speakers_resolve_to_entities(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Kenyan Foreign Minister Amina Wekesa met reporters on Monday.\n\n"
        "“We will not accept this,” Wekesa said.\n\n"
        "“The talks must go on.”\n\n"
        "She told reporters that the border would reopen next week.\n",
        encoding="utf-8",
    )
    (article,) = [a for a in extract([path]) if hasattr(a, "quotes")]
    names = {e["id"]: e["name"] for e in article.entities}
    found: list[tuple[Any, ...]] = [(q["kind"], names.get(q["speaker"]), q["text"]) for q in article.quotes]
    assert ("direct", "Amina Wekesa", "We will not accept this,") in found
    assert ("direct", "Amina Wekesa", "The talks must go on.") in found  # continuation, no cue
    assert ("indirect", "Amina Wekesa", "the border would reopen next week") in found
    for q in article.quotes:
        assert article.text[q["start"] : q["end"]] == q["text"]


def test_speaker_falls_back_to_the_person_in_the_sentence() -> None:
    import spacy

    from newsgraph.extract.quotes import _nearby_person

    doc = spacy.blank("en")("Mark Ellison , in a statement : “ We will fight on . ”")
    for t in doc:
        t.is_sent_start = t.i == 0
    index = {0: "e1", 1: "e1"}
    quote = doc[7:12]
    span, eid = _nearby_person(doc, quote, index, {"e1"})
    assert eid == "e1" and span is not None and span.text == "Mark Ellison"
    assert _nearby_person(doc, quote, index, set()) == (None, None)


@pytest.mark.model
def test_according_to(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text(
        "More than 300 people were killed in the fighting, according to the health ministry.\n",
        encoding="utf-8",
    )
    (article,) = [a for a in extract([path]) if hasattr(a, "quotes")]
    (q,) = [q for q in article.quotes if q["cue"] and q["cue"]["text"] == "according to"]
    assert q["text"] == "More than 300 people were killed in the fighting"
    assert q["kind"] == "indirect"
    assert "health ministry" in q["speaker_text"]
