"""Kill and resume: ``ingest`` killed with SIGKILL at random moments, several times over (on one core
and on two), then run to the end, gives the store an uninterrupted run gives."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import story

from newsgraph.testing.compare import store_rows

pytestmark = pytest.mark.model

EXE = Path(sys.executable).with_name("newsgraph")


def write_corpus(folder: Path, rng: random.Random) -> None:
    """Text files, a JSON Lines file and a few inputs that fail, all original."""
    folder.mkdir()
    for i in range(80):
        title, body = story(rng, f"kr{i:03d}")
        (folder / f"r{i:03d}.txt").write_text(f"{title}\n\n{body}\n\n{body.replace('office', 'ministry')}\n")
    records = [dict(zip(("title", "maintext"), story(rng, f"kj{i:03d}"), strict=True)) for i in range(30)]
    (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records) + "{broken\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)


#: Run in the ``newsgraph`` process instead of its console script: the same command, which also
#: appends a line to a progress file each time the parent has taken a finished batch (and committed,
#: when it does), so the test can kill it at a point of the run rather than at a time.
_COUNT_BATCHES = """
import sys
from pathlib import Path
from newsgraph.runner import local
progress = Path(sys.argv.pop(1))
batch_done = local._Batcher.batch_done
def counted(self, documents, shipped, **kw):
    batch_done(self, documents, shipped, **kw)
    with progress.open("a") as out:
        out.write("batch\\n")
local._Batcher.batch_done = counted
sys.argv[0] = "newsgraph"
from newsgraph.cli import main
main()
"""


def run(corpus: Path, db: Path, jobs: int, kill: tuple[int, float] | None = None) -> int | None:
    """One ``newsgraph ingest``; with ``kill = (batches, delay)``, killed with SIGKILL (with its
    workers) ``delay`` s after it has taken ``batches`` batches (0: ``delay`` s after it started)."""
    args = ["ingest", str(corpus), "--db", str(db), "--batch-size", "2", "--jobs", str(jobs), "-q"]
    if kill is None:
        proc = subprocess.Popen([str(EXE), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return proc.wait(timeout=600)
    progress = db.with_name(f"{db.name}.progress")
    progress.unlink(missing_ok=True)
    cmd = [sys.executable, "-c", _COUNT_BATCHES, str(progress), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    batches, delay = kill
    deadline = time.monotonic() + 600
    while proc.poll() is None and time.monotonic() < deadline:
        done = len(progress.read_text().splitlines()) if progress.exists() else 0
        if done >= batches:
            break
        time.sleep(0.01)
    try:
        return proc.wait(timeout=delay)  # finished before the kill
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


def test_killed_again_and_again_then_resumed_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    rng = random.Random(1717)
    corpus = tmp_path / "corpus"
    write_corpus(corpus, rng)
    reference = tmp_path / "reference.duckdb"
    assert run(corpus, reference, jobs=1) == 1  # 1: some inputs failed, the rest stored

    db = tmp_path / "killed.duckdb"
    kills = 0
    for attempt in range(4):
        # a random moment of the run: during start-up, mid-batch or while a batch commits; counted
        # in batches (of about 55), not seconds, so a slow or busy machine moves it no later
        batches = rng.randint(0, 6)
        delay = rng.uniform(0.0, 0.1) if batches else rng.uniform(0.1, 0.6)
        code = run(corpus, db, jobs=1 + attempt % 2, kill=(batches, delay))
        kills += code is None
    assert kills == 4, "a run ended before it could be killed"
    assert run(corpus, db, jobs=1) in (0, 1)

    want, got = store_rows(reference), store_rows(db)
    for table in want:  # errors too: one row per error, however many runs saw it
        assert got[table] == want[table], table
    assert len(want["articles"]) >= 110
