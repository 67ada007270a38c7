"""Every core of this machine: batches of documents through :func:`~newsgraph.runner.batch.process_documents`
in worker processes, results in input order, a bounded number of batches in flight.

Each worker loads the spaCy pipeline once, then runs the same pure batch function as the
one-process runner and the Dask runner: reading, cleaning, the NLP pipeline, photo captions and
every other side pass happen inside the worker, and only finished articles come back. The parent
reads the input lazily, so memory stays bounded however long the input is."""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, TypeVar

from ..errors import WorkerStartError
from ..records import Article, Document, ErrorRecord
from ..settings import Settings
from .batch import Shipped, process_documents, ship_documents

log = logging.getLogger(__name__)

#: What the pool yields per document: the document, its articles and the errors it met.
DocumentResult = tuple[Document, list[Article], list[ErrorRecord]]

#: Characters of article text per batch sent to a worker (about as many articles as
#: ``batch_size`` of 2,500 characters each), and the batches kept in flight per worker.
CHARS_PER_ARTICLE = 2500
IN_FLIGHT_PER_WORKER = 2
#: A worker's batch is this share of ``batch_size``, as one process's (:data:`ONE_PROCESS_SHARE`):
#: each batch has fixed costs (a garbage collection, ~16 ms, spaCy's batch set-up, the results
#: pickled), and the last batches of a run are cut finer anyway (:data:`TAIL_SHARE`). With a
#: quarter (16 bench articles) the all-cores run of bench/ingest.py took 68.2 CPU s (35.0 s),
#: with half 66.3 (34.1 s); the largest worker's peak RSS went from 606 to 689 MB.
POOL_SHARE = 2
#: One process's batch is this share of ``batch_size``. A batch goes through spaCy as one batch,
#: and the model's layers keep their intermediate arrays of the whole batch while it runs (about
#: 11 KB per token with the small English models): with 64 articles of the bench corpus that is
#: ~450 MB on top of ~540 MB held, the largest part of the process's peak, and where in the heap
#: those arrays land varies from batch to batch by tens of MB, so the peak of a longer run was the
#: highest of more draws. Half the batch halves that (peak 902 -> 671 MB over the same 240
#: articles) at no measured CPU cost (bench/README.md).
ONE_PROCESS_SHARE = 2


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int) -> int:
    """``jobs`` worker processes, ``0`` meaning every usable core."""
    return usable_cores() if jobs <= 0 else jobs


