"""HTTP methods and text direction: HEAD works wherever GET does, a 405 names the allowed methods,
and bidirectional controls in stored text cannot reorder a page."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from webdata import HOSTILE_ID, hostile_article, synthetic_articles, write_store

from newsgraph.web.app import create_app
from newsgraph.web.highlight import Span, highlight, visible_bidi

PAGES = ["/", "/articles", f"/articles/{HOSTILE_ID}", "/entities", "/entities/PERSON:mallory", "/quotes"]
PAGES += ["/events", "/network", "/counts", "/api/docs"]
ROUTES = PAGES + ["/api" + p.rstrip("/") for p in PAGES if p != "/api/docs"] + ["/api/openapi.json"]
ROUTES += ["/static/style.css"]

RLO = "\u202e"  # right-to-left override
BIDI_ID = "bidi000000000001"


@pytest.fixture(scope="module")
def bidi_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    base = hostile_article()
    text = f"Invoice report{RLO}fdp.exe was sent{chr(0x2066)} on Monday.\n\nAnother line."
    bidi = dataclasses.replace(
        base,
        id=BIDI_ID,
        title=f"Invoice {RLO}fdp.exe",
        text=text,
        source="bidi.txt",
        doc_hash="bidi",
        entities=[],
        quotes=[],
        counts=[],
        places=[],
        dates=[],
        events=[],
        headings=[],
        source_map=base.source_map.identity(len(text)),
    )
    db = write_store(tmp_path_factory.mktemp("methods") / "m.duckdb", [*synthetic_articles(8), bidi])
    with TestClient(create_app(db)) as client:
        yield client


@pytest.mark.parametrize("path", ROUTES)
def test_head_answers_like_get_without_a_body(bidi_client: TestClient, path: str) -> None:
    get = bidi_client.get(path)
    head = bidi_client.head(path)
    assert get.status_code == 200, path
    assert head.status_code == 200, path
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers.get("content-length") == get.headers.get("content-length")
    assert head.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize(
    "path", ["/articles", "/api/articles", f"/api/articles/{HOSTILE_ID}", "/static/style.css"]
)
def test_a_method_not_allowed_names_the_allowed_ones(bidi_client: TestClient, method: str, path: str) -> None:
    response = bidi_client.request(method, path)
    assert response.status_code == 405
    allowed = {m.strip() for m in response.headers["allow"].split(",")}
    assert allowed == {"GET", "HEAD"}
    assert method not in allowed
    if path.startswith("/api/"):
        assert response.json()["error"]["status"] == 405


def test_bidi_controls_are_visible_not_applied(bidi_client: TestClient) -> None:
    page = bidi_client.get(f"/articles/{BIDI_ID}").text
    assert RLO not in page and "\u2066" not in page
    assert "Invoice [U+202E]fdp.exe" in page  # the title
    assert "report[U+202E]fdp.exe was sent[U+2066] on Monday" in page  # the text
    listing = bidi_client.get("/articles").text
    assert RLO not in listing and "[U+202E]" in listing
    data = bidi_client.get(f"/api/articles/{BIDI_ID}").json()  # the data itself is kept
    assert RLO in data["article"]["title"]


def test_highlight_makes_bidi_controls_visible_inside_marks() -> None:
    text = f"a{RLO}bc d"
    html = highlight(text, [Span(1, 4, "entities", "ent", "entities:0", label=f"x{RLO}")])
    assert RLO not in html
    assert str(html) == (
        'a<mark class="ent" data-fact="entities:0" tabindex="0" title="x[U+202E]">[U+202E]bc</mark> d'
    )


@pytest.mark.parametrize(
    "char", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)
def test_every_embedding_override_and_isolate_is_made_visible(char: str) -> None:
    assert visible_bidi(f"x{char}y") == f"x[U+{ord(char):04X}]y"


def test_marks_that_right_to_left_text_needs_are_kept() -> None:
    assert visible_bidi("\u200f\u0627\u200e") == "\u200f\u0627\u200e"
