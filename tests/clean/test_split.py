from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean.split import find_starts, paragraphs, split_document
from newsgraph.clean.textmap import normalize
from newsgraph.records import Document, Draft

DUMP = """Ministers Agree to Reopen Border Crossing After Talks

Foreign ministers meet in Geneva, Switzerland, June 6, 2025. (Reuters)
Foreign ministers meet in Geneva, Switzerland, June 6, 2025. (Reuters)
TT

Ministers Agree to Reopen Border Crossing After Talks

Foreign ministers meet in Geneva, Switzerland, June 6, 2025. (Reuters)
Foreign ministers meet in Geneva, Switzerland, June 6, 2025. (Reuters)

The two governments agreed on Friday to reopen the main border crossing, officials said.

“We have a deal,” said the first minister. “Trucks will move again next week.”

AID 'URGENT'

Aid agencies said more than 3,000 people were waiting at the crossing.

Aid agencies said more than 3,000 people were waiting at the crossing.



Storm Floods Coastal Towns as Rivers Burst Their Banks

Rescuers wade through a flooded street. (AFP)
TT

Heavy rain flooded at least 12 towns overnight, the interior ministry said.

The ministry said 40 people were rescued from rooftops.
"""


def drafts_of(text: str, **kw: object) -> list[Draft]:
    return split_document(Document(source="dump.txt", text=text, reader="text", kind="dump"), **kw)  # type: ignore[arg-type]


def test_dump_splits_into_articles_with_metadata() -> None:
    first, second = drafts_of(DUMP)
    assert first.title == "Ministers Agree to Reopen Border Crossing After Talks"
    assert first.text.startswith("The two governments agreed on Friday")
    assert first.text.endswith("people were waiting at the crossing.")
    assert first.text.count("more than 3,000") == 1  # the repeated paragraph is dropped
    assert first.captions == ["Foreign ministers meet in Geneva, Switzerland, June 6, 2025."]
    assert first.credits == ["Reuters"]
    assert [h.text for h in first.headings] == ["AID 'URGENT'"]
    h = first.headings[0]
    assert first.text[h.start : h.end] == "AID 'URGENT'"
    assert first.published == dt.date(2025, 6, 6)
    assert first.published_from == "text"
    assert "TT" not in first.text.split("\n\n")
    assert second.title == "Storm Floods Coastal Towns as Rivers Burst Their Banks"
    assert second.text.startswith("Heavy rain flooded")
    assert second.captions == ["Rescuers wade through a flooded street."]
    assert second.credits == ["AFP"]
    assert second.published is None and second.published_from is None
    assert [d.source for d in (first, second)] == ["dump.txt#1", "dump.txt#2"]


def test_user_date_when_no_metadata() -> None:
    first, _ = drafts_of(DUMP, user_published=dt.date(2025, 6, 7))
    assert (first.published, first.published_from) == (dt.date(2025, 6, 7), "user")
    doc = Document(source="a.txt", text=DUMP, reader="text", kind="dump", published=dt.date(2025, 1, 1))
    assert split_document(doc, user_published=dt.date(2025, 6, 7))[0].published_from == "metadata"


def test_single_article_without_header() -> None:
    (only,) = drafts_of("The council met on Monday.\n\nIt adjourned without a vote.\n")
    assert only.title is None
    assert only.source == "dump.txt"
    assert only.text == "The council met on Monday.\n\nIt adjourned without a vote."


def test_separator_lines_split_articles() -> None:
    text = "First Headline Here\n\nBody one is here.\n\n* * *\n\nSecond Headline Here\n\nBody two is here.\n"
    assert [d.title for d in drafts_of(text)] == ["First Headline Here", "Second Headline Here"]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    para = (
        "The delegation arrived in the capital late on Sunday evening and\n"
        "was met at the airport by the deputy foreign minister, who said\n"
        "that the talks would begin at nine o'clock the next morning in\n"
        "the old parliament building near the river.\n"
    )
    (only,) = drafts_of("Talks Open in Capital\n\n" + para + "\n" + para)
    assert only.text.count("\n\n") == 0  # the repeated paragraph was dropped, the rest is one paragraph
    assert "evening and was met" in only.text


def test_byline_becomes_author() -> None:
    (only,) = drafts_of("Summit Ends Without Deal\nBy Jane Doe\n\nThe summit ended on Tuesday.\n")
    assert only.authors == ["Jane Doe"]
    assert only.text == "The summit ended on Tuesday."


def test_in_body_heading_does_not_split() -> None:
    paras = paragraphs(DUMP)
    assert len(find_starts(paras)) == 2


def test_spans_map_back_to_raw() -> None:
    for draft in drafts_of(DUMP):
        for para in draft.text.split("\n\n"):
            start = draft.text.index(para)
            rs, re_ = draft.source_map.span_to_raw(start, start + len(para))
            assert normalize(DUMP[rs:re_]) == para


def test_raw_document_is_verbatim() -> None:
    raw = "  Title\n\nBody “quoted”  text.\n"
    (d,) = split_document(Document(source="r.txt", text=raw, reader="text", kind="raw"))
    assert d.text == raw
    assert d.source_map.span_to_raw(2, 7) == (2, 7)


