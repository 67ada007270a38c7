"""Exports of the store for other tools: Parquet, CSV and JSON Lines, one file per table."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

from ..errors import ConfigError
from ..extract.thresholds import DEFAULT_MIN_CONFIDENCE
from .csvsafe import sql_safe
from .db import Store


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    graphml = "graphml"
    gexf = "gexf"
    plover = "plover"
    gdelt_events = "gdelt-events"


#: Tables written by every export, in this order.
EXPORT_TABLES = (
    "documents",
    "articles",
    "entities",
    "quotes",
    "events",
    "counts",
    "dates",
    "places",
    "errors",
    "runs",
)


def export(
    store: Store,
    fmt: ExportFormat | str,
    out: str | Path,
    *,
    min_confidence: float | None = None,
    include_copies: bool = False,
) -> list[Path]:
    """Write the store's tables to ``out`` in ``fmt`` and return the files written.

    ``jsonl`` writes ``articles.jsonl`` in the same JSON form ``newsgraph extract`` prints (facts
    nested in each article) plus ``documents``, ``errors`` and ``runs``; ``parquet`` and ``csv``
    write one file per table (a CSV text cell a spreadsheet would run as a formula gets a ``'`` in
    front, see :mod:`newsgraph.store.csvsafe`); ``graphml`` and ``gexf`` write the actor network
    (``actor_network.graphml`` / ``.gexf``, see :mod:`newsgraph.store.export_graph`); ``plover``
    and ``gdelt-events`` write the events as PLOVER JSON Lines (``events.plover.jsonl``) or GDELT
    2.0 event rows (``events.export.tsv``, see :mod:`newsgraph.store.export_events`), leaving out
    events below ``min_confidence`` (default
    :data:`~newsgraph.extract.thresholds.DEFAULT_MIN_CONFIDENCE`). The table formats write every
    row, with the events' ``confidence`` column to filter on; ``min_confidence`` is an error there."""
    fmt = ExportFormat(fmt)
    if fmt in (ExportFormat.plover, ExportFormat.gdelt_events):  # events only, one file
        from .export_events import export_gdelt, export_plover

        write = export_plover if fmt is ExportFormat.plover else export_gdelt
        threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
        return write(store, out, min_confidence=threshold, include_copies=include_copies)
    if min_confidence is not None:
        raise ConfigError(
            f"min_confidence applies to the event exports (plover, gdelt-events), not to {fmt.value}: "
            "the table exports hold every event with its confidence column"
        )
    if fmt in (ExportFormat.graphml, ExportFormat.gexf):  # the actor network, one file
        from .export_graph import export_graph

        return export_graph(store, fmt.value, out)
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if fmt is ExportFormat.jsonl:
        path = out_dir / "articles.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for article in store.articles():
                fh.write(json.dumps(article.as_dict(), ensure_ascii=False) + "\n")
        written.append(path)
        tables: tuple[str, ...] = ("documents", "errors", "runs")
    else:
        tables = EXPORT_TABLES
    options = {
        ExportFormat.parquet: "FORMAT PARQUET",
        ExportFormat.csv: "FORMAT CSV, HEADER",
        ExportFormat.jsonl: "FORMAT JSON",
    }[fmt]
    for table in tables:
        path = out_dir / f"{table}.{fmt.value}"
        target = str(path).replace("'", "''")
        select = _csv_select(store, table) if fmt is ExportFormat.csv else "*"
        store.con.execute(f"COPY (SELECT {select} FROM \"{table}\") TO '{target}' ({options})")
        written.append(path)
    return written


def _csv_select(store: Store, table: str) -> str:
    """The columns of ``table`` with each text cell neutralised against formula injection
    (:mod:`newsgraph.store.csvsafe`); lists, numbers and dates print safely as they are."""
    cols = store.con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    return ", ".join(
        f"{sql_safe(_quoted(name))} AS {_quoted(name)}" if kind == "VARCHAR" else _quoted(name)
        for name, kind in cols
    )


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
