"""fold: one spelling of a name or quote for matching, fast on ASCII text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.resolve.entities import fold


def reference(text: str) -> str:
    """fold as first written: decompose, drop accents, punctuation to spaces."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    kept = "".join(c if c.isalnum() or c.isspace() else " " for c in kept.lower())
    return " ".join(kept.split())


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_ascii_shortcut_folds_as_the_general_rule_does(text: str) -> None:
    assert fold(text) == reference(text)


def test_fold_examples() -> None:
    assert fold("  Zelenskyy's   office\x1c(Kyiv) ") == "zelenskyy s office kyiv"
    assert fold("Ažbe Jurečič’s") == "azbe jurecic s"
