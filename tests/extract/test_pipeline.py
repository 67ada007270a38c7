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
    assert doc_words(doc) == [] and doc_lowers(doc) == []


@pytest.mark.model
def test_paragraph_boundaries_start_sentences_after_line_breaks(nlp: Any) -> None:
    doc = nlp(prepare_doc(nlp, TEXT))
    breaks = [t.i for t in doc[:-1] if "\n" in t.text and t.is_space]
    assert breaks
    assert all(doc[i + 1].is_sent_start for i in breaks)
