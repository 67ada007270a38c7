"""Where one entity span of the model holds several names or more than a name, and where it is
cut (``extract/mentions.py`` cleans each piece): at scores inside it ("Arsenal 1 Everton 1"), at a
possessive inside it, at a dateline before it ("ROME - Bernie Sanders"), at a sentence's opening
word glued onto it ("Later Sanborn said"), at lists of names, and before a count of a word after
it ("Laquan McDonald 16 times")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from spacy.tokens import Doc, Span

from ..resolve import actors
from ..resolve.titles import titles
from ..tables import data_rows
from .annotations import doc_text, doc_words

ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})


@lru_cache(maxsize=65536)
def known(text: str) -> bool:
    return actors.country_code(text) is not None or actors.organisation(text) is not None


#: A score glued onto a name is at most this many digits ("Liverpool 0", "Arsenal 12").
_SCORE_DIGITS = 2
#: Lower-case words that may stand inside a name ("Bank of England", "Braunau am Inn", "Osama bin
#: Laden", "Committee to Protect Journalists"); any other lower-case word between the capitalised
#: words of a span ends a name ("Garrett hit Rudolph": two names and a verb).
PARTICLES = frozenset(
    "of the and for to on at in upon without with against de da das do dos del della delle degli di du"
    " des la le les lo los las van von der den ter ten het op zu am an im und y e et el al bin ibn bint"
    " ben ul ud ur sur en au aux".split()
)
#: What may follow a comma inside a name ("Martin Luther King, Jr.", "Acme, Inc."); any other word
#: after a comma starts another name ("CBS All Access, Disney").
_AFTER_COMMA = frozenset({"jr", "sr", "inc", "ltd", "llc", "co", "corp", "plc", "llp", "ii", "iii", "iv"})


def _caps_word(text: str) -> bool:
    """A word in capitals inside a person's name: a team's or position's code ("DL"), no initial
    or Roman numeral."""
    return len(text) >= 2 and text.isalpha() and text.isupper() and text not in ROMAN


ENDS = frozenset({".", "?", "!", ":", '"', "“", "‘", "'"})
#: Parts of speech of a sentence's first word that the model glues onto the name after it
#: ("Later Sanborn said"; a question's auxiliary, "Will Warren continue ...?").
_OPENERS = frozenset({"ADV", "SCONJ", "CCONJ", "PRON", "AUX"})


@cache
def _person_nouns() -> frozenset[str]:
    """Nouns that say a person's trade before the name (``name_cues.tsv``, type PERSON)."""
    rows = data_rows("newsgraph.extract", "name_cues.tsv", strip=True)
    return frozenset(row[0] for row in rows if row[1] == "PERSON")


def _cue_noun(word: str) -> bool:
    """Whether ``word``, written with a capital, is a trade noun and no title ("Comedian",
    "Historian"; not "Spokesman" nor "Director", titles the role extractor reads in the name)."""
    return (
        word[:1].isupper()
        and word[1:].islower()
        and word.lower() in _person_nouns()
        and word.lower() not in titles()
    )


