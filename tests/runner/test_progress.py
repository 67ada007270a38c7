"""The progress line of a run: drawn only when asked, with the run's counts."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsgraph.runner.progress import Progress


@dataclass
class Report:
    n_articles: int = 0
    n_skipped: int = 0
    n_errors: int = 0
    words: int = 0


def test_the_line_shows_the_counts_and_the_partitions(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    report = Report()
    with Progress(True, total=4) as bar:
        report.n_articles, report.words, report.n_errors = 12, 3400, 1
        bar.update(report, 3, force=True)
    err = capsys.readouterr().err
    assert "3/4 partitions" in err and "12 articles" in err and "3,400 words" in err and "1 errors" in err


def test_nothing_is_drawn_unless_asked(capsys: pytest.CaptureFixture[str]) -> None:
    with Progress(False) as bar:
        bar.update(Report(n_articles=5), force=True)
    assert capsys.readouterr().err == ""
