"""The ``newsgraph`` command: thin wrappers over the library's functions.

Exit codes: 0 all inputs read; 1 some inputs or records failed (each reported on one line on
stderr and stored in ``errors``); 2 a usage or setup error stopped the command."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import duckdb
import typer
from rich.table import Table

from . import __version__
from .console import SafeConsole
from .errors import DamagedStoreError, NewsgraphError, StoreError
from .extract.thresholds import DEFAULT_MIN_CONFIDENCE
from .records import Article, ErrorRecord
from .settings import Settings, parse_iso_date
from .store.db import DEFAULT_DB, Store
from .store.export import ExportFormat, export

if TYPE_CHECKING:
    from .runner.local import IngestReport

app = typer.Typer(
    name="newsgraph",
    help="Raw news in, knowledge out: clean articles and facts with character offsets, in DuckDB.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# every string printed goes through console.printable: no control sequences from inputs
err = SafeConsole(stderr=True, highlight=False, soft_wrap=True)
out = SafeConsole(highlight=False, soft_wrap=True)

EXIT_OK, EXIT_PARTIAL, EXIT_FATAL = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
T = TypeVar("T")

PathsArg = Annotated[
    list[str], typer.Argument(help="Files, directories, globs, or - for standard input.", show_default=False)
]
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published",
        metavar="YYYY-MM-DD",
        help="Publication date for articles whose input has none in its metadata.",
    ),
]
RawOpt = Annotated[
    bool, typer.Option("--raw", help="Each file is one article body taken verbatim (offsets match the file).")
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="spaCy model to load (default from settings or NEWSGRAPH_MODEL)."),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        help="Worker processes for cleaning and NLP (default: every usable core; 1 = this one).",
    ),
]
BatchOpt = Annotated[int | None, typer.Option("--batch-size", help="Articles per NLP batch and transaction.")]
CopiesOpt = Annotated[
    bool,
    typer.Option(
        "--include-copies",
        help="Count the facts of articles that copy another too (docs/stories.md; default: each story once).",
    ),
]
ClustersOpt = Annotated[
    bool,
    typer.Option("--clusters", help="One row per cluster: the reports of one happening, with their counts."),
]
MinArticlesOpt = Annotated[
    int,
    typer.Option(
        "--min-articles", min=1, help="With --clusters: only clusters in at least this many articles."
    ),
]
LanguageOpt = Annotated[
    str | None,
    typer.Option(
        "--language", metavar="CODE", help="Only articles in this language (ISO 639-1: en, de; und)."
    ),
]
MIN_CONFIDENCE_HELP = (
    "Only events at least this likely to be right, from 0 to 1 (0: every event; events stored "
    "without a confidence count as 1)."
)


def fail(message: str) -> NoReturn:
    err.print(f"error: {message}", markup=False)
    raise typer.Exit(EXIT_FATAL)


def _settings(
    published: str | None, raw: bool, model: str | None, jobs: int | None, batch_size: int | None
) -> Settings:
    date: dt.date | None = parse_iso_date(published) if published else None
    return Settings.load(published=date, raw=raw or None, model=model, jobs=jobs, batch_size=batch_size)


def _read(db: Path, query: Callable[[Store], T]) -> T:
    """Run ``query`` on the store at ``db`` opened read-only; store errors end the command, a
    part of the file DuckDB cannot read too (one coded line)."""
    try:
        with Store(db, read_only=True) as store:
            return query(store)
    except NewsgraphError as exc:
        fail(str(exc))
    except duckdb.Error as exc:
        fail(str(_damaged(db, exc)))


def _damaged(db: Path, exc: duckdb.Error) -> DamagedStoreError:
    """The coded error for DuckDB failing on the store ``db`` after it opened."""
    from .store.checks import one_line

    return DamagedStoreError(f"{db} cannot be read: {one_line(exc)}")


def _check_dates(*values: str | None) -> None:
    """End the command with a usage error unless every given value is an ISO date."""
    try:
        for value in values:
            if value:
                parse_iso_date(value)
    except NewsgraphError as exc:
        fail(str(exc))


def _print_json_lines(rows: Iterable[Any]) -> None:
    for row in rows:
        out.print(json.dumps(row.as_dict(), ensure_ascii=False), markup=False)


def _report_error(error: ErrorRecord) -> None:
    err.print(error.line(), markup=False)


def version_callback(value: bool) -> None:
    if value:
        out.print(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """newsgraph: who said what, who did what to whom, when, where and how many."""


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
    from .runner.local import extract

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
    from .runner.dask import ingest_dask

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
    from .runner.local import ingest

    try:
        settings = _settings(published, raw, model, jobs, batch_size)
        if manifest is not None:
            from .readers.manifest import cached_manifest

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
    except NewsgraphError as exc:
        fail(str(exc))
    except duckdb.Error as exc:  # the store's own checks passed, DuckDB still failed on it
        from .store.checks import one_line

        fail(str(StoreError(f"{db}: {one_line(exc)}")))
    except KeyboardInterrupt:
        err.print("interrupted; the batches committed so far are kept; run again to resume", markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
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
    from .store.stories import counts as story_counts

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


def _counts(counts: dict[str, int]) -> str:
    """``{"de": 3, "fr": 1}`` as ``de 3, fr 1``."""
    return ", ".join(f"{key} {n:,}" for key, n in counts.items())


@app.command("errors")
def errors_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    run: Annotated[int | None, typer.Option("--run", help="Only this run's errors.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
) -> None:
    """The failures recorded in the store, one per line.

    Example: newsgraph errors --run 1
    """
    records = _read(db, lambda store: store.errors(run_id=run))
    for record in records:
        out.print(json.dumps(record.as_dict()) if as_json else record.line(), markup=False)


@app.command("entities")
def entities_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    type_: Annotated[
        str | None, typer.Option("--type", help="Only this type: PERSON, ORG, GPE, NORP, ...")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Only this actor country (ISO alpha-3).")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="Only entities whose name or alias contains this.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
) -> None:
    """People, organisations and places across the store, with mention counts.

    Example: newsgraph entities --type PERSON --country USA
    """
    from .store.queries import entities

    rows = _read(
        db, lambda store: entities(store, type=type_, country=country, name=name, limit=limit or None)
    )
    if as_json:
        _print_json_lines(rows)
        return
    table = Table(title=f"entities in {db}", title_justify="left")
    for col in ("name", "type", "country", "sector", "mentions", "articles", "aliases"):
        table.add_column(col, justify="right" if col in ("mentions", "articles") else "left")
    for r in rows:
        table.add_row(
            r.name,
            r.type,
            r.country or "",
            r.sector or "",
            str(r.mentions),
            str(r.articles),
            ", ".join(r.aliases[:4]),
        )
    out.print(table)


@app.command("roles")
def roles_cmd(
    title: Annotated[str | None, typer.Argument(help="Title to look for (contained, any case).")] = None,
    db: DbOpt = Path(DEFAULT_DB),
    affiliation: Annotated[
        str | None, typer.Option("--affiliation", help="Only roles held for this code.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
) -> None:
    """Who held which role, for whom, seen when.

    Example: newsgraph roles "Secretary of State"
    """
    from .store.queries import roles

    rows = _read(db, lambda store: roles(store, title, affiliation=affiliation))
    if as_json:
        _print_json_lines(rows)
        return
    table = Table(title=f"roles in {db}", title_justify="left")
    for col in ("name", "title", "for", "first seen", "last seen", "articles"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r.name, r.title, r.affiliation or "", r.first_seen or "", r.last_seen or "", str(r.articles)
        )
    out.print(table)


@app.command("quotes")
def quotes_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only quotes whose speaker's name contains this.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Only speakers with this actor country (ISO alpha-3).")
    ] = None,
    contains: Annotated[
        str | None, typer.Option("--contains", help="Only quotes containing this text.")
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only direct, indirect or mixed quotes.")] = None,
    language: LanguageOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
    include_copies: CopiesOpt = False,
    clusters: ClustersOpt = False,
    min_articles: MinArticlesOpt = 1,
) -> None:
    """Who said what: quotes with their resolved speakers.

    Example: newsgraph quotes --speaker Blinken
    """
    from .store.queries import quotes

    if clusters:
        from .cli_stories import show_quote_clusters

        found = _read(db, lambda store: show_quote_clusters(store, speaker, contains, min_articles, limit))
        if as_json:
            _print_json_lines(found)
        else:
            out.print(found.table(str(db)))
        return
    rows = _read(
        db,
        lambda store: quotes(
            store,
            speaker=speaker,
            country=country,
            contains=contains,
            kind=kind,
            language=language,
            limit=limit or None,
            include_copies=include_copies,
        ),
    )
    if as_json:
        _print_json_lines(rows)
        return
    table = Table(title=f"quotes in {db}", title_justify="left")
    for col in ("speaker", "country", "kind", "quote", "published", "article"):
        table.add_column(
            col, min_width=50 if col == "quote" else None, no_wrap=col != "quote" and col != "speaker"
        )
    for r in rows:
        text = r.text if len(r.text) <= 120 else r.text[:117] + "..."
        table.add_row(
            r.speaker_name or r.speaker_text or "?",
            r.speaker_code or "",
            r.kind or "",
            text,
            r.published or "",
            r.article_id[:12],
        )
    out.print(table)


@app.command("events")
def events_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    type_: Annotated[
        str | None, typer.Option("--type", help="Only this PLOVER type: CONSULT, ASSAULT, ...")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only events with this actor code or actor name.")
    ] = None,
    recipient: Annotated[
        str | None, typer.Option("--recipient", help="Only events with this recipient code or name.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="YYYY-MM-DD", help="Only events on or after this date.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", metavar="YYYY-MM-DD", help="Only events on or before this date.")
    ] = None,
    facts: Annotated[
        bool, typer.Option("--facts", help="Leave out negated, hypothetical and future events.")
    ] = False,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help=MIN_CONFIDENCE_HELP)
    ] = DEFAULT_MIN_CONFIDENCE,
    language: LanguageOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
    include_copies: CopiesOpt = False,
    clusters: ClustersOpt = False,
    min_articles: MinArticlesOpt = 1,
) -> None:
    """Who did what to whom: PLOVER events with actors, recipients, date and place.

    Example: newsgraph events --type CONSULT --actor USA --since 2024-01-01 --min-confidence 0.7
    """
    from .store.queries import events

    _check_dates(since, until)
    if clusters:
        from .cli_stories import show_event_clusters

        found = _read(
            db,
            lambda store: show_event_clusters(
                store, type_, actor, recipient, since, until, min_articles, limit
            ),
        )
        if as_json:
            _print_json_lines(found)
        else:
            out.print(found.table(str(db)))
        return
    rows = _read(
        db,
        lambda store: events(
            store,
            type=type_,
            actor=actor,
            recipient=recipient,
            since=since,
            until=until,
            facts_only=facts,
            min_confidence=min_confidence,
            language=language,
            limit=limit or None,
            include_copies=include_copies,
        ),
    )
    if as_json:
        _print_json_lines(rows)
        return
    table = Table(title=f"events in {db}", title_justify="left")
    for col in (
        "date",
        "type",
        "mode",
        "actor",
        "recipient",
        "place",
        "status",
        "confidence",
        "trigger",
        "article",
    ):
        if col == "confidence":  # the header folds in a narrow terminal; the numbers are 5 wide
            table.add_column(col, justify="right", overflow="fold", min_width=5)
        else:  # "negated" and "future" stay whole however narrow the terminal
            table.add_column(col, min_width=7 if col == "status" else None)
    for r in rows:
        table.add_row(
            r.date or "",
            r.event_type,
            r.mode or "",
            ", ".join(r.actor_codes) or ", ".join(r.actors),
            ", ".join(r.recipient_codes) or ", ".join(r.recipients),
            r.place or "",
            r.status,
            "" if r.confidence is None else f"{r.confidence:.3f}",
            r.trigger,
            r.article_id[:12],
        )
    out.print(table)


@app.command("articles")
def articles_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="YYYY-MM-DD", help="Only articles published on or after it."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="YYYY-MM-DD", help="Only articles published on or before it."),
    ] = None,
    min_relevance: Annotated[
        float | None,
        typer.Option(
            "--min-relevance",
            min=0.0,
            max=1.0,
            help="Only articles at least this much about public affairs, from 0 to 1 (0.5: about "
            "public affairs; articles stored without a relevance count as 1).",
        ),
    ] = None,
    language: LanguageOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
    no_copies: Annotated[
        bool, typer.Option("--no-copies", help="Leave out the articles that copy another (docs/stories.md).")
    ] = False,
    story: Annotated[
        str | None,
        typer.Option(
            "--story", metavar="ID", help="Only the articles of this article's story (id or prefix)."
        ),
    ] = None,
) -> None:
    """The stored articles, newest first, with their public-affairs relevance, language and, for a
    copy of another article, the article it copies.

    Example: newsgraph articles --min-relevance 0.5 --since 2024-01-01
    """
    from .store.queries import articles

    _check_dates(since, until)
    rows = _read(
        db,
        lambda store: articles(
            store,
            since=since,
            until=until,
            min_relevance=min_relevance,
            language=language,
            limit=limit or None,
            include_copies=not no_copies,
            story=story,
        ),
    )
    if as_json:
        _print_json_lines(rows)
        return
    table = Table(title=f"articles in {db}", title_justify="left")
    for col in ("published", "relevance", "words", "lang", "title", "id", "copy of"):
        table.add_column(col, justify="right" if col in ("relevance", "words") else "left")
    for r in rows:
        table.add_row(
            r.published or "",
            "" if r.relevance is None else f"{r.relevance:.2f}",
            f"{r.words:,}",
            (r.language or "") + (" (no facts)" if r.skipped else ""),
            r.title or r.source,
            r.id[:12],
            f"{r.duplicate_of[:12]} ({r.duplicate_reason})" if r.duplicate_of else "",
        )
    out.print(table)


@app.command("serve")
def serve_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Server processes (each loads the store's tables).")
    ] = 1,
) -> None:
    """Serve the web pages and the JSON API over the store, read-only.

    Example: newsgraph serve --db newsgraph.duckdb --port 8000
    """
    from .web.app import serve

    try:
        serve(db, host=host, port=port, workers=workers)
    except NewsgraphError as exc:
        fail(str(exc))
    except duckdb.Error as exc:
        fail(str(_damaged(db, exc)))


def main() -> None:
    """Entry point of the ``newsgraph`` script."""
    app()


if __name__ == "__main__":
    main()
