"""What the command line prints, made safe: text from inputs (file names, titles, messages) never
reaches the terminal with control sequences, bidirectional overrides or markup in it.

A file named ``\\x1b]0;owned\\x07.txt`` or a title holding ``\\u202e`` could otherwise rewrite the
terminal's title, recolour it or reorder what the line shows. :func:`printable` writes such
characters as ``\\uXXXX`` escapes: readable in a message, and still valid JSON (the same escape),
so JSON Lines output decodes to the original text. :class:`SafeConsole` applies it to every string
it prints, table cells and titles included, and never reads ``[...]`` as Rich markup."""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.text import Text

#: Characters escaped: C0 and C1 controls and DEL (terminal escape sequences, new lines inside a
#: one-line message), bidirectional embeddings, overrides, isolates and marks, and lone
#: surrogates (the bytes of a file name that is not UTF-8).
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every :data:`UNPRINTABLE` character written as a ``\\uXXXX`` escape.

    >>> printable("bad\\x1b[31mname\\u202e.txt")
    'bad\\\\u001b[31mname\\\\u202e.txt'
    """
    return UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeConsole(Console):
    """A Rich console that prints every string through :func:`printable`, without markup."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(**kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(printable(text), **kwargs)
