"""Names in lines written all in capitals: a wire headline ("SAUDI PRINCE MOCKS TRUMP ON TWITTER"),
a kicker, a text whose first paragraph a scraper upper-cased.

The small model reads case as the strongest sign of a name, so in such a line it tags runs of
words at random ("ACCUSED CHINA OF USING COERCION" as one organisation) and misses the names the
rest of the text writes in the usual way. In a line of capitals a name is kept or found only with
evidence from outside the line: the text writes it elsewhere as a name (the whole name, or a
person's surname: "TRUMP" beside "Donald Trump"), or the tables know it (a country, a nationality,
a known organisation or person). The model's other spans in the line are dropped."""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.names import COMMON_GIVEN, given_share
from .annotations import doc_words, word_lines
from .not_names import common_noun

#: A line is in capitals when it has this many words of two letters or more ...
_CAPS_WORDS = 3
#: ... and this share of them is written all in capitals.
_CAPS_SHARE = 0.9
#: Names looked for in such a line run over at most this many words.
_LONGEST = 5
#: Words that open a name in capitals but are no part of it ("THE SENATE").
_ARTICLES = frozenset({"the", "a", "an"})
#: A one-word name found in such a line (a surname, "TRUMP") has at least this many letters.
_SHORTEST_WORD = 3


#: Each doc's lines in capitals, found once for the mention finder and the grouping.
_FOUND: weakref.WeakKeyDictionary[Doc, list[tuple[int, int]]] = weakref.WeakKeyDictionary()


def caps_lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the lines written in capitals, when the rest of the text (as long as the
    line or more) is there to tell which of their words are names."""
    found = _FOUND.get(doc)
    if found is None:
        found = _FOUND[doc] = _caps_lines(doc_words(doc))
    return found


def _caps_lines(words: list[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in word_lines(words):
        if len(words) - (end - start) < end - start:
            continue
        # most lines are prose: their first word of two letters or more is not in capitals
        first = next((w for w in words[start:end] if len(w) >= 2 and w.isalpha()), "")
        if not first.isupper():
            continue
        long = [w for w in words[start:end] if len(w) >= 2 and w.isalpha()]
        if len(long) >= _CAPS_WORDS and sum(w.isupper() for w in long) >= _CAPS_SHARE * len(long):
            out.append((start, end))
    return out


class Named(Protocol):
    """A mention as this module reads it: tokens ``[i, j)``, its text and type."""

    i: int
    j: int
    text: str
    label: str


@lru_cache(maxsize=8192)
def _table_label(text: str, tagged: bool) -> str | None:
    """The type of a name the tables know, written in capitals or not ("AFGHANISTAN" GPE,
    "BRITISH" NORP, "TALIBAN" ORG); None if unknown. One word that is also a function word ("WHO",
    "US") names a body or place only when the rest of the text says so (not here); one that is
    a common noun ("TIME", "TWITTER"), only when the model also took it for a name (``tagged``)."""
    if " " not in text and text.lower() in STOP_WORDS:
        return None
    forms = tuple(dict.fromkeys((text, text.title())))
    for form in forms:
        code = actors.country_code(form)
        if code is not None:
            adjectives = {a.lower() for a in actors.country_forms(code, "adjectives")}
            return "NORP" if form.lower() in adjectives else "GPE"
    if " " not in text and not tagged and common_noun(text.lower()):
        return None
    for form in forms:
        if actors.organisation(form) is not None:
            return "ORG"
        if actors.is_known_person(form):
            return "PERSON"
    return None


def caps_line_names(
    doc: Doc, mentions: Sequence[Named], lines: Sequence[tuple[int, int]]
) -> tuple[set[int], list[tuple[int, int, str]]]:
    """What to change in ``mentions`` for the capitals ``lines``: the positions (in
    ``mentions``) of those inside a line that neither the rest of the text nor the tables know,
    to drop; and the names (tokens ``[i, j)``, type) such a line holds that the rest of the text
    writes as names, or the tables know, to add."""
    if not lines:
        return set(), []
    inside = {t for a, b in lines for t in range(a, b)}
    labels: dict[str, Counter[str]] = {}  # a name as the text writes it elsewhere, in capitals
    for m in mentions:
        if m.i in inside:
            continue
        labels.setdefault(m.text.upper(), Counter())[m.label] += 1
        parts = [w for w in m.text.split() if w[:1].isupper()]
        if m.label == "PERSON" and len(parts) >= 2 and len(parts[-1]) >= _SHORTEST_WORD:
            labels.setdefault(parts[-1].upper(), Counter())[m.label] += 1  # the surname
    # the model's spans in a line are rebuilt from the names found in them: a span the text or
    # the tables know is found again whole ("AHMAD LAWAN", as the text's PERSON), with no article
    drop = {n for n, m in enumerate(mentions) if m.i in inside}
    tagged = {t for n in drop for t in range(mentions[n].i, mentions[n].j)}
    taken = {t for n, m in enumerate(mentions) if n not in drop for t in range(m.i, m.j)}
    added: list[tuple[int, int, str]] = []
    words = doc_words(doc)
    heads = {_head(key) for key in labels}
    for tables in (False, True):  # the text's own names first, the tables' in what is left
        for a, b in lines:
            k = a
            while k < b:
                word = words[k]
                # cheap tests first: a name in capitals opens with a word in capitals that, for
                # the text's own names, opens one of them
                opens = word[:1].isalpha() and word.isupper() and (tables or _head(word) in heads)
                found = _name_at(doc, k, b, taken, labels, tagged if tables else None) if opens else None
                if found is None:
                    k += 1
                    continue
                if found[2] == "PERSON":
                    found = _whole_name(doc, found, a, b, taken)
                added.append(found)
                taken.update(range(found[0], found[1]))
                k = found[1]
    return drop, added


_WORD = re.compile(r"\w+")


def _head(text: str) -> str:
    """The first run of letters or digits of ``text`` ("MURRAY" of "MURRAY-BRUCE")."""
    found = _WORD.match(text)
    return found.group() if found else text


def _whole_name(
    doc: Doc, found: tuple[int, int, str], a: int, b: int, taken: set[int]
) -> tuple[int, int, str]:
    """A person's name found by a surname ("ESPER", "HITLER", "XI") widened by one word on either
    side (within the line ``[a, b)``, no word taken) when the wider name is a known person or
    the word before a lone surname is a common given name: "MARK ESPER", "ADOLF HITLER", "XI
    JINPING" (not "SUE HILLARY CLINTON")."""
    i, j, label = found
    if j - i == 1 and i - 1 >= a and _free_word(doc, i - 1, taken):
        given = given_share(doc[i - 1].text.title()) >= COMMON_GIVEN
        if given or actors.is_known_person(doc[i - 1 : j].text.title()):
            i -= 1
    if j < b and _free_word(doc, j, taken) and actors.is_known_person(doc[i : j + 1].text.title()):
        j += 1
    return i, j, label


