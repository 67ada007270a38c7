"""Quotes (first version, issue 4 in progress): quotation spans and speakers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.extract.quotes import quote_spans
from newsgraph.runner.local import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win” today.", ["we will win"]),
        ('He said "we will win" and "soon".', ["we will win", "soon"]),
        ("« Nous gagnerons » dit-il.", [" Nous gagnerons "]),
        ("The minister’s aide said ‘no comment’ twice.", ["no comment"]),
        ("“Unbalanced to the end\nNext paragraph.", ["Unbalanced to the end"]),
        ("''That was good,'' he said. ''Yes.''", ["That was good,", "Yes."]),
        ('“Mixed marks," he said, "here.”', ["Mixed marks,", "here."]),
        ('<tweet author="@bcuban" date="May 2">“Go on,” he said.</tweet>', ["Go on,"]),
        ("”Fear. I am afraid.” ― Edwin Monroy\n”Hope,” she said.", ["Fear. I am afraid.", "Hope,"]),
        ("“It's unusual,“ said Larry Noble. “It is hard.”", ["It's unusual,", "It is hard."]),
        # a straight mark opening a block, unclosed, stops at the curly quotation inside it
        ('"Trump walked on stage, chanting “U-S-A!”', ["Trump walked on stage, chanting "]),
    ],
)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == expected


@pytest.mark.model
def test_speakers_resolve_to_entities(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Kenyan Foreign Minister Amina Wekesa met reporters on Monday.\n\n"
        "“We will not accept this,” Wekesa said.\n\n"
        "“The talks must go on.”\n\n"
        "She told reporters that the border would reopen next week.\n",
        encoding="utf-8",
    )
    (article,) = [a for a in extract([path]) if hasattr(a, "quotes")]
    names = {e["id"]: e["name"] for e in article.entities}
    found: list[tuple[Any, ...]] = [(q["kind"], names.get(q["speaker"]), q["text"]) for q in article.quotes]
    assert ("direct", "Amina Wekesa", "We will not accept this,") in found
    assert ("direct", "Amina Wekesa", "The talks must go on.") in found  # continuation, no cue
    assert ("indirect", "Amina Wekesa", "the border would reopen next week") in found
    for q in article.quotes:
        assert article.text[q["start"] : q["end"]] == q["text"]


def test_speaker_falls_back_to_the_person_in_the_sentence() -> None:
    import spacy

    from newsgraph.extract.quotes.speakers import _nearby_person

    doc = spacy.blank("en")("Mark Ellison , in a statement : “ We will fight on . ”")
    for t in doc:
        t.is_sent_start = t.i == 0
    index = {0: "e1", 1: "e1"}
    quote = doc[7:12]
    span, eid = _nearby_person(doc, quote, index, {"e1"})
    assert eid == "e1" and span is not None and span.text == "Mark Ellison"
    assert _nearby_person(doc, quote, index, set()) == (None, None)


@pytest.mark.model
def test_according_to(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text(
        "More than 300 people were killed in the fighting, according to the health ministry.\n",
        encoding="utf-8",
    )
    (article,) = [a for a in extract([path]) if hasattr(a, "quotes")]
    (q,) = [q for q in article.quotes if q["cue"] and q["cue"]["text"] == "according to"]
    assert q["text"] == "More than 300 people were killed in the fighting"
    assert q["kind"] == "indirect"
    assert "health ministry" in q["speaker_text"]


def _quotes(nlp: Any, text: str) -> list[tuple[str, str | None, str | None, str]]:
    from newsgraph.extract.annotations import fact_lists
    from newsgraph.extract.pipeline import prepare_doc

    doc = nlp(prepare_doc(nlp, text))
    facts = fact_lists(doc)
    names = {e["id"]: e["name"] for e in facts["entities"]}
    for q in facts["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        for s, e in q["parts"]:
            assert q["start"] <= s < e <= q["end"]
    return [(q["kind"], names.get(q["speaker"]), q["speaker_text"], q["text"]) for q in facts["quotes"]]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "speaker_text", "quoted"),
    [
        # the speaker named after the verb; the words around the partial quote are hers too
        (
            "Talks need a “sustained cessation” of tests, announced Foreign Minister Olga Varga on Friday.",
            "Olga Varga",
            "Foreign Minister Olga Varga",
            "Talks need a “sustained cessation” of tests",
        ),
        # the name before an apposition, not an organisation named inside it
        (
            "“We will campaign in every county,” said Michael Tyler, a spokesman for the Feingold campaign.",
            "Michael Tyler",
            None,
            "We will campaign in every county,",
        ),
        # a participle after a noun: the noun says it
        (
            "A petition calling on Britain to ban Trump from the country has reached 500,000 names.\n",
            None,
            "A petition",
            "Britain to ban Trump from the country",
        ),
        # a participle inside a prepositional phrase: the subject of the verb it hangs from
        (
            "In addition to stating that unborn babies have no rights, Senator Ana Ruiz said she "
            "backs the bill.\n",
            "Ana Ruiz",
            "Senator Ana Ruiz",
            "unborn babies have no rights",
        ),
        # a relative "who" keeps its words and resolves to its antecedent
        (
            "The remarks follow those of Senator Dana Whitlow, who said the need for peace was urgent.",
            "Dana Whitlow",
            "who",
            "the need for peace was urgent",
        ),
        # second-hand: the words are his, not the agency's
        (
            "Foreign Minister Sergei Lavrov spoke late. “We have no explanation,” "
            "the state agency quoted him as saying.",
            "Sergei Lavrov",
            "him",
            "We have no explanation,",
        ),
        # a participle hangs from the verb whose subject speaks; the partial quote and the words
        # around it that name what was criticised make one mixed quote
        (
            "Minister Ana Brandt met her counterpart hours after criticizing the “unlawful actions” at sea.",
            "Ana Brandt",
            None,
            "the “unlawful actions” at sea",
        ),
        # the person named after a title in the subject phrase, not the country before it
        (
            "Azerbaijan's presidential envoy, Ilkin Mammadli, told state television that Baku "
            "expected the treaty to be signed soon.",
            "Ilkin Mammadli",
            "Azerbaijan's presidential envoy, Ilkin Mammadli",
            "Baku expected the treaty to be signed soon",
        ),
        # an attribution after the reported clause, with no quotation marks
        (
            "The party has raised at least $24 million for its campaign, Steven Law said.",
            "Steven Law",
            "Steven Law",
            "The party has raised at least $24 million for its campaign",
        ),
    ],
)
def test_speakers_of_harder_constructions(
    nlp: Any, text: str, speaker: str, speaker_text: str | None, quoted: str
) -> None:
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert quoted in found, found
    _, name, words, _ = found[quoted]
    assert name == speaker
    if speaker_text is not None:
        assert words == speaker_text


@pytest.mark.model
def test_partial_quotes_inside_reported_speech_make_one_mixed_quote(nlp: Any) -> None:
    text = "Mayor Lena Ortiz said the convention was the “perfect opportunity” to talk about poverty.\n"
    (quote,) = _quotes(nlp, text)
    assert quote[0] == "mixed" and quote[1] == "Lena Ortiz"
    assert quote[3].startswith("the convention was") and quote[3].endswith("to talk about poverty")


@pytest.mark.model
def test_quote_split_by_its_attribution_is_one_quote_with_two_parts(nlp: Any) -> None:
    from newsgraph.extract.annotations import fact_lists
    from newsgraph.extract.pipeline import prepare_doc

    text = "“Bernie has talked about it for years,” Peter Welch said. “Now its time has come.”\n"
    doc = nlp(prepare_doc(nlp, text))
    (quote,) = fact_lists(doc)["quotes"]
    assert [text[s:e] for s, e in quote["parts"]] == [
        "Bernie has talked about it for years,",
        "Now its time has come.",
    ]


@pytest.mark.model
def test_scare_quotes_and_titles_are_not_quotes(nlp: Any) -> None:
    text = "The show “Dateline on Assignment” returned, and fans of “identity politics” were pleased.\n"
    assert _quotes(nlp, text) == []


@pytest.mark.model
def test_words_in_marks_before_a_noun_label_it_and_no_far_cue_makes_them_a_quote(nlp: Any) -> None:
    text = (
        "A “phase one” trade deal between the two countries was supposed to be a limited agreement "
        "that would allow leaders from both sides to claim an easy victory.\n\n"
        "Chancellor Lena Vogt called it a “phase one” deal on Friday.\n"
    )
    found = _quotes(nlp, text)
    assert [q for q in found if q[0] == "direct"] == []  # the label alone: no one said it
    # the writer's words around it with the verb that governs them stay a (mixed) quote
    assert ("mixed", "Lena Vogt", "Chancellor Lena Vogt", "it a “phase one” deal") in found


@pytest.mark.model
def test_a_question_about_what_someone_will_say_reports_no_words(nlp: Any) -> None:
    text = (
        "But will we still call it the Sylphy once it arrives here?\n\n"
        "Did Governor Tom Brandt say that the plant would close?\n"
    )
    found = _quotes(nlp, text)
    assert not any("Sylphy" in q[3] for q in found)
    # a question about what was said leaves the words said
    assert any(q[3] == "the plant would close" and q[1] == "Tom Brandt" for q in found)


@pytest.mark.model
def test_cue_in_the_next_sentence_or_before_a_colon(nlp: Any) -> None:
    text = (
        "Senator Maria Okafor spoke on Monday.\n\n"
        "“You think I'm going to change?” Okafor asked reporters during a news conference.\n\n"
        "Then Governor Tom Brandt said on Tuesday: “We will pass the budget this week.”\n"
    )
    found = {q[3]: q[1] for q in _quotes(nlp, text)}
    assert found["You think I'm going to change?"] == "Maria Okafor"
    assert found["We will pass the budget this week."] == "Tom Brandt"


@pytest.mark.model
def test_colon_lines_are_the_named_speakers_words(nlp: Any) -> None:
    text = (
        "Senator Maria Okafor: Clinton's honesty is in question\n\n"
        "Q: How did things go for you?\n\n"
        "A: I came home from school and my parents were gone.\n"
    )
    found = {q[3]: (q[1], q[2]) for q in _quotes(nlp, text)}
    assert found["Clinton's honesty is in question"] == ("Maria Okafor", "Senator Maria Okafor")
    assert found["How did things go for you?"][1] == "Q"
    assert found["I came home from school and my parents were gone."][1] == "A"


@pytest.mark.model
def test_pronoun_resolves_to_the_salient_subject_not_the_last_name(nlp: Any) -> None:
    text = (
        "Secretary of State Antony Blinken met Foreign Minister Wang Yi on Saturday. "
        "Blinken told reporters about his meeting with Wang. He said the talks were frank.\n"
    )
    found = {q[3]: (q[1], q[2]) for q in _quotes(nlp, text)}
    assert found["the talks were frank"] == ("Antony Blinken", "He")


@pytest.mark.model
def test_a_pronoun_is_the_last_subject_a_few_sentences_back_not_the_last_name(nlp: Any) -> None:
    # the sentence before has no person as its subject: "he" is still the one the story is about,
    # not the last person named (an object), and never the person the reported words name
    text = (
        "Governor James Whitfield on Monday declared that he cannot support Senator Mark Okafor.\n\n"
        "“I am not ready to do that,” Whitfield told reporters about his support for Okafor.\n\n"
        "It was a reversal for the governor. He said on Monday that Okafor needs to do more work.\n"
    )
    found = {q[3]: (q[1], q[2]) for q in _quotes(nlp, text)}
    assert found["Okafor needs to do more work"] == ("James Whitfield", "He")


@pytest.mark.model
def test_a_pronoun_skips_a_sentence_with_no_person_subject(nlp: Any) -> None:
    text = (
        "Governor James Whitfield met Senator Mark Okafor in Lagos on Monday. "
        "The talks lasted two hours. He said the meeting had gone well.\n"
    )
    found = {q[3]: (q[1], q[2]) for q in _quotes(nlp, text)}
    assert found["the meeting had gone well"] == ("James Whitfield", "He")


@pytest.mark.model
def test_a_pronoun_with_no_subject_near_is_the_last_person_named(nlp: Any) -> None:
    # no person was a subject: the last one named is meant ("The award went to X. He said ...")
    text = "The award went to Governor James Whitfield on Monday. He said he was grateful to the committee.\n"
    found = {q[3]: (q[1], q[2]) for q in _quotes(nlp, text)}
    assert found["he was grateful to the committee"] == ("James Whitfield", "He")


@pytest.mark.model
def test_a_pronoun_is_never_the_person_the_reported_words_name(nlp: Any) -> None:
    # the last person named (and the only one near) is the one "he" speaks about: no speaker entity
    text = (
        "The bill was written for Senator Mark Okafor. He said on Monday that Okafor had broken his word.\n"
    )
    found = {q[3]: (q[1], q[2]) for q in _quotes(nlp, text)}
    assert found["Okafor had broken his word"] == (None, "He")


@pytest.mark.model
def test_a_pronoun_after_a_sentence_naming_someone_as_no_subject_is_that_one(nlp: Any) -> None:
    # "As for X, he was ...": X is named as no subject and the "he" comes after: the search stops
    # there, at the last one named, and does not reach the subject of the sentence before
    text = (
        "Governor James Whitfield spoke first at the rally on Monday. As for Senator Mark Okafor, "
        "he was subdued. Maybe he said that the vote could wait until June.\n"
    )
    found = {q[3]: (q[1], q[2]) for q in _quotes(nlp, text)}
    assert found["the vote could wait until June"] == ("Mark Okafor", "he")


@pytest.mark.model
def test_a_pronoun_after_the_reported_words_may_be_the_one_they_name(nlp: Any) -> None:
    # the reported words come first and name the speaker: "X was shocked, she said" is X's
    text = (
        "Governor James Whitfield spoke at the rally. In Lagos on Monday, Amina Wekesa was shocked "
        "by the reaction from the crowd, she said in an interview.\n"
    )
    found = {q[3]: (q[1], q[2]) for q in _quotes(nlp, text)}
    said = [v for k, v in found.items() if "was shocked" in k]
    assert said == [("Amina Wekesa", "she")], found


@pytest.mark.model
def test_titles_in_quotation_marks_near_a_reporting_verb_are_not_quotes(nlp: Any) -> None:
    text = "He said he watched “Daily Show” and “Unplugged” every night with his wife.\n"
    assert [q for q in _quotes(nlp, text) if q[0] == "direct"] == []


@pytest.mark.model
def test_quotes_without_letters_do_not_break_the_component(nlp: Any) -> None:
    # a quote of digits or punctuation only once raised IndexError in the title check
    text = "The banner read “2016” and “!!!” in red, he said on Monday.\n"
    found = _quotes(nlp, text)
    assert all(q[0] != "direct" or q[3] not in ("2016", "!!!") or q[1] is None for q in found)


def test_every_word_of_the_reporting_verb_list_is_a_cue() -> None:
    # "chant shout ... continue" once sat on one line and was read as one (unknown) verb
    from newsgraph.extract.quotes import reporting_lemmas, source_nouns

    assert {"say", "chant", "shout", "continue"} <= reporting_lemmas()
    assert all(" " not in word for word in reporting_lemmas())
    assert {"official", "protester", "democrat"} <= source_nouns()


@pytest.mark.model
def test_a_voice_verb_before_a_quote_is_its_cue(nlp: Any) -> None:
    text = (
        "Senator Lindsey Graham spoke on Thursday. Graham said, “We lose elections this way.”\n\n"
        "He continued, “I believe it is about repairing the damage done by hateful rhetoric.”\n"
    )
    found = {q[3]: q for q in _quotes(nlp, text)}
    quote = found["I believe it is about repairing the damage done by hateful rhetoric."]
    assert quote[1:3] == ("Lindsey Graham", "He")


@pytest.mark.model
def test_any_verb_with_a_speaking_subject_governs_a_clause_in_quotes(nlp: Any) -> None:
    text = (
        "Mayor Tom Reyes and Governor Ana Ferreira met on Friday. When Reyes suggested that the city "
        "would sue, Ferreira fired back: “If they sue us in a court in Miami, they are going to lose.”\n"
    )
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert found["If they sue us in a court in Miami, they are going to lose."][1] == "Ana Ferreira"


@pytest.mark.model
def test_a_source_named_by_a_common_noun_after_the_verb(nlp: Any) -> None:
    text = (
        "“The gap is too wide for her to overtake him,” said a Nevada Democrat. "
        "“Look, she needed to split the first two primaries,” added a South Carolina Democrat.\n"
    )
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert found["Look, she needed to split the first two primaries,"][2] == "a South Carolina Democrat"


@pytest.mark.model
def test_the_one_told_is_not_the_speaker(nlp: Any) -> None:
    text = "“We were tremendously wrong to not have confronted him,” Ramos, 58, told AFP in an interview.\n"
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert found["We were tremendously wrong to not have confronted him,"][2] != "AFP"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # what the object was called, with the writer's words around the partial quote
        ("Jeb Bush also attacked Rubio on Sunday, calling him a “loser.”\n", "him a “loser.”"),
        # the reported words end inside the quote (its comma), and go on after it
        (
            "Donald Trump told the crowd that waterboarding is “peanuts.”\n",
            "waterboarding is “peanuts.”",
        ),
        # the quote's own comma and full stop once cut the reported words, which were then dropped
        (
            "James Comey said that his investigators had no ''direct evidence'' that the account "
            "had been ''successfully hacked,''\n",
            "his investigators had no ''direct evidence'' that the account had been ''successfully hacked,''",
        ),
        # a second verb after "but" sharing the subject of the first (it has none of its own)
        (
            "Bush referred to Rubio as a rising star but described his leadership skills as a "
            "“work in progress.”\n",
            "his leadership skills as a “work in progress.”",
        ),
        # the object and the preposition that holds the partial quote
        (
            'She blamed the violence on a "disturbed person," not on his religion.\n',
            'the violence on a "disturbed person,"',
        ),
        # a short quote the direct pass leaves alone still makes the object a mixed quote,
        # with the closing mark after its own full stop
        ('Soviet dissident Milovan Djilas referred to the "New Class."\n', 'the "New Class."'),
        ("Several senior Democrats cited another “trap” debate.\n", "another “trap” debate"),
        # the object of a preposition after a reporting verb, when it holds the quote
        (
            'Obama remarked upon the fact that there is still "more work to do," before leaving.\n',
            'the fact that there is still "more work to do,"',
        ),
        # words that lead straight into the quote before an inverted attribution
        (
            'This is a "raw time," said Democratic strategist David Axelrod, an ally of the mayor.\n',
            'This is a "raw time,"',
        ),
    ],
)
def test_mixed_quotes_take_the_words_around_the_partial_quote(nlp: Any, text: str, quoted: str) -> None:
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert quoted in found, found
    assert found[quoted][0] == "mixed"


@pytest.mark.model
def test_two_verbs_over_the_same_words_give_one_quote(nlp: Any) -> None:
    text = (
        "The minister, General Ali Hassan, said in a statement read on national radio that the "
        'closure would last "until the security of our citizens is guaranteed."\n'
    )
    texts = [q[3] for q in _quotes(nlp, text)]
    assert len(texts) == len(set(texts)), texts


@pytest.mark.model
def test_quotations_with_only_marks_between_them_are_one_quote(nlp: Any) -> None:
    from newsgraph.extract.annotations import fact_lists
    from newsgraph.extract.pipeline import prepare_doc

    text = '"Our members are frustrated," "He has been very aggressive," said Jack Mozloom, a spokesman.\n'
    (quote,) = fact_lists(nlp(prepare_doc(nlp, text)))["quotes"]
    assert [text[s:e] for s, e in quote["parts"]] == [
        "Our members are frustrated,",
        "He has been very aggressive,",
    ]
    assert quote["speaker_text"] == "Jack Mozloom"


@pytest.mark.model
def test_a_continued_quote_names_its_speaker_where_they_were_last_named(nlp: Any) -> None:
    text = (
        "Actor Clint Howard spoke on Monday. “She is a bitter old grandma,” Howard said.\n\n"
        "The remarks drew fire. Howard continued his scathing remarks.\n\n"
        "“Eight years ago she was the presumed nominee.”\n"
    )
    doc_quotes = _quotes(nlp, text)
    found = {q[3]: q for q in doc_quotes}
    assert found["Eight years ago she was the presumed nominee."][1] == "Clint Howard"
    from newsgraph.extract.annotations import fact_lists
    from newsgraph.extract.pipeline import prepare_doc

    facts = fact_lists(nlp(prepare_doc(nlp, text)))
    (last,) = [q for q in facts["quotes"] if q["text"].startswith("Eight years")]
    assert last["speaker_start"] == text.index("Howard continued")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quoted", "speaker_text"),
    [
        (
            "The polarizing nature of his candidacy has helped drive voters to the polls, said Steven "
            "Taylor, a professor of political science at Troy University.\n",
            "The polarizing nature of his candidacy has helped drive voters to the polls",
            "Steven Taylor",
        ),
        (
            "In particular, he said, the foundation had the free use of the golf courses.\n",
            "the foundation had the free use of the golf courses",
            "he",
        ),
        (
            "And yet, Mrs. Clinton's aides say, Syria remains a priority for her.\n",
            "Syria remains a priority for her",
            "Mrs. Clinton's aides",
        ),
        (
            "His allegiance has shifted from Carly Fiorina to Rubio to, now, Cruz, Wilkin said during his "
            "campaign speech.\n",
            "His allegiance has shifted from Carly Fiorina to Rubio to, now, Cruz",
            "Wilkin",
        ),
    ],
)
def test_attributions_set_off_by_commas(nlp: Any, text: str, quoted: str, speaker_text: str) -> None:
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert quoted in found, found
    assert found[quoted][2] == speaker_text


@pytest.mark.model
def test_a_direct_quote_before_an_aside_is_not_followed_by_the_dateline(nlp: Any) -> None:
    text = "“We will win this state,” he said, N.H. on Monday morning.\n"
    assert all(not q[3].startswith("N.H.") for q in _quotes(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Donald Trump called for a ban on Muslims entering the United States.\n", "a ban on Muslims"),
        ("Bush referred to Rubio as a bright and charismatic leader.\n", "Rubio as a bright"),
        ("Senator Kasich called on Congress to suspend the nuclear deal.\n", "Congress to suspend"),
        (
            "Many Trump supporters see him as the stronger general-election candidate.\n",
            "him as the stronger",
        ),
    ],
)
def test_objects_of_verbs_with_a_preposition_or_particle(nlp: Any, text: str, quoted: str) -> None:
    assert any(q[3].startswith(quoted) for q in _quotes(nlp, text)), _quotes(nlp, text)


@pytest.mark.model
def test_seeing_a_thing_is_not_an_attribution(nlp: Any) -> None:
    assert _quotes(nlp, "Many voters saw the debate on Tuesday night.\n") == []


@pytest.mark.model
def test_words_passed_on_by_another_source_keep_their_speaker_and_name_the_source(nlp: Any) -> None:
    from newsgraph.extract.annotations import fact_lists
    from newsgraph.extract.pipeline import prepare_doc

    text = (
        "Senator Bernie Sanders wrote to his supporters on Monday. “I ask you not to engage in any kind "
        "of protest on the floor,” Sanders said, according to CNN.\n\n"
        "Foreign Minister Sergei Lavrov spoke late. “We have no explanation,” the state agency RIA "
        "quoted him as saying.\n"
    )
    facts = fact_lists(nlp(prepare_doc(nlp, text)))
    names = {e["id"]: e["name"] for e in facts["entities"]}
    by_text = {q["text"]: q for q in facts["quotes"]}
    cnn = by_text["I ask you not to engage in any kind of protest on the floor,"]
    assert names[cnn["speaker"]] == "Bernie Sanders"
    assert cnn["via_text"] == "CNN" and text[cnn["via_start"] : cnn["via_end"]] == "CNN"
    ria = by_text["We have no explanation,"]
    assert names[ria["speaker"]] == "Sergei Lavrov"
    assert ria["via_text"] is not None and "agency" in ria["via_text"]
    assert all(q["via"] is None for q in facts["quotes"] if q not in (cnn, ria))


@pytest.mark.model
def test_a_title_after_the_attribution_is_not_the_quote_going_on(nlp: Any) -> None:
    # “A,” he said on the podcast “B.” once merged A with the title B, and all between
    text = (
        "Anthony Weiner spoke in May. “Being a dad, that’s my job,” Weiner said on the podcast "
        "“Here’s the Thing.”\n"
    )
    texts = [q[3] for q in _quotes(nlp, text)]
    assert "Being a dad, that’s my job," in texts


@pytest.mark.model
def test_a_quote_and_its_signature_on_the_next_line(nlp: Any) -> None:
    text = (
        "Voices from the convention.\n\n"
        "“The whole idea is something that we hear about all the time, and it needs to stop.”\n\n"
        "-Michelle Marks, Philadelphia.\n"
    )
    (quote,) = [q for q in _quotes(nlp, text) if q[0] == "direct"]
    assert quote[2] == "Michelle Marks"


@pytest.mark.model
def test_the_one_asking_right_after_the_quote_is_the_speaker(nlp: Any) -> None:
    text = "Donald Trump took questions. “How big is that wall?” asked the boy, who wore a red hat.\n"
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert found["How big is that wall?"][2] == "the boy"


@pytest.mark.model
def test_a_one_word_answer_is_a_quote_of_its_speaker(nlp: Any) -> None:
    text = (
        "Ben Carson said he would not choose. Governor Chris Christie gave a one word answer.\n\n"
        "“Denver,” he answered.\n"
    )
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert found["Denver,"][1:3] == ("Chris Christie", "he")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "Hillary Clinton called the Republican frontrunner “ISIS’ best recruiter.”\n",
            "the Republican frontrunner",
        ),
        ("Clinton accused Sanders of a “flip-flop.”\n", "Sanders of a “flip-flop"),
        (
            "House Speaker Paul Ryan lamented the “disheartened” state of the campaign.\n",
            "the “disheartened” state of the campaign",
        ),
    ],
)
def test_a_partial_quote_in_the_object_makes_the_object_a_mixed_quote(
    nlp: Any, text: str, quoted: str
) -> None:
    found = [q for q in _quotes(nlp, text) if q[3].startswith(quoted)]
    assert found and found[0][0] == "mixed", _quotes(nlp, text)


@pytest.mark.model
def test_the_sources_next_act_is_cut_from_the_reported_words_and_keeps_the_source(nlp: Any) -> None:
    text = (
        "Chris Brownell, an audience member, said he makes $41,000 a year and questioned how he "
        "would be helped by the plan.\n"
    )
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert "he makes $41,000 a year" in found, found
    questioned = [q for q in found.values() if q[3].startswith("how he would be helped")]
    assert questioned and questioned[0][1] == "Chris Brownell"


@pytest.mark.model
def test_a_discourse_phrase_before_a_colon_is_not_a_speaker(nlp: Any) -> None:
    text = (
        "Donald Trump often denies his own words.\n\n"
        "For example: “We made a terrible mistake getting involved in the first place,” he told CNN "
        "in October.\n"
    )
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert found["We made a terrible mistake getting involved in the first place,"][1:3] == (
        "Donald Trump",
        "he",
    )
    assert not any(q[2] == "For example" for q in found.values())


@pytest.mark.model
def test_the_one_told_after_a_participle_is_not_the_speaker(nlp: Any) -> None:
    text = (
        "Trump has hailed Britain’s vote to leave the European Union as “fantastic,” telling reporters "
        "during a visit to Scotland on Friday that he thinks the Brexit is “a great thing.”\n"
    )
    found = _quotes(nlp, text)
    assert all(q[2] != "reporters" for q in found)
    assert any(q[2] == "Trump" and q[3].startswith("he thinks the Brexit") for q in found), found


@pytest.mark.model
def test_a_dateline_is_not_the_subject(nlp: Any) -> None:
    text = (
        "Washington (AFP) – Democrat Hillary Clinton has taken a swipe at her rival, saying that "
        "“bombastic comments” do more harm than good.\n"
    )
    found = _quotes(nlp, text)
    assert found and found[0][1] == "Hillary Clinton"


@pytest.mark.model
def test_a_quote_after_a_short_attribution_sentence_is_that_sources(nlp: Any) -> None:
    text = (
        "“The field has failed to compete there,” said Craig Robinson, an editor in Des Moines.\n\n"
        "Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are running out of "
        "time to find an alternative.”\n"
    )
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert (
        found["Mainstream Republicans are running out of time to find an alternative."][1] == "Dianne Bystrom"
    )


@pytest.mark.model
def test_a_long_name_before_the_verb_in_the_next_sentence(nlp: Any) -> None:
    text = (
        "President Barack Obama spoke on Sunday.\n\n"
        "“Is he going to finally mention the words? If he doesn't he should resign!” the presumptive GOP "
        "presidential nominee, Donald Trump, tweeted Sunday.\n"
    )
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert (
        found["Is he going to finally mention the words? If he doesn't he should resign!"][1]
        == "Donald Trump"
    )


@pytest.mark.model
def test_opine_is_a_reporting_verb(nlp: Any) -> None:
    text = "“Gun owners should leave their weapons at home,” opined Cleveland's Plain Dealer on Monday.\n"
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert "Plain Dealer" in (found["Gun owners should leave their weapons at home,"][2] or "")


@pytest.mark.model
def test_the_one_asked_is_not_the_speaker(nlp: Any) -> None:
    text = "In an interview last week, Donald Trump was asked what Hillary Clinton could do to win.\n"
    found = [q for q in _quotes(nlp, text) if q[3].startswith("what Hillary Clinton could do")]
    assert found and found[0][2] is None


@pytest.mark.model
def test_a_participle_after_reported_words_is_the_reporters(nlp: Any) -> None:
    text = (
        "Ivanka Trump spoke on Monday. She said her father has been an advocate for women, saying "
        "that he supports equal pay for equal work.\n"
    )
    found = [q for q in _quotes(nlp, text) if q[3].startswith("he supports equal pay")]
    assert found and found[0][2] == "She"


@pytest.mark.model
def test_a_scene_before_the_attribution_is_not_reported(nlp: Any) -> None:
    text = (
        "Asked Friday if he supported unconditional talks with North Korea, US President Donald Trump "
        "told reporters: “Well, we're going to see what happens with North Korea.”\n"
    )
    found = _quotes(nlp, text)
    assert not any(q[3].startswith("Asked Friday") for q in found), found
    assert any(q[1] == "Donald Trump" and q[3].startswith("Well, we're going to see") for q in found)


@pytest.mark.model
def test_a_name_at_a_line_start_before_a_colon_speaks_the_headline(nlp: Any) -> None:
    text = "Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment.’\n\nDonald Trump spoke.\n"
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert found["I’m the Worst Thing That Ever Happened to the Establishment."][2] == "Trump"


@pytest.mark.model
def test_a_newsletter_item_names_its_source_after_a_dash_before_the_colon(nlp: Any) -> None:
    text = (
        "Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: keep on "
        "contacting voters as late as possible.” [538.]\n"
    )
    (quote,) = _quotes(nlp, text)
    assert quote[2] == "Carl Bialik"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "start", "speaker_text"),
    [
        (
            "After a day of tensions between two of the nation’s highest-profile Republicans, House "
            "Speaker Paul Ryan’s office announced Friday that Ryan will meet with Donald Trump next week.\n",
            "Ryan will meet",
            "House Speaker Paul Ryan’s office",
        ),
        (
            "Later that day, Trump fired back a response saying he would not support Ryan’s agenda.\n",
            "he would not support",
            "Trump",
        ),
    ],
)
def test_speakers_the_parse_hides(nlp: Any, text: str, start: str, speaker_text: str) -> None:
    found = [q for q in _quotes(nlp, text) if q[3].startswith(start)]
    assert found and found[0][2] == speaker_text, _quotes(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "start", "speaker_text"),
    [
        (
            "Cruz's refusal to disavow the endorsement of Lindsey Graham drew fire from his rivals.\n",
            "to disavow the endorsement",
            "Cruz",
        ),
        (
            "Donald Trump is doubling down on his support for intensifying interrogation techniques.\n",
            "intensifying interrogation techniques",
            "Donald Trump",
        ),
    ],
)
def test_what_a_possessed_attribution_noun_introduces(
    nlp: Any, text: str, start: str, speaker_text: str
) -> None:
    found = [q for q in _quotes(nlp, text) if q[3].startswith(start)]
    assert found and found[0][2] == speaker_text, _quotes(nlp, text)


@pytest.mark.model
def test_a_name_given_with_called_is_not_a_quote(nlp: Any) -> None:
    text = (
        "Rob Calabrese, a radio host, has set up a website called “Cape Breton If Donald Trump Wins” "
        "for Americans.\n"
    )
    assert not [q for q in _quotes(nlp, text) if q[0] == "direct"]


@pytest.mark.model
def test_the_title_of_a_show_is_not_a_quote(nlp: Any) -> None:
    text = (
        "Rudy Giuliani trashed Comey on MSNBC’s “Morning Joe,” saying the director had failed.\n\n"
        "“Being a dad, that’s my job,” Weiner said on the podcast “Here’s the Thing.”\n\n"
        "“It is unacceptable,” Christie said on ABC’s “This Week with George Stephanopoulos.”\n"
    )
    found = [q[3] for q in _quotes(nlp, text)]
    assert "Being a dad, that’s my job," in found
    assert not [q for q in found if "Morning Joe" in q or "the Thing" in q or "This Week" in q]


@pytest.mark.model
def test_a_name_alone_on_the_line_after_a_quotation_signs_it(nlp: Any) -> None:
    text = (
        "Voices from South Carolina.\n\n"
        "“If Mrs. Clinton loses Iowa and New Hampshire, that could create new and real problems.”\n"
        "S.C. Rep. Jim Clyburn.\n\n"
        "For the American voter it matters.\n"
    )
    (quote,) = [q for q in _quotes(nlp, text) if q[0] == "direct"]
    assert quote[2] == "S.C. Rep. Jim Clyburn"
    # the closing mark typed after the signature
    text = text.replace("problems.”\nS.C. Rep. Jim Clyburn.", "problems.\nS.C. Rep. Jim Clyburn.”")
    (quote,) = [q for q in _quotes(nlp, text) if q[0] == "direct"]
    assert quote[2] == "S.C. Rep. Jim Clyburn"


@pytest.mark.model
def test_a_dash_and_a_name_after_a_quotation_on_its_line_sign_it(nlp: Any) -> None:
    text = (
        "Readers wrote to us after the debate.\n\n"
        "“Maybe we can build a wall around Donald Trump.” ―\xa0Steve Quinlan.\n\n"
        "“He is someone no sane person would want as the leader.” — Karen Luis\n"
    )
    speakers = {q[3]: q[2] for q in _quotes(nlp, text) if q[0] == "direct"}
    assert speakers["Maybe we can build a wall around Donald Trump."] == "Steve Quinlan"
    assert speakers["He is someone no sane person would want as the leader."] == "Karen Luis"


@pytest.mark.model
def test_an_age_names_a_speaker_after_the_quote(nlp: Any) -> None:
    text = (
        "Serafinowicz posted the clip to YouTube on Thursday.\n\n"
        "“What if Donald Trump had elocution lessons?” the 43-year-old asked in the video’s description.\n"
    )
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert found["What if Donald Trump had elocution lessons?"][2] == "the 43-year-old"


@pytest.mark.model
def test_a_quote_continues_its_speaker_over_a_few_paragraphs_only(nlp: Any) -> None:
    para = "The hall was full and the night was long.\n\n"
    text = (
        "“We will win this state,” said Senator Maria Okafor on Monday.\n\n"
        + para * 3
        + "“And we will win the next one too.”\n\n"
        + para * 5
        + "“Nobody saw this coming at all.”\n"
    )
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert found["And we will win the next one too."][1] == "Maria Okafor"
    assert found["Nobody saw this coming at all."][1] is None


@pytest.mark.model
def test_a_verb_joined_to_one_with_a_subject_cues_the_quote_after_its_colon(nlp: Any) -> None:
    text = (
        "Trump gestured as if to stop the ruckus, then leaned in and boomed: "
        "“Let’s defeat her in November.”\n"
    )
    found = {q[3]: q for q in _quotes(nlp, text)}
    assert found["Let’s defeat her in November."][2] == "Trump"


@pytest.mark.model
@pytest.mark.shared
def test_every_seed_target_quote_has_its_speaker(seed_path: Path) -> None:
    """Issue 4's targets on the seed dump: each phrase is in a quote of the named speaker."""
    targets = [
        ("must earn its way back to the table", "Rex Tillerson"),
        ("a desperate measure plotted by the US", "Ja Song Nam"),
        ("the hope for peace is not totally obliterated", "Wu Haitao"),
        ("in a complete, verifiable and irreversible manner", "Taro Kono"),
        ("We applaud that", "Antony Blinken"),
        ("We cannot continue closing our eyes", "Retno Marsudi"),
        ("So far we can't even get an explanation", "Sergei Lavrov"),
        ("My message from Australia", "Penny Wong"),
        ("an inclusive and durable peaceful resolution", "ASEAN"),
    ]
    found: list[tuple[str, str | None]] = []
    for article in extract([seed_path]):
        names = {e["id"]: e["name"] for e in getattr(article, "entities", [])}
        found += [(q["text"], names.get(q["speaker"])) for q in getattr(article, "quotes", [])]
    for phrase, speaker in targets:
        speakers = {name for text, name in found if phrase in text}
        assert speaker in speakers, (phrase, speakers)
