"""Marking facts in article text: nesting, crossing spans, escaping."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.web.highlight import Span, fact_spans, highlight


def strip(markup: str) -> str:
    return html.unescape(re.sub(r"</?mark[^>]*>", "", markup))


def test_nested_spans_nest() -> None:
    out = highlight(
        "Ann said hi", [Span(0, 11, "quotes", "q", "quotes:0"), Span(0, 3, "entities", "e", "entities:0")]
    )
    assert str(out) == (
        '<mark class="q" data-fact="quotes:0" tabindex="0"><mark class="e" data-fact="entities:0" '
        'tabindex="0">Ann</mark> said hi</mark>'
    )


def test_crossing_spans_are_split_and_keep_their_fact() -> None:
    out = str(
        highlight("abcdef", [Span(0, 4, "quotes", "q", "quotes:0"), Span(2, 6, "events", "v", "events:1")])
    )
    assert out.count('data-fact="events:1"') == 2
    assert out == (
        '<mark class="q" data-fact="quotes:0" tabindex="0">ab<mark class="v" data-fact="events:1" '
        'tabindex="0">cd</mark></mark><mark class="v" data-fact="events:1" tabindex="0">ef</mark>'
    )


def test_text_and_labels_are_escaped() -> None:
    out = str(highlight('<b>"x"</b>', [Span(3, 6, "entities", "e", "entities:0", label='<i onclick="a">')]))
    assert "<b>" not in out and "<i " not in out
    assert "&lt;b&gt;" in out and 'title="&lt;i onclick=&#34;a&#34;&gt;"' in out
    assert strip(out) == '<b>"x"</b>'


def test_fact_spans_drop_spans_outside_the_text() -> None:
    facts = {
        "entities": [
            {"type": "PERSON", "name": "A", "mentions": [{"start": 0, "end": 1}, {"start": 5, "end": 99}]}
        ],
        "counts": [{"start": -1, "end": 2}, {"start": 2, "end": 2}],
        "dates": [{"start": "x", "end": 3}],
    }
    spans = fact_spans("abcdef", facts, [])
    assert [(s.start, s.end, s.fact) for s in spans] == [(0, 1, "entities:0")]


def test_quote_speaker_and_cue_point_to_the_quote() -> None:
    text = "“Go,” said Ann."
    facts = {
        "quotes": [
            {
                "start": 1,
                "end": 4,
                "kind": "direct",
                "speaker_text": "Ann",
                "speaker_start": 11,
                "speaker_end": 14,
                "cue": {"text": "said", "start": 6, "end": 10},
            }
        ]
    }
    spans = fact_spans(text, facts, [])
    assert {(s.classes, s.fact) for s in spans} == {
        ("f-quote k-direct", "quotes:0"),
        ("f-speaker", "quotes:0"),
        ("f-cue", "quotes:0"),
    }


spans_strategy = st.lists(
    st.tuples(
        st.integers(0, 40), st.integers(1, 20), st.sampled_from(["quotes", "events", "entities", "dates"])
    ),
    max_size=25,
)


@given(st.text(alphabet="ab<>&\"' \n", min_size=1, max_size=40), spans_strategy)
def test_marks_only_wrap_the_text(text: str, raw: list[tuple[int, int, str]]) -> None:
    spans = [
        Span(s, min(s + n, len(text)), kind, kind, f"{kind}:{i}")
        for i, (s, n, kind) in enumerate(raw)
        if s < len(text)
    ]
    out = str(highlight(text, spans))
    assert strip(out) == text
    assert out.count("<mark") == out.count("</mark>")
    depth = 0
    for tag in re.findall(r"</?mark", out):  # properly nested
        depth += 1 if tag == "<mark" else -1
        assert depth >= 0
    covered: dict[str, str] = {}
    open_facts: list[str] = []
    for token in re.split(r"(<mark[^>]*>|</mark>)", out):
        if token.startswith("<mark"):
            open_facts.append(re.search(r'data-fact="([^"]+)"', token).group(1))  # type: ignore[union-attr]
        elif token == "</mark>":
            open_facts.pop()
        else:
            for fact in set(open_facts):
                covered[fact] = covered.get(fact, "") + html.unescape(token)
    for s in spans:  # each fact's marks hold exactly its characters
        assert covered.get(s.fact, "") == text[s.start : s.end]


def test_places_found_in_captions_are_not_marked_in_the_text() -> None:
    text = "Ministers met in Laos on Saturday."
    places = [
        {"start": 17, "end": 21, "text": "Laos", "name": "Laos", "country": "LAO"},
        {"start": 3, "end": 12, "text": "Vientiane", "name": "Vientiane", "country": "LAO", "caption": 0},
    ]
    spans = fact_spans(text, {"places": places}, [])
    assert [(s.start, s.end) for s in spans] == [(17, 21)]
