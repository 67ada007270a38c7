"""One name, one type across an article: document-level corrections of the model's labels and
spans, made on the cleaned mentions (``extract/mentions.py``) before they are grouped into entities.

Spans (:func:`fix_spans`):

- **A known organisation tagged in part grows** over the untagged capitalised words beside it
  ("Islamic" + "State" -> "Islamic State", tagged ``NORP`` by the model) and becomes ``ORG``.
- **A person's name after a title or word of address grows** over one untagged capitalised word
  before it that the model tags as a name elsewhere in the article or that is a common given name
  ("Prince Alwaleed" + "Bin Talal" -> "Alwaleed Bin Talal"; not "Commodore"); a person's name
  cut after a middle initial grows over the capitalised word after it ("Ben S." + "Bernanke").

- **Known organisations the model missed**: a one-word proper noun that is a name of
  ``organisations.tsv`` with its own code ("posted on Twitter") becomes an ``ORG`` mention.

- **A place and another name of it** after a comma are one name ("Washington, D.C."); a state or
  country after a comma stays a name of its own ("Cleveland, Ohio").

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
  a person, "website Full Fact" an organisation, "Amritsar-based" and "in Tamarac" places."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Span

from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from ..resolve.names import COMMON_GIVEN, census_shares, given_share
from ..tables import data_lines
from .annotations import doc_lowers, doc_text, doc_words
from .label_cues import (
    cue_labels,
    grow_place_bodies,
    join_hyphenated_groups,
    join_place_names,
)
from .mentions import Mention, known, name_tokens, org_words
from .quotes.lexicon import reporting_lemmas
from .roles import FOLLOW_SITES, title_spans

#: A name's last word is no given name borne by this share (percent) or more ("Morgan Stanley");
#: its first word must be a common one (:data:`COMMON_GIVEN`).
LAST_NOT_GIVEN = 0.05


@cache
def locative_words() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.extract", "locative_words.txt"))


def _given(word: str, share: float) -> bool:
    return given_share(word) >= share


def _place(text: str) -> bool:
    return gazetteer().subnational_country(text) is not None


def personal_name(text: str) -> bool:
    """Whether a name the model did not tag as a person reads as one: two or three capitalised
    words, the first a common given name, the last none, nothing known, no company word."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    if not _given(words[0], COMMON_GIVEN) or _given(words[-1], LAST_NOT_GIVEN):
        return False
    if words[-1].isupper() or any(w.lower() in org_words() for w in words):
        return False
    return not (known(text) or known(words[0]) or _place(words[0]) or _place(text))


def _conjoined(doc: Doc, a: Mention, b: Mention) -> bool:
    """``a`` and ``b`` are joined by one "and" or "or" (a comma allowed before it)."""
    between = doc_lowers(doc)[a.j : b.i]
    return between in (["and"], ["or"], [",", "and"], [",", "or"])


