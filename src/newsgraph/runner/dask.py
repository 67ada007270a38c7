"""Run ``ingest`` on a Dask cluster: a LocalCluster on this machine's cores, or any scheduler by
address (Kubernetes, SLURM, a shared server).

The inputs are cut into partitions (:mod:`.partitions`), each worker turns its partition into a
Parquet shard (:mod:`.shards`), and this process loads the shards into the DuckDB store in
partition order, as they finish. A partition already loaded is not read again, a shard already
written is not computed again: a run killed at any point and started again carries on, and ends
with the store one uninterrupted run (or the local runner) gives. See ``docs/scale.md``."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError
from ..records import ErrorRecord
from ..settings import Settings
from ..store.db import DEFAULT_DB, Store, store_files
from .batch import error_record
from .local import ErrorCallback, IngestReport, PathLike, link_stories
from .partitions import PARTITION_BYTES, Partition, count_range, plan
from .pool import usable_cores
from .progress import Progress
from .shards import SHARD_SUFFIX, ShardLoader, ShardSummary, compute_shard, remove_shard, shard_path

log = logging.getLogger(__name__)

#: Most shards loaded in one transaction (when several are ready at once).
LOAD_GROUP = 32
#: While shards are still being computed, load once this many consecutive ones are ready, or
#: LOAD_EVERY seconds after the last load, whichever comes first.
LOAD_MIN = 8
LOAD_EVERY = 2.0
#: Dask settings for a LocalCluster: its diagnostics (a stack sample every 10 ms, an event-loop
#: tick every 20 ms) wake each worker's event loop, which then takes the GIL from the NLP; relaxed,
#: a worker measured 4-10% less CPU for the same partitions.
LOCAL_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.profile.interval": "1s",
    "distributed.admin.tick.interval": "1s",
}
#: Called once the cluster is up, with the scheduler's address and the dashboard's (or None).
ClusterCallback = Callable[[str, str | None], None]


def require_dask() -> None:
    """Raise :class:`MissingExtraError` unless dask.distributed can be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise MissingExtraError(
            "--dask needs dask.distributed, which is not installed: pip install newsgraph[dask]"
        ) from None


def _distributed() -> Any:
    """The ``distributed`` module (untyped for mypy: its API is used through ``Any``)."""
    require_dask()
    return importlib.import_module("distributed")


def default_workers() -> int:
    """The cores this process may run on."""
    return usable_cores()


def shard_dir_for(db: PathLike) -> Path:
    """Where shards go by default: ``<db>.shards`` beside the database."""
    return Path(f"{db}.shards")


def ingest_dask(
    paths: Iterable[PathLike],
    db: PathLike = DEFAULT_DB,
    settings: Settings | None = None,
    *,
    address: str | None = None,
    n_workers: int | None = None,
    partition_bytes: int = PARTITION_BYTES,
    shard_dir: PathLike | None = None,
    keep_shards: bool = False,
    progress: bool = False,
    on_error: ErrorCallback | None = None,
    on_cluster: ClusterCallback | None = None,
    command: str = "ingest --dask",
) -> IngestReport:
    """Ingest ``paths`` into the store ``db`` on Dask: on the scheduler at ``address``, or on a
    LocalCluster of ``n_workers`` processes (default: every usable core) with one thread each.

    Shards go to ``shard_dir`` (default ``<db>.shards``; with a remote scheduler it must be a
    folder the workers and this process share) and are deleted once loaded unless
    ``keep_shards``. The report counts what this run added, as :func:`.local.ingest` does."""
    require_dask()
    settings = settings or Settings.load()
    started = time.perf_counter()
    shards = Path(shard_dir) if shard_dir is not None else shard_dir_for(db)
    parts = plan(list(paths), settings, partition_bytes=partition_bytes, skip=(*store_files(db), shards))
    with Store(db, memory_limit=settings.store_memory_limit) as store:
        report = IngestReport(db=str(db))
        run_id = store.start_run(command)
        report.run_id = run_id
        loader = ShardLoader(store, run_id)
        _clean_stale(shards, parts, loader.loaded, keep_shards)
        todo = [p for p in parts if p.key not in loader.loaded]
        # what a partition loaded by an earlier run failed on is reported again, not stored
        # again: the local runner, which reads such documents again, reports them again too
        for err in recorded_errors(store, [p.key for p in parts if p.key in loader.loaded]):
            report.add_error(err, on_error)
        ready: dict[int, str | BaseException | None] = {}
        compute: list[Partition] = []
        for part in todo:
            if part.error is not None:
                ready[part.index] = None
            elif shard_path(shards, part.key).exists():
                ready[part.index] = str(shard_path(shards, part.key))
            else:
                compute.append(part)
        cursor = 0

        def error(err: ErrorRecord) -> None:
            report.add_error(err, on_error)

        last_load = time.monotonic()

        def drain(force: bool = True) -> None:
            """Load every finished shard whose predecessors are all loaded: runs of consecutive
            shards in one transaction each (at most LOAD_GROUP shards). Unless ``force``, wait until
            LOAD_MIN shards are ready or LOAD_EVERY seconds have passed: a transaction costs the
            client about as much as a small shard's rows."""
            nonlocal cursor, last_load
            if not force and time.monotonic() - last_load < LOAD_EVERY:
                run = 0
                while cursor + run < len(todo) and todo[cursor + run].index in ready:
                    run += 1
                if run < LOAD_MIN:
                    return
            last_load = time.monotonic()
            while cursor < len(todo) and todo[cursor].index in ready:
                group: list[tuple[Partition, str | None]] = []
                while cursor < len(todo) and todo[cursor].index in ready and len(group) < LOAD_GROUP:
                    part = todo[cursor]
                    got = ready[part.index]
                    if isinstance(got, BaseException):
                        if not group:  # not marked: the next run tries again
                            del ready[part.index]
                            cursor += 1
                            err = error_record(got, source=part.describe(), stage="dask")
                            store.write(errors=[err], run_id=run_id)
                            error(err)
                        break
                    del ready[part.index]
                    cursor += 1
                    group.append((part, got))
                if not group:
                    continue
                for loaded in loader.load_many(list(group)):
                    report.n_documents += loaded.n_documents
                    report.n_articles += loaded.n_articles
                    report.n_skipped += loaded.n_skipped
                    report.n_duplicates += loaded.n_duplicates
                    report.words += loaded.words
                    for err in loaded.errors:
                        error(err)
                if not keep_shards:
                    for _, got in group:
                        if got is not None:
                            remove_shard(got)
                bar.update(report, cursor + len(parts) - len(todo))

        with Progress(progress, total=len(parts)) as bar:
            bar.update(report, len(parts) - len(todo))
            drain()
            if compute:
                with _client(address, n_workers, on_cluster) as client:
                    futures = _submit(client, parts, compute, settings, shards)
                    for future in _distributed().as_completed(list(futures)):
                        part = futures[future]
                        try:
                            summary: ShardSummary = future.result()
                            ready[part.index] = summary.path
                        except Exception as exc:
                            log.error("partition %s failed: %s", part.describe(), exc)
                            ready[part.index] = exc
                        drain(force=False)
            drain()
            bar.update(report, len(parts), force=True)
        loader.finish()
        report.n_copies = loader.n_copies + link_stories(store)
        report.seconds = time.perf_counter() - started
        store.finish_run(run_id, n_articles=report.n_articles, n_errors=report.n_errors)
        report.count_run(store)
    return report


