"""The pages' parts written in Python (newsgraph.web.fragments) escape every stored value and show
its bidirectional controls, as the Jinja templates they replace did."""

from __future__ import annotations

from typing import Any

import pytest
from markupsafe import Markup

from newsgraph.web import fragments as fr
from newsgraph.web.render import env

EVIL = '<script>alert("x")</script> & \u202egnp.exe'


def _clean(html: str) -> None:
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "\u202e" not in html
    assert "[U+202E]" in html
    assert "&amp;" in html


def event(**over: Any) -> dict[str, Any]:
    e: dict[str, Any] = {
        "article_id": EVIL,
        "n": 3,
        "day": EVIL,
        "event_type": EVIL,
        "quad": EVIL,
        "confidence": 0.5,
        "num_articles": 3,
        "num_sources": EVIL,
        "place": EVIL,
        "country": EVIL,
        "sentence": EVIL,
        "title": EVIL,
        "negated": True,
        "actors": [{"key": EVIL, "name": EVIL}, {"text": EVIL, "code": EVIL}],
        "recipients": [{"code": EVIL}],
    }
    e.update(over)
    return e


def test_event_rows_escape_every_value() -> None:
    html = fr.event_rows([event()])
    assert isinstance(html, Markup)
    _clean(html)
    assert html.count("[U+202E]") >= 10  # each printed value, not one of them
    assert "/entities/%3Cscript%3E" in html  # keys as one URL path segment
    assert "(negated)" in html and "confidence 0.50" in html and "3 articles" in html
    assert "<th>sentence · article</th>" not in fr.event_rows([event()], show_article=False)


def test_quotes_results_points_and_charts_escape() -> None:
    quote = {
        "text": EVIL,
        "kind": EVIL,
        "speaker_key": EVIL,
        "speaker_name": EVIL,
        "speaker_code": EVIL,
        "published": EVIL,
        "article_id": EVIL,
        "title": EVIL,
        "n": 1,
    }
    _clean(fr.quote_list([quote]))
    _clean(fr.quote_list([{**quote, "speaker_key": None, "speaker_text": EVIL}]))
    assert 'class="empty"' in fr.quote_list([])
    article = {
        "id": EVIL,
        "title": EVIL,
        "published": EVIL,
        "source": EVIL,
        "n_words": 1200,
        "language": EVIL,
        "relevance": 0.25,
        "score": 1.5,
        "duplicate_of": EVIL,
        "duplicate_reason": EVIL,
        "snippet": EVIL,
    }
    html = fr.article_results([article], EVIL, {"words": ["script"], "phrases": []})
    _clean(html)
    assert '<mark class="hit">script</mark>' in html and "1,200 words" in html
    point = {"x": 1.0, "y": 2.0, "lat": 3.0, "lon": 4.0, "n": 5, "place": EVIL, "country": EVIL}
    _clean(fr.map_points({"points": [point], "unit": EVIL}))
    bars = [{"name": EVIL, "events": 4, "by_quad": {EVIL: 4}}]
    _clean(fr.hbar_chart(bars, "name", "events", "by_quad", {}, EVIL))
    tl = [{"bucket": EVIL, "events": 2, "by_type": {EVIL: 2}, "by_quad": {"verbal conflict": 2}}]
    _clean(fr.timeline(tl, EVIL, {"verbal conflict": "#123456"}))


@pytest.mark.parametrize(
    "value", ["plain", "a & b", "<b>", "x\u202ey", "ü\u2066", None, 3, 2.5, Markup("<i>kept</i>")]
)
def test_text_is_what_the_templates_print(value: Any) -> None:
    """fragments.text is ``{{ value }}`` of the app's Jinja environment (None aside, which
    the templates always print as ``value or ''``)."""
    expected = env.from_string("{{ v }}").render(v=value) if value is not None else ""
    assert fr.text(value) == expected


def test_the_bar_label_is_cut_as_jinja_truncate_cuts() -> None:
    for label in ["short", "x" * 37, "y" * 38, "a fairly long actor name with many words in it"]:
        assert fr._truncate(label) == env.from_string("{{ v|truncate(32, True) }}").render(v=label)


@pytest.mark.parametrize("value", ["", "plain", "<a href='x'>\"q\" & b</a>", "ü & \u202e", "&amp;"])
def test_escape_str_escapes_as_markupsafe_does(value: str) -> None:
    from markupsafe import escape

    from newsgraph.web.highlight import escape_str

    assert escape_str(value) == str(escape(value))


def test_a_stored_record_json_refuses_is_still_read() -> None:
    import math

    from newsgraph.web.queries.memory import _record

    assert _record('{"n": 3, "s": "é"}') == {"n": 3, "s": "é"}
    assert math.isnan(_record('{"x": NaN}')["x"])  # orjson refuses NaN; json reads it


#: The filter forms' select as the Jinja macro wrote it before fragments.select replaced it.
OLD_SELECT = (
    "{% macro select(name, label, options, value) %}\n"
    '<label>{{ label }} <select name="{{ name }}">\n'
    '  <option value="">any</option>\n'
    '  {% for o in options %}<option value="{{ o }}"'
    "{% if value and value|string == o|string %} selected{% endif %}>{{ o }}</option>{% endfor %}\n"
    "</select></label>\n"
    "{% endmacro %}{{ select(name, label, options, value) }}"
)


@pytest.mark.parametrize(
    ("options", "value"),
    [
        (["USA", "FRA", EVIL], "FRA"),
        (["a", "b"], None),
        ([1, 2, 3], 2),
        ([EVIL], EVIL),
        ([], "x"),
        (["0"], 0),
    ],
)
def test_select_is_the_macro_it_replaced(options: list[Any], value: Any) -> None:
    old = env.from_string(OLD_SELECT).render(name="type", label="type <b>", options=options, value=value)
    assert str(fr.select("type", "type <b>", options, value)) == old