def consistent_labels(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel ``mentions`` in place (see the module docstring)."""
    if not mentions:
        return
    for m in mentions:
        if (m.label in ("ORG", "FAC") and personal_name(m.text)) or (
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
    _company_shapes(doc, mentions)
    _context_labels(doc, mentions)
    cue_labels(doc, mentions, locative_words())
    people = {m.text for m in mentions if m.label == "PERSON" and len(name_tokens(m.text)) >= 2}
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


def _company_shapes(doc: Doc, mentions: list[Mention]) -> None:
    """Places and companies the model tagged ``PERSON`` (``consistent_labels``). A name of a known
    place that ends in a word heading place names (``place_heads.txt``) is that place ("Sioux
    Falls"). Companies, outlets and brands, when no
    person's name of ``people.tsv`` is theirs and their last word is never a person alone in the
    article (a surname that would say a person: "Kundera said"):

    - a name written like a brand ("EgyptAir", "GateHouse Media": :func:`camel_case`);
    - a name of two or three words opened by a known place that is no common given name
      ("Baltimore Sun", "Hartford Courant");
    - a name with no common given name first, listed beside an organisation whose name holds a
      company or outlet word ("Gannett and GateHouse Media", "Draper, Lockheed Martin and
      Northrop Grumman Corp.")."""
    singles = {m.text for m in mentions if m.label == "PERSON" and m.j - m.i == 1}
    in_titles = {t for s in title_spans(doc) for t in range(s.start, s.end)}
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
        if m.i in in_titles or words[0].lower().rstrip(".") in _address_words():  # "King Abdullah"
            continue
        if len(words) > 1 and (words[-1] in singles or words[-1].lower() in facility_words()):
            continue  # a surname said alone; a building ("Tarnow Arena": _context_labels)
        if (
            any(camel_case(w) for w in words)
            or (len(words) >= 2 and _place_first(words))
            or (id(m) in beside and not _given(words[0], COMMON_GIVEN))
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
      Democrats", "Battleground Senate") is an organisation, and one ending in a building word
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
            if actors.organisation(names[-1]) is not None and not known(m.text):
                m.label = "ORG"
            elif names[-1].lower() in facility_words():
                m.label = "FAC"
        elif one and m.label in ("ORG", "PERSON", "GPE") and m.text in plurals:
            m.label = "NORP"


#: Last words that make "<place> <word>" a district or state ("Yobe North", "Osun State").
_PLACE_PARTS = frozenset({"north", "south", "east", "west", "central", "state"})


@cache
def facility_words() -> frozenset[str]:
    return frozenset(
        ln.strip().lower() for ln in data_lines("newsgraph.extract", "entity_facility_words.txt")
    )


def _name_shapes(doc: Doc, mentions: list[Mention]) -> None:
    """Labels the shape of a name and its place in the article tell (``consistent_labels``):

    - a name of two or three capitalised words tagged ``ORG`` or ``FAC`` whose last word the model
      tags alone as a person elsewhere is that person ("Mason Rudolph" beside "Rudolph");
    - a state, province or city followed by a compass word, or outside the US by "State", is a
      place ("Yobe North", "Osun State"; "Ohio State" is a university);
    - a name tagged ``ORG`` or ``GPE`` ending in a building word (``entity_facility_words.txt``)
      is a building or site (``FAC``: "Force Headquarters");
    - a one-word name tagged ``PERSON`` that heads a phrase opened by "the" ("The Steelers spent")
      is no person's name ("the Clinton campaign" is: "Clinton" is a modifier there), unless a
      person's full name in the article holds it ("the Clintons");
    - a person's name opening a sentence or line whose first word is no common given name and whose
      other words are another person's name ("Longtime Clinton foe ...") loses that first word."""
    _place_shapes(doc, mentions)
    singles = {m.text for m in mentions if m.label == "PERSON" and m.j - m.i == 1 and not m.text.isupper()}
    people = {m.text for m in mentions if m.label == "PERSON" and len(name_tokens(m.text)) >= 2}
    parts = {text: set(name_tokens(text)) for text in people}
    words = doc_words(doc)
    for m in mentions:
        names = m.text.split()
        if known(m.text):
            continue
        if m.label in ("ORG", "FAC") and 2 <= len(names) <= 3 and names[-1] in singles:
            if all(w[:1].isupper() for w in names) and not any(w.lower() in org_words() for w in names):
                m.label = "PERSON"
        elif m.label in ("ORG", "FAC", "PERSON") and len(names) >= 2 and names[-1].lower() in _PLACE_PARTS:
            country = gazetteer().subnational_country(" ".join(names[:-1]))
            if country is not None and (names[-1].lower() != "state" or country != "USA"):
                m.label = "GPE"
        elif m.label in ("ORG", "GPE") and len(names) >= 2 and names[-1].lower() in facility_words():
            m.label = "FAC"
        elif m.label == "PERSON" and len(names) == 1 and m.i and words[m.i - 1].lower() == "the":
            stems = {m.text, m.text.removesuffix("s"), m.text.removesuffix("es")}  # "the Walshes"
            held = any(stems & p for p in parts.values())
            if not held and doc[m.i].dep_ != "compound" and not actors.is_known_person(m.text):
                m.label = "ORG"
        elif m.label == "PERSON" and len(names) == 2 and _opens_line(doc, m.i):
            others = set().union(*(p for t, p in parts.items() if t != m.text))
            if names[1] in others and names[0] not in others and not _given(names[0], COMMON_GIVEN):
                m.i, m.start, m.text = m.i + 1, doc[m.i + 1].idx, names[1]


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
    abbreviations = gazetteer().abbreviations  # "SANTA FE, N.M.": a dateline's town
    for m in mentions:
        if known(m.text) or m.text in held or m.label not in ("ORG", "FAC", "PERSON") or m.j >= n_words:
            continue
        after = words[m.j]
        nxt = starts.get(m.j + 1) if after == "," else None
        if m.label == "PERSON" and personal_name(m.text):
            nxt = None  # "Chris Tang, Hong Kong's new police commissioner": an apposition
        if after in _PLACE_NOUNS or (
            nxt is not None
            and nxt.label != "PERSON"
            and (_place_or_country(nxt.text) or (m.label != "PERSON" and nxt.text in abbreviations))
        ):
            m.label = "GPE"
        elif after in facility_words():
            m.j, m.end = m.j + 1, doc[m.j].idx + len(after)
            m.text, m.label = doc_text(doc)[m.start : m.end], "FAC"
        elif m.label == "PERSON" and m.j - m.i == 1 and m.text[-1:] != "s" and f"{m.text}s" in present:
            m.label = "NORP"


def _place_or_country(text: str) -> bool:
    return _place(text) or actors.country_code(text) is not None


def _opens_line(doc: Doc, i: int) -> bool:
    return (
        i == 0
        or "\n" in doc[i - 1].text
        or doc[i - 1].text in (".", "?", "!")
        or doc[i].is_sent_start is True
    )


#: How many untagged words a known organisation's partly tagged name may grow by on each side.
_GROW = 2


def fix_spans(doc: Doc, mentions: list[Mention], ents: Sequence[Span] | None = None) -> list[Mention]:
    """``mentions`` with the span fixes of the module docstring made (in the text's order);
    ``ents`` is ``doc.ents`` when the caller has it already."""
    words = doc_words(doc)
    taken = {t for m in mentions for t in range(m.i, m.j)}

    def free(k: int) -> bool:
        return 0 <= k < len(words) and k not in taken and words[k][:1].isupper() and words[k].isalpha()

    out = [_grow_organisation(doc, m, taken, free) for m in mentions]
    for n, m in enumerate(out):  # "Ben S." + "Bernanke": a name the model cut after a middle initial
        last = words[m.j - 1]
        initial = len(last) == 2 and last[0].isupper() and last[1] == "."
        if m.label == "PERSON" and m.j - m.i >= 2 and initial and free(m.j) and not known(words[m.j]):
            taken.add(m.j)
            end = doc[m.j].idx + len(words[m.j])
            out[n] = Mention(m.i, m.j + 1, m.start, end, doc_text(doc)[m.start : end], m.label)
    # words the model tags somewhere, whatever the label (a one-word span's text is its word)
    text = doc_text(doc)
    tagged = {
        words[e.start] if e.end - e.start == 1 else text[e.start_char : e.end_char]
        for e in (doc.ents if ents is None else ents)
    }
    titles = title_spans(doc)
    title_ends = {s.end for s in titles}
    in_titles = {t for s in titles for t in range(s.start, s.end)}
    for n, m in enumerate(out):
        k = m.i - 1
        if m.label != "PERSON" or not free(k) or k in in_titles or known(words[k]):
            continue
        before = words[k - 1].lower() if k > 0 else ""
        named = words[k] in tagged or _given(words[k], COMMON_GIVEN)  # "Alwaleed", not "Commodore"
        if named and (k in title_ends or before.rstrip(".") in _address_words()):
            taken.add(k)
            out[n] = Mention(k, m.j, doc[k].idx, m.end, doc[k : m.j].text, m.label)
    out = _missed_full_names(doc, out, taken)
    out = _missed_names(doc, _missed_organisations(doc, out, taken), taken)
    out = join_hyphenated_groups(doc, _join_city_region(doc, out))
    return join_place_names(doc, grow_place_bodies(doc, out))


def _missed_full_names(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """``mentions`` with the full names the model left untagged of a one-word name it took for a
    body or place that speaks ("Sanborn said", tagged ``ORG``): where the text writes that word
    after a common given name ("Jeff Sanborn, president of ..."), the two words are a ``PERSON``
    mention. Names the tables know are left alone ("Apple said")."""
    words = doc_words(doc)
    n_words = len(words)
    speakers = {
        m.text
        for m in mentions
        if m.j - m.i == 1
        and m.label != "PERSON"
        and m.j < n_words
        and (doc[m.j].lemma_ or words[m.j].lower()) in reporting_lemmas()
        and m.text[:1].isupper()
        and not m.text.isupper()
        and not known(m.text)
    }
    if not speakers:
        return mentions
    added: list[Mention] = []
    for k in range(1, n_words):
        w, first = words[k], words[k - 1]
        if w not in speakers or k in taken or k - 1 in taken or not first.isalpha():
            continue
        if first[:1].isupper() and _given(first, COMMON_GIVEN):
            start, end = doc[k - 1].idx, doc[k].idx + len(w)
            added.append(Mention(k - 1, k + 1, start, end, doc_text(doc)[start:end], "PERSON"))
            taken.update((k - 1, k))
    return sorted([*mentions, *added], key=lambda m: m.i) if added else mentions


#: Sites a sign-off asks to follow someone on ("Follow Pam Key on Twitter").
_FOLLOW_SITES = frozenset({"twitter", "facebook", "instagram", "threads", "bluesky", "x"})


def _missed_names(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """``mentions`` with the names of sign-offs the model leaves untagged: "Follow <Name> on
    Twitter" (or another site) makes the two or three capitalised words a ``PERSON`` mention.
    (Datelines, "VIENNA — ", are left to the model: events would take the place for an actor.)"""
    words = doc_words(doc)
    n_words = len(words)
    added: list[Mention] = []
    for k, w in enumerate(words):
        if k in taken:
            continue
        if w == "Follow" and k + 3 < n_words:
            j = k + 1
            while j < n_words and j - k <= 3 and words[j][:1].isupper() and words[j].isalpha():
                j += 1
            site = words[j + 1].lower() if j + 1 < n_words else ""
            free = not any(t in taken for t in range(k + 1, j))
            if 2 <= j - k - 1 <= 3 and j < n_words and words[j] == "on" and site in FOLLOW_SITES and free:
                text = doc_text(doc)[doc[k + 1].idx : doc[j - 1].idx + len(words[j - 1])]
                added.append(Mention(k + 1, j, doc[k + 1].idx, doc[k + 1].idx + len(text), text, "PERSON"))
    if not added:
        return mentions
    taken.update(t for m in added for t in range(m.i, m.j))
    return sorted([*mentions, *added], key=lambda m: m.i)


def _join_city_region(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A place and, after a comma, another name of it are one name ("Washington, D.C.")."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.label == prev.label == "GPE"
            and prev.j + 1 == m.i
            and doc[prev.j].text == ","
            and _region_of(prev.text, m.text)
        ):
            text = doc[prev.i : m.j].text
            out[-1] = Mention(prev.i, m.j, prev.start, prev.start + len(text), text, "GPE")
            continue
        out.append(m)
    return out


def _region_of(place: str, region: str) -> bool:
    """Whether ``region`` is another name of ``place`` in the gazetteer ("D.C." for Washington);
    a state or country after a comma ("Cleveland, Ohio") is a name of its own."""
    if actors.country_code(region) is not None and not actors.is_capital(region):
        return False  # "Paris, France"
    return any(p.name == place and p.feature != "admin1" for p in gazetteer().candidates(region))


def _missed_organisations(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """``mentions`` with the one-word names of known organisations the model left untagged
    ("posted on Twitter"): a proper noun, not opening its sentence, that is a pattern of
    ``organisations.tsv`` with a code of its own (not "Senate", whose country depends on the
    article)."""
    words = doc_words(doc)
    names = {w for w in set(words) if _missed_organisation(w)}  # each word asked once per doc
    if not names:
        return mentions
    added: list[Mention] = []
    for k, w in enumerate(words):
        if w not in names or k in taken:
            continue
        if doc[k].is_sent_start or doc[k].tag_ not in ("NNP", "NNPS"):
            continue
        added.append(Mention(k, k + 1, doc[k].idx, doc[k].idx + len(w), w, "ORG"))
    return sorted([*mentions, *added], key=lambda m: m.i) if added else mentions


@lru_cache(maxsize=65536)
def _missed_organisation(w: str) -> bool:
    """Whether the word ``w`` may be a known organisation's untagged one-word name (see
    :func:`_missed_organisations`)."""
    if len(w) < 3 or not w[:1].isupper() or not w.isalpha() or w.isupper():
        return False
    org = actors.organisation(w)
    return org is not None and bool(org.code) and org.type in ("", "ORG")


def _grow_organisation(doc: Doc, m: Mention, taken: set[int], free: Callable[[int], bool]) -> Mention:
    """``m`` grown over untagged capitalised words into a known organisation's name, else ``m``."""
    if not (free(m.j) or free(m.i - 1)):
        return m
    for left in range(_GROW + 1):
        for right in range(_GROW + 1):
            extra = [*range(m.i - left, m.i), *range(m.j, m.j + right)]
            if not extra or not all(free(t) for t in extra):
                continue
            i, j = m.i - left, m.j + right
            text = doc_text(doc)[doc[i].idx : doc[j - 1].idx + len(doc[j - 1])]  # doc[i:j].text, no Span
            if actors.organisation(text) is not None:
                taken.update(extra)
                return Mention(i, j, doc[i].idx, doc[i].idx + len(text), text, "ORG")
    return m


@cache
def _address_words() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.resolve", "honorifics.txt"))
