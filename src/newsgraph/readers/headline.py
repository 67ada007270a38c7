"""A page's headline, as the page shows it, without the site's name.

Sites state a story's title in several places: the ``<h1>`` the reader sees, ``og:title`` and
``twitter:title`` for sharing, a JSON-LD ``headline`` for search engines, and the ``<title>`` of the
browser tab, which usually carries the site's name after a separator ("... | TechCrunch",
"... - Times of India"). The sharing and search titles are often rewritten versions of the
headline (shorter, or with keywords), and a page may hold other ``<h1>`` elements (the site's logo,
a login box). So:

1. the site's names are gathered from ``og:site_name``, ``application-name``, the JSON-LD
   publisher and the URL's host;
2. the first ``<h1>`` that is not a site name and agrees with one of the metadata titles is the
   headline: it is the same text, or part of it, or shares most of its words (first pass), or
   shares a content word and is a sentence-length heading (second pass);
3. failing that, the first metadata title (sharing and search titles before ``<title>``) with the
   site's names cut off at a separator.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

#: Separators between a headline and a site's name in ``<title>`` and ``og:title``.
_SEPARATOR = re.compile(r"\s+(?:[|\-–—·»:]{1,2}|::)\s+")
#: A site's name before a colon ("The Space Review: Seeking ...") is cut only when it is the site's.
_COLON = re.compile(r"^([^:]{2,60}):\s+")
_WORD = re.compile(r"\w+")
#: Words too common to show that two titles are about the same thing.
_COMMON = frozenset(
    "the a an and or of to in on for at by with from as is are was were be been it its this that "
    "his her their our your my we you he she they i not no but what how why who when where new "
    "says said after over into out up about more than".split()
)
#: Share of the shorter title's words two titles must share to be one headline (first pass).
SAME_WORDS = 0.6
#: A heading shorter than this many words needs the first pass to be taken.
MIN_HEADLINE_WORDS = 4
#: Longer than this, a "site name" is something else (a story's title, a description).
MAX_SITE_CHARS = 60
#: Host labels that name no site.
_HOST_NOISE = frozenset({"www", "m", "amp", "mobile", "edition", "en", "news"})
#: Longer than this, an ``<h1>`` is a block of text, not a headline.
MAX_HEADLINE_CHARS = 300


def page_headline(tree: Any, url: str | None = None, fallback: str | None = None) -> str | None:
    """The headline of the page ``tree`` (an lxml HTML tree), or ``fallback`` when it names none."""
    metas = _meta_titles(tree)
    titles = {_squash(m) for m in metas}
    # a page that names itself after its story (some JSON-LD does) gives no site name
    sites = [s for s in _site_names(tree, url or _page_url(tree)) if _squash(s) not in titles]
    h1s = [h for h in _h1_texts(tree) if not _is_site(h, sites)]
    stripped = [t for t in (strip_site(m, sites) for m in metas) if t and not _is_site(t, sites)]
    for heading in h1s:
        if any(_same_headline(heading, title) for title in stripped):
            return heading
    for heading in h1s:
        if len(_words(heading)) >= MIN_HEADLINE_WORDS and any(_related(heading, t) for t in stripped):
            return heading
    if stripped:
        return stripped[0]
    if fallback:
        return strip_site(fallback, sites) or fallback
    return None


def strip_site(title: str, sites: Iterable[str]) -> str:
    """``title`` without the site names at its start or end (cut at a separator)."""
    keys = [_squash(s) for s in sites if _squash(s)]
    parts = _SEPARATOR.split(title.strip())
    while len(parts) > 1 and _names_site(parts[-1], keys):
        parts.pop()
    while len(parts) > 1 and _names_site(parts[0], keys):
        parts.pop(0)
    text = _rejoin(title, parts)
    colon = _COLON.match(text)
    if colon and _names_site(colon.group(1), keys):
        text = text[colon.end() :]
    return text.strip()


def _rejoin(title: str, parts: list[str]) -> str:
    """The span of ``title`` from the first to the last of ``parts`` (separators kept as written)."""
    if not parts:
        return ""
    start = title.find(parts[0])
    end = title.rfind(parts[-1])
    if start < 0 or end < 0 or end + len(parts[-1]) <= start:
        return " ".join(parts)
    return title[start : end + len(parts[-1])]


def _names_site(text: str, keys: list[str]) -> bool:
    squashed = _squash(text)
    if not squashed:
        return False
    # "CBSSports.com" names the site "cbssports"; "The Guardian view on ..." does not
    return any(
        squashed == k or (len(k) >= 5 and k in squashed and len(squashed) <= 2 * len(k)) or squashed in k
        for k in keys
    )


def _is_site(text: str, sites: Iterable[str]) -> bool:
    squashed = _squash(text)
    return bool(squashed) and any(squashed == _squash(s) for s in sites)


def _same_headline(heading: str, title: str) -> bool:
    a, b = _norm(heading), _norm(title)
    if not a or not b:
        return False
    if a == b or (len(a) >= 15 and a in b) or (len(b) >= 15 and b in a):
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / min(len(wa), len(wb)) >= SAME_WORDS and len(wa & wb) >= 2


def _related(heading: str, title: str) -> bool:
    content = {w for w in _words(heading) if len(w) >= 4 and w not in _COMMON}
    return bool(content & set(_words(title)))


def _words(text: str) -> list[str]:
    return _norm(text).split()


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")
    return " ".join(_WORD.findall(text.replace("'s ", " ")))


def _squash(text: str) -> str:
    """Letters and digits only, lower case: "CBSSports.com" and "cbssports com" are one name."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _meta(tree: Any, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for value in tree.xpath(f'//meta[@{attr}="{name}"]/@content'):
                text = _clean(str(value))
                if text:
                    return text
    return None


