"""One name, one type across an article: document-level corrections of the model's labels, made
on the cleaned mentions (``extract/mentions.py``) before they are grouped into entities.

The spans are corrected first (:mod:`.span_fixes`: parts of known organisations and names
grown whole, names the model missed, a place and another name of it).

Labels (:func:`consistent_labels`):

- **People the model took for organisations**: a name of two or three capitalised words tagged
  ``ORG`` or ``FAC`` that starts with a common given name and does not end in one ("Tyrone Woods",
  not "Morgan Stanley"), names no known body or place and has no company word ("Plymouth Live") is
  a person. The given names are the US census's first-name lists that the ``names`` package ships.
- **Conjuncts share their type**: a name joined by "and" or "or" to a person's name is a person
  too, when the model gave both the same other label ("the deaths of Alton Sterling and Philando
  Castile", both tagged ``ORG``).
- **A name once a person stays a person**: a name of two or more words tagged ``PERSON`` anywhere
  in the article is a person wherever else it is written the same way.
- **A place once a place stays a place**: a name tagged ``GPE`` somewhere that the gazetteer knows
  as a state, province or city is ``GPE`` wherever else it was tagged ``ORG``, ``FAC`` or
  ``PERSON``, unless some person's full name holds the word ("Logar" tagged ``ORG`` once).
- **Places after a locative preposition**: a one-word name tagged ``PERSON`` right after "in",
  "from", "near", ... that the gazetteer knows as a state, province or city, or that names a
  country, and that no person's full name holds, is ``GPE`` ("fighting in Kharkiv").
- **Names the model tagged as places that read as people**: a name tagged ``GPE`` that
  :func:`personal_name` accepts and no table knows as a place is a person ("Kate Linwood").
- **Companies and places tagged as people** (:func:`_company_shapes`): brand-shaped words
  ("EgyptAir"), names opened by a large city that is no given name ("Baltimore Sun"), names
  listed beside a firm ("Gannett and GateHouse Media"), place names ending in a place word
  ("Sioux Falls").
- **Nouns before a name and place words** (``extract/label_cues.py``): "historian David Marsh" is
  a person, "website Full Fact" an organisation, "Amritsar-based" and "in Tamarac" places.
- **A state's postal code after a town and a comma** ("Holmdel, NJ", "Noblesville, IN"): the code
  is the state and the town a place, whatever the model tagged.
- **A firm's short name and a team** (``extract/short_forms.py``): "Carlyle" beside "The Carlyle
  Group"; "the Redskins' quarterback".
- **Lists share a type** (``extract/name_lists.py``) and **one-word "people" that name a large
  place are that place** (``extract/lone_names.py``: "attacked Kharkiv")."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from ..resolve.names import COMMON_GIVEN, census_shares, given_share
from ..tables import data_lines
from .annotations import doc_lowers, doc_text, doc_words
from .label_cues import (
    cue_labels,
)
from .lone_names import lone_places
from .mentions import Mention, name_tokens, org_words
from .name_lists import list_labels
from .role_titles import title_ranges
from .short_forms import firm_short_forms, team_names
from .span_pieces import known

#: A name's last word is no given name borne by this share (percent) or more ("Morgan Stanley");
#: its first word must be a common one (:data:`COMMON_GIVEN`).
LAST_NOT_GIVEN = 0.05


@cache
def locative_words() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.extract", "locative_words.txt"))


def is_given(word: str, share: float) -> bool:
    return given_share(word) >= share


def _place(text: str) -> bool:
    return gazetteer().subnational_country(text) is not None


def personal_name(text: str, given: dict[str, frozenset[str]] | None = None) -> bool:
    """Whether a name the model did not tag as a person reads as one: two or three capitalised
    words, the first a common given name (or one of ``given``, the article's own: "Oleg" of "Oleg
    Deripaska" makes "Oleg Voloshyn" a person), the last none, nothing known, no company word."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    if not (is_given(words[0], COMMON_GIVEN) or (given and _attested(text, given))) or is_given(
        words[-1], LAST_NOT_GIVEN
    ):
        return False
    if words[-1].isupper() or any(w.lower() in org_words() for w in words):
        return False
    return not (known(text) or known(words[0]) or _place(words[0]) or _place(text))


def article_given_names(mentions: list[Mention]) -> dict[str, frozenset[str]]:
    """Given names the article itself attests: the first words of names of two or three words the
    model tagged ``PERSON`` that are surely people's, their last word named alone as a person too
    ("Oleg" of "Oleg Deripaska" beside "Deripaska"), or a person of ``people.tsv``, with no company
    word, nothing known, the first word no title or word of address, no place and never a name
    alone of another type ("Ascom" of "Ascom North America" beside the firm "Ascom" is none).
    The census lists lack most names of other countries. Each word -> the names attesting it (a
    name is no evidence for itself: :func:`_attested`)."""
    singles = {m.text for m in mentions if m.label == "PERSON" and m.j - m.i == 1}
    others = {m.text for m in mentions if m.label != "PERSON" and m.j - m.i == 1}
    out: dict[str, set[str]] = {}
    for m in mentions:
        words = m.text.split()
        if m.label != "PERSON" or not 2 <= len(words) <= 3:
            continue
        if words[-1] not in singles and not actors.is_known_person(m.text):
            continue
        first = words[0]
        if not (first[:1].isupper() and first.isalpha() and first[1:].islower()) or first in others:
            continue
        if first.lower() in address_words() or any(w.lower() in org_words() for w in words):
            continue
        if known(m.text) or known(first) or _place(first):
            continue
        out.setdefault(first, set()).add(m.text)
    return {word: frozenset(texts) for word, texts in out.items()}


def _attested(text: str, given: dict[str, frozenset[str]]) -> bool:
    """Whether the first word of ``text`` opens another person's name of the article."""
    return bool(given.get(text.split()[0], frozenset()) - {text})


def _conjoined(doc: Doc, a: Mention, b: Mention) -> bool:
    """``a`` and ``b`` are joined by one "and" or "or" (a comma allowed before it)."""
    between = doc_lowers(doc)[a.j : b.i]
    return between in (["and"], ["or"], [",", "and"], [",", "or"])


def consistent_labels(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel ``mentions`` in place (see the module docstring)."""
    if not mentions:
        return
    given = article_given_names(mentions)
    for m in mentions:
        if (m.label in ("ORG", "FAC") and personal_name(m.text, given)) or (
            m.label == "GPE" and personal_name(m.text) and _unknown_place(m.text)
        ):
            m.label = "PERSON"
    ordered = sorted(mentions, key=lambda m: m.i)
    for a, b in pairwise(ordered):
        if a.label == b.label or "PERSON" not in (a.label, b.label) or not _conjoined(doc, a, b):
            continue
        other = b if a.label == "PERSON" else a
        words = other.text.split()
        if (
            other.label in ("ORG", "FAC")
            and len(words) >= 2
            and not known(other.text)
            and not any(w.lower() in org_words() for w in words)
            and not _place_first(words)  # "Quentin Ashby and Toledo Clarion"
        ):
            other.label = "PERSON"
    _name_shapes(doc, mentions)
    _company_shapes(doc, mentions, given)
    _context_labels(doc, mentions)
    cue_labels(doc, mentions, locative_words())
    list_labels(doc, mentions)
    lone_places(doc, mentions)
    people = {m.text for m in mentions if m.label == "PERSON" and len(name_tokens(m.text)) >= 2}
    # a known person's one-word name the model tags a person somewhere is that person everywhere
    # ("Obama, Asian leaders huddle" beside "President Obama": not the Japanese town)
    people |= {
        m.text
        for m in mentions
        if m.label == "PERSON"
        and len(name_tokens(m.text)) == 1
        and actors.is_known_person(m.text)
        and actors.country_code(m.text) is None
    }
    held = {w for text in people for w in name_tokens(text)}
    places = {m.text for m in mentions if m.label == "GPE" and m.text not in held and _place(m.text)}
    lowers = doc_lowers(doc)
    for m in mentions:
        if m.label != "PERSON" and m.text in people and not known(m.text):
            m.label = "PERSON"
        elif (m.label in ("ORG", "FAC", "PERSON") and m.text in places) or (
            m.label == "PERSON"
            and m.j - m.i == 1
            and m.i > 0
            and lowers[m.i - 1] in locative_words()
            and m.text not in held
            and not actors.is_known_person(m.text)
            and (_place(m.text) or actors.country_code(m.text) is not None)
        ):
            m.label = "GPE"
    firm_short_forms(mentions)
    team_names(doc, mentions)


def _unknown_place(text: str) -> bool:
    """Whether a name the model tagged ``GPE`` names no place the gazetteer or the country table
    knows and does not end in a word that heads place names ("Kate York"; not "Christian County")."""
    last = text.split()[-1].lower()
    if last in place_heads() or last in _PLACE_NOUNS or last in _PLACE_PARTS:
        return False
    return not gazetteer().candidates(text) and actors.country_code(text) is None


@cache
def place_heads() -> frozenset[str]:
    """Last words of place names ("County", "Springs", "Beach"): ``extract/data/place_heads.txt``."""
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.extract", "place_heads.txt"))


#: A word whose capital letter inside it comes after at least this many letters is a brand's
#: ("EgyptAir", "GateHouse", "DigiTimes"), not a person's ("McDowell", "MacArthur", "DeShawn") ...
_BRAND_PREFIX = 4
#: ... unless the letters before it are a surname prefix of that length.
_NAME_PREFIXES = frozenset({"fitz", "vander", "della"})


def camel_case(word: str) -> bool:
    """Whether ``word`` is written like a brand, a capital inside it after a lower-case run
    ("EgyptAir", "GateHouse"; not "McDowell", "MacArthur", "LeBron", "FitzGerald")."""
    if not word.isalpha() or not word[:1].isupper():
        return False
    for k in range(_BRAND_PREFIX, len(word)):
        if word[k].isupper() and word[k - 1].islower():
            return word[:k].lower() not in _NAME_PREFIXES
    return False


#: A place opening a name makes it a body's only when at least this many people live there ...
_PLACE_FIRST_PEOPLE = 100_000
#: ... and the name's last word is no US surname borne by this share (percent) of people or more
#: ("Aden O'Hara").
_SURNAME_SHARE = 0.005


def _place_first(words: list[str]) -> bool:
    """A name opened by a large known place that no US given name spells and closed by a word that
    is no common US surname ("Baltimore Sun", "Hartford Courant"; not "Chelsea Clinton", "Nigel
    Farage", "Milan Kundera", "Aden O'Hara")."""
    first = words[0]
    if given_share(first) > 0 or _surname(words[-1]) >= _SURNAME_SHARE:
        return False
    if actors.country_code(first) is not None:
        return True
    return any(p.population >= _PLACE_FIRST_PEOPLE for p in gazetteer().candidates(first))


def _surname(word: str) -> float:
    """The share (percent) of US people bearing the surname ``word`` (census list)."""
    return surname_shares().get("".join(c for c in word.upper() if c.isalpha()), 0.0)


@cache
def surname_shares() -> dict[str, float]:
    return census_shares("last")


def _listed(doc: Doc, a: Mention, b: Mention) -> bool:
    """``a`` and ``b`` are neighbours in a list: joined by a comma, "and" or "or"."""
    return _conjoined(doc, a, b) or doc_lowers(doc)[a.j : b.i] == [","]


def _company_shapes(doc: Doc, mentions: list[Mention], given: dict[str, frozenset[str]]) -> None:
    """Places and companies the model tagged ``PERSON`` (``consistent_labels``). A name of a known
    place that ends in a word heading place names (``place_heads.txt``) is that place ("Sioux
    Falls"). Companies, outlets and brands, when no
    person's name of ``people.tsv`` is theirs and their last word is never a person alone in the
    article (a surname that would say a person: "Kundera said"):

    - a name written like a brand ("EgyptAir", "GateHouse Media": :func:`camel_case`);
    - a name of two or three words opened by a known place that is no common given name
      ("Baltimore Sun", "Hartford Courant");
    - a name with no common given name first (nor one opening another person's name in the
      article: "Foreign Ministry, Oleg Voloshyn" beside "Oleg Deripaska" is an apposition), listed
      beside an organisation whose name holds a company or outlet word ("Gannett and GateHouse
      Media", "Draper, Lockheed Martin and Northrop Grumman Corp.")."""
    singles = {m.text for m in mentions if m.label == "PERSON" and m.j - m.i == 1}
    in_titles = {t for start, end in title_ranges(doc) for t in range(start, end)}
    firms = {
        id(m)
        for m in mentions
        if m.label == "ORG" and any(w.lower() in org_words() for w in m.text.split()[1:])
    }
    ordered = sorted(mentions, key=lambda m: m.i)
    listed = [(a, b) for a, b in pairwise(ordered) if _listed(doc, a, b)]
    beside: set[int] = set()
    for a, b in listed:  # along the list, then back: "Gannett, Tronc and GateHouse Media"
        if id(a) in firms or id(a) in beside:
            beside.add(id(b))
    for a, b in reversed(listed):
        if id(b) in firms or id(b) in beside:
            beside.add(id(a))
    for m in mentions:
        words = m.text.split()
        headed = len(words) >= 2 and words[-1].lower() in place_heads()
        if m.label in ("PERSON", "ORG") and headed and _place(m.text) and not known(m.text):
            m.label = "GPE"  # "Sioux Falls"
            continue
        if m.label != "PERSON" or len(words) > 3 or actors.is_known_person(m.text):
            continue
        if m.i in in_titles or words[0].lower().rstrip(".") in address_words():  # "King Abdullah"
            continue
        if len(words) > 1 and (words[-1] in singles or words[-1].lower() in facility_words()):
            continue  # a surname said alone; a building ("Tarnow Arena": _context_labels)
        if (
            any(camel_case(w) for w in words)
            or (len(words) >= 2 and _place_first(words))
            or (id(m) in beside and not is_given(words[0], COMMON_GIVEN) and not _attested(m.text, given))
        ):
            m.label = "ORG"


#: Words for a relative that an appositive name follows ("his wife, Lonnie,"; "their son, Humayun").
_KIN = frozenset(
    {"wife", "husband", "son", "daughter", "brother", "sister", "father", "mother", "widow", "widower"}
    | {"grandson", "granddaughter", "nephew", "niece", "cousin", "uncle", "aunt", "fiancée", "fiance"}
)
#: Generational suffixes that end a person's name ("Cassius Clay Sr.").
_GENERATIONAL = frozenset({"jr", "sr"})


def _context_labels(doc: Doc, mentions: list[Mention]) -> None:
    """Labels the words around a name tell (``consistent_labels``):

    - a one-word name after a word for a relative ("his wife, Lonnie"; "their son, Humayun") is a
      person, unless a table knows it or the model took it for a group ("his wife Democratic
      front-runner ...");
    - a name ending in a generational suffix is a person ("Cassius Clay Sr.");
    - a transcript's speaker label, a word in capitals opening a line and followed by a colon
      ("TRUMP:"), is the person of the article whose last name it is;
    - a name the model tagged ``PERSON`` whose last word is a known party's or body's name ("Hill
      Democrats", "Battleground Senate") is an organisation, unless it reads as a person's, a
      common given name first ("Michael Dell"), and the body's name is nowhere written alone; one
      ending in a building word
      ("Muhammad Ali Center") is that building (``FAC``);
    - a one-word name that is a group's plural noun (``group_nouns.tsv``: "Latinos") is a group."""
    from .entity_names import group_nouns

    lowers = doc_lowers(doc)
    words = doc_words(doc)
    for m in mentions:
        names = m.text.split()
        before = lowers[max(0, m.i - 2) : m.i]
        if (
            m.j - m.i == 1
            and m.label not in ("PERSON", "NORP")
            and not known(m.text)
            and m.text[:1].isupper()
        ):
            if (before[-1:] and before[-1] in _KIN) or (
                len(before) == 2 and before[0] in _KIN and before[1] == ","
            ):
                m.label = "PERSON"
        elif (
            m.label in ("ORG", "GPE", "FAC")
            and len(names) >= 2
            and names[-1].lower().rstrip(".") in _GENERATIONAL
        ):
            m.label = "PERSON"
    lasts = {
        parts[-1].upper()
        for m in mentions
        if m.label == "PERSON"
        and len(parts := [w for w in name_tokens(m.text) if w.lower().rstrip(".") not in _GENERATIONAL]) >= 2
    }
    plurals = set(group_nouns().values())
    alone = {m.text for m in mentions if m.j - m.i == 1}  # one-word names written alone somewhere
    for m in mentions:
        names = m.text.split()
        one = m.j - m.i == 1
        if (
            one
            and m.label != "PERSON"
            and m.text.isupper()
            and m.text in lasts
            and m.j < len(words)
            and words[m.j] == ":"
            and _opens_line(doc, m.i)
        ):
            m.label = "PERSON"
        elif m.label == "PERSON" and len(names) >= 2 and not actors.is_known_person(m.text):
            founder = _founder_shape(names) and names[-1] not in alone  # "Bloomberg" alone: either
            if actors.organisation(names[-1]) is not None and not known(m.text) and not founder:
                m.label = "ORG"
            elif names[-1].lower() in facility_words():
                m.label = "FAC"
        elif one and m.label in ("ORG", "PERSON", "GPE") and m.text in plurals:
            m.label = "NORP"


def _founder_shape(names: list[str]) -> bool:
    """Whether a name ending in a known body's one-word name reads as a person's: two or three
    words, the first a common given name ("Michael Dell", "Henry Ford" beside the firms named after
    them; not "Hill Democrats", "Battleground Senate"). Only when the body's name is nowhere
    written alone: "Bloomberg says" may then be the firm or the man, and a person's name would draw
    the firm's mentions into the person (a wrong merge is worse than a wrong type)."""
    return 2 <= len(names) <= 3 and is_given(names[0], COMMON_GIVEN)


#: Last words that make "<place> <word>" a district or state ("Yobe North", "Osun State").
_PLACE_PARTS = frozenset({"north", "south", "east", "west", "central", "state"})
#: Last words of a region's name that the model may tag as a building ("San Francisco Bay Area").
_REGION_WORDS = frozenset({"area", "region", "valley", "basin", "peninsula", "coast", "delta", "desert"})


@cache
def facility_words() -> frozenset[str]:
    return frozenset(
        ln.strip().lower() for ln in data_lines("newsgraph.extract", "entity_facility_words.txt")
    )


def _name_shapes(doc: Doc, mentions: list[Mention]) -> None:
    """Labels the shape of a name and its place in the article tell (``consistent_labels``):

    - a name of two or three capitalised words tagged ``ORG``, ``FAC`` or ``GPE`` whose last word
      the model tags alone as a person elsewhere, or whose last word alone (under any label) is the
      subject of a verb of writing or telling ("Tanden wrote", "Tanden informed Soros":
      :data:`_PERSONAL_VERBS`), is that person ("Mason Rudolph" beside "Rudolph"; "Neera Tanden",
      tagged ``FAC``); a body goes by its first word or whole name, not its last word;
    - a state, province or city followed by a compass word, or outside the US by "State", is a
      place ("Yobe North", "Osun State"; "Ohio State" is a university);
    - a name tagged ``FAC`` ending in a region's word is a region (``LOC``: "San Francisco Bay
      Area");
    - a name tagged ``ORG``, ``GPE`` or ``LOC`` ending in a building word
      (``entity_facility_words.txt``) is a building or site (``FAC``: "Force Headquarters", "White
      River Amphitheatre"), unless the model's ``ORG`` agrees with
      a word that also ends bodies' names ("Roman Catholic Church": :func:`org_words`);
    - a name the model tagged ``FAC`` that reads as a body's is an organisation: it holds an
      organisation or outlet word that is no building word last ("Charlotte Observer"; "City Hall"
      stays), or names a purpose with "for" ("Brennan Center for Justice", "Peter G. Peterson
      Institute for International Economics"; a building is named after someone, not for a cause);
    - a one-word name tagged ``PERSON`` that heads a phrase opened by "the" ("The Steelers spent")
      is no person's name ("the Clinton campaign" is: "Clinton" is a modifier there), unless a
      person's full name in the article holds it ("the Clintons");
    - a person's name opening a sentence or line whose first word is no common given name and whose
      other words are another person's name ("Longtime Clinton foe ...") loses that first word."""
    _place_shapes(doc, mentions)
    singles = {m.text for m in mentions if m.label == "PERSON" and m.j - m.i == 1 and not m.text.isupper()}
    speakers = _surname_speakers(doc, mentions)
    people = {m.text for m in mentions if m.label == "PERSON" and len(name_tokens(m.text)) >= 2}
    parts = {text: set(name_tokens(text)) for text in people}
    words = doc_words(doc)
    named = singles | speakers
    for m in mentions:
        names = m.text.split()
        if known(m.text):
            continue
        if m.label in ("ORG", "FAC", "GPE") and 2 <= len(names) <= 3 and names[-1] in named:
            if all(w[:1].isupper() for w in names) and not any(w.lower() in org_words() for w in names):
                m.label = "PERSON"
        elif m.label in ("ORG", "FAC", "PERSON") and len(names) >= 2 and names[-1].lower() in _PLACE_PARTS:
            country = gazetteer().subnational_country(" ".join(names[:-1]))
            if country is not None and (names[-1].lower() != "state" or country != "USA"):
                m.label = "GPE"
        elif m.label == "FAC" and len(names) >= 2 and names[-1].lower() in _REGION_WORDS:
            m.label = "LOC"  # "San Francisco Bay Area": a region, no building
        elif m.label in ("ORG", "GPE", "LOC") and len(names) >= 2 and names[-1].lower() in facility_words():
            if not (m.label == "ORG" and names[-1].lower() in org_words()):  # "Roman Catholic Church"
                m.label = "FAC"
        elif m.label == "FAC" and len(names) >= 2 and _organisation_shape(names):
            m.label = "ORG"  # "Brennan Center for Justice", "Peterson Institute", "Charlotte Observer"
        elif m.label == "PERSON" and len(names) == 1 and m.i and words[m.i - 1].lower() == "the":
            stems = {m.text, m.text.removesuffix("s"), m.text.removesuffix("es")}  # "the Walshes"
            held = any(stems & p for p in parts.values())
            if not held and doc[m.i].dep_ != "compound" and not actors.is_known_person(m.text):
                m.label = "ORG"
        elif m.label == "PERSON" and len(names) == 2 and _opens_line(doc, m.i):
            others = set().union(*(p for t, p in parts.items() if t != m.text))
            if names[1] in others and names[0] not in others and not is_given(names[0], COMMON_GIVEN):
                m.i, m.start, m.text = m.i + 1, doc[m.i + 1].idx, names[1]


#: Verbs whose subject, named by a last word alone, is a person's surname ("Tanden wrote"):
#: writing, telling and recounting, not "said" (a body says too) nor deeds a body does.
_PERSONAL_VERBS = frozenset({"write", "inform", "recount", "recall", "tell", "email", "tweet"})


def _surname_speakers(doc: Doc, mentions: list[Mention]) -> set[str]:
    """One-word names, not known as a body, country or place, that are the subject of a verb of
    :data:`_PERSONAL_VERBS` somewhere in the article."""
    out: set[str] = set()
    for m in mentions:
        if m.j - m.i != 1 or m.text.isupper() or m.text in out:
            continue
        token = doc[m.i]
        personal = token.dep_ == "nsubj" and token.head.lemma_ in _PERSONAL_VERBS
        if personal and not (known(m.text) or _place(m.text)):
            out.add(m.text)
    return out


def _organisation_shape(names: list[str]) -> bool:
    """Whether a name the model tagged ``FAC`` reads as a body's (see :func:`_name_shapes`)."""
    if names[-1].lower() in org_words() and names[-1].lower() not in facility_words():
        return True  # "Charlotte Observer"; not "City Hall"
    return any(w == "for" and names[k + 1][:1].isupper() for k, w in enumerate(names[1:-1], start=1))


#: Lower-case nouns after a name that make it a place ("Pangram area", "Logar province").
_PLACE_NOUNS = frozenset(
    {"area", "district", "province", "village", "town", "city", "county", "region", "municipality"}
    | {"state", "prefecture", "governorate", "oblast", "township"}
)


def _place_shapes(doc: Doc, mentions: list[Mention]) -> None:
    """Places and buildings told by the words after a name the model tagged otherwise:

    - a name followed by a place noun ("Pangram area") or by a comma and a known place ("Sarkh,
      Logar") is a place (``GPE``), unless a person's full name holds it; so is a name the model
      took for a body before a comma and a state's abbreviation (a dateline: "SANTA FE, N.M.");
    - a name followed by a building word in lower case ("Hoa Lo prison") is that building (``FAC``),
      the word part of its name;
    - a one-word name tagged ``PERSON`` whose plural the text writes ("Yazidi" beside "Yazidis") is
      a group (``NORP``), unless a person's full name holds it ("the Clintons")."""
    words = doc_words(doc)
    n_words = len(words)
    held = {w for m in mentions if m.label == "PERSON" for w in name_tokens(m.text) if m.j - m.i > 1}
    starts = {m.i: m for m in mentions}
    present = set(words)
    gaz = gazetteer()
    abbreviations = gaz.abbreviations  # "SANTA FE, N.M.": a dateline's town
    for m in mentions:
        if known(m.text) or m.text in held or m.label not in ("ORG", "FAC", "PERSON") or m.j >= n_words:
            continue
        if _postal_after_town(words, m, gaz.postal):
            m.label = "GPE"  # "Holmdel, NJ @ PNC Bank Arts Center": the state, not a body
            continue
        after = words[m.j]
        nxt = starts.get(m.j + 1) if after == "," else None
        if m.label == "PERSON" and personal_name(m.text):
            nxt = None  # "Chris Tang, Hong Kong's new police commissioner": an apposition
        if (
            after in _PLACE_NOUNS
            or (
                nxt is not None
                and nxt.label != "PERSON"
                and (_place_or_country(nxt.text) or (m.label != "PERSON" and nxt.text in abbreviations))
            )
            or (
                m.label != "PERSON"
                and after == ","
                and _town_word(words[m.j - 1])
                and _postal(words, m.j + 1, gaz.postal)
            )
        ):
            m.label = "GPE"
        elif after in facility_words():
            m.j, m.end = m.j + 1, doc[m.j].idx + len(after)
            m.text, m.label = doc_text(doc)[m.start : m.end], "FAC"
        elif m.label == "PERSON" and m.j - m.i == 1 and m.text[-1:] != "s" and f"{m.text}s" in present:
            m.label = "NORP"


def _postal_after_town(words: list[str], m: Mention, postal: Mapping[str, object]) -> bool:
    """Whether ``m`` is a state's postal code in capitals after a capitalised town and a comma
    ("Noblesville, IN", "Camden, NJ"), a town's address, not a body."""
    return (
        m.j - m.i == 1
        and m.i >= 2
        and words[m.i - 1] == ","
        and _town_word(words[m.i - 2])
        and _postal(words, m.i, postal)
    )


def _town_word(word: str) -> bool:
    """A town's word before a state's code: capitalised, not in capitals ("Holmdel"; not the
    "MRT" of a list of acronyms "MRT, CT")."""
    return word[:1].isupper() and not word.isupper()


def _postal(words: list[str], k: int, postal: Mapping[str, object]) -> bool:
    """Whether word ``k`` is a state's postal code in capitals ("NJ", "IN")."""
    return k < len(words) and len(words[k]) == 2 and words[k].isupper() and words[k] in postal


def _place_or_country(text: str) -> bool:
    return _place(text) or actors.country_code(text) is not None


def _opens_line(doc: Doc, i: int) -> bool:
    return (
        i == 0
        or "\n" in doc[i - 1].text
        or doc[i - 1].text in (".", "?", "!")
        or doc[i].is_sent_start is True
    )


@cache
def address_words() -> frozenset[str]:
    """Words of address and honorifics that open a person's name ("King", "Sheikh": ``honorifics.txt``)."""
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.resolve", "honorifics.txt"))
