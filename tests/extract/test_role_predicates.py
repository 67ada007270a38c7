"""Titles a sentence's verb gives its subject ("X is a senator", "X joins the show as an anchor"),
with the parser of the configured model (issue 15)."""

from __future__ import annotations

from typing import Any

from newsgraph.extract.annotations import doc_entities
from newsgraph.extract.facts import EntityFact


def people(nlp: Any, text: str) -> dict[str, EntityFact]:
    from newsgraph.extract.pipeline import prepare_doc

    doc = nlp(prepare_doc(nlp, text, published="2016-05-01"))
    return {e.name: e for e in doc_entities(doc) if e.type == "PERSON"}


US = "The FBI and the State Department briefed Republicans in Washington. Congress met in Ohio. "


def test_a_title_the_verb_gives_its_subject_is_the_persons_role(nlp: Any) -> None:
    found = people(
        nlp,
        US + "Dana Wexley, a cousin of the senator, is joining the evening show as an anchor, the network "
        "said. Marla Quince has been a contributor to the paper since 2009.",
    )
    assert [r.title for r in found["Dana Wexley"].roles] == ["Anchor"]
    assert [r.title for r in found["Marla Quince"].roles] == ["Contributor to Paper"]
    actor = found["Marla Quince"].actor
    assert actor is not None and (actor.code, actor.sector) == ("USA", "JRN")


def test_a_relative_clause_on_the_name_gives_its_title_with_its_place(nlp: Any) -> None:
    found = people(nlp, US + "Maria Lopez, who is the mayor of Dayton, said the city was ready.")
    assert [(r.title, r.affiliation) for r in found["Maria Lopez"].roles] == [("Mayor of Dayton", "USA")]
    actor = found["Maria Lopez"].actor
    assert actor is not None and (actor.code, actor.sector) == ("USA", "GOV")


def test_no_title_from_a_past_conditional_or_negated_verb_or_one_said_of_the_object(nlp: Any) -> None:
    found = people(
        nlp,
        US + "Dana Wexley was a senator for ten years. We would be safe if Marla Quince is our governor. "
        "Tom Brasher is not a lawyer. Ellen Marsh named Paul Dorrit as her spokesman.",
    )
    assert found["Dana Wexley"].roles == ()  # perhaps no longer
    assert found["Marla Quince"].roles == ()  # a condition
    assert found["Tom Brasher"].roles == ()
    assert found["Ellen Marsh"].roles == ()  # the spokesman is the object


def test_small_words_of_a_title_stay_in_lower_case() -> None:
    from handdocs import NLP
    from newsgraph.extract.role_titles import display_title

    assert (
        display_title(list(NLP.make_doc("senior editor at Huffington Post")))
        == "Senior Editor at Huffington Post"
    )
    assert (
        display_title(list(NLP.make_doc("minister in charge of UN affairs")))
        == "Minister in Charge of UN Affairs"
    )


def test_a_title_after_as_is_its_clauses_subjects_not_a_later_names(nlp: Any) -> None:
    """ "he won a second term as Chicago mayor" gives the title to "he"; a person named in the
    next paragraph is not the mayor (a loose title looked for in a later name must not be one a
    clause already predicates of its subject)."""
    found = people(
        nlp,
        "He won a second term as Chicago mayor after a bruising campaign.\n\n"
        "An officer shot Tyrone Woods in October 2014.",
    )
    assert found["Tyrone Woods"].roles == ()
    assert found["Tyrone Woods"].actor is None


def test_a_number_counting_the_noun_after_a_name_is_no_part_of_it(nlp: Any) -> None:
    """ "shooting Laquan McDonald 16 times": the parse makes 16 the number of "times"."""
    found = people(nlp, "A police officer was seen shooting Laquan McDonald 16 times in October 2014.")
    assert "Laquan McDonald" in found
    assert not any(name.endswith("16") for name in found)


def test_a_surname_that_writes_makes_a_facility_tagged_name_a_person(nlp: Any) -> None:
    """ "Tanden wrote" says a person's surname: the name it ends is that person's (a body goes by
    its first word or whole name, not its last word)."""
    from newsgraph.extract.labels import _surname_speakers
    from newsgraph.extract.mentions import collect_mentions
    from newsgraph.extract.pipeline import prepare_doc

    text = "In a May 2012 message to Clinton, Tanden wrote that the donor was impressed."
    doc = nlp(prepare_doc(nlp, text))
    assert "Tanden" in _surname_speakers(doc, collect_mentions(doc))
