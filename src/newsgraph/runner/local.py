"""Run the pipeline in this process: paths in, articles out (``extract``) or into the store
(``ingest``)."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, WorkerStartError
from ..extract.pipeline import check_model, load_pipeline
from ..readers.base import Reader, ReadItem, Source, choose_reader, expand_paths, path_error
from ..records import Document, Draft, ErrorRecord
from ..resolve.names import remember
from ..resolve.stories import Sketch, update_stories
from ..settings import Settings
from ..store.batches import ArticleTables, combine
from ..store.db import DEFAULT_DB, Store, store_files
from .batch import Result, Shipped, clean_document, error_record
from .pool import (
    EARLY_START_BYTES,
    Flow,
    Workers,
    in_worker_start,
    resolve_jobs,
    run_documents,
    ship_batches,
    start_workers,
)
from .progress import Progress

log = logging.getLogger(__name__)

PathLike = str | Path
ErrorCallback = Callable[[ErrorRecord], None]


def iter_documents(
    paths: Iterable[PathLike], settings: Settings, *, skip: Collection[PathLike] = ()
) -> Iterator[Document | ErrorRecord]:
    """Every document of every input, in order; unreadable inputs and records become errors.
    Files of ``skip`` (the store being written, :func:`~newsgraph.store.db.store_files`) are not
    inputs."""
    for item in expand_paths(paths, skip=skip):
        if isinstance(item, InputError):
            yield error_record(item, source=item.source, stage="read")
            continue
        yield from _read_source(item, settings)


def _read_source(source: Source, settings: Settings) -> Iterator[Document | ErrorRecord]:
    yield from with_manifest(
        read_items(
            source.name, lambda: settings_reader(choose_reader(source), settings).read(source, settings)
        ),
        source.name,
        settings,
    )


def with_manifest(
    items: Iterable[Document | ErrorRecord], name: str, settings: Settings
) -> Iterator[Document | ErrorRecord]:
    """``items`` read from the input ``name``, with the rows of the settings' manifest applied."""
    if not settings.manifest:
        yield from items
        return
    from ..readers.manifest import cached_manifest

    yield from cached_manifest(settings.manifest).apply(items, name)


def settings_reader(reader: Reader, settings: Settings) -> Reader:
    """``reader``, or the plain-text reader when the settings ask for raw input (``--raw``)."""
    if settings.raw:
        from ..readers.text import TextReader

        return TextReader()
    return reader


def read_items(name: str, items: Callable[[], Iterable[ReadItem]]) -> Iterator[Document | ErrorRecord]:
    """The documents a reader gives for the input ``name`` (``items`` starts the reading); its
    broken records, an unreadable input and a reader's own bug become errors (stage ``read``), and
    the run goes on."""
    try:
        for item in items():
            if isinstance(item, InputError):
                yield error_record(item, source=name, stage="read")
            else:
                yield item
    except InputError as exc:
        yield error_record(exc, source=name, stage="read")
    except OSError as exc:  # the file went away or could not be read while it was read
        yield error_record(path_error(exc, name), source=name, stage="read")
    except Exception as exc:  # a reader bug must not end the run
        log.exception("reading %s failed", name)
        yield error_record(exc, source=name, stage="read")


def iter_drafts(paths: Iterable[PathLike], settings: Settings | None = None) -> Iterator[Draft | ErrorRecord]:
    """Cleaned articles (before NLP) of every input, in this process."""
    settings = settings or Settings.load()
    for doc in iter_documents(paths, settings):
        cleaned = doc if isinstance(doc, ErrorRecord) else clean_document(doc, published=settings.published)
        if isinstance(cleaned, ErrorRecord):
            yield cleaned
        else:
            yield from cleaned


def extract(paths: Iterable[PathLike], settings: Settings | None = None) -> Iterator[Result]:
    """Articles with their facts from ``paths``, and an :class:`ErrorRecord` for each failure, in
    input order; ``settings.jobs`` worker processes (0: every usable core) share the work."""
    settings = settings or Settings.load()
    jobs = _ready(settings)
    errors: list[ErrorRecord] = []

    def documents() -> Iterator[Document]:
        for item in iter_documents(paths, settings):
            if isinstance(item, ErrorRecord):
                errors.append(item)
            else:
                yield item

    for _, articles, failed in run_documents(documents(), settings, jobs):
        while errors:
            yield errors.pop(0)
        yield from failed
        yield from articles
    yield from errors


def _check_manifest(settings: Settings) -> None:
    """A bad manifest stops the run here, before the store is touched (NG204)."""
    if settings.manifest:
        from ..readers.manifest import cached_manifest

        cached_manifest(settings.manifest)


def _ready(settings: Settings) -> int:
    """The worker processes to use; a missing model fails here, before any input is read or the
    store is touched (loaded here when this process does the work, else only looked up)."""
    if in_worker_start():
        raise WorkerStartError(
            "newsgraph was called while a worker process was starting: a script that runs newsgraph "
            'on several cores must call it under `if __name__ == "__main__":`'
        )
    _check_manifest(settings)
    jobs = resolve_jobs(settings.jobs)
    if jobs == 1:
        load_pipeline(settings)
    else:
        check_model(settings)
    return jobs


