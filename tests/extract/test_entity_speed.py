"""The entity stage's shortcuts give what the plain scans they replace give (session 19, ent21speed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.extract.annotations import ENTITY_SPANS, doc_lowers, set_entity_spans, word_positions
from newsgraph.extract.mentions import _stops
from newsgraph.extract.role_titles import title_ranges, title_spans

_VOCABULARY = ["Follow", "Kano", "the", ".", "?", "!", "Lagos", "said", "x"]
_WORDS = st.lists(st.sampled_from(_VOCABULARY), max_size=40)


@given(_WORDS, st.sets(st.sampled_from(["Follow", "Kano", "Lagos", "said", "the", "x", "absent"])))
def test_word_positions_are_the_scan_over_all_words(words: list[str], names: set[str]) -> None:
    assert word_positions(words, names) == [k for k, w in enumerate(words) if w in names]
    assert word_positions(words, frozenset(names)) == [k for k, w in enumerate(words) if w in names]


@given(_WORDS)
def test_stops_are_counted_as_the_scan_counts_them(words: list[str]) -> None:
    assert _stops(words) == sum(w in (".", "?", "!") for w in words)


def test_title_ranges_are_where_the_title_spans_are(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Foreign Minister Wang Yi met the U.S. Secretary of State in Beijing. Her counterpart, "
        "the Deputy Prime Minister, said Sen. Ben Sasse had called the Secretary-General."
    )
    spans = title_spans(doc)
    assert spans  # the sentence holds titles
    assert title_ranges(doc) == tuple((s.start, s.end) for s in spans)
    assert title_ranges(doc) is title_ranges(doc)  # kept per doc
    other = nlp("The mayor spoke.")
    assert title_ranges(other) == tuple((s.start, s.end) for s in title_spans(other))


def test_entity_spans_carry_their_type_and_id(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Wang Yi met Taro Kono in Tokyo.")
    set_entity_spans(doc, [(0, 2, "PERSON", "e1"), (3, 5, "PERSON", "e2"), (6, 7, "GPE", "e3")])
    got = [(s.start, s.end, s.label_, s.id_) for s in doc.spans[ENTITY_SPANS]]
    assert got == [(0, 2, "PERSON", "e1"), (3, 5, "PERSON", "e2"), (6, 7, "GPE", "e3")]


def test_lowers_are_the_lexemes_lower_forms(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "İSTANBUL — Straße, ΣΟΦΙΑ and the U.S. Secretary-General's ǅemal met O'Neill;\n\n"
        "ÉLYSÉE said: “NATO’s KİEV office is ﬁne” (ＡＢＣ 12th)."
    )
    for doc in (nlp.make_doc(text), nlp(text)):
        assert doc_lowers(doc) == [t.lower_ for t in doc]
