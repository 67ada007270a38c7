"""Downloads under load: the rows of a list held in memory are found with one query and taken
from memory a chunk at a time; a small download is one answer (made on one thread), a large one
streams the rest."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient
from webdata import items

from newsgraph.web import downloads
from newsgraph.web.queries import WebDb


class Counting:
    """A DuckDB cursor that counts the statements run on it that read ``derived.<table>``."""

    def __init__(self, cur: duckdb.DuckDBPyConnection, seen: list[str], table: str) -> None:
        self._cur, self._seen, self._table = cur, seen, table

    def execute(self, sql: str, params: Any = None) -> duckdb.DuckDBPyConnection:
        if f"derived.{self._table}" in sql:
            self._seen.append(sql)
        return self._cur.execute(sql, params or [])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cur, name)


def counting(monkeypatch: pytest.MonkeyPatch, table: str) -> list[str]:
    seen: list[str] = []
    real = WebDb.cursor
    monkeypatch.setattr(WebDb, "cursor", lambda self: Counting(real(self), seen, table))
    return seen


def listed(client: TestClient, view: str, params: dict[str, str]) -> list[dict[str, Any]]:
    """Every row of a list, page by page, as the list itself shows them."""
    rows: list[dict[str, Any]] = []
    page = 1
    while True:
        found = client.get(f"/api/{view}", params={**params, "per_page": "200", "page": str(page)}).json()
        rows.extend(items(found))
        if page >= found["pages"]:
            return rows
        page += 1


@pytest.mark.parametrize(
    ("view", "table", "params"),
    [
        ("quotes", "quotes", {"kind": "direct"}),
        ("counts", "counts", {"q": "people"}),
        ("events", "events", {"min_confidence": "0", "quad": "material conflict"}),
    ],
)
def test_a_filtered_download_reads_its_rows_with_one_query(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, view: str, table: str, params: dict[str, str]
) -> None:
    want = listed(client, view, params)
    assert len(want) > 6  # several chunks of 2
    client.app.state.cache.clear()  # type: ignore[attr-defined]
    monkeypatch.setattr(downloads, "CHUNK", 2)
    seen = counting(monkeypatch, table)
    got = client.get(f"/api/{view}.json", params=params)
    assert got.status_code == 200
    assert got.json() == want
    # the old download ran the list's query once per chunk (LIMIT 2 OFFSET n): here one query
    # (the events: none, they are selected in memory)
    assert len(seen) == (0 if view == "events" else 1) and not any("OFFSET" in s for s in seen)


def test_the_events_of_an_actor_download_as_the_list_shows_them(client: TestClient) -> None:
    params = {"actor": "USA", "min_confidence": "0"}
    want = listed(client, "events", params)
    assert want
    assert client.get("/api/events.json", params=params).json() == want


def test_a_small_download_is_one_answer_a_large_one_streams(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.app.state.cache.clear()  # type: ignore[attr-defined]
    whole = client.get(
        "/api/quotes.json", headers={"Accept-Encoding": "identity"}
    )  # (a kept answer may be gzip)
    assert whole.status_code == 200
    # made in one piece: a length, no chunked transfer (the old download always streamed)
    assert int(whole.headers["content-length"]) == len(whole.content)
    assert 'filename="quotes.json"' in whole.headers["content-disposition"]
    client.app.state.cache.clear()  # type: ignore[attr-defined]
    monkeypatch.setattr(downloads, "STREAM_AFTER", 100)
    monkeypatch.setattr(downloads, "CHUNK", 3)
    streamed = client.get("/api/quotes.json")
    assert streamed.status_code == 200 and "content-length" not in streamed.headers
    assert streamed.content == whole.content
    as_csv = client.get("/api/quotes.csv")
    assert "content-length" not in as_csv.headers
    assert as_csv.text.count("\r\n") == len(whole.json()) + 1


def test_a_cell_is_what_the_spreadsheet_safe_rule_makes_of_it() -> None:
    from newsgraph.store.csvsafe import FORMULA, safe_cell

    for first in [*"=+-@\t\r\n|%", *"aZ0 '\"", ""]:
        for text in (first, first + "1", first + "SUM(A1)", first + "2.5e3"):
            assert downloads.cell(text) == str(safe_cell(text)), text
    # every first character the safe rule acts on is one the fast path looks at again
    changed = {c for c in map(chr, range(0x3000)) if safe_cell(c + "x") != c + "x"}
    assert changed and changed <= downloads._FORMULA_FIRST and FORMULA.startswith("^[")
    assert [downloads.cell(v) for v in (None, True, False, 3, -2.5, [{"name": "=A"}, "b"])] == [
        "",
        "true",
        "false",
        "3",
        "-2.5",
        "'=A; b",
    ]


def test_a_column_written_whole_is_what_cell_writes_value_by_value() -> None:
    """downloads._cells skips the per-cell call only where the CSV writer writes the same text."""
    import csv
    import io

    from newsgraph.web.downloads import _cells, cell

    columns: list[list[Any]] = [
        ["plain", None, "text"],
        [1, 2.5, None, 1e20, -0.0],
        ["ok", "=1+1", "@x", None],
        [True, False, None],
        [["a"], None],
        [{"k": 1}, "x"],
        ["-3", 4],
        ["", None, "a", "+1", "=b"],
        [None, ""],
        [],
    ]

    def written(rows: list[list[Any]]) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        return out.getvalue()

    for values in columns:
        assert written([[v] for v in _cells(values)]) == written([[cell(v)] for v in values]), values


def _csv_from_rows(db: WebDb, view: str, f: Any) -> bytes:
    """The CSV download as written before it went column by column: each row a dict, each value
    through :func:`downloads.cell`."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header: list[str] | None = None
    for chunk in downloads.rows(db, view, f):
        if header is None:
            header = list(chunk[0])
            writer.writerow(header)
        writer.writerows([[downloads.cell(r.get(k)) for k in header] for r in chunk])
    return out.getvalue().encode("utf-8")


