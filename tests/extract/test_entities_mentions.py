"""Mention cleaning on hand-made docs (no model): what ``extract/mentions.py`` keeps of a span."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from handdocs import with_spans
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
    from newsgraph.extract.role_titles import _title_words

    doc = spacy.blank("en")("the deputy President")
    words = _title_words(list(doc), [Span(doc, 2, 3)], set(), frozenset({2}))  # "President" is a name
    assert words == []  # no title word left: no title (it used to raise IndexError)


def _mentions(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The cleaned mentions of ``text`` whose model spans are the given (substring, label) pairs,
    each substring found after the previous one."""
    return [(m.text, m.label) for m in collect_mentions(with_spans(text, spans))]


def test_handles_works_events_and_codes_are_no_names() -> None:
    text = (
        "He spoke on Acme Radio’s “Tea & Biscuits,” said Tom Pole to @POTUS at the Green Party Convention"
        " about the XR7 Turbo, case FHC/ABJ/03/095/2018 and photoshopped pics?I"
    )
    spans = [
        ("Acme Radio’s", "ORG"),
        ("Tea & Biscuits", "ORG"),
        ("Tom Pole", "PERSON"),
        ("@POTUS", "ORG"),
        ("Green Party Convention", "ORG"),
        ("XR7 Turbo", "PERSON"),
        ("FHC/ABJ/03/095/2018", "ORG"),
        ("pics?I", "PERSON"),
    ]
    assert _mentions(text, spans) == [("Acme Radio", "ORG"), ("Tom Pole", "PERSON")]


def test_a_quoted_possessive_name_is_still_a_name() -> None:
    # the closing mark is the apostrophe of a possessive: "‘Tom Pole’s" is no quotation
    assert _mentions("the ‘Tom Pole’s friends", [("Tom Pole", "PERSON")]) == [("Tom Pole", "PERSON")]


def test_spans_cut_at_commas_verbs_and_codes_inside_a_name() -> None:
    text = (
        "Kudos to Acme All Access, Zeta and Martin Luther King, Jr. as Browns DL Sam Rook"
        " saw Garrett hit Rudolph"
    )
    spans = [
        ("Acme All Access, Zeta", "ORG"),
        ("Martin Luther King, Jr.", "PERSON"),
        ("Browns DL Sam Rook", "PERSON"),
        ("Garrett hit Rudolph", "ORG"),
    ]
    assert _mentions(text, spans) == [
        ("Acme All Access", "ORG"),
        ("Zeta", "ORG"),
        ("Martin Luther King, Jr.", "PERSON"),
        ("Sam Rook", "PERSON"),
        ("Garrett", "ORG"),
        ("Rudolph", "ORG"),
    ]
    # particles stay inside a name; a name in capitals is a heading, not a code inside a name
    assert _mentions("the Bank of England", [("Bank of England", "ORG")]) == [("Bank of England", "ORG")]
    assert [t for t, _ in _mentions("MARTIN LUTHER KING spoke", [("MARTIN LUTHER KING", "PERSON")])] == [
        "MARTIN LUTHER KING"
    ]


def test_a_title_or_word_of_address_glued_after_a_body_is_cut() -> None:
    text = "the House of Representatives Speaker and the House of Representatives Rt. Hon. Tom Pole"
    spans = [("House of Representatives Speaker", "ORG"), ("House of Representatives Rt. Hon.", "ORG")]
    assert _mentions(text, spans) == [("House of Representatives", "ORG")] * 2
    # a title word joined to the name by hyphens is part of it
    assert _mentions("in Port-au-Prince", [("Port-au-Prince", "GPE")]) == [("Port-au-Prince", "GPE")]


def test_trailing_lower_case_words_institution_words_and_common_acronyms() -> None:
    text = "As the Republican hopefuls met the International Tennis Federation before the IPO at 0100 GMT"
    spans = [
        ("Republican hopefuls", "NORP"),
        ("International Tennis Federation", "PERSON"),
        ("IPO", "ORG"),
        ("GMT", "ORG"),
    ]
    assert _mentions(text, spans) == [("Republican", "NORP"), ("International Tennis Federation", "ORG")]
    assert not person_like("Zorbin Tennis Federation") and person_like("Zorbin Tennison")


