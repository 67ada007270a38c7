"""The dates component's shortcuts give what the plain scans they replace give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.extract.dates.matching import _Reach
from newsgraph.extract.dates.tokens import BREAK, tokenize

_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 60))


@given(st.lists(_SPAN, max_size=8), _SPAN)
def test_reach_answers_as_the_scan_over_all(spans: list[tuple[int, int]], probe: tuple[int, int]) -> None:
    start, end = probe
    reach = _Reach(list(spans))
    assert reach.overlaps(start, end) == any(s < end and start < e for s, e in spans)
    assert reach.covers(start, end) == any(s <= start and end <= e for s, e in spans)


def test_tokens_keep_classes_values_and_offsets() -> None:
    text = "On March 3, 2024 at 5 p.m., twenty-four officials met; nineteen ninety-six\nQ3 the '90s 1,500"
    toks = tokenize(text)
    assert [(t.cls, t.value) for t in toks if t.cls != "OTHER"][:4] == [
        ("PREP", ""),
        ("MONTH", "3"),
        ("DAY", "3"),
        ("COMMA", ""),
    ]
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert ("NUM", "24") in [(t.cls, t.value) for t in toks]
    assert ("YEAR", "1996") in [(t.cls, t.value) for t in toks]
    assert BREAK not in "".join(t.cls for t in toks)
