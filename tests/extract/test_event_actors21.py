"""How events choose their actors and recipients, rules of branch ``ev21actors`` (session 19): the
causes of wrong sides found on a sample of fresh real news nobody tuned on
(eval/data/events_actors21), each fixed from the definition (the actor is who did it, the
recipient whom it was done to; a place is neither). Sentences invented for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from eventtexts import US, codes
from eventtexts import shown as _shown
from eventtexts import triggered as _of
from handdocs import NLP
from newsgraph.extract.events.syntax import inherited


def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    pos = [
        "NOUN" if t.startswith("NN") and not t.startswith("NNP") else "PROPN" if t.startswith("NNP") else "X"
        for t in tags
    ]
    pos = ["VERB" if t.startswith("VB") else p for t, p in zip(tags, pos, strict=True)]
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_participle_right_after_a_noun_is_not_done_by_the_subject_above() -> None:
    # "he met the wife of a pastor held prisoner in Iran", the parser hanging "held" on "met" as
    # an adverbial clause: the pastor is held, and not by the one who met
    words = "He met the wife of a pastor held prisoner in Iran .".split()
    heads = [1, 1, 3, 1, 3, 6, 4, 1, 7, 7, 9, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "advcl", "dobj", "prep", "pobj", "punct"]
    tags = ["PRP", "VBD", "DT", "NN", "IN", "DT", "NN", "VBD", "NN", "IN", "NNP", "."]
    doc = _parsed(words, heads, deps, tags)
    assert inherited(doc[7]) == ([], [])
    # after a comma, a verb of a list shares the subject: "attacked the town, killed 20"
    words = "He attacked the town , killed 20 .".split()
    heads = [1, 1, 3, 1, 1, 1, 5, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "advcl", "dobj", "punct"]
    tags = ["PRP", "VBD", "DT", "NN", ",", "VBD", "CD", "."]
    doc = _parsed(words, heads, deps, tags)
    assert [t.text for t in inherited(doc[5])[0]] == ["He"]


@pytest.mark.model
def test_a_noun_taken_for_a_verb_has_no_doer_from_the_clause_above(nlp: Any) -> None:
    # the parser reads "calls" as a verb hung on "stayed": Damascus made no calls
    text = US + "Damascus stayed deaf to the Obama/Kerry calls for a ceasefire."
    assert not any("SYR" in codes(e["actor"]) for e in _shown(_of(nlp, text, "calls")))


@pytest.mark.model
def test_where_a_speech_act_was_made_from_is_no_recipient(nlp: Any) -> None:
    text = US + (
        "Senator Mary Landrieu sharply criticized the policies of Governor Bobby Jindal from the "
        "Senate floor on Tuesday."
    )
    found = _of(nlp, text, "criticized")
    assert found
    assert [r["text"] for r in found[0]["recipient"]] == ["Governor Bobby Jindal"]
    # nor where an attack came from
    found = _of(nlp, "Hamas militants fired rockets from Gaza at Israeli towns on Monday.", "fired")
    assert found and codes(found[0]["recipient"]) == {"ISR"}


@pytest.mark.model
def test_someones_relatives_are_people_and_a_counterpart(nlp: Any) -> None:
    # "the Koch brothers" are a private person's family, not the public at large: the
    # criticism is aimed at someone, so the act is directed and shown
    text = US + (
        "Billionaire David Koch gave money to the campaign. Senator Harry Reid relentlessly "
        "attacked the Koch brothers on Tuesday."
    )
    found = _shown(_of(nlp, text, "attacked"))
    assert found and [r["text"] for r in found[0]["recipient"]] == ["Koch brothers"]
    # what a private person asks of a relative is no political event: not directed
    text = US + "Witnesses said Mary Jones then urged her husband to leave the car."
    assert not _shown(_of(nlp, text, "urged"))
    # and a relative met is a party to the meeting, not what is talked about
    text = US + "Senator Ted Cruz met his older sister for lunch in Houston on Sunday."
    found = _of(nlp, text, "met")
    assert found and "his older sister" in [a["text"] for a in found[-1]["actor"]]


@pytest.mark.model
def test_a_people_or_faith_of_no_country_is_not_the_articles_country(nlp: Any) -> None:
    text = US + "Senator Mark Kirk insulted Muslims and Jews in a radio interview on Tuesday."
    found = _of(nlp, text, "insulted")
    assert found and found[0]["recipient"] and not codes(found[0]["recipient"])


@pytest.mark.model
def test_where_the_doers_went_is_no_party(nlp: Any) -> None:
    # "sent experts to Bosnia to investigate" names the recipient; going somewhere does not
    text = US + "The governor flew to Ohio to meet the flood victims on Monday."
    for e in _of(nlp, text, "meet"):
        assert "Ohio" not in [a["text"] for a in e["actor"] + e["recipient"]]
    # a clause of its own before a meeting is not what the meeting says
    text = (
        US
        + "First Clinton goes to Ohio to meet the flood victims, now she meets with the president of Canada."
    )
    found = _of(nlp, text, "meets")
    assert found and "Ohio" not in [a["text"] for a in found[0]["actor"]]
    assert "CAN" in codes(found[0]["actor"])


@pytest.mark.model
def test_a_name_called_to_is_not_whom_his_stands_for(nlp: Any) -> None:
    # "Mr. Putin, free the prisoners!": Putin is spoken to, not a subject; "his" is McCain's
    text = (
        US + 'Senator John McCain is remembered for his words in Kyiv in 2014: "Mr. Putin, free the '
        'prisoners!" Republicans still praise his speech.'
    )
    found = _of(nlp, text, "praise")
    assert found and codes(found[0]["recipient"]) == {"USA"}