def _free_word(doc: Doc, k: int, taken: set[int]) -> bool:
    """Whether word ``k`` may widen a name: a word in capitals, no title ("SECRETARY") nor
    function word, not in another name."""
    tok = doc[k]
    return (
        k not in taken
        and tok.is_alpha
        and tok.is_upper
        and tok.lower_ not in STOP_WORDS
        and not actors.sector_of(tok.lower_)
    )


def _name_at(
    doc: Doc, k: int, end: int, taken: set[int], labels: dict[str, Counter[str]], tagged: set[int] | None
) -> tuple[int, int, str] | None:
    """The longest name starting at token ``k`` (before ``end``, no token taken) that the text
    writes elsewhere; with ``tagged`` (the tokens the model took for names), that the tables
    know. A known person is found by the name alone: no title word ("DEFENSE SECRETARY MARK
    ESPER" is "MARK ESPER"), no punctuation."""
    for n in range(min(_LONGEST, end - k), 0, -1):
        if any(t in taken for t in range(k, k + n)):
            continue
        span = doc[k : k + n]
        if not span[0].text[:1].isalpha() or not span[-1].text[:1].isalpha() or span[0].lower_ in _ARTICLES:
            continue
        text = span.text
        short = n == 1 and len(text) < _SHORTEST_WORD  # "AP", "US": the text's, or tagged here
        if not text.isupper() or (short and text not in labels and (tagged is None or k not in tagged)):
            continue
        if tagged is None:
            counted = labels.get(text.upper())
            if counted:
                return k, k + n, counted.most_common(1)[0][0]
            continue
        label = _table_label(text, n == 1 and k in tagged)
        if label == "PERSON" and any(not t.is_alpha or actors.sector_of(t.lower_) for t in span):
            continue
        if label is not None:
            return k, k + n, label
    return None
