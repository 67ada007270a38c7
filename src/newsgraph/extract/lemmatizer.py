"""spaCy's rule lemmatizer with its answers remembered per word form, part of speech and morphology.

spaCy's :class:`Lemmatizer` in ``rule`` mode computes a token's lemma from its text, coarse part of
speech and morphology alone, but visits every token as a Python object to do so, which costs a few
per cent of the whole model's time on news. :func:`fast_lemmatize` reads those three attributes of
all tokens in one ``Doc.to_array``, asks spaCy's own ``lemmatize`` once per distinct combination it
has not seen, and writes the lemmas back in one ``Doc.from_array``: the same lemmas, and the same
component (its tables, ``to_disk`` and scorer are spaCy's). :func:`use_table_lemmatizer` puts it in
front of a loaded pipeline's rule lemmatizers; other modes keep spaCy's own ``__call__``."""

from __future__ import annotations

from typing import Any, cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

#: Combinations remembered per lemmatizer; past this the memory is emptied and refilled.
MAX_REMEMBERED = 200_000

_COLUMNS: list[int | str] = [ORTH, POS, MORPH, LEMMA]


class _Remembered:
    """A lemmatizer's lemma strings by ``(orth, pos, morph)`` hashes."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:  # spaCy's own first-call check of its tables
            lemmatizer._validate_tables()
        n = len(doc)
        if not n:
            return doc
        try:
            values = doc.to_array(_COLUMNS).reshape(n, len(_COLUMNS))
            rows: list[list[int]] = values.tolist()  # type: ignore[assignment]
            if len(self.lemmas) > MAX_REMEMBERED:
                self.lemmas.clear()
            lemmas, strings, overwrite = self.lemmas, doc.vocab.strings, lemmatizer.overwrite
            hashes: dict[str, int] = {}  # per doc: a memory zone may have dropped transient strings
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if lemma and not overwrite:
                    continue
                key = (orth, pos, morph)
                text = lemmas.get(key)
                if text is None:
                    text = lemmas[key] = lemmatizer.lemmatize(doc[i])[0]
                h = hashes.get(text)
                if h is None:
                    h = hashes[text] = strings.add(text)
                values[i, 3] = h
            doc.from_array([LEMMA], cast(Any, values[:, 3:4]))
            return doc
        except Exception as e:
            lemmatizer.get_error_handler()(lemmatizer.name, lemmatizer, [doc], e)
            return doc


class TableLemmatizer(Lemmatizer):
    """spaCy's lemmatizer whose ``rule`` mode remembers its answers (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        remembered = self.__dict__.get("_remembered")
        if remembered is None:
            remembered = self.__dict__["_remembered"] = _Remembered(self)
        return remembered(doc)


_CLASSES: dict[type[Lemmatizer], type[Lemmatizer]] = {}


def use_table_lemmatizer(nlp: Language) -> Language:
    """Give each of ``nlp``'s rule lemmatizers the remembering ``__call__``, in place: the
    component keeps its class's language-specific rules, its tables, name and configuration (a
    saved pipeline is spaCy's own)."""
    for _name, pipe in nlp.pipeline:
        if isinstance(pipe, Lemmatizer) and not isinstance(pipe, TableLemmatizer) and pipe.mode == "rule":
            cls = type(pipe)
            if cls not in _CLASSES:
                _CLASSES[cls] = type(f"Table{cls.__name__}", (TableLemmatizer, cls), {})
            pipe.__class__ = _CLASSES[cls]
    return nlp
