"""The fuzz run: 2,000 generated hostile inputs (and a FIFO, a dangling link, a link loop) in one
folder, ingested once. No traceback, every failure recorded with its code on one line, every input
accounted for (stored or refused, never silent), and every good input stored."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest
from hostile import Case, fuzz_cases

from newsgraph.readers.base import printable_path
from newsgraph.runner.local import ingest
from newsgraph.settings import Settings
from newsgraph.store.db import Store

pytestmark = pytest.mark.model

N_INPUTS = 2000
CODE = re.compile(r"NG\d{3}")


def test_fuzz_run_over_generated_inputs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    cases: dict[str, Case] = {}
    for case in fuzz_cases(N_INPUTS, seed=17):
        cases[printable_path(case.write(folder))] = case
    assert len(cases) == N_INPUTS  # no two names alike
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere")
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    specials = {printable_path(folder / n) for n in ("pipe.txt", "dangling.txt", "loop_a.txt", "loop_b.txt")}

    db = tmp_path / "s.duckdb"
    lines: list[str] = []
    with caplog.at_level(logging.WARNING):
        report = ingest([folder], db, Settings.load(jobs=1), on_error=lambda e: lines.append(e.line()))

    # no traceback: nothing was caught as a bug (NG999), nothing was logged with a stack
    stacks = [r.getMessage() for r in caplog.records if r.exc_info]
    assert not stacks, stacks[:5]
    with Store(db, read_only=True) as store:
        errors = store.con.execute("SELECT source, record, code, message FROM errors").fetchall()
        doc_sources = [row[0] for row in store.con.execute("SELECT source FROM documents").fetchall()]
        titles = [row[0] or "" for row in store.con.execute("SELECT title FROM articles").fetchall()]
    assert len(errors) == report.n_errors == len(lines)
    assert all(CODE.fullmatch(code) and code != "NG999" for _, _, code, _ in errors), {e[2] for e in errors}
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert all(line.encode("utf-8") for line in lines)  # no lone surrogate

    # every good input stored, with its token in a title
    good = {case.token for case in cases.values() if case.expect == "good"}
    stored = {token for token in good if any(token.capitalize() in t for t in titles)}
    assert stored == good, sorted(good - stored)[:10]
    # every broken input refused with an error naming it
    failed = {source for source, _, _, _ in errors}
    bad = {name for name, case in cases.items() if case.expect == "bad"}
    assert bad <= failed, sorted(bad - failed)[:10]
    assert specials <= failed
    # no input silent: each gave a stored document or an error (or was a copy of one stored)
    silent = [
        name
        for name in cases
        if name not in failed
        and not any(s == name or s.startswith(name + "#") for s in doc_sources)
        and not _stored_by_url(cases[name], doc_sources)
    ]
    assert len(silent) <= report.n_skipped, silent[:10]
    print(
        f"fuzz: {N_INPUTS} inputs, {len(good)} good (all stored), {len(bad)} broken (all refused), "
        f"{report.n_articles} articles, {report.n_errors} errors, {report.n_skipped} copies skipped"
    )


def _stored_by_url(case: Case, doc_sources: list[str]) -> bool:
    """WARC pages and JSON records with a URL are stored under it; the URL carries the file's token."""
    token = re.search(rb"(zq|bad)\d{5}", case.name)
    return bool(token) and any(token.group().decode() in s for s in doc_sources if s.startswith("http"))