def document_batches(
    documents: Iterable[Document], settings: Settings, *, share: int = 1
) -> Iterator[list[Document]]:
    """``documents`` in batches of about ``batch_size / share`` articles' worth of text (whole
    documents; a document is never split)."""
    most = max(1, settings.batch_size // share)
    limit = most * CHARS_PER_ARTICLE
    batch: list[Document] = []
    size = 0
    for doc in documents:
        batch.append(doc)
        size += len(doc.text)
        if size >= limit or len(batch) >= most:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _finer_tail(batches: Iterable[list[Document]], settings: Settings, hold: int) -> Iterator[list[Document]]:
    """``batches``, with the documents of the last ``hold`` cut into batches :data:`TAIL_SHARE`
    times smaller: the workers take batches as they come free, so at the end of the input the
    one still on a whole batch keeps the others idle for up to that batch's time; with small
    batches last, they finish nearly together. (The batches are read ``hold`` ahead to know
    which are the last.)"""
    held: deque[list[Document]] = deque()
    for batch in batches:
        held.append(batch)
        if len(held) > hold:
            yield held.popleft()
    rest = [doc for batch in held for doc in batch]
    yield from document_batches(rest, settings, share=POOL_SHARE * TAIL_SHARE)


#: How much smaller than the others the last batches of a run on several workers are.
TAIL_SHARE = 4


#: The settings a worker process was started with (set by :func:`_init_worker`).
_WORKER_SETTINGS: Settings | None = None


def _init_worker(settings: Settings, parent: int, started: Any) -> None:
    """Load the pipeline once, when the worker starts (not inside the first batch's time), say so
    (``started``, an event), and end the worker when its parent is gone (killed with ``kill -9``,
    say): a worker blocked on the pool's queue would otherwise wait, and hold its memory, for ever."""
    global _WORKER_SETTINGS
    from ..extract.pipeline import load_pipeline

    threading.Thread(target=_exit_with_parent, args=(parent,), name="parent-watch", daemon=True).start()

    logging.basicConfig(level=logging.WARNING)
    load_pipeline(settings)
    _WORKER_SETTINGS = settings
    started.set()


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _run_batch(documents: list[Document]) -> BatchResults:
    assert _WORKER_SETTINGS is not None, "worker not initialised"
    return process_documents(documents, _WORKER_SETTINGS)


def _ship_batch(documents: list[Document]) -> Shipped:
    assert _WORKER_SETTINGS is not None, "worker not initialised"
    return ship_documents(documents, _WORKER_SETTINGS)


BatchResults = list[tuple[list[Article], list[ErrorRecord]]]
#: What a batch function gives for a batch of documents.
Out = TypeVar("Out")


def run_documents(
    documents: Iterable[Document],
    settings: Settings,
    jobs: int,
    *,
    worker: Callable[[list[Document]], BatchResults] | None = None,
) -> Iterator[DocumentResult]:
    """Every document with its articles and errors, in input order, computed by ``jobs`` processes.

    With one job, or when the whole input fits in one batch, everything runs in this process (no
    worker start-up cost). A worker that dies (killed, out of memory) costs only the document it
    was on: the documents in flight are retried one at a time on a fresh pool, and the one that
    kills its worker again gets an ``NG400`` error. ``worker`` replaces the
    function the workers run (a module-level function; tests use it to kill a worker)."""
    here = functools.partial(process_documents, settings=settings)
    for batch, results in run_batches(documents, settings, jobs, here, worker or _run_batch, _failed):
        yield from _zip(batch, results)


@dataclass(slots=True)
class Flow:
    """How a run on several workers stands, for the code that takes its results."""

    #: True once every batch is given out and a worker has none left to run: work done in this
    #: process now takes a core that would otherwise wait.
    spare: bool = False


def ship_batches(
    documents: Iterable[Document],
    settings: Settings,
    jobs: int,
    *,
    worker: Callable[[list[Document]], Shipped] | None = None,
    workers: Workers | None = None,
    flow: Flow | None = None,
) -> Iterator[tuple[list[Document], Shipped]]:
    """Batches of ``documents``, in input order, each with what the store needs of it
    (:func:`~newsgraph.runner.batch.ship_documents`: the rows of its articles built by the
    worker that annotated them), computed as :func:`run_documents` computes; ``workers``: a pool
    started earlier (:func:`start_workers`), used (or shut down) here; ``flow`` is kept up to
    date as the batches are yielded."""
    here = functools.partial(ship_documents, settings=settings)
    yield from run_batches(
        documents, settings, jobs, here, worker or _ship_batch, Shipped.failed, workers=workers, flow=flow
    )


#: A pool of workers and the event its first worker sets when it has started.
Workers = tuple[ProcessPoolExecutor, Any]


def start_workers(settings: Settings, jobs: int) -> Workers:
    """A pool of ``jobs`` workers that start (and load their pipelines) now, while this process
    still opens the store and reads the first input: a spawned pool starts its processes only
    when it is given its first task, so it is given one that does nothing."""
    pool, started = _pool(settings, jobs)
    pool.submit(_nothing)
    return pool, started


def _nothing() -> None:
    return None


#: Bytes of input from which :func:`~newsgraph.runner.local.ingest` starts its workers before it
#: reads the input: far more than the two batches below which it runs in one process (a smaller
#: input is read first, and the pool started only when it holds two batches).
EARLY_START_BYTES = 1 << 20


def run_batches(
    documents: Iterable[Document],
    settings: Settings,
    jobs: int,
    here: Callable[[list[Document]], Out],
    worker: Callable[[list[Document]], Out],
    failed: Callable[[list[Document], str], Out],
    *,
    workers: Workers | None = None,
    flow: Flow | None = None,
) -> Iterator[tuple[list[Document], Out]]:
    """Batches of ``documents`` with what the batch function gave for each, in input order:
    ``here`` in this process (one job, or one batch in all), else ``worker`` (a module-level
    function) in ``jobs`` worker processes; ``failed`` is the result of documents whose worker
    died with them. ``flow`` (on several workers) says, as each batch is yielded, whether a
    worker is left without work."""
    flow = flow if flow is not None else Flow()
    batches = document_batches(documents, settings, share=ONE_PROCESS_SHARE if jobs <= 1 else POOL_SHARE)
    head = list(islice(batches, 2)) if jobs > 1 else []
    if jobs <= 1 or len(head) < 2:  # with one batch, a pool would only add start-up time
        if workers is not None:  # (waited for: a worker let go while it starts says so loudly)
            workers[0].shutdown(wait=True, cancel_futures=True)
        for batch in chain(head, batches):
            yield batch, here(batch)
        return
    stream = _finer_tail(chain(head, batches), settings, hold=jobs)
    window = jobs * IN_FLIGHT_PER_WORKER
    pool, started = workers or _pool(settings, jobs)
    pending: deque[tuple[list[Document], Future[Out]]] = deque()
    suspects: list[Document] = []  # documents in flight when a worker died, to retry one at a time
    try:
        while True:
            if suspects:  # alone in the pool, a document that kills its worker is unambiguous
                one = [suspects.pop(0)]
                try:
                    yield one, pool.submit(worker, one).result()
                except BrokenProcessPool as exc:
                    _check_started(started, exc)
                    yield one, failed(one, "a worker process died while annotating this document")
                    pool, started = _renew(pool, settings, jobs)
                continue
            broken: BrokenProcessPool | None = None
            while len(pending) < window:
                more = next(stream, None)
                if more is None:
                    break
                try:
                    pending.append((more, pool.submit(worker, more)))
                except BrokenProcessPool as exc:  # a worker died before its future said so
                    dead: Future[Out] = Future()
                    dead.set_exception(exc)
                    pending.append((more, dead))
                    broken = exc
                    break
            if not pending:
                return
            exhausted = len(pending) < window  # the loop above found no more input
            batch, future = pending.popleft()
            try:
                if broken is not None and not future.done():
                    raise broken
                results = future.result()
            except BrokenProcessPool as exc:
                _check_started(started, exc)
                # every batch in flight died with the pool: retry their documents one at a time
                log.warning("a worker process died (%s); retrying its documents one at a time", exc)
                suspects = [d for b in (batch, *(b for b, _ in pending)) for d in b]
                pending.clear()
                pool, started = _renew(pool, settings, jobs)
                continue
            flow.spare = exhausted and len(pending) < jobs
            yield batch, results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _check_started(started: Any, exc: BaseException) -> None:
    """A pool none of whose workers got through start-up cannot do the work: stop with the reason
    rather than fail every document one by one."""
    if not started.is_set():
        raise WorkerStartError(
            "the worker processes could not start "
            f'({exc}). From a Python script, call newsgraph under `if __name__ == "__main__":` '
            "(each worker imports the script again), or pass jobs=1 (--jobs 1)"
        ) from exc


def _renew(pool: ProcessPoolExecutor, settings: Settings, jobs: int) -> tuple[ProcessPoolExecutor, Any]:
    pool.shutdown(wait=False, cancel_futures=True)
    return _pool(settings, jobs)


def _pool(settings: Settings, jobs: int) -> tuple[ProcessPoolExecutor, Any]:
    """A pool of ``jobs`` workers and the event its first worker sets when it has started."""
    # spawn: workers start clean (no inherited DuckDB connection, threads or locks of the parent)
    ctx = _QuietSpawnContext()
    started = ctx.Event()
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(settings, os.getpid(), started),
    )
    return pool, started


