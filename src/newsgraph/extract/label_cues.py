"""Types told by a lower-case noun right before a name, and by a name's own place words, made on
the cleaned mentions after the shape rules of ``extract/labels.py`` (which calls
:func:`cue_labels`):

- **A person's noun before a name** (``name_cues.tsv``: "historian", "strategist", "actor") makes a
  name of two or three capitalised words the model tagged ``ORG``, ``GPE``, ``FAC`` or ``LOC`` a
  person ("monetary historian David Marsh", "chief strategist Guy Cecil"), when its first word
  is a given name of the census lists ("Goldman Sachs" is not), no table knows it and it holds no
  company or place word.
- **An organisation's noun before a name** ("website", "company", "maker", "service") makes a name
  of up to three words the model tagged ``PERSON``, ``GPE`` or ``LOC`` an organisation
  ("fact-checking website Full Fact", "streaming service Hulu"), wherever the article writes
  it, when it is no person of ``people.tsv``, no country and no place the gazetteer knows.
- **A region the model tagged ``GPE``** that the gazetteer knows only as a region, continent, sea or
  water is ``LOC`` ("North Africa", "Southeast Asia").
- **A place before "-based"** is a place ("an Amritsar-based agent", tagged ``ORG``), and a
  one-word name tagged ``ORG`` or ``FAC`` after a locative preposition ("in Tamarac") that the
  gazetteer knows as a state, province or city and no table as a body is a place too.

- **A place before a body's name** the model left untagged ("Bartholomew County" + "Sheriff's
  Department") is that body's name (:func:`grow_place_bodies`, a span fix); so is a place the
  parse makes a compound of one untagged capitalised word that closes the name, no title, group
  noun, given name, place or known word ("Oklahoma City" + "Thunder": a team, not the city).
- **A place cut before a particle** is made whole when the gazetteer has the longer name
  ("Braunau" + "am Inn": :func:`join_place_names`, a span fix).
- **An administrative unit's noun** right after a name ("Nangarhar province", "Kowloon West
  district") or in "the <unit> of <name>" ("the town of Qayyarah") makes it a place with a
  government (``GPE``; ``place_units.txt``), unless it is a known person's name.
- **A town after a person's age**: "Ryan S. Hollman, 31, of Hope" (tagged ``PERSON``) is a place.
- **A nationality before another** ("Mexican-American", "Cuban Americans") is one group
  (:func:`join_hyphenated_groups`, a span fix), not the first country's people.

Every noun names one kind only: "host", "publisher" or "broadcaster" may be a person or a body
and are not cues."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from ..resolve.names import given_share
from ..resolve.place_index import FEATURES
from ..tables import data_lines, data_rows
from .annotations import doc_lowers, doc_text, doc_words
from .mentions import Mention, org_words
from .span_pieces import known


@cache
def name_cues() -> dict[str, str]:
    """Lower-case noun -> the type of a name written right after it (``name_cues.tsv``)."""
    return {row[0]: row[1] for row in data_rows("newsgraph.extract", "name_cues.tsv", strip=True)}


def _place(text: str) -> bool:
    return gazetteer().subnational_country(text) is not None or actors.country_code(text) is not None


def _capitalised(words: list[str]) -> bool:
    return all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words)


def cue_labels(doc: Doc, mentions: list[Mention], locatives: frozenset[str]) -> None:
    """Relabel ``mentions`` in place (see the module docstring); ``locatives``: the prepositions
    before a place ("in", "near")."""
    lowers = doc_lowers(doc)
    words = doc_words(doc)
    n_words = len(words)
    people = {m.text for m in mentions if m.label == "PERSON" and m.j - m.i >= 2}
    held = {w for text in people for w in text.split()}
    bodies: set[str] = set()  # names an organisation's noun stands before: every mention of them
    for m in mentions:
        names = m.text.split()
        before = words[m.i - 1] if m.i else ""
        cue = name_cues().get(before) if before.islower() else None
        if known(m.text) or not _capitalised(names):
            continue
        if m.label == "GPE" and _region_only(m.text):
            m.label = "LOC"  # "North Africa", "Southeast Asia": regions, not places with a government
            continue
        if cue == "PERSON" and m.label in ("ORG", "GPE", "FAC", "LOC") and 2 <= len(names) <= 3:
            firm = any(w.lower() in org_words() for w in names)
            if not firm and given_share(names[0]) > 0 and not _place(m.text):
                m.label = "PERSON"
        elif cue == "ORG" and m.label in ("PERSON", "GPE", "LOC") and len(names) <= 3:
            if not actors.is_known_person(m.text) and not _place(m.text):
                bodies.add(m.text)
        elif m.label != "GPE" and m.label != "NORP" and _unit_named(lowers, words, m):
            if not actors.is_known_person(m.text):
                m.label = "GPE"  # "the town of Qayyarah", "Kowloon West district"
        elif m.label in ("ORG", "FAC", "PERSON") and m.text not in held:
            based = m.j + 1 < n_words and words[m.j] == "-" and lowers[m.j + 1] == "based"
            if _residence(words, m.i) and not actors.is_known_person(m.text):
                m.label = "GPE"  # "Christopher L. Tays, 32, of Franklin"
                continue
            located = m.label != "PERSON" and m.j - m.i == 1 and m.i and lowers[m.i - 1] in locatives
            if (based or located) and _place(m.text):
                m.label = "GPE"
    for m in mentions:
        if m.text in bodies and m.label in ("PERSON", "GPE", "LOC"):
            m.label = "ORG"


@cache
def place_units() -> frozenset[str]:
    """Nouns of administrative units ("province", "district", "town"; ``place_units.txt``)."""
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.extract", "place_units.txt"))


def _unit_named(lowers: list[str], words: list[str], m: Mention) -> bool:
    """Whether an administrative unit's noun says ``m`` is such a place: written in lower case
    right after the name ("Nangarhar province") or in "the <unit> of <name>" ("the town of
    Qayyarah"), or "<place> <unit> of <name>" ("the Sarkh district of Logar")."""
    after = m.j < len(words) and words[m.j].islower() and lowers[m.j] in place_units()
    of_unit = m.i >= 3 and lowers[m.i - 1] == "of" and lowers[m.i - 2] in place_units()
    return after or (of_unit and (lowers[m.i - 3] == "the" or words[m.i - 3][:1].isupper()))


def join_hyphenated_groups(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a nationality joined to the nationality after it into one group's name
    ("Mexican-American", "Cuban-American", "Mexican Americans"): the model tags the first word alone
    ("Mexican"), which would make the group Mexico's and, in the store, one actor with Mexico. The
    second word must name another country's people ("American", "Canadians"); "Iraqi-born" stays."""
    words = doc_words(doc)
    n_words = len(words)
    by_start = {m.i: m for m in mentions}
    out: list[Mention] = []
    skip: set[int] = set()
    for m in mentions:
        if id(m) in skip:
            continue
        k = m.j + 1 if m.j < n_words and words[m.j] == "-" else m.j
        if m.label == "NORP" and m.j - m.i == 1 and k < n_words and _second_nationality(m.text, words[k]):
            nxt = by_start.get(k)
            if nxt is not None and nxt.j != k + 1:
                out.append(m)
                continue  # the word after opens a longer name: left alone
            if nxt is not None:
                skip.add(id(nxt))
            end = doc[k].idx + len(words[k])
            out.append(Mention(m.i, k + 1, m.start, end, doc_text(doc)[m.start : end], "NORP"))
            continue
        out.append(m)
    return out


def _second_nationality(first: str, second: str) -> bool:
    """Whether ``second`` names the people of a country other than ``first``'s ("Mexican" +
    "American"); only the nationality adjectives and plural nouns of the country table count."""
    if not second[:1].isupper() or not second.replace("-", "").isalpha():
        return False
    a, b = actors.country_code(first), actors.country_code(second)
    return a is not None and b is not None and a != b and actors.is_adjective(second)


def _residence(words: list[str], i: int) -> bool:
    """Whether the name at word ``i`` follows a person's age and "of", as news gives a person's
    town ("Ryan S. Hollman, 31, of Hope"): ``<number> , of <name>`` or ``<number> of <name>``."""
    if i < 3 or words[i - 1] != "of":
        return False
    k = i - 3 if words[i - 2] == "," else i - 2
    age = k >= 1 and words[k].isdigit() and len(words[k]) <= 3
    return age and (words[k - 1] == "," or words[k - 1][:1].isupper())


#: Last words of a body's name written after a place ("Bartholomew County Sheriff's Department").
_BODY_HEADS = frozenset({"department", "office", "police", "agency", "authority", "bureau", "commission"})
#: How many words after a place a body's name may run to its head word.
_BODY_WORDS = 4


def grow_place_bodies(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a place the model tagged followed by untagged capitalised words (a
    possessive allowed) that end in a body's head word made that body (``ORG``): "Bartholomew
    County" + "Sheriff's Department", "Hayward" + "Police Department"."""
    words = doc_words(doc)
    n_words = len(words)
    taken = {t for m in mentions for t in range(m.i, m.j)}
    out: list[Mention] = []
    for m in mentions:
        end = None
        if m.label == "GPE":
            for k in range(m.j, min(n_words, m.j + _BODY_WORDS)):
                w = words[k]
                if k in taken or not (w[:1].isupper() or w in ("'s", "’s")):
                    break
                if w.lower() in _BODY_HEADS:
                    end = k + 1
        if end is None and m.label == "GPE" and m.j < n_words and m.j not in taken:
            end = _named_after_place(doc, m, words)
        if end is None:
            out.append(m)
            continue
        stop = doc[end - 1].idx + len(words[end - 1])
        out.append(Mention(m.i, end, m.start, stop, doc_text(doc)[m.start : stop], "ORG"))
    return out


def _named_after_place(doc: Doc, m: Mention, words: list[str]) -> int | None:
    """The end of a name that a place opens and one untagged capitalised word closes, the place
    a compound of that word by the parse ("Oklahoma City" + "Thunder"): a team's or firm's name,
    not the place. None when the place is a country, when the word is a title or group noun, a
    given name, a place or known to a table, or when more capitalised words follow."""
    k = m.j
    word = words[k]
    last = doc[m.j - 1]
    if actors.country_code(m.text) is not None:  # "as U.S. Ages" (a headline's verb)
        return None
    if not (word[:1].isupper() and word.isalpha() and not word.isupper()) or doc[k].ent_type_:
        return None
    if last.dep_ != "compound" or last.head.i != k or doc[k].pos_ not in ("PROPN", "NOUN"):
        return None
    if k + 1 < len(words) and words[k + 1][:1].isupper() and words[k + 1].isalpha():
        return None
    if known(word) or given_share(word) > 0 or actors.sector_of(word) is not None:
        return None
    if actors.country_code(word) is not None or _place(word):
        return None
    return k + 1


#: Gazetteer kinds of place with no government of their own (GUIDE.md's LOC).
_REGION_KINDS = frozenset(FEATURES.index(k) for k in ("region", "continent", "sea", "water"))


def _region_only(text: str) -> bool:
    """Whether every place the gazetteer has of that name is a region, continent, sea or water
    ("North Africa", "Balkans"; not "Middle East", which a town is named too)."""
    gaz = gazetteer()
    found = gaz.lookup(text)
    return bool(found) and all(gaz.feature[i] in _REGION_KINDS for i in found)


#: Lower-case words inside place names ("am Inn", "upon Tyne", "ob der Tauber", "sur Mer").
_PLACE_PARTICLES = frozenset(
    {"am", "an", "im", "ob", "upon", "on", "under", "by", "sur", "en", "de", "del", "di", "du", "la", "le"}
)
#: How many words after a place a longer place name of the gazetteer may run ("am Inn", "upon
#: Tyne", "ob der Tauber").
_PLACE_TAIL = 3


def join_place_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a place the model cut before a lower-case particle made whole, when the
    longer name is a place of the gazetteer: "Braunau" + "am Inn" -> "Braunau am Inn" ("Inn"
    tagged as a person dropped), "Newcastle" + "upon Tyne". Only names the gazetteer holds."""
    words = doc_words(doc)
    n_words = len(words)
    text = doc_text(doc)
    by_start = {m.i: m for m in mentions}
    gaz = gazetteer()
    out: list[Mention] = []
    dropped: set[int] = set()
    for m in mentions:
        if id(m) in dropped:
            continue
        grown = None
        if m.label == "GPE" and m.j < n_words and words[m.j] in _PLACE_PARTICLES:
            for k in range(m.j + 2, min(n_words, m.j + 1 + _PLACE_TAIL) + 1):
                if not words[k - 1][:1].isupper():
                    continue
                end = doc[k - 1].idx + len(words[k - 1])
                if gaz.lookup(text[m.start : end]):
                    grown = Mention(m.i, k, m.start, end, text[m.start : end], "GPE")
                    break
        if grown is None:
            out.append(m)
            continue
        out.append(grown)
        for t in range(m.j, grown.j):
            inner = by_start.get(t)
            if inner is not None and inner.j <= grown.j:
                dropped.add(id(inner))
    return [m for m in out if id(m) not in dropped]
