"""The entity stage's shortcuts give what the slow way gives: sentence starts from the doc's array,
mention texts cut from the doc's text, a lexicon's remembered answers, one word tested once per
doc. Hand-made docs, no model."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from newsgraph.extract.countries import sentence_start, sentence_starts
from newsgraph.extract.entity_groups import _scan_missed_surnames, group
from newsgraph.extract.mentions import Mention, collect_mentions, mention_of
from newsgraph.extract.span_fixes import _missed_organisations
from newsgraph.resolve import actors


def test_sentence_start_is_the_tokens_sentence_start() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Ruto spoke in Nairobi. Kenya agreed! Then Uganda said no. And so it ended")
    starts = sentence_starts(doc)
    assert starts == [s.start for s in doc.sents]
    assert [sentence_start(starts, t.i) for t in doc] == [t.sent.start for t in doc]


def test_mention_text_is_the_spans_text_with_odd_spacing() -> None:
    doc = spacy.blank("en")("On  Monday the   New York\n Times said pro-Kremlin 'Korea's'")
    spans = [Span(doc, 3, 9, label="ORG"), Span(doc, 10, 13, label="NORP"), Span(doc, 13, 17, label="GPE")]
    got = [mention_of(s) for s in spans]
    assert [m.text if m else None for m in got] == ["New York\n Times", "Kremlin", "Korea"]
    assert all(m is not None and doc.text[m.start : m.end] == m.text for m in got)
    assert all(m is not None and doc[m.i : m.j].text.startswith(m.text) for m in got)


def test_collect_mentions_reads_the_ents_it_is_given() -> None:
    doc = spacy.blank("en")("Wang Yi met Rex Tillerson at the talks")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="PERSON")]
    assert [m.text for m in collect_mentions(doc)] == ["Wang Yi", "Rex Tillerson"]
    assert [m.text for m in collect_mentions(doc, doc.ents[1:])] == ["Rex Tillerson"]


def test_a_lexicon_forgets_its_answers_when_a_form_is_added() -> None:
    lex: actors._Lexicon[str] = actors._Lexicon()
    lex.add("Zanzibar Board", "ZB")
    assert lex.get("the Zanzibar Board") == "ZB"
    assert lex.get("Pemba Board") is None  # remembered as no answer ...
    lex.add("Pemba Board", "PB")
    assert lex.get("Pemba Board") == "PB"  # ... and forgotten once the form is known
    assert lex.get("pemba board", fold_lowercase=False) is None
    assert lex.get("pemba board") == "PB"  # the two ways of asking are remembered apart


def test_remembered_country_answers_match_the_lookup() -> None:
    countries = actors._countries()[1]
    for text in ("U.S.", "the Philippines'", "Korea’s", "us", "US", "Nigerian", "Atlantis"):
        assert countries.get(text) == countries._lookup(text, True)
        assert countries.get(text) == countries.get(text)  # the remembered answer is the same


def test_untagged_surname_and_transcript_label_join_the_person() -> None:
    doc = spacy.blank("en")("Mike Pence spoke . PENCE : Thanks . Later Pence left")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    for t in doc:  # what the tagger would say
        t.pos_ = "PROPN" if t.text[:1].isupper() and t.text.isalpha() else "X"
    mentions = collect_mentions(doc)
    (person,) = [e for e in group(doc, mentions) if e.type == "PERSON"]
    assert [m.text for m in person.mentions] == ["Mike Pence", "PENCE", "Pence"]
    assert person.why["PENCE"] == person.why["Pence"] == "surname (untagged)"
    _scan_missed_surnames(doc, {}, {}, mentions)  # nobody's name part: nothing to do, no error


def test_an_untagged_organisation_is_found_at_each_of_its_places() -> None:
    doc = spacy.blank("en")("He posted on Twitter and Twitter removed it")
    for t in doc:
        t.tag_ = "NNP" if t.text == "Twitter" else "NN"
        t.is_sent_start = t.i == 0
    got = _missed_organisations(doc, [], set())
    assert [(m.i, m.text, m.label) for m in got] == [(3, "Twitter", "ORG"), (5, "Twitter", "ORG")]
    assert [m.i for m in _missed_organisations(doc, [], {3})] == [5]  # a taken word stays taken
    kept = [Mention(0, 1, 0, 2, "He", "PERSON")]
    assert _missed_organisations(spacy.blank("en")("He said so"), kept, set()) is kept


def test_an_untagged_country_name_alone_is_found_but_not_inside_a_longer_name() -> None:
    from newsgraph.extract.span_fixes import _missed_countries

    doc = spacy.blank("en")("He said Nigeria 's party met men of the Vietnam War and Jordan in Ghana")
    for t in doc:
        t.tag_ = "NNP" if t.text[:1].isupper() else "NN"
        t.is_sent_start = t.i == 0
    got = _missed_countries(doc, [], set())
    # "Vietnam" is part of "Vietnam War"; "Jordan" is a given name too
    assert [(m.text, m.label) for m in got] == [("Nigeria", "GPE"), ("Ghana", "GPE")]


def test_an_acronym_of_a_law_or_an_index_is_no_entity_but_a_body_s_is() -> None:
    from newsgraph.extract.span_fixes import _drop_unnamed_acronyms

    text = (
        "They repealed the Affordable Care Act ( ACA ) . The ACA died . The Hang Seng Index ( HSI ) fell . "
        "The Quorvan Electoral Commission ( QEC ) met . The Zeta Act ( ZA ) passed ."
    )
    doc = spacy.blank("en")(text)
    words = [t.text for t in doc]
    law = Span(doc, 3, 6, label="LAW")

    def mention(k: int) -> Mention:
        return Mention(k, k + 1, doc[k].idx, doc[k].idx + len(words[k]), words[k], "ORG")

    at = [k for k, w in enumerate(words) if w in ("ACA", "HSI", "QEC", "ZA")]
    body = Mention(
        at[3] - 4,
        at[3] - 1,
        doc[at[3] - 4].idx,
        doc[at[3] - 2].idx + 10,
        "Quorvan Electoral Commission",
        "ORG",
    )
    mentions = [mention(k) for k in at] + [body]
    got = _drop_unnamed_acronyms(doc, sorted(mentions, key=lambda m: m.i), [law])
    # ACA (a LAW, also its later mention), HSI (an index) and ZA (an Act) go; the body's QEC stays
    assert sorted(m.text for m in got) == ["QEC", "Quorvan Electoral Commission"]
