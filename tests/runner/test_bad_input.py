"""Bad input never stops a run: one error per broken input or record, stored, the rest ingested."""

from __future__ import annotations

import codecs
import gzip
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import MalformedRecordError
from newsgraph.extract.pipeline import load_pipeline
from newsgraph.records import Document, ErrorRecord
from newsgraph.runner.local import ingest, iter_documents
from newsgraph.settings import Settings
from newsgraph.store.db import Store

pytestmark = pytest.mark.model

GOOD = "Talks Resume in Geneva\n\nDelegates from both sides met on Monday and agreed to meet again.\n"


def test_a_folder_of_bad_inputs(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD.replace("Geneva", "Vienna").encode("utf-16-le"))
    (d / "cp1252.txt").write_bytes(GOOD.replace("Geneva", "Zürich").encode("cp1252"))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "truncated.txt.gz").write_bytes(gzip.compress(GOOD.encode())[:20])
    (d / "big.txt").write_text(GOOD * 200, encoding="utf-8")
    (d / "records.jsonl").write_text(
        '{"title": "A", "maintext": "First record body text here."}\n{not json\n'
        '{"title": "B", "maintext": "Third record body text here."}\n',
        encoding="utf-8",
    )
    (d / "broken.html").write_text("<html><body><div></div>", encoding="utf-8")
    seen: list[str] = []
    report = ingest(
        [d],
        tmp_path / "s.duckdb",
        Settings.load(max_input_bytes=4000),
        on_error=lambda e: seen.append(e.line()),
    )
    assert report.n_articles == 5  # good, utf16, cp1252, two JSON records
    failed = {line.split("]", 1)[1].split(":", 1)[0].strip().rsplit("/", 1)[-1] for line in seen}
    assert failed == {
        "empty.txt",
        "binary.txt",
        "truncated.txt.gz",
        "big.txt",
        "records.jsonl",
        "broken.html",
    }
    assert any("records.jsonl:line 2" in line for line in seen)
    assert all(line.count("\n") == 0 for line in seen)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.stats()["errors"] == len(seen) == report.n_errors == 6
        titles = {a.title for a in store.articles()}
    assert {"Talks Resume in Geneva", "Talks Resume in Vienna", "Talks Resume in Zürich", "A", "B"} == titles


def test_lone_surrogates_in_json_fields_are_replaced_and_the_run_keeps_everything(tmp_path: Path) -> None:
    """Issue 17, defect 1: a lone surrogate reached the Arrow write and lost the whole batch."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.jsonl").write_bytes(
        b'{"title":"Minister resigns \\udc80","authors":["\\ud800 Ana Lima"],"url":"http://x.example/\\udcff",'
        b'"maintext":"The minister said on Monday that talks would continue."}\n'
    )
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    report = ingest([d], tmp_path / "s.duckdb", Settings.load(jobs=1))
    assert report.n_errors == 0
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        articles = {a.title: a for a in store.articles()}
    assert set(articles) == {"Minister resigns \ufffd", "Talks Resume in Geneva"}
    assert articles["Minister resigns \ufffd"].url == "http://x.example/\ufffd"


def test_a_file_name_that_is_not_utf8_is_stored_in_a_printable_form(tmp_path: Path) -> None:
    """Issue 17, defect 2: ``bad\\xff.txt`` crashed the write and lost the batch."""
    d = tmp_path / "in"
    d.mkdir()
    (d / os.fsdecode(b"bad\xff.txt")).write_text(GOOD.replace("Geneva", "Vienna"), encoding="utf-8")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    report = ingest([d], tmp_path / "s.duckdb", Settings.load(jobs=1))
    assert report.n_articles == 2 and report.n_errors == 0
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        sources = sorted(a.source for a in store.articles())
    assert sources == [f"{d}/bad\\xff.txt", f"{d}/good.txt"]


@pytest.fixture
def alarm() -> Iterator[None]:
    """Fail, rather than hang, when something blocks (a FIFO opened for reading)."""

    def timeout(*_: object) -> None:
        raise TimeoutError("blocked for 60 s")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_special_paths_each_give_one_coded_error_and_nothing_blocks(
    tmp_path: Path, alarm: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17, defects 5 and 6: FIFOs, dangling links, link loops and unreadable folders were
    skipped in silence (exit 0); /dev/zero was "no such file"."""
    d = tmp_path / "in"
    (d / "locked").mkdir(parents=True)
    (d / "locked" / "hidden.txt").write_text(GOOD, encoding="utf-8")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(d / "pipe.txt")
    (d / "dangling.txt").symlink_to(d / "nowhere.txt")
    (d / "loop_a.txt").symlink_to(d / "loop_b.txt")
    (d / "loop_b.txt").symlink_to(d / "loop_a.txt")
    (d / "locked" / "up").symlink_to(d)
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:  # root reads every folder: make one unreadable
        if Path(path) == d / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    seen: list[str] = []
    report = ingest(
        [d, "/dev/zero"],
        tmp_path / "s.duckdb",
        Settings.load(jobs=1),
        on_error=lambda e: seen.append(e.line()),
    )
    assert report.n_articles == 1
    codes = {line.split("] ", 1)[1].split(":", 1)[0].rsplit("/", 1)[-1]: line[7:12] for line in seen}
    assert codes == {
        "locked": "NG108",
        "pipe.txt": "NG109",
        "dangling.txt": "NG110",
        "loop_a.txt": "NG110",
        "loop_b.txt": "NG110",
        "zero": "NG109",
    }
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.stats()["errors"] == 6


