"""The pipeline as a pure function over a batch: documents in, articles and errors out.

Nothing here touches files, the store or global state other than the (cached) spaCy pipeline, so
the same function runs in one process (``runner.local``) or on the workers of a distributed
engine, which only have to ship batches of :class:`~newsgraph.records.Document` to it."""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from ..clean.language import article_language, is_supported
from ..clean.split import split_document
from ..errors import NewsgraphError, TextTooLongError
from ..extract.annotations import doc_places, fact_lists
from ..extract.pipeline import load_pipeline, prepare_doc
from ..extract.relevance import doc_relevance
from ..extract.tokenizer_cache import warm_tokenizer
from ..records import Article, Document, Draft, ErrorRecord
from ..settings import Settings
from ..store.batches import ArticleTables

if TYPE_CHECKING:
    from ..resolve.names import PersonName
    from ..resolve.stories import Sketch

log = logging.getLogger(__name__)

Result = Article | ErrorRecord


def error_record(exc: BaseException, *, source: str, stage: str, record: str | None = None) -> ErrorRecord:
    """An :class:`ErrorRecord` for ``exc``; newsgraph errors keep their code and message."""
    if isinstance(exc, NewsgraphError):
        message = getattr(exc, "message", None) or str(exc.args[0] if exc.args else exc)
        return ErrorRecord(
            source=getattr(exc, "source", "") or source,
            message=message,
            kind=type(exc).__name__,
            code=exc.code,
            stage=stage,
            record=getattr(exc, "record", None) or record,
        )
    return ErrorRecord(
        source=source,
        message=f"{type(exc).__name__}: {exc}",
        kind=type(exc).__name__,
        code="NG999",
        stage=stage,
        record=record,
    )


def clean_document(doc: Document, *, published: dt.date | None = None) -> list[Draft] | ErrorRecord:
    """The cleaned articles of one document, or the error that stopped it."""
    try:
        drafts = split_document(doc, user_published=published)
    except Exception as exc:  # one bad document must not stop the batch
        log.exception("cleaning %s failed", doc.source)
        return error_record(exc, source=doc.source, stage="clean")
    if not drafts:
        return ErrorRecord(
            source=doc.source,
            message="no article text found",
            kind="NoArticleError",
            code="NG106",
            stage="clean",
        )
    return drafts


def annotate(drafts: Iterable[Draft], nlp: Language, settings: Settings) -> Iterator[Result]:
    """Run the NLP pipeline over ``drafts`` in this process (streamed, in batches) and yield an
    :class:`Article` per draft, in order; a draft the pipeline dropped yields an error instead.

    Chunks of drafts run inside a spaCy memory zone, so the vocabulary does not grow with the
    corpus and memory stays flat however many articles go through. (More cores are used by running
    this in several processes, each on its own batches: see :mod:`newsgraph.runner.pool`.)"""
    stream = iter(drafts)
    while chunk := list(islice(stream, settings.batch_size * CHUNK_BATCHES)):
        # the tokenizer caches nothing inside a zone: give it the chunk's words before (bounded)
        warm_tokenizer(nlp, chain((d.text for d in chunk), (c for d in chunk for c in d.captions)))
        with nlp.memory_zone():
            yield from _annotate(chunk, nlp, settings)


#: Batches per memory-zone chunk.
CHUNK_BATCHES = 4


def _annotate(drafts: list[Draft], nlp: Language, settings: Settings) -> Iterator[Result]:
    # the chunk's captions go through the pipeline together, up front
    captions = caption_places(nlp, drafts, settings.batch_size)

    def facts_of(draft: Draft, doc: Doc) -> dict[str, list[dict[str, Any]]]:
        facts = fact_lists(doc)  # the JSON contract, made here and nowhere else
        found = captions.get(id(draft))
        return {**facts, "places": [*facts.get("places", []), *found]} if found else facts

    done = 0
    try:
        docs = nlp.pipe((prepare(nlp, d) for d in drafts), batch_size=settings.batch_size)
        for draft, doc in zip(drafts, docs, strict=False):
            yield Article.from_draft(draft, facts_of(draft, doc), doc_relevance(doc))
            done += 1
    except Exception as exc:  # a component failed on some article of a batch: go one by one
        log.warning("the NLP pipeline failed on a batch (%s); going on one article at a time", exc)
        for draft in drafts[done:]:
            try:
                doc = nlp(prepare(nlp, draft))
            except Exception as one:
                yield ErrorRecord(
                    source=draft.source,
                    message=f"the NLP pipeline failed: {one}",
                    kind="ExtractError",
                    code="NG400",
                    stage="nlp",
                )
                continue
            yield Article.from_draft(draft, facts_of(draft, doc), doc_relevance(doc))