def test_a_credit_is_cut_at_its_slash_and_a_code_is_not() -> None:
    got = _mentions(
        "Photo: Dana Whitlock / Reuters. The suit FHC/ABJ/07 was filed.",
        [("Dana Whitlock / Reuters", "PERSON"), ("FHC/ABJ/07", "ORG")],
    )
    assert got == [("Dana Whitlock", "PERSON"), ("Reuters", "PERSON")]  # the code is no name at all


def test_a_sign_off_loses_its_follow() -> None:
    got = _mentions("Follow Dana Whitlock On Twitter @dwhit.", [("Follow Dana Whitlock", "PERSON")])
    assert got == [("Dana Whitlock", "PERSON")]


def test_an_adverb_opening_the_sentence_is_no_part_of_the_name() -> None:
    doc = spacy.blank("en")("Later Ravel Dusenko said no .")
    doc[0].pos_, doc[0].is_sent_start = "ADV", True
    doc.ents = [Span(doc, 0, 3, label="PERSON")]
    assert [m.text for m in collect_mentions(doc)] == ["Ravel Dusenko"]


def test_a_first_line_of_two_title_case_sentences_is_a_headline() -> None:
    from newsgraph.extract.mentions import title_case_lines

    body = " ".join(["The senator spoke to voters in the state on Monday and said the race was close."] * 3)
    doc = spacy.blank("en")(
        f"Dusenko Suffered A Big Blow. Here Is His Plan Going Forward.\n{body}\n"
        f"More Talks Today. Next Week Too.\n{body}"
    )
    lines = title_case_lines(doc)
    assert lines and lines[0][0] == 0 and doc[lines[0][1] - 1].text == "\n"
    assert len(lines) == 1  # a later line of two sentences is not read as a headline


def test_a_group_s_possessive_opening_a_body_s_name_is_part_of_it() -> None:
    doc = spacy.blank("en")("the People 's Democratic Party and Trump 's Republican Party met")
    doc.ents = [Span(doc, 1, 5, label="ORG"), Span(doc, 6, 10, label="ORG")]
    # "People" is a group of sectors.tsv; "Trump" a person: his party's name is cut at the possessive
    assert [m.text for m in collect_mentions(doc)] == ["People 's Democratic Party", "Trump"]


def test_an_arabic_article_stays_on_a_name_and_a_known_armed_group_is_no_person() -> None:
    doc = spacy.blank("en")("Boko Haram and al - Shabab attacked anti - Muslim towns")
    doc.ents = [
        Span(doc, 0, 2, label="PERSON"),
        Span(doc, 3, 6, label="PERSON"),
        Span(doc, 7, 10, label="NORP"),
    ]
    got = [(m.text, m.label) for m in collect_mentions(doc)]
    assert got == [("Boko Haram", "ORG"), ("al - Shabab", "ORG"), ("Muslim", "NORP")]
    assert not person_like("Boko Haram") and person_like("Abdel Fattah el-Sisi")


def test_page_furniture_sentence_adverbs_and_set_phrases_are_no_names() -> None:
    text = (
        "Story continues below. Nationally, dealers sold more cars. A good Samaritan helped after "
        "Brexit, said Tom Pole."
    )
    spans = [
        ("Story", "PERSON"),
        ("Nationally", "PERSON"),
        ("Samaritan", "ORG"),
        ("Brexit", "PERSON"),
        ("Tom Pole", "PERSON"),
    ]
    assert _mentions(text, spans) == [("Tom Pole", "PERSON")]


def test_a_trade_noun_opening_a_person_s_span_is_no_part_of_the_name() -> None:
    text = "Comedian Tara Bexley and Billionaire Ravel Dusenko met Spokesman Tom Pole."
    spans = [
        ("Comedian Tara Bexley", "PERSON"),
        ("Billionaire Ravel Dusenko", "PERSON"),
        ("Spokesman Tom Pole", "PERSON"),
    ]
    # "Spokesman" is a title of titles.txt: the role extractor reads it inside the name
    assert _mentions(text, spans) == [
        ("Tara Bexley", "PERSON"),
        ("Ravel Dusenko", "PERSON"),
        ("Spokesman Tom Pole", "PERSON"),
    ]
