from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from newsgraph.clean.split import split_document
from newsgraph.errors import EmptyInputError, InputError, NoArticleError
from newsgraph.readers.base import Source, choose_reader
from newsgraph.readers.html import HtmlReader, block_lines, html_to_document
from newsgraph.records import Document
from newsgraph.settings import Settings

# Original, fictional text written for these tests.
PARAS = [
    "ORLEBAY — The harbour council of the fictional town of Orlebay voted on Tuesday to close the old "
    "ferry pier for repairs, after engineers found that three of its wooden piles had rotted through.",
    "The pier, built in 1931, carries about 400 passengers a day to the islands of the bay. Council "
    "members said a temporary landing stage would open beside the fish market within two weeks.",
    "“We would rather annoy commuters for a summer than explain a collapse,” said Ilse Marrow, who "
    "chairs the council's works committee, after the vote of nine to two.",
    "Repairs are expected to cost about 2.4 million crowns and to last until the end of September, "
    "according to the engineers' report, which the council published on its website.",
    "Ferry operators said timetables would not change, though crossings from the temporary stage may "
    "take a few minutes longer because boats will have to turn in the narrow channel.",
]
HEADING = "What happens to the fish market"
CAPTION = "Workers inspect the piles under the old ferry pier in Orlebay."

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Orlebay Closes Ferry Pier for Summer Repairs | Bay Courier</title>
<meta property="og:title" content="Orlebay Closes Ferry Pier for Summer Repairs">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-05-14T09:15:00+02:00">
<meta name="author" content="Tomas Greve">
<link rel="canonical" href="https://baycourier.example/local/2024/05/orlebay-ferry-pier">
</head>
<body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a>
<a href="/weather">Weather</a></nav>
<main>
<article>
<header>
<h1>Orlebay Closes Ferry Pier for Summer Repairs</h1>
<p class="byline">By Tomas Greve</p>
<figure><img src="/img/pier.jpg" alt=""><figcaption>{CAPTION}</figcaption></figure>
</header>
<p>{PARAS[0]}</p>
<p>{PARAS[1]}</p>
<p>{PARAS[2]}</p>
<h2>{HEADING}</h2>
<p>{PARAS[3]}</p>
<p>{PARAS[4]}</p>
</article>
<aside class="related"><h3>More local news</h3>
<figure><img src="/img/bus.jpg" alt=""><figcaption>A bus at the new hospital stop.</figcaption></figure>
<ul><li><a href="/a">Library opens late on Thursdays</a></li>
<li><a href="/b">New bus route to the hospital</a></li></ul></aside>
</main>
<footer><p>Copyright 2024 Bay Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""


def read_all(path: Path, settings: Settings | None = None) -> list[Document | InputError]:
    source = Source(name=str(path), path=path)
    reader = choose_reader(source)
    assert reader.name == "html"
    return list(reader.read(source, settings or Settings()))


def test_reads_article_page(tmp_path: Path) -> None:
    path = tmp_path / "pier.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.kind == "article" and doc.reader == "html"
    assert doc.source == str(path)
    assert doc.title == "Orlebay Closes Ferry Pier for Summer Repairs"
    assert doc.published == dt.date(2024, 5, 14)
    assert doc.url == "https://baycourier.example/local/2024/05/orlebay-ferry-pier"
    assert doc.authors == ["Tomas Greve"]
    assert doc.captions == [CAPTION]
    lines = doc.text.split("\n")
    # every paragraph on its own line, in reading order, the heading on its own line between them
    positions = [lines.index(p) for p in [*PARAS[:3], HEADING, *PARAS[3:]]]
    assert positions == sorted(positions)
    for boilerplate in ("Library opens late", "Copyright 2024", "Weather", CAPTION):
        assert boilerplate not in doc.text


def test_split_document_cleans_the_article(tmp_path: Path) -> None:
    path = tmp_path / "pier.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    [draft] = split_document(doc)
    assert draft.title == doc.title
    assert draft.text.startswith("ORLEBAY — The harbour council")  # headline and byline left out
    assert draft.published == dt.date(2024, 5, 14) and draft.published_from == "metadata"
    assert CAPTION in draft.captions


def test_raw_setting_gives_raw_document(tmp_path: Path) -> None:
    path = tmp_path / "pier.htm"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_all(path, Settings(raw=True))
    assert isinstance(doc, Document)
    assert doc.kind == "raw"
    assert PARAS[0] in doc.text.split("\n")


def test_gzipped_page(tmp_path: Path) -> None:
    path = tmp_path / "pier.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    [doc] = read_all(path)
    assert isinstance(doc, Document) and PARAS[1] in doc.text


