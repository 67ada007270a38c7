"""``newsgraph articles`` and ``newsgraph serve``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import duckdb
import typer
from rich.table import Table

from ..errors import NewsgraphError
from ..store.db import DEFAULT_DB

if TYPE_CHECKING:
    pass
from .common import (
    DbOpt,
    JsonLinesOpt,
    LanguageOpt,
    LimitOpt,
    _check_dates,
    _damaged,
    _filters,
    _listed,
    _print_json_lines,
    app,
    fail,
    out,
)

#: The filter fields the options fill, by option (for the errors).
_ARTICLE_OPTIONS = {
    "date_from": "--since",
    "date_to": "--until",
    "min_relevance": "--min-relevance",
    "language": "--language",
    "q": "--search",
    "source": "--source",
    "country": "--country",
    "entity": "--entity",
}


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
    search: Annotated[
        str | None,
        typer.Option("--search", help="Only articles in whose title or text every word starts a word."),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Only articles whose source contains this.")
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(
            "--country", help="Only articles naming an actor of, or a place in, this country (ISO alpha-3)."
        ),
    ] = None,
    entity: Annotated[
        str | None,
        typer.Option("--entity", help="Only articles naming this entity (its key, or words of a name)."),
    ] = None,
    limit: LimitOpt = 50,
    as_json: JsonLinesOpt = False,
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
    from ..query import ArticleFilter, articles

    _check_dates(since, until)
    f = _filters(
        ArticleFilter,
        _ARTICLE_OPTIONS,
        date_from=since,
        date_to=until,
        min_relevance=min_relevance,
        language=language,
        q=search,
        source=source,
        country=country,
        entity=entity,
    )
    rows = _listed(
        db,
        f,
        "articles",
        _ARTICLE_OPTIONS,
        lambda store, f: articles(store, f, limit=limit or None, include_copies=not no_copies, story=story),
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
    from ..web.app import serve

    try:
        serve(db, host=host, port=port, workers=workers)
    except NewsgraphError as exc:
        fail(str(exc))
    except duckdb.Error as exc:
        fail(str(_damaged(db, exc)))
