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


def run(corpus: Path, db: Path, jobs: int, kill_after: float | None = None) -> int | None:
    """One ``newsgraph ingest``; killed with SIGKILL (with its workers) after ``kill_after`` s."""
    cmd = [str(EXE), "ingest", str(corpus), "--db", str(db), "--batch-size", "2", "--jobs", str(jobs), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    if kill_after is None:
        return proc.wait(timeout=600)
    try:
        return proc.wait(timeout=kill_after)  # finished before the kill
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


def test_killed_again_and_again_then_resumed_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    rng = random.Random(1717)
    corpus = tmp_path / "corpus"
    write_corpus(corpus, rng)
    reference = tmp_path / "reference.duckdb"
    started = time.perf_counter()
    assert run(corpus, reference, jobs=1) == 1  # 1: some inputs failed, the rest stored
    whole = time.perf_counter() - started

    db = tmp_path / "killed.duckdb"
    kills = 0
    for attempt in range(4):
        # a random moment of the run: during start-up, mid-batch or while a batch commits
        code = run(corpus, db, jobs=1 + attempt % 2, kill_after=rng.uniform(0.3, 1.0) * whole)
        kills += code is None
    assert kills >= 2, "the runs ended before they could be killed"
    assert run(corpus, db, jobs=1) in (0, 1)

    want, got = store_rows(reference), store_rows(db)
    for table in want:  # errors too: one row per error, however many runs saw it
        assert got[table] == want[table], table
    assert len(want["articles"]) >= 110