def pieces(ent: Span) -> list[Span]:
    """An entity span cut at scores inside it ("Arsenal 1 Everton 1" -> "Arsenal", "Everton"), at
    a possessive inside it ("Fedorov’s Order" -> "Fedorov"; not before a body's head: "Sheriff's
    Department"), at a colon or an opening bracket (what follows dropped: "Battin: Dealing",
    "Shanghai Composite (SHCOMP"), at a comma before another name ("CBS
    All Access, Disney"; not "King, Jr." nor a place's "Washington, D.C." nor the subjects a body's
    name lists, "Council on Energy, Environment and Water") and at a lower-case word
    that is no name particle ("Garrett hit Rudolph"; not "Bank of England"), at a slash between
    names (a photo credit, "Jonathan Drake / Reuters" -> "Jonathan Drake", "Reuters"), after
    the "Follow" of a sign-off ("Follow Pam Key On Twitter"), after a dateline's dash (the
    dateline a place: "ROME - Bernie Sanders" -> "ROME", "Bernie Sanders"), after an adverb, conjunction or
    pronoun opening the sentence ("Later Sanborn said") and after a person's trade noun that is no
    title ("Comedian Chelsea Handler"). A person's name with a
    word in capitals inside is cut after it ("Browns DL Sheldon Richardson" -> "Sheldon
    Richardson"), the words before kept only when they name something known ("FBI")."""
    doc = ent.doc
    words = doc_words(doc)
    out: list[Span] = []
    a, end, label = ent.start, ent.end, ent.label_
    follow = label == "PERSON" and end - a >= 3 and words[a] == "Follow"  # "Follow Pam Key On Twitter"
    if follow or (end - a >= 2 and doc[a].is_sent_start and doc[a].pos_ in _OPENERS):  # "Later Sanborn"
        a += 1
    if label == "PERSON" and end - a >= 2 and _cue_noun(words[a]):  # "Comedian Chelsea Handler"
        a += 1
    if (dash := _dateline_dash(doc, a, end)) is not None:  # "ROME - Bernie Sanders"
        out.append(Span(doc, a, dash, label="GPE"))
        a = dash + 1

    def whole() -> bool:  # a known body's name holds a possessive: "People's Liberation Army"
        return known(doc_text(doc)[doc[ent.start].idx : doc[end - 1].idx + len(words[end - 1])])

    for k in range(ent.start, end):
        text = words[k]
        if (
            text in ("'s", "’s")
            and k > a
            and not (k + 1 < end and words[k + 1].lower() in _BODY_HEADS)
            and not _group_owned(words, k, end, label)
            and not whole()
        ):
            out.append(Span(doc, a, k, label=label))
            return out  # what follows belongs to the owner, not a name of its own
        inner = ent.start < k < end - 1
        if label == "PERSON" and inner and _caps_word(text) and _mixed_case(words, ent.start, end):
            before = doc_text(doc)[doc[ent.start].idx : doc[k - 1].idx + len(words[k - 1])]
            out = [Span(doc, ent.start, k, label="ORG")] if known(before) else []
            a = k + 1
            continue
        cut = glued_score(words, k, a) or (
            inner
            and (
                (
                    text == ","
                    and label != "GPE"
                    and words[k + 1].strip(".").lower() not in _AFTER_COMMA
                    and not _subject_list(words, ent.start, k, end)
                )
                or (text.isalpha() and text.islower() and text not in PARTICLES)
                or (text == "/" and not _coded(words, ent.start, end))  # a credit: "Jonathan Drake / Reuters"
                or text in (":", "(")  # a list's label, "Battin: Dealing"; a ticker, "Composite (SHCOMP"
            )
        )
        if cut:
            if k > a:
                out.append(Span(doc, a, k, label=label))
            if text in (":", "("):
                return out  # what follows describes the name: "Battin: Dealing in ...", "(SHCOMP"
            a = k + 1
    if a < end:
        out.append(Span(doc, a, end, label=label))
    return out


def _mixed_case(words: Sequence[str], start: int, end: int) -> bool:
    """Whether a capitalised word of ``words[start:end]`` is not all capitals: no heading's."""
    return any(not w.isupper() for w in words[start:end] if w[:1].isupper())


def _coded(words: Sequence[str], start: int, end: int) -> bool:
    """Whether ``words[start:end]`` hold a digit: a code, no names ("FHC/ABJ/03/095/2018"). (Asked
    only at a slash, so most spans never build their text.)"""
    return any(c.isdigit() for w in words[start:end] for c in w)


#: Dashes that end a dateline ("ROME -", "WASHINGTON —").
_DATELINE_DASHES = frozenset({"-", "--", "–", "—", "―"})  # as ``countries.is_dateline``'s


def _dateline_dash(doc: Doc, a: int, end: int) -> int | None:
    """The dash after a dateline that opens the span ``[a, end)``: words in capitals at the start
    of a line or sentence ("ROME", "NEW YORK"), then a dash, then more of the span ("ROME - Bernie
    Sanders"). The dateline is a place, and what follows the dash is the name."""
    words = doc_words(doc)
    if not (a == 0 or "\n" in words[a - 1] or doc[a].is_sent_start):
        return None
    k = a
    while k < end and words[k].isalpha() and words[k].isupper() and len(words[k]) >= 2:
        k += 1
    return k if a < k < end - 1 and words[k] in _DATELINE_DASHES else None


