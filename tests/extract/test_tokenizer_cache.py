"""Filling spaCy's tokenizer cache outside memory zones (``extract/tokenizer_cache.py``)."""

from __future__ import annotations

import spacy

from newsgraph.extract.tokenizer_cache import warm_tokenizer

TEXTS = [
    "The U.S. Navy said on Monday: “Crew of 23 safe.” Officials weren't sure (yet).",
    "Mr. Smith's e-mail, sent at 5 p.m., said: don't wait -- go!\n\nNew paragraph here.",
]


def _tokens(nlp: spacy.language.Language, text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.whitespace_, t.norm_) for t in nlp.make_doc(text)]


def test_tokens_inside_a_zone_are_the_same_after_warming() -> None:
    cold, warm = spacy.blank("en"), spacy.blank("en")
    expected = [_tokens(cold, t) for t in TEXTS]
    assert warm_tokenizer(warm, TEXTS) > 0
    with warm.memory_zone():
        assert [_tokens(warm, t) for t in TEXTS] == expected


def test_the_warmed_words_outlive_the_zone() -> None:
    # what the tokenizer caches must be made outside the zone, or the zone would free it
    nlp = spacy.blank("en")
    warm_tokenizer(nlp, ["Zyxwvut qrstuvw,"])
    with nlp.memory_zone():
        nlp.make_doc("Zyxwvut qrstuvw, ponmlkj")
    assert "Zyxwvut" in nlp.vocab.strings and "qrstuvw" in nlp.vocab.strings
    assert "ponmlkj" not in nlp.vocab.strings  # tokenised in the zone only: freed with it


def test_nothing_is_given_inside_a_zone() -> None:
    nlp = spacy.blank("en")
    with nlp.memory_zone():
        assert warm_tokenizer(nlp, TEXTS) == 0
    assert warm_tokenizer(nlp, TEXTS) > 0  # and outside it is


def test_at_most_the_cache_size_in_all() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer.max_cache_size = 5
    words = [f"word{k}" for k in range(20)]
    assert warm_tokenizer(nlp, [" ".join(words[:3])]) == 3
    assert warm_tokenizer(nlp, [" ".join(words[:3])]) == 0  # each chunk once
    assert warm_tokenizer(nlp, [" ".join(words)]) == 2
    assert warm_tokenizer(nlp, [" ".join(words)]) == 0  # full: nothing more
