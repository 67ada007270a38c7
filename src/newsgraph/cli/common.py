"""What every command shares: the Typer app, the consoles, exit codes, option types and helpers."""

from __future__ import annotations

import datetime as dt
import json
import signal
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import duckdb
import typer

from ..console import SafeConsole
from ..errors import DamagedStoreError, NewsgraphError
from ..records import ErrorRecord
from ..settings import Settings, parse_iso_date
from ..store.db import Store

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .stories import Clusters

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


class Interrupts:
    """Whether Ctrl-C (SIGINT) came during a command. Python raises ``KeyboardInterrupt`` as
    usual; but when the signal lands inside a DuckDB query, DuckDB turns it into its own
    ``InterruptException``, which the store reports as a store error (an ``NG`` code, exit 1).
    With this flag the command still ends as interrupted (exit 130)."""

    def __init__(self) -> None:
        self.seen = False
        self._previous: Any = None

    def __enter__(self) -> Interrupts:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._on_sigint)
        return self

    def _on_sigint(self, signum: int, frame: Any) -> None:
        self.seen = True
        signal.default_int_handler(signum, frame)

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


T = TypeVar("T")
F = TypeVar("F", bound="BaseModel")

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
LimitOpt = Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")]
JsonLinesOpt = Annotated[bool, typer.Option("--json", help="Print JSON Lines.")]
MIN_CONFIDENCE_HELP = (
    "Only events at least this likely to be right, from 0 to 1 (0: every event; events stored "
    "without a confidence count as 1)."
)
MIN_QUOTE_CONFIDENCE_HELP = (
    "Only quotes at least this likely to be rightly attributed, from 0 to 1 (0: every quote; quotes "
    "stored without a confidence count as 1)."
)
MIN_ENTITY_CONFIDENCE_HELP = (
    "Only entities that one article at least names this likely rightly (name and type), from 0 to 1 "
    "(0: every entity; entities stored without a confidence count as 1)."
)
MIN_COUNT_CONFIDENCE_HELP = (
    "Only counts at least this likely to be right, from 0 to 1 (0: every count; counts stored "
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
    from ..store.checks import one_line

    return DamagedStoreError(f"{db} cannot be read: {one_line(exc)}")


def _filters(model: type[F], options: dict[str, str], **values: Any) -> F:
    """The list filter ``model`` (:mod:`newsgraph.query.filters`, where every filter is
    validated) built from the command's options; a value it refuses ends the command with a
    usage error naming the option (``options``: filter field -> option name)."""
    from pydantic import ValidationError

    try:
        return model(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ", ".join(options.get(str(part), str(part)) for part in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        fail(f"{where}: {message}" if where else message)


def _listed(db: Path, f: F, view: str, options: dict[str, str], query: Callable[[Store, F], T]) -> T:
    """``query(store, f)`` on the store at ``db`` (:func:`_read`), once the values of ``f`` that
    must name something the store holds (types, classes, kinds, countries) are checked as the web
    checks them (:func:`newsgraph.query.values.check`): a value that names nothing ends the command
    with a usage error naming the option, not an empty list."""
    from ..query.values import FilterValueError, check, known_values

    def run(store: Store) -> T:
        if any(getattr(f, name, None) for name in ("type", "quad", "kind", "country", "unit")):
            try:
                check(known_values(store), f, view=view)
            except FilterValueError as exc:
                fail(f"{options.get(exc.param, exc.param)}: {exc.message}")
        return query(store, f)

    return _read(db, run)


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


def _counts(counts: dict[str, int]) -> str:
    """``{"de": 3, "fr": 1}`` as ``de 3, fr 1``."""
    return ", ".join(f"{key} {n:,}" for key, n in counts.items())


def _show_clusters(found: Clusters, as_json: bool, db: Path) -> None:
    """Print event or quote clusters as JSON Lines or as a table."""
    if as_json:
        _print_json_lines(found)
    else:
        out.print(found.table(str(db)))