#: Words that open the subjects a body's name lists ("Council on Energy, Environment and Water").
_SUBJECT_PREPOSITIONS = frozenset({"of", "on", "for"})


def _subject_list(words: Sequence[str], start: int, k: int, end: int) -> bool:
    """Whether the comma ``words[k]`` inside a name separates the subjects of a body listed after
    "of", "on" or "for" and closed by "and" or "&" ("Council on Energy, Environment and Water",
    "Department of Health, Education and Welfare"): one name, not two. The words from the
    preposition to the end are capitalised words, commas and the closing conjunction only."""
    at = next((i for i in range(k - 1, start, -1) if words[i] in _SUBJECT_PREPOSITIONS), None)
    if at is None or not any(words[i] in ("and", "&") for i in range(k + 1, end - 1)):
        return False
    return all(w[:1].isupper() or w in (",", "and", "&") for w in words[at + 1 : end])


#: Heads of a body's name that a possessive stands before inside the name ("Bartholomew County
#: Sheriff's Department", "U.S. Attorney's Office", "Children's Hospital"): no cut there.
_BODY_HEADS = frozenset(
    {"department", "office", "hospital", "association", "fund", "foundation", "union", "council"}
    | {"committee", "commission", "bureau", "service", "league", "court", "museum", "club", "college"}
)


#: Last words of a body's name that a group's possessive may open ("People's Democratic Party",
#: "People's Liberation Army", "Workers' Party"), besides :data:`_BODY_HEADS`.
_NAME_HEADS = _BODY_HEADS | frozenset(
    {"party", "army", "front", "movement", "alliance", "congress", "assembly"}
)


def _group_owned(words: Sequence[str], k: int, end: int, label: str) -> bool:
    """Whether the possessive at ``k`` opens a body's name with a group of people as its owner
    ("People's Democratic Party", "Women's Equality Party"): a group noun of ``sectors.tsv``
    ("people", "women", "workers") before it and a body's head word ending the span; a person's
    or a place's possessive ("Trump's Republican Party") still cuts."""
    owner = words[k - 1].lower()
    return (
        label != "PERSON"
        and words[end - 1].lower() in _NAME_HEADS
        and actors.sector_of(owner) is not None
        and actors.country_code(words[k - 1]) is None
    )


def glued_score(words: Sequence[str], k: int, start: int) -> bool:
    """Whether the number ``words[k]`` after a name starting at ``start`` is a score glued onto it:
    another name and number follow ("Liverpool 0 Chelsea 2"), a dash and a number follow
    ("Arsenal 1-0"), or a number stands right before the name ("... Chelsea 2 Liverpool 0"). A
    number alone after a name is part of it: a channel's ("Fox 5", "NBC 4"), not a score."""
    if not (words[k].isdigit() and len(words[k]) <= _SCORE_DIGITS):
        return False
    after = [w for w in words[k + 1 : k + 6] if w.strip()]
    if after[:2] and after[0] in ("-", "–") and after[1].isdigit():
        return True
    names = 0
    while names < len(after) and names < 3 and after[names][:1].isupper() and after[names].isalpha():
        names += 1
    if 0 < names < len(after) and after[names].isdigit() and len(after[names]) <= _SCORE_DIGITS:
        return True
    before = [w for w in words[max(0, start - 3) : start] if w.strip()]
    return bool(before) and before[-1].isdigit() and len(before[-1]) <= _SCORE_DIGITS


def counts_after(doc: Doc, k: int, end: int) -> bool:
    """Whether the number ``doc[k]`` closing a name is a count of a word after the name (the parse
    makes it that word's number: "Laquan McDonald 16 times"), not a part of the name ("Fox 5
    reported": the parse hangs the number on "Fox")."""
    token = doc[k]
    return token.dep_ == "nummod" and token.head.i >= end
