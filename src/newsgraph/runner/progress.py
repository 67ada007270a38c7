"""The progress line of a run on stderr (rich): articles, words, rate, skipped and errors, and with a
known total, a bar of the units done (the Dask runner's partitions)."""

from __future__ import annotations

import time
from typing import Any, Protocol


class Counts(Protocol):
    """What the line shows of a run (an ``IngestReport``)."""

    n_articles: int
    n_skipped: int
    n_errors: int
    words: int


class Progress:
    """``with Progress(enabled, total=..., unit=...) as bar: bar.update(report, done)``; nothing is
    drawn when not ``enabled``, and updates come at most five times a second unless forced."""

    def __init__(self, enabled: bool, *, total: int | None = None, unit: str = "partitions") -> None:
        self.enabled, self.total, self.unit = enabled, total, unit
        self._progress: Any = None
        self._task: Any = None
        self._last = 0.0
        self._t0 = time.perf_counter()

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as Bar

            columns: list[Any] = [SpinnerColumn()]
            if self.total is not None:
                columns.append(BarColumn(bar_width=20))
            columns += [TextColumn("{task.description}"), TimeElapsedColumn()]
            self._progress = Bar(*columns, console=Console(stderr=True), transient=False)
            self._progress.__enter__()
            self._task = self._progress.add_task("starting", total=self.total)
        self._t0 = time.perf_counter()
        return self

    def update(self, report: Counts, done: int | None = None, force: bool = False) -> None:
        if not self._progress or self._task is None:
            return
        now = time.perf_counter()
        if not force and now - self._last < 0.2:
            return
        self._last = now
        elapsed = max(now - self._t0, 1e-9)
        head = f"{done}/{self.total} {self.unit} · " if self.total is not None and done is not None else ""
        self._progress.update(
            self._task,
            completed=done,
            description=(
                f"{head}{report.n_articles} articles · {report.words:,} words · "
                f"{report.n_articles / elapsed:.1f} articles/s · {report.words / elapsed:,.0f} words/s · "
                f"{report.n_skipped} skipped · {report.n_errors} errors"
            ),
        )

    def __exit__(self, *exc: object) -> None:
        if self._progress:
            self._progress.__exit__(None, None, None)
