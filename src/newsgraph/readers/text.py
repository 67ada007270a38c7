"""Plain-text files: one article or a scraped dump of several (split later by ``clean.split``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..errors import InputError
from ..records import Document
from ..settings import Settings
from .base import ReadItem, Source, register
from .decode import decode, looks_binary


class TextReader:
    """Reads ``.txt`` files (and anything no other reader claims) as text dumps.

    With ``settings.raw`` the file is one article whose text is exactly the file's content."""

    name: ClassVar[str] = "text"
    extensions: ClassVar[tuple[str, ...]] = (".txt", ".text", ".txt.gz", ".md")
    priority: ClassVar[int] = 90

    def sniff(self, head: bytes) -> bool:
        return bool(head) and not looks_binary(head)

    def read(self, source: Source, settings: Settings) -> Iterator[ReadItem]:
        try:
            data = source.read_bytes(limit=settings.max_input_bytes)
            text, encoding = decode(data, source=source.name)
        except InputError as exc:
            yield exc
            return
        yield Document(
            source=source.name,
            text=text,
            reader=self.name,
            kind="raw" if settings.raw else "dump",
            encoding=encoding,
            size_bytes=len(data),
        )


register(TextReader())
