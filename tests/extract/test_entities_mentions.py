"""Mention cleaning on hand-made docs (no model): what ``extract/mentions.py`` keeps of a span."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from newsgraph.extract.mentions import collect_mentions, person_like


def test_a_known_name_tagged_in_part_grows_without_sentence_boundaries() -> None:
    doc = spacy.blank("en")("Aung San Suu Kyi spoke to reporters")
    doc.ents = [Span(doc, 2, 4, label="PERSON")]  # "Suu Kyi"; no parser, so no sentences
    assert [m.text for m in collect_mentions(doc)] == ["Aung San Suu Kyi"]


def test_stray_marks_scores_and_lower_case_spans_are_cleaned() -> None:
    doc = spacy.blank("en")("minister [Mykhailo Fedorov] said Liverpool 0 Chelsea 2 and the mm thing")
    doc.ents = [
        Span(doc, 1, 5, label="PERSON"),  # "[ Mykhailo Fedorov ]"
        Span(doc, 6, 10, label="ORG"),  # "Liverpool 0 Chelsea 2"
        Span(doc, 12, 13, label="ORG"),  # "mm"
    ]
    texts = [(m.text, doc.text[m.start : m.end]) for m in collect_mentions(doc)]
    assert [t for t, _ in texts] == ["Mykhailo Fedorov", "Liverpool", "Chelsea"]
    assert all(t == s for t, s in texts)


def test_person_names_that_are_organisations() -> None:
    assert not person_like("Clipboard AI")
    assert not person_like("Plymouth Live")
    assert person_like("George H. W. Bush") and person_like("Henry VIII") and person_like("James Comey")


def test_a_title_whose_words_are_all_someone_s_name_is_no_crash() -> None:
    from newsgraph.extract.roles import _title_words

    doc = spacy.blank("en")("the deputy President")
    words = _title_words(list(doc), [Span(doc, 2, 3)], set(), frozenset({2}))  # "President" is a name
    assert words == []  # no title word left: no title (it used to raise IndexError)