def test_a_link_back_to_a_folder_above_is_a_loop_error(tmp_path: Path) -> None:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "sub" / "up").symlink_to(d)
    items = list(iter_documents([d], Settings.load()))
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    assert [(e.code, e.source) for e in errors] == [("NG110", f"{d}/sub/up")]
    assert sum(isinstance(i, Document) for i in items) == 1  # read once, not once per way in


def test_an_unreadable_file_is_ng108_not_a_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17, defect 6: a file without read permission was NG999, the code kept for bugs."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "locked.txt").write_text(GOOD, encoding="utf-8")
    (d / "good.txt").write_text(GOOD.replace("Geneva", "Vienna"), encoding="utf-8")
    real_open = Path.open

    def open_(self: Path, *args: Any, **kwargs: Any) -> Any:  # root reads every file
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    items = list(iter_documents([d], Settings.load()))
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    assert [(e.code, e.source, e.message) for e in errors] == [
        ("NG108", f"{d}/locked.txt", "cannot read: Permission denied")
    ]
    assert sum(isinstance(i, Document) for i in items) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files and folders whatever their mode")
def test_files_and_folders_without_permission(tmp_path: Path) -> None:
    d = tmp_path / "in"
    (d / "locked").mkdir(parents=True)
    (d / "locked" / "a.txt").write_text(GOOD, encoding="utf-8")
    (d / "secret.txt").write_text(GOOD, encoding="utf-8")
    (d / "secret.txt").chmod(0)
    (d / "locked").chmod(0)
    try:
        errors = [i for i in iter_documents([d], Settings.load()) if isinstance(i, ErrorRecord)]
    finally:
        (d / "locked").chmod(0o755)
    assert sorted((e.code, Path(e.source).name) for e in errors) == [
        ("NG108", "locked"),
        ("NG108", "secret.txt"),
    ]


def test_an_article_over_the_nlp_limit_is_stored_without_facts_and_says_so(tmp_path: Path) -> None:
    """Issue 17, defect 6: an article over spaCy's max_length was dropped with spaCy's advice."""
    d = tmp_path / "in"
    d.mkdir()
    paras = [
        f"The regional council met on Tuesday and said that {i} families had been moved." for i in range(1400)
    ]
    (d / "long.txt").write_text("A Very Long Report From The Valley\n\n" + "\n\n".join(paras) + "\n")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    nlp = load_pipeline(Settings.load(jobs=1))
    monkey = pytest.MonkeyPatch()
    monkey.setattr(nlp, "max_length", 100_000)  # the same path as 1,000,000, in less time
    seen: list[str] = []
    try:
        report = ingest(
            [d], tmp_path / "s.duckdb", Settings.load(jobs=1), on_error=lambda e: seen.append(e.line())
        )
    finally:
        monkey.undo()
    assert report.n_articles == 2
    assert len(seen) == 1 and seen[0].startswith(f"error [NG403] {d}/long.txt: article of 11")
    assert "without entities, quotes or events" in seen[0]
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        long = next(a for a in store.articles() if a.title == "A Very Long Report From The Valley")
    assert len(long.text) > 100_000 and long.entities == [] and long.events == []


def test_ctrl_c_ends_ingest_with_130_and_one_line(tmp_path: Path) -> None:
    """Issue 17, defect 6: SIGINT ended the run without a word. Interrupted while it waits for
    standard input, so the moment is certain."""
    exe = Path(sys.executable).with_name("newsgraph")
    db = tmp_path / "s.duckdb"
    proc = subprocess.Popen(
        [str(exe), "ingest", "-", "--db", str(db), "--jobs", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not db.exists() and time.monotonic() < deadline:  # the store is open: it reads stdin now
        time.sleep(0.2)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert err.decode().strip() == "interrupted; the batches committed so far are kept; run again to resume"


def test_every_failure_is_one_line() -> None:
    """Issue 17, defect 6: a broken WARC's error spanned several lines."""
    error = MalformedRecordError(
        "archive broken:\n  Offset: 12\r\n  Remainder: b''", source="a.warc", record="r 1"
    )
    assert error.message == "archive broken: Offset: 12 Remainder: b''"
    record = ErrorRecord(source="a\nb.txt", message="x\ny", kind="InputError", code="NG100", record="line\n2")
    assert "\n" not in record.line() and record.line() == "error [NG100] a b.txt:line 2: x y"


def test_ctrl_c_inside_a_store_query_still_ends_with_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI, session 17: SIGINT landing inside a DuckDB query becomes DuckDB's InterruptException,
    which the store reports as a store error (NG code, exit 1); the command must still end as
    interrupted."""
    import os

    from typer.testing import CliRunner

    from newsgraph.cli import app
    from newsgraph.errors import StoreError
    from newsgraph.runner import local

    def interrupted_in_a_query(*args: object, **kwargs: object) -> None:
        try:
            os.kill(os.getpid(), signal.SIGINT)  # as Ctrl-C during a query
            time.sleep(1)
        except KeyboardInterrupt as exc:  # DuckDB raises InterruptException, the store converts it
            raise StoreError("cannot start a run in s.duckdb: INTERRUPT Error: Interrupted!") from exc

    monkeypatch.setattr(local, "ingest", interrupted_in_a_query)
    (tmp_path / "a.txt").write_text("Officials met on Tuesday.\n")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 130
    assert "interrupted; the batches committed so far are kept" in result.output
