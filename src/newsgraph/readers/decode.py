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


#: UTF-32 and UTF-16 without a byte-order mark, told apart by where their NUL bytes fall.
_WIDE32 = (("utf-32-le", (2, 3)), ("utf-32-be", (0, 1)))
_WIDE16 = (("utf-16-le", 1, 0), ("utf-16-be", 0, 1))


def sniff_wide(data: bytes, sample: int = 4096) -> str | None:
    """``utf-32-le``/``-be`` or ``utf-16-le``/``-be`` when ``data`` (without a byte-order mark) is
    text in one of them: its NUL bytes fall where that encoding puts them, and it decodes into
    printable text. None otherwise."""
    head = data[: sample - sample % 4]
    head = head[: len(head) - len(head) % 4]
    if len(head) < 4 or b"\0" not in head or sniff_bom(head):
        return None

    def zeros(step: int, at: int) -> float:
        part = head[at::step]
        return part.count(0) / len(part)

    candidates = [name for name, nuls in _WIDE32 if all(zeros(4, at) > 0.9 for at in nuls)]
    candidates += [name for name, nul, other in _WIDE16 if zeros(2, nul) > 0.6 and zeros(2, other) < 0.2]
    for name in candidates:
        try:
            text = head.decode(name)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for c in text if c.isprintable() or c in "\t\n\r\f")
        if text.strip() and printable / len(text) > 0.95:
            try:
                data.decode(name)
            except UnicodeDecodeError:
                continue
            return name
    return None


def wide_encoding(data: bytes) -> str | None:
    """The UTF-16/UTF-32 encoding of ``data`` (by its byte-order mark, else its NUL bytes), for a
    reader that splits lines or parses bytes and so must transcode first; None for other text."""
    bom = sniff_bom(data)
    if bom:
        return None if bom[0] == "utf-8" else bom[0]
    return sniff_wide(data)


def to_utf8(data: bytes) -> bytes:
    """UTF-16/UTF-32 bytes (with or without a byte-order mark) as UTF-8; other bytes unchanged."""
    wide = wide_encoding(data)
    if not wide:
        return data
    bom = sniff_bom(data)
    return data[bom[1] if bom else 0 :].decode(wide, "replace").encode("utf-8")


def utf8_despite(data: bytes, declared: str) -> bool:
    """True when bytes declared (by a ``<meta>`` charset or an HTTP header) to be in ``declared``
    are in fact UTF-8: they hold non-ASCII bytes and all of them form valid UTF-8 sequences, which
    text in a legacy encoding almost never does (a page saying iso-8859-15 but written in UTF-8
    would otherwise read "sanciÃ³n")."""
    if declared.replace("_", "-").lower() in ("utf-8", "utf8") or declared.startswith(("utf-16", "utf-32")):
        return False
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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
    wide = sniff_wide(data)
    if wide:
        return data.decode(wide), wide
    if looks_binary(data):
        raise BinaryInputError("binary data, not text", source=source, record=record)
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"