def test_fixture_matches_expected(fixtures: Path) -> None:
    text = (fixtures / "seed_style_dump.txt").read_text(encoding="utf-8")
    expected = json.loads((fixtures / "seed_style_dump.expected.json").read_text(encoding="utf-8"))
    arts = expected["articles"]
    drafts = drafts_of(text)
    assert len(drafts) == len(arts)
    for draft, exp in zip(drafts, arts, strict=True):
        assert draft.title == exp["title"]
        assert draft.text.startswith(exp["body_first_40_chars"])
        assert draft.text.endswith(exp["body_last_40_chars"])
        assert draft.captions == exp["captions"]
        assert draft.credits == exp["credits"]
        assert [h.text for h in draft.headings] == exp["headings"]
        assert (draft.published.isoformat() if draft.published else None) == exp["published"]


SEED_TITLES = [
    "US Urges North Korea to Cease Weapons Testing for Talks to be Held",
    "Blinken Meets China’s Wang after Chiding Beijing’s ‘Escalating Actions’ at Sea",
]


@pytest.mark.shared
def test_seed(seed_path: Path) -> None:
    drafts = drafts_of(seed_path.read_text(encoding="utf-8"))
    assert [d.title for d in drafts] == SEED_TITLES
    a, b = drafts
    assert a.text.startswith("North Korea must carry out a “sustained cessation”")
    assert a.text.endswith("to reduce the risk of a misunderstanding escalating into conflict.")
    assert b.text.startswith("US Secretary of State Antony Blinken met his Chinese counterpart")
    assert b.text.endswith(
        'expressing concern over the dire humanitarian situation and "alarming casualties" there.'
    )
    assert a.credits == b.credits == ["Reuters"]
    assert len(a.captions) == len(b.captions) == 1
    assert [h.text for h in b.headings] == ["GAZA SITUATION 'DIRE'", "'THIS IS NOT SUSTAINABLE'"]
    assert (b.published, b.published_from) == (dt.date(2024, 7, 27), "text")
    assert a.published is None
    for d in drafts:
        assert "TT" not in d.text.split("\n\n")
        assert d.title not in d.text
        assert d.captions[0] not in d.text


paragraph = (
    st.lists(
        st.sampled_from(
            ["The", "minister", "said", "“talks”", "Reuters", "on", "Friday", "3,000", "TT", "AID"]
        ),
        min_size=1,
        max_size=12,
    )
    .map(" ".join)
    .map(lambda s: s + ".")
)


@settings(max_examples=60, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=6))
def test_cleaning_twice_changes_nothing(paras: list[str]) -> None:
    raw = "A Headline For The Test\n\n" + "\n\n".join(paras) + "\n"
    for draft in drafts_of(raw):
        again = drafts_of((draft.title or "") + "\n\n" + draft.text)
        assert [d.text for d in again] == [draft.text]


def test_article_document_uses_marked_headings_and_caption_credits() -> None:
    body = (
        "The summit opened on Monday.\n"
        "What the leaders want\n"
        "They want a ceasefire by the end of the month, officials said.\n"
        "A Long Sentence Case Line That Has No Stop But Is Not Short Enough To Be A Heading Here\n"
        "The talks went on late into the night.\n"
    )
    doc = Document(
        source="p.html",
        text=body,
        reader="html",
        kind="article",
        title="Summit Opens",
        captions=["Leaders pose for a photo. (AFP)", "Leaders pose for a photo. (AFP)"],
        headings=["A Long Sentence Case Line That Has No Stop But Is Not Short Enough To Be A Heading Here"],
    )
    (d,) = split_document(doc)
    assert [h.text for h in d.headings] == [
        "What the leaders want",
        "A Long Sentence Case Line That Has No Stop But Is Not Short Enough To Be A Heading Here",
    ]
    assert all(d.text[h.start : h.end] == h.text for h in d.headings)
    assert d.captions == ["Leaders pose for a photo."]
    assert d.credits == ["AFP"]


def test_a_headline_repeated_at_the_top_of_the_body_in_other_quote_marks_is_dropped() -> None:
    body = (
        "‘We had some issues,’ exec says on Disney+ glitches\n"
        "The streaming service struggled on its first day, the company said.\n"
        "Engineers worked through the night.\n"
    )
    doc = Document(
        source="p.html",
        text=body,
        reader="html",
        kind="article",
        title="'We had some issues,' exec says on Disney+ glitches",
    )
    (d,) = split_document(doc)
    assert d.text.startswith("The streaming service struggled")


@pytest.mark.parametrize(
    "line",
    [
        "Got a story? Email us at tips@example.com",
        "Sign up for our daily newsletter to get the news in your inbox.",
        "MORE: Senate passes the budget bill",
        "Photo: AFP",
        "Follow Jane Doe on Twitter @janedoe",
        "© 2024 Example Media. All rights reserved.",
    ],
)
def test_calls_to_action_and_link_lines_are_not_article_text(line: str) -> None:
    body = f"The minister resigned on Monday, the ministry said.\n{line}\nThe talks went on late at night."
    doc = Document(source="p.html", text=body, reader="html", kind="article", title="Minister resigns")
    (d,) = split_document(doc)
    assert line not in d.text
    assert "The talks went on late at night." in d.text
