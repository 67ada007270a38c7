"""People named by one unknown word only (session 15): on real pages from many sites the model's
one-word "people" are mostly no people ("Chrome browser", "Spurs", "Shield", "Keystone pipeline",
"Specs", "Singleframe grille"). A person the article names only by one word is kept when something
says it is a person's name:

- the tables know a person by it ("Putin", ``people.tsv``), or it is a common US given name
  ("Kimberly") or a US surname borne by :data:`SURNAME_SHARE` percent of people or more ("Bush",
  "Reagan"; census lists of the ``names`` package);
- a title or role was found for it, or a word of address stands before it ("Mr.", "Dr.");
- a noun of kinship stands before it ("his wife, Lonnie");
- it is the subject of a verb of speech somewhere ("Sanborn said").

Otherwise the entity is dropped: a missing person costs less than a wrong one. Before that, on
the mentions (:func:`lone_places`), such a one-word "person" that the gazetteer or the country
table knows as a place of some size is that place ("Russian forces attacked Kharkiv", ``PERSON`` for
the model), unless "the" or "a" opens it ("the Keystone pipeline").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc

from ..resolve import actors
from ..resolve.gazetteer import gazetteer
from ..resolve.names import COMMON_GIVEN, census_shares, given_share
from .annotations import doc_lowers
from .mentions import Mention, address_words, name_tokens
from .quotes.lexicon import reporting_lemmas
from .relations import kin_nouns

#: A surname borne by this share (percent) of US people or more may name a person alone.
SURNAME_SHARE = 0.002
#: The fewest people of a place a one-word "person" may be taken for (Kharkiv, not Drama).
PLACE_PEOPLE = 100_000
#: Words that may stand between a kinship noun and the name ("his wife, Lonnie").
_KIN_GAP = frozenset({",", "the", "a"})


def unattested_person(doc: Doc, mentions: Sequence[Mention], has_roles: bool) -> bool:
    """Whether a ``PERSON`` entity of ``mentions`` is named only by one word that nothing says is a
    person's name (see the module docstring)."""
    if has_roles or not mentions or any(m.j - m.i != 1 for m in mentions):
        return False
    words = {m.text for m in mentions}
    if any(actors.is_known_person(w) or _personal_word(w) for w in words):
        return False
    lowers = doc_lowers(doc)
    return not any(_before(lowers, m.i) or _speaks(doc, m.i) for m in mentions)


def lone_places(doc: Doc, mentions: list[Mention]) -> None:
    """Relabel in place the one-word ``PERSON`` mentions that nothing says are a person's and that
    name a known place (see the module docstring)."""
    held = {w for m in mentions if m.label == "PERSON" and m.j - m.i > 1 for w in name_tokens(m.text)}
    lowers = doc_lowers(doc)
    by_text: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label == "PERSON":
            by_text.setdefault(m.text, []).append(m)
    for text, group in by_text.items():
        if text in held or any(m.j - m.i != 1 for m in group) or not _place(text):
            continue
        if actors.is_known_person(text) or _personal_word(text):
            continue
        if not any(
            _before(lowers, m.i) or _speaks(doc, m.i) or lowers[m.i - 1 : m.i] in (["the"], ["a"])
            for m in group
        ):
            for m in group:
                m.label = "GPE"


def _place(text: str) -> bool:
    """A country, or a place below the country that stands out and of :data:`PLACE_PEOPLE` people
    or more (not "Drama", a Greek town of 45,000, for a headline's "Drama doesn't slow ...")."""
    if actors.country_code(text) is not None:
        return True
    gaz = gazetteer()
    if gaz.subnational_country(text) is None:
        return False
    return max((p.population for p in gaz.candidates(text)), default=0) >= PLACE_PEOPLE


@cache
def _surname_shares() -> dict[str, float]:
    """US census surnames (capitals) of :data:`SURNAME_SHARE` or more -> share (percent)."""
    return census_shares("last", least=SURNAME_SHARE)


def _personal_word(word: str) -> bool:
    """A common US given name or a US surname of :data:`SURNAME_SHARE` or more."""
    letters = "".join(c for c in word.upper() if c.isalpha())
    return given_share(word) >= COMMON_GIVEN or _surname_shares().get(letters, 0.0) >= SURNAME_SHARE


def _before(lowers: list[str], i: int) -> bool:
    """A word of address ("Mr.") right before word ``i``, or a kinship noun a few words before."""
    k = i - 1
    if k >= 0 and lowers[k].rstrip(".") in address_words():
        return True
    while k >= 0 and lowers[k] in _KIN_GAP:
        k -= 1
    return k >= 0 and lowers[k] in kin_nouns()


def _speaks(doc: Doc, i: int) -> bool:
    token = doc[i]
    return token.dep_ == "nsubj" and token.head.lemma_ in reporting_lemmas()