@pytest.mark.parametrize(
    "start",
    [
        b"<!DOCTYPE html>\n<html>",
        b"  \n<!doctype HTML><HTML>",
        b"<html lang='en'>",
        b"<HEAD><title>x</title>",
    ],
)
def test_sniffs_html_without_extension(tmp_path: Path, start: bytes) -> None:
    path = tmp_path / "download"
    path.write_bytes(start + b"<body><p>Some words.</p></body></html>")
    assert choose_reader(Source(name=str(path), path=path)).name == "html"
    assert choose_reader(Source(name="<stdin>", data=start)).name == "html"


def test_plain_text_is_not_sniffed_as_html() -> None:
    assert not HtmlReader().sniff(b"The council met on Tuesday.\nIt voted to close the pier.")


def test_meta_charset_is_used(tmp_path: Path) -> None:
    page = PAGE.replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    )
    page = page.replace("Ilse Marrow", "Ilse Marrów")
    path = tmp_path / "latin.html"
    path.write_bytes(
        page.encode("cp1252")
    )  # curly quotes exist only in cp1252, which browsers use for latin-1
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.encoding == "cp1252"
    assert "“We would rather annoy commuters" in doc.text and "Ilse Marrów" in doc.text


def test_fallback_date_only_without_metadata() -> None:
    settings = Settings()
    fallback = dt.date(2024, 6, 1)
    with_meta = html_to_document(PAGE, source="a.html", fallback_date=fallback, settings=settings)
    assert with_meta.published == dt.date(2024, 5, 14)
    page = PAGE.replace('<meta property="article:published_time" content="2024-05-14T09:15:00+02:00">', "")
    without = html_to_document(page.encode(), source="b.html", fallback_date=fallback, settings=settings)
    assert without.published == fallback


def test_url_argument_wins_over_canonical() -> None:
    doc = html_to_document(PAGE, source="a", url="https://mirror.example/p", settings=Settings())
    assert doc.url == "https://mirror.example/p"


@pytest.mark.parametrize(
    "content",
    [
        "<html><head><title>Nothing here</title></head><body><div></div></body></html>",
        "<html><body><<<<<>>>><div><span></span></div>",
        "<<<< >>>> </p></div></div></html>",
    ],
)
def test_page_without_text_yields_no_article_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "broken.html"
    path.write_text(content, encoding="utf-8")
    items = read_all(path)
    assert len(items) == 1
    [error] = items
    assert isinstance(error, NoArticleError)
    assert error.source == str(path)
    assert str(path) in str(error) and "\n" not in str(error)


def test_empty_file_yields_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    [error] = read_all(path)
    assert isinstance(error, EmptyInputError)


def test_block_lines_keeps_lists_and_breaks() -> None:
    from lxml import html as lxml_html

    root = lxml_html.fromstring(
        "<div><p>First <b>bold</b>\n  words.</p><ul><li>one</li><li>two</li></ul>"
        "<p>line<br>break</p><table><tr><td>a</td><td>b</td></tr></table>tail</div>"
    )
    assert block_lines(root) == ["First bold words.", "one", "two", "line", "break", "a b", "tail"]


def test_h2_subheading_is_a_heading_even_in_sentence_case() -> None:
    from newsgraph.clean.split import split_document
    from newsgraph.readers.html import html_to_document
    from newsgraph.settings import Settings

    paras = "".join(
        f"<p>Paragraph {i} tells what the delegates said about the long talks today.</p>" for i in range(6)
    )
    page = (
        "<html><head><title>Talks end</title></head><body><article><h1>Talks end</h1>"
        f"{paras}<h2>the quiet part of the deal</h2>{paras.replace('Paragraph', 'Section')}"
        "</article></body></html>"
    )
    doc = html_to_document(page, source="p.html", settings=Settings.load())
    (draft,) = split_document(doc)
    assert "the quiet part of the deal" in [h.text for h in draft.headings]


def test_a_hover_card_inside_a_sentence_is_not_text() -> None:
    # The Hill's person cards: the name stays, the card's links and "MORE" do not, and the
    # words after the card still follow the name
    body = "<p>Filler sentence about the state budget and its many items of spending. </p>" * 6
    page = (
        "<html><head><title>Governor defends campaign</title></head><body><article>"
        '<p>State Gov. <span class="rollover-people"><a href="/people/x">Dana Quill</a>'
        '<span class="rollover-people-block"><span><a class="name" href="/people/x">Dana Q. Quill</a>'
        '<a href="/a">Governor doubles down on slogan</a> <a class="more" href="/people/x">MORE</a>'
        "</span></span></span> (R) is defending the launch of an anti-drug campaign.</p>"
        f"{body}"
        '<p>A term <span class="tooltip">FTE<span class="tooltiptext">full-time equivalent</span></span> '
        "is used by the budget office.</p>"
        "</article></body></html>"
    )
    doc = html_to_document(page, source="card.html", settings=Settings.load())
    assert "State Gov. Dana Quill (R) is defending the launch" in doc.text
    assert "MORE" not in doc.text and "doubles down" not in doc.text
    assert "A term FTE is used by the budget office." in doc.text
