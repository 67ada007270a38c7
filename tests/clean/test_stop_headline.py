"""A plain-text headline closed by a full stop is the title (PolNeAR-style files: 0 of 924 had a
title before), and a short lead sentence is not."""

from __future__ import annotations

import pytest

from newsgraph.clean.split import split_document
from newsgraph.records import Document

BODY = (
    "The New York Post reports that the campaign avoided taking her to the emergency room after the "
    "memorial ceremony on Sunday, to keep the details of her treatment out of the news.\n\n"
    "Secret Service protocol would have sent her to the nearest hospital, officials said on Monday.\n"
)


def first(text: str) -> tuple[str | None, str]:
    draft = split_document(Document(source="a.txt", text=text, reader="text", kind="dump"))[0]
    return draft.title, draft.text


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (  # Title Case closed by a full stop
            "Stealth Over Health: Clinton Was Headed to ER But Diverted to Avoid Bad Optics.",
            "Stealth Over Health: Clinton Was Headed to ER But Diverted to Avoid Bad Optics",
        ),
        (
            "Beyond victory, Clinton faces deep image problem.",
            "Beyond victory, Clinton faces deep image problem",
        ),
        (
            "Obama on Climate Change: The Trends Are 'Terrifying.'",
            "Obama on Climate Change: The Trends Are 'Terrifying'",
        ),
        ("Mary J. Blige sings to Clinton in preview clip.", "Mary J. Blige sings to Clinton in preview clip"),
        ("Ready for Trump vs. Clinton?", "Ready for Trump vs. Clinton?"),
        (  # two sentences, in Title Case
            "Republicans Finally Confirmed A Judge. Is This Obama's Last One?",
            "Republicans Finally Confirmed A Judge. Is This Obama's Last One?",
        ),
    ],
)
def test_headline_closed_by_a_stop_is_the_title(line: str, title: str) -> None:
    got, text = first(f"{line}\n\n{BODY}")
    assert got == title
    assert text.startswith("The New York Post reports")  # not repeated in the body


def test_a_headline_with_its_deck_on_the_next_line() -> None:
    got, text = first(
        f"Candidates vie for vets' support; \nTrump and Clinton point out own credentials.\n\n{BODY}"
    )
    assert got == "Candidates vie for vets' support"
    assert text.startswith("Trump and Clinton point out own credentials.")


def test_a_label_may_come_between_headline_and_body() -> None:
    got, _ = first(f"Visa Program Up for Renewal Amid Allegations of Fraud.\n\nABSTRACT.\n\n{BODY}")
    assert got == "Visa Program Up for Renewal Amid Allegations of Fraud"


@pytest.mark.parametrize(
    "text",
    [
        # a lead sentence too long for a sentence-case headline
        "The finance minister resigned on Tuesday after a long row over the budget with her own party, "
        f"officials in the capital said.\n\n{BODY}",
        # two sentences in sentence case: running text
        f"The minister resigned on Tuesday. Her deputy takes over.\n\n{BODY}",
        # not set apart by a blank line: the first line of the running text
        f"Officials said the talks would resume.\n{BODY}",
        # a short lead: a day, a reporting verb (and names do not make it Title Case)
        f"Mark Ellison arrived in Tokyo on Tuesday.\n\n{BODY}",
        f"Officials said the talks would resume.\n\n{BODY}",
        # starts in lower case
        f"and the talks went on.\n\n{BODY}",
        # nothing longer after it
        "The minister resigned.\n\nShe left.\n",
    ],
)
def test_running_text_is_not_a_title(text: str) -> None:
    got, body = first(text)
    assert got is None
    assert body.startswith(text.split("\n")[0][:20])
