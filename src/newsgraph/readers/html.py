"""HTML pages: the main article text, title, authors, URL and publication date, via trafilatura.

The text comes out one paragraph per line, in reading order, with in-body headings on their own
lines; ``<figcaption>`` texts go to :attr:`~newsgraph.records.Document.captions`."""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
import zlib
from collections.abc import Iterator
from typing import Any, ClassVar

from ..errors import InputError, NoArticleError
from ..records import Document
from ..settings import Settings
from .base import ReadItem, Source, register
from .continuation import body_groups, continuation_lines
from .decode import decode, sniff_bom, utf8_despite
from .headline import page_headline

logger = logging.getLogger(__name__)

#: Options passed to trafilatura (tuned on the ScrapingHub dev set, see ``eval/articles.py``).
EXTRACT_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,
}
#: Below this many characters of precise output, a balanced extraction is tried as well.
SHORT_TEXT = 1000
#: htmldate: dates from metadata, structured data and the URL only, not from free text.
DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}

_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
#: Browsers read these labels as cp1252 (WHATWG encoding standard).
_AS_CP1252 = frozenset({"ascii", "latin_1", "iso8859-1", "cp1252", "windows-1252"})

#: Block elements of trafilatura's output tree (and of HTML, for feed fragments): each starts a line.
BLOCK_TAGS = frozenset(
    "p head item list quote code row table div article body main section blockquote pre li ul ol dl dt dd "
    "h1 h2 h3 h4 h5 h6 tr figure figcaption header footer aside address hr details summary".split()
)
_BREAK_TAGS = frozenset({"lb", "br"})
_SKIP_TAGS = frozenset({"graphic", "img", "script", "style", "noscript", "template", "iframe", "svg"})
_CELL_TAGS = frozenset({"cell", "td", "th"})
_CAPTION_SKIP = frozenset({"nav", "footer", "aside", "form"})
_ARTICLE_TAGS = frozenset({"article", "main"})


def html_charset(data: bytes) -> str | None:
    """The encoding named by a byte-order mark or a ``<meta>`` charset in the first 4 KiB."""
    bom = sniff_bom(data)
    if bom:
        return bom[0]
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def decode_html(
    data: bytes, *, source: str, charset: str | None = None, record: str | None = None
) -> tuple[str, str]:
    """``(text, encoding)`` for HTML bytes: BOM, then ``<meta>`` charset, then ``charset`` (an HTTP
    header's), then :func:`~newsgraph.readers.decode.decode`."""
    bom = sniff_bom(data)
    if bom:
        return decode(data, source=source, record=record)
    for candidate in (html_charset(data), charset):
        if not candidate:
            continue
        try:
            name = codecs.lookup(candidate).name
        except LookupError:
            continue
        name = "cp1252" if name in _AS_CP1252 else name
        if utf8_despite(data, name):  # the declared encoding is wrong
            name = "utf-8"
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if text.strip():
            return text, name
    return decode(data, source=source, record=record)


def _clean(text: str) -> str:
    return " ".join(text.split())


