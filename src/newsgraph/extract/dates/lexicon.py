"""The word list and grammar of temporal expressions, loaded once from the data files: the class
and value of each word (``data/dates_words.tsv``, months from :mod:`newsgraph.months`), the token
pattern, the rules over token classes (``data/dates_patterns.tsv``) and the planning verbs
(``data/dates_plan_verbs.txt``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...months import FULL_NAMES, MONTHS
from ...tables import Table, data_rows

_PACKAGE = "newsgraph.extract"
#: The data files read here.
TABLES: tuple[Table, ...] = (
    (_PACKAGE, "dates_patterns.tsv"),
    (_PACKAGE, "dates_words.tsv"),
    (_PACKAGE, "dates_plan_verbs.txt"),
    (_PACKAGE, "fact_confidence.tsv"),
)
#: Month names written out, as capitalised in running text: a full stop after one ends the
#: sentence ("in April."), and one alone reads as a date in a temporal context. "Sept" counts too.
FULL_MONTHS = frozenset(name.capitalize() for name in FULL_NAMES) | {"Sept"}


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled word list, token pattern and rules."""

    words: dict[str, tuple[str, str]]  # lower-case word or phrase -> (class, value)
    letters: dict[str, str]  # class -> its letter
    capitalised: frozenset[str]
    tokens: re.Pattern[str]
    rules: tuple[tuple[str, re.Pattern[str]], ...]  # (handler, pattern over letters)


@cache
def grammar() -> Grammar:
    """The word list and rules, compiled."""
    rows = data_rows(_PACKAGE, "dates_patterns.tsv")
    classes = [r for r in rows if r[0] == "class"]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    letters = {r[1]: alphabet[i] for i, r in enumerate(classes)}
    capitalised = frozenset(r[1] for r in classes if "cap" in r[2:])
    macros: dict[str, str] = {}
    rules: list[tuple[str, re.Pattern[str]]] = []

    def compile_pattern(source: str) -> str:
        for name, body in macros.items():
            source = source.replace(name, f"({body})")
        out = re.sub(r"[A-Z_]+", lambda m: letters[m.group()], source)
        return out.replace("(", "(?:").replace(" ", "")

    for row in rows:
        if row[0] == "macro":
            macros[row[1]] = row[2]
        elif row[0] == "rule":
            rules.append((row[1], re.compile(compile_pattern(row[2]))))
    words = {name: ("MONTH", str(n)) for name, n in MONTHS.items()}
    words |= {
        r[0].lower(): (r[1], r[2] if len(r) > 2 else "") for r in data_rows(_PACKAGE, "dates_words.tsv")
    }
    phrases = sorted((w for w in words if " " in w), key=len, reverse=True)
    phrase_re = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in phrases)
    # Each alternative is guarded by a look-ahead at the characters it can start with (the first
    # letters of the phrases; a digit, a quote mark or a Q for the figures), so that at most places
    # (a word, a space) the regular expression engine skips them at once instead of trying each:
    # the same tokens (checked on 10 MB of news and HTML), a sixth (HTML) to a third (news) less time.
    firsts = "".join(sorted({re.escape(w[0]) for w in phrases}))
    tokens = re.compile(
        rf"(?=[{firsts}])(?P<PHRASE>(?<!\w)(?:{phrase_re})(?!\w))"
        r"|(?=[\d'’Qq])(?:"
        r"(?P<ISO>(?<![\d/])(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/]))"
        r"|(?P<CLOCK>\d{1,2}(?::\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)|\d{1,2}:\d{2}(?![:\d]))"
        r"|(?P<DECADE>(?:1\d|20)\d0['’]?s\b|['’]\d0s\b)"
        r"|(?P<ORD>\d{1,2}(?:st|nd|rd|th)\b)"
        r"|(?P<QTOKEN>\b(?:Q[1-4]|[1-4]Q)\b)"
        r"|(?P<NUM>\d+(?:,\d{3})*(?:\.\d+)?)"
        r"|(?P<POSS>['’]s\b))"
        r"|(?P<WORD>[^\W\d_]+)"
        r"|(?P<HYPHEN>[-–])"
        r"|(?P<COMMA>,)"
        r"|(?P<DOT>\.)"
        r"|(?P<OTHER>\S)",
        re.I,
    )
    return Grammar(words, letters, capitalised, tokens, tuple(rules))


@cache
def plan_verbs() -> frozenset[str]:
    """Lemmas whose infinitive complement lies ahead ("plans to meet Friday")."""
    return frozenset(row[0] for row in data_rows(_PACKAGE, "dates_plan_verbs.txt"))
