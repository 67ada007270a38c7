"""Every core: the worker pool gives exactly what one process gives, in order, and survives a dead
worker."""

from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from newsgraph.records import Document
from newsgraph.runner import local
from newsgraph.runner.batch import process_documents
from newsgraph.runner.local import extract, ingest
from newsgraph.runner.pool import (
    ONE_PROCESS_SHARE,
    POOL_SHARE,
    TAIL_SHARE,
    _finer_tail,
    document_batches,
    resolve_jobs,
    run_batches,
    run_documents,
    usable_cores,
)
from newsgraph.settings import Settings
from newsgraph.testing.compare import store_rows

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _doc(n: int, text: str | None = None) -> Document:
    body = text or (
        f"Report {n} Heading Line\n\nThe council of district {n} said on Tuesday that {n + 10} families "
        "had been moved after the floods."
    )
    return Document(source=f"d{n}.txt", text=body, reader="text", kind="dump")


def test_batches_keep_every_document_once_in_order() -> None:
    docs = [_doc(n) for n in range(23)]
    batches = list(document_batches(docs, Settings(batch_size=4)))
    assert [d.source for b in batches for d in b] == [d.source for d in docs]
    assert all(1 <= len(b) <= 4 for b in batches)
    assert len(batches) == 6


def test_batches_are_cut_by_text_size_too() -> None:
    big = [_doc(n, "word " * 100_000) for n in range(3)]  # 500,000 characters each
    assert [len(b) for b in document_batches(big, Settings(batch_size=64))] == [1, 1, 1]


