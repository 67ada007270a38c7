"""``newsgraph entities``, ``roles``, ``quotes`` and ``events``: the store's facts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from ..extract.thresholds import (
    DEFAULT_MIN_CONFIDENCE,
    DEFAULT_MIN_COUNT_CONFIDENCE,
    DEFAULT_MIN_ENTITY_CONFIDENCE,
    DEFAULT_MIN_QUOTE_CONFIDENCE,
)
from ..store.db import DEFAULT_DB

if TYPE_CHECKING:
    pass
from .common import (
    MIN_CONFIDENCE_HELP,
    MIN_COUNT_CONFIDENCE_HELP,
    MIN_ENTITY_CONFIDENCE_HELP,
    MIN_QUOTE_CONFIDENCE_HELP,
    ClustersOpt,
    CopiesOpt,
    DbOpt,
    JsonLinesOpt,
    LanguageOpt,
    LimitOpt,
    MinArticlesOpt,
    _check_dates,
    _filters,
    _listed,
    _print_json_lines,
    _read,
    _show_clusters,
    app,
    out,
)

#: The filter fields the commands' options fill, by option (for the errors).
_ENTITY_OPTIONS = {
    "q": "--name",
    "type": "--type",
    "country": "--country",
    "min_confidence": "--min-confidence",
}
_QUOTE_OPTIONS = {
    "speaker": "--speaker",
    "country": "--country",
    "q": "--contains",
    "kind": "--kind",
    "min_confidence": "--min-confidence",
    "date_from": "--since",
    "date_to": "--until",
    "language": "--language",
}
_EVENT_OPTIONS = {
    "type": "--type",
    "actor": "--actor",
    "recipient": "--recipient",
    "quad": "--quad",
    "country": "--country",
    "min_confidence": "--min-confidence",
    "date_from": "--since",
    "date_to": "--until",
    "language": "--language",
}


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
        str | None,
        typer.Option(
            "--name", help="Only entities with a name or alias whose words start so (blinken, ant blink)."
        ),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help=MIN_ENTITY_CONFIDENCE_HELP)
    ] = DEFAULT_MIN_ENTITY_CONFIDENCE,
    limit: LimitOpt = 50,
    as_json: JsonLinesOpt = False,
) -> None:
    """People, organisations and places across the store, with mention counts.

    Example: newsgraph entities --type PERSON --country USA --min-confidence 0
    """
    from ..query import EntityFilter, entities

    f = _filters(
        EntityFilter,
        _ENTITY_OPTIONS,
        q=name,
        type=type_,
        country=country,
        min_confidence=min_confidence,
    )
    rows = _listed(
        db, f, "entities", _ENTITY_OPTIONS, lambda store, f: entities(store, f, limit=limit or None)
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
    as_json: JsonLinesOpt = False,
) -> None:
    """Who held which role, for whom, seen when.

    Example: newsgraph roles "Secretary of State"
    """
    from ..query import RoleFilter, roles

    f = _filters(
        RoleFilter, {"title": "TITLE", "affiliation": "--affiliation"}, title=title, affiliation=affiliation
    )
    rows = _read(db, lambda store: roles(store, f))
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
        str | None,
        typer.Option(
            "--speaker", help="Only quotes by a speaker with a name whose words start so (blinken)."
        ),
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Only speakers with this actor country (ISO alpha-3).")
    ] = None,
    contains: Annotated[
        str | None, typer.Option("--contains", help="Only quotes containing this text.")
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only direct, indirect or mixed quotes.")] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="YYYY-MM-DD", help="Only quotes of articles published on or after it."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", metavar="YYYY-MM-DD", help="Only quotes of articles published on or before it."
        ),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help=MIN_QUOTE_CONFIDENCE_HELP)
    ] = DEFAULT_MIN_QUOTE_CONFIDENCE,
    language: LanguageOpt = None,
    limit: LimitOpt = 50,
    as_json: JsonLinesOpt = False,
    include_copies: CopiesOpt = False,
    clusters: ClustersOpt = False,
    min_articles: MinArticlesOpt = 1,
) -> None:
    """Who said what: quotes with their resolved speakers.

    Example: newsgraph quotes --speaker Blinken --min-confidence 0.8
    """
    from ..query import QuoteFilter, quotes

    _check_dates(since, until)
    f = _filters(
        QuoteFilter,
        _QUOTE_OPTIONS,
        speaker=speaker,
        country=country,
        q=contains,
        kind=kind,
        min_confidence=min_confidence,
        date_from=since,
        date_to=until,
        language=language,
    )
    if clusters:
        from .stories import show_quote_clusters

        found = _read(db, lambda store: show_quote_clusters(store, speaker, contains, min_articles, limit))
        _show_clusters(found, as_json, db)
        return
    rows = _listed(
        db,
        f,
        "quotes",
        _QUOTE_OPTIONS,
        lambda store, f: quotes(store, f, limit=limit or None, include_copies=include_copies),
    )
    if as_json:
        _print_json_lines(rows)
        return
    table = Table(title=f"quotes in {db}", title_justify="left")
    for col in ("speaker", "country", "kind", "quote", "published", "article", "confidence"):
        if col == "confidence":  # short, so that a narrow terminal leaves the quote its room
            table.add_column("conf.", justify="right", no_wrap=True, min_width=5)
            continue
        table.add_column(
            col, min_width={"quote": 40, "speaker": 16}.get(col), no_wrap=col != "quote" and col != "speaker"
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
            "" if r.confidence is None else f"{r.confidence:.3f}",
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
    quad: Annotated[
        str | None, typer.Option("--quad", help="Only this quad class: 'material conflict', ...")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Only events located in this country (ISO alpha-3).")
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
    limit: LimitOpt = 50,
    as_json: JsonLinesOpt = False,
    include_copies: CopiesOpt = False,
    clusters: ClustersOpt = False,
    min_articles: MinArticlesOpt = 1,
) -> None:
    """Who did what to whom: PLOVER events with actors, recipients, date and place.

    Example: newsgraph events --type CONSULT --actor USA --since 2024-01-01 --min-confidence 0.7
    """
    from ..query import EventFilter, events

    _check_dates(since, until)
    f = _filters(
        EventFilter,
        _EVENT_OPTIONS,
        type=type_,
        actor=actor,
        recipient=recipient,
        quad=quad,
        country=country,
        date_from=since,
        date_to=until,
        min_confidence=min_confidence,
        language=language,
        facts_only=facts,
    )
    if clusters:
        from .stories import show_event_clusters

        found = _read(
            db,
            lambda store: show_event_clusters(
                store, type_, actor, recipient, since, until, min_articles, limit
            ),
        )
        _show_clusters(found, as_json, db)
        return
    rows = _listed(
        db,
        f,
        "events",
        _EVENT_OPTIONS,
        lambda store, f: events(
            store,
            f,
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


_COUNT_OPTIONS = {
    "kind": "--kind",
    "unit": "--unit",
    "q": "--contains",
    "min_confidence": "--min-confidence",
    "date_from": "--since",
    "date_to": "--until",
}


@app.command("counts")
def counts_cmd(
    db: DbOpt = Path(DEFAULT_DB),
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only this kind: killed, wounded, displaced, money, ...")
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Only this unit: percent or a currency code (USD).")
    ] = None,
    contains: Annotated[
        str | None, typer.Option("--contains", help="Only counts whose words or object contain this.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="YYYY-MM-DD", help="Only counts of articles published on or after it."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", metavar="YYYY-MM-DD", help="Only counts of articles published on or before it."
        ),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help=MIN_COUNT_CONFIDENCE_HELP)
    ] = DEFAULT_MIN_COUNT_CONFIDENCE,
    limit: LimitOpt = 50,
    as_json: JsonLinesOpt = False,
    include_copies: CopiesOpt = False,
) -> None:
    """How many: casualties, people, money and percentages, largest first, with their articles.

    Example: newsgraph counts --kind killed --since 2024-01-01
    """
    from ..query import CountFilter, counts

    _check_dates(since, until)
    f = _filters(
        CountFilter,
        _COUNT_OPTIONS,
        kind=kind,
        unit=unit,
        q=contains,
        date_from=since,
        date_to=until,
        min_confidence=min_confidence,
    )
    rows = _listed(
        db,
        f,
        "counts",
        _COUNT_OPTIONS,
        lambda store, f: counts(store, f, limit=limit or None, include_copies=include_copies),
    )
    if as_json:
        _print_json_lines(rows)
        return
    table = Table(title=f"counts in {db}", title_justify="left")
    for col in ("value", "unit", "kind", "object", "words", "published", "article"):
        table.add_column(col, justify="right" if col == "value" else "left")
    for r in rows:
        table.add_row(
            "" if r.value is None else f"{r.value:,}",
            r.unit or "",
            r.kind,
            r.object or "",
            r.text,
            r.published or "",
            r.article_id[:12],
        )
    out.print(table)
