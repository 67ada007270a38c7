"""Bytes to text: byte-order marks, UTF-8, then the single-byte Western encodings news sites
still serve (cp1252, latin-1). Binary data is refused rather than decoded into noise."""

from __future__ import annotations

import codecs

from ..errors import BinaryInputError, DecodeError, EmptyInputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Control characters other than tab, newline, carriage return and form feed.
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    """``(encoding, bom_length)`` when ``data`` starts with a byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    """True when the head of ``data`` has NUL bytes or many control characters (and no BOM)."""
    if sniff_bom(data):
        return False
    head = data[:sample]
    if not head:
        return False
    if b"\0" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def decode(data: bytes, source: str = "", record: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    Raises :class:`EmptyInputError` for empty or whitespace-only input, :class:`BinaryInputError` for
    binary data and :class:`DecodeError` when nothing fits."""
    if not data.strip():
        raise EmptyInputError("empty input", source=source, record=record)
    bom = sniff_bom(data)
    if bom:
        encoding, skip = bom
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"invalid {encoding} after byte-order mark: {exc.reason}", source=source, record=record
            ) from None
        if not text.strip():
            raise EmptyInputError("empty input", source=source, record=record)
        return text, encoding
    if looks_binary(data):
        raise BinaryInputError("binary data, not text", source=source, record=record)
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"
