from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from newsgraph.errors import InputError, MalformedRecordError
from newsgraph.readers.base import Source, choose_reader
from newsgraph.readers.feeds import FeedReader
from newsgraph.records import Document
from newsgraph.settings import Settings

# Original, fictional feed items written for these tests.
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Northshore Herald</title>
    <link>https://northshore.example/</link>
    <description>Local news</description>
    <item>
      <title>Lighthouse Keeper's Cottage to Become a Museum</title>
      <link>https://northshore.example/2024/04/lighthouse-museum</link>
      <pubDate>Tue, 09 Apr 2024 21:30:00 -0500</pubDate>
      <author>desk@northshore.example (Helga Brandt)</author>
      <dc:creator>Helga Brandt</dc:creator>
      <description>The cottage will open to visitors next summer.</description>
      <content:encoded><![CDATA[
<p>The keeper's cottage beside the Northshore lighthouse will become a small museum, the
harbour trust said on Tuesday, after a fundraising drive collected 310,000 crowns.</p>
<figure><img src="/c.jpg"><figcaption>The keeper's cottage in winter.</figcaption></figure>
<h3>Open next summer</h3>
<p>The trust plans to show the <b>original lamp</b>, the keeper's logbooks and photographs
from the 1950s.</p>
<ul><li>Entry will be free for children.</li><li>Guided tours run on Sundays.</li></ul>
]]></content:encoded>
    </item>
    <item>
      <title>Ferry Timetable Changes on Monday</title>
      <link>https://northshore.example/2024/04/ferry-timetable</link>
      <pubDate>Wed, 10 Apr 2024 08:00:00 GMT</pubDate>
      <description>&lt;p&gt;The early ferry to the island will leave ten minutes later from Monday,
the operator said.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Photo of the day</title>
      <link>https://northshore.example/2024/04/photo</link>
      <pubDate>Thu, 11 Apr 2024 07:00:00 GMT</pubDate>
    </item>
    <item>
      <link>https://northshore.example/2024/04/empty</link>
    </item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Hill Country Notes</title>
  <id>urn:example:hill-notes</id>
  <updated>2024-05-03T12:00:00Z</updated>
  <entry>
    <title>Snow Closes the High Pass Road Again</title>
    <link href="https://hillnotes.example/2024/05/high-pass"/>
    <id>urn:example:hill-notes:1</id>
    <published>2024-05-02T22:15:00+02:00</published>
    <updated>2024-05-03T09:00:00+02:00</updated>
    <author><name>Rune Sandvik</name></author>
    <content type="html">&lt;p&gt;Late snow closed the high pass road
for the third time this spring.&lt;/p&gt;
&lt;p&gt;Road crews expect to reopen it by Friday if the weather holds.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def read_all(path: Path) -> list[Document | InputError]:
    source = Source(name=str(path), path=path)
    reader = choose_reader(source)
    assert reader.name == "feed"
    return list(reader.read(source, Settings()))


def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "herald.rss"
    path.write_text(RSS, encoding="utf-8")
    items = read_all(path)
    assert len(items) == 4
    museum, ferry, photo, empty = items
    assert isinstance(museum, Document) and isinstance(ferry, Document)
    assert museum.reader == "feed" and museum.kind == "article"
    assert museum.title == "Lighthouse Keeper's Cottage to Become a Museum"
    assert museum.url == museum.source == "https://northshore.example/2024/04/lighthouse-museum"
    assert museum.published == dt.date(2024, 4, 9)  # the date as the feed wrote it (UTC would be the 10th)
    assert museum.authors == ["Helga Brandt"]
    assert museum.captions == ["The keeper's cottage in winter."]
    lines = museum.text.split("\n")
    assert lines[0].startswith("The keeper's cottage beside the Northshore lighthouse will become")
    assert "Open next summer" in lines
    assert (
        "The trust plans to show the original lamp, the keeper's logbooks and photographs from the 1950s."
        in lines
    )
    assert lines[-2:] == ["Entry will be free for children.", "Guided tours run on Sundays."]
    assert "cottage in winter" not in museum.text
    # no full content: the summary, as text
    assert (
        ferry.text
        == "The early ferry to the island will leave ten minutes later from Monday, the operator said."
    )
    assert ferry.published == dt.date(2024, 4, 10)
    # a headline-only item: an article with a title and no body, not an error
    assert isinstance(photo, Document)
    assert (photo.title, photo.text, photo.kind) == ("Photo of the day", "", "raw")
    assert photo.url == "https://northshore.example/2024/04/photo"
    assert photo.published == dt.date(2024, 4, 11)
    assert photo.raw_hash not in {museum.raw_hash, ferry.raw_hash}
    # neither title nor text: still an error, naming the entry
    assert isinstance(empty, MalformedRecordError)
    assert empty.record == "entry 4" and "neither title nor text" in empty.message