def test_a_csv_written_column_by_column_is_the_one_written_row_by_row(
    synthetic_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.web import queries as q

    db = WebDb(synthetic_db)
    # an actor named as a formula: its cell must be defused on the column path too
    parts = db.event_parts.rows
    at = next(i for i, p in enumerate(parts) if p[1] == "actor")
    ev, role, node, key, code, text, _ = parts[at]
    parts[at] = (ev, role, node, key, code, text, "=HYPERLINK(1)")
    monkeypatch.setattr(downloads, "CHUNK", 7)
    cases: list[tuple[str, Any]] = [
        ("events", q.EventFilters(min_confidence=0)),
        ("events", q.EventFilters(min_confidence=0, actor="USA")),
        ("events", q.EventFilters(min_confidence=0, quad="material conflict")),
        ("quotes", q.QuoteFilters()),
        ("quotes", q.QuoteFilters(kind="direct")),
        ("counts", q.CountFilters()),
        ("counts", q.CountFilters(q="people")),
    ]
    for view, f in cases:
        assert downloads.VIEWS[view].columns_of is not None
        got = b"".join(downloads.csv_lines(db, view, f))
        assert got.count(b"\r\n") > 8, (view, f)  # several chunks
        assert got == _csv_from_rows(db, view, f), (view, f)
    every = b"".join(downloads.csv_lines(db, "events", q.EventFilters(min_confidence=0)))
    assert b"'=HYPERLINK(1)" in every and b",=HYPERLINK" not in every


def test_an_empty_download_has_the_header_of_a_full_one(synthetic_db: Any) -> None:
    """A filter that matches nothing still gives the columns a matching filter gives, in order."""
    from newsgraph.web import queries as q

    db = WebDb(synthetic_db)
    cases: list[tuple[str, Any, Any]] = [
        ("events", q.EventFilters(min_confidence=0), q.EventFilters(min_confidence=0, actor="NO-SUCH-ACTOR")),
        ("quotes", q.QuoteFilters(), q.QuoteFilters(q="nosuchwordanywhere")),
        ("counts", q.CountFilters(), q.CountFilters(q="nosuchwordanywhere")),
    ]
    for view, full, empty in cases:
        full_lines = b"".join(downloads.csv_lines(db, view, full)).split(b"\r\n")
        empty_lines = b"".join(downloads.csv_lines(db, view, empty)).split(b"\r\n")
        assert len(full_lines) > 2 and empty_lines == [empty_lines[0], b""], view
        assert empty_lines[0] == full_lines[0], view


def _json_from_rows(db: WebDb, view: str, f: Any) -> bytes:
    """The JSON download as written before the rows' bytes were kept: every row's dict at once."""
    import orjson

    return orjson.dumps([r for chunk in downloads.rows(db, view, f) for r in chunk]) + b"\n"


def test_rows_seen_before_are_joined_not_made_again(
    synthetic_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A download keeps each row's bytes (RowBytes): a later download of rows already made joins
    them without making them again, and gives the bytes a download made from the rows gives."""
    from newsgraph.web import queries as q

    db = WebDb(synthetic_db)
    made: list[int] = []
    real = downloads.RowBytes._make

    def counted(self: downloads.RowBytes, ranks: list[int]) -> dict[int, bytes]:
        made.extend(ranks)
        return real(self, ranks)

    monkeypatch.setattr(downloads.RowBytes, "_make", counted)
    monkeypatch.setattr(downloads, "CHUNK", 5)
    cases: list[tuple[str, Any, Any]] = [
        ("events", q.EventFilters(min_confidence=0), q.EventFilters(min_confidence=0, actor="USA")),
        ("quotes", q.QuoteFilters(), q.QuoteFilters(kind="direct")),
        ("counts", q.CountFilters(), q.CountFilters(q="people")),
    ]
    for view, every, some in cases:
        for fmt, lines, expected in (
            ("json", downloads.json_lines, _json_from_rows),
            ("csv", downloads.csv_lines, _csv_from_rows),
        ):
            made.clear()
            assert b"".join(lines(db, view, every)) == expected(db, view, every), (view, fmt)
            n_rows = len(made)
            assert n_rows > 5, (view, fmt)
            made.clear()
            part = b"".join(lines(db, view, some))
            assert part == expected(db, view, some), (view, fmt)
            assert made == [], (view, fmt)  # every row was made by the download of all of them
            kept = downloads.row_bytes(db, view, fmt)
            assert len(kept.rows) == n_rows and kept.bytes == sum(map(len, kept.rows.values()))


def test_rows_past_the_bound_are_made_and_not_kept(
    synthetic_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.web import queries as q

    db = WebDb(synthetic_db)
    monkeypatch.setattr(downloads, "KEPT_BYTES", 1)
    monkeypatch.setattr(downloads, "CHUNK", 4)
    f = q.QuoteFilters()
    for _ in range(2):
        assert b"".join(downloads.json_lines(db, "quotes", f)) == _json_from_rows(db, "quotes", f)
    kept = downloads.row_bytes(db, "quotes", "json")
    assert len(kept) == len(kept.rows) == 4  # the first chunk, then the bound was passed


def test_rows_made_in_blocks_give_the_bytes_made_one_by_one(
    synthetic_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RowBytes.fill (start-up) keeps the rows in blocks; downloads joined from them, and from
    blocks and single rows mixed, are the bytes made from the rows."""
    from newsgraph.web import queries as q

    db = WebDb(synthetic_db)
    monkeypatch.setattr(downloads, "BLOCK", 3)
    monkeypatch.setattr(downloads, "CHUNK", 5)
    cases: list[tuple[str, Any]] = [
        ("events", q.EventFilters(min_confidence=0, actor="USA")),
        ("events", q.EventFilters(min_confidence=0)),
        ("quotes", q.QuoteFilters(kind="direct")),
        ("counts", q.CountFilters()),
    ]
    for view, f in cases:
        for fmt, lines, expected in (
            ("json", downloads.json_lines, _json_from_rows),
            ("csv", downloads.csv_lines, _csv_from_rows),
        ):
            kept = downloads.row_bytes(db, view, fmt)
            first = not kept.blocks
            b"".join(lines(db, view, f))  # some rows made one by one first
            assert bool(kept.rows) == first, (view, fmt)
            n = len(downloads.list_rows(db, view))
            assert kept.fill() == (n if first else 0) and len(kept) == n, (view, fmt)
            assert not kept.rows and len(kept.blocks) > 1, (view, fmt)
            assert kept.bytes == sum(len(blob) for blob, _ in kept.blocks.values())
            assert b"".join(lines(db, view, f)) == expected(db, view, f), (view, fmt)
