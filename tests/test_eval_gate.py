"""Quality gate over the shared dev data: pinned floors that may only be lowered on purpose.

Skips when ../shared is absent (the figures are measured by `make eval`; this keeps them from
sliding back unnoticed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evalscripts import load_eval

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
pytestmark = pytest.mark.shared

#: Floors, a little under the figures measured when they were pinned (docs/cleaning.md).
FLOORS = {
    "articles_f1_whitespace": 0.962,
    "titles_accuracy": 0.90,
    # PolNeAR dev, measured 0.681 / 0.927 / 0.853 (docs/quotes.md)
    "quotes_content_f1": 0.66,
    "quotes_speaker_acc": 0.91,
    "quotes_direct_triple_f1": 0.83,
    # TimeBank, measured value accuracy 0.870 (docs/dates.md)
    "dates_value_accuracy": 0.85,
    # LGL, measured Acc@161 0.857 (docs/places.md)
    "places_lgl_acc161": 0.84,
    # eval/duplicates.py, measure part, text alone: measured 1.000 / 0.985 (docs/stories.md)
    "duplicates_precision": 0.98,
    "duplicates_recall": 0.95,
}


def test_article_body_extraction_floor() -> None:
    data = SHARED / "eval" / "articles" / "scrapinghub"
    if not data.exists():
        pytest.skip(f"{data} is absent")
    articles = load_eval("articles")
    pages = articles.load_pages(Path(data))
    result = articles.evaluate(pages, articles.newsgraph_system())
    scores = result["scores"][("whitespace", "all")]
    f1 = scores.summary()["f1"]
    assert f1 >= FLOORS["articles_f1_whitespace"], f"article body F1 fell to {f1:.4f}"
    gold = articles.load_titles(articles.DEFAULT_TITLES, {key: html for key, html, _ in pages})
    assert len(gold) == len(pages), "title labels missing or pages changed"
    for half in ("tune", "measure"):
        right, n = articles.title_accuracy(result["titles"], gold, half)
        assert right / n >= FLOORS["titles_accuracy"], f"title accuracy ({half}) fell to {right / n:.3f}"


@pytest.mark.model
def test_quote_extraction_floor() -> None:
    data = SHARED / "eval" / "quotes" / "polnear" / "dev"
    if not (data / "text").is_dir():
        pytest.skip(f"{data} is absent")
    quotes = load_eval("quotes")
    gold = quotes.load_gold(data)
    docs = sorted(gold)
    predicted, errors, _ = quotes.run_newsgraph(data, docs)
    assert errors == []
    result = quotes.score(gold, predicted, quotes.load_texts(data, docs))
    assert result["content_f1"] >= FLOORS["quotes_content_f1"], result
    assert result["speaker_acc"] >= FLOORS["quotes_speaker_acc"], result
    assert result["direct_triple_f1"] >= FLOORS["quotes_direct_triple_f1"], result


@pytest.mark.model
def test_date_normalisation_floor() -> None:
    data = SHARED / "eval" / "dates" / "timebank"
    if not data.is_dir():
        pytest.skip(f"{data} is absent")
    dates = load_eval("dates")
    docs = dates.load(data)
    ours, _, _ = dates.run(docs)
    result = dates.score(docs, ours)
    assert result["value_accuracy"] >= FLOORS["dates_value_accuracy"], result


@pytest.mark.model
def test_geocoding_floor() -> None:
    path = SHARED / "eval" / "places" / "lgl.xml"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    places = load_eval("places")
    articles = places.read_lgl(path)
    places.run(articles)
    result = places.score("lgl", articles, False)
    assert result["acc161"] >= FLOORS["places_lgl_acc161"], result


def test_duplicate_grouping_floor() -> None:
    duplicates = load_eval("duplicates")
    if not duplicates.POLNEAR.exists() or not duplicates.SCRAPINGHUB.exists():
        pytest.skip(f"{duplicates.SHARED} is absent")
    lines = [line for line in duplicates.SET.read_text(encoding="utf-8").splitlines() if line]
    items = [i for i in map(json.loads, lines[1:]) if i["split"] == "measure"]
    # the set names texts and edits; it holds no text of its own
    assert all(set(i) == {"corpus", "doc", "edits", "id", "kind", "split", "story", "url"} for i in items)
    predicted, _ = duplicates.group_items(items, False, {})
    result = duplicates.pairwise(items, predicted)
    assert result["precision"] >= FLOORS["duplicates_precision"], result
    assert result["recall"] >= FLOORS["duplicates_recall"], result
