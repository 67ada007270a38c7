"""``ingest --manifest``: per-file and per-record date, URL, outlet and language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import ManifestError
from newsgraph.readers.manifest import load_manifest
from newsgraph.records import Document
from newsgraph.store.db import Store

runner = CliRunner()

ENGLISH = (
    "Minister Resigns Over Budget Row\n\n"
    "The finance minister resigned on Tuesday after a row over the budget, officials said in Paris.\n"
)
GERMAN = (
    "Ministerin tritt nach Haushaltsstreit zurück\n\n"
    "Die Finanzministerin ist am Dienstag nach einem Streit über den Haushalt zurückgetreten, sagten "
    "Beamte in Berlin.\n"
)


def test_csv_rows_by_path_relative_to_the_manifest(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    manifest = tmp_path / "news" / "manifest.csv"
    manifest.write_text(
        "path,published,url,outlet,language\n"
        "a.txt,2024-03-01,https://example.org/a,The Example Times,\n"
        "sub/b.txt,,,Die Zeitung,DE\n",
        encoding="utf-8",
    )
    m = load_manifest(manifest)
    a = m.entry("whatever", str(tmp_path / "news" / "a.txt"))
    assert a is not None and a.published is not None and a.published.isoformat() == "2024-03-01"
    assert (a.url, a.outlet, a.language) == ("https://example.org/a", "The Example Times", None)
    b = m.entry("x", str(tmp_path / "news" / "sub" / "b.txt"))
    assert b is not None and (b.outlet, b.language, b.published) == ("Die Zeitung", "de", None)
    assert m.entry("x", str(tmp_path / "a.txt")) is None  # a file of the same name elsewhere
    doc = Document(source="a.txt", text="t", reader="text", url="https://old", outlet=None)
    applied = a.apply(doc)
    assert (applied.url, applied.outlet, str(applied.published)) == (
        "https://example.org/a",
        "The Example Times",
        "2024-03-01",
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("path,published\na.txt,March 1\n", "line 2: published is not a date"),
        ("path,lang\na.txt,en\n", "line 2: unknown column(s) lang"),
        ("path,language\na.txt,english\n", "line 2: language must be an ISO 639 code"),
        ("url,outlet\nhttps://x,Y\n", "line 2: a row needs a path or a source"),
    ],
)
def test_a_bad_row_names_its_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "m.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    assert message in str(info.value) and info.value.code == "NG204"


@pytest.mark.model
def test_ingest_with_a_jsonl_manifest_per_record_and_per_file(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "de.txt").write_text(GERMAN, encoding="utf-8")
    (inputs / "en.txt").write_text(ENGLISH, encoding="utf-8")
    records = [
        {"url": "https://example.org/r1", "title": "Minister Resigns", "text": ENGLISH.split("\n\n")[1]},
        {
            "url": "https://example.org/r2",
            "title": "Talks Resume",
            "text": ENGLISH.split("\n\n")[1] + " Again.",
        },
    ]
    (inputs / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    rows = [
        # the detector would say German; the manifest says English, so the extractors run
        {"path": "in/de.txt", "language": "en", "outlet": "Berliner Blatt", "published": "2024-05-02"},
        {"path": "in/feed.jsonl", "outlet": "Example Wire"},
        {"source": "https://example.org/r2", "outlet": "Other Desk", "language": "fr"},
    ]
    manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    result = runner.invoke(
        app, ["ingest", str(inputs), "--db", str(db), "-j", "1", "--manifest", str(manifest)]
    )
    assert result.exit_code == 0, result.output
    assert "1 articles stored without facts" in result.output and "fr 1" in result.output
    with Store(db, read_only=True) as store:
        got = {a.source: a for a in store.articles()}
    de = got[str(inputs / "de.txt")]
    assert (de.language, de.language_score, de.outlet) == ("en", 1.0, "Berliner Blatt")
    assert str(de.published) == "2024-05-02" and de.published_from == "metadata"
    assert de.skipped is None
    en = got[str(inputs / "en.txt")]
    assert (
        en.outlet is None and en.language == "en" and en.language_score is not None and en.language_score < 1
    )
    assert got["https://example.org/r1"].outlet == "Example Wire"
    r2 = got["https://example.org/r2"]
    assert (r2.outlet, r2.language, r2.skipped) == ("Other Desk", "fr", "language")
    assert not r2.entities


def test_a_bad_manifest_stops_ingest_before_the_store_is_made(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,published\na.txt,yesterday\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db), "--manifest", str(manifest)]
    )
    assert result.exit_code == 2
    assert "line 2: published is not a date" in result.output
    assert not db.exists()
