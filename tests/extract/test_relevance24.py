"""Community pieces of local news are not public affairs (session 20, ev24relevance): the
ceremonies, awards, fund-raisers, talks, church life and obituaries that local papers report weigh
against public affairs, so a civic title at such an event does not lift the article over the cut."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.extract.pipeline import prepare_doc
from newsgraph.extract.relevance import PUBLIC_AFFAIRS, load_sections

AWARDS_EVENING = (
    "Mayor Tom Bradley handed out awards to twelve young volunteers at the annual banquet of the "
    "Rotary Club on Saturday. The church choir sang, and the scouts led a parade through the square. "
    "Donations from the evening's fundraiser will pay for two scholarships, the mayor said."
)
OBITUARY = (
    "Martha Jones, 81, a former city council clerk, died on Tuesday. She sang in the church choir "
    "for forty years. She is survived by four grandchildren. The funeral will be held on Friday, "
    "and the burial will follow."
)
COUNCIL_VOTE = (
    "The city council voted on Monday to raise the property tax to close a budget gap, after the "
    "mayor warned that police and fire services would be cut. Opposition members called the vote a "
    "broken campaign promise. The council will hold a ceremony next week for the new police chief."
)


def _relevance(nlp: Any, text: str) -> float:
    return float(nlp(prepare_doc(nlp, text, published="2024-03-15"))._.newsgraph_relevance)


def test_the_word_table_files_community_words_apart_from_public_affairs() -> None:
    sections = load_sections()
    for word in ("ceremony", "award", "fundraiser", "obituary", "funeral", "volunteer", "church"):
        assert sections[word] == "community"
    assert sections["mayor"] == "public"


@pytest.mark.model
def test_an_awards_evening_with_a_mayor_is_not_public_affairs(nlp: Any) -> None:
    assert _relevance(nlp, AWARDS_EVENING) < PUBLIC_AFFAIRS


@pytest.mark.model
def test_an_obituary_of_a_council_clerk_is_not_public_affairs(nlp: Any) -> None:
    assert _relevance(nlp, OBITUARY) < PUBLIC_AFFAIRS


@pytest.mark.model
def test_a_council_vote_with_a_ceremony_in_passing_stays_public_affairs(nlp: Any) -> None:
    assert _relevance(nlp, COUNCIL_VOTE) >= PUBLIC_AFFAIRS
