"""Article bodies split into several containers (readers/continuation.py)."""

from __future__ import annotations

from lxml import html as lxml_html

from newsgraph.readers.continuation import body_groups, continuation_lines
from newsgraph.readers.html import html_to_document
from newsgraph.settings import Settings

# Original, fictional text written for these tests.
FIRST = [
    "The river authority of the fictional valley of Vennmark said on Monday that the old weir at "
    "Holst would be rebuilt next spring, after a winter of floods damaged its eastern gate.",
    "Engineers found that two of the weir's oak beams had split and that water now ran under the "
    "gate even when it was closed, flooding the meadows below the mill.",
]
SECOND = [
    "The rebuilding is expected to cost about 3.1 million crowns, which the authority will borrow "
    "from the regional bank over twenty years, its finance director said.",
    "Farmers below the weir said they had asked for the repairs for a decade and would believe the "
    "promise only when the first barge of stone arrived at the mill.",
]
BODY = "grid body article__body"


def page(second_block: str, *, between: str = '<div class="ad"><span>Advertisement</span></div>') -> str:
    first = "".join(f"<p>{p}</p>" for p in FIRST)
    return (
        "<html><body><article><h1>Vennmark weir to be rebuilt</h1>"
        f'<div class="{BODY}">{first}</div>{between}{second_block}'
        "</article></body></html>"
    )


def second_container(extra: str = "") -> str:
    return f'<div class="{BODY}">' + "".join(f"<p>{p}</p>" for p in SECOND) + extra + "</div>"


def continued(markup: str, extracted: list[str]) -> list[str]:
    return continuation_lines(body_groups(lxml_html.fromstring(markup)), extracted)


def test_later_container_of_the_extracted_one_is_appended() -> None:
    assert continued(page(second_container()), list(FIRST)) == SECOND


def test_nothing_added_when_the_extraction_has_both_halves() -> None:
    assert continued(page(second_container()), FIRST + SECOND) == []


def test_group_none_of_whose_members_was_extracted_is_ignored() -> None:
    # e.g. comments or teasers that repeat one class: trafilatura took none of them
    assert continued(page(second_container()), ["An unrelated paragraph that the extractor chose."]) == []


def test_list_of_links_and_pull_quotes_are_left_out() -> None:
    links = (
        '<ul><li>Read more: <a href="/a">how the dam was built</a></li>'
        '<li>Also: <a href="/b">the mill reopens</a></li></ul>'
        '<aside class="pullquote"><p>Farmers said they would believe the promise later.</p></aside>'
        '<p><a href="/c">Subscribe to the Vennmark newsletter for more stories like this one</a></p>'
    )
    assert continued(page(second_container(links)), list(FIRST)) == SECOND


def test_next_story_below_a_new_headline_is_not_appended() -> None:
    markup = page("</article><article><h1>Another story</h1>" + second_container())
    assert continued(markup, list(FIRST)) == []
    # and without a second <article>, a new <h1> alone also ends the story
    markup = page("<h1>Another story</h1>" + second_container())
    assert continued(markup, list(FIRST)) == []


def test_page_split_by_an_advertisement_keeps_both_halves_once() -> None:
    doc = html_to_document(page(second_container()), source="weir.html", settings=Settings())
    lines = doc.text.splitlines()
    for paragraph in FIRST + SECOND:
        assert lines.count(paragraph) == 1, paragraph
    assert lines.index(SECOND[0]) > lines.index(FIRST[-1])


def test_many_repeated_blocks_of_another_kind_are_not_appended() -> None:
    # 3,000 comment-like blocks of one class after the article: none of them was extracted
    comments = "".join(
        f'<div class="c-body"><p>{f"Reader comment number {i}. " * 6}</p></div>' for i in range(3000)
    )
    markup = page(second_container()).replace("</article>", comments + "</article>")
    assert continued(markup, list(FIRST)) == SECOND
