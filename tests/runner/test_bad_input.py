"""Bad input never stops a run: one error per broken input or record, stored, the rest ingested."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from newsgraph.runner.local import ingest
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
