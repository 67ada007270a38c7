"""The shared per-doc helpers of ``extract/pipeline.py``."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.annotations import doc_lowers, doc_text, doc_words
from newsgraph.extract.pipeline import prepare_doc

TEXT = "Tanker Hit Off Yemen\n\nThe U.S. Navy said on Monday: “Crew of 23 safe.” Officials weren't sure."


@pytest.mark.model
def test_token_strings_match_the_tokens(nlp: Any) -> None:
    doc = nlp(prepare_doc(nlp, TEXT))
    assert doc_words(doc) == [t.text for t in doc]
    assert doc_lowers(doc) == [t.lower_ for t in doc]
    assert doc_words(doc) is doc_words(doc)  # kept per doc
    assert doc_text(doc) == TEXT


@pytest.mark.model
def test_token_strings_of_an_empty_doc(nlp: Any) -> None:
    doc = nlp.make_doc("")
    assert doc_words(doc) == [] and doc_lowers(doc) == [] and doc_text(doc) == ""


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [TEXT, "  Two spaces before,\ttabs\t and  a trailing space ", "Ünïcode — “quotes”\n\n\n  café’s end."],
)
def test_doc_text_built_from_the_words_is_spacys_text(nlp: Any, text: str) -> None:
    doc = nlp(text)  # made by the model itself: the text was not handed to the cache
    assert doc_text(doc) == doc.text == text


@pytest.mark.model
def test_paragraph_boundaries_start_sentences_after_line_breaks(nlp: Any) -> None:
    doc = nlp(prepare_doc(nlp, TEXT))
    breaks = [t.i for t in doc[:-1] if "\n" in t.text and t.is_space]
    assert breaks
    assert all(doc[i + 1].is_sent_start for i in breaks)


@pytest.mark.model
def test_the_loaded_pipeline_is_kept_out_of_the_garbage_collectors_walks(nlp: Any) -> None:
    import gc

    from newsgraph.extract.pipeline import GC_YOUNG_THRESHOLD, preload

    gc.unfreeze()  # (another test may have let everything go)
    preload.cache_clear()
    try:
        preload()
        assert gc.get_freeze_count() > 10_000
        tracked = {id(o) for o in gc.get_objects()}
        # the model's and the components' objects, loaded once, are not walked by each collection
        assert id(nlp._components) not in tracked
        assert id(nlp.get_pipe("newsgraph_quotes").__dict__) not in tracked
        doc = nlp(prepare_doc(nlp, TEXT))  # what runs on a doc is collected as before
        assert gc.is_tracked(doc.user_data)
        assert gc.get_threshold()[0] >= GC_YOUNG_THRESHOLD > 700  # young collections less often
    finally:
        gc.unfreeze()


@pytest.mark.model
def test_pos_and_lemma_arrays_match_the_tokens(nlp: Any) -> None:
    from newsgraph.extract.annotations import doc_lemmas, doc_pos, forget_tags

    doc = nlp(prepare_doc(nlp, TEXT))
    assert doc_pos(doc) == [t.pos for t in doc]
    assert doc_lemmas(doc) == [t.lemma_ for t in doc]
    assert doc_pos(doc) is doc_pos(doc)  # kept per doc
    doc[0].pos_ = "VERB" if doc[0].pos_ != "VERB" else "NOUN"  # a step writes new tags ...
    doc[0].lemma_ = "tankerx"
    forget_tags(doc)  # ... and says so
    assert doc_pos(doc) == [t.pos for t in doc]
    assert doc_lemmas(doc)[0] == "tankerx"


def test_per_doc_caches_never_give_one_docs_strings_to_another() -> None:
    import gc

    import spacy

    first, second = spacy.blank("en"), spacy.blank("en")  # two vocabs: one shared string table
    for n in range(50):  # new docs, often where a freed one lay in memory
        doc = (first if n % 2 else second)(f"Sample {n} text, the {n}th one: Café Zürich.")
        assert doc_words(doc) == [t.text for t in doc]
        assert doc_lowers(doc) == [t.lower_ for t in doc]
        assert doc_text(doc) == doc.text
        del doc
        gc.collect()
