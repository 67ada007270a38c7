"""The batch function and the annotation stream, on a blank pipeline (no model needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.annotations import doc_counts, set_doc_counts
from newsgraph.extract.facts import CountFact
from newsgraph.extract.pipeline import add_components
from newsgraph.records import Article, Draft, ErrorRecord, SourceMap
from newsgraph.runner.batch import annotate
from newsgraph.settings import Settings


@Language.component("test_boom")
def boom(doc: Doc) -> Doc:
    if "BOOM" in doc.text:
        raise ValueError("boom")
    count = CountFact(doc.text[:1], 0, 1, 1, None, doc.text[:1], "exact", "other", None, None)
    set_doc_counts(doc, (*doc_counts(doc), count))
    return doc


def draft(text: str, n: int) -> Draft:
    return Draft(source=f"s#{n}", text=text, source_map=SourceMap.identity(len(text)), doc_hash="h")


def test_a_failing_article_is_reported_and_the_others_go_on() -> None:
    nlp = add_components(spacy.blank("en"))
    nlp.add_pipe("test_boom")
    drafts = [draft(f"Article {i}.", i) for i in range(5)]
    drafts.insert(2, draft("This one goes BOOM.", 99))
    out = list(annotate(drafts, nlp, Settings.load(batch_size=2)))
    assert len(out) == 6
    errors = [r for r in out if isinstance(r, ErrorRecord)]
    assert [e.source for e in errors] == ["s#99"]
    assert errors[0].code == "NG400"
    articles = [r for r in out if isinstance(r, Article)]
    assert [a.source for a in articles] == [f"s#{i}" for i in range(5)]
    assert all(a.counts and a.counts[0]["text"] == "A" for a in articles)


def test_paragraph_component_starts_sentences_at_line_breaks() -> None:
    nlp = add_components(spacy.blank("en"))
    doc = nlp("First paragraph without a stop\n\nSECOND HEADING\n\nThird one.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["First", "SECOND", "Third"]


@pytest.mark.model
def test_places_named_only_in_captions_are_kept_with_their_caption(nlp: Language) -> None:
    text = "Ministers met at the summit on Saturday.\n\nThey discussed trade.\n"
    caption = "Delegates arrive at the National Convention Center in Vientiane, Laos, July 27, 2024."
    draft = Draft(source="c.txt", text=text, source_map=SourceMap.identity(len(text)), captions=[caption])
    (article,) = annotate([draft], nlp, Settings.load())
    assert isinstance(article, Article)
    places = [p for p in article.places if p.get("caption") == 0]
    assert {p["name"] for p in places} >= {"Vientiane", "Laos"}
    for p in places:
        assert caption[p["start"] : p["end"]] == p["text"]
        assert p["country"] == "LAO"
    assert all("caption" not in p for p in article.places if p not in places)


def test_store_extras_are_what_the_parent_would_make_and_travel_with_the_article() -> None:
    import pickle

    import numpy as np

    from newsgraph.resolve.stories import sketch
    from newsgraph.runner.batch import store_extras
    from storytexts import STORY, article

    articles = [article("a", STORY, "https://www.one.example/a/"), article("b", "Too short.")]
    assert all(a.sketch is None and a.n_words is None for a in articles)
    store_extras(articles)
    shipped = pickle.loads(pickle.dumps(articles))  # as a worker sends them to the parent
    for a in shipped:
        want = sketch(a.id, a.text, a.url)
        assert a.sketch is not None
        assert (a.sketch.article_id, a.sketch.url_key, a.sketch.text_hash, a.sketch.n_shingles) == (
            want.article_id,
            want.url_key,
            want.text_hash,
            want.n_shingles,
        )
        assert a.n_words == len(a.text.split())
    full, short = shipped
    assert full.sketch is not None and full.sketch.signature is not None
    assert want.signature is None and short.sketch is not None and short.sketch.signature is None
    assert np.array_equal(full.sketch.signature, sketch(full.id, full.text, full.url).signature)
    assert full.sketch.bands() == sketch(full.id, full.text, full.url).bands()
    assert full == articles[0]  # the extras take no part in comparing articles
