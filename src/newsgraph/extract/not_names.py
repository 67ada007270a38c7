"""Spans the model tags as names that the article itself shows to be no names (session 15):

- **products**: a name followed on its line by a model code ("Dell G3", "Alienware AW3418DW":
  letters and digits in one word) or by a product word of ``entity_product_words.txt``, alone or
  after a second name joined by "and" ("Nintendo Switch Lite", "Zacian and Zamazenta Edition"), or
  ending in one ("Amazon Music Unlimited"). Places and groups are never products ("Osaka G20");
- **a common word capitalised only because it opens a sentence or line**: a one-word span that
  the article never writes with a capital inside a sentence, and that it also writes in lower
  case ("Rice production ..." beside "farmers plant rice"; a subheading "Range and Charging"
  beside "range"; a word the tagger reads as a proper noun there stays when it is a common US
  given name or surname: "Brown said ..."), or that the tagger reads there as an adjective, verb
  or adverb ("Accurate or not, ...", "Onetime friend ...", "Subscribe here."), or that is the
  regular plural of a common noun of the model's lemmatizer (its ``lemma_index``: WordNet's nouns;
  "Drones struck Odesa", "Protesters", "Aides said"; session 16) and no common given name or
  surname ("Williams") nor a known body ("Democrats"): a person, body or
  building only, never a place or a group's or party's adjective ("Democratic voters ...": the
  plural "Democrats" is a known body), and never a noun, which a club opening a line of scores
  may be for the tagger ("Arsenal 1 Everton 1");
- **a measured product** (session 18, branch entities20): a name right after a measure, a number,
  a hyphen and a unit of ``entity_product_measures.txt`` ("the 16-inch MacBook Pro", "the
  four-door Altima"): every mention of that name in the article is the product's, also with a
  word before it ("the older MacBook Pro"); a person, body or building of the model's only;
- **a product line's name** of ``entity_product_lines.txt`` in a name of at most four words,
  whatever its label ("iPhones", "MacBook Pro", "the Altima" tagged a place);
- **an ideology**: one or two capitalised words, the last ending in "-ism" and no "of" or "for"
  before it ("National Socialism", "Communism"; not "Ministry of Tourism"), unless the model
  tagged it a group (``NORP``: "Judaism"). The labels' guide leaves ideologies out.

- **a disease**: a name of two words or more ending in a word of ``entity_disease_words.txt``
  ("Eastern Equine Encephalitis", tagged ``LOC``; "West Nile Virus");
- **a pair of names joined by a hyphen**: two countries or two people the tables know, named as
  a modifier ("the U.S.-Mexico border", "a Trump-Clinton race"): the article names each on its
  own, and the pair is no entity of its own.

Names the tables know stay: the caller asks this module only about unknown names ("Guinea-Bissau"
is a country).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from ..resolve.names import common_given, common_surname
from ..tables import data_lines
from .annotations import doc_words

#: Labels a product may carry as the model tags it; places and groups are never products.
_PRODUCT_LABELS = frozenset({"PERSON", "ORG", "FAC"})
#: A hyphen or dash between two names ("U.S.-Mexico", "Trump - Clinton").
_HYPHENS = re.compile(r"\s*[-\u2013]\s*")
#: Parts of speech that say a sentence's first word is a common word, not a name.
_COMMON = frozenset({"NOUN", "VERB", "ADJ", "AUX", "ADV", "ADP", "DET", "PRON", "SCONJ", "CCONJ"})


@cache
def product_words() -> frozenset[str]:
    """Words that make a name a product's (``extract/data/entity_product_words.txt``)."""
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.extract", "entity_product_words.txt"))


@cache
def product_measures() -> frozenset[str]:
    """Units of a measure that make the name after them a product's (``entity_product_measures.txt``)."""
    return frozenset(
        ln.strip().lower() for ln in data_lines("newsgraph.extract", "entity_product_measures.txt")
    )


#: Number words a measure may open with ("four-door").
_NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "eight", "ten", "twelve"})


def _number(word: str) -> bool:
    return word.replace(".", "", 1).replace(",", "").isdigit() or word.lower() in _NUMBER_WORDS


def measured_product(doc: Doc, i: int, label: str) -> bool:
    """Whether the span at ``i`` follows a product's measure ("16-inch", "four-door"; the tokenizer
    splits it at the hyphen, a hand-made doc may not)."""
    if label not in _PRODUCT_LABELS or i == 0:
        return False
    words = doc_words(doc)
    unit = words[i - 1].lower()
    if unit in product_measures():
        return i >= 3 and words[i - 2] in ("-", "\u2010", "\u2011") and _number(words[i - 3])
    number, hyphen, unit = unit.partition("-")
    return bool(hyphen) and unit in product_measures() and _number(number)


@cache
def product_lines() -> frozenset[str]:
    """Names of product lines (``extract/data/entity_product_lines.txt``)."""
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.extract", "entity_product_lines.txt"))


def product_line(text: str) -> bool:
    """Whether a name of at most four words holds a product line's name or its plural ("iMac",
    "iPhones", "MacBook Pro", "older MacBook Pro"; see the module docstring)."""
    words = text.lower().split()
    lines = product_lines()
    return len(words) <= 4 and any(w in lines or w.removesuffix("s") in lines for w in words)


