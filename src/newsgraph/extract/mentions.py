"""Name mentions of one article: the model's entity spans, cleaned, before they are grouped into
entities (``extract/entity_groups.py``).

Cleaning:

- a dateline the model took into the name after it is cut off and is a place mention of its own
  ("ROME - Bernie Sanders" -> "ROME", "Bernie Sanders");
- a leading "the"/"a", possessive pieces ("’s Order") and stray punctuation ("[Mykhailo Fedorov")
  at either end are trimmed, and so are a score glued onto a name in a sports table ("Liverpool
  0") and a lower-case prefix before a hyphen ("anti-Muslim" -> "Muslim"); a lower-case word
  after the name is trimmed ("Logar province") unless a hyphen glues it on ("Kim Jong-un");
- a span with no capital letter is no name ("mm", "government", "military": nominal institutions
  are found by their own table, ``nominal_actors.txt``);
- the words of ``entity_stoplist.txt``, names inside an official title ("State" in "Secretary of
  State") and unknown all-capitals words of headings are dropped;
- pieces of one untagged full name tagged one by one ("Suu", "Kyi") become one mention, and so does
  a known person's name the model tagged only in part;
- a name the model tagged PERSON that ends in a company, outlet or club word ("Plymouth Live",
  ``entity_org_words.txt``) or in a word in capitals ("Clipboard AI") is an organisation;
- a country's name or capital from the country table that the model left untagged is a ``GPE``
  mention (``extract/untagged_places.py``: "Russia hits Kyiv");
- products, ideologies and common words capitalised only because they open a sentence are no
  names (``extract/not_names.py``), and a question's auxiliary is no part of the name after it
  ("Will Warren continue ...?")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span

from ..records import ENTITY_TYPES
from ..resolve import actors
from ..resolve.titles import titles
from ..tables import data_lines, data_rows
from .annotations import article_context, doc_text, doc_words
from .not_names import disease, ideology, opening_common_word, paired_names, product_name
from .roles import title_spans
from .untagged_places import untagged_places

#: spaCy labels that become entities.
LABELS = frozenset(ENTITY_TYPES)
_LEADING = frozenset({"the", "The", "a", "A", "an", "An"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})
#: Characters trimmed from either end of a mention (brackets, quotes, dashes, stray marks).
_STRAY = "[](){}<>\"'“”‘’«»*#@|/\\,;:!?-–—_=+~^`•·"
#: A score glued onto a name is at most this many digits ("Liverpool 0", "Arsenal 12").
_SCORE_DIGITS = 2
#: Lower-case words before a hyphen that open an Arabic name ("al-Shabab", "el-Sisi"): kept.
_NAME_PREFIXES = frozenset({"al", "el", "ad", "an", "as", "ash", "at", "az", "bin", "ibn", "abu", "ben"})
_ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})


@cache
def stoplist() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in data_lines("newsgraph.extract", "entity_stoplist.txt"))


@cache
def org_words() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in data_lines("newsgraph.extract", "entity_org_words.txt"))


@cache
def event_words() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.extract", "entity_event_words.txt"))


@cache
def law_words() -> frozenset[str]:
    """Last words of laws, clauses and scriptures (``entity_law_words.txt``)."""
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.extract", "entity_law_words.txt"))


@cache
def address_words() -> frozenset[str]:
    """Words of address ("Mr.", "Rt. Hon."), lower case without dots (``honorifics.txt``)."""
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.resolve", "honorifics.txt"))


#: Lower-case words that may stand inside a name ("Bank of England", "Braunau am Inn", "Osama bin
#: Laden", "Committee to Protect Journalists"); any other lower-case word between the capitalised
#: words of a span ends a name ("Garrett hit Rudolph": two names and a verb).
_PARTICLES = frozenset(
    "of the and for to on at in upon without with against de da das do dos del della delle degli di du"
    " des la le les lo los las van von der den ter ten het op zu am an im und y e et el al bin ibn bint"
    " ben ul ud ur sur en au aux".split()
)
#: What may follow a comma inside a name ("Martin Luther King, Jr.", "Acme, Inc."); any other word
#: after a comma starts another name ("CBS All Access, Disney").
_AFTER_COMMA = frozenset({"jr", "sr", "inc", "ltd", "llc", "co", "corp", "plc", "llp", "ii", "iii", "iv"})
#: Marks that open and close a quotation: a name that fills one is the title of a work.
_OPENING = "“‘\"'«"
_CLOSING = "”’\"'»"


@dataclass(slots=True)
class Mention:
    """A name in the text: tokens ``[i, j)``, characters ``[start, end)``."""

    i: int
    j: int
    start: int
    end: int
    text: str
    label: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


def name_tokens(text: str) -> list[str]:
    """The capitalised words of a name ("Wang", "Yi" of "Wang Yi")."""
    return [t for t in text.replace("’", "'").split() if t[:1].isupper()]


def _stray(text: str) -> bool:
    return all(c in _STRAY or c.isspace() for c in text)


def mention_of(span: Span) -> Mention | None:
    """The span cleaned (see the module docstring); None when no name is left."""
    i, j = span.start, span.end
    doc = span.doc
    words = doc_words(doc)  # plain strings: no Token made per look (``is_lower``/``is_alpha`` are
    # spaCy's ``str.islower``/``str.isalpha`` of the word)
    while i < j and (words[i] in _LEADING or words[i] in _POSSESSIVE or _stray(words[i])):
        i += 1
    while i + 2 < j and words[i].islower() and words[i].isalpha() and words[i + 1] == "-":
        if words[i] in _NAME_PREFIXES:
            break  # "al-Shabab", "bin-Laden": the article of an Arabic name is part of it
        i += 2  # "anti-Muslim", "pro-Clinton": the name is after the prefix
    while j > i and (words[j - 1] in _POSSESSIVE or _stray(words[j - 1])):
        j -= 1
    if j - i > 1 and _score(words, j - 1, i):
        j -= 1  # "Liverpool 0"
        while j > i and _stray(words[j - 1]):
            j -= 1
    if j - i > 1 and words[j - 1].isdigit() and _counts_after(doc, j - 1, j):
        j -= 1  # "shooting Laquan McDonald 16 times": the number counts the noun after the name
    while j - i > 1 and words[j - 1].isalpha() and words[j - 1].islower() and not _glued(doc, j - 1):
        j -= 1  # "Logar province", "Republican hopefuls": the name is the capitalised part
    if i >= j:
        return None
    start, end = doc[i].idx, doc[j - 1].idx + len(words[j - 1])
    text = doc_text(doc)[start:end]  # the span's text, cut from the doc's text built once
    if text.endswith(("'s", "’s")):  # "Korea's" kept as one token by the tokenizer
        text, end = text[:-2], end - 2
    lead = len(text) - len(text.lstrip(_STRAY))  # "[Mykhailo" is one token
    trail = len(text) - len(text.rstrip(_STRAY))  # dots stay: "U.S.", "Jr."
    text, start, end = text[lead : len(text) - trail], start + lead, end - trail
    if not text or not any(c.isupper() for c in text):
        return None  # "mm", "government"
    return Mention(i, j, start, end, text, span.label_)


def _glued(doc: Doc, k: int) -> bool:
    """Whether word ``k`` is glued by a hyphen to the word before, no space between: a syllable of
    a hyphenated given name ("Kim Jong-un", "Moon Jae-in", "Cheuk Hau-yip"), not a word of its own."""
    return k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ and not doc[k - 1].whitespace_


def _in_heading(m: Mention, headings: tuple[tuple[int, int], ...]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in headings)


def known(text: str) -> bool:
    return actors.country_code(text) is not None or actors.organisation(text) is not None


def collect_mentions(doc: Doc, ents: Sequence[Span] | None = None) -> list[Mention]:
    """The model's entity spans (``ents``: ``doc.ents``, which spaCy rebuilds on each access, when
    not given), cleaned and filtered (see the module docstring)."""
    headings = article_context(doc).headings
    inside_titles = [(s.start, s.end) for s in title_spans(doc)]
    out: list[Mention] = []
    spans = doc.ents if ents is None else ents
    for ent in spans:
        if ent.label_ not in LABELS:
            continue
        for piece in _pieces(ent):
            _collect(piece, out, headings, inside_titles)
    out = _trim_title_case(doc, out)
    # "Russia hits Kyiv": not in a span of the model's, whatever its label ("40 million New
    # Zealand dollars" is money)
    spanned = {t for ent in spans for t in range(ent.start, ent.end)}
    for i, j in untagged_places(doc, spanned, title_case_lines(doc)):
        span = doc[i:j]
        out.append(Mention(i, j, span.start_char, span.end_char, span.text, "GPE"))
    out.sort(key=lambda m: m.i)
    taken = {t for m in out for t in range(m.i, m.j)}
    for n, m in enumerate(out):
        if m.label == "PERSON":
            out[n] = _known_extension(doc, m, taken)
            if not person_like(out[n].text):
                out[n].label = "ORG"  # "Plymouth Live", "Clipboard AI"
    return out


#: A line is in title case when it has this many capitalised words of four letters or more ...
_TITLE_CASE_WORDS = 4
#: ... and they are this share of its words of four letters or more (all: a sentence has "said").
_TITLE_CASE_SHARE = 1.0
#: ... and it has at most this many words (a headline, not a paragraph).
_HEADLINE_WORDS = 20


def title_case_lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the lines written in title case ("GOP Rep McCaul Announces Bill Revoking
    Hillary’s Security Clearance"), where the model takes runs of capitalised words for names."""
    words = doc_words(doc)
    n_words = len(words)
    out: list[tuple[int, int]] = []
    start = 0
    for k in range(n_words + 1):
        if k < n_words and "\n" not in words[k]:
            continue
        end = min(k + 1, n_words)
        line = words[start:end]
        # the cheap tests first: most lines are prose, with a full stop early on
        if (
            n_words - len(line) >= 2 * len(line)
            and sum(  # a text around it to confirm the names
                w in (".", "?", "!")
                for w in line[:-2]  # one headline, not sentences (the first line may hold two)
            )
            <= (start == 0)
        ):
            long = [w for w in line if len(w) >= 4 and w.isalpha()]
            caps = sum(w[:1].isupper() for w in long)
            if (
                _TITLE_CASE_WORDS <= caps >= _TITLE_CASE_SHARE * len(long)
                and sum(w.isalpha() for w in line) <= _HEADLINE_WORDS
            ):
                out.append((start, end))
        start = end
    return out


