"""Article bodies that a page splits into several containers.

Many sites cut a long article into runs of paragraphs, each in its own ``<div>`` with the same
class, with advertisements or recommendations between them. trafilatura keeps the run it judges to
be the article and drops the others, so a long read loses its second half. This module finds, on
the untouched page tree, the groups of elements that share a tag and a class attribute and hold
paragraphs. After extraction, in a group where one member's paragraphs came out and the members
after it did not, the later members' paragraphs are appended, in page order.

The rule asks for evidence from the extraction itself (trafilatura chose one member of the group),
so repeated containers of other kinds (comments, teasers, related links) are not taken: none of
their members was extracted. A later member must sit in the same ``<article>`` element with no
``<h1>`` between them, since pages that load the next story below the first repeat its classes.
Lists whose every item is a link, and blocks that are mostly link text, are left out."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

#: Paragraph-level elements read from a continuation container.
_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
#: Elements whose paragraphs are not the article's (pull quotes, captions, embeds, navigation).
_SKIP = frozenset({"aside", "figure", "figcaption", "nav", "footer", "form", "script", "style", "noscript"})
#: Class words of containers that are not article text even when they repeat.
_NOT_BODY = ("comment", "related", "recirc", "newsletter", "promo", "teaser", "footer", "sidebar", "nav")
#: Blocks with at least this share of their text inside links are left out.
LINK_SHARE = 0.7
#: A container must hold at least this many characters of paragraph text to count.
MIN_CHARS = 80
#: Paragraphs of a container looked up in the extracted text to judge it.
SAMPLE = 20
#: Share of a member's paragraphs that must be in the extracted text for it to be the one chosen.
FIRST_IN = 0.6
#: A later member is appended only when at most this share of its paragraphs was extracted.
LATER_IN = 0.2


@dataclass(frozen=True, slots=True)
class Member:
    """One container: its paragraph texts and where it sits (the ``<article>`` element around it,
    by page order, and how many ``<h1>`` headlines come before it)."""

    paragraphs: tuple[str, ...]
    article: int | None
    headlines_before: int


@dataclass(frozen=True, slots=True)
class Group:
    """Containers with one tag and class attribute, in page order."""

    key: tuple[str, str]
    members: tuple[Member, ...]


def _clean(text: str) -> str:
    return " ".join(text.split())


def _mostly_links(el: Any, text: str) -> bool:
    """A block whose text is mostly link text, or an item of a list whose every item holds a link:
    links to other stories, not prose."""
    linked = sum(len(_clean(a.text_content() or "")) for a in el.iter("a"))
    if linked >= LINK_SHARE * len(text):
        return True
    parent = el.getparent()
    if el.tag != "li" or parent is None:
        return False
    items = [child for child in parent if child.tag == "li"]
    return len(items) >= 2 and all(next(item.iter("a"), None) is not None for item in items)


def _paragraphs(container: Any) -> tuple[str, ...]:
    out: list[str] = []
    taken: set[Any] = set()
    for el in container.iter(*_BLOCKS):
        skip = False
        for anc in el.iterancestors():
            if anc is container:
                break
            if anc.tag in _SKIP or anc in taken:
                skip = True
                break
        if skip:
            continue
        text = _clean(el.text_content() or "")
        if text and not _mostly_links(el, text):
            out.append(text)
            taken.add(el)
    return tuple(out)


def body_groups(tree: Any) -> list[Group]:
    """Groups of two or more elements with one tag and class that hold direct ``<p>`` children,
    none inside another, none inside navigation, asides or footers; read before extraction (which
    prunes the tree)."""
    by_key: dict[tuple[str, str], list[Any]] = defaultdict(list)
    articles: dict[Any, int] = {}
    headlines: dict[Any, int] = {}
    n_headlines = 0
    for el in tree.iter():
        if el.tag == "article":
            articles[el] = len(articles)
        elif el.tag == "h1":
            n_headlines += 1
        headlines[el] = n_headlines
        cls = el.get("class") if isinstance(el.tag, str) else None
        if not cls or el.tag in _SKIP:
            continue
        low = cls.lower()
        if any(word in low for word in _NOT_BODY):
            continue
        if any(child.tag == "p" for child in el):
            by_key[(el.tag, " ".join(cls.split()))].append(el)
    groups: list[Group] = []
    for key, els in by_key.items():
        if len(els) < 2:
            continue
        members = set(els)
        kept = [el for el in els if not any(anc in members or anc.tag in _SKIP for anc in el.iterancestors())]
        found = []
        for el in kept:
            paragraphs = _paragraphs(el)
            if sum(map(len, paragraphs)) >= MIN_CHARS:
                article = next((articles[a] for a in el.iterancestors("article")), None)
                found.append(Member(paragraphs, article, headlines[el]))
        if len(found) >= 2:
            groups.append(Group(key, tuple(found)))
    return groups


def continuation_lines(groups: list[Group], lines: list[str]) -> list[str]:
    """Paragraphs of split-body containers missing from the extracted ``lines`` (see the module)."""
    extracted = {_clean(line).casefold() for line in lines}
    body = " ".join(extracted)

    def share_in(paragraphs: tuple[str, ...]) -> float:
        sample = paragraphs[:SAMPLE]  # bounded work on pages with thousands of repeated blocks
        found = sum(p.casefold() in extracted or p.casefold() in body for p in sample)
        return found / len(sample)

    out: list[str] = []
    seen = set(extracted)
    for group in groups:
        shares = [share_in(member.paragraphs) for member in group.members]
        start = next((i for i, share in enumerate(shares) if share >= FIRST_IN), None)
        if start is None:
            continue
        chosen = group.members[start]
        for member, share in zip(group.members[start + 1 :], shares[start + 1 :], strict=True):
            if member.article != chosen.article or member.headlines_before != chosen.headlines_before:
                break  # another story of the page (a next article loaded below, a new headline)
            if share > LATER_IN:
                continue
            for paragraph in member.paragraphs:
                key = paragraph.casefold()
                if key not in seen:
                    seen.add(key)
                    out.append(paragraph)
    return out
