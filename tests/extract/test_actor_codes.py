"""Actor codes of entities on invented sentences (issue 15): which country an article is about,
the country and sector of people with no country named, firms and intergovernmental bodies."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from newsgraph.extract.countries import main_country, state_body_country
from newsgraph.extract.mentions import collect_mentions


def test_state_bodies_and_parties_say_which_country_an_article_is_about() -> None:
    doc = spacy.blank("en")("The FBI questioned Republicans about the Bundesrat memo on Twitter .")
    doc.ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 3, 4, label="NORP"), Span(doc, 6, 7, label="ORG")]
    assert main_country(collect_mentions(doc)) == "USA"  # FBI and Republicans: no country named


def test_firms_media_and_intergovernmental_bodies_are_no_evidence_of_the_article_country() -> None:
    assert state_body_country("FBI") == "USA"
    assert state_body_country("Republicans") == "USA"
    assert state_body_country("Twitter") is None  # a firm: named by news of every country
    assert state_body_country("Reuters") is None  # a wire service
    assert state_body_country("United Nations") is None
    doc = spacy.blank("en")("Lagos residents posted on Twitter .")
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 4, 5, label="ORG")]
    assert main_country(collect_mentions(doc)) == "NGA"