#: Our components a caption goes through: captions are short labels (names and places, no speech,
#: no events), and need no parse either.
_CAPTION_PIPES = ("newsgraph_paragraphs", "newsgraph_entities", "newsgraph_places")
#: Model components a caption skips: the named entities (which have their own token vectors in
#: the small English models) are all the places need.
_CAPTION_SKIP = frozenset({"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"})


def caption_places(
    nlp: Language, drafts: list[Draft], batch_size: int = 64
) -> dict[int, list[dict[str, Any]]]:
    """The places named in the drafts' photo captions ("… in Vientiane, Laos, July 27, 2024"), by
    ``id(draft)``: each carries ``caption`` (its index in ``captions``), and its ``start`` and
    ``end`` are offsets into that caption, not into the text."""
    items = [(id(d), n, c, d.published) for d in drafts for n, c in enumerate(d.captions)]
    if not items or "newsgraph_places" not in nlp.pipe_names:
        return {}
    listeners: list[str] = (
        getattr(nlp.get_pipe("tok2vec"), "listening_components", []) if "tok2vec" in nlp.pipe_names else []
    )
    skip = [
        name
        for name in nlp.pipe_names
        if (name.startswith("newsgraph_") and name not in _CAPTION_PIPES)
        or (name in _CAPTION_SKIP and not (name == "tok2vec" and "ner" in listeners))
    ]
    out: dict[int, list[dict[str, Any]]] = {}
    docs = (
        (prepare_doc(nlp, caption, published=published), (key, n)) for key, n, caption, published in items
    )
    try:
        with nlp.select_pipes(disable=skip):
            for doc, (key, n) in nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
                out.setdefault(key, []).extend({**p.as_json(), "caption": n} for p in doc_places(doc))
    except Exception as exc:  # captions must not cost the articles
        log.warning("the NLP pipeline failed on photo captions: %s", exc)
        return {}
    return out


def prepare(nlp: Language, draft: Draft) -> Doc:
    """The draft as a tokenised doc with its article context (publication date, headings)."""
    return prepare_doc(
        nlp,
        draft.text,
        published=draft.published,
        headings=[(h.start, h.end) for h in draft.headings],
    )


def process_documents(
    documents: Iterable[Document], settings: Settings | None = None, *, for_store: bool = False
) -> list[tuple[list[Article], list[ErrorRecord]]]:
    """The whole pipeline for a batch of documents: for each document, in order, its articles and the
    errors that cleaning or the NLP pipeline met. A pure function of the documents and the settings
    (the spaCy pipeline is loaded once per process), so it runs alike in this process, in a worker
    process of the local runner or on a Dask worker. With ``for_store`` each article also carries
    what the store needs of its text (:func:`store_extras`), worked out here, beside the text."""
    settings = settings or Settings.load()
    nlp = load_pipeline(settings)
    docs = list(documents)
    out: list[tuple[list[Article], list[ErrorRecord]]] = [([], []) for _ in docs]
    slots: list[list[Article | None]] = [[] for _ in docs]  # per document, its articles in order
    owner: list[tuple[int, int]] = []  # per draft sent to the pipeline: its document and slot
    drafts: list[Draft] = []
    for n, doc in enumerate(docs):
        cleaned = clean_document(doc, published=settings.published)
        if isinstance(cleaned, ErrorRecord):
            out[n][1].append(cleaned)
            continue
        for draft in cleaned:
            if not gate_language(draft, doc, settings):  # stored with its text and metadata, no NLP time
                slots[n].append(Article.from_draft(draft, skipped=SKIPPED_LANGUAGE))
            elif len(draft.text) > nlp.max_length:  # spaCy refuses it: stored, and the error says why
                slots[n].append(Article.from_draft(draft))
                out[n][1].append(too_long(draft, nlp.max_length))
            else:
                owner.append((n, len(slots[n])))
                slots[n].append(None)
                drafts.append(draft)
    for (n, slot), result in zip(owner, annotate(drafts, nlp, settings), strict=True):
        if isinstance(result, ErrorRecord):
            out[n][1].append(result)
        else:
            slots[n][slot] = result
    for n, articles in enumerate(slots):
        out[n][0].extend(a for a in articles if a is not None)
    if for_store:
        for found, _ in out:
            store_extras(found)
    collect_garbage(len(drafts))
    return out


#: Articles a process annotates between two full garbage collections (:func:`collect_garbage`).
COLLECT_EVERY = 32
_since_collection = 0


