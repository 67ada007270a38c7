"""Name mentions of one article: the model's entity spans, cleaned, before they are grouped into
entities (``extract/entity_groups.py``).

Cleaning:

- a span holding several names or more than a name is cut first (``extract/span_pieces.py``: a
  dateline, "ROME - Bernie Sanders" -> "ROME", "Bernie Sanders"; scores; a sentence's opening
  word; lists);
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
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from ..records import ENTITY_TYPES
from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from ..tables import data_lines, data_rows
from .annotations import article_context, doc_text, doc_word_set, doc_words, sent_bounds, word_lines
from .caps_lines import caps_line_names, caps_lines
from .not_names import (
    disease,
    ideology,
    measured_product,
    opening_common_word,
    paired_names,
    product_line,
    product_name,
)
from .role_titles import title_ranges
from .span_pieces import ENDS, PARTICLES, ROMAN, counts_after, glued_score, known, pieces
from .untagged_places import untagged_places

#: spaCy labels that become entities.
LABELS = frozenset(ENTITY_TYPES)
_LEADING = frozenset({"the", "The", "a", "A", "an", "An"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})
#: Characters trimmed from either end of a mention (brackets, quotes, dashes, stray marks).
_STRAY = "[](){}<>\"'“”‘’«»*#@|/\\,;:!?-–—_=+~^`•·"
#: Lower-case words before a hyphen that open an Arabic name ("al-Shabab", "el-Sisi"): kept.
_NAME_PREFIXES = frozenset({"al", "el", "ad", "an", "as", "ash", "at", "az", "bin", "ibn", "abu", "ben"})


@cache
def stoplist() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in data_lines("newsgraph.extract", "entity_stoplist.txt"))


@cache
def stat_words() -> frozenset[str]:
    """Words a player's count in a results line is of (``entity_stat_words.txt``)."""
    return frozenset(
        line.strip().lower() for line in data_lines("newsgraph.extract", "entity_stat_words.txt")
    )


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
    return list(_name_tokens(text))


@lru_cache(maxsize=65536)
def _name_tokens(text: str) -> tuple[str, ...]:
    """:func:`name_tokens`, remembered: a name's words are asked for by most steps of grouping."""
    return tuple(t for t in text.replace("’", "'").split() if t[:1].isupper())


@lru_cache(maxsize=65536)
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
    if j - i > 1 and glued_score(words, j - 1, i):
        j -= 1  # "Liverpool 0"
        while j > i and _stray(words[j - 1]):
            j -= 1
    label = span.label_
    if j - i > 2 and words[j - 1].lower() in stat_words() and words[j - 2].isdigit():
        j -= 2  # "K. Hupfer 1 goal", all in the span: a player's count in a results line
        label = "PERSON"
    elif j - i > 1 and words[j - 1].isdigit() and j < len(words) and words[j].lower() in stat_words():
        j -= 1  # "K. Hupfer 1" before "goal"
        label = "PERSON"
    elif j - i > 1 and words[j - 1].isdigit() and counts_after(doc, j - 1, j):
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
    return Mention(i, j, start, end, text, label)


def _glued(doc: Doc, k: int) -> bool:
    """Whether word ``k`` is glued by a hyphen to the word before, no space between: a syllable of
    a hyphenated given name ("Kim Jong-un", "Moon Jae-in", "Cheuk Hau-yip"), not a word of its own."""
    return k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ and not doc[k - 1].whitespace_


def _in_heading(m: Mention, headings: tuple[tuple[int, int], ...]) -> bool:
    return any(s <= m.start and m.end <= e for s, e in headings)


def collect_mentions(doc: Doc, ents: Sequence[Span] | None = None) -> list[Mention]:
    """The model's entity spans (``ents``: ``doc.ents``, which spaCy rebuilds on each access, when
    not given), cleaned and filtered (see the module docstring)."""
    headings = article_context(doc).headings
    inside_titles = list(title_ranges(doc))
    out: list[Mention] = []
    spans = doc.ents if ents is None else ents
    for ent in spans:
        if ent.label_ not in LABELS:
            continue
        for piece in pieces(ent):
            _collect(piece, out, headings, inside_titles)
    out = _without_products(doc, out)
    out = _without_families(out)
    lines = title_case_lines(doc)
    out = _trim_title_case(doc, out, lines)
    # "Russia hits Kyiv": not in a span of the model's, whatever its label ("40 million New
    # Zealand dollars" is money)
    spanned = {t for ent in spans for t in range(ent.start, ent.end)}
    for i, j in untagged_places(doc, spanned, lines):
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


