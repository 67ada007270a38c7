"""Split a scraped dump into articles and clean each one.

A dump is what copy-and-paste or a naive scraper leaves: one or more articles, each headed by
its headline, photo captions with their credits, and site markers, often all repeated twice,
then the body paragraphs with section headings between them. We find where articles start from
the shape of the lines around each headline (a headline repeated a few lines later, a headline
followed by a caption, a gap or separator line before a headline), then keep each caption once
as metadata and build the body text with a source map back to the dump."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from ..records import Document, Draft, Heading, PublishedFrom, SourceMap
from .classify import Kind, byline_names, classify, split_credit, title_case_ratio, words
from .dates import infer_published
from .textmap import TextBuilder, normalize

#: How many paragraphs ahead a repeated headline is looked for.
REPEAT_WINDOW = 10
_END_PUNCT = re.compile(r"""[.!?:;"'”’)\]]\Z""")


@dataclass(slots=True)
class Para:
    """One paragraph of the source text: ``raw[start:end]`` stripped, ``text`` normalised."""

    start: int
    end: int
    text: str
    kind: Kind
    blank_before: int = 0

    @property
    def key(self) -> str:
        return self.text.casefold()


def _lines(raw: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, without its line break."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r|\f|\u2028|\u2029", raw):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(raw)))
    return spans


