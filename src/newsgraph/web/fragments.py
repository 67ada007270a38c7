"""The pages' repeated parts written as Python instead of Jinja macros: the rows of events and
quotes, the article results, the map's points, the timeline and the bar chart. They are most of
a page's HTML, and Jinja spends several calls on every value of every row (attribute look-up,
``finalize``, escaping, a macro call per party); here a row is one f-string.

Every value from the store goes through :func:`text` (its bidirectional controls made visible,
then HTML-escaped), exactly as ``{{ value }}`` does in the templates (``finalize=shown`` then
autoescaping); what is built here is returned as :class:`~markupsafe.Markup`, so that the
templates print it as it is. Numbers that are formatted here are formatted by Python."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from .highlight import escape_str, visible_bidi
from .search import mark_hits

Row = Mapping[str, Any]


def text(value: Any) -> str:
    """``value`` as escaped HTML text, as ``{{ value }}`` prints it (``None`` prints nothing)."""
    if type(value) is str:
        return escape_str(value if value.isascii() else visible_bidi(value))
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return escape_str(str(value))


def path_part(value: Any) -> str:
    """A value as one URL path segment (entity keys hold colons and spaces)."""
    return _path_part(str(value))


@functools.lru_cache(maxsize=1 << 16)
def _path_part(value: str) -> str:
    return quote(value, safe="")


def number(value: Any) -> str:
    """An integer with thousands separators; anything else as it is (None as nothing)."""
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def num(value: Any) -> str:
    """:func:`number`, escaped (as ``{{ value|number }}`` prints it)."""
    return text(number(value))


def entity_link(key: Any, name: Any) -> str:
    if key:
        return f'<a class="entity" href="/entities/{path_part(key)}">{text(name or key)}</a>'
    return text(name or "")


def article_link(id_: Any, title: Any, anchor: str | None = None) -> str:
    at = f"#{text(anchor)}" if anchor else ""
    return f'<a class="article" href="/articles/{path_part(id_)}{at}">{text(title or "(untitled)")}</a>'


def parties(items: Iterable[Row] | None) -> str:
    out = []
    for p in items or ():
        if p.get("key"):
            out.append(
                f'<a class="entity" href="/entities/{path_part(p["key"])}">'
                f"{text(p.get('name') or p.get('text'))}</a>"
            )
        else:
            out.append(
                f'<span title="actor code {text(p.get("code") or "")}">'
                f"{text(p.get('text') or p.get('code'))}</span>"
            )
    return ", ".join(out)


def quad_class(quad: Any) -> str:
    return text((quad or "none").replace(" ", "-"))


def quad_badge(quad: Any) -> str:
    return f'<span class="quad quad-{quad_class(quad)}">{text(quad or "")}</span>'


def _event_cell(e: Row) -> str:
    out = [f"<strong>{text(e.get('event_type'))}</strong>"]
    if e.get("negated"):
        out.append(" (negated)")
    out.append(f"<br>{quad_badge(e.get('quad'))}")
    if e.get("confidence") is not None:
        out.append(
            '<br><span class="confidence" title="how likely the event is to be right">'
            f"confidence {e['confidence']:.2f}</span>"
        )
    n = e.get("num_articles")
    if n and n > 1:
        out.append(
            '<br><span class="reports" title="articles and outlets that report this happening '
            f'(docs/stories.md)">{text(n)} articles, {text(e.get("num_sources"))} outlets</span>'
        )
    return "".join(out)


def event_rows(items: Sequence[Row], show_article: bool = True) -> Markup:
    """A table of events: date, actors, type and class, recipients, place, and (``show_article``)
    the sentence with a link to the event in its article."""
    head = (
        '<table class="events">\n<thead><tr><th>date</th><th>actor</th><th>event</th><th>recipient</th>'
        "<th>where</th>"
        + ("<th>sentence · article</th>" if show_article else "")
        + "</tr></thead>\n<tbody>\n"
    )
    out = [head]
    for e in items:
        where = text(e.get("place") or "") + (f" ({text(e['country'])})" if e.get("country") else "")
        row = (
            f"<tr>\n  <td>{text(e.get('day') or '')}</td>\n  <td>{parties(e.get('actors'))}</td>\n"
            f"  <td>{_event_cell(e)}</td>\n  <td>{parties(e.get('recipients'))}</td>\n  <td>{where}</td>\n"
        )
        if show_article:
            link = article_link(e.get("article_id"), e.get("title"), f"events-{e.get('n')}")
            row += f"  <td><q>{text(e.get('sentence') or e.get('text'))}</q><br>{link}</td>\n"
        out.append(row + "</tr>\n")
    out.append("</tbody>\n</table>\n")
    return Markup("".join(out))


def quote_list(items: Sequence[Row]) -> Markup:
    """A list of quotes: the text, its speaker (a link when known), kind, date and article."""
    out = ['<ul class="quotes">\n']
    for q in items:
        if q.get("speaker_key"):
            who = entity_link(q["speaker_key"], q.get("speaker_name") or q.get("speaker_text"))
        else:
            who = text(q.get("speaker_text") or "unknown speaker")
        code = f'\n  <span class="code">{text(q["speaker_code"])}</span>' if q.get("speaker_code") else ""
        link = article_link(q.get("article_id"), q.get("title"), f"quotes-{q.get('n')}")
        sure = (
            ' · <span class="confidence" title="how likely the attribution is to be right">'
            f"confidence {q['confidence']:.2f}</span>"
            if q.get("confidence") is not None
            else ""
        )
        out.append(
            f'<li>\n  <blockquote data-kind="{text(q.get("kind") or "")}">'
            f"{text(q.get('text'))}</blockquote>\n"
            f'  <p class="meta">— {who}{code}\n'
            f"  · {text(q.get('kind') or '')} · {text(q.get('published') or 'undated')} · {link}{sure}</p>\n"
            "</li>\n"
        )
    if not items:
        out.append('<li class="empty">No quotes.</li>\n')
    out.append("</ul>\n")
    return Markup("".join(out))


def article_results(items: Sequence[Row], q: str | None, search: dict[str, Any] | None) -> Markup:
    """The articles of a list page (each ``<li>``: title, meta line, snippet), search hits marked."""
    out = []
    for a in items:
        if q:
            title = (
                f'<a class="article" href="/articles/{path_part(a.get("id"))}?q={text(_urlencode(q))}">'
                f"{mark_hits(a.get('title') or '(untitled)', search)}</a>"
            )
        else:
            title = article_link(a.get("id"), a.get("title"))
        meta = [
            f"{text(a.get('published') or 'undated')} · {text(a.get('source'))} · "
            f"{num(a.get('n_words'))} words"
        ]
        if a.get("language"):
            meta.append(
                f' · <span class="language" title="language (ISO 639-1)">{text(a["language"])}</span>'
            )
        if a.get("skipped"):
            meta.append(
                ' · <span class="skipped" title="not in a supported language: stored without facts">'
                "no facts</span>"
            )
        if a.get("relevance") is not None:
            meta.append(
                ' · <span class="relevance" title="how much the article is about public affairs">'
                f"relevance {a['relevance']:.2f}</span>"
            )
        if a.get("score") is not None:
            meta.append(
                f' · <span class="score" title="BM25 relevance to the query">score {a["score"]:.2f}</span>'
            )
        if a.get("duplicate_of"):
            copy = a["duplicate_of"]
            meta.append(
                ' · <span class="copy" title="a copy of another stored article '
                f"({text(a.get('duplicate_reason'))}); its facts are counted once, with that "
                f"article's\">copy of {article_link(copy, copy[:12])}</span>"
            )
        out.append(
            f'<li>\n  <h2 class="title">{title}</h2>\n  <p class="meta">{"".join(meta)}</p>\n'
            f'  <p class="snippet">{mark_hits(a.get("snippet"), search)}</p>\n</li>\n'
        )
    if not items:
        out.append('<li class="empty">No article matches.</li>\n')
    return Markup("".join(out))


def _urlencode(value: str) -> str:
    """Jinja's ``urlencode`` filter of a string."""
    return quote(value, safe="/")


