"""Names in lines written all in capitals (``extract/caps_lines.py``): wire headlines, as in
CoNLL-style news, where the model tags runs of words at random. Texts invented for these tests."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from newsgraph.extract.annotations import doc_entities
from newsgraph.extract.caps_lines import caps_line_names, caps_lines
from newsgraph.extract.pipeline import prepare_doc

BODY = (
    "Saudi Prince Alwaleed bin Talal said on Tuesday that Donald Trump was a disgrace to the "
    "Republican party. Trump answered on Twitter that the prince wanted to control American "
    "politicians with his money. The exchange was watched by millions of users of Twitter in the "
    "United States and in Saudi Arabia, where the prince owns hotels and newspapers."
)


def _entities(nlp: Any, text: str) -> list[tuple[str, str, list[str]]]:
    doc = nlp(prepare_doc(nlp, text))
    return [(e.type, e.name, [m.text for m in e.mentions]) for e in doc_entities(doc)]


def _headline_mentions(nlp: Any, text: str) -> set[tuple[str, str]]:
    end = text.index("\n")
    doc = nlp(prepare_doc(nlp, text))
    return {(m.text, e.type) for e in doc_entities(doc) for m in e.mentions if m.start < end}


def test_caps_lines_are_the_lines_in_capitals_with_a_text_around_them() -> None:
    nlp = spacy.blank("en")
    doc = nlp("SAUDI PRINCE MOCKS TRUMP ON TWITTER\n\n" + BODY)
    assert caps_lines(doc) == [(0, 7)]
    assert caps_lines(nlp("Saudi Prince Mocks Trump On Twitter\n\n" + BODY)) == []
    assert caps_lines(nlp("SAUDI PRINCE MOCKS TRUMP ON TWITTER")) == []  # nothing to check it by
    assert caps_lines(nlp("NEW YORK (AP) Officials said on Friday that the vote was calm.\n\n" + BODY)) == []


@pytest.mark.model
def test_a_headline_in_capitals_keeps_the_names_the_text_writes_and_joins_them(nlp: Any) -> None:
    text = "SAUDI PRINCE MOCKS TRUMP ON TWITTER\n\n" + BODY
    found = _headline_mentions(nlp, text)
    assert ("TRUMP", "PERSON") in found and ("TWITTER", "ORG") in found
    assert not any("MOCKS" in t or "PRINCE" in t for t, _ in found)
    trump = [e for e in _entities(nlp, text) if e[1] == "Donald Trump"]
    assert trump and "TRUMP" in trump[0][2]  # one person, not a second "TRUMP"


@pytest.mark.model
def test_runs_of_words_in_capitals_are_rebuilt_from_known_names(nlp: Any) -> None:
    text = (
        "U.S. DEFENSE SECRETARY MARK ESPER ACCUSED CHINA OF USING COERCION AGAINST SMALLER NATIONS\n\n"
        "Esper made the remarks in Hanoi on Wednesday, during a visit to Vietnam. He said Beijing "
        "had used its coast guard and its fishing fleet to press its claims in the South China Sea, "
        "and that the smaller nations of the region had to stand together against such pressure."
    )
    found = _headline_mentions(nlp, text)
    assert ("MARK ESPER", "PERSON") in found and ("CHINA", "GPE") in found
    assert not any("SECRETARY" in t or "ACCUSED" in t or "COERCION" in t for t, _ in found)


@pytest.mark.model
def test_a_verb_or_a_function_word_in_capitals_is_no_part_of_a_name(nlp: Any) -> None:
    text = (
        "PARENTS OF TWO VICTIMS SUE HILLARY CLINTON, WHO DENIES THE CLAIM\n\n"
        "The parents of two Americans killed in Libya sued Hillary Clinton on Monday, saying her "
        "use of a private email server had put their sons in danger. Clinton's campaign said the "
        "suit had no merit. The World Health Organization was not involved."
    )
    found = _headline_mentions(nlp, text)
    assert ("HILLARY CLINTON", "PERSON") in found
    assert not any(t.startswith("SUE") or t == "WHO" for t, _ in found)


def test_a_model_span_no_one_knows_is_dropped_and_nothing_is_invented() -> None:
    nlp = spacy.blank("en")
    doc = nlp("QUARTERLY FIGURES SHOW GROWTH IN ZORBLAND REGION\n\n" + BODY)

    class M:
        def __init__(self, i: int, j: int, label: str) -> None:
            self.i, self.j, self.text, self.label = i, j, doc[i:j].text, label

    mentions = [M(0, 2, "ORG"), M(6, 7, "GPE")]  # "QUARTERLY FIGURES", "ZORBLAND"
    drop, added = caps_line_names(doc, mentions, caps_lines(doc))
    assert drop == {0, 1} and added == []


@pytest.mark.model
def test_a_name_in_capitals_joins_the_entity_the_text_names_as_usual(nlp: Any) -> None:
    # the seed: a heading "GAZA SITUATION 'DIRE'" named the place "GAZA"
    text = (
        "Ministers met in Vientiane on Saturday to discuss the region's conflicts.\n\n"
        "GAZA SITUATION 'DIRE'\n\n"
        "Blinken said the United States was working every day to achieve a ceasefire in Gaza. "
        "The foreign minister of Indonesia said the situation in Gaza was dire and that the "
        "fighting in Gaza had to end soon."
    )
    gaza = [e for e in _entities(nlp, text) if "GAZA" in e[2]]
    assert gaza and gaza[0][1] == "Gaza" and len(gaza) == 1
