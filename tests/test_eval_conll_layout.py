"""The CoNLL-style re-layout of eval/ner_conll_style.py: tokens one space apart, gold spans moved
with their tokens (texts invented here)."""

from __future__ import annotations

from evalscripts import load_eval


def test_the_layout_spaces_tokens_and_moves_spans_with_them() -> None:
    module = load_eval("ner_conll_style")
    text = "Trump's aide met U.S. officials, O'Rourke said.\n\nThe Senate voted."
    laid = module.conll_layout(text)
    assert laid.text == "Trump 's aide met U.S. officials , O'Rourke said .\n\nThe Senate voted ."
    for name in ("Trump", "U.S.", "O'Rourke", "Senate"):
        start = text.index(name)
        new = laid.span(start, start + len(name))
        assert new is not None and laid.text[new[0] : new[1]] == name
    caps = module.conll_layout(text, caps_headline=True)
    assert caps.text.startswith("TRUMP 's AIDE MET U.S. OFFICIALS , O'ROURKE SAID .".replace("'s", "'S"))
    assert caps.text.endswith("The Senate voted .")
