from __future__ import annotations

import pytest

from newsgraph.clean.classify import Kind, byline_names, classify, split_credit


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("TT", Kind.MARKER),
        ("Advertisement", Kind.MARKER),
        ("* * *", Kind.SEPARATOR),
        ("-----", Kind.SEPARATOR),
        ("Minister Jane Doe speaks in Rome, Italy, July 27, 2024. (Reuters)", Kind.CAPTION),
        ("Protesters gather outside parliament (AP Photo/Jane Doe)", Kind.CAPTION),
        ("Rescue workers search the rubble. Photo: AFP", Kind.CAPTION),
        ("By Jane Doe and John Roe", Kind.BYLINE),
        ("Saturday, 27 July, 2024 - 10:15", Kind.DATELINE),
        ("GAZA SITUATION 'DIRE'", Kind.HEADING),
        ("'THIS IS NOT SUSTAINABLE'", Kind.HEADING),
        ("US Urges North Korea to Cease Weapons Testing for Talks to be Held", Kind.TITLE),
        ("The talks ended on Friday without an agreement.", Kind.BODY),
        ('"We applaud that and hope and expect to see that it continues going forward."', Kind.BODY),
        ("He said the figure (about 90 percent) was too high.", Kind.BODY),
    ],
)
def test_classify(text: str, kind: Kind) -> None:
    assert classify(text) is kind


def test_split_credit_keeps_caption_sentence() -> None:
    assert split_credit("A minister speaks at the summit. (Reuters)") == (
        "A minister speaks at the summit.",
        "Reuters",
    )
    assert split_credit("No credit here.") is None


def test_byline_names() -> None:
    assert byline_names("By Jane Doe, John Roe and Ann Lee") == ["Jane Doe", "John Roe", "Ann Lee"]
    assert byline_names("By the time talks began, nothing was left.") is None


@pytest.mark.parametrize(
    "text",
    [
        "A minister speaks at the summit. (Reuters)",
        "A minister speaks at the summit. ( Reuters ) . ",
        "Protesters gather outside parliament (AP Photo/Jane Doe)",
        "Rescue workers search the rubble. Photo: AFP",
        "Crowds in the square REUTERS/John Smith",
        "Crowds in the square. (Photo by Jane Doe/Getty Images)",
        "He said the figure (about 90 percent) was too high.",
        "The talks ended on Friday without an agreement.",
    ],
)
def test_credit_prefilter_agrees_with_the_pattern(text: str) -> None:
    from newsgraph.clean.classify import _may_end_with_credit
    from newsgraph.clean.lexicon import credit_pattern

    found = credit_pattern().search(text) is not None
    assert not found or _may_end_with_credit(text)  # the cheap test never hides a credit
    assert (split_credit(text) is not None) == found
