from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import InputError, MalformedRecordError, NoArticleError
from newsgraph.readers.base import Source, choose_reader
from newsgraph.readers.warc import WarcReader, warc_date
from newsgraph.records import Document, ErrorRecord
from newsgraph.runner.local import iter_documents
from newsgraph.settings import Settings
from reliability.hostile import warc_record

SITE = "https://riverside.example"

# Original, fictional article text written for these tests.
STORIES = {
    "bridge": (
        "Riverside Reopens Old Stone Bridge to Cyclists",
        [
            "The fictional town of Riverside reopened its old stone bridge to cyclists on Saturday after "
            "eight months of work to replace the crumbling parapets and resurface the deck.",
            "About 1,200 cyclists a day used the bridge before it closed, according to the town's traffic "
            "office, which expects the number to rise now that a painted lane links it to the station.",
            "“It is the shortest way to school for half the children in the east end,” said Wenke Aalto, "
            "who led a parents' campaign to have the works finished before the autumn term.",
        ],
    ),
    "market": (
        "Saturday Market Moves to the Riverside Quay",
        [
            "Riverside's Saturday market will move from the church square to the quay in March, the town "
            "council decided on Thursday, ending a dispute over parking that lasted most of the winter.",
            "Stallholders said the quay offered more space and shelter from the wind, though some worried "
            "that older customers would find the walk from the bus stop too long.",
            "The council promised a shuttle bus on market days for the first six months.",
        ],
    ),
    "school": (
        "New Primary School Opens in the East End",
        [
            "A new primary school for 300 pupils opened in the east end of Riverside on Monday, two years "
            "after the old building was closed because of damp and failing heating.",
            "The head teacher, Oskar Lind, said classes would be smaller than before and that the school "
            "garden would be planted with help from parents during the first term.",
            "The building cost 9 million crowns and was paid for by the town and the regional government.",
        ],
    ),
}


def page(title: str, paras: list[str], published: str | None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        f'<meta property="og:title" content="{title}">{meta}</head><body>'
        f'<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Riverside Gazette, 1 Quay Street</footer></body></html>"
    ).encode()


def response(
    writer: WARCWriter,
    url: str,
    payload: bytes,
    *,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    date: str = "2024-03-02T10:00:00Z",
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=BytesIO(payload), http_headers=http, warc_headers_dict={"WARC-Date": date}
    )
    writer.write_record(record)


def build_warc(path: Path, *, gzip: bool = True) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        response(
            writer, f"{SITE}/robots.txt", b"User-agent: *\nDisallow: /admin\n", content_type="text/plain"
        )
        title, paras = STORIES["bridge"]
        response(writer, f"{SITE}/bridge", page(title, paras, "2024-02-28T08:00:00+01:00"))
        title, paras = STORIES["market"]
        response(writer, f"{SITE}/market", page(title, paras, None), date="2024-03-01T23:10:00Z")
        response(writer, f"{SITE}/gone", page("Gone", ["Not found."], None), status="404 Not Found")
        response(writer, f"{SITE}/empty", b"<html><body><div></div></body></html>")
        title, paras = STORIES["school"]
        response(writer, f"{SITE}/school", page(title, paras, "2024-03-02T07:00:00Z"))


def read_all(path: Path) -> list[Document | InputError]:
    source = Source(name=str(path), path=path)
    reader = choose_reader(source)
    assert reader.name == "warc"
    return list(reader.read(source, Settings()))


def test_reads_html_responses(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    build_warc(path)
    items = read_all(path)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.url for d in docs] == [f"{SITE}/bridge", f"{SITE}/market", f"{SITE}/school"]
    assert all(d.source == d.url and d.kind == "article" and d.reader == "warc" for d in docs)
    bridge, market, _ = docs
    assert bridge.title == STORIES["bridge"][0]
    assert bridge.published == dt.date(2024, 2, 28)  # the page's metadata wins over WARC-Date
    assert market.published == dt.date(2024, 3, 1)  # no metadata: the WARC-Date
    for para in STORIES["bridge"][1]:
        assert para in bridge.text.split("\n")
    assert "Riverside Gazette, 1 Quay Street" not in bridge.text
    # robots.txt (not HTML) and the 404 are skipped silently; the empty page is reported by URL
    [error] = errors
    assert isinstance(error, NoArticleError)
    assert error.source == str(path) and error.record == f"{SITE}/empty"


