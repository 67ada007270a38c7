"""The snippet of a search result starts at the first match, found without marking every match
(``first_hit``), and folding keeps one character for one (``fold_in_place``)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.web.search import _FOLD, first_hit, fold_in_place, hits, parse

WORDS = ["élection", "election", "minister", "ministère", "act", "war", "of", "Straße", "ǅemal", "ﬁnance"]
text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(alphabet="aeéiıoöuß .,;'-\n\u0301İ", max_size=6)), max_size=30
).map(" ".join)
query = st.lists(
    st.sampled_from([*WORDS, '"act of war"', '"minister of"', "elect", "fin"]), min_size=1, max_size=3
)


@settings(max_examples=300, deadline=None)
@given(text, query)
def test_first_hit_is_where_the_first_marked_hit_starts(body: str, words: list[str]) -> None:
    patterns = [re.compile(p) for p in parse(" ".join(words)).patterns()]
    found = hits(body, patterns)
    assert first_hit(body, patterns) == (found[0][0] if found else 0)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_folding_keeps_one_character_for_one(body: str) -> None:
    folded = fold_in_place(body)
    assert len(folded) == len(body)
    assert fold_in_place("Élection à Ministère") == "election a ministere"


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60) | st.text(alphabet="aAeÉéèıİIiKkKKǄǅǆßẞﬁŒœΣσς’“ ́", max_size=60))
def test_folding_is_the_fold_table_character_by_character(body: str) -> None:
    assert fold_in_place(body) == body.translate(_FOLD)
