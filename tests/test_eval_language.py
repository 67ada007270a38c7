"""Floor under the language figures of eval/language.py (docs/cleaning.md#language); skips when
../shared is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalscripts import load_eval

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval"
pytestmark = pytest.mark.shared


def test_language_accuracy_on_article_length_samples() -> None:
    if not (DATA / "language" / "langid-tests").is_dir():
        pytest.skip("no ../shared/eval/language")
    module = load_eval("language")
    samples = module.load_samples(DATA)
    detect = module.newsgraph_detector(0.5)
    article = module.score(samples, detect, "article")
    assert article.n >= 300
    assert article.exact / article.n >= 0.98  # measured 0.986
    assert article.en_skipped == 0  # no English article loses its facts
    headline = module.score(samples, detect, "headline")
    assert headline.en_skipped == 0  # short English text: undetermined at worst, still processed