def _without_products(doc: Doc, out: list[Mention]) -> list[Mention]:
    """``out`` without the mentions of a name the article shows to be a product's by a measure
    before one of them ("the 16-inch MacBook Pro": also "MacBook Pro" and "older MacBook Pro"
    elsewhere; ``not_names.measured_product``). Names the tables know stay."""
    products = {
        m.text
        for m in out
        if measured_product(doc, m.i, m.label) and not (known(m.text) or actors.is_known_person(m.text))
    }
    if not products:
        return out
    return [m for m in out if not any(m.text == p or m.text.endswith(" " + p) for p in products)]


def _without_families(out: list[Mention]) -> list[Mention]:
    """``out`` without a family named by the plural of a surname the article gives a person ("the
    Bidens" beside "Joe Biden"), which the model tags a place or a group: a family is no place,
    and not one person. A plural the gazetteer or the country table knows stays ("Philippines")."""
    surnames = {name_tokens(m.text)[-1] for m in out if m.label == "PERSON" and len(name_tokens(m.text)) >= 2}
    families = {s + "s" for s in surnames} | {s + "es" for s in surnames if s.endswith("s")}

    def family(m: Mention) -> bool:
        return (
            m.label in ("GPE", "LOC", "NORP")
            and m.text in families
            and not gazetteer().candidates(m.text)
            and actors.country_code(m.text) is None
        )

    return [m for m in out if not family(m)] if families else out


#: A line is in title case when it has this many capitalised words of four letters or more ...
_TITLE_CASE_WORDS = 4
#: ... and they are this share of its words of four letters or more (all: a sentence has "said").
_TITLE_CASE_SHARE = 1.0
#: ... and it has at most this many words (a headline, not a paragraph).
_HEADLINE_WORDS = 20