def _strip(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _is_hard_wrapped(raw: str, lines: list[tuple[int, int]]) -> bool:
    """True for text wrapped at a fixed width, where a paragraph spans several lines."""
    nonblank = [(s, e) for s, e in lines if raw[s:e].strip()]
    if len(nonblank) < 6:
        return False
    joined = 0
    open_end = 0
    for (s, e), (s2, e2) in itertools.pairwise(lines):
        line, nxt = raw[s:e].strip(), raw[s2:e2].strip()
        if line and nxt:
            joined += 1
            if not _END_PUNCT.search(line):
                open_end += 1
    lengths = sorted(e - s for s, e in nonblank)
    median = lengths[len(lengths) // 2]
    return joined >= len(nonblank) // 2 and open_end >= joined // 2 and 40 <= median <= 100


def paragraphs(raw: str, *, unwrap: bool = True) -> list[Para]:
    """The paragraphs of ``raw``: one per line, or per block of lines when ``unwrap`` is set and the
    text is hard-wrapped at a fixed width."""
    lines = _lines(raw)
    wrapped = unwrap and _is_hard_wrapped(raw, lines)
    paras: list[Para] = []
    blanks = 0
    block: tuple[int, int] | None = None

    def flush(span: tuple[int, int]) -> None:
        nonlocal blanks
        start, end = _strip(raw, *span)
        text = normalize(raw[start:end])
        if text:
            paras.append(Para(start, end, text, classify(text), blanks))
            blanks = 0

    for start, end in lines:
        if not raw[start:end].strip():
            if block is not None:
                flush(block)
                block = None
            blanks += 1
            continue
        if not wrapped:
            flush((start, end))
        elif block is None:
            block = (start, end)
        else:
            block = (block[0], end)
    if block is not None:
        flush(block)
    return paras


def _headline_candidate(p: Para) -> bool:
    return p.kind in (Kind.TITLE, Kind.HEADING)


def find_starts(paras: list[Para]) -> list[int]:
    """Indices of the paragraphs where articles start."""
    starts: list[int] = []
    title_key: str | None = None
    seen_body = False
    after_separator = False
    for i, p in enumerate(paras):
        if p.kind is Kind.SEPARATOR:
            after_separator = True
            continue
        if p.kind is Kind.MARKER:
            continue
        nxt = next((q for q in paras[i + 1 :] if q.kind is not Kind.MARKER), None)
        is_start = False
        if not starts:
            is_start = True
        elif _headline_candidate(p) and p.key != title_key:
            ahead = paras[i + 1 : i + 1 + REPEAT_WINDOW]
            repeated = any(q.key == p.key for q in ahead)
            captioned = nxt is not None and nxt.kind in (Kind.CAPTION, Kind.BYLINE, Kind.DATELINE)
            gap = (
                p.kind is Kind.TITLE
                and p.blank_before >= 2
                and seen_body
                and nxt is not None
                and nxt.kind is Kind.BODY
            )
            is_start = repeated or captioned or gap or (after_separator and seen_body)
        elif after_separator and seen_body and p.kind is not Kind.CAPTION:
            is_start = True
        after_separator = False
        if is_start:
            starts.append(i)
            title_key = p.key if _headline_candidate(p) else None
            seen_body = False
        elif p.kind is Kind.BODY:
            seen_body = True
    return starts


_WORDS = re.compile(r"\w+")


def _words_key(text: str) -> str:
    """The words of ``text``, lower case: two spellings of one headline share it."""
    return " ".join(_WORDS.findall(text.casefold()))


@dataclass(slots=True)
class _Parts:
    title: str | None = None
    captions: list[str] | None = None
    credits: list[str] | None = None
    authors: list[str] | None = None
    datelines: list[str] | None = None


def build_draft(
    raw: str,
    paras: list[Para],
    *,
    source: str,
    title: str | None = None,
    published: dt.date | None = None,
    published_from: PublishedFrom | None = None,
    user_published: dt.date | None = None,
    url: str | None = None,
    authors: list[str] | None = None,
    captions: list[str] | None = None,
    headings_marked: list[str] | None = None,
    drop_repeats: bool = True,
    doc_hash: str = "",
    stop_headline: bool = False,
) -> Draft | None:
    """Clean one article's paragraphs into a :class:`Draft`; None when no body text is left.

    ``captions`` and ``headings_marked`` come from the input's structure (HTML figcaptions and
    ``<h2>``s, fundus section headlines) when it has one. With ``stop_headline`` (plain-text dumps), a
    first line that is a headline closed by a full stop is taken as the title too
    (:func:`stop_headline_title`)."""
    credits: list[str] = []
    given = captions or []
    captions = []
    for caption in given:
        parts = split_credit(caption)
        text, credit = parts if parts else (caption, "")
        if text and text not in captions:
            captions.append(text)
        if credit and credit not in credits:
            credits.append(credit)
    marked = {normalize(h).casefold() for h in headings_marked or []}
    authors = list(authors or [])
    datelines: list[str] = []
    headings: list[Heading] = []
    builder = TextBuilder()
    drop = {t.casefold() for t in (title,) if t}
    seen_body: set[str] = set()
    caption_keys = {c.casefold() for c in captions}
    body: list[Para] = []
    first = next((p for p in paras if p.kind not in (Kind.MARKER, Kind.SEPARATOR)), None)
    if title is None and first is not None and first.kind in (Kind.TITLE, Kind.HEADING) and len(paras) > 1:
        title = first.text
    elif title is None and first is not None and stop_headline:
        after = [p for p in paras[paras.index(first) + 1 :] if p.kind is not Kind.MARKER][:3]
        title = stop_headline_title(first, after)
        if title:
            drop.add(first.key)
    if title:
        drop.add(normalize(title).casefold())
    # the headline repeated at the top of the body, with other quote marks or punctuation
    title_words = _words_key(title) if title else ""
    for idx, p in enumerate(paras):
        key = p.key
        if key in drop or p.kind in (Kind.MARKER, Kind.SEPARATOR):
            continue
        if title_words and not body and _words_key(p.text) == title_words:
            continue
        if p.kind is Kind.CAPTION:
            parts = split_credit(p.text)
            caption, credit = parts if parts else (p.text, "")
            if caption.casefold() not in caption_keys:
                caption_keys.add(caption.casefold())
                captions.append(caption)
            if credit and credit not in credits:
                credits.append(credit)
            continue
        if p.kind is Kind.BYLINE and not body:
            for name in byline_names(p.text) or []:
                if name not in authors:
                    authors.append(name)
            continue
        if p.kind is Kind.DATELINE:
            datelines.append(p.text)
            continue
        if drop_repeats and key in seen_body and len(p.text) > 30:
            continue  # a paragraph scraped twice
        n_words = len(words(p.text))
        heading = (
            p.kind is Kind.HEADING
            or key in marked
            or (
                p.kind is Kind.TITLE
                and bool(body)
                and idx < len(paras) - 1
                and (n_words <= 6 or (n_words <= 10 and title_case_ratio(p.text) >= 0.6))
            )
        )
        if builder:
            prev = body[-1]
            builder.add("\n\n", prev.end, p.start)
        start = len(builder)
        builder.add_normalized(raw, p.start, p.end)
        if heading:
            headings.append(Heading(p.text, start, len(builder)))
        seen_body.add(key)
        body.append(p)
    if not body:
        return None
    text = builder.text()
    if published is not None:
        published_from = published_from or "metadata"
    elif user_published is not None:
        published, published_from = user_published, "user"
    else:
        published = infer_published(datelines=datelines, captions=captions, body=text)
        published_from = "text" if published else None
    return Draft(
        source=source,
        text=text,
        source_map=builder.source_map(),
        title=title,
        published=published,
        published_from=published_from,
        url=url,
        authors=authors,
        captions=captions,
        credits=credits,
        headings=headings,
        doc_hash=doc_hash,
    )


_STOP_END = re.compile(r"""(;|(?<![.…])\.|[?!]|…\.?|\.{3,4})(["'”’»)]*)\Z""")
#: A sentence ending inside the line: a lower-case word of three letters or more, its stop, a
#: capital ("... resigned. The ..."); "Gov. Brown" and "U.S. Drops" do not count.
_INNER_END = re.compile(r"""[a-z]{3,}[.!?]["'”’»)]*\s+["'“‘«(]?[A-Z]""")
#: What a lead sentence has and a headline seldom has: a day ("on Tuesday"), a past reporting verb.
_LEAD_WORDS = re.compile(
    r"\b(?:said|told|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b", re.IGNORECASE
)
#: At most this many words in a headline closed by a stop: in sentence case, in Title Case.
STOP_HEADLINE_WORDS = (16, 30)


def stop_headline_title(first: Para, after: list[Para]) -> str | None:
    """The title when the first line of a plain-text article is a headline closed by ``.``, ``?``,
    ``!``, ``;`` or an ellipsis (``Stealth Over Health: Hillary Clinton Was Headed to ER.``), else
    None.

    Such a line is not title-like (it ends like a sentence), so it is judged here on its own: it
    starts with a capital, a blank line follows it (unless it ends with ``;``, a headline with
    its deck on the next line), and a longer paragraph is among the three after it (``after``; a
    label such as ``ABSTRACT.`` may come first); in sentence case it is one sentence of 2 to 16 words, in
    Title Case (90% of its words capitalised) up to 30 words and maybe two sentences ("Republicans
    Finally Confirmed A Judge. Is This Obama's Last One?"). A closing ``.`` or ``;`` is left out
    of the title; ``?``, ``!`` and an ellipsis stay."""
    text = first.text
    m = _STOP_END.search(text)
    if m is None or not after or first.kind is not Kind.BODY or len(text) > 250:
        return None
    n_words = len(words(text))
    title_case = title_case_ratio(text) >= 0.9
    if not 2 <= n_words <= STOP_HEADLINE_WORDS[title_case]:
        return None
    if not title_case and _INNER_END.search(text):
        return None
    if not title_case and m.group(1) != ";" and _LEAD_WORDS.search(text):
        return None
    lead = text.lstrip("\"'“‘«")[:1]
    if not (lead.isupper() or lead.isdigit()):
        return None
    if not any(p.kind in (Kind.BODY, Kind.TITLE) and len(words(p.text)) > n_words for p in after):
        return None
    if after[0].blank_before == 0 and m.group(1) != ";":  # a line of running text, not set apart
        return None
    if m.group(1) in ".;":
        return (text[: m.start()] + m.group(2)).rstrip() or None
    return text


def split_document(doc: Document, *, user_published: dt.date | None = None) -> list[Draft]:
    """The articles in ``doc``.

    ``dump`` documents are split; ``article`` documents are cleaned as one article; ``raw``
    documents become one article whose text is exactly the document's text."""
    if doc.kind == "raw":
        published, origin = _published(doc.published, user_published)
        return [
            Draft(
                source=doc.source,
                text=doc.text,
                source_map=SourceMap.identity(len(doc.text)),
                title=doc.title,
                published=published,
                published_from=origin,
                url=doc.url,
                authors=list(doc.authors),
                captions=list(doc.captions),
                doc_hash=doc.raw_hash,
            )
        ]
    # Readers of structured inputs give one paragraph per line; only dumps may be hard-wrapped.
    paras = paragraphs(doc.text, unwrap=doc.kind == "dump")
    groups: list[list[Para]]
    if doc.kind == "dump":
        starts = find_starts(paras) or [0]
        bounds = [*starts[1:], len(paras)]
        groups = [paras[s:e] for s, e in zip(starts, bounds, strict=True)]
    else:
        groups = [paras]
    drafts: list[Draft] = []
    for group in groups:
        draft = build_draft(
            doc.text,
            group,
            source=doc.source,
            title=doc.title if doc.kind == "article" else None,
            published=doc.published,
            user_published=user_published,
            url=doc.url,
            authors=doc.authors,
            captions=doc.captions if doc.kind == "article" else None,
            headings_marked=doc.headings,
            drop_repeats=doc.kind == "dump",
            doc_hash=doc.raw_hash,
            stop_headline=doc.kind == "dump",
        )
        if draft is not None:
            drafts.append(draft)
    if len(drafts) > 1:
        for n, draft in enumerate(drafts, 1):
            draft.source = f"{doc.source}#{n}"
    return drafts


def _published(meta: dt.date | None, user: dt.date | None) -> tuple[dt.date | None, PublishedFrom | None]:
    if meta is not None:
        return meta, "metadata"
    if user is not None:
        return user, "user"
    return None, None