@dataclass(slots=True)
class IngestReport:
    """What one ``ingest`` run did."""

    db: str
    run_id: int = 0
    n_documents: int = 0
    n_articles: int = 0
    n_skipped: int = 0
    n_duplicates: int = 0
    #: Articles stored by the run that copy an earlier article (near or exact; docs/stories.md).
    n_copies: int = 0
    n_errors: int = 0
    words: int = 0
    seconds: float = 0.0
    tables: dict[str, int] = field(default_factory=dict)
    errors: list[ErrorRecord] = field(default_factory=list)
    #: New articles the extractors skipped, per language (not a supported language).
    skipped_languages: dict[str, int] = field(default_factory=dict)
    #: New articles with a title and no body (headline-only feed items).
    n_title_only: int = 0

    @property
    def n_language_skipped(self) -> int:
        return sum(self.skipped_languages.values())

    def count_run(self, store: Store) -> None:
        """Fill in what the store tells of this run: table sizes, articles skipped by language."""
        self.tables = store.stats()
        self.skipped_languages = store.languages(run_id=self.run_id, skipped=True)
        self.n_title_only = store.title_only(run_id=self.run_id)

    @property
    def ok(self) -> bool:
        return self.n_errors == 0

    def add_error(self, err: ErrorRecord, on_error: ErrorCallback | None = None) -> None:
        """Count ``err`` (the first 1,000 are kept) and pass it to ``on_error``."""
        self.n_errors += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(err)
        if on_error:
            on_error(err)


#: Errors an :class:`IngestReport` keeps (all are counted, and stored in the store's ``errors``).
MAX_REPORTED_ERRORS = 1000


class _Batcher:
    """Collects finished batches of documents, with their articles' rows, and writes them
    several batches to a transaction (:data:`COMMIT_BATCHES`, :data:`COMMIT_SECONDS`)."""

    def __init__(
        self,
        store: Store,
        run_id: int,
        batch_size: int,
        report: IngestReport,
        known_articles: set[str],
        on_error: ErrorCallback | None,
    ) -> None:
        self.store, self.run_id, self.report = store, run_id, report
        self.commit_articles = max(1, batch_size) * COMMIT_BATCHES
        self.known_articles = known_articles
        self.on_error = on_error
        self.documents: list[tuple[Document, int]] = []
        self.rows: list[ArticleTables] = []
        self.n_pending = 0  # articles in ``rows``
        self.errors: list[ErrorRecord] = []
        self.sketches: list[Sketch] = []  # of stored articles not linked to their stories yet
        self.pending_sketches: list[Sketch] = []  # of the articles in ``rows``
        self.committed = time.monotonic()

    def error(self, err: ErrorRecord) -> None:
        self.errors.append(err)
        self.report.add_error(err, self.on_error)

    def batch_done(self, documents: list[Document], shipped: Shipped, *, spare: bool = False) -> None:
        """Take a batch the workers finished: its documents, in order, with their errors and the
        notes of their articles, and its articles' rows (less those already stored). ``spare``:
        a worker has no work left (the input is all given out), so the batch is written, linked and
        clustered now, on the core that would wait, rather than after the last batch while every
        other core waits."""
        kept: list[bool] = []  # per article of the batch, in order
        for doc, (notes, errors) in zip(documents, shipped.documents, strict=True):
            for err in errors:
                self.error(err)
            if not notes:
                continue
            self.documents.append((doc, len(notes)))
            self.report.n_documents += 1
            for note in notes:
                fresh = note.id not in self.known_articles
                kept.append(fresh)
                if not fresh:
                    self.report.n_duplicates += 1
                    continue
                self.known_articles.add(note.id)
                self.report.n_articles += 1
                self.report.words += note.n_words
                if note.sketch is not None:
                    self.pending_sketches.append(note.sketch)
        remember(shipped.people)  # for the speaker map of the clusters, after the last batch
        tables = shipped.tables.keep(kept)
        if tables.n_articles:
            self.rows.append(tables)
            self.n_pending += tables.n_articles
        if spare:
            self.flush(final=True)
        elif self.n_pending >= self.commit_articles or time.monotonic() - self.committed >= COMMIT_SECONDS:
            self.flush()

    def flush(self, final: bool = False) -> None:
        if self.documents or self.rows or self.errors:
            self.store.write(
                documents=self.documents,
                errors=self.errors,
                run_id=self.run_id,
                rows=combine(self.rows, self.run_id),
            )
            self.committed = time.monotonic()
        self.sketches.extend(self.pending_sketches)
        if self.sketches and (final or len(self.sketches) >= LINK_EVERY):
            # linked to their stories with the sketches the workers made, in the order stored
            self.report.n_copies += link_stories(self.store, self.sketches)
            self.sketches = []
            if not final:  # DuckDB gives back what it held for the writes so far (Store.reopen)
                self.store.reopen()
        self.documents, self.rows, self.errors, self.pending_sketches = [], [], [], []
        self.n_pending = 0


