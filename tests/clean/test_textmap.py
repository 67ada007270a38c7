from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.clean.textmap import TextBuilder, normalize
from newsgraph.records import SourceMap


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  two  spaces\tand tab ", "two spaces and tab"),
        ("line\nbreak\r\ninside", "line break inside"),
        ("no\u00a0break\u2009thin", "no break thin"),
        ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
        ("\u00e2\u20ac\u0153quoted\u00e2\u20ac\u009d it\u00e2\u20ac\u2122s", "\u201cquoted\u201d it\u2019s"),
        ("``old style''", "\u201cold style\u201d"),
        ("curly \u201ckept\u201d and \u2018single\u2019", "curly \u201ckept\u201d and \u2018single\u2019"),
        ('straight "kept"', 'straight "kept"'),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


TOKENS = [*"ab Z.,\"'`\n\t\u00a0\u200b\u201c\u201d\u2019", "\u00e2\u20ac\u2122", "''", "word"]
texts = st.lists(st.sampled_from(TOKENS), max_size=30).map("".join)


@given(texts)
def test_normalize_is_idempotent(raw: str) -> None:
    once = normalize(raw)
    assert normalize(once) == once


@given(st.lists(texts, min_size=1, max_size=5))
def test_every_span_maps_back_into_raw(pieces: list[str]) -> None:
    raw = "\n\n".join(pieces)
    builder = TextBuilder()
    pos = 0
    for piece in pieces:
        if len(builder):
            builder.add("\n\n", pos - 2, pos)
        builder.add_normalized(raw, pos, pos + len(piece))
        pos += len(piece) + 2
    text, smap = builder.text(), builder.source_map()
    for i in range(len(text)):
        rs, re_ = smap.span_to_raw(i, i + 1)
        assert 0 <= rs < re_ <= len(raw)
        # the raw characters, cleaned, give back the text character (or it is a separator)
        cleaned = normalize(raw[rs:re_])
        assert text[i] in (cleaned or " ") or text[i] == "\n" or text[i] == " "


def test_identity_segments_merge_and_map() -> None:
    raw = "Hello   world"
    b = TextBuilder()
    b.add_normalized(raw, 0, len(raw))
    smap = b.source_map()
    assert b.text() == "Hello world"
    assert smap.span_to_raw(6, 11) == (8, 13)
    assert raw[slice(*smap.span_to_raw(0, 5))] == "Hello"
    assert smap.span_to_raw(5, 6) == (5, 8)


def test_source_map_round_trips_as_list() -> None:
    smap = SourceMap.identity(5, raw_start=10)
    assert SourceMap.from_list(smap.as_list()).span_to_raw(1, 3) == (11, 13)