def block_lines(root: Any) -> list[str]:
    """The text of an element tree, one line per block element (paragraph, heading, list item,
    table row, quote) and per line break, whitespace collapsed, empty lines dropped."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _clean("".join(current))
        current.clear()
        if text:
            lines.append(text)

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BREAK_TAGS:
            flush()
        elif tag and tag not in _SKIP_TAGS:
            block = tag in BLOCK_TAGS
            if block:
                flush()
            elif tag in _CELL_TAGS:
                current.append(" ")
            current.append(el.text or "")
            for child in el:
                walk(child)
            if block:
                flush()
            elif tag in _CELL_TAGS:
                current.append(" ")
        current.append(el.tail or "")

    text = root.text or ""
    current.append(text)
    for child in root:
        walk(child)
    flush()
    return lines


#: Words in the class of an element a page shows only on hover (a person's card of links, a
#: tooltip's text), and the endings that mark the card itself rather than the word it explains:
#: The Hill writes "Gov. <span class=rollover-people>Kristi Noem<span class=rollover-people-block>
#: Kristi Lynn Noem ... MORE</span></span> (R)", which read as text glues the card into the sentence.
_POPUP_WORDS = ("rollover", "tooltip", "popover", "hovercard", "hover-card")
_POPUP_ENDS = ("block", "text", "content", "body", "box", "card", "inner")


def _is_popup(el: Any) -> bool:
    for token in (el.get("class") or "").lower().split():
        if token.endswith(_POPUP_ENDS) and any(w in token for w in _POPUP_WORDS):
            return True
    return False


def drop_popups(tree: Any) -> int:
    """Remove, in place, the hover cards and tooltip texts of a page (see :data:`_POPUP_WORDS`),
    keeping the text that follows each; returns how many were removed."""
    found = [el for el in tree.iter() if isinstance(el.tag, str) and _is_popup(el)]
    removed = 0
    for el in found:
        parent = el.getparent()
        if parent is None or any(a in found for a in el.iterancestors()):
            continue
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
        removed += 1
    return removed


def figcaptions(tree: Any) -> list[str]:
    """Texts of the page's ``<figcaption>`` elements outside navigation, footers, asides, forms and
    the page header (an article's own header counts), deduplicated in page order."""
    seen: set[str] = set()
    out: list[str] = []
    for el in tree.iter("figcaption"):
        ancestors = {anc.tag for anc in el.iterancestors()}
        if ancestors & _CAPTION_SKIP or ("header" in ancestors and not ancestors & _ARTICLE_TAGS):
            continue
        text = _clean(el.text_content())
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return out


_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9:-]*|/[a-zA-Z]|!--)")


def fragment_lines(markup: str) -> tuple[list[str], list[str]]:
    """``(lines, captions)`` of an HTML fragment (a feed entry's content, a JSON ``content``
    field): one line per block element, figcaptions taken out. Text without tags is split on
    its line breaks."""
    import html as html_lib

    if not _TAG.search(markup):
        text = html_lib.unescape(markup)
        return [line for line in (_clean(x) for x in text.splitlines()) if line], []
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError) as exc:
        logger.debug("unparseable HTML fragment: %s", exc)
        text = re.sub(r"<[^>]*>", " ", markup)
        return [line for line in (_clean(x) for x in html_lib.unescape(text).splitlines()) if line], []
    captions = figcaptions(root)
    for el in list(root.iter("figcaption", "script", "style")):
        if el.getparent() is not None:
            el.drop_tree()
    return block_lines(root), captions


def parse_date(value: str | None) -> dt.date | None:
    """A ``datetime.date`` from an ISO date string (htmldate's output), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _authors(value: str | None) -> list[str]:
    if not value:
        return []
    out: list[str] = []
    for name in re.split(r"\s*;\s*", value):
        name = name.strip()
        if name and name not in out:
            out.append(name)
    return out


def _extract(tree: Any, url: str | None, source: str, options: dict[str, Any]) -> tuple[Any, list[str]]:
    """trafilatura's result (None when it finds nothing) and its main text as lines."""
    from trafilatura import bare_extraction

    try:
        result: Any = bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            date_extraction_params=dict(DATE_PARAMS),
            **options,
        )
    except Exception as exc:  # trafilatura bugs on odd pages must not end the run
        logger.warning("trafilatura failed on %s: %s", source, exc)
        return None, []
    if result is None:
        return None, []
    lines = block_lines(result.body) if result.body is not None else []
    if not lines and result.text:
        lines = [line for line in (_clean(x) for x in result.text.splitlines()) if line]
    return result, lines


