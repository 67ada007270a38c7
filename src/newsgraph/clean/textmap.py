"""Build a cleaned text piece by piece while remembering where each piece came from.

Cleaning (whitespace, quote characters, broken encodings) changes the text; the
:class:`TextBuilder` records a :class:`~newsgraph.records.SourceMap` so every offset in the
cleaned text still points at the characters of the source text it came from."""

from __future__ import annotations

import re

from ..records import Segment, SourceMap

# Replacements that keep the meaning and fix what scrapers break. Multi-character keys are
# UTF-8 text decoded as cp1252 ("mojibake"); the rest are rare quote and space characters.
_REPLACE: dict[str, str] = {
    "\u00e2\u20ac\u0153": "\u201c",  # â€œ -> “
    "\u00e2\u20ac\u009d": "\u201d",  # â€ + 0x9d -> ”
    "\u00e2\u20ac\u009c": "\u201c",
    "\u00e2\u20ac\u2122": "\u2019",  # â€™ -> ’
    "\u00e2\u20ac\u02dc": "\u2018",  # â€˜ -> ‘
    "\u00e2\u20ac\u201c": "\u2013",  # â€“ -> –
    "\u00e2\u20ac\u201d": "\u2014",  # â€” -> —
    "\u00e2\u20ac\u00a6": "\u2026",  # â€¦ -> …
    "\u00c2\u00a0": " ",  # Â + nbsp -> space
    "``": "\u201c",
    "''": "\u201d",
    "\u201b": "\u2018",
    "\u201f": "\u201c",
    "\uff02": '"',
    "\uff07": "'",
    "\u00b4": "\u2019",
}
_DROP = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DROP_TABLE = str.maketrans("", "", _DROP)

_PATTERN = re.compile(
    "|".join(
        [
            # whitespace runs other than one plain space
            rf"[^\S ][\s{_DROP}]*| [\s{_DROP}]*\s",
            # invisible characters inside a sequence do not hide it (cleaning stays idempotent)
            *(f"[{_DROP}]*".join(map(re.escape, k)) for k in sorted(_REPLACE, key=len, reverse=True)),
            f"[{_DROP}]+",
        ]
    )
)


class TextBuilder:
    """Accumulates cleaned text and its source map."""

    __slots__ = ("_len", "_parts", "_segments")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def add(self, text: str, raw_start: int, raw_end: int) -> None:
        """Append ``text``, which stands for ``raw[raw_start:raw_end]``."""
        if not text:
            return
        start, end = self._len, self._len + len(text)
        segs = self._segments
        identity = len(text) == raw_end - raw_start
        if identity and segs:
            last = segs[-1]
            if (
                last.end == start
                and last.raw_end == raw_start
                and last.end - last.start == last.raw_end - last.raw_start
            ):
                last.end, last.raw_end = end, raw_end
                self._parts.append(text)
                self._len = end
                return
        segs.append(Segment(start, end, raw_start, raw_end))
        self._parts.append(text)
        self._len = end

    def add_normalized(self, raw: str, start: int, end: int) -> None:
        """Append ``raw[start:end]`` cleaned: whitespace runs become one space (leading and trailing
        whitespace dropped), mojibake and rare quote characters are repaired, invisible characters
        removed."""
        # trim
        while start < end and (raw[start].isspace() or raw[start] in _DROP):
            start += 1
        while end > start and (raw[end - 1].isspace() or raw[end - 1] in _DROP):
            end -= 1
        pos = start
        for m in _PATTERN.finditer(raw, start, end):
            if m.start() > pos:
                self.add(raw[pos : m.start()], pos, m.start())
            token = m.group()
            if token[0] in _DROP:
                pass
            elif token[0].isspace():
                self.add(" ", m.start(), m.end())
            else:
                self.add(_REPLACE[token.translate(_DROP_TABLE)], m.start(), m.end())
            pos = m.end()
        if pos < end:
            self.add(raw[pos:end], pos, end)

    def text(self) -> str:
        return "".join(self._parts)

    def source_map(self) -> SourceMap:
        return SourceMap([Segment(s.start, s.end, s.raw_start, s.raw_end) for s in self._segments])


def normalize(raw: str) -> str:
    """``raw`` cleaned as one paragraph (see :meth:`TextBuilder.add_normalized`)."""
    builder = TextBuilder()
    builder.add_normalized(raw, 0, len(raw))
    return builder.text()