class _QuietSpawnProcess(multiprocessing.get_context("spawn").Process):  # type: ignore[misc]
    """A spawned worker that ignores Ctrl-C (SIGINT, sent to the whole process group): the parent
    stops the run and reports it on one line, without a traceback from every worker."""

    def start(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return super().start()  # type: ignore[no-any-return]
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # inherited by the new process
        try:
            return super().start()  # type: ignore[no-any-return]
        finally:
            signal.signal(signal.SIGINT, previous)


class _QuietSpawnContext(type(multiprocessing.get_context("spawn"))):  # type: ignore[misc]
    Process = _QuietSpawnProcess


def in_worker_start() -> bool:
    """True while this process is a worker being started that imports the parent's main script
    again: a newsgraph run called there (not under ``if __name__ == "__main__":``) must not go on."""
    return bool(getattr(multiprocessing.current_process(), "_inheriting", False))


def _zip(batch: list[Document], results: BatchResults) -> Iterator[DocumentResult]:
    for doc, (articles, errors) in zip(batch, results, strict=True):
        yield doc, articles, errors


def _failed(batch: list[Document], message: str) -> BatchResults:
    return [
        ([], [ErrorRecord(doc.source, message, kind="ExtractError", code="NG400", stage="nlp")])
        for doc in batch
    ]