def html_to_document(
    html: str | bytes,
    *,
    source: str,
    url: str | None = None,
    fallback_date: dt.date | None = None,
    settings: Settings,
    charset: str | None = None,
    record: str | None = None,
) -> Document:
    """One article :class:`Document` from an HTML page.

    ``fallback_date`` is used when the page's metadata names no publication date; ``charset`` is a
    hint for bytes (an HTTP header's). Raises :class:`NoArticleError` when no main text is found,
    and the errors of :func:`decode_html` for undecodable bytes."""
    from trafilatura.utils import load_html

    size = len(html) if isinstance(html, bytes) else len(html.encode("utf-8", "surrogatepass"))
    encoding: str | None = None
    if isinstance(html, bytes):
        html, encoding = decode_html(html, source=source, charset=charset, record=record)
    if not html.strip():
        raise NoArticleError("empty HTML page", source=source, record=record)
    try:
        tree = load_html(html)
    except Exception as exc:  # lxml raises several types on hopeless input
        logger.debug("lxml could not parse %s: %s", source, exc)
        tree = None
    if tree is None:
        raise NoArticleError("not parseable as HTML, no article text found", source=source, record=record)
    drop_popups(tree)
    captions = figcaptions(tree)
    headings = section_headings(tree)
    headline = page_headline(tree, url)  # before trafilatura, which prunes the tree
    groups = body_groups(tree)
    result, lines = _extract(tree, url, source, EXTRACT_OPTIONS)
    if EXTRACT_OPTIONS.get("favor_precision") and sum(map(len, lines)) < SHORT_TEXT:
        # precision mode sometimes prunes a page down to a stray paragraph: ask for balanced output
        balanced = {**EXTRACT_OPTIONS, "favor_precision": False}
        other, other_lines = _extract(tree, url, source, balanced)
        if sum(map(len, other_lines)) >= 2 * max(1, sum(map(len, lines))):
            logger.debug("%s: precise extraction too short, using balanced", source)
            result, lines = other, other_lines
    if groups and lines:
        lines.extend(continuation_lines(groups, lines))
    caption_keys = {c.casefold() for c in captions}
    lines = [line for line in lines if line.casefold() not in caption_keys]
    if not any(ch.isalnum() for line in lines for ch in line):
        raise NoArticleError("no article text found in the HTML page", source=source, record=record)
    title = headline or (page_headline(tree, url, _clean(result.title)) if result and result.title else None)
    published = parse_date(result.date if result is not None else None) or fallback_date
    page_url = url or (result.url if result is not None else None) or None
    return Document(
        source=source,
        text="\n".join(lines),
        reader="html",
        kind="raw" if settings.raw else "article",
        title=title or None,
        published=published,
        url=page_url,
        authors=_authors(result.author if result is not None else None),
        captions=captions,
        headings=headings,
        encoding=encoding,
        size_bytes=size,
    )


def section_headings(tree: Any) -> list[str]:
    """Texts of the page's ``<h2>`` to ``<h6>`` elements, deduplicated; the cleaner marks the body
    lines equal to one of them as headings."""
    out: list[str] = []
    for el in tree.iter("h2", "h3", "h4", "h5", "h6"):
        text = _clean(el.text_content() or "")
        if text and text not in out:
            out.append(text)
    return out


class HtmlReader:
    """Reads saved HTML pages (``.html``, ``.htm``, ``.xhtml``, gzipped too): one article each."""

    name: ClassVar[str] = "html"
    extensions: ClassVar[tuple[str, ...]] = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
    priority: ClassVar[int] = 40

    def sniff(self, head: bytes) -> bool:
        start = head[:1024].lstrip()
        bom = sniff_bom(start)
        if bom and bom[0] != "utf-8":
            try:
                start = start[bom[1] :].decode(bom[0], "ignore").encode("utf-8")
            except (UnicodeError, LookupError):
                return False
        return bool(_SNIFF.search(start))

    def read(self, source: Source, settings: Settings) -> Iterator[ReadItem]:
        try:
            data = source.read_bytes(limit=settings.max_input_bytes)
            yield html_to_document(data, source=source.name, settings=settings)
        except InputError as exc:
            yield exc
        except (OSError, EOFError, zlib.error) as exc:  # base.Source lets zlib.error through
            yield InputError(f"cannot read: {exc}", source=source.name)


register(HtmlReader())
