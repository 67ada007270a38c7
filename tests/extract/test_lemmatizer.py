"""The remembering lemmatizer gives spaCy's lemmas."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from newsgraph.extract import lemmatizer as lemmatizer_module
from newsgraph.extract.lemmatizer import TableLemmatizer, use_table_lemmatizer

TEXTS = [
    "The ministers said on Monday that the talks had been going better than expected.",
    "Protesters were arrested; troops fired shots and the wounded were taken to hospitals.",
    "I'd have gone, but they weren't letting anybody in. She's the best-known of them.",
    "  spaces\n\n and\tTabs  ",
    "",
]


def _lemmas(nlp: Language, texts: list[str]) -> list[list[str]]:
    return [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]


def test_same_lemmas_as_spacy_also_across_memory_zones(model_name: str) -> None:
    stock = spacy.load(model_name)
    ours = use_table_lemmatizer(spacy.load(model_name))
    lemmatizer = ours.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, TableLemmatizer)
    assert type(lemmatizer).__name__ == "TableEnglishLemmatizer"  # the English rules are kept
    expected = _lemmas(stock, TEXTS)
    assert _lemmas(ours, TEXTS) == expected
    for _ in range(2):  # remembered lemmas outlive the transient strings of a zone
        with ours.memory_zone():
            assert _lemmas(ours, TEXTS) == expected


def test_a_full_memory_is_emptied(model_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lemmatizer_module, "MAX_REMEMBERED", 5)
    stock = spacy.load(model_name)
    ours = use_table_lemmatizer(spacy.load(model_name))
    assert _lemmas(ours, TEXTS) == _lemmas(stock, TEXTS)
    remembered = ours.get_pipe("lemmatizer").__dict__["_remembered"]
    assert len(remembered.lemmas) <= 5 + max(len(t.split()) * 2 for t in TEXTS)


def test_a_saved_pipeline_is_spacy_s_own(model_name: str, tmp_path: Path) -> None:
    ours = use_table_lemmatizer(spacy.load(model_name, exclude=["ner"]))
    ours.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert type(again.get_pipe("lemmatizer")).__name__ == "EnglishLemmatizer"
    assert _lemmas(again, TEXTS) == _lemmas(ours, TEXTS)
