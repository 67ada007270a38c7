"""Encodings: UTF-16 and UTF-32, with or without a byte-order mark, in text, JSON Lines, JSON and
feeds; a page whose declared charset is wrong; lone surrogates never leave a reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.errors import BinaryInputError, InputError
from newsgraph.readers.base import Source, choose_reader
from newsgraph.readers.decode import decode, sniff_wide
from newsgraph.readers.html import decode_html
from newsgraph.records import Document, no_surrogates
from newsgraph.runner.local import iter_documents
from newsgraph.settings import Settings

TEXT = "Talks Resume in Zürich\n\nDelegates said — in Kraków and São Paulo — that talks would go on.\n"
WIDE = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")


@pytest.mark.parametrize("encoding", WIDE)
def test_utf16_and_utf32_decode_with_and_without_a_byte_order_mark(encoding: str) -> None:
    """Issue 17, defect 6: UTF-16 LE without a BOM was refused as "binary data"."""
    text, used = decode(TEXT.encode(encoding))
    assert text == TEXT
    assert used.startswith(encoding[:6])


def test_binary_data_is_still_refused() -> None:
    for data in (bytes(range(256)) * 4, b"\x00\x01\x02\x03" * 100, b"\x89PNG\r\n\x1a\n" + bytes(200)):
        with pytest.raises(BinaryInputError):
            decode(data)


@given(
    st.text(
        alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FFF, exclude_categories=("Cs",)), min_size=8
    )
)
@settings(max_examples=200, deadline=None)
def test_any_text_with_a_byte_order_mark_decodes_to_itself(text: str) -> None:
    if not text.strip():
        return
    for encoding in ("utf-16", "utf-32", "utf-8-sig"):
        assert decode(text.encode(encoding))[0] == text


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=4))
@settings(max_examples=200, deadline=None)
def test_ascii_text_without_a_byte_order_mark_is_found_in_utf16_and_utf32(text: str) -> None:
    if not text.strip():
        return
    for encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        assert sniff_wide(text.encode(encoding)) == encoding
        assert decode(text.encode(encoding)) == (text, encoding)


@given(st.binary(min_size=1, max_size=600))
@settings(max_examples=300, deadline=None)
def test_any_bytes_decode_or_give_an_input_error(data: bytes) -> None:
    try:
        text, _ = decode(data)
    except InputError:
        return
    assert no_surrogates(text) == text


@given(st.text(min_size=1))
@settings(max_examples=200, deadline=None)
def test_documents_never_hold_a_lone_surrogate(text: str) -> None:
    doc = Document(source=text, text=text, reader="text", title=text, authors=[text], url=text)
    for value in (doc.source, doc.text, doc.title, doc.url, *doc.authors):
        assert value is not None
        value.encode("utf-8")  # raises on a lone surrogate
        assert len(value) == len(text)  # offsets into the text stay right


def read(path: Path) -> list[Document | InputError]:
    return [
        item if isinstance(item, Document) else InputError(item.message)
        for item in iter_documents([path], Settings.load())
    ]


@pytest.mark.parametrize("encoding", [*WIDE, "utf-8-sig"])
def test_jsonl_and_json_in_utf16_and_utf32(tmp_path: Path, encoding: str) -> None:
    """Issue 17, defect 6: UTF-16/32 JSON Lines gave codec errors."""
    records = [
        {"title": f"Zürich Talks {i}", "maintext": "Delegates met on Monday in Zürich."} for i in range(3)
    ]
    lines = tmp_path / "a.jsonl"
    lines.write_bytes("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode(encoding))
    whole = tmp_path / "b.json"
    whole.write_bytes(json.dumps(records, ensure_ascii=False, indent=1).encode(encoding))
    for path in (lines, whole):
        titles = [d.title for d in read(path) if isinstance(d, Document)]
        assert titles == ["Zürich Talks 0", "Zürich Talks 1", "Zürich Talks 2"], (path.name, read(path))


@pytest.mark.parametrize("encoding", WIDE)
@pytest.mark.parametrize("declared", ["utf-8", None])
def test_feeds_in_utf16_and_utf32_are_found_and_read(
    tmp_path: Path, encoding: str, declared: str | None
) -> None:
    decl = f' encoding="{declared}"' if declared else ""
    feed = (
        f'<?xml version="1.0"{decl}?><rss version="2.0"><channel><title>Desk</title><item>'
        "<title>Zürich talks resume</title><description>Delegates met on Monday in Zürich.</description>"
        "</item></channel></rss>"
    )
    path = tmp_path / "feed"  # no extension: found by sniffing
    path.write_bytes(feed.encode(encoding))
    assert choose_reader(Source(name=str(path), path=path)).name == "feed"
    assert [d.title for d in read(path) if isinstance(d, Document)] == ["Zürich talks resume"]


def test_a_page_declared_in_a_legacy_charset_but_written_in_utf8_reads_as_utf8() -> None:
    """Issue 16: a page that declares iso-8859-15 but is UTF-8 came out as "sanciÃ³n"."""
    page = (
        '<html><head><meta charset="iso-8859-15"></head><body><p>La sanción del ministro.</p></body></html>'
    )
    text, encoding = decode_html(page.encode("utf-8"), source="a.html")
    assert "sanción" in text and encoding == "utf-8"
    text, _ = decode_html(page.encode("utf-8"), source="a.html", charset="windows-1252")
    assert "sanción" in text
    # a page that is in the charset it declares is read in it
    text, encoding = decode_html(page.encode("iso-8859-15"), source="a.html")
    assert "sanción" in text and encoding == "iso8859-15"
