"""``newsgraph export``, ``stats`` and ``errors``: the store as a whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from ..extract.thresholds import DEFAULT_MIN_CONFIDENCE
from ..store.db import DEFAULT_DB
from ..store.export import ExportFormat, export

if TYPE_CHECKING:
    pass
from .common import (
    MIN_CONFIDENCE_HELP,
    CopiesOpt,
    DbOpt,
    JsonLinesOpt,
    _counts,
    _read,
    app,
    out,
)


@app.command("export")
def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Directory to write into.")],
    db: DbOpt = Path(DEFAULT_DB),
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help=f"{MIN_CONFIDENCE_HELP} For --format plover and gdelt-events "
            f"(default {DEFAULT_MIN_CONFIDENCE}).",
        ),
    ] = None,
    include_copies: CopiesOpt = False,
) -> None:
    """Write the store's tables to files (one per table).

    Example: newsgraph export --format plover --out exports/ --min-confidence 0.7
    """
    files = _read(
        db,
        lambda store: export(
            store, fmt, out_dir, min_confidence=min_confidence, include_copies=include_copies
        ),
    )
    for path in files:
        out.print(str(path), markup=False)


@app.command("stats")
def stats_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    include_copies: CopiesOpt = False,
) -> None:
    """Row counts per table (each story's copies and their facts left out; then stories, copies and
    clusters: docs/stories.md), and the runs that were interrupted (--json: every run).

    Example: newsgraph stats --db newsgraph.duckdb --json
    """
    from ..store.stories import counts as story_counts

    stats, runs, languages, skipped = _read(
        db,
        lambda store: (
            story_counts(store, include_copies=include_copies),
            store.runs(),
            store.languages(),
            store.languages(skipped=True),
        ),
    )
    if as_json:
        out.print(
            json.dumps(
                {
                    "db": str(db),
                    "tables": stats,
                    "languages": languages,
                    "skipped_by_language": skipped,
                    "runs": [r.as_dict() for r in runs],
                }
            ),
            markup=False,
        )
        return
    table = Table(title=f"newsgraph store: {db}", title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, rows in stats.items():
        table.add_row(name, f"{rows:,}")
    out.print(table)
    if languages:
        out.print(f"articles by language: {_counts(languages)}", markup=False)
    if skipped:
        out.print(
            f"stored without facts (not a supported language): {sum(skipped.values())} articles, "
            f"{_counts(skipped)}",
            markup=False,
        )
    for run in runs:  # a killed run's row holds what its committed batches added
        if run.status == "interrupted":
            out.print(
                f"run {run.run_id} interrupted (started {run.started_at:%Y-%m-%d %H:%M:%S}): "
                f"{run.n_articles} articles and {run.n_errors} errors committed; `{run.command}`",
                markup=False,
            )


@app.command("errors")
def errors_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    run: Annotated[int | None, typer.Option("--run", help="Only this run's errors.")] = None,
    as_json: JsonLinesOpt = False,
) -> None:
    """The failures recorded in the store, one per line.

    Example: newsgraph errors --run 1
    """
    records = _read(db, lambda store: store.errors(run_id=run))
    for record in records:
        out.print(json.dumps(record.as_dict()) if as_json else record.line(), markup=False)
