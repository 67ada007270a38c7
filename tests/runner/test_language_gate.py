"""The language gate before spaCy: articles not in a supported language keep their text and
metadata and get no facts, without going through the NLP pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.query import ArticleFilter, articles
from newsgraph.records import Document
from newsgraph.runner import batch
from newsgraph.runner.batch import SKIPPED_LANGUAGE, process_documents
from newsgraph.runner.local import ingest
from newsgraph.settings import Settings
from newsgraph.store.db import Store

pytestmark = pytest.mark.model

ENGLISH = (
    "Minister Resigns Over Budget Row\n\n"
    "The finance minister resigned on Tuesday after a row over the budget, officials said in Paris. "
    '"I had no choice," she told reporters.\n'
)
GERMAN = (
    "Ministerin tritt nach Haushaltsstreit zurück\n\n"
    "Die Finanzministerin ist am Dienstag nach einem Streit über den Haushalt zurückgetreten, sagten "
    'Beamte in Berlin. Der Krieg war lang. "Ich hatte keine Wahl", sagte sie den Reportern.\n'
)
ZULU = (
    "Umongameli Uvakashele EThekwini\n\n"
    "Umongameli wezwe uthe uhulumeni uzoqhubeka nokusiza abantu abahluphekayo ezindaweni zasemakhaya. "
    "Abafundi abaningi basezikoleni zaseThekwini bathole imiphumela emihle kulo nyaka, kusho uNgqongqoshe.\n"
)


def doc(text: str, name: str, **kw: object) -> Document:
    return Document(source=name, text=text, reader="text", kind="dump", **kw)  # type: ignore[arg-type]


def test_german_article_is_stored_without_facts_and_english_one_gets_them() -> None:
    (en, _), (de, _) = process_documents(
        [doc(ENGLISH, "en.txt"), doc(GERMAN, "de.txt")], Settings.load(jobs=1)
    )
    assert en[0].language == "en" and en[0].skipped is None and en[0].quotes and en[0].entities
    german = de[0]
    assert german.language == "de" and german.language_score is not None and german.language_score > 0.9
    assert german.skipped == SKIPPED_LANGUAGE
    assert german.title == "Ministerin tritt nach Haushaltsstreit zurück"
    assert "Finanzministerin" in german.text
    assert not any(facts for _, facts in german.facts())  # no entities, quotes, events, places...
    assert german.relevance is None


def test_skipped_articles_never_reach_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = batch.annotate

    def spy(drafts, nlp, settings):  # type: ignore[no-untyped-def]
        drafts = list(drafts)
        seen.extend(d.source for d in drafts)
        return real(drafts, nlp, settings)

    monkeypatch.setattr(batch, "annotate", spy)
    process_documents([doc(GERMAN, "de.txt"), doc(ENGLISH, "en.txt")], Settings.load(jobs=1))
    assert seen == ["en.txt"]


def test_a_mixed_dump_is_judged_per_article_and_keeps_its_order() -> None:
    dump = doc(ENGLISH + "\n\n\n" + ZULU + "\n\n\n" + ENGLISH.replace("Budget", "Tax"), "outlet.txt")
    [(found, errors)] = process_documents([dump], Settings.load(jobs=1))
    assert not errors
    assert [a.language for a in found] == ["en", "zu", "en"]
    assert [a.source for a in found] == ["outlet.txt#1", "outlet.txt#2", "outlet.txt#3"]
    assert [a.skipped for a in found] == [None, SKIPPED_LANGUAGE, None]
    assert found[0].entities and found[2].entities and not found[1].entities


def test_the_supported_set_is_a_setting_and_a_given_language_skips_the_detector() -> None:
    settings = Settings.load(jobs=1, languages=["en", "de"])
    [(de, _)] = process_documents([doc(GERMAN, "de.txt")], settings)
    assert de[0].language == "de" and de[0].skipped is None
    given = doc(ENGLISH, "en.txt", language="fr", outlet="Le Monde")
    [(fr, _)] = process_documents([given], Settings.load(jobs=1))
    assert (fr[0].language, fr[0].language_score, fr[0].outlet) == ("fr", 1.0, "Le Monde")
    assert fr[0].skipped == SKIPPED_LANGUAGE


def test_ingest_reports_and_stores_the_skipped_languages(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (inputs / "de.txt").write_text(GERMAN, encoding="utf-8")
    (inputs / "zu.txt").write_text(ZULU, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    report = ingest([inputs], db, Settings.load(jobs=1))
    assert report.ok and report.n_articles == 3
    assert report.skipped_languages == {"de": 1, "zu": 1} and report.n_language_skipped == 2
    with Store(db, read_only=True) as store:
        assert store.languages() == {"de": 1, "en": 1, "zu": 1}
        assert store.languages(skipped=True) == {"de": 1, "zu": 1}
        rows = articles(store, ArticleFilter(language="de"))
        assert [(r.language, r.skipped) for r in rows] == [("de", SKIPPED_LANGUAGE)]
        stored = {a.language: a for a in store.articles()}
        assert stored["de"].skipped == SKIPPED_LANGUAGE and stored["en"].skipped is None
        assert stored["de"].language_score is not None and stored["de"].language_score > 0.9
        facts = store.con.execute(
            "SELECT count(*) FROM entities e JOIN articles a ON a.id = e.article_id WHERE a.language <> 'en'"
        ).fetchone()
        assert facts == (0,)