def _meta_titles(tree: Any) -> list[str]:
    """Sharing and search titles first, the browser tab's last; each once."""
    titles = [_meta(tree, "og:title"), _meta(tree, "twitter:title")]
    titles += [_clean(h) for h in _json_ld_values(tree, "headline")]
    titles.append(_meta(tree, "headline", "title"))
    for el in tree.iter("title"):
        titles.append(_clean(el.text_content()))
        break
    out: list[str] = []
    for t in titles:
        if t and t not in out and len(t) <= MAX_HEADLINE_CHARS:
            out.append(t)
    return out


def _page_url(tree: Any) -> str | None:
    """The page's own address, from its metadata (a saved page has no other)."""
    for href in tree.xpath('//link[@rel="canonical"]/@href'):
        if str(href).startswith("http"):
            return str(href)
    return _meta(tree, "og:url")


def _h1_texts(tree: Any) -> list[str]:
    out: list[str] = []
    for el in tree.iter("h1"):
        text = _clean(el.text_content())
        if text and len(text) <= MAX_HEADLINE_CHARS and text not in out:
            out.append(text)
    return out


def _site_names(tree: Any, url: str | None) -> list[str]:
    names = [_meta(tree, "og:site_name"), _meta(tree, "application-name"), _meta(tree, "twitter:site")]
    names += _json_ld_publishers(tree)
    out = [n.lstrip("@") for n in names if n and len(n) <= MAX_SITE_CHARS]
    host = urlsplit(url).hostname if url else None
    if host:
        labels = [x for x in host.lower().split(".") if x not in _HOST_NOISE]
        out.append(".".join(labels))
        out += [x for x in labels[:-1] if len(x) >= 4]  # "timesofindia.indiatimes.com", "entermedia.co.kr"
    return [n for n in out if len(_squash(n)) >= 3]


def _json_ld(tree: Any) -> Iterator[Any]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            yield json.loads(script.text_content() or "")
        except ValueError:
            continue


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _json_ld_values(tree: Any, key: str) -> list[str]:
    out: list[str] = []
    for data in _json_ld(tree):
        for node in _walk(data):
            value = node.get(key)
            if isinstance(value, str) and value.strip():
                out.append(value)
    return out


def _json_ld_publishers(tree: Any) -> list[str]:
    out: list[str] = []
    for data in _json_ld(tree):
        for node in _walk(data):
            publisher = node.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                out.append(publisher["name"])
            if node.get("@type") in ("WebSite", "NewsMediaOrganization", "Organization"):
                name = node.get("name")
                if isinstance(name, str):
                    out.append(name)
    return out
