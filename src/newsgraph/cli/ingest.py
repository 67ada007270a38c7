"""``newsgraph extract`` and ``newsgraph ingest`` (locally or on Dask)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import duckdb
import typer
from rich.table import Table

from ..errors import NewsgraphError, StoreError
from ..records import Article
from ..settings import Settings
from ..store.db import DEFAULT_DB

if TYPE_CHECKING:
    from ..runner.local import IngestReport
from .common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    BatchOpt,
    DbOpt,
    Interrupts,
    JobsOpt,
    ModelOpt,
    PathsArg,
    PublishedOpt,
    RawOpt,
    _counts,
    _report_error,
    _settings,
    app,
    err,
    fail,
    out,
)


@app.command("extract")
def extract_cmd(
    paths: PathsArg,
    published: PublishedOpt = None,
    raw: RawOpt = False,
    model: ModelOpt = None,
    jobs: JobsOpt = None,
    batch_size: BatchOpt = None,
) -> None:
    """Print one JSON object per article (JSON Lines) on standard output.

    Example: newsgraph extract examples/corpus/dump_world_desk.txt --published 2025-03-14
    """
    from ..runner.local import extract

    n_errors = 0
    try:
        settings = _settings(published, raw, model, jobs, batch_size)
        write = sys.stdout.write
        for item in extract(paths, settings):
            if isinstance(item, Article):
                write(json.dumps(item.as_dict(), ensure_ascii=False) + "\n")
            else:
                n_errors += 1
                _report_error(item)
        sys.stdout.flush()
    except NewsgraphError as exc:
        fail(str(exc))
    raise typer.Exit(EXIT_PARTIAL if n_errors else EXIT_OK)


DaskOpt = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="local|ADDRESS",
        help="Run on Dask: 'local' starts a LocalCluster (--jobs workers, default every core), "
        "an address such as tcp://host:8786 uses that scheduler (docs/scale.md).",
    ),
]


def _ingest_dask(
    paths: list[str], db: Path, settings: Settings, dask: str, jobs: int | None, quiet: bool
) -> IngestReport:
    from ..runner.dask import ingest_dask

    def announce(address: str, dashboard: str | None) -> None:
        if not quiet:
            err.print(f"dask scheduler {address}, dashboard {dashboard or 'off (pip install bokeh)'}")

    local = dask.strip().lower() in ("", "local")
    return ingest_dask(
        paths,
        db,
        settings,
        address=None if local else dask,
        n_workers=jobs if local else None,
        progress=not quiet and err.is_terminal,
        on_error=_report_error,
        on_cluster=announce,
        command="ingest --dask " + " ".join(paths),
    )


def _interrupted() -> NoReturn:
    err.print("interrupted; the batches committed so far are kept; run again to resume", markup=False)
    raise typer.Exit(EXIT_INTERRUPTED) from None


@app.command("ingest")
def ingest_cmd(
    paths: PathsArg,
    db: DbOpt = Path(DEFAULT_DB),
    published: PublishedOpt = None,
    raw: RawOpt = False,
    model: ModelOpt = None,
    jobs: JobsOpt = None,
    batch_size: BatchOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    dask: DaskOpt = None,
    manifest: Annotated[
        Path | None,
        typer.Option(
            "--manifest",
            metavar="FILE.csv|FILE.jsonl",
            help="Per-file or per-record publication date, URL, outlet and language "
            "(columns path or source, published, url, outlet, language; docs/cli.md).",
        ),
    ] = None,
) -> None:
    """Read, clean and annotate inputs into the DuckDB store; inputs already stored are skipped.

    Example: newsgraph ingest examples/corpus --db newsgraph.duckdb
    """
    from ..runner.local import ingest

    with Interrupts() as interrupts:
        try:
            settings = _settings(published, raw, model, jobs, batch_size)
            if manifest is not None:
                from ..readers.manifest import cached_manifest

                settings = settings.replace(manifest=str(manifest))
                cached_manifest(settings.manifest)  # a bad manifest stops here (NG204)
            if dask is not None:
                report = _ingest_dask(paths, db, settings, dask, jobs, quiet)
            else:
                report = ingest(
                    paths,
                    db,
                    settings,
                    progress=not quiet and err.is_terminal,
                    on_error=_report_error,
                    command="ingest " + " ".join(paths),
                )
        except KeyboardInterrupt:
            _interrupted()
        except (NewsgraphError, duckdb.Error) as exc:
            if interrupts.seen:  # Ctrl-C inside a DuckDB query: reported as a store error
                _interrupted()
            if isinstance(exc, NewsgraphError):
                fail(str(exc))
            from ..store.checks import one_line

            fail(str(StoreError(f"{db}: {one_line(exc)}")))  # the store's checks passed, DuckDB failed
    if interrupts.seen:
        _interrupted()
    if not quiet:
        table = Table(title=f"newsgraph store: {Path(report.db).resolve()}", title_justify="left")
        table.add_column("table")
        table.add_column("rows", justify="right")
        for name, rows in report.tables.items():
            table.add_row(name, f"{rows:,}")
        out.print(table)
        rate = report.n_articles / report.seconds if report.seconds else 0.0
        out.print(
            f"this run: {report.n_articles} new articles from {report.n_documents} documents, "
            f"{report.n_skipped} documents already stored, {report.n_duplicates} duplicate articles, "
            f"{report.n_copies} copies of stored stories, "
            f"{report.n_errors} errors, {report.words:,} words in {report.seconds:.1f} s "
            f"({rate:.1f} articles/s)",
            markup=False,
        )
        if report.skipped_languages:
            out.print(
                f"{report.n_language_skipped} articles stored without facts, not in a supported language "
                f"({', '.join(settings.languages)}): {_counts(report.skipped_languages)}",
                markup=False,
            )
        if report.n_title_only:
            out.print(f"{report.n_title_only} articles with a title and no body (headline-only items)")
        out.print(f"database: {Path(report.db).resolve()}", markup=False)
    raise typer.Exit(EXIT_PARTIAL if report.n_errors else EXIT_OK)