def test_uncompressed_warc_and_sniffing(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    build_warc(path, gzip=False)
    assert len([i for i in read_all(path) if isinstance(i, Document)]) == 3
    plain = tmp_path / "crawl-data"
    plain.write_bytes(path.read_bytes())
    assert choose_reader(Source(name=str(plain), path=plain)).name == "warc"
    gz = tmp_path / "crawl.warc.gz"
    build_warc(gz)
    assert choose_reader(Source(name="<stdin>", data=gz.read_bytes())).name == "warc"
    docs = list(WarcReader().read(Source(name="<stdin>", data=gz.read_bytes()), Settings()))
    assert len([d for d in docs if isinstance(d, Document)]) == 3


def test_truncated_warc_gz(tmp_path: Path) -> None:
    full = tmp_path / "full.warc.gz"
    build_warc(full)
    data = full.read_bytes()
    # cut the file in the middle of the last record (the school page)
    offsets = []
    with full.open("rb") as fh:
        from warcio.archiveiterator import ArchiveIterator

        it = ArchiveIterator(fh)
        for _ in it:
            offsets.append(it.get_record_offset())
    last = offsets[-1]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: last + (len(data) - last) // 2])
    items = read_all(cut)
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs] == [f"{SITE}/bridge", f"{SITE}/market"]
    broken = [i for i in items if isinstance(i, MalformedRecordError)]
    assert len(broken) == 1 and items[-1] is broken[0]
    assert broken[0].source == str(cut)
    assert broken[0].record == f"record {len(offsets)} at offset {last}"


def test_truncated_between_records(tmp_path: Path) -> None:
    full = tmp_path / "full.warc"
    build_warc(full, gzip=False)
    data = full.read_bytes()
    start = data.index(b"WARC/1", data.index(b"/school") - 600)  # the school record's first line
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: start + 40])  # only part of its header survives
    items = read_all(cut)
    assert len([i for i in items if isinstance(i, Document)]) == 2
    assert isinstance(items[-1], MalformedRecordError)
    assert sum(isinstance(i, MalformedRecordError) for i in items) == 1


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive\n" * 5)
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], MalformedRecordError)


def test_warc_date() -> None:
    assert warc_date("2024-03-01T23:10:00Z") == dt.date(2024, 3, 1)
    assert warc_date("20240301231000") == dt.date(2024, 3, 1)
    assert warc_date("garbage") is None and warc_date(None) is None


def _page() -> bytes:
    title, paragraphs = STORIES["bridge"]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>".encode()


URL = "http://fuzz.example/a"


def _record(**kwargs: str) -> bytes:
    return warc_record(URL, _page(), **kwargs)


MALFORMED: dict[str, tuple[Callable[[], bytes], str, str]] = {
    # issue 17, defect 5: each of these stored nothing and recorded nothing
    "no WARC-Type": (
        lambda: _record().replace(b"WARC-Type: response\r\n", b""),
        "NG105",
        "record has no WARC-Type",
    ),
    "status without code": (
        lambda: _record(status="OK"),
        "NG105",
        "unreadable HTTP status line 'HTTP/1.1 OK'",
    ),
    "garbage status": (lambda: _record(status="garbage"), "NG105", "unreadable HTTP status line"),
    "ftp Target-URI": (
        lambda: _record().replace(URL.encode(), b"ftp://fuzz.example/a"),
        "NG106",
        "responses to a URI that is not http(s): 1",
    ),
    "warcinfo only": (
        lambda: warc_record(URL, b"software: x\r\n", rec_type="warcinfo"),
        "NG106",
        "warcinfo records: 1",
    ),
    "only a 404": (lambda: _record(status="404 Not Found"), "NG106", "HTTP status 404: 1"),
    "only an image": (lambda: _record(content_type="image/png"), "NG106", "not HTML (image/png): 1"),
    # issue 17, defect 6: "'NoneType' object has no attribute 'startswith'"
    "no Target-URI": (
        lambda: _record().replace(b"WARC-Target-URI: " + URL.encode() + b"\r\n", b""),
        "NG105",
        "a record has no WARC-Target-URI",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
@pytest.mark.parametrize("gz", [False, True])
def test_a_malformed_warc_records_one_coded_line(
    tmp_path: Path, case: str, gz: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    make, code, words = MALFORMED[case]
    record = make()
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    path.write_bytes(gzip.compress(record) if gz else record)
    items = list(iter_documents([path], Settings.load()))
    assert len(items) == 1 and isinstance(items[0], ErrorRecord), items
    assert items[0].code == code and words in items[0].message, items[0]
    assert str(path) in items[0].line() and "\n" not in items[0].line()
    assert capsys.readouterr().err == ""  # warcio's own multi-line warnings are kept off stderr


def test_a_broken_record_among_good_ones_costs_only_itself(tmp_path: Path) -> None:
    good = _record()
    bad = warc_record("http://fuzz.example/b", _page(), status="garbage")
    path = tmp_path / "a.warc"
    path.write_bytes(good + bad + warc_record("http://fuzz.example/c", _page()))
    items = list(iter_documents([path], Settings.load()))
    assert [type(i).__name__ for i in items] == ["Document", "ErrorRecord", "Document"]
    assert isinstance(items[1], ErrorRecord) and items[1].record == "http://fuzz.example/b"


def test_a_response_without_content_type_is_read_when_it_is_html(tmp_path: Path) -> None:
    path = tmp_path / "a.warc"
    path.write_bytes(_record(content_type=""))
    items = list(iter_documents([path], Settings.load()))
    assert [getattr(i, "title", None) for i in items] == [STORIES["bridge"][0]]
