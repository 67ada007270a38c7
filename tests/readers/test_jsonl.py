from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.clean.split import split_document
from newsgraph.errors import EmptyInputError, InputError, MalformedRecordError
from newsgraph.readers.base import Source, choose_reader
from newsgraph.readers.jsonl import JsonlReader, parse_datetime_date
from newsgraph.records import Document
from newsgraph.settings import Settings

# Original, fictional records in the shapes news-please and fundus write.
NEWSPLEASE: dict[str, Any] = {
    "title": "Valley Farmers Report Early Cherry Harvest After Mild Spring",
    "description": "Growers in the fictional Hollen valley began picking two weeks early.",
    "maintext": "HOLLEN — Cherry growers in the Hollen valley began their harvest on Monday, two weeks "
    "earlier than usual, after the mildest spring in the region's records.\n"
    "The growers' cooperative said it expected about 1,800 tonnes, a fifth more than last year.\n"
    "“The trees flowered without a single frost,” said Pia Lorentz, who farms 12 hectares near the river.",
    "date_publish": "2023-06-05 07:30:00",
    "date_modify": "2023-06-05 09:00:00",
    "url": "https://valleypost.example/2023/06/05/cherry-harvest",
    "authors": ["Jonas Weill", "Mara Fink"],
    "language": "en",
    "source_domain": "valleypost.example",
}
FUNDUS: dict[str, Any] = {
    "title": "Coastal Town Tests Floating Solar Panels on Its Reservoir",
    "authors": ["Ana Ruiz"],
    "publishing_date": "2023-09-18T16:45:00+02:00",
    "url": "https://coastledger.example/energy/floating-solar-test",
    "body": {
        "summary": ["A pilot array of 600 panels now floats on the Maravel reservoir."],
        "sections": [
            {
                "headline": [],
                "paragraphs": [
                    "The fictional town of Maravel switched on a floating solar array on Monday, the first "
                    "of its kind in the province, covering about a hectare of its drinking-water reservoir.",
                    "Engineers said the panels also shade the water and should cut evaporation in summer.",
                ],
            },
            {
                "headline": ["Costs and next steps"],
                "paragraphs": ["The pilot cost 1.1 million euros, half of it paid by a regional grant."],
            },
        ],
    },
}
GENERIC: dict[str, Any] = {
    "headline": "Library Extends Opening Hours",
    "content": "The town library will stay open until nine on weekdays from next month.",
    "published_at": "2024-01-08T18:00:00Z",
    "author": "Press Office",
}


def write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_all(path: Path, settings: Settings | None = None) -> list[Document | InputError]:
    source = Source(name=str(path), path=path)
    reader = choose_reader(source)
    assert reader.name == "jsonl"
    return list(reader.read(source, settings or Settings()))


def test_news_please_record(tmp_path: Path) -> None:
    path = tmp_path / "np.jsonl"
    write_lines(path, [json.dumps(NEWSPLEASE)])
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.reader == "jsonl" and doc.kind == "article"
    assert doc.title == NEWSPLEASE["title"]
    assert doc.published == dt.date(2023, 6, 5)
    assert doc.url == doc.source == NEWSPLEASE["url"]
    assert doc.authors == ["Jonas Weill", "Mara Fink"]
    assert doc.text.split("\n") == NEWSPLEASE["maintext"].split("\n")
    assert "fictional Hollen valley began picking" not in doc.text  # the description is metadata


def test_fundus_record_with_sections(tmp_path: Path) -> None:
    path = tmp_path / "fundus.ndjson"
    write_lines(path, [json.dumps(FUNDUS)])
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.published == dt.date(2023, 9, 18)
    assert doc.authors == ["Ana Ruiz"]
    lines = doc.text.split("\n")
    assert lines[0] == FUNDUS["body"]["summary"][0]
    assert lines[3] == "Costs and next steps"  # the section headline is its own line
    assert lines[4].startswith("The pilot cost 1.1 million euros")
    [draft] = split_document(doc)
    assert "Costs and next steps" in draft.text


def test_generic_record_and_fallback_source(tmp_path: Path) -> None:
    path = tmp_path / "misc.jsonl"
    write_lines(path, [json.dumps(GENERIC), "", json.dumps({**GENERIC, "text": "Second record body text."})])
    docs = read_all(path)
    assert [d.source for d in docs if isinstance(d, Document)] == [f"{path}#1", f"{path}#2"]
    first = docs[0]
    assert isinstance(first, Document)
    assert first.title == "Library Extends Opening Hours"
    assert first.published == dt.date(2024, 1, 8)
    assert first.authors == ["Press Office"]
    assert first.url is None