def in_caps_lines(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with those of the lines written in capitals ("SAUDI PRINCE MOCKS TRUMP ON
    TWITTER") rebuilt from the names the rest of the text or the tables know
    (``extract/caps_lines.py``)."""
    capitals = caps_lines(doc)
    if not capitals:
        return mentions
    drop, added = caps_line_names(doc, mentions, capitals)
    out = [m for n, m in enumerate(mentions) if n not in drop]
    for i, j, label in added:
        span = doc[i:j]
        out.append(Mention(i, j, span.start_char, span.end_char, span.text, label))
    return sorted(out, key=lambda m: m.i)


def title_case_lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the lines written in title case ("GOP Rep McCaul Announces Bill Revoking
    Hillary’s Security Clearance"), where the model takes runs of capitalised words for names."""
    words = doc_words(doc)
    n_words = len(words)
    out: list[tuple[int, int]] = []
    for start, end in word_lines(words):
        line = words[start:end]
        # the cheap tests first: most lines are prose, with a full stop early on; a text around
        # it to confirm the names, and one headline, not sentences (the first line may hold two;
        # the stops counted in C)
        if n_words - len(line) >= 2 * len(line) and _stops(line[:-2]) <= (start == 0):
            long = [w for w in line if len(w) >= 4 and w.isalpha()]
            caps = sum(w[:1].isupper() for w in long)
            if (
                _TITLE_CASE_WORDS <= caps >= _TITLE_CASE_SHARE * len(long)
                and sum(w.isalpha() for w in line) <= _HEADLINE_WORDS
            ):
                out.append((start, end))
    return out


def _stops(words: list[str]) -> int:
    """How many of ``words`` are a full stop, question or exclamation mark."""
    return words.count(".") + words.count("?") + words.count("!")


def _trim_title_case(doc: Doc, mentions: list[Mention], lines: list[tuple[int, int]]) -> list[Mention]:
    """Mentions inside a title-case line cut down to the words the rest of the text also writes
    with a capital ("Billy Bush Joins" -> "Billy Bush", "Bill Revoking Hillary" -> "Hillary"),
    unless the whole name is a known person, country or organisation (``lines``: the doc's
    :func:`title_case_lines`)."""
    if not lines:
        return mentions
    inside = {t for a, b in lines for t in range(a, b)}
    words = doc_words(doc)
    body = {  # capitalised words of the text, not at a sentence's or line's start
        w
        for k, w in enumerate(words)
        if k and k not in inside and w[:1].isupper() and words[k - 1] not in ENDS and "\n" not in words[k - 1]
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
    if _VERSUS not in doc_word_set(doc):
        return False  # no "v." in the text: no case (most articles; one look-up per mention)
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


#: Party letters of a US politician's party-and-state tag ("R-Neb.", "D-Minn.").
_PARTY_LETTERS = frozenset({"R", "D", "I"})


def _party_tag(doc: Doc, i: int) -> bool:
    """Whether the name at ``i`` is the state of a party-and-state tag: a party's letter and a
    hyphen glued before it ("R-Neb.", "D-Calif."), which the labels' guide leaves out."""
    return (
        i >= 2
        and doc[i - 1].text == "-"
        and doc[i - 2].text in _PARTY_LETTERS
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    )


#: The results lines' "defeated" between two teams' names ("Viera d. Rockledge 3-1").
_DEFEATED = frozenset({"d.", "def."})


def _no_name(doc: Doc, m: Mention) -> bool:
    """What a cleaned span holds that is no entity: a handle or hashtag ("@POTUS"), a party of a
    court case ("Roe v. Wade"), a letter alone ("the G and H keys"), two teams of a results line
    ("Viera d. Rockledge"), a code or product ("RAV4", "FHC/ABJ/03/095/2018", "pics?I": letters
    and digits or a question mark in one word), an event
    ("Republican National Convention": ``entity_event_words.txt``), a law ("Equal Protection
    Clause": ``entity_law_words.txt``) or the title of a work, a name that fills a quotation ("“Fox
    & Friends,”"). Names the tables know stay (a case's parties aside)."""
    text = doc_text(doc)
    if m.start and text[m.start - 1] in "@#":
        return True
    if _case_name(doc, m):
        return True
    if any(w in _DEFEATED for w in m.text.split()[1:-1]):
        return True  # "Palm Bay d. Rockledge": two teams of a results line, no one name
    if len(m.text.rstrip(".")) == 1:
        return True  # "the G, H and J keys", "T. cruzi": a letter alone names nothing
    if known(m.text) or actors.is_known_person(m.text):
        return False
    words = m.text.split()
    if any(_code_word(w) for w in words) or words[-1].lower() in event_words():
        return True
    if _party_tag(doc, m.i):
        return True  # "Sen. Ben Sasse, R-Neb.": the state of a party-and-state tag
    if (
        product_line(m.text)
        or product_name(doc, m.i, m.j, m.label)
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
        if words[j - 2] in PARTICLES:  # "Department of Justice", "Office of the President": the
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
    lo, hi = sent_bounds(doc, m.i) if doc.has_annotation("SENT_START") else (0, len(doc))
    for left in range(_EXTEND + 1):
        for right in range(_EXTEND + 1):
            if not left and not right:
                continue
            i, j = m.i - left, m.j + right
            if i < lo or j > hi:
                continue
            if not all(map(grows, [*range(i, m.i), *range(m.j, j)])):  # the doc's words: no Token
                continue  # per look ("is_alpha" is ``str.isalpha`` of the word)
            start = doc[i].idx
            text = doc_text(doc)[start : doc[j - 1].idx + len(words[j - 1])]  # ``doc[i:j].text``, no Span
            plain = actors.split_honorifics(text)[0] == text  # no title: "President X" stays X
            if len(text) > len(best.text) and plain and actors.is_known_person(text):
                best = Mention(i, j, start, start + len(text), text, "PERSON")
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
    return not (len(last) >= 2 and last.isupper() and last.isalpha() and last not in ROMAN)