#: Batches written in one transaction: a transaction has a fixed cost (about 35 ms of CPU for
#: its eight statements and commit, measured on the bench corpus), which the parent of a run on
#: every core takes from the workers. A run killed loses at most these batches' work (the next
#: run does it again); ``COMMIT_SECONDS`` after the last commit, the batches held are written
#: whatever their number, so a slow run loses little.
COMMIT_BATCHES = 4
COMMIT_SECONDS = 30.0
#: Stored articles linked to their stories (and their facts clustered) at a time: each linking
#: has a fixed cost (a few queries, ~50 ms of CPU), so it waits for several batches (the sketches
#: held meanwhile are about 1 KB each). The store is then opened again (:meth:`Store.reopen`), so
#: what DuckDB holds for its writes stays that of one such stretch however long the run.
LINK_EVERY = 512


def _input_bytes(paths: Iterable[PathLike], least: int) -> bool:
    """Whether the files under ``paths`` (standard input not counted) hold ``least`` bytes or
    more; listing stops there."""
    total = 0
    for path in paths:
        if os.fspath(path) == "-":
            continue
        for item in expand_paths([path]):
            if isinstance(item, Source):
                with contextlib.suppress(OSError):
                    total += item.size()
                if total >= least:
                    return True
    return False


def link_stories(store: Store, sketches: list[Sketch] | None = None) -> int:
    """Stored articles linked to the stories they copy (those of ``sketches``, made by the workers
    in the order stored; else every article not linked yet, from its stored text), then the events
    and quotes of every stored article clustered (docs/stories.md); returns the copies found.

    A run does it every :data:`LINK_EVERY` articles it writes, with its workers' sketches, and
    once more at its end: the clustering of a long run is spread over it, only the last
    articles' is left to its end (on every core, one process's work while the other cores wait),
    and the mentions it holds in memory stay as few as one linking's. The clusters come out the
    same whenever it is done (:func:`~newsgraph.resolve.clusters.update_clusters` makes again every
    cluster a new mention can join)."""
    from ..resolve.clusters import update_clusters

    copies = update_stories(store, sketches)
    update_clusters(store)
    return copies


def ingest(
    paths: Iterable[PathLike],
    db: PathLike = DEFAULT_DB,
    settings: Settings | None = None,
    *,
    progress: bool = False,
    on_error: ErrorCallback | None = None,
    command: str = "ingest",
) -> IngestReport:
    """Read, clean, annotate and store every input under ``paths`` in the database ``db``.

    Documents already stored (same content hash) are skipped before any work; each batch is one
    transaction, so an interrupted run keeps what it committed and the next run carries on."""
    settings = settings or Settings.load()
    paths = list(paths)
    started = time.perf_counter()
    jobs = _ready(settings)
    # a large input is worth a pool: its workers load their pipelines while the store opens
    workers = start_workers(settings, jobs) if jobs > 1 and _input_bytes(paths, EARLY_START_BYTES) else None
    try:
        return _ingest(paths, db, settings, jobs, workers, progress, on_error, command, started)
    finally:
        if workers is not None:  # the run is over (or failed before it used them)
            workers[0].shutdown(wait=True, cancel_futures=True)


def _ingest(
    paths: list[PathLike],
    db: PathLike,
    settings: Settings,
    jobs: int,
    workers: Workers | None,
    progress: bool,
    on_error: ErrorCallback | None,
    command: str,
    started: float,
) -> IngestReport:
    with Store(db, memory_limit=settings.store_memory_limit) as store:
        report = IngestReport(db=str(db))
        run_id = store.start_run(command)
        report.run_id = run_id
        # articles an interrupted run stored without linking them come first, as they were stored
        report.n_copies = update_stories(store)
        seen_docs = store.known_documents()
        batcher = _Batcher(store, run_id, settings.batch_size, report, store.known_articles(), on_error)

        def documents() -> Iterator[Document]:
            for item in iter_documents(paths, settings, skip=store_files(db)):
                if isinstance(item, ErrorRecord):
                    batcher.error(item)
                elif item.raw_hash in seen_docs:
                    report.n_skipped += 1
                else:
                    seen_docs.add(item.raw_hash)
                    yield item

        with Progress(progress) as bar:
            flow = Flow()
            for batch, shipped in ship_batches(documents(), settings, jobs, workers=workers, flow=flow):
                batcher.batch_done(batch, shipped, spare=flow.spare)
                bar.update(report)
            batcher.flush(final=True)
            bar.update(report, force=True)
        report.n_copies += link_stories(store)
        report.seconds = time.perf_counter() - started
        store.finish_run(run_id, n_articles=report.n_articles, n_errors=report.n_errors)
        report.count_run(store)
    return report
