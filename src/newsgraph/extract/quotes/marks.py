"""Quotation marks in the text: the spans they enclose (:func:`quote_spans`), whether a token is
one, what stands before an opening mark, and what lies between quotations that belong together."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

#: Opening marks; a closing mark that opens a paragraph before a word was typed for an opening one.
_QUOTE = re.compile(r"''|``|[“\"«„]|(?<![\w])‘|(?<![^\n])”(?=\w)")


#: An opening mark typed for a closing one: “It's unusual,“ said ...
_OPENER_AS_CLOSER = re.compile(r"[,.?!]“(?=[ \t]+[a-z])")


#: Marks that may close a quotation opened by each mark: broken input mixes straight and curly ones.
_CLOSERS = {
    "“": ("”", '"', "“"),
    "”": ("”", '"'),
    '"': ('"', "”", "“"),
    "„": ("“", "”", '"'),
    "«": ("»",),
    "‘": ("’",),
    "''": ("''", "”"),
    "``": ("''", "”"),
}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the contents of quotations (marks excluded), in text order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while m := _QUOTE.search(text, pos):
        para_end = text.find("\n", m.end())
        para_end = len(text) if para_end == -1 else para_end
        end, close = -1, ""
        for candidate in _CLOSERS[m.group()]:
            found = text.find(candidate, m.end(), para_end)
            if candidate == m.group() == "“":  # an opening mark typed for a closing one: “It's unusual,“ said
                typo = _OPENER_AS_CLOSER.search(text, m.end(), para_end)
                found = typo.start() + 1 if typo is not None else -1
            if candidate == "’":  # an apostrophe is no closing mark: it must end a word run
                while found != -1 and found + 1 < para_end and text[found + 1].isalpha():
                    found = text.find(candidate, found + 1, para_end)
            if found != -1 and (end == -1 or found < end):
                end, close = found, candidate
        if end == -1:
            end = para_end  # unbalanced: to the end of the paragraph
        start = m.end()
        # an attribute's value in markup left in the text (<tweet author="@x">) is no quotation
        if text[start:end].strip() and text[max(0, m.start() - 1) : m.start()] != "=":
            spans.append((start, end))
        pos = end + max(len(close), 1)
    return spans


def _closing_mark(text: str, at: int) -> int:
    """The length of the closing quotation mark at ``at`` (0 when there is none)."""
    if text.startswith("''", at):
        return 2
    return 1 if at < len(text) and text[at] in '”"»’“' else 0


def _is_quote_mark(tok: Token) -> bool:
    return tok.text in ("”", '"', "’", "''", "»", "“")


#: Words right before a title in quotation marks: "on MSNBC’s “Morning Joe”", "the podcast “...”".
_WORK_LEADS = frozenset(
    "’s 's on show program programme podcast titled entitled book film movie song album".split()
)


def _before_quote(doc: Doc, first: int, start: int = 0) -> Token | None:
    """The token before a quotation's opening mark (``first`` is its first quoted token), from
    ``start`` on."""
    i = first - 1
    while i >= start and _is_quote_mark(doc[i]):
        i -= 1
    return doc[i] if i >= start else None


def _names_a_work(doc: Doc, first: int) -> bool:
    """Whether the words before a quotation (from its first token) introduce a title."""
    before = _before_quote(doc, first)
    return before is not None and before.lower_ in _WORK_LEADS


def _runs_into_quote(doc: Doc, first_quoted: int, start: int) -> bool:
    """The writer's words lead straight into a partial quote ("This is a “raw time,” said ..."),
    with no comma or colon between them and its opening mark."""
    before = _before_quote(doc, first_quoted, start)
    return before is not None and not before.is_punct and not before.is_space


#: What lies between quotations that follow one another: marks, spaces, an ellipsis.
_ADJACENT = re.compile(r"""[,.?!]?(?:''|[”"’»])[ \t\xa0.…]*(?:''|``|[“"«„‘])""")


#: What lies between the two pieces of a quote split by its attribution: the closing mark, an
#: attribution on the same line with no quotation of its own (a title after it is no second piece)
#: ending in a comma, full stop or colon, and the opening mark ("," he said. ").
_SPLIT_BY_ATTRIBUTION = re.compile(
    r"""[,.?!]?(?:''|[”"’»])*[ \t\xa0]*[,.]?[ \t\xa0]*[^\n“”"«»„`]{2,250}?[,.:;][ \t\xa0]*(?:''|``|[“"«„‘])"""
)