def collect_garbage(n_articles: int) -> None:
    """Count ``n_articles`` more annotated here, and collect once :data:`COLLECT_EVERY` have gone
    by since the last collection. Once a pipeline is loaded, young collections are rare and full
    ones rarer still (extract.pipeline.preload): the reference cycles the batches left behind are
    freed here, so memory stays flat however long the run (peak RSS at 1,000 bench articles / at
    300 went from 1.03 to 1.09 without it). A collection costs ~16 ms however small the batch: a
    Dask task of one 10-article file, or the last small batches of a pool run, would pay it for
    every few articles."""
    global _since_collection
    _since_collection += n_articles
    if _since_collection >= COLLECT_EVERY:
        _since_collection = 0
        gc.collect()


def store_extras(articles: Iterable[Article]) -> None:
    """Give each article its word count and its story sketch (:mod:`newsgraph.resolve.stories`):
    made in the worker that holds the text, they spare the parent (which writes the store and
    links the stories) a pass over every text."""
    from ..resolve.stories import sketch

    for a in articles:
        a.word_count()
        if a.sketch is None:
            a.sketch = sketch(a.id, a.text, a.url)


@dataclass(frozen=True, slots=True)
class ArticleNote:
    """What the process writing the store needs of an article besides its rows: its id, word
    count and story sketch."""

    id: str
    n_words: int
    sketch: Sketch | None

    @classmethod
    def of(cls, article: Article) -> ArticleNote:
        return cls(article.id, article.word_count(), article.sketch)


@dataclass(slots=True)
class Shipped:
    """A batch of documents made ready for the store where it was annotated: per document, in
    order, notes of its articles and the errors it met; the rows of all its articles, in the same
    order (:class:`~newsgraph.store.batches.ArticleTables`)."""

    documents: list[tuple[list[ArticleNote], list[ErrorRecord]]]
    tables: ArticleTables
    #: The articles' full-name ``PERSON`` keys (less ``PERSON:``) parsed, for the speaker map the
    #: parent makes after the last batch (:func:`newsgraph.resolve.names.remember`).
    people: dict[str, PersonName | None] = field(default_factory=dict)

    @classmethod
    def failed(cls, documents: list[Document], message: str) -> Shipped:
        """Every document of the batch failed with ``message`` (``NG400``)."""
        return cls([([], [nlp_error(d, message)]) for d in documents], ArticleTables())


def nlp_error(doc: Document, message: str) -> ErrorRecord:
    """The ``NG400`` error of a document the NLP stage could not annotate."""
    return ErrorRecord(doc.source, message, kind="ExtractError", code="NG400", stage="nlp")


def ship_documents(documents: Iterable[Document], settings: Settings | None = None) -> Shipped:
    """:func:`process_documents` for the store: the articles' rows built here, beside the
    articles, so the process that writes them gets Arrow tables and small notes rather than
    article objects to unpickle and turn into rows."""
    from ..resolve.names import parse

    results = process_documents(documents, settings, for_store=True)
    articles = [a for found, _ in results for a in found]
    notes = [([ArticleNote.of(a) for a in found], errors) for found, errors in results]
    keys = {str(e.get("key", "")) for a in articles for e in a.entities}
    names = {k[len("PERSON:") :] for k in keys if k.startswith("PERSON:") and len(k.split()) > 1}
    return Shipped(notes, ArticleTables.of(articles), {n: parse(n) for n in sorted(names)})


#: ``Article.skipped`` of an article in a language the extractors do not support.
SKIPPED_LANGUAGE = "language"


def gate_language(draft: Draft, doc: Document, settings: Settings) -> bool:
    """Set the draft's language (the document's own when a manifest gave one, else detected) and
    its outlet; whether the extractors should run on it."""
    if doc.language:
        draft.language, draft.language_score = doc.language, 1.0
    else:
        guess = article_language(draft.title, draft.text, min_score=settings.language_min_score)
        draft.language, draft.language_score = guess.language, guess.score
    draft.outlet = draft.outlet or doc.outlet
    return is_supported(draft.language, settings.languages)


def too_long(draft: Draft, limit: int) -> ErrorRecord:
    """The error of an article longer than the NLP pipeline takes: it is stored without facts."""
    error = TextTooLongError(
        f"article of {len(draft.text):,} characters is over the NLP pipeline's limit of {limit:,} "
        "(spaCy's max_length): stored with its text and metadata, without entities, quotes or events"
    )
    return error_record(error, source=draft.source, stage="nlp")


def process_batch(documents: Iterable[Document], settings: Settings | None = None) -> list[Result]:
    """Documents in, articles and errors out: :func:`process_documents` as one flat list.

    >>> from newsgraph.records import Document
    >>> out = process_batch([Document(source="a.txt", text="Title Line Here\\n\\nBody text.", reader="text",
    ...                                kind="dump")])  # doctest: +SKIP
    """
    out: list[Result] = []
    for articles, errors in process_documents(documents, settings):
        out.extend(errors)
        out.extend(articles)
    return out