def test_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "notes.atom"
    path.write_text(ATOM, encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.title == "Snow Closes the High Pass Road Again"
    assert doc.url == "https://hillnotes.example/2024/05/high-pass"
    assert doc.published == dt.date(2024, 5, 2)
    assert doc.authors == ["Rune Sandvik"]
    assert doc.text.split("\n") == [
        "Late snow closed the high pass road for the third time this spring.",
        "Road crews expect to reopen it by Friday if the weather holds.",
    ]


def test_xml_extension_and_sniffing(tmp_path: Path) -> None:
    xml = tmp_path / "feed.xml"
    xml.write_text(RSS, encoding="utf-8")
    assert choose_reader(Source(name=str(xml), path=xml)).name == "feed"
    gz = tmp_path / "download"
    gz.write_bytes(gzip.compress(ATOM.encode()))
    assert choose_reader(Source(name=str(gz), path=gz)).name == "feed"
    assert len(list(FeedReader().read(Source(name=str(gz), path=gz), Settings()))) == 1
    assert not FeedReader().sniff(b"<html><body><p>feedback welcome</p></body></html>")


def test_not_xml_yields_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("this is { not xml at all\nand never was\n", encoding="utf-8")
    items = read_all(path)
    assert len(items) == 1
    [error] = items
    assert isinstance(error, InputError) and not isinstance(error, MalformedRecordError)
    assert error.source == str(path) and "feed" in error.message


def test_empty_channel(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text('<rss version="2.0"><channel><title>Nothing</title></channel></rss>', encoding="utf-8")
    [error] = read_all(path)
    assert isinstance(error, InputError) and "no entries" in error.message


HEADLINES = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire headlines</title>
<item><title>Quake Strikes Off Coast; No Tsunami Warning</title><link>https://wire.example/1</link></item>
<item><title>Markets Slip as Rate Worries Return</title><link>https://wire.example/2</link></item>
<item><title>Ferry Timetable Changes on Monday</title><link>https://wire.example/3</link>
<description>The early ferry will leave ten minutes later from Monday, the operator said.</description></item>
</channel></rss>
"""


@pytest.mark.model
def test_a_headline_feed_ingests_with_exit_0_and_counts_the_headlines(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app
    from newsgraph.store.db import Store

    feed = tmp_path / "wire.rss"
    feed.write_text(HEADLINES, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(feed), "--db", str(db), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "3 new articles" in result.output and "0 errors" in result.output
    assert "2 articles with a title and no body" in result.output
    with Store(db, read_only=True) as store:
        got = {a.url: a for a in store.articles()}
        assert store.title_only() == 2
        assert store.count("errors") == 0
    quake = got["https://wire.example/1"]
    assert (quake.title, quake.text) == ("Quake Strikes Off Coast; No Tsunami Warning", "")
    assert got["https://wire.example/3"].text.startswith("The early ferry")
    again = CliRunner().invoke(app, ["ingest", str(feed), "--db", str(db), "-j", "1"])
    assert again.exit_code == 0 and "0 new articles" in again.output
