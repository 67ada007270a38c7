from __future__ import annotations

import codecs

import pytest

from newsgraph.errors import BinaryInputError, EmptyInputError
from newsgraph.readers.decode import decode

TEXT = "Café talks: “déjà vu” for the minister’s aides."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes(data: bytes, encoding: str) -> None:
    assert decode(data) == (TEXT, encoding)


def test_latin1_fallback() -> None:
    data = "Señor \x81".encode("latin-1")  # 0x81 is undefined in cp1252
    text, encoding = decode(data)
    assert encoding == "latin-1" and text.startswith("Señor")


@pytest.mark.parametrize("data", [b"", b"   \n\t ", codecs.BOM_UTF8])
def test_empty(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        decode(data, source="e.txt")


def test_binary() -> None:
    with pytest.raises(BinaryInputError) as info:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, source="img.txt")
    assert "img.txt" in str(info.value)
