"""``python -m newsgraph.cli``: the ``newsgraph`` command."""

from . import main

main()