@cache
def disease_words() -> frozenset[str]:
    """Last words of diseases' names (``extract/data/entity_disease_words.txt``)."""
    return frozenset(ln.strip().lower() for ln in data_lines("newsgraph.extract", "entity_disease_words.txt"))


def disease(text: str) -> bool:
    """Whether a span names a disease (see the module docstring)."""
    words = text.split()
    return len(words) >= 2 and words[-1][:1].isupper() and words[-1].lower() in disease_words()


def ideology(text: str, label: str) -> bool:
    """Whether a span names an ideology (see the module docstring)."""
    words = text.split()
    last = words[-1]
    return (
        label != "NORP"
        and len(words) <= 2
        and last[:1].isupper()
        and last.lower().endswith("ism")
        and all(w[:1].isupper() for w in words)
    )


def paired_names(text: str) -> bool:
    """Whether a span is two known countries or people joined by a hyphen (module docstring)."""
    parts = [p.strip() for p in _HYPHENS.split(text)]
    return len(parts) == 2 and all(p and (actors.country_code(p) or actors.is_known_person(p)) for p in parts)


def model_code(word: str) -> bool:
    """A product's model code: letters and digits in one word ("G3", "AW3418DW", "S10")."""
    return any(c.isalpha() for c in word) and any(c.isdigit() for c in word) and "'" not in word


def product_name(doc: Doc, i: int, j: int, label: str) -> bool:
    """Whether the span ``[i, j)`` names a product (see the module docstring)."""
    if label not in _PRODUCT_LABELS:
        return False
    words = doc_words(doc)
    if words[j - 1].lower() in product_words() and j - i >= 2:
        return True  # "Amazon Music Unlimited"
    k = j
    if k + 2 < len(words) and words[k] == "and" and words[k + 1][:1].isupper():
        k += 2  # "Zacian and Zamazenta Edition": the product is named after both
        while k < len(words) and words[k][:1].isupper() and words[k].lower() not in product_words():
            k += 1
        return k < len(words) and words[k].lower() in product_words()
    if k >= len(words) or "\n" in words[k - 1]:
        return False
    return words[k].lower() in product_words() or (model_code(words[k]) and words[k][:1].isupper())


def opening_common_word(doc: Doc, i: int, j: int, label: str) -> bool:
    """Whether the one-word span at ``i`` is a common word capitalised only because it opens its
    sentence or line (see the module docstring)."""
    if j - i != 1 or not _opens(doc, i):
        return False
    words = doc_words(doc)
    word = words[i]
    lower = word.lower()
    if lower == word or word.isupper():
        return False  # an acronym is a name ("US" beside "us")
    if any(w == word and not _opens(doc, k) for k, w in enumerate(words)):
        return False  # a name inside a sentence somewhere
    common = doc[i].pos_ in _COMMON
    if lower in words:
        return common or not (common_given(word) or common_surname(lower))
    # never in lower case: the tagger's word class alone (no noun: "Arsenal 1 Everton 1" opens
    # with a club the tagger may read as one), or a common noun's plural ("Drones struck ..."), for
    # a span no group, place or party names
    return (
        ((common and doc[i].pos_ != "NOUN") or _common_plural(lower))
        and label in _PRODUCT_LABELS
        and gazetteer().subnational_country(word) is None
        and not _group(word)
        and actors.organisation(word) is None
    )


#: The model's common nouns (its lemmatizer's noun index), given by the entity component.
_NOUNS: set[frozenset[str]] = set()


def use_common_nouns(nouns: frozenset[str]) -> None:
    """Take ``nouns`` (the lower-case common nouns of the model's lemmatizer) as the nouns whose
    plurals :func:`opening_common_word` knows."""
    _NOUNS.clear()
    _NOUNS.add(nouns)


def common_noun(lower: str) -> bool:
    """Whether ``lower`` is one of the model's common nouns ("time", "who"; empty before the
    entity component gave them)."""
    return any(lower in nouns for nouns in _NOUNS)


def model_nouns(nlp: Language) -> frozenset[str]:
    """The common nouns of ``nlp``'s rule lemmatizer (its ``lemma_index`` table: WordNet's nouns
    in the English models), empty when it has none."""
    for _, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None)
        if isinstance(lookups, Lookups) and lookups.has_table("lemma_index"):
            index = lookups.get_table("lemma_index")
            return frozenset(index.get("noun", ()))
    return frozenset()


def _common_plural(lower: str) -> bool:
    """A common noun's regular plural ("drones", "protesters", "officials"), no common given name
    or surname ("Sanders", "Sessions")."""
    if len(lower) < 4 or not lower.endswith("s") or lower.endswith("ss") or not lower.isalpha():
        return False
    if common_given(lower) or common_surname(lower):
        return False
    singulars = [lower[:-1]] + ([lower[:-2]] if lower.endswith("es") else [])
    return any(w in nouns for nouns in _NOUNS for w in singulars)


def _group(word: str) -> bool:
    """A group's or party's adjective: its plural names a known body or country ("Democratic"
    beside "Democrats"; "Afghan")."""
    return actors.country_code(word) is not None or actors.organisation(word + "s") is not None


def _opens(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or bool(doc[i].is_sent_start)
