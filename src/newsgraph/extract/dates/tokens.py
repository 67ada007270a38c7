"""The dates component's own tokens: the text cut by the grammar's token pattern, each token given
its class and value from the word list (or its shape: YEAR, DAY, ORD, CLOCK, ...), number words
merged ("twenty-four", "nineteen ninety-six"), and the string of class letters the rules match."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import grammar

#: A letter for "no token can be here" (a line break between two tokens).
BREAK = "#"


@dataclass(slots=True)
class Tok:
    """A token with its class and its value from the word list (or its shape)."""

    text: str
    cls: str
    value: str
    start: int
    end: int
    #: dropped when a noun follows ("quarterly dividend"): marked ``!`` in the word list
    before_noun_not: bool = False

    @property
    def low(self) -> str:
        return self.text.lower()


def plain_number(text: str) -> str:
    """A number as written, without its thousands commas ("1,500" is "1500")."""
    return text.replace(",", "")


_SPACES = re.compile(r"\s+")
_OTHER = ("OTHER", "")


def tokenize(text: str) -> list[Tok]:
    """The tokens of ``text`` with their classes (number words merged: "twenty four" is 24)."""
    g = grammar()
    lookup, capitalised = g.words.get, g.capitalised
    out: list[Tok] = []
    append = out.append
    numbers = False
    for m in g.tokens.finditer(text):
        kind = m.lastgroup
        word = m.group()
        if kind == "WORD" or kind == "OTHER":
            cls, value = lookup(word.lower(), _OTHER)
            if cls == "OTHER":  # most tokens: a word no rule names
                start, end = m.span()
                append(Tok(word, "OTHER", "", start, end))
                continue
            if cls in capitalised and not word[0].isupper():
                cls, value = _OTHER
            numbers = numbers or cls == "NUM"
            kind = cls
        elif kind == "PHRASE":
            kind, value = g.words[_SPACES.sub(" ", word.lower())]
        elif kind == "NUM":
            value = plain_number(word)
            if value.isdigit() and 1000 <= int(value) <= 2099 and "," not in word:
                kind = "YEAR"
            elif value.isdigit() and 1 <= int(value) <= 31:
                kind = "DAY"
        elif kind == "ORD":
            value = word[:-2]
        elif kind == "CLOCK":
            value = _clock(word)
        elif kind == "QTOKEN":
            value = word.strip("Qq")
        else:
            value = ""
        start, end = m.span()
        append(Tok(word, kind or "OTHER", value.rstrip("!"), start, end, value.endswith("!")))
    return _merge_numbers(out, text) if numbers else out


def _clock(word: str) -> str:
    m = re.match(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?", word, re.I)
    if m is None:
        return ""
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    half = (m.group(3) or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour <= 24 and minute < 60 else ""


_WORDY = re.compile(r"[^\W\d_]+(?:[-\s][^\W\d_]+)*")


def _wordy(tok: Tok) -> bool:
    return tok.cls == "NUM" and _WORDY.fullmatch(tok.text) is not None


def _merge_numbers(toks: list[Tok], text: str) -> list[Tok]:
    """Merge number words: "twenty-four" 24, "two hundred" 200, "nineteen ninety-six" the year."""
    out: list[Tok] = []
    for tok in toks:
        if tok.cls == "NUM" and out and _wordy(tok):
            first = out[-2] if out[-1].cls == "HYPHEN" and len(out) > 1 else out[-1]
            if _wordy(first):
                a, b = int(first.value), int(tok.value)
                merged = a + b if a % 10 == 0 and 20 <= a <= 90 and 1 <= b <= 9 else None
                if b in (100, 1000) and 1 <= a < 100:
                    merged = a * b
                if merged is not None:
                    del out[out.index(first) :]
                    tok = Tok(text[first.start : tok.end], "NUM", str(merged), first.start, tok.end)
        out.append(tok)
    years: list[Tok] = []
    for tok in out:
        head = years[-1] if tok.cls == "NUM" and years and _wordy(tok) and _wordy(years[-1]) else None
        if head is not None and 11 <= int(head.value) <= 20 <= int(tok.value) < 100:
            year = str(int(head.value) * 100 + int(tok.value))
            years[-1] = Tok(text[head.start : tok.end], "YEAR", year, head.start, tok.end)
        else:
            years.append(tok)
    return years


def letters_of(toks: list[Tok], text: str) -> str:
    """The class letters of ``toks``, one each, with :data:`BREAK` where a line break separates two."""
    letters = grammar().letters
    parts = []
    prev_end = 0
    for tok in toks:
        if text.find("\n", prev_end, tok.start) != -1:
            parts.append(BREAK)
        parts.append(letters[tok.cls])
        prev_end = tok.end
    return "".join(parts)