def test_the_last_batches_of_a_pool_run_are_cut_finer() -> None:
    settings = Settings(batch_size=32)
    per, fine = 32 // POOL_SHARE, 32 // (POOL_SHARE * TAIL_SHARE)
    docs = [_doc(n) for n in range(5 * per)]
    batches = list(document_batches(docs, settings, share=POOL_SHARE))
    assert [len(b) for b in batches] == [per] * 5
    out = list(_finer_tail(iter(batches), settings, hold=2))
    assert [d.source for b in out for d in b] == [d.source for d in docs]
    assert out[:3] == batches[:3]
    assert [len(b) for b in out[3:]] == [fine] * (2 * per // fine)  # the last two batches, cut finer


def test_one_process_batches_are_half_a_batch_size() -> None:
    # spaCy holds intermediate arrays of a whole batch while it runs it: the peak memory of one
    # process follows the text of its largest batch (bench/README.md)
    docs = [_doc(n) for n in range(40)]
    settings = Settings(batch_size=16)
    seen: list[int] = []

    def here(batch: list[Document]) -> int:
        seen.append(len(batch))
        return len(batch)

    out = list(run_batches(docs, settings, 1, here, here, lambda b, m: 0))
    assert ONE_PROCESS_SHARE == 2
    assert seen == [8] * 5
    assert [d.source for b, _ in out for d in b] == [d.source for d in docs]


def test_jobs_zero_means_every_usable_core() -> None:
    assert resolve_jobs(0) == usable_cores() == len(os.sched_getaffinity(0))
    assert resolve_jobs(3) == 3


def _rows(results: list[object]) -> list[str]:
    return [json.dumps(r.as_dict(), sort_keys=True) for r in results]  # type: ignore[attr-defined]


@pytest.mark.model
def test_two_processes_give_what_one_gives(tmp_path: Path) -> None:
    # batch_size 2 cuts the sample corpus into several batches, so the pool really runs
    one = _rows(list(extract([SAMPLE], Settings.load(jobs=1, batch_size=2))))
    two = _rows(list(extract([SAMPLE], Settings.load(jobs=2, batch_size=2))))
    assert len(one) >= 15
    assert two == one


@pytest.mark.model
def test_ingest_on_two_processes_stores_what_one_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stores = []
    for jobs, early in ((1, False), (2, False), (2, True)):
        # early: the workers start before the store is opened, as for an input of 1 MiB or more
        monkeypatch.setattr(local, "EARLY_START_BYTES", 1 if early else 1 << 40)
        db = tmp_path / f"s{jobs}{early}.duckdb"
        report = ingest([SAMPLE], db=db, settings=Settings.load(jobs=jobs, batch_size=2))
        assert report.n_articles >= 15
        # every worker has exited when ingest returns
        assert not multiprocessing.active_children()
        stores.append(store_rows(db))
    assert stores[0]["articles"]
    assert stores[1] == stores[0]
    assert stores[2] == stores[0]


@pytest.mark.model
def test_workers_started_early_for_an_input_of_one_batch_are_let_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(local, "EARLY_START_BYTES", 1)
    one = sorted(SAMPLE.glob("*.txt"))[:1]
    report = ingest(one, db=tmp_path / "one.duckdb", settings=Settings.load(jobs=2))
    assert report.n_articles >= 1 and report.ok
    assert not multiprocessing.active_children()


def test_input_bytes_counts_files_under_folders_and_stops_at_the_bound(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_bytes(b"x" * 600)
    (tmp_path / "y.txt").write_bytes(b"y" * 600)
    assert local._input_bytes([tmp_path], 1200)
    assert not local._input_bytes([tmp_path / "a", "-"], 601)
    assert not local._input_bytes([tmp_path / "missing"], 1)


def kill_on_marker(documents: list[Document]) -> list[tuple[list[object], list[object]]]:
    """A worker function that dies like a process killed by the OOM killer on one document."""
    if any("KILL-THIS-WORKER" in d.text for d in documents):
        os._exit(9)
    return [([d.source], []) for d in documents]


def test_a_dead_worker_costs_only_its_document() -> None:
    docs = [_doc(n) for n in range(9)]
    docs[4] = _doc(4, "Bad Document Here\n\nKILL-THIS-WORKER now.")
    settings = Settings(batch_size=2)
    out = list(run_documents(docs, settings, jobs=2, worker=kill_on_marker))  # type: ignore[arg-type]
    assert [doc.source for doc, _, _ in out] == [d.source for d in docs]
    failed = [doc.source for doc, _, errors in out if errors]
    assert failed == ["d4.txt"]
    assert out[4][2][0].code == "NG400"
    assert all(articles == [doc.source] for doc, articles, errors in out if not errors)


class _BrokenOnSubmit:
    """An executor like a process pool whose worker died on the marked document: the submit after
    that raises ``BrokenProcessPool`` itself (a real pool does so when it learns of the death
    before the dead batch's future does), the way ``test_a_dead_worker_costs_only_its_document``
    failed now and then under load."""

    def __init__(self) -> None:
        self.broken = False

    def submit(self, fn: Any, batch: list[Document]) -> Future[Any]:
        from concurrent.futures.process import BrokenProcessPool

        if self.broken:
            raise BrokenProcessPool("a child process terminated abruptly")
        future: Future[Any] = Future()
        if any("KILL-THIS-WORKER" in d.text for d in batch):
            self.broken = True
            future.set_exception(BrokenProcessPool("a child process terminated abruptly"))
        else:
            future.set_result(fn(batch))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_a_pool_that_breaks_at_submit_costs_only_the_dead_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from newsgraph.runner import pool as pool_module

    started = threading.Event()
    started.set()
    monkeypatch.setattr(pool_module, "_pool", lambda settings, jobs: (_BrokenOnSubmit(), started))
    docs = [_doc(n) for n in range(9)]
    docs[2] = _doc(2, "Bad Document Here\n\nKILL-THIS-WORKER now.")
    out = list(run_documents(docs, Settings(batch_size=2), jobs=2, worker=kill_on_marker))  # type: ignore[arg-type]
    assert [doc.source for doc, _, _ in out] == [d.source for d in docs]
    assert [doc.source for doc, _, errors in out if errors] == ["d2.txt"]
    assert all(articles == [doc.source] for doc, articles, errors in out if not errors)


@pytest.mark.model
def test_process_documents_keeps_a_bad_document_beside_good_ones() -> None:
    docs = [_doc(1), Document(source="empty.txt", text="   \n\n  ", reader="text", kind="dump"), _doc(2)]
    out = process_documents(docs, Settings.load(jobs=1))
    assert [len(articles) for articles, _ in out] == [1, 0, 1]
    assert [e.code for e in out[1][1]] == ["NG106"]


def slow_worker(documents: list[Document]) -> list[tuple[list[object], list[object]]]:
    """A worker function that takes its time, so the parent can be killed mid-run."""
    import time

    time.sleep(60)
    return [([], []) for _ in documents]


def _still_running(psutil: Any, process: Any) -> bool:
    """Whether a process is still running: ended (gone, or a zombie awaiting its reaper) is not."""
    try:
        return bool(process.is_running() and process.status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return False


def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    import signal
    import subprocess
    import sys
    import time

    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_pool import _doc, slow_worker\n"
        "from newsgraph.runner.pool import run_documents\n"
        "from newsgraph.settings import Settings\n"
        "list(run_documents([_doc(n) for n in range(8)], Settings(batch_size=2), 2, worker=slow_worker))\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        workers: list[object] = []
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.2)
            workers = [
                p for p in psutil.Process(parent.pid).children() if "spawn_main" in " ".join(p.cmdline())
            ]
        assert len(workers) == 2, "the pool did not start"
        time.sleep(1.0)  # let the workers start their batches
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        # An orphaned worker is reparented to whatever reaps orphans here (often a busy or lazy init),
        # so once it has ended it may sit as a zombie for a while: a zombie has ended, so it counts as
        # gone. Poll with a generous deadline, since a loaded machine can take seconds to deliver it.
        alive = list(workers)
        deadline = time.monotonic() + 60
        while alive and time.monotonic() < deadline:
            alive = [p for p in alive if _still_running(psutil, p)]
            if alive:
                time.sleep(0.2)
        assert not alive, f"workers outlived their parent: {alive}"
    finally:
        if parent.poll() is None:
            parent.kill()


@pytest.mark.model
def test_a_script_without_the_main_guard_gets_a_clear_error(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    for n in range(6):
        (tmp_path / f"d{n}.txt").write_text(_doc(n).text)
    script = tmp_path / "unguarded.py"
    script.write_text(
        "from newsgraph.runner.local import extract\n"
        "from newsgraph.settings import Settings\n"
        f"print(len(list(extract([{str(tmp_path)!r}], Settings.load(jobs=2, batch_size=1)))))\n"
    )
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=180)
    assert proc.returncode != 0
    assert "NG402" in proc.stderr and "__main__" in proc.stderr
    assert proc.stderr.count("NG402") < 20  # one clear error, not one per document
    assert time.monotonic() - t0 < 120
    guarded = tmp_path / "guarded.py"
    guarded.write_text(
        "from newsgraph.runner.local import extract\n"
        "from newsgraph.settings import Settings\n"
        "if __name__ == '__main__':\n"
        f"    print(len(list(extract([{str(tmp_path)!r}], Settings.load(jobs=2, batch_size=1)))))\n"
    )
    ok = subprocess.run([sys.executable, str(guarded)], capture_output=True, text=True, timeout=180)
    assert ok.returncode == 0, ok.stderr
    assert int(ok.stdout) == len(list(extract([tmp_path], Settings.load(jobs=1)))) >= 6


class _AtOnce:
    """An executor like a process pool that runs each batch as it is given."""

    def submit(self, fn: Any, batch: list[Document]) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_result(fn(batch))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_the_flow_says_when_a_worker_is_left_without_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """ingest writes, links and clusters each of the last batches at once when a worker waits
    (``Flow.spare``), and only then: earlier, that work would take a core from the workers."""
    import threading

    from newsgraph.runner import pool as pool_module
    from newsgraph.runner.pool import Flow

    started = threading.Event()
    started.set()
    monkeypatch.setattr(pool_module, "_pool", lambda settings, jobs: (_AtOnce(), started))
    docs = [_doc(n) for n in range(12)]
    flow = Flow()
    spare = []
    for batch, _ in run_batches(docs, Settings(batch_size=2), 2, len, len, lambda b, m: 0, flow=flow):
        spare.append((batch[0].source, flow.spare))
    assert [s for s, _ in spare] == [d.source for d in docs]  # one document a batch, in order
    assert [flag for _, flag in spare] == [False] * (len(docs) - 2) + [True, True]
