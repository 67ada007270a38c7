"""Kinds of spans the model tags on ordinary pages (tech, cars, shopping, lifestyle) that are no
names or are of another type (session 18, branch entities20), on hand-made docs with the model's
typical spans set by hand, no model: invented sentences in the shapes of real pages."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from handdocs import names_of, worded
from newsgraph.extract.not_names import measured_product


def test_a_name_after_a_measure_is_a_product_everywhere() -> None:
    """ "the 16-inch X": X is a product, in every mention, also with a word glued before it."""
    text = (
        "The 16 - inch Pomaro Vex is out . Reviews of the Pomaro Vex praise it . "
        "The older Pomaro Vex ran hot , said Dana Whitlow ."
    )
    doc = worded(text, [(4, 6, "PERSON"), (12, 14, "ORG"), (18, 21, "PERSON"), (25, 27, "PERSON")])
    assert names_of(doc) == [("Dana Whitlow", "PERSON")]


def test_a_measure_written_as_one_word_and_a_number_word() -> None:
    doc = worded(
        "The four-door Vantrel sold well . Its 6.1-inch Quobi did not .", [(2, 3, "GPE"), (8, 9, "ORG")]
    )
    assert measured_product(doc, 8, "ORG")
    assert not measured_product(doc, 2, "GPE")  # places are never products
    doc = worded("He scored 3 - 1 Hartwell goals .", [(6, 7, "PERSON")])
    assert not measured_product(doc, 6, "PERSON")  # no unit before the name


def test_a_product_word_after_the_name() -> None:
    """ "the X keyboard", "download the X app", "the X camera": X names a product there."""
    text = "Type on the Zentro keyboard . Download the Flinko app now . The Lumora camera is dim ."
    doc = worded(text, [(3, 4, "ORG"), (8, 9, "ORG"), (13, 14, "ORG")])
    assert names_of(doc) == []


def test_a_letter_or_a_technical_acronym_alone_is_no_name() -> None:
    text = "The G , H and J keys got hot under CPU load , with an AC adapter , said Rafe Ostrin ."
    doc = worded(text, [(1, 2, "ORG"), (3, 4, "ORG"), (9, 10, "ORG"), (14, 15, "ORG"), (19, 21, "PERSON")])
    assert names_of(doc) == [("Rafe Ostrin", "PERSON")]


def test_a_periodical_tagged_a_person_is_an_organisation() -> None:
    """ "told Cycle Monthly": a name ending in Monthly, Weekly, Daily is a publication's."""
    text = "Ned Farrow told Quillan Monthly that the bikes sold out ."
    doc = worded(text, [(0, 2, "PERSON"), (3, 5, "PERSON")])
    assert names_of(doc) == [("Ned Farrow", "PERSON"), ("Quillan Monthly", "ORG")]


def test_a_firms_short_name_is_the_firm() -> None:
    """ "The Carlyle Group ... Carlyle, which": the short name tagged a person or an unknown place
    is the firm; a person's surname in the article and a known place stay."""
    text = (
        "The Vorlane Group backed the deal . Vorlane , which held a stake , agreed . "
        "Brisk Holdings hired Sam Brisk . Brisk said no . Boston Partners moved to Boston ."
    )
    spans = [(1, 3, "ORG"), (7, 8, "PERSON"), (16, 18, "ORG"), (19, 21, "PERSON"), (22, 23, "PERSON")]
    spans += [(26, 28, "ORG"), (30, 31, "GPE")]
    doc = worded(text, spans)
    assert names_of(doc) == [
        ("Vorlane Group", "ORG"),
        ("Vorlane", "ORG"),
        ("Brisk Holdings", "ORG"),
        ("Sam Brisk", "PERSON"),
        ("Brisk", "PERSON"),
        ("Boston Partners", "ORG"),
        ("Boston", "GPE"),
    ]


def test_a_results_line_players_and_teams() -> None:
    """ "K. Hupfer 1 goal": the count is no part of the name, and the name is a player's; "Viera d.
    Rockledge 3-1" names two teams, no one name."""
    text = "Viera d. Rockledge 3-1 . Viera : Koby Hupfer 1 goal . Lanz Patikas 2 assists ."
    doc = worded(text, [(0, 3, "PERSON"), (7, 10, "ORG"), (12, 15, "ORG")])
    assert names_of(doc) == [("Koby Hupfer", "PERSON"), ("Lanz Patikas", "PERSON")]


def test_a_product_line_and_a_party_tags_state_are_no_names() -> None:
    """ "iPhones", "the new iMac", "the Altima" (tagged a place); "Sen. Nora Vell, R-Neb.": the
    state of a party-and-state tag is left out; "the Nebraska senator" stays."""
    text = "Old iPhones and the new iMac sold , said Sen. Nora Vell , R-Neb. "
    text += "The Nebraska senator drives an Altima ."
    doc = Doc(spacy.blank("en").vocab, words=text.replace("R-Neb.", "R - Neb.").split(), spaces=None)
    words = [t.text for t in doc]
    spaces = [not (w in ("R", "-") and words[k + 1] in ("-", "Neb.")) for k, w in enumerate(words)]
    doc = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=[k == 0 for k in range(len(words))])
    doc.ents = [
        Span(doc, 1, 2, label="ORG"),
        Span(doc, 5, 6, label="ORG"),
        Span(doc, 10, 12, label="PERSON"),
        Span(doc, 15, 16, label="GPE"),
        Span(doc, 17, 18, label="GPE"),
        Span(doc, 21, 22, label="GPE"),
    ]
    assert names_of(doc) == [("Nora Vell", "PERSON"), ("Nebraska", "GPE")]


def test_a_team_before_a_possessive_and_a_players_word() -> None:
    """ "the Harriers' quarterback": the name is a team's in every mention, not a place; a known
    city stays a place ("Cleveland's coach")."""
    text = "The Harriers ' quarterback threw twice . The Harriers lost . Cleveland 's coach smiled ."
    doc = worded(text, [(1, 2, "LOC"), (8, 9, "GPE"), (11, 12, "GPE")])
    assert names_of(doc) == [("Harriers", "ORG"), ("Harriers", "ORG"), ("Cleveland", "GPE")]


def test_a_family_by_a_persons_plural_surname_is_no_place() -> None:
    """ "the Quarnbys" beside "Joel Quarnby", tagged a place: a family, no place and no one person."""
    text = "Joel Quarnby spoke . The Quarnbys left Ohio ."
    doc = worded(text, [(0, 2, "PERSON"), (5, 6, "GPE"), (7, 8, "GPE")])
    assert names_of(doc) == [("Joel Quarnby", "PERSON"), ("Ohio", "GPE")]
