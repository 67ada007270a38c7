"""Article text with its facts marked: every span becomes a ``<mark>``, spans that cross are split
so the HTML nests, and every piece of text is escaped, its bidirectional controls made visible."""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import markupsafe
from markupsafe import Markup, escape


def _escape_plain(text: str) -> str:
    return str(escape(text))


#: ``str(markupsafe.escape(text))`` for a plain ``str``, without making a ``Markup`` on the way
#: (MarkupSafe's own escaping function, about five times faster than ``escape`` for short text;
#: the same characters escaped the same way). Only for ``str``: anything with ``__html__``
#: must go through ``escape``.
escape_str: Callable[[str], str] = getattr(markupsafe, "_escape_inner", _escape_plain)

#: Outer to inner when two spans cover the same characters.
RANK = {
    "headings": 0,
    "quotes": 1,
    "speaker": 2,
    "events": 3,
    "counts": 4,
    "dates": 5,
    "places": 6,
    "entities": 7,
}


#: Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069). In a page, one
#: in a title or an article would reorder what follows it ("report\u202efdp.exe" shows as
#: "reportexe.pdf"); they are shown as visible text, ``[U+202E]``, instead. Marks (U+200E/F) that
#: right-to-left text needs are kept.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def visible_bidi(text: str) -> str:
    """``text`` with each of :data:`BIDI_CONTROLS` written as ``[U+XXXX]``.

    >>> visible_bidi("report\u202efdp.exe")
    'report[U+202E]fdp.exe'
    """
    if text.isascii():
        return text
    return BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def _text(text: str) -> str:
    return escape_str(visible_bidi(text))


@dataclass(slots=True)
class Span:
    """A marked range of the text; ``fact`` (``kind:n``) names the record it shows."""

    start: int
    end: int
    kind: str
    classes: str
    fact: str | None = None
    label: str = ""


def _slug(value: Any) -> str:
    return "".join(c if c.isalnum() else "-" for c in str(value or "none")).lower()


def fact_spans(
    text: str, facts: dict[str, list[dict[str, Any]]], headings: list[dict[str, Any]]
) -> list[Span]:
    """The spans to mark for an article's facts: entity mentions by type, quotes (with their
    speaker and cue), event triggers by quad class, counts, dates, places and headings."""
    spans: list[Span] = []
    for h in headings:
        spans.append(Span(h["start"], h["end"], "headings", "f-heading"))
    for n, e in enumerate(facts.get("entities", [])):
        etype = e.get("type") or "ENTITY"
        for m in e.get("mentions") or [e]:
            spans.append(
                Span(
                    m["start"],
                    m["end"],
                    "entities",
                    f"f-entity t-{_slug(etype)}",
                    f"entities:{n}",
                    f"{etype}: {e.get('name')}",
                )
            )
    for n, q in enumerate(facts.get("quotes", [])):
        label = f"quote ({q.get('kind')}), speaker: {q.get('speaker_text') or 'unknown'}"
        spans.append(
            Span(q["start"], q["end"], "quotes", f"f-quote k-{_slug(q.get('kind'))}", f"quotes:{n}", label)
        )
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            spans.append(
                Span(q["speaker_start"], q["speaker_end"], "speaker", "f-speaker", f"quotes:{n}", "speaker")
            )
        cue = q.get("cue")
        if isinstance(cue, dict) and cue.get("start") is not None:
            spans.append(Span(cue["start"], cue["end"], "speaker", "f-cue", f"quotes:{n}", "quote cue"))
    for n, v in enumerate(facts.get("events", [])):
        trigger = v.get("trigger") or v
        label = f"event {v.get('event_type')} ({v.get('quad')})"
        spans.append(
            Span(
                trigger["start"],
                trigger["end"],
                "events",
                f"f-event quad-{_slug(v.get('quad'))}",
                f"events:{n}",
                label,
            )
        )
    for n, c in enumerate(facts.get("counts", [])):
        label = f"count {c.get('kind')}: {c.get('value')}"
        spans.append(Span(c["start"], c["end"], "counts", "f-count", f"counts:{n}", label))
    for n, d in enumerate(facts.get("dates", [])):
        spans.append(Span(d["start"], d["end"], "dates", "f-date", f"dates:{n}", f"date {d.get('value')}"))
    for n, p in enumerate(facts.get("places", [])):
        if "caption" in p:  # offsets into a photo caption, not into the text
            continue
        label = f"place {p.get('name')} ({p.get('country')})"
        spans.append(Span(p["start"], p["end"], "places", "f-place", f"places:{n}", label))
    size = len(text)
    return [
        s
        for s in spans
        if isinstance(s.start, int) and isinstance(s.end, int) and 0 <= s.start < s.end <= size
    ]


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` as escaped HTML with each span wrapped in a ``<mark>``; a span that crosses the
    end of an enclosing one is split in two pieces that share its ``data-fact``."""
    heap = [(s.start, -s.end, RANK.get(s.kind, 9), i) for i, s in enumerate(spans)]
    heapq.heapify(heap)
    out: list[str] = []
    pos = 0
    stack: list[int] = []  # ends of the open marks, never increasing from bottom to top

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1] <= limit:
            end = stack.pop()
            out.append(_text(text[pos:end]))
            out.append("</mark>")
            pos = end

    while heap:
        start, neg_end, rank, i = heapq.heappop(heap)
        end = -neg_end
        close_until(start)
        if stack and end > stack[-1]:  # crosses the enclosing mark: split at its end
            heapq.heappush(heap, (stack[-1], -end, rank, i))
            end = stack[-1]
        out.append(_text(text[pos:start]))
        pos = start
        out.append(_open(spans[i]))
        stack.append(end)
    close_until(len(text))
    out.append(_text(text[pos:]))
    return Markup("".join(out))


def _open(span: Span) -> str:
    attrs = f' class="{escape(span.classes)}"'
    if span.fact:
        attrs += f' data-fact="{escape(span.fact)}" tabindex="0"'
    if span.label:
        attrs += f' title="{_text(span.label)}"'
    return f"<mark{attrs}>"