def map_points(mp: Row) -> Markup:
    """The map's points as SVG circles (the busiest drawn last, on top), sized by their number."""
    points = mp["points"]
    peak = max((p["n"] for p in points), default=1) or 1
    unit = text(mp["unit"])
    out = []
    for p in reversed(points):
        n = p["n"]
        place = text(p.get("place") or "")
        where = text(p.get("place") or "?") + (f" ({text(p['country'])})" if p.get("country") else "")
        out.append(
            f'<circle class="point" cx="{text(p["x"])}" cy="{text(p["y"])}" '
            f'r="{2.5 + 9 * (n / peak) ** 0.5:.1f}" data-lat="{text(p["lat"])}" '
            f'data-lon="{text(p["lon"])}" data-n="{text(n)}" data-place="{place}" '
            f'tabindex="0"><title>{where}: {num(n)} {unit}</title></circle>\n'
        )
    return Markup("".join(out))


def timeline(tl: Sequence[Row], bucket: str, colours: Mapping[str, str]) -> Markup:
    """The events timeline: a bar per date bucket, stacked by class, a label every eighth."""
    peak = max(b["events"] for b in tl)
    w, h = 960, 160
    bw = w / len(tl)
    step = (len(tl) // 8) or 1
    out = [
        f'<svg class="timeline-chart" viewBox="0 0 {w} {h + 20}" role="img" '
        f'aria-label="events per {text(bucket)}">\n'
    ]
    for i, b in enumerate(tl):
        x = i * bw
        types = ", ".join(f"{text(t)} {text(n)}" for t, n in sorted(b["by_type"].items(), key=_folded))
        out.append(
            f'  <g class="bar" data-bucket="{text(b["bucket"])}">\n'
            f"  <title>{text(b['bucket'])}: {text(b['events'])} events — {types}</title>\n"
        )
        y: float = h
        for quad, colour in colours.items():
            n = b["by_quad"].get(quad)
            if not n:
                continue
            bh = n / peak * h
            y -= bh
            out.append(
                f'    <rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(bw - 2, 1):.1f}" height="{bh:.1f}" '
                f'fill="{text(colour)}"></rect>\n'
            )
        out.append("  </g>\n")
        if i % step == 0 and (len(tl) - i) * bw > 60:
            out.append(f'<text x="{x + 1:.1f}" y="{h + 14}" font-size="11">{text(b["bucket"])}</text>')
    out.append("</svg>\n")
    return Markup("".join(out))


def _folded(item: tuple[Any, Any]) -> Any:
    """The order of Jinja's ``dictsort`` (keys compared without case)."""
    key = item[0]
    return key.lower() if isinstance(key, str) else key


def hbar_chart(
    rows: Sequence[Row], label_key: str, value_key: str, by_key: str, colours: Mapping[str, str], title: str
) -> Markup:
    """Horizontal bars, one a row, stacked by ``by_key``'s parts in their colours."""
    peak = max((r[value_key] for r in rows), default=1) or 1
    h = 22
    out = [
        f'<svg class="chart hbars" viewBox="0 0 960 {len(rows) * h + 6}" role="img" '
        f'aria-label="{text(title)}">\n'
    ]
    for i, r in enumerate(rows):
        y = i * h + 3
        parts = sorted(r[by_key].items(), key=_folded)
        label = text(r[label_key])
        out.append(
            f'  <g class="bar" data-label="{label}" data-value="{text(r[value_key])}">\n'
            f"  <title>{label}: {text(r[value_key])}"
            + "".join(f", {text(k)} {text(n)}" for k, n in parts)
            + "</title>\n"
            f'  <text x="214" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{text(_truncate(r[label_key]))}</text>\n"
        )
        x = 220.0
        for k, n in parts:
            width = n / peak * 700
            out.append(
                f'    <rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{h - 6}" '
                f'fill="{text(colours.get(k, "#6d7b86"))}"></rect>\n'
            )
            x += width
        out.append(
            f'  <text x="{x + 4:.1f}" y="{y + 15}" font-size="12">{num(r[value_key])}</text>\n  </g>\n'
        )
    out.append("</svg>\n")
    return Markup("".join(out))


def _truncate(value: Any, length: int = 32, leeway: int = 5, end: str = "...") -> str:
    """Jinja's ``truncate(32, True)``: at most ``length`` characters, ``end`` included."""
    s = "" if value is None else str(value)
    return s if len(s) <= length + leeway else s[: length - len(end)] + end


def select(name: str, label: str, options: Iterable[Any], value: Any) -> Markup:
    """A filter form's ``<select>``: "any", then each option, the one equal to ``value`` (as
    text) selected. The lists of countries and types make it one of a page's longest loops, so
    each one made is kept (the same store's options and the same value give the same HTML)."""
    chosen = str(value) if value else None
    listed = tuple(options)
    if type(name) is str and type(label) is str and set(map(type, listed)) <= {str}:
        return _select(name, label, listed, chosen)  # plain texts: equal keys, equal HTML
    return _make_select(name, label, listed, chosen)


@functools.lru_cache(maxsize=4096)
def _select(name: str, label: str, options: tuple[Any, ...], chosen: str | None) -> Markup:
    return _make_select(name, label, options, chosen)


def _make_select(name: str, label: str, options: Iterable[Any], chosen: str | None) -> Markup:
    out = []
    for o in options:
        t = text(o)
        mark = " selected" if chosen is not None and str(o) == chosen else ""
        out.append(f'<option value="{t}"{mark}>{t}</option>')
    return Markup(
        f'<label>{text(label)} <select name="{text(name)}">\n  <option value="">any</option>\n'
        + "".join(out)
        + "</select></label>\n"
    )


#: What the templates get from here (as globals).
GLOBALS: dict[str, Callable[..., Any]] = {
    "event_rows": event_rows,
    "quote_list": quote_list,
    "article_results": article_results,
    "map_points": map_points,
    "timeline_chart": timeline,
    "hbar_chart": hbar_chart,
    "select_field": select,
}
