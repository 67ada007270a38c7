"""The ``newsgraph`` command: thin wrappers over the library's functions.

Exit codes: 0 all inputs read; 1 some inputs or records failed (each reported on one line on
stderr and stored in ``errors``); 2 a usage or setup error stopped the command.

One module per group of commands; importing this package registers them all on :data:`app`."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from . import ingest  # isort: split

from . import admin  # isort: split

from . import facts  # isort: split

from . import articles  # isort: split

from .common import EXIT_FATAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL, app, out

__all__ = ["EXIT_FATAL", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_PARTIAL", "app", "main", "modules"]

#: The modules whose commands are registered on ``app``, imported in the order ``--help`` lists them.
modules = (ingest, admin, facts, articles)


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


def main() -> None:
    """Entry point of the ``newsgraph`` script."""
    app()
