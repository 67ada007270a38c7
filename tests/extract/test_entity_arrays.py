"""The entity stage's reads of per-doc arrays give what spaCy's objects give (session 19,
ent21arrays)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.extract.annotations import WordTest, doc_sent_starts, doc_word_set, forget_tags, sent_bounds
from newsgraph.extract.mentions import _case_name, mention_of

_VOCAB = Vocab()


def _spacy_bounds(doc: Doc, i: int) -> tuple[int, int] | str:
    try:
        sent = doc[i].sent
    except ValueError:
        return "no sentences"
    return sent.start, sent.end


def _bounds(doc: Doc, i: int) -> tuple[int, int] | str:
    try:
        return sent_bounds(doc, i)
    except ValueError:
        return "no sentences"


@given(st.lists(st.sampled_from([None, False, True]), min_size=1, max_size=30))
def test_sentence_bounds_are_spacys_for_any_boundaries(starts: list[bool | None]) -> None:
    doc = Doc(_VOCAB, words=[f"w{k}" for k in range(len(starts))], sent_starts=starts)
    for i in range(len(doc)):
        assert _bounds(doc, i) == _spacy_bounds(doc, i)


def test_sentence_bounds_of_a_parsed_text(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Foreign Minister Wang Yi met Taro Kono in Tokyo.\n\nThe talks, he said, went well! "
        "Did they?\nKono left on Monday"
    )
    assert len(list(doc.sents)) >= 3
    assert [sent_bounds(doc, i) for i in range(len(doc))] == [
        (doc[i].sent.start, doc[i].sent.end) for i in range(len(doc))
    ]
    assert doc_sent_starts(doc) == [s.start for s in doc.sents]


def test_unsplit_text_raises_as_spacy_does(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("Wang Yi met Taro Kono. They talked.")
    with pytest.raises(ValueError):
        doc[3].sent  # noqa: B018
    with pytest.raises(ValueError):
        sent_bounds(doc, 3)


def test_new_boundaries_are_read_after_forget_tags() -> None:
    doc = Doc(_VOCAB, words=["a", "b", "c", "d"], sent_starts=[True, False, False, False])
    assert sent_bounds(doc, 2) == (0, 4)
    doc[2].is_sent_start = True
    forget_tags(doc)
    assert sent_bounds(doc, 3) == (2, 4) == (doc[3].sent.start, doc[3].sent.end)


_DOC_WORDS = st.lists(st.sampled_from(["Kano", "Lagos", "NATO", "said", "the", "Abuja", "x"]), max_size=12)


@given(st.lists(_DOC_WORDS))
def test_remembered_word_test_answers_as_the_test_does(docs: list[list[str]]) -> None:
    def test(w: str) -> bool:
        return w[:1].isupper() and not w.isupper()

    for most in (2, 65_536):  # emptied on the way, or never
        remembered = WordTest(test, most=most)
        for words in docs:
            assert remembered.among(frozenset(words)) == {w for w in words if test(w)}


def test_word_set_is_the_docs_distinct_words() -> None:
    doc = Doc(_VOCAB, words=["Kano", "said", "Kano", "met", "Lagos"])
    assert doc_word_set(doc) == {"Kano", "said", "met", "Lagos"}
    assert doc_word_set(doc) is doc_word_set(doc)  # kept per doc


def test_case_parties_are_found_with_and_without_a_versus(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The court cited Whole Woman's Health v. Hellerstedt and met Jane Smith in Austin.")
    case_end = doc.text.index(" and met")  # the case's parties, however the model cuts them
    assert any(e.end_char > case_end for e in doc.ents)
    for e in doc.ents:
        m = mention_of(e)
        assert m is not None
        assert _case_name(doc, m) == (e.start_char > len("The court ") and e.end_char <= case_end), e.text
    plain = nlp("Jane Smith met Hellerstedt in Austin.")
    for e in plain.ents:
        m = mention_of(e)
        assert m is not None and not _case_name(plain, m)