def test_malformed_line_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    write_lines(
        path,
        [
            json.dumps(NEWSPLEASE),
            '{"title": "Broken record", "maintext": "no closing brace"',
            json.dumps({"title": "No body at all", "url": "https://x.example/empty"}),
            json.dumps(FUNDUS),
        ],
    )
    items = read_all(path)
    assert len(items) == 4
    assert isinstance(items[0], Document) and isinstance(items[3], Document)
    bad_json, no_body = items[1], items[2]
    assert isinstance(bad_json, MalformedRecordError) and bad_json.record == "line 2"
    assert bad_json.source == str(path) and f"{path}:line 2" in str(bad_json)
    assert isinstance(no_body, MalformedRecordError) and no_body.record == "line 3"
    assert "no body text" in no_body.message


def test_gzipped_lines(tmp_path: Path) -> None:
    path = tmp_path / "np.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps(NEWSPLEASE) + "\n" + json.dumps(FUNDUS) + "\n").encode()))
    docs = read_all(path)
    assert [d.title for d in docs if isinstance(d, Document)] == [NEWSPLEASE["title"], FUNDUS["title"]]


def test_json_list_and_single_object(tmp_path: Path) -> None:
    many = tmp_path / "many.json"
    many.write_text(json.dumps([NEWSPLEASE, {"title": "empty"}, FUNDUS], indent=2), encoding="utf-8")
    items = read_all(many)
    assert [type(i) for i in items] == [Document, MalformedRecordError, Document]
    assert items[1].record == "record 2"  # type: ignore[union-attr]
    one = tmp_path / "one.json"
    one.write_text(json.dumps(GENERIC, indent=2), encoding="utf-8")
    [doc] = read_all(one)
    assert isinstance(doc, Document) and doc.source == f"{one}#1"


def test_sniffs_json_lines_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "export"
    write_lines(path, [json.dumps(NEWSPLEASE)])
    assert choose_reader(Source(name=str(path), path=path)).name == "jsonl"
    assert choose_reader(Source(name="<stdin>", data=b'  [{"title": "x"}]')).name == "jsonl"
    assert not JsonlReader().sniff(b"[Photo] A heron on the river bank")


def test_stdin_data() -> None:
    data = (json.dumps(GENERIC) + "\n").encode()
    [doc] = list(JsonlReader().read(Source(name="<stdin>", data=data), Settings()))
    assert isinstance(doc, Document) and doc.source == "<stdin>#1"


def test_non_object_and_empty(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    write_lines(path, ['"just a string"', json.dumps(GENERIC)])
    items = read_all(path)
    assert isinstance(items[0], MalformedRecordError) and "not a JSON object" in items[0].message
    assert isinstance(items[1], Document)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    [error] = read_all(empty)
    assert isinstance(error, EmptyInputError)


def test_raw_setting(tmp_path: Path) -> None:
    path = tmp_path / "np.jsonl"
    write_lines(path, [json.dumps(NEWSPLEASE)])
    [doc] = read_all(path, Settings(raw=True))
    assert isinstance(doc, Document) and doc.kind == "raw"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-12-15 10:00:00", dt.date(2017, 12, 15)),
        ("2023-09-18T23:45:00-05:00", dt.date(2023, 9, 18)),  # the date as written, not in UTC
        ("2024-01-08T18:00:00Z", dt.date(2024, 1, 8)),
        ("Tue, 08 Jul 2025 21:35:00 GMT", dt.date(2025, 7, 8)),
        ("2024-02-30", None),
        ("soon", None),
        (None, None),
    ],
)
def test_parse_datetime_date(value: str | None, expected: dt.date | None) -> None:
    assert parse_datetime_date(value) == expected


def test_author_shapes() -> None:
    from newsgraph.readers.jsonl import authors_of

    value = ["By Jane Doe", "desk@paper.example (Ann Lee)", "Bob Hale; Cara Moss", {"name": "Dee Ross"}]
    assert authors_of(value) == ["Jane Doe", "Ann Lee", "Bob Hale", "Cara Moss", "Dee Ross"]
    assert authors_of("Press Office") == ["Press Office"] and authors_of(None) == []


def test_fundus_section_headlines_become_headings(tmp_path: Path) -> None:
    import json as _json

    from newsgraph.clean.split import split_document
    from newsgraph.readers.jsonl import record_to_document
    from newsgraph.settings import Settings

    record = {
        "title": "Port Strike Ends",
        "body": {
            "summary": ["Dock workers returned on Monday."],
            "sections": [
                {"headline": [], "paragraphs": ["The strike lasted nine days, the union said."]},
                {"headline": ["what comes next"], "paragraphs": ["Talks resume in May, officials said."]},
            ],
        },
    }
    doc = record_to_document(
        _json.loads(_json.dumps(record)),
        source="f.jsonl",
        where="line 1",
        fallback_source="f.jsonl#1",
        settings=Settings.load(),
    )
    (draft,) = split_document(doc)
    assert [h.text for h in draft.headings] == ["what comes next"]