def recorded_errors(store: Store, keys: list[str]) -> list[ErrorRecord]:
    """The errors recorded for the partitions ``keys`` when they were loaded (each source and run
    once: byte ranges of one file loaded by one run share its errors)."""
    if not keys:
        return []
    rows = store.con.execute(
        "SELECT DISTINCT e.source, e.message, e.kind, e.code, e.stage, e.record, e.rowid FROM errors e "
        "JOIN (SELECT DISTINCT source, run_id FROM dask_partitions "
        "      WHERE key IN (SELECT unnest(?)) AND n_errors > 0) p "
        "ON p.source = e.source AND p.run_id BETWEEN coalesce(e.first_run, e.run_id) AND e.run_id "
        "ORDER BY e.rowid",
        [keys],
    ).fetchall()
    return [
        ErrorRecord(source=r[0], message=r[1], kind=r[2], code=r[3], stage=r[4], record=r[5]) for r in rows
    ]


def _clean_stale(shards: Path, parts: list[Partition], loaded: set[str], keep: bool) -> None:
    """Remove half-written shards of these partitions, and (unless ``keep``) the shards of
    partitions already loaded (left by a run killed between loading and deleting)."""
    if not shards.is_dir():
        return
    keys = {p.key for p in parts}
    for path in shards.iterdir():
        name = path.name
        half_written = name.startswith(".") and name.endswith(".tmp") and name[1:].split(".")[0] in keys
        stem = name.removesuffix(SHARD_SUFFIX)
        done = not keep and name.endswith(SHARD_SUFFIX) and stem in loaded and stem in keys
        if half_written or done:
            remove_shard(path)


def _submit(
    client: Any, parts: list[Partition], compute: list[Partition], settings: Settings, shards: Path
) -> dict[Any, Partition]:
    """Submit a task per partition to compute, earlier partitions first; a byte range of a JSON
    Lines file also gets the line counts of the ranges before it (counted by tasks of their own)."""
    n = len(parts)
    counts: dict[str, Any] = {}  # partition key -> future of count_range
    futures: dict[Any, Partition] = {}
    for part in compute:
        before: list[Any] = []
        if part.is_range:
            for other in parts[: part.index]:
                if other.group == part.group:
                    if other.key not in counts:
                        counts[other.key] = client.submit(
                            count_range, other, key=f"newsgraph-count-{other.key}", priority=n + 1
                        )
                    before.append(counts[other.key])
        future = client.submit(
            compute_shard,
            part,
            settings,
            str(shards.resolve()),
            before,
            key=f"newsgraph-shard-{part.key}",
            priority=n - part.index,
            retries=1,
        )
        futures[future] = part
    return futures


@contextmanager
def _client(address: str | None, n_workers: int | None, on_cluster: ClusterCallback | None) -> Iterator[Any]:
    """A distributed Client: connected to ``address``, or to a new LocalCluster on loopback."""
    dd = _distributed()
    if address:
        with dd.Client(address) as client:
            _announce(client, on_cluster)
            yield client
        return
    with (
        importlib.import_module("dask").config.set(LOCAL_CONFIG),
        dd.LocalCluster(
            n_workers=n_workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        ) as cluster,
        dd.Client(cluster) as client,
    ):
        _announce(client, on_cluster, local=True)
        yield client


def _announce(client: Any, on_cluster: ClusterCallback | None, *, local: bool = False) -> None:
    services = client.scheduler_info().get("services", {})
    dashboard = client.dashboard_link if "dashboard" in services else None
    if local and importlib.util.find_spec("bokeh") is None:
        dashboard = None  # the page would only say that the dashboard needs bokeh
    address = str(client.scheduler.address)
    log.info("dask scheduler %s, dashboard %s", address, dashboard or "not running (install bokeh)")
    if on_cluster:
        on_cluster(address, dashboard)