def _trim_title_case(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions inside a title-case line cut down to the words the rest of the text also writes
    with a capital ("Billy Bush Joins" -> "Billy Bush", "Bill Revoking Hillary" -> "Hillary"),
    unless the whole name is a known person, country or organisation."""
    lines = title_case_lines(doc)
    if not lines:
        return mentions
    inside = {t for a, b in lines for t in range(a, b)}
    words = doc_words(doc)
    body = {  # capitalised words of the text, not at a sentence's or line's start
        w
        for k, w in enumerate(words)
        if k
        and k not in inside
        and w[:1].isupper()
        and words[k - 1] not in _ENDS
        and "\n" not in words[k - 1]
    }
    out: list[Mention] = []
    for m in mentions:
        if m.i not in inside or m.j - m.i < 2 or known(m.text) or actors.is_known_person(m.text):
            out.append(m)
            continue
        run: list[int] = []
        for k in [*range(m.i, m.j), -1]:
            if k >= 0 and (words[k] in body or known(words[k])):
                run.append(k)
                continue
            if run:
                piece = mention_of(Span(doc, run[0], run[-1] + 1, label=m.label))
                if piece is not None:
                    out.append(piece)
            run = []
    return out


_ENDS = frozenset({".", "?", "!", ":", '"', "“", "‘", "'"})
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


def _pieces(ent: Span) -> list[Span]:
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
    mixed = any(not w.isupper() for w in words[ent.start : end] if w[:1].isupper())  # not a heading
    coded = any(c.isdigit() for c in ent.text)  # "FHC/ABJ/03/095/2018": a code, no names
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
        if label == "PERSON" and inner and mixed and _caps_word(text):
            before = doc_text(doc)[doc[ent.start].idx : doc[k - 1].idx + len(words[k - 1])]
            out = [Span(doc, ent.start, k, label="ORG")] if known(before) else []
            a = k + 1
            continue
        cut = _score(words, k, a) or (
            inner
            and (
                (
                    text == ","
                    and label != "GPE"
                    and words[k + 1].strip(".").lower() not in _AFTER_COMMA
                    and not _subject_list(words, ent.start, k, end)
                )
                or (text.isalpha() and text.islower() and text not in _PARTICLES)
                or (text == "/" and not coded)  # a credit: "Jonathan Drake / Reuters"
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


#: Dashes that end a dateline ("ROME -", "WASHINGTON —").
_DATELINE_DASHES = frozenset({"-", "--", "–", "—", "―"})  # as ``countries.is_dateline``'s


def _dateline_dash(doc: Doc, a: int, end: int) -> int | None:
    """The dash after a dateline that opens the span ``[a, end)``: words in capitals at the start
    of a line or sentence ("ROME", "NEW YORK"), then a dash, then more of the span ("ROME - Bernie
    Sanders"). The dateline is a place, and what follows the dash is the name."""
    if not (a == 0 or "\n" in doc[a - 1].text or doc[a].is_sent_start):
        return None
    words = doc_words(doc)
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


def _score(words: Sequence[str], k: int, start: int) -> bool:
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


def _counts_after(doc: Doc, k: int, end: int) -> bool:
    """Whether the number ``doc[k]`` closing a name is a count of a word after the name (the parse
    makes it that word's number: "Laquan McDonald 16 times"), not a part of the name ("Fox 5
    reported": the parse hangs the number on "Fox")."""
    token = doc[k]
    return token.dep_ == "nummod" and token.head.i >= end


#: The word between the parties of a court case's name ("Roe v. Wade").
_VERSUS = "v."
#: Words a case's party may hold besides capitalised ones ("Whole Woman's Health", "Bank of X").
_PARTY_GLUE = frozenset({"'s", "’s", "of", "&", "the", "and"})


def _case_name(doc: Doc, m: Mention) -> bool:
    """Whether the mention is a party of a court case's name ("Whole Woman's Health v.
    Hellerstedt", "Roe v. Wade", "United States v. Texas"): the case is the name of a ruling, a
    law-like work the labels leave out, and its parties are named as a case, not as the people or
    bodies they are. A party runs over capitalised words (and possessives, "of", "&") up to a
    lower-case "v." between two such runs; "vs." (a contest: "Clinton vs. Trump") and a bare "v"
    (a fixture: "Arsenal v Chelsea") are no case."""
    words = doc_words(doc)
    if _VERSUS in words[m.i : m.j]:
        return True

    def party(k: int) -> bool:
        return words[k][:1].isupper() or words[k] in _PARTY_GLUE

    k = m.j
    while k < len(words) and party(k):
        k += 1
    if k + 1 < len(words) and words[k] == _VERSUS and words[k + 1][:1].isupper():
        return True
    k = m.i - 1
    while k >= 0 and party(k):
        k -= 1
    return k >= 1 and words[k] == _VERSUS and words[k - 1][:1].isupper()


def _caps_word(text: str) -> bool:
    """A word in capitals inside a person's name: a team's or position's code ("DL"), no initial
    or Roman numeral."""
    return len(text) >= 2 and text.isalpha() and text.isupper() and text not in _ROMAN


def _no_name(doc: Doc, m: Mention) -> bool:
    """What a cleaned span holds that is no entity: a handle or hashtag ("@POTUS"), a party of a
    court case ("Roe v. Wade"), a code or product ("RAV4", "FHC/ABJ/03/095/2018", "pics?I": letters
    and digits or a question mark in one word), an event ("Republican National Convention":
    ``entity_event_words.txt``), a law ("Equal Protection Clause": ``entity_law_words.txt``) or
    the title of a work, a name that fills a quotation ("“Fox & Friends,”"). Names the tables know
    stay (a case's parties aside)."""
    text = doc_text(doc)
    if m.start and text[m.start - 1] in "@#":
        return True
    if _case_name(doc, m):
        return True
    if known(m.text) or actors.is_known_person(m.text):
        return False
    words = m.text.split()
    if any(_code_word(w) for w in words) or words[-1].lower() in event_words():
        return True
    if (
        product_name(doc, m.i, m.j, m.label)
        or ideology(m.text, m.label)
        or paired_names(m.text)
        or disease(m.text)
    ):
        return True  # "Nintendo Switch Lite", "Dell G3"; "National Socialism"; "U.S.-Mexico border"
    if opening_common_word(doc, m.i, m.j, m.label):
        return True  # "Rice production ..." beside "plant rice"; "Accurate or not, ..."
    if len(words) >= 2 and words[-1].lower() in law_words() and not words[-1].isupper():
        return True  # "Equal Protection Clause", "Foreign Agents Registration Act": a law
    return _street(doc, m, words) or _quoted(text, m.start, m.end)


@cache
def street_words() -> dict[str, str]:
    """Last words of street names -> "always" or "numbered" (``extract/data/street_words.tsv``)."""
    return {row[0]: row[1] for row in data_rows("newsgraph.extract", "street_words.tsv", strip=True)}


def _street(doc: Doc, m: Mention, words: list[str]) -> bool:
    """Whether a mention is a street's name ("Gladstone Avenue", "1909 Jolinda Drive"): its last
    word is a street word, after a house number when the word ends other names too ("Place")."""
    if len(words) < 2:
        return False
    when = street_words().get(words[-1].lower().rstrip("."))
    if when == "always":
        return True
    return when == "numbered" and m.i > 0 and doc[m.i - 1].text.isdigit()


def _subheading(doc: Doc, m: Mention) -> bool:
    """A one-word name the model took for a person that stands alone on its line ("Lawbreaker?"
    between two paragraphs): a subheading, not a person (a known person's name aside)."""
    if m.label != "PERSON" or m.j - m.i != 1 or actors.is_known_person(m.text):
        return False
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return line.strip(_STRAY + ".… ") == m.text and line_start > 0


def _code_word(word: str) -> bool:
    letters = any(c.isalpha() for c in word)
    return (letters and any(c.isdigit() for c in word)) or ("?" in word[:-1] or "!" in word[:-1])


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` fills a quotation: an opening mark right before it (after a
    space or the start), a closing one right after it or after a comma or stop, and no letter
    after that (not a possessive "’s")."""
    if not start or text[start - 1] not in _OPENING or (start > 1 and text[start - 2].isalnum()):
        return False
    k = end + 1 if end < len(text) and text[end] in ",.!?" else end
    return k < len(text) and text[k] in _CLOSING and not (k + 1 < len(text) and text[k + 1].isalpha())


def _collect(
    ent: Span, out: list[Mention], headings: tuple[tuple[int, int], ...], inside_titles: list[tuple[int, int]]
) -> None:
    """Add the cleaned mention of ``ent`` to ``out`` unless it is no name."""
    doc = ent.doc
    m = mention_of(ent)
    if m is None or m.text.lower() in stoplist() or _no_name(doc, m) or _subheading(doc, m):
        return
    if m.label != "PERSON":
        m = _without_trailing_titles(doc, m, inside_titles)
        if m is None:
            return
    if any(s <= m.i and m.j <= e for s, e in inside_titles) and not _body_opening_title(m, inside_titles):
        return  # "State" in "Secretary of State"
    if _in_heading(m, headings) and m.text.isupper() and not known(m.text):
        return  # "DIRE" in "GAZA SITUATION 'DIRE'"
    if out and m.label == "PERSON" and out[-1].label == "PERSON" and out[-1].j == m.i:
        prev = out[-1]  # "Suu" "Kyi": one name tagged piece by piece
        out[-1] = Mention(prev.i, m.j, prev.start, m.end, doc[prev.i : m.j].text, "PERSON")
        return
    out.append(m)


def _body_opening_title(m: Mention, inside_titles: list[tuple[int, int]]) -> bool:
    """Whether a mention is a body named at the start of a longer title ("House" of "House
    Speaker", "Senate" of "Senate Minority Leader"): a name inside a title, which the labels'
    guide counts as a mention of the body (not "State" of "Secretary of State")."""
    opens = any(s == m.i and m.j < e for s, e in inside_titles)
    return opens and m.label in ("ORG", "FAC") and actors.organisation(m.text) is not None


def _without_trailing_titles(doc: Doc, m: Mention, inside_titles: list[tuple[int, int]]) -> Mention | None:
    """An organisation's or place's name without a title or word of address glued after it
    ("House of Representatives Speaker", "House of Representatives Rt. Hon."); None when nothing
    is left."""
    words = doc_words(doc)
    j = m.j
    while j - m.i > 1:
        word = words[j - 1].lower().strip(".")
        if not doc[j - 2].whitespace_ and word:  # "Port-au-Prince": one word
            break
        if words[j - 2] in _PARTICLES:  # "Department of Justice", "Office of the President": the
            break  # title is the object of the body's name, not a title of its own after it
        if not word or word in address_words() or any(s <= j - 1 < e for s, e in inside_titles):
            j -= 1
            continue
        break
    return m if j == m.j else mention_of(Span(doc, m.i, j, label=m.label))


#: How many untagged words a known person's partly tagged name may grow by on each side.
_EXTEND = 2


def _known_extension(doc: Doc, m: Mention, taken: set[int]) -> Mention:
    """``m`` grown over untagged capitalised words around it when that makes the name of a known
    person ("Suu Kyi" -> "Aung San Suu Kyi"); else ``m``."""
    words = doc_words(doc)

    def grows(k: int) -> bool:
        return 0 <= k < len(words) and k not in taken and words[k][:1].isupper() and words[k].isalpha()

    if not (grows(m.i - 1) or grows(m.j)):
        return m  # nothing untagged and capitalised beside it: the common case, decided cheaply
    best = m
    lo, hi = (doc[m.i].sent.start, doc[m.i].sent.end) if doc.has_annotation("SENT_START") else (0, len(doc))
    for left in range(_EXTEND + 1):
        for right in range(_EXTEND + 1):
            if not left and not right:
                continue
            i, j = m.i - left, m.j + right
            if i < lo or j > hi:
                continue
            extra = [*range(i, m.i), *range(m.j, j)]
            if any(t in taken or not doc[t].text[:1].isupper() or not doc[t].is_alpha for t in extra):
                continue
            text = doc[i:j].text
            plain = actors.split_honorifics(text)[0] == text  # no title: "President X" stays X
            if len(text) > len(best.text) and plain and actors.is_known_person(text):
                best = Mention(i, j, doc[i].idx, doc[i].idx + len(text), text, "PERSON")
    if best is not m:
        taken.update(range(best.i, best.j))
    return best


def person_like(text: str) -> bool:
    """Whether a name the model tagged PERSON can be a person's: not when its last word is a
    company, outlet or club word or is written in capitals (a Roman numeral aside), nor when it
    holds a number, nor when ``organisations.tsv`` knows it with a country ("Boko Haram"). Names of
    ``people.tsv`` always can."""
    words = text.split()
    if len(words) < 2 or actors.is_known_person(text):
        return True
    org = actors.organisation(text)
    if org is not None and org.code:
        return False  # "Boko Haram": an armed group the tables know, whatever the model says
    last = words[-1].strip(".,")
    if any(w.isdigit() for w in words) or last.lower() in org_words():
        return False
    return not (len(last) >= 2 and last.isupper() and last.isalpha() and last not in _ROMAN)
