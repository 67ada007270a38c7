"""The table attribute ruler sets exactly what spaCy's attribute ruler sets."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from newsgraph.extract.attribute_ruler import TableAttributeRuler, compile_table, use_table_attribute_ruler

ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]

TEXTS = [
    "The minister said on Monday that talks with Kenya would continue, but he didn't say when.",
    "I'm gonna say y'all ain't seen nothin' yet, let's go.\n\nHe's got ta be there. 'Em? C'mon.",
    "There is a cat. There're dogs. Do it! He did, didn't he? I'd have. It's hers, not theirs.",
    "Nobody asked whether anyone had anything; something must give, somebody said.",
    "  Leading   spaces,\ttabs\tand\n\n\nblank lines  ",
    "WASHINGTON (AP) — U.S. forces struck 3 sites; 12 were killed, officials told reporters.",
    "",
    "Ok",
]


def _annotations(nlp: Language, texts: list[str]) -> list[numpy.ndarray]:
    return [doc.to_array(ATTRS) for doc in nlp.pipe(texts)]


def test_the_model_s_ruler_gives_identical_annotations(model_name: str) -> None:
    stock = spacy.load(model_name)
    table = use_table_attribute_ruler(spacy.load(model_name))
    ruler = table.get_pipe("attribute_ruler")
    assert isinstance(ruler, TableAttributeRuler)
    assert compile_table(ruler) is not None  # the model's patterns are all indexable
    assert table.pipe_names == stock.pipe_names
    for ours, theirs in zip(_annotations(table, TEXTS), _annotations(stock, TEXTS), strict=True):
        assert numpy.array_equal(ours, theirs)


def _tagged(nlp: Language, words: list[str], tags: list[str], deps: list[str] | None = None) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words) if deps else None)


PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["nothing", "something"]}}]], "attrs": {"POS": "PRON"}},
    # a later rule wins over an earlier one on the same token
    {"patterns": [[{"TAG": "NN", "LOWER": "nothing"}]], "attrs": {"POS": "X", "LEMMA": "nil"}},
    # two tokens, the second one set (a negative index)
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": {"IN": ["aux"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    # matched against the tokens before the ruler ran: the rule above does not feed this one
    {"patterns": [[{"TAG": "_SP", "IS_SPACE": False}]], "attrs": {"POS": "X"}},
]


def _both(patterns: list[dict[str, object]]) -> tuple[AttributeRuler, TableAttributeRuler]:
    nlp = spacy.blank("en")
    stock = AttributeRuler(nlp.vocab)
    table = TableAttributeRuler(nlp.vocab)
    stock.add_patterns(patterns)  # type: ignore[arg-type]
    table.add_patterns(patterns)  # type: ignore[arg-type]
    return stock, table


def _cases(vocab_nlp: Language) -> list[Doc]:
    words = ["nothing", "gon", "na", "nuthin'", "can", " ", "x", "something", "gon"]
    tags = ["NN", "VBG", "TO", "NN", "MD", "NN", "_SP", "NN", "VBG"]
    deps = ["nsubj", "ROOT", "aux", "dobj", "aux", "dep", "dep", "dobj", "aux"]
    return [
        _tagged(vocab_nlp, words, tags, deps),
        _tagged(vocab_nlp, words, tags),  # no parse: DEP patterns see no relation
        _tagged(vocab_nlp, ["gon"], ["VBG"]),  # a two-token pattern cut by the end of the doc
    ]


def test_rule_order_operators_and_spans_match_spacy() -> None:
    stock, table = _both(PATTERNS)
    nlp = spacy.blank("en")
    nlp.vocab = stock.vocab
    assert compile_table(table) is not None
    for theirs, ours in zip(_cases(nlp), _cases(nlp), strict=True):
        stock(theirs)
        table(ours)
        assert numpy.array_equal(ours.to_array(ATTRS), theirs.to_array(ATTRS))
    doc = _cases(nlp)[0]
    table(doc)
    assert doc[0].pos_ == "X" and doc[0].lemma_ == "nil"  # the later rule won
    assert doc[7].pos_ == "PRON" and str(doc[7].morph) == "Number=Sing"
    assert doc[2].lemma_ == "to" and doc[3].lemma_ == "nothing"
    assert doc[5].pos_ == "SPACE" and doc[6].pos_ == "X"


def test_patterns_it_cannot_index_fall_back_to_spacy() -> None:
    patterns = [*PATTERNS, {"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"LEMMA": "many"}}]
    stock, table = _both(patterns)
    assert compile_table(table) is None
    nlp = spacy.blank("en")
    nlp.vocab = stock.vocab
    theirs, ours = _cases(nlp)[0], _cases(nlp)[0]
    stock(theirs)
    table(ours)
    assert numpy.array_equal(ours.to_array(ATTRS), theirs.to_array(ATTRS))
    assert ours[0].lemma_ == "many"


def test_adding_patterns_later_recompiles() -> None:
    _, table = _both(PATTERNS[:1])
    nlp = spacy.blank("en")
    nlp.vocab = table.vocab
    doc = _tagged(nlp, ["nothing"], ["NN"])
    table(doc)
    assert doc[0].pos_ == "NOUN"
    table.add_patterns([PATTERNS[2]])  # type: ignore[list-item]
    doc = _tagged(nlp, ["nothing"], ["NN"])
    table(doc)
    assert doc[0].pos_ == "X"


def test_a_saved_pipeline_loads_with_the_table_ruler(model_name: str, tmp_path: Path) -> None:
    nlp = use_table_attribute_ruler(spacy.load(model_name, exclude=["ner"]))
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    ruler = again.get_pipe("attribute_ruler")
    assert isinstance(ruler, TableAttributeRuler)
    assert len(ruler.patterns) == len(nlp.get_pipe("attribute_ruler").patterns)
    for ours, theirs in zip(_annotations(again, TEXTS), _annotations(nlp, TEXTS), strict=True):
        assert numpy.array_equal(ours, theirs)


def test_a_full_memory_is_emptied_and_the_answers_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.extract import attribute_ruler

    monkeypatch.setattr(attribute_ruler, "MAX_REMEMBERED", 2)
    stock, table = _both(PATTERNS)
    nlp = spacy.blank("en")
    nlp.vocab = stock.vocab
    for _ in range(3):
        theirs, ours = _cases(nlp)[0], _cases(nlp)[0]
        stock(theirs)
        table(ours)
        assert numpy.array_equal(ours.to_array(ATTRS), theirs.to_array(ATTRS))
    compiled = table._table
    assert isinstance(compiled, attribute_ruler._Table)
    assert len(compiled.memo) <= 2 + len(_cases(nlp)[0])
